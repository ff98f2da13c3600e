/*
 * The JSON object (ES2025 25.5): JSON.stringify here, JSON.parse in
 * stdlib/es/json_parse.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stdlib/es/builtin.h"
#include "stdlib/es/json_internal.h"
#include "stdlib/es/primitive_object.h"
#include "stdlib/es/string_builder.h"

enum { JSON_MAX_DEPTH = 5000 };

/* EnumerableOwnProperties ( O, key ), keeping the keys as property keys. */
bool json_enumerable_keys(VM *vm, Object *o, KeyList *keys)
{
    KeyList all;
    key_list_init(vm, &all);
    bool ok = object_own_property_keys(vm, o, &all);
    for (uint32_t i = 0; ok && i < all.count; i++) {
        if (value_is_symbol(all.keys[i]))
            continue;
        PropertyDescriptor desc;
        int found = object_get_own_property(vm, o, all.keys[i], &desc);
        ok = found >= 0 && (found == 0 || !(desc.attributes & PROP_ENUMERABLE) || key_list_push(vm, keys, all.keys[i]));
    }
    key_list_free(vm, &all);
    return ok;
}

/* ES2025 25.5.2.1 JSON Serialization Record */
typedef struct JsonState {
    VM *vm;
    StringBuilder out;
    Value replacer;               /* [[ReplacerFunction]]: undefined or callable */
    KeyList *property_list;       /* [[PropertyList]], or NULL */
    String *gap;                  /* [[Gap]] */
    uint32_t depth;               /* the stack's size (and indent = gap x depth) */
    Object *stack[JSON_MAX_DEPTH];
    PropertyKey stack_keys[JSON_MAX_DEPTH];   /* the key each stacked object was reached by */
} JsonState;

static bool serialize_property(JsonState *st, Object *holder, PropertyKey key, bool *written);

/* ES2025 25.5.2.3 QuoteJSONString ( value ) */
static bool quote(VM *vm, StringBuilder *sb, String *s)
{
    if (!string_flatten(vm, s) || !string_builder_append_unit(vm, sb, '"'))
        return false;
    uint32_t len = string_length(s);
    for (uint32_t i = 0; i < len; i++) {
        uint16_t c = string_char_at(s, i);
        const char *escape = c == '\b' ? "\\b" : c == '\t' ? "\\t" : c == '\n' ? "\\n" : c == '\f' ? "\\f"
                             : c == '\r' ? "\\r" : c == '"' ? "\\\"" : c == '\\' ? "\\\\" : NULL;
        bool lone = false;
        if (c >= 0xD800 && c <= 0xDBFF) {
            lone = i + 1 == len || string_char_at(s, i + 1) < 0xDC00 || string_char_at(s, i + 1) > 0xDFFF;
            if (!lone) {
                if (!string_builder_append_unit(vm, sb, c) || !string_builder_append_unit(vm, sb, string_char_at(s, ++i)))
                    return false;
                continue;
            }
        } else if (c >= 0xDC00 && c <= 0xDFFF) {
            lone = true;
        }
        char hex[8];
        if (!escape && (c < 0x20 || lone)) {
            snprintf(hex, sizeof hex, "\\u%04x", c);
            escape = hex;
        }
        if (escape ? !string_builder_append_cstr(vm, sb, escape) : !string_builder_append_unit(vm, sb, c))
            return false;
    }
    return string_builder_append_unit(vm, sb, '"');
}

/* A newline and the indent of the current depth (nothing without a gap). */
static bool newline_indent(JsonState *st, uint32_t depth)
{
    if (string_length(st->gap) == 0)
        return true;
    if (!string_builder_append_unit(st->vm, &st->out, '\n'))
        return false;
    for (uint32_t i = 0; i < depth; i++)
        if (!string_builder_append_string(st->vm, &st->out, st->gap))
            return false;
    return true;
}

/* The "constructor 'Name'" part of V8's cycle message. */
static void constructor_name(VM *vm, Object *o, char *buf, size_t size)
{
    char *text = es_describe_value(vm, value_from_object(o));   /* "#<Name>" or "[object Array]" */
    if (text && strncmp(text, "#<", 2) == 0) {
        snprintf(buf, size, "%.*s", (int)strlen(text) - 3, text + 2);
    } else {
        snprintf(buf, size, "%s", text && strcmp(text, "[object Array]") == 0 ? "Array" : "Object");
    }
    free(text);
}

/* "property 'a'" or "index 1" */
static void key_description(PropertyKey key, char *buf, size_t size)
{
    uint32_t index;
    if (property_key_is_index(key, &index)) {
        snprintf(buf, size, "index %u", index);
        return;
    }
    size_t len;
    char *text = value_is_string(key) ? string_to_utf8(value_as_string(key), &len) : NULL;
    snprintf(buf, size, "property '%s'", text ? text : "?");
    free(text);
}

/* TypeError "Converting circular structure to JSON" with V8's description
 * of the circle: value is st->stack[from], reached again through key. */
static bool throw_cycle(JsonState *st, uint32_t from, PropertyKey key)
{
    VM *vm = st->vm;
    StringBuilder sb;
    string_builder_init(&sb);
    char name[128], desc[160], line[400];
    constructor_name(vm, st->stack[from], name, sizeof name);
    snprintf(line, sizeof line, "Converting circular structure to JSON\n    --> starting at object with constructor '%s'",
             name);
    bool ok = string_builder_append_utf8(vm, &sb, line, strlen(line));
    for (uint32_t i = from + 1; ok && i < st->depth; i++) {
        key_description(st->stack_keys[i], desc, sizeof desc);
        constructor_name(vm, st->stack[i], name, sizeof name);
        snprintf(line, sizeof line, "\n    |     %s -> object with constructor '%s'", desc, name);
        ok = string_builder_append_utf8(vm, &sb, line, strlen(line));
    }
    key_description(key, desc, sizeof desc);
    snprintf(line, sizeof line, "\n    --- %s closes the circle", desc);
    ok = ok && string_builder_append_utf8(vm, &sb, line, strlen(line));
    String *message = ok ? string_builder_finish(vm, &sb) : NULL;
    if (!ok)
        string_builder_free(&sb);
    size_t len;
    char *utf8 = message ? string_to_utf8(message, &len) : NULL;
    if (message)
        vm_throw_type_error(vm, "%s", utf8 ? utf8 : "Converting circular structure to JSON");
    free(utf8);
    return false;
}

/* Pushes value on the stack (SerializeJSONObject / Array steps 1-3). */
static bool push(JsonState *st, Object *value, PropertyKey key)
{
    for (uint32_t i = 0; i < st->depth; i++)
        if (st->stack[i] == value)
            return throw_cycle(st, i, key);
    if (st->depth == JSON_MAX_DEPTH) {
        vm_throw_range_error(st->vm, "Maximum call stack size exceeded");
        return false;
    }
    st->stack_keys[st->depth] = key;
    st->stack[st->depth++] = value;
    return true;
}

/* ES2025 25.5.2.6 SerializeJSONObject ( state, value ) */
static bool serialize_object(JsonState *st, Object *value, PropertyKey key)
{
    VM *vm = st->vm;
    if (!push(st, value, key))
        return false;
    KeyList own;
    key_list_init(vm, &own);
    KeyList *keys = st->property_list;
    bool ok = keys || json_enumerable_keys(vm, value, keys = &own);
    ok = ok && string_builder_append_unit(vm, &st->out, '{');
    bool any = false;
    for (uint32_t i = 0; ok && i < keys->count; i++) {
        uint32_t mark = st->out.length;
        bool written = false;
        String *name = NULL;
        uint32_t index;
        if (property_key_is_index(keys->keys[i], &index))
            name = es_number_to_string(vm, index);
        else
            name = value_as_string(keys->keys[i]);
        ok = name && (!any || string_builder_append_unit(vm, &st->out, ',')) && newline_indent(st, st->depth)
             && quote(vm, &st->out, name) && string_builder_append_unit(vm, &st->out, ':')
             && (string_length(st->gap) == 0 || string_builder_append_unit(vm, &st->out, ' '))
             && serialize_property(st, value, keys->keys[i], &written);
        if (ok && !written)
            st->out.length = mark;   /* undefined: no member */
        any |= ok && written;
    }
    ok = ok && (!any || newline_indent(st, st->depth - 1)) && string_builder_append_unit(vm, &st->out, '}');
    key_list_free(vm, &own);
    st->depth--;
    return ok;
}

/* ES2025 25.5.2.7 SerializeJSONArray ( state, value ) */
static bool serialize_array(JsonState *st, Object *value, PropertyKey key)
{
    VM *vm = st->vm;
    if (!push(st, value, key))
        return false;
    double len;
    bool ok = es_length_of_array_like(vm, value, &len) && string_builder_append_unit(vm, &st->out, '[');
    for (double i = 0; ok && i < len; i++) {
        bool written = false;
        ok = (i == 0 || string_builder_append_unit(vm, &st->out, ',')) && newline_indent(st, st->depth)
             && serialize_property(st, value, es_key_index(vm, i), &written)
             && (written || string_builder_append_cstr(vm, &st->out, "null"));
    }
    ok = ok && (len == 0 || newline_indent(st, st->depth - 1)) && string_builder_append_unit(vm, &st->out, ']');
    st->depth--;
    return ok;
}

/* toJSON and the replacer function: SerializeJSONProperty steps 1-3. */
static Value transform(JsonState *st, Object *holder, PropertyKey key, Value value)
{
    VM *vm = st->vm;
    Value key_string = key;
    uint32_t index;
    if (property_key_is_index(key, &index)) {
        String *s = es_number_to_string(vm, index);
        if (!s)
            return VALUE_EXCEPTION;
        key_string = value_from_string(s);
    }
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, value);
    GC_ROOT(vm->heap, key_string);
    if (value_is_object(value) || value_is_bigint(value)) {
        Value to_json = es_get_v(vm, value, es_key_cstr(vm, "toJSON"));
        if (value_is_exception(to_json))
            value = to_json;
        else if (value_is_callable(to_json))
            value = vm_call(vm, to_json, value, 1, &key_string);
    }
    if (!value_is_exception(value) && !value_is_undefined(st->replacer)) {
        Value args[2] = { key_string, value };
        value = vm_call(vm, st->replacer, value_from_object(holder), 2, args);
    }
    GC_SCOPE_END(vm->heap);
    return value;
}

/* Unwraps Number, String, Boolean, BigInt objects (SerializeJSONProperty step 4). */
static Value unwrap(VM *vm, Value value)
{
    Value primitive;
    if (primitive_object_unwrap(value, &number_object_class, &primitive)) {
        double d;
        return es_to_number(vm, value, &d) ? value_from_number(d) : VALUE_EXCEPTION;
    }
    if (primitive_object_unwrap(value, &string_object_class, &primitive)) {
        String *s = es_to_string(vm, value);
        return s ? value_from_string(s) : VALUE_EXCEPTION;
    }
    if (primitive_object_unwrap(value, &boolean_object_class, &primitive)
        || primitive_object_unwrap(value, &bigint_object_class, &primitive))
        return primitive;
    return value;
}

/* ES2025 25.5.2.2 SerializeJSONProperty ( state, key, holder ): appends
 * the text; *written is false for undefined. */
static bool serialize_property(JsonState *st, Object *holder, PropertyKey key, bool *written)
{
    VM *vm = st->vm;
    *written = true;
    Value value = es_get(vm, holder, key);
    value = value_is_exception(value) ? value : transform(st, holder, key, value);
    value = value_is_exception(value) ? value : unwrap(vm, value);
    if (value_is_exception(value))
        return false;
    if (value_is_null(value) || value_is_boolean(value))
        return string_builder_append_cstr(vm, &st->out, value_is_null(value) ? "null"
                                                        : value_as_boolean(value) ? "true" : "false");
    if (value_is_string(value))
        return quote(vm, &st->out, value_as_string(value));
    if (value_is_number(value)) {
        double d = value_as_number(value);
        String *s = isfinite(d) ? es_number_to_string(vm, d) : NULL;
        return isfinite(d) ? s && string_builder_append_string(vm, &st->out, s)
                           : string_builder_append_cstr(vm, &st->out, "null");
    }
    if (value_is_bigint(value)) {
        vm_throw_type_error(vm, "Do not know how to serialize a BigInt");
        return false;
    }
    if (value_is_object(value) && !value_is_callable(value)) {
        GC_SCOPE(vm->heap);
        GC_ROOT(vm->heap, value);
        int is_array = es_is_array(vm, value);
        bool ok = is_array >= 0 && (is_array ? serialize_array(st, value_as_object(value), key)
                                             : serialize_object(st, value_as_object(value), key));
        GC_SCOPE_END(vm->heap);
        return ok;
    }
    *written = false;
    return true;
}

/* The replacer array's keys (ES2025 25.5.2 step 5.b), without duplicates. */
static bool property_list_from(VM *vm, Object *replacer, KeyList *list)
{
    double len;
    if (!es_length_of_array_like(vm, replacer, &len))
        return false;
    for (double k = 0; k < len; k++) {
        Value v = es_get(vm, replacer, es_key_index(vm, k)), ignored;
        if (value_is_exception(v))
            return false;
        if (!value_is_string(v) && !value_is_number(v) && !primitive_object_unwrap(v, &number_object_class, &ignored)
            && !primitive_object_unwrap(v, &string_object_class, &ignored))
            continue;
        String *s = es_to_string(vm, v);
        Value key = s ? property_key_from_value(vm, value_from_string(s)) : VALUE_EXCEPTION;
        if (value_is_exception(key))
            return false;
        bool seen = false;
        for (uint32_t i = 0; i < list->count && !seen; i++)
            seen = list->keys[i] == key;
        if (!seen && !key_list_push(vm, list, key))
            return false;
    }
    return true;
}

/* The gap from space (ES2025 25.5.2 steps 6-10). NULL after throwing. */
static String *gap_from(VM *vm, Value space)
{
    Value primitive;
    if (primitive_object_unwrap(space, &number_object_class, &primitive)) {
        double d;
        if (!es_to_number(vm, space, &d))
            return NULL;
        space = value_from_number(d);
    } else if (primitive_object_unwrap(space, &string_object_class, &primitive)) {
        String *s = es_to_string(vm, space);
        if (!s)
            return NULL;
        space = value_from_string(s);
    }
    if (value_is_number(space)) {
        double n;
        if (!es_to_integer_or_infinity(vm, space, &n))
            return NULL;
        n = n > 10 ? 10 : n;
        char spaces[11] = "          ";
        spaces[n < 1 ? 0 : (int)n] = 0;
        return string_from_cstr(vm, spaces);
    }
    if (value_is_string(space)) {
        String *s = value_as_string(space);
        return string_length(s) <= 10 ? s : string_substring(vm, s, 0, 10);
    }
    return string_empty(vm);
}

/* ES2025 25.5.2 JSON.stringify ( value [ , replacer [ , space ] ] ) */
static Value json_stringify(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)this_value, (void)new_target;
    JsonState *st = calloc(1, sizeof *st);
    if (!st)
        return vm_throw_out_of_memory(vm);
    st->vm = vm;
    st->replacer = VALUE_UNDEFINED;
    string_builder_init(&st->out);
    KeyList list;
    key_list_init(vm, &list);
    Value replacer = es_arg(argc, argv, 1);
    int is_array = value_is_object(replacer) && !value_is_callable(replacer) ? es_is_array(vm, replacer) : 0;
    bool ok = is_array >= 0;
    if (value_is_callable(replacer))
        st->replacer = replacer;
    else if (is_array > 0 && (ok = property_list_from(vm, value_as_object(replacer), &list)))
        st->property_list = &list;
    GC_SCOPE(vm->heap);
    st->gap = ok ? gap_from(vm, es_arg(argc, argv, 2)) : NULL;
    GC_ROOT_CELL(vm->heap, st->gap);
    Object *wrapper = st->gap ? es_object_new(vm) : NULL;
    GC_ROOT_CELL(vm->heap, wrapper);
    PropertyKey empty = es_key(vm, ATOM_empty);
    bool written = false;
    ok = wrapper && object_create_data_property(vm, wrapper, empty, es_arg(argc, argv, 0)) >= 0
         && serialize_property(st, wrapper, empty, &written);
    Value result = VALUE_EXCEPTION;
    if (ok && written) {
        String *s = string_builder_finish(vm, &st->out);
        result = s ? value_from_string(s) : VALUE_EXCEPTION;
    } else {
        string_builder_free(&st->out);
        if (ok)
            result = VALUE_UNDEFINED;
    }
    GC_SCOPE_END(vm->heap);
    key_list_free(vm, &list);
    free(st);
    return result;
}

static bool install_json_properties(VM *vm, Realm *realm, Object *json)
{
    (void)realm;
    return es_define_method(vm, json, "parse", json_parse, 2)
           && es_define_method(vm, json, "stringify", json_stringify, 3)
           && es_define_to_string_tag(vm, json, "JSON");
}

bool stdlib_install_json(VM *vm, Realm *realm)
{
    Object *json = object_new_ordinary(vm, realm->intrinsics[INTRINSIC_ObjectPrototype]);
    if (!json)
        return false;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, json);
    bool ok = realm_defer_holder(vm, realm, json, install_json_properties)   /* made on first use */
              && es_define_value(vm, realm->global_object, "JSON", value_from_object(json), ES_ATTRS_METHOD);
    GC_SCOPE_END(vm->heap);
    return ok;
}
