/*
 * GetIterator with kind async (ES2025 7.4.3) and Async-from-Sync Iterator
 * Objects (27.1.6): an object holding a sync iterator record whose next,
 * return and throw return promises for the sync results, with the result
 * values awaited.
 */
#include "vm/async_from_sync_iterator.h"
#include "vm/atom.h"
#include "vm/object_internal.h"
#include "vm/operators.h"
#include "vm/promise.h"

typedef struct AsyncFromSyncIterator {
    Object object;
    Value iterator, next_method;   /* [[SyncIteratorRecord]] */
} AsyncFromSyncIterator;

static void afs_trace(GCTracer *tracer, Object *o)
{
    gc_mark_value(tracer, ((AsyncFromSyncIterator *)o)->iterator);
    gc_mark_value(tracer, ((AsyncFromSyncIterator *)o)->next_method);
}

static const ObjectClass afs_class = {
    .name = "Async-from-Sync Iterator",
    ORDINARY_INTERNAL_METHODS,
    .trace = afs_trace,
};

static PropertyKey key_of(VM *vm, AtomId id) { return value_from_string(vm_atom(vm, id)); }

/* GetIterator(obj, sync) steps and CreateAsyncFromSyncIterator (27.1.6.1). */
static bool from_sync(VM *vm, Value obj, Value out[2])
{
    Value key = operators_well_known_key(vm, WELL_KNOWN_KEY_ITERATOR);
    Value method = value_is_nullish(obj) ? VALUE_UNDEFINED : value_get_method(vm, obj, key);
    if (value_is_exception(method))
        return false;
    if (value_is_undefined(method)) {
        vm_throw_type_error(vm, "object is not async iterable");
        return false;
    }
    Value iterator = vm_call(vm, method, obj, 0, NULL);
    if (value_is_exception(iterator))
        return false;
    if (!value_is_object(iterator)) {
        vm_throw_type_error(vm, "Result of the Symbol.iterator method is not an object");
        return false;
    }
    out[0] = iterator;
    Value next = object_get(vm, value_as_object(iterator), key_of(vm, ATOM_next), iterator);
    if (value_is_exception(next))
        return false;
    out[1] = next;    /* out is in the caller's registers: rooted across the allocation */
    AsyncFromSyncIterator *a = (AsyncFromSyncIterator *)object_new(
        vm, &afs_class, sizeof(AsyncFromSyncIterator), realm_intrinsic(vm, INTRINSIC_AsyncFromSyncIteratorPrototype));
    if (!a)
        return false;
    a->iterator = out[0];
    a->next_method = out[1];
    out[0] = value_from_object(&a->object);
    /* The record's [[NextMethod]]: %AsyncFromSyncIteratorPrototype%.next */
    out[1] = object_get(vm, &a->object, key_of(vm, ATOM_next), out[0]);
    return !value_is_exception(out[1]);
}

bool async_get_iterator(VM *vm, Value obj, Value out[2])
{
    Value key = operators_well_known_key(vm, WELL_KNOWN_KEY_ASYNC_ITERATOR);
    Value method = value_is_nullish(obj) ? VALUE_UNDEFINED : value_get_method(vm, obj, key);
    if (value_is_exception(method))
        return false;
    if (value_is_undefined(method))
        return from_sync(vm, obj, out);
    Value iterator = vm_call(vm, method, obj, 0, NULL);
    if (value_is_exception(iterator))
        return false;
    if (!value_is_object(iterator)) {
        vm_throw_type_error(vm, "Result of the Symbol.asyncIterator method is not an object");
        return false;
    }
    out[0] = iterator;
    Value next = object_get(vm, value_as_object(iterator), key_of(vm, ATOM_next), iterator);
    if (value_is_exception(next))
        return false;
    out[1] = next;
    return true;
}

/* GetMethod(iterator, name) */
static Value method_of(VM *vm, Value iterator, const char *name)
{
    GC_SCOPE(vm->heap);
    String *key = atom_from_cstr(vm, name);
    GC_ROOT_CELL(vm->heap, key);   /* atoms are held weakly */
    Value method = key ? value_get_method(vm, iterator, value_from_string(key)) : VALUE_EXCEPTION;
    GC_SCOPE_END(vm->heap);
    return method;
}

/* ES2025 7.4.11 IteratorClose for a normal completion (the sync iterator). */
static bool close_sync(VM *vm, Value iterator)
{
    Value method = method_of(vm, iterator, "return");
    if (value_is_exception(method))
        return false;
    if (value_is_undefined(method))
        return true;
    Value result = vm_call(vm, method, iterator, 0, NULL);
    if (value_is_exception(result))
        return false;
    if (!value_is_object(result)) {
        vm_throw_type_error(vm, "iterator.return() did not return an object");
        return false;
    }
    return true;
}

/* CreateIteratorResultObject (7.4.14) */
static Value iterator_result(VM *vm, Value value, bool done)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, value);
    Object *result = object_new_ordinary(vm, realm_intrinsic(vm, INTRINSIC_ObjectPrototype));
    GC_ROOT_CELL(vm->heap, result);
    bool ok = result && object_create_data_property(vm, result, key_of(vm, ATOM_value), value) > 0 &&
              object_create_data_property(vm, result, key_of(vm, ATOM_done), value_from_boolean(done)) > 0;
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(result) : VALUE_EXCEPTION;
}

/* The unwrap closure (27.1.6.4 steps 6-7) of a done result. */
static Value unwrap_done(VM *vm, Value data, Value argument, bool rejected)
{
    (void)data;
    return rejected ? vm_throw(vm, argument) : iterator_result(vm, argument, true);
}

/* The unwrap closure of a result not done, and the closeIterator closure
 * (steps 9-11): data is the sync iterator to close when the value's
 * promise rejects, or undefined. */
static Value unwrap_not_done(VM *vm, Value data, Value argument, bool rejected)
{
    if (!rejected)
        return iterator_result(vm, argument, false);
    if (!value_is_undefined(data)) {   /* IteratorClose(record, ThrowCompletion(error)) */
        GC_SCOPE(vm->heap);
        GC_ROOT(vm->heap, argument);
        if (!close_sync(vm, data))
            vm_take_exception(vm);
        GC_SCOPE_END(vm->heap);
    }
    return vm_throw(vm, argument);
}

/* AsyncFromSyncIteratorContinuation (27.1.6.4); result is an object. */
static Value continuation(VM *vm, Value result, const PromiseCapability *cap, Value sync_iterator, bool close_on_rejection)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, result);
    Value value = VALUE_UNDEFINED, error = VALUE_UNDEFINED;
    GC_ROOT(vm->heap, value);
    GC_ROOT(vm->heap, error);
    Value returned = VALUE_EXCEPTION;
    Value done_value = object_get(vm, value_as_object(result), key_of(vm, ATOM_done), result);
    if (value_is_exception(done_value))
        goto reject;
    bool done = value_to_boolean(done_value);
    value = object_get(vm, value_as_object(result), key_of(vm, ATOM_value), result);
    if (value_is_exception(value))
        goto reject;
    Value wrapper = promise_resolve(vm, value_from_object(realm_intrinsic(vm, INTRINSIC_Promise)), value);
    if (value_is_exception(wrapper)) {
        if (!done && close_on_rejection) {
            error = vm_take_exception(vm);
            if (!close_sync(vm, sync_iterator))
                vm_take_exception(vm);
            vm_throw(vm, error);
        }
        goto reject;
    }
    bool ok = done ? promise_then_internal(vm, value_as_object(wrapper), unwrap_done, VALUE_UNDEFINED, cap)
                   : promise_then_internal(vm, value_as_object(wrapper), unwrap_not_done,
                                           close_on_rejection ? sync_iterator : VALUE_UNDEFINED, cap);
    returned = ok ? cap->promise : VALUE_EXCEPTION;
    goto done;
reject:
    returned = promise_reject_pending_exception(vm, cap);
done:
    GC_SCOPE_END(vm->heap);
    return returned;
}

typedef enum { AFS_NEXT, AFS_RETURN, AFS_THROW } AfsMethod;

/* %AsyncFromSyncIteratorPrototype%.next / return / throw (27.1.6.2.1-3) */
static Value afs_method(VM *vm, Value this_value, uint32_t argc, const Value *argv, AfsMethod which)
{
    GC_SCOPE(vm->heap);
    Value result = VALUE_EXCEPTION;
    PromiseCapability cap = { VALUE_UNDEFINED, VALUE_UNDEFINED, VALUE_UNDEFINED };
    PROMISE_ROOT_CAPABILITY(vm->heap, cap);
    if (!promise_new_capability(vm, value_from_object(realm_intrinsic(vm, INTRINSIC_Promise)), &cap))
        goto done;
    if (!value_is_object(this_value) || value_as_object(this_value)->class_ != &afs_class) {
        vm_throw_type_error(vm, "not an Async-from-Sync Iterator");
        goto reject;
    }
    AsyncFromSyncIterator *a = (AsyncFromSyncIterator *)value_as_object(this_value);
    Value iterator = a->iterator;
    Value sync_result;
    if (which == AFS_NEXT) {
        sync_result = vm_call(vm, a->next_method, iterator, argc ? 1 : 0, argv);
    } else {
        Value method = method_of(vm, iterator, which == AFS_RETURN ? "return" : "throw");
        if (value_is_exception(method))
            goto reject;
        if (value_is_undefined(method)) {
            if (which == AFS_RETURN) {
                Value done_result = iterator_result(vm, argc ? argv[0] : VALUE_UNDEFINED, true);
                if (value_is_exception(done_result) || !promise_capability_settle(vm, &cap, false, done_result))
                    goto done;
                result = cap.promise;
                goto done;
            }
            /* throw: close the sync iterator, then reject with a TypeError */
            if (!close_sync(vm, iterator))
                goto reject;
            vm_throw_type_error(vm, "The iterator does not provide a 'throw' method");
            goto reject;
        }
        sync_result = vm_call(vm, method, iterator, which == AFS_RETURN && !argc ? 0 : 1, argv);
    }
    if (value_is_exception(sync_result))
        goto reject;
    if (!value_is_object(sync_result)) {
        vm_throw_type_error(vm, "iterator result is not an object");
        goto reject;
    }
    result = continuation(vm, sync_result, &cap, iterator, which != AFS_RETURN);
    goto done;
reject:
    result = promise_reject_pending_exception(vm, &cap);
done:
    GC_SCOPE_END(vm->heap);
    return result;
}

static Value afs_next(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)new_target;
    return afs_method(vm, this_value, argc, argv, AFS_NEXT);
}

static Value afs_return(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)new_target;
    return afs_method(vm, this_value, argc, argv, AFS_RETURN);
}

static Value afs_throw(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)new_target;
    return afs_method(vm, this_value, argc, argv, AFS_THROW);
}

bool async_from_sync_iterator_install(VM *vm, Realm *realm)
{
    if (!realm->intrinsics[INTRINSIC_AsyncFromSyncIteratorPrototype])
        realm->intrinsics[INTRINSIC_AsyncFromSyncIteratorPrototype] =
            object_new_ordinary(vm, realm->intrinsics[INTRINSIC_AsyncIteratorPrototype]);
    Object *prototype = realm->intrinsics[INTRINSIC_AsyncFromSyncIteratorPrototype];
    return prototype && realm_define_method(vm, prototype, "next", afs_next, 1) &&
           realm_define_method(vm, prototype, "return", afs_return, 1) &&
           realm_define_method(vm, prototype, "throw", afs_throw, 1);
}
