/*
 * JSON.parse (ES2025 25.5.1): a recursive-descent parser of the JSON
 * grammar (ECMA-404) into objects and arrays, V8's error messages, and the
 * reviver walk (InternalizeJSONProperty).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stdlib/es/builtin.h"
#include "stdlib/es/json_internal.h"
#include "stdlib/es/string_builder.h"

enum { JSON_MAX_DEPTH = 5000 };

typedef struct JsonParser {
    VM *vm;
    String *text;                 /* flat; rooted by the caller */
    uint32_t pos, len;
    int depth;
} JsonParser;

static Value parse_value(JsonParser *p);

static uint16_t peek(JsonParser *p)
{
    return p->pos < p->len ? string_char_at(p->text, p->pos) : 0;
}

static void skip_whitespace(JsonParser *p)
{
    while (p->pos < p->len) {
        uint16_t c = string_char_at(p->text, p->pos);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        p->pos++;
    }
}

/* SyntaxError "Unexpected token 'c', <context> is not valid JSON" with V8's
 * context: the whole text up to 21 units, else 10 units either side. */
static Value error_unexpected_token(JsonParser *p)
{
    VM *vm = p->vm;
    uint32_t start = p->len <= 21 ? 0 : (p->pos >= 10 ? p->pos - 10 : 0);
    uint32_t end = p->len <= 21 ? p->len : (p->pos + 10 < p->len ? p->pos + 10 : p->len);
    StringBuilder sb;
    string_builder_init(&sb);
    bool ok = string_builder_append_cstr(vm, &sb, "Unexpected token '")
              && string_builder_append_unit(vm, &sb, peek(p)) && string_builder_append_cstr(vm, &sb, "', ")
              && (start == 0 || string_builder_append_cstr(vm, &sb, "..."))
              && string_builder_append_unit(vm, &sb, '"')
              && string_builder_append_substring(vm, &sb, p->text, start, end)
              && string_builder_append_unit(vm, &sb, '"')
              && (end == p->len || string_builder_append_cstr(vm, &sb, "..."))
              && string_builder_append_cstr(vm, &sb, " is not valid JSON");
    String *message = ok ? string_builder_finish(vm, &sb) : NULL;
    if (!ok)
        string_builder_free(&sb);
    if (!message)
        return VALUE_EXCEPTION;
    size_t len;
    char *utf8 = string_to_utf8(message, &len);
    vm_throw_error(vm, ERROR_KIND_SYNTAX, "%s", utf8 ? utf8 : "Unexpected token");
    free(utf8);
    return VALUE_EXCEPTION;
}

/* The SyntaxError for the unit at pos: end of input, a stray number or
 * string, or an unexpected token. what: the message for a known
 * expectation ("Expected ':' after property name"), or NULL. */
static Value error_at(JsonParser *p, const char *what)
{
    if (p->pos >= p->len)
        return vm_throw_error(p->vm, ERROR_KIND_SYNTAX, "Unexpected end of JSON input");
    if (what)
        return vm_throw_error(p->vm, ERROR_KIND_SYNTAX, "%s in JSON at position %u", what, p->pos);
    return error_unexpected_token(p);
}

/* Four hex digits of a \u escape; -1 when invalid. */
static int32_t hex4(JsonParser *p)
{
    int32_t value = 0;
    for (int i = 0; i < 4; i++) {
        uint16_t c = peek(p);
        int d = c >= '0' && c <= '9' ? c - '0' : (c | 32) >= 'a' && (c | 32) <= 'f' ? (c | 32) - 'a' + 10 : -1;
        if (d < 0 || p->pos >= p->len)
            return -1;
        value = value * 16 + d;
        p->pos++;
    }
    return value;
}

/* One escape after '\'; false after throwing. */
static bool parse_escape(JsonParser *p, StringBuilder *sb)
{
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    uint16_t c = peek(p);
    const char *hit = c && c < 128 ? strchr(from, (char)c) : NULL;
    if (hit) {
        p->pos++;
        return string_builder_append_unit(p->vm, sb, (uint16_t)to[hit - from]);
    }
    if (c == 'u') {
        p->pos++;
        int32_t unit = hex4(p);
        if (unit >= 0)
            return string_builder_append_unit(p->vm, sb, (uint16_t)unit);
    }
    if (p->pos >= p->len)
        vm_throw_error(p->vm, ERROR_KIND_SYNTAX, "Unterminated string in JSON at position %u", p->pos);
    else
        vm_throw_error(p->vm, ERROR_KIND_SYNTAX, "Bad escaped character in JSON at position %u", p->pos);
    return false;
}

/* JSONString, p->pos at the opening quote. NULL after throwing. */
static String *parse_string(JsonParser *p)
{
    StringBuilder sb;
    string_builder_init(&sb);
    p->pos++;
    for (;;) {
        if (p->pos >= p->len) {
            vm_throw_error(p->vm, ERROR_KIND_SYNTAX, "Unterminated string in JSON at position %u", p->pos);
            break;
        }
        uint16_t c = string_char_at(p->text, p->pos);
        if (c == '"') {
            p->pos++;
            return string_builder_finish(p->vm, &sb);
        }
        if (c < 0x20) {
            vm_throw_error(p->vm, ERROR_KIND_SYNTAX, "Bad control character in string literal in JSON at position %u",
                           p->pos);
            break;
        }
        p->pos++;
        if (c == '\\' ? !parse_escape(p, &sb) : !string_builder_append_unit(p->vm, &sb, c))
            break;
    }
    string_builder_free(&sb);
    return NULL;
}

static bool is_digit(uint16_t c) { return c >= '0' && c <= '9'; }

/* JSONNumber: - int frac? exp? */
static Value parse_number(JsonParser *p)
{
    uint32_t start = p->pos;
    if (peek(p) == '-') {
        p->pos++;
        if (!is_digit(peek(p)))
            return error_at(p, "No number after minus sign");
    }
    if (peek(p) == '0')
        p->pos++;
    else
        while (is_digit(peek(p)))
            p->pos++;
    if (peek(p) == '.') {
        p->pos++;
        if (!is_digit(peek(p)))
            return error_at(p, "Unterminated fractional number");
        while (is_digit(peek(p)))
            p->pos++;
    }
    if ((peek(p) | 32) == 'e') {
        p->pos++;
        if (peek(p) == '+' || peek(p) == '-')
            p->pos++;
        if (!is_digit(peek(p)))
            return error_at(p, "Exponent part is missing a number");
        while (is_digit(peek(p)))
            p->pos++;
    }
    char small[64], *buf = p->pos - start < sizeof small ? small : malloc(p->pos - start + 1);
    if (!buf)
        return vm_throw_out_of_memory(p->vm);
    for (uint32_t i = start; i < p->pos; i++)
        buf[i - start] = (char)string_char_at(p->text, i);
    buf[p->pos - start] = 0;
    double value = strtod(buf, NULL);
    if (buf != small)
        free(buf);
    return value_from_number(value);
}

/* true, false, null */
static Value parse_literal(JsonParser *p, const char *word, Value value)
{
    for (size_t i = 0; word[i]; i++, p->pos++)
        if (peek(p) != (uint16_t)word[i])
            return error_at(p, NULL);
    return value;
}

/* JSONArray, p->pos at '['. */
static Value parse_array(JsonParser *p)
{
    Object *array = es_array_new(p->vm, 0);
    if (!array)
        return VALUE_EXCEPTION;
    GC_SCOPE(p->vm->heap);
    GC_ROOT_CELL(p->vm->heap, array);
    Value result = value_from_object(array);
    p->pos++;
    skip_whitespace(p);
    if (peek(p) == ']') {
        p->pos++;
    } else {
        Value element = VALUE_UNDEFINED;
        GC_ROOT(p->vm->heap, element);
        for (uint32_t i = 0;; i++) {
            element = parse_value(p);
            if (value_is_exception(element) ||
                object_create_data_property(p->vm, array, property_key_from_index(p->vm, i), element) < 0) {
                result = VALUE_EXCEPTION;
                break;
            }
            skip_whitespace(p);
            if (peek(p) == ']' && p->pos < p->len) {
                p->pos++;
                break;
            }
            if (peek(p) != ',' || p->pos >= p->len) {
                result = error_at(p, "Expected ',' or ']' after array element");
                break;
            }
            p->pos++;
        }
    }
    GC_SCOPE_END(p->vm->heap);
    return result;
}

/* One member of an object: "name" : value. false after throwing. */
static bool parse_member(JsonParser *p, Object *object, bool first)
{
    skip_whitespace(p);
    if (peek(p) != '"' || p->pos >= p->len) {
        error_at(p, first ? "Expected property name or '}'" : "Expected double-quoted property name");
        return false;
    }
    String *name = parse_string(p);
    if (!name)
        return false;
    GC_SCOPE(p->vm->heap);
    GC_ROOT_CELL(p->vm->heap, name);
    skip_whitespace(p);
    bool ok = peek(p) == ':' && p->pos < p->len;
    if (!ok)
        error_at(p, "Expected ':' after property name");
    Value value = VALUE_UNDEFINED;
    if (ok) {
        p->pos++;
        value = parse_value(p);
        ok = !value_is_exception(value);
    }
    GC_ROOT(p->vm->heap, value);
    Value key = ok ? property_key_from_value(p->vm, value_from_string(name)) : VALUE_EXCEPTION;
    GC_ROOT(p->vm->heap, key);
    ok = !value_is_exception(key) && object_create_data_property(p->vm, object, key, value) >= 0;
    GC_SCOPE_END(p->vm->heap);
    return ok;
}

/* JSONObject, p->pos at '{'. */
static Value parse_object(JsonParser *p)
{
    Object *object = es_object_new(p->vm);
    if (!object)
        return VALUE_EXCEPTION;
    GC_SCOPE(p->vm->heap);
    GC_ROOT_CELL(p->vm->heap, object);
    Value result = value_from_object(object);
    p->pos++;
    skip_whitespace(p);
    if (peek(p) == '}') {
        p->pos++;
    } else {
        for (bool first = true;; first = false) {
            if (!parse_member(p, object, first)) {
                result = VALUE_EXCEPTION;
                break;
            }
            skip_whitespace(p);
            if (peek(p) == '}' && p->pos < p->len) {
                p->pos++;
                break;
            }
            if (peek(p) != ',' || p->pos >= p->len) {
                result = error_at(p, "Expected ',' or '}' after property value");
                break;
            }
            p->pos++;
        }
    }
    GC_SCOPE_END(p->vm->heap);
    return result;
}

static Value parse_value(JsonParser *p)
{
    if (++p->depth > JSON_MAX_DEPTH) {
        p->depth--;
        return vm_throw_range_error(p->vm, "Maximum call stack size exceeded");
    }
    skip_whitespace(p);
    Value result;
    uint16_t c = peek(p);
    if (p->pos >= p->len)
        result = error_at(p, NULL);
    else if (c == '{')
        result = parse_object(p);
    else if (c == '[')
        result = parse_array(p);
    else if (c == '"') {
        String *s = parse_string(p);
        result = s ? value_from_string(s) : VALUE_EXCEPTION;
    } else if (c == '-' || is_digit(c))
        result = parse_number(p);
    else if (c == 't')
        result = parse_literal(p, "true", VALUE_TRUE);
    else if (c == 'f')
        result = parse_literal(p, "false", VALUE_FALSE);
    else if (c == 'n')
        result = parse_literal(p, "null", VALUE_NULL);
    else
        result = error_at(p, NULL);
    p->depth--;
    return result;
}

/* ---- The reviver: ES2025 25.5.1.1 InternalizeJSONProperty ---- */

/* Revives val[key] in place: deleted when the reviver returns undefined. */
static bool internalize_member(VM *vm, Object *val, PropertyKey key, Value reviver, int depth);

static Value internalize(VM *vm, Object *holder, PropertyKey name, Value reviver, int depth)
{
    if (depth > JSON_MAX_DEPTH)
        return vm_throw_range_error(vm, "Maximum call stack size exceeded");
    Value val = es_get(vm, holder, name);
    if (value_is_exception(val))
        return val;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, val);
    bool ok = true;
    if (value_is_object(val)) {
        Object *o = value_as_object(val);
        int is_array = es_is_array(vm, val);
        ok = is_array >= 0;
        KeyList keys;
        key_list_init(vm, &keys);
        if (is_array > 0) {
            double len;
            ok = es_length_of_array_like(vm, o, &len);
            for (double i = 0; ok && i < len; i++)
                ok = internalize_member(vm, o, es_key_index(vm, i), reviver, depth);
        } else if (ok) {
            ok = json_enumerable_keys(vm, o, &keys);
            for (uint32_t i = 0; ok && i < keys.count; i++)
                ok = internalize_member(vm, o, keys.keys[i], reviver, depth);
        }
        key_list_free(vm, &keys);
    }
    Value result = VALUE_EXCEPTION;
    if (ok) {
        Value name_string = name;
        uint32_t index;
        String *s = property_key_is_index(name, &index) ? es_number_to_string(vm, index) : NULL;
        if (s)
            name_string = value_from_string(s);
        Value args[2] = { name_string, val };
        if (!property_key_is_index(name, &index) || s)
            result = vm_call(vm, reviver, value_from_object(holder), 2, args);
    }
    GC_SCOPE_END(vm->heap);
    return result;
}

static bool internalize_member(VM *vm, Object *val, PropertyKey key, Value reviver, int depth)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, key);
    Value element = internalize(vm, val, key, reviver, depth + 1);
    GC_ROOT(vm->heap, element);
    bool ok = !value_is_exception(element);
    if (ok && value_is_undefined(element))
        ok = object_delete(vm, val, key) >= 0;
    else if (ok)
        ok = object_create_data_property(vm, val, key, element) >= 0;
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* ES2025 25.5.1 JSON.parse ( text [ , reviver ] ) */
Value json_parse(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)this_value, (void)new_target;
    String *text = es_to_flat_string(vm, es_arg(argc, argv, 0));
    if (!text)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, text);
    JsonParser p = { vm, text, 0, string_length(text), 0 };
    Value result = parse_value(&p);
    if (!value_is_exception(result)) {
        skip_whitespace(&p);
        if (p.pos < p.len)
            result = error_at(&p, is_digit(peek(&p)) ? "Unexpected number" : "Unexpected non-whitespace character after JSON");
    }
    Value reviver = es_arg(argc, argv, 1);
    if (!value_is_exception(result) && value_is_callable(reviver)) {
        GC_ROOT(vm->heap, result);
        Object *root = es_object_new(vm);
        GC_ROOT_CELL(vm->heap, root);
        PropertyKey empty = es_key(vm, ATOM_empty);
        result = root && object_create_data_property(vm, root, empty, result) >= 0
                 ? internalize(vm, root, empty, reviver, 0) : VALUE_EXCEPTION;
    }
    GC_SCOPE_END(vm->heap);
    return result;
}
