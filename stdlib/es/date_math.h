/*
 * The time value arithmetic of ES2025 21.4.1 (Time Values and Time Range,
 * Day Number and Time within Day, Year / Month / Date / Hour ... from a
 * time, MakeTime, MakeDay, MakeDate, TimeClip). Pure functions of doubles
 * with no VM: the Date built-in (stdlib/es/date*.c) and the unit tests
 * (tests/unit/test_date_math.c) call them.
 *
 * A time value is a Number of milliseconds since 1970-01-01T00:00:00Z in the
 * proleptic Gregorian calendar; a valid one lies in [-8.64e15, 8.64e15].
 */
#ifndef NODUS_STDLIB_ES_DATE_MATH_H
#define NODUS_STDLIB_ES_DATE_MATH_H

#include <stdbool.h>

#define DATE_MS_PER_SECOND 1000.0
#define DATE_MS_PER_MINUTE 60000.0
#define DATE_MS_PER_HOUR 3600000.0
#define DATE_MS_PER_DAY 86400000.0
/* ES2025 21.4.1.1: 100,000,000 days either side of the epoch */
#define DATE_MAX_TIME 8.64e15

/* ES2025 21.4.1.3 Day ( t ) and 21.4.1.4 TimeWithinDay ( t ) */
double date_day(double t);
double date_time_within_day(double t);

/* ES2025 21.4.1.5 DaysInYear, 21.4.1.6 DayFromYear, 21.4.1.7 TimeFromYear */
double date_days_in_year(double y);
double date_day_from_year(double y);
double date_time_from_year(double y);

/* ES2025 21.4.1.8 YearFromTime, 21.4.1.10 InLeapYear, 21.4.1.11
 * MonthFromTime (0-11), 21.4.1.12 DateFromTime (1-31), 21.4.1.13 WeekDay
 * (0 = Sunday); t must be finite. */
double date_year_from_time(double t);
bool date_in_leap_year(double t);
int date_month_from_time(double t);
int date_date_from_time(double t);
int date_week_day(double t);

/* ES2025 21.4.1.14-17 HourFromTime, MinFromTime, SecFromTime, msFromTime */
int date_hour_from_time(double t);
int date_min_from_time(double t);
int date_sec_from_time(double t);
int date_ms_from_time(double t);

/* ES2025 21.4.1.28 MakeTime, 21.4.1.29 MakeDay, 21.4.1.30 MakeDate,
 * 21.4.1.31 TimeClip: NaN when an argument is not finite or out of range. */
double date_make_time(double hour, double min, double sec, double ms);
double date_make_day(double year, double month, double date);
double date_make_date(double day, double time);
double date_time_clip(double time);

/* ES2025 21.4.1.33 MakeFullYear ( year ): the integer part of year, with
 * 0-99 meaning 1900-1999; NaN stays NaN. */
double date_make_full_year(double year);

/* All the fields of a finite time value at once. */
typedef struct DateFields {
    double year;
    int month;        /* 0-11 */
    int date;         /* 1-31 */
    int week_day;     /* 0 = Sunday */
    int hour, minute, second, ms;
} DateFields;
void date_split(double t, DateFields *fields);

#endif
