/*
 * Number::toString (ES2025 6.1.6.1.20): numbers as strings.
 *
 * Radix 10 uses the shortest digit string that reads back as the same
 * double, found with the C library: the correctly rounded p-digit forms
 * printed by snprintf("%.*e") for p = 1, 2, ... 17, each checked with
 * strtod. The digits are then laid out as the spec's steps say.
 *
 * Other radices are "implementation-approximated" by the spec; we print
 * what node prints: integer digits exact where the double can hold them,
 * and fraction digits only as many as are needed to tell the value from
 * its neighbours (see radix_fraction).
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/string.h"

static const char DIGIT_CHARS[] = "0123456789abcdefghijklmnopqrstuvwxyz";

/* ---- Radix 10: the shortest round-trip digits ---- */

/* Decimal digits d1 d2 ... dk (no dot) and the exponent of d1, so that the
 * value is 0.d1d2...dk x 10^(exponent + 1). */
typedef struct Digits {
    char digits[20];
    int count;
    int exponent;
} Digits;

/* The correctly rounded p-digit form of value (positive, finite). */
static void digits_rounded(double value, int p, Digits *out)
{
    char text[40];
    snprintf(text, sizeof text, "%.*e", p - 1, value);   /* "d.ddde+XX" */
    int count = 0;
    const char *c = text;
    for (; *c != 'e'; c++)
        if (*c != '.')
            out->digits[count++] = *c;
    out->count = count;
    out->exponent = atoi(c + 1);
}

static double digits_value(const Digits *d)
{
    char text[40];
    snprintf(text, sizeof text, "%.*se%d", d->count, d->digits, d->exponent - d->count + 1);
    return strtod(text, NULL);
}

/* Moves d one unit in its last place towards `up` (true: away from zero).
 * false when the result would lose a digit (100 - 1): not a p-digit form. */
static bool digits_step(Digits *d, bool up)
{
    int i = d->count - 1;
    if (up) {
        for (; i >= 0 && d->digits[i] == '9'; i--)
            d->digits[i] = '0';
        if (i < 0) {   /* 99..9 + 1 = 100..0: one more decade */
            d->digits[0] = '1';
            d->exponent++;
        } else {
            d->digits[i]++;
        }
        return true;
    }
    for (; i >= 0 && d->digits[i] == '0'; i--)
        d->digits[i] = '9';
    if (i < 0 || (i == 0 && d->digits[0] == '1'))
        return false;
    d->digits[i]--;
    return true;
}

/*
 * Step 5 of Number::toString: the fewest digits k that read back as value.
 * Among the p-digit forms the closest to value is the correctly rounded
 * one; it reads back as value whenever any p-digit form does, except just
 * above a power of two, where the doubles below are twice as dense: there
 * the neighbour on the other side may read back while the closest does not.
 */
static void shortest_digits(double value, Digits *out)
{
    for (int p = 1; p <= 17; p++) {
        digits_rounded(value, p, out);
        double rounded = digits_value(out);
        if (rounded == value)
            break;
        Digits other = *out;
        if (digits_step(&other, rounded < value) && digits_value(&other) == value) {
            *out = other;
            break;
        }
    }
    while (out->count > 1 && out->digits[out->count - 1] == '0')
        out->count--;
}

/* Steps 6-12: the digits laid out with n = exponent + 1. */
static int layout_decimal(const Digits *d, char *buf)
{
    int k = d->count, n = d->exponent + 1;
    int len = 0;
    if (k <= n && n <= 21) {                /* 1234500 */
        memcpy(buf, d->digits, k);
        memset(buf + k, '0', n - k);
        len = n;
    } else if (0 < n && n <= 21) {          /* 123.45 */
        memcpy(buf, d->digits, n);
        buf[n] = '.';
        memcpy(buf + n + 1, d->digits + n, k - n);
        len = k + 1;
    } else if (-6 < n && n <= 0) {          /* 0.0012345 */
        buf[0] = '0', buf[1] = '.';
        memset(buf + 2, '0', -n);
        memcpy(buf + 2 - n, d->digits, k);
        len = 2 - n + k;
    } else {                                /* 1.2345e+21, 1e-7 */
        buf[len++] = d->digits[0];
        if (k > 1) {
            buf[len++] = '.';
            memcpy(buf + len, d->digits + 1, k - 1);
            len += k - 1;
        }
        len += sprintf(buf + len, "e%c%d", n - 1 < 0 ? '-' : '+', abs(n - 1));
    }
    buf[len] = '\0';
    return len;
}

int number_format(double value, char *buf)
{
    if (isnan(value))
        return sprintf(buf, "NaN");
    if (value == 0)
        return sprintf(buf, "0");            /* +0 and -0 */
    if (isinf(value))
        return sprintf(buf, value < 0 ? "-Infinity" : "Infinity");
    int sign = 0;
    if (value < 0) {
        buf[sign++] = '-';
        value = -value;
    }
    Digits digits;
    shortest_digits(value, &digits);
    return sign + layout_decimal(&digits, buf + sign);
}

/* ---- Other radices ---- */

/* Enough for the longest case, radix 2: 1024 integer digits, or a '.' and
 * up to 1075 fraction digits (the smallest denormal is 2^-1074). */
enum { RADIX_BUFFER = 2200, RADIX_POINT = RADIX_BUFFER / 2 };

static int digit_value(char c) { return c <= '9' ? c - '0' : c - 'a' + 10; }

/*
 * Writes the fraction digits of value (fraction is its fractional part) at
 * buf[RADIX_POINT..] and returns the end. Digits are produced while they
 * still tell value from its neighbouring doubles: delta is half the gap to
 * the next double, scaled along with the fraction. The last digit is
 * rounded half to even, carrying into earlier digits and, past the point,
 * into *integer.
 */
static int radix_fraction(double value, double fraction, int radix, double *integer, char *buf)
{
    double delta = 0.5 * (nextafter(value, INFINITY) - value);
    delta = fmax(delta, nextafter(0.0, 1.0));
    int end = RADIX_POINT;
    if (fraction < delta)
        return end;
    buf[end++] = '.';
    do {
        fraction *= radix;
        delta *= radix;
        int digit = (int)fraction;
        buf[end++] = DIGIT_CHARS[digit];
        fraction -= digit;
        bool round_up = fraction > 0.5 || (fraction == 0.5 && (digit & 1));
        if (round_up && fraction + delta > 1) {
            /* Round up: drop trailing digits that carry over. */
            for (;;) {
                end--;
                if (end == RADIX_POINT) {   /* carried past the point */
                    *integer += 1;
                    break;
                }
                int carried = digit_value(buf[end]) + 1;
                if (carried < radix) {
                    buf[end++] = DIGIT_CHARS[carried];
                    break;
                }
            }
            break;
        }
    } while (fraction >= delta);
    return end;
}

/* Writes the digits of integer (a non-negative integral double) so that
 * they end at buf[RADIX_POINT]; returns where they start. Digits below the
 * precision of a double (integer / radix >= 2^53) are written as zeros. */
static int radix_integer(double integer, int radix, char *buf)
{
    int start = RADIX_POINT;
    while (integer / radix >= 9007199254740992.0) {
        integer /= radix;
        buf[--start] = '0';
    }
    do {
        double remainder = fmod(integer, radix);
        buf[--start] = DIGIT_CHARS[(int)remainder];
        integer = (integer - remainder) / radix;
    } while (integer > 0);
    return start;
}

/* Formats value (positive, finite) into buf; returns where the text
 * starts (at least one free byte before it) and sets *end. */
static int radix_format(double value, int radix, char *buf, int *end)
{
    double integer = floor(value);
    *end = radix_fraction(value, value - integer, radix, &integer, buf);
    return radix_integer(integer, radix, buf);
}

String *number_to_string(VM *vm, double value, int radix)
{
    assert(radix >= 2 && radix <= 36);
    if (radix == 10 || !isfinite(value) || value == 0) {
        char text[32];
        int len = number_format(value, text);
        return string_from_latin1(vm, (const uint8_t *)text, (uint32_t)len);
    }
    char buf[RADIX_BUFFER];
    int end;
    int start = radix_format(fabs(value), radix, buf, &end);
    if (value < 0)
        buf[--start] = '-';
    return string_from_latin1(vm, (const uint8_t *)buf + start, (uint32_t)(end - start));
}
