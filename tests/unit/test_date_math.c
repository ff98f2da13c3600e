/*
 * Unit tests of the time value arithmetic (stdlib/es/date_math.c, ES2025
 * 21.4.1), of the string forms in UTC and of Date.parse's grammar: pure
 * functions, no VM. TZ is set to UTC so that local time is UTC.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stdlib/es/date_internal.h"
#include "tests/unit/test_main.h"

/* ES2025 21.4.1.3 - 21.4.1.7 */
static void test_days_and_years(void)
{
    ASSERT_DOUBLE_EQ(date_day(0), 0);
    ASSERT_DOUBLE_EQ(date_day(-1), -1);
    ASSERT_DOUBLE_EQ(date_day(DATE_MS_PER_DAY), 1);
    ASSERT_DOUBLE_EQ(date_time_within_day(-1), DATE_MS_PER_DAY - 1);
    ASSERT_DOUBLE_EQ(date_time_within_day(DATE_MS_PER_DAY + 5), 5);
    ASSERT_DOUBLE_EQ(date_days_in_year(1970), 365);
    ASSERT_DOUBLE_EQ(date_days_in_year(2000), 366);
    ASSERT_DOUBLE_EQ(date_days_in_year(1900), 365);
    ASSERT_DOUBLE_EQ(date_days_in_year(2024), 366);
    ASSERT_DOUBLE_EQ(date_days_in_year(0), 366);
    ASSERT_DOUBLE_EQ(date_days_in_year(-1), 365);
    ASSERT_DOUBLE_EQ(date_days_in_year(-4), 366);
    ASSERT_DOUBLE_EQ(date_day_from_year(1970), 0);
    ASSERT_DOUBLE_EQ(date_day_from_year(1971), 365);
    ASSERT_DOUBLE_EQ(date_day_from_year(1969), -365);
    ASSERT_DOUBLE_EQ(date_day_from_year(2000), 10957);
    ASSERT_DOUBLE_EQ(date_day_from_year(0), -719528);
    ASSERT_DOUBLE_EQ(date_time_from_year(0), -62167219200000.0);
}

/* ES2025 21.4.1.8 - 21.4.1.17, around the epoch, leap days and the limits */
static void test_fields_from_time(void)
{
    ASSERT_DOUBLE_EQ(date_year_from_time(0), 1970);
    ASSERT_DOUBLE_EQ(date_year_from_time(-1), 1969);
    ASSERT_DOUBLE_EQ(date_year_from_time(-62167219200000.0), 0);
    ASSERT_DOUBLE_EQ(date_year_from_time(-62167219200001.0), -1);
    ASSERT_DOUBLE_EQ(date_year_from_time(8.64e15), 275760);
    ASSERT_DOUBLE_EQ(date_year_from_time(-8.64e15), -271821);
    ASSERT(!date_in_leap_year(0));
    ASSERT(date_in_leap_year(951782400000.0));           /* 2000-02-29 */
    ASSERT_EQ(date_month_from_time(951782400000.0), 1);
    ASSERT_EQ(date_date_from_time(951782400000.0), 29);
    ASSERT_EQ(date_month_from_time(951868800000.0), 2);  /* 2000-03-01 */
    ASSERT_EQ(date_date_from_time(951868800000.0), 1);
    ASSERT_EQ(date_month_from_time(-1), 11);
    ASSERT_EQ(date_date_from_time(-1), 31);
    ASSERT_EQ(date_week_day(0), 4);                      /* Thursday */
    ASSERT_EQ(date_week_day(-1), 3);
    ASSERT_EQ(date_week_day(8.64e15), 6);                /* Saturday */
    ASSERT_EQ(date_week_day(-8.64e15), 2);               /* Tuesday */
    ASSERT_EQ(date_hour_from_time(-1), 23);
    ASSERT_EQ(date_min_from_time(-1), 59);
    ASSERT_EQ(date_sec_from_time(-1), 59);
    ASSERT_EQ(date_ms_from_time(-1), 999);
    ASSERT_EQ(date_ms_from_time(1234567890123.0), 123);
    DateFields f;
    date_split(1234567890123.0, &f);                     /* 2009-02-13T23:31:30.123Z, a Friday */
    ASSERT_DOUBLE_EQ(f.year, 2009);
    ASSERT_EQ(f.month, 1);
    ASSERT_EQ(f.date, 13);
    ASSERT_EQ(f.week_day, 5);
    ASSERT_EQ(f.hour, 23);
    ASSERT_EQ(f.minute, 31);
    ASSERT_EQ(f.second, 30);
    ASSERT_EQ(f.ms, 123);
}

/* Every day over 800 years round-trips through MakeDay. */
static void test_make_day_round_trip(void)
{
    int failures = 0;
    for (double day = -146097; day < 146097; day++) {
        double t = day * DATE_MS_PER_DAY;
        double back = date_make_day(date_year_from_time(t), date_month_from_time(t), date_date_from_time(t));
        failures += back != day;
    }
    ASSERT_EQ(failures, 0);
}

/* ES2025 21.4.1.28 - 21.4.1.31, 21.4.1.33 */
static void test_make_and_clip(void)
{
    ASSERT_DOUBLE_EQ(date_make_time(1, 2, 3, 4), 3723004);
    ASSERT_DOUBLE_EQ(date_make_time(1.9, 2.9, 3.9, 4.9), 3723004);
    ASSERT_DOUBLE_EQ(date_make_time(-1, 0, 0, 0), -3600000);
    ASSERT_DOUBLE_EQ(date_make_time(NAN, 0, 0, 0), NAN);
    ASSERT_DOUBLE_EQ(date_make_time(0, INFINITY, 0, 0), NAN);
    ASSERT_DOUBLE_EQ(date_make_day(1970, 0, 1), 0);
    ASSERT_DOUBLE_EQ(date_make_day(1970, 12, 1), 365);
    ASSERT_DOUBLE_EQ(date_make_day(1970, -1, 1), -31);
    ASSERT_DOUBLE_EQ(date_make_day(1970, 0, 0), -1);
    ASSERT_DOUBLE_EQ(date_make_day(2000, 1, 29), 11016);
    ASSERT_DOUBLE_EQ(date_make_day(1970, 0.5, 1.5), 0);
    ASSERT_DOUBLE_EQ(date_make_day(NAN, 0, 1), NAN);
    ASSERT_DOUBLE_EQ(date_make_day(1970, 1e20, 1), NAN);
    ASSERT_DOUBLE_EQ(date_make_day(1e20, 0, 1), NAN);
    ASSERT_DOUBLE_EQ(date_make_date(1, 5), DATE_MS_PER_DAY + 5);
    ASSERT_DOUBLE_EQ(date_make_date(1e305, 0), NAN);
    ASSERT_DOUBLE_EQ(date_make_date(NAN, 0), NAN);
    ASSERT_DOUBLE_EQ(date_time_clip(8.64e15), 8.64e15);
    ASSERT_DOUBLE_EQ(date_time_clip(8.64e15 + 1), NAN);
    ASSERT_DOUBLE_EQ(date_time_clip(-8.64e15), -8.64e15);
    ASSERT_DOUBLE_EQ(date_time_clip(-8.64e15 - 1), NAN);
    ASSERT_DOUBLE_EQ(date_time_clip(1.9), 1);
    ASSERT_DOUBLE_EQ(date_time_clip(-1.9), -1);
    ASSERT(!signbit(date_time_clip(-0.0)));
    ASSERT(!signbit(date_time_clip(-0.5)));
    ASSERT_DOUBLE_EQ(date_time_clip(INFINITY), NAN);
    ASSERT_DOUBLE_EQ(date_make_full_year(0), 1900);
    ASSERT_DOUBLE_EQ(date_make_full_year(99.9), 1999);
    ASSERT_DOUBLE_EQ(date_make_full_year(100), 100);
    ASSERT_DOUBLE_EQ(date_make_full_year(-1), -1);
    ASSERT_DOUBLE_EQ(date_make_full_year(NAN), NAN);
}

/* The string forms in UTC (local time is UTC in this test). */
static void test_formats(void)
{
    char text[DATE_TEXT_MAX];
    date_format_iso_string(0, text);
    ASSERT_STR_EQ(text, "1970-01-01T00:00:00.000Z");
    date_format_iso_string(-62198755200000.0, text);
    ASSERT_STR_EQ(text, "-000001-01-01T00:00:00.000Z");
    date_format_iso_string(8.64e15, text);
    ASSERT_STR_EQ(text, "+275760-09-13T00:00:00.000Z");
    date_format_iso_string(253402300800000.0, text);
    ASSERT_STR_EQ(text, "+010000-01-01T00:00:00.000Z");
    date_format_utc_string(-62198755200000.0, text);
    ASSERT_STR_EQ(text, "Fri, 01 Jan -0001 00:00:00 GMT");
    date_format_to_string(1234567890123.0, text);
    ASSERT_STR_EQ(text, "Fri Feb 13 2009 23:31:30 GMT+0000 (Coordinated Universal Time)");
    date_format_locale(-62167219200000.0 + 13 * DATE_MS_PER_HOUR, DATE_LOCALE_BOTH, text);
    ASSERT_STR_EQ(text, "1/1/1, 1:00:00 PM");
}

static double parse(const char *text)
{
    return date_parse(text, strlen(text));
}

/* Date.parse's grammar: ES2025 21.4.1.32, then the legacy forms. */
static void test_parse(void)
{
    ASSERT_DOUBLE_EQ(parse("1970-01-01T00:00:00.000Z"), 0);
    ASSERT_DOUBLE_EQ(parse("2009-02-13T23:31:30.123Z"), 1234567890123.0);
    ASSERT_DOUBLE_EQ(parse("2009-02-13T23:31:30.123+01:00"), 1234567890123.0 - DATE_MS_PER_HOUR);
    ASSERT_DOUBLE_EQ(parse("2009-02"), 1233446400000.0);
    ASSERT_DOUBLE_EQ(parse("-000001-01-01T00:00:00Z"), -62198755200000.0);
    ASSERT_DOUBLE_EQ(parse("-000000-01-01T00:00:00Z"), NAN);
    ASSERT_DOUBLE_EQ(parse("1970-01-01T24:00:00Z"), DATE_MS_PER_DAY);
    ASSERT_DOUBLE_EQ(parse("1970-01-01T24:00:01Z"), NAN);
    ASSERT_DOUBLE_EQ(parse("1970-13-01"), NAN);
    ASSERT_DOUBLE_EQ(parse("Fri Feb 13 2009 23:31:30 GMT+0000 (Coordinated Universal Time)"), 1234567890000.0);
    ASSERT_DOUBLE_EQ(parse("Fri, 13 Feb 2009 23:31:30 GMT"), 1234567890000.0);
    ASSERT_DOUBLE_EQ(parse("Fri, 01 Jan -0001 00:00:00 GMT"), -62198755200000.0);
    ASSERT_DOUBLE_EQ(parse("2/13/2009 11:31:30 PM"), 1234567890000.0);
    ASSERT_DOUBLE_EQ(parse("February 13, 2009 23:31:30 GMT+0100"), 1234567890000.0 - DATE_MS_PER_HOUR);
    ASSERT_DOUBLE_EQ(parse("Jan 1 1970 (comment (nested)) 00:00 UTC"), 0);
    ASSERT_DOUBLE_EQ(parse(""), NAN);
    ASSERT_DOUBLE_EQ(parse("Jan"), NAN);
    ASSERT_DOUBLE_EQ(parse("Jan 1 1970 noon"), NAN);
    ASSERT_DOUBLE_EQ(parse("1970-01-01T00:00:00Zjunk"), NAN);
}

int main(void)
{
    setenv("TZ", "UTC", 1);
    RUN_TEST(test_days_and_years);
    RUN_TEST(test_fields_from_time);
    RUN_TEST(test_make_day_round_trip);
    RUN_TEST(test_make_and_clip);
    RUN_TEST(test_formats);
    RUN_TEST(test_parse);
    return TEST_SUMMARY();
}
