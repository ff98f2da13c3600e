/*
 * Local time (ES2025 21.4.1.20 - 21.4.1.26): the offset of the system time
 * zone at an instant, and the conversions between UTC and local time. The
 * system time zone is the C library's: the TZ environment variable, else
 * /etc/localtime, read through localtime_r's tm_gmtoff.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "stdlib/es/date_internal.h"

/* localtime_r of the second containing t; false when the C library cannot
 * represent it. */
static bool local_tm(double t, struct tm *tm)
{
    static bool tz_read;
    if (!tz_read) {
        tzset();
        tz_read = true;
    }
    double seconds = floor(t / DATE_MS_PER_SECOND);
    if (!(seconds >= -9.2e18 && seconds <= 9.2e18))
        return false;
    time_t s = (time_t)seconds;
    return localtime_r(&s, tm) != NULL;
}

/* A year in 1970-2037 with the same leap-ness and the same week day on
 * January 1 as year y (ES2025 21.4.1.24's note allows such a mapping for
 * instants the system cannot represent). */
static double equivalent_year(double y)
{
    double leap = date_days_in_year(y);
    int week_day = date_week_day(date_time_from_year(y));
    for (double e = 1970; e < 2038; e++)
        if (date_days_in_year(e) == leap && date_week_day(date_time_from_year(e)) == week_day)
            return e;
    return 1970;
}

/* t moved into an equivalent year when localtime_r cannot take it. */
static bool local_tm_clamped(double t, struct tm *tm)
{
    if (local_tm(t, tm))
        return true;
    if (!isfinite(t))
        return false;
    double y = date_year_from_time(t);
    double shifted = t - date_time_from_year(y) + date_time_from_year(equivalent_year(y));
    return local_tm(shifted, tm);
}

/* ES2025 21.4.1.24 (LocalTZA): GetNamedTimeZoneOffsetNanoseconds in ms */
double date_local_offset(double t)
{
    struct tm tm;
    if (!local_tm_clamped(t, &tm))
        return 0;
    return (double)tm.tm_gmtoff * DATE_MS_PER_SECOND;
}

/* ES2025 21.4.1.25 LocalTime ( t ) */
double date_local_time(double t)
{
    return t + date_local_offset(t);
}

/* ES2025 21.4.1.26 UTC ( t ). The offsets a day before and a day after
 * bracket any transition near t (zones change at most a few times a year):
 * each offset o whose instant t - o really has offset o is a possible
 * instant; the earliest wins. None (a skipped local time): the offset
 * before the transition. */
double date_utc(double t)
{
    if (!isfinite(t))
        return NAN;
    double before = date_local_offset(t - DATE_MS_PER_DAY);
    double after = date_local_offset(t + DATE_MS_PER_DAY);
    double offsets[2] = { before, after };
    double best = NAN;
    for (int i = 0; i < 2; i++) {
        double instant = t - offsets[i];
        if (date_local_offset(instant) == offsets[i] && !(instant >= best))
            best = instant;
    }
    return isnan(best) ? t - before : best;
}

/* Abbreviations of tzdata and the names ICU gives them in English (what
 * node prints in toString). offset_minutes disambiguates the abbreviations
 * two zones share; -1 matches any offset. */
static const struct ZoneName {
    const char *abbreviation;
    int offset_minutes;
    const char *name;
} zone_names[] = {
    { "UTC", -1, "Coordinated Universal Time" },
    { "GMT", -1, "Greenwich Mean Time" },
    { "BST", -1, "British Summer Time" },
    { "IST", 60, "Irish Standard Time" },
    { "IST", 330, "India Standard Time" },
    { "IST", 120, "Israel Standard Time" },
    { "IDT", -1, "Israel Daylight Time" },
    { "WET", -1, "Western European Standard Time" },
    { "WEST", -1, "Western European Summer Time" },
    { "CET", -1, "Central European Standard Time" },
    { "CEST", -1, "Central European Summer Time" },
    { "MET", -1, "Central European Standard Time" },
    { "MEST", -1, "Central European Summer Time" },
    { "EET", -1, "Eastern European Standard Time" },
    { "EEST", -1, "Eastern European Summer Time" },
    { "MSK", -1, "Moscow Standard Time" },
    { "SAST", -1, "South Africa Standard Time" },
    { "CAT", -1, "Central Africa Time" },
    { "EAT", -1, "East Africa Time" },
    { "WAT", -1, "West Africa Standard Time" },
    { "PKT", -1, "Pakistan Standard Time" },
    { "HKT", -1, "Hong Kong Standard Time" },
    { "CST", 480, "China Standard Time" },
    { "JST", -1, "Japan Standard Time" },
    { "KST", -1, "Korean Standard Time" },
    { "WIB", -1, "Western Indonesia Time" },
    { "PHT", -1, "Philippine Standard Time" },
    { "PST", 480, "Philippine Standard Time" },
    { "AWST", -1, "Australian Western Standard Time" },
    { "ACST", -1, "Australian Central Standard Time" },
    { "ACDT", -1, "Australian Central Daylight Time" },
    { "AEST", -1, "Australian Eastern Standard Time" },
    { "AEDT", -1, "Australian Eastern Daylight Time" },
    { "NZST", -1, "New Zealand Standard Time" },
    { "NZDT", -1, "New Zealand Daylight Time" },
    { "NST", -1, "Newfoundland Standard Time" },
    { "NDT", -1, "Newfoundland Daylight Time" },
    { "AST", -1, "Atlantic Standard Time" },
    { "ADT", -1, "Atlantic Daylight Time" },
    { "EST", -1, "Eastern Standard Time" },
    { "EDT", -1, "Eastern Daylight Time" },
    { "CST", -1, "Central Standard Time" },
    { "CDT", -1, "Central Daylight Time" },
    { "MST", -1, "Mountain Standard Time" },
    { "MDT", -1, "Mountain Daylight Time" },
    { "PST", -1, "Pacific Standard Time" },
    { "PDT", -1, "Pacific Daylight Time" },
    { "AKST", -1, "Alaska Standard Time" },
    { "AKDT", -1, "Alaska Daylight Time" },
    { "HST", -1, "Hawaii-Aleutian Standard Time" },
    { "HDT", -1, "Hawaii-Aleutian Daylight Time" },
};

static const char *zone_long_name(const char *abbreviation, long offset_seconds)
{
    int minutes = (int)(offset_seconds / 60);
    for (size_t i = 0; i < sizeof zone_names / sizeof zone_names[0]; i++) {
        const struct ZoneName *z = &zone_names[i];
        if (strcmp(z->abbreviation, abbreviation) == 0 && (z->offset_minutes < 0 || z->offset_minutes == minutes))
            return z->name;
    }
    return NULL;
}

/* The long name of a known abbreviation; for the numeric ones of zones
 * without a name ("+08", "-03") ICU's "GMT+08:00"; else the abbreviation. */
void date_zone_name(double t, char *buf, size_t size)
{
    struct tm tm;
    if (!local_tm_clamped(t, &tm) || !tm.tm_zone) {
        snprintf(buf, size, "Coordinated Universal Time");
        return;
    }
    const char *name = zone_long_name(tm.tm_zone, tm.tm_gmtoff);
    long minutes = labs(tm.tm_gmtoff) / 60;
    if (name)
        snprintf(buf, size, "%s", name);
    else if (tm.tm_zone[0] == '+' || tm.tm_zone[0] == '-')
        snprintf(buf, size, "GMT%c%02ld:%02ld", tm.tm_gmtoff < 0 ? '-' : '+', minutes / 60, minutes % 60);
    else
        snprintf(buf, size, "%s", tm.tm_zone);
}
