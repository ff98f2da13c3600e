/*
 * Array iterators: CreateArrayIterator and %ArrayIteratorPrototype%
 * (ES2025 23.1.5), and %IteratorPrototype% [ %Symbol.iterator% ] (27.1.2.1).
 */
#include <stdlib.h>

#include "stdlib/es/array_internal.h"
#include "stdlib/es/iteration.h"
#include "vm/object_internal.h"   /* array_length: the fast path of LengthOfArrayLike */

typedef struct ArrayIterator {
    Object object;
    Value iterated;               /* [[IteratedArrayLike]]; undefined once done */
    double next_index;            /* [[ArrayLikeNextIndex]] */
    ArrayIterationKind kind;      /* [[ArrayLikeIterationKind]] */
} ArrayIterator;

static void array_iterator_trace(GCTracer *tracer, Object *o)
{
    gc_mark_value(tracer, ((ArrayIterator *)o)->iterated);
}

static const ObjectClass array_iterator_class = {
    .name = "Array Iterator",
    ORDINARY_INTERNAL_METHODS,
    .trace = array_iterator_trace,
};

/* ES2025 23.1.5.1 CreateArrayIterator ( array, kind ) */
Value array_iterator_new(VM *vm, Object *array, ArrayIterationKind kind)
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, array);
    Object *o = object_new(vm, &array_iterator_class, sizeof(ArrayIterator),
                           realm_intrinsic(vm, INTRINSIC_ArrayIteratorPrototype));
    GC_SCOPE_END(vm->heap);
    if (!o)
        return VALUE_EXCEPTION;
    ArrayIterator *it = (ArrayIterator *)o;
    it->iterated = value_from_object(array);
    it->next_index = 0;
    it->kind = kind;
    return value_from_object(o);
}

/* The result of one step at index: the key, the value or [key, value]. */
static Value step_result(VM *vm, ArrayIterator *it, Object *array, double index)
{
    if (it->kind == ITERATE_KEYS)
        return es_iter_result(vm, value_from_number(index), false);
    Value value = array_get_index(vm, array, index);
    if (value_is_exception(value))
        return value;
    if (it->kind == ITERATE_ENTRIES) {
        GC_SCOPE(vm->heap);
        GC_ROOT(vm->heap, value);
        Value pair[2] = { value_from_number(index), value };
        Object *entry = es_array_from_list(vm, pair, 2);
        GC_SCOPE_END(vm->heap);
        if (!entry)
            return VALUE_EXCEPTION;
        value = value_from_object(entry);
    }
    return es_iter_result(vm, value, false);
}

/* ES2025 23.1.5.2.1 %ArrayIteratorPrototype%.next ( ) */
static Value array_iterator_next(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)argc, (void)argv, (void)new_target;
    if (!value_is_object(this_value) || value_as_object(this_value)->class_ != &array_iterator_class) {
        char *text = es_describe_value(vm, this_value);
        vm_throw_type_error(vm, "Method Array Iterator.prototype.next called on incompatible receiver %s",
                            text ? text : "?");
        free(text);
        return VALUE_EXCEPTION;
    }
    ArrayIterator *it = (ArrayIterator *)value_as_object(this_value);
    if (value_is_undefined(it->iterated))
        return es_iter_result(vm, VALUE_UNDEFINED, true);
    Object *array = value_as_object(it->iterated);
    double index = it->next_index, len;
    /* TODO(typed arrays): TypedArrayLength with the out-of-bounds check. */
    if (!es_length_of_array_like(vm, array, &len))
        return VALUE_EXCEPTION;
    if (index >= len) {
        it->iterated = VALUE_UNDEFINED;
        return es_iter_result(vm, VALUE_UNDEFINED, true);
    }
    it->next_index = index + 1;
    return step_result(vm, it, array, index);
}

/* ES2025 27.1.2.1 %IteratorPrototype% [ %Symbol.iterator% ] ( ) */
static Value iterator_proto_iterator(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)vm, (void)argc, (void)argv, (void)new_target;
    return this_value;
}

bool array_iterator_install(VM *vm, Realm *realm)
{
    Object *iterator_proto = es_ensure_intrinsic(vm, realm, INTRINSIC_IteratorPrototype,
                                                 realm->intrinsics[INTRINSIC_ObjectPrototype]);
    if (!iterator_proto)
        return false;
    PropertyKey key = es_key_symbol(vm, WELL_KNOWN_iterator);
    int has = value_is_exception(key) ? -1 : es_has_own_property(vm, iterator_proto, key);
    if (has < 0 || (!has && !es_define_symbol_method(vm, iterator_proto, WELL_KNOWN_iterator,
                                                     iterator_proto_iterator, 0, ES_ATTRS_METHOD)))
        return false;
    Object *proto = es_ensure_intrinsic(vm, realm, INTRINSIC_ArrayIteratorPrototype, iterator_proto);
    return proto && es_define_method(vm, proto, "next", array_iterator_next, 0)
           && es_define_to_string_tag(vm, proto, "Array Iterator");
}
