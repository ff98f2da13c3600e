/*
 * A tiny shared harness for the C unit tests (tests/unit/test_*.c), after
 * libuv's test/task.h: assertions that print both sides when they fail.
 *
 *     #include "tests/unit/test_main.h"
 *
 *     static void test_numbers(void)
 *     {
 *         ASSERT_EQ(lex_one("0x10").value.number, 16);
 *         ASSERT_STR_EQ(token_type_name(T_LBRACE), "LBRACE");
 *     }
 *
 *     int main(void)
 *     {
 *         RUN_TEST(test_numbers);
 *         return TEST_SUMMARY();
 *     }
 *
 * Every assertion counts once: a failure prints file:line, the expression
 * and the values, and the test goes on (so one run shows every failure).
 * TEST_SUMMARY() prints "N passed, N failed" and gives the exit status: 0
 * when nothing failed, 1 otherwise, as automake's test driver expects.
 * Everything is static, so each test program includes this once.
 */
#ifndef NODUS_TESTS_UNIT_TEST_MAIN_H
#define NODUS_TESTS_UNIT_TEST_MAIN_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static unsigned test_passed_count;
static unsigned test_failed_count;
static const char *test_current_name = "";

/* Counts one assertion; on failure prints where and why. */
static inline int test_check(int ok, const char *file, int line, const char *what)
{
    if (ok) {
        test_passed_count++;
    } else {
        test_failed_count++;
        fprintf(stderr, "%s:%d: %s: assertion failed: %s\n", file, line, test_current_name, what);
    }
    return ok;
}

#define ASSERT(cond) \
    ((void)test_check(!!(cond), __FILE__, __LINE__, #cond))

/* Integers and enums: both values are shown as intmax_t. */
#define ASSERT_EQ(a, b) do { \
        intmax_t test_a_ = (intmax_t)(a), test_b_ = (intmax_t)(b); \
        if (!test_check(test_a_ == test_b_, __FILE__, __LINE__, #a " == " #b)) \
            fprintf(stderr, "    left:  %" PRIdMAX "\n    right: %" PRIdMAX "\n", test_a_, test_b_); \
    } while (0)

#define ASSERT_NE(a, b) do { \
        intmax_t test_a_ = (intmax_t)(a), test_b_ = (intmax_t)(b); \
        if (!test_check(test_a_ != test_b_, __FILE__, __LINE__, #a " != " #b)) \
            fprintf(stderr, "    both:  %" PRIdMAX "\n", test_a_); \
    } while (0)

/* Doubles, compared exactly (a NaN equals a NaN here). */
#define ASSERT_DOUBLE_EQ(a, b) do { \
        double test_a_ = (a), test_b_ = (b); \
        int test_same_ = test_a_ == test_b_ || (test_a_ != test_a_ && test_b_ != test_b_); \
        if (!test_check(test_same_, __FILE__, __LINE__, #a " == " #b)) \
            fprintf(stderr, "    left:  %.17g\n    right: %.17g\n", test_a_, test_b_); \
    } while (0)

/* NUL-terminated strings; NULL is shown as (null). */
#define ASSERT_STR_EQ(a, b) do { \
        const char *test_a_ = (a), *test_b_ = (b); \
        int test_same_ = test_a_ && test_b_ ? strcmp(test_a_, test_b_) == 0 : test_a_ == test_b_; \
        if (!test_check(test_same_, __FILE__, __LINE__, #a " == " #b)) \
            fprintf(stderr, "    left:  \"%s\"\n    right: \"%s\"\n", \
                    test_a_ ? test_a_ : "(null)", test_b_ ? test_b_ : "(null)"); \
    } while (0)

/* Byte strings of known length (not NUL-terminated): a and b of alen, blen bytes. */
#define ASSERT_MEM_EQ(a, alen, b, blen) do { \
        size_t test_alen_ = (alen), test_blen_ = (blen); \
        int test_same_ = test_alen_ == test_blen_ && memcmp((a), (b), test_alen_) == 0; \
        if (!test_check(test_same_, __FILE__, __LINE__, #a " == " #b)) \
            fprintf(stderr, "    left:  \"%.*s\"\n    right: \"%.*s\"\n", \
                    (int)test_alen_, (const char *)(a), (int)test_blen_, (const char *)(b)); \
    } while (0)

/* Any condition, with a printf-style explanation printed on failure. */
#define CHECK(cond, ...) do { \
        if (!test_check(!!(cond), __FILE__, __LINE__, #cond)) { \
            fputs("    ", stderr); \
            fprintf(stderr, __VA_ARGS__); \
            fputc('\n', stderr); \
        } \
    } while (0)

#define RUN_TEST(fn) do { test_current_name = #fn; fn(); } while (0)

#define TEST_SUMMARY() \
    (printf("%u passed, %u failed\n", test_passed_count, test_failed_count), \
     test_failed_count ? 1 : 0)

#endif
