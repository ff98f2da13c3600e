/*
 * Boolean (ES2025 20.3): the constructor and Boolean.prototype.
 */
#include "stdlib/es/builtin.h"
#include "stdlib/es/primitive_object.h"

#define ARGS VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target

/* ES2025 20.3.3.3.1 ThisBooleanValue ( value ) */
static Value this_boolean_value(VM *vm, Value value, const char *method)
{
    Value b;
    if (value_is_boolean(value))
        return value;
    if (primitive_object_unwrap(value, &boolean_object_class, &b))
        return b;
    return vm_throw_type_error(vm, "%s requires that 'this' be a Boolean", method);
}

/* ES2025 20.3.1.1 Boolean ( value ) */
static Value boolean_constructor(ARGS)
{
    (void)this_value;
    Value b = value_from_boolean(es_to_boolean(es_arg(argc, argv, 0)));
    if (!new_target)
        return b;
    Object *proto = es_prototype_from_constructor(vm, new_target, INTRINSIC_BooleanPrototype);
    Object *o = proto ? primitive_object_new(vm, &boolean_object_class, b, proto) : NULL;
    return o ? value_from_object(o) : VALUE_EXCEPTION;
}

/* ES2025 20.3.3.2 Boolean.prototype.toString ( ) */
static Value boolean_proto_to_string(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    Value b = this_boolean_value(vm, this_value, "Boolean.prototype.toString");
    if (value_is_exception(b))
        return b;
    return value_from_string(vm_atom(vm, value_as_boolean(b) ? ATOM_true : ATOM_false));
}

/* ES2025 20.3.3.3 Boolean.prototype.valueOf ( ) */
static Value boolean_proto_value_of(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    return this_boolean_value(vm, this_value, "Boolean.prototype.valueOf");
}

bool stdlib_install_boolean(VM *vm, Realm *realm)
{
    Object *proto = realm->intrinsics[INTRINSIC_BooleanPrototype];
    if (!proto) {
        proto = primitive_object_new(vm, &boolean_object_class, VALUE_FALSE,
                                     realm->intrinsics[INTRINSIC_ObjectPrototype]);
        if (!proto)
            return false;
        realm->intrinsics[INTRINSIC_BooleanPrototype] = proto;
    }
    return es_define_constructor(vm, realm, "Boolean", boolean_constructor, 1, proto)
           && es_define_method(vm, proto, "toString", boolean_proto_to_string, 0)
           && es_define_method(vm, proto, "valueOf", boolean_proto_value_of, 0);
}
