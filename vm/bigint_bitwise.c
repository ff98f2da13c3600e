/*
 * The BigInt operators defined on bits (ES2025 6.1.6.2): ~, &, |, ^, <<,
 * >>, and BigInt.asIntN / asUintN (21.2.2.1-2).
 *
 * The spec defines them on the infinite two's complement representation
 * of integers: a negative x has the bits of ~(|x| - 1), extended to the
 * left with ones forever. BigInts are stored as sign and magnitude, so the
 * two's complement limbs are produced one at a time as they are needed
 * (twos_complement_limb), and a negative result is turned back into a
 * magnitude the same way.
 */
#include <string.h>

#include "vm/bigint.h"

/* ---- Two's complement, read from the bottom ---- */

/* The reader of x's two's complement limbs, from limb 0 up. For a negative
 * x it subtracts 1 from the magnitude as it goes (borrow) and inverts. */
typedef struct TwosComplement {
    const Limb *limbs;
    uint32_t length;
    bool negative;
    Limb borrow;
} TwosComplement;

static TwosComplement twos_complement_of(const BigInt *x)
{
    return (TwosComplement){ x->limbs, bigint_length(x), bigint_is_negative(x), 1 };
}

/* Limb i of the two's complement; must be called for i = 0, 1, 2, ... in
 * order. Past the magnitude it gives the sign extension (0 or all ones). */
static Limb twos_complement_limb(TwosComplement *t, uint32_t i)
{
    Limb magnitude = i < t->length ? t->limbs[i] : 0;
    if (!t->negative)
        return magnitude;
    uint64_t difference = (uint64_t)magnitude - t->borrow;
    t->borrow = (Limb)(difference >> 63);
    return ~(Limb)difference;
}

/* limbs[0..length) = 2^(32 length) - limbs: the magnitude of a negative
 * two's complement value (invert, then add 1). */
static void negate_limbs(Limb *limbs, uint32_t length)
{
    uint64_t carry = 1;
    for (uint32_t i = 0; i < length; i++) {
        uint64_t sum = (uint64_t)(Limb)~limbs[i] + carry;
        limbs[i] = (Limb)sum;
        carry = sum >> LIMB_BITS;
    }
}

/* ---- ~ & | ^ ---- */

/* ES2025 6.1.6.2.2 BigInt::bitwiseNOT ( x ): -x - 1ℤ */
BigInt *bigint_bitwise_not(VM *vm, BigInt *x)
{
    BigInt *sum = bigint_add_small(vm, x, 1);   /* a new cell: its sign may be changed */
    return sum ? bigint_finish(sum, bigint_length(sum), !bigint_is_negative(sum)) : NULL;
}

typedef enum BitwiseOp { BITWISE_AND, BITWISE_XOR, BITWISE_OR } BitwiseOp;

static Limb apply_bitwise(BitwiseOp op, Limb a, Limb b)
{
    switch (op) {
    case BITWISE_AND: return a & b;
    case BITWISE_XOR: return a ^ b;
    default: return a | b;
    }
}

/* ES2025 6.1.6.2.17 BigIntBitwiseOp ( op, x, y ): limb by limb on the two's
 * complements. One limb beyond the longer operand is all sign extension,
 * so it holds the sign of the (infinite) result. */
static BigInt *bitwise_op(VM *vm, BitwiseOp op, BigInt *x, BigInt *y)
{
    uint32_t longer = bigint_length(x) > bigint_length(y) ? bigint_length(x) : bigint_length(y);
    uint32_t length = longer + 1;
    BigInt *result = bigint_alloc(vm, length);
    if (!result)
        return NULL;
    TwosComplement tx = twos_complement_of(x), ty = twos_complement_of(y);
    for (uint32_t i = 0; i < length; i++)
        result->limbs[i] = apply_bitwise(op, twos_complement_limb(&tx, i), twos_complement_limb(&ty, i));
    bool negative = (result->limbs[length - 1] >> (LIMB_BITS - 1)) != 0;
    if (negative)
        negate_limbs(result->limbs, length);
    return bigint_finish(result, length, negative);
}

/* ES2025 6.1.6.2.18 BigInt::bitwiseAND ( x, y ) */
BigInt *bigint_bitwise_and(VM *vm, BigInt *x, BigInt *y) { return bitwise_op(vm, BITWISE_AND, x, y); }
/* ES2025 6.1.6.2.19 BigInt::bitwiseXOR ( x, y ) */
BigInt *bigint_bitwise_xor(VM *vm, BigInt *x, BigInt *y) { return bitwise_op(vm, BITWISE_XOR, x, y); }
/* ES2025 6.1.6.2.20 BigInt::bitwiseOR ( x, y ) */
BigInt *bigint_bitwise_or(VM *vm, BigInt *x, BigInt *y) { return bitwise_op(vm, BITWISE_OR, x, y); }

/* ---- Shifts ---- */

/* x × 2^count */
static BigInt *shift_left_by(VM *vm, BigInt *x, uint64_t count)
{
    uint32_t length = bigint_length(x);
    if (length == 0)
        return x;
    if (count > BIGINT_MAX_BITS || limbs_bit_length(x->limbs, length) + count > BIGINT_MAX_BITS)
        return bigint_throw_too_big(vm);
    BigInt *result = bigint_alloc(vm, length + count / LIMB_BITS + 1);
    if (!result)
        return NULL;
    uint32_t result_length = limbs_shift_left(result->limbs, x->limbs, length, count);
    return bigint_finish(result, result_length, bigint_is_negative(x));
}

/* floor(x / 2^count): for a negative x, the magnitude shifted is one more
 * when any 1 bit was shifted out (rounding towards -infinity). */
static BigInt *shift_right_by(VM *vm, BigInt *x, uint64_t count)
{
    uint32_t length = bigint_length(x);
    bool negative = bigint_is_negative(x);
    BigInt *result = bigint_alloc(vm, (uint64_t)length + 1);
    if (!result)
        return NULL;
    uint32_t result_length = limbs_shift_right(result->limbs, x->limbs, length, count);
    if (negative && limbs_any_low_bits(x->limbs, length, count)) {
        Limb one = 1;
        result_length = limbs_add(result->limbs, result->limbs, result_length, &one, 1);
    }
    return bigint_finish(result, result_length, negative);
}

/* x << y for any sign of y (a negative y shifts right). A count that does
 * not fit 64 bits gives 0 or -1 to the right, and too big a BigInt to the
 * left unless x is 0. */
static BigInt *shift(VM *vm, BigInt *x, BigInt *y, bool y_negated)
{
    bool right = bigint_is_negative(y) != y_negated;
    uint32_t y_length = bigint_length(y);
    if (y_length > 2) {
        if (!right)
            return bigint_is_zero(x) ? x : bigint_throw_too_big(vm);
        return shift_right_by(vm, x, UINT64_MAX);
    }
    uint64_t count = y_length == 0 ? 0 : y->limbs[0];
    if (y_length == 2)
        count |= (uint64_t)y->limbs[1] << LIMB_BITS;
    return right ? shift_right_by(vm, x, count) : shift_left_by(vm, x, count);
}

/* ES2025 6.1.6.2.9 BigInt::leftShift ( x, y ) */
BigInt *bigint_left_shift(VM *vm, BigInt *x, BigInt *y) { return shift(vm, x, y, false); }

/* ES2025 6.1.6.2.10 BigInt::signedRightShift ( x, y ): BigInt::leftShift(x, -y) */
BigInt *bigint_signed_right_shift(VM *vm, BigInt *x, BigInt *y) { return shift(vm, x, y, true); }

/* ---- asIntN, asUintN ---- */

/* out[0..n) = x modulo 2^bits, as two's complement limbs, n = ceil(bits / 32). */
static void truncate_twos_complement(Limb *out, uint32_t n, const BigInt *x, uint64_t bits)
{
    TwosComplement t = twos_complement_of(x);
    for (uint32_t i = 0; i < n; i++)
        out[i] = twos_complement_limb(&t, i);
    unsigned top_bits = (unsigned)(bits % LIMB_BITS);
    if (top_bits)
        out[n - 1] &= ((Limb)1 << top_bits) - 1;
}

/* ES2025 21.2.2.2 BigInt.asUintN steps 3-4: ℝ(bigint) modulo 2^bits. */
BigInt *bigint_as_uint_n(VM *vm, uint64_t bits, BigInt *x)
{
    uint64_t x_bits = limbs_bit_length(x->limbs, bigint_length(x));
    if (!bigint_is_negative(x) && x_bits <= bits)
        return x;
    if (bits == 0)
        return bigint_from_limbs(vm, NULL, 0, false);
    /* a negative x gives 2^bits - (|x| mod 2^bits): about `bits` bits */
    if (bits > BIGINT_MAX_BITS)
        return bigint_throw_too_big(vm);
    uint32_t n = (uint32_t)((bits + LIMB_BITS - 1) / LIMB_BITS);
    BigInt *result = bigint_alloc(vm, n);
    if (!result)
        return NULL;
    truncate_twos_complement(result->limbs, n, x, bits);
    return bigint_finish(result, n, false);
}

/* ES2025 21.2.2.1 BigInt.asIntN steps 3-4: mod = ℝ(bigint) modulo 2^bits;
 * mod - 2^bits when mod >= 2^(bits-1), else mod. */
BigInt *bigint_as_int_n(VM *vm, uint64_t bits, BigInt *x)
{
    uint64_t x_bits = limbs_bit_length(x->limbs, bigint_length(x));
    if (bits == 0)
        return bigint_from_limbs(vm, NULL, 0, false);
    if (x_bits < bits)
        return x;   /* -2^(bits-1) < x < 2^(bits-1) already */
    uint32_t n = (uint32_t)((bits + LIMB_BITS - 1) / LIMB_BITS);
    BigInt *result = bigint_alloc(vm, n);
    if (!result)
        return NULL;
    truncate_twos_complement(result->limbs, n, x, bits);
    unsigned sign_bit = (unsigned)((bits - 1) % LIMB_BITS);
    bool negative = (result->limbs[n - 1] >> sign_bit) & 1;
    if (negative) {
        /* the magnitude 2^bits - mod, within the low `bits` bits */
        negate_limbs(result->limbs, n);
        if (sign_bit + 1 < LIMB_BITS)
            result->limbs[n - 1] &= ((Limb)1 << (sign_bit + 1)) - 1;
    }
    return bigint_finish(result, n, negative);
}
