/*
 * Built-in functions with a captured value (vm/data_function.h).
 */
#include "vm/atom.h"
#include "vm/data_function.h"
#include "vm/realm.h"

typedef struct DataClosure {
    Object object;
    DataFunction function;
    Value data;
} DataClosure;

static void data_function_trace(GCTracer *tracer, Object *o) { gc_mark_value(tracer, ((DataClosure *)o)->data); }

static Value data_function_call(VM *vm, Object *callee, Value this_value, uint32_t argc, const Value *argv)
{
    DataClosure *f = (DataClosure *)callee;
    return f->function(vm, f->data, this_value, argc, argv);
}

static const ObjectClass data_function_class = {
    .name = "Function",
    ORDINARY_INTERNAL_METHODS,
    .call = data_function_call,
    .trace = data_function_trace,
};

Object *data_function_new(VM *vm, DataFunction function, const char *name, uint32_t length, Value data)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, data);
    DataClosure *f = (DataClosure *)object_new(vm, &data_function_class, sizeof(DataClosure),
                                               realm_intrinsic(vm, INTRINSIC_FunctionPrototype));
    GC_ROOT_CELL(vm->heap, f);
    String *name_atom = NULL;
    GC_ROOT_CELL(vm->heap, name_atom);
    bool ok = f != NULL;
    if (ok) {
        f->function = function;
        f->data = data;
        f->object.header.flags |= OBJECT_IS_CALLABLE;
        name_atom = atom_from_cstr(vm, name);
        /* SetFunctionLength, SetFunctionName (ES2025 10.2.9, 10.2.10) */
        ok = name_atom &&
             object_define_data_property(vm, &f->object, value_from_string(vm_atom(vm, ATOM_length)),
                                         value_from_int32((int32_t)length), PROP_CONFIGURABLE) &&
             object_define_data_property(vm, &f->object, value_from_string(vm_atom(vm, ATOM_name)),
                                         value_from_string(name_atom), PROP_CONFIGURABLE);
    }
    GC_SCOPE_END(vm->heap);
    return ok ? &f->object : NULL;
}

Value data_function_data(Object *function)
{
    return function->class_ == &data_function_class ? ((DataClosure *)function)->data : VALUE_UNDEFINED;
}

void data_function_set_data(Object *function, Value data)
{
    if (function->class_ == &data_function_class)
        ((DataClosure *)function)->data = data;
}
