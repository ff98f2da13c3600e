/*
 * Shared helpers of the built-ins (stdlib/es/builtin.h): conversions,
 * object operations and property definition in the forms built-ins use.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stdlib/es/builtin.h"
#include "vm/bigint.h"
#include "vm/object_internal.h"   /* property_to_number, property_same_value, array_length */
#include "vm/operators.h"         /* vm_throw_set_failure */

/* ---- Keys ---- */

PropertyKey es_key_cstr(VM *vm, const char *cstr)
{
    String *s = string_from_cstr(vm, cstr);
    return s ? property_key_from_value(vm, value_from_string(s)) : VALUE_EXCEPTION;
}

PropertyKey es_key_index(VM *vm, double index)
{
    if (index < 4294967295.0)
        return property_key_from_index(vm, (uint32_t)index);
    return property_key_from_value(vm, value_from_double(index));
}

PropertyKey es_key_symbol(VM *vm, WellKnownSymbol id)
{
    Symbol *symbol = stdlib_well_known_symbol(vm, id);
    return symbol ? value_from_symbol(symbol) : VALUE_EXCEPTION;
}

/* ---- Conversions ---- */

/* ES2025 7.1.1 ToPrimitive: objects go through the interpreter's hook. */
Value es_to_primitive(VM *vm, Value value, ToPrimitiveHint hint)
{
    if (!value_is_object(value))
        return value;
    if (!vm->to_primitive)
        return vm_throw_type_error(vm, "Cannot convert object to primitive value");
    return vm->to_primitive(vm, value, hint);
}

/* ES2025 7.1.2 ToBoolean */
bool es_to_boolean(Value value)
{
    if (value_is_boolean(value))
        return value_as_boolean(value);
    if (value_is_nullish(value))
        return false;
    if (value_is_number(value)) {
        double d = value_as_number(value);
        return d == d && d != 0;
    }
    if (value_is_string(value))
        return string_length(value_as_string(value)) != 0;
    if (value_is_bigint(value))
        return !bigint_is_zero(value_as_bigint(value));
    return true;
}

/* ES2025 7.1.4 ToNumber */
bool es_to_number(VM *vm, Value value, double *result)
{
    return property_to_number(vm, value, result);
}

/* ES2025 7.1.3 ToNumeric: a Number, or a BigInt as is. */
bool es_to_numeric(VM *vm, Value value, Value *result)
{
    Value primitive = es_to_primitive(vm, value, TO_PRIMITIVE_NUMBER);
    if (value_is_exception(primitive))
        return false;
    if (value_is_bigint(primitive)) {
        *result = primitive;
        return true;
    }
    double d;
    if (!es_to_number(vm, primitive, &d))
        return false;
    *result = value_from_number(d);
    return true;
}

/* ES2025 7.1.5 ToIntegerOrInfinity */
bool es_to_integer_or_infinity(VM *vm, Value value, double *result)
{
    if (value_is_int32(value)) {
        *result = value_as_int32(value);
        return true;
    }
    double d;
    if (!es_to_number(vm, value, &d))
        return false;
    if (d != d || d == 0)
        *result = 0;
    else
        *result = trunc(d);
    return true;
}

/* The integer modulo 2^32 of a finite number (ES2025 7.1.6 steps 3-4). */
static uint32_t modulo_2_32(double d)
{
    if (d != d || isinf(d))
        return 0;
    d = trunc(d);
    d = fmod(d, 4294967296.0);
    if (d < 0)
        d += 4294967296.0;
    return (uint32_t)d;
}

/* ES2025 7.1.6 ToInt32 */
bool es_to_int32(VM *vm, Value value, int32_t *result)
{
    if (value_is_int32(value)) {
        *result = value_as_int32(value);
        return true;
    }
    double d;
    if (!es_to_number(vm, value, &d))
        return false;
    *result = (int32_t)modulo_2_32(d);
    return true;
}

/* ES2025 7.1.7 ToUint32 */
bool es_to_uint32(VM *vm, Value value, uint32_t *result)
{
    double d;
    if (!es_to_number(vm, value, &d))
        return false;
    *result = modulo_2_32(d);
    return true;
}

/* ES2025 7.1.9 ToUint16 */
bool es_to_uint16(VM *vm, Value value, uint16_t *result)
{
    double d;
    if (!es_to_number(vm, value, &d))
        return false;
    *result = (uint16_t)modulo_2_32(d);
    return true;
}

/* ES2025 7.1.20 ToLength */
bool es_to_length(VM *vm, Value value, double *result)
{
    double len;
    if (!es_to_integer_or_infinity(vm, value, &len))
        return false;
    *result = len <= 0 ? 0 : (len > ES_MAX_SAFE_INTEGER ? ES_MAX_SAFE_INTEGER : len);
    return true;
}

String *es_number_to_string(VM *vm, double x)
{
    if (x == 0)
        return string_from_cstr(vm, "0");
    return number_to_string(vm, x, 10);
}

/* ES2025 7.1.17 ToString */
String *es_to_string(VM *vm, Value value)
{
    if (value_is_string(value))
        return value_as_string(value);
    if (value_is_number(value))
        return es_number_to_string(vm, value_as_number(value));
    if (value_is_undefined(value))
        return vm_atom(vm, ATOM_undefined);
    if (value_is_null(value))
        return vm_atom(vm, ATOM_null);
    if (value_is_boolean(value))
        return vm_atom(vm, value_as_boolean(value) ? ATOM_true : ATOM_false);
    if (value_is_symbol(value)) {
        vm_throw_type_error(vm, "Cannot convert a Symbol value to a string");
        return NULL;
    }
    if (value_is_object(value)) {
        Value primitive = es_to_primitive(vm, value, TO_PRIMITIVE_STRING);
        return value_is_exception(primitive) ? NULL : es_to_string(vm, primitive);
    }
    return bigint_to_string(vm, value_as_bigint(value), 10);
}

String *es_to_flat_string(VM *vm, Value value)
{
    String *s = es_to_string(vm, value);
    if (s && !string_flatten(vm, s))
        return NULL;
    return s;
}

/* ES2025 7.1.18 ToObject */
Object *es_to_object(VM *vm, Value value)
{
    return stdlib_to_object(vm, value);
}

bool es_relative_index(VM *vm, Value value, double length, double default_value, double *result)
{
    if (value_is_undefined(value)) {
        *result = default_value;
        return true;
    }
    double relative;
    if (!es_to_integer_or_infinity(vm, value, &relative))
        return false;
    if (relative < 0)
        *result = length + relative < 0 ? 0 : length + relative;
    else
        *result = relative < length ? relative : length;
    return true;
}

/* ---- Comparisons ---- */

/* ES2025 7.2.10 SameValue */
int es_same_value(VM *vm, Value a, Value b)
{
    return property_same_value(vm, a, b);
}

/* ES2025 7.2.11 SameValueZero */
int es_same_value_zero(VM *vm, Value a, Value b)
{
    if (value_is_number(a) && value_is_number(b)) {
        double x = value_as_number(a), y = value_as_number(b);
        return x == y || (x != x && y != y);
    }
    return property_same_value(vm, a, b);
}

/* ES2025 7.2.15 IsStrictlyEqual */
int es_is_strictly_equal(VM *vm, Value a, Value b)
{
    if (value_is_number(a) && value_is_number(b))
        return value_as_number(a) == value_as_number(b);
    return property_same_value(vm, a, b);
}

/* ES2025 7.2.2 IsArray (TODO(proxy): look through proxies) */
int es_is_array(VM *vm, Value value)
{
    (void)vm;
    return value_is_object(value) && object_kind(value_as_object(value)) == &array_object_class;
}

/* ES2025 7.2.4 IsConstructor */
bool es_is_constructor(Value value)
{
    return value_is_object(value) && (((GCCell *)value_as_object(value))->flags & OBJECT_IS_CONSTRUCTOR);
}

/* ---- Object operations ---- */

/* ES2025 7.3.2 Get */
Value es_get(VM *vm, Object *o, PropertyKey key)
{
    return object_get(vm, o, key, value_from_object(o));
}

/* ES2025 7.3.3 GetV */
Value es_get_v(VM *vm, Value value, PropertyKey key)
{
    if (value_is_object(value))
        return object_get(vm, value_as_object(value), key, value);
    Object *o = es_to_object(vm, value);
    if (!o)
        return VALUE_EXCEPTION;
    return object_get(vm, o, key, value);
}

/* The key as text for messages: malloc'd. */
static char *key_to_cstr(VM *vm, PropertyKey key)
{
    uint32_t index;
    char *text = NULL;
    if (property_key_is_index(key, &index)) {
        text = malloc(16);
        if (text)
            snprintf(text, 16, "%u", index);
    } else if (value_is_string(key)) {
        size_t len;
        text = string_to_utf8(value_as_string(key), &len);
    } else {
        text = es_describe_value(vm, key);
    }
    return text;
}

/* ES2025 7.3.4 Set ( O, P, V, true ) */
bool es_set(VM *vm, Object *o, PropertyKey key, Value value)
{
    int done = object_set(vm, o, key, value, value_from_object(o));
    if (done < 0)
        return false;
    return done == 1 || vm_throw_set_failure(vm, value_from_object(o), key);
}

/* ES2025 7.3.7 CreateDataPropertyOrThrow */
bool es_create_data_property_or_throw(VM *vm, Object *o, PropertyKey key, Value value)
{
    int done = object_create_data_property(vm, o, key, value);
    if (done < 0)
        return false;
    if (done == 0) {
        char *name = key_to_cstr(vm, key);
        vm_throw_type_error(vm, "Cannot add property %s, object is not extensible", name ? name : "?");
        free(name);
        return false;
    }
    return true;
}

/* ES2025 7.3.10 DeletePropertyOrThrow */
bool es_delete_property_or_throw(VM *vm, Object *o, PropertyKey key)
{
    int done = object_delete(vm, o, key);
    if (done < 0)
        return false;
    if (done == 0) {
        char *name = key_to_cstr(vm, key);
        char *what = es_describe_value(vm, value_from_object(o));
        vm_throw_type_error(vm, "Cannot delete property '%s' of %s", name ? name : "?", what ? what : "?");
        free(name);
        free(what);
        return false;
    }
    return true;
}

/* ES2025 7.3.13 HasOwnProperty */
int es_has_own_property(VM *vm, Object *o, PropertyKey key)
{
    PropertyDescriptor desc;
    return object_get_own_property(vm, o, key, &desc);
}

/* ES2025 7.3.11 GetMethod */
Value es_get_method(VM *vm, Value value, PropertyKey key)
{
    Value function = es_get_v(vm, value, key);
    if (value_is_exception(function) || value_is_nullish(function))
        return value_is_exception(function) ? function : VALUE_UNDEFINED;
    if (!value_is_callable(function))
        return es_throw_not_callable(vm, function);
    return function;
}

/* ES2025 7.3.18 LengthOfArrayLike */
bool es_length_of_array_like(VM *vm, Object *o, double *length)
{
    if (o->class_ == &array_object_class) {
        *length = array_length(o);
        return true;
    }
    Value len = es_get(vm, o, es_key(vm, ATOM_length));
    return !value_is_exception(len) && es_to_length(vm, len, length);
}

/* ES2025 7.3.14 Call */
Value es_call(VM *vm, Value function, Value this_value, uint32_t argc, const Value *argv)
{
    if (!value_is_callable(function))
        return es_throw_not_callable(vm, function);
    return vm_call(vm, function, this_value, argc, argv);
}

/* ES2025 7.3.21 Invoke */
Value es_invoke(VM *vm, Value value, PropertyKey key, uint32_t argc, const Value *argv)
{
    Value function = es_get_v(vm, value, key);
    if (value_is_exception(function))
        return function;
    return es_call(vm, function, value, argc, argv);
}

Object *es_object_new(VM *vm)
{
    return object_new_ordinary(vm, realm_intrinsic(vm, INTRINSIC_ObjectPrototype));
}

Object *es_array_new(VM *vm, uint32_t length)
{
    return array_new(vm, realm_intrinsic(vm, INTRINSIC_ArrayPrototype), length);
}

/* ES2025 7.3.16 CreateArrayFromList */
Object *es_array_from_list(VM *vm, const Value *values, uint32_t count)
{
    Object *array = es_array_new(vm, 0);
    if (!array)
        return NULL;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, array);
    for (uint32_t i = 0; i < count; i++) {
        if (object_create_data_property(vm, array, property_key_from_index(vm, i), values[i]) < 0) {
            array = NULL;
            break;
        }
    }
    GC_SCOPE_END(vm->heap);
    return array;
}

/* ES2025 10.1.14 GetPrototypeFromConstructor */
Object *es_prototype_from_constructor(VM *vm, Object *new_target, IntrinsicId fallback)
{
    if (!new_target)
        return realm_intrinsic(vm, fallback);
    Value proto = es_get(vm, new_target, es_key(vm, ATOM_prototype));
    if (value_is_exception(proto))
        return NULL;
    /* TODO(realms): the fallback of new_target's realm. */
    return value_is_object(proto) ? value_as_object(proto) : realm_intrinsic(vm, fallback);
}

/* ES2025 7.3.22 OrdinaryHasInstance (bound functions are handled by the
 * caller through [[BoundTargetFunction]], see stdlib/es/function.c). */
int es_ordinary_has_instance(VM *vm, Value constructor, Value value)
{
    if (!value_is_callable(constructor))
        return 0;
    Value target;
    if (stdlib_bound_target(value_as_object(constructor), &target))
        return es_ordinary_has_instance(vm, target, value);   /* TODO: InstanceofOperator(O, BC) */
    if (!value_is_object(value))
        return 0;
    Value proto = es_get(vm, value_as_object(constructor), es_key(vm, ATOM_prototype));
    if (value_is_exception(proto))
        return -1;
    if (!value_is_object(proto)) {
        vm_throw_type_error(vm, "Function has non-object prototype '%s' in instanceof check",
                            value_is_undefined(proto) ? "undefined" : "?");
        return -1;
    }
    Object *o = value_as_object(value);
    for (;;) {
        Value parent = object_get_prototype_of(vm, o);
        if (value_is_exception(parent))
            return -1;
        if (value_is_null(parent))
            return 0;
        if (parent == proto)
            return 1;
        o = value_as_object(parent);
    }
}

/* ---- Value lists ---- */

void es_list_init(VM *vm, ValueList *list)
{
    (void)vm;
    list->values = NULL;
    list->count = list->capacity = 0;
    list->rooted = false;
}

bool es_list_push(VM *vm, ValueList *list, Value value)
{
    if (list->count == list->capacity) {
        uint32_t capacity = list->capacity ? list->capacity * 2 : 8;
        Value *values = realloc(list->values, capacity * sizeof *values);
        if (!values) {
            vm_throw_out_of_memory(vm);
            return false;
        }
        list->values = values;
        list->capacity = capacity;
    }
    /* Pins keep heap values alive while the list holds them: a malloc'd
     * array can move, so its slots cannot be registered as roots. */
    if (value_is_heap(value))
        gc_pin(vm->heap, value_as_cell(value));
    list->values[list->count++] = value;
    return true;
}

void es_list_free(VM *vm, ValueList *list)
{
    for (uint32_t i = 0; i < list->count; i++)
        if (value_is_heap(list->values[i]))
            gc_unpin(vm->heap, value_as_cell(list->values[i]));
    free(list->values);
    list->values = NULL;
    list->count = list->capacity = 0;
}

/* ES2025 7.3.19 CreateListFromArrayLike */
bool es_list_from_array_like(VM *vm, Value array_like, ValueList *list)
{
    if (!value_is_object(array_like)) {
        vm_throw_type_error(vm, "CreateListFromArrayLike called on non-object");
        return false;
    }
    Object *o = value_as_object(array_like);
    double length;
    if (!es_length_of_array_like(vm, o, &length))
        return false;
    if (length > 10000000) {
        vm_throw_range_error(vm, "Maximum call stack size exceeded");
        return false;
    }
    for (double i = 0; i < length; i++) {
        Value next = es_get(vm, o, es_key_index(vm, i));
        if (value_is_exception(next) || !es_list_push(vm, list, next))
            return false;
    }
    return true;
}

/* ---- Messages ---- */

/* The constructor name V8 shows in "#<Name>": the prototype's
 * constructor's name, else "Object". */
static char *object_tag(VM *vm, Object *o)
{
    const char *name = object_kind(o) == &array_object_class ? NULL : "Object";
    (void)vm;
    if (!name)
        return strdup("[object Array]");
    Shape *shape = o->shape;
    Object *proto = shape_prototype(shape);
    if (proto) {
        uint32_t slot;
        uint8_t attributes;
        if (shape_lookup(proto->shape, es_key(vm, ATOM_constructor), &slot, &attributes)
            && !(attributes & PROP_ACCESSOR) && value_is_object(proto->slots[slot])) {
            Object *ctor = value_as_object(proto->slots[slot]);
            if (shape_lookup(ctor->shape, es_key(vm, ATOM_name), &slot, &attributes)
                && !(attributes & PROP_ACCESSOR) && value_is_string(ctor->slots[slot])) {
                String *s = value_as_string(ctor->slots[slot]);
                size_t len;
                if (string_flatten(vm, s) && string_length(s) > 0) {
                    char *text = string_to_utf8(s, &len);
                    char *out = malloc(len + 4);
                    if (out)
                        snprintf(out, len + 4, "#<%s>", text ? text : "");
                    free(text);
                    return out;
                }
            }
        }
    }
    return strdup("#<Object>");
}

char *es_describe_value(VM *vm, Value value)
{
    if (value_is_object(value)) {
        Object *o = value_as_object(value);
        if (value_is_callable(value)) {
            String *text = stdlib_function_to_string(vm, o);
            size_t len;
            if (!text || !string_flatten(vm, text)) {
                vm_take_exception(vm);
                return strdup("function");
            }
            return string_to_utf8(text, &len);
        }
        return object_tag(vm, o);
    }
    if (value_is_symbol(value)) {
        Symbol *symbol = value_as_symbol(value);
        char *desc = NULL;
        size_t len = 0;
        if (symbol->description && string_flatten(vm, symbol->description))
            desc = string_to_utf8(symbol->description, &len);
        char *out = malloc(len + 9);
        if (out)
            snprintf(out, len + 9, "Symbol(%s)", desc ? desc : "");
        free(desc);
        return out;
    }
    String *s = es_to_flat_string(vm, value);
    if (!s) {
        vm_take_exception(vm);
        return strdup("?");
    }
    size_t len;
    return string_to_utf8(s, &len);
}

Value es_throw_not_callable(VM *vm, Value value)
{
    char *text = es_describe_value(vm, value);
    vm_throw_type_error(vm, "%s is not a function", text ? text : "?");
    free(text);
    return VALUE_EXCEPTION;
}

Value es_throw_called_on_nullish(VM *vm, const char *what)
{
    return vm_throw_type_error(vm, "%s called on null or undefined", what);
}

/* ---- Defining built-ins ---- */

bool es_define_method(VM *vm, Object *target, const char *name, NativeFunction function, uint32_t length)
{
    return realm_define_method(vm, target, name, function, length);
}

bool es_define_symbol_method(VM *vm, Object *target, WellKnownSymbol id, NativeFunction function,
                             uint32_t length, uint8_t attributes)
{
    static const char *const names[] = {
#define S(name) "[Symbol." #name "]",
        WELL_KNOWN_SYMBOLS(S)
#undef S
    };
    Symbol *symbol = stdlib_well_known_symbol(vm, id);
    if (!symbol || !realm_prepare_holder(vm, target))
        return false;
    Object *method = native_function_new(vm, function, names[id], length, false);
    if (!method)
        return false;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, method);
    bool ok = realm_define_builtin_property(vm, target, value_from_symbol(symbol), value_from_object(method),
                                            attributes);
    GC_SCOPE_END(vm->heap);
    return ok;
}

bool es_define_accessor(VM *vm, Object *target, PropertyKey key, const char *name, NativeFunction getter,
                        NativeFunction setter)
{
    char full[96];
    Value get = VALUE_UNDEFINED, set = VALUE_UNDEFINED;
    if (!realm_prepare_holder(vm, target))
        return false;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, key);
    GC_ROOT(vm->heap, get);
    GC_ROOT(vm->heap, set);
    bool ok = true;
    if (getter) {
        snprintf(full, sizeof full, "get %s", name);
        Object *f = native_function_new(vm, getter, full, 0, false);
        ok = f != NULL;
        if (f)
            get = value_from_object(f);
    }
    if (ok && setter) {
        snprintf(full, sizeof full, "set %s", name);
        Object *f = native_function_new(vm, setter, full, 1, false);
        ok = f != NULL;
        if (f)
            set = value_from_object(f);
    }
    if (ok)
        ok = object_define_accessor_property(vm, target, key, get, set, PROP_CONFIGURABLE);
    GC_SCOPE_END(vm->heap);
    return ok;
}

bool es_define_value(VM *vm, Object *target, const char *name, Value value, uint8_t attributes)
{
    if (!realm_prepare_holder(vm, target))
        return false;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, value);
    PropertyKey key = es_key_cstr(vm, name);   /* a new atom: rooted, defining allocates */
    GC_ROOT(vm->heap, key);
    bool ok = !value_is_exception(key) && realm_define_builtin_property(vm, target, key, value, attributes);
    GC_SCOPE_END(vm->heap);
    return ok;
}

bool es_define_to_string_tag(VM *vm, Object *target, const char *tag)
{
    if (!realm_prepare_holder(vm, target))
        return false;
    PropertyKey key = es_key_symbol(vm, WELL_KNOWN_toStringTag);
    String *text = value_is_exception(key) ? NULL : string_from_cstr(vm, tag);
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, text);
    bool ok = text && object_define_data_property(vm, target, key, value_from_string(text), PROP_CONFIGURABLE);
    GC_SCOPE_END(vm->heap);
    return ok;
}

Object *es_define_constructor(VM *vm, Realm *realm, const char *name, NativeFunction function, uint32_t length,
                              Object *prototype)
{
    Object *ctor = native_function_new(vm, function, name, length, true);
    if (!ctor)
        return NULL;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, ctor);
    bool ok = realm_prepare_holder(vm, ctor) && realm_prepare_holder(vm, prototype) &&
              object_define_data_property(vm, ctor, es_key(vm, ATOM_prototype), value_from_object(prototype), 0)
              && object_define_data_property(vm, prototype, es_key(vm, ATOM_constructor), value_from_object(ctor),
                                             ES_ATTRS_METHOD)
              && es_define_value(vm, realm->global_object, name, value_from_object(ctor), ES_ATTRS_METHOD);
    GC_SCOPE_END(vm->heap);
    return ok ? ctor : NULL;
}

Object *es_ensure_intrinsic(VM *vm, Realm *realm, IntrinsicId id, Object *prototype)
{
    if (!realm->intrinsics[id])
        realm->intrinsics[id] = object_new_ordinary(vm, prototype);
    return realm->intrinsics[id];
}
