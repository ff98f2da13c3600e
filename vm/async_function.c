/*
 * Async functions (ES2025 27.7, 15.8): await, return and throw in an async
 * function's frame.
 *
 * The promise of an async function is made lazily: a function that never
 * awaits gets it when it returns or throws; one that awaits gets it with
 * the object that keeps its suspended frame, at the first await. Either
 * way the caller receives it when the frame first stops running, as
 * 27.7.5.1 AsyncFunctionStart returns to the caller at the first await.
 */
#include "vm/async_function.h"
#include "vm/dynamic_function.h"
#include "vm/atom.h"
#include "vm/object_internal.h"
#include "vm/operators.h"

typedef struct AsyncFunctionObject {
    GeneratorObject g;
    Value promise;
} AsyncFunctionObject;

static void async_function_trace(GCTracer *tracer, Object *o)
{
    generator_object_trace(tracer, o);
    gc_mark_value(tracer, ((AsyncFunctionObject *)o)->promise);
}

static const ObjectClass async_function_object_class = {
    .name = "AsyncFunctionState",
    ORDINARY_INTERNAL_METHODS,
    .trace = async_function_trace,
    .finalize = generator_object_finalize,
};

static bool is_async_function_frame(const Frame *frame)
{
    return (frame->code->flags & CODE_ASYNC) && !(frame->code->flags & CODE_GENERATOR);
}

static Object *new_promise(VM *vm)
{
    return promise_new(vm, realm_intrinsic(vm, INTRINSIC_PromisePrototype));
}

/* The object holding an async function's frame and promise, made at its
 * first await. NULL after throwing. */
static AsyncFunctionObject *async_function_state(VM *vm, Frame *frame)
{
    if (frame->generator)
        return (AsyncFunctionObject *)frame->generator;
    AsyncFunctionObject *a = (AsyncFunctionObject *)object_new(vm, &async_function_object_class,
                                                               sizeof(AsyncFunctionObject), NULL);
    if (!a)
        return NULL;
    a->promise = VALUE_UNDEFINED;
    generator_object_init(&a->g, frame);
    a->g.state = GENERATOR_EXECUTING;
    frame->generator = &a->g.object;   /* rooted by the frame from here on */
    Object *promise = new_promise(vm);
    if (!promise)
        return NULL;
    a->promise = value_from_object(promise);
    return a;
}

Value async_resume_after_await(VM *vm, Value data, Value argument, bool rejected)
{
    GeneratorObject *g = (GeneratorObject *)value_as_object(data);
    if (!interp_check_c_stack(vm))
        return VALUE_EXCEPTION;
    Value result = generator_run_saved(vm, g, argument, ASYNC_RESUME_NORMAL, rejected ? FRAME_THROW_ON_RESUME : 0);
    return value_is_exception(result) ? result : VALUE_UNDEFINED;
}

bool async_await_saved(VM *vm, GeneratorObject *g, Value value, PromiseInternalHandler handler)
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, g);
    Value promise = promise_resolve(vm, value_from_object(realm_intrinsic(vm, INTRINSIC_Promise)), value);
    bool ok = !value_is_exception(promise) &&
              promise_then_internal(vm, value_as_object(promise), handler, value_from_object(&g->object), NULL);
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* ES2025 27.7.5.3 Await ( value ) */
Value async_await(VM *vm, Frame *frame, Value value, const uint8_t *resume_pc)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, value);
    Value result = VALUE_EXCEPTION;
    GeneratorObject *g = (GeneratorObject *)frame->generator;
    if (is_async_function_frame(frame)) {
        AsyncFunctionObject *a = async_function_state(vm, frame);
        if (!a)
            goto done;
        g = &a->g;
    }
    Value promise = promise_resolve(vm, value_from_object(realm_intrinsic(vm, INTRINSIC_Promise)), value);
    if (value_is_exception(promise) ||
        !promise_then_internal(vm, value_as_object(promise), async_resume_after_await, value_from_object(&g->object),
                               NULL) ||
        !generator_save_frame(vm, g, frame, resume_pc))
        goto done;
    result = is_async_function_frame(frame) ? ((AsyncFunctionObject *)g)->promise : VALUE_UNDEFINED;
done:
    GC_SCOPE_END(vm->heap);
    return result;
}

/* The function's promise and the end of its saved frame. */
static Value finish(VM *vm, Frame *frame, bool rejected, Value value)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, value);
    Value result = VALUE_EXCEPTION;
    Object *promise = NULL;
    GC_ROOT_CELL(vm->heap, promise);
    AsyncFunctionObject *a = (AsyncFunctionObject *)frame->generator;
    if (a) {
        promise = value_as_object(a->promise);
        a->g.state = GENERATOR_COMPLETED;
        generator_release_frame(&a->g);
    } else if (!(promise = new_promise(vm))) {
        goto done;
    }
    if (rejected ? promise_reject_with(vm, promise, value) : promise_resolve_with(vm, promise, value))
        result = value_from_object(promise);
done:
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ES2025 27.7.5.2 AsyncBlockStart step 3.e: Call(resolve, result) */
Value async_function_return(VM *vm, Frame *frame, Value value) { return finish(vm, frame, false, value); }

/* ES2025 27.7.5.2 AsyncBlockStart step 3.f: Call(reject, error) */
Value async_function_throw(VM *vm, Frame *frame)
{
    Value error = vm_take_exception(vm);
    return finish(vm, frame, true, error);
}

/* ---- %AsyncFunction.prototype% (ES2025 27.7.3) ---- */

/* ES2025 27.7.1.1 AsyncFunction ( ...parameterArgs, bodyArg ) */
static Value async_function_constructor(VM *vm, Value this_value, uint32_t argc, const Value *argv,
                                        Object *new_target)
{
    (void)this_value;
    return vm_create_dynamic_function(vm, new_target, DYNAMIC_FUNCTION_ASYNC, argc, argv);
}

bool async_function_install(VM *vm, Realm *realm)
{
    if (!realm->intrinsics[INTRINSIC_AsyncFunctionPrototype])
        realm->intrinsics[INTRINSIC_AsyncFunctionPrototype] =
            object_new_ordinary(vm, realm->intrinsics[INTRINSIC_FunctionPrototype]);
    Object *prototype = realm->intrinsics[INTRINSIC_AsyncFunctionPrototype];
    if (!prototype)
        return false;
    Object *function_constructor = realm->intrinsics[INTRINSIC_Function];
    Object *constructor = native_function_new(vm, async_function_constructor, "AsyncFunction", 1, true);
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, constructor);
    bool ok = constructor &&
              (!function_constructor ||
               object_set_prototype_of(vm, constructor, value_from_object(function_constructor)) > 0) &&
              object_define_data_property(vm, constructor, value_from_string(vm_atom(vm, ATOM_prototype)),
                                          value_from_object(prototype), 0) &&
              object_define_data_property(vm, prototype, value_from_string(vm_atom(vm, ATOM_constructor)),
                                          value_from_object(constructor), PROP_CONFIGURABLE) &&
              operators_define_to_string_tag(vm, prototype, "AsyncFunction");
    GC_SCOPE_END(vm->heap);
    return ok;
}
