/*
 * ToPropertyDescriptor and FromPropertyDescriptor (ES2025 6.2.6.4, 6.2.6.5).
 */
#include <stdlib.h>

#include "stdlib/es/builtin.h"
#include "stdlib/es/property_descriptor.h"

/* One field of ToPropertyDescriptor: HasProperty then Get. 1 present
 * (*value set), 0 absent, -1 threw. */
static int get_field(VM *vm, Object *o, AtomId name, Value *value)
{
    PropertyKey key = es_key(vm, name);
    int has = object_has_property(vm, o, key);
    if (has <= 0)
        return has;
    *value = es_get(vm, o, key);
    return value_is_exception(*value) ? -1 : 1;
}

/* A boolean field: enumerable, configurable, writable. */
static bool get_flag(VM *vm, Object *o, AtomId name, uint8_t has_bit, uint8_t attribute, PropertyDescriptor *desc)
{
    Value value;
    int has = get_field(vm, o, name, &value);
    if (has == 1) {
        desc->has |= has_bit;
        if (es_to_boolean(value))
            desc->attributes |= attribute;
    }
    return has >= 0;
}

/* get or set: undefined or callable. */
static bool get_accessor(VM *vm, Object *o, AtomId name, uint8_t has_bit, Value *slot, PropertyDescriptor *desc)
{
    Value function;
    int has = get_field(vm, o, name, &function);
    if (has < 0)
        return false;
    if (has == 0)
        return true;
    if (!value_is_undefined(function) && !value_is_callable(function)) {
        char *text = es_describe_value(vm, function);
        vm_throw_type_error(vm, "%s must be a function: %s", name == ATOM_get ? "Getter" : "Setter",
                            text ? text : "?");
        free(text);
        return false;
    }
    desc->has |= has_bit;
    *slot = function;
    return true;
}

/* ES2025 6.2.6.5 ToPropertyDescriptor ( Obj ) */
bool property_descriptor_from_object(VM *vm, Value obj, PropertyDescriptor *desc)
{
    *desc = (PropertyDescriptor){ .value = VALUE_UNDEFINED, .getter = VALUE_UNDEFINED, .setter = VALUE_UNDEFINED };
    if (!value_is_object(obj)) {
        char *text = es_describe_value(vm, obj);
        vm_throw_type_error(vm, "Property description must be an object: %s", text ? text : "?");
        free(text);
        return false;
    }
    Object *o = value_as_object(obj);
    if (!get_flag(vm, o, ATOM_enumerable, DESC_HAS_ENUMERABLE, PROP_ENUMERABLE, desc)
        || !get_flag(vm, o, ATOM_configurable, DESC_HAS_CONFIGURABLE, PROP_CONFIGURABLE, desc))
        return false;
    Value value;
    int has = get_field(vm, o, ATOM_value, &value);
    if (has < 0)
        return false;
    if (has) {
        desc->has |= DESC_HAS_VALUE;
        desc->value = value;
    }
    /* The value found so far must survive the getters below. */
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, desc->value);
    GC_ROOT(vm->heap, desc->getter);
    bool ok = get_flag(vm, o, ATOM_writable, DESC_HAS_WRITABLE, PROP_WRITABLE, desc)
              && get_accessor(vm, o, ATOM_get, DESC_HAS_GET, &desc->getter, desc)
              && get_accessor(vm, o, ATOM_set, DESC_HAS_SET, &desc->setter, desc);
    GC_SCOPE_END(vm->heap);
    if (!ok)
        return false;
    if ((desc->has & (DESC_HAS_GET | DESC_HAS_SET)) && (desc->has & (DESC_HAS_VALUE | DESC_HAS_WRITABLE))) {
        vm_throw_type_error(vm, "Invalid property descriptor. Cannot both specify accessors and a value or "
                                "writable attribute, #<Object>");
        return false;
    }
    return true;
}

static bool put(VM *vm, Object *o, AtomId name, Value value)
{
    return object_create_data_property(vm, o, es_key(vm, name), value) >= 0;
}

/* ES2025 6.2.6.4 FromPropertyDescriptor ( Desc ) */
Value property_descriptor_to_object(VM *vm, const PropertyDescriptor *desc)
{
    Object *o = es_object_new(vm);
    if (!o)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    bool ok = (!(desc->has & DESC_HAS_VALUE) || put(vm, o, ATOM_value, desc->value))
              && (!(desc->has & DESC_HAS_WRITABLE)
                  || put(vm, o, ATOM_writable, value_from_boolean(desc->attributes & PROP_WRITABLE)))
              && (!(desc->has & DESC_HAS_GET) || put(vm, o, ATOM_get, desc->getter))
              && (!(desc->has & DESC_HAS_SET) || put(vm, o, ATOM_set, desc->setter))
              && (!(desc->has & DESC_HAS_ENUMERABLE)
                  || put(vm, o, ATOM_enumerable, value_from_boolean(desc->attributes & PROP_ENUMERABLE)))
              && (!(desc->has & DESC_HAS_CONFIGURABLE)
                  || put(vm, o, ATOM_configurable, value_from_boolean(desc->attributes & PROP_CONFIGURABLE)));
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(o) : VALUE_EXCEPTION;
}
