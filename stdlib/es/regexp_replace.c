/*
 * RegExp.prototype [ %Symbol.replace% ] (ES2025 22.2.6.11) and
 * GetSubstitution (ES2025 22.1.3.19.1) with captures and named captures.
 */
#include <stdlib.h>

#include "stdlib/es/regexp_internal.h"
#include "stdlib/es/string_builder.h"

#define ARGS VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target

/* ---- GetSubstitution ---- */

typedef struct Substitution {
    String *matched;
    String *str;
    uint32_t position;
    const Value *captures;        /* Strings or undefined, rooted by the caller */
    uint32_t capture_count;
    Value named_captures;         /* an object or undefined */
    String *template_;
} Substitution;

static bool is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

static bool append_value(VM *vm, StringBuilder *sb, Value value)
{
    if (value_is_undefined(value))
        return true;
    String *s = es_to_string(vm, value);
    return s && string_builder_append_string(vm, sb, s);
}

/* `$` followed by digits at i: appends the capture (or the text) and
 * returns the length of the reference. */
static uint32_t numbered_reference(VM *vm, StringBuilder *sb, const Substitution *sub, uint32_t i, bool *ok)
{
    uint32_t len = string_length(sub->template_);
    uint32_t d1 = string_char_at(sub->template_, i + 1) - '0';
    bool two = i + 2 < len && is_digit(string_char_at(sub->template_, i + 2));
    uint32_t index = two ? d1 * 10 + (string_char_at(sub->template_, i + 2) - '0') : d1;
    if (two && index > sub->capture_count) {
        two = false;
        index = d1;
    }
    uint32_t ref_len = two ? 3 : 2;
    if (index >= 1 && index <= sub->capture_count)
        *ok = append_value(vm, sb, sub->captures[index - 1]);
    else
        *ok = string_builder_append_substring(vm, sb, sub->template_, i, i + ref_len);
    return ref_len;
}

/* `$<` at i: a named capture when there is a `>` and named captures. */
static uint32_t named_reference(VM *vm, StringBuilder *sb, const Substitution *sub, uint32_t i, bool *ok)
{
    uint32_t len = string_length(sub->template_), gt = i + 2;
    while (gt < len && string_char_at(sub->template_, gt) != '>')
        gt++;
    if (gt >= len || value_is_undefined(sub->named_captures)) {
        *ok = string_builder_append_substring(vm, sb, sub->template_, i, i + 2);
        return 2;
    }
    String *name = string_substring(vm, sub->template_, i + 2, gt);
    PropertyKey key = VALUE_UNDEFINED;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, name);
    GC_ROOT(vm->heap, key);
    key = name ? property_key_from_value(vm, value_from_string(name)) : VALUE_EXCEPTION;
    Value capture = value_is_exception(key) ? key : es_get(vm, value_as_object(sub->named_captures), key);
    *ok = !value_is_exception(capture) && append_value(vm, sb, capture);
    GC_SCOPE_END(vm->heap);
    return gt + 1 - i;
}

/* One `$` reference at i: its length (0: not a reference). */
static uint32_t reference(VM *vm, StringBuilder *sb, const Substitution *sub, uint32_t i, bool *ok)
{
    uint32_t len = string_length(sub->template_), str_len = string_length(sub->str);
    uint16_t next = i + 1 < len ? string_char_at(sub->template_, i + 1) : 0;
    uint32_t tail = sub->position + string_length(sub->matched);
    switch (next) {
    case '$': *ok = string_builder_append_unit(vm, sb, '$'); return 2;
    case '`': *ok = string_builder_append_substring(vm, sb, sub->str, 0, sub->position); return 2;
    case '&': *ok = string_builder_append_string(vm, sb, sub->matched); return 2;
    case '\'':
        *ok = tail >= str_len || string_builder_append_substring(vm, sb, sub->str, tail, str_len);
        return 2;
    case '<': return named_reference(vm, sb, sub, i, ok);
    default:
        if (is_digit(next))
            return numbered_reference(vm, sb, sub, i, ok);
        return 0;
    }
}

static bool get_substitution(VM *vm, StringBuilder *sb, const Substitution *sub)
{
    uint32_t len = string_length(sub->template_);
    bool ok = true;
    for (uint32_t i = 0; i < len && ok;) {
        uint16_t c = string_char_at(sub->template_, i);
        uint32_t taken = c == '$' ? reference(vm, sb, sub, i, &ok) : 0;
        if (taken == 0) {
            ok = string_builder_append_unit(vm, sb, c);
            taken = 1;
        }
        i += taken;
    }
    return ok;
}

/* ---- @@replace ---- */

/* A growable array of values, rooted with gc_root_values by its owner. */
typedef struct Values {
    Value *items;
    uint32_t count, capacity;
} Values;

static bool values_push(VM *vm, Values *list, Value value)
{
    if (list->count == list->capacity) {
        uint32_t capacity = list->capacity ? list->capacity * 2 : 8;
        Value *items = realloc(list->items, capacity * sizeof *items);
        if (!items) {
            vm_throw_out_of_memory(vm);
            return false;
        }
        list->items = items;
        list->capacity = capacity;
    }
    list->items[list->count++] = value;
    return true;
}

typedef struct Replacer {
    Object *rx;
    String *s;
    Value replace_value;          /* a callable, or the template String */
    Values results;
    Values args;                  /* « matched, captures..., position, S, groups? » */
    StringBuilder sb;             /* accumulatedResult */
    uint32_t next_source_position;
} Replacer;

/* ToString(? Get(result, "0")): NULL after throwing. */
static String *matched_text(VM *vm, Value result)
{
    Value zero = es_get(vm, value_as_object(result), property_key_from_index(vm, 0));
    return value_is_exception(zero) ? NULL : es_to_string(vm, zero);
}

/* Step 11: the results of every match (only the first unless global). */
static bool collect_results(VM *vm, Replacer *r, bool global, bool full_unicode)
{
    if (global && !regexp_set_last_index(vm, r->rx, 0))
        return false;
    for (;;) {
        Value result = regexp_exec(vm, r->rx, r->s);
        if (value_is_exception(result) || value_is_null(result))
            return !value_is_exception(result);
        if (!values_push(vm, &r->results, result))
            return false;
        if (!global)
            return true;
        String *text = matched_text(vm, result);
        if (!text)
            return false;
        double this_index;
        if (string_length(text) == 0 &&
            !(regexp_get_last_index(vm, r->rx, &this_index) &&
              regexp_set_last_index(vm, r->rx, regexp_advance_string_index(r->s, this_index, full_unicode))))
            return false;
    }
}

/* Step 14.a-i: r->args := « matched, captures... »; *position clamped. */
static bool read_result(VM *vm, Replacer *r, Object *result, double *position)
{
    double length;
    if (!es_length_of_array_like(vm, result, &length))
        return false;
    String *matched = matched_text(vm, value_from_object(result));
    if (!matched || !values_push(vm, &r->args, value_from_string(matched)))
        return false;
    Value index = es_get(vm, result, es_key(vm, ATOM_index));
    if (value_is_exception(index) || !es_to_integer_or_infinity(vm, index, position))
        return false;
    double len = string_length(r->s);
    *position = *position < 0 ? 0 : *position > len ? len : *position;
    for (double n = 1; n < length; n++) {
        Value cap = es_get(vm, result, es_key_index(vm, n));
        if (value_is_exception(cap))
            return false;
        String *text = value_is_undefined(cap) ? NULL : es_to_string(vm, cap);
        if (!value_is_undefined(cap) && !text)
            return false;
        if (!values_push(vm, &r->args, text ? value_from_string(text) : VALUE_UNDEFINED))
            return false;
    }
    return true;
}

/* Step 14.j-k: the replacement string of one result (appended to piece). */
static bool replacement_of(VM *vm, Replacer *r, double position, Value groups, StringBuilder *piece)
{
    uint32_t capture_count = r->args.count - 1;
    if (value_is_callable(r->replace_value)) {
        bool ok = values_push(vm, &r->args, value_from_number(position)) &&
                  values_push(vm, &r->args, value_from_string(r->s)) &&
                  (value_is_undefined(groups) || values_push(vm, &r->args, groups));
        Value v = ok ? vm_call(vm, r->replace_value, VALUE_UNDEFINED, r->args.count, r->args.items) : VALUE_EXCEPTION;
        String *text = !value_is_exception(v) && values_push(vm, &r->args, v) ? es_to_string(vm, v) : NULL;
        return text && string_builder_append_string(vm, piece, text);
    }
    Object *named = value_is_undefined(groups) ? NULL : es_to_object(vm, groups);
    if (!value_is_undefined(groups) && !(named && values_push(vm, &r->args, value_from_object(named))))
        return false;
    Substitution sub = {
        .matched = value_as_string(r->args.items[0]), .str = r->s, .position = (uint32_t)position,
        .captures = r->args.items + 1, .capture_count = capture_count,
        .named_captures = named ? value_from_object(named) : VALUE_UNDEFINED,
        .template_ = value_as_string(r->replace_value),
    };
    return get_substitution(vm, piece, &sub);
}

/* Step 14 for one result: appends the source before the match and the
 * replacement, unless the match overlaps an earlier one. */
static bool replace_one(VM *vm, Replacer *r, Value result)
{
    double position;
    r->args.count = 0;
    if (!value_is_object(result) || !read_result(vm, r, value_as_object(result), &position))
        return false;
    Value groups = es_get(vm, value_as_object(result), es_key(vm, ATOM_groups));
    if (value_is_exception(groups))
        return false;
    StringBuilder piece;
    string_builder_init(&piece);
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, groups);
    bool replaced = replacement_of(vm, r, position, groups, &piece);
    GC_SCOPE_END(vm->heap);
    if (!replaced) {
        string_builder_free(&piece);
        return false;
    }
    uint32_t matched_length = string_length(value_as_string(r->args.items[0]));
    bool ok = true;
    if (position >= r->next_source_position) {
        ok = string_builder_append_substring(vm, &r->sb, r->s, r->next_source_position, (uint32_t)position) &&
             true;
        for (uint32_t i = 0; ok && i < piece.length; i++)
            ok = string_builder_append_unit(vm, &r->sb, piece.units[i]);
        r->next_source_position = (uint32_t)position + matched_length;
    }
    string_builder_free(&piece);
    return ok;
}

/* ES2025 22.2.6.11 RegExp.prototype [ %Symbol.replace% ] ( string, replaceValue ) */
static Value regexp_symbol_replace(ARGS)
{
    (void)new_target;
    if (!value_is_object(this_value))
        return regexp_throw_incompatible(vm, "RegExp.prototype.@@replace", this_value);
    Replacer r = { .rx = value_as_object(this_value), .replace_value = es_arg(argc, argv, 1) };
    String *flags = NULL, *result = NULL;
    string_builder_init(&r.sb);
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, r.s);
    GC_ROOT(vm->heap, r.replace_value);
    GC_ROOT_CELL(vm->heap, flags);
    gc_root_values(vm->heap, &r.results.items, &r.results.count);
    gc_root_values(vm->heap, &r.args.items, &r.args.count);
    r.s = es_to_flat_string(vm, es_arg(argc, argv, 0));
    String *template_ = !r.s || value_is_callable(r.replace_value) ? NULL : es_to_flat_string(vm, r.replace_value);
    bool ok = r.s && (value_is_callable(r.replace_value) || template_);
    if (template_)
        r.replace_value = value_from_string(template_);
    ok = ok && (flags = regexp_get_flags(vm, r.rx));
    if (ok) {
        bool full_unicode = regexp_flags_have(flags, 'u') || regexp_flags_have(flags, 'v');
        ok = collect_results(vm, &r, regexp_flags_have(flags, 'g'), full_unicode);
    }
    for (uint32_t i = 0; ok && i < r.results.count; i++)
        ok = replace_one(vm, &r, r.results.items[i]);
    uint32_t len = ok ? string_length(r.s) : 0;
    ok = ok && (r.next_source_position >= len ||
                string_builder_append_substring(vm, &r.sb, r.s, r.next_source_position, len));
    result = ok ? string_builder_finish(vm, &r.sb) : NULL;
    if (!ok)
        string_builder_free(&r.sb);
    GC_SCOPE_END(vm->heap);
    free(r.results.items);
    free(r.args.items);
    return result ? value_from_string(result) : VALUE_EXCEPTION;
}

bool regexp_install_replace(VM *vm, Object *proto)
{
    return es_define_symbol_method(vm, proto, WELL_KNOWN_replace, regexp_symbol_replace, 2, ES_ATTRS_METHOD);
}
