/*
 * using declarations: the DisposeCapability operations (vm/dispose.c).
 */
#ifndef NODUS_VM_DISPOSE_H
#define NODUS_VM_DISPOSE_H

#include "vm/object.h"
#include "vm/vm.h"

/* A DisposableResource record's [[Hint]]; ASYNC_FROM_SYNC: async-dispose
 * with the @@dispose method (awaits undefined after calling it). */
typedef enum DisposeHint { DISPOSE_HINT_SYNC, DISPOSE_HINT_ASYNC, DISPOSE_HINT_ASYNC_FROM_SYNC } DisposeHint;

/* The error and suppressed properties of a SuppressedError. */
bool error_set_suppressed(VM *vm, Object *error, Value error_value, Value suppressed) NODUS_MUST_CHECK;
/* A new SuppressedError; VALUE_EXCEPTION after throwing. */
Value dispose_suppressed_error(VM *vm, Value error_value, Value suppressed);
/* AddDisposableResource: the capability, made on first use from
 * undefined; VALUE_EXCEPTION after throwing. */
Value dispose_add_resource(VM *vm, Value capability, Value value, DisposeHint hint);
/* Folds the exception thrown into the completion (*is_throw,
 * *completion), as a SuppressedError when it is a throw already. */
bool dispose_combine(VM *vm, bool *is_throw, Value *completion, Value thrown) NODUS_MUST_CHECK;
/* DisposeResources (sync-dispose resources only) on the completion
 * (*is_throw, *completion); false only when the VM fails. */
bool dispose_resources(VM *vm, Value capability, bool *is_throw, Value *completion) NODUS_MUST_CHECK;
/* One step of an async DisposeResources: the value to Await, the hole when
 * done, VALUE_EXCEPTION after a method threw. *state: undefined at first. */
Value dispose_async_step(VM *vm, Value capability, Value *state);

#endif
