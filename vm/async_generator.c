/*
 * Async generators (ES2025 27.6 AsyncGenerator Objects, 27.4
 * AsyncGeneratorFunction Objects).
 *
 * An AsyncGenerator is a GeneratorObject (its saved frame) with a state
 * and the queue of requests (27.6.3.1 AsyncGeneratorRequest): next,
 * return and throw each enqueue one with a fresh %Promise% capability and
 * resume the body when it is suspended. The body settles the first
 * request at each yield (AsyncGeneratorCompleteStep) and when it ends;
 * then the rest are drained (AsyncGeneratorDrainQueue).
 */
#include <stdlib.h>
#include <string.h>

#include "vm/async_function.h"
#include "vm/async_generator.h"
#include "vm/dynamic_function.h"
#include "vm/atom.h"
#include "vm/object_internal.h"
#include "vm/operators.h"

typedef enum AsyncGeneratorState {
    ASYNC_GENERATOR_SUSPENDED_START,
    ASYNC_GENERATOR_SUSPENDED_YIELD,
    ASYNC_GENERATOR_EXECUTING,
    ASYNC_GENERATOR_DRAINING_QUEUE,
    ASYNC_GENERATOR_COMPLETED,
} AsyncGeneratorState;

typedef struct AsyncGeneratorRequest {
    uint32_t kind;                 /* GENERATOR_RESUME_NEXT, _THROW or _RETURN */
    Value value;
    PromiseCapability cap;
} AsyncGeneratorRequest;

typedef struct AsyncGeneratorObject {
    GeneratorObject g;
    AsyncGeneratorState state;
    AsyncGeneratorRequest *queue;  /* malloc'd: queue[head .. count) */
    uint32_t head, count, capacity;
} AsyncGeneratorObject;

static void async_generator_trace(GCTracer *tracer, Object *o)
{
    generator_object_trace(tracer, o);
    AsyncGeneratorObject *ag = (AsyncGeneratorObject *)o;
    for (uint32_t i = ag->head; i < ag->count; i++) {
        gc_mark_value(tracer, ag->queue[i].value);
        gc_mark_value(tracer, ag->queue[i].cap.promise);
        gc_mark_value(tracer, ag->queue[i].cap.resolve);
        gc_mark_value(tracer, ag->queue[i].cap.reject);
    }
}

static void async_generator_finalize(Heap *heap, Object *o)
{
    generator_object_finalize(heap, o);
    free(((AsyncGeneratorObject *)o)->queue);
}

static const ObjectClass async_generator_class = {
    .name = "AsyncGenerator",
    ORDINARY_INTERNAL_METHODS,
    .trace = async_generator_trace,
    .finalize = async_generator_finalize,
};

/* ---- The request queue ---- */

static bool queue_is_empty(const AsyncGeneratorObject *ag) { return ag->head == ag->count; }

/* AsyncGeneratorEnqueue (27.6.3.3) */
static bool enqueue(VM *vm, AsyncGeneratorObject *ag, uint32_t kind, Value value, const PromiseCapability *cap)
{
    if (ag->count == ag->capacity) {
        if (ag->head > 0) {
            memmove(ag->queue, ag->queue + ag->head, (ag->count - ag->head) * sizeof *ag->queue);
            ag->count -= ag->head;
            ag->head = 0;
        }
        if (ag->count == ag->capacity) {
            uint32_t capacity = ag->capacity ? ag->capacity * 2 : 4;
            AsyncGeneratorRequest *grown = realloc(ag->queue, capacity * sizeof *grown);
            if (!grown) {
                vm_throw_out_of_memory(vm);
                return false;
            }
            ag->queue = grown;
            ag->capacity = capacity;
        }
    }
    ag->queue[ag->count++] = (AsyncGeneratorRequest){ kind, value, *cap };
    return true;
}

static AsyncGeneratorRequest *first_request(AsyncGeneratorObject *ag) { return &ag->queue[ag->head]; }

/* ES2025 7.4.14 CreateIteratorResultObject */
static Value iterator_result(VM *vm, Value value, bool done)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, value);
    Object *result = object_new_ordinary(vm, realm_intrinsic(vm, INTRINSIC_ObjectPrototype));
    GC_ROOT_CELL(vm->heap, result);
    bool ok = result && object_create_data_property(vm, result, value_from_string(vm_atom(vm, ATOM_value)), value) > 0 &&
              object_create_data_property(vm, result, value_from_string(vm_atom(vm, ATOM_done)),
                                          value_from_boolean(done)) > 0;
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(result) : VALUE_EXCEPTION;
}

/* AsyncGeneratorCompleteStep (27.6.3.4): removes the first request and
 * settles its promise with value (rejected when threw). */
static bool complete_step(VM *vm, AsyncGeneratorObject *ag, bool threw, Value value, bool done)
{
    if (queue_is_empty(ag))
        return true;
    AsyncGeneratorRequest request = *first_request(ag);
    ag->head++;
    GC_SCOPE(vm->heap);
    PROMISE_ROOT_CAPABILITY(vm->heap, request.cap);
    GC_ROOT(vm->heap, value);
    bool ok;
    if (threw) {
        ok = promise_capability_settle(vm, &request.cap, true, value);
    } else {
        Value result = iterator_result(vm, value, done);
        ok = !value_is_exception(result) && promise_capability_settle(vm, &request.cap, false, result);
    }
    GC_SCOPE_END(vm->heap);
    return ok;
}

static bool drain_queue(VM *vm, AsyncGeneratorObject *ag);

/* AsyncGeneratorAwaitReturn's closures (27.6.3.9 steps 9-12) */
static Value await_return_settled(VM *vm, Value data, Value argument, bool rejected)
{
    AsyncGeneratorObject *ag = (AsyncGeneratorObject *)value_as_object(data);
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, ag);
    bool ok = complete_step(vm, ag, rejected, argument, true) && drain_queue(vm, ag);
    GC_SCOPE_END(vm->heap);
    return ok ? VALUE_UNDEFINED : VALUE_EXCEPTION;
}

/* AsyncGeneratorAwaitReturn (27.6.3.9) */
static bool await_return(VM *vm, AsyncGeneratorObject *ag)
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, ag);
    bool ok;
    Value promise = promise_resolve(vm, value_from_object(realm_intrinsic(vm, INTRINSIC_Promise)), first_request(ag)->value);
    if (value_is_exception(promise)) {
        Value error = vm_take_exception(vm);
        ok = complete_step(vm, ag, true, error, true) && drain_queue(vm, ag);
    } else {
        ok = promise_then_internal(vm, value_as_object(promise), await_return_settled, value_from_object(&ag->g.object),
                                   NULL);
    }
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* AsyncGeneratorDrainQueue (27.6.3.10) */
static bool drain_queue(VM *vm, AsyncGeneratorObject *ag)
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, ag);
    bool ok = true;
    for (;;) {
        if (queue_is_empty(ag)) {
            ag->state = ASYNC_GENERATOR_COMPLETED;
            break;
        }
        AsyncGeneratorRequest *next = first_request(ag);
        if (next->kind == GENERATOR_RESUME_RETURN) {
            ok = await_return(vm, ag);
            break;
        }
        bool threw = next->kind == GENERATOR_RESUME_THROW;
        if (!(ok = complete_step(vm, ag, threw, threw ? next->value : VALUE_UNDEFINED, true)))
            break;
    }
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* ---- The body ---- */

Value async_generator_start(VM *vm, Frame *frame, const uint8_t *resume_pc)
{
    Value p = object_get(vm, frame->callee, value_from_string(vm_atom(vm, ATOM_prototype)),
                         value_from_object(frame->callee));
    if (value_is_exception(p))
        return p;
    Object *prototype = value_is_object(p) ? value_as_object(p) : realm_intrinsic(vm, INTRINSIC_AsyncGeneratorPrototype);
    AsyncGeneratorObject *ag =
        (AsyncGeneratorObject *)object_new(vm, &async_generator_class, sizeof(AsyncGeneratorObject), prototype);
    if (!ag)
        return VALUE_EXCEPTION;
    ag->state = ASYNC_GENERATOR_SUSPENDED_START;
    generator_object_init(&ag->g, frame);
    if (!generator_save_frame(vm, &ag->g, frame, resume_pc))
        return VALUE_EXCEPTION;
    return value_from_object(&ag->g.object);
}

/* The reaction of AsyncGeneratorUnwrapYieldResumption's Await (27.6.3.7
 * steps 2-4): a return resumption goes on as a return of the awaited
 * value, or as a throw of the rejection. */
static Value resume_after_return_await(VM *vm, Value data, Value argument, bool rejected)
{
    GeneratorObject *g = (GeneratorObject *)value_as_object(data);
    if (!interp_check_c_stack(vm))
        return VALUE_EXCEPTION;
    Value result = generator_run_saved(vm, g, argument, rejected ? GENERATOR_RESUME_THROW : GENERATOR_RESUME_RETURN, 0);
    return value_is_exception(result) ? result : VALUE_UNDEFINED;
}

/* Resumes the saved body with a request's completion (27.6.3.6
 * AsyncGeneratorResume, with AsyncGeneratorUnwrapYieldResumption: a
 * return is awaited first). */
static bool resume(VM *vm, AsyncGeneratorObject *ag, uint32_t kind, Value value)
{
    ag->state = ASYNC_GENERATOR_EXECUTING;
    if (!interp_check_c_stack(vm))
        return false;
    if (kind == GENERATOR_RESUME_RETURN) {
        if (async_await_saved(vm, &ag->g, value, resume_after_return_await))
            return true;
        value = vm_take_exception(vm);
        kind = GENERATOR_RESUME_THROW;
    }
    return !value_is_exception(generator_run_saved(vm, &ag->g, value, kind, 0));
}

int async_generator_yield(VM *vm, Frame *frame, Value *acc, const uint8_t *resume_pc)
{
    AsyncGeneratorObject *ag = (AsyncGeneratorObject *)frame->generator;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, ag);
    int result = -1;
    if (!complete_step(vm, ag, false, *acc, false) || !generator_save_frame(vm, &ag->g, frame, resume_pc))
        goto done;
    if (queue_is_empty(ag)) {
        ag->state = ASYNC_GENERATOR_SUSPENDED_YIELD;
        result = 0;
        goto done;
    }
    /* The next request is already queued: go on without suspending. */
    AsyncGeneratorRequest *next = first_request(ag);
    if (next->kind == GENERATOR_RESUME_RETURN) {
        if (async_await_saved(vm, &ag->g, next->value, resume_after_return_await)) {
            result = 0;
            goto done;
        }
        frame->resume_kind = GENERATOR_RESUME_THROW;
        *acc = vm_take_exception(vm);
    } else {
        frame->resume_kind = next->kind;
        *acc = next->value;
    }
    result = 1;
done:
    GC_SCOPE_END(vm->heap);
    return result;
}

/* AsyncGeneratorStart steps 4.e-4.j (27.6.3.2) */
bool async_generator_body_done(VM *vm, Frame *frame, bool threw, Value value)
{
    AsyncGeneratorObject *ag = (AsyncGeneratorObject *)frame->generator;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, ag);
    GC_ROOT(vm->heap, value);
    ag->state = ASYNC_GENERATOR_DRAINING_QUEUE;
    generator_release_frame(&ag->g);
    bool ok = complete_step(vm, ag, threw, value, true) && drain_queue(vm, ag);
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* ---- %AsyncGeneratorPrototype% (27.6.1) ---- */

/* The shared steps of next, return and throw (27.6.1.2 - 27.6.1.4). */
static Value request(VM *vm, Value this_value, uint32_t kind, Value value)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, value);
    Value result = VALUE_EXCEPTION;
    PromiseCapability cap = { VALUE_UNDEFINED, VALUE_UNDEFINED, VALUE_UNDEFINED };
    PROMISE_ROOT_CAPABILITY(vm->heap, cap);
    if (!promise_new_capability(vm, value_from_object(realm_intrinsic(vm, INTRINSIC_Promise)), &cap))
        goto done;
    /* AsyncGeneratorValidate (27.6.3.2) */
    if (!value_is_object(this_value) || value_as_object(this_value)->class_ != &async_generator_class) {
        vm_throw_type_error(vm, "AsyncGenerator method called on incompatible receiver");
        result = promise_reject_pending_exception(vm, &cap);
        goto done;
    }
    AsyncGeneratorObject *ag = (AsyncGeneratorObject *)value_as_object(this_value);
    AsyncGeneratorState state = ag->state;
    if (kind == GENERATOR_RESUME_THROW && state == ASYNC_GENERATOR_SUSPENDED_START) {
        ag->state = state = ASYNC_GENERATOR_COMPLETED;
        generator_release_frame(&ag->g);
    }
    if (state == ASYNC_GENERATOR_COMPLETED && kind != GENERATOR_RESUME_RETURN) {
        if (kind == GENERATOR_RESUME_THROW) {
            if (!promise_capability_settle(vm, &cap, true, value))
                goto done;
        } else {
            Value done_result = iterator_result(vm, VALUE_UNDEFINED, true);
            if (value_is_exception(done_result) || !promise_capability_settle(vm, &cap, false, done_result))
                goto done;
        }
        result = cap.promise;
        goto done;
    }
    if (!enqueue(vm, ag, kind, value, &cap))
        goto done;
    bool ok = true;
    if (kind == GENERATOR_RESUME_RETURN &&
        (state == ASYNC_GENERATOR_SUSPENDED_START || state == ASYNC_GENERATOR_COMPLETED)) {
        if (state == ASYNC_GENERATOR_SUSPENDED_START)
            generator_release_frame(&ag->g);
        ag->state = ASYNC_GENERATOR_DRAINING_QUEUE;
        ok = await_return(vm, ag);
    } else if (state == ASYNC_GENERATOR_SUSPENDED_YIELD ||
               (state == ASYNC_GENERATOR_SUSPENDED_START && kind == GENERATOR_RESUME_NEXT)) {
        ok = resume(vm, ag, kind, value);
    }
    if (ok)
        result = cap.promise;
done:
    GC_SCOPE_END(vm->heap);
    return result;
}

static Value argument0(uint32_t argc, const Value *argv) { return argc ? argv[0] : VALUE_UNDEFINED; }

static Value async_generator_next(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)new_target;
    return request(vm, this_value, GENERATOR_RESUME_NEXT, argument0(argc, argv));
}

static Value async_generator_return(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)new_target;
    return request(vm, this_value, GENERATOR_RESUME_RETURN, argument0(argc, argv));
}

static Value async_generator_throw(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)new_target;
    return request(vm, this_value, GENERATOR_RESUME_THROW, argument0(argc, argv));
}

/* %AsyncIteratorPrototype% [ @@asyncIterator ] (27.1.3.1) */
static Value async_iterator_self(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)vm, (void)argc, (void)argv, (void)new_target;
    return this_value;
}

/* ES2025 27.4.1.1 AsyncGeneratorFunction ( ...parameterArgs, bodyArg ) */
static Value async_generator_function_constructor(VM *vm, Value this_value, uint32_t argc, const Value *argv,
                                                  Object *new_target)
{
    (void)this_value;
    return vm_create_dynamic_function(vm, new_target, DYNAMIC_FUNCTION_ASYNC_GENERATOR, argc, argv);
}

static Object *ensure_intrinsic(VM *vm, Realm *realm, IntrinsicId id, Object *parent)
{
    if (!realm->intrinsics[id])
        realm->intrinsics[id] = object_new_ordinary(vm, parent);
    return realm->intrinsics[id];
}

/* %AsyncIteratorPrototype% with its @@asyncIterator method. */
static bool install_async_iterator_prototype(VM *vm, Realm *realm)
{
    Object *prototype = ensure_intrinsic(vm, realm, INTRINSIC_AsyncIteratorPrototype,
                                         realm->intrinsics[INTRINSIC_ObjectPrototype]);
    Value key = operators_well_known_key(vm, WELL_KNOWN_KEY_ASYNC_ITERATOR);
    if (!prototype)
        return false;
    if (value_is_undefined(key))
        return true;
    Object *self = native_function_new(vm, async_iterator_self, "[Symbol.asyncIterator]", 0, false);
    return self && object_define_data_property(vm, prototype, key, value_from_object(self),
                                               PROP_WRITABLE | PROP_CONFIGURABLE);
}

bool async_generator_install(VM *vm, Realm *realm)
{
    if (!install_async_iterator_prototype(vm, realm))
        return false;
    Object *generator_prototype = ensure_intrinsic(vm, realm, INTRINSIC_AsyncGeneratorPrototype,
                                                   realm->intrinsics[INTRINSIC_AsyncIteratorPrototype]);
    Object *function_prototype = generator_prototype
                                     ? ensure_intrinsic(vm, realm, INTRINSIC_AsyncGeneratorFunctionPrototype,
                                                        realm->intrinsics[INTRINSIC_FunctionPrototype])
                                     : NULL;
    Object *constructor = function_prototype ? native_function_new(vm, async_generator_function_constructor,
                                                                   "AsyncGeneratorFunction", 1, true)
                                             : NULL;
    Object *function_constructor = realm->intrinsics[INTRINSIC_Function];
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, constructor);
    bool ok = constructor &&
              (!function_constructor ||
               object_set_prototype_of(vm, constructor, value_from_object(function_constructor)) > 0) &&
              object_define_data_property(vm, function_prototype, value_from_string(vm_atom(vm, ATOM_constructor)),
                                          value_from_object(constructor), PROP_CONFIGURABLE) &&
              object_define_data_property(vm, constructor, value_from_string(vm_atom(vm, ATOM_prototype)),
                                          value_from_object(function_prototype), 0) &&
              realm_define_method(vm, generator_prototype, "next", async_generator_next, 1) &&
              realm_define_method(vm, generator_prototype, "return", async_generator_return, 1) &&
              realm_define_method(vm, generator_prototype, "throw", async_generator_throw, 1) &&
              object_define_data_property(vm, generator_prototype, value_from_string(vm_atom(vm, ATOM_constructor)),
                                          value_from_object(function_prototype), PROP_CONFIGURABLE) &&
              object_define_data_property(vm, function_prototype, value_from_string(vm_atom(vm, ATOM_prototype)),
                                          value_from_object(generator_prototype), PROP_CONFIGURABLE) &&
              operators_define_to_string_tag(vm, generator_prototype, "AsyncGenerator") &&
              operators_define_to_string_tag(vm, function_prototype, "AsyncGeneratorFunction");
    GC_SCOPE_END(vm->heap);
    return ok;
}
