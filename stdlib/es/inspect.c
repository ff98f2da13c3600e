/*
 * util.inspect (node 20's lib/internal/util/inspect.js) for the values
 * console.log meets most: primitives, arrays (with holes and grouping into
 * columns), plain and class-instance objects, functions and classes,
 * boxed primitives, errors, circular references. Texts are UTF-8 here;
 * widths count UTF-16 units as node's .length does.
 *
 * Not yet: Map, Set, Date, RegExp, Promise, typed arrays, proxies (they
 * print as objects), colors, showHidden beyond an array's [length].
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stdlib/es/builtin.h"
#include "stdlib/es/date_internal.h"
#include "stdlib/es/inspect.h"
#include "stdlib/es/primitive_object.h"
#include "vm/bigint.h"
#include "vm/bytecode.h"

enum { BREAK_LENGTH = 80, MAX_ARRAY_LENGTH = 100, MIN_LINE_WIDTH = 16, COMPACT = 3, MAX_SEEN = 1000 };

/* ---- Growable UTF-8 texts ---- */

typedef struct Text {
    char *s;
    size_t len, cap;
} Text;

static void text_add(Text *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 64;
        while (cap < t->len + n + 1)
            cap *= 2;
        char *grown = realloc(t->s, cap);
        if (!grown)
            abort();   /* out of memory while printing */
        t->s = grown;
        t->cap = cap;
    }
    memcpy(t->s + t->len, s, n);
    t->len += n;
    t->s[t->len] = 0;
}

static void text_puts(Text *t, const char *s) { text_add(t, s, strlen(s)); }

static void text_printf(Text *t, const char *fmt, ...)
{
    char buf[512];
    va_list args;
    va_start(args, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, args);
    va_end(args);
    text_add(t, buf, n < (int)sizeof buf ? (size_t)n : sizeof buf - 1);
}

/* The width node measures: UTF-16 units. */
static size_t width(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p & 0xC0) != 0x80)
            n++;
        if (*p >= 0xF0)
            n++;   /* a non-BMP code point: two units */
    }
    return n;
}

/* ---- The context of one inspect call ---- */

typedef struct Inspector {
    VM *vm;
    InspectOptions options;
    int indentation;              /* ctx.indentationLvl */
    int current_depth;            /* ctx.currentDepth */
    Object *seen[MAX_SEEN];
    int seen_count;
    Object *circular[64];         /* objects given a *N reference, N = index + 1 */
    int circular_count;
    bool failed;                  /* an exception is pending */
} Inspector;

typedef struct Entries {
    char **items;
    int count, cap;
} Entries;

static void entries_push(Entries *e, char *item)
{
    if (e->count == e->cap) {
        e->cap = e->cap ? e->cap * 2 : 8;
        e->items = realloc(e->items, e->cap * sizeof *e->items);
        if (!e->items)
            abort();
    }
    e->items[e->count++] = item;
}

static void entries_free(Entries *e)
{
    for (int i = 0; i < e->count; i++)
        free(e->items[i]);
    free(e->items);
}

static char *format_value(Inspector *in, Value value, int recurse_times);

/* A String's UTF-8 text (malloc'd), or NULL after throwing. */
static char *utf8_of(Inspector *in, String *s)
{
    size_t len;
    if (!string_flatten(in->vm, s)) {
        in->failed = true;
        return strdup("");
    }
    char *text = string_to_utf8(s, &len);
    return text ? text : strdup("");
}

/* ---- Primitives ---- */

/* strEscape: the string quoted with ', " or ` and escaped as node does. */
static void quote_string(Text *t, String *s)
{
    uint32_t len = string_length(s);
    bool single = false, dbl = false, back = false;
    for (uint32_t i = 0; i < len; i++) {
        uint16_t c = string_char_at(s, i);
        single |= c == '\'';
        dbl |= c == '"';
        back |= c == '`' || (c == '$' && i + 1 < len && string_char_at(s, i + 1) == '{');
    }
    char quote = !single ? '\'' : !dbl ? '"' : !back ? '`' : '\'';
    text_add(t, &quote, 1);
    for (uint32_t i = 0; i < len; i++) {
        uint16_t c = string_char_at(s, i);
        char buf[8];
        if (c == (uint16_t)quote || c == '\\') {
            buf[0] = '\\', buf[1] = (char)c;
            text_add(t, buf, 2);
        } else if (c == '\n' || c == '\t' || c == '\b' || c == '\f' || c == '\r') {
            text_puts(t, c == '\n' ? "\\n" : c == '\t' ? "\\t" : c == '\b' ? "\\b" : c == '\f' ? "\\f" : "\\r");
        } else if (c < 0x20 || c == 0x7F) {
            text_printf(t, "\\x%02X", c);
        } else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < len && string_char_at(s, i + 1) >= 0xDC00
                   && string_char_at(s, i + 1) <= 0xDFFF) {
            uint32_t cp = 0x10000 + ((uint32_t)(c - 0xD800) << 10) + (string_char_at(s, ++i) - 0xDC00);
            char out[4] = { (char)(0xF0 | (cp >> 18)), (char)(0x80 | ((cp >> 12) & 0x3F)),
                            (char)(0x80 | ((cp >> 6) & 0x3F)), (char)(0x80 | (cp & 0x3F)) };
            text_add(t, out, 4);
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            text_printf(t, "\\u%04X", c);
        } else if (c < 0x80) {
            buf[0] = (char)c;
            text_add(t, buf, 1);
        } else if (c < 0x800) {
            buf[0] = (char)(0xC0 | (c >> 6)), buf[1] = (char)(0x80 | (c & 0x3F));
            text_add(t, buf, 2);
        } else {
            buf[0] = (char)(0xE0 | (c >> 12)), buf[1] = (char)(0x80 | ((c >> 6) & 0x3F)),
            buf[2] = (char)(0x80 | (c & 0x3F));
            text_add(t, buf, 3);
        }
    }
    text_add(t, &quote, 1);
}

/* formatPrimitive's strings: long ones are split after each newline and
 * joined with " +\n" (node's kMinLineWidth rule). */
static char *format_string(Inspector *in, String *s)
{
    Text t = { 0 };
    if (!string_flatten(in->vm, s)) {
        in->failed = true;
        return strdup("");
    }
    uint32_t len = string_length(s);
    if (len > MIN_LINE_WIDTH && (int)len > BREAK_LENGTH - in->indentation - 4) {
        uint32_t start = 0;
        for (uint32_t i = 0; i <= len; i++) {
            if (i < len && string_char_at(s, i) != '\n')
                continue;
            uint32_t end = i < len ? i + 1 : len;
            if (end == start)
                break;
            if (start > 0)
                text_printf(&t, " +\n%*s", in->indentation + 2, "");
            String *line = string_substring(in->vm, s, start, end);
            if (!line || !string_flatten(in->vm, line)) {
                in->failed = true;
                break;
            }
            quote_string(&t, line);
            start = end;
        }
        if (t.s)
            return t.s;
    }
    quote_string(&t, s);
    return t.s;
}

static char *format_number(double d)
{
    char buf[40];
    if (d == 0 && signbit(d))
        return strdup("-0");
    number_format(d, buf);
    return strdup(buf);
}

static char *symbol_text(Inspector *in, Symbol *symbol)
{
    Text t = { 0 };
    text_puts(&t, "Symbol(");
    if (symbol->description) {
        char *d = utf8_of(in, symbol->description);
        text_puts(&t, d);
        free(d);
    }
    text_puts(&t, ")");
    return t.s;
}

/* 123n */
static char *format_bigint(const BigInt *b)
{
    size_t length;
    char *digits = bigint_format(b, 10, &length);
    char *text = digits ? realloc(digits, length + 2) : NULL;
    if (!text) {
        free(digits);
        return NULL;
    }
    text[length] = 'n';
    text[length + 1] = '\0';
    return text;
}

static char *format_primitive(Inspector *in, Value value)
{
    if (value_is_string(value))
        return format_string(in, value_as_string(value));
    if (value_is_number(value))
        return format_number(value_as_number(value));
    if (value_is_boolean(value))
        return strdup(value_as_boolean(value) ? "true" : "false");
    if (value_is_undefined(value))
        return strdup("undefined");
    if (value_is_null(value))
        return strdup("null");
    if (value_is_symbol(value))
        return symbol_text(in, value_as_symbol(value));
    return format_bigint(value_as_bigint(value));
}

/* ---- Object helpers (no getters are called) ---- */

/* An own data property's value, or VALUE_HOLE. */
static Value own_data(Inspector *in, Object *o, PropertyKey key)
{
    PropertyDescriptor desc;
    int found = object_get_own_property(in->vm, o, key, &desc);
    if (found < 0)
        in->failed = true;
    return found > 0 && (desc.has & DESC_HAS_VALUE) ? desc.value : VALUE_HOLE;
}

/* A function's own "name" as UTF-8 ("" when absent). */
static char *function_name(Inspector *in, Object *f)
{
    Value name = own_data(in, f, es_key(in->vm, ATOM_name));
    return value_is_string(name) ? utf8_of(in, value_as_string(name)) : strdup("");
}

/* getConstructorName: the name of the first constructor on the prototype
 * chain whose prototype the object inherits; NULL for a null prototype. */
static char *constructor_name(Inspector *in, Object *o)
{
    Object *first_proto = shape_prototype(o->shape);
    for (Object *obj = o; obj; obj = shape_prototype(obj->shape)) {
        Value ctor = own_data(in, obj, es_key(in->vm, ATOM_constructor));
        if (value_is_callable(ctor)) {
            char *name = function_name(in, value_as_object(ctor));
            if (name[0] && es_ordinary_has_instance(in->vm, ctor, value_from_object(o)) > 0)
                return name;
            free(name);
        }
        if (in->vm->has_exception)
            vm_take_exception(in->vm);
    }
    return first_proto ? strdup("Object") : NULL;
}

/* The object's @@toStringTag when it is a string different from the name. */
static char *string_tag(Inspector *in, Object *o, const char *constructor)
{
    PropertyKey key = es_key_symbol(in->vm, WELL_KNOWN_toStringTag);
    Value tag = value_is_exception(key) ? key : es_get(in->vm, o, key);
    if (value_is_exception(tag)) {
        vm_take_exception(in->vm);
        return strdup("");
    }
    char *text = value_is_string(tag) ? utf8_of(in, value_as_string(tag)) : strdup("");
    if (text && constructor && strcmp(text, constructor) == 0)
        text[0] = 0;
    /* node lists the tag only when it is not an own enumerable property:
     * that one is printed with the other keys already */
    PropertyDescriptor desc;
    if (text && text[0] && object_get_own_property(in->vm, o, key, &desc) == 1 &&
        (desc.attributes & PROP_ENUMERABLE))
        text[0] = 0;
    return text;
}

/* getPrefix ( constructor, tag, fallback, size ) */
static void prefix(Text *t, const char *constructor, const char *tag, const char *fallback, const char *size)
{
    if (!constructor) {
        if (tag[0] && strcmp(fallback, tag) != 0)
            text_printf(t, "[%s%s: null prototype] [%s] ", fallback, size, tag);
        else
            text_printf(t, "[%s%s: null prototype] ", fallback, size);
    } else if (tag[0] && strcmp(constructor, tag) != 0) {
        text_printf(t, "%s%s [%s] ", constructor, size, tag);
    } else {
        text_printf(t, "%s%s ", constructor, size);
    }
}

/* ---- Keys and properties ---- */

static bool is_identifier(const char *s)
{
    if (!(*s == '_' || ((*s | 32) >= 'a' && (*s | 32) <= 'z')))
        return false;
    for (s++; *s; s++)
        if (!(*s == '_' || ((*s | 32) >= 'a' && (*s | 32) <= 'z') || (*s >= '0' && *s <= '9')))
            return false;
    return true;
}

/* formatProperty's name part. */
static void property_name(Inspector *in, Text *t, PropertyKey key, bool enumerable)
{
    uint32_t index;
    if (value_is_symbol(key)) {
        char *s = symbol_text(in, value_as_symbol(key));
        text_printf(t, "[%s]", s);
        free(s);
    } else if (property_key_is_index(key, &index)) {
        text_printf(t, enumerable ? "'%u'" : "[%u]", index);
    } else {
        char *s = utf8_of(in, value_as_string(key));
        if (strcmp(s, "__proto__") == 0)
            text_puts(t, "['__proto__']");
        else if (!enumerable)
            text_printf(t, "[%s]", s);
        else if (is_identifier(s))
            text_puts(t, s);
        else
            quote_string(t, value_as_string(key));
        free(s);
    }
}

/* formatProperty ( ctx, value, recurseTimes, key, type ): "name: value",
 * or the value alone for array elements. */
static char *format_property(Inspector *in, Object *o, PropertyKey key, int recurse_times, bool array_element)
{
    PropertyDescriptor desc;
    int found = object_get_own_property(in->vm, o, key, &desc);
    char *str;
    if (found < 0) {
        in->failed = true;
        return strdup("");
    }
    if (found && (desc.has & (DESC_HAS_GET | DESC_HAS_SET))) {
        bool get = !value_is_undefined(desc.getter), set = !value_is_undefined(desc.setter);
        str = strdup(get && set ? "[Getter/Setter]" : get ? "[Getter]" : set ? "[Setter]" : "undefined");
    } else {
        in->indentation += 2;
        str = format_value(in, found ? desc.value : VALUE_UNDEFINED, recurse_times);
        in->indentation -= 2;
    }
    if (array_element)
        return str;
    Text t = { 0 };
    property_name(in, &t, key, !found || (desc.attributes & PROP_ENUMERABLE));
    text_puts(&t, ": ");
    text_puts(&t, str);
    free(str);
    return t.s;
}

/* The keys node shows: own enumerable strings (non-index ones only for
 * arrays), then own enumerable symbols. */
static bool shown_keys(Inspector *in, Object *o, bool skip_indices, KeyList *out)
{
    KeyList all;
    key_list_init(in->vm, &all);
    bool ok = object_own_property_keys(in->vm, o, &all);
    for (int pass = 0; pass < 2 && ok; pass++)
        for (uint32_t i = 0; ok && i < all.count; i++) {
            PropertyKey key = all.keys[i];
            uint32_t index;
            if (value_is_symbol(key) != (pass == 1) || (skip_indices && property_key_is_index(key, &index)))
                continue;
            PropertyDescriptor desc;
            int found = object_get_own_property(in->vm, o, key, &desc);
            ok = found >= 0 && (found == 0 || !(desc.attributes & PROP_ENUMERABLE) || key_list_push(in->vm, out, key));
        }
    key_list_free(in->vm, &all);
    if (!ok)
        in->failed = true;
    return ok;
}

/* ---- Arrays ---- */

static uint32_t array_length_of(VM *vm, Object *array)
{
    double length = 0;
    if (!es_length_of_array_like(vm, array, &length))
        vm_take_exception(vm);
    return length > 4294967295.0 ? 4294967295u : (uint32_t)length;
}

/* formatArray with formatSpecialArray's holes: "<N empty items>". */
static void format_array_elements(Inspector *in, Object *array, int recurse_times, Entries *out)
{
    uint32_t length = array_length_of(in->vm, array);
    uint32_t shown = length < MAX_ARRAY_LENGTH ? length : MAX_ARRAY_LENGTH;
    uint32_t output_items = 0;
    for (uint32_t i = 0; i < length && output_items < shown && !in->failed; output_items++) {
        PropertyDescriptor desc;
        PropertyKey key = property_key_from_index(in->vm, i);
        if (object_get_own_property(in->vm, array, key, &desc) == 0) {
            uint32_t holes = 0;
            while (i < length && object_get_own_property(in->vm, array, property_key_from_index(in->vm, i), &desc) == 0)
                holes++, i++;
            Text t = { 0 };
            text_printf(&t, "<%u empty item%s>", holes, holes > 1 ? "s" : "");
            entries_push(out, t.s);
            continue;
        }
        entries_push(out, format_property(in, array, key, recurse_times, true));
        i++;
    }
    if (length > shown) {
        Text t = { 0 };
        text_printf(&t, "... %u more item%s", length - shown, length - shown > 1 ? "s" : "");
        entries_push(out, t.s);
    }
}

/* groupArrayElements: arrays of more than six short entries are laid out
 * in aligned columns (node's heuristic, to the letter). */
static void group_array_elements(Inspector *in, Entries *e, Object *array, bool has_more)
{
    int output_length = e->count - (has_more ? 1 : 0);
    size_t total = 0, max_length = 0, separator = 2;
    size_t *data_len = malloc((output_length + 1) * sizeof *data_len);
    for (int i = 0; i < output_length; i++) {
        data_len[i] = width(e->items[i]);
        total += data_len[i] + separator;
        if (max_length < data_len[i])
            max_length = data_len[i];
    }
    double actual_max = (double)(max_length + separator);
    if (!(actual_max * 3 + in->indentation < BREAK_LENGTH && (total / actual_max > 5 || max_length <= 6))) {
        free(data_len);
        return;
    }
    double average_bias = sqrt(actual_max - (double)total / e->count);
    double biased_max = fmax(actual_max - 3 - average_bias, 1);
    double columns = fmin(fmin(round(sqrt(2.5 * biased_max * output_length) / biased_max),
                               floor((BREAK_LENGTH - in->indentation) / actual_max)),
                          fmin(COMPACT * 4, 15));
    if (columns <= 1) {
        free(data_len);
        return;
    }
    int cols = (int)columns;
    size_t *max_line = calloc(cols, sizeof *max_line);
    for (int i = 0; i < cols; i++) {
        for (int j = i; j < output_length; j += cols)
            if (data_len[j] > max_line[i])
                max_line[i] = data_len[j];
        max_line[i] += separator;
    }
    bool pad_start = true;   /* numbers are right-aligned */
    for (uint32_t i = 0; i < (uint32_t)output_length && pad_start; i++) {
        Value v = own_data(in, array, property_key_from_index(in->vm, i));
        pad_start = value_is_number(v) || value_is_bigint(v);
    }
    Entries grouped = { 0 };
    for (int i = 0; i < output_length; i += cols) {
        int max = i + cols < output_length ? i + cols : output_length;
        Text t = { 0 };
        text_puts(&t, "");
        for (int j = i; j < max; j++) {
            bool last = j == max - 1;
            size_t w = data_len[j] + (last ? 0 : separator);
            size_t pad = max_line[j - i] - (last ? separator : 0);
            if (pad_start)
                text_printf(&t, "%*s", (int)(pad > w ? pad - w : 0), "");
            text_puts(&t, e->items[j]);
            if (!last)
                text_puts(&t, ", ");
            if (!pad_start && !last)
                text_printf(&t, "%*s", (int)(pad > w ? pad - w : 0), "");
        }
        entries_push(&grouped, t.s);
    }
    if (has_more)
        entries_push(&grouped, strdup(e->items[e->count - 1]));
    entries_free(e);
    *e = grouped;
    free(max_line);
    free(data_len);
}

/* isBelowBreakLength */
static bool below_break_length(Inspector *in, Entries *e, size_t start, const char *base)
{
    size_t total = e->count + start;
    if (total + e->count > BREAK_LENGTH)
        return false;
    for (int i = 0; i < e->count; i++) {
        total += width(e->items[i]);
        if (total > BREAK_LENGTH)
            return false;
    }
    (void)in;
    return base[0] == 0 || !strchr(base, '\n');
}

/* reduceToSingleString: one line when short and shallow enough, else one
 * entry per line. */
static char *reduce_to_single_string(Inspector *in, Entries *e, const char *base, const char *open,
                                     const char *close, bool is_array, int recurse_times, Object *array,
                                     bool has_more)
{
    int entries = e->count;
    if (is_array && entries > 6)
        group_array_elements(in, e, array, has_more);
    Text t = { 0 };
    text_puts(&t, "");
    if (base[0]) {
        text_puts(&t, base);
        text_puts(&t, " ");
    }
    if (in->current_depth - recurse_times < COMPACT && entries == e->count) {
        size_t start = e->count + in->indentation + strlen(open) + width(base) + 10;
        bool newline = false;
        for (int i = 0; i < e->count; i++)
            newline |= strchr(e->items[i], '\n') != NULL;
        if (below_break_length(in, e, start, base) && !newline) {
            text_printf(&t, "%s ", open);
            for (int i = 0; i < e->count; i++)
                text_printf(&t, i ? ", %s" : "%s", e->items[i]);
            text_printf(&t, " %s", close);
            return t.s;
        }
    }
    text_puts(&t, open);
    for (int i = 0; i < e->count; i++)
        text_printf(&t, "%s\n%*s  %s", i ? "," : "", in->indentation, "", e->items[i]);
    text_printf(&t, "\n%*s%s", in->indentation, "", close);
    return t.s;
}

/* ---- Functions, errors, boxed primitives ---- */

/* getFunctionBase / getClassBase */
static char *function_base(Inspector *in, Object *f, const char *constructor, const char *tag)
{
    Text t = { 0 };
    char *name = function_name(in, f);
    FunctionCode *code = f->class_ == &closure_class ? ((Closure *)f)->code : NULL;
    if (code && (code->flags & CODE_CLASS_CONSTRUCTOR)) {
        text_printf(&t, "[class %s", name[0] ? name : "(anonymous)");
        Object *super = shape_prototype(f->shape);
        if (super && super != realm_intrinsic(in->vm, INTRINSIC_FunctionPrototype)) {
            char *super_name = function_name(in, super);
            if (super_name[0])
                text_printf(&t, " extends %s", super_name);
            free(super_name);
        }
        text_puts(&t, "]");
        free(name);
        return t.s;
    }
    const char *type = !code ? "Function"
                       : (code->flags & CODE_ASYNC) && (code->flags & CODE_GENERATOR) ? "AsyncGeneratorFunction"
                       : (code->flags & CODE_ASYNC) ? "AsyncFunction"
                       : (code->flags & CODE_GENERATOR) ? "GeneratorFunction" : "Function";
    text_printf(&t, "[%s", type);
    if (!constructor)
        text_puts(&t, " (null prototype)");
    if (name[0])
        text_printf(&t, ": %s]", name);
    else
        text_puts(&t, " (anonymous)]");
    if (constructor && strcmp(constructor, type) != 0 && strcmp(constructor, "Function") != 0)
        text_printf(&t, " %s", constructor);
    if (tag[0] && (!constructor || strcmp(constructor, tag) != 0))
        text_printf(&t, " [%s]", tag);
    free(name);
    return t.s;
}

/* formatError: the stack, or "[Name: message]" when it has no frames;
 * nested errors have their lines indented. */
static char *error_base(Inspector *in, Object *error)
{
    VM *vm = in->vm;
    Value stack = es_get(vm, error, es_key(vm, ATOM_stack));
    Text t = { 0 };
    char *text = NULL;
    if (!value_is_exception(stack) && value_is_string(stack)) {
        text = utf8_of(in, value_as_string(stack));
    } else {
        if (value_is_exception(stack))
            vm_take_exception(vm);
        Value s = es_invoke(vm, value_from_object(error), es_key(vm, ATOM_toString), 0, NULL);
        String *str = value_is_exception(s) ? NULL : es_to_string(vm, s);
        if (!str)
            vm_take_exception(vm);
        text = str ? utf8_of(in, str) : strdup("Error");
    }
    bool frames = strstr(text, "\n    at") != NULL;
    if (!frames)
        text_puts(&t, "[");
    for (char *p = text; *p; p++) {
        text_add(&t, p, 1);
        if (*p == '\n' && in->indentation)
            text_printf(&t, "%*s", in->indentation, "");
    }
    if (!frames)
        text_puts(&t, "]");
    free(text);
    return t.s;
}

/* [Number: 3], [String: 'ab'], [Boolean: true], [Symbol: Symbol(a)] */
static char *boxed_base(Inspector *in, Object *o)
{
    Value primitive = ((PrimitiveObject *)o)->primitive;
    Text t = { 0 };
    int saved = in->indentation;
    in->indentation = 0;
    char *inner = value_is_string(primitive) ? NULL : format_primitive(in, primitive);
    if (!inner) {
        Text q = { 0 };
        if (string_flatten(in->vm, value_as_string(primitive)))
            quote_string(&q, value_as_string(primitive));
        inner = q.s ? q.s : strdup("''");
    }
    in->indentation = saved;
    text_printf(&t, "[%s: %s]", o->class_->name, inner);
    free(inner);
    return t.s;
}

static bool is_boxed(Object *o)
{
    const ObjectClass *kind = object_kind(o);
    return kind == &number_object_class || kind == &string_object_class || kind == &boolean_object_class
           || kind == &symbol_object_class || kind == &bigint_object_class;
}

/* 1970-01-01T00:00:00.000Z (Invalid Date for NaN), after a prefix when
 * the constructor is not Date ("Foo 1970-...") */
static char *date_base(Object *o, const char *constructor, const char *tag)
{
    double tv = ((DateObject *)o)->date_value;
    char text[DATE_TEXT_MAX] = "Invalid Date";
    if (!isnan(tv))
        date_format_iso_string(tv, text);
    Text t = { 0 }, before = { 0 };
    text_puts(&t, "");
    text_puts(&before, "");
    prefix(&before, constructor, tag, "Date", "");
    if (strcmp(before.s, "Date ") != 0)
        text_puts(&t, before.s);
    text_puts(&t, text);
    free(before.s);
    return t.s;
}

/* ---- Objects ---- */

static int circular_index(Inspector *in, Object *o)
{
    for (int i = 0; i < in->circular_count; i++)
        if (in->circular[i] == o)
            return i + 1;
    return 0;
}

/* formatRaw: base, braces and entries of an object, then their layout. */
static char *format_raw(Inspector *in, Object *o, int recurse_times)
{
    VM *vm = in->vm;
    char *constructor = constructor_name(in, o);
    char *tag = string_tag(in, o, constructor);
    bool is_array = es_is_array(vm, value_from_object(o)) > 0;
    bool callable = o->header.flags & OBJECT_IS_CALLABLE;
    bool error = strcmp(o->class_->name, "Error") == 0;
    KeyList keys;
    key_list_init(vm, &keys);
    shown_keys(in, o, is_array || object_kind(o) == &string_object_class, &keys);
    Text open = { 0 }, base = { 0 };
    text_puts(&open, "");
    text_puts(&base, "");
    char *result = NULL;
    char size[24] = "";
    if (is_array) {
        snprintf(size, sizeof size, "(%u)", array_length_of(vm, o));
        if (!constructor || strcmp(constructor, "Array") != 0 || tag[0])
            prefix(&open, constructor, tag, "Array", size);
        text_puts(&open, "[");
        if (array_length_of(vm, o) == 0 && keys.count == 0 && !in->options.show_hidden)
            result = (text_puts(&open, "]"), strdup(open.s));
    } else {
        char *special = callable ? function_base(in, o, constructor, tag)
                        : error ? error_base(in, o) : is_boxed(o) ? boxed_base(in, o)
                        : o->class_ == &date_object_class ? date_base(o, constructor, tag) : NULL;
        if (special) {
            text_puts(&base, special);
            free(special);
            text_puts(&open, "{");
            if (keys.count == 0)
                result = strdup(base.s);
        } else {
            /* a module namespace object prints as [Module: null prototype] */
            const char *fallback = strcmp(o->class_->name, "Module") == 0 ? "Module" : "Object";
            if (!constructor || strcmp(constructor, "Object") != 0 || tag[0])
                prefix(&open, constructor, tag, fallback, "");
            text_puts(&open, "{");
            if (keys.count == 0)
                result = (text_puts(&open, "}"), strdup(open.s));
        }
    }
    if (!result && recurse_times > in->options.depth) {
        Text t = { 0 };
        text_printf(&t, "[%s]", constructor ? (tag[0] ? tag : constructor) : (is_array ? "Array" : "Object"));
        result = t.s;
    }
    if (!result) {
        recurse_times++;
        in->seen[in->seen_count++] = o;
        in->current_depth = recurse_times;
        Entries entries = { 0 };
        if (is_array)
            format_array_elements(in, o, recurse_times, &entries);
        bool has_more = is_array && array_length_of(vm, o) > MAX_ARRAY_LENGTH;
        for (uint32_t i = 0; i < keys.count && !in->failed; i++)
            entries_push(&entries, format_property(in, o, keys.keys[i], recurse_times, false));
        if (is_array && in->options.show_hidden) {
            Text t = { 0 };
            text_printf(&t, "[length]: %u", array_length_of(vm, o));
            entries_push(&entries, t.s);
        }
        in->seen_count--;
        int ref = circular_index(in, o);
        if (ref) {
            Text with_ref = { 0 };
            text_printf(&with_ref, base.len ? "<ref *%d> %s" : "<ref *%d>", ref, base.s);
            free(base.s);
            base = with_ref;
        }
        result = reduce_to_single_string(in, &entries, base.s, open.s, is_array ? "]" : "}", is_array,
                                         recurse_times, o, has_more && keys.count == 0);
        entries_free(&entries);
    }
    key_list_free(vm, &keys);
    free(open.s);
    free(base.s);
    free(constructor);
    free(tag);
    return result;
}

/* formatValue: primitives, circular references, objects. */
static char *format_value(Inspector *in, Value value, int recurse_times)
{
    if (in->failed)
        return strdup("");
    if (!value_is_object(value))
        return format_primitive(in, value);
    Object *o = value_as_object(value);
    for (int i = 0; i < in->seen_count; i++) {
        if (in->seen[i] != o)
            continue;
        int index = circular_index(in, o);
        if (!index && in->circular_count < 64) {
            in->circular[in->circular_count++] = o;
            index = in->circular_count;
        }
        Text t = { 0 };
        text_printf(&t, "[Circular *%d]", index);
        return t.s;
    }
    if (in->seen_count >= MAX_SEEN) {
        Text t = { 0 };
        text_puts(&t, "[Object]");
        return t.s;
    }
    return format_raw(in, o, recurse_times);
}

char *inspect_value(VM *vm, Value value, InspectOptions options)
{
    Inspector *in = calloc(1, sizeof *in);
    if (!in) {
        vm_throw_out_of_memory(vm);
        return NULL;
    }
    in->vm = vm;
    in->options = options;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, value);
    char *text = format_value(in, value, 0);
    GC_SCOPE_END(vm->heap);
    bool failed = in->failed;
    free(in);
    if (failed && vm->has_exception) {
        free(text);
        return NULL;
    }
    return text;
}
