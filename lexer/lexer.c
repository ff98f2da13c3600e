/*
 * The lexer's core (ES2025 clause 12): white space, line terminators,
 * comments, punctuators, identifiers, keywords and private names; position
 * tracking; mark/reset. Numbers are in lex_number.c; strings, templates and
 * regular expressions in lex_string.c.
 *
 * Error tokens: type T_ERROR, lexer->error the message, tok.error_offset
 * where the caret goes, and [tok.start, tok.end) the text scanned so far
 * (what V8 underlines). The scan position always moves past an error, so a
 * caller that goes on calling lexer_next cannot loop forever.
 */
#include <string.h>

#include "lexer/lex_internal.h"
#include "lexer/utf8.h"

/* ---- Names of tokens and words ---- */

static const char *const token_names[] = {
#define TOK(name, text) #name,
#include "lexer/tokens.def"
#undef TOK
};

static const char *const token_texts[] = {
#define TOK(name, text) text,
#include "lexer/tokens.def"
#undef TOK
};

static const char *const contextual_texts[] = {
    "",
#define W(name, text) text,
    CONTEXTUAL_WORDS(W)
#undef W
};

const char *token_type_name(TokenType type)
{
    return (unsigned)type < T__COUNT ? token_names[type] : "?";
}

const char *token_type_text(TokenType type)
{
    /* tokens.def spells this "??=", a trigraph that -std=c11 turns into "#". */
    if (type == T_QUESTION_QUESTION_ASSIGN)
        return "?\?=";
    return (unsigned)type < T__COUNT ? token_texts[type] : "?";
}

const char *contextual_word_text(ContextualWord word)
{
    return (unsigned)word < CW__COUNT ? contextual_texts[word] : "";
}

/* ---- ASCII character classes ---- */

#define S_ (CC_ID_START | CC_ID_PART)           /* letter, $ or _ */
#define H_ (CC_ID_START | CC_ID_PART | CC_HEX)  /* hex letter */
#define D_ (CC_ID_PART | CC_DIGIT | CC_HEX)     /* digit */
const uint8_t lex_char_class[256] = {
    /* 0x00 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 0x10 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /*  !"#$%&'()*+,-./ */ 0, 0, 0, 0, S_, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 0123456789:;<=>? */ D_, D_, D_, D_, D_, D_, D_, D_, D_, D_, 0, 0, 0, 0, 0, 0,
    /* @ABCDEFGHIJKLMNO */ 0, H_, H_, H_, H_, H_, H_, S_, S_, S_, S_, S_, S_, S_, S_, S_,
    /* PQRSTUVWXYZ[\]^_ */ S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, 0, 0, 0, 0, S_,
    /* `abcdefghijklmno */ 0, H_, H_, H_, H_, H_, H_, S_, S_, S_, S_, S_, S_, S_, S_, S_,
    /* pqrstuvwxyz{|}~  */ S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, 0, 0, 0, 0, 0,
    /* 0x80..0xFF: non-ASCII, handled by the slow paths */
};
#undef S_
#undef H_
#undef D_

/* ---- Reserved and contextual words ---- */

typedef struct Word {
    const char *text;
    TokenType keyword;         /* T_EOF when not a reserved word */
    ContextualWord contextual; /* CW_NONE when not a contextual word */
} Word;

#define KW(text, type) {text, T_##type, CW_NONE}
#define CW(text, word) {text, T_EOF, CW_##word}
static const Word words2[] = {CW("as", AS), KW("do", DO), KW("if", IF), KW("in", IN), CW("of", OF)};
static const Word words3[] = {KW("for", FOR), CW("get", GET), CW("let", LET), KW("new", NEW),
                              CW("set", SET), KW("try", TRY), KW("var", VAR)};
static const Word words4[] = {KW("case", CASE), KW("else", ELSE), KW("enum", ENUM), CW("eval", EVAL),
                              CW("from", FROM), CW("meta", META), KW("null", NULL), KW("this", THIS),
                              KW("true", TRUE), KW("void", VOID), {"with", T_WITH, CW_WITH_ATTR}};
static const Word words5[] = {CW("async", ASYNC), KW("await", AWAIT), KW("break", BREAK), KW("catch", CATCH),
                              KW("class", CLASS), KW("const", CONST), CW("defer", DEFER), KW("false", FALSE),
                              KW("super", SUPER), KW("throw", THROW), CW("using", USING), KW("while", WHILE),
                              KW("yield", YIELD)};
static const Word words6[] = {KW("delete", DELETE), KW("export", EXPORT), KW("import", IMPORT),
                              CW("public", PUBLIC), KW("return", RETURN), CW("source", SOURCE),
                              CW("static", STATIC), KW("switch", SWITCH), CW("target", TARGET),
                              KW("typeof", TYPEOF)};
static const Word words7[] = {KW("default", DEFAULT), KW("extends", EXTENDS), KW("finally", FINALLY),
                              CW("package", PACKAGE), CW("private", PRIVATE)};
static const Word words8[] = {CW("accessor", ACCESSOR), KW("continue", CONTINUE), KW("debugger", DEBUGGER),
                              KW("function", FUNCTION)};
static const Word words9[] = {CW("__proto__", PROTO), CW("arguments", ARGUMENTS), CW("interface", INTERFACE),
                              CW("protected", PROTECTED), CW("prototype", PROTOTYPE)};
static const Word words10[] = {CW("implements", IMPLEMENTS), KW("instanceof", INSTANCEOF)};
static const Word words11[] = {CW("constructor", CONSTRUCTOR)};
#undef KW
#undef CW

#define WORDS(array) {array, sizeof array / sizeof array[0]}
static const struct {
    const Word *words;
    size_t count;
} words_by_length[12] = {
    {NULL, 0}, {NULL, 0}, WORDS(words2), WORDS(words3), WORDS(words4), WORDS(words5),
    WORDS(words6), WORDS(words7), WORDS(words8), WORDS(words9), WORDS(words10), WORDS(words11),
};
#undef WORDS

/* The word spelled chars[0..len), if reserved or contextual. Buckets by
 * length, then compares the first letter before the rest. */
static const Word *lookup_word(const char *chars, uint32_t len)
{
    if (len < 2 || len > 11)
        return NULL;
    const Word *words = words_by_length[len].words;
    size_t count = words_by_length[len].count;
    for (size_t i = 0; i < count; i++) {
        if (words[i].text[0] == chars[0] && memcmp(words[i].text, chars, len) == 0)
            return &words[i];
    }
    return NULL;
}

/* ---- Position tracking ---- */

void lex_newline(Lexer *lexer, uint32_t start)
{
    lexer->line++;
    lexer->line_start = start;
    lexer->col_adjust = 0;
}

uint32_t lex_advance_code_point(Lexer *lexer)
{
    uint32_t start = lexer->pos;
    uint32_t cp = utf8_decode(lexer->src, lexer->len, &lexer->pos);
    if (cp == 0x2028 || cp == 0x2029) {
        lex_newline(lexer, lexer->pos);
        return cp;
    }
    /* Bytes this code point takes minus the UTF-16 units it counts for. */
    lexer->col_adjust += (lexer->pos - start) - (cp >= 0x10000 ? 2 : 1);
    return cp;
}

void lex_advance_line_terminator(Lexer *lexer)
{
    unsigned char c = (unsigned char)lexer->src[lexer->pos];
    if (c >= 0x80) {
        lex_advance_code_point(lexer);
        return;
    }
    lexer->pos++;
    if (c == '\r' && lexer->pos < lexer->len && lexer->src[lexer->pos] == '\n')
        lexer->pos++;
    lex_newline(lexer, lexer->pos);
}

void lex_advance_char(Lexer *lexer)
{
    unsigned char c = (unsigned char)lexer->src[lexer->pos];
    if (c == '\n' || c == '\r')
        lex_advance_line_terminator(lexer);
    else if (c < 0x80)
        lexer->pos++;
    else
        lex_advance_code_point(lexer);
}

static uint32_t peek_code_point(const Lexer *lexer, uint32_t pos)
{
    return utf8_decode(lexer->src, lexer->len, &pos);
}

bool lex_identifier_start_at(const Lexer *lexer, uint32_t pos)
{
    if (pos >= lexer->len)
        return false;
    unsigned char c = (unsigned char)lexer->src[pos];
    if (c < 0x80)
        return (lex_char_class[c] & CC_ID_START) || c == '\\';
    return unicode_is_id_start(peek_code_point(lexer, pos));
}

void lexer_locate(const char *src, uint32_t len, uint32_t offset, uint32_t *line, uint32_t *col)
{
    uint32_t pos = 0, l = 1, c = 0;
    if (offset > len)
        offset = len;
    while (pos < offset) {
        unsigned char b = (unsigned char)src[pos];
        if (b == '\n' || b == '\r') {
            pos++;
            if (b == '\r' && pos < len && pos < offset && src[pos] == '\n')
                pos++;
            l++;
            c = 0;
        } else if (b < 0x80) {
            pos++;
            c++;
        } else {
            uint32_t cp = utf8_decode(src, len, &pos);
            if (cp == 0x2028 || cp == 0x2029) {
                l++;
                c = 0;
            } else {
                c += cp >= 0x10000 ? 2 : 1;
            }
        }
    }
    *line = l;
    *col = c;
}

/* ---- Tokens ---- */

void lexer_init(Lexer *lexer, Arena *arena, const char *src, uint32_t len, bool is_module)
{
    memset(lexer, 0, sizeof *lexer);
    lexer->src = src;
    lexer->len = len;
    lexer->line = 1;
    lexer->is_module = is_module;
    lexer->arena = arena;
    lexer->tok.type = T_EOF;
    lexer->tok.line = 1;
}

static void begin_token(Lexer *lexer, bool newline_before)
{
    Token *tok = &lexer->tok;
    tok->type = T_ERROR;
    tok->flags = 0;
    tok->newline_before = newline_before;
    tok->contextual = CW_NONE;
    tok->escaped_keyword = T_EOF;
    tok->start = tok->end = lexer->pos;
    tok->line = lexer->line;
    tok->col = lexer->pos - lexer->line_start - lexer->col_adjust;
    tok->error_offset = 0;
    memset(&tok->value, 0, sizeof tok->value);
}

void lex_error(Lexer *lexer, const char *message, uint32_t error_offset)
{
    Token *tok = &lexer->tok;
    tok->type = T_ERROR;
    tok->error_offset = error_offset;
    lexer->error = message;
    if (lexer->pos <= tok->start && tok->start < lexer->len) {
        lexer->pos = tok->start;
        if ((unsigned char)lexer->src[lexer->pos] < 0x80)
            lexer->pos++;
        else
            lex_advance_code_point(lexer);
    }
    tok->end = lexer->pos;
}

static void finish_token(Lexer *lexer, TokenType type, uint32_t length)
{
    lexer->pos += length;
    lexer->tok.type = type;
    lexer->tok.end = lexer->pos;
}

/* ---- White space and comments (ES2025 12.2, 12.3, 12.4, B.1.1) ---- */

static bool starts_with(const Lexer *lexer, const char *text, uint32_t n)
{
    return lexer->len - lexer->pos >= n && memcmp(lexer->src + lexer->pos, text, n) == 0;
}

/* SingleLineComment (and the hashbang and HTML-like forms): everything up
 * to, not including, the next LineTerminator. The column tracking can be
 * left alone: a line terminator or the end of input follows. */
static void skip_to_line_end(Lexer *lexer)
{
    const unsigned char *s = (const unsigned char *)lexer->src;
    uint32_t pos = lexer->pos, len = lexer->len;
    while (pos < len) {
        unsigned char c = s[pos];
        if (c == '\n' || c == '\r')
            break;
        /* E2 80 A8 and E2 80 A9 are U+2028 and U+2029 */
        if (c == 0xE2 && len - pos >= 3 && s[pos + 1] == 0x80 && (s[pos + 2] == 0xA8 || s[pos + 2] == 0xA9))
            break;
        pos++;
    }
    lexer->pos = pos;
}

/* MultiLineComment; pos after the opening slash-star. Returns false if the
 * comment is not closed. Sets *newline if it contains a line terminator. */
static bool skip_block_comment(Lexer *lexer, bool *newline)
{
    const char *s = lexer->src;
    while (lexer->pos < lexer->len) {
        unsigned char c = (unsigned char)s[lexer->pos];
        if (c == '*' && lexer->pos + 1 < lexer->len && s[lexer->pos + 1] == '/') {
            lexer->pos += 2;
            return true;
        }
        if (c == '\n' || c == '\r') {
            lex_advance_line_terminator(lexer);
            *newline = true;
        } else if (c < 0x80) {
            lexer->pos++;
        } else {
            uint32_t cp = lex_advance_code_point(lexer);
            if (cp == 0x2028 || cp == 0x2029)
                *newline = true;
        }
    }
    return false;
}

/* Skips white space and comments before a token. Returns false, with the
 * lexer back at the comment's start, if a comment is not closed. */
static bool skip_trivia(Lexer *lexer, bool *newline)
{
    const char *s = lexer->src;
    *newline = lexer->pos == 0;
    if (lexer->pos == 0 && starts_with(lexer, "#!", 2))
        skip_to_line_end(lexer); /* ES2025 12.5 Hashbang Comments */
    while (lexer->pos < lexer->len) {
        unsigned char c = (unsigned char)s[lexer->pos];
        switch (c) {
        case ' ': case '\t': case '\v': case '\f':
            lexer->pos++;
            continue;
        case '\n': case '\r':
            lex_advance_line_terminator(lexer);
            *newline = true;
            continue;
        case '/':
            if (starts_with(lexer, "//", 2)) {
                skip_to_line_end(lexer);
                continue;
            }
            if (starts_with(lexer, "/*", 2)) {
                LexerMark at;
                lexer_mark(lexer, &at);
                lexer->pos += 2;
                if (!skip_block_comment(lexer, newline)) {
                    lexer_reset(lexer, &at);
                    return false;
                }
                continue;
            }
            return true;
        case '<': /* B.1.1 SingleLineHTMLOpenComment */
            if (!lexer->is_module && starts_with(lexer, "<!--", 4)) {
                skip_to_line_end(lexer);
                continue;
            }
            return true;
        case '-': /* B.1.1 HTMLCloseComment: only first on a line, after
                   * white space and comments without line terminators */
            if (!lexer->is_module && *newline && starts_with(lexer, "-->", 3)) {
                skip_to_line_end(lexer);
                continue;
            }
            return true;
        default:
            if (c < 0x80)
                return true;
            uint32_t cp = peek_code_point(lexer, lexer->pos);
            if (cp == 0x2028 || cp == 0x2029)
                *newline = true;
            else if (!unicode_is_space(cp))
                return true;
            lex_advance_code_point(lexer);
            continue;
        }
    }
    return true;
}

/* ---- Identifiers and private names (ES2025 12.7) ---- */

/* Reads \uXXXX or \u{X...} of an IdentifierName; pos at the backslash. */
static bool read_identifier_escape(Lexer *lexer, uint32_t *cp)
{
    uint32_t backslash = lexer->pos;
    if (lexer->pos + 1 >= lexer->len || lexer->src[lexer->pos + 1] != 'u') {
        lexer->pos = backslash + 1;
        lex_error(lexer, MSG_INVALID_TOKEN, lexer->tok.start);
        return false;
    }
    uint32_t pos = backslash + 2;
    EscapeStatus status = lex_read_unicode_escape(lexer->src, lexer->len, &pos, cp);
    if (status != ESCAPE_OK) {
        lexer->pos = pos;
        if (status == ESCAPE_BAD_CODE_POINT)
            lex_error(lexer, MSG_UNDEFINED_CODE_POINT, backslash);
        else
            lex_error(lexer, MSG_INVALID_UNICODE_ESCAPE, pos);
        return false;
    }
    lexer->pos = pos;
    return true;
}

/* Assigns the token its name and type: keyword, identifier or private name. */
static void finish_name(Lexer *lexer, TokenType type, const char *chars, uint32_t len, bool escaped)
{
    Token *tok = &lexer->tok;
    tok->value.name.chars = chars;
    tok->value.name.len = len;
    tok->end = lexer->pos;
    tok->type = type;
    if (escaped)
        tok->flags |= TF_ESCAPED;
    if (type != T_IDENTIFIER)
        return;
    const Word *word = lookup_word(chars, len);
    if (!word)
        return;
    if (word->keyword != T_EOF) {
        if (!escaped) {
            /* ES2025 12.7.2: a reserved word is a keyword only when spelled
             * without escapes; escaped, the parser must reject it where a
             * keyword is meant, so it learns which one. */
            tok->type = word->keyword;
            return;
        }
        tok->escaped_keyword = word->keyword;
    }
    tok->contextual = (uint8_t)word->contextual;
}

/* Scans an IdentifierName with escapes or non-ASCII characters, validating
 * each character; returns the UTF-8 length of its value, or -1 on error. */
static long measure_identifier(Lexer *lexer, bool *escaped)
{
    long value_len = 0;
    bool first = true;
    while (lexer->pos < lexer->len) {
        unsigned char c = (unsigned char)lexer->src[lexer->pos];
        uint32_t cp;
        if (c < 0x80 && c != '\\') {
            if (!(lex_char_class[c] & (first ? CC_ID_START : CC_ID_PART)))
                break;
            lexer->pos++;
            value_len++;
        } else if (c == '\\') {
            uint32_t at = lexer->pos;
            if (!read_identifier_escape(lexer, &cp))
                return -1;
            if (!(first ? unicode_is_id_start(cp) : unicode_is_id_continue(cp))) {
                lex_error(lexer, MSG_INVALID_TOKEN, at);
                return -1;
            }
            *escaped = true;
            char buf[4];
            value_len += utf8_encode(cp, buf);
        } else {
            cp = peek_code_point(lexer, lexer->pos);
            if (!(first ? unicode_is_id_start(cp) : unicode_is_id_continue(cp)))
                break;
            uint32_t at = lexer->pos;
            lex_advance_code_point(lexer);
            value_len += lexer->pos - at;
        }
        first = false;
    }
    if (first) {
        lex_error(lexer, MSG_INVALID_TOKEN, lexer->tok.start);
        return -1;
    }
    return value_len;
}

/* Writes the value of the already validated name in [start, end). */
static void decode_identifier(const char *src, uint32_t start, uint32_t end, char *out)
{
    uint32_t pos = start;
    while (pos < end) {
        if (src[pos] != '\\') {
            *out++ = src[pos++];
            continue;
        }
        uint32_t cp = 0;
        pos += 2; /* \u */
        lex_read_unicode_escape(src, end, &pos, &cp);
        out += utf8_encode(cp, out);
    }
}

static void lex_identifier_slow(Lexer *lexer, TokenType type, uint32_t name_start)
{
    bool escaped = false;
    lexer->pos = name_start;
    long value_len = measure_identifier(lexer, &escaped);
    if (value_len < 0)
        return;
    if (!escaped) {
        finish_name(lexer, type, lexer->src + name_start, lexer->pos - name_start, false);
        return;
    }
    char *value = arena_alloc(lexer->arena, (size_t)value_len);
    if (!value) {
        lex_error(lexer, MSG_OUT_OF_MEMORY, lexer->tok.start);
        return;
    }
    decode_identifier(lexer->src, name_start, lexer->pos, value);
    finish_name(lexer, type, value, (uint32_t)value_len, true);
}

/* IdentifierName, or the name of a PrivateIdentifier (type T_PRIVATE_NAME);
 * pos at its first character. The fast path handles plain ASCII names. */
static void lex_identifier(Lexer *lexer, TokenType type)
{
    const unsigned char *s = (const unsigned char *)lexer->src;
    uint32_t start = lexer->pos, pos = start, len = lexer->len;
    if (pos < len && (lex_char_class[s[pos]] & CC_ID_START)) {
        pos++;
        while (pos < len && (lex_char_class[s[pos]] & CC_ID_PART))
            pos++;
        if (pos >= len || (s[pos] != '\\' && s[pos] < 0x80)) {
            lexer->pos = pos;
            finish_name(lexer, type, lexer->src + start, pos - start, false);
            return;
        }
    }
    lex_identifier_slow(lexer, type, start);
}

/* ---- Punctuators (ES2025 12.8) ---- */

static unsigned char peek(const Lexer *lexer, uint32_t ahead)
{
    uint32_t pos = lexer->pos + ahead;
    return pos < lexer->len ? (unsigned char)lexer->src[pos] : 0;
}

/* An operator c, c=, cc or cc= (like & &= && &&=). */
static void lex_doubling_operator(Lexer *lexer, unsigned char c, TokenType single, TokenType assign,
                                  TokenType doubled, TokenType doubled_assign)
{
    if (peek(lexer, 1) == c) {
        if (doubled_assign != T_EOF && peek(lexer, 2) == '=')
            finish_token(lexer, doubled_assign, 3);
        else
            finish_token(lexer, doubled, 2);
    } else if (peek(lexer, 1) == '=') {
        finish_token(lexer, assign, 2);
    } else {
        finish_token(lexer, single, 1);
    }
}

/* An operator of length chars, or its compound assignment when '=' follows
 * (like % and %=, >>> and >>>=). */
static void lex_maybe_assign(Lexer *lexer, uint32_t length, TokenType plain, TokenType assign)
{
    if (peek(lexer, length) == '=')
        finish_token(lexer, assign, length + 1);
    else
        finish_token(lexer, plain, length);
}

static void lex_less(Lexer *lexer)
{
    if (peek(lexer, 1) == '<')
        lex_maybe_assign(lexer, 2, T_SHL, T_SHL_ASSIGN);
    else
        lex_maybe_assign(lexer, 1, T_LT, T_LE);
}

static void lex_greater(Lexer *lexer)
{
    if (peek(lexer, 1) == '>' && peek(lexer, 2) == '>')
        lex_maybe_assign(lexer, 3, T_SHR, T_SHR_ASSIGN);
    else if (peek(lexer, 1) == '>')
        lex_maybe_assign(lexer, 2, T_SAR, T_SAR_ASSIGN);
    else
        lex_maybe_assign(lexer, 1, T_GT, T_GE);
}

/* = == === =>  and  ! != !== */
static void lex_equality(Lexer *lexer, unsigned char c)
{
    if (peek(lexer, 1) == '=') {
        if (peek(lexer, 2) == '=')
            finish_token(lexer, c == '=' ? T_STRICT_EQ : T_STRICT_NE, 3);
        else
            finish_token(lexer, c == '=' ? T_EQ : T_NE, 2);
    } else if (c == '=' && peek(lexer, 1) == '>') {
        finish_token(lexer, T_ARROW, 2);
    } else {
        finish_token(lexer, c == '=' ? T_ASSIGN : T_BANG, 1);
    }
}

static void lex_question(Lexer *lexer)
{
    if (peek(lexer, 1) == '?')
        lex_maybe_assign(lexer, 2, T_QUESTION_QUESTION, T_QUESTION_QUESTION_ASSIGN);
    else if (peek(lexer, 1) == '.' && !lex_is_digit(peek(lexer, 2)))
        finish_token(lexer, T_QUESTION_DOT, 2); /* OptionalChainingPunctuator: ?. [lookahead ∉ DecimalDigit] */
    else
        finish_token(lexer, T_QUESTION, 1);
}

static void lex_dot(Lexer *lexer)
{
    if (lex_is_digit(peek(lexer, 1)))
        lex_number(lexer);
    else if (peek(lexer, 1) == '.' && peek(lexer, 2) == '.')
        finish_token(lexer, T_ELLIPSIS, 3);
    else
        finish_token(lexer, T_DOT, 1);
}

static void lex_private_name(Lexer *lexer)
{
    if (!lex_identifier_start_at(lexer, lexer->pos + 1)) {
        lexer->pos++;
        lex_error(lexer, MSG_INVALID_TOKEN, lexer->tok.start);
        return;
    }
    lexer->pos++;
    lex_identifier(lexer, T_PRIVATE_NAME);
}

static void lex_non_ascii(Lexer *lexer)
{
    if (unicode_is_id_start(peek_code_point(lexer, lexer->pos)))
        lex_identifier(lexer, T_IDENTIFIER);
    else
        lex_error(lexer, MSG_INVALID_TOKEN, lexer->pos);
}

static void lex_punctuator(Lexer *lexer, unsigned char c)
{
    switch (c) {
    case '{': finish_token(lexer, T_LBRACE, 1); return;
    case '}': finish_token(lexer, T_RBRACE, 1); return;
    case '(': finish_token(lexer, T_LPAREN, 1); return;
    case ')': finish_token(lexer, T_RPAREN, 1); return;
    case '[': finish_token(lexer, T_LBRACKET, 1); return;
    case ']': finish_token(lexer, T_RBRACKET, 1); return;
    case ';': finish_token(lexer, T_SEMICOLON, 1); return;
    case ',': finish_token(lexer, T_COMMA, 1); return;
    case ':': finish_token(lexer, T_COLON, 1); return;
    case '~': finish_token(lexer, T_TILDE, 1); return;
    case '@': finish_token(lexer, T_AT, 1); return;
    case '.': lex_dot(lexer); return;
    case '<': lex_less(lexer); return;
    case '>': lex_greater(lexer); return;
    case '=': case '!': lex_equality(lexer, c); return;
    case '?': lex_question(lexer); return;
    case '+': lex_doubling_operator(lexer, c, T_PLUS, T_PLUS_ASSIGN, T_PLUS_PLUS, T_EOF); return;
    case '-': lex_doubling_operator(lexer, c, T_MINUS, T_MINUS_ASSIGN, T_MINUS_MINUS, T_EOF); return;
    case '*': lex_doubling_operator(lexer, c, T_STAR, T_STAR_ASSIGN, T_STAR_STAR, T_STAR_STAR_ASSIGN); return;
    case '&': lex_doubling_operator(lexer, c, T_AMP, T_AMP_ASSIGN, T_AMP_AMP, T_AMP_AMP_ASSIGN); return;
    case '|': lex_doubling_operator(lexer, c, T_PIPE, T_PIPE_ASSIGN, T_PIPE_PIPE, T_PIPE_PIPE_ASSIGN); return;
    case '/': lex_maybe_assign(lexer, 1, T_SLASH, T_SLASH_ASSIGN); return;
    case '%': lex_maybe_assign(lexer, 1, T_PERCENT, T_PERCENT_ASSIGN); return;
    case '^': lex_maybe_assign(lexer, 1, T_CARET, T_CARET_ASSIGN); return;
    default: lex_error(lexer, MSG_INVALID_TOKEN, lexer->pos); return;
    }
}

static void scan_token(Lexer *lexer)
{
    unsigned char c = (unsigned char)lexer->src[lexer->pos];
    if (lex_char_class[c] & CC_ID_START) {
        lex_identifier(lexer, T_IDENTIFIER);
    } else if (lex_is_digit(c)) {
        lex_number(lexer);
    } else if (c == '"' || c == '\'') {
        lex_string(lexer);
    } else if (c == '`') {
        lexer->pos++;
        lex_template(lexer);
    } else if (c == '\\') {
        lex_identifier(lexer, T_IDENTIFIER);
    } else if (c == '#') {
        lex_private_name(lexer);
    } else if (c >= 0x80) {
        lex_non_ascii(lexer);
    } else {
        lex_punctuator(lexer, c);
    }
}

void lexer_next(Lexer *lexer)
{
    bool newline;
    bool closed = skip_trivia(lexer, &newline);
    begin_token(lexer, newline);
    if (!closed) {
        lexer->pos = lexer->len;
        lex_error(lexer, MSG_INVALID_TOKEN, lexer->tok.start);
        return;
    }
    if (lexer->pos >= lexer->len) {
        lexer->tok.type = T_EOF;
        return;
    }
    scan_token(lexer);
}

/* Clears what a rescan recomputes, keeping the start and position. */
static void restart_token(Lexer *lexer)
{
    Token *tok = &lexer->tok;
    lexer->pos = tok->start + 1;
    tok->type = T_ERROR;
    tok->flags = 0;
    tok->contextual = CW_NONE;
    tok->escaped_keyword = T_EOF;
    tok->error_offset = 0;
    memset(&tok->value, 0, sizeof tok->value);
}

void lexer_rescan_regexp(Lexer *lexer)
{
    restart_token(lexer);
    lex_regexp(lexer);
}

void lexer_rescan_template(Lexer *lexer)
{
    restart_token(lexer);
    lex_template(lexer);
}

void lexer_mark(const Lexer *lexer, LexerMark *mark)
{
    mark->pos = lexer->pos;
    mark->line = lexer->line;
    mark->line_start = lexer->line_start;
    mark->col_adjust = lexer->col_adjust;
    mark->tok = lexer->tok;
}

void lexer_reset(Lexer *lexer, const LexerMark *mark)
{
    lexer->pos = mark->pos;
    lexer->line = mark->line;
    lexer->line_start = mark->line_start;
    lexer->col_adjust = mark->col_adjust;
    lexer->tok = mark->tok;
}
