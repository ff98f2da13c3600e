/*
 * Magnitude arithmetic on 32-bit limbs (see vm/bigint_limbs.h). Products
 * and sums of two limbs are computed in 64 bits; the algorithms are those
 * of Knuth, The Art of Computer Programming, vol. 2, 4.3.1 (the classical
 * algorithms), with base b = 2^32.
 */
#include "vm/bigint_limbs.h"

#include <stdlib.h>
#include <string.h>

#define LIMB_BASE ((uint64_t)1 << LIMB_BITS)

uint32_t limbs_normalized_length(const Limb *limbs, uint32_t length)
{
    while (length > 0 && limbs[length - 1] == 0)
        length--;
    return length;
}

uint64_t limbs_bit_length(const Limb *limbs, uint32_t length)
{
    length = limbs_normalized_length(limbs, length);
    if (length == 0)
        return 0;
    return (uint64_t)(length - 1) * LIMB_BITS + (uint64_t)(LIMB_BITS - __builtin_clz(limbs[length - 1]));
}

int limbs_compare(const Limb *a, uint32_t a_length, const Limb *b, uint32_t b_length)
{
    if (a_length != b_length)
        return a_length < b_length ? -1 : 1;
    for (uint32_t i = a_length; i-- > 0;) {
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    }
    return 0;
}

/* Algorithm A (addition), with the shorter operand extended by zeros. */
uint32_t limbs_add(Limb *result, const Limb *a, uint32_t a_length, const Limb *b, uint32_t b_length)
{
    if (a_length < b_length) {
        const Limb *t = a;
        a = b;
        b = t;
        uint32_t tl = a_length;
        a_length = b_length;
        b_length = tl;
    }
    uint64_t carry = 0;
    for (uint32_t i = 0; i < a_length; i++) {
        uint64_t sum = (uint64_t)a[i] + (i < b_length ? b[i] : 0) + carry;
        result[i] = (Limb)sum;
        carry = sum >> LIMB_BITS;
    }
    result[a_length] = (Limb)carry;
    return limbs_normalized_length(result, a_length + 1);
}

/* Algorithm S (subtraction) for a >= b. */
uint32_t limbs_subtract(Limb *result, const Limb *a, uint32_t a_length, const Limb *b, uint32_t b_length)
{
    uint64_t borrow = 0;
    for (uint32_t i = 0; i < a_length; i++) {
        uint64_t difference = (uint64_t)a[i] - (i < b_length ? b[i] : 0) - borrow;
        result[i] = (Limb)difference;
        borrow = difference >> 63;   /* the difference went below zero */
    }
    return limbs_normalized_length(result, a_length);
}

/* Algorithm M (multiplication): one row of partial products per limb of b. */
uint32_t limbs_multiply(Limb *result, const Limb *a, uint32_t a_length, const Limb *b, uint32_t b_length)
{
    memset(result, 0, ((size_t)a_length + b_length) * sizeof(Limb));
    for (uint32_t j = 0; j < b_length; j++) {
        uint64_t carry = 0;
        if (b[j] == 0)
            continue;
        for (uint32_t i = 0; i < a_length; i++) {
            /* at most (2^32-1)^2 + 2 (2^32-1) = 2^64 - 1: no overflow */
            uint64_t t = (uint64_t)a[i] * b[j] + result[i + j] + carry;
            result[i + j] = (Limb)t;
            carry = t >> LIMB_BITS;
        }
        result[j + a_length] = (Limb)carry;
    }
    return limbs_normalized_length(result, a_length + b_length);
}

Limb limbs_multiply_add_small(Limb *limbs, uint32_t length, Limb factor, Limb addend)
{
    uint64_t carry = addend;
    for (uint32_t i = 0; i < length; i++) {
        uint64_t t = (uint64_t)limbs[i] * factor + carry;
        limbs[i] = (Limb)t;
        carry = t >> LIMB_BITS;
    }
    return (Limb)carry;
}

/* Short division (TAOCP 4.3.1 exercise 16), from the top limb down. */
Limb limbs_divide_small(Limb *quotient, const Limb *a, uint32_t a_length, Limb divisor)
{
    uint64_t remainder = 0;
    for (uint32_t i = a_length; i-- > 0;) {
        uint64_t dividend = (remainder << LIMB_BITS) | a[i];
        quotient[i] = (Limb)(dividend / divisor);
        remainder = dividend % divisor;
    }
    return (Limb)remainder;
}

/* ---- Algorithm D ---- */

/* Step D3: the trial quotient digit q^ for u[j+n..j+n-2] / v[n-1..n-2],
 * corrected so that it is at most one too large. */
static uint64_t trial_quotient(const Limb *u, const Limb *v, uint32_t n, uint32_t j)
{
    uint64_t top = ((uint64_t)u[j + n] << LIMB_BITS) | u[j + n - 1];
    uint64_t qhat = top / v[n - 1];
    uint64_t rhat = top % v[n - 1];
    while (qhat >= LIMB_BASE || qhat * v[n - 2] > ((rhat << LIMB_BITS) | u[j + n - 2])) {
        qhat--;
        rhat += v[n - 1];
        if (rhat >= LIMB_BASE)
            break;
    }
    return qhat;
}

/* Step D4: u[j..j+n] -= qhat * v[0..n-1]; true when the result went
 * negative (then it is the 2^(32(n+1)) complement, step D6 adds back). */
static bool multiply_subtract(Limb *u, const Limb *v, uint32_t n, uint32_t j, uint64_t qhat)
{
    uint64_t carry = 0, borrow = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint64_t product = qhat * v[i] + carry;
        carry = product >> LIMB_BITS;
        uint64_t difference = (uint64_t)u[i + j] - (Limb)product - borrow;
        u[i + j] = (Limb)difference;
        borrow = difference >> 63;
    }
    uint64_t difference = (uint64_t)u[j + n] - carry - borrow;
    u[j + n] = (Limb)difference;
    return difference >> 63;
}

/* Step D6: u[j..j+n] += v[0..n-1], the carry out of the top limb dropped
 * (it cancels the borrow of step D4). */
static void add_back(Limb *u, const Limb *v, uint32_t n, uint32_t j)
{
    uint64_t carry = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint64_t sum = (uint64_t)u[i + j] + v[i] + carry;
        u[i + j] = (Limb)sum;
        carry = sum >> LIMB_BITS;
    }
    u[j + n] += (Limb)carry;
}

/* Steps D1 to D8 for n = b_length >= 2 and a >= b (so m = a_length - n >= 0). */
static bool divide_long(Limb *quotient, Limb *remainder, const Limb *a, uint32_t a_length, const Limb *b,
                        uint32_t n)
{
    uint32_t m = a_length - n;
    Limb *u = malloc(((size_t)a_length + 1 + n + 1) * sizeof(Limb));
    if (!u)
        return false;
    Limb *v = u + a_length + 1;
    /* D1: normalize so that the divisor's top limb has its top bit set */
    unsigned shift = (unsigned)__builtin_clz(b[n - 1]);
    memset(u, 0, ((size_t)a_length + 1) * sizeof(Limb));
    limbs_shift_left(u, a, a_length, shift);
    limbs_shift_left(v, b, n, shift);   /* writes n + 1 limbs, the last 0: the top bit moved to bit 31 */
    /* D2-D7: one quotient limb per step, from the top */
    for (uint32_t j = m + 1; j-- > 0;) {
        uint64_t qhat = trial_quotient(u, v, n, j);
        if (multiply_subtract(u, v, n, j, qhat)) {
            qhat--;
            add_back(u, v, n, j);
        }
        if (quotient)
            quotient[j] = (Limb)qhat;
    }
    /* D8: the remainder is u[0..n-1] shifted back */
    if (remainder)
        limbs_shift_right(remainder, u, n, shift);
    free(u);
    return true;
}

bool limbs_divide(Limb *quotient, uint32_t *quotient_length, Limb *remainder, uint32_t *remainder_length,
                  const Limb *a, uint32_t a_length, const Limb *b, uint32_t b_length)
{
    uint32_t q_length = 0, r_length = 0;
    if (limbs_compare(a, a_length, b, b_length) < 0) {
        /* the quotient is 0 and the remainder a */
        r_length = a_length;
        if (remainder)
            memcpy(remainder, a, (size_t)a_length * sizeof(Limb));
    } else if (b_length == 1) {
        Limb *q = quotient ? quotient : NULL;
        Limb r;
        if (q) {
            r = limbs_divide_small(q, a, a_length, b[0]);
        } else {
            /* the remainder alone: Horner's rule modulo b[0] */
            uint64_t rem = 0;
            for (uint32_t i = a_length; i-- > 0;)
                rem = ((rem << LIMB_BITS) | a[i]) % b[0];
            r = (Limb)rem;
        }
        q_length = a_length;
        if (remainder)
            remainder[0] = r;
        r_length = 1;
    } else {
        if (!divide_long(quotient, remainder, a, a_length, b, b_length))
            return false;
        q_length = a_length - b_length + 1;
        r_length = b_length;
    }
    if (quotient_length)
        *quotient_length = quotient ? limbs_normalized_length(quotient, q_length) : 0;
    if (remainder_length)
        *remainder_length = remainder ? limbs_normalized_length(remainder, r_length) : 0;
    return true;
}

/* ---- Shifts ---- */

uint32_t limbs_shift_left(Limb *result, const Limb *a, uint32_t a_length, uint64_t shift)
{
    uint32_t limb_shift = (uint32_t)(shift / LIMB_BITS);
    unsigned bit_shift = (unsigned)(shift % LIMB_BITS);
    uint32_t length = a_length + limb_shift + 1;
    if (bit_shift == 0) {
        memmove(result + limb_shift, a, (size_t)a_length * sizeof(Limb));
        result[length - 1] = 0;
    } else {
        /* from the top, so that result == a works for shifts below 32 */
        result[length - 1] = a_length ? a[a_length - 1] >> (LIMB_BITS - bit_shift) : 0;
        for (uint32_t i = a_length; i-- > 1;)
            result[i + limb_shift] = (a[i] << bit_shift) | (a[i - 1] >> (LIMB_BITS - bit_shift));
        if (a_length)
            result[limb_shift] = a[0] << bit_shift;
    }
    memset(result, 0, (size_t)limb_shift * sizeof(Limb));
    return limbs_normalized_length(result, length);
}

uint32_t limbs_shift_right(Limb *result, const Limb *a, uint32_t a_length, uint64_t shift)
{
    if (shift >= (uint64_t)a_length * LIMB_BITS)
        return 0;
    uint32_t limb_shift = (uint32_t)(shift / LIMB_BITS);
    unsigned bit_shift = (unsigned)(shift % LIMB_BITS);
    uint32_t length = a_length - limb_shift;
    for (uint32_t i = 0; i < length; i++) {
        Limb low = a[i + limb_shift] >> bit_shift;
        Limb high = (bit_shift && i + limb_shift + 1 < a_length) ? a[i + limb_shift + 1] << (LIMB_BITS - bit_shift) : 0;
        result[i] = low | high;
    }
    return limbs_normalized_length(result, length);
}

bool limbs_any_low_bits(const Limb *a, uint32_t a_length, uint64_t count)
{
    uint64_t whole = count / LIMB_BITS;
    for (uint64_t i = 0; i < whole && i < a_length; i++)
        if (a[i])
            return true;
    unsigned rest = (unsigned)(count % LIMB_BITS);
    if (whole < a_length && rest)
        return (a[whole] & ((1u << rest) - 1)) != 0;
    return false;
}
