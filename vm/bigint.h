/*
 * BigInt values (ES2025 6.1.6.2): arbitrary-precision integers.
 *
 * A BigInt is an immutable heap cell holding a sign and a magnitude in
 * 32-bit limbs, least significant first (vm/bigint_limbs.h does the
 * unsigned arithmetic). The magnitude is always normalized (no leading zero
 * limb) and zero is never negative, so that equal values have equal
 * representations and comparing is a walk over the limbs.
 *
 * The operations follow the BigInt:: abstract operations of the spec and
 * return a new BigInt, or NULL after throwing (a RangeError for division
 * by zero, a negative exponent, or a result past BIGINT_MAX_BITS; out of
 * memory). Like every VM function, they leave their arguments for the
 * caller to keep rooted (gc/gc.h).
 *
 * Files: bigint.c (cells, arithmetic, comparison), bigint_bitwise.c (the
 * two's complement operators, shifts, asIntN / asUintN), bigint_convert.c
 * (strings and Numbers).
 */
#ifndef NODUS_VM_BIGINT_H
#define NODUS_VM_BIGINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vm/bigint_limbs.h"
#include "vm/vm.h"

/* Flags in the cell header */
enum { BIGINT_NEGATIVE = 1 << 0 };

/* The largest BigInt, in bits: V8's limit (2^30), past which operations
 * throw RangeError "Maximum BigInt size exceeded" instead of trying to
 * allocate gigabytes. */
#define BIGINT_MAX_BITS ((uint64_t)1 << 30)

struct BigInt {
    GCCell cell;          /* flags: BIGINT_NEGATIVE; aux: the number of limbs */
    Limb limbs[];         /* the magnitude, normalized */
};

static inline uint32_t bigint_length(const BigInt *b) { return b->cell.aux; }
static inline bool bigint_is_negative(const BigInt *b) { return (b->cell.flags & BIGINT_NEGATIVE) != 0; }
static inline bool bigint_is_zero(const BigInt *b) { return b->cell.aux == 0; }

/* Registers the BigInt cell type (called by vm_new). */
void bigint_register_type(Heap *heap);

/* ---- Making BigInts (NULL after throwing) ---- */
BigInt *bigint_from_int64(VM *vm, int64_t value) NODUS_MUST_CHECK;
/* The BigInt of a Number that is an integer (ES2025 21.2.1.1.1
 * NumberToBigInt once its RangeError check has passed). */
BigInt *bigint_from_integral_double(VM *vm, double value) NODUS_MUST_CHECK;
/* The value of a BigInt literal (LOAD_BIGINT): its digits as written, with
 * the radix prefix 0x 0o 0b (either case) and without separators or n. */
BigInt *bigint_from_literal(VM *vm, String *digits) NODUS_MUST_CHECK;
/* ES2025 7.1.14 StringToBigInt: the BigInt, VALUE_UNDEFINED when str is
 * not a StringIntegerLiteral, VALUE_EXCEPTION after throwing. */
Value bigint_from_string(VM *vm, String *str);
/* A BigInt of `length` limbs copied from limbs (need not be normalized). */
BigInt *bigint_from_limbs(VM *vm, const Limb *limbs, uint32_t length, bool negative) NODUS_MUST_CHECK;

/* ---- Conversions ---- */
/* The Number nearest to x (ties to even), ±Infinity past the range:
 * 𝔽(ℝ(x)) as Number(x) and ToNumber do not (they throw). */
double bigint_to_double(const BigInt *x);
/* ES2025 6.1.6.2.21 BigInt::toString(x, radix), radix 2 .. 36. */
String *bigint_to_string(VM *vm, const BigInt *x, unsigned radix) NODUS_MUST_CHECK;
/* The same digits as a malloc'd C string of *length characters (for
 * printing); NULL when memory runs out. */
char *bigint_format(const BigInt *x, unsigned radix, size_t *length);

/* ---- Comparison (no allocation, never throws) ---- */
/* -1, 0 or 1 as x < y, x = y, x > y (ES2025 6.1.6.2.12 lessThan, 6.1.6.2.13 equal). */
int bigint_compare(const BigInt *x, const BigInt *y);
static inline bool bigint_equals(const BigInt *x, const BigInt *y) { return bigint_compare(x, y) == 0; }
/* -1, 0 or 1 as ℝ(x) < ℝ(y), =, > for a Number y that is not NaN (the
 * mixed cases of IsLessThan and IsLooselyEqual; ±Infinity allowed). */
int bigint_compare_number(const BigInt *x, double y);

/* ---- The BigInt:: operations (ES2025 6.1.6.2), NULL after throwing ---- */
BigInt *bigint_unary_minus(VM *vm, BigInt *x) NODUS_MUST_CHECK;
BigInt *bigint_bitwise_not(VM *vm, BigInt *x) NODUS_MUST_CHECK;
BigInt *bigint_exponentiate(VM *vm, BigInt *base, BigInt *exponent) NODUS_MUST_CHECK;
BigInt *bigint_multiply(VM *vm, BigInt *x, BigInt *y) NODUS_MUST_CHECK;
BigInt *bigint_divide(VM *vm, BigInt *x, BigInt *y) NODUS_MUST_CHECK;
BigInt *bigint_remainder(VM *vm, BigInt *n, BigInt *d) NODUS_MUST_CHECK;
BigInt *bigint_add(VM *vm, BigInt *x, BigInt *y) NODUS_MUST_CHECK;
BigInt *bigint_subtract(VM *vm, BigInt *x, BigInt *y) NODUS_MUST_CHECK;
BigInt *bigint_left_shift(VM *vm, BigInt *x, BigInt *y) NODUS_MUST_CHECK;
BigInt *bigint_signed_right_shift(VM *vm, BigInt *x, BigInt *y) NODUS_MUST_CHECK;
BigInt *bigint_bitwise_and(VM *vm, BigInt *x, BigInt *y) NODUS_MUST_CHECK;
BigInt *bigint_bitwise_xor(VM *vm, BigInt *x, BigInt *y) NODUS_MUST_CHECK;
BigInt *bigint_bitwise_or(VM *vm, BigInt *x, BigInt *y) NODUS_MUST_CHECK;
/* x + delta for ++ and -- (ES2025 13.4.2-13.4.5 with BigInt::add of 1ℤ or -1ℤ). */
BigInt *bigint_add_small(VM *vm, BigInt *x, int32_t delta) NODUS_MUST_CHECK;

/* ES2025 21.2.2.1 BigInt.asIntN and 21.2.2.2 BigInt.asUintN after their
 * conversions: x modulo 2^bits, as a signed or an unsigned integer. */
BigInt *bigint_as_int_n(VM *vm, uint64_t bits, BigInt *x) NODUS_MUST_CHECK;
BigInt *bigint_as_uint_n(VM *vm, uint64_t bits, BigInt *x) NODUS_MUST_CHECK;

/* ---- For the files of BigInt ---- */
/* A new BigInt with room for `length` limbs, all zero: the caller writes
 * the magnitude, then calls bigint_finish. RangeError "Maximum BigInt size
 * exceeded" past BIGINT_MAX_BITS. */
BigInt *bigint_alloc(VM *vm, uint64_t length) NODUS_MUST_CHECK;
/* Sets the length (normalized from `length`) and the sign; zero is made
 * positive. Returns b. */
BigInt *bigint_finish(BigInt *b, uint32_t length, bool negative);
/* The RangeError of a result past BIGINT_MAX_BITS; NULL. */
BigInt *bigint_throw_too_big(VM *vm);

#endif
