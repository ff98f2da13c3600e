/*
 * Value arrays: GC cells holding a fixed number of Values. An object's
 * out-of-line slots and its dense elements are the values of one, and the
 * object keeps a pointer to the values, from which the cell is recovered.
 */
#include <stddef.h>

#include "vm/object_internal.h"

ValueArray *value_array_new(VM *vm, uint32_t capacity, Value fill)
{
    size_t size = sizeof(ValueArray) + (size_t)capacity * sizeof(Value);
    ValueArray *array = gc_alloc(vm->heap, size, CELL_TYPE_VALUE_ARRAY);
    if (!array) {
        vm_throw_out_of_memory(vm);
        return NULL;
    }
    array->header.aux = capacity;
    for (uint32_t i = 0; i < capacity; i++)
        array->values[i] = fill;
    return array;
}

ValueArray *value_array_from_values(Value *values)
{
    return (ValueArray *)((char *)values - offsetof(ValueArray, values));
}

static void value_array_trace(GCTracer *tracer, GCCell *cell)
{
    ValueArray *array = (ValueArray *)cell;
    for (uint32_t i = 0; i < array->header.aux; i++)
        gc_mark_value(tracer, array->values[i]);
}

void value_array_register(Heap *heap)
{
    static const GCTypeInfo info = { "ValueArray", value_array_trace, NULL };
    gc_register_type(heap, CELL_TYPE_VALUE_ARRAY, &info);
}
