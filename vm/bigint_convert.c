/*
 * BigInts to and from text and Numbers: literals (LOAD_BIGINT), ES2025
 * 7.1.14 StringToBigInt, 6.1.6.2.21 BigInt::toString, NumberToBigInt's
 * conversion (21.2.1.1.1), 𝔽(ℝ(x)) and the exact comparison of a BigInt with
 * a Number.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vm/bigint.h"
#include "vm/string.h"

/* ---- Digits ---- */

/* The value of a digit character in radix 36, 99 when it is none. */
static unsigned digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return (unsigned)(c - '0');
    if (c >= 'a' && c <= 'z')
        return (unsigned)(c - 'a' + 10);
    if (c >= 'A' && c <= 'Z')
        return (unsigned)(c - 'A' + 10);
    return 99;
}

/* log2(radix) when radix is a power of two, else 0. */
static unsigned power_of_two_bits(unsigned radix)
{
    return (radix & (radix - 1)) ? 0 : (unsigned)__builtin_ctz(radix);
}

/* The most digits of radix whose value always fits a limb, and radix to
 * that power: 9 and 10^9 for decimal. */
static unsigned chunk_digits(unsigned radix, Limb *chunk_base)
{
    uint64_t base = radix;
    unsigned digits = 1;
    while (base * radix <= UINT32_MAX) {
        base *= radix;
        digits++;
    }
    *chunk_base = (Limb)base;
    return digits;
}

/* Power-of-two radix: each digit is `bits` bits, placed from the last digit. */
static uint32_t parse_binary_digits(Limb *limbs, const char *digits, size_t count, unsigned bits)
{
    uint64_t position = 0;
    for (size_t i = count; i-- > 0; position += bits) {
        Limb value = digit_value(digits[i]);
        uint64_t limb = position / LIMB_BITS;
        unsigned offset = (unsigned)(position % LIMB_BITS);
        limbs[limb] |= value << offset;
        if (offset + bits > LIMB_BITS)
            limbs[limb + 1] |= value >> (LIMB_BITS - offset);
    }
    return (uint32_t)((position + LIMB_BITS - 1) / LIMB_BITS);
}

/* Other radices: Horner's rule a chunk of digits at a time
 * (limbs = limbs * radix^k + chunk). */
static uint32_t parse_chunked_digits(Limb *limbs, const char *digits, size_t count, unsigned radix)
{
    Limb chunk_base;
    unsigned per_chunk = chunk_digits(radix, &chunk_base);
    uint32_t length = 0;
    size_t i = 0;
    /* the first chunk takes the digits left over, so that the others are full */
    size_t first = count % per_chunk ? count % per_chunk : per_chunk;
    for (size_t take = first; i < count; take = per_chunk) {
        Limb chunk = 0, scale = 1;
        for (size_t end = i + take; i < end; i++) {
            chunk = chunk * radix + digit_value(digits[i]);
            scale *= radix;
        }
        Limb carry = limbs_multiply_add_small(limbs, length, scale, chunk);
        if (carry)
            limbs[length++] = carry;
    }
    return length;
}

/* The BigInt of digits[0..count) in radix, every character a valid digit. */
static BigInt *parse_digits(VM *vm, const char *digits, size_t count, unsigned radix, bool negative)
{
    while (count > 1 && digits[0] == '0') {   /* leading zeros do not count towards the size */
        digits++;
        count--;
    }
    unsigned bits = power_of_two_bits(radix);
    uint64_t bits_per_digit = bits ? bits : (uint64_t)(32 - __builtin_clz(radix));   /* ceil for others */
    uint64_t most_bits = (uint64_t)count * bits_per_digit;
    if (most_bits > BIGINT_MAX_BITS + bits_per_digit)
        return bigint_throw_too_big(vm);
    BigInt *result = bigint_alloc(vm, most_bits / LIMB_BITS + 2);
    if (!result)
        return NULL;
    uint32_t length = bits ? parse_binary_digits(result->limbs, digits, count, bits)
                           : parse_chunked_digits(result->limbs, digits, count, radix);
    return bigint_finish(result, length, negative);
}

/* The radix of a 0x 0o 0b prefix (either case) at text, else 0. */
static unsigned radix_prefix(const char *text, size_t len)
{
    if (len < 2 || text[0] != '0')
        return 0;
    switch (text[1]) {
    case 'x': case 'X': return 16;
    case 'o': case 'O': return 8;
    case 'b': case 'B': return 2;
    default: return 0;
    }
}

BigInt *bigint_from_literal(VM *vm, String *digits)
{
    if (!string_flatten(vm, digits))
        return NULL;
    if (!string_is_latin1(digits)) {
        /* the lexer only lets ASCII digits through: never reached */
        vm_throw_type_error(vm, "invalid BigInt literal");
        return NULL;
    }
    /* the characters stay put while parse_digits allocates: the literal is
     * a constant of the running code */
    const char *text = (const char *)string_latin1_chars(digits);
    size_t len = string_length(digits);
    unsigned radix = radix_prefix(text, len);
    return radix ? parse_digits(vm, text + 2, len - 2, radix, false) : parse_digits(vm, text, len, 10, false);
}

/* ---- StringToBigInt ---- */

/* Are text[0..len) all digits of radix (and at least one)? */
static bool all_digits(const char *text, size_t len, unsigned radix)
{
    if (len == 0)
        return false;
    for (size_t i = 0; i < len; i++)
        if (digit_value(text[i]) >= radix)
            return false;
    return true;
}

/* StringIntegerLiteral on trimmed ASCII text: a NonDecimalIntegerLiteral
 * without sign, or an optionally signed run of decimal digits (no
 * fraction, exponent, separators or Infinity). VALUE_UNDEFINED when text
 * is neither. */
static Value parse_string_integer_literal(VM *vm, const char *text, size_t len)
{
    unsigned radix = radix_prefix(text, len);
    BigInt *result;
    if (radix) {
        if (!all_digits(text + 2, len - 2, radix))
            return VALUE_UNDEFINED;
        result = parse_digits(vm, text + 2, len - 2, radix, false);
    } else {
        bool negative = text[0] == '-';
        size_t sign = (text[0] == '-' || text[0] == '+') ? 1 : 0;
        if (!all_digits(text + sign, len - sign, 10))
            return VALUE_UNDEFINED;
        result = parse_digits(vm, text + sign, len - sign, 10, negative);
    }
    return result ? value_from_bigint(result) : VALUE_EXCEPTION;
}

/* ES2025 7.1.14 StringToBigInt ( str ) */
Value bigint_from_string(VM *vm, String *str)
{
    if (!string_flatten(vm, str))
        return VALUE_EXCEPTION;
    uint32_t start = 0, end = string_length(str);
    while (start < end && string_is_str_whitespace(string_char_at(str, start)))
        start++;
    while (end > start && string_is_str_whitespace(string_char_at(str, end - 1)))
        end--;
    if (start == end) {
        BigInt *zero = bigint_from_limbs(vm, NULL, 0, false);   /* StrWhiteSpace? is 0ℤ */
        return zero ? value_from_bigint(zero) : VALUE_EXCEPTION;
    }
    char *text = malloc(end - start);
    if (!text)
        return vm_throw_out_of_memory(vm);
    Value result = VALUE_UNDEFINED;
    uint32_t i = start;
    for (; i < end && string_char_at(str, i) < 0x80; i++)
        text[i - start] = (char)string_char_at(str, i);
    if (i == end)   /* anything beyond ASCII is no digit */
        result = parse_string_integer_literal(vm, text, end - start);
    free(text);
    return result;
}

/* ---- BigInt::toString ---- */

/* Digits of a power-of-two radix, `bits` at a time from the bottom, written
 * backwards ending at *end. Returns the start. */
static char *format_binary(const BigInt *x, unsigned bits, char *end)
{
    static const char DIGITS[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    uint32_t length = bigint_length(x);
    uint64_t total = limbs_bit_length(x->limbs, length);
    char *p = end;
    for (uint64_t position = 0; position < total; position += bits) {
        uint64_t limb = position / LIMB_BITS;
        unsigned offset = (unsigned)(position % LIMB_BITS);
        Limb value = x->limbs[limb] >> offset;
        if (offset + bits > LIMB_BITS && limb + 1 < length)
            value |= x->limbs[limb + 1] << (LIMB_BITS - offset);
        *--p = DIGITS[value & ((1u << bits) - 1)];
    }
    return p;
}

/* Other radices: repeated short division by radix^k, k digits per chunk
 * from the bottom (the top chunk without its leading zeros). NULL without
 * memory. */
static char *format_chunked(const BigInt *x, unsigned radix, char *end)
{
    static const char DIGITS[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    uint32_t length = bigint_length(x);
    Limb *scratch = malloc((size_t)length * sizeof(Limb));
    if (!scratch)
        return NULL;
    memcpy(scratch, x->limbs, (size_t)length * sizeof(Limb));
    Limb chunk_base;
    unsigned per_chunk = chunk_digits(radix, &chunk_base);
    char *p = end;
    while (length > 0) {
        Limb chunk = limbs_divide_small(scratch, scratch, length, chunk_base);
        length = limbs_normalized_length(scratch, length);
        for (unsigned i = 0; i < per_chunk && (length > 0 || chunk > 0); i++) {
            *--p = DIGITS[chunk % radix];
            chunk /= radix;
        }
    }
    free(scratch);
    return p;
}

char *bigint_format(const BigInt *x, unsigned radix, size_t *length)
{
    uint64_t bits = limbs_bit_length(x->limbs, bigint_length(x));
    unsigned digit_bits = 31 - (unsigned)__builtin_clz(radix);   /* floor(log2(radix)) */
    size_t room = (size_t)(bits / digit_bits) + 3;               /* a digit more, the sign, the NUL */
    char *buffer = malloc(room);
    if (!buffer)
        return NULL;
    char *end = buffer + room - 1;
    *end = '\0';
    unsigned binary_bits = power_of_two_bits(radix);
    char *start = end;
    if (bigint_is_zero(x))
        *--start = '0';
    else
        start = binary_bits ? format_binary(x, binary_bits, end) : format_chunked(x, radix, end);
    if (!start) {
        free(buffer);
        return NULL;
    }
    if (bigint_is_negative(x))
        *--start = '-';
    *length = (size_t)(end - start);
    memmove(buffer, start, *length + 1);
    return buffer;
}

/* ES2025 6.1.6.2.21 BigInt::toString ( x, radix ) */
String *bigint_to_string(VM *vm, const BigInt *x, unsigned radix)
{
    size_t length;
    char *text = bigint_format(x, radix, &length);
    if (!text) {
        vm_throw_out_of_memory(vm);
        return NULL;
    }
    String *result = string_from_latin1(vm, (const uint8_t *)text, (uint32_t)length);
    free(text);
    return result;
}

/* ---- Numbers ---- */

/* trunc(|d|) of a finite d, as limbs: below 2^1024, so 32 limbs (room 33). */
static uint32_t double_integer_limbs(double d, Limb out[33])
{
    d = fabs(trunc(d));
    memset(out, 0, 33 * sizeof(Limb));
    if (d < 1)
        return 0;
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    int exponent = (int)((bits >> 52) & 0x7FF) - 1075;   /* d = mantissa × 2^exponent */
    uint64_t mantissa = (bits & (((uint64_t)1 << 52) - 1)) | ((uint64_t)1 << 52);
    if (exponent < 0)
        mantissa >>= -exponent;   /* exact: d is an integer */
    Limb m[2] = { (Limb)mantissa, (Limb)(mantissa >> LIMB_BITS) };
    if (exponent <= 0) {
        out[0] = m[0];
        out[1] = m[1];
        return limbs_normalized_length(out, 2);
    }
    return limbs_shift_left(out, m, 2, (uint64_t)exponent);
}

BigInt *bigint_from_integral_double(VM *vm, double value)
{
    Limb limbs[33];
    uint32_t length = double_integer_limbs(value, limbs);
    return bigint_from_limbs(vm, limbs, length, value < 0);
}

/* 𝔽(ℝ(x)): the top 64 bits, with a sticky bit standing for all the bits
 * below them, round correctly to 53 bits in the conversion to double. */
double bigint_to_double(const BigInt *x)
{
    uint32_t length = bigint_length(x);
    uint64_t bits = limbs_bit_length(x->limbs, length);
    double magnitude;
    if (bits <= 64) {
        uint64_t value = length > 0 ? x->limbs[0] : 0;
        if (length > 1)
            value |= (uint64_t)x->limbs[1] << LIMB_BITS;
        magnitude = (double)value;
    } else if (bits > 1100) {
        magnitude = INFINITY;
    } else {
        uint64_t drop = bits - 64;
        Limb top[3] = { 0, 0, 0 };
        uint32_t from = (uint32_t)(drop / LIMB_BITS);
        limbs_shift_right(top, x->limbs + from, length - from, drop % LIMB_BITS);
        uint64_t value = top[0] | ((uint64_t)top[1] << LIMB_BITS);
        if (limbs_any_low_bits(x->limbs, length, drop))
            value |= 1;
        magnitude = ldexp((double)value, (int)drop);
    }
    return bigint_is_negative(x) ? -magnitude : magnitude;
}

int bigint_compare_number(const BigInt *x, double y)
{
    if (isinf(y))
        return y > 0 ? -1 : 1;
    int x_sign = bigint_is_zero(x) ? 0 : bigint_is_negative(x) ? -1 : 1;
    int y_sign = y > 0 ? 1 : y < 0 ? -1 : 0;
    if (x_sign != y_sign)
        return x_sign < y_sign ? -1 : 1;
    if (x_sign == 0)
        return 0;
    Limb limbs[33];
    uint32_t length = double_integer_limbs(y, limbs);
    int magnitude = limbs_compare(x->limbs, bigint_length(x), limbs, length);
    if (magnitude == 0 && trunc(y) != y)
        magnitude = -1;   /* |x| = trunc(|y|) < |y| */
    return x_sign < 0 ? -magnitude : magnitude;
}
