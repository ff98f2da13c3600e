/*
 * What a run prints about its results: failures, the per-directory summary
 * table, and the totals CI reads.
 */
#ifndef NODUS_TOOLS_TEST262_REPORT_H
#define NODUS_TOOLS_TEST262_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "tools/test262/results.h"

typedef struct Totals {
    size_t passed;            /* variants */
    size_t failed;            /* variants: FAIL, CRASH or TIMEOUT */
    size_t by_outcome[OUTCOME__COUNT];
} Totals;

Totals report_totals(const TestResult *results, size_t count);

/*
 * Prints each failing variant with its message when verbose; crashes and
 * timeouts are printed always, as they point at engine bugs.
 */
void report_failures(FILE *out, const TestResult *results, size_t count, bool verbose);

/*
 * The table of passed/total variants per directory (the first depth levels
 * below test/), the totals, and the two figures the project targets:
 * positive tests parsed and parse-negative tests rejected.
 */
void report_summary(FILE *out, const TestResult *results, size_t count, int depth);

#endif
