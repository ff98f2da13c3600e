/*
 * Number (ES2025 21.1): the constructor, its constants and predicates,
 * Number.prototype, and the global functions isNaN, isFinite, parseInt and
 * parseFloat (ES2025 19.2), which Number.parseInt/parseFloat share.
 */
#include <stdlib.h>
#include <string.h>

#include "stdlib/es/builtin.h"
#include "vm/bigint.h"
#include "stdlib/es/number_format.h"
#include "stdlib/es/primitive_object.h"

#define ARGS VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target

/* ES2025 21.1.3.7.1 ThisNumberValue ( value ); false after throwing. */
static bool this_number_value(VM *vm, Value value, const char *method, double *x)
{
    Value primitive = value;
    if (value_is_number(value) || primitive_object_unwrap(value, &number_object_class, &primitive)) {
        *x = value_as_number(primitive);
        return true;
    }
    vm_throw_type_error(vm, "%s requires that 'this' be a Number", method);
    return false;
}

static Value string_value(VM *vm, const char *text)
{
    String *s = string_from_cstr(vm, text);
    return s ? value_from_string(s) : VALUE_EXCEPTION;
}

static Value number_string(VM *vm, double x)
{
    String *s = es_number_to_string(vm, x);
    return s ? value_from_string(s) : VALUE_EXCEPTION;
}

/* ES2025 21.1.1.1 Number ( value ) */
static Value number_constructor(ARGS)
{
    (void)this_value;
    double n = 0;
    if (argc > 0) {
        Value prim;
        if (!es_to_numeric(vm, argv[0], &prim))
            return VALUE_EXCEPTION;
        /* step 1.b: 𝔽(ℝ(prim)) for a BigInt */
        n = value_is_bigint(prim) ? bigint_to_double(value_as_bigint(prim)) : value_as_number(prim);
    }
    if (!new_target)
        return value_from_number(n);
    Object *proto = es_prototype_from_constructor(vm, new_target, INTRINSIC_NumberPrototype);
    Object *o = proto ? primitive_object_new(vm, &number_object_class, value_from_number(n), proto) : NULL;
    return o ? value_from_object(o) : VALUE_EXCEPTION;
}

/* ---- Number.prototype ---- */

/* ES2025 21.1.3.3 Number.prototype.toFixed ( fractionDigits ) */
static Value number_proto_to_fixed(ARGS)
{
    (void)new_target;
    double x, f;
    if (!this_number_value(vm, this_value, "Number.prototype.toFixed", &x)
        || !es_to_integer_or_infinity(vm, es_arg(argc, argv, 0), &f))
        return VALUE_EXCEPTION;
    if (f < 0 || f > 100)
        return vm_throw_range_error(vm, "toFixed() digits argument must be between 0 and 100");
    if (!isfinite(x) || fabs(x) >= 1e21)
        return number_string(vm, x);
    char text[NUMBER_TEXT_MAX];
    number_to_fixed(x, (int)f, text);
    return string_value(vm, text);
}

/* ES2025 21.1.3.2 Number.prototype.toExponential ( fractionDigits ) */
static Value number_proto_to_exponential(ARGS)
{
    (void)new_target;
    double x, f;
    Value digits = es_arg(argc, argv, 0);
    if (!this_number_value(vm, this_value, "Number.prototype.toExponential", &x)
        || !es_to_integer_or_infinity(vm, digits, &f))
        return VALUE_EXCEPTION;
    if (!isfinite(x))
        return number_string(vm, x);
    if (f < 0 || f > 100)
        return vm_throw_range_error(vm, "toExponential() argument must be between 0 and 100");
    char text[NUMBER_TEXT_MAX];
    number_to_exponential(x, value_is_undefined(digits) ? -1 : (int)f, text);
    return string_value(vm, text);
}

/* ES2025 21.1.3.5 Number.prototype.toPrecision ( precision ) */
static Value number_proto_to_precision(ARGS)
{
    (void)new_target;
    double x, p;
    Value precision = es_arg(argc, argv, 0);
    if (!this_number_value(vm, this_value, "Number.prototype.toPrecision", &x))
        return VALUE_EXCEPTION;
    if (value_is_undefined(precision))
        return number_string(vm, x);
    if (!es_to_integer_or_infinity(vm, precision, &p))
        return VALUE_EXCEPTION;
    if (!isfinite(x))
        return number_string(vm, x);
    if (p < 1 || p > 100)
        return vm_throw_range_error(vm, "toPrecision() argument must be between 1 and 100");
    char text[NUMBER_TEXT_MAX];
    number_to_precision(x, (int)p, text);
    return string_value(vm, text);
}

/* ES2025 21.1.3.6 Number.prototype.toString ( [ radix ] ) */
static Value number_proto_to_string(ARGS)
{
    (void)new_target;
    double x, radix = 10;
    Value radix_arg = es_arg(argc, argv, 0);
    if (!this_number_value(vm, this_value, "Number.prototype.toString", &x))
        return VALUE_EXCEPTION;
    if (!value_is_undefined(radix_arg) && !es_to_integer_or_infinity(vm, radix_arg, &radix))
        return VALUE_EXCEPTION;
    if (radix < 2 || radix > 36)
        return vm_throw_range_error(vm, "toString() radix argument must be between 2 and 36");
    if (radix == 10)
        return number_string(vm, x);
    String *s = number_to_string(vm, x, (int)radix);
    return s ? value_from_string(s) : VALUE_EXCEPTION;
}

/* ES2025 21.1.3.4 Number.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] ):
 * en-US, as node without a locale argument. */
static Value number_proto_to_locale_string(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    double x;
    if (!this_number_value(vm, this_value, "Number.prototype.toLocaleString", &x))
        return VALUE_EXCEPTION;
    char text[NUMBER_TEXT_MAX];
    number_to_locale(x, text);
    String *s = string_from_utf8(vm, text, strlen(text));
    return s ? value_from_string(s) : VALUE_EXCEPTION;
}

/* ES2025 21.1.3.7 Number.prototype.valueOf ( ) */
static Value number_proto_value_of(ARGS)
{
    (void)argc, (void)argv, (void)new_target;
    double x;
    if (!this_number_value(vm, this_value, "Number.prototype.valueOf", &x))
        return VALUE_EXCEPTION;
    return value_from_number(x);
}

/* ---- Number's predicates (no conversion) ---- */

/* ES2025 21.1.2.2 Number.isFinite ( number ) */
static Value number_is_finite(ARGS)
{
    (void)vm, (void)this_value, (void)new_target;
    Value v = es_arg(argc, argv, 0);
    return value_from_boolean(value_is_number(v) && isfinite(value_as_number(v)));
}

/* ES2025 21.1.2.3 Number.isInteger ( number ) */
static Value number_is_integer(ARGS)
{
    (void)vm, (void)this_value, (void)new_target;
    Value v = es_arg(argc, argv, 0);
    double d = value_is_number(v) ? value_as_number(v) : NAN;
    return value_from_boolean(isfinite(d) && d == trunc(d));
}

/* ES2025 21.1.2.4 Number.isNaN ( number ) */
static Value number_is_nan(ARGS)
{
    (void)vm, (void)this_value, (void)new_target;
    Value v = es_arg(argc, argv, 0);
    return value_from_boolean(value_is_number(v) && value_as_number(v) != value_as_number(v));
}

/* ES2025 21.1.2.5 Number.isSafeInteger ( number ) */
static Value number_is_safe_integer(ARGS)
{
    (void)vm, (void)this_value, (void)new_target;
    Value v = es_arg(argc, argv, 0);
    double d = value_is_number(v) ? value_as_number(v) : NAN;
    return value_from_boolean(isfinite(d) && d == trunc(d) && fabs(d) <= ES_MAX_SAFE_INTEGER);
}

/* ---- Global functions (ES2025 19.2) ---- */

/* ES2025 19.2.3 isNaN ( number ) */
static Value global_is_nan(ARGS)
{
    (void)this_value, (void)new_target;
    double d;
    if (!es_to_number(vm, es_arg(argc, argv, 0), &d))
        return VALUE_EXCEPTION;
    return value_from_boolean(d != d);
}

/* ES2025 19.2.2 isFinite ( number ) */
static Value global_is_finite(ARGS)
{
    (void)this_value, (void)new_target;
    double d;
    if (!es_to_number(vm, es_arg(argc, argv, 0), &d))
        return VALUE_EXCEPTION;
    return value_from_boolean(isfinite(d));
}

/* The index of the first non-whitespace unit of s. */
static uint32_t skip_whitespace(String *s)
{
    uint32_t i = 0, len = string_length(s);
    while (i < len && number_is_str_whitespace(string_char_at(s, i)))
        i++;
    return i;
}

static int digit_value(uint16_t c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

/* The value of the digits s[start, end) in radix: exact through strtod for
 * radix 10, by powers of two for 2/4/8/16/32 (exact while it fits),
 * multiply-add otherwise (what the spec allows past 20 digits). */
static double digits_value(String *s, uint32_t start, uint32_t end, int radix)
{
    if (radix == 10) {
        char buf[400];
        uint32_t n = end - start < sizeof buf - 1 ? end - start : (uint32_t)sizeof buf - 1;
        for (uint32_t i = 0; i < n; i++)
            buf[i] = (char)string_char_at(s, start + i);
        buf[n] = 0;
        double value = strtod(buf, NULL);
        for (uint32_t i = n; i < end - start; i++)
            value *= 10;
        return value;
    }
    double value = 0;
    for (uint32_t i = start; i < end; i++)
        value = value * radix + digit_value(string_char_at(s, i));
    return value;
}

/* ES2025 19.2.5 parseInt ( string, radix ) */
static Value global_parse_int(ARGS)
{
    (void)this_value, (void)new_target;
    String *s = es_to_flat_string(vm, es_arg(argc, argv, 0));
    if (!s)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, s);
    int32_t r;
    bool ok = es_to_int32(vm, es_arg(argc, argv, 1), &r);
    GC_SCOPE_END(vm->heap);
    if (!ok)
        return VALUE_EXCEPTION;
    uint32_t i = skip_whitespace(s), len = string_length(s);
    bool negative = false;
    if (i < len && (string_char_at(s, i) == '-' || string_char_at(s, i) == '+'))
        negative = string_char_at(s, i++) == '-';
    bool strip_prefix = true;
    if (r != 0) {
        if (r < 2 || r > 36)
            return value_from_double(NAN);
        strip_prefix = r == 16;
    } else {
        r = 10;
    }
    if (strip_prefix && i + 1 < len && string_char_at(s, i) == '0'
        && (string_char_at(s, i + 1) == 'x' || string_char_at(s, i + 1) == 'X')) {
        i += 2;
        r = 16;
    }
    uint32_t end = i;
    while (end < len && digit_value(string_char_at(s, end)) < r)
        end++;
    if (end == i)
        return value_from_double(NAN);
    double value = digits_value(s, i, end, r);
    return value_from_number(negative ? -value : value);
}

/* The length of the longest prefix of s from i that is a
 * StrDecimalLiteral without its sign (ES2025 7.1.4.1), 0 when none. */
static uint32_t decimal_literal_length(String *s, uint32_t i)
{
    uint32_t len = string_length(s), start = i, digits = 0;
    static const char infinity[] = "Infinity";
    uint32_t k = 0;
    while (k < 8 && i + k < len && string_char_at(s, i + k) == (uint16_t)infinity[k])
        k++;
    if (k == 8)
        return 8;
    while (i < len && string_char_at(s, i) >= '0' && string_char_at(s, i) <= '9')
        i++, digits++;
    if (i < len && string_char_at(s, i) == '.') {
        uint32_t j = i + 1, fraction = 0;
        while (j < len && string_char_at(s, j) >= '0' && string_char_at(s, j) <= '9')
            j++, fraction++;
        if (digits + fraction > 0) {
            i = j;
            digits += fraction;
        }
    }
    if (digits == 0)
        return 0;
    if (i < len && (string_char_at(s, i) == 'e' || string_char_at(s, i) == 'E')) {
        uint32_t j = i + 1;
        if (j < len && (string_char_at(s, j) == '+' || string_char_at(s, j) == '-'))
            j++;
        uint32_t exponent_start = j;
        while (j < len && string_char_at(s, j) >= '0' && string_char_at(s, j) <= '9')
            j++;
        if (j > exponent_start)
            i = j;
    }
    return i - start;
}

/* ES2025 19.2.4 parseFloat ( string ) */
static Value global_parse_float(ARGS)
{
    (void)this_value, (void)new_target;
    String *s = es_to_flat_string(vm, es_arg(argc, argv, 0));
    if (!s)
        return VALUE_EXCEPTION;
    uint32_t i = skip_whitespace(s), len = string_length(s);
    bool negative = false;
    if (i < len && (string_char_at(s, i) == '-' || string_char_at(s, i) == '+'))
        negative = string_char_at(s, i++) == '-';
    uint32_t n = decimal_literal_length(s, i);
    if (n == 0)
        return value_from_double(NAN);
    double value;
    if (string_char_at(s, i) == 'I') {
        value = INFINITY;
    } else {
        char *buf = malloc(n + 1);
        if (!buf)
            return vm_throw_out_of_memory(vm);
        for (uint32_t k = 0; k < n; k++)
            buf[k] = (char)string_char_at(s, i + k);
        buf[n] = 0;
        value = strtod(buf, NULL);
        free(buf);
    }
    return value_from_double(negative ? -value : value);
}

/* ---- Installation ---- */

typedef struct Method {
    const char *name;
    NativeFunction function;
    uint32_t length;
} Method;

static const Method PROTOTYPE_METHODS[] = {
    { "toExponential", number_proto_to_exponential, 1 }, { "toFixed", number_proto_to_fixed, 1 },
    { "toPrecision", number_proto_to_precision, 1 }, { "toString", number_proto_to_string, 1 },
    { "valueOf", number_proto_value_of, 0 }, { "toLocaleString", number_proto_to_locale_string, 0 },
};

static const Method STATIC_METHODS[] = {
    { "isFinite", number_is_finite, 1 }, { "isInteger", number_is_integer, 1 },
    { "isNaN", number_is_nan, 1 }, { "isSafeInteger", number_is_safe_integer, 1 },
};

static const struct { const char *name; double value; } CONSTANTS[] = {
    { "MAX_VALUE", 1.7976931348623157e308 }, { "MIN_VALUE", 5e-324 }, { "NaN", NAN },
    { "NEGATIVE_INFINITY", -INFINITY }, { "POSITIVE_INFINITY", INFINITY },
    { "MAX_SAFE_INTEGER", 9007199254740991.0 }, { "MIN_SAFE_INTEGER", -9007199254740991.0 },
    { "EPSILON", 2.220446049250313e-16 },
};

static bool define_methods(VM *vm, Object *target, const Method *methods, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (!es_define_method(vm, target, methods[i].name, methods[i].function, methods[i].length))
            return false;
    return true;
}

/* parseInt and parseFloat: one function object each, on the global object
 * and on Number (ES2025 21.1.2.12, 21.1.2.13). */
static bool install_parse_functions(VM *vm, Realm *realm, Object *ctor)
{
    Object *global = realm->global_object;
    if (!es_define_method(vm, global, "parseInt", global_parse_int, 2)
        || !es_define_method(vm, global, "parseFloat", global_parse_float, 1)
        || !es_define_method(vm, global, "isNaN", global_is_nan, 1)
        || !es_define_method(vm, global, "isFinite", global_is_finite, 1))
        return false;
    static const char *const shared[] = { "parseInt", "parseFloat" };
    for (size_t i = 0; i < 2; i++) {
        Value f = es_get(vm, global, es_key_cstr(vm, shared[i]));
        if (value_is_exception(f) || !es_define_value(vm, ctor, shared[i], f, ES_ATTRS_METHOD))
            return false;
    }
    return true;
}

static bool install_statics(VM *vm, Realm *realm, Object *ctor)
{
    (void)realm;
    bool ok = define_methods(vm, ctor, STATIC_METHODS, sizeof STATIC_METHODS / sizeof *STATIC_METHODS);
    for (size_t i = 0; ok && i < sizeof CONSTANTS / sizeof *CONSTANTS; i++)
        ok = es_define_value(vm, ctor, CONSTANTS[i].name, value_from_double(CONSTANTS[i].value), 0);
    return ok;
}

bool stdlib_install_number(VM *vm, Realm *realm)
{
    Object *proto = realm->intrinsics[INTRINSIC_NumberPrototype];
    if (!proto) {
        proto = primitive_object_new(vm, &number_object_class, value_from_int32(0),
                                     realm->intrinsics[INTRINSIC_ObjectPrototype]);
        if (!proto)
            return false;
        realm->intrinsics[INTRINSIC_NumberPrototype] = proto;
    }
    Object *ctor = es_define_constructor(vm, realm, "Number", number_constructor, 1, proto);
    if (!ctor)
        return false;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, ctor);
    /* Number.prototype is a Number object (its class tells), so it is made
     * now; the constructor's other properties on first use. */
    bool ok = define_methods(vm, proto, PROTOTYPE_METHODS, sizeof PROTOTYPE_METHODS / sizeof *PROTOTYPE_METHODS)
              && install_parse_functions(vm, realm, ctor)
              && realm_defer_holder(vm, realm, ctor, install_statics);
    GC_SCOPE_END(vm->heap);
    return ok;
}
