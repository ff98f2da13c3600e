/*
 * Date.parse's grammar (ES2025 21.4.3.2): first the Date Time String Format
 * of 21.4.1.32 exactly (with the extensions node accepts: a space or a
 * lower-case "t" for "T", "z" for "Z", an offset without its colon, and any
 * number of fraction digits); then the implementation-specific forms, which
 * include what toString and toUTCString produce (date_parse_legacy.c).
 */
#include <ctype.h>
#include <math.h>
#include <string.h>

#include "stdlib/es/date_internal.h"

typedef struct Cursor {
    const char *p, *end;
} Cursor;

static bool at(const Cursor *c, char ch)
{
    return c->p < c->end && *c->p == ch;
}

static bool at_digit(const Cursor *c)
{
    return c->p < c->end && isdigit((unsigned char)*c->p);
}

/* Exactly n digits. */
static bool read_digits(Cursor *c, int n, int *value)
{
    *value = 0;
    for (int i = 0; i < n; i++) {
        if (!at_digit(c))
            return false;
        *value = *value * 10 + (*c->p++ - '0');
    }
    return true;
}

/* ES2025 21.4.1.32 YYYY, or the expanded ±YYYYYY of 21.4.1.32.1 (-000000
 * is not a year). */
static bool read_year(Cursor *c, double *year)
{
    int value;
    if (at(c, '+') || at(c, '-')) {
        bool negative = *c->p++ == '-';
        if (!read_digits(c, 6, &value) || (negative && value == 0))
            return false;
        *year = negative ? -value : value;
        return true;
    }
    if (!read_digits(c, 4, &value))
        return false;
    *year = value;
    return true;
}

/* "-MM" then "-DD", each optional in turn: the date-only forms. */
static bool read_month_day(Cursor *c, int *month, int *day)
{
    *month = 1, *day = 1;
    if (!at(c, '-'))
        return true;
    c->p++;
    if (!read_digits(c, 2, month) || *month < 1 || *month > 12)
        return false;
    if (!at(c, '-'))
        return true;
    c->p++;
    return read_digits(c, 2, day) && *day >= 1 && *day <= 31;
}

/* ".sss": one or more digits, ms from the first three. */
static bool read_fraction(Cursor *c, int *ms)
{
    *ms = 0;
    if (!at(c, '.'))
        return true;
    c->p++;
    if (!at_digit(c))
        return false;
    for (int scale = 100; at_digit(c); scale /= 10)
        *ms += (*c->p++ - '0') * scale;
    return true;
}

/* "THH:mm[:ss[.sss]]"; 24:00:00.000 is the end of the day. */
static bool read_time(Cursor *c, double *time)
{
    int hour, minute, second = 0, ms = 0;
    if (!read_digits(c, 2, &hour) || !at(c, ':'))
        return false;
    c->p++;
    if (!read_digits(c, 2, &minute))
        return false;
    if (at(c, ':')) {
        c->p++;
        if (!read_digits(c, 2, &second) || !read_fraction(c, &ms))
            return false;
    }
    if (hour > 24 || minute > 59 || second > 59 || (hour == 24 && (minute || second || ms)))
        return false;
    *time = date_make_time(hour, minute, second, ms);
    return true;
}

/* "Z" or "±HH:mm" (or ±HHmm): the offset in ms to subtract. */
static bool read_offset(Cursor *c, double *offset)
{
    if (at(c, 'Z') || at(c, 'z')) {
        c->p++;
        *offset = 0;
        return true;
    }
    if (!at(c, '+') && !at(c, '-'))
        return false;
    int sign = *c->p++ == '-' ? -1 : 1, hours, minutes;
    if (!read_digits(c, 2, &hours))
        return false;
    if (at(c, ':'))
        c->p++;
    if (!read_digits(c, 2, &minutes) || hours > 23 || minutes > 59)
        return false;
    *offset = sign * (hours * DATE_MS_PER_HOUR + minutes * DATE_MS_PER_MINUTE);
    return true;
}

/* ES2025 21.4.1.32 Date Time String Format: true and *tv set when text is
 * one; date-only forms are UTC, date-time forms without offset local. */
static bool parse_iso(const char *text, size_t length, double *tv)
{
    Cursor c = { text, text + length };
    double year, time = 0, offset = 0;
    int month, day;
    if (!read_year(&c, &year) || !read_month_day(&c, &month, &day))
        return false;
    bool has_time = at(&c, 'T') || at(&c, 't') || at(&c, ' ');
    bool has_offset = !has_time;
    if (has_time) {
        c.p++;
        if (!read_time(&c, &time))
            return false;
        has_offset = c.p < c.end;
        if (has_offset && !read_offset(&c, &offset))
            return false;
    }
    if (c.p != c.end)
        return false;
    double date = date_make_date(date_make_day(year, month - 1, day), time);
    *tv = has_offset ? date - offset : date_utc(date);
    return true;
}

double date_parse(const char *text, size_t length)
{
    double tv;
    if (parse_iso(text, length, &tv))
        return tv;
    return date_parse_legacy(text, length);
}
