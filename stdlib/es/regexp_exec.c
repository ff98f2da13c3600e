/*
 * Running a RegExp (ES2025 22.2.7): RegExpBuiltinExec with its match
 * array (index, input, groups, and indices for the d flag), RegExpExec,
 * and RegExp.prototype.exec / test.
 */
#include <stdlib.h>
#include <string.h>

#include "stdlib/es/regexp_internal.h"

#define ARGS VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target

double regexp_advance_string_index(String *s, double index, bool unicode)
{
    uint32_t len = string_length(s);
    if (!unicode || index + 1 >= len)
        return index + 1;
    uint16_t lead = string_char_at(s, (uint32_t)index), trail = string_char_at(s, (uint32_t)index + 1);
    bool pair = lead >= 0xD800 && lead <= 0xDBFF && trail >= 0xDC00 && trail <= 0xDFFF;
    return index + (pair ? 2 : 1);
}

/* ---- The match array ---- */

/* The substring of capture k, or undefined. */
static Value capture_value(VM *vm, String *s, const int32_t *captures, uint32_t k)
{
    if (captures[2 * k] < 0)
        return VALUE_UNDEFINED;
    String *sub = string_substring(vm, s, (uint32_t)captures[2 * k], (uint32_t)captures[2 * k + 1]);
    return sub ? value_from_string(sub) : VALUE_EXCEPTION;
}

static Value group_name_key(VM *vm, const RegexpProgram *program, uint32_t k)
{
    uint32_t len;
    const uint16_t *name = regexp_group_name(program, k, &len);
    if (!name)
        return VALUE_UNDEFINED;
    String *s = string_from_utf16(vm, name, len);
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, s);
    Value key = s ? property_key_from_value(vm, value_from_string(s)) : VALUE_EXCEPTION;
    GC_SCOPE_END(vm->heap);
    return key;
}

static bool define(VM *vm, Object *o, PropertyKey key, Value value)
{
    return !value_is_exception(key) && !value_is_exception(value) && es_create_data_property_or_throw(vm, o, key, value);
}

/* Sets groups[name of k] = value when group k is named, unless an earlier
 * group of that name has matched (duplicate named groups, ES2025 22.2.7.2
 * step 33: the property is created at the name's first group, in source
 * order, and holds the value of the group that matched). */
static bool define_group(VM *vm, const RegexpProgram *program, const int32_t *captures, Object *groups, uint32_t k,
                         Value value)
{
    uint32_t len;
    const uint16_t *name = regexp_group_name(program, k, &len);
    if (!groups || !name)
        return true;
    for (uint32_t j = 1; j < k; j++) {
        uint32_t other_len;
        const uint16_t *other = regexp_group_name(program, j, &other_len);
        bool same = other && other_len == len && memcmp(other, name, len * sizeof *name) == 0;
        if (same && captures[2 * j] >= 0)
            return true;
    }
    Value key = VALUE_UNDEFINED;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, value);
    GC_ROOT(vm->heap, key);
    key = group_name_key(vm, program, k);
    bool ok = define(vm, groups, key, value);
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* A new object with a null prototype, or NULL without named groups. */
static bool new_groups(VM *vm, const RegexpProgram *program, Object **groups)
{
    *groups = NULL;
    if (!regexp_has_named_groups(program))
        return true;
    *groups = object_new_ordinary(vm, NULL);
    return *groups != NULL;
}

/* ES2025 22.2.7.8 MakeMatchIndicesIndexPairArray */
static Value make_indices(VM *vm, const RegexpProgram *program, const int32_t *captures)
{
    uint32_t n = regexp_capture_count(program);
    Object *a = es_array_new(vm, 0), *groups = NULL, *pair = NULL;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, a);
    GC_ROOT_CELL(vm->heap, groups);
    GC_ROOT_CELL(vm->heap, pair);
    bool ok = a && new_groups(vm, program, &groups) &&
              define(vm, a, es_key(vm, ATOM_groups), groups ? value_from_object(groups) : VALUE_UNDEFINED);
    for (uint32_t k = 0; ok && k < n; k++) {
        Value value = VALUE_UNDEFINED;
        if (captures[2 * k] >= 0) {
            Value ends[2] = { value_from_int32(captures[2 * k]), value_from_int32(captures[2 * k + 1]) };
            pair = es_array_from_list(vm, ends, 2);
            value = pair ? value_from_object(pair) : VALUE_EXCEPTION;
        }
        ok = define(vm, a, property_key_from_index(vm, k), value) &&
             (k == 0 || define_group(vm, program, captures, groups, k, value));
    }
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(a) : VALUE_EXCEPTION;
}

/* ES2025 22.2.7.2 steps 20-35: the array of a match. */
static Value match_array(VM *vm, RegExpObject *r, String *s, const int32_t *captures)
{
    const RegexpProgram *program = r->program;
    uint32_t n = regexp_capture_count(program);
    Object *a = es_array_new(vm, 0), *groups = NULL;
    Value value = VALUE_UNDEFINED;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, a);
    GC_ROOT_CELL(vm->heap, groups);
    GC_ROOT(vm->heap, value);
    bool ok = a && define(vm, a, es_key(vm, ATOM_index), value_from_int32(captures[0])) &&
              define(vm, a, es_key(vm, ATOM_input), value_from_string(s)) && new_groups(vm, program, &groups);
    for (uint32_t k = 0; ok && k < n; k++) {
        value = capture_value(vm, s, captures, k);
        ok = define(vm, a, property_key_from_index(vm, k), value) &&
             (k == 0 || define_group(vm, program, captures, groups, k, value));
        if (ok && k == 0)
            ok = define(vm, a, es_key(vm, ATOM_groups), groups ? value_from_object(groups) : VALUE_UNDEFINED);
    }
    if (ok && (r->flag_bits & REGEXP_FLAG_HAS_INDICES)) {
        value = make_indices(vm, program, captures);
        ok = define(vm, a, es_key(vm, ATOM_indices), value);
    }
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(a) : VALUE_EXCEPTION;
}

/* ---- RegExpBuiltinExec ---- */

static RegexpResult run_matcher(VM *vm, RegExpObject *r, String *s, uint32_t start, int32_t *captures)
{
    RegexpInput input = { .length = string_length(s) };
    if (string_is_latin1(s))
        input.latin1 = string_latin1_chars(s);
    else
        input.utf16 = string_utf16_units(s);
    (void)vm;
    return regexp_match(r->program, &input, start, (r->flag_bits & REGEXP_FLAG_STICKY) != 0, captures);
}

static Value match_failed(VM *vm, Object *r, bool update_last_index)
{
    if (update_last_index && !regexp_set_last_index(vm, r, 0))
        return VALUE_EXCEPTION;
    return VALUE_NULL;
}

Value regexp_builtin_exec(VM *vm, RegExpObject *r, String *s)
{
    Object *o = &r->object;
    double last_index;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    GC_ROOT_CELL(vm->heap, s);
    Value result = VALUE_EXCEPTION;
    if (!string_flatten(vm, s) || !regexp_get_last_index(vm, o, &last_index))
        goto done;
    bool global_or_sticky = (r->flag_bits & (REGEXP_FLAG_GLOBAL | REGEXP_FLAG_STICKY)) != 0;
    if (!global_or_sticky)
        last_index = 0;
    if (last_index > string_length(s)) {
        result = match_failed(vm, o, global_or_sticky);
        goto done;
    }
    int32_t local[64];
    uint32_t slots = 2 * regexp_capture_count(r->program);
    int32_t *captures = slots <= 64 ? local : malloc(slots * sizeof(int32_t));
    RegexpResult matched = captures ? run_matcher(vm, r, s, (uint32_t)last_index, captures) : REGEXP_OUT_OF_MEMORY;
    if (matched == REGEXP_STACK_OVERFLOW)
        vm_throw_range_error(vm, "Maximum call stack size exceeded");
    else if (matched == REGEXP_OUT_OF_MEMORY)
        vm_throw_out_of_memory(vm);
    else if (matched == REGEXP_NO_MATCH)
        result = match_failed(vm, o, global_or_sticky);
    else if (!global_or_sticky || regexp_set_last_index(vm, o, captures[1])) {
        regexp_legacy_update(vm, r, s, captures);
        result = match_array(vm, r, s, captures);
    }
    if (captures != local)
        free(captures);
done:
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ES2025 22.2.7.1 RegExpExec ( R, S ) */
Value regexp_exec(VM *vm, Object *r, String *s)
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, r);
    GC_ROOT_CELL(vm->heap, s);
    Value exec = es_get(vm, r, es_key(vm, ATOM_exec));
    Value result = exec;
    if (exec == value_from_object(realm_intrinsic(vm, INTRINSIC_RegExpPrototypeExec)) &&
        regexp_is_object(value_from_object(r)) && ((RegExpObject *)r)->program) {
        result = regexp_builtin_exec(vm, (RegExpObject *)r, s);
    } else if (value_is_callable(exec)) {
        Value arg = value_from_string(s);
        result = vm_call(vm, exec, value_from_object(r), 1, &arg);
        if (!value_is_exception(result) && !value_is_object(result) && !value_is_null(result))
            result = vm_throw_type_error(vm, "object null is not a function");
    } else if (!value_is_exception(exec)) {
        if (regexp_is_object(value_from_object(r)) && ((RegExpObject *)r)->program)
            result = regexp_builtin_exec(vm, (RegExpObject *)r, s);
        else
            result = regexp_throw_incompatible(vm, "RegExp.prototype.exec", value_from_object(r));
    }
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ---- exec and test ---- */

/* ES2025 22.2.6.2 RegExp.prototype.exec ( string ) */
static Value regexp_proto_exec(ARGS)
{
    (void)new_target;
    if (!regexp_is_object(this_value) || !((RegExpObject *)value_as_object(this_value))->program)
        return regexp_throw_incompatible(vm, "RegExp.prototype.exec", this_value);
    String *s = es_to_string(vm, es_arg(argc, argv, 0));
    return s ? regexp_builtin_exec(vm, (RegExpObject *)value_as_object(this_value), s) : VALUE_EXCEPTION;
}

/* ES2025 22.2.6.16 RegExp.prototype.test ( S ) */
static Value regexp_proto_test(ARGS)
{
    (void)new_target;
    if (!value_is_object(this_value))
        return regexp_throw_incompatible(vm, "RegExp.prototype.test", this_value);
    String *s = es_to_string(vm, es_arg(argc, argv, 0));
    Value match = s ? regexp_exec(vm, value_as_object(this_value), s) : VALUE_EXCEPTION;
    return value_is_exception(match) ? match : value_from_boolean(!value_is_null(match));
}

bool regexp_install_exec(VM *vm, Realm *realm, Object *proto)
{
    Object *exec = native_function_new(vm, regexp_proto_exec, "exec", 1, false);
    if (!exec)
        return false;
    realm->intrinsics[INTRINSIC_RegExpPrototypeExec] = exec;
    return es_define_value(vm, proto, "exec", value_from_object(exec), ES_ATTRS_METHOD) &&
           es_define_method(vm, proto, "test", regexp_proto_test, 1);
}
