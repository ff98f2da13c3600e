/*
 * What the built-ins of stdlib/es/ share: argument access, the conversions
 * (ES2025 7.1) and object operations (ES2025 7.3) in the forms built-ins
 * call them, and the helpers install functions use to define properties.
 *
 * Conventions (vm/vm.h, gc/gc.h): a function returning a pointer gives NULL
 * after throwing, bool gives false, int gives -1, Value gives
 * VALUE_EXCEPTION. Arguments are the caller's to keep rooted.
 */
#ifndef NODUS_STDLIB_ES_BUILTIN_H
#define NODUS_STDLIB_ES_BUILTIN_H

#include <math.h>
#include <stdbool.h>
#include <stdint.h>

#include "gc/gc.h"
#include "stdlib/stdlib.h"
#include "vm/atom.h"
#include "vm/function.h"
#include "vm/lazy_holder.h"
#include "vm/object.h"
#include "vm/realm.h"
#include "vm/string.h"
#include "vm/symbol.h"

/* 2^53 - 1: the largest length of an array-like (ES2025 7.1.20 ToLength) */
#define ES_MAX_SAFE_INTEGER 9007199254740991.0

/* The i-th argument, undefined when absent. */
static inline Value es_arg(uint32_t argc, const Value *argv, uint32_t i)
{
    return i < argc ? argv[i] : VALUE_UNDEFINED;
}

/* ---- Keys ---- */
static inline PropertyKey es_key(VM *vm, AtomId id) { return value_from_string(vm_atom(vm, id)); }
/* The key spelled by cstr (an atom, or an index). VALUE_EXCEPTION after throwing. */
PropertyKey es_key_cstr(VM *vm, const char *cstr);
/* The key of an integer index 0 .. 2^53-1 (ES2025 ToString(F(k))). */
PropertyKey es_key_index(VM *vm, double index);
PropertyKey es_key_symbol(VM *vm, WellKnownSymbol id);   /* VALUE_EXCEPTION after throwing */

/* ---- Conversions (ES2025 7.1) ---- */
Value es_to_primitive(VM *vm, Value value, ToPrimitiveHint hint);
bool es_to_boolean(Value value);
bool es_to_number(VM *vm, Value value, double *result) NODUS_MUST_CHECK;
bool es_to_numeric(VM *vm, Value value, Value *result) NODUS_MUST_CHECK;
bool es_to_integer_or_infinity(VM *vm, Value value, double *result) NODUS_MUST_CHECK;
bool es_to_int32(VM *vm, Value value, int32_t *result) NODUS_MUST_CHECK;
bool es_to_uint32(VM *vm, Value value, uint32_t *result) NODUS_MUST_CHECK;
bool es_to_uint16(VM *vm, Value value, uint16_t *result) NODUS_MUST_CHECK;
bool es_to_length(VM *vm, Value value, double *result) NODUS_MUST_CHECK;
String *es_to_string(VM *vm, Value value) NODUS_MUST_CHECK;
/* ToString then flatten: the result can be read with string_char_at. */
String *es_to_flat_string(VM *vm, Value value) NODUS_MUST_CHECK;
Object *es_to_object(VM *vm, Value value) NODUS_MUST_CHECK;
/* ES2025 7.1.13 ToBigInt (stdlib/es/bigint.c): a BigInt value or VALUE_EXCEPTION. */
Value es_to_bigint(VM *vm, Value argument);
static inline Value es_to_property_key(VM *vm, Value value) { return property_key_from_value(vm, value); }
/* Number::toString(x) in radix 10. */
String *es_number_to_string(VM *vm, double x) NODUS_MUST_CHECK;
/* Relative index arguments (slice, at, fill, ...): ToIntegerOrInfinity of
 * value clamped into [0, length], counting from the end when negative;
 * undefined gives default_value. */
bool es_relative_index(VM *vm, Value value, double length, double default_value, double *result) NODUS_MUST_CHECK;

/* ---- Comparisons (ES2025 7.2) ---- */
int es_same_value(VM *vm, Value a, Value b);          /* 1 / 0 / -1 */
int es_same_value_zero(VM *vm, Value a, Value b);
int es_is_strictly_equal(VM *vm, Value a, Value b);
int es_is_array(VM *vm, Value value);                 /* 1 / 0 / -1 (revoked proxy) */
bool es_is_constructor(Value value);

/* ---- Object operations (ES2025 7.3) ---- */
Value es_get(VM *vm, Object *o, PropertyKey key);
/* GetV: [[Get]] on ToObject(value) with value as the receiver. */
Value es_get_v(VM *vm, Value value, PropertyKey key);
/* Set(O, P, V, true): TypeError when [[Set]] returns false. */
bool es_set(VM *vm, Object *o, PropertyKey key, Value value) NODUS_MUST_CHECK;
bool es_create_data_property_or_throw(VM *vm, Object *o, PropertyKey key, Value value) NODUS_MUST_CHECK;
bool es_delete_property_or_throw(VM *vm, Object *o, PropertyKey key) NODUS_MUST_CHECK;
int es_has_own_property(VM *vm, Object *o, PropertyKey key);
/* GetMethod: undefined, a callable, or VALUE_EXCEPTION (TypeError when
 * the property is neither nullish nor callable). */
Value es_get_method(VM *vm, Value value, PropertyKey key);
bool es_length_of_array_like(VM *vm, Object *o, double *length) NODUS_MUST_CHECK;
Value es_call(VM *vm, Value function, Value this_value, uint32_t argc, const Value *argv);
/* Invoke(V, P, args) */
Value es_invoke(VM *vm, Value value, PropertyKey key, uint32_t argc, const Value *argv);
/* A new ordinary object with %Object.prototype%. */
Object *es_object_new(VM *vm) NODUS_MUST_CHECK;
/* A new array with %Array.prototype% and the given length. */
Object *es_array_new(VM *vm, uint32_t length) NODUS_MUST_CHECK;
/* CreateArrayFromList; values must be rooted by the caller. */
Object *es_array_from_list(VM *vm, const Value *values, uint32_t count) NODUS_MUST_CHECK;
/* GetPrototypeFromConstructor(newTarget, default): the prototype for an
 * object made by a constructor called with new_target (NULL: the default). */
Object *es_prototype_from_constructor(VM *vm, Object *new_target, IntrinsicId fallback) NODUS_MUST_CHECK;
/* OrdinaryHasInstance(C, O): 1 / 0 / -1 */
int es_ordinary_has_instance(VM *vm, Value constructor, Value value);
/* CreateListFromArrayLike: a malloc'd array of *count values, rooted until
 * es_list_free. NULL after throwing. */
typedef struct ValueList {
    Value *values;
    uint32_t count, capacity;
    bool rooted;
} ValueList;
void es_list_init(VM *vm, ValueList *list);
bool es_list_push(VM *vm, ValueList *list, Value value) NODUS_MUST_CHECK;
void es_list_free(VM *vm, ValueList *list);
bool es_list_from_array_like(VM *vm, Value array_like, ValueList *list) NODUS_MUST_CHECK;

/* ---- Error messages in V8's words ---- */
/* A short rendering of a value for messages: strings quoted with "",
 * objects as #<Object>, functions by their source head. malloc'd. */
char *es_describe_value(VM *vm, Value value);
/* TypeError "<value> is not a function" */
Value es_throw_not_callable(VM *vm, Value value);
/* TypeError "<what> called on null or undefined" */
Value es_throw_called_on_nullish(VM *vm, const char *what);

/* ---- Defining built-ins ---- */
enum { ES_ATTRS_METHOD = PROP_WRITABLE | PROP_CONFIGURABLE, ES_ATTRS_CONSTANT = 0 };
bool es_define_method(VM *vm, Object *target, const char *name, NativeFunction function, uint32_t length) NODUS_MUST_CHECK;
/* A method keyed by a well-known symbol, named "[Symbol.x]". */
bool es_define_symbol_method(VM *vm, Object *target, WellKnownSymbol id, NativeFunction function,
                             uint32_t length, uint8_t attributes) NODUS_MUST_CHECK;
/* An accessor with a native getter ("get name") and optional setter. */
bool es_define_accessor(VM *vm, Object *target, PropertyKey key, const char *name, NativeFunction getter,
                        NativeFunction setter) NODUS_MUST_CHECK;
bool es_define_value(VM *vm, Object *target, const char *name, Value value, uint8_t attributes) NODUS_MUST_CHECK;
/* obj[@@toStringTag] = tag (configurable only, ES2025 20.x.x.x). */
bool es_define_to_string_tag(VM *vm, Object *target, const char *tag) NODUS_MUST_CHECK;
/* A constructor function with its "prototype" (non-writable,
 * non-enumerable, non-configurable) and prototype.constructor, bound to
 * name on the global object. NULL after throwing. */
Object *es_define_constructor(VM *vm, Realm *realm, const char *name, NativeFunction function, uint32_t length,
                              Object *prototype) NODUS_MUST_CHECK;
/* The intrinsic, created as an ordinary object inheriting from proto_id's
 * intrinsic when the realm has not made it yet. */
Object *es_ensure_intrinsic(VM *vm, Realm *realm, IntrinsicId id, Object *prototype) NODUS_MUST_CHECK;

#endif
