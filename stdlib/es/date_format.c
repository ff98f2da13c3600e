/*
 * The string forms of a time value: toString and its parts (ES2025
 * 21.4.4.41.1 - 21.4.4.41.4 TimeString, DateString, TimeZoneString,
 * ToDateString), toUTCString (21.4.4.43), toISOString (21.4.4.36, the
 * format of 21.4.1.32) and the en-US forms of toLocaleString that node
 * prints without arguments.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "stdlib/es/date_internal.h"

/* ES2025 Table 63 and Table 64: names of days and months */
static const char *const day_names[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
static const char *const month_names[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* The year as DateString writes it: a "-" for negative years, then at
 * least 4 digits. Returns the length written. */
static int format_year(char *buf, double year)
{
    return sprintf(buf, "%s%04.0f", year < 0 ? "-" : "", fabs(year));
}

/* ES2025 21.4.4.41.1 TimeString ( tv ): "HH:mm:ss GMT" */
static int time_string(char *buf, double t)
{
    return sprintf(buf, "%02d:%02d:%02d GMT", date_hour_from_time(t), date_min_from_time(t), date_sec_from_time(t));
}

/* ES2025 21.4.4.41.2 DateString ( tv ): "Thu Jan 01 1970" */
static int date_string(char *buf, double t)
{
    DateFields f;
    date_split(t, &f);
    int n = sprintf(buf, "%s %s %02d ", day_names[f.week_day], month_names[f.month], f.date);
    return n + format_year(buf + n, f.year);
}

/* ES2025 21.4.4.41.3 TimeZoneString ( tv ): "+0100 (Central European
 * Standard Time)"; the offset's seconds (local mean time) are dropped. */
static int time_zone_string(char *buf, double tv)
{
    double offset = date_local_offset(tv);
    double abs_offset = fabs(offset);
    char name[64];
    date_zone_name(tv, name, sizeof name);
    return sprintf(buf, "%c%02d%02d (%s)", offset >= 0 ? '+' : '-', date_hour_from_time(abs_offset),
                   date_min_from_time(abs_offset), name);
}

/* ES2025 21.4.4.41.4 ToDateString ( tv ), for a finite tv */
void date_format_to_string(double tv, char *buf)
{
    double t = date_local_time(tv);
    int n = date_string(buf, t);
    buf[n++] = ' ';
    n += time_string(buf + n, t);
    time_zone_string(buf + n, tv);
}

/* ES2025 21.4.4.35 Date.prototype.toDateString ( ) */
void date_format_date_string(double tv, char *buf)
{
    date_string(buf, date_local_time(tv));
}

/* ES2025 21.4.4.42 Date.prototype.toTimeString ( ) */
void date_format_time_string(double tv, char *buf)
{
    int n = time_string(buf, date_local_time(tv));
    time_zone_string(buf + n, tv);
}

/* ES2025 21.4.4.43 Date.prototype.toUTCString ( ): "Thu, 01 Jan 1970 00:00:00 GMT" */
void date_format_utc_string(double tv, char *buf)
{
    DateFields f;
    date_split(tv, &f);
    int n = sprintf(buf, "%s, %02d %s ", day_names[f.week_day], f.date, month_names[f.month]);
    n += format_year(buf + n, f.year);
    buf[n++] = ' ';
    time_string(buf + n, tv);
}

/* ES2025 21.4.4.36 Date.prototype.toISOString ( ): the Date Time String
 * Format (21.4.1.32), with a 6-digit signed year outside 0-9999
 * (21.4.1.32.1 Expanded Years). */
void date_format_iso_string(double tv, char *buf)
{
    DateFields f;
    date_split(tv, &f);
    int n;
    if (f.year >= 0 && f.year <= 9999)
        n = sprintf(buf, "%04.0f", f.year);
    else
        n = sprintf(buf, "%c%06.0f", f.year < 0 ? '-' : '+', fabs(f.year));
    sprintf(buf + n, "-%02d-%02dT%02d:%02d:%02d.%03dZ", f.month + 1, f.date, f.hour, f.minute, f.second, f.ms);
}

/* en-US with the Gregorian calendar's eras, as ICU prints it: "1/1/1970"
 * and "12:00:00 AM"; year 0 is 1 B.C., shown as 1 (no era is written). */
void date_format_locale(double tv, DateLocaleParts parts, char *buf)
{
    DateFields f;
    date_split(date_local_time(tv), &f);
    int n = 0;
    if (parts != DATE_LOCALE_TIME)
        n = sprintf(buf, "%d/%d/%.0f", f.month + 1, f.date, f.year > 0 ? f.year : 1 - f.year);
    if (parts == DATE_LOCALE_BOTH)
        n += sprintf(buf + n, ", ");
    if (parts != DATE_LOCALE_DATE) {
        int hour12 = f.hour % 12 == 0 ? 12 : f.hour % 12;
        sprintf(buf + n, "%d:%02d:%02d %s", hour12, f.minute, f.second, f.hour < 12 ? "AM" : "PM");
    }
}
