/*
 * The Promise constructor and Promise.prototype (ES2025 27.2.3 - 27.2.5),
 * with Promise.resolve, reject, withResolvers, try and @@species. The
 * combinators (all, allSettled, any, race) are in promise_combinators.c;
 * the abstract operations in vm/promise.c.
 */
#include <stdlib.h>

#include "stdlib/es/builtin.h"
#include "stdlib/es/promise_internal.h"
#include "vm/data_function.h"

#define ARGS VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target

/* ES2025 27.2.3.1 Promise ( executor ) */
static Value promise_constructor(ARGS)
{
    (void)this_value;
    Value executor = es_arg(argc, argv, 0);
    if (!new_target)
        return vm_throw_type_error(vm, "Promise constructor cannot be invoked without 'new'");
    if (!value_is_callable(executor)) {
        char *text = es_describe_value(vm, executor);
        Value error = vm_throw_type_error(vm, "Promise resolver %s is not a function", text ? text : "value");
        free(text);
        return error;
    }
    GC_SCOPE(vm->heap);
    Value result = VALUE_EXCEPTION;
    Object *promise = NULL;
    GC_ROOT_CELL(vm->heap, promise);
    Value functions[2] = { VALUE_UNDEFINED, VALUE_UNDEFINED };
    GC_ROOT(vm->heap, functions[0]);
    GC_ROOT(vm->heap, functions[1]);
    Value error = VALUE_UNDEFINED;
    GC_ROOT(vm->heap, error);
    Object *prototype = es_prototype_from_constructor(vm, new_target, INTRINSIC_PromisePrototype);
    if (!prototype || !(promise = promise_new(vm, prototype)) ||
        !promise_create_resolving_functions(vm, promise, functions))
        goto done;
    Value completion = vm_call(vm, executor, VALUE_UNDEFINED, 2, functions);
    if (value_is_exception(completion)) {
        error = vm_take_exception(vm);
        if (value_is_exception(vm_call(vm, functions[1], VALUE_UNDEFINED, 1, &error)))
            goto done;
    }
    result = value_from_object(promise);
done:
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ES2025 7.3.22 SpeciesConstructor ( O, defaultConstructor ) */
Value promise_species_constructor(VM *vm, Object *o, Value default_constructor)
{
    Value c = es_get(vm, o, es_key(vm, ATOM_constructor));
    if (value_is_exception(c) || value_is_undefined(c))
        return value_is_exception(c) ? c : default_constructor;
    if (!value_is_object(c))
        return vm_throw_type_error(vm, "The .constructor property is not an object");
    PropertyKey species = es_key_symbol(vm, WELL_KNOWN_species);
    Value s = value_is_exception(species) ? species : es_get(vm, value_as_object(c), species);
    if (value_is_exception(s) || value_is_nullish(s))
        return value_is_exception(s) ? s : default_constructor;
    if (es_is_constructor(s))
        return s;
    return vm_throw_type_error(vm, "object.constructor[Symbol.species] is not a constructor");
}

static Value promise_intrinsic(VM *vm) { return value_from_object(realm_intrinsic(vm, INTRINSIC_Promise)); }

/* ES2025 27.2.5.4 Promise.prototype.then ( onFulfilled, onRejected ) */
static Value promise_then(ARGS)
{
    (void)new_target;
    if (!promise_is(this_value)) {
        char *text = es_describe_value(vm, this_value);
        Value error = vm_throw_type_error(vm, "Method Promise.prototype.then called on incompatible receiver %s",
                                          text ? text : "value");
        free(text);
        return error;
    }
    GC_SCOPE(vm->heap);
    Value result = VALUE_EXCEPTION;
    PromiseCapability cap = { VALUE_UNDEFINED, VALUE_UNDEFINED, VALUE_UNDEFINED };
    PROMISE_ROOT_CAPABILITY(vm->heap, cap);
    Value c = promise_species_constructor(vm, value_as_object(this_value), promise_intrinsic(vm));
    if (value_is_exception(c) || !promise_new_capability(vm, c, &cap) ||
        !promise_perform_then(vm, value_as_object(this_value), es_arg(argc, argv, 0), es_arg(argc, argv, 1), &cap))
        goto done;
    result = cap.promise;
done:
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ES2025 27.2.5.1 Promise.prototype.catch ( onRejected ) */
static Value promise_catch(ARGS)
{
    (void)new_target;
    Value args[2] = { VALUE_UNDEFINED, es_arg(argc, argv, 0) };
    return es_invoke(vm, this_value, es_key(vm, ATOM_then), 2, args);
}

/* The data of thenFinally / catchFinally: [onFinally, C]; of the thunks:
 * the value to return or throw. */
static Value value_thunk(VM *vm, Value data, Value this_value, uint32_t argc, const Value *argv)
{
    (void)vm, (void)this_value, (void)argc, (void)argv;
    return data;
}

static Value thrower(VM *vm, Value data, Value this_value, uint32_t argc, const Value *argv)
{
    (void)this_value, (void)argc, (void)argv;
    return vm_throw(vm, data);
}

/* ES2025 27.2.5.3 steps 6.a (thenFinallyClosure) and 6.c (catchFinallyClosure) */
static Value finally_step(VM *vm, Value data, Value argument, bool is_catch)
{
    Object *pair = value_as_object(data);
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, argument);
    Value result = VALUE_EXCEPTION;
    Value on_finally = es_get(vm, pair, es_key_index(vm, 0));
    Value c = value_is_exception(on_finally) ? on_finally : es_get(vm, pair, es_key_index(vm, 1));
    GC_ROOT(vm->heap, c);
    Value called = value_is_exception(c) ? c : vm_call(vm, on_finally, VALUE_UNDEFINED, 0, NULL);
    Value p = value_is_exception(called) ? called : promise_resolve(vm, c, called);
    GC_ROOT(vm->heap, p);
    Value thunk_value = VALUE_UNDEFINED;
    GC_ROOT(vm->heap, thunk_value);
    if (value_is_exception(p))
        goto done;
    Object *thunk = is_catch ? data_function_new(vm, thrower, "", 0, argument)
                             : data_function_new(vm, value_thunk, "", 0, argument);
    if (!thunk)
        goto done;
    thunk_value = value_from_object(thunk);   /* rooted: then reads it from argv */
    result = es_invoke(vm, p, es_key(vm, ATOM_then), 1, &thunk_value);
done:
    GC_SCOPE_END(vm->heap);
    return result;
}

static Value then_finally(VM *vm, Value data, Value this_value, uint32_t argc, const Value *argv)
{
    (void)this_value;
    return finally_step(vm, data, es_arg(argc, argv, 0), false);
}

static Value catch_finally(VM *vm, Value data, Value this_value, uint32_t argc, const Value *argv)
{
    (void)this_value;
    return finally_step(vm, data, es_arg(argc, argv, 0), true);
}

/* ES2025 27.2.5.3 Promise.prototype.finally ( onFinally ) */
static Value promise_finally(ARGS)
{
    (void)new_target;
    Value on_finally = es_arg(argc, argv, 0);
    if (!value_is_object(this_value))
        return vm_throw_type_error(vm, "Method Promise.prototype.finally called on a non-object");
    GC_SCOPE(vm->heap);
    Value result = VALUE_EXCEPTION;
    Value args[2] = { on_finally, on_finally };
    GC_ROOT(vm->heap, args[0]);
    GC_ROOT(vm->heap, args[1]);
    Value c = promise_species_constructor(vm, value_as_object(this_value), promise_intrinsic(vm));
    GC_ROOT(vm->heap, c);
    if (value_is_exception(c))
        goto done;
    if (value_is_callable(on_finally)) {
        Value pair_values[2] = { on_finally, c };
        Object *pair = es_array_from_list(vm, pair_values, 2);
        if (!pair)
            goto done;
        args[0] = value_from_object(pair);   /* rooted while the functions are made */
        Object *f = data_function_new(vm, then_finally, "", 1, args[0]);
        if (!f)
            goto done;
        args[1] = value_from_object(f);
        Object *g = data_function_new(vm, catch_finally, "", 1, args[0]);
        if (!g)
            goto done;
        args[0] = args[1];
        args[1] = value_from_object(g);
    }
    result = es_invoke(vm, this_value, es_key(vm, ATOM_then), 2, args);
done:
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ES2025 27.2.4.7 Promise.resolve ( x ) */
static Value promise_static_resolve(ARGS)
{
    (void)new_target;
    if (!value_is_object(this_value))
        return vm_throw_type_error(vm, "PromiseResolve called on non-object");
    return promise_resolve(vm, this_value, es_arg(argc, argv, 0));
}

/* ES2025 27.2.4.6 Promise.reject ( r ) */
static Value promise_static_reject(ARGS)
{
    (void)new_target;
    GC_SCOPE(vm->heap);
    PromiseCapability cap = { VALUE_UNDEFINED, VALUE_UNDEFINED, VALUE_UNDEFINED };
    PROMISE_ROOT_CAPABILITY(vm->heap, cap);
    Value result = VALUE_EXCEPTION;
    if (promise_new_capability(vm, this_value, &cap) && promise_capability_settle(vm, &cap, true, es_arg(argc, argv, 0)))
        result = cap.promise;
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ES2025 27.2.4.9 Promise.withResolvers ( ) */
static Value promise_with_resolvers(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    GC_SCOPE(vm->heap);
    PromiseCapability cap = { VALUE_UNDEFINED, VALUE_UNDEFINED, VALUE_UNDEFINED };
    PROMISE_ROOT_CAPABILITY(vm->heap, cap);
    Value result = VALUE_EXCEPTION;
    Object *o = NULL;
    GC_ROOT_CELL(vm->heap, o);
    PropertyKey k = VALUE_UNDEFINED;
    GC_ROOT(vm->heap, k);   /* keys are atoms, held weakly */
    if (!promise_new_capability(vm, this_value, &cap) || !(o = es_object_new(vm)))
        goto done;
    k = es_key_cstr(vm, "promise");
    if (value_is_exception(k) || !es_create_data_property_or_throw(vm, o, k, cap.promise))
        goto done;
    k = es_key_cstr(vm, "resolve");
    if (value_is_exception(k) || !es_create_data_property_or_throw(vm, o, k, cap.resolve))
        goto done;
    k = es_key_cstr(vm, "reject");
    if (value_is_exception(k) || !es_create_data_property_or_throw(vm, o, k, cap.reject))
        goto done;
    result = value_from_object(o);
done:
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ES2025 27.2.4.8 Promise.try ( callback, ...args ) */
static Value promise_try(ARGS)
{
    (void)new_target;
    if (!value_is_object(this_value))
        return vm_throw_type_error(vm, "Promise.try called on non-object");
    GC_SCOPE(vm->heap);
    PromiseCapability cap = { VALUE_UNDEFINED, VALUE_UNDEFINED, VALUE_UNDEFINED };
    PROMISE_ROOT_CAPABILITY(vm->heap, cap);
    Value result = VALUE_EXCEPTION;
    if (!promise_new_capability(vm, this_value, &cap))
        goto done;
    Value status = vm_call(vm, es_arg(argc, argv, 0), VALUE_UNDEFINED, argc ? argc - 1 : 0, argc ? argv + 1 : argv);
    bool abrupt = value_is_exception(status);
    if (abrupt)
        status = vm_take_exception(vm);
    if (promise_capability_settle(vm, &cap, abrupt, status))
        result = cap.promise;
done:
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ES2025 27.2.4.10 get Promise [ @@species ] */
static Value promise_species(ARGS)
{
    (void)vm, (void)argc, (void)argv, (void)new_target;
    return this_value;
}

static bool install_statics(VM *vm, Realm *realm, Object *ctor)
{
    (void)realm;
    PropertyKey species = es_key_symbol(vm, WELL_KNOWN_species);
    return !value_is_exception(species) &&
           es_define_method(vm, ctor, "all", promise_all, 1) &&
           es_define_method(vm, ctor, "allSettled", promise_all_settled, 1) &&
           es_define_method(vm, ctor, "any", promise_any, 1) &&
           es_define_method(vm, ctor, "race", promise_race, 1) &&
           es_define_method(vm, ctor, "reject", promise_static_reject, 1) &&
           es_define_method(vm, ctor, "resolve", promise_static_resolve, 1) &&
           es_define_method(vm, ctor, "try", promise_try, 1) &&
           es_define_method(vm, ctor, "withResolvers", promise_with_resolvers, 0) &&
           es_define_accessor(vm, ctor, species, "[Symbol.species]", promise_species, NULL);
}

static bool install_prototype(VM *vm, Realm *realm, Object *prototype)
{
    (void)realm;
    return es_define_method(vm, prototype, "catch", promise_catch, 1) &&
           es_define_method(vm, prototype, "finally", promise_finally, 1) &&
           es_define_method(vm, prototype, "then", promise_then, 2) &&
           es_define_to_string_tag(vm, prototype, "Promise");
}

bool stdlib_install_promise(VM *vm, Realm *realm)
{
    Object *prototype = es_ensure_intrinsic(vm, realm, INTRINSIC_PromisePrototype,
                                            realm->intrinsics[INTRINSIC_ObjectPrototype]);
    if (!prototype)
        return false;
    Object *ctor = es_define_constructor(vm, realm, "Promise", promise_constructor, 1, prototype);
    if (!ctor)
        return false;
    realm->intrinsics[INTRINSIC_Promise] = ctor;
    /* the properties are made on first use (vm/lazy_holder.c) */
    return realm_defer_constructor(vm, realm, ctor, install_statics, prototype, install_prototype);
}
