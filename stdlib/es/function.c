/*
 * Function.prototype (ES2025 20.2.3): call, apply, bind with bound function
 * exotic objects (ES2025 10.4.1), toString, @@hasInstance; and the Function
 * constructor's binding.
 */
#include <stdlib.h>
#include <string.h>

#include "stdlib/es/builtin.h"
#include "vm/dynamic_function.h"
#include "stdlib/es/string_builder.h"
#include "vm/bytecode.h"

/* ---- Bound function exotic objects (ES2025 10.4.1) ---- */

typedef struct BoundFunction {
    Object object;
    Value target;                 /* [[BoundTargetFunction]] */
    Value bound_this;             /* [[BoundThis]] */
    uint32_t bound_count;
    Value *bound_args;            /* [[BoundArguments]], malloc'd */
} BoundFunction;

/* The arguments of a call of f: boundArgs then argv, malloc'd. */
static Value *bound_arguments(VM *vm, BoundFunction *f, uint32_t argc, const Value *argv, uint32_t *count)
{
    *count = f->bound_count + argc;
    Value *args = malloc((*count ? *count : 1) * sizeof *args);
    if (!args) {
        vm_throw_out_of_memory(vm);
        return NULL;
    }
    memcpy(args, f->bound_args, f->bound_count * sizeof *args);
    memcpy(args + f->bound_count, argv, argc * sizeof *args);
    return args;
}

/* ES2025 10.4.1.1 [[Call]] ( thisArgument, argumentsList ). The bound
 * arguments stay reachable through f, the others through the caller. */
static Value bound_call(VM *vm, Object *callee, Value this_value, uint32_t argc, const Value *argv)
{
    (void)this_value;
    BoundFunction *f = (BoundFunction *)callee;
    uint32_t count;
    Value *args = bound_arguments(vm, f, argc, argv, &count);
    if (!args)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, callee);
    Value result = vm_call(vm, f->target, f->bound_this, count, args);
    GC_SCOPE_END(vm->heap);
    free(args);
    return result;
}

/* ES2025 10.4.1.2 [[Construct]] ( argumentsList, newTarget ) */
static Value bound_construct(VM *vm, Object *callee, uint32_t argc, const Value *argv, Object *new_target)
{
    BoundFunction *f = (BoundFunction *)callee;
    uint32_t count;
    Value *args = bound_arguments(vm, f, argc, argv, &count);
    if (!args)
        return VALUE_EXCEPTION;
    Value target = new_target == callee || !new_target ? f->target : value_from_object(new_target);
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, callee);
    Value result = vm_construct(vm, f->target, count, args, target);
    GC_SCOPE_END(vm->heap);
    free(args);
    return result;
}

static void bound_trace(GCTracer *tracer, Object *o)
{
    BoundFunction *f = (BoundFunction *)o;
    gc_mark_value(tracer, f->target);
    gc_mark_value(tracer, f->bound_this);
    for (uint32_t i = 0; i < f->bound_count; i++)
        gc_mark_value(tracer, f->bound_args[i]);
}

static void bound_finalize(Heap *heap, Object *o)
{
    (void)heap;
    free(((BoundFunction *)o)->bound_args);
}

static const ObjectClass bound_function_class = {
    .name = "Function",
    ORDINARY_INTERNAL_METHODS,
    .call = bound_call, .construct = bound_construct,
    .trace = bound_trace, .finalize = bound_finalize,
};

bool stdlib_bound_target(Object *function, Value *target)
{
    if (function->class_ != &bound_function_class)
        return false;
    *target = ((BoundFunction *)function)->target;
    return true;
}

/* ES2025 10.4.1.3 BoundFunctionCreate ( targetFunction, boundThis, boundArgs ) */
static Object *bound_function_create(VM *vm, Object *target, Value bound_this, uint32_t argc, const Value *argv)
{
    Value proto = object_get_prototype_of(vm, target);
    if (value_is_exception(proto))
        return NULL;
    Value *args = malloc((argc ? argc : 1) * sizeof *args);
    if (!args) {
        vm_throw_out_of_memory(vm);
        return NULL;
    }
    memcpy(args, argv, argc * sizeof *args);
    Object *o = object_new(vm, &bound_function_class, sizeof(BoundFunction),
                           value_is_null(proto) ? NULL : value_as_object(proto));
    if (!o) {
        free(args);
        return NULL;
    }
    BoundFunction *f = (BoundFunction *)o;
    f->target = value_from_object(target);
    f->bound_this = bound_this;
    f->bound_count = argc;
    f->bound_args = args;
    if (!(target->header.flags & OBJECT_IS_CONSTRUCTOR))
        o->header.flags &= ~OBJECT_IS_CONSTRUCTOR;
    return o;
}

/* ---- Function.prototype ---- */

static Value throw_not_function(VM *vm, const char *method)
{
    return vm_throw_type_error(vm, "%s called on a value that is not a function", method);
}

/* ES2025 20.2.3.1 Function.prototype.apply ( thisArg, argArray ) */
static Value function_apply(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)new_target;
    if (!value_is_callable(this_value))
        return throw_not_function(vm, "Function.prototype.apply");
    Value this_arg = es_arg(argc, argv, 0), array = es_arg(argc, argv, 1);
    if (value_is_nullish(array))
        return vm_call(vm, this_value, this_arg, 0, NULL);
    ValueList list;
    es_list_init(vm, &list);
    Value result = VALUE_EXCEPTION;
    if (es_list_from_array_like(vm, array, &list))
        result = vm_call(vm, this_value, this_arg, list.count, list.values);
    es_list_free(vm, &list);
    return result;
}

/* ES2025 20.2.3.2 Function.prototype.bind ( thisArg, ...args ) */
static Value function_bind(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)new_target;
    if (!value_is_callable(this_value))
        return vm_throw_type_error(vm, "Bind must be called on a function");
    Object *target = value_as_object(this_value);
    uint32_t bound_count = argc > 1 ? argc - 1 : 0;
    Object *f = bound_function_create(vm, target, es_arg(argc, argv, 0), bound_count, argv + (argc > 1 ? 1 : 0));
    if (!f)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, f);
    double length = 0;
    Value name = VALUE_UNDEFINED;
    GC_ROOT(vm->heap, name);
    int has_length = es_has_own_property(vm, target, es_key(vm, ATOM_length));
    bool ok = has_length >= 0;
    if (has_length > 0) {
        Value target_len = es_get(vm, target, es_key(vm, ATOM_length));
        ok = !value_is_exception(target_len);
        if (ok && value_is_number(target_len)) {
            double n = value_as_number(target_len);
            if (n == INFINITY)
                length = INFINITY;
            else if (n != -INFINITY && (ok = es_to_integer_or_infinity(vm, target_len, &n)))
                length = n - bound_count > 0 ? n - bound_count : 0;
        }
    }
    if (ok) {
        name = es_get(vm, target, es_key(vm, ATOM_name));
        ok = !value_is_exception(name);
    }
    String *full = NULL, *prefix = NULL;
    GC_ROOT_CELL(vm->heap, full);
    GC_ROOT_CELL(vm->heap, prefix);
    if (ok) {
        prefix = string_from_cstr(vm, "bound ");
        full = !prefix ? NULL : value_is_string(name) ? string_concat(vm, prefix, value_as_string(name)) : prefix;
        ok = full != NULL;
    }
    ok = ok && object_define_data_property(vm, f, es_key(vm, ATOM_length), value_from_number(length), PROP_CONFIGURABLE)
         && object_define_data_property(vm, f, es_key(vm, ATOM_name), value_from_string(full), PROP_CONFIGURABLE);
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(f) : VALUE_EXCEPTION;
}

/* ES2025 20.2.3.3 Function.prototype.call ( thisArg, ...args ) */
static Value function_call(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)new_target;
    if (!value_is_callable(this_value))
        return throw_not_function(vm, "Function.prototype.call");
    return vm_call(vm, this_value, es_arg(argc, argv, 0), argc > 1 ? argc - 1 : 0, argv + (argc > 1 ? 1 : 0));
}

/* The source text of a closure: the slice of its script (the offsets are
 * byte offsets in the UTF-8 source). */
static String *closure_source(VM *vm, Closure *closure)
{
    FunctionCode *code = closure->code;
    if (!code->source || !code->source->text || code->source_end <= code->source_start)
        return NULL;
    String *text = code->source->text;
    if (!string_flatten(vm, text))
        return NULL;
    size_t len;
    char *utf8 = string_to_utf8(text, &len);
    if (!utf8) {
        vm_throw_out_of_memory(vm);
        return NULL;
    }
    String *slice = NULL;
    if (code->source_end <= len)
        slice = string_from_utf8(vm, utf8 + code->source_start, code->source_end - code->source_start);
    free(utf8);
    return slice;
}

/* NativeFunction : function NativeFunctionAccessor? PropertyName[~Yield,~Await]? ( ... ) { [native code] } */
static String *native_source(VM *vm, Object *function)
{
    StringBuilder sb;
    string_builder_init(&sb);
    bool ok = string_builder_append_cstr(vm, &sb, "function ");
    PropertyDescriptor desc;
    int found = function->class_ == &bound_function_class ? 0
                : ordinary_get_own_property(vm, function, es_key(vm, ATOM_name), &desc);
    if (found > 0 && (desc.has & DESC_HAS_VALUE) && value_is_string(desc.value))
        ok = ok && string_builder_append_string(vm, &sb, value_as_string(desc.value));
    ok = ok && string_builder_append_cstr(vm, &sb, "() { [native code] }");
    if (!ok || found < 0) {
        string_builder_free(&sb);
        return NULL;
    }
    return string_builder_finish(vm, &sb);
}

String *stdlib_function_to_string(VM *vm, Object *function)
{
    if (function->class_ == &closure_class) {
        String *source = closure_source(vm, (Closure *)function);
        if (source || vm->has_exception)
            return source;
    }
    return native_source(vm, function);
}

/* ES2025 20.2.3.5 Function.prototype.toString ( ) */
static Value function_to_string(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)argc, (void)argv, (void)new_target;
    if (!value_is_callable(this_value))
        return vm_throw_type_error(vm, "Function.prototype.toString requires that 'this' be a Function");
    String *s = stdlib_function_to_string(vm, value_as_object(this_value));
    return s ? value_from_string(s) : VALUE_EXCEPTION;
}

/* ES2025 20.2.3.6 Function.prototype [ %Symbol.hasInstance% ] ( V ) */
static Value function_has_instance(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)new_target;
    int result = es_ordinary_has_instance(vm, this_value, es_arg(argc, argv, 0));
    return result < 0 ? VALUE_EXCEPTION : value_from_boolean(result);
}

/* ES2025 20.2.1.1 Function ( ...parameterArgs, bodyArg ) */
static Value function_constructor(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)this_value;
    return vm_create_dynamic_function(vm, new_target, DYNAMIC_FUNCTION_NORMAL, argc, argv);
}

/* ES2025 10.2.4.1 %ThrowTypeError% ( ): V8's message */
static Value throw_type_error(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)this_value, (void)argc, (void)argv, (void)new_target;
    return vm_throw_type_error(vm, "'caller', 'callee', and 'arguments' properties may not be accessed on strict "
                                   "mode functions or the arguments objects for calls to them");
}

/* %ThrowTypeError%: unique per realm, its "length" and "name" neither
 * writable nor configurable, and not extensible (10.2.4.1). */
static Object *make_thrower(VM *vm)
{
    Object *thrower = native_function_new(vm, throw_type_error, "", 0, false);
    if (!thrower)
        return NULL;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, thrower);
    bool ok = object_define_data_property(vm, thrower, es_key(vm, ATOM_length), value_from_int32(0), 0)
              && object_define_data_property(vm, thrower, es_key(vm, ATOM_name),
                                             value_from_string(vm_atom(vm, ATOM_empty)), 0)
              && object_prevent_extensions(vm, thrower) == 1;
    GC_SCOPE_END(vm->heap);
    return ok ? thrower : NULL;
}

bool stdlib_install_function(VM *vm, Realm *realm)
{
    Object *proto = realm->intrinsics[INTRINSIC_FunctionPrototype];
    /* %ThrowTypeError% is the callee of strict functions' arguments objects
     * (vm/interp_property.c). Function.prototype does not get the
     * "arguments" and "caller" accessors of 10.2.4
     * AddRestrictedFunctionProperties yet: node pairs them with own
     * "arguments" and "caller" properties (null) on every sloppy function,
     * which nodus does not make, and without those `f.caller` would throw
     * for a sloppy f where node answers null. */
    if (!realm->intrinsics[INTRINSIC_ThrowTypeError] && !(realm->intrinsics[INTRINSIC_ThrowTypeError] = make_thrower(vm)))
        return false;
    Object *ctor = es_define_constructor(vm, realm, "Function", function_constructor, 1, proto);
    if (!ctor)
        return false;
    realm->intrinsics[INTRINSIC_Function] = ctor;
    return es_define_method(vm, proto, "apply", function_apply, 2)
           && es_define_method(vm, proto, "bind", function_bind, 1)
           && es_define_method(vm, proto, "call", function_call, 1)
           && es_define_method(vm, proto, "toString", function_to_string, 0)
           && es_define_symbol_method(vm, proto, WELL_KNOWN_hasInstance, function_has_instance, 1, 0);
}
