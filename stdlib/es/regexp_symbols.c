/*
 * The RegExp methods that String.prototype delegates to (ES2025 22.2.6):
 * @@match, @@matchAll with %RegExpStringIteratorPrototype% (22.2.9),
 * @@search and @@split. @@replace is in regexp_replace.c.
 */
#include <stdlib.h>
#include <string.h>

#include "stdlib/es/iteration.h"
#include "stdlib/es/regexp_internal.h"

#define ARGS VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target

String *regexp_get_flags(VM *vm, Object *rx)
{
    Value flags = es_get(vm, rx, es_key(vm, ATOM_flags));
    return value_is_exception(flags) ? NULL : es_to_flat_string(vm, flags);
}

bool regexp_flags_have(String *flags, char letter)
{
    for (uint32_t i = 0; i < string_length(flags); i++) {
        if (string_char_at(flags, i) == (uint16_t)letter)
            return true;
    }
    return false;
}

/* After an empty match of a global search, lastIndex moves one character
 * on (ES2025 22.2.6.8 step 6.e.iii, 22.2.9.2.1 step 11.a.iii). */
static bool step_past_empty_match(VM *vm, Object *rx, String *s, bool full_unicode)
{
    double this_index;
    return regexp_get_last_index(vm, rx, &this_index) &&
           regexp_set_last_index(vm, rx, regexp_advance_string_index(s, this_index, full_unicode));
}

/* ToString(? Get(match, "0")) is empty: 1 / 0 / -1. */
static int match_is_empty(VM *vm, Value match)
{
    Value zero = es_get(vm, value_as_object(match), property_key_from_index(vm, 0));
    String *text = value_is_exception(zero) ? NULL : es_to_string(vm, zero);
    return text ? string_length(text) == 0 : -1;
}

/* ---- @@match ---- */

/* ES2025 22.2.6.8 steps 6-7: every match of a global RegExp. */
static Value match_all_strings(VM *vm, Object *rx, String *s, bool full_unicode)
{
    Object *a = NULL;
    Value result = VALUE_UNDEFINED, text = VALUE_UNDEFINED;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, a);
    GC_ROOT(vm->heap, result);
    GC_ROOT(vm->heap, text);
    bool ok = regexp_set_last_index(vm, rx, 0) && (a = es_array_new(vm, 0));
    for (uint32_t n = 0; ok; n++) {
        result = regexp_exec(vm, rx, s);
        if (value_is_exception(result) || value_is_null(result)) {
            ok = !value_is_exception(result);
            if (ok && n == 0)
                a = NULL;
            break;
        }
        text = es_get(vm, value_as_object(result), property_key_from_index(vm, 0));
        String *t = value_is_exception(text) ? NULL : es_to_string(vm, text);
        text = t ? value_from_string(t) : VALUE_UNDEFINED;
        ok = t && es_create_data_property_or_throw(vm, a, property_key_from_index(vm, n), text) &&
             (string_length(t) > 0 || step_past_empty_match(vm, rx, s, full_unicode));
    }
    GC_SCOPE_END(vm->heap);
    if (!ok)
        return VALUE_EXCEPTION;
    return a ? value_from_object(a) : VALUE_NULL;
}

/* ES2025 22.2.6.8 RegExp.prototype [ %Symbol.match% ] ( string ) */
static Value regexp_symbol_match(ARGS)
{
    (void)new_target;
    if (!value_is_object(this_value))
        return regexp_throw_incompatible(vm, "RegExp.prototype.@@match", this_value);
    Object *rx = value_as_object(this_value);
    String *s = es_to_flat_string(vm, es_arg(argc, argv, 0)), *flags = NULL;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, s);
    GC_ROOT_CELL(vm->heap, flags);
    Value result = VALUE_EXCEPTION;
    if (s && (flags = regexp_get_flags(vm, rx))) {
        if (!regexp_flags_have(flags, 'g'))
            result = regexp_exec(vm, rx, s);
        else
            result = match_all_strings(vm, rx, s, regexp_flags_have(flags, 'u') || regexp_flags_have(flags, 'v'));
    }
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ---- @@search ---- */

/* ES2025 22.2.6.12 RegExp.prototype [ %Symbol.search% ] ( string ) */
static Value regexp_symbol_search(ARGS)
{
    (void)new_target;
    if (!value_is_object(this_value))
        return regexp_throw_incompatible(vm, "RegExp.prototype.@@search", this_value);
    Object *rx = value_as_object(this_value);
    String *s = es_to_flat_string(vm, es_arg(argc, argv, 0));
    Value previous = VALUE_UNDEFINED, result = VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, s);
    GC_ROOT(vm->heap, previous);
    GC_ROOT(vm->heap, result);
    previous = s ? es_get(vm, rx, es_key(vm, ATOM_lastIndex)) : VALUE_EXCEPTION;
    int same = value_is_exception(previous) ? -1 : es_same_value(vm, previous, value_from_int32(0));
    bool ok = same >= 0 && (same || es_set(vm, rx, es_key(vm, ATOM_lastIndex), value_from_int32(0)));
    result = ok ? regexp_exec(vm, rx, s) : VALUE_EXCEPTION;
    Value current = value_is_exception(result) ? result : es_get(vm, rx, es_key(vm, ATOM_lastIndex));
    same = value_is_exception(current) ? -1 : es_same_value(vm, current, previous);
    ok = same >= 0 && (same || es_set(vm, rx, es_key(vm, ATOM_lastIndex), previous));
    if (!ok)
        result = VALUE_EXCEPTION;
    else if (value_is_null(result))
        result = value_from_int32(-1);
    else
        result = es_get(vm, value_as_object(result), es_key(vm, ATOM_index));
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ---- @@split ---- */

typedef struct Splitter {
    Object *splitter;             /* the sticky copy of the RegExp */
    Object *array;                /* A */
    uint32_t length;              /* lengthA */
    uint32_t limit;               /* lim */
    Value match;                  /* z, the current match */
    Value value;                  /* a capture being pushed */
} Splitter;

static bool push_value(VM *vm, Splitter *sp, Value value)
{
    return es_create_data_property_or_throw(vm, sp->array, property_key_from_index(vm, sp->length++), value);
}

static bool push_substring(VM *vm, Splitter *sp, String *s, uint32_t from, uint32_t to)
{
    String *t = string_substring(vm, s, from, to);
    return t && push_value(vm, sp, value_from_string(t));
}

/* Step 19.d.iv: the substring before a match and the match's captures.
 * *full when the limit is reached. */
static bool push_match(VM *vm, Splitter *sp, String *s, uint32_t p, uint32_t q, Value z, bool *full)
{
    *full = false;
    if (!push_substring(vm, sp, s, p, q))
        return false;
    if ((*full = sp->length == sp->limit))
        return true;
    double n;
    if (!es_length_of_array_like(vm, value_as_object(z), &n))
        return false;
    for (double i = 1; i < n; i++) {
        sp->value = es_get(vm, value_as_object(z), es_key_index(vm, i));
        if (value_is_exception(sp->value) || !push_value(vm, sp, sp->value))
            return false;
        if ((*full = sp->length == sp->limit))
            return true;
    }
    return true;
}

/* Steps 19-20: tries the sticky splitter at each index q. */
static bool split_loop(VM *vm, Splitter *sp, String *s, bool unicode_matching)
{
    uint32_t size = string_length(s), p = 0, q = 0;
    while (q < size) {
        if (!regexp_set_last_index(vm, sp->splitter, q))
            return false;
        Value z = sp->match = regexp_exec(vm, sp->splitter, s);
        if (value_is_exception(z))
            return false;
        double e = 0;
        if (!value_is_null(z) && !regexp_get_last_index(vm, sp->splitter, &e))
            return false;
        e = e < size ? e : size;
        if (value_is_null(z) || e == p) {
            q = (uint32_t)regexp_advance_string_index(s, q, unicode_matching);
            continue;
        }
        bool full;
        if (!push_match(vm, sp, s, p, q, z, &full))
            return false;
        if (full)
            return true;
        p = q = (uint32_t)e;
    }
    return push_substring(vm, sp, s, p, size);
}

/* Steps 4-11: the splitter, a new RegExp with the y flag. */
static Object *make_splitter(VM *vm, Object *rx, String **flags_out)
{
    Value c = regexp_species_constructor(vm, rx, realm_intrinsic(vm, INTRINSIC_RegExp));
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, c);
    String *flags = value_is_exception(c) ? NULL : regexp_get_flags(vm, rx);
    GC_ROOT_CELL(vm->heap, flags);
    String *new_flags = flags;
    String *y = NULL;
    GC_ROOT_CELL(vm->heap, new_flags);
    GC_ROOT_CELL(vm->heap, y);
    if (flags && !regexp_flags_have(flags, 'y')) {
        y = string_from_cstr(vm, "y");
        new_flags = y ? string_concat(vm, flags, y) : NULL;
        if (!new_flags)
            flags = NULL;
    }
    Value result = VALUE_EXCEPTION;
    if (flags) {
        Value args[2] = { value_from_object(rx), value_from_string(new_flags) };
        result = vm_construct(vm, c, 2, args, c);
    }
    *flags_out = flags;
    GC_SCOPE_END(vm->heap);
    return value_is_exception(result) ? NULL : value_as_object(result);
}

/* ES2025 22.2.6.14 RegExp.prototype [ %Symbol.split% ] ( string, limit ) */
static Value regexp_symbol_split(ARGS)
{
    (void)new_target;
    if (!value_is_object(this_value))
        return regexp_throw_incompatible(vm, "RegExp.prototype.@@split", this_value);
    Value limit = es_arg(argc, argv, 1);
    Splitter sp = { .limit = UINT32_MAX, .match = VALUE_UNDEFINED, .value = VALUE_UNDEFINED };
    String *s = es_to_flat_string(vm, es_arg(argc, argv, 0)), *flags = NULL;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, s);
    GC_ROOT_CELL(vm->heap, flags);
    GC_ROOT_CELL(vm->heap, sp.splitter);
    GC_ROOT_CELL(vm->heap, sp.array);
    GC_ROOT(vm->heap, sp.value);
    GC_ROOT(vm->heap, sp.match);
    bool ok = s && (sp.splitter = make_splitter(vm, value_as_object(this_value), &flags)) &&
              (sp.array = es_array_new(vm, 0)) &&
              (value_is_undefined(limit) || es_to_uint32(vm, limit, &sp.limit));
    bool unicode = ok && (regexp_flags_have(flags, 'u') || regexp_flags_have(flags, 'v'));
    if (ok && sp.limit > 0 && string_length(s) == 0) {
        sp.value = regexp_exec(vm, sp.splitter, s);
        ok = !value_is_exception(sp.value) && (!value_is_null(sp.value) || push_value(vm, &sp, value_from_string(s)));
    } else if (ok && sp.limit > 0) {
        ok = split_loop(vm, &sp, s, unicode);
    }
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(sp.array) : VALUE_EXCEPTION;
}

/* ---- @@matchAll and %RegExpStringIteratorPrototype% ---- */

typedef struct RegExpStringIterator {
    Object object;
    Value regexp;                 /* [[IteratingRegExp]] */
    Value string;                 /* [[IteratedString]] */
    bool global, full_unicode, done;
} RegExpStringIterator;

static void iterator_trace(GCTracer *tracer, Object *o)
{
    gc_mark_value(tracer, ((RegExpStringIterator *)o)->regexp);
    gc_mark_value(tracer, ((RegExpStringIterator *)o)->string);
}

static const ObjectClass regexp_string_iterator_class = {
    .name = "RegExp String Iterator",
    ORDINARY_INTERNAL_METHODS,
    .trace = iterator_trace,
};

/* ES2025 22.2.9.1 CreateRegExpStringIterator */
static Value create_iterator(VM *vm, Object *matcher, String *s, String *flags)
{
    Object *proto = realm_intrinsic(vm, INTRINSIC_RegExpStringIteratorPrototype);
    Object *o = object_new(vm, &regexp_string_iterator_class, sizeof(RegExpStringIterator), proto);
    if (!o)
        return VALUE_EXCEPTION;
    RegExpStringIterator *it = (RegExpStringIterator *)o;
    it->regexp = value_from_object(matcher);
    it->string = value_from_string(s);
    it->global = regexp_flags_have(flags, 'g');
    it->full_unicode = regexp_flags_have(flags, 'u') || regexp_flags_have(flags, 'v');
    return value_from_object(o);
}

/* ES2025 22.2.6.9 RegExp.prototype [ %Symbol.matchAll% ] ( string ) */
static Value regexp_symbol_match_all(ARGS)
{
    (void)new_target;
    if (!value_is_object(this_value))
        return regexp_throw_incompatible(vm, "RegExp.prototype.@@matchAll", this_value);
    Object *r = value_as_object(this_value), *matcher = NULL;
    String *s = es_to_flat_string(vm, es_arg(argc, argv, 0)), *flags = NULL;
    Value c = VALUE_UNDEFINED, result = VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, s);
    GC_ROOT_CELL(vm->heap, flags);
    GC_ROOT_CELL(vm->heap, matcher);
    GC_ROOT(vm->heap, c);
    c = s ? regexp_species_constructor(vm, r, realm_intrinsic(vm, INTRINSIC_RegExp)) : VALUE_EXCEPTION;
    flags = value_is_exception(c) ? NULL : regexp_get_flags(vm, r);
    if (flags) {
        Value args[2] = { value_from_object(r), value_from_string(flags) };
        Value m = vm_construct(vm, c, 2, args, c);
        matcher = value_is_exception(m) ? NULL : value_as_object(m);
    }
    double last_index;
    if (matcher && regexp_get_last_index(vm, r, &last_index) && regexp_set_last_index(vm, matcher, last_index))
        result = create_iterator(vm, matcher, s, flags);
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ES2025 22.2.9.2.1 %RegExpStringIteratorPrototype%.next ( ) */
static Value regexp_string_iterator_next(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    if (!value_is_object(this_value) || value_as_object(this_value)->class_ != &regexp_string_iterator_class)
        return regexp_throw_incompatible(vm, "%RegExpStringIterator%.prototype.next", this_value);
    RegExpStringIterator *it = (RegExpStringIterator *)value_as_object(this_value);
    if (it->done)
        return es_iter_result(vm, VALUE_UNDEFINED, true);
    Object *rx = value_as_object(it->regexp);
    String *s = value_as_string(it->string);
    Value match = regexp_exec(vm, rx, s);
    if (value_is_exception(match))
        return match;
    if (value_is_null(match)) {
        it->done = true;
        return es_iter_result(vm, VALUE_UNDEFINED, true);
    }
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, match);
    bool ok = true;
    if (it->global) {
        int empty = match_is_empty(vm, match);
        ok = empty == 0 || (empty > 0 && step_past_empty_match(vm, rx, s, it->full_unicode));
    } else {
        it->done = true;
    }
    Value result = ok ? es_iter_result(vm, match, false) : VALUE_EXCEPTION;
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ---- Installation ---- */

bool regexp_install_symbols(VM *vm, Realm *realm, Object *proto)
{
    Object *it_proto = es_ensure_intrinsic(vm, realm, INTRINSIC_RegExpStringIteratorPrototype,
                                           realm->intrinsics[INTRINSIC_IteratorPrototype]);
    return it_proto && es_define_method(vm, it_proto, "next", regexp_string_iterator_next, 0) &&
           es_define_to_string_tag(vm, it_proto, "RegExp String Iterator") &&
           es_define_symbol_method(vm, proto, WELL_KNOWN_match, regexp_symbol_match, 1, ES_ATTRS_METHOD) &&
           es_define_symbol_method(vm, proto, WELL_KNOWN_matchAll, regexp_symbol_match_all, 1, ES_ATTRS_METHOD) &&
           es_define_symbol_method(vm, proto, WELL_KNOWN_search, regexp_symbol_search, 1, ES_ATTRS_METHOD) &&
           es_define_symbol_method(vm, proto, WELL_KNOWN_split, regexp_symbol_split, 2, ES_ATTRS_METHOD);
}
