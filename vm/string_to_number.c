/*
 * StringToNumber (ES2025 7.1.4.1.1): the String to Number conversion of
 * Number("..."), unary +, ==, and so on.
 *
 * We check the StringNumericLiteral grammar ourselves and leave the
 * arithmetic to strtod, which rounds correctly (RoundMVResult allows it):
 * decimal literals are passed as they are, and binary and octal literals
 * are rewritten as hexadecimal ones, which strtod also reads exactly.
 * strtod reads the "C" locale's decimal point; nodus never calls setlocale.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vm/string_internal.h"

/* StrWhiteSpaceChar: WhiteSpace (ES2025 12.2: TAB, VT, FF, ZWNBSP and the
 * Unicode Zs category) or LineTerminator (12.3: LF, CR, LS, PS). */
bool string_is_str_whitespace(uint16_t unit)
{
    switch (unit) {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20:
    case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F:
    case 0x205F: case 0x3000: case 0xFEFF:
        return true;
    default:
        return unit >= 0x2000 && unit <= 0x200A;
    }
}

static bool is_digit_of(char c, int radix)
{
    int value = c >= '0' && c <= '9' ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;
    return value < radix;
}

/* The number of digits of radix at text[pos..len). */
static size_t count_digits(const char *text, size_t pos, size_t len, int radix)
{
    size_t start = pos;
    while (pos < len && is_digit_of(text[pos], radix))
        pos++;
    return pos - start;
}

/*
 * StrDecimalLiteral: [+-] (Infinity | digits [. digits] [exponent] |
 * . digits [exponent]), with at least one digit in the mantissa.
 */
static bool is_decimal_literal(const char *text, size_t len)
{
    size_t pos = 0;
    if (text[0] == '+' || text[0] == '-')
        pos++;
    size_t mantissa = count_digits(text, pos, len, 10);
    pos += mantissa;
    if (pos < len && text[pos] == '.') {
        size_t fraction = count_digits(text, pos + 1, len, 10);
        pos += 1 + fraction;
        mantissa += fraction;
    }
    if (mantissa == 0)
        return false;
    if (pos < len && (text[pos] == 'e' || text[pos] == 'E')) {
        pos++;
        if (pos < len && (text[pos] == '+' || text[pos] == '-'))
            pos++;
        size_t exponent = count_digits(text, pos, len, 10);
        if (exponent == 0)
            return false;
        pos += exponent;
    }
    return pos == len;
}

static double parse_decimal(const char *text, size_t len)
{
    size_t sign = text[0] == '+' || text[0] == '-';
    if (len - sign == 8 && memcmp(text + sign, "Infinity", 8) == 0)
        return text[0] == '-' ? -INFINITY : INFINITY;
    if (!is_decimal_literal(text, len))
        return NAN;
    /* The literal is followed by whitespace or a NUL, where strtod stops. */
    return strtod(text, NULL);
}

/*
 * Binary and octal digits (validated) as a hexadecimal floating literal
 * "0x<hex>p<exp>" for strtod. Only the first 15 significant hex digits are
 * kept exactly (at least 57 bits, more than the 53 + 2 that rounding looks
 * at), then one sticky digit that is 1 when any later bit is set, so the
 * rounding is right and the buffer small.
 */
static double parse_binary_or_octal(const char *digits, size_t count, int bits_per_digit)
{
    while (count > 1 && digits[0] == '0')
        digits++, count--;
    char hex[48] = "0x";
    size_t out = 2, hex_digits = 0;
    /* Pad on the left so that the bit string splits into whole hex digits. */
    size_t total_bits = count * bits_per_digit;
    unsigned nibble = 0, nibble_bits = (unsigned)((4 - total_bits % 4) % 4);
    bool sticky = false;
    for (size_t i = 0; i < count; i++) {
        for (int b = bits_per_digit - 1; b >= 0; b--) {
            nibble = (nibble << 1) | (((digits[i] - '0') >> b) & 1);
            if (++nibble_bits < 4)
                continue;
            if (out < 2 + 15)
                hex[out++] = "0123456789abcdef"[nibble];
            else
                sticky |= nibble != 0;
            hex_digits++;
            nibble = 0, nibble_bits = 0;
        }
    }
    size_t dropped = hex_digits - (out - 2);
    if (dropped > 0) {
        hex[out++] = sticky ? '1' : '0';
        dropped--;
    }
    snprintf(hex + out, sizeof hex - out, "p%zu", dropped * 4);
    return strtod(hex, NULL);
}

/* NonDecimalIntegerLiteral: 0x, 0o, 0b and at least one digit; no sign,
 * no separators. Returns false when text is not one. */
static bool parse_non_decimal(const char *text, size_t len, double *value)
{
    if (len < 2 || text[0] != '0')
        return false;
    int radix;
    switch (text[1]) {
    case 'x': case 'X': radix = 16; break;
    case 'o': case 'O': radix = 8; break;
    case 'b': case 'B': radix = 2; break;
    default: return false;
    }
    if (len == 2 || count_digits(text, 2, len, radix) != len - 2) {
        *value = NAN;
        return true;
    }
    if (radix == 16)
        *value = strtod(text, NULL);   /* strtod reads "0x..." exactly */
    else
        *value = parse_binary_or_octal(text + 2, len - 2, radix == 8 ? 3 : 1);
    return true;
}

/* The trimmed literal text[0..len), followed by whitespace or a NUL. */
static double parse_literal(const char *text, size_t len)
{
    double value;
    if (parse_non_decimal(text, len, &value))
        return value;
    return parse_decimal(text, len);
}

/* A trimmed UTF-16 literal: ASCII only, copied with a NUL for strtod. */
static double parse_utf16_literal(const uint16_t *units, size_t len)
{
    char small[128];
    char *text = len < sizeof small ? small : malloc(len + 1);
    if (!text)
        return NAN;   /* a number string of a gigabyte, and no memory left */
    double value = NAN;
    size_t i = 0;
    for (; i < len && units[i] < 0x80; i++)
        text[i] = (char)units[i];
    if (i == len) {
        text[len] = '\0';
        value = parse_literal(text, len);
    }
    if (text != small)
        free(text);
    return value;
}

double string_to_number(String *s)
{
    const String *flat = string_flat_of(s);
    uint32_t start = 0, end = string_len(flat);
    bool latin1 = flat->cell.flags & STRING_LATIN1;
    const uint8_t *chars = latin1 ? flat_latin1(flat) : NULL;
    const uint16_t *units = latin1 ? NULL : flat_utf16(flat);
    while (start < end && string_is_str_whitespace(latin1 ? chars[start] : units[start]))
        start++;
    while (end > start && string_is_str_whitespace(latin1 ? chars[end - 1] : units[end - 1]))
        end--;
    if (start == end)
        return 0;   /* StringNumericLiteral ::: StrWhiteSpace? */
    if (!latin1)
        return parse_utf16_literal(units + start, end - start);
    /* Latin-1 strings end with a NUL, so the text can be read in place. */
    return parse_literal((const char *)chars + start, end - start);
}
