/*
 * Primitive wrapper objects and ToObject (ES2025 7.1.18), with the String
 * exotic object's internal methods (ES2025 10.4.3).
 */
#include "stdlib/es/builtin.h"
#include "stdlib/es/primitive_object.h"
#include "vm/object_internal.h"   /* property_descriptor_validate */

static void primitive_object_trace(GCTracer *tracer, Object *o)
{
    gc_mark_value(tracer, ((PrimitiveObject *)o)->primitive);
}

const ObjectClass boolean_object_class = { .name = "Boolean", ORDINARY_INTERNAL_METHODS, .trace = primitive_object_trace };
const ObjectClass number_object_class = { .name = "Number", ORDINARY_INTERNAL_METHODS, .trace = primitive_object_trace };
const ObjectClass symbol_object_class = { .name = "Symbol", ORDINARY_INTERNAL_METHODS, .trace = primitive_object_trace };
const ObjectClass bigint_object_class = { .name = "BigInt", ORDINARY_INTERNAL_METHODS, .trace = primitive_object_trace };

/* ---- String exotic objects (ES2025 10.4.3) ---- */

static String *string_data(Object *o)
{
    return value_as_string(((PrimitiveObject *)o)->primitive);
}

/* ES2025 10.4.3.5 StringGetOwnProperty: 1 when key is an index of the string. */
static int string_get_own_index(VM *vm, Object *o, PropertyKey key, PropertyDescriptor *desc)
{
    uint32_t index;
    String *s = string_data(o);
    if (!property_key_is_index(key, &index) || index >= string_length(s))
        return 0;
    String *unit = string_substring(vm, s, index, index + 1);
    if (!unit)
        return -1;
    *desc = (PropertyDescriptor){
        .has = DESC_HAS_VALUE | DESC_HAS_WRITABLE | DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE,
        .attributes = PROP_ENUMERABLE, .value = value_from_string(unit),
        .getter = VALUE_UNDEFINED, .setter = VALUE_UNDEFINED,
    };
    return 1;
}

/* ES2025 10.4.3.1 [[GetOwnProperty]] ( P ) */
static int string_get_own_property(VM *vm, Object *o, PropertyKey key, PropertyDescriptor *desc)
{
    int found = ordinary_get_own_property(vm, o, key, desc);
    if (found != 0)
        return found;
    return string_get_own_index(vm, o, key, desc);
}

/* ES2025 10.4.3.2 [[DefineOwnProperty]] ( P, Desc ) */
static int string_define_own_property(VM *vm, Object *o, PropertyKey key, const PropertyDescriptor *desc)
{
    PropertyDescriptor current;
    int found = string_get_own_index(vm, o, key, &current);
    if (found < 0)
        return -1;
    if (found) {
        bool extensible = o->header.flags & OBJECT_EXTENSIBLE;
        return property_descriptor_validate(vm, extensible, desc, &current);
    }
    return ordinary_define_own_property(vm, o, key, desc);
}

/* ES2025 10.4.3.3 [[OwnPropertyKeys]] ( ) */
static bool string_own_property_keys(VM *vm, Object *o, KeyList *keys)
{
    uint32_t length = string_length(string_data(o));
    for (uint32_t i = 0; i < length; i++)
        if (!key_list_push(vm, keys, property_key_from_index(vm, i)))
            return false;
    return ordinary_own_property_keys(vm, o, keys);
}

const ObjectClass string_object_class = {
    .name = "String",
    .get_own_property = string_get_own_property,
    .define_own_property = string_define_own_property,
    .has_property = ordinary_has_property, .get = ordinary_get, .set = ordinary_set,
    .delete_property = ordinary_delete, .own_property_keys = string_own_property_keys,
    .get_prototype_of = ordinary_get_prototype_of, .set_prototype_of = ordinary_set_prototype_of,
    .is_extensible = ordinary_is_extensible, .prevent_extensions = ordinary_prevent_extensions,
    .trace = primitive_object_trace,
};

/* ES2025 10.4.3.4 StringCreate, and the wrappers of the other primitives. */
Object *primitive_object_new(VM *vm, const ObjectClass *class_, Value primitive, Object *prototype)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, primitive);
    Object *o = object_new(vm, class_, sizeof(PrimitiveObject), prototype);
    if (o) {
        ((PrimitiveObject *)o)->primitive = primitive;
        if (class_ == &string_object_class) {
            GC_ROOT_CELL(vm->heap, o);
            Value length = value_from_number(string_length(value_as_string(primitive)));
            if (!object_define_data_property(vm, o, es_key(vm, ATOM_length), length, 0))
                o = NULL;
        }
    }
    GC_SCOPE_END(vm->heap);
    return o;
}

/* ES2025 7.1.18 ToObject */
Object *stdlib_to_object(VM *vm, Value value)
{
    if (value_is_object(value))
        return value_as_object(value);
    if (value_is_nullish(value)) {
        vm_throw_type_error(vm, "Cannot convert undefined or null to object");
        return NULL;
    }
    if (value_is_boolean(value))
        return primitive_object_new(vm, &boolean_object_class, value, realm_intrinsic(vm, INTRINSIC_BooleanPrototype));
    if (value_is_number(value))
        return primitive_object_new(vm, &number_object_class, value, realm_intrinsic(vm, INTRINSIC_NumberPrototype));
    if (value_is_string(value))
        return primitive_object_new(vm, &string_object_class, value, realm_intrinsic(vm, INTRINSIC_StringPrototype));
    if (value_is_symbol(value))
        return primitive_object_new(vm, &symbol_object_class, value, realm_intrinsic(vm, INTRINSIC_SymbolPrototype));
    return primitive_object_new(vm, &bigint_object_class, value, realm_intrinsic(vm, INTRINSIC_BigIntPrototype));
}
