/*
 * Promise.all, allSettled, any and race (ES2025 27.2.4.1 - 27.2.4.5).
 *
 * All four iterate the iterable, call C.resolve on each value and then
 * `then` on the result. all, allSettled and any share the bookkeeping of
 * PerformPromiseAll: a list of values (or errors), a remaining-elements
 * counter, and per element a function (two for allSettled) that records
 * its result once ([[AlreadyCalled]]).
 */
#include "stdlib/es/builtin.h"
#include "stdlib/es/iteration.h"
#include "stdlib/es/promise_internal.h"
#include "vm/data_function.h"

typedef enum CombinatorKind { COMBINATOR_ALL, COMBINATOR_ALL_SETTLED, COMBINATOR_ANY } CombinatorKind;

/* The state every element function of one call shares. */
typedef struct CombinatorState {
    Object object;
    CombinatorKind kind;
    Value values;                 /* an array: the values, outcomes or errors */
    PromiseCapability cap;
    double remaining;             /* remainingElementsCount.[[Value]] */
} CombinatorState;

/* One element: its index and [[AlreadyCalled]] (shared by allSettled's two). */
typedef struct CombinatorElement {
    Object object;
    Value state;
    uint32_t index;
    bool already_called;
} CombinatorElement;

static void state_trace(GCTracer *tracer, Object *o)
{
    CombinatorState *s = (CombinatorState *)o;
    gc_mark_value(tracer, s->values);
    gc_mark_value(tracer, s->cap.promise);
    gc_mark_value(tracer, s->cap.resolve);
    gc_mark_value(tracer, s->cap.reject);
}

static void element_trace(GCTracer *tracer, Object *o) { gc_mark_value(tracer, ((CombinatorElement *)o)->state); }

static const ObjectClass state_class = { .name = "PromiseCombinator", ORDINARY_INTERNAL_METHODS, .trace = state_trace };
static const ObjectClass element_class = { .name = "PromiseCombinatorElement", ORDINARY_INTERNAL_METHODS, .trace = element_trace };

/* The AggregateError Promise.any rejects with (27.2.4.3.1 step 2.b). */
static Value make_aggregate_error(VM *vm, Value errors)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, errors);
    Value result = VALUE_EXCEPTION;
    vm_throw_error(vm, ERROR_KIND_AGGREGATE, "All promises were rejected");
    Value error = vm_take_exception(vm);
    GC_ROOT(vm->heap, error);
    PropertyKey key = es_key_cstr(vm, "errors");
    GC_ROOT(vm->heap, key);
    if (value_is_object(error) && !value_is_exception(key) &&
        object_define_data_property(vm, value_as_object(error), key, errors, PROP_WRITABLE | PROP_CONFIGURABLE))
        result = error;
    GC_SCOPE_END(vm->heap);
    return result;
}

/* remainingElementsCount -= 1; at 0, settle the capability with the list. */
static Value element_done(VM *vm, CombinatorState *s)
{
    if (--s->remaining != 0)
        return VALUE_UNDEFINED;
    if (s->kind == COMBINATOR_ANY) {
        Value error = make_aggregate_error(vm, s->values);
        if (value_is_exception(error))
            return error;
        return promise_capability_settle(vm, &s->cap, true, error) ? VALUE_UNDEFINED : VALUE_EXCEPTION;
    }
    return vm_call(vm, s->cap.resolve, VALUE_UNDEFINED, 1, &s->values);
}

/* allSettled's { status, value } / { status, reason } object. */
static Value settled_record(VM *vm, bool rejected, Value x)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, x);
    Value result = VALUE_EXCEPTION;
    Object *o = es_object_new(vm);
    GC_ROOT_CELL(vm->heap, o);
    String *status = o ? atom_from_cstr(vm, rejected ? "rejected" : "fulfilled") : NULL;
    GC_ROOT_CELL(vm->heap, status);
    PropertyKey status_key = status ? es_key_cstr(vm, "status") : VALUE_EXCEPTION;
    GC_ROOT(vm->heap, status_key);
    if (value_is_exception(status_key) || !es_create_data_property_or_throw(vm, o, status_key, value_from_string(status)))
        goto done;
    PropertyKey key = es_key_cstr(vm, rejected ? "reason" : "value");
    GC_ROOT(vm->heap, key);
    if (value_is_exception(key) || !es_create_data_property_or_throw(vm, o, key, x))
        goto done;
    result = value_from_object(o);
done:
    GC_SCOPE_END(vm->heap);
    return result;
}

/* Promise.all Resolve Element Functions (27.2.4.1.3), Promise.allSettled
 * Resolve and Reject Element Functions (27.2.4.2.2, 27.2.4.2.3),
 * Promise.any Reject Element Functions (27.2.4.3.2). */
static Value element_function(VM *vm, Value data, bool rejected, Value x)
{
    CombinatorElement *e = (CombinatorElement *)value_as_object(data);
    if (e->already_called)
        return VALUE_UNDEFINED;
    e->already_called = true;
    CombinatorState *s = (CombinatorState *)value_as_object(e->state);
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, s);
    Value result = VALUE_EXCEPTION;
    Value stored = s->kind == COMBINATOR_ALL_SETTLED ? settled_record(vm, rejected, x) : x;
    if (value_is_exception(stored) ||
        !es_create_data_property_or_throw(vm, value_as_object(s->values), es_key_index(vm, e->index), stored))
        goto done;
    result = element_done(vm, s);
done:
    GC_SCOPE_END(vm->heap);
    return result;
}

static Value on_element_fulfilled(VM *vm, Value data, Value this_value, uint32_t argc, const Value *argv)
{
    (void)this_value;
    return element_function(vm, data, false, es_arg(argc, argv, 0));
}

static Value on_element_rejected(VM *vm, Value data, Value this_value, uint32_t argc, const Value *argv)
{
    (void)this_value;
    return element_function(vm, data, true, es_arg(argc, argv, 0));
}

/* The then arguments for one element: (resolve element, capability's
 * reject) for all, both element functions for allSettled, (capability's
 * resolve, reject element) for any. */
static bool element_handlers(VM *vm, CombinatorState *s, uint32_t index, Value handlers[2])
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, s);
    bool ok = false;
    CombinatorElement *e = (CombinatorElement *)object_new(vm, &element_class, sizeof(CombinatorElement), NULL);
    GC_ROOT_CELL(vm->heap, e);
    if (!e)
        goto done;
    e->state = value_from_object(&s->object);
    e->index = index;
    Value data = value_from_object(&e->object);
    handlers[0] = s->cap.resolve;
    handlers[1] = s->cap.reject;
    if (s->kind != COMBINATOR_ANY) {
        Object *f = data_function_new(vm, on_element_fulfilled, "", 1, data);
        if (!f)
            goto done;
        handlers[0] = value_from_object(f);
    }
    if (s->kind != COMBINATOR_ALL) {
        Object *f = data_function_new(vm, on_element_rejected, "", 1, data);
        if (!f)
            goto done;
        handlers[1] = value_from_object(f);
    }
    ok = true;
done:
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* PerformPromiseAll / AllSettled / Any (27.2.4.1.2, 27.2.4.2.1, 27.2.4.3.1);
 * race (27.2.4.5.1) when s is NULL. */
static Value perform(VM *vm, IteratorRecord *iterator, Value c, const PromiseCapability *cap, Value resolve,
                     CombinatorState *s)
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, s);
    Value result = VALUE_EXCEPTION;
    Value next = VALUE_UNDEFINED, next_promise = VALUE_UNDEFINED;
    Value handlers[2] = { VALUE_UNDEFINED, VALUE_UNDEFINED };
    GC_ROOT(vm->heap, next);
    GC_ROOT(vm->heap, next_promise);
    GC_ROOT(vm->heap, handlers[0]);
    GC_ROOT(vm->heap, handlers[1]);
    for (uint32_t index = 0;; index++) {
        int step = es_iterator_step_value(vm, iterator, &next);
        if (step < 0)
            goto done;
        if (step == 0) {
            if (s) {
                Value settled = element_done(vm, s);
                if (value_is_exception(settled))
                    goto done;
            }
            result = cap->promise;
            goto done;
        }
        if (s && !es_create_data_property_or_throw(vm, value_as_object(s->values), es_key_index(vm, index),
                                                   VALUE_UNDEFINED))
            goto done;
        next_promise = vm_call(vm, resolve, c, 1, &next);
        if (value_is_exception(next_promise))
            goto done;
        if (s) {
            if (!element_handlers(vm, s, index, handlers))
                goto done;
            s->remaining++;
        } else {
            handlers[0] = cap->resolve;
            handlers[1] = cap->reject;
        }
        if (value_is_exception(es_invoke(vm, next_promise, es_key(vm, ATOM_then), 2, handlers)))
            goto done;
    }
done:
    GC_SCOPE_END(vm->heap);
    return result;
}

/* The shared steps of the four (27.2.4.1 steps 1-9): capability,
 * GetPromiseResolve, GetIterator, perform, IteratorClose on abrupt. */
static Value combinator(VM *vm, Value c, Value iterable, int kind)
{
    GC_SCOPE(vm->heap);
    Value result = VALUE_EXCEPTION;
    PromiseCapability cap = { VALUE_UNDEFINED, VALUE_UNDEFINED, VALUE_UNDEFINED };
    PROMISE_ROOT_CAPABILITY(vm->heap, cap);
    IteratorRecord iterator = { VALUE_UNDEFINED, VALUE_UNDEFINED, false };
    ES_ROOT_ITERATOR(vm->heap, iterator);
    Value resolve = VALUE_UNDEFINED;
    GC_ROOT(vm->heap, resolve);
    CombinatorState *s = NULL;
    GC_ROOT_CELL(vm->heap, s);
    if (!promise_new_capability(vm, c, &cap))
        goto done;
    /* GetPromiseResolve (27.2.4.1.1) */
    resolve = es_key_cstr(vm, "resolve");   /* rooted while the get runs: atoms are held weakly */
    if (!value_is_exception(resolve))
        resolve = value_is_object(c) ? es_get(vm, value_as_object(c), resolve) : VALUE_UNDEFINED;
    if (value_is_exception(resolve))
        goto reject;
    if (!value_is_callable(resolve)) {
        vm_throw_type_error(vm, "Promise resolve or reject function is not callable");
        goto reject;
    }
    if (!es_get_iterator(vm, iterable, &iterator))
        goto reject;
    if (kind >= 0) {
        s = (CombinatorState *)object_new(vm, &state_class, sizeof(CombinatorState), NULL);
        Object *values = s ? es_array_new(vm, 0) : NULL;
        if (!values)
            goto close;
        s->kind = (CombinatorKind)kind;
        s->values = value_from_object(values);
        s->cap = cap;
        s->remaining = 1;
    }
    result = perform(vm, &iterator, c, &cap, resolve, s);
    if (!value_is_exception(result))
        goto done;
close:
    if (!iterator.done)
        es_iterator_close_throw(vm, &iterator);
reject:
    result = promise_reject_pending_exception(vm, &cap);
done:
    GC_SCOPE_END(vm->heap);
    return result;
}

Value promise_all(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)new_target;
    return combinator(vm, this_value, es_arg(argc, argv, 0), COMBINATOR_ALL);
}

Value promise_all_settled(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)new_target;
    return combinator(vm, this_value, es_arg(argc, argv, 0), COMBINATOR_ALL_SETTLED);
}

Value promise_any(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)new_target;
    return combinator(vm, this_value, es_arg(argc, argv, 0), COMBINATOR_ANY);
}

Value promise_race(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)new_target;
    return combinator(vm, this_value, es_arg(argc, argv, 0), -1);
}
