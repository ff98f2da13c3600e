/*
 * The vocabulary shared by every part of the test262 runner: the variants a
 * test runs in, the outcome of one variant, and what the parent process keeps
 * about one test file once its workers have reported.
 */
#ifndef NODUS_TOOLS_TEST262_RESULTS_H
#define NODUS_TOOLS_TEST262_RESULTS_H

#include <stdbool.h>
#include <stddef.h>

/* The ways one test file is run (INTERPRETING.md, "Strict Mode", flags). */
typedef enum Variant {
    VARIANT_SLOPPY,     /* the source as is, Script goal */
    VARIANT_STRICT,     /* "use strict";\n prepended, Script goal */
    VARIANT_MODULE,     /* the source as is, Module goal */
    VARIANT_RAW,        /* the source as is, sloppy, no harness */
    VARIANT__COUNT
} Variant;

/* A file runs at most twice (sloppy and strict). */
enum { MAX_VARIANTS = 2 };

typedef enum Outcome {
    OUTCOME_PASS,
    OUTCOME_FAIL,
    OUTCOME_CRASH,      /* the worker died (signal or unexpected exit) */
    OUTCOME_TIMEOUT,    /* the worker exceeded --timeout and was killed */
    OUTCOME__COUNT
} Outcome;

/* What a test expects, as far as the report distinguishes it. */
typedef enum TestKind {
    TEST_POSITIVE,            /* no negative: key */
    TEST_NEGATIVE_PARSE,      /* negative: phase: parse */
    TEST_NEGATIVE_RESOLUTION, /* negative: phase: resolution (modules) */
    TEST_NEGATIVE_RUNTIME,    /* negative: phase: runtime */
    TEST_KIND__COUNT
} TestKind;

typedef struct VariantResult {
    Variant variant;
    Outcome outcome;
    char *message;            /* malloc'd; NULL when there is nothing to say */
} VariantResult;

typedef struct TestResult {
    const char *path;         /* relative to the suite's test/ directory */
    TestKind kind;
    int variant_count;        /* 0 until a worker has reported the header */
    VariantResult variants[MAX_VARIANTS];
} TestResult;

const char *variant_name(Variant variant);
/* Returns VARIANT__COUNT when name is not a variant name. */
Variant variant_from_name(const char *name, size_t len);
const char *outcome_name(Outcome outcome);
bool outcome_is_failure(Outcome outcome);

void test_results_free(TestResult *results, size_t count);

#endif
