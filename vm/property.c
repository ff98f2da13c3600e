/*
 * Property keys (ES2025 6.1.7, 7.1.19 ToPropertyKey), key lists, accessor
 * pairs, and the small value operations the internal methods need
 * (SameValue, ToNumber of a length).
 */
#include <math.h>
#include <stdlib.h>

#include "vm/atom.h"
#include "vm/bigint.h"
#include "vm/object_internal.h"

/* ---- Keys ---- */

enum { MAX_ARRAY_INDEX = 4294967294u };   /* 2^32 - 2 */

PropertyKey property_key_from_index(VM *vm, uint32_t index)
{
    if (index <= INT32_MAX)
        return value_from_int32((int32_t)index);
    if (index <= MAX_ARRAY_INDEX)
        return value_from_double((double)index);
    /* 2^32 - 1 is not an array index: its key is the string. */
    String *atom = atom_from_cstr(vm, "4294967295");
    return atom ? value_from_string(atom) : VALUE_EXCEPTION;
}

bool property_key_is_index(PropertyKey key, uint32_t *index)
{
    if (value_is_int32(key)) {
        *index = (uint32_t)value_as_int32(key);
        return true;
    }
    if (value_is_double(key)) {
        *index = (uint32_t)value_as_double(key);
        return true;
    }
    return false;
}

bool property_key_is_length(VM *vm, PropertyKey key)
{
    return key == value_from_string(vm_atom(vm, ATOM_length));
}

static Value key_from_number(VM *vm, double d)
{
    if (d >= 0 && d <= MAX_ARRAY_INDEX && d == floor(d))
        return property_key_from_index(vm, (uint32_t)d);   /* -0 included: ToString(-0) is "0" */
    String *s = number_to_string(vm, d, 10);
    if (!s)
        return VALUE_EXCEPTION;
    String *atom = atom_intern(vm, s);
    return atom ? value_from_string(atom) : VALUE_EXCEPTION;
}

static Value key_from_string(VM *vm, String *s)
{
    if (!string_flatten(vm, s))
        return VALUE_EXCEPTION;
    uint32_t index;
    if (string_array_index(s, &index))
        return property_key_from_index(vm, index);
    String *atom = atom_intern(vm, s);
    return atom ? value_from_string(atom) : VALUE_EXCEPTION;
}

static Value object_to_primitive(VM *vm, Value value, ToPrimitiveHint hint)
{
    if (!vm->to_primitive) {
        /* TODO(interpreter): install vm->to_primitive (ES2025 7.1.1 ToPrimitive). */
        return vm_throw_type_error(vm, "converting an object to a primitive is not yet supported");
    }
    return vm->to_primitive(vm, value, hint);
}

/* ES2025 7.1.19 ToPropertyKey, with array-index strings made numbers. */
Value property_key_from_value(VM *vm, Value value)
{
    if (value_is_int32(value) && value_as_int32(value) >= 0)
        return value;
    if (value_is_number(value))
        return key_from_number(vm, value_as_number(value));
    if (value_is_string(value))
        return key_from_string(vm, value_as_string(value));
    if (value_is_symbol(value))
        return value;
    if (value_is_undefined(value))
        return value_from_string(vm_atom(vm, ATOM_undefined));
    if (value_is_null(value))
        return value_from_string(vm_atom(vm, ATOM_null));
    if (value_is_boolean(value))
        return value_from_string(vm_atom(vm, value_as_boolean(value) ? ATOM_true : ATOM_false));
    if (value_is_object(value)) {
        Value primitive = object_to_primitive(vm, value, TO_PRIMITIVE_STRING);
        if (value_is_exception(primitive))
            return VALUE_EXCEPTION;
        return property_key_from_value(vm, primitive);
    }
    /* a BigInt: its decimal string (ES2025 7.1.17 ToString, 6.1.6.2.21) */
    String *digits = bigint_to_string(vm, value_as_bigint(value), 10);
    return digits ? key_from_string(vm, digits) : VALUE_EXCEPTION;
}

/* ---- Key lists: the keys live in a pinned ValueArray ---- */

void key_list_init(VM *vm, KeyList *list)
{
    (void)vm;
    list->keys = NULL;
    list->count = list->capacity = 0;
}

bool key_list_push(VM *vm, KeyList *list, PropertyKey key)
{
    if (list->count == list->capacity) {
        uint32_t capacity = list->capacity ? list->capacity * 2 : 8;
        GC_SCOPE(vm->heap);
        GC_ROOT(vm->heap, key);
        ValueArray *grown = value_array_new(vm, capacity, VALUE_UNDEFINED);
        GC_SCOPE_END(vm->heap);
        if (!grown)
            return false;
        gc_pin(vm->heap, &grown->header);
        if (list->keys) {
            for (uint32_t i = 0; i < list->count; i++)
                grown->values[i] = list->keys[i];
            gc_unpin(vm->heap, &value_array_from_values(list->keys)->header);
        }
        list->keys = grown->values;
        list->capacity = capacity;
    }
    list->keys[list->count++] = key;
    return true;
}

void key_list_free(VM *vm, KeyList *list)
{
    if (list->keys)
        gc_unpin(vm->heap, &value_array_from_values(list->keys)->header);
    key_list_init(vm, list);
}

/* ---- Accessor pairs ---- */

AccessorPair *accessor_pair_new(VM *vm, Value getter, Value setter)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, getter);
    GC_ROOT(vm->heap, setter);
    AccessorPair *pair = gc_alloc(vm->heap, sizeof *pair, CELL_TYPE_ACCESSOR_PAIR);
    GC_SCOPE_END(vm->heap);
    if (!pair) {
        vm_throw_out_of_memory(vm);
        return NULL;
    }
    pair->getter = getter;
    pair->setter = setter;
    return pair;
}

static void accessor_pair_trace(GCTracer *tracer, GCCell *cell)
{
    AccessorPair *pair = (AccessorPair *)cell;
    gc_mark_value(tracer, pair->getter);
    gc_mark_value(tracer, pair->setter);
}

void accessor_pair_register(Heap *heap)
{
    static const GCTypeInfo info = { "AccessorPair", accessor_pair_trace, NULL };
    gc_register_type(heap, CELL_TYPE_ACCESSOR_PAIR, &info);
}

/* ---- Value operations ---- */

/* ES2025 7.2.10 SameValue */
int property_same_value(VM *vm, Value a, Value b)
{
    if (value_is_number(a) && value_is_number(b)) {
        double x = value_as_number(a), y = value_as_number(b);
        if (x != x && y != y)
            return 1;
        return x == y && signbit(x) == signbit(y);
    }
    if (a == b)
        return 1;
    if (value_is_string(a) && value_is_string(b)) {
        if (!string_flatten(vm, value_as_string(a)) || !string_flatten(vm, value_as_string(b)))
            return -1;
        return string_equals(value_as_string(a), value_as_string(b));
    }
    if (value_is_bigint(a) && value_is_bigint(b))
        return bigint_equals(value_as_bigint(a), value_as_bigint(b));
    return 0;
}

/* ES2025 7.1.4 ToNumber (BigInt and Symbol throw). */
bool property_to_number(VM *vm, Value value, double *result)
{
    if (value_is_number(value)) {
        *result = value_as_number(value);
        return true;
    }
    if (value_is_undefined(value)) {
        *result = NAN;
    } else if (value_is_null(value)) {
        *result = 0;
    } else if (value_is_boolean(value)) {
        *result = value_as_boolean(value);
    } else if (value_is_string(value)) {
        if (!string_flatten(vm, value_as_string(value)))
            return false;
        *result = string_to_number(value_as_string(value));
    } else if (value_is_object(value)) {
        Value primitive = object_to_primitive(vm, value, TO_PRIMITIVE_NUMBER);
        return !value_is_exception(primitive) && property_to_number(vm, primitive, result);
    } else {
        vm_throw_type_error(vm, "Cannot convert a %s value to a number",
                            value_is_symbol(value) ? "Symbol" : "BigInt");
        return false;
    }
    return true;
}
