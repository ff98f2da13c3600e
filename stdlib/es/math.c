/*
 * The Math object (ES2025 21.3): constants and functions over Numbers,
 * with the spec's -0, NaN and infinity cases where libm differs.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include "stdlib/es/builtin.h"

#define ARGS VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target
#define UNUSED (void)this_value, (void)new_target

/* ToNumber of the first argument, or false after throwing. */
static bool arg_number(VM *vm, uint32_t argc, const Value *argv, uint32_t i, double *x)
{
    return es_to_number(vm, es_arg(argc, argv, i), x);
}

/* One-argument functions: ToNumber(x), then f. */
static Value unary(VM *vm, uint32_t argc, const Value *argv, double (*f)(double))
{
    double x;
    if (!arg_number(vm, argc, argv, 0, &x))
        return VALUE_EXCEPTION;
    return value_from_number(f(x));
}

#define UNARY(js_name, fn) \
    static Value math_##js_name(ARGS) { UNUSED; return unary(vm, argc, argv, fn); }

/* ES2025 21.3.2.28 Math.round ( x ): halfway cases go towards +inf, -0.5 <= x < 0 gives -0 */
static double round_js(double x)
{
    if (!isfinite(x) || x == trunc(x))
        return x;
    if (x < 0 && x >= -0.5)
        return -0.0;
    double r = floor(x);
    return x - r >= 0.5 ? r + 1 : r;
}

/* ES2025 21.3.2.29 Math.sign ( x ) */
static double sign_js(double x)
{
    if (x != x || x == 0)
        return x;
    return x > 0 ? 1 : -1;
}

/* ES2025 21.3.2.17 Math.fround ( x ) */
static double fround_js(double x)
{
    return (double)(float)x;
}

UNARY(abs, fabs)
UNARY(acos, acos)
UNARY(acosh, acosh)
UNARY(asin, asin)
UNARY(asinh, asinh)
UNARY(atan, atan)
UNARY(atanh, atanh)
/* libm's cbrt is not correctly rounded (cbrt(-27) gives -3.0000000000000004
 * with glibc); one Newton step in long double makes exact cubes exact, as
 * JavaScript programs expect. */
static double cbrt_js(double x)
{
    double y = cbrt(x);
    if (!isfinite(y) || y == 0)
        return y;
    long double ly = y;
    ly -= (ly * ly * ly - x) / (3 * ly * ly);
    return (double)ly;
}
UNARY(cbrt, cbrt_js)
UNARY(ceil, ceil)
UNARY(cos, cos)
UNARY(cosh, cosh)
UNARY(exp, exp)
UNARY(expm1, expm1)
UNARY(floor, floor)
UNARY(fround, fround_js)
UNARY(log, log)
UNARY(log1p, log1p)
UNARY(log10, log10)
UNARY(log2, log2)
UNARY(round, round_js)
UNARY(sign, sign_js)
UNARY(sin, sin)
UNARY(sinh, sinh)
UNARY(sqrt, sqrt)
UNARY(tan, tan)
UNARY(tanh, tanh)
UNARY(trunc, trunc)

/* ES2025 6.1.6.1.3 Number::exponentiate ( base, exponent ) */
static double es_number_exponentiate(double base, double exponent)
{
    if (exponent != exponent)
        return NAN;
    if (exponent == 0)
        return 1;
    if (isinf(exponent) && fabs(base) == 1)
        return NAN;
    return pow(base, exponent);
}

/* ES2025 21.3.2.8 Math.atan2 ( y, x ) */
static Value math_atan2(ARGS)
{
    UNUSED;
    double y, x;
    if (!arg_number(vm, argc, argv, 0, &y) || !arg_number(vm, argc, argv, 1, &x))
        return VALUE_EXCEPTION;
    return value_from_number(atan2(y, x));
}

/* ES2025 21.3.2.26 Math.pow ( base, exponent ) */
static Value math_pow(ARGS)
{
    UNUSED;
    double base, exponent;
    if (!arg_number(vm, argc, argv, 0, &base) || !arg_number(vm, argc, argv, 1, &exponent))
        return VALUE_EXCEPTION;
    return value_from_number(es_number_exponentiate(base, exponent));
}

/* ES2025 21.3.2.11 Math.clz32 ( x ) */
static Value math_clz32(ARGS)
{
    UNUSED;
    uint32_t n;
    if (!es_to_uint32(vm, es_arg(argc, argv, 0), &n))
        return VALUE_EXCEPTION;
    return value_from_int32(n == 0 ? 32 : __builtin_clz(n));
}

/* ES2025 21.3.2.19 Math.imul ( x, y ) */
static Value math_imul(ARGS)
{
    UNUSED;
    uint32_t a, b;
    if (!es_to_uint32(vm, es_arg(argc, argv, 0), &a) || !es_to_uint32(vm, es_arg(argc, argv, 1), &b))
        return VALUE_EXCEPTION;
    return value_from_int32((int32_t)(a * b));
}

/* ES2025 21.3.2.24 Math.max and 21.3.2.25 Math.min: every argument is
 * converted first; NaN wins; +0 is larger than -0. */
static Value min_max(VM *vm, uint32_t argc, const Value *argv, bool max)
{
    double result = max ? -INFINITY : INFINITY;
    bool nan = false;
    for (uint32_t i = 0; i < argc; i++) {
        double x;
        if (!es_to_number(vm, argv[i], &x))
            return VALUE_EXCEPTION;
        if (x != x)
            nan = true;
        else if (max ? (x > result || (x == 0 && result == 0 && !signbit(x)))
                     : (x < result || (x == 0 && result == 0 && signbit(x))))
            result = x;
    }
    return nan ? value_from_double(NAN) : value_from_number(result);
}

static Value math_max(ARGS)
{
    UNUSED;
    return min_max(vm, argc, argv, true);
}

static Value math_min(ARGS)
{
    UNUSED;
    return min_max(vm, argc, argv, false);
}

/* ES2025 21.3.2.18 Math.hypot ( ...args ): every argument is converted
 * first; the sum of squares is scaled by the largest (as V8 does), with
 * Kahan summation. */
static Value math_hypot(ARGS)
{
    UNUSED;
    double *values = malloc((argc ? argc : 1) * sizeof *values);
    if (!values)
        return vm_throw_out_of_memory(vm);
    double largest = 0;
    bool inf = false, nan = false;
    for (uint32_t i = 0; i < argc; i++) {
        if (!es_to_number(vm, argv[i], &values[i])) {
            free(values);
            return VALUE_EXCEPTION;
        }
        values[i] = fabs(values[i]);
        inf |= isinf(values[i]);
        nan |= values[i] != values[i];
        if (values[i] > largest)
            largest = values[i];
    }
    double sum = 0, compensation = 0;
    for (uint32_t i = 0; !inf && !nan && largest != 0 && i < argc; i++) {
        double scaled = values[i] / largest;
        double term = scaled * scaled - compensation;
        double next = sum + term;
        compensation = (next - sum) - term;
        sum = next;
    }
    free(values);
    if (inf)
        return value_from_double(INFINITY);
    if (nan)
        return value_from_double(NAN);
    return value_from_number(largest == 0 ? 0 : sqrt(sum) * largest);
}

/* ---- Math.random: xorshift128+ seeded from the clock ---- */

static uint64_t random_state[2];

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static void random_seed(void)
{
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    uint64_t seed = (uint64_t)now.tv_sec * 1000000007ull ^ (uint64_t)now.tv_nsec;
    random_state[0] = splitmix64(&seed);
    random_state[1] = splitmix64(&seed);
}

static uint64_t xorshift128plus(void)
{
    uint64_t s1 = random_state[0];
    const uint64_t s0 = random_state[1];
    random_state[0] = s0;
    s1 ^= s1 << 23;
    random_state[1] = s1 ^ s0 ^ (s1 >> 17) ^ (s0 >> 26);
    return random_state[1] + s0;
}

/* ES2025 21.3.2.27 Math.random ( ): 53 random bits in [0, 1) */
static Value math_random(ARGS)
{
    (void)vm, (void)argc, (void)argv;
    UNUSED;
    if (random_state[0] == 0 && random_state[1] == 0)
        random_seed();
    return value_from_double((double)(xorshift128plus() >> 11) * 0x1.0p-53);
}

/* ---- Installation ---- */

typedef struct MathFunction {
    const char *name;
    NativeFunction function;
    uint32_t length;
} MathFunction;

static const MathFunction FUNCTIONS[] = {
    { "abs", math_abs, 1 }, { "acos", math_acos, 1 }, { "acosh", math_acosh, 1 }, { "asin", math_asin, 1 },
    { "asinh", math_asinh, 1 }, { "atan", math_atan, 1 }, { "atanh", math_atanh, 1 }, { "atan2", math_atan2, 2 },
    { "ceil", math_ceil, 1 }, { "cbrt", math_cbrt, 1 }, { "expm1", math_expm1, 1 }, { "clz32", math_clz32, 1 },
    { "cos", math_cos, 1 }, { "cosh", math_cosh, 1 }, { "exp", math_exp, 1 }, { "floor", math_floor, 1 },
    { "fround", math_fround, 1 }, { "hypot", math_hypot, 2 }, { "imul", math_imul, 2 }, { "log", math_log, 1 },
    { "log1p", math_log1p, 1 }, { "log2", math_log2, 1 }, { "log10", math_log10, 1 }, { "max", math_max, 2 },
    { "min", math_min, 2 }, { "pow", math_pow, 2 }, { "random", math_random, 0 }, { "round", math_round, 1 },
    { "sign", math_sign, 1 }, { "sin", math_sin, 1 }, { "sinh", math_sinh, 1 }, { "sqrt", math_sqrt, 1 },
    { "tan", math_tan, 1 }, { "tanh", math_tanh, 1 }, { "trunc", math_trunc, 1 },
};

/* ES2025 21.3.1 Value Properties of the Math Object */
static const struct { const char *name; double value; } CONSTANTS[] = {
    { "E", 2.7182818284590452354 }, { "LN10", 2.302585092994046 }, { "LN2", 0.6931471805599453 },
    { "LOG10E", 0.4342944819032518 }, { "LOG2E", 1.4426950408889634 }, { "PI", 3.1415926535897932 },
    { "SQRT1_2", 0.7071067811865476 }, { "SQRT2", 1.4142135623730951 },
};

/* Math's functions, constants and @@toStringTag: made on first use
 * (vm/lazy_holder.c). */
static bool install_math_properties(VM *vm, Realm *realm, Object *math)
{
    (void)realm;
    bool ok = true;
    for (size_t i = 0; ok && i < sizeof FUNCTIONS / sizeof *FUNCTIONS; i++)
        ok = es_define_method(vm, math, FUNCTIONS[i].name, FUNCTIONS[i].function, FUNCTIONS[i].length);
    for (size_t i = 0; ok && i < sizeof CONSTANTS / sizeof *CONSTANTS; i++)
        ok = es_define_value(vm, math, CONSTANTS[i].name, value_from_double(CONSTANTS[i].value), 0);
    return ok && es_define_to_string_tag(vm, math, "Math");
}

bool stdlib_install_math(VM *vm, Realm *realm)
{
    Object *math = object_new_ordinary(vm, realm->intrinsics[INTRINSIC_ObjectPrototype]);
    if (!math)
        return false;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, math);
    bool ok = realm_defer_holder(vm, realm, math, install_math_properties)
              && es_define_value(vm, realm->global_object, "Math", value_from_object(math), ES_ATTRS_METHOD);
    GC_SCOPE_END(vm->heap);
    return ok;
}
