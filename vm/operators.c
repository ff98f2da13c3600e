/*
 * Type conversions (ES2025 7.1), comparisons (7.2) and the operators of
 * expressions (13.5 - 13.15). Each function follows its algorithm's steps
 * in order, since ToPrimitive can run user code (valueOf, toString,
 * Symbol.toPrimitive) whose side effects are observable.
 *
 * BigInts take the BigInt:: operations of vm/bigint.h wherever the spec
 * says "if x is a BigInt".
 */
#include <math.h>

#include "vm/atom.h"
#include "vm/bigint.h"
#include "vm/function.h"
#include "vm/object_internal.h"
#include "vm/operators.h"
#include "vm/realm.h"
#include "vm/symbol.h"
#include "stdlib/stdlib.h"   /* the WellKnownSymbol numbering of vm->well_known_symbols */

static Value atom_value(VM *vm, AtomId id) { return value_from_string(vm_atom(vm, id)); }

Value operators_well_known_key(VM *vm, WellKnownKey which)
{
    static const WellKnownSymbol ids[] = {
        [WELL_KNOWN_KEY_TO_PRIMITIVE] = WELL_KNOWN_toPrimitive,
        [WELL_KNOWN_KEY_HAS_INSTANCE] = WELL_KNOWN_hasInstance,
        [WELL_KNOWN_KEY_ITERATOR] = WELL_KNOWN_iterator,
        [WELL_KNOWN_KEY_ASYNC_ITERATOR] = WELL_KNOWN_asyncIterator,
        [WELL_KNOWN_KEY_TO_STRING_TAG] = WELL_KNOWN_toStringTag,
    };
    Symbol *symbol = vm->well_known_symbols[ids[which]];   /* made by stdlib/es/symbol.c */
    return symbol ? value_from_symbol(symbol) : VALUE_UNDEFINED;
}

/* o[@@toStringTag] = tag, configurable only (e.g. ES2025 27.5.1.5), for the
 * intrinsics vm/ makes itself; nothing while the symbol does not exist. */
bool operators_define_to_string_tag(VM *vm, Object *o, const char *tag)
{
    Value key = operators_well_known_key(vm, WELL_KNOWN_KEY_TO_STRING_TAG);
    if (value_is_undefined(key))
        return true;
    GC_SCOPE(vm->heap);
    String *text = atom_from_cstr(vm, tag);
    GC_ROOT_CELL(vm->heap, text);
    bool ok = text && object_define_data_property(vm, o, key, value_from_string(text), PROP_CONFIGURABLE);
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* ---- Property access on any value ---- */

Object *primitive_prototype(VM *vm, Value value)
{
    IntrinsicId id;
    if (value_is_object(value))
        return value_as_object(value);
    if (value_is_string(value))
        id = INTRINSIC_StringPrototype;
    else if (value_is_number(value))
        id = INTRINSIC_NumberPrototype;
    else if (value_is_boolean(value))
        id = INTRINSIC_BooleanPrototype;
    else if (value_is_symbol(value))
        id = INTRINSIC_SymbolPrototype;
    else if (value_is_bigint(value))
        id = INTRINSIC_BigIntPrototype;
    else
        return NULL;
    Object *prototype = realm_intrinsic(vm, id);
    return prototype ? prototype : realm_intrinsic(vm, INTRINSIC_ObjectPrototype);
}

/* A string's own properties: "length" and its indices (ES2025 10.4.3.5). */
static Value string_own_property(VM *vm, String *s, PropertyKey key)
{
    if (property_key_is_length(vm, key))
        return value_from_int32((int32_t)string_length(s));
    uint32_t index;
    if (property_key_is_index(key, &index) && index < string_length(s)) {
        String *unit = string_substring(vm, s, index, index + 1);
        return unit ? value_from_string(unit) : VALUE_EXCEPTION;
    }
    return VALUE_HOLE;
}

/* ES2025 7.3.3 GetV */
Value value_get_property(VM *vm, Value base, PropertyKey key)
{
    if (value_is_object(base))
        return object_get(vm, value_as_object(base), key, base);
    if (value_is_nullish(base))
        return vm_throw_type_error(vm, "Cannot read properties of %s", value_is_null(base) ? "null" : "undefined");
    if (value_is_string(base)) {
        Value own = string_own_property(vm, value_as_string(base), key);
        if (own != VALUE_HOLE)
            return own;
    }
    Object *prototype = primitive_prototype(vm, base);
    return prototype ? object_get(vm, prototype, key, base) : VALUE_UNDEFINED;
}

/* ES2025 7.3.11 GetMethod */
Value value_get_method(VM *vm, Value base, PropertyKey key)
{
    Value method = value_get_property(vm, base, key);
    if (value_is_exception(method) || value_is_nullish(method))
        return value_is_exception(method) ? method : VALUE_UNDEFINED;
    if (!value_is_callable(method))
        return vm_throw_type_error(vm, "method is not a function");
    return method;
}

/* ---- Conversions (ES2025 7.1) ---- */

/* ES2025 7.1.1.1 OrdinaryToPrimitive */
static Value ordinary_to_primitive(VM *vm, Value object, ToPrimitiveHint hint)
{
    AtomId order[2] = { ATOM_valueOf, ATOM_toString };
    if (hint == TO_PRIMITIVE_STRING) {
        order[0] = ATOM_toString;
        order[1] = ATOM_valueOf;
    }
    for (int i = 0; i < 2; i++) {
        Value method = object_get(vm, value_as_object(object), atom_value(vm, order[i]), object);
        if (value_is_exception(method))
            return VALUE_EXCEPTION;
        if (value_is_callable(method)) {
            Value result = vm_call(vm, method, object, 0, NULL);
            if (value_is_exception(result) || !value_is_object(result))
                return result;
        }
    }
    return vm_throw_type_error(vm, "Cannot convert object to primitive value");
}

/* ES2025 7.1.1 ToPrimitive */
Value value_to_primitive(VM *vm, Value value, ToPrimitiveHint hint)
{
    if (!value_is_object(value))
        return value;
    Value key = operators_well_known_key(vm, WELL_KNOWN_KEY_TO_PRIMITIVE);
    if (!value_is_undefined(key)) {
        GC_SCOPE(vm->heap);
        GC_ROOT(vm->heap, value);
        Value exotic = value_get_method(vm, value, key);
        Value result = exotic;
        if (!value_is_exception(exotic) && !value_is_undefined(exotic)) {
            static const AtomId hint_names[] = { ATOM_default, ATOM_number, ATOM_string };
            Value hint_string = atom_value(vm, hint_names[hint]);
            result = vm_call(vm, exotic, value, 1, &hint_string);
            if (value_is_object(result))
                result = vm_throw_type_error(vm, "Cannot convert object to primitive value");
        }
        GC_SCOPE_END(vm->heap);
        if (value_is_exception(result) || !value_is_undefined(exotic))
            return result;
    }
    return ordinary_to_primitive(vm, value, hint == TO_PRIMITIVE_STRING ? TO_PRIMITIVE_STRING : TO_PRIMITIVE_NUMBER);
}

/* ES2025 7.1.2 ToBoolean */
bool value_to_boolean(Value value)
{
    if (value_is_boolean(value))
        return value_as_boolean(value);
    if (value_is_int32(value))
        return value_as_int32(value) != 0;
    if (value_is_double(value)) {
        double d = value_as_double(value);
        return d == d && d != 0;
    }
    if (value_is_string(value))
        return string_length(value_as_string(value)) != 0;
    if (value_is_nullish(value))
        return false;
    if (value_is_bigint(value))
        return !bigint_is_zero(value_as_bigint(value));
    return true;   /* objects, symbols */
}

/* ES2025 7.1.4 ToNumber of a primitive */
static bool primitive_to_number(VM *vm, Value value, double *result)
{
    if (value_is_number(value)) {       /* what ToPrimitive of an object gave */
        *result = value_as_number(value);
    } else if (value_is_undefined(value)) {
        *result = NAN;
    } else if (value_is_null(value)) {
        *result = 0;
    } else if (value_is_boolean(value)) {
        *result = value_as_boolean(value) ? 1 : 0;
    } else if (value_is_string(value)) {
        if (!string_flatten(vm, value_as_string(value)))
            return false;
        *result = string_to_number(value_as_string(value));
    } else if (value_is_symbol(value)) {
        vm_throw_type_error(vm, "Cannot convert a Symbol value to a number");
        return false;
    } else {
        vm_throw_type_error(vm, "Cannot convert a BigInt value to a number");
        return false;
    }
    return true;
}

bool value_to_number(VM *vm, Value value, double *result)
{
    if (value_is_number(value)) {
        *result = value_as_number(value);
        return true;
    }
    if (value_is_object(value)) {
        value = value_to_primitive(vm, value, TO_PRIMITIVE_NUMBER);
        if (value_is_exception(value))
            return false;
    }
    return primitive_to_number(vm, value, result);
}

/* ES2025 7.1.3 ToNumeric */
Value value_to_numeric(VM *vm, Value value)
{
    if (value_is_number(value) || value_is_bigint(value))
        return value;
    if (value_is_object(value)) {
        value = value_to_primitive(vm, value, TO_PRIMITIVE_NUMBER);
        if (value_is_exception(value) || value_is_bigint(value))
            return value;
    }
    double number;
    if (!primitive_to_number(vm, value, &number))
        return VALUE_EXCEPTION;
    return value_from_number(number);
}

/* ES2025 7.1.6 ToInt32 of a number: modulo 2^32, then signed. */
int32_t number_to_int32(double number)
{
    if (!isfinite(number))
        return 0;
    if (number >= -2147483648.0 && number <= 2147483647.0)
        return (int32_t)number;
    double int_part = fmod(trunc(number), 4294967296.0);
    if (int_part < 0)
        int_part += 4294967296.0;
    return (int32_t)(uint32_t)int_part;
}

bool value_to_int32(VM *vm, Value value, int32_t *result)
{
    if (value_is_int32(value)) {
        *result = value_as_int32(value);
        return true;
    }
    double number;
    if (!value_to_number(vm, value, &number))
        return false;
    *result = number_to_int32(number);
    return true;
}

bool value_to_uint32(VM *vm, Value value, uint32_t *result)
{
    int32_t i;
    if (!value_to_int32(vm, value, &i))
        return false;
    *result = (uint32_t)i;
    return true;
}

/* ES2025 7.1.17 ToString */
String *value_to_string(VM *vm, Value value)
{
    if (value_is_string(value))
        return value_as_string(value);
    if (value_is_number(value))
        return number_to_string(vm, value_as_number(value), 10);
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
        Value primitive = value_to_primitive(vm, value, TO_PRIMITIVE_STRING);
        return value_is_exception(primitive) ? NULL : value_to_string(vm, primitive);
    }
    return bigint_to_string(vm, value_as_bigint(value), 10);
}

/* ES2025 7.1.18 ToObject */
Object *value_to_object(VM *vm, Value value)
{
    if (value_is_object(value))
        return value_as_object(value);
    if (value_is_nullish(value)) {
        vm_throw_type_error(vm, "Cannot convert undefined or null to object");
        return NULL;
    }
    if (!vm->realm || !vm->realm->wrap_primitive) {
        vm_throw_type_error(vm, "primitive wrapper objects are not supported yet");
        return NULL;
    }
    return vm->realm->wrap_primitive(vm, value);
}

Value value_to_property_key(VM *vm, Value value) { return property_key_from_value(vm, value); }

/* ---- Comparisons (ES2025 7.2) ---- */

/* Strings compared by content: 1, 0, or -1 when flattening ran out of memory. */
static int strings_equal(VM *vm, String *a, String *b)
{
    if (a == b)
        return 1;
    if (string_length(a) != string_length(b))
        return 0;
    if (!string_flatten(vm, a) || !string_flatten(vm, b))
        return -1;
    return string_equals(a, b);
}

/* ES2025 7.2.15 IsStrictlyEqual */
int value_is_strictly_equal(VM *vm, Value x, Value y)
{
    if (value_is_number(x) && value_is_number(y))
        return value_as_number(x) == value_as_number(y);
    if (value_is_string(x) && value_is_string(y))
        return strings_equal(vm, value_as_string(x), value_as_string(y));
    if (value_is_bigint(x) && value_is_bigint(y))
        return bigint_equals(value_as_bigint(x), value_as_bigint(y));
    return x == y;
}

/* ES2025 7.2.10 SameValue */
int value_same_value(VM *vm, Value x, Value y) { return property_same_value(vm, x, y); }

/* The ECMAScript language type of v (ES2025 6.1), for "Type(x) is Type(y)". */
typedef enum LanguageType { TYPE_UNDEFINED, TYPE_NULL, TYPE_BOOLEAN, TYPE_NUMBER, TYPE_STRING,
                            TYPE_SYMBOL, TYPE_BIGINT, TYPE_OBJECT } LanguageType;

static LanguageType language_type(Value v)
{
    if (value_is_number(v))
        return TYPE_NUMBER;
    if (value_is_boolean(v))
        return TYPE_BOOLEAN;
    if (value_is_null(v))
        return TYPE_NULL;
    switch (value_tag(v)) {
    case VALUE_TAG_STRING: return TYPE_STRING;
    case VALUE_TAG_SYMBOL: return TYPE_SYMBOL;
    case VALUE_TAG_BIGINT: return TYPE_BIGINT;
    case VALUE_TAG_OBJECT: return TYPE_OBJECT;
    default: return TYPE_UNDEFINED;
    }
}

static bool is_primitive_for_equality(Value v)
{
    return value_is_string(v) || value_is_number(v) || value_is_bigint(v) || value_is_symbol(v);
}

/* StringToBigInt(string) (ES2025 7.1.14), or VALUE_UNDEFINED when the
 * string is no integer; keeps other rooted while it allocates. */
static Value string_to_bigint_keeping(VM *vm, Value string, Value other)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, other);
    Value result = bigint_from_string(vm, value_as_string(string));
    GC_SCOPE_END(vm->heap);
    return result;
}

/* A BigInt and a String (IsLooselyEqual steps 7 and 8): 1, 0 or -1. */
static int bigint_loosely_equals_string(VM *vm, Value bigint, Value string)
{
    Value n = string_to_bigint_keeping(vm, string, bigint);
    if (value_is_exception(n))
        return -1;
    return !value_is_undefined(n) && bigint_equals(value_as_bigint(bigint), value_as_bigint(n));
}

/* A BigInt and a Number (IsLooselyEqual step 13): false for NaN and the
 * infinities, else whether the mathematical values are equal. */
static bool bigint_equals_number(Value bigint, Value number)
{
    double d = value_as_number(number);
    if (d != d || isinf(d))
        return false;
    return bigint_compare_number(value_as_bigint(bigint), d) == 0;
}

/* ES2025 7.2.14 IsLooselyEqual */
int value_is_loosely_equal(VM *vm, Value x, Value y)
{
    if (language_type(x) == language_type(y))
        return value_is_strictly_equal(vm, x, y);
    if (value_is_nullish(x) && value_is_nullish(y))
        return 1;
    double nx, ny;
    if (value_is_number(x) && value_is_string(y)) {
        if (!value_to_number(vm, y, &ny))
            return -1;
        return value_as_number(x) == ny;
    }
    if (value_is_string(x) && value_is_number(y)) {
        if (!value_to_number(vm, x, &nx))
            return -1;
        return nx == value_as_number(y);
    }
    if (value_is_bigint(x) && value_is_string(y))
        return bigint_loosely_equals_string(vm, x, y);
    if (value_is_string(x) && value_is_bigint(y))
        return bigint_loosely_equals_string(vm, y, x);
    if (value_is_boolean(x))
        return value_is_loosely_equal(vm, value_from_int32(value_as_boolean(x)), y);
    if (value_is_boolean(y))
        return value_is_loosely_equal(vm, x, value_from_int32(value_as_boolean(y)));
    if (is_primitive_for_equality(x) && value_is_object(y)) {
        Value py = value_to_primitive(vm, y, TO_PRIMITIVE_DEFAULT);
        return value_is_exception(py) ? -1 : value_is_loosely_equal(vm, x, py);
    }
    if (value_is_object(x) && is_primitive_for_equality(y)) {
        Value px = value_to_primitive(vm, x, TO_PRIMITIVE_DEFAULT);
        return value_is_exception(px) ? -1 : value_is_loosely_equal(vm, px, y);
    }
    if (value_is_bigint(x) && value_is_number(y))
        return bigint_equals_number(x, y);
    if (value_is_number(x) && value_is_bigint(y))
        return bigint_equals_number(y, x);
    return 0;
}

/* IsLessThan (ES2025 7.2.13) steps 4.d-4.j on two numerics: Number::lessThan,
 * BigInt::lessThan, or the exact comparison of a BigInt and a Number. */
static int numeric_less_than(Value x, Value y)
{
    if (value_is_bigint(x) && value_is_bigint(y))
        return bigint_compare(value_as_bigint(x), value_as_bigint(y)) < 0;
    if (value_is_bigint(x)) {
        double ny = value_as_number(y);
        return ny != ny ? LESS_THAN_UNDEFINED : bigint_compare_number(value_as_bigint(x), ny) < 0;
    }
    if (value_is_bigint(y)) {
        double nx = value_as_number(x);
        return nx != nx ? LESS_THAN_UNDEFINED : bigint_compare_number(value_as_bigint(y), nx) > 0;
    }
    double nx = value_as_number(x), ny = value_as_number(y);
    return (nx != nx || ny != ny) ? LESS_THAN_UNDEFINED : nx < ny;
}

/* ES2025 7.2.13 IsLessThan */
int value_is_less_than(VM *vm, Value x, Value y, bool left_first)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, x);
    GC_ROOT(vm->heap, y);
    int result = -1;
    Value *first = left_first ? &x : &y, *second = left_first ? &y : &x;
    *first = value_to_primitive(vm, *first, TO_PRIMITIVE_NUMBER);
    if (value_is_exception(*first))
        goto done;
    *second = value_to_primitive(vm, *second, TO_PRIMITIVE_NUMBER);
    if (value_is_exception(*second))
        goto done;
    if (value_is_string(x) && value_is_string(y)) {
        if (!string_flatten(vm, value_as_string(x)) || !string_flatten(vm, value_as_string(y)))
            goto done;
        result = string_compare(value_as_string(x), value_as_string(y)) < 0;
        goto done;
    }
    if (value_is_bigint(x) && value_is_string(y)) {
        Value ny = string_to_bigint_keeping(vm, y, x);
        if (!value_is_exception(ny))
            result = value_is_undefined(ny) ? LESS_THAN_UNDEFINED
                                            : bigint_compare(value_as_bigint(x), value_as_bigint(ny)) < 0;
        goto done;
    }
    if (value_is_string(x) && value_is_bigint(y)) {
        Value nx = string_to_bigint_keeping(vm, x, y);
        if (!value_is_exception(nx))
            result = value_is_undefined(nx) ? LESS_THAN_UNDEFINED
                                            : bigint_compare(value_as_bigint(nx), value_as_bigint(y)) < 0;
        goto done;
    }
    x = value_to_numeric(vm, x);
    if (value_is_exception(x))
        goto done;
    y = value_to_numeric(vm, y);
    if (value_is_exception(y))
        goto done;
    result = numeric_less_than(x, y);
done:
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ---- Arithmetic ---- */

/* ES2025 6.1.6.1.3 Number::exponentiate: C's pow differs only here. */
static double number_exponentiate(double base, double exponent)
{
    if (exponent != exponent)
        return NAN;
    if (exponent == 0)
        return 1;
    if ((base == 1 || base == -1) && isinf(exponent))
        return NAN;
    return pow(base, exponent);
}

static uint32_t shift_count(double count) { return (uint32_t)number_to_int32(count) & 31; }

Value number_binary(BinaryOperator op, double left, double right)
{
    switch (op) {
    case BINARY_ADD: return value_from_number(left + right);
    case BINARY_SUB: return value_from_number(left - right);
    case BINARY_MUL: return value_from_number(left * right);
    case BINARY_DIV: return value_from_number(left / right);
    case BINARY_MOD: return value_from_number(fmod(left, right));
    case BINARY_EXP: return value_from_number(number_exponentiate(left, right));
    case BINARY_BIT_AND: return value_from_int32(number_to_int32(left) & number_to_int32(right));
    case BINARY_BIT_OR: return value_from_int32(number_to_int32(left) | number_to_int32(right));
    case BINARY_BIT_XOR: return value_from_int32(number_to_int32(left) ^ number_to_int32(right));
    case BINARY_SHL:
        return value_from_int32((int32_t)((uint32_t)number_to_int32(left) << shift_count(right)));
    case BINARY_SAR: return value_from_int32(number_to_int32(left) >> shift_count(right));
    case BINARY_SHR: return value_from_number((double)((uint32_t)number_to_int32(left) >> shift_count(right)));
    }
    return VALUE_UNDEFINED;
}

/* The string concatenation of ADD (ES2025 13.15.3 step 1.c). */
static Value concatenate(VM *vm, Value left, Value right)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, left);
    GC_ROOT(vm->heap, right);
    Value result = VALUE_EXCEPTION;
    String *ls = value_to_string(vm, left);
    if (ls) {
        left = value_from_string(ls);
        String *rs = value_to_string(vm, right);
        if (rs) {
            right = value_from_string(rs);
            String *joined = string_concat(vm, ls, rs);
            if (joined)
                result = value_from_string(joined);
        }
    }
    GC_SCOPE_END(vm->heap);
    return result;
}

/* The BigInt:: operation of op (ES2025 13.15.3 step 7's table, BigInt rows). */
static Value bigint_binary(VM *vm, BinaryOperator op, BigInt *left, BigInt *right)
{
    BigInt *result = NULL;
    switch (op) {
    case BINARY_ADD: result = bigint_add(vm, left, right); break;
    case BINARY_SUB: result = bigint_subtract(vm, left, right); break;
    case BINARY_MUL: result = bigint_multiply(vm, left, right); break;
    case BINARY_DIV: result = bigint_divide(vm, left, right); break;
    case BINARY_MOD: result = bigint_remainder(vm, left, right); break;
    case BINARY_EXP: result = bigint_exponentiate(vm, left, right); break;
    case BINARY_BIT_AND: result = bigint_bitwise_and(vm, left, right); break;
    case BINARY_BIT_OR: result = bigint_bitwise_or(vm, left, right); break;
    case BINARY_BIT_XOR: result = bigint_bitwise_xor(vm, left, right); break;
    case BINARY_SHL: result = bigint_left_shift(vm, left, right); break;
    case BINARY_SAR: result = bigint_signed_right_shift(vm, left, right); break;
    case BINARY_SHR:
        /* ES2025 6.1.6.2.11 BigInt::unsignedRightShift */
        return vm_throw_type_error(vm, "BigInts have no unsigned right shift, use >> instead");
    }
    return result ? value_from_bigint(result) : VALUE_EXCEPTION;
}

/* ES2025 13.15.3 ApplyStringOrNumericBinaryOperator */
Value operator_binary(VM *vm, BinaryOperator op, Value left, Value right)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, left);
    GC_ROOT(vm->heap, right);
    Value result = VALUE_EXCEPTION;
    if (op == BINARY_ADD) {
        left = value_to_primitive(vm, left, TO_PRIMITIVE_DEFAULT);
        if (value_is_exception(left))
            goto done;
        right = value_to_primitive(vm, right, TO_PRIMITIVE_DEFAULT);
        if (value_is_exception(right))
            goto done;
        if (value_is_string(left) || value_is_string(right)) {
            result = concatenate(vm, left, right);
            goto done;
        }
    }
    left = value_to_numeric(vm, left);
    if (value_is_exception(left))
        goto done;
    right = value_to_numeric(vm, right);
    if (value_is_exception(right))
        goto done;
    if (value_is_bigint(left) != value_is_bigint(right))
        vm_throw_type_error(vm, "Cannot mix BigInt and other types, use explicit conversions");
    else if (value_is_bigint(left))
        result = bigint_binary(vm, op, value_as_bigint(left), value_as_bigint(right));
    else
        result = number_binary(op, value_as_number(left), value_as_number(right));
done:
    GC_SCOPE_END(vm->heap);
    return result;
}

typedef enum UnaryOperator { UNARY_MINUS, UNARY_BIT_NOT, UNARY_INCREMENT, UNARY_DECREMENT } UnaryOperator;

/* The BigInt:: operation of a unary operator; numeric stays rooted while
 * the result is allocated (it may be the fresh result of a valueOf). */
static Value bigint_unary(VM *vm, UnaryOperator op, Value numeric)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, numeric);
    BigInt *x = value_as_bigint(numeric), *result;
    switch (op) {
    case UNARY_MINUS: result = bigint_unary_minus(vm, x); break;
    case UNARY_BIT_NOT: result = bigint_bitwise_not(vm, x); break;
    case UNARY_INCREMENT: result = bigint_add_small(vm, x, 1); break;
    default: result = bigint_add_small(vm, x, -1); break;
    }
    GC_SCOPE_END(vm->heap);
    return result ? value_from_bigint(result) : VALUE_EXCEPTION;
}

/* ES2025 13.5.5 Unary - */
Value operator_negate(VM *vm, Value value)
{
    Value numeric = value_to_numeric(vm, value);
    if (value_is_exception(numeric))
        return numeric;
    if (value_is_bigint(numeric))
        return bigint_unary(vm, UNARY_MINUS, numeric);   /* 6.1.6.2.1 BigInt::unaryMinus */
    return value_from_number(-value_as_number(numeric));
}

/* ES2025 13.5.6 Bitwise NOT */
Value operator_bitwise_not(VM *vm, Value value)
{
    Value numeric = value_to_numeric(vm, value);
    if (value_is_exception(numeric))
        return numeric;
    if (value_is_bigint(numeric))
        return bigint_unary(vm, UNARY_BIT_NOT, numeric);   /* 6.1.6.2.2 BigInt::bitwiseNOT */
    return value_from_int32(~number_to_int32(value_as_number(numeric)));
}

/* ++ and -- (ES2025 13.4.2-13.4.5): Number::add or BigInt::add of 1 or -1. */
Value operator_increment(VM *vm, Value value, int delta)
{
    Value numeric = value_to_numeric(vm, value);
    if (value_is_exception(numeric))
        return numeric;
    if (value_is_bigint(numeric))
        return bigint_unary(vm, delta > 0 ? UNARY_INCREMENT : UNARY_DECREMENT, numeric);
    return value_from_number(value_as_number(numeric) + delta);
}

/* ES2025 13.5.3 The typeof Operator */
Value operator_typeof(VM *vm, Value value)
{
    AtomId id;
    if (value_is_undefined(value) || value_is_hole(value))
        id = ATOM_undefined;
    else if (value_is_null(value))
        id = ATOM_object;
    else if (value_is_boolean(value))
        id = ATOM_boolean;
    else if (value_is_number(value))
        id = ATOM_number;
    else if (value_is_string(value))
        id = ATOM_string;
    else if (value_is_symbol(value))
        id = ATOM_symbol;
    else if (value_is_bigint(value))
        id = ATOM_bigint;
    else
        id = value_is_callable(value) ? ATOM_function : ATOM_object;
    return atom_value(vm, id);
}

/* ES2025 7.3.22 OrdinaryHasInstance */
Value ordinary_has_instance(VM *vm, Value constructor, Value value)
{
    if (!value_is_callable(constructor))
        return VALUE_FALSE;
    /* TODO(builtins): bound functions: InstanceofOperator(O, BC.[[BoundTargetFunction]]). */
    if (!value_is_object(value))
        return VALUE_FALSE;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, value);
    Value prototype = object_get(vm, value_as_object(constructor), atom_value(vm, ATOM_prototype), constructor);
    GC_ROOT(vm->heap, prototype);
    Value result = VALUE_EXCEPTION;
    if (value_is_exception(prototype))
        goto done;
    if (!value_is_object(prototype)) {
        vm_throw_type_error(vm, "Function has non-object prototype '%s' in instanceof check",
                            value_is_undefined(prototype) ? "undefined" : "null");
        goto done;
    }
    for (;;) {
        value = object_get_prototype_of(vm, value_as_object(value));
        if (value_is_exception(value))
            goto done;
        if (value_is_null(value)) {
            result = VALUE_FALSE;
            goto done;
        }
        if (value == prototype) {
            result = VALUE_TRUE;
            goto done;
        }
    }
done:
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ES2025 13.10.2 InstanceofOperator */
Value operator_instanceof(VM *vm, Value value, Value target)
{
    if (!value_is_object(target))
        return vm_throw_type_error(vm, "Right-hand side of 'instanceof' is not an object");
    Value key = operators_well_known_key(vm, WELL_KNOWN_KEY_HAS_INSTANCE);
    if (!value_is_undefined(key)) {
        GC_SCOPE(vm->heap);
        GC_ROOT(vm->heap, value);
        GC_ROOT(vm->heap, target);
        Value handler = value_get_method(vm, target, key);
        Value result = handler;
        if (!value_is_exception(handler) && !value_is_undefined(handler)) {
            result = vm_call(vm, handler, target, 1, &value);
            if (!value_is_exception(result))
                result = value_from_boolean(value_to_boolean(result));
        }
        GC_SCOPE_END(vm->heap);
        if (value_is_exception(result) || !value_is_undefined(handler))
            return result;
    }
    if (!value_is_callable(target))
        return vm_throw_type_error(vm, "Right-hand side of 'instanceof' is not callable");
    return ordinary_has_instance(vm, target, value);
}

/* ES2025 13.10.1 RelationalExpression : RelationalExpression in ShiftExpression */
Value operator_in(VM *vm, Value key, Value target)
{
    if (!value_is_object(target))
        return vm_throw_type_error(vm, "Cannot use 'in' operator to search for a key in a non-object");
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, target);
    Value property = value_to_property_key(vm, key);
    Value result = VALUE_EXCEPTION;
    if (!value_is_exception(property)) {
        int has = object_has_property(vm, value_as_object(target), property);
        if (has >= 0)
            result = value_from_boolean(has);
    }
    GC_SCOPE_END(vm->heap);
    return result;
}
