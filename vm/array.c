/*
 * Array exotic objects (ES2025 10.4.2).
 *
 * "length" is an ordinary data property in slot ARRAY_LENGTH_SLOT: ArrayCreate
 * defines it first, so every array's shape starts with it, and reading it
 * (or caching the read) is a slot load. Only [[DefineOwnProperty]] is exotic.
 * ARRAY_LENGTH_READONLY mirrors its [[Writable]] being false; every change of
 * its attributes goes through array_define_own_property, which updates it.
 */
#include <math.h>

#include "vm/atom.h"
#include "vm/object_internal.h"

uint32_t array_length(const Object *array)
{
    return (uint32_t)value_as_number(array->slots[ARRAY_LENGTH_SLOT]);
}

static Value length_key(VM *vm) { return value_from_string(vm_atom(vm, ATOM_length)); }

static void sync_length_flag(VM *vm, Object *array)
{
    uint32_t slot;
    uint8_t attributes;
    if (shape_lookup(array->shape, length_key(vm), &slot, &attributes) && !(attributes & PROP_WRITABLE))
        array->header.flags |= ARRAY_LENGTH_READONLY;
    else
        array->header.flags &= ~ARRAY_LENGTH_READONLY;
}

/* OrdinaryDefineOwnProperty(A, "length", desc), keeping the flag in step. */
static int define_length(VM *vm, Object *array, const PropertyDescriptor *desc)
{
    int result = ordinary_define_own_property(vm, array, length_key(vm), desc);
    sync_length_flag(vm, array);
    return result;
}

/* ES2025 7.1.7 ToUint32 of a number */
static double to_uint32(double number)
{
    if (!isfinite(number))
        return 0;
    double int_part = fmod(trunc(number), 4294967296.0);
    return int_part < 0 ? int_part + 4294967296.0 : int_part;
}

/* The steps after the new length is known: shrinking deletes elements from
 * the end, stopping at a non-configurable one. */
static int shrink_length(VM *vm, Object *array, PropertyDescriptor *new_len_desc, uint32_t new_len)
{
    if (array->header.flags & ARRAY_LENGTH_READONLY)
        return 0;
    bool new_writable = !(new_len_desc->has & DESC_HAS_WRITABLE) || (new_len_desc->attributes & PROP_WRITABLE);
    if (!new_writable)
        new_len_desc->attributes |= PROP_WRITABLE;   /* deferred in case an element cannot be deleted */
    int succeeded = define_length(vm, array, new_len_desc);
    if (succeeded <= 0)
        return succeeded;
    uint32_t end = elements_truncate(vm, array, new_len);
    if (end > new_len) {
        new_len_desc->value = value_from_number(end);
        if (!new_writable)
            new_len_desc->attributes &= ~PROP_WRITABLE;
        return define_length(vm, array, new_len_desc) < 0 ? -1 : 0;
    }
    if (!new_writable) {
        PropertyDescriptor readonly = { .has = DESC_HAS_WRITABLE, .attributes = 0, .value = VALUE_UNDEFINED,
                                        .getter = VALUE_UNDEFINED, .setter = VALUE_UNDEFINED };
        return define_length(vm, array, &readonly);
    }
    return 1;
}

/* ES2025 10.4.2.4 ArraySetLength */
static int array_set_length(VM *vm, Object *array, const PropertyDescriptor *desc)
{
    if (!(desc->has & DESC_HAS_VALUE))
        return define_length(vm, array, desc);
    PropertyDescriptor new_len_desc = *desc;
    double number_len, twice;
    /* ToUint32 and ToNumber each convert the value: an object's valueOf runs twice. */
    if (!property_to_number(vm, desc->value, &number_len) || !property_to_number(vm, desc->value, &twice))
        return -1;
    double new_len = to_uint32(number_len);
    if (new_len != twice)
        return vm_throw_range_error(vm, "Invalid array length"), -1;
    new_len_desc.value = value_from_number(new_len);
    if (new_len >= array_length(array))
        return define_length(vm, array, &new_len_desc);
    return shrink_length(vm, array, &new_len_desc, (uint32_t)new_len);
}

/* ES2025 10.4.2.1 [[DefineOwnProperty]] of an Array */
static int array_define_own_property(VM *vm, Object *array, PropertyKey key, const PropertyDescriptor *desc)
{
    if (property_key_is_length(vm, key))
        return array_set_length(vm, array, desc);
    uint32_t index;
    if (!property_key_is_index(key, &index))
        return ordinary_define_own_property(vm, array, key, desc);
    uint32_t length = array_length(array);
    if (index >= length && (array->header.flags & ARRAY_LENGTH_READONLY))
        return 0;
    int succeeded = ordinary_define_own_property(vm, array, key, desc);
    if (succeeded <= 0)
        return succeeded;
    if (index >= length)
        array->slots[ARRAY_LENGTH_SLOT] = value_from_number((double)index + 1);
    return 1;
}

const ObjectClass array_object_class = {
    .name = "Array",
    .get_own_property = ordinary_get_own_property,
    .define_own_property = array_define_own_property,
    .has_property = ordinary_has_property,
    .get = ordinary_get,
    .set = ordinary_set,
    .delete_property = ordinary_delete,
    .own_property_keys = ordinary_own_property_keys,
    .get_prototype_of = ordinary_get_prototype_of,
    .set_prototype_of = ordinary_set_prototype_of,
    .is_extensible = ordinary_is_extensible,
    .prevent_extensions = ordinary_prevent_extensions,
};

/* ES2025 10.4.2.2 ArrayCreate (the length fits: it is a uint32_t, and the
 * RangeError for 2^32 - 1 < length belongs to callers with larger numbers). */
Object *array_new(VM *vm, Object *prototype, uint32_t length)
{
    GC_SCOPE(vm->heap);
    Object *array = object_new(vm, &array_object_class, sizeof(Object), prototype);
    GC_ROOT_CELL(vm->heap, array);
    PropertyDescriptor desc = {
        .has = DESC_HAS_VALUE | DESC_HAS_WRITABLE | DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE,
        .attributes = PROP_WRITABLE, .value = value_from_number(length),
        .getter = VALUE_UNDEFINED, .setter = VALUE_UNDEFINED,
    };
    if (array && !ordinary_add_named(vm, array, length_key(vm), &desc))
        array = NULL;
    GC_SCOPE_END(vm->heap);
    return array;
}
