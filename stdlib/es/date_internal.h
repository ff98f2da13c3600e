/*
 * What the files of the Date built-in share (ES2025 21.4): the Date object
 * with its [[DateValue]] slot, local time (date_local.c), the string forms
 * (date_format.c) and Date.parse's grammar (date_parse.c). The time value
 * arithmetic is date_math.h.
 */
#ifndef NODUS_STDLIB_ES_DATE_INTERNAL_H
#define NODUS_STDLIB_ES_DATE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "stdlib/es/date_math.h"
#include "vm/object.h"

/* ---- Date objects (date.c) ---- */
typedef struct DateObject {
    Object object;
    double date_value;            /* [[DateValue]]: a time value or NaN */
} DateObject;

extern const ObjectClass date_object_class;

/* [[DateValue]] of value when it is a Date: true and *time_value set. */
static inline bool date_object_value(Value value, double *time_value)
{
    if (!value_is_object(value) || value_as_object(value)->class_ != &date_object_class)
        return false;
    *time_value = ((DateObject *)value_as_object(value))->date_value;
    return true;
}

/* thisTimeValue with RequireInternalSlot(this, [[DateValue]]): TypeError
 * when this is not a Date (naming method, when not NULL); false after
 * throwing. */
bool date_this_time_value(VM *vm, Value this_value, const char *method, double *tv) NODUS_MUST_CHECK;
/* Defines the setters of Date.prototype (date_setters.c). */
bool date_install_setters(VM *vm, Object *proto) NODUS_MUST_CHECK;

/* ---- Local time (date_local.c) ---- */
/* LocalTZA(t, true) (ES2025 21.4.1.24 note): the offset of local time from
 * UTC in ms at the UTC instant t, from localtime_r (the TZ variable). */
double date_local_offset(double t);
/* ES2025 21.4.1.25 LocalTime ( t ) */
double date_local_time(double t);
/* ES2025 21.4.1.26 UTC ( t ): t is local time; NaN when not finite. */
double date_utc(double t);
/* The long name of the time zone in effect at the UTC instant t
 * ("Coordinated Universal Time", "Central European Summer Time"); the
 * abbreviation when the name is not known. */
void date_zone_name(double t, char *buf, size_t size);

/* ---- String forms (date_format.c); buffers of DATE_TEXT_MAX bytes ---- */
enum { DATE_TEXT_MAX = 128 };
/* Each takes a time value tv (finite: callers print "Invalid Date" for NaN). */
void date_format_to_string(double tv, char *buf);          /* 21.4.4.41.4 ToDateString */
void date_format_date_string(double tv, char *buf);        /* 21.4.4.35 toDateString */
void date_format_time_string(double tv, char *buf);        /* 21.4.4.42 toTimeString */
void date_format_utc_string(double tv, char *buf);         /* 21.4.4.43 toUTCString */
void date_format_iso_string(double tv, char *buf);         /* 21.4.4.36 toISOString */
/* en-US as node prints by default: "1/1/1970, 12:00:00 AM" */
typedef enum DateLocaleParts { DATE_LOCALE_BOTH, DATE_LOCALE_DATE, DATE_LOCALE_TIME } DateLocaleParts;
void date_format_locale(double tv, DateLocaleParts parts, char *buf);

/* ---- Date.parse (date_parse.c) ---- */
/* The time value text spells (ES2025 21.4.3.2), or NaN: the Date Time
 * String Format of 21.4.1.32, else the forms toString and toUTCString
 * produce and the looser ones node accepts. text is ASCII (other
 * characters as 0x80), length bytes. */
double date_parse(const char *text, size_t length);
/* The forms other than 21.4.1.32's (date_parse_legacy.c): NaN when none. */
double date_parse_legacy(const char *text, size_t length);

#endif
