/*
 * Date.parse's implementation-specific forms (ES2025 21.4.3.2 lets an
 * implementation fall back to them when the string is not in the Date Time
 * String Format). They cover what toString and toUTCString produce (so that
 * Date.parse(x.toString()) gives x's time value for whole seconds, as the
 * spec asks) and the loose forms node accepts:
 *
 *   Thu Jan 01 1970 00:00:00 GMT+0100 (Central European Standard Time)
 *   Thu, 01 Jan 1970 00:00:00 GMT          January 1, 1970 10:00 PM
 *   1/2/1970 3:04:05 (month/day/year)      1970/1/2, 70-01-02 (year first)
 *
 * The string is read as a sequence of tokens: words (month and day names,
 * AM/PM, UTC/GMT/Z and the North American zone abbreviations), numbers
 * (the day, month and year; a time h:mm[:ss[.sss]]; a signed offset after
 * a time or a zone word), separators (spaces, commas, "/", "-", ".") and
 * parenthesized comments. Without a zone the time is local time.
 */
#include <ctype.h>
#include <math.h>
#include <string.h>

#include "stdlib/es/date_internal.h"

typedef struct Number {
    double value;
    int digits;
} Number;

typedef struct Legacy {
    const char *p, *end;
    Number numbers[3];            /* day, month and year in the order written */
    int number_count;
    int month;                    /* 1-12 from a month name, 0: none */
    bool has_time;
    double hour, minute, second, ms;
    int am_pm;                    /* 0: none, 1: AM, 2: PM */
    bool has_zone, after_zone_word;
    double offset;                /* ms to subtract when has_zone */
} Legacy;

static bool at_digit(const Legacy *l)
{
    return l->p < l->end && isdigit((unsigned char)*l->p);
}

static bool at(const Legacy *l, char c)
{
    return l->p < l->end && *l->p == c;
}

/* Digits (at most 9: more is no date); false when there are none. */
static bool read_number(Legacy *l, Number *n)
{
    n->value = 0, n->digits = 0;
    while (at_digit(l)) {
        if (++n->digits > 9)
            return false;
        n->value = n->value * 10 + (*l->p++ - '0');
    }
    return n->digits > 0;
}

static bool push_number(Legacy *l, Number n)
{
    if (l->number_count == 3)
        return false;
    l->numbers[l->number_count++] = n;
    return true;
}

/* A parenthesized comment, nested parentheses included. */
static bool skip_comment(Legacy *l)
{
    int depth = 0;
    do {
        if (l->p == l->end)
            return false;
        depth += *l->p == '(' ? 1 : *l->p == ')' ? -1 : 0;
        l->p++;
    } while (depth > 0);
    return true;
}

/* ".sss" after the seconds: ms from the first three digits. */
static void read_fraction(Legacy *l)
{
    l->p++;
    for (double scale = 100; at_digit(l); scale /= 10)
        l->ms += (*l->p++ - '0') * scale;
    l->ms = floor(l->ms);
}

/* h:mm[:ss[.sss]], h already read. */
static bool read_time(Legacy *l, double hour)
{
    Number n;
    if (l->has_time)
        return false;
    l->has_time = true;
    l->hour = hour;
    l->p++;
    if (!read_number(l, &n))
        return true;               /* "10:" is 10:00 */
    l->minute = n.value;
    if (at(l, ':')) {
        l->p++;
        if (!read_number(l, &n))
            return false;
        l->second = n.value;
        if (at(l, '.') && l->p + 1 < l->end && isdigit((unsigned char)l->p[1]))
            read_fraction(l);
    }
    return true;
}

/* A numeric date: "1/2/1970", "1970-01-02", "1.2.1970" (first already read). */
static bool read_numeric_date(Legacy *l, Number first)
{
    char separator = *l->p;
    Number n;
    if (!push_number(l, first))
        return false;
    while (at(l, separator) && l->p + 1 < l->end && isdigit((unsigned char)l->p[1])) {
        l->p++;
        if (!read_number(l, &n) || !push_number(l, n))
            return false;
    }
    return true;
}

/* A number and what follows it decides what it is. */
static bool read_number_token(Legacy *l)
{
    Number n;
    if (!read_number(l, &n))
        return false;
    if (at(l, ':'))
        return read_time(l, n.value);
    if ((at(l, '/') || at(l, '-') || at(l, '.')) && l->p + 1 < l->end && isdigit((unsigned char)l->p[1]))
        return read_numeric_date(l, n);
    return push_number(l, n);
}

/* "+hh", "+hhmm", "+hh:mm" after a time or a zone word. */
static bool read_offset(Legacy *l, int sign)
{
    Number n, minutes = { 0, 0 };
    if (!read_number(l, &n) || n.digits > 4)
        return false;
    if (n.digits <= 2 && at(l, ':')) {
        l->p++;
        if (!read_number(l, &minutes))
            return false;
    } else if (n.digits > 2) {
        minutes.value = fmod(n.value, 100);
        n.value = floor(n.value / 100);
    }
    l->has_zone = true;
    l->offset = sign * (n.value * DATE_MS_PER_HOUR + minutes.value * DATE_MS_PER_MINUTE);
    return true;
}

/* "+" or "-": an offset, the sign of a year ("Fri Jan 01 -0001", as
 * toString writes years before 0), or a separator. */
static bool read_sign(Legacy *l, bool after_space)
{
    int sign = *l->p++ == '-' ? -1 : 1;
    if (!at_digit(l))
        return sign < 0;
    if (l->after_zone_word || l->has_time)
        return read_offset(l, sign);
    if (sign > 0)
        return false;
    if (!after_space)
        return read_number_token(l);
    Number n;
    if (!read_number(l, &n) || n.digits < 4 || n.value == 0)
        return false;
    n.value = -n.value;
    return push_number(l, n);
}

/* A zone abbreviation's offset from UTC in hours; false when word is none. */
static bool zone_word(const char *word, double *hours)
{
    static const struct { const char *name; double hours; } zones[] = {
        { "utc", 0 }, { "ut", 0 }, { "gmt", 0 }, { "z", 0 },
        { "est", -5 }, { "edt", -4 }, { "cst", -6 }, { "cdt", -5 },
        { "mst", -7 }, { "mdt", -6 }, { "pst", -8 }, { "pdt", -7 },
    };
    for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++)
        if (strcmp(word, zones[i].name) == 0)
            return *hours = zones[i].hours, true;
    return false;
}

/* 1-12 when word is at least three letters of a month's name. */
static int month_word(const char *word)
{
    static const char *const months[] = { "january", "february", "march", "april", "may", "june", "july",
                                          "august", "september", "october", "november", "december" };
    size_t length = strlen(word);
    for (int m = 0; m < 12 && length >= 3; m++)
        if (strncmp(months[m], word, length) == 0 && length <= strlen(months[m]))
            return m + 1;
    return 0;
}

static bool is_day_word(const char *word)
{
    static const char *const days[] = { "sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
                                        "saturday" };
    size_t length = strlen(word);
    for (int d = 0; d < 7 && length >= 3; d++)
        if (strncmp(days[d], word, length) == 0 && length <= strlen(days[d]))
            return true;
    return false;
}

/* A word; words node does not know are ignored before the first number. */
static bool read_word(Legacy *l)
{
    char word[16];
    size_t length = 0;
    for (; l->p < l->end && isalpha((unsigned char)*l->p); l->p++)
        if (length < sizeof word - 1)
            word[length++] = (char)tolower((unsigned char)*l->p);
    word[length] = '\0';
    double hours;
    int month = month_word(word);
    if (month && !l->month) {
        l->month = month;
    } else if (strcmp(word, "am") == 0 || strcmp(word, "pm") == 0) {
        l->am_pm = word[0] == 'a' ? 1 : 2;
    } else if (zone_word(word, &hours)) {
        l->has_zone = l->after_zone_word = true;
        l->offset = hours * DATE_MS_PER_HOUR;
        return true;
    } else if (!is_day_word(word) && (l->number_count > 0 || l->has_time)) {
        return false;
    }
    l->after_zone_word = false;
    return true;
}

/* Reads every token; false when one is not part of a date. */
static bool tokenize(Legacy *l)
{
    bool after_space = true;
    while (l->p < l->end) {
        unsigned char c = (unsigned char)*l->p;
        bool ok = true, space = false;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '/' || c == '.') {
            l->p++;
            space = c != '/' && c != '.';
        } else if (c == '(') {
            ok = skip_comment(l);
            space = true;
        } else if (isdigit(c)) {
            ok = read_number_token(l);
        } else if (isalpha(c)) {
            if (!read_word(l))
                return false;
            after_space = false;
            continue;
        } else if (c == '+' || c == '-') {
            ok = read_sign(l, after_space);
        } else {
            ok = false;
        }
        if (!ok)
            return false;
        if (!space)
            l->after_zone_word = false;
        after_space = space;
    }
    return true;
}

/* A number that can only be a year: three or more digits, above 31, or signed. */
static bool is_year_like(Number n)
{
    return n.digits >= 3 || n.value > 31 || n.value < 0;
}

/* The year, month (1-12) and day from the numbers and the month name. */
static bool compose_date(const Legacy *l, double *year, double *month, double *day)
{
    const Number *n = l->numbers;
    Number y;
    if (l->month) {
        if (l->number_count != 2)
            return false;
        bool year_first = is_year_like(n[0]);
        y = year_first ? n[0] : n[1];
        *day = year_first ? n[1].value : n[0].value;
        *month = l->month;
    } else {
        if (l->number_count != 3)
            return false;
        bool year_first = is_year_like(n[0]);
        y = year_first ? n[0] : n[2];
        *month = year_first ? n[1].value : n[0].value;
        *day = year_first ? n[2].value : n[1].value;
    }
    /* two-digit years: 00-49 are 2000-2049, 50-99 are 1950-1999 */
    *year = y.digits <= 2 && y.value >= 0 ? y.value + (y.value < 50 ? 2000 : 1900) : y.value;
    return *month >= 1 && *month <= 12 && *day >= 1 && *day <= 31;
}

/* The time within the day, with AM/PM applied; false when out of range. */
static bool compose_time(const Legacy *l, double *time)
{
    double hour = l->hour;
    if (l->am_pm) {
        if (hour > 12)
            return false;
        hour = fmod(hour, 12) + (l->am_pm == 2 ? 12 : 0);
    }
    if (hour > 24 || l->minute > 59 || l->second > 59)
        return false;
    if (hour == 24 && (l->minute || l->second || l->ms))
        return false;
    *time = date_make_time(hour, l->minute, l->second, l->ms);
    return true;
}

double date_parse_legacy(const char *text, size_t length)
{
    Legacy l;
    memset(&l, 0, sizeof l);
    l.p = text, l.end = text + length;
    double year, month, day, time;
    if (!tokenize(&l) || !compose_date(&l, &year, &month, &day) || !compose_time(&l, &time))
        return NAN;
    double date = date_make_date(date_make_day(year, month - 1, day), time);
    return l.has_zone ? date - l.offset : date_utc(date);
}
