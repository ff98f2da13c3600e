/*
 * The dispose methods of iterators (ES2026 Explicit Resource Management):
 * %IteratorPrototype% [ @@dispose ] (27.1.2.1) and
 * %AsyncIteratorPrototype% [ @@asyncDispose ] (27.1.3.1), which let
 * `using it = iterator` close an iterator through its return method.
 */
#include "stdlib/stdlib.h"
#include "vm/atom.h"
#include "vm/function.h"
#include "vm/operators.h"
#include "vm/promise.h"

static Value return_key(VM *vm)
{
    String *name = atom_from_cstr(vm, "return");
    return name ? value_from_string(name) : VALUE_EXCEPTION;
}

/* %IteratorPrototype% [ @@dispose ] ( ) */
static Value iterator_dispose(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)argc, (void)argv, (void)new_target;
    Value key = return_key(vm);
    if (value_is_exception(key))
        return key;
    /* 1-2. Let return be ? GetMethod(O, "return"). */
    Value method = value_get_method(vm, this_value, key);
    if (value_is_exception(method) || value_is_undefined(method))
        return method;
    /* 3.a. Perform ? Call(return, O, « »). */
    Value result = vm_call(vm, method, this_value, 0, NULL);
    return value_is_exception(result) ? result : VALUE_UNDEFINED;
}

/* The onFulfilled closure of step 6.e: returns undefined; a rejection
 * passes on to the result promise. */
static Value async_dispose_settled(VM *vm, Value data, Value argument, bool rejected)
{
    (void)data;
    return rejected ? vm_throw(vm, argument) : VALUE_UNDEFINED;
}

/* %AsyncIteratorPrototype% [ @@asyncDispose ] ( ) */
static Value async_iterator_async_dispose(VM *vm, Value this_value, uint32_t argc, const Value *argv,
                                          Object *new_target)
{
    (void)argc, (void)argv, (void)new_target;
    GC_SCOPE(vm->heap);
    PromiseCapability cap = { VALUE_UNDEFINED, VALUE_UNDEFINED, VALUE_UNDEFINED };
    PROMISE_ROOT_CAPABILITY(vm->heap, cap);
    Value method = VALUE_UNDEFINED;
    GC_ROOT(vm->heap, method);
    Value result = VALUE_EXCEPTION;
    /* 2. Let promiseCapability be ! NewPromiseCapability(%Promise%). */
    if (!promise_new_capability(vm, value_from_object(realm_intrinsic(vm, INTRINSIC_Promise)), &cap))
        goto done;
    /* 3-4. Let return be Completion(GetMethod(O, "return")); IfAbruptRejectPromise. */
    Value key = return_key(vm);
    method = value_is_exception(key) ? key : value_get_method(vm, this_value, key);
    if (value_is_exception(method)) {
        result = promise_reject_pending_exception(vm, &cap);
        goto done;
    }
    /* 5. If return is undefined: resolve with undefined. */
    if (value_is_undefined(method)) {
        if (promise_capability_settle(vm, &cap, false, VALUE_UNDEFINED))
            result = cap.promise;
        goto done;
    }
    /* 6.a-d. Call(return, O, « »), then PromiseResolve(%Promise%, result). */
    Value called = vm_call(vm, method, this_value, 0, NULL);
    Value wrapper = value_is_exception(called)
                        ? called
                        : promise_resolve(vm, value_from_object(realm_intrinsic(vm, INTRINSIC_Promise)), called);
    if (value_is_exception(wrapper)) {
        result = promise_reject_pending_exception(vm, &cap);
        goto done;
    }
    /* 6.e-f. PerformPromiseThen(resultWrapper, onFulfilled, undefined, promiseCapability). */
    if (promise_then_internal(vm, value_as_object(wrapper), async_dispose_settled, VALUE_UNDEFINED, &cap))
        result = cap.promise;
done:
    GC_SCOPE_END(vm->heap);
    return result;
}

static bool define_symbol_method(VM *vm, Object *target, WellKnownSymbol id, const char *name, NativeFunction function)
{
    Symbol *symbol = stdlib_well_known_symbol(vm, id);
    if (!symbol)
        return false;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, target);
    Object *method = native_function_new(vm, function, name, 0, false);
    GC_ROOT_CELL(vm->heap, method);
    bool ok = method && object_define_data_property(vm, target, value_from_symbol(symbol), value_from_object(method),
                                                    PROP_WRITABLE | PROP_CONFIGURABLE);
    GC_SCOPE_END(vm->heap);
    return ok;
}

bool stdlib_install_iterator_dispose(VM *vm, Realm *realm)
{
    Object *iterator_prototype = realm->intrinsics[INTRINSIC_IteratorPrototype];
    Object *async_iterator_prototype = realm->intrinsics[INTRINSIC_AsyncIteratorPrototype];
    return (!iterator_prototype ||
            define_symbol_method(vm, iterator_prototype, WELL_KNOWN_dispose, "[Symbol.dispose]", iterator_dispose)) &&
           (!async_iterator_prototype ||
            define_symbol_method(vm, async_iterator_prototype, WELL_KNOWN_asyncDispose, "[Symbol.asyncDispose]",
                                 async_iterator_async_dispose));
}
