/*
 * Operations on iterator objects (ES2025 7.4) for the built-ins that
 * consume iterables: Array.from, Object.fromEntries, Object.groupBy, ...
 */
#ifndef NODUS_STDLIB_ES_ITERATION_H
#define NODUS_STDLIB_ES_ITERATION_H

#include "vm/object.h"

/* ES2025 7.4.1 Iterator Records. The caller roots iterator and
 * next_method while it uses the record: ES_ROOT_ITERATOR. */
typedef struct IteratorRecord {
    Value iterator;
    Value next_method;
    bool done;
} IteratorRecord;

#define ES_ROOT_ITERATOR(heap, record) \
    (gc_root_value((heap), &(record).iterator), gc_root_value((heap), &(record).next_method))

/* GetIterator ( obj, sync ): false after throwing. */
bool es_get_iterator(VM *vm, Value obj, IteratorRecord *record) NODUS_MUST_CHECK;
/* GetIteratorFromMethod ( obj, method ) */
bool es_get_iterator_from_method(VM *vm, Value obj, Value method, IteratorRecord *record) NODUS_MUST_CHECK;
/* IteratorStepValue: 1 and *value set, 0 when done, -1 after throwing
 * (record->done is then true: the iterator must not be closed). */
int es_iterator_step_value(VM *vm, IteratorRecord *record, Value *value);
/* IteratorClose ( iteratorRecord, completion ) for an abrupt completion:
 * the pending exception stays the one thrown (the return method's own
 * errors are dropped). Returns VALUE_EXCEPTION. */
Value es_iterator_close_throw(VM *vm, IteratorRecord *record);
/* IteratorClose for a normal completion: false after throwing. */
bool es_iterator_close(VM *vm, IteratorRecord *record) NODUS_MUST_CHECK;
/* CreateIteratorResultObject ( value, done ) */
Value es_iter_result(VM *vm, Value value, bool done);

#endif
