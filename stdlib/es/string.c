/*
 * String (ES2025 22.1): the constructor, fromCharCode, fromCodePoint, raw,
 * String.prototype and %StringIteratorPrototype%. String exotic objects
 * are in stdlib/es/primitive_object.c, case mapping in string_case.c.
 *
 * Not yet: the RegExp-based paths of match, matchAll, search, split and
 * replace work once a RegExp constructor exists (they go through
 * @@match / @@split / ... as the spec says); normalize returns the string
 * unchanged (NFC/NFD tables later); localeCompare compares by code units
 * with ASCII letters ordered as ICU's root collation orders them.
 */
#include <stdlib.h>
#include <string.h>

#include "stdlib/es/builtin.h"
#include "stdlib/es/iteration.h"
#include "stdlib/es/number_format.h"
#include "stdlib/es/primitive_object.h"
#include "stdlib/es/string_builder.h"
#include "stdlib/es/string_case.h"

#define ARGS VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target

static Value string_result(String *s)
{
    return s ? value_from_string(s) : VALUE_EXCEPTION;
}

/* RequireObjectCoercible(this) then ToString, flattened: the first steps
 * of most String.prototype methods. NULL after throwing. */
static String *this_string(VM *vm, Value this_value, const char *method)
{
    if (value_is_nullish(this_value)) {
        es_throw_called_on_nullish(vm, method);
        return NULL;
    }
    return es_to_flat_string(vm, this_value);
}

/* ES2025 22.1.3.35.1 ThisStringValue ( value ) */
static Value this_string_value(VM *vm, Value value, const char *method)
{
    Value s;
    if (value_is_string(value))
        return value;
    if (primitive_object_unwrap(value, &string_object_class, &s))
        return s;
    return vm_throw_type_error(vm, "%s requires that 'this' be a String", method);
}

/* ES2025 7.2.8 IsRegExp ( argument ): 1 / 0 / -1 */
static int is_regexp(VM *vm, Value argument)
{
    if (!value_is_object(argument))
        return 0;
    PropertyKey key = es_key_symbol(vm, WELL_KNOWN_match);
    Value matcher = value_is_exception(key) ? key : es_get(vm, value_as_object(argument), key);
    if (value_is_exception(matcher))
        return -1;
    if (!value_is_undefined(matcher))
        return es_to_boolean(matcher);
    return strcmp(value_as_object(argument)->class_->name, "RegExp") == 0;
}

/* ES2025 6.1.4.1 StringIndexOf ( string, searchValue, fromIndex ): -1 when absent */
static int64_t string_index_of(String *s, String *search, uint32_t from)
{
    uint32_t len = string_length(s), search_len = string_length(search);
    if (search_len == 0 && from <= len)
        return from;
    for (uint32_t i = from; search_len <= len && i <= len - search_len; i++) {
        uint32_t k = 0;
        while (k < search_len && string_char_at(s, i + k) == string_char_at(search, k))
            k++;
        if (k == search_len)
            return i;
    }
    return -1;
}

/* ES2025 11.1.4 CodePointAt ( string, position ): the code point and its unit count. */
static uint32_t code_point_at(String *s, uint32_t position, uint32_t *units)
{
    uint16_t first = string_char_at(s, position);
    *units = 1;
    if (first < 0xD800 || first > 0xDBFF || position + 1 == string_length(s))
        return first;
    uint16_t second = string_char_at(s, position + 1);
    if (second < 0xDC00 || second > 0xDFFF)
        return first;
    *units = 2;
    return 0x10000 + ((uint32_t)(first - 0xD800) << 10) + (second - 0xDC00);
}

/* ---- The constructor and its functions ---- */

/* ES2025 22.1.1.1 String ( value ) */
static Value string_constructor(ARGS)
{
    (void)this_value;
    String *s;
    if (argc == 0) {
        s = string_empty(vm);
    } else if (!new_target && value_is_symbol(argv[0])) {
        return es_invoke(vm, argv[0], es_key(vm, ATOM_toString), 0, NULL);
    } else {
        s = es_to_string(vm, argv[0]);
    }
    if (!s || !new_target)
        return string_result(s);
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, s);
    Object *proto = es_prototype_from_constructor(vm, new_target, INTRINSIC_StringPrototype);
    Object *o = proto ? primitive_object_new(vm, &string_object_class, value_from_string(s), proto) : NULL;
    GC_SCOPE_END(vm->heap);
    return o ? value_from_object(o) : VALUE_EXCEPTION;
}

/* ES2025 22.1.2.1 String.fromCharCode ( ...codeUnits ) */
static Value string_from_char_code(ARGS)
{
    (void)this_value, (void)new_target;
    StringBuilder sb;
    string_builder_init(&sb);
    for (uint32_t i = 0; i < argc; i++) {
        uint16_t unit;
        if (!es_to_uint16(vm, argv[i], &unit) || !string_builder_append_unit(vm, &sb, unit)) {
            string_builder_free(&sb);
            return VALUE_EXCEPTION;
        }
    }
    return string_result(string_builder_finish(vm, &sb));
}

/* ES2025 22.1.2.2 String.fromCodePoint ( ...codePoints ) */
static Value string_from_code_point(ARGS)
{
    (void)this_value, (void)new_target;
    StringBuilder sb;
    string_builder_init(&sb);
    for (uint32_t i = 0; i < argc; i++) {
        double cp;
        bool ok = es_to_number(vm, argv[i], &cp);
        if (ok && (cp != trunc(cp) || cp < 0 || cp > 0x10FFFF)) {
            char text[40];
            number_format(cp, text);
            vm_throw_range_error(vm, "Invalid code point %s", text);
            ok = false;
        }
        if (!ok || !string_builder_append_code_point(vm, &sb, (uint32_t)cp)) {
            string_builder_free(&sb);
            return VALUE_EXCEPTION;
        }
    }
    return string_result(string_builder_finish(vm, &sb));
}

/* ES2025 22.1.2.4 String.raw ( template, ...substitutions ) */
static Value string_raw(ARGS)
{
    (void)this_value, (void)new_target;
    Object *cooked = es_to_object(vm, es_arg(argc, argv, 0));
    if (!cooked)
        return VALUE_EXCEPTION;
    Value raw = es_get(vm, cooked, es_key_cstr(vm, "raw"));
    Object *literals = value_is_exception(raw) ? NULL : es_to_object(vm, raw);
    if (!literals)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, literals);
    double count;
    StringBuilder sb;
    string_builder_init(&sb);
    bool ok = es_length_of_array_like(vm, literals, &count);
    for (double i = 0; ok && i < count; i++) {
        Value literal = es_get(vm, literals, es_key_index(vm, i));
        String *text = value_is_exception(literal) ? NULL : es_to_string(vm, literal);
        ok = text && string_builder_append_string(vm, &sb, text);
        if (!ok || i + 1 == count)
            break;
        if (i + 1 < argc) {
            String *sub = es_to_string(vm, argv[(uint32_t)i + 1]);
            ok = sub && string_builder_append_string(vm, &sb, sub);
        }
    }
    GC_SCOPE_END(vm->heap);
    if (!ok) {
        string_builder_free(&sb);
        return VALUE_EXCEPTION;
    }
    return string_result(string_builder_finish(vm, &sb));
}

/* ---- Characters: at, charAt, charCodeAt, codePointAt ---- */

/* ToIntegerOrInfinity of argument i, with s rooted. */
static bool integer_arg(VM *vm, String *s, uint32_t argc, const Value *argv, uint32_t i, double *result)
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, s);
    bool ok = es_to_integer_or_infinity(vm, es_arg(argc, argv, i), result);
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* ES2025 22.1.3.1 String.prototype.at ( index ) */
static Value string_proto_at(ARGS)
{
    (void)new_target;
    double relative;
    String *s = this_string(vm, this_value, "String.prototype.at");
    if (!s || !integer_arg(vm, s, argc, argv, 0, &relative))
        return VALUE_EXCEPTION;
    double len = string_length(s), k = relative >= 0 ? relative : len + relative;
    if (k < 0 || k >= len)
        return VALUE_UNDEFINED;
    return string_result(string_substring(vm, s, (uint32_t)k, (uint32_t)k + 1));
}

/* ES2025 22.1.3.2 String.prototype.charAt ( pos ) */
static Value string_proto_char_at(ARGS)
{
    (void)new_target;
    double pos;
    String *s = this_string(vm, this_value, "String.prototype.charAt");
    if (!s || !integer_arg(vm, s, argc, argv, 0, &pos))
        return VALUE_EXCEPTION;
    if (pos < 0 || pos >= string_length(s))
        return value_from_string(string_empty(vm));
    return string_result(string_substring(vm, s, (uint32_t)pos, (uint32_t)pos + 1));
}

/* ES2025 22.1.3.3 String.prototype.charCodeAt ( pos ) */
static Value string_proto_char_code_at(ARGS)
{
    (void)new_target;
    double pos;
    String *s = this_string(vm, this_value, "String.prototype.charCodeAt");
    if (!s || !integer_arg(vm, s, argc, argv, 0, &pos))
        return VALUE_EXCEPTION;
    if (pos < 0 || pos >= string_length(s))
        return value_from_double(NAN);
    return value_from_int32(string_char_at(s, (uint32_t)pos));
}

/* ES2025 22.1.3.4 String.prototype.codePointAt ( pos ) */
static Value string_proto_code_point_at(ARGS)
{
    (void)new_target;
    double pos;
    String *s = this_string(vm, this_value, "String.prototype.codePointAt");
    if (!s || !integer_arg(vm, s, argc, argv, 0, &pos))
        return VALUE_EXCEPTION;
    if (pos < 0 || pos >= string_length(s))
        return VALUE_UNDEFINED;
    uint32_t units;
    return value_from_int32((int32_t)code_point_at(s, (uint32_t)pos, &units));
}

/* ---- Searching: indexOf, lastIndexOf, includes, startsWith, endsWith ---- */

/* ES2025 22.1.3.9 String.prototype.indexOf ( searchString, position ) */
static Value string_proto_index_of(ARGS)
{
    (void)new_target;
    String *s = this_string(vm, this_value, "String.prototype.indexOf");
    if (!s)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, s);
    String *search = es_to_flat_string(vm, es_arg(argc, argv, 0));
    GC_ROOT_CELL(vm->heap, search);
    double pos;
    bool ok = search && es_to_integer_or_infinity(vm, es_arg(argc, argv, 1), &pos);
    GC_SCOPE_END(vm->heap);
    if (!ok)
        return VALUE_EXCEPTION;
    double len = string_length(s), start = pos < 0 ? 0 : (pos > len ? len : pos);
    return value_from_number((double)string_index_of(s, search, (uint32_t)start));
}

/* ES2025 22.1.3.11 String.prototype.lastIndexOf ( searchString, position ) */
static Value string_proto_last_index_of(ARGS)
{
    (void)new_target;
    String *s = this_string(vm, this_value, "String.prototype.lastIndexOf");
    if (!s)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, s);
    String *search = es_to_flat_string(vm, es_arg(argc, argv, 0));
    GC_ROOT_CELL(vm->heap, search);
    double num_pos, pos;
    bool ok = search && es_to_number(vm, es_arg(argc, argv, 1), &num_pos);
    GC_SCOPE_END(vm->heap);
    if (!ok)
        return VALUE_EXCEPTION;
    pos = num_pos != num_pos ? INFINITY : (num_pos == 0 ? 0 : trunc(num_pos));
    double len = string_length(s), search_len = string_length(search);
    double start = pos < 0 ? 0 : (pos > len ? len : pos);
    if (start > len - search_len)
        start = len - search_len;
    for (double i = start; i >= 0; i--) {
        uint32_t k = 0;
        while (k < search_len && string_char_at(s, (uint32_t)i + k) == string_char_at(search, k))
            k++;
        if (k == search_len)
            return value_from_number(i);
    }
    return value_from_int32(-1);
}

typedef enum SearchKind { SEARCH_INCLUDES, SEARCH_STARTS, SEARCH_ENDS } SearchKind;

/* ES2025 22.1.3.8 includes, 22.1.3.24 startsWith, 22.1.3.7 endsWith */
static Value search_method(VM *vm, Value this_value, uint32_t argc, const Value *argv, SearchKind kind)
{
    static const char *const names[] = { "String.prototype.includes", "String.prototype.startsWith",
                                         "String.prototype.endsWith" };
    String *s = this_string(vm, this_value, names[kind]);
    if (!s)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, s);
    String *search = NULL;
    GC_ROOT_CELL(vm->heap, search);
    int regexp = is_regexp(vm, es_arg(argc, argv, 0));
    if (regexp > 0)
        vm_throw_type_error(vm, "First argument to %s must not be a regular expression", names[kind]);
    double len = string_length(s), pos = kind == SEARCH_ENDS ? len : 0;
    Value pos_arg = es_arg(argc, argv, 1);
    bool ok = regexp == 0 && (search = es_to_flat_string(vm, es_arg(argc, argv, 0)))
              && (value_is_undefined(pos_arg) || es_to_integer_or_infinity(vm, pos_arg, &pos));
    GC_SCOPE_END(vm->heap);
    if (!ok)
        return VALUE_EXCEPTION;
    pos = pos < 0 ? 0 : (pos > len ? len : pos);
    double search_len = string_length(search);
    if (kind == SEARCH_INCLUDES)
        return value_from_boolean(string_index_of(s, search, (uint32_t)pos) >= 0);
    double start = kind == SEARCH_STARTS ? pos : pos - search_len;
    if (start < 0 || start + search_len > len)
        return VALUE_FALSE;
    for (uint32_t k = 0; k < search_len; k++)
        if (string_char_at(s, (uint32_t)start + k) != string_char_at(search, k))
            return VALUE_FALSE;
    return VALUE_TRUE;
}

static Value string_proto_includes(ARGS)
{
    (void)new_target;
    return search_method(vm, this_value, argc, argv, SEARCH_INCLUDES);
}

static Value string_proto_starts_with(ARGS)
{
    (void)new_target;
    return search_method(vm, this_value, argc, argv, SEARCH_STARTS);
}

static Value string_proto_ends_with(ARGS)
{
    (void)new_target;
    return search_method(vm, this_value, argc, argv, SEARCH_ENDS);
}

/* ---- Substrings: slice, substring, substr ---- */

/* ES2025 22.1.3.22 String.prototype.slice ( start, end ) */
static Value string_proto_slice(ARGS)
{
    (void)new_target;
    String *s = this_string(vm, this_value, "String.prototype.slice");
    if (!s)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, s);
    double len = string_length(s), from, to;
    bool ok = es_relative_index(vm, es_arg(argc, argv, 0), len, 0, &from)
              && es_relative_index(vm, es_arg(argc, argv, 1), len, len, &to);
    GC_SCOPE_END(vm->heap);
    if (!ok)
        return VALUE_EXCEPTION;
    if (from >= to)
        return value_from_string(string_empty(vm));
    return string_result(string_substring(vm, s, (uint32_t)from, (uint32_t)to));
}

/* ES2025 22.1.3.25 String.prototype.substring ( start, end ) */
static Value string_proto_substring(ARGS)
{
    (void)new_target;
    String *s = this_string(vm, this_value, "String.prototype.substring");
    if (!s)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, s);
    double len = string_length(s), start, end = len;
    Value end_arg = es_arg(argc, argv, 1);
    bool ok = es_to_integer_or_infinity(vm, es_arg(argc, argv, 0), &start)
              && (value_is_undefined(end_arg) || es_to_integer_or_infinity(vm, end_arg, &end));
    GC_SCOPE_END(vm->heap);
    if (!ok)
        return VALUE_EXCEPTION;
    start = start < 0 ? 0 : (start > len ? len : start);
    end = end < 0 ? 0 : (end > len ? len : end);
    double from = start < end ? start : end, to = start < end ? end : start;
    return string_result(string_substring(vm, s, (uint32_t)from, (uint32_t)to));
}

/* B.2.2.1 String.prototype.substr ( start, length ) */
static Value string_proto_substr(ARGS)
{
    (void)new_target;
    String *s = this_string(vm, this_value, "String.prototype.substr");
    if (!s)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, s);
    double size = string_length(s), start, length = size;
    Value length_arg = es_arg(argc, argv, 1);
    bool ok = es_relative_index(vm, es_arg(argc, argv, 0), size, 0, &start)
              && (value_is_undefined(length_arg) || es_to_integer_or_infinity(vm, length_arg, &length));
    GC_SCOPE_END(vm->heap);
    if (!ok)
        return VALUE_EXCEPTION;
    double end = start + length < size ? start + length : size;
    if (start >= end)
        return value_from_string(string_empty(vm));
    return string_result(string_substring(vm, s, (uint32_t)start, (uint32_t)end));
}

/* ---- Building: concat, padStart, padEnd, repeat ---- */

/* ES2025 22.1.3.5 String.prototype.concat ( ...args ) */
static Value string_proto_concat(ARGS)
{
    (void)new_target;
    String *s = this_string(vm, this_value, "String.prototype.concat");
    if (!s)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, s);
    for (uint32_t i = 0; s && i < argc; i++) {
        String *next = es_to_string(vm, argv[i]);
        s = next ? string_concat(vm, s, next) : NULL;
    }
    GC_SCOPE_END(vm->heap);
    return string_result(s);
}

/* ES2025 22.1.3.17.1 StringPaddingBuiltinsImpl ( O, maxLength, fillString, placement ) */
static Value pad(VM *vm, Value this_value, uint32_t argc, const Value *argv, bool at_start)
{
    String *s = this_string(vm, this_value, at_start ? "String.prototype.padStart" : "String.prototype.padEnd");
    if (!s)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, s);
    double max_length;
    String *fill = NULL;
    GC_ROOT_CELL(vm->heap, fill);
    Value fill_arg = es_arg(argc, argv, 1);
    bool ok = es_to_length(vm, es_arg(argc, argv, 0), &max_length)
              && (value_is_undefined(fill_arg) ? (fill = string_from_cstr(vm, " ")) != NULL
                                               : (fill = es_to_flat_string(vm, fill_arg)) != NULL);
    Value result = VALUE_EXCEPTION;
    double len = string_length(s);
    if (ok && (max_length <= len || string_length(fill) == 0)) {
        result = value_from_string(s);
    } else if (ok) {
        StringBuilder sb;
        string_builder_init(&sb);
        double fill_len = max_length - len;
        if (fill_len + len > STRING_MAX_LENGTH) {
            vm_throw_range_error(vm, "Invalid string length");
            ok = false;
        }
        ok = ok && (at_start || string_builder_append_string(vm, &sb, s));
        for (double i = 0; ok && i < fill_len; i++)
            ok = string_builder_append_unit(vm, &sb, string_char_at(fill, (uint32_t)i % string_length(fill)));
        ok = ok && (!at_start || string_builder_append_string(vm, &sb, s));
        if (ok)
            result = string_result(string_builder_finish(vm, &sb));
        else
            string_builder_free(&sb);
    }
    GC_SCOPE_END(vm->heap);
    return result;
}

static Value string_proto_pad_start(ARGS)
{
    (void)new_target;
    return pad(vm, this_value, argc, argv, true);
}

static Value string_proto_pad_end(ARGS)
{
    (void)new_target;
    return pad(vm, this_value, argc, argv, false);
}

/* ES2025 22.1.3.19 String.prototype.repeat ( count ) */
static Value string_proto_repeat(ARGS)
{
    (void)new_target;
    double n;
    String *s = this_string(vm, this_value, "String.prototype.repeat");
    if (!s || !integer_arg(vm, s, argc, argv, 0, &n))
        return VALUE_EXCEPTION;
    if (n < 0 || n == INFINITY) {
        char text[40];
        number_format(n, text);
        return vm_throw_range_error(vm, "Invalid count value: %s", text);
    }
    if (n == 0 || string_length(s) == 0)
        return value_from_string(string_empty(vm));
    if (n * string_length(s) > STRING_MAX_LENGTH)
        return vm_throw_range_error(vm, "Invalid string length");
    StringBuilder sb;
    string_builder_init(&sb);
    for (double i = 0; i < n; i++) {
        if (!string_builder_append_string(vm, &sb, s)) {
            string_builder_free(&sb);
            return VALUE_EXCEPTION;
        }
    }
    return string_result(string_builder_finish(vm, &sb));
}

/* ---- trim, case, comparison, normalization, well-formedness ---- */

/* ES2025 22.1.3.32.1 TrimString ( string, where ) */
static Value trim(VM *vm, Value this_value, const char *method, bool start, bool end)
{
    String *s = this_string(vm, this_value, method);
    if (!s)
        return VALUE_EXCEPTION;
    uint32_t from = 0, to = string_length(s);
    while (start && from < to && number_is_str_whitespace(string_char_at(s, from)))
        from++;
    while (end && to > from && number_is_str_whitespace(string_char_at(s, to - 1)))
        to--;
    return string_result(string_substring(vm, s, from, to));
}

static Value string_proto_trim(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    return trim(vm, this_value, "String.prototype.trim", true, true);
}

static Value string_proto_trim_start(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    return trim(vm, this_value, "String.prototype.trimStart", true, false);
}

static Value string_proto_trim_end(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    return trim(vm, this_value, "String.prototype.trimEnd", false, true);
}

/* ES2025 22.1.3.30 toUpperCase and 22.1.3.28 toLowerCase (and their
 * toLocale* forms, without locale-specific mappings) */
static Value string_proto_to_upper_case(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    String *s = this_string(vm, this_value, "String.prototype.toUpperCase");
    return s ? string_result(string_to_case(vm, s, true)) : VALUE_EXCEPTION;
}

static Value string_proto_to_lower_case(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    String *s = this_string(vm, this_value, "String.prototype.toLowerCase");
    return s ? string_result(string_to_case(vm, s, false)) : VALUE_EXCEPTION;
}

/* The primary weight of a unit: ASCII letters case-folded, so that "a" < "B". */
static uint32_t collation_key(uint16_t unit)
{
    return unit >= 'A' && unit <= 'Z' ? unit + 32 : unit;
}

/* ES2025 22.1.3.12 String.prototype.localeCompare ( that ): code unit
 * order with ASCII letters compared case-insensitively first and lower
 * case first on ties, as ICU's root collation does for them. */
static Value string_proto_locale_compare(ARGS)
{
    (void)new_target;
    String *s = this_string(vm, this_value, "String.prototype.localeCompare");
    if (!s)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, s);
    String *that = es_to_flat_string(vm, es_arg(argc, argv, 0));
    GC_SCOPE_END(vm->heap);
    if (!that)
        return VALUE_EXCEPTION;
    uint32_t a = string_length(s), b = string_length(that), n = a < b ? a : b;
    int tie = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint16_t x = string_char_at(s, i), y = string_char_at(that, i);
        uint32_t kx = collation_key(x), ky = collation_key(y);
        if (kx != ky)
            return value_from_int32(kx < ky ? -1 : 1);
        if (!tie && x != y)
            tie = x > y ? -1 : 1;   /* lower case (the larger unit) first */
    }
    if (a != b)
        return value_from_int32(a < b ? -1 : 1);
    return value_from_int32(tie);
}

/* ES2025 22.1.3.15 String.prototype.normalize ( [ form ] ): the forms are
 * checked; the string is returned unchanged until the Unicode tables exist. */
static Value string_proto_normalize(ARGS)
{
    (void)new_target;
    String *s = this_string(vm, this_value, "String.prototype.normalize");
    if (!s)
        return VALUE_EXCEPTION;
    Value form_arg = es_arg(argc, argv, 0);
    if (value_is_undefined(form_arg))
        return value_from_string(s);
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, s);
    String *form = es_to_flat_string(vm, form_arg);
    GC_SCOPE_END(vm->heap);
    if (!form)
        return VALUE_EXCEPTION;
    size_t len;
    char *text = string_to_utf8(form, &len);
    bool valid = text && (!strcmp(text, "NFC") || !strcmp(text, "NFD") || !strcmp(text, "NFKC") || !strcmp(text, "NFKD"));
    free(text);
    if (!valid)
        return vm_throw_range_error(vm, "The normalization form should be one of NFC, NFD, NFKC, NFKD.");
    return value_from_string(s);   /* TODO(unicode): NFC/NFD/NFKC/NFKD */
}

/* Whether s has a lone surrogate at or after from: its index, or -1. */
static int64_t lone_surrogate(String *s, uint32_t from)
{
    uint32_t len = string_length(s);
    for (uint32_t i = from; i < len;) {
        uint32_t units;
        uint32_t cp = code_point_at(s, i, &units);
        if (cp >= 0xD800 && cp <= 0xDFFF)
            return i;
        i += units;
    }
    return -1;
}

/* ES2025 22.1.3.10 String.prototype.isWellFormed ( ) */
static Value string_proto_is_well_formed(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    String *s = this_string(vm, this_value, "String.prototype.isWellFormed");
    return s ? value_from_boolean(lone_surrogate(s, 0) < 0) : VALUE_EXCEPTION;
}

/* ES2025 22.1.3.31 String.prototype.toWellFormed ( ) */
static Value string_proto_to_well_formed(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    String *s = this_string(vm, this_value, "String.prototype.toWellFormed");
    if (!s)
        return VALUE_EXCEPTION;
    if (lone_surrogate(s, 0) < 0)
        return value_from_string(s);
    StringBuilder sb;
    string_builder_init(&sb);
    bool ok = true;
    for (uint32_t i = 0; ok && i < string_length(s);) {
        uint32_t units;
        uint32_t cp = code_point_at(s, i, &units);
        ok = string_builder_append_code_point(vm, &sb, cp >= 0xD800 && cp <= 0xDFFF ? 0xFFFD : cp);
        i += units;
    }
    if (!ok) {
        string_builder_free(&sb);
        return VALUE_EXCEPTION;
    }
    return string_result(string_builder_finish(vm, &sb));
}

/* ES2025 22.1.3.29 String.prototype.toString ( ) */
static Value string_proto_to_string(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    return this_string_value(vm, this_value, "String.prototype.toString");
}

/* ES2025 22.1.3.35 String.prototype.valueOf ( ) */
static Value string_proto_value_of(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    return this_string_value(vm, this_value, "String.prototype.valueOf");
}

/* ---- Pattern methods: split, replace, replaceAll, match, matchAll, search ---- */

/* The first step these share: when value is an object with a method for
 * the well-known symbol id (a RegExp's @@split, ...), its result; else
 * VALUE_HOLE. split and replace pass (o, arg), the others (o). */
static Value delegate(VM *vm, Value value, WellKnownSymbol id, Value o, Value arg)
{
    if (!value_is_object(value))
        return VALUE_HOLE;
    PropertyKey key = es_key_symbol(vm, id);
    Value method = value_is_exception(key) ? key : es_get_method(vm, value, key);
    if (value_is_exception(method) || value_is_undefined(method))
        return value_is_exception(method) ? method : VALUE_HOLE;
    Value args[2] = { o, arg };
    uint32_t argc = id == WELL_KNOWN_split || id == WELL_KNOWN_replace ? 2 : 1;
    return vm_call(vm, method, value, argc, args);
}

/* RequireObjectCoercible(this) with V8's message. */
static bool require_coercible(VM *vm, Value this_value, const char *method)
{
    if (!value_is_nullish(this_value))
        return true;
    es_throw_called_on_nullish(vm, method);
    return false;
}

/* Appends the parts of s split at each separator (non-empty) to array. */
static bool split_at(VM *vm, Object *array, String *s, String *separator, uint32_t limit)
{
    uint32_t count = 0, i = 0, sep_len = string_length(separator);
    for (int64_t j = string_index_of(s, separator, 0); j >= 0; j = string_index_of(s, separator, i)) {
        String *part = string_substring(vm, s, i, (uint32_t)j);
        GC_SCOPE(vm->heap);
        GC_ROOT_CELL(vm->heap, part);
        bool ok = part && object_create_data_property(vm, array, property_key_from_index(vm, count++),
                                                      value_from_string(part)) >= 0;
        GC_SCOPE_END(vm->heap);
        if (!ok)
            return false;
        if (count == limit)
            return true;
        i = (uint32_t)j + sep_len;
    }
    String *tail = string_substring(vm, s, i, string_length(s));
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, tail);
    bool ok = tail && object_create_data_property(vm, array, property_key_from_index(vm, count),
                                                  value_from_string(tail)) >= 0;
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* Splitting by "": one element per code unit, at most limit. */
static bool split_units(VM *vm, Object *array, String *s, uint32_t limit)
{
    uint32_t len = string_length(s) < limit ? string_length(s) : limit;
    for (uint32_t i = 0; i < len; i++) {
        String *unit = string_substring(vm, s, i, i + 1);
        GC_SCOPE(vm->heap);
        GC_ROOT_CELL(vm->heap, unit);
        bool ok = unit && object_create_data_property(vm, array, property_key_from_index(vm, i),
                                                      value_from_string(unit)) >= 0;
        GC_SCOPE_END(vm->heap);
        if (!ok)
            return false;
    }
    return true;
}

/* ES2025 22.1.3.23 String.prototype.split ( separator, limit ) */
static Value string_proto_split(ARGS)
{
    (void)new_target;
    Value separator = es_arg(argc, argv, 0), limit_arg = es_arg(argc, argv, 1);
    if (!require_coercible(vm, this_value, "String.prototype.split"))
        return VALUE_EXCEPTION;
    Value delegated = delegate(vm, separator, WELL_KNOWN_split, this_value, limit_arg);
    if (!value_is_hole(delegated))
        return delegated;
    String *s = es_to_flat_string(vm, this_value);
    if (!s)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, s);
    uint32_t limit = UINT32_MAX;
    String *r = NULL;
    GC_ROOT_CELL(vm->heap, r);
    Object *array = NULL;
    GC_ROOT_CELL(vm->heap, array);
    bool ok = (value_is_undefined(limit_arg) || es_to_uint32(vm, limit_arg, &limit))
              && (r = es_to_flat_string(vm, separator)) && (array = es_array_new(vm, 0));
    if (ok && limit > 0) {
        if (value_is_undefined(separator) || (string_length(s) == 0 && string_length(r) > 0))
            ok = object_create_data_property(vm, array, property_key_from_index(vm, 0), value_from_string(s)) >= 0;
        else if (string_length(r) == 0)
            ok = split_units(vm, array, s, limit);
        else
            ok = split_at(vm, array, s, r, limit);
    }
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(array) : VALUE_EXCEPTION;
}

/* ES2025 22.1.3.19.1 GetSubstitution for a string pattern (no captures):
 * appends template with $$, $&, $` and $' replaced. */
static bool append_substitution(VM *vm, StringBuilder *sb, String *matched, String *str, uint32_t position,
                                String *template_)
{
    uint32_t len = string_length(template_), str_len = string_length(str);
    uint32_t tail = position + string_length(matched) < str_len ? position + string_length(matched) : str_len;
    for (uint32_t i = 0; i < len; i++) {
        uint16_t c = string_char_at(template_, i);
        uint16_t next = i + 1 < len ? string_char_at(template_, i + 1) : 0;
        bool ok;
        if (c != '$' || i + 1 == len) {
            ok = string_builder_append_unit(vm, sb, c);
        } else if (next == '$') {
            ok = string_builder_append_unit(vm, sb, '$'), i++;
        } else if (next == '&') {
            ok = string_builder_append_string(vm, sb, matched), i++;
        } else if (next == '`') {
            ok = string_builder_append_substring(vm, sb, str, 0, position), i++;
        } else if (next == '\'') {
            ok = string_builder_append_substring(vm, sb, str, tail, str_len), i++;
        } else {
            ok = string_builder_append_unit(vm, sb, c);
        }
        if (!ok)
            return false;
    }
    return true;
}

/* The replacement of one match at position: the function's result or the
 * substituted template. */
static bool append_replacement(VM *vm, StringBuilder *sb, String *search, String *s, uint32_t position,
                               Value replace_value, String *template_)
{
    if (!template_) {
        Value args[3] = { value_from_string(search), value_from_number(position), value_from_string(s) };
        Value result = vm_call(vm, replace_value, VALUE_UNDEFINED, 3, args);
        String *text = value_is_exception(result) ? NULL : es_to_string(vm, result);
        return text && string_builder_append_string(vm, sb, text);
    }
    return append_substitution(vm, sb, search, s, position, template_);
}

/* replace and replaceAll after their delegation step (ES2025 22.1.3.19
 * steps 3-14, 22.1.3.20 steps 3-16). */
static Value replace_string(VM *vm, Value this_value, Value search_value, Value replace_value, bool all)
{
    String *s = es_to_flat_string(vm, this_value);
    if (!s)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, s);
    String *search = es_to_flat_string(vm, search_value);
    GC_ROOT_CELL(vm->heap, search);
    String *template_ = NULL;
    GC_ROOT_CELL(vm->heap, template_);
    bool ok = search && (value_is_callable(replace_value) || (template_ = es_to_flat_string(vm, replace_value)));
    StringBuilder sb;
    string_builder_init(&sb);
    uint32_t search_len = ok ? string_length(search) : 0, end_of_last = 0;
    uint32_t advance = search_len ? search_len : 1;
    for (int64_t p = ok ? string_index_of(s, search, 0) : -1; ok && p >= 0;
         p = all ? string_index_of(s, search, (uint32_t)p + advance) : -1) {
        ok = string_builder_append_substring(vm, &sb, s, end_of_last, (uint32_t)p)
             && append_replacement(vm, &sb, search, s, (uint32_t)p, replace_value, template_);
        end_of_last = (uint32_t)p + search_len;
    }
    ok = ok && string_builder_append_substring(vm, &sb, s, end_of_last < string_length(s) ? end_of_last
                                                                                          : string_length(s),
                                               string_length(s));
    String *result = ok ? string_builder_finish(vm, &sb) : NULL;
    if (!ok)
        string_builder_free(&sb);
    GC_SCOPE_END(vm->heap);
    return string_result(result);
}

/* ES2025 22.1.3.19 String.prototype.replace ( searchValue, replaceValue ) */
static Value string_proto_replace(ARGS)
{
    (void)new_target;
    Value search_value = es_arg(argc, argv, 0), replace_value = es_arg(argc, argv, 1);
    if (!require_coercible(vm, this_value, "String.prototype.replace"))
        return VALUE_EXCEPTION;
    Value delegated = delegate(vm, search_value, WELL_KNOWN_replace, this_value, replace_value);
    if (!value_is_hole(delegated))
        return delegated;
    return replace_string(vm, this_value, search_value, replace_value, false);
}

/* ES2025 22.1.3.20 String.prototype.replaceAll ( searchValue, replaceValue ) */
static Value string_proto_replace_all(ARGS)
{
    (void)new_target;
    Value search_value = es_arg(argc, argv, 0), replace_value = es_arg(argc, argv, 1);
    if (!require_coercible(vm, this_value, "String.prototype.replaceAll"))
        return VALUE_EXCEPTION;
    int regexp = value_is_nullish(search_value) ? 0 : is_regexp(vm, search_value);
    if (regexp < 0)
        return VALUE_EXCEPTION;
    if (regexp) {
        Value flags = es_get(vm, value_as_object(search_value), es_key_cstr(vm, "flags"));
        if (value_is_exception(flags))
            return flags;
        if (value_is_nullish(flags))
            return es_throw_called_on_nullish(vm, "String.prototype.replaceAll");
        String *text = es_to_flat_string(vm, flags);
        if (!text)
            return VALUE_EXCEPTION;
        bool global = false;
        for (uint32_t i = 0; i < string_length(text); i++)
            global |= string_char_at(text, i) == 'g';
        if (!global)
            return vm_throw_type_error(vm, "String.prototype.replaceAll called with a non-global RegExp argument");
    }
    Value delegated = delegate(vm, search_value, WELL_KNOWN_replace, this_value, replace_value);
    if (!value_is_hole(delegated))
        return delegated;
    return replace_string(vm, this_value, search_value, replace_value, true);
}

/* match, matchAll and search without a matcher method: RegExpCreate then
 * Invoke(rx, @@id, « S ») (ES2025 22.1.3.13 steps 3-5 and siblings). */
static Value through_regexp(VM *vm, Value this_value, Value regexp, const char *flags, WellKnownSymbol id)
{
    String *s = es_to_flat_string(vm, this_value);
    if (!s)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, s);
    Value ctor = es_get(vm, vm->realm->global_object, es_key_cstr(vm, "RegExp"));
    Value result = ctor;
    if (!value_is_exception(ctor) && !es_is_constructor(ctor))
        result = vm_throw_type_error(vm, "RegExp is not supported yet");
    if (!value_is_exception(result)) {
        String *flag_text = flags ? string_from_cstr(vm, flags) : NULL;
        Value args[2] = { regexp, flag_text ? value_from_string(flag_text) : VALUE_UNDEFINED };
        Value rx = flags && !flag_text ? VALUE_EXCEPTION : vm_construct(vm, ctor, 2, args, ctor);
        GC_ROOT(vm->heap, rx);
        PropertyKey key = value_is_exception(rx) ? rx : es_key_symbol(vm, id);
        Value arg = value_from_string(s);
        result = value_is_exception(key) ? key : es_invoke(vm, rx, key, 1, &arg);
    }
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ES2025 22.1.3.13 String.prototype.match ( regexp ) */
static Value string_proto_match(ARGS)
{
    (void)new_target;
    Value regexp = es_arg(argc, argv, 0);
    if (!require_coercible(vm, this_value, "String.prototype.match"))
        return VALUE_EXCEPTION;
    Value delegated = delegate(vm, regexp, WELL_KNOWN_match, this_value, VALUE_UNDEFINED);
    if (!value_is_hole(delegated))
        return delegated;
    return through_regexp(vm, this_value, regexp, NULL, WELL_KNOWN_match);
}

/* ES2025 22.1.3.14 String.prototype.matchAll ( regexp ) */
static Value string_proto_match_all(ARGS)
{
    (void)new_target;
    Value regexp = es_arg(argc, argv, 0);
    if (!require_coercible(vm, this_value, "String.prototype.matchAll"))
        return VALUE_EXCEPTION;
    int is_rx = value_is_nullish(regexp) ? 0 : is_regexp(vm, regexp);
    if (is_rx < 0)
        return VALUE_EXCEPTION;
    if (is_rx) {
        Value flags = es_get(vm, value_as_object(regexp), es_key_cstr(vm, "flags"));
        String *text = value_is_exception(flags) ? NULL : value_is_nullish(flags) ? NULL : es_to_flat_string(vm, flags);
        if (!text)
            return value_is_nullish(flags) ? es_throw_called_on_nullish(vm, "String.prototype.matchAll")
                                           : VALUE_EXCEPTION;
        bool global = false;
        for (uint32_t i = 0; i < string_length(text); i++)
            global |= string_char_at(text, i) == 'g';
        if (!global)
            return vm_throw_type_error(vm, "String.prototype.matchAll called with a non-global RegExp argument");
    }
    Value delegated = delegate(vm, regexp, WELL_KNOWN_matchAll, this_value, VALUE_UNDEFINED);
    if (!value_is_hole(delegated))
        return delegated;
    return through_regexp(vm, this_value, regexp, "g", WELL_KNOWN_matchAll);
}

/* ES2025 22.1.3.21 String.prototype.search ( regexp ) */
static Value string_proto_search(ARGS)
{
    (void)new_target;
    Value regexp = es_arg(argc, argv, 0);
    if (!require_coercible(vm, this_value, "String.prototype.search"))
        return VALUE_EXCEPTION;
    Value delegated = delegate(vm, regexp, WELL_KNOWN_search, this_value, VALUE_UNDEFINED);
    if (!value_is_hole(delegated))
        return delegated;
    return through_regexp(vm, this_value, regexp, NULL, WELL_KNOWN_search);
}

/* ---- %StringIteratorPrototype% (ES2025 22.1.5) ---- */

typedef struct StringIterator {
    Object object;
    Value iterated;               /* the string; undefined once done */
    uint32_t position;
} StringIterator;

static void string_iterator_trace(GCTracer *tracer, Object *o)
{
    gc_mark_value(tracer, ((StringIterator *)o)->iterated);
}

static const ObjectClass string_iterator_class = {
    .name = "String Iterator",
    ORDINARY_INTERNAL_METHODS,
    .trace = string_iterator_trace,
};

/* ES2025 22.1.3.36 String.prototype [ %Symbol.iterator% ] ( ) */
static Value string_proto_iterator(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    String *s = this_string(vm, this_value, "String.prototype[Symbol.iterator]");
    if (!s)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, s);
    Object *o = object_new(vm, &string_iterator_class, sizeof(StringIterator),
                           realm_intrinsic(vm, INTRINSIC_StringIteratorPrototype));
    GC_SCOPE_END(vm->heap);
    if (!o)
        return VALUE_EXCEPTION;
    ((StringIterator *)o)->iterated = value_from_string(s);
    ((StringIterator *)o)->position = 0;
    return value_from_object(o);
}

/* ES2025 22.1.5.1.1 %StringIteratorPrototype%.next ( ) */
static Value string_iterator_next(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    if (!value_is_object(this_value) || value_as_object(this_value)->class_ != &string_iterator_class) {
        char *text = es_describe_value(vm, this_value);
        vm_throw_type_error(vm, "Method String Iterator.prototype.next called on incompatible receiver %s",
                            text ? text : "?");
        free(text);
        return VALUE_EXCEPTION;
    }
    StringIterator *it = (StringIterator *)value_as_object(this_value);
    if (value_is_undefined(it->iterated))
        return es_iter_result(vm, VALUE_UNDEFINED, true);
    String *s = value_as_string(it->iterated);
    if (it->position >= string_length(s)) {
        it->iterated = VALUE_UNDEFINED;
        return es_iter_result(vm, VALUE_UNDEFINED, true);
    }
    uint32_t units;
    code_point_at(s, it->position, &units);
    String *cp = string_substring(vm, s, it->position, it->position + units);
    if (!cp)
        return VALUE_EXCEPTION;
    it->position += units;
    return es_iter_result(vm, value_from_string(cp), false);
}

/* ---- Installation ---- */

typedef struct Method {
    const char *name;
    NativeFunction function;
    uint32_t length;
} Method;

static const Method PROTOTYPE_METHODS[] = {
    { "at", string_proto_at, 1 }, { "charAt", string_proto_char_at, 1 },
    { "charCodeAt", string_proto_char_code_at, 1 }, { "codePointAt", string_proto_code_point_at, 1 },
    { "concat", string_proto_concat, 1 }, { "endsWith", string_proto_ends_with, 1 },
    { "includes", string_proto_includes, 1 }, { "indexOf", string_proto_index_of, 1 },
    { "isWellFormed", string_proto_is_well_formed, 0 }, { "lastIndexOf", string_proto_last_index_of, 1 },
    { "localeCompare", string_proto_locale_compare, 1 }, { "match", string_proto_match, 1 },
    { "matchAll", string_proto_match_all, 1 }, { "normalize", string_proto_normalize, 0 },
    { "padEnd", string_proto_pad_end, 1 }, { "padStart", string_proto_pad_start, 1 },
    { "repeat", string_proto_repeat, 1 }, { "replace", string_proto_replace, 2 },
    { "replaceAll", string_proto_replace_all, 2 }, { "search", string_proto_search, 1 },
    { "slice", string_proto_slice, 2 }, { "split", string_proto_split, 2 },
    { "substr", string_proto_substr, 2 }, { "substring", string_proto_substring, 2 },
    { "startsWith", string_proto_starts_with, 1 }, { "toString", string_proto_to_string, 0 },
    { "toWellFormed", string_proto_to_well_formed, 0 }, { "trim", string_proto_trim, 0 },
    { "trimStart", string_proto_trim_start, 0 }, { "trimEnd", string_proto_trim_end, 0 },
    { "toLocaleLowerCase", string_proto_to_lower_case, 0 }, { "toLocaleUpperCase", string_proto_to_upper_case, 0 },
    { "toLowerCase", string_proto_to_lower_case, 0 }, { "toUpperCase", string_proto_to_upper_case, 0 },
    { "valueOf", string_proto_value_of, 0 },
};

static const Method STATIC_METHODS[] = {
    { "fromCharCode", string_from_char_code, 1 }, { "fromCodePoint", string_from_code_point, 1 },
    { "raw", string_raw, 1 },
};

static bool define_methods(VM *vm, Object *target, const Method *methods, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (!es_define_method(vm, target, methods[i].name, methods[i].function, methods[i].length))
            return false;
    return true;
}

/* B.2.2.15 trimLeft and B.2.2.16 trimRight: the same function objects as
 * trimStart and trimEnd. */
static bool define_alias(VM *vm, Object *proto, const char *alias, const char *name)
{
    Value f = es_get(vm, proto, es_key_cstr(vm, name));
    return !value_is_exception(f) && es_define_value(vm, proto, alias, f, ES_ATTRS_METHOD);
}

static bool install_iterator(VM *vm, Realm *realm, Object *proto)
{
    Object *iterator_proto = es_ensure_intrinsic(vm, realm, INTRINSIC_IteratorPrototype,
                                                 realm->intrinsics[INTRINSIC_ObjectPrototype]);
    Object *it_proto = iterator_proto ? es_ensure_intrinsic(vm, realm, INTRINSIC_StringIteratorPrototype,
                                                            iterator_proto) : NULL;
    return it_proto && es_define_method(vm, it_proto, "next", string_iterator_next, 0)
           && es_define_to_string_tag(vm, it_proto, "String Iterator")
           && es_define_symbol_method(vm, proto, WELL_KNOWN_iterator, string_proto_iterator, 0, ES_ATTRS_METHOD);
}

static bool install_prototype(VM *vm, Realm *realm, Object *proto)
{
    return define_methods(vm, proto, PROTOTYPE_METHODS, sizeof PROTOTYPE_METHODS / sizeof *PROTOTYPE_METHODS)
           && define_alias(vm, proto, "trimLeft", "trimStart") && define_alias(vm, proto, "trimRight", "trimEnd")
           && install_iterator(vm, realm, proto);
}

static bool install_statics(VM *vm, Realm *realm, Object *ctor)
{
    (void)realm;
    return define_methods(vm, ctor, STATIC_METHODS, sizeof STATIC_METHODS / sizeof *STATIC_METHODS);
}

bool stdlib_install_string(VM *vm, Realm *realm)
{
    Object *proto = realm->intrinsics[INTRINSIC_StringPrototype];
    if (!proto) {
        proto = primitive_object_new(vm, &string_object_class, value_from_string(string_empty(vm)),
                                     realm->intrinsics[INTRINSIC_ObjectPrototype]);
        if (!proto)
            return false;
        realm->intrinsics[INTRINSIC_StringPrototype] = proto;
    }
    Object *ctor = es_define_constructor(vm, realm, "String", string_constructor, 1, proto);
    /* String.prototype's methods and the constructor's are made on first
     * use (vm/lazy_holder.c); it is a String object all along (object_kind). */
    return ctor && realm_defer_constructor(vm, realm, ctor, install_statics, proto, install_prototype);
}
