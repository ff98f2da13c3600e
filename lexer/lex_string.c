/*
 * String literals (ES2025 12.9.4), template literal parts (12.9.6) and the
 * body of regular expression literals (12.9.5), with their escapes.
 *
 * Each is scanned twice: first to find where it ends (keeping the line and
 * column tracking, reporting unterminated literals), then to decode its
 * value into the arena as UTF-16, knowing an upper bound of its length (a
 * UTF-8 byte never gives more than one UTF-16 unit).
 */
#include <string.h>

#include "lexer/lex_internal.h"
#include "lexer/utf8.h"

/* ---- Escape sequences ---- */

EscapeStatus lex_read_unicode_escape(const char *src, uint32_t len, uint32_t *pos, uint32_t *cp)
{
    uint32_t p = *pos, value = 0;
    if (p < len && src[p] == '{') {
        /* CodePoint :: HexDigits but only if MV of HexDigits ≤ 0x10FFFF */
        p++;
        uint32_t digits = 0;
        bool too_big = false;
        int digit;
        while (p < len && (digit = lex_hex_value((unsigned char)src[p])) >= 0) {
            value = value * 16 + (uint32_t)digit;
            too_big |= value > 0x10FFFF;
            if (too_big)
                value = 0x110000; /* keep it from overflowing */
            digits++;
            p++;
        }
        *pos = p;
        if (digits == 0 || p >= len || src[p] != '}')
            return too_big ? ESCAPE_BAD_CODE_POINT : ESCAPE_BAD_UNICODE;
        if (too_big)
            return ESCAPE_BAD_CODE_POINT;
        *pos = p + 1;
        *cp = value;
        return ESCAPE_OK;
    }
    for (int i = 0; i < 4; i++, p++) {
        int digit = p < len ? lex_hex_value((unsigned char)src[p]) : -1;
        if (digit < 0) {
            *pos = p;
            return ESCAPE_BAD_UNICODE;
        }
        value = value * 16 + (uint32_t)digit;
    }
    *pos = p;
    *cp = value;
    return ESCAPE_OK;
}

/* B.1.2 LegacyOctalEscapeSequence: \0 before 8 or 9, \1..\7, and up to
 * three digits for ZeroToThree, two for FourToSeven. pos at the first. */
static EscapeStatus read_legacy_octal(const char *src, uint32_t len, uint32_t *pos, uint32_t *cp)
{
    uint32_t p = *pos;
    uint32_t value = (uint32_t)(src[p++] - '0');
    uint32_t max_digits = value <= 3 ? 3 : 2;
    for (uint32_t n = 1; n < max_digits && p < len && src[p] >= '0' && src[p] <= '7'; n++)
        value = value * 8 + (uint32_t)(src[p++] - '0');
    *pos = p;
    *cp = value;
    return ESCAPE_LEGACY_OCTAL;
}

static EscapeStatus read_hex_escape(const char *src, uint32_t len, uint32_t *pos, uint32_t *cp)
{
    uint32_t p = *pos;
    int high = p < len ? lex_hex_value((unsigned char)src[p]) : -1;
    int low = p + 1 < len ? lex_hex_value((unsigned char)src[p + 1]) : -1;
    if (high < 0 || low < 0) {
        *pos = p + (high >= 0);
        return ESCAPE_BAD_HEX;
    }
    *pos = p + 2;
    *cp = (uint32_t)(high * 16 + low);
    return ESCAPE_OK;
}

/* Reads one escape; *pos just after the backslash, which is not the last
 * character. Leaves *pos after the escape (or at the offending character). */
static EscapeStatus read_escape(const char *src, uint32_t len, uint32_t *pos, uint32_t *cp)
{
    unsigned char c = (unsigned char)src[*pos];
    switch (c) {
    case 'b': *cp = '\b'; break;
    case 't': *cp = '\t'; break;
    case 'n': *cp = '\n'; break;
    case 'v': *cp = '\v'; break;
    case 'f': *cp = '\f'; break;
    case 'r': *cp = '\r'; break;
    case 'x':
        (*pos)++;
        return read_hex_escape(src, len, pos, cp);
    case 'u':
        (*pos)++;
        return lex_read_unicode_escape(src, len, pos, cp);
    case '0':
        if (*pos + 1 < len && lex_is_digit((unsigned char)src[*pos + 1]))
            return read_legacy_octal(src, len, pos, cp);
        *cp = 0; /* \0 [lookahead ∉ DecimalDigit] */
        break;
    case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        return read_legacy_octal(src, len, pos, cp);
    case '8': case '9':
        (*pos)++;
        *cp = c;
        return ESCAPE_NON_OCTAL_DECIMAL;
    case '\r':
        (*pos)++;
        if (*pos < len && src[*pos] == '\n')
            (*pos)++;
        return ESCAPE_CONTINUATION;
    case '\n':
        (*pos)++;
        return ESCAPE_CONTINUATION;
    default:
        if (c >= 0x80) {
            /* NonEscapeCharacter, or a LineContinuation with LS/PS */
            *cp = utf8_decode(src, len, pos);
            return (*cp == 0x2028 || *cp == 0x2029) ? ESCAPE_CONTINUATION : ESCAPE_OK;
        }
        *cp = c; /* NonEscapeCharacter: the character itself */
        break;
    }
    (*pos)++;
    return ESCAPE_OK;
}

const char *lexer_escape_error_message(const char *src, uint32_t len, uint32_t offset, bool in_template)
{
    uint32_t pos = offset + 1, cp = 0;
    if (offset >= len || src[offset] != '\\' || pos >= len)
        return MSG_INVALID_TOKEN;
    switch (read_escape(src, len, &pos, &cp)) {
    case ESCAPE_LEGACY_OCTAL:
        return in_template ? "Octal escape sequences are not allowed in template strings."
                           : "Octal escape sequences are not allowed in strict mode.";
    case ESCAPE_NON_OCTAL_DECIMAL:
        return in_template ? "\\8 and \\9 are not allowed in template strings."
                           : "\\8 and \\9 are not allowed in strict mode.";
    case ESCAPE_BAD_HEX: return MSG_INVALID_HEX_ESCAPE;
    case ESCAPE_BAD_UNICODE: return MSG_INVALID_UNICODE_ESCAPE;
    case ESCAPE_BAD_CODE_POINT: return MSG_UNDEFINED_CODE_POINT;
    default: return MSG_INVALID_TOKEN;
    }
}

static const char *escape_error_message(EscapeStatus status)
{
    switch (status) {
    case ESCAPE_BAD_HEX: return MSG_INVALID_HEX_ESCAPE;
    case ESCAPE_BAD_CODE_POINT: return MSG_UNDEFINED_CODE_POINT;
    default: return MSG_INVALID_UNICODE_ESCAPE;
    }
}

/* ---- UTF-16 output ---- */

static uint32_t put_utf16(uint16_t *out, uint32_t n, uint32_t cp)
{
    if (cp < 0x10000) {
        out[n] = (uint16_t)cp;
        return n + 1;
    }
    cp -= 0x10000;
    out[n] = (uint16_t)(0xD800 + (cp >> 10));
    out[n + 1] = (uint16_t)(0xDC00 + (cp & 0x3FF));
    return n + 2;
}

static uint16_t *alloc_utf16(Lexer *lexer, uint32_t units)
{
    uint16_t *out = arena_alloc(lexer->arena, (size_t)units * sizeof(uint16_t));
    if (!out)
        lex_error(lexer, MSG_OUT_OF_MEMORY, lexer->tok.start);
    return out;
}

/* Source text [start, end) as UTF-16, CR and CRLF read as LF (the TRV of
 * template characters, and regular expression bodies, which have none). */
static uint16_t *source_to_utf16(Lexer *lexer, uint32_t start, uint32_t end, uint32_t *out_len)
{
    uint16_t *out = alloc_utf16(lexer, end - start);
    if (!out)
        return NULL;
    const char *s = lexer->src;
    uint32_t n = 0, pos = start;
    while (pos < end) {
        unsigned char c = (unsigned char)s[pos];
        if (c == '\r') {
            out[n++] = '\n';
            pos += (pos + 1 < end && s[pos + 1] == '\n') ? 2 : 1;
        } else if (c < 0x80) {
            out[n++] = c;
            pos++;
        } else {
            n = put_utf16(out, n, utf8_decode(s, end, &pos));
        }
    }
    *out_len = n;
    return out;
}

/* ---- String literals ---- */

/* Pass one: finds the closing quote; pos at the opening one. Returns false
 * after reporting an unterminated string. *plain: ASCII, no escapes. */
static bool find_string_end(Lexer *lexer, bool *plain)
{
    const unsigned char *s = (const unsigned char *)lexer->src;
    unsigned char quote = s[lexer->pos];
    uint32_t len = lexer->len;
    lexer->pos++;
    for (;;) {
        uint32_t pos = lexer->pos;
        while (pos < len && s[pos] != quote && s[pos] != '\\' && s[pos] != '\n' && s[pos] != '\r' && s[pos] < 0x80)
            pos++;
        lexer->pos = pos;
        if (pos >= len || s[pos] == '\n' || s[pos] == '\r') {
            /* Unescaped LF and CR may not appear in a string (LS and PS may). */
            lex_error(lexer, MSG_INVALID_TOKEN, lexer->tok.start);
            return false;
        }
        if (s[pos] == quote) {
            lexer->pos++;
            return true;
        }
        *plain = false;
        if (s[pos] == '\\') {
            lexer->pos++;
            if (lexer->pos >= len)
                continue;
            if (s[lexer->pos] == '\n' || s[lexer->pos] == '\r' || s[lexer->pos] >= 0x80)
                lex_advance_char(lexer);
            else
                lexer->pos++;
        } else {
            lex_advance_code_point(lexer);
        }
    }
}

/* Records a legacy octal or \8 \9 escape at offset (the first one is where
 * strict mode's error points). */
static void flag_legacy_escape(Token *tok, EscapeStatus status, uint32_t offset)
{
    if (!(tok->flags & TF_LEGACY_OCTAL))
        tok->error_offset = offset;
    tok->flags |= TF_LEGACY_OCTAL;
    if (status == ESCAPE_NON_OCTAL_DECIMAL)
        tok->flags |= TF_NON_OCTAL_DECIMAL;
}

/* Pass two: the string value of [start, end), the text between the quotes. */
static uint16_t *cook_string(Lexer *lexer, uint32_t start, uint32_t end, uint32_t *out_len)
{
    uint16_t *out = alloc_utf16(lexer, end - start);
    if (!out)
        return NULL;
    const char *s = lexer->src;
    uint32_t n = 0, pos = start;
    while (pos < end) {
        unsigned char c = (unsigned char)s[pos];
        if (c < 0x80 && c != '\\') {
            out[n++] = c;
            pos++;
            continue;
        }
        if (c >= 0x80) {
            n = put_utf16(out, n, utf8_decode(s, end, &pos));
            continue;
        }
        uint32_t backslash = pos++, cp = 0;
        EscapeStatus status = read_escape(s, end, &pos, &cp);
        if (status >= ESCAPE_BAD_HEX) {
            lex_error(lexer, escape_error_message(status), backslash);
            return NULL;
        }
        if (status == ESCAPE_LEGACY_OCTAL || status == ESCAPE_NON_OCTAL_DECIMAL)
            flag_legacy_escape(&lexer->tok, status, backslash);
        if (status != ESCAPE_CONTINUATION)
            n = put_utf16(out, n, cp);
    }
    *out_len = n;
    return out;
}

void lex_string(Lexer *lexer)
{
    uint32_t start = lexer->pos;
    bool plain = true;
    if (!find_string_end(lexer, &plain))
        return;
    uint32_t body_start = start + 1, body_end = lexer->pos - 1;
    Token *tok = &lexer->tok;
    uint16_t *chars;
    uint32_t len = 0;
    if (plain)
        chars = source_to_utf16(lexer, body_start, body_end, &len);
    else
        chars = cook_string(lexer, body_start, body_end, &len);
    if (!chars)
        return;
    tok->type = T_STRING;
    tok->value.string.chars = chars;
    tok->value.string.len = len;
    tok->end = lexer->pos;
}

/* ---- Template literals ---- */

/* Pass one: pos after ` or }; stops after ` or ${. Returns false after
 * reporting an unterminated template. */
static bool find_template_end(Lexer *lexer, bool *substitution)
{
    const unsigned char *s = (const unsigned char *)lexer->src;
    uint32_t len = lexer->len;
    while (lexer->pos < len) {
        unsigned char c = s[lexer->pos];
        if (c == '`') {
            lexer->pos++;
            *substitution = false;
            return true;
        }
        if (c == '$' && lexer->pos + 1 < len && s[lexer->pos + 1] == '{') {
            lexer->pos += 2;
            *substitution = true;
            return true;
        }
        if (c == '\\') {
            lexer->pos++;
            if (lexer->pos >= len)
                break;
            c = s[lexer->pos];
        }
        if (c == '\n' || c == '\r' || c >= 0x80)
            lex_advance_char(lexer);
        else
            lexer->pos++;
    }
    lex_error(lexer, MSG_UNEXPECTED_END, len);
    return false;
}

/* Pass two: the TV of [start, end). NULL with TF_INVALID_ESCAPE set when a
 * NotEscapeSequence makes it undefined (allowed in tagged templates). */
static uint16_t *cook_template(Lexer *lexer, uint32_t start, uint32_t end, uint32_t *out_len)
{
    uint16_t *out = alloc_utf16(lexer, end - start);
    if (!out)
        return NULL;
    const char *s = lexer->src;
    uint32_t n = 0, pos = start;
    while (pos < end) {
        unsigned char c = (unsigned char)s[pos];
        if (c == '\\') {
            uint32_t backslash = pos++, cp = 0;
            EscapeStatus status = read_escape(s, end, &pos, &cp);
            if (status == ESCAPE_CONTINUATION)
                continue;
            if (status != ESCAPE_OK) {
                lexer->tok.flags |= TF_INVALID_ESCAPE;
                lexer->tok.error_offset = backslash;
                return NULL;
            }
            n = put_utf16(out, n, cp);
        } else if (c == '\r') {
            out[n++] = '\n'; /* TV of <CR><LF> and <CR> is <LF> */
            pos += (pos + 1 < end && s[pos + 1] == '\n') ? 2 : 1;
        } else if (c < 0x80) {
            out[n++] = c;
            pos++;
        } else {
            n = put_utf16(out, n, utf8_decode(s, end, &pos));
        }
    }
    *out_len = n;
    return out;
}

void lex_template(Lexer *lexer)
{
    Token *tok = &lexer->tok;
    bool from_backtick = lexer->src[tok->start] == '`';
    uint32_t body_start = lexer->pos;
    bool substitution = false;
    if (!find_template_end(lexer, &substitution))
        return;
    uint32_t body_end = lexer->pos - (substitution ? 2 : 1);
    uint32_t cooked_len = 0, raw_len = 0;
    uint16_t *cooked = cook_template(lexer, body_start, body_end, &cooked_len);
    if (!cooked && !(tok->flags & TF_INVALID_ESCAPE))
        return;
    uint16_t *raw = source_to_utf16(lexer, body_start, body_end, &raw_len);
    if (!raw)
        return;
    if (from_backtick)
        tok->type = substitution ? T_TEMPLATE_HEAD : T_TEMPLATE;
    else
        tok->type = substitution ? T_TEMPLATE_MIDDLE : T_TEMPLATE_TAIL;
    tok->value.string.chars = cooked;
    tok->value.string.len = cooked_len;
    tok->value.string.raw = raw;
    tok->value.string.raw_len = raw_len;
    tok->end = lexer->pos;
}

/* ---- Regular expression literals ---- */

static bool is_line_terminator_at(const Lexer *lexer, uint32_t pos)
{
    const unsigned char *s = (const unsigned char *)lexer->src;
    if (s[pos] == '\n' || s[pos] == '\r')
        return true;
    return s[pos] == 0xE2 && lexer->len - pos >= 3 && s[pos + 1] == 0x80 && (s[pos + 2] == 0xA8 || s[pos + 2] == 0xA9);
}

/* RegularExpressionBody up to the closing slash (12.9.5): a slash inside a
 * class [...] does not close it; no LineTerminator anywhere. */
static bool find_regexp_end(Lexer *lexer)
{
    const unsigned char *s = (const unsigned char *)lexer->src;
    bool in_class = false;
    while (lexer->pos < lexer->len && !is_line_terminator_at(lexer, lexer->pos)) {
        unsigned char c = s[lexer->pos];
        if (c == '/' && !in_class)
            return true;
        if (c == '\\') {
            lexer->pos++;
            if (lexer->pos >= lexer->len || is_line_terminator_at(lexer, lexer->pos))
                break;
            c = s[lexer->pos];
        } else if (c == '[') {
            in_class = true;
        } else if (c == ']') {
            in_class = false;
        }
        if (c >= 0x80)
            lex_advance_code_point(lexer);
        else
            lexer->pos++;
    }
    lex_error(lexer, MSG_UNTERMINATED_REGEXP, lexer->tok.start);
    return false;
}

/* RegularExpressionFlags :: IdentifierPartChar*; escapes are not allowed. */
static bool scan_regexp_flags(Lexer *lexer)
{
    const unsigned char *s = (const unsigned char *)lexer->src;
    while (lexer->pos < lexer->len) {
        unsigned char c = s[lexer->pos];
        if (lex_char_class[c] & CC_ID_PART) {
            lexer->pos++;
        } else if (c == '\\') {
            lexer->pos++;
            lex_error(lexer, MSG_INVALID_REGEXP_FLAGS, lexer->tok.start);
            return false;
        } else if (c >= 0x80) {
            uint32_t pos = lexer->pos;
            if (!unicode_is_id_continue(utf8_decode(lexer->src, lexer->len, &pos)))
                break;
            lex_advance_code_point(lexer);
        } else {
            break;
        }
    }
    return true;
}

void lex_regexp(Lexer *lexer)
{
    Token *tok = &lexer->tok;
    uint32_t body_start = lexer->pos;
    if (!find_regexp_end(lexer))
        return;
    uint32_t body_end = lexer->pos++;
    uint32_t flags_start = lexer->pos;
    if (!scan_regexp_flags(lexer))
        return;
    uint32_t body_len = 0;
    uint16_t *body = source_to_utf16(lexer, body_start, body_end, &body_len);
    if (!body)
        return;
    tok->type = T_REGEXP;
    tok->value.regexp.body = body;
    tok->value.regexp.body_len = body_len;
    tok->value.regexp.flags = lexer->src + flags_start;
    tok->value.regexp.flags_len = lexer->pos - flags_start;
    tok->end = lexer->pos;
}
