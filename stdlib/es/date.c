/*
 * Date (ES2025 21.4): the constructor, Date.now / parse / UTC, and the
 * getters and string forms of Date.prototype; the setters are in
 * date_setters.c, the arithmetic in date_math.c, local time in
 * date_local.c, the string forms in date_format.c, parsing in date_parse.c.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "stdlib/es/builtin.h"
#include "stdlib/es/date_internal.h"

#define ARGS VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target

const ObjectClass date_object_class = {
    .name = "Date",
    ORDINARY_INTERNAL_METHODS,
};

/* The time value (UTC) identifying the current time, in whole ms. */
static double current_time(void)
{
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    return (double)now.tv_sec * DATE_MS_PER_SECOND + (double)(now.tv_nsec / 1000000);
}

/* RequireInternalSlot(this, [[DateValue]]): false after throwing, in
 * V8's words: the getters say "this is not a Date object." (method NULL),
 * the other methods name themselves. */
bool date_this_time_value(VM *vm, Value this_value, const char *method, double *tv)
{
    if (date_object_value(this_value, tv))
        return true;
    if (!method) {
        vm_throw_type_error(vm, "this is not a Date object.");
        return false;
    }
    char *described = es_describe_value(vm, this_value);
    vm_throw_type_error(vm, "Method Date.prototype.%s called on incompatible receiver %s", method,
                        described ? described : "");
    free(described);
    return false;
}

static Value string_value(VM *vm, const char *text)
{
    String *s = string_from_cstr(vm, text);
    return s ? value_from_string(s) : VALUE_EXCEPTION;
}

/* ES2025 21.4.4.41.4 ToDateString ( tv ) */
static Value to_date_string(VM *vm, double tv)
{
    char text[DATE_TEXT_MAX];
    if (isnan(tv))
        return string_value(vm, "Invalid Date");
    date_format_to_string(tv, text);
    return string_value(vm, text);
}

/* Parses a string as Date.parse does (ES2025 21.4.3.2). */
static bool parse_string(VM *vm, Value string, double *tv)
{
    String *s = es_to_flat_string(vm, string);
    if (!s)
        return false;
    uint32_t length = string_length(s);
    char *text = malloc(length + 1);
    if (!text) {
        vm_throw_out_of_memory(vm);
        return false;
    }
    for (uint32_t i = 0; i < length; i++) {
        uint16_t unit = string_char_at(s, i);
        text[i] = unit < 0x80 ? (char)unit : (char)0x80;
    }
    *tv = date_time_clip(date_parse(text, length));
    free(text);
    return true;
}

/* ---- The constructor (ES2025 21.4.2) ---- */

/* Step 4: one argument, a Date or a value converted to a time value. */
static bool time_value_of(VM *vm, Value value, double *tv)
{
    if (date_object_value(value, tv))
        return true;
    Value v = es_to_primitive(vm, value, TO_PRIMITIVE_DEFAULT);
    if (value_is_exception(v))
        return false;
    if (value_is_string(v))
        return parse_string(vm, v, tv);
    return es_to_number(vm, v, tv);
}

/* Step 5 (and Date.UTC's steps 1-7): year, month[, date, hours, minutes,
 * seconds, ms] as a time value not yet clipped, in the time scale given. */
static bool time_from_fields(VM *vm, uint32_t argc, const Value *argv, double *result)
{
    double fields[7] = { NAN, 0, 1, 0, 0, 0, 0 };
    for (uint32_t i = 0; i < 7; i++)
        if ((i == 0 || i < argc) && !es_to_number(vm, es_arg(argc, argv, i), &fields[i]))
            return false;
    double yr = date_make_full_year(fields[0]);
    *result = date_make_date(date_make_day(yr, fields[1], fields[2]),
                             date_make_time(fields[3], fields[4], fields[5], fields[6]));
    return true;
}

/* ES2025 21.4.2.1 Date ( ...values ) */
static Value date_constructor(ARGS)
{
    (void)this_value;
    double dv;
    if (!new_target)
        return to_date_string(vm, current_time());
    if (argc == 0) {
        dv = current_time();
    } else if (argc == 1) {
        if (!time_value_of(vm, argv[0], &dv))
            return VALUE_EXCEPTION;
        dv = date_time_clip(dv);
    } else {
        if (!time_from_fields(vm, argc, argv, &dv))
            return VALUE_EXCEPTION;
        dv = date_time_clip(date_utc(dv));
    }
    Object *proto = es_prototype_from_constructor(vm, new_target, INTRINSIC_DatePrototype);
    Object *o = proto ? object_new(vm, &date_object_class, sizeof(DateObject), proto) : NULL;
    if (!o)
        return VALUE_EXCEPTION;
    ((DateObject *)o)->date_value = dv;
    return value_from_object(o);
}

/* ES2025 21.4.3.1 Date.now ( ) */
static Value date_now(ARGS)
{
    (void)vm, (void)this_value, (void)argc, (void)argv, (void)new_target;
    return value_from_number(current_time());
}

/* ES2025 21.4.3.2 Date.parse ( string ) */
static Value date_parse_function(ARGS)
{
    (void)this_value, (void)new_target;
    double tv;
    if (!parse_string(vm, es_arg(argc, argv, 0), &tv))
        return VALUE_EXCEPTION;
    return value_from_number(tv);
}

/* ES2025 21.4.3.4 Date.UTC ( year [ , month [ , date [ , hours [ ,
 * minutes [ , seconds [ , ms ] ] ] ] ] ] ): month defaults to 0 too. */
static Value date_utc_function(ARGS)
{
    (void)this_value, (void)new_target;
    double tv;
    if (!time_from_fields(vm, argc, argv, &tv))
        return VALUE_EXCEPTION;
    return value_from_number(date_time_clip(tv));
}

/* ---- Getters (ES2025 21.4.4.2 - 21.4.4.19, B.2.3.1 getYear) ---- */

/* The getters' common steps: NaN stays NaN, local getters read
 * LocalTime(t). */
#define DATE_GETTER(c_name, method, local, expression) \
    static Value c_name(ARGS) \
    { \
        (void)argc, (void)argv, (void)new_target; \
        double t; \
        if (!date_this_time_value(vm, this_value, method, &t)) \
            return VALUE_EXCEPTION; \
        if (isnan(t)) \
            return value_from_number(NAN); \
        if (local) \
            t = date_local_time(t); \
        return value_from_number(expression); \
    }

DATE_GETTER(date_get_date, NULL, true, date_date_from_time(t))
DATE_GETTER(date_get_day, NULL, true, date_week_day(t))
DATE_GETTER(date_get_full_year, NULL, true, date_year_from_time(t))
DATE_GETTER(date_get_hours, NULL, true, date_hour_from_time(t))
DATE_GETTER(date_get_milliseconds, NULL, true, date_ms_from_time(t))
DATE_GETTER(date_get_minutes, NULL, true, date_min_from_time(t))
DATE_GETTER(date_get_month, NULL, true, date_month_from_time(t))
DATE_GETTER(date_get_seconds, NULL, true, date_sec_from_time(t))
DATE_GETTER(date_get_time, NULL, false, t)
DATE_GETTER(date_get_year, "getYear", true, date_year_from_time(t) - 1900)
DATE_GETTER(date_get_utc_date, NULL, false, date_date_from_time(t))
DATE_GETTER(date_get_utc_day, NULL, false, date_week_day(t))
DATE_GETTER(date_get_utc_full_year, NULL, false, date_year_from_time(t))
DATE_GETTER(date_get_utc_hours, NULL, false, date_hour_from_time(t))
DATE_GETTER(date_get_utc_milliseconds, NULL, false, date_ms_from_time(t))
DATE_GETTER(date_get_utc_minutes, NULL, false, date_min_from_time(t))
DATE_GETTER(date_get_utc_month, NULL, false, date_month_from_time(t))
DATE_GETTER(date_get_utc_seconds, NULL, false, date_sec_from_time(t))
/* ES2025 21.4.4.11 getTimezoneOffset: (t - LocalTime(t)) / msPerMinute */
DATE_GETTER(date_get_timezone_offset, NULL, false, (t - date_local_time(t)) / DATE_MS_PER_MINUTE)

/* ---- String forms ---- */

typedef void (*DateFormatter)(double tv, char *buf);

/* The string methods' common steps: "Invalid Date" for NaN (toISOString
 * throws instead). */
static Value format_this(VM *vm, Value this_value, const char *method, DateFormatter format)
{
    double tv;
    char text[DATE_TEXT_MAX];
    if (!date_this_time_value(vm, this_value, method, &tv))
        return VALUE_EXCEPTION;
    if (isnan(tv))
        return string_value(vm, "Invalid Date");
    format(tv, text);
    return string_value(vm, text);
}

#define DATE_FORMAT_METHOD(c_name, method, formatter) \
    static Value c_name(ARGS) \
    { \
        (void)argc, (void)argv, (void)new_target; \
        return format_this(vm, this_value, method, formatter); \
    }

static void locale_both(double tv, char *buf) { date_format_locale(tv, DATE_LOCALE_BOTH, buf); }
static void locale_date(double tv, char *buf) { date_format_locale(tv, DATE_LOCALE_DATE, buf); }
static void locale_time(double tv, char *buf) { date_format_locale(tv, DATE_LOCALE_TIME, buf); }

DATE_FORMAT_METHOD(date_to_string, "toString", date_format_to_string)             /* 21.4.4.41 */
DATE_FORMAT_METHOD(date_to_date_string, "toDateString", date_format_date_string)  /* 21.4.4.35 */
DATE_FORMAT_METHOD(date_to_time_string, "toTimeString", date_format_time_string)  /* 21.4.4.42 */
DATE_FORMAT_METHOD(date_to_utc_string, "toUTCString", date_format_utc_string)     /* 21.4.4.43, B.2.3.3 toGMTString */
DATE_FORMAT_METHOD(date_to_locale_string, "toLocaleString", locale_both)          /* 21.4.4.39 */
DATE_FORMAT_METHOD(date_to_locale_date_string, "toLocaleDateString", locale_date) /* 21.4.4.38 */
DATE_FORMAT_METHOD(date_to_locale_time_string, "toLocaleTimeString", locale_time) /* 21.4.4.40 */

/* ES2025 21.4.4.36 Date.prototype.toISOString ( ) */
static Value date_to_iso_string(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    double tv;
    if (!date_this_time_value(vm, this_value, "toISOString", &tv))
        return VALUE_EXCEPTION;
    if (isnan(tv))
        return vm_throw_range_error(vm, "Invalid time value");
    char text[DATE_TEXT_MAX];
    date_format_iso_string(tv, text);
    return string_value(vm, text);
}

/* ES2025 21.4.4.37 Date.prototype.toJSON ( key ) */
static Value date_to_json(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    Object *o = es_to_object(vm, this_value);
    if (!o)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    Value tv = es_to_primitive(vm, value_from_object(o), TO_PRIMITIVE_NUMBER);
    Value result;
    if (value_is_exception(tv))
        result = VALUE_EXCEPTION;
    else if (value_is_number(tv) && !isfinite(value_as_number(tv)))
        result = VALUE_NULL;
    else {
        PropertyKey key = es_key_cstr(vm, "toISOString");
        result = value_is_exception(key) ? key : es_invoke(vm, value_from_object(o), key, 0, NULL);
    }
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ES2025 7.1.1.1 OrdinaryToPrimitive ( O, hint ) */
static Value ordinary_to_primitive(VM *vm, Value o, bool string_first)
{
    AtomId order[2] = { ATOM_valueOf, ATOM_toString };
    if (string_first)
        order[0] = ATOM_toString, order[1] = ATOM_valueOf;
    for (int i = 0; i < 2; i++) {
        Value method = es_get(vm, value_as_object(o), es_key(vm, order[i]));
        if (value_is_exception(method))
            return VALUE_EXCEPTION;
        if (value_is_callable(method)) {
            Value result = es_call(vm, method, o, 0, NULL);
            if (value_is_exception(result) || !value_is_object(result))
                return result;
        }
    }
    return vm_throw_type_error(vm, "Cannot convert object to primitive value");
}

/* ES2025 21.4.4.45 Date.prototype [ @@toPrimitive ] ( hint ) */
static Value date_to_primitive(ARGS)
{
    (void)new_target;
    if (!value_is_object(this_value)) {
        char *described = es_describe_value(vm, this_value);
        vm_throw_type_error(vm, "Method Date.prototype [ @@toPrimitive ] called on incompatible receiver %s",
                            described ? described : "");
        free(described);
        return VALUE_EXCEPTION;
    }
    Value hint = es_arg(argc, argv, 0);
    String *h = value_is_string(hint) && string_flatten(vm, value_as_string(hint)) ? value_as_string(hint) : NULL;
    if (h && (string_equals(h, vm_atom(vm, ATOM_string)) || string_equals(h, vm_atom(vm, ATOM_default))))
        return ordinary_to_primitive(vm, this_value, true);
    if (h && string_equals(h, vm_atom(vm, ATOM_number)))
        return ordinary_to_primitive(vm, this_value, false);
    char *described = h ? string_to_utf8(h, NULL) : es_describe_value(vm, hint);
    vm_throw_type_error(vm, "Invalid hint: %s", described ? described : "");
    free(described);
    return VALUE_EXCEPTION;
}

/* ---- Installation ---- */

static const struct DateMethod {
    const char *name;
    NativeFunction function;
    uint32_t length;
} date_methods[] = {
    { "toString", date_to_string, 0 }, { "toDateString", date_to_date_string, 0 },
    { "toTimeString", date_to_time_string, 0 }, { "toISOString", date_to_iso_string, 0 },
    { "toUTCString", date_to_utc_string, 0 },
    { "getDate", date_get_date, 0 }, { "getDay", date_get_day, 0 },
    { "getFullYear", date_get_full_year, 0 }, { "getHours", date_get_hours, 0 },
    { "getMilliseconds", date_get_milliseconds, 0 }, { "getMinutes", date_get_minutes, 0 },
    { "getMonth", date_get_month, 0 }, { "getSeconds", date_get_seconds, 0 },
    { "getTime", date_get_time, 0 }, { "getTimezoneOffset", date_get_timezone_offset, 0 },
    { "getUTCDate", date_get_utc_date, 0 }, { "getUTCDay", date_get_utc_day, 0 },
    { "getUTCFullYear", date_get_utc_full_year, 0 }, { "getUTCHours", date_get_utc_hours, 0 },
    { "getUTCMilliseconds", date_get_utc_milliseconds, 0 }, { "getUTCMinutes", date_get_utc_minutes, 0 },
    { "getUTCMonth", date_get_utc_month, 0 }, { "getUTCSeconds", date_get_utc_seconds, 0 },
    { "valueOf", date_get_time, 0 }, { "getYear", date_get_year, 0 },
    { "toJSON", date_to_json, 1 }, { "toLocaleString", date_to_locale_string, 0 },
    { "toLocaleDateString", date_to_locale_date_string, 0 },
    { "toLocaleTimeString", date_to_locale_time_string, 0 },
};

static bool install_prototype(VM *vm, Realm *realm, Object *proto)
{
    (void)realm;
    for (size_t i = 0; i < sizeof date_methods / sizeof date_methods[0]; i++)
        if (!es_define_method(vm, proto, date_methods[i].name, date_methods[i].function, date_methods[i].length))
            return false;
    /* ES2025 B.2.3.3: toGMTString is the same function object as toUTCString */
    PropertyKey utc_key = es_key_cstr(vm, "toUTCString");
    Value to_utc_string = value_is_exception(utc_key) ? utc_key : es_get(vm, proto, utc_key);
    if (value_is_exception(to_utc_string)
        || !es_define_value(vm, proto, "toGMTString", to_utc_string, ES_ATTRS_METHOD))
        return false;
    return date_install_setters(vm, proto)
           && es_define_symbol_method(vm, proto, WELL_KNOWN_toPrimitive, date_to_primitive, 1, PROP_CONFIGURABLE);
}

static bool install_statics(VM *vm, Realm *realm, Object *ctor)
{
    (void)realm;
    return es_define_method(vm, ctor, "now", date_now, 0)
           && es_define_method(vm, ctor, "parse", date_parse_function, 1)
           && es_define_method(vm, ctor, "UTC", date_utc_function, 7);
}

bool stdlib_install_date(VM *vm, Realm *realm)
{
    /* ES2025 21.4.4: the prototype is an ordinary object, not a Date. */
    Object *proto = es_ensure_intrinsic(vm, realm, INTRINSIC_DatePrototype,
                                        realm->intrinsics[INTRINSIC_ObjectPrototype]);
    if (!proto)
        return false;
    Object *ctor = es_define_constructor(vm, realm, "Date", date_constructor, 7, proto);
    if (!ctor)
        return false;
    /* the methods are made on first use (vm/lazy_holder.c) */
    return realm_defer_constructor(vm, realm, ctor, install_statics, proto, install_prototype);
}
