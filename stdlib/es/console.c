/*
 * The console object (node's console, not ECMAScript): log, info, debug
 * write to standard output, warn and error to standard error, each line
 * formatted as node's util.formatWithOptions does (format specifiers
 * %s %d %i %f %j %o %O %c %%, then the other arguments inspected).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stdlib/es/builtin.h"
#include "stdlib/es/inspect.h"
#include "stdlib/es/primitive_object.h"

#define ARGS VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target

typedef struct Line {
    char *s;
    size_t len, cap;
} Line;

static void line_add(Line *l, const char *s, size_t n)
{
    if (l->len + n + 1 > l->cap) {
        size_t cap = l->cap ? l->cap : 128;
        while (cap < l->len + n + 1)
            cap *= 2;
        char *grown = realloc(l->s, cap);
        if (!grown)
            abort();
        l->s = grown;
        l->cap = cap;
    }
    memcpy(l->s + l->len, s, n);
    l->len += n;
    l->s[l->len] = 0;
}

/* Appends a malloc'd text and frees it; false when it is NULL (threw). */
static bool line_take(Line *l, char *text)
{
    if (!text)
        return false;
    line_add(l, text, strlen(text));
    free(text);
    return true;
}

static char *string_text(VM *vm, String *s)
{
    size_t len;
    if (!string_flatten(vm, s))
        return NULL;
    return string_to_utf8(s, &len);
}

/* An argument printed on its own: strings bare, the rest inspected. */
static char *format_argument(VM *vm, Value value)
{
    if (value_is_string(value))
        return string_text(vm, value_as_string(value));
    return inspect_value(vm, value, INSPECT_DEFAULTS);
}

/* formatNumber of Number(value) / parseInt / parseFloat for %d %i %f. */
static char *number_text(VM *vm, Value value, char specifier)
{
    if (value_is_symbol(value))
        return strdup("NaN");
    Value n = value;
    if (specifier != 'd') {
        Object *global = vm->realm->global_object;
        Value f = es_get(vm, global, es_key_cstr(vm, specifier == 'i' ? "parseInt" : "parseFloat"));
        n = value_is_exception(f) ? f : es_call(vm, f, VALUE_UNDEFINED, 1, &value);
    } else if (!value_is_number(value)) {
        double d;
        n = es_to_number(vm, value, &d) ? value_from_number(d) : VALUE_EXCEPTION;
    }
    return value_is_exception(n) ? NULL : inspect_value(vm, n, INSPECT_DEFAULTS);
}

/* hasBuiltInToString, approximated: toString comes from a built-in
 * (native) function. */
static bool has_builtin_to_string(VM *vm, Value value)
{
    Value f = es_get(vm, value_as_object(value), es_key(vm, ATOM_toString));
    if (value_is_exception(f)) {
        vm_take_exception(vm);
        return true;
    }
    return !value_is_callable(f) || value_as_object(f)->class_ == &native_function_class;
}

/* %j: JSON.stringify, "[Circular]" for circular structures. */
static char *json_text(VM *vm, Value value)
{
    Value json = es_get(vm, vm->realm->global_object, es_key_cstr(vm, "JSON"));
    Value result = value_is_object(json) ? es_invoke(vm, json, es_key_cstr(vm, "stringify"), 1, &value) : json;
    if (value_is_exception(result)) {
        Value e = vm->exception;
        Value message = value_is_object(e) ? es_get(vm, value_as_object(e), es_key(vm, ATOM_message)) : VALUE_UNDEFINED;
        if (value_is_string(message)) {
            char *text = string_text(vm, value_as_string(message));
            bool circular = text && strstr(text, "circular structure");
            free(text);
            if (circular) {
                vm_take_exception(vm);
                return strdup("[Circular]");
            }
        }
        return NULL;
    }
    return value_is_undefined(result) ? strdup("undefined") : string_text(vm, value_as_string(result));
}

/* One %x specifier's text for value, or NULL after throwing. */
static char *specifier_text(VM *vm, char specifier, Value value)
{
    switch (specifier) {
    case 's':
        if (value_is_number(value) || value_is_bigint(value))
            return inspect_value(vm, value, INSPECT_DEFAULTS);
        if (value_is_object(value) && has_builtin_to_string(vm, value))
            return inspect_value(vm, value, (InspectOptions){ .depth = 0 });
        {
            String *s = value_is_symbol(value) ? NULL : es_to_string(vm, value);
            return value_is_symbol(value) ? inspect_value(vm, value, INSPECT_DEFAULTS)
                   : s ? string_text(vm, s) : NULL;
        }
    case 'd': case 'i': case 'f':
        return number_text(vm, value, specifier);
    case 'j':
        return json_text(vm, value);
    case 'o':
        return inspect_value(vm, value, (InspectOptions){ .depth = 4, .show_hidden = true });
    case 'O':
        return inspect_value(vm, value, INSPECT_DEFAULTS);
    default:   /* 'c': CSS is ignored */
        return strdup("");
    }
}

/* formatWithOptions: the first string's specifiers consume arguments. */
static bool format_line(VM *vm, uint32_t argc, const Value *argv, Line *line)
{
    uint32_t a = 0;
    if (argc > 1 && value_is_string(argv[0])) {
        char *first = string_text(vm, value_as_string(argv[0]));
        if (!first)
            return false;
        size_t last = 0, len = strlen(first);
        a = 1;
        for (size_t i = 0; i + 1 < len; i++) {
            if (first[i] != '%')
                continue;
            char c = first[i + 1];
            if (c == '%') {
                line_add(line, first + last, i - last);
                last = i + 1;
                i++;
                continue;
            }
            if (!strchr("sdifjoOc", c) || a >= argc)
                continue;
            line_add(line, first + last, i - last);
            if (!line_take(line, specifier_text(vm, c, argv[a++]))) {
                free(first);
                return false;
            }
            last = i + 2;
            i++;
        }
        line_add(line, first + last, len - last);
        free(first);
        if (a < argc)
            line_add(line, " ", 1);
    }
    for (uint32_t i = a; i < argc; i++) {
        if (i > a)
            line_add(line, " ", 1);
        if (!line_take(line, format_argument(vm, argv[i])))
            return false;
    }
    return true;
}

static Value write_line(VM *vm, uint32_t argc, const Value *argv, FILE *out)
{
    Line line = { 0 };
    line_add(&line, "", 0);
    bool ok = format_line(vm, argc, argv, &line);
    if (ok) {
        line_add(&line, "\n", 1);
        fwrite(line.s, 1, line.len, out);
        fflush(out);
    }
    free(line.s);
    return ok ? VALUE_UNDEFINED : VALUE_EXCEPTION;
}

/* console.log / info / debug ( ...data ) */
static Value console_log(ARGS)
{
    (void)this_value, (void)new_target;
    return write_line(vm, argc, argv, stdout);
}

/* console.warn / error ( ...data ) */
static Value console_error(ARGS)
{
    (void)this_value, (void)new_target;
    return write_line(vm, argc, argv, stderr);
}

/* console.dir ( item ): inspected, even a string. */
static Value console_dir(ARGS)
{
    (void)this_value, (void)new_target;
    char *text = inspect_value(vm, es_arg(argc, argv, 0), INSPECT_DEFAULTS);
    if (!text)
        return VALUE_EXCEPTION;
    printf("%s\n", text);
    fflush(stdout);
    free(text);
    return VALUE_UNDEFINED;
}

String *stdlib_inspect(VM *vm, Value value)
{
    char *text = format_argument(vm, value);
    if (!text)
        return NULL;
    String *s = string_from_utf8(vm, text, strlen(text));
    free(text);
    return s;
}

static bool install_console_methods(VM *vm, Realm *realm, Object *console)
{
    (void)realm;
    return es_define_method(vm, console, "log", console_log, 0)
           && es_define_method(vm, console, "info", console_log, 0)
           && es_define_method(vm, console, "debug", console_log, 0)
           && es_define_method(vm, console, "warn", console_error, 0)
           && es_define_method(vm, console, "error", console_error, 0)
           && es_define_method(vm, console, "dir", console_dir, 0);
}

bool stdlib_install_console(VM *vm, Realm *realm)
{
    Object *console = object_new_ordinary(vm, realm->intrinsics[INTRINSIC_ObjectPrototype]);
    if (!console)
        return false;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, console);
    bool ok = realm_defer_holder(vm, realm, console, install_console_methods)   /* made on first use */
              && es_define_value(vm, realm->global_object, "console", value_from_object(console), ES_ATTRS_METHOD);
    GC_SCOPE_END(vm->heap);
    return ok;
}
