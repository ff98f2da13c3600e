/*
 * Function objects and calls: environments, closures (ES2025 10.2
 * ECMAScript Function Objects), native functions (10.3 Built-in Function
 * Objects), and the [[Call]] / [[Construct]] entry points for C code.
 *
 * A closure's [[Call]] pushes a frame on the register stack and runs the
 * interpreter on it; JavaScript calling JavaScript does the same from
 * inside the interpreter loop (vm/interp.c) without recursing in C. The
 * frame set-up shared by both is closure_prepare_frame.
 */
#include <stdlib.h>

#include "vm/atom.h"
#include "vm/cell_types.h"
#include "vm/interp_internal.h"
#include "vm/object_internal.h"
#include "vm/operators.h"

/* ---- Environments ---- */

static void environment_trace(GCTracer *tracer, GCCell *cell)
{
    Environment *env = (Environment *)cell;
    gc_mark_cell(tracer, (GCCell *)env->parent);
    for (uint32_t i = 0; i < env->slot_count; i++)
        gc_mark_value(tracer, env->slots[i]);
}

void function_register_types(Heap *heap)
{
    static const GCTypeInfo environment_info = { "Environment", environment_trace, NULL };
    gc_register_type(heap, CELL_TYPE_ENVIRONMENT, &environment_info);
}

Environment *environment_new(VM *vm, Environment *parent, uint32_t slot_count)
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, parent);
    Environment *env = gc_alloc(vm->heap, sizeof(Environment) + slot_count * sizeof(Value), CELL_TYPE_ENVIRONMENT);
    GC_SCOPE_END(vm->heap);
    if (!env) {
        vm_throw_out_of_memory(vm);
        return NULL;
    }
    env->parent = parent;
    env->slot_count = slot_count;
    for (uint32_t i = 0; i < slot_count; i++)
        env->slots[i] = VALUE_HOLE;
    return env;
}

Environment *environment_copy(VM *vm, Environment *env)
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, env);
    Environment *copy = environment_new(vm, env->parent, env->slot_count);
    if (copy) {
        for (uint32_t i = 0; i < env->slot_count; i++)
            copy->slots[i] = env->slots[i];
    }
    GC_SCOPE_END(vm->heap);
    return copy;
}

/* ---- Closures ---- */

static void closure_trace(GCTracer *tracer, Object *o)
{
    Closure *c = (Closure *)o;
    gc_mark_cell(tracer, (GCCell *)c->code);
    gc_mark_cell(tracer, (GCCell *)c->env);
    gc_mark_value(tracer, c->this_value);
    gc_mark_value(tracer, c->new_target);
    gc_mark_cell(tracer, (GCCell *)c->home_object);
    gc_mark_cell(tracer, (GCCell *)c->fields);
}

static Value closure_call(VM *vm, Object *callee, Value this_value, uint32_t argc, const Value *argv);
static Value closure_construct(VM *vm, Object *callee, uint32_t argc, const Value *argv, Object *new_target);

const ObjectClass closure_class = {
    .name = "Function",
    ORDINARY_INTERNAL_METHODS,
    .call = closure_call,
    .construct = closure_construct,
    .trace = closure_trace,
};

static bool code_is_constructor(const FunctionCode *code)
{
    return !(code->flags & (CODE_ARROW | CODE_METHOD | CODE_GENERATOR | CODE_ASYNC | CODE_GETTER_OR_SETTER));
}

static Object *function_prototype_for(VM *vm, const FunctionCode *code)
{
    Object *prototype = NULL;
    bool generator = code->flags & CODE_GENERATOR, async = code->flags & CODE_ASYNC;
    if (generator && async)
        prototype = realm_intrinsic(vm, INTRINSIC_AsyncGeneratorFunctionPrototype);
    else if (generator)
        prototype = realm_intrinsic(vm, INTRINSIC_GeneratorFunctionPrototype);
    else if (async)
        prototype = realm_intrinsic(vm, INTRINSIC_AsyncFunctionPrototype);
    return prototype ? prototype : realm_intrinsic(vm, INTRINSIC_FunctionPrototype);
}

/* SetFunctionLength and SetFunctionName (ES2025 10.2.9, 10.2.10). */
/* SetFunctionLength and SetFunctionName on a function just made: it has no
 * own properties yet, so both are added without looking first (every
 * function of a class comes to the same shape). */
static bool define_length_and_name(VM *vm, Object *f, uint32_t length, String *name)
{
    return ordinary_add_data_named(vm, f, value_from_string(vm_atom(vm, ATOM_length)),
                                   value_from_int32((int32_t)length), PROP_CONFIGURABLE) &&
           ordinary_add_data_named(vm, f, value_from_string(vm_atom(vm, ATOM_name)), value_from_string(name),
                                   PROP_CONFIGURABLE);
}

/* MakeConstructor (ES2025 10.2.5), or a generator's "prototype" (15.5.4):
 * a fresh prototype object (with "constructor" for constructors). */
static bool define_prototype_property(VM *vm, Object *f, bool generator, bool async)
{
    Object *proto_parent = generator ? realm_intrinsic(vm, async ? INTRINSIC_AsyncGeneratorPrototype
                                                                 : INTRINSIC_GeneratorPrototype)
                                     : NULL;
    if (!proto_parent)
        proto_parent = realm_intrinsic(vm, INTRINSIC_ObjectPrototype);
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, f);
    Object *prototype = object_new_ordinary(vm, proto_parent);
    GC_ROOT_CELL(vm->heap, prototype);
    /* both objects are new and lack the key: added without looking */
    bool ok = prototype &&
              (generator || ordinary_add_data_named(vm, prototype, value_from_string(vm_atom(vm, ATOM_constructor)),
                                                    value_from_object(f), PROP_WRITABLE | PROP_CONFIGURABLE)) &&
              ordinary_add_data_named(vm, f, value_from_string(vm_atom(vm, ATOM_prototype)),
                                      value_from_object(prototype), PROP_WRITABLE);
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* OrdinaryFunctionCreate (ES2025 10.2.3) and InstantiateOrdinaryFunctionObject. */
Object *closure_new(VM *vm, FunctionCode *code, Environment *env)
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, code);
    GC_ROOT_CELL(vm->heap, env);
    Closure *c = (Closure *)object_new(vm, &closure_class, sizeof(Closure), function_prototype_for(vm, code));
    GC_ROOT_CELL(vm->heap, c);
    bool ok = c != NULL;
    if (ok) {
        c->code = code;
        c->env = env;
        c->this_value = VALUE_UNDEFINED;
        c->new_target = VALUE_UNDEFINED;
        /* [[Construct]] only for constructors (ES2025 10.2.5 MakeConstructor):
         * not arrows, methods, generators, async functions */
        c->object.header.flags &= (uint16_t)~OBJECT_IS_CONSTRUCTOR;
        c->object.header.flags |= OBJECT_IS_CALLABLE;
        if (code_is_constructor(code))
            c->object.header.flags |= OBJECT_IS_CONSTRUCTOR;
        String *name = code->name ? code->name : vm_atom(vm, ATOM_empty);
        ok = define_length_and_name(vm, &c->object, code->param_count, name);
        bool generator = code->flags & CODE_GENERATOR;
        if (ok && (generator || (code_is_constructor(code) && !(code->flags & CODE_CLASS_CONSTRUCTOR))))
            ok = define_prototype_property(vm, &c->object, generator, code->flags & CODE_ASYNC);
    }
    GC_SCOPE_END(vm->heap);
    return ok ? &c->object : NULL;
}

/* ES2025 10.2.1.2 OrdinaryCallBindThis: the this value a non-arrow
 * function sees. Sloppy functions see the global object for null or
 * undefined, and a wrapper object for other primitives. */
static Value bind_this(VM *vm, const FunctionCode *code, Value this_value)
{
    if (code->flags & CODE_STRICT || value_is_object(this_value))
        return this_value;
    if (value_is_nullish(this_value))
        return value_from_object(vm->realm->global_object);
    Object *wrapper = value_to_object(vm, this_value);
    return wrapper ? value_from_object(wrapper) : VALUE_EXCEPTION;
}

Frame *closure_prepare_frame(VM *vm, Closure *closure, Value this_value, uint32_t argc, const Value *argv,
                             Object *new_target)
{
    FunctionCode *code = closure->code;
    Frame *frame = interp_push_frame(vm, code, argc, argv);
    if (!frame)
        return NULL;
    frame->callee = &closure->object;
    frame->env = closure->env;
    if (code->flags & CODE_ARROW) {
        frame->this_value = closure->this_value;
        frame->new_target = closure->new_target;
    } else {
        frame->this_value = this_value;   /* rooted here while it is converted */
        frame->new_target = new_target ? value_from_object(new_target) : VALUE_UNDEFINED;
        if (new_target) {
            frame->flags |= FRAME_CONSTRUCT;
            if (code->flags & CODE_DERIVED_CONSTRUCTOR)
                frame->this_value = VALUE_HOLE;
        } else {
            Value bound = bind_this(vm, code, this_value);
            if (value_is_exception(bound))
                goto fail;
            frame->this_value = bound;
        }
    }
    /* The function's own Environment, if any, is pushed by its first instruction (PUSH_ENV). */
    if (new_target && !(code->flags & CODE_DERIVED_CONSTRUCTOR) &&
        !closure_initialize_fields(vm, closure, frame->this_value))
        goto fail;
    return frame;
fail:
    interp_pop_frame(vm);
    return NULL;
}

bool closure_initialize_fields(VM *vm, Closure *constructor, Value receiver)
{
    if (!constructor->fields)
        return true;
    return !value_is_exception(vm_call(vm, value_from_object(constructor->fields), receiver, 0, NULL));
}

Value closure_construct_result(VM *vm, Frame *frame, Value result)
{
    if (value_is_object(result))
        return result;
    if (!(frame->code->flags & CODE_DERIVED_CONSTRUCTOR))
        return frame->this_value;
    if (!value_is_undefined(result))
        return vm_throw_type_error(vm, "Derived constructors may only return object or undefined");
    if (value_is_hole(frame->this_value))
        return vm_throw_error(vm, ERROR_KIND_REFERENCE,
                              "Must call super constructor in derived class before accessing 'this' or returning "
                              "from derived constructor");
    return frame->this_value;
}

/* The function's name for messages: its own "name" data property when
 * that is a string (SetFunctionName may have changed it), else the code's. */
String *function_display_name(VM *vm, Object *f)
{
    PropertyDescriptor desc;
    if (ordinary_get_own_named(vm, f, value_from_string(vm_atom(vm, ATOM_name)), &desc) == 1 &&
        (desc.has & DESC_HAS_VALUE) && value_is_string(desc.value))
        return value_as_string(desc.value);
    return object_is_closure(f) && ((Closure *)f)->code->name ? ((Closure *)f)->code->name : vm_atom(vm, ATOM_empty);
}

/* ES2025 10.2.1 [[Call]] */
static Value closure_call(VM *vm, Object *callee, Value this_value, uint32_t argc, const Value *argv)
{
    Closure *closure = (Closure *)callee;
    if (closure->code->flags & CODE_CLASS_CONSTRUCTOR) {
        String *name = function_display_name(vm, callee);
        char *utf8 = name && string_length(name) && string_flatten(vm, name) ? string_to_utf8(name, NULL) : NULL;
        Value error = vm_throw_type_error(vm, "Class constructor %s cannot be invoked without 'new'",
                                          utf8 ? utf8 : "");
        free(utf8);
        return error;
    }
    if (!interp_check_c_stack(vm))
        return VALUE_EXCEPTION;
    Frame *frame = closure_prepare_frame(vm, closure, this_value, argc, argv, NULL);
    if (!frame)
        return VALUE_EXCEPTION;
    frame->flags |= FRAME_ENTRY;
    return interp_execute(vm);
}

/* ES2025 10.1.14 GetPrototypeFromConstructor with %Object.prototype% as
 * the fallback, then OrdinaryObjectCreate: OrdinaryCreateFromConstructor. */
Object *ordinary_create_from_constructor(VM *vm, Object *constructor, IntrinsicId fallback)
{
    Value prototype = object_get(vm, constructor, value_from_string(vm_atom(vm, ATOM_prototype)),
                                 value_from_object(constructor));
    if (value_is_exception(prototype))
        return NULL;
    Object *parent = value_is_object(prototype) ? value_as_object(prototype) : realm_intrinsic(vm, fallback);
    return object_new_ordinary(vm, parent);
}

/* ES2025 10.2.2 [[Construct]] */
static Value closure_construct(VM *vm, Object *callee, uint32_t argc, const Value *argv, Object *new_target)
{
    Closure *closure = (Closure *)callee;
    if (!interp_check_c_stack(vm))
        return VALUE_EXCEPTION;
    Value this_value = VALUE_HOLE;
    if (!(closure->code->flags & CODE_DERIVED_CONSTRUCTOR)) {
        Object *created = ordinary_create_from_constructor(vm, new_target, INTRINSIC_ObjectPrototype);
        if (!created)
            return VALUE_EXCEPTION;
        this_value = value_from_object(created);
    }
    /* this_value is rooted by the frame from here on. */
    Frame *frame = closure_prepare_frame(vm, closure, this_value, argc, argv, new_target);
    if (!frame)
        return VALUE_EXCEPTION;
    frame->flags |= FRAME_ENTRY;
    return interp_execute(vm);
}

/* ---- Native functions ---- */

static void native_trace(GCTracer *tracer, Object *o) { gc_mark_value(tracer, ((NativeClosure *)o)->data); }

static Value native_call(VM *vm, Object *callee, Value this_value, uint32_t argc, const Value *argv)
{
    return ((NativeClosure *)callee)->function(vm, this_value, argc, argv, NULL);
}

static Value native_construct(VM *vm, Object *callee, uint32_t argc, const Value *argv, Object *new_target)
{
    return ((NativeClosure *)callee)->function(vm, VALUE_UNDEFINED, argc, argv, new_target);
}

const ObjectClass native_function_class = {
    .name = "Function",
    ORDINARY_INTERNAL_METHODS,
    .call = native_call,
    .construct = native_construct,
    .trace = native_trace,
};

/* CreateBuiltinFunction (ES2025 10.3.4) with the given [[Prototype]]. */
Object *native_function_new_in(VM *vm, Object *prototype, NativeFunction function, const char *name,
                               uint32_t length, bool is_constructor)
{
    GC_SCOPE(vm->heap);
    NativeClosure *f = (NativeClosure *)object_new(vm, &native_function_class, sizeof(NativeClosure), prototype);
    GC_ROOT_CELL(vm->heap, f);
    bool ok = f != NULL;
    if (ok) {
        f->function = function;
        f->data = VALUE_UNDEFINED;
        /* ES2025 10.3.4 CreateBuiltinFunction: only the built-ins that are
         * constructors have [[Construct]] ("is not a constructor" for the rest) */
        f->object.header.flags &= (uint16_t)~OBJECT_IS_CONSTRUCTOR;
        f->object.header.flags |= OBJECT_IS_CALLABLE | (is_constructor ? OBJECT_IS_CONSTRUCTOR : 0);
        String *name_atom = atom_from_cstr(vm, name);
        GC_ROOT_CELL(vm->heap, name_atom);
        ok = name_atom && define_length_and_name(vm, &f->object, length, name_atom);
    }
    GC_SCOPE_END(vm->heap);
    return ok ? &f->object : NULL;
}

Object *native_function_new(VM *vm, NativeFunction function, const char *name, uint32_t length, bool is_constructor)
{
    return native_function_new_in(vm, realm_intrinsic(vm, INTRINSIC_FunctionPrototype), function, name, length,
                                  is_constructor);
}

/* ---- Call and Construct for C code (ES2025 7.3.14, 7.3.15) ---- */

Value vm_call(VM *vm, Value callee, Value this_value, uint32_t argc, const Value *argv)
{
    if (!value_is_callable(callee))
        return vm_throw_type_error(vm, "%s is not a function", value_is_object(callee) ? "object" : "value");
    Object *f = value_as_object(callee);
    return f->class_->call(vm, f, this_value, argc, argv);
}

Value vm_construct(VM *vm, Value constructor, uint32_t argc, const Value *argv, Value new_target)
{
    if (!value_is_constructor(constructor))
        return vm_throw_type_error(vm, "%s is not a constructor", value_is_object(constructor) ? "object" : "value");
    Object *f = value_as_object(constructor);
    return f->class_->construct(vm, f, argc, argv, value_as_object(new_target));
}
