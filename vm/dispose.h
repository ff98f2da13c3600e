/*
 * using declarations: the DisposeCapability operations (vm/dispose.c).
 */
#ifndef NODUS_VM_DISPOSE_H
#define NODUS_VM_DISPOSE_H

#include "vm/object.h"
#include "vm/vm.h"

/* The error and suppressed properties of a SuppressedError. */
bool error_set_suppressed(VM *vm, Object *error, Value error_value, Value suppressed) NODUS_MUST_CHECK;
/* A new SuppressedError; VALUE_EXCEPTION after throwing. */
Value dispose_suppressed_error(VM *vm, Value error_value, Value suppressed);
/* AddDisposableResource (sync-dispose): the capability, made on first use
 * from undefined; VALUE_EXCEPTION after throwing. */
Value dispose_add_resource(VM *vm, Value capability, Value value);
/* DisposeResources (sync-dispose) on the completion (*is_throw,
 * *completion); false only when the VM fails. */
bool dispose_resources(VM *vm, Value capability, bool *is_throw, Value *completion) NODUS_MUST_CHECK;

#endif
