/*
 * BigInt cells and the arithmetic BigInt:: operations (ES2025 6.1.6.2):
 * sign handling around the magnitude algorithms of vm/bigint_limbs.c.
 *
 * Results are computed straight into the new cell: bigint_alloc gives it
 * room for the largest possible result and bigint_finish sets the actual
 * length. Allocation may collect, but the operands are the caller's to keep
 * rooted and cells never move, so their limbs stay where they are.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vm/bigint.h"
#include "vm/cell_types.h"

void bigint_register_type(Heap *heap)
{
    /* a BigInt references no other cell: no trace function */
    static const GCTypeInfo info = { "bigint", NULL, NULL };
    gc_register_type(heap, CELL_TYPE_BIGINT, &info);
}

BigInt *bigint_throw_too_big(VM *vm)
{
    vm_throw_range_error(vm, "Maximum BigInt size exceeded");
    return NULL;
}

BigInt *bigint_alloc(VM *vm, uint64_t length)
{
    if (length > BIGINT_MAX_BITS / LIMB_BITS + 1)
        return bigint_throw_too_big(vm);
    BigInt *b = gc_alloc(vm->heap, sizeof(BigInt) + (size_t)length * sizeof(Limb), CELL_TYPE_BIGINT);
    if (!b)
        vm_throw_out_of_memory(vm);
    return b;
}

BigInt *bigint_finish(BigInt *b, uint32_t length, bool negative)
{
    length = limbs_normalized_length(b->limbs, length);
    b->cell.aux = length;
    b->cell.flags = (negative && length > 0) ? BIGINT_NEGATIVE : 0;
    return b;
}

BigInt *bigint_from_limbs(VM *vm, const Limb *limbs, uint32_t length, bool negative)
{
    BigInt *b = bigint_alloc(vm, length);
    if (!b)
        return NULL;
    if (length)
        memcpy(b->limbs, limbs, (size_t)length * sizeof(Limb));
    return bigint_finish(b, length, negative);
}

BigInt *bigint_from_int64(VM *vm, int64_t value)
{
    uint64_t magnitude = value < 0 ? (uint64_t)0 - (uint64_t)value : (uint64_t)value;
    Limb limbs[2] = { (Limb)magnitude, (Limb)(magnitude >> LIMB_BITS) };
    return bigint_from_limbs(vm, limbs, 2, value < 0);
}

/* ---- Comparison ---- */

/* ES2025 6.1.6.2.12 BigInt::lessThan and 6.1.6.2.13 BigInt::equal, as one
 * three-way comparison. */
int bigint_compare(const BigInt *x, const BigInt *y)
{
    bool x_negative = bigint_is_negative(x), y_negative = bigint_is_negative(y);
    if (x_negative != y_negative)
        return x_negative ? -1 : 1;
    int magnitude = limbs_compare(x->limbs, bigint_length(x), y->limbs, bigint_length(y));
    return x_negative ? -magnitude : magnitude;
}

/* ---- Addition and subtraction ---- */

/* A signed operand: a magnitude that may live outside the heap (the 1 of
 * ++), or a BigInt's. */
typedef struct Signed {
    const Limb *limbs;
    uint32_t length;
    bool negative;
} Signed;

static Signed signed_of(const BigInt *b)
{
    return (Signed){ b->limbs, bigint_length(b), bigint_is_negative(b) };
}

/* x + y on signed magnitudes: the magnitudes add when the signs agree;
 * otherwise the smaller is taken from the larger, whose sign wins. */
static BigInt *add_signed(VM *vm, Signed x, Signed y)
{
    uint32_t longer = x.length > y.length ? x.length : y.length;
    BigInt *result = bigint_alloc(vm, (uint64_t)longer + 1);
    if (!result)
        return NULL;
    if (x.negative == y.negative)
        return bigint_finish(result, limbs_add(result->limbs, x.limbs, x.length, y.limbs, y.length), x.negative);
    if (limbs_compare(x.limbs, x.length, y.limbs, y.length) < 0) {
        Signed t = x;
        x = y;
        y = t;
    }
    uint32_t length = limbs_subtract(result->limbs, x.limbs, x.length, y.limbs, y.length);
    return bigint_finish(result, length, x.negative);
}

/* ES2025 6.1.6.2.7 BigInt::add ( x, y ) */
BigInt *bigint_add(VM *vm, BigInt *x, BigInt *y)
{
    return add_signed(vm, signed_of(x), signed_of(y));
}

/* ES2025 6.1.6.2.8 BigInt::subtract ( x, y ): x + (-y) */
BigInt *bigint_subtract(VM *vm, BigInt *x, BigInt *y)
{
    Signed negated = signed_of(y);
    negated.negative = !negated.negative;
    return add_signed(vm, signed_of(x), negated);
}

BigInt *bigint_add_small(VM *vm, BigInt *x, int32_t delta)
{
    Limb magnitude = delta < 0 ? (Limb)0 - (Limb)delta : (Limb)delta;
    return add_signed(vm, signed_of(x), (Signed){ &magnitude, magnitude ? 1 : 0, delta < 0 });
}

/* ES2025 6.1.6.2.1 BigInt::unaryMinus ( x ) */
BigInt *bigint_unary_minus(VM *vm, BigInt *x)
{
    return bigint_from_limbs(vm, x->limbs, bigint_length(x), !bigint_is_negative(x));
}

/* ---- Multiplication and division ---- */

/* ES2025 6.1.6.2.4 BigInt::multiply ( x, y ) */
BigInt *bigint_multiply(VM *vm, BigInt *x, BigInt *y)
{
    uint32_t x_length = bigint_length(x), y_length = bigint_length(y);
    if (x_length == 0 || y_length == 0)
        return bigint_from_limbs(vm, NULL, 0, false);
    BigInt *result = bigint_alloc(vm, (uint64_t)x_length + y_length);
    if (!result)
        return NULL;
    uint32_t length = limbs_multiply(result->limbs, x->limbs, x_length, y->limbs, y_length);
    if (limbs_bit_length(result->limbs, length) > BIGINT_MAX_BITS)
        return bigint_throw_too_big(vm);
    return bigint_finish(result, length, bigint_is_negative(x) != bigint_is_negative(y));
}

static BigInt *throw_division_by_zero(VM *vm)
{
    vm_throw_range_error(vm, "Division by zero");
    return NULL;
}

/* The quotient (want_quotient) or the remainder of |x| / |y|, y not zero,
 * with the given sign. */
static BigInt *divide_magnitudes(VM *vm, BigInt *x, BigInt *y, bool want_quotient, bool negative)
{
    uint32_t x_length = bigint_length(x), y_length = bigint_length(y);
    uint32_t room = want_quotient ? (x_length >= y_length ? x_length - y_length + 1 : 1) : y_length;
    BigInt *result = bigint_alloc(vm, room);
    if (!result)
        return NULL;
    uint32_t length = 0;
    bool ok = want_quotient
              ? limbs_divide(result->limbs, &length, NULL, NULL, x->limbs, x_length, y->limbs, y_length)
              : limbs_divide(NULL, NULL, result->limbs, &length, x->limbs, x_length, y->limbs, y_length);
    if (!ok) {
        vm_throw_out_of_memory(vm);
        return NULL;
    }
    return bigint_finish(result, length, negative);
}

/* ES2025 6.1.6.2.5 BigInt::divide ( x, y ): the quotient rounded towards zero. */
BigInt *bigint_divide(VM *vm, BigInt *x, BigInt *y)
{
    if (bigint_is_zero(y))
        return throw_division_by_zero(vm);
    return divide_magnitudes(vm, x, y, true, bigint_is_negative(x) != bigint_is_negative(y));
}

/* ES2025 6.1.6.2.6 BigInt::remainder ( n, d ): the sign of the dividend. */
BigInt *bigint_remainder(VM *vm, BigInt *n, BigInt *d)
{
    if (bigint_is_zero(d))
        return throw_division_by_zero(vm);
    return divide_magnitudes(vm, n, d, false, bigint_is_negative(n));
}

/* ---- Exponentiation ---- */

/* |base| ^ exponent into a malloc'd buffer of `room` limbs, by squaring
 * and multiplying from the exponent's top bit down (TAOCP 4.6.3, the
 * left-to-right binary method). Returns the length, or -1 without memory. */
static int64_t power_magnitude(Limb *out, uint64_t room, const Limb *base, uint32_t base_length, uint32_t exponent)
{
    Limb *scratch = malloc((size_t)room * sizeof(Limb));
    if (!scratch)
        return -1;
    Limb *current = out, *other = scratch;
    current[0] = 1;
    uint32_t length = 1;
    for (int bit = 31 - __builtin_clz(exponent); bit >= 0; bit--) {
        length = limbs_multiply(other, current, length, current, length);
        Limb *t = current;
        current = other;
        other = t;
        if (exponent & (1u << bit)) {
            length = limbs_multiply(other, current, length, base, base_length);
            t = current;
            current = other;
            other = t;
        }
    }
    if (current != out)
        memcpy(out, current, (size_t)length * sizeof(Limb));
    free(scratch);
    return length;
}

/* An upper bound of log2(|b|) for |b| >= 2, from its top 32 bits t:
 * |b| < (t + 1) 2^(bits - 32). The slack covers log2's rounding. */
static double log2_upper_bound(const Limb *limbs, uint32_t length)
{
    uint64_t bits = limbs_bit_length(limbs, length);
    if (bits <= 32)
        return log2((double)limbs[0]) * (1 + 1e-12);
    uint64_t top = bits - 32;
    Limb t[2];
    limbs_shift_right(t, limbs + top / LIMB_BITS, length - (uint32_t)(top / LIMB_BITS), top % LIMB_BITS);
    return (log2((double)t[0] + 1) + (double)top) * (1 + 1e-12);
}

/* The exponent of |b| when it is a power of two, else -1. */
static int64_t power_of_two_exponent(const BigInt *b)
{
    uint32_t length = bigint_length(b);
    for (uint32_t i = 0; i + 1 < length; i++)
        if (b->limbs[i])
            return -1;
    Limb top = b->limbs[length - 1];
    if (top & (top - 1))
        return -1;
    return (int64_t)(length - 1) * LIMB_BITS + __builtin_ctz(top);
}

/* base ^ exponent for |base| >= 2 and 0 < exponent < 2^32 */
static BigInt *power(VM *vm, BigInt *base, uint32_t exponent)
{
    bool negative = bigint_is_negative(base) && (exponent & 1);
    uint32_t base_length = bigint_length(base);
    uint64_t base_bits = limbs_bit_length(base->limbs, base_length);
    int64_t two_exponent = power_of_two_exponent(base);
    if (two_exponent > 0) {
        /* (2^k)^e = 2^(k e): one bit */
        uint64_t bit = (uint64_t)two_exponent * exponent;
        if (bit >= BIGINT_MAX_BITS)
            return bigint_throw_too_big(vm);
        BigInt *result = bigint_alloc(vm, bit / LIMB_BITS + 1);
        if (!result)
            return NULL;
        result->limbs[bit / LIMB_BITS] = (Limb)1 << (bit % LIMB_BITS);
        return bigint_finish(result, (uint32_t)(bit / LIMB_BITS + 1), negative);
    }
    /* the result has at least (base_bits - 1) * exponent + 1 bits, and at
     * most exponent * log2(|base|) + 1 */
    double most_bits = (double)exponent * log2_upper_bound(base->limbs, base_length) + 1;
    if ((base_bits - 1) * exponent >= BIGINT_MAX_BITS || most_bits > (double)BIGINT_MAX_BITS)
        return bigint_throw_too_big(vm);
    /* room for every intermediate product (see limbs_multiply) */
    uint64_t room = (uint64_t)most_bits / LIMB_BITS + 4;
    BigInt *result = bigint_alloc(vm, room);
    if (!result)
        return NULL;
    int64_t length = power_magnitude(result->limbs, room, base->limbs, base_length, exponent);
    if (length < 0) {
        vm_throw_out_of_memory(vm);
        return NULL;
    }
    return bigint_finish(result, (uint32_t)length, negative);
}

/* ES2025 6.1.6.2.3 BigInt::exponentiate ( base, exponent ) */
BigInt *bigint_exponentiate(VM *vm, BigInt *base, BigInt *exponent)
{
    if (bigint_is_negative(exponent)) {
        vm_throw_range_error(vm, "Exponent must be non-negative");
        return NULL;
    }
    uint32_t base_length = bigint_length(base);
    bool base_is_one = base_length == 1 && base->limbs[0] == 1;
    if (bigint_is_zero(exponent) || base_is_one || base_length == 0) {
        /* 1 for any base ^ 0; 0 ^ n = 0 and 1 ^ n = 1; -1 ^ n alternates */
        Limb one = 1;
        if (bigint_is_zero(exponent))
            return bigint_from_limbs(vm, &one, 1, false);
        bool negative = bigint_is_negative(base) && (exponent->limbs[0] & 1);
        return bigint_from_limbs(vm, base->limbs, base_length, negative);
    }
    if (bigint_length(exponent) > 1)
        return bigint_throw_too_big(vm);   /* |base| >= 2 and exponent >= 2^32 */
    return power(vm, base, exponent->limbs[0]);
}
