/*
 * Unsigned arbitrary-precision arithmetic on magnitudes: little-endian
 * arrays of 32-bit limbs (limb 0 is the least significant). These are the
 * textbook algorithms BigInt (vm/bigint.c) is built on; they know nothing
 * of the VM, the heap or signs, and allocate nothing except the scratch
 * space of division (limbs_divide), so that they can be tested on their own
 * (tests/unit/test_bigint.c).
 *
 * Conventions: a magnitude is (limbs, length); it is *normalized* when its
 * top limb is not zero (zero is the empty magnitude, length 0). Inputs need
 * not be normalized unless a function says so; functions that produce a
 * magnitude return its normalized length. The result buffer must have the
 * room the function states, and must not overlap an input unless the
 * function allows it.
 */
#ifndef NODUS_VM_BIGINT_LIMBS_H
#define NODUS_VM_BIGINT_LIMBS_H

#include <stdbool.h>
#include <stdint.h>

typedef uint32_t Limb;
enum { LIMB_BITS = 32 };

/* The length of limbs[0..length) without its leading zero limbs. */
uint32_t limbs_normalized_length(const Limb *limbs, uint32_t length);
/* The number of significant bits (0 for zero). */
uint64_t limbs_bit_length(const Limb *limbs, uint32_t length);
/* -1, 0 or 1 as a < b, a == b, a > b (both normalized). */
int limbs_compare(const Limb *a, uint32_t a_length, const Limb *b, uint32_t b_length);

/* result = a + b. Room: max(a_length, b_length) + 1. result may be a or b. */
uint32_t limbs_add(Limb *result, const Limb *a, uint32_t a_length, const Limb *b, uint32_t b_length);
/* result = a - b, where a >= b. Room: a_length. result may be a or b. */
uint32_t limbs_subtract(Limb *result, const Limb *a, uint32_t a_length, const Limb *b, uint32_t b_length);
/* result = a * b, schoolbook (TAOCP 4.3.1 Algorithm M). Room: a_length +
 * b_length; result must not overlap a or b. */
uint32_t limbs_multiply(Limb *result, const Limb *a, uint32_t a_length, const Limb *b, uint32_t b_length);
/* limbs = limbs * factor + addend in place; returns the limb carried out
 * (the caller appends it when not zero). */
Limb limbs_multiply_add_small(Limb *limbs, uint32_t length, Limb factor, Limb addend);
/* quotient = a / divisor (divisor not 0); returns the remainder. Room:
 * a_length; quotient may be a. The quotient's length is a_length before
 * normalization. */
Limb limbs_divide_small(Limb *quotient, const Limb *a, uint32_t a_length, Limb divisor);
/*
 * quotient = a / b and remainder = a % b (TAOCP 4.3.1 Algorithm D), b
 * normalized and not zero. Either output may be NULL when not wanted.
 * Room: quotient a_length - b_length + 1 (when a >= b), remainder b_length.
 * Outputs must not overlap the inputs. Lengths go to *quotient_length and
 * *remainder_length. Returns false when scratch memory could not be had.
 */
bool limbs_divide(Limb *quotient, uint32_t *quotient_length, Limb *remainder, uint32_t *remainder_length,
                  const Limb *a, uint32_t a_length, const Limb *b, uint32_t b_length);
/* result = a << shift. Room: a_length + shift / 32 + 1; result may be a
 * only when shift < 32. */
uint32_t limbs_shift_left(Limb *result, const Limb *a, uint32_t a_length, uint64_t shift);
/* result = a >> shift (floor). Room: a_length; result may be a. */
uint32_t limbs_shift_right(Limb *result, const Limb *a, uint32_t a_length, uint64_t shift);
/* Is any of the low `count` bits of a set? (the bits a right shift drops) */
bool limbs_any_low_bits(const Limb *a, uint32_t a_length, uint64_t count);

#endif
