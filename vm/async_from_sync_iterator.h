/*
 * GetIterator(obj, async) (ES2025 7.4.3) and the async-from-sync iterator
 * (27.1.6) that adapts a sync iterator for for-await and yield*.
 */
#ifndef NODUS_VM_ASYNC_FROM_SYNC_ITERATOR_H
#define NODUS_VM_ASYNC_FROM_SYNC_ITERATOR_H

#include "vm/realm.h"

/* GET_ASYNC_ITERATOR: out[0] the iterator, out[1] its next method (out is
 * rooted). false after throwing. */
bool async_get_iterator(VM *vm, Value obj, Value out[2]) NODUS_MUST_CHECK;
/* %AsyncFromSyncIteratorPrototype% (27.1.6.2) */
bool async_from_sync_iterator_install(VM *vm, Realm *realm) NODUS_MUST_CHECK;

#endif
