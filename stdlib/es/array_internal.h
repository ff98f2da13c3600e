/*
 * What the files of Array share (stdlib/es/array.c, array_sort.c,
 * array_iterator.c): index-keyed property operations on array-likes.
 * Indices are doubles because array-likes reach 2^53 - 1.
 */
#ifndef NODUS_STDLIB_ES_ARRAY_INTERNAL_H
#define NODUS_STDLIB_ES_ARRAY_INTERNAL_H

#include "stdlib/es/builtin.h"

Value array_get_index(VM *vm, Object *o, double index);
int array_has_index(VM *vm, Object *o, double index);
bool array_set_index(VM *vm, Object *o, double index, Value value) NODUS_MUST_CHECK;
bool array_create_index(VM *vm, Object *o, double index, Value value) NODUS_MUST_CHECK;
bool array_delete_index(VM *vm, Object *o, double index) NODUS_MUST_CHECK;
/* Set(O, "length", F(length), true) */
bool array_set_length(VM *vm, Object *o, double length) NODUS_MUST_CHECK;
/* ES2025 10.4.2.2 ArrayCreate ( length ): RangeError past 2^32 - 1. */
Object *array_create(VM *vm, double length) NODUS_MUST_CHECK;

/* Array.prototype.sort and toSorted (stdlib/es/array_sort.c) */
Value array_proto_sort(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target);
Value array_proto_to_sorted(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target);

/* Array iterators (stdlib/es/array_iterator.c) */
typedef enum ArrayIterationKind { ITERATE_KEYS, ITERATE_VALUES, ITERATE_ENTRIES } ArrayIterationKind;
/* ES2025 23.1.5.1 CreateArrayIterator ( array, kind ) */
Value array_iterator_new(VM *vm, Object *array, ArrayIterationKind kind);
bool array_iterator_install(VM *vm, Realm *realm) NODUS_MUST_CHECK;

#endif
