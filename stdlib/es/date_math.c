/*
 * Time value arithmetic (ES2025 21.4.1.3 - 21.4.1.31), see date_math.h.
 */
#include <math.h>

#include "stdlib/es/date_math.h"

/* Years beyond this cannot give a valid time value whatever the day count;
 * the bound keeps every day number an exact integer in a double. */
#define DATE_MAX_YEAR 1e8

/* The mathematical modulo: the result has the sign of b. */
static double modulo(double a, double b)
{
    double r = fmod(a, b);
    return r < 0 ? r + b : r;
}

/* ES2025 7.1.5 ToIntegerOrInfinity on a Number (-0 becomes +0). */
static double to_integer(double x)
{
    if (isnan(x))
        return 0;
    return trunc(x) + 0.0;
}

/* ES2025 21.4.1.3 Day ( t ) */
double date_day(double t)
{
    return floor(t / DATE_MS_PER_DAY);
}

/* ES2025 21.4.1.4 TimeWithinDay ( t ) */
double date_time_within_day(double t)
{
    return modulo(t, DATE_MS_PER_DAY);
}

static bool is_leap_year(double y)
{
    return modulo(y, 4) == 0 && (modulo(y, 100) != 0 || modulo(y, 400) == 0);
}

/* ES2025 21.4.1.5 DaysInYear ( y ) */
double date_days_in_year(double y)
{
    return is_leap_year(y) ? 366 : 365;
}

/* ES2025 21.4.1.6 DayFromYear ( y ) */
double date_day_from_year(double y)
{
    return 365 * (y - 1970) + floor((y - 1969) / 4) - floor((y - 1901) / 100) + floor((y - 1601) / 400);
}

/* ES2025 21.4.1.7 TimeFromYear ( y ) */
double date_time_from_year(double y)
{
    return DATE_MS_PER_DAY * date_day_from_year(y);
}

/* ES2025 21.4.1.8 YearFromTime ( t ): the largest y with
 * TimeFromYear(y) <= t, found from an estimate and corrected. */
double date_year_from_time(double t)
{
    double day = date_day(t);
    double y = floor(day / 365.2425) + 1970;
    while (date_day_from_year(y) > day)
        y--;
    while (date_day_from_year(y + 1) <= day)
        y++;
    return y;
}

/* ES2025 21.4.1.10 InLeapYear ( t ) */
bool date_in_leap_year(double t)
{
    return is_leap_year(date_year_from_time(t));
}

/* The first day (0-based, within the year) of each month, and of the next
 * year, for common and leap years (ES2025 21.4.1.11's table). */
static const int month_starts[2][13] = {
    { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365 },
    { 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366 },
};

/* ES2025 21.4.1.9 DayWithinYear ( t ), with the leap-ness of its year */
static int day_within_year(double t, bool *leap)
{
    double y = date_year_from_time(t);
    *leap = is_leap_year(y);
    return (int)(date_day(t) - date_day_from_year(y));
}

static int month_of_day(int day, bool leap)
{
    int m = 0;
    while (day >= month_starts[leap][m + 1])
        m++;
    return m;
}

/* ES2025 21.4.1.11 MonthFromTime ( t ) */
int date_month_from_time(double t)
{
    bool leap;
    int day = day_within_year(t, &leap);
    return month_of_day(day, leap);
}

/* ES2025 21.4.1.12 DateFromTime ( t ) */
int date_date_from_time(double t)
{
    bool leap;
    int day = day_within_year(t, &leap);
    return day - month_starts[leap][month_of_day(day, leap)] + 1;
}

/* ES2025 21.4.1.13 WeekDay ( t ): 1970-01-01 was a Thursday. */
int date_week_day(double t)
{
    return (int)modulo(date_day(t) + 4, 7);
}

/* ES2025 21.4.1.14 HourFromTime ( t ) */
int date_hour_from_time(double t)
{
    return (int)modulo(floor(t / DATE_MS_PER_HOUR), 24);
}

/* ES2025 21.4.1.15 MinFromTime ( t ) */
int date_min_from_time(double t)
{
    return (int)modulo(floor(t / DATE_MS_PER_MINUTE), 60);
}

/* ES2025 21.4.1.16 SecFromTime ( t ) */
int date_sec_from_time(double t)
{
    return (int)modulo(floor(t / DATE_MS_PER_SECOND), 60);
}

/* ES2025 21.4.1.17 msFromTime ( t ) */
int date_ms_from_time(double t)
{
    return (int)modulo(t, DATE_MS_PER_SECOND);
}

/* ES2025 21.4.1.28 MakeTime ( hour, min, sec, ms ) */
double date_make_time(double hour, double min, double sec, double ms)
{
    if (!isfinite(hour) || !isfinite(min) || !isfinite(sec) || !isfinite(ms))
        return NAN;
    return to_integer(hour) * DATE_MS_PER_HOUR + to_integer(min) * DATE_MS_PER_MINUTE
           + to_integer(sec) * DATE_MS_PER_SECOND + to_integer(ms);
}

/* ES2025 21.4.1.29 MakeDay ( year, month, date ): the day of the first of
 * month mn of year ym is DayFromYear(ym) plus the month's start. */
double date_make_day(double year, double month, double date)
{
    if (!isfinite(year) || !isfinite(month) || !isfinite(date))
        return NAN;
    double y = to_integer(year), m = to_integer(month), dt = to_integer(date);
    double ym = y + floor(m / 12);
    if (!isfinite(ym) || fabs(ym) > DATE_MAX_YEAR)
        return NAN;
    int mn = (int)modulo(m, 12);
    double day = date_day_from_year(ym) + month_starts[is_leap_year(ym)][mn];
    return day + dt - 1;
}

/* ES2025 21.4.1.30 MakeDate ( day, time ) */
double date_make_date(double day, double time)
{
    if (!isfinite(day) || !isfinite(time))
        return NAN;
    double tv = day * DATE_MS_PER_DAY + time;
    return isfinite(tv) ? tv : NAN;
}

/* ES2025 21.4.1.31 TimeClip ( time ) */
double date_time_clip(double time)
{
    if (!isfinite(time) || fabs(time) > DATE_MAX_TIME)
        return NAN;
    return to_integer(time);
}

/* ES2025 21.4.1.33 MakeFullYear ( year ) */
double date_make_full_year(double year)
{
    if (isnan(year))
        return NAN;
    double truncated = to_integer(year);
    return truncated >= 0 && truncated <= 99 ? 1900 + truncated : truncated;
}

void date_split(double t, DateFields *f)
{
    bool leap;
    f->year = date_year_from_time(t);
    leap = is_leap_year(f->year);
    int day = (int)(date_day(t) - date_day_from_year(f->year));
    f->month = month_of_day(day, leap);
    f->date = day - month_starts[leap][f->month] + 1;
    f->week_day = date_week_day(t);
    f->hour = date_hour_from_time(t);
    f->minute = date_min_from_time(t);
    f->second = date_sec_from_time(t);
    f->ms = date_ms_from_time(t);
}
