/*
 * Promise objects and the abstract operations of ES2025 27.2.1 - 27.2.2:
 * resolving functions, capabilities, reactions and their jobs, and
 * PerformPromiseThen / PromiseResolve (27.2.5.4.1, 27.2.4.7.1).
 *
 * A promise keeps its pending `then` records in a malloc'd array: each
 * record is one fulfill and one reject reaction (27.2.1.2), made together
 * by PerformPromiseThen, so one array in order stands for the spec's two
 * lists. Settling the promise enqueues one job per record.
 */
#include <stdlib.h>

#include "vm/atom.h"
#include "vm/data_function.h"
#include "vm/job_queue.h"
#include "vm/promise.h"
#include "vm/realm.h"

typedef struct PromiseReactionPair {
    PromiseCapability cap;        /* promise undefined: no capability */
    Value on_fulfilled, on_rejected;   /* undefined: empty */
    PromiseInternalHandler internal;   /* or C code, with data in on_fulfilled */
} PromiseReactionPair;

typedef struct PromiseObject {
    Object object;
    PromiseState state;
    bool is_handled;
    Value result;
    uint32_t reaction_count, reaction_capacity;
    PromiseReactionPair *reactions;   /* malloc'd */
} PromiseObject;

static void promise_trace(GCTracer *tracer, Object *o)
{
    PromiseObject *p = (PromiseObject *)o;
    gc_mark_value(tracer, p->result);
    for (uint32_t i = 0; i < p->reaction_count; i++) {
        PromiseReactionPair *r = &p->reactions[i];
        gc_mark_value(tracer, r->cap.promise);
        gc_mark_value(tracer, r->cap.resolve);
        gc_mark_value(tracer, r->cap.reject);
        gc_mark_value(tracer, r->on_fulfilled);
        gc_mark_value(tracer, r->on_rejected);
    }
}

static void promise_finalize(Heap *heap, Object *o)
{
    (void)heap;
    free(((PromiseObject *)o)->reactions);
}

static const ObjectClass promise_class = {
    .name = "Promise",
    ORDINARY_INTERNAL_METHODS,
    .trace = promise_trace,
    .finalize = promise_finalize,
};

/* The state shared by a pair of resolving functions (27.2.1.3): the
 * promise and [[AlreadyResolved]]. Never seen by JavaScript. */
typedef struct ResolvingRecord {
    Object object;
    Value promise;
    bool already_resolved;
} ResolvingRecord;

static void resolving_record_trace(GCTracer *tracer, Object *o)
{
    gc_mark_value(tracer, ((ResolvingRecord *)o)->promise);
}

static const ObjectClass resolving_record_class = {
    .name = "ResolvingFunctions",
    ORDINARY_INTERNAL_METHODS,
    .trace = resolving_record_trace,
};

/* NewPromiseCapability's record, shared with its executor (27.2.1.5). */
typedef struct CapabilityRecord {
    Object object;
    Value resolve, reject;
} CapabilityRecord;

static void capability_record_trace(GCTracer *tracer, Object *o)
{
    gc_mark_value(tracer, ((CapabilityRecord *)o)->resolve);
    gc_mark_value(tracer, ((CapabilityRecord *)o)->reject);
}

static const ObjectClass capability_record_class = {
    .name = "PromiseCapability",
    ORDINARY_INTERNAL_METHODS,
    .trace = capability_record_trace,
};

bool promise_is(Value value)
{
    return value_is_object(value) && value_as_object(value)->class_ == &promise_class;
}

PromiseState promise_state(Object *promise) { return ((PromiseObject *)promise)->state; }
Value promise_result(Object *promise) { return ((PromiseObject *)promise)->result; }

Object *promise_new(VM *vm, Object *prototype)
{
    PromiseObject *p = (PromiseObject *)object_new(vm, &promise_class, sizeof(PromiseObject), prototype);
    if (!p)
        return NULL;
    p->state = PROMISE_PENDING;
    p->result = VALUE_UNDEFINED;
    return &p->object;
}

/* ---- Jobs (27.2.2) ---- */

enum { JOB_CAP_PROMISE, JOB_CAP_RESOLVE, JOB_CAP_REJECT, JOB_HANDLER, JOB_ARGUMENT, JOB_REJECTED };

/* NewPromiseReactionJob (27.2.2.1): the job's steps. */
static bool run_reaction_job(VM *vm, Value *values, uintptr_t data)
{
    PromiseInternalHandler internal = (PromiseInternalHandler)data;
    bool rejected = value_as_boolean(values[JOB_REJECTED]);
    Value argument = values[JOB_ARGUMENT];
    Value handler_result;
    bool abrupt = false;
    if (internal) {
        handler_result = internal(vm, values[JOB_HANDLER], argument, rejected);
    } else if (value_is_undefined(values[JOB_HANDLER])) {   /* empty: pass the value or reason on */
        handler_result = argument;
        abrupt = rejected;
    } else {
        handler_result = vm_call(vm, values[JOB_HANDLER], VALUE_UNDEFINED, 1, &argument);
    }
    if (value_is_exception(handler_result)) {
        if (value_is_undefined(values[JOB_CAP_PROMISE]))
            return false;
        handler_result = vm_take_exception(vm);
        abrupt = true;
    }
    if (value_is_undefined(values[JOB_CAP_PROMISE]))
        return true;
    values[JOB_ARGUMENT] = handler_result;   /* rooted by the job runner */
    Value settle = abrupt ? values[JOB_CAP_REJECT] : values[JOB_CAP_RESOLVE];
    return !value_is_exception(vm_call(vm, settle, VALUE_UNDEFINED, 1, &values[JOB_ARGUMENT]));
}

static bool enqueue_reaction_job(VM *vm, const PromiseReactionPair *r, bool rejected, Value argument)
{
    Value values[JOB_VALUE_COUNT] = {
        [JOB_CAP_PROMISE] = r->cap.promise,
        [JOB_CAP_RESOLVE] = r->cap.resolve,
        [JOB_CAP_REJECT] = r->cap.reject,
        [JOB_HANDLER] = r->internal ? r->on_fulfilled : rejected ? r->on_rejected : r->on_fulfilled,
        [JOB_ARGUMENT] = argument,
        [JOB_REJECTED] = value_from_boolean(rejected),
    };
    return job_queue_enqueue(vm, run_reaction_job, (uintptr_t)r->internal, values);
}

/* NewPromiseResolveThenableJob (27.2.2.2): values are the promise to
 * resolve, the thenable and its then. */
static bool run_resolve_thenable_job(VM *vm, Value *values, uintptr_t data)
{
    (void)data;
    Value functions[2] = { VALUE_UNDEFINED, VALUE_UNDEFINED };
    Value error = VALUE_UNDEFINED;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, functions[0]);
    GC_ROOT(vm->heap, functions[1]);
    GC_ROOT(vm->heap, error);
    bool ok = promise_create_resolving_functions(vm, value_as_object(values[0]), functions);
    if (ok) {
        Value result = vm_call(vm, values[2], values[1], 2, functions);
        if (value_is_exception(result)) {
            error = vm_take_exception(vm);
            ok = !value_is_exception(vm_call(vm, functions[1], VALUE_UNDEFINED, 1, &error));
        }
    }
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* ---- Settling (27.2.1.4, 27.2.1.7, 27.2.1.8) ---- */

/* TriggerPromiseReactions: one job per record, in order; the records are
 * dropped (the promise is settled for good). */
static bool settle(VM *vm, Object *promise, PromiseState state, Value value)
{
    PromiseObject *p = (PromiseObject *)promise;
    PromiseReactionPair *reactions = p->reactions;
    uint32_t count = p->reaction_count;
    p->result = value;
    p->state = state;
    p->reactions = NULL;
    p->reaction_count = p->reaction_capacity = 0;
    /* Enqueueing allocates no cell (the queue is malloc'd): the records,
     * now only in this C array, cannot be collected meanwhile. */
    bool ok = true;
    for (uint32_t i = 0; i < count && ok; i++)
        ok = enqueue_reaction_job(vm, &reactions[i], state == PROMISE_REJECTED, p->result);
    free(reactions);
    if (ok && state == PROMISE_REJECTED && !p->is_handled)
        ok = job_queue_track_rejection(vm, value_from_object(promise), false);   /* HostPromiseRejectionTracker "reject" */
    return ok;
}

static bool fulfill_promise(VM *vm, Object *promise, Value value) { return settle(vm, promise, PROMISE_FULFILLED, value); }

bool promise_reject_with(VM *vm, Object *promise, Value reason)
{
    return settle(vm, promise, PROMISE_REJECTED, reason);
}

/* The steps of a promise resolve function after [[AlreadyResolved]]
 * (27.2.1.3.2 steps 7-16). */
bool promise_resolve_with(VM *vm, Object *promise, Value resolution)
{
    if (value_is_object(resolution) && value_as_object(resolution) == promise) {
        vm_throw_type_error(vm, "Chaining cycle detected for promise #<Promise>");
        Value error = vm_take_exception(vm);
        return promise_reject_with(vm, promise, error);
    }
    if (!value_is_object(resolution))
        return fulfill_promise(vm, promise, resolution);
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, promise);
    GC_ROOT(vm->heap, resolution);
    bool ok;
    Value then = object_get(vm, value_as_object(resolution), value_from_string(vm_atom(vm, ATOM_then)), resolution);
    if (value_is_exception(then)) {
        Value error = vm_take_exception(vm);
        ok = promise_reject_with(vm, promise, error);
    } else if (!value_is_callable(then)) {
        ok = fulfill_promise(vm, promise, resolution);
    } else {
        Value values[JOB_VALUE_COUNT] = { value_from_object(promise), resolution, then, VALUE_UNDEFINED,
                                          VALUE_UNDEFINED, VALUE_UNDEFINED };
        ok = job_queue_enqueue(vm, run_resolve_thenable_job, 0, values);
    }
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* ---- Resolving functions (27.2.1.3) ---- */

static Value resolve_function(VM *vm, Value data, Value this_value, uint32_t argc, const Value *argv)
{
    (void)this_value;
    ResolvingRecord *record = (ResolvingRecord *)value_as_object(data);
    if (record->already_resolved)
        return VALUE_UNDEFINED;
    record->already_resolved = true;
    Value resolution = argc ? argv[0] : VALUE_UNDEFINED;
    return promise_resolve_with(vm, value_as_object(record->promise), resolution) ? VALUE_UNDEFINED : VALUE_EXCEPTION;
}

static Value reject_function(VM *vm, Value data, Value this_value, uint32_t argc, const Value *argv)
{
    (void)this_value;
    ResolvingRecord *record = (ResolvingRecord *)value_as_object(data);
    if (record->already_resolved)
        return VALUE_UNDEFINED;
    record->already_resolved = true;
    Value reason = argc ? argv[0] : VALUE_UNDEFINED;
    return promise_reject_with(vm, value_as_object(record->promise), reason) ? VALUE_UNDEFINED : VALUE_EXCEPTION;
}

bool promise_create_resolving_functions(VM *vm, Object *promise, Value out[2])
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, promise);
    ResolvingRecord *record = (ResolvingRecord *)object_new(vm, &resolving_record_class, sizeof(ResolvingRecord), NULL);
    GC_ROOT_CELL(vm->heap, record);
    bool ok = false;
    if (record) {
        record->promise = value_from_object(promise);
        Object *resolve = data_function_new(vm, resolve_function, "", 1, value_from_object(&record->object));
        if (resolve) {
            out[0] = value_from_object(resolve);
            Object *reject = data_function_new(vm, reject_function, "", 1, value_from_object(&record->object));
            if (reject) {
                out[1] = value_from_object(reject);
                ok = true;
            }
        }
    }
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* ---- NewPromiseCapability (27.2.1.5) ---- */

/* GetCapabilitiesExecutor Functions (27.2.1.5 steps 4-5) */
static Value capability_executor(VM *vm, Value data, Value this_value, uint32_t argc, const Value *argv)
{
    (void)this_value;
    CapabilityRecord *record = (CapabilityRecord *)value_as_object(data);
    if (!value_is_undefined(record->resolve) || !value_is_undefined(record->reject))
        return vm_throw_type_error(vm, "Promise executor has already been invoked with non-undefined arguments");
    record->resolve = argc > 0 ? argv[0] : VALUE_UNDEFINED;
    record->reject = argc > 1 ? argv[1] : VALUE_UNDEFINED;
    return VALUE_UNDEFINED;
}

bool promise_new_capability(VM *vm, Value constructor, PromiseCapability *cap)
{
    if (!value_is_constructor(constructor)) {
        vm_throw_type_error(vm, "Promise resolve or reject function is not callable");
        return false;
    }
    Object *intrinsic = realm_intrinsic(vm, INTRINSIC_Promise);
    if (intrinsic && value_as_object(constructor) == intrinsic) {
        /* Construct(%Promise%, executor) observes nothing: made directly. */
        Object *promise = promise_new(vm, realm_intrinsic(vm, INTRINSIC_PromisePrototype));
        if (!promise)
            return false;
        cap->promise = value_from_object(promise);
        Value functions[2] = { VALUE_UNDEFINED, VALUE_UNDEFINED };
        GC_SCOPE(vm->heap);
        GC_ROOT(vm->heap, functions[0]);
        GC_ROOT(vm->heap, functions[1]);
        bool ok = promise_create_resolving_functions(vm, promise, functions);
        cap->resolve = functions[0];
        cap->reject = functions[1];
        GC_SCOPE_END(vm->heap);
        return ok;
    }
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, constructor);
    bool ok = false;
    CapabilityRecord *record = (CapabilityRecord *)object_new(vm, &capability_record_class, sizeof(CapabilityRecord), NULL);
    GC_ROOT_CELL(vm->heap, record);
    if (!record)
        goto done;
    record->resolve = record->reject = VALUE_UNDEFINED;
    Object *executor = data_function_new(vm, capability_executor, "", 2, value_from_object(&record->object));
    if (!executor)
        goto done;
    Value argument = value_from_object(executor);
    GC_ROOT(vm->heap, argument);   /* a native constructor reads it from argv */
    Value promise = vm_construct(vm, constructor, 1, &argument, constructor);
    if (value_is_exception(promise))
        goto done;
    if (!value_is_callable(record->resolve) || !value_is_callable(record->reject)) {
        vm_throw_type_error(vm, "Promise resolve or reject function is not callable");
        goto done;
    }
    cap->promise = promise;
    cap->resolve = record->resolve;
    cap->reject = record->reject;
    ok = true;
done:
    GC_SCOPE_END(vm->heap);
    return ok;
}

bool promise_capability_settle(VM *vm, const PromiseCapability *cap, bool reject, Value value)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, value);   /* a native resolve function reads it from argv */
    bool ok = !value_is_exception(vm_call(vm, reject ? cap->reject : cap->resolve, VALUE_UNDEFINED, 1, &value));
    GC_SCOPE_END(vm->heap);
    return ok;
}

Value promise_reject_pending_exception(VM *vm, const PromiseCapability *cap)
{
    Value error = vm_take_exception(vm);
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, error);
    bool ok = promise_capability_settle(vm, cap, true, error);
    GC_SCOPE_END(vm->heap);
    return ok ? cap->promise : VALUE_EXCEPTION;
}

/* ---- PromiseResolve (27.2.4.7.1) ---- */

Value promise_resolve(VM *vm, Value constructor, Value x)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, constructor);
    GC_ROOT(vm->heap, x);
    Value result = VALUE_EXCEPTION;
    PromiseCapability cap = { VALUE_UNDEFINED, VALUE_UNDEFINED, VALUE_UNDEFINED };
    PROMISE_ROOT_CAPABILITY(vm->heap, cap);
    if (promise_is(x)) {
        Value x_constructor = object_get(vm, value_as_object(x), value_from_string(vm_atom(vm, ATOM_constructor)), x);
        if (value_is_exception(x_constructor))
            goto done;
        if (value_is_object(x_constructor) && value_is_object(constructor) &&
            value_as_object(x_constructor) == value_as_object(constructor)) {
            result = x;
            goto done;
        }
    }
    if (!promise_new_capability(vm, constructor, &cap) || !promise_capability_settle(vm, &cap, false, x))
        goto done;
    result = cap.promise;
done:
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ---- PerformPromiseThen (27.2.5.4.1) ---- */

static bool add_reaction(VM *vm, Object *promise, const PromiseReactionPair *pair)
{
    PromiseObject *p = (PromiseObject *)promise;
    if (p->state != PROMISE_PENDING) {
        bool rejected = p->state == PROMISE_REJECTED;
        if (rejected && !p->is_handled && !job_queue_track_rejection(vm, value_from_object(promise), true))
            return false;   /* HostPromiseRejectionTracker "handle" */
        p->is_handled = true;
        return enqueue_reaction_job(vm, pair, rejected, p->result);
    }
    p->is_handled = true;
    if (p->reaction_count == p->reaction_capacity) {
        uint32_t capacity = p->reaction_capacity ? p->reaction_capacity * 2 : 2;
        PromiseReactionPair *grown = realloc(p->reactions, capacity * sizeof *grown);
        if (!grown) {
            vm_throw_out_of_memory(vm);
            return false;
        }
        p->reactions = grown;
        p->reaction_capacity = capacity;
    }
    p->reactions[p->reaction_count++] = *pair;
    return true;
}

bool promise_perform_then(VM *vm, Object *promise, Value on_fulfilled, Value on_rejected, const PromiseCapability *cap)
{
    PromiseReactionPair pair = {
        .cap = cap ? *cap : (PromiseCapability){ VALUE_UNDEFINED, VALUE_UNDEFINED, VALUE_UNDEFINED },
        .on_fulfilled = value_is_callable(on_fulfilled) ? on_fulfilled : VALUE_UNDEFINED,
        .on_rejected = value_is_callable(on_rejected) ? on_rejected : VALUE_UNDEFINED,
    };
    return add_reaction(vm, promise, &pair);
}

bool promise_then_internal(VM *vm, Object *promise, PromiseInternalHandler handler, Value data,
                           const PromiseCapability *cap)
{
    PromiseReactionPair pair = {
        .cap = cap ? *cap : (PromiseCapability){ VALUE_UNDEFINED, VALUE_UNDEFINED, VALUE_UNDEFINED },
        .on_fulfilled = data,
        .on_rejected = VALUE_UNDEFINED,
        .internal = handler,
    };
    return add_reaction(vm, promise, &pair);
}

bool promise_take_unhandled_rejection(VM *vm, Value *reason)
{
    Value promise;
    while (job_queue_take_rejection(vm, &promise)) {
        PromiseObject *p = (PromiseObject *)value_as_object(promise);
        if (!p->is_handled) {
            *reason = p->result;
            return true;
        }
    }
    return false;
}
