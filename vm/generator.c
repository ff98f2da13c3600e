/*
 * Generators (ES2025 27.5 Generator Objects, 27.3 GeneratorFunction).
 *
 * A generator object keeps its suspended frame: the registers (with the
 * arguments beyond the formals), the environment, this, new.target, the
 * handlers of its open try blocks and the pc to resume at. GENERATOR_START
 * saves the frame the call made and returns the generator; next(), return()
 * and throw() (GeneratorResume, GeneratorResumeAbrupt) push the frame back
 * and run it until YIELD saves it again, or until it returns or throws,
 * which completes the generator. The body reads how it was resumed with
 * RESUME_KIND and does return / throw itself (the compiler emits that).
 */
#include <stdlib.h>
#include <string.h>

#include "vm/atom.h"
#include "vm/generator.h"

#include "vm/dynamic_function.h"
#include "vm/object_internal.h"
#include "vm/operators.h"

void generator_object_trace(GCTracer *tracer, Object *o)
{
    GeneratorObject *g = (GeneratorObject *)o;
    gc_mark_cell(tracer, (GCCell *)g->callee);
    gc_mark_cell(tracer, (GCCell *)g->code);
    gc_mark_cell(tracer, (GCCell *)g->env);
    gc_mark_value(tracer, g->this_value);
    gc_mark_value(tracer, g->new_target);
    for (uint32_t i = 0; i < g->value_count; i++)
        gc_mark_value(tracer, g->values[i]);
    for (uint32_t i = 0; i < g->handler_count; i++)
        gc_mark_cell(tracer, (GCCell *)g->handlers[i].env);
}

void generator_object_finalize(Heap *heap, Object *o)
{
    (void)heap;
    GeneratorObject *g = (GeneratorObject *)o;
    free(g->values);
    free(g->handlers);
}

static const ObjectClass generator_class = {
    .name = "Generator",
    ORDINARY_INTERNAL_METHODS,
    .trace = generator_object_trace,
    .finalize = generator_object_finalize,
};

bool generator_save_frame(VM *vm, GeneratorObject *g, Frame *frame, const uint8_t *resume_pc)
{
    Interpreter *in = vm->interp;
    uint32_t count = (uint32_t)(frame->top - frame->registers);
    uint32_t handlers = in->handler_count - frame->handler_base;
    if (count > g->value_count || !g->values) {
        Value *values = realloc(g->values, (count ? count : 1) * sizeof(Value));
        if (!values) {
            vm_throw_out_of_memory(vm);
            return false;
        }
        g->values = values;
    }
    if (handlers) {
        Handler *saved = realloc(g->handlers, handlers * sizeof(Handler));
        if (!saved) {
            vm_throw_out_of_memory(vm);
            return false;
        }
        g->handlers = saved;
        memcpy(saved, &in->handlers[frame->handler_base], handlers * sizeof(Handler));
    }
    g->handler_count = handlers;
    memcpy(g->values, frame->registers, count * sizeof(Value));
    g->value_count = count;
    g->env = frame->env;
    g->this_value = frame->this_value;
    g->new_target = frame->new_target;
    g->resume_pc = (uint32_t)(resume_pc - frame->code->code);
    return true;
}

/* GENERATOR_START: OrdinaryCreateFromConstructor(functionObject,
 * "%GeneratorFunction.prototype.prototype%") with the frame saved in it. */
Value generator_start(VM *vm, Frame *frame, const uint8_t *resume_pc)
{
    Object *prototype = NULL;
    Value p = object_get(vm, frame->callee, value_from_string(vm_atom(vm, ATOM_prototype)),
                         value_from_object(frame->callee));
    if (value_is_exception(p))
        return p;
    prototype = value_is_object(p) ? value_as_object(p) : realm_intrinsic(vm, INTRINSIC_GeneratorPrototype);
    GeneratorObject *g = (GeneratorObject *)object_new(vm, &generator_class, sizeof(GeneratorObject), prototype);
    if (!g)
        return VALUE_EXCEPTION;
    g->state = GENERATOR_SUSPENDED_START;
    generator_object_init(g, frame);
    if (!generator_save_frame(vm, g, frame, resume_pc))
        return VALUE_EXCEPTION;
    return value_from_object(&g->object);
}

Environment *generator_environment(Value generator)
{
    if (!value_is_object(generator) || value_as_object(generator)->class_ != &generator_class)
        return NULL;
    return ((GeneratorObject *)value_as_object(generator))->env;
}

bool generator_yield(VM *vm, Frame *frame, const uint8_t *resume_pc)
{
    GeneratorObject *g = (GeneratorObject *)frame->generator;
    if (!generator_save_frame(vm, g, frame, resume_pc))
        return false;
    g->state = GENERATOR_SUSPENDED_YIELD;
    return true;
}

void generator_object_init(GeneratorObject *g, Frame *frame)
{
    g->callee = frame->callee;
    g->code = frame->code;
    g->argc = frame->argc;
    g->this_value = g->new_target = VALUE_UNDEFINED;
}

void generator_release_frame(GeneratorObject *g)
{
    free(g->values);
    free(g->handlers);
    g->values = NULL;
    g->handlers = NULL;
    g->value_count = g->handler_count = 0;
    g->env = NULL;
}

static void complete(GeneratorObject *g)
{
    g->state = GENERATOR_COMPLETED;
    generator_release_frame(g);
}

void generator_complete(Frame *frame) { complete((GeneratorObject *)frame->generator); }

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

Value generator_run_saved(VM *vm, GeneratorObject *g, Value value, uint32_t kind, uint32_t flags)
{
    if (!interp_check_c_stack(vm))
        return VALUE_EXCEPTION;
    Frame *frame = interp_push_saved_frame(vm, g->code, g->values, g->value_count, g->argc);
    if (!frame)
        return VALUE_EXCEPTION;
    frame->callee = g->callee;
    frame->env = g->env;
    frame->this_value = g->this_value;
    frame->new_target = g->new_target;
    frame->generator = &g->object;
    frame->flags = FRAME_ENTRY | FRAME_GENERATOR | flags;
    frame->resume_kind = kind;
    frame->pc = g->code->code + g->resume_pc;
    for (uint32_t i = 0; i < g->handler_count; i++) {
        if (!interp_push_handler(vm, g->handlers[i].target, g->handlers[i].exception_register, g->handlers[i].env)) {
            interp_pop_frame(vm);
            return VALUE_EXCEPTION;
        }
    }
    return interp_execute_with(vm, value);
}

/* Pushes g's saved frame and runs it with value in acc. */
static Value run_generator(VM *vm, GeneratorObject *g, Value value, uint32_t kind)
{
    g->state = GENERATOR_EXECUTING;
    Value result = generator_run_saved(vm, g, value, kind, 0);
    if (value_is_exception(result))
        return result;
    return iterator_result(vm, result, g->state == GENERATOR_COMPLETED);
}

/* ES2025 27.5.3.3 GeneratorResume and 27.5.3.4 GeneratorResumeAbrupt */
Value generator_resume(VM *vm, Value generator, Value value, uint32_t kind)
{
    if (!value_is_object(generator) || value_as_object(generator)->class_ != &generator_class)
        return vm_throw_type_error(vm, "next method called on incompatible receiver");
    GeneratorObject *g = (GeneratorObject *)value_as_object(generator);
    if (g->state == GENERATOR_EXECUTING)
        return vm_throw_type_error(vm, "Generator is already running");
    if (g->state == GENERATOR_SUSPENDED_START && kind != GENERATOR_RESUME_NEXT)
        complete(g);
    if (g->state == GENERATOR_COMPLETED) {
        if (kind == GENERATOR_RESUME_THROW)
            return vm_throw(vm, value);
        return iterator_result(vm, kind == GENERATOR_RESUME_RETURN ? value : VALUE_UNDEFINED, true);
    }
    return run_generator(vm, g, value, kind);
}

/* ---- %GeneratorPrototype% (ES2025 27.5.1) ---- */

static Value argument0(uint32_t argc, const Value *argv) { return argc ? argv[0] : VALUE_UNDEFINED; }

static Value generator_next(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)new_target;
    return generator_resume(vm, this_value, argument0(argc, argv), GENERATOR_RESUME_NEXT);
}

static Value generator_return(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)new_target;
    return generator_resume(vm, this_value, argument0(argc, argv), GENERATOR_RESUME_RETURN);
}

static Value generator_throw(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)new_target;
    return generator_resume(vm, this_value, argument0(argc, argv), GENERATOR_RESUME_THROW);
}

/* %IteratorPrototype%[@@iterator]: return this (ES2025 27.1.4.1) */
static Value iterator_self(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)vm, (void)argc, (void)argv, (void)new_target;
    return this_value;
}

/* ES2025 27.3.1.1 GeneratorFunction ( ...parameterArgs, bodyArg ) */
static Value generator_function_constructor(VM *vm, Value this_value, uint32_t argc, const Value *argv,
                                            Object *new_target)
{
    (void)this_value;
    return vm_create_dynamic_function(vm, new_target, DYNAMIC_FUNCTION_GENERATOR, argc, argv);
}

/* An intrinsic, made as an ordinary object with prototype parent when stdlib has not made it. */
static Object *ensure_intrinsic(VM *vm, Realm *realm, IntrinsicId id, Object *parent)
{
    if (!realm->intrinsics[id])
        realm->intrinsics[id] = object_new_ordinary(vm, parent);
    return realm->intrinsics[id];
}

bool generator_install(VM *vm, Realm *realm)
{
    Object *object_prototype = realm->intrinsics[INTRINSIC_ObjectPrototype];
    Object *iterator_prototype = realm->intrinsics[INTRINSIC_IteratorPrototype];
    Value iterator_key = operators_well_known_key(vm, WELL_KNOWN_KEY_ITERATOR);
    if (!iterator_prototype) {
        iterator_prototype = ensure_intrinsic(vm, realm, INTRINSIC_IteratorPrototype, object_prototype);
        if (!iterator_prototype)
            return false;
        if (!value_is_undefined(iterator_key)) {
            GC_SCOPE(vm->heap);
            Object *self = native_function_new(vm, iterator_self, "[Symbol.iterator]", 0, false);
            GC_ROOT_CELL(vm->heap, self);
            bool ok = self && object_define_data_property(vm, iterator_prototype, iterator_key, value_from_object(self),
                                                          PROP_WRITABLE | PROP_CONFIGURABLE);
            GC_SCOPE_END(vm->heap);
            if (!ok)
                return false;
        }
    }
    Object *generator_prototype = ensure_intrinsic(vm, realm, INTRINSIC_GeneratorPrototype, iterator_prototype);
    Object *function_prototype =
        generator_prototype ? ensure_intrinsic(vm, realm, INTRINSIC_GeneratorFunctionPrototype,
                                               realm->intrinsics[INTRINSIC_FunctionPrototype])
                            : NULL;
    /* Both are intrinsics now: rooted by the realm; the constructor is rooted by its links. */
    Object *constructor = function_prototype ? native_function_new(vm, generator_function_constructor,
                                                                   "GeneratorFunction", 1, true)
                                             : NULL;
    if (!constructor ||
        !object_define_data_property(vm, function_prototype, value_from_string(vm_atom(vm, ATOM_constructor)),
                                     value_from_object(constructor), PROP_CONFIGURABLE) ||
        !object_define_data_property(vm, constructor, value_from_string(vm_atom(vm, ATOM_prototype)),
                                     value_from_object(function_prototype), 0))
        return false;
    return realm_define_method(vm, generator_prototype, "next", generator_next, 1) &&
           realm_define_method(vm, generator_prototype, "return", generator_return, 1) &&
           realm_define_method(vm, generator_prototype, "throw", generator_throw, 1) &&
           object_define_data_property(vm, generator_prototype, value_from_string(vm_atom(vm, ATOM_constructor)),
                                       value_from_object(function_prototype), PROP_CONFIGURABLE) &&
           object_define_data_property(vm, function_prototype, value_from_string(vm_atom(vm, ATOM_prototype)),
                                       value_from_object(generator_prototype), PROP_CONFIGURABLE) &&
           operators_define_to_string_tag(vm, generator_prototype, "Generator") &&
           operators_define_to_string_tag(vm, function_prototype, "GeneratorFunction");
}
