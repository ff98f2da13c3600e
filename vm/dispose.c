/*
 * Explicit Resource Management for using declarations (ES2026 proposal
 * text: 7.5 Operations on Disposable Objects; 20.5.8 SuppressedError).
 *
 * The DisposeCapability of a scope lives in a register: undefined while no
 * resource was added, then an internal Array of DisposableResource records
 * [value, method, hint, value, method, hint, ...] in the order the
 * resources were added (ADD_DISPOSABLE). A scope with only using
 * declarations is disposed by DISPOSE_RESOURCES at once; one with await
 * using declarations by a bytecode loop around DISPOSE_ASYNC_STEP, which
 * leaves each value to Await in acc (vm/compile_using.c).
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

static Value dispose_key(VM *vm, WellKnownSymbol id)
{
    Symbol *symbol = stdlib_well_known_symbol(vm, id);
    return symbol ? value_from_symbol(symbol) : VALUE_EXCEPTION;
}

static bool append(VM *vm, Object *array, Value value)
{
    return object_create_data_property(vm, array, property_key_from_index(vm, array_length(array)), value) > 0;
}

/* GetDisposeMethod(V, hint) (7.5.5): for async-dispose, @@asyncDispose,
 * else @@dispose (then *hint becomes DISPOSE_HINT_ASYNC_FROM_SYNC: the
 * proposal's closure around it, whose promise resolves to undefined). */
static Value get_dispose_method(VM *vm, Value value, DisposeHint *hint)
{
    if (*hint != DISPOSE_HINT_SYNC) {
        Value key = dispose_key(vm, WELL_KNOWN_asyncDispose);
        Value method = value_is_exception(key) ? key : value_get_method(vm, value, key);
        if (!value_is_undefined(method))
            return method;
        *hint = DISPOSE_HINT_ASYNC_FROM_SYNC;
    }
    Value key = dispose_key(vm, WELL_KNOWN_dispose);
    return value_is_exception(key) ? key : value_get_method(vm, value, key);
}

/* AddDisposableResource(disposeCapability, V, hint) (7.5.4): null and
 * undefined add nothing for sync-dispose and a record without method for
 * async-dispose; any other non-object, or an object without a callable
 * dispose method, is a TypeError (CreateDisposableResource). Returns the
 * capability (made on first use) or VALUE_EXCEPTION. */
Value dispose_add_resource(VM *vm, Value capability, Value value, DisposeHint hint)
{
    bool is_nullish = value_is_undefined(value) || value_is_null(value);
    if (is_nullish && hint == DISPOSE_HINT_SYNC)
        return capability;
    if (!is_nullish && !value_is_object(value))
        return vm_throw_type_error(vm, "using declaration value must be an object, null or undefined");
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, capability);
    GC_ROOT(vm->heap, value);
    Value method = VALUE_UNDEFINED;
    GC_ROOT(vm->heap, method);
    Value result = VALUE_EXCEPTION;
    if (is_nullish) {
        value = VALUE_UNDEFINED;
    } else {
        method = get_dispose_method(vm, value, &hint);
        if (value_is_exception(method))
            goto done;
        if (value_is_undefined(method)) {
            vm_throw_type_error(vm, hint == DISPOSE_HINT_SYNC
                                        ? "using declaration value has no [Symbol.dispose] method"
                                        : "await using declaration value has no [Symbol.asyncDispose] or [Symbol.dispose] method");
            goto done;
        }
    }
    if (value_is_undefined(capability)) {
        Object *array = array_new(vm, realm_intrinsic(vm, INTRINSIC_ArrayPrototype), 0);
        if (!array)
            goto done;
        capability = value_from_object(array);
    }
    Object *records = value_as_object(capability);
    if (append(vm, records, value) && append(vm, records, method) &&
        append(vm, records, value_from_int32((int32_t)hint)))
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

/* DisposeResources step 3.e.iii: a throw while the completion is already
 * a throw becomes a SuppressedError (error: the new exception, suppressed:
 * the previous one). false only when the VM itself fails. */
bool dispose_combine(VM *vm, bool *is_throw, Value *completion, Value thrown)
{
    if (*is_throw) {
        thrown = dispose_suppressed_error(vm, thrown, *completion);
        if (value_is_exception(thrown))
            return false;
    }
    *is_throw = true;
    *completion = thrown;
    return true;
}

/* DisposeResources(disposeCapability, completion) (7.5.6) for a scope
 * whose resources all have the sync-dispose hint: each method is called in
 * reverse order. *is_throw and *completion hold the completion in and
 * out. false only when the VM itself fails (out of memory). */
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
    for (uint32_t i = array_length(array); i >= 3 && ok; i -= 3) {
        value = element(vm, array, i - 3);
        method = value_is_exception(value) ? VALUE_EXCEPTION : element(vm, array, i - 2);
        Value result = value_is_exception(method) ? VALUE_EXCEPTION : vm_call(vm, method, value, 0, NULL);
        if (!value_is_exception(result))
            continue;
        value = vm_take_exception(vm);   /* rooted while a SuppressedError is made */
        ok = dispose_combine(vm, is_throw, &current, value);
    }
    *completion = current;
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* The state of an async disposal loop, an int32 register: the number of
 * records left (initially undefined: all of them) and the proposal's
 * needsAwait and hasAwaited flags. */
enum { STATE_NEEDS_AWAIT = 1, STATE_HAS_AWAITED = 2, STATE_SHIFT = 2 };

/* One step of DisposeResources (7.5.6 step 3) for a scope with async-dispose
 * resources: calls the next resource's method and returns what to Await
 * (its result; undefined for the Await(undefined) of steps 3.d and 4), or
 * the hole once every resource is done. A throw from a method leaves the
 * record consumed; the caller combines it into the completion. */
Value dispose_async_step(VM *vm, Value capability, Value *state)
{
    if (!value_is_object(capability))
        return VALUE_HOLE;
    Object *array = value_as_object(capability);
    uint32_t left = value_is_int32(*state) ? (uint32_t)value_as_int32(*state) >> STATE_SHIFT : array_length(array) / 3;
    uint32_t flags = value_is_int32(*state) ? (uint32_t)value_as_int32(*state) & 3 : 0;
    Value result = VALUE_HOLE;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, capability);
    Value value = VALUE_UNDEFINED, method = VALUE_UNDEFINED;
    GC_ROOT(vm->heap, value);
    GC_ROOT(vm->heap, method);
    while (left > 0) {
        uint32_t base = (left - 1) * 3;
        Value hint_value = element(vm, array, base + 2);
        DisposeHint hint = value_is_int32(hint_value) ? (DisposeHint)value_as_int32(hint_value) : DISPOSE_HINT_SYNC;
        if (hint == DISPOSE_HINT_SYNC && (flags & STATE_NEEDS_AWAIT) && !(flags & STATE_HAS_AWAITED)) {
            flags &= ~(uint32_t)STATE_NEEDS_AWAIT;   /* step 3.d: Await(undefined) first */
            result = VALUE_UNDEFINED;
            break;
        }
        left--;
        value = element(vm, array, base);
        method = value_is_exception(value) ? VALUE_EXCEPTION : element(vm, array, base + 1);
        if (value_is_exception(method)) {
            result = VALUE_EXCEPTION;
            break;
        }
        if (value_is_undefined(method)) {   /* step 3.f: null or undefined under await using */
            flags |= STATE_NEEDS_AWAIT;
            continue;
        }
        Value called = vm_call(vm, method, value, 0, NULL);
        if (value_is_exception(called) || hint == DISPOSE_HINT_SYNC) {
            result = called;
            if (value_is_exception(called))
                break;
            result = VALUE_HOLE;
            continue;
        }
        flags |= STATE_HAS_AWAITED;   /* step 3.e.ii */
        result = hint == DISPOSE_HINT_ASYNC ? called : VALUE_UNDEFINED;
        break;
    }
    if (left == 0 && value_is_hole(result) && (flags & STATE_NEEDS_AWAIT) && !(flags & STATE_HAS_AWAITED)) {
        flags &= ~(uint32_t)STATE_NEEDS_AWAIT;   /* step 4 */
        flags |= STATE_HAS_AWAITED;
        result = VALUE_UNDEFINED;
    }
    *state = value_from_int32((int32_t)(left << STATE_SHIFT | flags));
    GC_SCOPE_END(vm->heap);
    return result;
}
