/*
 * Names of variants and outcomes, as they appear in reports and in the
 * expectations file.
 */
#include "tools/test262/results.h"

#include <stdlib.h>
#include <string.h>

static const char *const VARIANT_NAMES[VARIANT__COUNT] = {
    [VARIANT_SLOPPY] = "sloppy",
    [VARIANT_STRICT] = "strict",
    [VARIANT_MODULE] = "module",
    [VARIANT_RAW] = "raw",
};

static const char *const OUTCOME_NAMES[OUTCOME__COUNT] = {
    [OUTCOME_PASS] = "PASS",
    [OUTCOME_FAIL] = "FAIL",
    [OUTCOME_CRASH] = "CRASH",
    [OUTCOME_TIMEOUT] = "TIMEOUT",
};

const char *variant_name(Variant variant)
{
    return variant < VARIANT__COUNT ? VARIANT_NAMES[variant] : "?";
}

Variant variant_from_name(const char *name, size_t len)
{
    for (int v = 0; v < VARIANT__COUNT; v++) {
        if (strlen(VARIANT_NAMES[v]) == len && memcmp(VARIANT_NAMES[v], name, len) == 0)
            return (Variant)v;
    }
    return VARIANT__COUNT;
}

const char *outcome_name(Outcome outcome)
{
    return outcome < OUTCOME__COUNT ? OUTCOME_NAMES[outcome] : "?";
}

bool outcome_is_failure(Outcome outcome)
{
    return outcome != OUTCOME_PASS;
}

void test_results_free(TestResult *results, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        for (int v = 0; v < results[i].variant_count; v++)
            free(results[i].variants[v].message);
    }
    free(results);
}
