/*
 * Explicit Resource Management for using declarations (ES2026 proposal
 * text: 7.5 Operations on Disposable Objects; 20.5.8 SuppressedError).
 *
 * The DisposeCapability of a scope lives in a register: undefined while no
 * resource was added, then an internal Array [value, method, value, method,
 * ...] in the order the resources were added (ADD_DISPOSABLE).
 * DISPOSE_RESOURCES walks it backwards and empties the register.
 *
 * Only the sync-dispose hint is handled here: await using needs an Await
 * between disposals, which the compiler would have to emit.
 */
#include "vm/atom.h"
#include "vm/dispose.h"
#include "vm/interp_internal.h"
#include "vm/object_internal.h"
#include "vm/operators.h"
#include "vm/realm.h"
#include "stdlib/stdlib.h"

/* SuppressedError steps 4-5: the non-enumerable error and suppressed
 * properties (CreateNonEnumerableDataPropertyOrThrow). */
bool error_set_suppressed(VM *vm, Object *error, Value error_value, Value suppressed)
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, error);
    GC_ROOT(vm->heap, suppressed);
    String *name = atom_from_cstr(vm, "error");
    bool ok = name && object_define_data_property(vm, error, value_from_string(name), error_value,
                                                  PROP_WRITABLE | PROP_CONFIGURABLE);
    name = ok ? atom_from_cstr(vm, "suppressed") : NULL;
    ok = name && object_define_data_property(vm, error, value_from_string(name), suppressed,
                                             PROP_WRITABLE | PROP_CONFIGURABLE);
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* A new SuppressedError { error, suppressed } with an empty message, as
 * DisposeResources step 3.e.iii makes it. VALUE_EXCEPTION after throwing. */
Value dispose_suppressed_error(VM *vm, Value error_value, Value suppressed)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, error_value);
    GC_ROOT(vm->heap, suppressed);
    Value result = VALUE_EXCEPTION;
    Object *error = error_object_new(vm, realm_intrinsic(vm, INTRINSIC_SuppressedErrorPrototype), NULL);
    if (error && error_set_suppressed(vm, error, error_value, suppressed))
        result = value_from_object(error);
    GC_SCOPE_END(vm->heap);
    return result;
}

static Value dispose_key(VM *vm)
{
    Symbol *symbol = stdlib_well_known_symbol(vm, WELL_KNOWN_dispose);
    return symbol ? value_from_symbol(symbol) : VALUE_EXCEPTION;
}

static bool append(VM *vm, Object *array, Value value)
{
    return object_create_data_property(vm, array, property_key_from_index(vm, array_length(array)), value) > 0;
}

/* AddDisposableResource(disposeCapability, V, sync-dispose) (7.5.4):
 * null and undefined add nothing; any other non-object, or an object
 * without a callable @@dispose, is a TypeError (CreateDisposableResource,
 * GetDisposeMethod). Returns the capability (made on first use) or
 * VALUE_EXCEPTION. */
Value dispose_add_resource(VM *vm, Value capability, Value value)
{
    if (value_is_undefined(value) || value_is_null(value))
        return capability;
    if (!value_is_object(value))
        return vm_throw_type_error(vm, "using declaration value must be an object, null or undefined");
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, capability);
    GC_ROOT(vm->heap, value);
    Value method = VALUE_UNDEFINED;
    GC_ROOT(vm->heap, method);
    Value result = VALUE_EXCEPTION;
    Value key = dispose_key(vm);
    if (value_is_exception(key))
        goto done;
    method = value_get_method(vm, value, key);
    if (value_is_exception(method))
        goto done;
    if (value_is_undefined(method)) {
        vm_throw_type_error(vm, "using declaration value has no [Symbol.dispose] method");
        goto done;
    }
    if (value_is_undefined(capability)) {
        Object *array = array_new(vm, realm_intrinsic(vm, INTRINSIC_ArrayPrototype), 0);
        if (!array)
            goto done;
        capability = value_from_object(array);
    }
    if (append(vm, value_as_object(capability), value) && append(vm, value_as_object(capability), method))
        result = capability;
done:
    GC_SCOPE_END(vm->heap);
    return result;
}

/* The element at index of an internal array (always a data property). */
static Value element(VM *vm, Object *array, uint32_t index)
{
    return object_get(vm, array, property_key_from_index(vm, index), value_from_object(array));
}

/* DisposeResources(disposeCapability, completion) (7.5.6) for the
 * sync-dispose hint: each resource's method is called in reverse order; a
 * throw while the completion is already a throw becomes a SuppressedError
 * (error: the new exception, suppressed: the previous one). *is_throw and
 * *completion hold the completion in and out. false only when the VM
 * itself fails (out of memory). */
bool dispose_resources(VM *vm, Value capability, bool *is_throw, Value *completion)
{
    if (!value_is_object(capability))
        return true;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, capability);
    Object *array = value_as_object(capability);
    Value value = VALUE_UNDEFINED, method = VALUE_UNDEFINED, current = *completion;
    GC_ROOT(vm->heap, value);
    GC_ROOT(vm->heap, method);
    GC_ROOT(vm->heap, current);
    bool ok = true;
    for (uint32_t i = array_length(array); i >= 2 && ok; i -= 2) {
        value = element(vm, array, i - 2);
        method = value_is_exception(value) ? VALUE_EXCEPTION : element(vm, array, i - 1);
        Value result = value_is_exception(method) ? VALUE_EXCEPTION : vm_call(vm, method, value, 0, NULL);
        if (!value_is_exception(result))
            continue;
        Value thrown = vm_take_exception(vm);
        if (*is_throw) {
            value = thrown;   /* rooted while the SuppressedError is made */
            thrown = dispose_suppressed_error(vm, value, current);
            if (value_is_exception(thrown)) {
                ok = false;
                break;
            }
        }
        *is_throw = true;
        current = thrown;
    }
    *completion = current;
    GC_SCOPE_END(vm->heap);
    return ok;
}
