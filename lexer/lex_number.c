/*
 * Numeric literals (ES2025 12.9.3) and the Annex B legacy forms (B.1.1):
 * decimal, hex/octal/binary, legacy octal 017, non-octal decimal 08, numeric
 * separators, BigInt suffix. Values are correctly rounded: decimal text goes
 * through strtod; power-of-two radixes are rounded here, exactly.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/lex_internal.h"
#include "lexer/utf8.h"

static bool is_radix_digit(unsigned char c, int radix)
{
    switch (radix) {
    case 2: return (unsigned)(c - '0') < 2u;
    case 8: return (unsigned)(c - '0') < 8u;
    case 10: return (unsigned)(c - '0') < 10u;
    default: return (lex_char_class[c] & CC_HEX) != 0;
    }
}

/* Scans digits of radix with NumericLiteralSeparators between them
 * (DecimalDigits[+Sep] and friends). Returns the number of digits (0 when
 * none is at pos), or -1 after reporting a misplaced separator. */
static long scan_digits(Lexer *lexer, int radix, bool *had_separator)
{
    const unsigned char *s = (const unsigned char *)lexer->src;
    uint32_t pos = lexer->pos, len = lexer->len;
    long count = 0;
    for (;;) {
        if (pos < len && is_radix_digit(s[pos], radix)) {
            pos++;
            count++;
        } else if (pos < len && s[pos] == '_' && count > 0) {
            /* NumericLiteralSeparator :: _ only between two digits */
            if (pos + 1 < len && s[pos + 1] == '_') {
                lexer->pos = pos + 2;
                lex_error(lexer, MSG_SEPARATOR_TWICE, pos + 1);
                return -1;
            }
            if (pos + 1 >= len || !is_radix_digit(s[pos + 1], radix)) {
                lexer->pos = pos + 1;
                lex_error(lexer, MSG_SEPARATOR_AT_END, pos + 1);
                return -1;
            }
            *had_separator = true;
            pos++;
        } else {
            break;
        }
    }
    lexer->pos = pos;
    return count;
}

/* ES2025 12.9.3: "The SourceCharacter immediately following a
 * NumericLiteral must not be an IdentifierStart or DecimalDigit." */
static bool check_literal_end(Lexer *lexer)
{
    uint32_t pos = lexer->pos;
    if (pos < lexer->len && (lex_is_digit((unsigned char)lexer->src[pos]) || lex_identifier_start_at(lexer, pos))) {
        lex_error(lexer, MSG_INVALID_TOKEN, lexer->tok.start);
        return false;
    }
    return true;
}

/* Value of the digits of a power-of-two radix (bits per digit), ignoring
 * separators, rounded to nearest, ties to even. Keeps the first 60-64
 * significant bits plus a sticky bit for the rest, which is exact. */
static double power_of_two_radix_value(const char *s, uint32_t start, uint32_t end, int bits)
{
    uint64_t mantissa = 0;
    int exponent = 0;
    bool sticky = false;
    for (uint32_t i = start; i < end; i++) {
        if (s[i] == '_')
            continue;
        int digit = lex_hex_value((unsigned char)s[i]);
        if ((mantissa >> (64 - bits)) == 0) {
            mantissa = (mantissa << bits) | (uint64_t)digit;
        } else {
            exponent += bits;
            sticky |= digit != 0;
        }
    }
    int top = 63;
    while (top >= 0 && !(mantissa >> top))
        top--;
    if (top < 53)
        return ldexp((double)mantissa, exponent);
    int shift = top - 52;
    uint64_t kept = mantissa >> shift;
    uint64_t rest = mantissa & ((UINT64_C(1) << shift) - 1);
    uint64_t half = UINT64_C(1) << (shift - 1);
    if (rest > half || (rest == half && (sticky || (kept & 1))))
        kept++;
    return ldexp((double)kept, exponent + shift);
}

/* Value of decimal text in [start, end), separators removed, by strtod,
 * which rounds correctly. Integers of up to 15 digits are exact directly. */
static bool decimal_value(Lexer *lexer, uint32_t start, uint32_t end, bool had_separator, double *value)
{
    const char *s = lexer->src;
    uint32_t n = end - start;
    uint32_t i = start;
    if (n <= 15) {
        uint64_t integer = 0;
        while (i < end && lex_is_digit((unsigned char)s[i]))
            integer = integer * 10 + (uint64_t)(s[i++] - '0');
        if (i == end) {
            *value = (double)integer;
            return true;
        }
    }
    char small[128];
    char *text = n < sizeof small ? small : arena_alloc(lexer->arena, (size_t)n + 1);
    if (!text)
        return false;
    uint32_t k = 0;
    for (i = start; i < end; i++) {
        if (!had_separator || s[i] != '_')
            text[k++] = s[i];
    }
    text[k] = '\0';
    *value = strtod(text, NULL);
    return true;
}

/* The BigInt's digits with their radix prefix, without separators or n. */
static void finish_bigint(Lexer *lexer, uint32_t start, uint32_t digits_end, bool had_separator)
{
    Token *tok = &lexer->tok;
    const char *chars = lexer->src + start;
    uint32_t len = digits_end - start;
    if (had_separator) {
        char *copy = arena_alloc(lexer->arena, len);
        if (!copy) {
            lex_error(lexer, MSG_OUT_OF_MEMORY, start);
            return;
        }
        uint32_t k = 0;
        for (uint32_t i = 0; i < len; i++) {
            if (chars[i] != '_')
                copy[k++] = chars[i];
        }
        chars = copy;
        len = k;
    }
    tok->type = T_BIGINT;
    tok->value.bigint.chars = chars;
    tok->value.bigint.len = len;
    tok->end = lexer->pos;
}

static void finish_number(Lexer *lexer, double value)
{
    lexer->tok.type = T_NUMBER;
    lexer->tok.value.number = value;
    lexer->tok.end = lexer->pos;
}

/* 0x 0o 0b literals (NonDecimalIntegerLiteral), optionally BigInt. */
static void lex_radix_number(Lexer *lexer, int radix, int bits)
{
    uint32_t start = lexer->pos;
    bool had_separator = false;
    lexer->pos += 2;
    long count = scan_digits(lexer, radix, &had_separator);
    if (count < 0)
        return;
    if (count == 0) {
        lex_error(lexer, MSG_INVALID_TOKEN, start);
        return;
    }
    uint32_t digits_end = lexer->pos;
    bool is_bigint = lexer->pos < lexer->len && lexer->src[lexer->pos] == 'n';
    if (is_bigint)
        lexer->pos++;
    if (!check_literal_end(lexer))
        return;
    if (is_bigint)
        finish_bigint(lexer, start, digits_end, had_separator);
    else
        finish_number(lexer, power_of_two_radix_value(lexer->src, start + 2, digits_end, bits));
}

/* The fraction and exponent of a decimal literal, from pos. Sets
 * *is_integer false when either is present. Returns false on error. */
static bool scan_decimal_tail(Lexer *lexer, bool *is_integer, bool *had_separator)
{
    const char *s = lexer->src;
    if (lexer->pos < lexer->len && s[lexer->pos] == '.') {
        lexer->pos++;
        *is_integer = false;
        if (scan_digits(lexer, 10, had_separator) < 0)
            return false;
    }
    if (lexer->pos < lexer->len && (s[lexer->pos] | 0x20) == 'e') {
        lexer->pos++;
        *is_integer = false;
        if (lexer->pos < lexer->len && (s[lexer->pos] == '+' || s[lexer->pos] == '-'))
            lexer->pos++;
        long count = scan_digits(lexer, 10, had_separator);
        if (count < 0)
            return false;
        if (count == 0) {
            lex_error(lexer, MSG_INVALID_TOKEN, lexer->tok.start);
            return false;
        }
    }
    return true;
}

/* Annex B.1.1: 0 followed by digits. LegacyOctalIntegerLiteral (017) when
 * all are octal, else NonOctalDecimalIntegerLiteral (08, 019) which may go on
 * like a decimal (08.5). Neither allows separators or n. */
static void lex_leading_zero_number(Lexer *lexer)
{
    const char *s = lexer->src;
    uint32_t start = lexer->pos;
    bool octal = true;
    lexer->pos++;
    while (lexer->pos < lexer->len && lex_is_digit((unsigned char)s[lexer->pos])) {
        if (s[lexer->pos] >= '8')
            octal = false;
        lexer->pos++;
    }
    Token *tok = &lexer->tok;
    tok->flags |= TF_LEGACY_OCTAL;
    tok->error_offset = start;
    if (octal) {
        if (check_literal_end(lexer))
            finish_number(lexer, power_of_two_radix_value(s, start + 1, lexer->pos, 3));
        return;
    }
    tok->flags |= TF_NON_OCTAL_DECIMAL;
    bool is_integer = true, had_separator = false;
    if (lexer->pos < lexer->len && s[lexer->pos] == '_') {
        lexer->pos++;
        lex_error(lexer, MSG_INVALID_TOKEN, lexer->pos - 1);
        return;
    }
    if (!scan_decimal_tail(lexer, &is_integer, &had_separator) || !check_literal_end(lexer))
        return;
    double value;
    if (!decimal_value(lexer, start, lexer->pos, had_separator, &value))
        lex_error(lexer, MSG_OUT_OF_MEMORY, start);
    else
        finish_number(lexer, value);
}

/* DecimalLiteral, or DecimalBigIntegerLiteral: 12, 1_000, 1.5e-3, .5, 12n */
static void lex_decimal_number(Lexer *lexer)
{
    uint32_t start = lexer->pos;
    bool is_integer = true, had_separator = false;
    if (lexer->src[start] != '.' && scan_digits(lexer, 10, &had_separator) < 0)
        return;
    if (!scan_decimal_tail(lexer, &is_integer, &had_separator))
        return;
    uint32_t digits_end = lexer->pos;
    if (lexer->pos < lexer->len && lexer->src[lexer->pos] == 'n') {
        lexer->pos++;
        /* BigIntLiteralSuffix only after an integer; 0n but not 00n (that
         * one is a leading-zero literal, handled elsewhere). */
        if (!is_integer) {
            lex_error(lexer, MSG_INVALID_TOKEN, start);
            return;
        }
        if (check_literal_end(lexer))
            finish_bigint(lexer, start, digits_end, had_separator);
        return;
    }
    if (!check_literal_end(lexer))
        return;
    double value;
    if (!decimal_value(lexer, start, digits_end, had_separator, &value))
        lex_error(lexer, MSG_OUT_OF_MEMORY, start);
    else
        finish_number(lexer, value);
}

void lex_number(Lexer *lexer)
{
    const char *s = lexer->src;
    uint32_t pos = lexer->pos;
    if (s[pos] == '0' && pos + 1 < lexer->len) {
        unsigned char next = (unsigned char)s[pos + 1];
        switch (next | 0x20) {
        case 'x': lex_radix_number(lexer, 16, 4); return;
        case 'o': lex_radix_number(lexer, 8, 3); return;
        case 'b': lex_radix_number(lexer, 2, 1); return;
        default: break;
        }
        if (lex_is_digit(next)) {
            lex_leading_zero_number(lexer);
            return;
        }
        if (next == '_') {
            lexer->pos = pos + 2;
            lex_error(lexer, MSG_SEPARATOR_AFTER_ZERO, pos + 1);
            return;
        }
    }
    lex_decimal_number(lexer);
}
