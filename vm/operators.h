/*
 * Type conversions (ES2025 7.1), comparisons (7.2) and the operators of
 * expressions (13.5 - 13.15): what the interpreter's instructions do once
 * their int32 fast paths do not apply, and what the built-ins use.
 *
 * Conventions (vm/vm.h): Value results are VALUE_EXCEPTION after throwing;
 * bool results are false after throwing; int results of predicates are 1
 * (true), 0 (false) or -1 (threw). Arguments are the caller's to keep
 * rooted; these functions root what they create.
 */
#ifndef NODUS_VM_OPERATORS_H
#define NODUS_VM_OPERATORS_H

#include <stdbool.h>
#include <stdint.h>

#include "vm/object.h"
#include "vm/vm.h"

/* ---- Conversions (ES2025 7.1) ---- */
Value value_to_primitive(VM *vm, Value value, ToPrimitiveHint hint);        /* 7.1.1 */
bool value_to_boolean(Value value);
/* The TypeError of a failed strict [[Set]] (ES2025 7.3.4 Set with Throw
 * true), in V8's words: "Cannot add property x, object is not extensible",
 * "Cannot assign to read only property 'x' of object '#<Object>'", ...
 * Returns false. */
bool vm_throw_set_failure(VM *vm, Value base, PropertyKey key);                                          /* 7.1.2 */
Value value_to_numeric(VM *vm, Value value);                                 /* 7.1.3: a Number or a BigInt */
bool value_to_number(VM *vm, Value value, double *result) NODUS_MUST_CHECK;  /* 7.1.4 */
bool value_to_int32(VM *vm, Value value, int32_t *result) NODUS_MUST_CHECK;  /* 7.1.6 */
bool value_to_uint32(VM *vm, Value value, uint32_t *result) NODUS_MUST_CHECK;/* 7.1.7 */
int32_t number_to_int32(double number);
String *value_to_string(VM *vm, Value value) NODUS_MUST_CHECK;               /* 7.1.17 */
Object *value_to_object(VM *vm, Value value) NODUS_MUST_CHECK;               /* 7.1.18 */
Value value_to_property_key(VM *vm, Value value);                           /* 7.1.19, canonical (vm/object.h) */

/* ---- Testing and comparison (ES2025 7.2) ---- */
int value_is_loosely_equal(VM *vm, Value x, Value y);                        /* 7.2.14 == */
int value_is_strictly_equal(VM *vm, Value x, Value y);                       /* 7.2.15 === */
int value_same_value(VM *vm, Value x, Value y);                              /* 7.2.10 */
/* 7.2.13 IsLessThan: 1 true, 0 false, LESS_THAN_UNDEFINED (a NaN was
 * involved), -1 threw. left_first gives the order of the ToPrimitive calls. */
enum { LESS_THAN_UNDEFINED = 2 };
int value_is_less_than(VM *vm, Value x, Value y, bool left_first);

/* ---- Operators ---- */
typedef enum BinaryOperator {
    BINARY_ADD, BINARY_SUB, BINARY_MUL, BINARY_DIV, BINARY_MOD, BINARY_EXP,
    BINARY_BIT_AND, BINARY_BIT_OR, BINARY_BIT_XOR, BINARY_SHL, BINARY_SAR, BINARY_SHR,
} BinaryOperator;
/* ES2025 13.15.3 ApplyStringOrNumericBinaryOperator(left, op, right) */
Value operator_binary(VM *vm, BinaryOperator op, Value left, Value right);
/* The Number:: operation of op on two numbers (ES2025 6.1.6.1). */
Value number_binary(BinaryOperator op, double left, double right);
Value operator_negate(VM *vm, Value value);                                  /* 13.5.5 unary - */
Value operator_bitwise_not(VM *vm, Value value);                             /* 13.5.6 ~ */
Value operator_increment(VM *vm, Value value, int delta);                    /* ++/-- of a numeric */
Value operator_typeof(VM *vm, Value value);                                  /* 13.5.3: an atom */
Value operator_instanceof(VM *vm, Value value, Value target);                /* 13.10.2 InstanceofOperator */
Value ordinary_has_instance(VM *vm, Value constructor, Value value);         /* 7.3.22 OrdinaryHasInstance */
/* 13.10.1 RelationalExpression : a in b (TypeError when target is not an object) */
Value operator_in(VM *vm, Value key, Value target);

/* ---- Property access on any value (GetV, PutValue with a primitive base) ---- */
/* ES2025 7.3.3 GetV: properties of primitives come from their prototype
 * (with this = the primitive); strings have their own length and indices. */
Value value_get_property(VM *vm, Value base, PropertyKey key);
/* 7.3.11 GetMethod: undefined when absent; TypeError when not callable. */
Value value_get_method(VM *vm, Value base, PropertyKey key);
/* The prototype a primitive's properties come from (NULL for undefined/null). */
Object *primitive_prototype(VM *vm, Value value);

/* A well-known symbol (ES2025 6.1.5.1) as a key, or VALUE_UNDEFINED while
 * stdlib has not made it. */
typedef enum WellKnownKey { WELL_KNOWN_KEY_TO_PRIMITIVE, WELL_KNOWN_KEY_HAS_INSTANCE, WELL_KNOWN_KEY_ITERATOR,
                            WELL_KNOWN_KEY_ASYNC_ITERATOR, WELL_KNOWN_KEY_TO_STRING_TAG } WellKnownKey;
Value operators_well_known_key(VM *vm, WellKnownKey which);
/* o[@@toStringTag] = tag, configurable only. */
bool operators_define_to_string_tag(VM *vm, Object *o, const char *tag) NODUS_MUST_CHECK;

#endif
