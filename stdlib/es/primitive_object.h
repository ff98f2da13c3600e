/*
 * Objects that wrap a primitive: Boolean, Number, String, Symbol and BigInt
 * objects, with their [[BooleanData]], [[NumberData]], [[StringData]],
 * [[SymbolData]], [[BigIntData]] internal slot. String objects are exotic
 * (ES2025 10.4.3): their indices and "length" are own properties.
 */
#ifndef NODUS_STDLIB_ES_PRIMITIVE_OBJECT_H
#define NODUS_STDLIB_ES_PRIMITIVE_OBJECT_H

#include "vm/object.h"

typedef struct PrimitiveObject {
    Object object;
    Value primitive;              /* the [[xxxData]] slot */
} PrimitiveObject;

extern const ObjectClass boolean_object_class;
extern const ObjectClass number_object_class;
extern const ObjectClass string_object_class;
extern const ObjectClass symbol_object_class;
extern const ObjectClass bigint_object_class;

/* A wrapper of primitive (whose class matches) with the given prototype.
 * String objects get their "length". NULL after throwing. */
Object *primitive_object_new(VM *vm, const ObjectClass *class_, Value primitive, Object *prototype) NODUS_MUST_CHECK;

/* The primitive of value when it is a wrapper of class_: true and *out set. */
static inline bool primitive_object_unwrap(Value value, const ObjectClass *class_, Value *out)
{
    if (!value_is_object(value) || object_kind(value_as_object(value)) != class_)
        return false;
    *out = ((PrimitiveObject *)value_as_object(value))->primitive;
    return true;
}

#endif
