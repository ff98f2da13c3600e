/*
 * Temporary: stand-ins for the interpreter (native functions, vm_call,
 * ToPrimitive, a realm) so that stdlib/es can be exercised from C, under
 * --gc-stress and AddressSanitizer, before vm/interp lands. Delete once
 * the golden tests run through nodus. Built by run.sh, not by make.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "stdlib/es/builtin.h"
#include "vm/object_internal.h"

static Value native_call(VM *vm, Object *callee, Value this_value, uint32_t argc, const Value *argv)
{
    NativeClosure *n = (NativeClosure *)callee;
    return n->function(vm, this_value, argc, argv, NULL);
}
static Value native_construct(VM *vm, Object *callee, uint32_t argc, const Value *argv, Object *new_target)
{
    NativeClosure *n = (NativeClosure *)callee;
    return n->function(vm, VALUE_UNDEFINED, argc, argv, new_target);
}
static void native_trace(GCTracer *t, Object *o) { gc_mark_value(t, ((NativeClosure *)o)->data); }
#define ORD .get_own_property = ordinary_get_own_property, .define_own_property = ordinary_define_own_property, \
    .has_property = ordinary_has_property, .get = ordinary_get, .set = ordinary_set, .delete_property = ordinary_delete, \
    .own_property_keys = ordinary_own_property_keys, .get_prototype_of = ordinary_get_prototype_of, \
    .set_prototype_of = ordinary_set_prototype_of, .is_extensible = ordinary_is_extensible, \
    .prevent_extensions = ordinary_prevent_extensions
const ObjectClass native_function_class = { .name = "Function", ORD, .call = native_call, .construct = native_construct, .trace = native_trace };
const ObjectClass closure_class = { .name = "Closure", ORD };

Object *native_function_new(VM *vm, NativeFunction function, const char *name, uint32_t length, bool is_constructor)
{
    Object *f = object_new(vm, &native_function_class, sizeof(NativeClosure), vm->realm->intrinsics[INTRINSIC_FunctionPrototype]);
    if (!f) return NULL;
    if (!is_constructor) f->header.flags &= ~OBJECT_IS_CONSTRUCTOR;
    ((NativeClosure *)f)->function = function;
    ((NativeClosure *)f)->data = VALUE_UNDEFINED;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, f);
    String *n = string_from_cstr(vm, name);
    GC_ROOT_CELL(vm->heap, n);
    bool ok = n && object_define_data_property(vm, f, es_key(vm, ATOM_length), value_from_int32(length), PROP_CONFIGURABLE)
        && object_define_data_property(vm, f, es_key(vm, ATOM_name), value_from_string(n), PROP_CONFIGURABLE);
    GC_SCOPE_END(vm->heap);
    return ok ? f : NULL;
}
bool realm_define_method(VM *vm, Object *target, const char *name, NativeFunction function, uint32_t length)
{
    Object *f = native_function_new(vm, function, name, length, false);
    if (!f) return false;
    return es_define_value(vm, target, name, value_from_object(f), PROP_WRITABLE | PROP_CONFIGURABLE);
}
Object *realm_intrinsic(VM *vm, IntrinsicId id) { return vm->realm->intrinsics[id]; }
Value vm_call(VM *vm, Value callee, Value this_value, uint32_t argc, const Value *argv)
{
    if (!value_is_callable(callee)) return vm_throw_type_error(vm, "not a function");
    Object *f = value_as_object(callee);
    return f->class_->call(vm, f, this_value, argc, argv);
}
Value vm_construct(VM *vm, Value c, uint32_t argc, const Value *argv, Value new_target)
{
    if (!es_is_constructor(c)) return vm_throw_type_error(vm, "not a constructor");
    Object *f = value_as_object(c);
    return f->class_->construct(vm, f, argc, argv, value_as_object(new_target));
}
/* ToPrimitive: valueOf then toString (hint string: the other way) */
static Value to_primitive(VM *vm, Value v, ToPrimitiveHint hint)
{
    const char *order[2] = { "valueOf", "toString" };
    if (hint == TO_PRIMITIVE_STRING) { order[0] = "toString"; order[1] = "valueOf"; }
    for (int i = 0; i < 2; i++) {
        Value f = es_get(vm, value_as_object(v), es_key_cstr(vm, order[i]));
        if (value_is_exception(f)) return f;
        if (value_is_callable(f)) {
            Value r = vm_call(vm, f, v, 0, NULL);
            if (value_is_exception(r) || !value_is_object(r)) return r;
        }
    }
    return vm_throw_type_error(vm, "Cannot convert object to primitive value");
}
static Realm the_realm;
static void mark_realm(GCTracer *t, void *data)
{
    VM *vm = data;
    gc_mark_value(t, vm->exception);
    for (int i = 0; i < INTRINSIC__COUNT; i++) gc_mark_cell(t, (GCCell *)the_realm.intrinsics[i]);
    gc_mark_cell(t, (GCCell *)the_realm.global_object);
}
Realm *smoke_realm(VM *vm)
{
    vm->realm = &the_realm;
    vm->to_primitive = to_primitive;
    gc_set_roots(vm->heap, mark_realm, vm);
    Realm *r = &the_realm;
    r->intrinsics[INTRINSIC_ObjectPrototype] = object_new_ordinary(vm, NULL);
    r->intrinsics[INTRINSIC_FunctionPrototype] = object_new_ordinary(vm, r->intrinsics[INTRINSIC_ObjectPrototype]);
    r->global_object = object_new_ordinary(vm, r->intrinsics[INTRINSIC_ObjectPrototype]);
    return r;
}
