/*
 * The Array constructor and Array.prototype (ES2025 23.1). Sorting is in
 * stdlib/es/array_sort.c, iterators in stdlib/es/array_iterator.c.
 *
 * Every method works on any array-like through the object operations, in
 * the order the spec performs them (getters and proxies observe it).
 */
#include <stdlib.h>

#include "stdlib/es/array_internal.h"
#include "stdlib/es/iteration.h"
#include "stdlib/es/string_builder.h"

#define ARGS VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target
#define MAX_LENGTH ES_MAX_SAFE_INTEGER

/* ---- Index operations ---- */

/* Runs op on the key of index, rooted (a key past 2^32 - 2 is an atom). */
static PropertyKey index_key(VM *vm, double index)
{
    return es_key_index(vm, index);
}

Value array_get_index(VM *vm, Object *o, double index)
{
    PropertyKey key = index_key(vm, index);
    if (value_is_exception(key))
        return key;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, key);
    Value value = es_get(vm, o, key);
    GC_SCOPE_END(vm->heap);
    return value;
}

int array_has_index(VM *vm, Object *o, double index)
{
    PropertyKey key = index_key(vm, index);
    if (value_is_exception(key))
        return -1;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, key);
    int has = object_has_property(vm, o, key);
    GC_SCOPE_END(vm->heap);
    return has;
}

bool array_set_index(VM *vm, Object *o, double index, Value value)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, value);
    PropertyKey key = index_key(vm, index);
    GC_ROOT(vm->heap, key);
    bool ok = !value_is_exception(key) && es_set(vm, o, key, value);
    GC_SCOPE_END(vm->heap);
    return ok;
}

bool array_create_index(VM *vm, Object *o, double index, Value value)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, value);
    PropertyKey key = index_key(vm, index);
    GC_ROOT(vm->heap, key);
    bool ok = !value_is_exception(key) && es_create_data_property_or_throw(vm, o, key, value);
    GC_SCOPE_END(vm->heap);
    return ok;
}

bool array_delete_index(VM *vm, Object *o, double index)
{
    PropertyKey key = index_key(vm, index);
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, key);
    bool ok = !value_is_exception(key) && es_delete_property_or_throw(vm, o, key);
    GC_SCOPE_END(vm->heap);
    return ok;
}

bool array_set_length(VM *vm, Object *o, double length)
{
    return es_set(vm, o, es_key(vm, ATOM_length), value_from_number(length));
}

Object *array_create(VM *vm, double length)
{
    if (length > 4294967295.0) {
        vm_throw_range_error(vm, "Invalid array length");
        return NULL;
    }
    return es_array_new(vm, (uint32_t)length);
}

/* ToObject(this value) and LengthOfArrayLike, the first steps of nearly
 * every method. NULL after throwing. */
static Object *this_array_like(VM *vm, Value this_value, const char *method, double *length)
{
    if (value_is_nullish(this_value)) {
        es_throw_called_on_nullish(vm, method);
        return NULL;
    }
    Object *o = es_to_object(vm, this_value);
    if (!o)
        return NULL;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    bool ok = es_length_of_array_like(vm, o, length);
    GC_SCOPE_END(vm->heap);
    return ok ? o : NULL;
}

/* ES2025 10.4.2.3 ArraySpeciesCreate ( originalArray, length ) */
static Object *array_species_create(VM *vm, Object *original, double length)
{
    int is_array = es_is_array(vm, value_from_object(original));
    if (is_array < 0)
        return NULL;
    if (!is_array)
        return array_create(vm, length);
    Value c = es_get(vm, original, es_key(vm, ATOM_constructor));
    if (value_is_exception(c))
        return NULL;
    /* TODO(realms): a constructor of another realm's %Array% gives undefined. */
    if (value_is_object(c)) {
        PropertyKey species = es_key_symbol(vm, WELL_KNOWN_species);
        c = value_is_exception(species) ? species : es_get(vm, value_as_object(c), species);
        if (value_is_exception(c))
            return NULL;
        if (value_is_null(c))
            c = VALUE_UNDEFINED;
    }
    if (value_is_undefined(c))
        return array_create(vm, length);
    if (!es_is_constructor(c)) {
        vm_throw_type_error(vm, "object.constructor[Symbol.species] is not a constructor");
        return NULL;
    }
    Value arg = value_from_number(length);
    Value result = vm_construct(vm, c, 1, &arg, c);
    return value_is_exception(result) ? NULL : value_as_object(result);
}

/* ---- The constructor and its functions ---- */

/* ES2025 23.1.1.1 Array ( ...values ) */
static Value array_constructor(ARGS)
{
    (void)this_value;
    Object *active = realm_intrinsic(vm, INTRINSIC_Array);
    Object *proto = es_prototype_from_constructor(vm, new_target ? new_target : active, INTRINSIC_ArrayPrototype);
    if (!proto)
        return VALUE_EXCEPTION;
    if (argc == 1 && value_is_number(argv[0])) {
        double len = value_as_number(argv[0]);
        if (len < 0 || len > 4294967295.0 || len != (double)(uint32_t)len)
            return vm_throw_range_error(vm, "Invalid array length");
        Object *array = array_new(vm, proto, (uint32_t)len);
        return array ? value_from_object(array) : VALUE_EXCEPTION;
    }
    Object *array = array_new(vm, proto, 0);
    if (!array)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, array);
    bool ok = true;
    for (uint32_t k = 0; ok && k < argc; k++)
        ok = array_create_index(vm, array, k, argv[k]);
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(array) : VALUE_EXCEPTION;
}

/* ES2025 23.1.2.2 Array.isArray ( arg ) */
static Value array_is_array(ARGS)
{
    (void)this_value, (void)new_target;
    int is_array = es_is_array(vm, es_arg(argc, argv, 0));
    return is_array < 0 ? VALUE_EXCEPTION : value_from_boolean(is_array);
}

/* A new array made by C (this) when it is a constructor: Array.of, from. */
static Object *construct_or_create(VM *vm, Value c, bool with_length, double length)
{
    if (!es_is_constructor(c))
        return array_create(vm, with_length ? length : 0);
    Value arg = value_from_number(length);
    Value result = vm_construct(vm, c, with_length ? 1 : 0, &arg, c);
    return value_is_exception(result) ? NULL : value_as_object(result);
}

/* ES2025 23.1.2.3 Array.of ( ...items ) */
static Value array_of(ARGS)
{
    (void)new_target;
    Object *a = construct_or_create(vm, this_value, true, argc);
    if (!a)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, a);
    bool ok = true;
    for (uint32_t k = 0; ok && k < argc; k++)
        ok = array_create_index(vm, a, k, argv[k]);
    ok = ok && array_set_length(vm, a, argc);
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(a) : VALUE_EXCEPTION;
}

/* Array.from's mapping of one value (mapfn may be undefined). */
static Value map_value(VM *vm, Value mapfn, Value this_arg, Value value, double k)
{
    if (value_is_undefined(mapfn))
        return value;
    Value args[2] = { value, value_from_number(k) };
    return vm_call(vm, mapfn, this_arg, 2, args);
}

/* ES2025 23.1.2.1 Array.from, step 5: from an iterable. */
static Value array_from_iterable(VM *vm, Value c, Value items, Value method, Value mapfn, Value this_arg)
{
    Object *a = construct_or_create(vm, c, false, 0);
    if (!a)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, a);
    IteratorRecord record;
    ES_ROOT_ITERATOR(vm->heap, record);
    Value result = VALUE_EXCEPTION;
    if (es_get_iterator_from_method(vm, items, method, &record)) {
        for (double k = 0;; k++) {
            Value next;
            int status = es_iterator_step_value(vm, &record, &next);
            if (status <= 0) {
                if (status == 0 && array_set_length(vm, a, k))
                    result = value_from_object(a);
                break;
            }
            Value mapped = map_value(vm, mapfn, this_arg, next, k);
            if (value_is_exception(mapped) || !array_create_index(vm, a, k, mapped)) {
                es_iterator_close_throw(vm, &record);
                break;
            }
        }
    }
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ES2025 23.1.2.1 Array.from, steps 6-13: from an array-like. */
static Value array_from_array_like(VM *vm, Value c, Value items, Value mapfn, Value this_arg)
{
    Object *array_like = es_to_object(vm, items);
    if (!array_like)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, array_like);
    double len;
    Object *a = es_length_of_array_like(vm, array_like, &len) ? construct_or_create(vm, c, true, len) : NULL;
    GC_ROOT_CELL(vm->heap, a);
    bool ok = a != NULL;
    for (double k = 0; ok && k < len; k++) {
        Value value = array_get_index(vm, array_like, k);
        Value mapped = value_is_exception(value) ? value : map_value(vm, mapfn, this_arg, value, k);
        ok = !value_is_exception(mapped) && array_create_index(vm, a, k, mapped);
    }
    ok = ok && array_set_length(vm, a, len);
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(a) : VALUE_EXCEPTION;
}

/* ES2025 23.1.2.1 Array.from ( items [ , mapper [ , thisArg ] ] ) */
static Value array_from(ARGS)
{
    (void)new_target;
    Value items = es_arg(argc, argv, 0), mapfn = es_arg(argc, argv, 1), this_arg = es_arg(argc, argv, 2);
    if (!value_is_undefined(mapfn) && !value_is_callable(mapfn))
        return es_throw_not_callable(vm, mapfn);
    PropertyKey key = es_key_symbol(vm, WELL_KNOWN_iterator);
    Value method = value_is_exception(key) ? key : es_get_method(vm, items, key);
    if (value_is_exception(method))
        return method;
    if (!value_is_undefined(method)) {
        GC_SCOPE(vm->heap);
        GC_ROOT(vm->heap, method);
        Value result = array_from_iterable(vm, this_value, items, method, mapfn, this_arg);
        GC_SCOPE_END(vm->heap);
        return result;
    }
    return array_from_array_like(vm, this_value, items, mapfn, this_arg);
}

/* ES2025 23.1.2.5 get Array [ %Symbol.species% ] */
static Value array_species(ARGS)
{
    (void)vm, (void)argc, (void)argv, (void)new_target;
    return this_value;
}

/* ---- Mutators: push, pop, shift, unshift, splice, fill, reverse, copyWithin ---- */

/* ES2025 23.1.3.23 Array.prototype.push ( ...items ) */
static Value array_proto_push(ARGS)
{
    (void)new_target;
    double len;
    Object *o = this_array_like(vm, this_value, "Array.prototype.push", &len);
    if (!o)
        return VALUE_EXCEPTION;
    if (len + argc > MAX_LENGTH)
        return vm_throw_type_error(vm, "Pushing %u elements on an array-like of length %.0f is disallowed, as the "
                                       "total surpasses 2**53-1", argc, len);
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    bool ok = true;
    for (uint32_t i = 0; ok && i < argc; i++)
        ok = array_set_index(vm, o, len++, argv[i]);
    ok = ok && array_set_length(vm, o, len);
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_number(len) : VALUE_EXCEPTION;
}

/* ES2025 23.1.3.22 Array.prototype.pop ( ) */
static Value array_proto_pop(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    double len;
    Object *o = this_array_like(vm, this_value, "Array.prototype.pop", &len);
    if (!o)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    Value element = VALUE_UNDEFINED;
    GC_ROOT(vm->heap, element);
    bool ok;
    if (len == 0) {
        ok = array_set_length(vm, o, 0);
    } else {
        element = array_get_index(vm, o, len - 1);
        ok = !value_is_exception(element) && array_delete_index(vm, o, len - 1) && array_set_length(vm, o, len - 1);
    }
    GC_SCOPE_END(vm->heap);
    return ok ? element : VALUE_EXCEPTION;
}

/* Moves the element at from to to, or deletes to when from is a hole:
 * the loop body shared by shift, unshift, splice and copyWithin. */
static bool move_element(VM *vm, Object *o, double from, double to)
{
    int present = array_has_index(vm, o, from);
    if (present < 0)
        return false;
    if (!present)
        return array_delete_index(vm, o, to);
    Value value = array_get_index(vm, o, from);
    return !value_is_exception(value) && array_set_index(vm, o, to, value);
}

/* ES2025 23.1.3.27 Array.prototype.shift ( ) */
static Value array_proto_shift(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    double len;
    Object *o = this_array_like(vm, this_value, "Array.prototype.shift", &len);
    if (!o)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    Value first = VALUE_UNDEFINED;
    GC_ROOT(vm->heap, first);
    bool ok;
    if (len == 0) {
        ok = array_set_length(vm, o, 0);
    } else {
        first = array_get_index(vm, o, 0);
        ok = !value_is_exception(first);
        for (double k = 1; ok && k < len; k++)
            ok = move_element(vm, o, k, k - 1);
        ok = ok && array_delete_index(vm, o, len - 1) && array_set_length(vm, o, len - 1);
    }
    GC_SCOPE_END(vm->heap);
    return ok ? first : VALUE_EXCEPTION;
}

/* ES2025 23.1.3.37 Array.prototype.unshift ( ...items ) */
static Value array_proto_unshift(ARGS)
{
    (void)new_target;
    double len;
    Object *o = this_array_like(vm, this_value, "Array.prototype.unshift", &len);
    if (!o)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    bool ok = true;
    if (argc > 0) {
        if (len + argc > MAX_LENGTH) {
            vm_throw_type_error(vm, "Invalid array length");
            ok = false;
        }
        for (double k = len; ok && k > 0; k--)
            ok = move_element(vm, o, k - 1, k + argc - 1);
        for (uint32_t j = 0; ok && j < argc; j++)
            ok = array_set_index(vm, o, j, argv[j]);
    }
    ok = ok && array_set_length(vm, o, len + argc);
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_number(len + argc) : VALUE_EXCEPTION;
}

/* The deleteCount / skipCount argument of splice and toSpliced. */
static bool skip_count(VM *vm, uint32_t argc, const Value *argv, double len, double start, double *count)
{
    if (argc == 0) {
        *count = 0;
    } else if (argc == 1) {
        *count = len - start;
    } else {
        double dc;
        if (!es_to_integer_or_infinity(vm, argv[1], &dc))
            return false;
        *count = dc < 0 ? 0 : (dc > len - start ? len - start : dc);
    }
    return true;
}

/* Splice's step 13-14: copy the deleted elements into a. */
static bool copy_deleted(VM *vm, Object *o, Object *a, double start, double count)
{
    for (double k = 0; k < count; k++) {
        int present = array_has_index(vm, o, start + k);
        if (present < 0)
            return false;
        if (present) {
            Value value = array_get_index(vm, o, start + k);
            if (value_is_exception(value) || !array_create_index(vm, a, k, value))
                return false;
        }
    }
    return array_set_length(vm, a, count);
}

/* Splice's steps 15-18: shift the tail and store the items. */
static bool splice_shift(VM *vm, Object *o, double len, double start, double skip, uint32_t item_count,
                         const Value *items)
{
    bool ok = true;
    if (item_count < skip) {
        for (double k = start; ok && k < len - skip; k++)
            ok = move_element(vm, o, k + skip, k + item_count);
        for (double k = len; ok && k > len - skip + item_count; k--)
            ok = array_delete_index(vm, o, k - 1);
    } else if (item_count > skip) {
        for (double k = len - skip; ok && k > start; k--)
            ok = move_element(vm, o, k + skip - 1, k + item_count - 1);
    }
    for (uint32_t i = 0; ok && i < item_count; i++)
        ok = array_set_index(vm, o, start + i, items[i]);
    return ok;
}

/* ES2025 23.1.3.31 Array.prototype.splice ( start, deleteCount, ...items ) */
static Value array_proto_splice(ARGS)
{
    (void)new_target;
    double len, start, skip;
    Object *o = this_array_like(vm, this_value, "Array.prototype.splice", &len);
    if (!o)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    Object *a = NULL;
    GC_ROOT_CELL(vm->heap, a);
    uint32_t item_count = argc > 2 ? argc - 2 : 0;
    bool ok = es_relative_index(vm, es_arg(argc, argv, 0), len, 0, &start)
              && skip_count(vm, argc, argv, len, start, &skip);
    if (ok && len + item_count - skip > MAX_LENGTH) {
        vm_throw_type_error(vm, "Invalid array length");
        ok = false;
    }
    ok = ok && (a = array_species_create(vm, o, skip)) && copy_deleted(vm, o, a, start, skip)
         && splice_shift(vm, o, len, start, skip, item_count, argv + 2)
         && array_set_length(vm, o, len - skip + item_count);
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(a) : VALUE_EXCEPTION;
}

/* ES2025 23.1.3.7 Array.prototype.fill ( value [ , start [ , end ] ] ) */
static Value array_proto_fill(ARGS)
{
    (void)new_target;
    double len, k, final;
    Object *o = this_array_like(vm, this_value, "Array.prototype.fill", &len);
    if (!o)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    bool ok = es_relative_index(vm, es_arg(argc, argv, 1), len, 0, &k)
              && es_relative_index(vm, es_arg(argc, argv, 2), len, len, &final);
    for (; ok && k < final; k++)
        ok = array_set_index(vm, o, k, es_arg(argc, argv, 0));
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(o) : VALUE_EXCEPTION;
}

/* One step of reverse: swap lower and upper, holes included. */
static bool swap_elements(VM *vm, Object *o, double lower, double upper)
{
    Value lower_value = VALUE_UNDEFINED, upper_value = VALUE_UNDEFINED;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, lower_value);
    GC_ROOT(vm->heap, upper_value);
    int lower_exists = array_has_index(vm, o, lower);
    bool ok = lower_exists >= 0;
    if (ok && lower_exists)
        ok = !value_is_exception(lower_value = array_get_index(vm, o, lower));
    int upper_exists = ok ? array_has_index(vm, o, upper) : -1;
    ok = upper_exists >= 0;
    if (ok && upper_exists)
        ok = !value_is_exception(upper_value = array_get_index(vm, o, upper));
    if (ok && lower_exists && upper_exists)
        ok = array_set_index(vm, o, lower, upper_value) && array_set_index(vm, o, upper, lower_value);
    else if (ok && upper_exists)
        ok = array_set_index(vm, o, lower, upper_value) && array_delete_index(vm, o, upper);
    else if (ok && lower_exists)
        ok = array_delete_index(vm, o, lower) && array_set_index(vm, o, upper, lower_value);
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* ES2025 23.1.3.26 Array.prototype.reverse ( ) */
static Value array_proto_reverse(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    double len;
    Object *o = this_array_like(vm, this_value, "Array.prototype.reverse", &len);
    if (!o)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    double middle = floor(len / 2);
    bool ok = true;
    for (double lower = 0; ok && lower != middle; lower++)
        ok = swap_elements(vm, o, lower, len - lower - 1);
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(o) : VALUE_EXCEPTION;
}

/* ES2025 23.1.3.4 Array.prototype.copyWithin ( target, start [ , end ] ) */
static Value array_proto_copy_within(ARGS)
{
    (void)new_target;
    double len, to, from, final;
    Object *o = this_array_like(vm, this_value, "Array.prototype.copyWithin", &len);
    if (!o)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    bool ok = es_relative_index(vm, es_arg(argc, argv, 0), len, 0, &to)
              && es_relative_index(vm, es_arg(argc, argv, 1), len, 0, &from)
              && es_relative_index(vm, es_arg(argc, argv, 2), len, len, &final);
    double count = final - from < len - to ? final - from : len - to;
    double direction = 1;
    if (from < to && to < from + count) {
        direction = -1;
        from += count - 1;
        to += count - 1;
    }
    for (; ok && count > 0; count--, from += direction, to += direction)
        ok = move_element(vm, o, from, to);
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(o) : VALUE_EXCEPTION;
}

/* ---- Copies: slice, concat, flat, flatMap ---- */

/* ES2025 23.1.3.28 Array.prototype.slice ( start, end ) */
static Value array_proto_slice(ARGS)
{
    (void)new_target;
    double len, k, final;
    Object *o = this_array_like(vm, this_value, "Array.prototype.slice", &len);
    if (!o)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    Object *a = NULL;
    GC_ROOT_CELL(vm->heap, a);
    bool ok = es_relative_index(vm, es_arg(argc, argv, 0), len, 0, &k)
              && es_relative_index(vm, es_arg(argc, argv, 1), len, len, &final);
    double count = final - k > 0 ? final - k : 0;
    ok = ok && (a = array_species_create(vm, o, count));
    double n = 0;
    for (; ok && k < final; k++, n++) {
        int present = array_has_index(vm, o, k);
        ok = present >= 0;
        if (present > 0) {
            Value value = array_get_index(vm, o, k);
            ok = !value_is_exception(value) && array_create_index(vm, a, n, value);
        }
    }
    ok = ok && array_set_length(vm, a, n);
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(a) : VALUE_EXCEPTION;
}

/* ES2025 23.1.3.2.1 IsConcatSpreadable ( O ): 1 / 0 / -1 */
static int is_concat_spreadable(VM *vm, Value value)
{
    if (!value_is_object(value))
        return 0;
    PropertyKey key = es_key_symbol(vm, WELL_KNOWN_isConcatSpreadable);
    Value spreadable = value_is_exception(key) ? key : es_get(vm, value_as_object(value), key);
    if (value_is_exception(spreadable))
        return -1;
    if (!value_is_undefined(spreadable))
        return es_to_boolean(spreadable);
    return es_is_array(vm, value);
}

/* Concat's step for one item e: appends it (spread or not) to a at *n. */
static bool concat_item(VM *vm, Object *a, Value e, double *n)
{
    int spreadable = is_concat_spreadable(vm, e);
    if (spreadable < 0)
        return false;
    if (!spreadable) {
        if (*n >= MAX_LENGTH) {
            vm_throw_type_error(vm, "Invalid array length");
            return false;
        }
        return array_create_index(vm, a, (*n)++, e);
    }
    Object *source = value_as_object(e);
    double len;
    if (!es_length_of_array_like(vm, source, &len))
        return false;
    if (*n + len > MAX_LENGTH) {
        vm_throw_type_error(vm, "Invalid array length");
        return false;
    }
    for (double k = 0; k < len; k++, (*n)++) {
        int present = array_has_index(vm, source, k);
        if (present < 0)
            return false;
        if (present) {
            Value value = array_get_index(vm, source, k);
            if (value_is_exception(value) || !array_create_index(vm, a, *n, value))
                return false;
        }
    }
    return true;
}

/* ES2025 23.1.3.2 Array.prototype.concat ( ...items ) */
static Value array_proto_concat(ARGS)
{
    (void)new_target;
    if (value_is_nullish(this_value))
        return es_throw_called_on_nullish(vm, "Array.prototype.concat");
    Object *o = es_to_object(vm, this_value);
    if (!o)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    Object *a = array_species_create(vm, o, 0);
    GC_ROOT_CELL(vm->heap, a);
    double n = 0;
    bool ok = a && concat_item(vm, a, value_from_object(o), &n);
    for (uint32_t i = 0; ok && i < argc; i++)
        ok = concat_item(vm, a, argv[i], &n);
    ok = ok && array_set_length(vm, a, n);
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(a) : VALUE_EXCEPTION;
}

enum { FLATTEN_MAX_DEPTH = 10000 };

/* ES2025 23.1.3.13.1 FlattenIntoArray: the next target index, or -1 after throwing. */
static double flatten_into_array(VM *vm, Object *target, Object *source, double source_len, double start,
                                 double depth, Value mapper, Value this_arg, int nesting)
{
    if (nesting > FLATTEN_MAX_DEPTH) {
        vm_throw_range_error(vm, "Maximum call stack size exceeded");
        return -1;
    }
    double target_index = start;
    for (double i = 0; i < source_len; i++) {
        int present = array_has_index(vm, source, i);
        if (present < 0)
            return -1;
        if (!present)
            continue;
        Value element = array_get_index(vm, source, i);
        if (!value_is_exception(element) && !value_is_undefined(mapper)) {
            Value args[3] = { element, value_from_number(i), value_from_object(source) };
            element = vm_call(vm, mapper, this_arg, 3, args);
        }
        if (value_is_exception(element))
            return -1;
        int flatten = depth > 0 ? es_is_array(vm, element) : 0;
        if (flatten < 0)
            return -1;
        if (flatten) {
            double element_len;
            GC_SCOPE(vm->heap);
            GC_ROOT(vm->heap, element);
            bool ok = es_length_of_array_like(vm, value_as_object(element), &element_len);
            target_index = !ok ? -1 : flatten_into_array(vm, target, value_as_object(element), element_len,
                                                         target_index, depth - 1, VALUE_UNDEFINED,
                                                         VALUE_UNDEFINED, nesting + 1);
            GC_SCOPE_END(vm->heap);
            if (target_index < 0)
                return -1;
        } else {
            if (target_index >= MAX_LENGTH) {
                vm_throw_type_error(vm, "Invalid array length");
                return -1;
            }
            if (!array_create_index(vm, target, target_index++, element))
                return -1;
        }
    }
    return target_index;
}

/* flat and flatMap after their argument checks. */
static Value flatten(VM *vm, Object *o, double len, double depth, Value mapper, Value this_arg)
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    Object *a = array_species_create(vm, o, 0);
    GC_ROOT_CELL(vm->heap, a);
    bool ok = a && flatten_into_array(vm, a, o, len, 0, depth, mapper, this_arg, 0) >= 0;
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(a) : VALUE_EXCEPTION;
}

/* ES2025 23.1.3.13 Array.prototype.flat ( [ depth ] ) */
static Value array_proto_flat(ARGS)
{
    (void)new_target;
    double len, depth = 1;
    Object *o = this_array_like(vm, this_value, "Array.prototype.flat", &len);
    if (!o)
        return VALUE_EXCEPTION;
    Value depth_arg = es_arg(argc, argv, 0);
    if (!value_is_undefined(depth_arg)) {
        GC_SCOPE(vm->heap);
        GC_ROOT_CELL(vm->heap, o);
        bool ok = es_to_integer_or_infinity(vm, depth_arg, &depth);
        GC_SCOPE_END(vm->heap);
        if (!ok)
            return VALUE_EXCEPTION;
        if (depth < 0)
            depth = 0;
    }
    return flatten(vm, o, len, depth, VALUE_UNDEFINED, VALUE_UNDEFINED);
}

/* ES2025 23.1.3.14 Array.prototype.flatMap ( mapperFunction [ , thisArg ] ) */
static Value array_proto_flat_map(ARGS)
{
    (void)new_target;
    double len;
    Object *o = this_array_like(vm, this_value, "Array.prototype.flatMap", &len);
    if (!o)
        return VALUE_EXCEPTION;
    if (!value_is_callable(es_arg(argc, argv, 0)))
        return vm_throw_type_error(vm, "flatMap mapper function is not callable");
    return flatten(vm, o, len, 1, argv[0], es_arg(argc, argv, 1));
}

/* ---- Strings: join, toString, toLocaleString ---- */

/* The arrays being joined, innermost last: a cyclic join gives "" for the
 * cycle, as V8 and SpiderMonkey do. Objects here are rooted by the calls
 * that joins them (their this). */
static Object *join_stack[256];
static uint32_t join_depth;

static bool join_in_progress(Object *o)
{
    for (uint32_t i = 0; i < join_depth; i++)
        if (join_stack[i] == o)
            return true;
    return false;
}

/* The string of one element for join (locale: toLocaleString). */
static String *join_element(VM *vm, Value element, bool locale)
{
    if (value_is_nullish(element))
        return string_empty(vm);
    if (!locale)
        return es_to_string(vm, element);
    Value s = es_invoke(vm, element, es_key_cstr(vm, "toLocaleString"), 0, NULL);
    return value_is_exception(s) ? NULL : es_to_string(vm, s);
}

/* The loop of join (ES2025 23.1.3.18 steps 6-8) and toLocaleString. */
static Value join_elements(VM *vm, Object *o, double len, String *separator, bool locale)
{
    if (join_in_progress(o))
        return value_from_string(string_empty(vm));
    if (join_depth == sizeof join_stack / sizeof *join_stack)
        return vm_throw_range_error(vm, "Maximum call stack size exceeded");
    join_stack[join_depth++] = o;
    StringBuilder sb;
    string_builder_init(&sb);
    bool ok = true;
    for (double k = 0; ok && k < len; k++) {
        if (k > 0)
            ok = string_builder_append_string(vm, &sb, separator);
        Value element = ok ? array_get_index(vm, o, k) : VALUE_EXCEPTION;
        String *next = value_is_exception(element) ? NULL : join_element(vm, element, locale);
        ok = next && string_builder_append_string(vm, &sb, next);
    }
    join_depth--;
    if (!ok) {
        string_builder_free(&sb);
        return VALUE_EXCEPTION;
    }
    String *result = string_builder_finish(vm, &sb);
    return result ? value_from_string(result) : VALUE_EXCEPTION;
}

/* ES2025 23.1.3.18 Array.prototype.join ( separator ) */
static Value array_proto_join(ARGS)
{
    (void)new_target;
    double len;
    Object *o = this_array_like(vm, this_value, "Array.prototype.join", &len);
    if (!o)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    Value sep_arg = es_arg(argc, argv, 0);
    String *separator = value_is_undefined(sep_arg) ? string_from_cstr(vm, ",") : es_to_string(vm, sep_arg);
    GC_ROOT_CELL(vm->heap, separator);
    Value result = separator ? join_elements(vm, o, len, separator, false) : VALUE_EXCEPTION;
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ES2025 23.1.3.36 Array.prototype.toString ( ) */
static Value array_proto_to_string(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    Object *array = es_to_object(vm, this_value);
    if (!array)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, array);
    Value func = es_get(vm, array, es_key_cstr(vm, "join"));
    Value result = func;
    if (!value_is_exception(func)) {
        if (!value_is_callable(func))
            func = value_from_object(realm_intrinsic(vm, INTRINSIC_ObjectPrototypeToString));
        result = vm_call(vm, func, value_from_object(array), 0, NULL);
    }
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ES2025 23.1.3.32 Array.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] ) */
static Value array_proto_to_locale_string(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    double len;
    Object *o = this_array_like(vm, this_value, "Array.prototype.toLocaleString", &len);
    if (!o)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    String *separator = string_from_cstr(vm, ",");
    GC_ROOT_CELL(vm->heap, separator);
    Value result = separator ? join_elements(vm, o, len, separator, true) : VALUE_EXCEPTION;
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ---- Searching: indexOf, lastIndexOf, includes, at ---- */

/* ES2025 23.1.3.17 Array.prototype.indexOf ( searchElement [ , fromIndex ] ) and
 * 23.1.3.16 includes ( searchElement [ , fromIndex ] ). */
static Value search_forward(VM *vm, Value this_value, uint32_t argc, const Value *argv, bool includes)
{
    double len, n;
    Object *o = this_array_like(vm, this_value, includes ? "Array.prototype.includes" : "Array.prototype.indexOf",
                                &len);
    if (!o)
        return VALUE_EXCEPTION;
    Value not_found = includes ? VALUE_FALSE : value_from_int32(-1);
    if (len == 0)
        return not_found;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    Value result = not_found;
    if (!es_to_integer_or_infinity(vm, es_arg(argc, argv, 1), &n))
        result = VALUE_EXCEPTION;
    double k = n >= 0 ? n : (len + n < 0 ? 0 : len + n);
    for (; !value_is_exception(result) && k < len; k++) {
        int present = includes ? 1 : array_has_index(vm, o, k);
        Value element = present > 0 ? array_get_index(vm, o, k) : present < 0 ? VALUE_EXCEPTION : VALUE_HOLE;
        if (value_is_exception(element)) {
            result = VALUE_EXCEPTION;
        } else if (!value_is_hole(element)) {
            Value target = es_arg(argc, argv, 0);
            int same = includes ? es_same_value_zero(vm, element, target) : es_is_strictly_equal(vm, element, target);
            if (same < 0)
                result = VALUE_EXCEPTION;
            else if (same) {
                result = includes ? VALUE_TRUE : value_from_number(k);
                break;
            }
        }
    }
    GC_SCOPE_END(vm->heap);
    return result;
}

static Value array_proto_index_of(ARGS)
{
    (void)new_target;
    return search_forward(vm, this_value, argc, argv, false);
}

static Value array_proto_includes(ARGS)
{
    (void)new_target;
    return search_forward(vm, this_value, argc, argv, true);
}

/* ES2025 23.1.3.20 Array.prototype.lastIndexOf ( searchElement [ , fromIndex ] ) */
static Value array_proto_last_index_of(ARGS)
{
    (void)new_target;
    double len, n;
    Object *o = this_array_like(vm, this_value, "Array.prototype.lastIndexOf", &len);
    if (!o)
        return VALUE_EXCEPTION;
    if (len == 0)
        return value_from_int32(-1);
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    Value result = value_from_int32(-1);
    n = len - 1;
    if (argc > 1 && !es_to_integer_or_infinity(vm, argv[1], &n))
        result = VALUE_EXCEPTION;
    double k = n >= 0 ? (n < len - 1 ? n : len - 1) : len + n;
    for (; !value_is_exception(result) && k >= 0; k--) {
        int present = array_has_index(vm, o, k);
        Value element = present > 0 ? array_get_index(vm, o, k) : present < 0 ? VALUE_EXCEPTION : VALUE_HOLE;
        if (value_is_exception(element)) {
            result = VALUE_EXCEPTION;
        } else if (!value_is_hole(element)) {
            int same = es_is_strictly_equal(vm, element, es_arg(argc, argv, 0));
            if (same < 0)
                result = VALUE_EXCEPTION;
            else if (same) {
                result = value_from_number(k);
                break;
            }
        }
    }
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ES2025 23.1.3.1 Array.prototype.at ( index ) */
static Value array_proto_at(ARGS)
{
    (void)new_target;
    double len, relative;
    Object *o = this_array_like(vm, this_value, "Array.prototype.at", &len);
    if (!o)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    bool ok = es_to_integer_or_infinity(vm, es_arg(argc, argv, 0), &relative);
    GC_SCOPE_END(vm->heap);
    if (!ok)
        return VALUE_EXCEPTION;
    double k = relative >= 0 ? relative : len + relative;
    if (k < 0 || k >= len)
        return VALUE_UNDEFINED;
    return array_get_index(vm, o, k);
}

/* ---- Callbacks: find*, forEach, map, filter, some, every ---- */

/* Calls callback(value, k, o) with thisArg; VALUE_EXCEPTION after throwing. */
static Value call_back(VM *vm, Value callback, Value this_arg, Value value, double k, Object *o)
{
    Value args[3] = { value, value_from_number(k), value_from_object(o) };
    return vm_call(vm, callback, this_arg, 3, args);
}

/* ES2025 23.1.3.12.1 FindViaPredicate ( O, len, direction, predicate, thisArg ):
 * the value (want_index false) or index found. */
static Value find_via_predicate(VM *vm, Value this_value, uint32_t argc, const Value *argv, const char *method,
                                bool ascending, bool want_index)
{
    double len;
    Object *o = this_array_like(vm, this_value, method, &len);
    if (!o)
        return VALUE_EXCEPTION;
    Value predicate = es_arg(argc, argv, 0);
    if (!value_is_callable(predicate))
        return es_throw_not_callable(vm, predicate);
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    Value value = VALUE_UNDEFINED;
    GC_ROOT(vm->heap, value);
    Value result = want_index ? value_from_int32(-1) : VALUE_UNDEFINED;
    for (double i = 0; i < len; i++) {
        double k = ascending ? i : len - 1 - i;
        value = array_get_index(vm, o, k);
        Value test = value_is_exception(value) ? value : call_back(vm, predicate, es_arg(argc, argv, 1), value, k, o);
        if (value_is_exception(test)) {
            result = VALUE_EXCEPTION;
            break;
        }
        if (es_to_boolean(test)) {
            result = want_index ? value_from_number(k) : value;
            break;
        }
    }
    GC_SCOPE_END(vm->heap);
    return result;
}

static Value array_proto_find(ARGS)
{
    (void)new_target;
    return find_via_predicate(vm, this_value, argc, argv, "Array.prototype.find", true, false);
}

static Value array_proto_find_index(ARGS)
{
    (void)new_target;
    return find_via_predicate(vm, this_value, argc, argv, "Array.prototype.findIndex", true, true);
}

static Value array_proto_find_last(ARGS)
{
    (void)new_target;
    return find_via_predicate(vm, this_value, argc, argv, "Array.prototype.findLast", false, false);
}

static Value array_proto_find_last_index(ARGS)
{
    (void)new_target;
    return find_via_predicate(vm, this_value, argc, argv, "Array.prototype.findLastIndex", false, true);
}

typedef enum IterationKind { FOR_EACH, MAP, FILTER, SOME, EVERY } IterationKind;

/* What one callback result does to the iteration: false stops it with
 * *result set (some/every) or after throwing. */
static bool take_result(VM *vm, IterationKind kind, Object *a, Value value, Value mapped, double k, double *to,
                        Value *result)
{
    switch (kind) {
    case FOR_EACH:
        return true;
    case MAP:
        return array_create_index(vm, a, k, mapped);
    case FILTER:
        return !es_to_boolean(mapped) || array_create_index(vm, a, (*to)++, value);
    case SOME:
        if (es_to_boolean(mapped))
            *result = VALUE_TRUE;
        return !es_to_boolean(mapped);
    case EVERY:
        if (!es_to_boolean(mapped))
            *result = VALUE_FALSE;
        return es_to_boolean(mapped);
    }
    return true;
}

/* ES2025 23.1.3.15 forEach, 23.1.3.21 map, 23.1.3.8 filter, 23.1.3.29 some,
 * 23.1.3.6 every: one loop over the present elements. */
static Value iterate(VM *vm, Value this_value, uint32_t argc, const Value *argv, const char *method,
                     IterationKind kind)
{
    double len;
    Object *o = this_array_like(vm, this_value, method, &len);
    if (!o)
        return VALUE_EXCEPTION;
    Value callback = es_arg(argc, argv, 0);
    if (!value_is_callable(callback))
        return es_throw_not_callable(vm, callback);
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    Object *a = NULL;
    GC_ROOT_CELL(vm->heap, a);
    Value value = VALUE_UNDEFINED;
    GC_ROOT(vm->heap, value);
    Value result = kind == SOME ? VALUE_FALSE : kind == EVERY ? VALUE_TRUE : VALUE_UNDEFINED;
    bool ok = true;
    if (kind == MAP || kind == FILTER)
        ok = (a = array_species_create(vm, o, kind == MAP ? len : 0)) != NULL;
    double to = 0;
    for (double k = 0; ok && k < len; k++) {
        int present = array_has_index(vm, o, k);
        ok = present >= 0;
        if (present <= 0)
            continue;
        value = array_get_index(vm, o, k);
        Value mapped = value_is_exception(value) ? value : call_back(vm, callback, es_arg(argc, argv, 1), value, k, o);
        if (value_is_exception(mapped) || !take_result(vm, kind, a, value, mapped, k, &to, &result))
            break;
    }
    if (vm->has_exception || !ok)
        result = VALUE_EXCEPTION;
    else if (a)
        result = value_from_object(a);
    GC_SCOPE_END(vm->heap);
    return result;
}

static Value array_proto_for_each(ARGS)
{
    (void)new_target;
    return iterate(vm, this_value, argc, argv, "Array.prototype.forEach", FOR_EACH);
}

static Value array_proto_map(ARGS)
{
    (void)new_target;
    return iterate(vm, this_value, argc, argv, "Array.prototype.map", MAP);
}

static Value array_proto_filter(ARGS)
{
    (void)new_target;
    return iterate(vm, this_value, argc, argv, "Array.prototype.filter", FILTER);
}

static Value array_proto_some(ARGS)
{
    (void)new_target;
    return iterate(vm, this_value, argc, argv, "Array.prototype.some", SOME);
}

static Value array_proto_every(ARGS)
{
    (void)new_target;
    return iterate(vm, this_value, argc, argv, "Array.prototype.every", EVERY);
}

/* ES2025 23.1.3.24 reduce and 23.1.3.25 reduceRight ( callbackfn [ , initialValue ] ) */
static Value reduce(VM *vm, Value this_value, uint32_t argc, const Value *argv, const char *method, bool right)
{
    double len;
    Object *o = this_array_like(vm, this_value, method, &len);
    if (!o)
        return VALUE_EXCEPTION;
    Value callback = es_arg(argc, argv, 0);
    if (!value_is_callable(callback))
        return es_throw_not_callable(vm, callback);
    if (len == 0 && argc < 2)
        return vm_throw_type_error(vm, "Reduce of empty array with no initial value");
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    Value accumulator = es_arg(argc, argv, 1);
    GC_ROOT(vm->heap, accumulator);
    double i = 0;
    bool found = argc >= 2;
    for (; !found && i < len && !value_is_exception(accumulator); i++) {
        int present = array_has_index(vm, o, right ? len - 1 - i : i);
        if (present < 0)
            accumulator = VALUE_EXCEPTION;
        else if ((found = present))
            accumulator = array_get_index(vm, o, right ? len - 1 - i : i);
    }
    if (!found && !value_is_exception(accumulator))
        accumulator = vm_throw_type_error(vm, "Reduce of empty array with no initial value");
    for (; i < len && !value_is_exception(accumulator); i++) {
        double k = right ? len - 1 - i : i;
        int present = array_has_index(vm, o, k);
        Value value = present > 0 ? array_get_index(vm, o, k) : present < 0 ? VALUE_EXCEPTION : VALUE_HOLE;
        if (value_is_exception(value)) {
            accumulator = value;
        } else if (!value_is_hole(value)) {
            Value args[4] = { accumulator, value, value_from_number(k), value_from_object(o) };
            accumulator = vm_call(vm, callback, VALUE_UNDEFINED, 4, args);
        }
    }
    GC_SCOPE_END(vm->heap);
    return accumulator;
}

static Value array_proto_reduce(ARGS)
{
    (void)new_target;
    return reduce(vm, this_value, argc, argv, "Array.prototype.reduce", false);
}

static Value array_proto_reduce_right(ARGS)
{
    (void)new_target;
    return reduce(vm, this_value, argc, argv, "Array.prototype.reduceRight", true);
}

/* ---- Copying methods: toReversed, toSpliced, with ---- */

/* ES2025 23.1.3.33 Array.prototype.toReversed ( ) */
static Value array_proto_to_reversed(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    double len;
    Object *o = this_array_like(vm, this_value, "Array.prototype.toReversed", &len);
    if (!o)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    Object *a = array_create(vm, len);
    GC_ROOT_CELL(vm->heap, a);
    bool ok = a != NULL;
    for (double k = 0; ok && k < len; k++) {
        Value value = array_get_index(vm, o, len - k - 1);
        ok = !value_is_exception(value) && array_create_index(vm, a, k, value);
    }
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(a) : VALUE_EXCEPTION;
}

/* Copies o[from ...] into a[at ... end): toSpliced's loops. */
static bool copy_range(VM *vm, Object *o, Object *a, double from, double at, double end)
{
    for (; at < end; at++, from++) {
        Value value = array_get_index(vm, o, from);
        if (value_is_exception(value) || !array_create_index(vm, a, at, value))
            return false;
    }
    return true;
}

/* ES2025 23.1.3.35 Array.prototype.toSpliced ( start, skipCount, ...items ) */
static Value array_proto_to_spliced(ARGS)
{
    (void)new_target;
    double len, start, skip;
    Object *o = this_array_like(vm, this_value, "Array.prototype.toSpliced", &len);
    if (!o)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    Object *a = NULL;
    GC_ROOT_CELL(vm->heap, a);
    uint32_t insert_count = argc > 2 ? argc - 2 : 0;
    bool ok = es_relative_index(vm, es_arg(argc, argv, 0), len, 0, &start)
              && skip_count(vm, argc, argv, len, start, &skip);
    double new_len = len + insert_count - skip;
    if (ok && new_len > MAX_LENGTH) {
        vm_throw_type_error(vm, "Invalid array length");
        ok = false;
    }
    ok = ok && (a = array_create(vm, new_len)) && copy_range(vm, o, a, 0, 0, start);
    for (uint32_t j = 0; ok && j < insert_count; j++)
        ok = array_create_index(vm, a, start + j, argv[2 + j]);
    ok = ok && copy_range(vm, o, a, start + skip, start + insert_count, new_len);
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(a) : VALUE_EXCEPTION;
}

/* ES2025 23.1.3.39 Array.prototype.with ( index, value ) */
static Value array_proto_with(ARGS)
{
    (void)new_target;
    double len, relative;
    Object *o = this_array_like(vm, this_value, "Array.prototype.with", &len);
    if (!o)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    Object *a = NULL;
    GC_ROOT_CELL(vm->heap, a);
    bool ok = es_to_integer_or_infinity(vm, es_arg(argc, argv, 0), &relative);
    double actual = relative >= 0 ? relative : len + relative;
    if (ok && (actual >= len || actual < 0)) {
        vm_throw_range_error(vm, "Invalid index : %.17g", relative);
        ok = false;
    }
    ok = ok && (a = array_create(vm, len));
    for (double k = 0; ok && k < len; k++) {
        Value value = k == actual ? es_arg(argc, argv, 1) : array_get_index(vm, o, k);
        ok = !value_is_exception(value) && array_create_index(vm, a, k, value);
    }
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(a) : VALUE_EXCEPTION;
}

/* ---- Iterators: keys, values, entries ---- */

static Value iterator_of(VM *vm, Value this_value, ArrayIterationKind kind)
{
    Object *o = es_to_object(vm, this_value);
    return o ? array_iterator_new(vm, o, kind) : VALUE_EXCEPTION;
}

/* ES2025 23.1.3.19 Array.prototype.keys ( ) */
static Value array_proto_keys(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    return iterator_of(vm, this_value, ITERATE_KEYS);
}

/* ES2025 23.1.3.38 Array.prototype.values ( ) */
static Value array_proto_values(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    return iterator_of(vm, this_value, ITERATE_VALUES);
}

/* ES2025 23.1.3.5 Array.prototype.entries ( ) */
static Value array_proto_entries(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    return iterator_of(vm, this_value, ITERATE_ENTRIES);
}

/* ---- Installation ---- */

typedef struct MethodEntry {
    const char *name;
    NativeFunction function;
    uint32_t length;
} MethodEntry;

static const MethodEntry PROTOTYPE_METHODS[] = {
    { "at", array_proto_at, 1 }, { "concat", array_proto_concat, 1 },
    { "copyWithin", array_proto_copy_within, 2 }, { "fill", array_proto_fill, 1 },
    { "find", array_proto_find, 1 }, { "findIndex", array_proto_find_index, 1 },
    { "findLast", array_proto_find_last, 1 }, { "findLastIndex", array_proto_find_last_index, 1 },
    { "lastIndexOf", array_proto_last_index_of, 1 }, { "pop", array_proto_pop, 0 },
    { "push", array_proto_push, 1 }, { "reverse", array_proto_reverse, 0 },
    { "shift", array_proto_shift, 0 }, { "unshift", array_proto_unshift, 1 },
    { "slice", array_proto_slice, 2 }, { "sort", array_proto_sort, 1 },
    { "splice", array_proto_splice, 2 }, { "includes", array_proto_includes, 1 },
    { "indexOf", array_proto_index_of, 1 }, { "join", array_proto_join, 1 },
    { "keys", array_proto_keys, 0 }, { "entries", array_proto_entries, 0 },
    { "values", array_proto_values, 0 }, { "forEach", array_proto_for_each, 1 },
    { "filter", array_proto_filter, 1 }, { "flat", array_proto_flat, 0 },
    { "flatMap", array_proto_flat_map, 1 }, { "map", array_proto_map, 1 },
    { "every", array_proto_every, 1 }, { "some", array_proto_some, 1 },
    { "reduce", array_proto_reduce, 1 }, { "reduceRight", array_proto_reduce_right, 1 },
    { "toLocaleString", array_proto_to_locale_string, 0 }, { "toString", array_proto_to_string, 0 },
    { "toReversed", array_proto_to_reversed, 0 }, { "toSorted", array_proto_to_sorted, 1 },
    { "toSpliced", array_proto_to_spliced, 2 }, { "with", array_proto_with, 2 },
};

/* ES2025 23.1.3.41 Array.prototype [ %Symbol.unscopables% ] */
static bool install_unscopables(VM *vm, Object *proto)
{
    static const char *const names[] = {
        "at", "copyWithin", "entries", "fill", "find", "findIndex", "findLast", "findLastIndex", "flat",
        "flatMap", "includes", "keys", "toReversed", "toSorted", "toSpliced", "values",
    };
    Object *list = object_new_ordinary(vm, NULL);
    if (!list)
        return false;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, list);
    bool ok = true;
    for (size_t i = 0; ok && i < sizeof names / sizeof *names; i++)
        ok = es_define_value(vm, list, names[i], VALUE_TRUE, PROP_DEFAULT);
    PropertyKey key = ok ? es_key_symbol(vm, WELL_KNOWN_unscopables) : VALUE_EXCEPTION;
    ok = !value_is_exception(key)
         && object_define_data_property(vm, proto, key, value_from_object(list), PROP_CONFIGURABLE);
    GC_SCOPE_END(vm->heap);
    return ok;
}

static bool install_prototype(VM *vm, Realm *realm, Object *proto)
{
    for (size_t i = 0; i < sizeof PROTOTYPE_METHODS / sizeof *PROTOTYPE_METHODS; i++)
        if (!es_define_method(vm, proto, PROTOTYPE_METHODS[i].name, PROTOTYPE_METHODS[i].function,
                              PROTOTYPE_METHODS[i].length))
            return false;
    /* ES2025 23.1.3.42: @@iterator is the same function object as values. */
    Value values = es_get(vm, proto, es_key_cstr(vm, "values"));
    PropertyKey key = es_key_symbol(vm, WELL_KNOWN_iterator);
    if (value_is_exception(values) || value_is_exception(key)
        || !object_define_data_property(vm, proto, key, values, ES_ATTRS_METHOD))
        return false;
    realm->intrinsics[INTRINSIC_ArrayPrototypeValues] = value_as_object(values);
    return install_unscopables(vm, proto);
}

static bool install_statics(VM *vm, Realm *realm, Object *ctor)
{
    (void)realm;
    PropertyKey species = es_key_symbol(vm, WELL_KNOWN_species);
    return es_define_method(vm, ctor, "isArray", array_is_array, 1) && es_define_method(vm, ctor, "from", array_from, 1)
           && es_define_method(vm, ctor, "of", array_of, 0) && !value_is_exception(species)
           && es_define_accessor(vm, ctor, species, "[Symbol.species]", array_species, NULL);
}

bool stdlib_install_array(VM *vm, Realm *realm)
{
    Object *proto = realm->intrinsics[INTRINSIC_ArrayPrototype];
    if (!proto && !(proto = realm->intrinsics[INTRINSIC_ArrayPrototype] =
                        array_new(vm, realm->intrinsics[INTRINSIC_ObjectPrototype], 0)))
        return false;
    Object *ctor = es_define_constructor(vm, realm, "Array", array_constructor, 1, proto);
    if (!ctor)
        return false;
    realm->intrinsics[INTRINSIC_Array] = ctor;
    /* Array.prototype's methods and the constructor's are made on first use
     * (vm/lazy_holder.c); it is an Array all along (object_kind). */
    if (!realm_defer_holder(vm, realm, proto, install_prototype) || !array_iterator_install(vm, realm))
        return false;
    return realm_defer_holder(vm, realm, ctor, install_statics);   /* made on first use */
}
