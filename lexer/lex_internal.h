/*
 * What lexer.c, lex_number.c and lex_string.c share. Not part of the
 * lexer's interface: the parser includes lexer/lexer.h only.
 */
#ifndef NODUS_LEXER_LEX_INTERNAL_H
#define NODUS_LEXER_LEX_INTERNAL_H

#include "lexer/lexer.h"

/* Messages, in V8's words so that errors read as node's do. */
#define MSG_INVALID_TOKEN "Invalid or unexpected token"
#define MSG_INVALID_HEX_ESCAPE "Invalid hexadecimal escape sequence"
#define MSG_INVALID_UNICODE_ESCAPE "Invalid Unicode escape sequence"
#define MSG_UNDEFINED_CODE_POINT "Undefined Unicode code-point"
#define MSG_UNEXPECTED_END "Unexpected end of input"
#define MSG_UNTERMINATED_REGEXP "Invalid regular expression: missing /"
#define MSG_INVALID_REGEXP_FLAGS "Invalid regular expression flags"
#define MSG_SEPARATOR_AT_END "Numeric separators are not allowed at the end of numeric literals"
#define MSG_SEPARATOR_TWICE "Only one underscore is allowed as numeric separator"
#define MSG_SEPARATOR_AFTER_ZERO "Numeric separator can not be used after leading 0."
#define MSG_OUT_OF_MEMORY "Out of memory"

/* Character classes of ASCII bytes, for the fast paths. */
enum {
    CC_ID_START = 1,    /* A-Z a-z $ _ */
    CC_ID_PART = 2,     /* ID_START and 0-9 */
    CC_DIGIT = 4,       /* 0-9 */
    CC_HEX = 8,         /* 0-9 A-F a-f */
};
extern const uint8_t lex_char_class[256];

static inline bool lex_is_digit(unsigned char c) { return (unsigned)(c - '0') < 10u; }

/* Value of a hex digit, or -1. */
static inline int lex_hex_value(unsigned char c)
{
    if ((unsigned)(c - '0') < 10u)
        return c - '0';
    c |= 0x20;
    if ((unsigned)(c - 'a') < 6u)
        return c - 'a' + 10;
    return -1;
}

/* Ends the current token as T_ERROR with message and caret offset. The token
 * spans from its start to the scan position (at least one code point). */
void lex_error(Lexer *lexer, const char *message, uint32_t error_offset);

/* Moves the line tracking to a new line starting at byte offset start. */
void lex_newline(Lexer *lexer, uint32_t start);

/* Consumes the (non-ASCII) code point at pos, keeping the column tracking
 * right, and counting U+2028/U+2029 as line terminators. Returns it. */
uint32_t lex_advance_code_point(Lexer *lexer);

/* Consumes a LineTerminatorSequence at pos (CRLF counts once). */
void lex_advance_line_terminator(Lexer *lexer);

/* Consumes the code point at pos, whatever it is: a LineTerminatorSequence
 * (CRLF as one), an ASCII or a non-ASCII character. */
void lex_advance_char(Lexer *lexer);

/* True when the code point at pos starts an IdentifierName (including a
 * backslash, which can only start a \u escape there). */
bool lex_identifier_start_at(const Lexer *lexer, uint32_t pos);

/* What reading one escape sequence found (ES2025 12.9.4, 12.9.6). */
typedef enum EscapeStatus {
    ESCAPE_OK,                /* *cp is the character */
    ESCAPE_CONTINUATION,      /* LineContinuation: no character */
    ESCAPE_LEGACY_OCTAL,      /* *cp is the value of \1, \00, \377 ... */
    ESCAPE_NON_OCTAL_DECIMAL, /* \8 or \9: *cp is the digit */
    ESCAPE_BAD_HEX,           /* \x without two hex digits */
    ESCAPE_BAD_UNICODE,       /* malformed \u escape */
    ESCAPE_BAD_CODE_POINT,    /* \u{...} above 10FFFF */
} EscapeStatus;

/* Reads the rest of a \u escape, *pos just after the u: XXXX or {X...}.
 * On failure *pos is at the offending character. */
EscapeStatus lex_read_unicode_escape(const char *src, uint32_t len, uint32_t *pos, uint32_t *cp);

/* lex_number.c: pos is at a decimal digit, or at '.' followed by one. */
void lex_number(Lexer *lexer);

/* lex_string.c */
void lex_string(Lexer *lexer);                  /* pos at the opening quote */
void lex_template(Lexer *lexer);                /* pos after ` or } */
void lex_regexp(Lexer *lexer);                  /* pos after the opening / */

#endif
