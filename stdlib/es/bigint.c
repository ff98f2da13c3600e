/*
 * BigInt (ES2025 21.2): the BigInt function, BigInt.asIntN and
 * BigInt.asUintN, BigInt.prototype, and ToBigInt (7.1.13). The values
 * themselves and their arithmetic are the VM's (vm/bigint.h).
 */
#include <stdlib.h>
#include <string.h>

#include "stdlib/es/builtin.h"
#include "stdlib/es/primitive_object.h"
#include "vm/bigint.h"

#define ARGS VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target

static Value bigint_value(BigInt *b) { return b ? value_from_bigint(b) : VALUE_EXCEPTION; }

/* TypeError or SyntaxError "Cannot convert <value> to a BigInt", V8's words. */
static Value throw_cannot_convert(VM *vm, ErrorKind kind, Value value)
{
    char *text = es_describe_value(vm, value);
    vm_throw_error(vm, kind, "Cannot convert %s to a BigInt", text ? text : "value");
    free(text);
    return VALUE_EXCEPTION;
}

/* ES2025 7.1.13 ToBigInt ( argument ) */
Value es_to_bigint(VM *vm, Value argument)
{
    Value prim = es_to_primitive(vm, argument, TO_PRIMITIVE_NUMBER);
    if (value_is_exception(prim) || value_is_bigint(prim))
        return prim;
    if (value_is_boolean(prim))
        return bigint_value(bigint_from_int64(vm, value_as_boolean(prim) ? 1 : 0));
    if (value_is_string(prim)) {
        Value n = bigint_from_string(vm, value_as_string(prim));
        return value_is_undefined(n) ? throw_cannot_convert(vm, ERROR_KIND_SYNTAX, prim) : n;
    }
    /* undefined, null, Number, Symbol */
    return throw_cannot_convert(vm, ERROR_KIND_TYPE, prim);
}

/* ES2025 21.2.1.1.1 NumberToBigInt ( number ) */
static Value number_to_bigint(VM *vm, double number)
{
    if (number != number || isinf(number) || trunc(number) != number) {
        char text[40];
        number_format(number, text);
        return vm_throw_range_error(vm, "The number %s cannot be converted to a BigInt because it is not an integer",
                                    text);
    }
    return bigint_value(bigint_from_integral_double(vm, number));
}

/* ES2025 21.2.1.1 BigInt ( value ) */
static Value bigint_constructor(ARGS)
{
    (void)this_value;
    if (new_target)
        return vm_throw_type_error(vm, "BigInt is not a constructor");
    Value prim = es_to_primitive(vm, es_arg(argc, argv, 0), TO_PRIMITIVE_NUMBER);
    if (value_is_exception(prim))
        return prim;
    if (value_is_number(prim))
        return number_to_bigint(vm, value_as_number(prim));
    return es_to_bigint(vm, prim);
}

/* ES2025 7.1.22 ToIndex ( value ) */
static bool to_index(VM *vm, Value value, uint64_t *index)
{
    double integer;
    if (!es_to_integer_or_infinity(vm, value, &integer))
        return false;
    if (integer < 0 || integer > ES_MAX_SAFE_INTEGER) {
        vm_throw_range_error(vm, "Invalid value: not (convertible to) a safe integer");
        return false;
    }
    *index = (uint64_t)integer;
    return true;
}

/* Steps 1-2 of asIntN and asUintN: bits = ToIndex(bits), then
 * bigint = ToBigInt(bigint). */
static Value as_n_arguments(VM *vm, uint32_t argc, const Value *argv, uint64_t *bits)
{
    if (!to_index(vm, es_arg(argc, argv, 0), bits))
        return VALUE_EXCEPTION;
    return es_to_bigint(vm, es_arg(argc, argv, 1));
}

/* asIntN and asUintN: the arguments, then wrap (bigint_as_int_n or
 * bigint_as_uint_n). */
static Value as_n(VM *vm, uint32_t argc, const Value *argv, BigInt *(*wrap)(VM *, uint64_t, BigInt *))
{
    uint64_t bits;
    Value bigint = as_n_arguments(vm, argc, argv, &bits);
    if (value_is_exception(bigint))
        return bigint;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, bigint);
    Value result = bigint_value(wrap(vm, bits, value_as_bigint(bigint)));
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ES2025 21.2.2.1 BigInt.asIntN ( bits, bigint ) */
static Value bigint_as_int_n_builtin(ARGS)
{
    (void)this_value, (void)new_target;
    return as_n(vm, argc, argv, bigint_as_int_n);
}

/* ES2025 21.2.2.2 BigInt.asUintN ( bits, bigint ) */
static Value bigint_as_uint_n_builtin(ARGS)
{
    (void)this_value, (void)new_target;
    return as_n(vm, argc, argv, bigint_as_uint_n);
}

/* ---- BigInt.prototype ---- */

/* ES2025 21.2.3.4.1 ThisBigIntValue ( value ) */
static Value this_bigint_value(VM *vm, Value value, const char *method)
{
    Value b;
    if (value_is_bigint(value))
        return value;
    if (primitive_object_unwrap(value, &bigint_object_class, &b))
        return b;
    return vm_throw_type_error(vm, "%s requires that 'this' be a BigInt", method);
}

/* ES2025 21.2.3.3 BigInt.prototype.toString ( [ radix ] ) */
static Value bigint_proto_to_string(ARGS)
{
    (void)new_target;
    Value x = this_bigint_value(vm, this_value, "BigInt.prototype.toString");
    if (value_is_exception(x))
        return x;
    double radix = 10;
    Value radix_arg = es_arg(argc, argv, 0);
    if (!value_is_undefined(radix_arg) && !es_to_integer_or_infinity(vm, radix_arg, &radix))
        return VALUE_EXCEPTION;
    if (radix < 2 || radix > 36)
        return vm_throw_range_error(vm, "toString() radix argument must be between 2 and 36");
    /* x is this_value or its [[BigIntData]]: rooted through this_value */
    String *s = bigint_to_string(vm, value_as_bigint(x), (unsigned)radix);
    return s ? value_from_string(s) : VALUE_EXCEPTION;
}

/* "1234567" as "1,234,567": node's en-US grouping. malloc'd. */
static char *group_thousands(const char *digits, size_t length)
{
    size_t sign = digits[0] == '-' ? 1 : 0;
    size_t count = length - sign;
    char *out = malloc(length + count / 3 + 1);
    if (!out)
        return NULL;
    char *p = out;
    if (sign)
        *p++ = '-';
    for (size_t i = 0; i < count; i++) {
        if (i > 0 && (count - i) % 3 == 0)
            *p++ = ',';
        *p++ = digits[sign + i];
    }
    *p = '\0';
    return out;
}

/* ES2025 21.2.3.2 BigInt.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] ):
 * en-US, as node without a locale argument. */
static Value bigint_proto_to_locale_string(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    Value x = this_bigint_value(vm, this_value, "BigInt.prototype.toLocaleString");
    if (value_is_exception(x))
        return x;
    size_t length;
    char *digits = bigint_format(value_as_bigint(x), 10, &length);
    char *grouped = digits ? group_thousands(digits, length) : NULL;
    free(digits);
    if (!grouped)
        return vm_throw_out_of_memory(vm);
    String *s = string_from_cstr(vm, grouped);
    free(grouped);
    return s ? value_from_string(s) : VALUE_EXCEPTION;
}

/* ES2025 21.2.3.4 BigInt.prototype.valueOf ( ) */
static Value bigint_proto_value_of(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    return this_bigint_value(vm, this_value, "BigInt.prototype.valueOf");
}

static bool install_statics(VM *vm, Realm *realm, Object *ctor)
{
    (void)realm;
    return es_define_method(vm, ctor, "asIntN", bigint_as_int_n_builtin, 2)
           && es_define_method(vm, ctor, "asUintN", bigint_as_uint_n_builtin, 2);
}

static bool install_prototype(VM *vm, Realm *realm, Object *proto)
{
    (void)realm;
    return es_define_method(vm, proto, "toLocaleString", bigint_proto_to_locale_string, 0)
           && es_define_method(vm, proto, "toString", bigint_proto_to_string, 0)
           && es_define_method(vm, proto, "valueOf", bigint_proto_value_of, 0)
           && es_define_to_string_tag(vm, proto, "BigInt");
}

bool stdlib_install_bigint(VM *vm, Realm *realm)
{
    Object *proto = es_ensure_intrinsic(vm, realm, INTRINSIC_BigIntPrototype,
                                        realm->intrinsics[INTRINSIC_ObjectPrototype]);
    Object *ctor = proto ? es_define_constructor(vm, realm, "BigInt", bigint_constructor, 1, proto) : NULL;
    if (!ctor)
        return false;
    /* the properties are made on first use (vm/lazy_holder.c) */
    return realm_defer_constructor(vm, realm, ctor, install_statics, proto, install_prototype);
}
