/*
 * Iteration: GetIterator, IteratorStep and IteratorClose (ES2025 7.4) for
 * for-of, spreads and destructuring, and the for-in enumerator (14.7.5.9
 * EnumerateObjectProperties).
 *
 * An iterator record lives in two registers: the iterator and its next
 * method. Arrays iterated while their iteration is not observable take a
 * fast path: the record is the array and an int32 index instead of a next
 * method, and ITERATOR_NEXT reads the elements directly.
 */
#include <stdlib.h>

#include "vm/atom.h"
#include "vm/interp_ops.h"
#include "vm/object_internal.h"
#include "vm/operators.h"

/* May iterable be iterated by index, unobservably? When it is an array
 * whose @@iterator is the original %Array.prototype.values% found on
 * %Array.prototype% (or when no Symbol.iterator exists yet, before the
 * built-ins are installed). TODO: also check that
 * %ArrayIteratorPrototype%.next is the original. */
static bool array_fast_path(VM *vm, Value iterable, Value iterator_key)
{
    if (!value_is_object(iterable) || value_as_object(iterable)->class_ != &array_object_class)
        return false;
    if (value_is_undefined(iterator_key))
        return true;
    Object *array = value_as_object(iterable);
    Object *prototype = realm_intrinsic(vm, INTRINSIC_ArrayPrototype);
    Object *values = realm_intrinsic(vm, INTRINSIC_ArrayPrototypeValues);
    uint32_t slot;
    uint8_t attributes;
    if (!values || shape_prototype(array->shape) != prototype ||
        shape_lookup(array->shape, iterator_key, &slot, &attributes) ||
        !shape_lookup(prototype->shape, iterator_key, &slot, &attributes) || (attributes & PROP_ACCESSOR))
        return false;
    return prototype->slots[slot] == value_from_object(values);
}

static Value throw_not_iterable(VM *vm, Value value)
{
    (void)value;
    return vm_throw_type_error(vm, "object is not iterable (cannot read property Symbol(Symbol.iterator))");
}

/* ES2025 7.4.3 GetIterator */
bool interp_get_iterator(VM *vm, Value iterable, bool async, Value *out)
{
    Value key = operators_well_known_key(vm, async ? WELL_KNOWN_KEY_ASYNC_ITERATOR : WELL_KNOWN_KEY_ITERATOR);
    if (!async && array_fast_path(vm, iterable, key)) {
        out[0] = iterable;
        out[1] = value_from_int32(0);
        return true;
    }
    return interp_get_iterator_record(vm, iterable, async, out);
}

/* ES2025 7.4.3 GetIterator without the array fast path: out[0], out[1] are
 * always the iterator and its next method. */
bool interp_get_iterator_record(VM *vm, Value iterable, bool async, Value *out)
{
    Value key = operators_well_known_key(vm, async ? WELL_KNOWN_KEY_ASYNC_ITERATOR : WELL_KNOWN_KEY_ITERATOR);
    if (value_is_undefined(key) || value_is_nullish(iterable))
        return !throw_not_iterable(vm, iterable);
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, iterable);
    bool ok = false;
    Value method = value_get_method(vm, iterable, key);
    if (value_is_exception(method))
        goto done;
    if (value_is_undefined(method)) {
        throw_not_iterable(vm, iterable);
        goto done;
    }
    Value iterator = vm_call(vm, method, iterable, 0, NULL);
    if (value_is_exception(iterator))
        goto done;
    if (!value_is_object(iterator)) {
        vm_throw_type_error(vm, "Result of the Symbol.iterator method is not an object");
        goto done;
    }
    out[0] = iterator;   /* out is rooted (registers) */
    Value next = object_get(vm, value_as_object(iterator), value_from_string(vm_atom(vm, ATOM_next)), iterator);
    if (value_is_exception(next))
        goto done;
    out[1] = next;
    ok = true;
done:
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* ES2025 7.4.8 IteratorStepValue. When it throws, the record's iterator
 * becomes undefined too, so that no IteratorClose follows. */
static Value iterator_step_value(VM *vm, Value *record);

Value interp_iterator_next(VM *vm, Value *record)
{
    Value value = iterator_step_value(vm, record);
    if (value_is_exception(value))
        record[0] = VALUE_UNDEFINED;
    return value;
}

static Value iterator_step_value(VM *vm, Value *record)
{
    if (value_is_int32(record[1])) {   /* the array fast path */
        Object *array = value_as_object(record[0]);
        uint32_t index = (uint32_t)value_as_int32(record[1]);
        if (index >= array_length(array)) {
            record[0] = VALUE_UNDEFINED;
            return VALUE_HOLE;
        }
        record[1] = value_from_int32((int32_t)index + 1);
        Value element = elements_dense_get(array, index);
        if (!value_is_hole(element))
            return element;
        return object_get(vm, array, property_key_from_index(vm, index), record[0]);
    }
    Value result = vm_call(vm, record[1], record[0], 0, NULL);
    if (value_is_exception(result))
        return result;
    if (!value_is_object(result))
        return vm_throw_type_error(vm, "Iterator result is not an object");
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, result);
    Value done = object_get(vm, value_as_object(result), value_from_string(vm_atom(vm, ATOM_done)), result);
    Value value = done;
    if (!value_is_exception(done)) {
        if (value_to_boolean(done)) {
            record[0] = VALUE_UNDEFINED;
            value = VALUE_HOLE;
        } else {
            value = object_get(vm, value_as_object(result), value_from_string(vm_atom(vm, ATOM_value)), result);
        }
    }
    GC_SCOPE_END(vm->heap);
    return value;
}

/* ES2025 7.4.11 IteratorClose. quiet: for a throw completion, whose own
 * exception wins over anything return() does. */
bool interp_iterator_close(VM *vm, Value iterator, bool quiet)
{
    if (value_is_undefined(iterator) || !value_is_object(iterator) ||
        value_as_object(iterator)->class_ == &array_object_class)
        return true;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, iterator);
    bool ok = false;
    String *return_name = atom_from_cstr(vm, "return");
    GC_ROOT_CELL(vm->heap, return_name);
    Value method = return_name ? value_get_method(vm, iterator, value_from_string(return_name)) : VALUE_EXCEPTION;
    if (value_is_exception(method))
        goto done;
    if (value_is_undefined(method)) {
        ok = true;
        goto done;
    }
    Value inner = vm_call(vm, method, iterator, 0, NULL);
    if (value_is_exception(inner))
        goto done;
    if (!value_is_object(inner) && !quiet) {
        vm_throw_type_error(vm, "Iterator result is not an object");
        goto done;
    }
    ok = true;
done:
    GC_SCOPE_END(vm->heap);
    if (!ok && quiet) {
        vm_take_exception(vm);
        return true;
    }
    return ok;
}

/* ---- for-in ----
 * The enumerator is an internal Array: [object, next index, key, key, ...]
 * with every enumerable string key of the object and its prototypes,
 * shadowed ones and duplicates left out (ES2025 14.7.5.9). */

enum { ENUMERATOR_OBJECT = 0, ENUMERATOR_NEXT = 1, ENUMERATOR_KEYS = 2 };

static bool append(VM *vm, Object *array, Value value)
{
    return object_create_data_property(vm, array, property_key_from_index(vm, array_length(array)), value) > 0;
}

/* Adds o's own enumerable string keys not seen yet to enumerator. */
static bool collect_keys(VM *vm, Object *o, Object *enumerator, Object *seen)
{
    KeyList keys;
    key_list_init(vm, &keys);
    bool ok = object_own_property_keys(vm, o, &keys);
    for (uint32_t i = 0; ok && i < keys.count; i++) {
        Value key = keys.keys[i];
        if (value_is_symbol(key))
            continue;
        int already = object_has_property(vm, seen, key);
        if (already != 0) {
            ok = already > 0;
            continue;
        }
        PropertyDescriptor desc;
        int found = object_get_own_property(vm, o, key, &desc);
        ok = found >= 0 && object_create_data_property(vm, seen, key, VALUE_TRUE) >= 0;
        if (ok && found && (desc.attributes & PROP_ENUMERABLE))
            ok = append(vm, enumerator, key);
    }
    key_list_free(vm, &keys);
    return ok;
}

Value interp_for_in_prepare(VM *vm, Value value)
{
    GC_SCOPE(vm->heap);
    Object *enumerator = NULL, *seen = NULL, *o = NULL;
    GC_ROOT_CELL(vm->heap, enumerator);
    GC_ROOT_CELL(vm->heap, seen);
    GC_ROOT_CELL(vm->heap, o);
    Value result = VALUE_EXCEPTION;
    enumerator = array_new(vm, NULL, 0);
    seen = enumerator ? object_new_ordinary(vm, NULL) : NULL;
    if (!seen)
        goto done;
    if (!value_is_nullish(value)) {
        o = value_to_object(vm, value);
        if (!o)
            goto done;
    }
    if (!append(vm, enumerator, o ? value_from_object(o) : VALUE_UNDEFINED) ||
        !append(vm, enumerator, value_from_int32(ENUMERATOR_KEYS)))
        goto done;
    for (Object *p = o; p;) {
        if (!collect_keys(vm, p, enumerator, seen))
            goto done;
        Value parent = object_get_prototype_of(vm, p);
        if (value_is_exception(parent))
            goto done;
        p = value_is_object(parent) ? value_as_object(parent) : NULL;
        o = p;   /* keeps the next object rooted */
    }
    result = value_from_object(enumerator);
done:
    GC_SCOPE_END(vm->heap);
    return result;
}

Value interp_for_in_next(VM *vm, Value enumerator_value)
{
    Object *enumerator = value_as_object(enumerator_value);
    Value target = enumerator->elements[ENUMERATOR_OBJECT];
    for (;;) {
        uint32_t next = (uint32_t)value_as_int32(enumerator->elements[ENUMERATOR_NEXT]);
        if (next >= array_length(enumerator))
            return VALUE_HOLE;
        enumerator->elements[ENUMERATOR_NEXT] = value_from_int32((int32_t)next + 1);
        Value key = enumerator->elements[next];
        /* A key deleted before it is reached is not visited. */
        int present = object_has_property(vm, value_as_object(target), key);
        if (present < 0)
            return VALUE_EXCEPTION;
        if (present) {
            String *s = value_to_string(vm, key);
            return s ? value_from_string(s) : VALUE_EXCEPTION;
        }
    }
}
