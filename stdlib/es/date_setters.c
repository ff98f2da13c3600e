/*
 * The setters of Date.prototype (ES2025 21.4.4.20 - 21.4.4.34, B.2.3.2
 * setYear). Each one reads [[DateValue]] first, converts its arguments in
 * order with ToNumber (the absent ones are not converted), then fills the
 * absent fields from the old time value, in local time or UTC.
 */
#include "stdlib/es/builtin.h"
#include "stdlib/es/date_internal.h"

#define ARGS VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target

/* Which fields a setter sets, from first to the last the arguments reach. */
typedef enum DateField {
    FIELD_YEAR, FIELD_MONTH, FIELD_DATE,              /* the day */
    FIELD_HOUR, FIELD_MINUTE, FIELD_SECOND, FIELD_MS, /* the time within the day */
    FIELD__COUNT
} DateField;

typedef struct SetterSpec {
    const char *method;      /* for the TypeError of a wrong this */
    DateField first, last;   /* the fields the arguments may give */
    bool local;              /* local time (setHours) or UTC (setUTCHours) */
    bool nan_is_zero;        /* setFullYear and setYear start from +0 when t is NaN */
} SetterSpec;

/* The fields of the time value t (local or UTC as the caller chose). */
static void fields_of(double t, double fields[FIELD__COUNT])
{
    DateFields f;
    date_split(t, &f);
    double values[FIELD__COUNT] = { f.year, f.month, f.date, f.hour, f.minute, f.second, f.ms };
    for (int i = 0; i < FIELD__COUNT; i++)
        fields[i] = values[i];
}

/* Sets [[DateValue]] (this was checked to be a Date) and returns it. */
static Value store(Value this_value, double tv)
{
    ((DateObject *)value_as_object(this_value))->date_value = tv;
    return value_from_number(tv);
}

/* The common steps of the setters. The first argument is always converted
 * (undefined gives NaN); an invalid date stays as it is (but setFullYear's). */
static Value set_fields(VM *vm, Value this_value, uint32_t argc, const Value *argv, SetterSpec spec)
{
    double t, given[FIELD__COUNT];
    if (!date_this_time_value(vm, this_value, spec.method, &t))
        return VALUE_EXCEPTION;
    uint32_t count = 0;
    for (int f = spec.first; f <= (int)spec.last && (f == (int)spec.first || count < argc); f++, count++)
        if (!es_to_number(vm, es_arg(argc, argv, count), &given[f]))
            return VALUE_EXCEPTION;
    if (isnan(t) && !spec.nan_is_zero)
        return value_from_number(NAN);
    t = isnan(t) ? 0 : spec.local ? date_local_time(t) : t;
    double fields[FIELD__COUNT];
    fields_of(t, fields);
    for (uint32_t i = 0; i < count; i++)
        fields[spec.first + i] = given[spec.first + i];
    double date = date_make_date(date_make_day(fields[FIELD_YEAR], fields[FIELD_MONTH], fields[FIELD_DATE]),
                                 date_make_time(fields[FIELD_HOUR], fields[FIELD_MINUTE], fields[FIELD_SECOND],
                                                fields[FIELD_MS]));
    return store(this_value, date_time_clip(spec.local ? date_utc(date) : date));
}

#define DATE_SETTER(c_name, method, first, last, local, nan_is_zero) \
    static Value c_name(ARGS) \
    { \
        (void)new_target; \
        SetterSpec spec = { method, first, last, local, nan_is_zero }; \
        return set_fields(vm, this_value, argc, argv, spec); \
    }

DATE_SETTER(date_set_date, "setDate", FIELD_DATE, FIELD_DATE, true, false)                     /* 21.4.4.20 */
DATE_SETTER(date_set_full_year, "setFullYear", FIELD_YEAR, FIELD_DATE, true, true)             /* 21.4.4.21 */
DATE_SETTER(date_set_hours, "setHours", FIELD_HOUR, FIELD_MS, true, false)                     /* 21.4.4.22 */
DATE_SETTER(date_set_milliseconds, "setMilliseconds", FIELD_MS, FIELD_MS, true, false)         /* 21.4.4.23 */
DATE_SETTER(date_set_minutes, "setMinutes", FIELD_MINUTE, FIELD_MS, true, false)               /* 21.4.4.24 */
DATE_SETTER(date_set_month, "setMonth", FIELD_MONTH, FIELD_DATE, true, false)                  /* 21.4.4.25 */
DATE_SETTER(date_set_seconds, "setSeconds", FIELD_SECOND, FIELD_MS, true, false)               /* 21.4.4.26 */
DATE_SETTER(date_set_utc_date, "setUTCDate", FIELD_DATE, FIELD_DATE, false, false)             /* 21.4.4.28 */
DATE_SETTER(date_set_utc_full_year, "setUTCFullYear", FIELD_YEAR, FIELD_DATE, false, true)     /* 21.4.4.29 */
DATE_SETTER(date_set_utc_hours, "setUTCHours", FIELD_HOUR, FIELD_MS, false, false)             /* 21.4.4.30 */
DATE_SETTER(date_set_utc_milliseconds, "setUTCMilliseconds", FIELD_MS, FIELD_MS, false, false) /* 21.4.4.31 */
DATE_SETTER(date_set_utc_minutes, "setUTCMinutes", FIELD_MINUTE, FIELD_MS, false, false)       /* 21.4.4.32 */
DATE_SETTER(date_set_utc_month, "setUTCMonth", FIELD_MONTH, FIELD_DATE, false, false)          /* 21.4.4.33 */
DATE_SETTER(date_set_utc_seconds, "setUTCSeconds", FIELD_SECOND, FIELD_MS, false, false)       /* 21.4.4.34 */

/* ES2025 21.4.4.27 Date.prototype.setTime ( time ) */
static Value date_set_time(ARGS)
{
    (void)new_target;
    double tv, t;
    if (!date_this_time_value(vm, this_value, "setTime", &tv) || !es_to_number(vm, es_arg(argc, argv, 0), &t))
        return VALUE_EXCEPTION;
    return store(this_value, date_time_clip(t));
}

/* ES2025 B.2.3.2 Date.prototype.setYear ( year ): setFullYear of
 * MakeFullYear(year), keeping month and date. */
static Value date_set_year(ARGS)
{
    (void)new_target;
    double tv, y;
    if (!date_this_time_value(vm, this_value, "setYear", &tv) || !es_to_number(vm, es_arg(argc, argv, 0), &y))
        return VALUE_EXCEPTION;
    double t = isnan(tv) ? 0 : date_local_time(tv);
    double day = date_make_day(date_make_full_year(y), date_month_from_time(t), date_date_from_time(t));
    return store(this_value, date_time_clip(date_utc(date_make_date(day, date_time_within_day(t)))));
}

static const struct DateSetter {
    const char *name;
    NativeFunction function;
    uint32_t length;
} date_setters[] = {
    { "setDate", date_set_date, 1 }, { "setFullYear", date_set_full_year, 3 },
    { "setHours", date_set_hours, 4 }, { "setMilliseconds", date_set_milliseconds, 1 },
    { "setMinutes", date_set_minutes, 3 }, { "setMonth", date_set_month, 2 },
    { "setSeconds", date_set_seconds, 2 }, { "setTime", date_set_time, 1 },
    { "setUTCDate", date_set_utc_date, 1 }, { "setUTCFullYear", date_set_utc_full_year, 3 },
    { "setUTCHours", date_set_utc_hours, 4 }, { "setUTCMilliseconds", date_set_utc_milliseconds, 1 },
    { "setUTCMinutes", date_set_utc_minutes, 3 }, { "setUTCMonth", date_set_utc_month, 2 },
    { "setUTCSeconds", date_set_utc_seconds, 2 }, { "setYear", date_set_year, 1 },
};

bool date_install_setters(VM *vm, Object *proto)
{
    for (size_t i = 0; i < sizeof date_setters / sizeof date_setters[0]; i++)
        if (!es_define_method(vm, proto, date_setters[i].name, date_setters[i].function, date_setters[i].length))
            return false;
    return true;
}
