/*
 * Fixed and exponential notations of doubles (stdlib/es/number_format.h).
 *
 * A double's exact decimal expansion is finite (at most 767 significant
 * digits); glibc's printf produces it exactly when asked for enough
 * digits. Rounding that expansion half up at the wanted position gives the
 * n the spec defines, ties included (printf itself would round ties to
 * even).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "stdlib/es/number_format.h"
#include "vm/string.h"

/* |x| = 0.d1 d2 d3 ... x 10^point; no leading zero digit (zero: "0", point 1). */
typedef struct Decimal {
    char digits[1200];
    int len;
    int point;
} Decimal;

static void exact_decimal(double x, Decimal *d)
{
    static char text[1500];
    x = fabs(x);
    if (x == 0) {
        strcpy(d->digits, "0");
        d->len = d->point = 1;
        return;
    }
    snprintf(text, sizeof text, "%.1100f", x);
    char *dot = strchr(text, '.');
    int int_len = (int)(dot - text);
    d->len = 0;
    d->point = int_len;
    bool leading = true;
    for (char *p = text; *p; p++) {
        if (*p == '.')
            continue;
        if (leading && *p == '0') {
            d->point--;
            continue;
        }
        leading = false;
        if (d->len < (int)sizeof d->digits - 1)
            d->digits[d->len++] = *p;
    }
    while (d->len > 1 && d->digits[d->len - 1] == '0')
        d->len--;
    d->digits[d->len] = 0;
}

/* Keeps the first keep digits, rounding half up; keep <= 0 rounds to
 * 10^(point - keep)'s multiple (which is 0 or 1 of them). */
static void round_digits(Decimal *d, int keep)
{
    if (keep >= d->len)
        return;
    bool up = keep >= 0 && d->digits[keep] >= '5';
    if (keep < 0)
        up = false;
    if (keep <= 0) {
        d->point = d->point - keep + (up ? 1 : 0);
        strcpy(d->digits, up ? "1" : "0");
        d->len = 1;
        if (!up)
            d->point = 1;
        return;
    }
    d->len = keep;
    d->digits[keep] = 0;
    for (int i = keep - 1; up && i >= 0; i--) {
        if (d->digits[i] == '9') {
            d->digits[i] = '0';
        } else {
            d->digits[i]++;
            up = false;
        }
    }
    if (up) {   /* 999 -> 1000 */
        memmove(d->digits + 1, d->digits, (size_t)d->len + 1);
        d->digits[0] = '1';
        d->point++;
        d->len = keep;
        d->digits[keep] = 0;
    }
}

/* The i-th digit, zeros past the end. */
static char digit_at(const Decimal *d, int i)
{
    return i >= 0 && i < d->len ? d->digits[i] : '0';
}

void number_to_fixed(double x, int f, char *out)
{
    Decimal d;
    exact_decimal(x, &d);
    round_digits(&d, d.point + f);
    char *p = out;
    if (x < 0)
        *p++ = '-';   /* even when it rounds to zero: (-0.0001).toFixed(2) is "-0.00" */
    if (d.digits[0] == '0')
        d.point = 1;
    if (d.point <= 0)
        *p++ = '0';
    for (int i = 0; i < d.point; i++)
        *p++ = digit_at(&d, i);
    if (f > 0) {
        *p++ = '.';
        for (int i = 0; i < f; i++)
            *p++ = digit_at(&d, d.point + i);
    }
    *p = 0;
}

/* d.ddd e±n for the first count digits of d. */
static void write_exponential(const Decimal *d, int count, bool negative, char *out)
{
    char *p = out;
    if (negative)
        *p++ = '-';
    *p++ = digit_at(d, 0);
    if (count > 1) {
        *p++ = '.';
        for (int i = 1; i < count; i++)
            *p++ = digit_at(d, i);
    }
    int e = d->digits[0] == '0' ? 0 : d->point - 1;
    sprintf(p, "e%c%d", e < 0 ? '-' : '+', e < 0 ? -e : e);
}

/* The shortest round-trip digits of x (what ToString prints) as a Decimal. */
static void shortest_decimal(double x, Decimal *d)
{
    char text[40];
    number_format(fabs(x), text);
    d->len = 0;
    d->point = 0;
    int exponent = 0;
    bool seen_point = false, leading = true;
    for (char *p = text; *p; p++) {
        if (*p == 'e') {
            sscanf(p + 1, "%d", &exponent);
            break;
        }
        if (*p == '.') {
            seen_point = true;
            continue;
        }
        if (leading && *p == '0') {
            if (seen_point)
                d->point--;
            continue;
        }
        leading = false;
        d->digits[d->len++] = *p;
        if (!seen_point)
            d->point++;
    }
    while (d->len > 1 && d->digits[d->len - 1] == '0')
        d->len--;
    d->digits[d->len] = 0;
    d->point += exponent;
    if (d->len == 0) {
        strcpy(d->digits, "0");
        d->len = d->point = 1;
    }
}

void number_to_exponential(double x, int f, char *out)
{
    Decimal d;
    if (f < 0) {
        shortest_decimal(x, &d);
        write_exponential(&d, d.len, x < 0, out);
        return;
    }
    exact_decimal(x, &d);
    round_digits(&d, f + 1);
    write_exponential(&d, f + 1, x < 0, out);
}

void number_to_precision(double x, int p, char *out)
{
    Decimal d;
    exact_decimal(x, &d);
    round_digits(&d, p);
    int e = d.digits[0] == '0' ? 0 : d.point - 1;
    if (e < -6 || e >= p) {
        write_exponential(&d, p, x < 0, out);
        return;
    }
    char *q = out;
    if (x < 0)
        *q++ = '-';
    if (e >= 0) {
        for (int i = 0; i <= e; i++)
            *q++ = digit_at(&d, i);
        if (p > e + 1)
            *q++ = '.';
        for (int i = e + 1; i < p; i++)
            *q++ = digit_at(&d, i);
    } else {
        *q++ = '0';
        *q++ = '.';
        for (int i = 0; i < -(e + 1); i++)
            *q++ = '0';
        for (int i = 0; i < p; i++)
            *q++ = digit_at(&d, i);
    }
    *q = 0;
}

void number_to_locale(double x, char *out)
{
    if (x != x) {
        strcpy(out, "NaN");
        return;
    }
    if (isinf(x)) {
        strcpy(out, x < 0 ? "-\xE2\x88\x9E" : "\xE2\x88\x9E");   /* ∞ */
        return;
    }
    char fixed[NUMBER_TEXT_MAX];
    if (fabs(x) >= 1e21) {
        Decimal d;
        exact_decimal(x, &d);
        round_digits(&d, 17);
        char *p = fixed;
        if (x < 0)
            *p++ = '-';
        for (int i = 0; i < d.point; i++)
            *p++ = digit_at(&d, i);
        *p = 0;
    } else {
        number_to_fixed(x, 3, fixed);
    }
    char *dot = strchr(fixed, '.');
    if (dot) {   /* drop trailing zeros of the fraction */
        char *end = dot + strlen(dot) - 1;
        while (end > dot && *end == '0')
            *end-- = 0;
        if (end == dot)
            *dot = 0;
    }
    const char *digits = fixed[0] == '-' ? fixed + 1 : fixed;
    size_t int_len = strcspn(digits, ".");
    char *p = out;
    if (signbit(x))
        *p++ = '-';   /* as ICU: (-0.0001).toLocaleString() is "-0" */
    for (size_t i = 0; i < int_len; i++) {
        if (i > 0 && (int_len - i) % 3 == 0)
            *p++ = ',';
        *p++ = digits[i];
    }
    strcpy(p, digits + int_len);
}

bool number_is_str_whitespace(unsigned c)
{
    switch (c) {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20: case 0xA0: case 0x1680:
    case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000: case 0xFEFF:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}
