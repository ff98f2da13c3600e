/*
 * Closures, classes and super calls: CREATE_CLOSURE, CREATE_CLASS (the core
 * of ES2025 15.7.14 ClassDefinitionEvaluation) and SUPER_CALL (13.3.7.1).
 */
#include <stdlib.h>

#include "vm/atom.h"
#include "vm/interp_ops.h"
#include "vm/object_internal.h"
#include "vm/operators.h"
#include "vm/symbol.h"

Value interp_create_closure(VM *vm, Frame *frame, FunctionCode *code)
{
    Object *f = closure_new(vm, code, frame->env);
    if (!f)
        return VALUE_EXCEPTION;
    if (code->flags & CODE_ARROW) {
        /* Arrows see the this, new.target and home object of where they are made. */
        Closure *c = (Closure *)f;
        c->this_value = frame->this_value;
        c->new_target = frame->new_target;
        if (frame->callee && object_is_closure(frame->callee))
            c->home_object = ((Closure *)frame->callee)->home_object;
    }
    return value_from_object(f);
}

/* ES2025 10.2.9 SetFunctionName */
bool interp_set_function_name(VM *vm, Value function, Value key, uint32_t prefix)
{
    if (!value_is_object(function))
        return true;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, function);
    GC_ROOT(vm->heap, key);
    /* Every rooted local lives as long as the scope: the root stack holds
     * their addresses until GC_SCOPE_END (gc/gc.h rule 5). */
    String *name = NULL, *open = NULL, *close = NULL, *left = NULL, *text = NULL;
    GC_ROOT_CELL(vm->heap, name);
    GC_ROOT_CELL(vm->heap, open);
    GC_ROOT_CELL(vm->heap, close);
    GC_ROOT_CELL(vm->heap, left);
    GC_ROOT_CELL(vm->heap, text);
    bool ok = false;
    if (value_is_symbol(key)) {
        /* A symbol's description in brackets, or "" without one. */
        String *description = value_as_symbol(key)->description;
        name = vm_atom(vm, ATOM_empty);
        if (description) {
            open = string_from_cstr(vm, "[");
            close = open ? string_from_cstr(vm, "]") : NULL;
            left = close ? string_concat(vm, open, description) : NULL;
            name = left ? string_concat(vm, left, close) : NULL;
        }
    } else {
        name = value_to_string(vm, key);
    }
    if (name && prefix) {
        text = string_from_cstr(vm, prefix == 1 ? "get " : "set ");
        name = text ? string_concat(vm, text, name) : NULL;
    }
    ok = name && object_define_data_property(vm, value_as_object(function), value_from_string(vm_atom(vm, ATOM_name)),
                                             value_from_string(name), PROP_CONFIGURABLE);
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* The [[Prototype]]s of the class's prototype object and of its
 * constructor (ES2025 15.7.14 steps 6-8). false after throwing. */
static bool class_parents(VM *vm, Value heritage, Value *proto_parent, Value *constructor_parent)
{
    *proto_parent = value_from_object(realm_intrinsic(vm, INTRINSIC_ObjectPrototype));
    *constructor_parent = value_from_object(realm_intrinsic(vm, INTRINSIC_FunctionPrototype));
    if (value_is_hole(heritage))
        return true;
    if (value_is_null(heritage)) {
        *proto_parent = VALUE_NULL;
        return true;
    }
    if (!value_is_constructor(heritage)) {
        char *text = interp_key_text(vm, value_is_object(heritage) ? value_from_string(vm_atom(vm, ATOM_object))
                                                                   : heritage);
        vm_throw_type_error(vm, "Class extends value %s is not a constructor or null", text ? text : "");
        free(text);
        return false;
    }
    Value prototype = object_get(vm, value_as_object(heritage), value_from_string(vm_atom(vm, ATOM_prototype)),
                                 heritage);
    if (value_is_exception(prototype))
        return false;
    if (!value_is_object(prototype) && !value_is_null(prototype)) {
        vm_throw_type_error(vm, "Class extends value does not have valid prototype property");
        return false;
    }
    *proto_parent = prototype;
    *constructor_parent = heritage;
    return true;
}

Value interp_create_class(VM *vm, Frame *frame, uint16_t code_constant, Value heritage, Value *prototype)
{
    GC_SCOPE(vm->heap);
    Value proto_parent = VALUE_NULL, constructor_parent = VALUE_NULL, result = VALUE_EXCEPTION;
    GC_ROOT(vm->heap, proto_parent);
    GC_ROOT(vm->heap, constructor_parent);
    Object *proto = NULL, *f = NULL;
    GC_ROOT_CELL(vm->heap, proto);
    GC_ROOT_CELL(vm->heap, f);
    if (!class_parents(vm, heritage, &proto_parent, &constructor_parent))
        goto done;
    proto = object_new_ordinary(vm, value_is_object(proto_parent) ? value_as_object(proto_parent) : NULL);
    if (!proto)
        goto done;
    FunctionCode *code = (FunctionCode *)value_as_cell(frame->code->constants[code_constant]);
    f = closure_new(vm, code, frame->env);
    if (!f || object_set_prototype_of(vm, f, constructor_parent) < 0)
        goto done;
    ((Closure *)f)->home_object = proto;
    f->header.flags |= OBJECT_IS_CONSTRUCTOR;
    if (!object_define_data_property(vm, f, value_from_string(vm_atom(vm, ATOM_prototype)), value_from_object(proto),
                                     0) ||
        !object_define_data_property(vm, proto, value_from_string(vm_atom(vm, ATOM_constructor)),
                                     value_from_object(f), PROP_WRITABLE | PROP_CONFIGURABLE))
        goto done;
    *prototype = value_from_object(proto);
    result = value_from_object(f);
done:
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ES2025 13.3.7.1 SuperCall : super Arguments */
Value interp_super_call(VM *vm, Frame *frame, uint32_t argc, const Value *argv)
{
    Object *active = frame->callee;
    if (!active || !object_is_closure(active) || !(((Closure *)active)->code->flags & CODE_DERIVED_CONSTRUCTOR))
        return vm_throw_error(vm, ERROR_KIND_SYNTAX, "'super' keyword unexpected here");
    Value parent = object_get_prototype_of(vm, active);   /* GetSuperConstructor */
    if (value_is_exception(parent))
        return parent;
    if (!value_is_constructor(parent))
        return vm_throw_type_error(vm, "Super constructor %s of anonymous class is not a constructor",
                                   value_is_null(parent) ? "null" : "object");
    Value result = vm_construct(vm, parent, argc, argv, frame->new_target);
    if (value_is_exception(result))
        return result;
    if (!value_is_hole(frame->this_value))
        return vm_throw_error(vm, ERROR_KIND_REFERENCE, "Super constructor may only be called once");
    frame->this_value = result;   /* BindThisValue; rooted by the frame from here */
    if (!closure_initialize_fields(vm, (Closure *)active, result))
        return VALUE_EXCEPTION;
    return result;
}
