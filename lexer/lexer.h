/*
 * The lexer turns UTF-8 source text into tokens, one at a time, on demand of
 * the parser (ES2025 clause 12, ECMAScript Language: Lexical Grammar).
 *
 * Goal symbols. The lexical grammar has several goal symbols; which applies
 * depends on the syntactic context, which only the parser knows. The lexer
 * always scans with InputElementDiv / InputElementTemplateTail... as follows:
 *   - '/' and '/=' are scanned as punctuators. Where the parser expects an
 *     expression it calls lexer_rescan_regexp() to re-read them as a
 *     RegularExpressionLiteral (InputElementRegExp).
 *   - '}' is scanned as a punctuator. Where the parser closes a template
 *     substitution it calls lexer_rescan_template() to read the rest as a
 *     TemplateMiddle or TemplateTail (InputElementTemplateTail).
 *
 * Strict mode. The lexer never rejects legacy octal literals or escapes
 * itself, because a "use strict" directive can make earlier tokens of the
 * same directive prologue illegal. It flags such tokens (TF_LEGACY_OCTAL...)
 * and the parser reports them where strict mode applies.
 *
 * Input must be valid UTF-8 (source_decode_utf8 in lexer/utf8.h makes any
 * byte string so, as node does, replacing invalid sequences by U+FFFD).
 */
#ifndef NODUS_LEXER_LEXER_H
#define NODUS_LEXER_LEXER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lexer/arena.h"

typedef enum TokenType {
#define TOK(name, text) T_##name,
#include "lexer/tokens.def"
#undef TOK
    T__COUNT
} TokenType;

#define T_FIRST_KEYWORD T_AWAIT
#define T_LAST_KEYWORD T_YIELD

/* Words that are identifiers to the lexer but mean something to the parser in
 * some contexts (ES2025 12.7.2 and the productions that spell them). */
#define CONTEXTUAL_WORDS(W) \
    W(LET, "let") W(STATIC, "static") W(IMPLEMENTS, "implements") \
    W(INTERFACE, "interface") W(PACKAGE, "package") W(PRIVATE, "private") \
    W(PROTECTED, "protected") W(PUBLIC, "public") W(ASYNC, "async") \
    W(OF, "of") W(GET, "get") W(SET, "set") W(FROM, "from") W(AS, "as") \
    W(TARGET, "target") W(META, "meta") W(USING, "using") \
    W(ACCESSOR, "accessor") W(SOURCE, "source") W(DEFER, "defer") \
    W(ARGUMENTS, "arguments") W(EVAL, "eval") W(CONSTRUCTOR, "constructor") \
    W(PROTOTYPE, "prototype") W(PROTO, "__proto__") W(WITH_ATTR, "with")

typedef enum ContextualWord {
    CW_NONE = 0,
#define W(name, text) CW_##name,
    CONTEXTUAL_WORDS(W)
#undef W
    CW__COUNT
} ContextualWord;

/* Token flags */
enum {
    TF_ESCAPED = 1 << 0,        /* identifier or keyword spelled with \u escapes */
    TF_LEGACY_OCTAL = 1 << 1,   /* number 017 / 08, or string with \0dd-style or \8 \9 escape */
    TF_INVALID_ESCAPE = 1 << 2, /* template part with an invalid escape: cooked value is undefined */
    TF_NON_OCTAL_DECIMAL = 1 << 3, /* number 08 / 09 (leading zero, decimal digits), or string \8 \9 */
};

typedef struct Token {
    TokenType type;
    uint8_t flags;            /* TF_* */
    bool newline_before;      /* a LineTerminator (or a comment containing one) precedes it */
    uint8_t contextual;       /* ContextualWord for T_IDENTIFIER, else CW_NONE */
    TokenType escaped_keyword;/* T_IDENTIFIER spelled with escapes whose value is a reserved word: that word's type; else T_EOF */
    uint32_t start, end;      /* byte offsets of the token's source text, [start, end) */
    uint32_t line;            /* 1-based line of start */
    uint32_t col;             /* 0-based column of start, in UTF-16 code units */
    uint32_t error_offset;    /* T_ERROR, or TF_LEGACY_OCTAL/TF_INVALID_ESCAPE: byte offset of the offending text */
    union {
        double number;        /* T_NUMBER */
        struct {              /* T_IDENTIFIER, T_PRIVATE_NAME, keywords: the name's value (escapes decoded), UTF-8 */
            const char *chars;
            uint32_t len;
        } name;
        struct {              /* T_BIGINT: the digits with radix prefix, no separators, no 'n': "0x1f", "123" */
            const char *chars;
            uint32_t len;
        } bigint;
        struct {              /* T_STRING and template parts: cooked value, UTF-16; template parts also raw */
            const uint16_t *chars;
            uint32_t len;
            const uint16_t *raw;  /* templates only: raw value (CR and CRLF read as LF) */
            uint32_t raw_len;
        } string;
        struct {              /* T_REGEXP */
            const uint16_t *body; /* pattern text between the slashes, UTF-16 */
            uint32_t body_len;
            const char *flags;    /* flag letters, ASCII */
            uint32_t flags_len;
        } regexp;
    } value;
} Token;

typedef struct Lexer {
    const char *src;          /* UTF-8 source, not necessarily NUL-terminated */
    uint32_t len;
    uint32_t pos;             /* next byte to scan */
    uint32_t line;            /* line of pos, 1-based */
    uint32_t line_start;      /* byte offset where that line starts */
    uint32_t col_adjust;      /* bytes minus UTF-16 units between line_start and pos */
    bool is_module;           /* Module goal: no HTML-like comments */
    Arena *arena;             /* token values live here */
    Token tok;                /* the current token */
    const char *error;        /* message of the last T_ERROR (static string or arena) */
} Lexer;

/* What lexer_mark saves, so that the parser can look ahead and come back. */
typedef struct LexerMark {
    uint32_t pos, line, line_start, col_adjust;
    Token tok;
} LexerMark;

void lexer_init(Lexer *lexer, Arena *arena, const char *src, uint32_t len, bool is_module);
/* Scans the next token into lexer->tok. Skips a hashbang comment at offset 0. */
void lexer_next(Lexer *lexer);
/* The current token is '/' or '/=': rescan it as a regular expression literal. */
void lexer_rescan_regexp(Lexer *lexer);
/* The current token is '}' closing a substitution: rescan as TemplateMiddle/Tail. */
void lexer_rescan_template(Lexer *lexer);
void lexer_mark(const Lexer *lexer, LexerMark *mark);
void lexer_reset(Lexer *lexer, const LexerMark *mark);

/* Line and 0-based UTF-16 column of a byte offset (scans from the start; for
 * error messages and AST dumps, not hot paths). */
void lexer_locate(const char *src, uint32_t len, uint32_t offset, uint32_t *line, uint32_t *col);

/* The message node gives for the escape sequence at offset (a backslash)
 * that made a token TF_INVALID_ESCAPE (in_template: an untagged template) or
 * TF_LEGACY_OCTAL (a string in strict mode): "Octal escape sequences are not
 * allowed in strict mode.", "Invalid hexadecimal escape sequence", ... */
const char *lexer_escape_error_message(const char *src, uint32_t len, uint32_t offset, bool in_template);

const char *token_type_name(TokenType type);   /* "LBRACE", "IDENTIFIER", ... */
const char *token_type_text(TokenType type);   /* "{", "identifier", ... */
const char *contextual_word_text(ContextualWord word);

/* Unicode classes used by the lexer and by the regular expression checker. */
bool unicode_is_id_start(uint32_t cp);      /* ID_Start, plus $ and _ */
bool unicode_is_id_continue(uint32_t cp);   /* ID_Continue, plus $, ZWNJ, ZWJ */
bool unicode_is_space(uint32_t cp);         /* WhiteSpace (ES2025 12.2) */
bool unicode_is_line_terminator(uint32_t cp);

#endif
