/*
 * Iterator operations (ES2025 7.4).
 */
#include <stdlib.h>

#include "stdlib/es/builtin.h"
#include "stdlib/es/iteration.h"

/* ES2025 7.4.2 GetIteratorFromMethod ( obj, method ) */
bool es_get_iterator_from_method(VM *vm, Value obj, Value method, IteratorRecord *record)
{
    record->iterator = record->next_method = VALUE_UNDEFINED;
    record->done = false;
    Value iterator = es_call(vm, method, obj, 0, NULL);
    if (value_is_exception(iterator))
        return false;
    if (!value_is_object(iterator)) {
        vm_throw_type_error(vm, "Result of the Symbol.iterator method is not an object");
        return false;
    }
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, iterator);
    Value next = es_get(vm, value_as_object(iterator), es_key(vm, ATOM_next));
    GC_SCOPE_END(vm->heap);
    if (value_is_exception(next))
        return false;
    record->iterator = iterator;
    record->next_method = next;
    return true;
}

/* ES2025 7.4.3 GetIterator ( obj, sync ) */
bool es_get_iterator(VM *vm, Value obj, IteratorRecord *record)
{
    record->iterator = record->next_method = VALUE_UNDEFINED;
    record->done = false;
    PropertyKey key = es_key_symbol(vm, WELL_KNOWN_iterator);
    Value method = value_is_exception(key) ? key : es_get_method(vm, obj, key);
    if (value_is_exception(method))
        return false;
    if (value_is_undefined(method)) {
        char *text = es_describe_value(vm, obj);
        vm_throw_type_error(vm, "%s is not iterable", text ? text : "object");
        free(text);
        return false;
    }
    return es_get_iterator_from_method(vm, obj, method, record);
}

/* ES2025 7.4.10 IteratorStepValue ( iteratorRecord ) */
int es_iterator_step_value(VM *vm, IteratorRecord *record, Value *value)
{
    Value result = es_call(vm, record->next_method, record->iterator, 0, NULL);
    if (value_is_exception(result)) {
        record->done = true;
        return -1;
    }
    if (!value_is_object(result)) {
        record->done = true;
        char *text = es_describe_value(vm, result);
        vm_throw_type_error(vm, "Iterator result %s is not an object", text ? text : "?");
        free(text);
        return -1;
    }
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, result);
    Value done = es_get(vm, value_as_object(result), es_key(vm, ATOM_done));
    int status = 1;
    if (value_is_exception(done)) {
        status = -1;
    } else if (es_to_boolean(done)) {
        status = 0;
    } else {
        *value = es_get(vm, value_as_object(result), es_key(vm, ATOM_value));
        if (value_is_exception(*value))
            status = -1;
    }
    GC_SCOPE_END(vm->heap);
    if (status <= 0)
        record->done = true;
    return status;
}

/* ES2025 7.4.11 IteratorClose, steps 3-5 with a throw completion. */
Value es_iterator_close_throw(VM *vm, IteratorRecord *record)
{
    Value exception = vm_take_exception(vm);
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, exception);
    Value method = es_get_method(vm, record->iterator, es_key_cstr(vm, "return"));
    if (!value_is_exception(method) && !value_is_undefined(method))
        es_call(vm, method, record->iterator, 0, NULL);
    if (vm->has_exception)
        vm_take_exception(vm);
    GC_SCOPE_END(vm->heap);
    return vm_throw(vm, exception);
}

/* ES2025 7.4.11 IteratorClose with a normal completion. */
bool es_iterator_close(VM *vm, IteratorRecord *record)
{
    PropertyKey key = es_key_cstr(vm, "return");
    Value method = value_is_exception(key) ? key : es_get_method(vm, record->iterator, key);
    if (value_is_exception(method))
        return false;
    if (value_is_undefined(method))
        return true;
    Value inner = es_call(vm, method, record->iterator, 0, NULL);
    if (value_is_exception(inner))
        return false;
    if (!value_is_object(inner)) {
        vm_throw_type_error(vm, "iterator.return() did not return an object");
        return false;
    }
    return true;
}

/* ES2025 7.4.14 CreateIteratorResultObject ( value, done ) */
Value es_iter_result(VM *vm, Value value, bool done)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, value);
    Object *o = es_object_new(vm);
    Value result = VALUE_EXCEPTION;
    if (o) {
        GC_ROOT_CELL(vm->heap, o);
        if (object_create_data_property(vm, o, es_key(vm, ATOM_value), value) >= 0
            && object_create_data_property(vm, o, es_key(vm, ATOM_done), value_from_boolean(done)) >= 0)
            result = value_from_object(o);
    }
    GC_SCOPE_END(vm->heap);
    return result;
}
