/*
 * Unit tests of BigInt arithmetic (vm/bigint*.c).
 *
 * Part 1 checks the magnitude algorithms of vm/bigint_limbs.c against
 * themselves: for random operands with troublesome limbs, a = q b + r with
 * r < b, (a + b) - b = a, shifts undo each other. Part 2 runs the
 * operations of test_bigint_vectors.h, whose expected results node
 * computed (tests/unit/gen_bigint_vectors.js), once with a normal heap and
 * once under GC stress (a collection at every allocation).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/test_main.h"
#include "tests/unit/test_bigint_vectors.h"
#include "vm/bigint.h"
#include "vm/string.h"

/* ---- Part 1: magnitudes ---- */

static uint64_t random_state = 0x9E3779B97F4A7C15ull;

static uint64_t random_bits(void)
{
    random_state ^= random_state >> 12;
    random_state ^= random_state << 25;
    random_state ^= random_state >> 27;
    return random_state * 0x2545F4914F6CDD1Dull;
}

/* Mostly 0, 1, 2^31 - 1, 2^31, 2^32 - 1 and 2^32 - 2: the limbs that make
 * division's trial quotient wrong. */
static Limb random_limb(void)
{
    static const Limb special[] = { 0, 1, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFFFFFE };
    uint64_t r = random_bits();
    return (r & 3) ? special[(r >> 2) % 6] : (Limb)(r >> 32);
}

static uint32_t random_magnitude(Limb *limbs, uint32_t max_length)
{
    uint32_t length = (uint32_t)(random_bits() % (max_length + 1));
    for (uint32_t i = 0; i < length; i++)
        limbs[i] = random_limb();
    return limbs_normalized_length(limbs, length);
}

enum { MAX = 24 };

static void test_division_identity(void)
{
    unsigned failures = 0;
    for (int round = 0; round < 20000; round++) {
        Limb a[MAX], b[MAX], q[MAX + 1], r[MAX], check[2 * MAX + 2];
        uint32_t a_length = random_magnitude(a, MAX);
        uint32_t b_length = random_magnitude(b, 1 + (uint32_t)(random_bits() % 8));
        if (b_length == 0)
            continue;
        uint32_t q_length, r_length;
        ASSERT(limbs_divide(q, &q_length, r, &r_length, a, a_length, b, b_length));
        /* r < b, and q b + r = a */
        bool ok = limbs_compare(r, r_length, b, b_length) < 0;
        uint32_t length = q_length ? limbs_multiply(check, q, q_length, b, b_length) : 0;
        length = limbs_add(check, check, length, r, r_length);
        ok = ok && limbs_compare(check, length, a, a_length) == 0;
        if (!ok && failures++ < 5)
            ASSERT(ok);
    }
    ASSERT_EQ(failures, 0);
}

static void test_add_subtract_shift(void)
{
    unsigned failures = 0;
    for (int round = 0; round < 5000; round++) {
        Limb a[MAX], b[MAX], sum[MAX + 1], back[MAX + 1], shifted[MAX + 8];
        uint32_t a_length = random_magnitude(a, MAX), b_length = random_magnitude(b, MAX);
        uint32_t sum_length = limbs_add(sum, a, a_length, b, b_length);
        uint32_t back_length = limbs_subtract(back, sum, sum_length, b, b_length);
        bool ok = limbs_compare(back, back_length, a, a_length) == 0;
        uint64_t count = random_bits() % 200;
        uint32_t shifted_length = limbs_shift_left(shifted, a, a_length, count);
        ok = ok && limbs_bit_length(shifted, shifted_length) == (a_length ? limbs_bit_length(a, a_length) + count : 0);
        shifted_length = limbs_shift_right(shifted, shifted, shifted_length, count);
        ok = ok && limbs_compare(shifted, shifted_length, a, a_length) == 0;
        if (!ok && failures++ < 5)
            ASSERT(ok);
    }
    ASSERT_EQ(failures, 0);
}

/* The add-back step of Algorithm D (D6) is taken with probability about
 * 2 / 2^32 for random limbs; these operands take it (found by counting
 * the step's runs over patterned operands, which take it often). */
static void test_division_add_back(void)
{
    static const struct { Limb a[6]; uint32_t a_length; Limb b[3]; uint32_t b_length; } cases[] = {
        { { 0x7fffffff, 0xffffffff, 0x00000000, 0x00000001, 0x00000000, 0xffffffff }, 6,
          { 0x00000001, 0x00000000, 0x00000001 }, 3 },
        { { 0xffffffff, 0x00000000, 0x80000000, 0x00000001 }, 4, { 0x00000001, 0x80000000, 0x00000001 }, 3 },
        { { 0xfffffffe, 0x80000000, 0x80000000, 0x00000001, 0xfffffffe }, 5,
          { 0xfffffffe, 0x00000000, 0xffffffff }, 3 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Limb q[6], r[3], check[9];
        uint32_t q_length, r_length;
        ASSERT(limbs_divide(q, &q_length, r, &r_length, cases[i].a, cases[i].a_length, cases[i].b, cases[i].b_length));
        uint32_t length = limbs_multiply(check, q, q_length, cases[i].b, cases[i].b_length);
        length = limbs_add(check, check, length, r, r_length);
        ASSERT_EQ(limbs_compare(check, length, cases[i].a, cases[i].a_length), 0);
        ASSERT(limbs_compare(r, r_length, cases[i].b, cases[i].b_length) < 0);
    }
}

/* ---- Part 2: operations against node ---- */

static VM *vm;

/* A BigInt parsed from decimal text (StringToBigInt), or NULL. */
static BigInt *parse(const char *text)
{
    String *s = string_from_cstr(vm, text);
    if (!s)
        return NULL;
    Value v = bigint_from_string(vm, s);
    return value_is_bigint(v) ? value_as_bigint(v) : NULL;
}

static BigInt *apply_binary(const char *op, BigInt *a, BigInt *b)
{
    if (!strcmp(op, "+")) return bigint_add(vm, a, b);
    if (!strcmp(op, "-")) return bigint_subtract(vm, a, b);
    if (!strcmp(op, "*")) return bigint_multiply(vm, a, b);
    if (!strcmp(op, "/")) return bigint_divide(vm, a, b);
    if (!strcmp(op, "%")) return bigint_remainder(vm, a, b);
    if (!strcmp(op, "**")) return bigint_exponentiate(vm, a, b);
    if (!strcmp(op, "&")) return bigint_bitwise_and(vm, a, b);
    if (!strcmp(op, "|")) return bigint_bitwise_or(vm, a, b);
    if (!strcmp(op, "^")) return bigint_bitwise_xor(vm, a, b);
    if (!strcmp(op, "<<")) return bigint_left_shift(vm, a, b);
    if (!strcmp(op, ">>")) return bigint_signed_right_shift(vm, a, b);
    if (!strcmp(op, "~")) return bigint_bitwise_not(vm, a);
    if (!strcmp(op, "neg")) return bigint_unary_minus(vm, a);
    return NULL;
}

/* The result of one vector as text: decimal, a Number, or "threw". malloc'd. */
static char *run_vector(const BigIntVector *v)
{
    char *text = NULL;
    size_t length;
    GC_SCOPE(vm->heap);
    BigInt *a = parse(v->a);
    GC_ROOT_CELL(vm->heap, a);
    BigInt *b = parse(v->b);
    GC_ROOT_CELL(vm->heap, b);
    BigInt *result = NULL;
    if (!strcmp(v->op, "number")) {
        char buffer[40];
        number_format(bigint_to_double(a), buffer);
        text = strdup(buffer);
    } else if (!strcmp(v->op, "toString")) {
        text = bigint_format(a, (unsigned)strtoul(v->b, NULL, 10), &length);
    } else if (!strcmp(v->op, "asIntN")) {
        result = bigint_as_int_n(vm, strtoull(v->a, NULL, 10), b);
    } else if (!strcmp(v->op, "asUintN")) {
        result = bigint_as_uint_n(vm, strtoull(v->a, NULL, 10), b);
    } else {
        result = apply_binary(v->op, a, b);
    }
    if (!text && result)
        text = bigint_format(result, 10, &length);
    if (!text && !result) {
        vm_take_exception(vm);
        text = strdup("threw");
    }
    GC_SCOPE_END(vm->heap);
    return text;
}

static void test_vectors(bool stress)
{
    GCOptions options = { 0 };
    options.stress = stress;
    vm = vm_new(&options);
    unsigned failures = 0;
    for (size_t i = 0; i < sizeof BIGINT_VECTORS / sizeof BIGINT_VECTORS[0]; i++) {
        const BigIntVector *v = &BIGINT_VECTORS[i];
        char *got = run_vector(v);
        const char *expected = strstr(v->expected, "Error") ? "threw" : v->expected;
        if (strcmp(got, expected) != 0 && failures++ < 20) {
            fprintf(stderr, "  %s %s %s\n", v->a, v->op, v->b);
            ASSERT_STR_EQ(got, expected);
        }
        free(got);
    }
    ASSERT_EQ(failures, 0);
    vm_free(vm);
}

static void test_vectors_normal(void) { test_vectors(false); }
static void test_vectors_stress(void) { test_vectors(true); }

/* ---- Conversions ---- */

static void test_string_to_bigint(void)
{
    GCOptions options = { 0 };
    vm = vm_new(&options);
    static const struct { const char *text, *expected; } cases[] = {
        { "", "0" }, { "  \t\n ", "0" }, { " 12 ", "12" }, { "-12", "-12" }, { "+12", "12" },
        { "0x1F", "31" }, { "0X1f", "31" }, { "0o17", "15" }, { "0b101", "5" }, { "007", "7" },
        { "-0", "0" }, { "\xC2\xA0" "5", "5" },
        { "1.5", NULL }, { "1e3", NULL }, { "-0x1", NULL }, { "0x", NULL }, { "1_000", NULL },
        { "Infinity", NULL }, { "1n", NULL }, { "0b2", NULL }, { "- 1", NULL }, { "+", NULL },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        String *s = string_from_utf8(vm, cases[i].text, strlen(cases[i].text));
        Value v = bigint_from_string(vm, s);
        size_t length;
        char *text = value_is_bigint(v) ? bigint_format(value_as_bigint(v), 10, &length) : NULL;
        ASSERT_STR_EQ(text, cases[i].expected);
        free(text);
    }
    vm_free(vm);
}

static void test_compare_number(void)
{
    GCOptions options = { 0 };
    vm = vm_new(&options);
    BigInt *big = parse("9007199254740993");   /* 2^53 + 1: no double has it */
    gc_pin(vm->heap, &big->cell);
    ASSERT_EQ(bigint_compare_number(big, 9007199254740992.0), 1);
    ASSERT_EQ(bigint_compare_number(big, 9007199254740994.0), -1);
    ASSERT_EQ(bigint_compare_number(big, INFINITY), -1);
    ASSERT_EQ(bigint_compare_number(big, -INFINITY), 1);
    ASSERT_EQ(bigint_compare_number(big, 1e300), -1);
    BigInt *minus_two = parse("-2");
    ASSERT_EQ(bigint_compare_number(minus_two, -1.5), -1);
    ASSERT_EQ(bigint_compare_number(minus_two, -2.5), 1);
    ASSERT_EQ(bigint_compare_number(minus_two, -2.0), 0);
    ASSERT_EQ(bigint_compare_number(minus_two, 0.0), -1);
    BigInt *zero = parse("0");
    ASSERT_EQ(bigint_compare_number(zero, -0.0), 0);
    ASSERT_EQ(bigint_compare_number(zero, 5e-324), -1);
    gc_unpin(vm->heap, &big->cell);
    vm_free(vm);
}

static void test_size_limit(void)
{
    GCOptions options = { 0 };
    vm = vm_new(&options);
    GC_SCOPE(vm->heap);
    BigInt *two = parse("2");
    GC_ROOT_CELL(vm->heap, two);
    BigInt *huge = parse("1073741824");   /* 2^30 */
    GC_ROOT_CELL(vm->heap, huge);
    ASSERT(bigint_exponentiate(vm, two, huge) == NULL);   /* 2^(2^30) has 2^30 + 1 bits */
    vm_take_exception(vm);
    ASSERT(bigint_left_shift(vm, two, huge) == NULL);
    vm_take_exception(vm);
    ASSERT(bigint_as_uint_n(vm, (uint64_t)1 << 40, parse("-1")) == NULL);
    vm_take_exception(vm);
    BigInt *shifted = bigint_signed_right_shift(vm, two, huge);
    ASSERT(shifted && bigint_is_zero(shifted));
    GC_SCOPE_END(vm->heap);
    vm_free(vm);
}

int main(void)
{
    RUN_TEST(test_division_identity);
    RUN_TEST(test_add_subtract_shift);
    RUN_TEST(test_division_add_back);
    RUN_TEST(test_vectors_normal);
    RUN_TEST(test_vectors_stress);
    RUN_TEST(test_string_to_bigint);
    RUN_TEST(test_compare_number);
    RUN_TEST(test_size_limit);
    return TEST_SUMMARY();
}
