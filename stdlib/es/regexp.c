/*
 * RegExp objects (ES2025 22.2.3 - 22.2.6): allocation and initialization,
 * the constructor, the flag and source accessors, toString, Annex B's
 * compile, and the installation of the whole built-in (see
 * regexp_internal.h for the other files).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stdlib/es/regexp_internal.h"
#include "stdlib/es/string_builder.h"

#define ARGS VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target

/* ---- The object ---- */

static void regexp_trace(GCTracer *tracer, Object *o)
{
    RegExpObject *r = (RegExpObject *)o;
    gc_mark_value(tracer, r->source);
    gc_mark_value(tracer, r->flags);
}

static void regexp_finalize(Heap *heap, Object *o)
{
    (void)heap;
    regexp_program_release(((RegExpObject *)o)->program);
    ((RegExpObject *)o)->program = NULL;
}

const ObjectClass regexp_object_class = {
    .name = "RegExp",
    ORDINARY_INTERNAL_METHODS,
    .trace = regexp_trace, .finalize = regexp_finalize,
};

Value regexp_throw_incompatible(VM *vm, const char *method, Value receiver)
{
    char *text = es_describe_value(vm, receiver);
    vm_throw_type_error(vm, "Method %s called on incompatible receiver %s", method, text ? text : "?");
    free(text);
    return VALUE_EXCEPTION;
}

/* ES2025 22.2.3.2 RegExpAlloc ( newTarget ): lastIndex is writable, not
 * enumerable, not configurable. */
static Object *regexp_alloc(VM *vm, Object *new_target)
{
    Object *proto = es_prototype_from_constructor(vm, new_target, INTRINSIC_RegExpPrototype);
    Object *o = proto ? object_new(vm, &regexp_object_class, sizeof(RegExpObject), proto) : NULL;
    if (!o)
        return NULL;
    RegExpObject *r = (RegExpObject *)o;
    r->source = VALUE_UNDEFINED;
    r->flags = VALUE_UNDEFINED;
    r->legacy = new_target == realm_intrinsic(vm, INTRINSIC_RegExp);
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    bool ok = object_define_data_property(vm, o, es_key(vm, ATOM_lastIndex), value_from_int32(0), PROP_WRITABLE);
    GC_SCOPE_END(vm->heap);
    return ok ? o : NULL;
}

/* UTF-16 units of a flat string (copied when Latin-1): malloc'd. */
static uint16_t *string_units(String *s)
{
    uint32_t len = string_length(s);
    uint16_t *units = malloc((len ? len : 1) * sizeof *units);
    for (uint32_t i = 0; units && i < len; i++)
        units[i] = string_char_at(s, i);
    return units;
}

static Value throw_syntax_error(VM *vm, String *pattern, String *flags, const char *message)
{
    char *p = string_to_utf8(pattern, NULL), *f = string_to_utf8(flags, NULL);
    vm_throw_error(vm, ERROR_KIND_SYNTAX, "Invalid regular expression: /%s/%s: %s", p ? p : "", f ? f : "",
                   message);
    free(p);
    free(f);
    return VALUE_EXCEPTION;
}

static Value throw_invalid_flags(VM *vm, String *flags)
{
    char *f = string_to_utf8(flags, NULL);
    vm_throw_error(vm, ERROR_KIND_SYNTAX, "Invalid flags supplied to RegExp constructor '%s'", f ? f : "");
    free(f);
    return VALUE_EXCEPTION;
}

/* Compiles pattern with flags into r: false after throwing. */
static bool regexp_set_program(VM *vm, RegExpObject *r, String *pattern, String *flags)
{
    uint16_t *flag_units = string_units(flags), *units = string_units(pattern);
    unsigned bits = 0;
    char message[128];
    RegexpProgram *program = NULL;
    bool flags_ok = flag_units && regexp_parse_flags(flag_units, string_length(flags), &bits);
    if (flags_ok && units)
        program = regexp_compile(units, string_length(pattern), bits, message, sizeof message);
    free(flag_units);
    free(units);
    if (!flag_units || !units)
        return vm_throw_out_of_memory(vm), false;
    if (!flags_ok)
        return throw_invalid_flags(vm, flags), false;
    if (!program)
        return throw_syntax_error(vm, pattern, flags, message), false;
    regexp_program_release(r->program);
    r->program = program;
    r->source = value_from_string(pattern);
    r->flags = value_from_string(flags);
    r->flag_bits = bits;
    return true;
}

/* ES2025 22.2.3.3 RegExpInitialize ( obj, pattern, flags ) */
static Value regexp_initialize(VM *vm, Object *o, Value pattern, Value flags)
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    String *p = value_is_undefined(pattern) ? string_empty(vm) : es_to_flat_string(vm, pattern);
    GC_ROOT_CELL(vm->heap, p);
    String *f = !p ? NULL : value_is_undefined(flags) ? string_empty(vm) : es_to_flat_string(vm, flags);
    GC_ROOT_CELL(vm->heap, f);
    bool ok = f && regexp_set_program(vm, (RegExpObject *)o, p, f) && regexp_set_last_index(vm, o, 0);
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(o) : VALUE_EXCEPTION;
}

Object *regexp_create(VM *vm, Value pattern, Value flags)
{
    Object *o = regexp_alloc(vm, realm_intrinsic(vm, INTRINSIC_RegExp));
    if (!o)
        return NULL;
    Value result = regexp_initialize(vm, o, pattern, flags);
    return value_is_exception(result) ? NULL : o;
}

Value stdlib_regexp_create(VM *vm, String *pattern, String *flags)
{
    Object *o = regexp_create(vm, value_from_string(pattern), value_from_string(flags));
    return o ? value_from_object(o) : VALUE_EXCEPTION;
}

/* The slot of r's own lastIndex when it is a writable data property of a
 * RegExp object (always, unless redefined): reads and writes then skip the
 * generic [[Get]] and [[Set]], which would find it there. */
static bool last_index_slot(VM *vm, Object *r, uint32_t *slot)
{
    uint8_t attributes;
    return r->class_ == &regexp_object_class &&
           shape_lookup(r->shape, es_key(vm, ATOM_lastIndex), slot, &attributes) &&
           (attributes & (PROP_WRITABLE | PROP_ACCESSOR)) == PROP_WRITABLE;
}

bool regexp_get_last_index(VM *vm, Object *r, double *value)
{
    uint32_t slot;
    Value v = last_index_slot(vm, r, &slot) ? r->slots[slot] : es_get(vm, r, es_key(vm, ATOM_lastIndex));
    if (value_is_int32(v) && value_as_int32(v) >= 0) {
        *value = value_as_int32(v);
        return true;
    }
    return !value_is_exception(v) && es_to_length(vm, v, value);
}

bool regexp_set_last_index(VM *vm, Object *r, double value)
{
    uint32_t slot;
    if (last_index_slot(vm, r, &slot)) {
        r->slots[slot] = value_from_number(value);
        return true;
    }
    return es_set(vm, r, es_key(vm, ATOM_lastIndex), value_from_number(value));
}

/* ---- The constructor ---- */

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
    return regexp_is_object(argument);
}

/* Steps 4-6 of the constructor: the pattern and flags to use. */
static bool constructor_source(VM *vm, Value pattern, Value flags, bool pattern_is_regexp, Value *p, Value *f)
{
    if (regexp_is_object(pattern) && ((RegExpObject *)value_as_object(pattern))->program) {
        RegExpObject *r = (RegExpObject *)value_as_object(pattern);
        *p = r->source;
        *f = value_is_undefined(flags) ? r->flags : flags;
        return true;
    }
    if (!pattern_is_regexp) {
        *p = pattern;
        *f = flags;
        return true;
    }
    *p = es_get(vm, value_as_object(pattern), es_key(vm, ATOM_source));
    if (value_is_exception(*p))
        return false;
    *f = flags;
    if (value_is_undefined(flags))
        *f = es_get(vm, value_as_object(pattern), es_key(vm, ATOM_flags));
    return !value_is_exception(*f);
}

/* ES2025 22.2.4.1 RegExp ( pattern, flags ) */
static Value regexp_constructor(ARGS)
{
    (void)this_value;
    Value pattern = es_arg(argc, argv, 0), flags = es_arg(argc, argv, 1);
    int pattern_is_regexp = is_regexp(vm, pattern);
    if (pattern_is_regexp < 0)
        return VALUE_EXCEPTION;
    Object *target = new_target;
    if (!target) {
        target = realm_intrinsic(vm, INTRINSIC_RegExp);
        if (pattern_is_regexp && value_is_undefined(flags)) {
            Value ctor = es_get(vm, value_as_object(pattern), es_key(vm, ATOM_constructor));
            if (value_is_exception(ctor))
                return ctor;
            if (ctor == value_from_object(target))
                return pattern;
        }
    }
    Value p = VALUE_UNDEFINED, f = VALUE_UNDEFINED;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, p);
    GC_ROOT(vm->heap, f);
    Object *o = NULL;
    GC_ROOT_CELL(vm->heap, o);
    Value result = VALUE_EXCEPTION;
    if (constructor_source(vm, pattern, flags, pattern_is_regexp, &p, &f) && (o = regexp_alloc(vm, target)))
        result = regexp_initialize(vm, o, p, f);
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ES2025 22.2.5.2 get RegExp [ %Symbol.species% ] */
static Value regexp_species(ARGS)
{
    (void)vm, (void)argc, (void)argv, (void)new_target;
    return this_value;
}

Value regexp_species_constructor(VM *vm, Object *o, Object *default_constructor)
{
    Value c = es_get(vm, o, es_key(vm, ATOM_constructor));
    if (value_is_exception(c) || value_is_undefined(c))
        return value_is_exception(c) ? c : value_from_object(default_constructor);
    if (!value_is_object(c))
        return vm_throw_type_error(vm, "The .constructor property is not an object");
    PropertyKey species = es_key_symbol(vm, WELL_KNOWN_species);
    Value s = value_is_exception(species) ? species : es_get(vm, value_as_object(c), species);
    if (value_is_exception(s) || value_is_nullish(s))
        return value_is_exception(s) ? s : value_from_object(default_constructor);
    if (es_is_constructor(s))
        return s;
    return vm_throw_type_error(vm, "object.constructor[Symbol.species] is not a constructor");
}

/* ---- Flag accessors (ES2025 22.2.6.x, 22.2.6.4.1 RegExpHasFlag) ---- */

typedef struct FlagGetter {
    const char *name;
    AtomId atom;
    unsigned bit;
    NativeFunction getter;
} FlagGetter;

static Value has_flag(VM *vm, Value this_value, unsigned bit, const char *name)
{
    if (regexp_is_object(this_value) && ((RegExpObject *)value_as_object(this_value))->program)
        return value_from_boolean(((RegExpObject *)value_as_object(this_value))->flag_bits & bit);
    if (this_value == value_from_object(realm_intrinsic(vm, INTRINSIC_RegExpPrototype)))
        return VALUE_UNDEFINED;
    return vm_throw_type_error(vm, "RegExp.prototype.%s getter called on non-RegExp object", name);
}

#define FLAG_GETTER(fn, bit, name) \
    static Value fn(ARGS) \
    { \
        (void)argc, (void)argv, (void)new_target; \
        return has_flag(vm, this_value, bit, name); \
    }
FLAG_GETTER(get_has_indices, REGEXP_FLAG_HAS_INDICES, "hasIndices")
FLAG_GETTER(get_global, REGEXP_FLAG_GLOBAL, "global")
FLAG_GETTER(get_ignore_case, REGEXP_FLAG_IGNORE_CASE, "ignoreCase")
FLAG_GETTER(get_multiline, REGEXP_FLAG_MULTILINE, "multiline")
FLAG_GETTER(get_dot_all, REGEXP_FLAG_DOT_ALL, "dotAll")
FLAG_GETTER(get_unicode, REGEXP_FLAG_UNICODE, "unicode")
FLAG_GETTER(get_unicode_sets, REGEXP_FLAG_UNICODE_SETS, "unicodeSets")
FLAG_GETTER(get_sticky, REGEXP_FLAG_STICKY, "sticky")

/* In the order of ES2025 22.2.6.4 get RegExp.prototype.flags. */
static const FlagGetter FLAG_GETTERS[] = {
    {"hasIndices", ATOM_hasIndices, 'd', get_has_indices}, {"global", ATOM_global, 'g', get_global},
    {"ignoreCase", ATOM_ignoreCase, 'i', get_ignore_case}, {"multiline", ATOM_multiline, 'm', get_multiline},
    {"dotAll", ATOM_dotAll, 's', get_dot_all}, {"unicode", ATOM_unicode, 'u', get_unicode},
    {"unicodeSets", ATOM_unicodeSets, 'v', get_unicode_sets}, {"sticky", ATOM_sticky, 'y', get_sticky},
};
#define FLAG_GETTER_COUNT (sizeof FLAG_GETTERS / sizeof FLAG_GETTERS[0])

/* ES2025 22.2.6.4 get RegExp.prototype.flags */
static Value regexp_flags_getter(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    if (!value_is_object(this_value)) {
        char *text = es_describe_value(vm, this_value);
        vm_throw_type_error(vm, "RegExp.prototype.flags getter called on non-object %s", text ? text : "?");
        free(text);
        return VALUE_EXCEPTION;
    }
    char result[FLAG_GETTER_COUNT + 1];
    size_t n = 0;
    for (size_t i = 0; i < FLAG_GETTER_COUNT; i++) {
        Value v = es_get(vm, value_as_object(this_value), es_key(vm, FLAG_GETTERS[i].atom));
        if (value_is_exception(v))
            return v;
        if (es_to_boolean(v))
            result[n++] = (char)FLAG_GETTERS[i].bit;
    }
    result[n] = '\0';
    String *s = string_from_latin1(vm, (const uint8_t *)result, (uint32_t)n);
    return s ? value_from_string(s) : VALUE_EXCEPTION;
}

/* ES2025 22.2.6.13.1 EscapeRegExpPattern: `/` outside classes and line
 * terminators escaped, as V8 writes them; "(?:)" for the empty pattern. */
static String *escape_pattern(VM *vm, String *source)
{
    uint32_t len = string_length(source);
    if (len == 0)
        return string_from_cstr(vm, "(?:)");
    StringBuilder sb;
    string_builder_init(&sb);
    bool in_class = false, escaped = false, ok = true;
    for (uint32_t i = 0; i < len && ok; i++) {
        uint16_t c = string_char_at(source, i);
        const char *replacement = c == '\n' ? "n" : c == '\r' ? "r" : c == 0x2028 ? "u2028" : c == 0x2029 ? "u2029" : NULL;
        if (replacement)
            ok = (escaped || string_builder_append_unit(vm, &sb, '\\')) && string_builder_append_cstr(vm, &sb, replacement);
        else if (c == '/' && !escaped && !in_class)
            ok = string_builder_append_cstr(vm, &sb, "\\/");
        else
            ok = string_builder_append_unit(vm, &sb, c);
        if (!escaped && c == '[')
            in_class = true;
        else if (!escaped && c == ']')
            in_class = false;
        escaped = !escaped && c == '\\';
    }
    if (!ok) {
        string_builder_free(&sb);
        return NULL;
    }
    return string_builder_finish(vm, &sb);
}

/* ES2025 22.2.6.13 get RegExp.prototype.source */
static Value regexp_get_source(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    if (!value_is_object(this_value)) {
        char *text = es_describe_value(vm, this_value);
        vm_throw_type_error(vm, "RegExp.prototype.source getter called on non-object %s", text ? text : "?");
        free(text);
        return VALUE_EXCEPTION;
    }
    if (!regexp_is_object(this_value) || !((RegExpObject *)value_as_object(this_value))->program) {
        if (this_value == value_from_object(realm_intrinsic(vm, INTRINSIC_RegExpPrototype))) {
            String *s = string_from_cstr(vm, "(?:)");
            return s ? value_from_string(s) : VALUE_EXCEPTION;
        }
        return vm_throw_type_error(vm, "RegExp.prototype.source getter called on non-RegExp object");
    }
    String *s = escape_pattern(vm, value_as_string(((RegExpObject *)value_as_object(this_value))->source));
    return s ? value_from_string(s) : VALUE_EXCEPTION;
}

/* ---- Methods ---- */

/* ES2025 22.2.6.17 RegExp.prototype.toString ( ) */
static Value regexp_to_string(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    if (!value_is_object(this_value))
        return regexp_throw_incompatible(vm, "RegExp.prototype.toString", this_value);
    Object *r = value_as_object(this_value);
    String *source = NULL, *flags = NULL;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, source);
    GC_ROOT_CELL(vm->heap, flags);
    Value v = es_get(vm, r, es_key(vm, ATOM_source));
    source = value_is_exception(v) ? NULL : es_to_string(vm, v);
    v = source ? es_get(vm, r, es_key(vm, ATOM_flags)) : VALUE_EXCEPTION;
    flags = value_is_exception(v) ? NULL : es_to_string(vm, v);
    StringBuilder sb;
    string_builder_init(&sb);
    bool ok = flags && string_builder_append_unit(vm, &sb, '/') && string_builder_append_string(vm, &sb, source)
              && string_builder_append_unit(vm, &sb, '/') && string_builder_append_string(vm, &sb, flags);
    String *result = ok ? string_builder_finish(vm, &sb) : NULL;
    if (!ok)
        string_builder_free(&sb);
    GC_SCOPE_END(vm->heap);
    return result ? value_from_string(result) : VALUE_EXCEPTION;
}

/* Annex B.2.4.1 RegExp.prototype.compile ( pattern, flags ) */
static Value regexp_compile_method(ARGS)
{
    (void)new_target;
    Value pattern = es_arg(argc, argv, 0), flags = es_arg(argc, argv, 1);
    if (!regexp_is_object(this_value))
        return regexp_throw_incompatible(vm, "RegExp.prototype.compile", this_value);
    if (!((RegExpObject *)value_as_object(this_value))->legacy)
        return vm_throw_type_error(vm, "RegExp.prototype.compile called on a RegExp subclass instance");
    if (regexp_is_object(pattern) && ((RegExpObject *)value_as_object(pattern))->program) {
        if (!value_is_undefined(flags))
            return vm_throw_type_error(vm, "Cannot supply flags when constructing one RegExp from another");
        RegExpObject *source = (RegExpObject *)value_as_object(pattern);
        pattern = source->source;
        flags = source->flags;
    }
    return regexp_initialize(vm, value_as_object(this_value), pattern, flags);
}

/* ---- RegExp.escape (ES2026 22.2.5.1) ---- */

static bool is_white_space_or_line_terminator(uint32_t c)
{
    return c == 0x09 || c == 0x0B || c == 0x0C || c == 0x20 || c == 0xA0 || c == 0xFEFF || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0x0A || c == 0x0D ||
           c == 0x2028 || c == 0x2029;
}

static bool append_hex(VM *vm, StringBuilder *sb, const char *prefix, uint32_t value, int digits)
{
    char text[8];
    snprintf(text, sizeof text, "%s%0*x", prefix, digits, value);
    return string_builder_append_cstr(vm, sb, text);
}

/* EncodeForRegExpEscape ( c ) */
static bool encode_for_escape(VM *vm, StringBuilder *sb, uint32_t c)
{
    static const char controls[] = "tnvfr";   /* ControlEscape for U+0009 .. U+000D */
    if (c < 0x80 && (strchr("^$\\.*+?()[]{}|/", (int)c) && c != 0))
        return string_builder_append_unit(vm, sb, '\\') && string_builder_append_unit(vm, sb, (uint16_t)c);
    if (c >= 0x09 && c <= 0x0D) {
        return string_builder_append_unit(vm, sb, '\\') &&
               string_builder_append_unit(vm, sb, (uint16_t)controls[c - 0x09]);
    }
    bool punctuator = c < 0x80 && c != 0 && strchr(",-=<>#&!%:;@~'`\"", (int)c);
    bool surrogate = c >= 0xD800 && c <= 0xDFFF;
    if (!punctuator && !surrogate && !is_white_space_or_line_terminator(c))
        return string_builder_append_code_point(vm, sb, c);
    if (c <= 0xFF)
        return append_hex(vm, sb, "\\x", c, 2);
    if (c <= 0xFFFF)
        return append_hex(vm, sb, "\\u", c, 4);
    return append_hex(vm, sb, "\\u", 0xD800 + ((c - 0x10000) >> 10), 4) &&
           append_hex(vm, sb, "\\u", 0xDC00 + ((c - 0x10000) & 0x3FF), 4);
}

static Value regexp_escape(ARGS)
{
    (void)this_value, (void)new_target;
    Value arg = es_arg(argc, argv, 0);
    if (!value_is_string(arg))
        return vm_throw_type_error(vm, "RegExp.escape requires a string");
    String *s = value_as_string(arg);
    if (!string_flatten(vm, s))
        return VALUE_EXCEPTION;
    StringBuilder sb;
    string_builder_init(&sb);
    bool ok = true;
    uint32_t len = string_length(s);
    for (uint32_t i = 0; i < len && ok;) {
        uint32_t c = string_char_at(s, i++);
        if (c >= 0xD800 && c <= 0xDBFF && i < len && string_char_at(s, i) >= 0xDC00 && string_char_at(s, i) <= 0xDFFF)
            c = 0x10000 + ((c - 0xD800) << 10) + (string_char_at(s, i++) - 0xDC00u);
        bool initial = sb.length == 0 && c < 0x80 && (isalnum((int)c) != 0);
        ok = initial ? append_hex(vm, &sb, "\\x", c, 2) : encode_for_escape(vm, &sb, c);
    }
    String *result = ok ? string_builder_finish(vm, &sb) : NULL;
    if (!ok)
        string_builder_free(&sb);
    return result ? value_from_string(result) : VALUE_EXCEPTION;
}

/* ---- Installation ---- */

static bool define_flag_getters(VM *vm, Object *proto)
{
    for (size_t i = 0; i < FLAG_GETTER_COUNT; i++) {
        PropertyKey key = es_key(vm, FLAG_GETTERS[i].atom);
        if (!es_define_accessor(vm, proto, key, FLAG_GETTERS[i].name, FLAG_GETTERS[i].getter, NULL))
            return false;
    }
    return es_define_accessor(vm, proto, es_key(vm, ATOM_flags), "flags", regexp_flags_getter, NULL) &&
           es_define_accessor(vm, proto, es_key(vm, ATOM_source), "source", regexp_get_source, NULL);
}

static bool install_statics(VM *vm, Realm *realm, Object *ctor)
{
    PropertyKey species = es_key_symbol(vm, WELL_KNOWN_species);
    return !value_is_exception(species) &&
           es_define_accessor(vm, ctor, species, "[Symbol.species]", regexp_species, NULL) &&
           es_define_method(vm, ctor, "escape", regexp_escape, 1) && regexp_install_legacy(vm, realm, ctor);
}

static bool install_prototype(VM *vm, Realm *realm, Object *proto)
{
    return regexp_install_exec(vm, realm, proto) && define_flag_getters(vm, proto) &&
           es_define_method(vm, proto, "compile", regexp_compile_method, 2) &&
           es_define_method(vm, proto, "toString", regexp_to_string, 0) &&
           regexp_install_symbols(vm, realm, proto) && regexp_install_replace(vm, proto);
}

bool stdlib_install_regexp(VM *vm, Realm *realm)
{
    Object *proto = es_ensure_intrinsic(vm, realm, INTRINSIC_RegExpPrototype,
                                        realm->intrinsics[INTRINSIC_ObjectPrototype]);
    Object *ctor = proto ? es_define_constructor(vm, realm, "RegExp", regexp_constructor, 2, proto) : NULL;
    if (!ctor)
        return false;
    realm->intrinsics[INTRINSIC_RegExp] = ctor;
    /* the properties are made on first use (vm/lazy_holder.c) */
    return regexp_make_legacy_state(vm, realm) &&
           realm_defer_constructor(vm, realm, ctor, install_statics, proto, install_prototype);
}
