/*
 * The expectations file: every test variant expected to fail, one per line,
 *
 *     path/relative/to/test/dir.js [strict|sloppy|module|raw]   # optional reason
 *
 * sorted, with '#' comment lines. A run is compared against it: a failure
 * not listed is a regression; a listed variant that passes is newly passing.
 * Rewriting keeps the leading comment block and each entry's trailing
 * comment; other comment lines are not preserved.
 */
#ifndef NODUS_TOOLS_TEST262_EXPECTATIONS_H
#define NODUS_TOOLS_TEST262_EXPECTATIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "tools/test262/results.h"

typedef struct Expectation {
    char *path;
    Variant variant;
    char *comment;            /* the trailing "# ..." text, or NULL */
} Expectation;

typedef struct Expectations {
    Expectation *entries;     /* sorted by path, then variant name */
    size_t count;
    char *header;             /* comment lines before the first entry, or NULL */
    bool found;               /* whether the file existed */
} Expectations;

/* The selected paths of a run: only expectations within them are judged. */
typedef struct Selection {
    char *const *paths;       /* relative to test/; "" is the whole suite */
    size_t count;
} Selection;

typedef struct Comparison {
    size_t expected_failures; /* failed and listed */
    size_t regressions;       /* failed, not listed */
    size_t newly_passing;     /* passed, listed */
    size_t stale;             /* listed within the selection, but not run */
} Comparison;

/* A missing file is an empty list (found = false). False on unreadable or malformed files. */
bool expectations_load(const char *file, Expectations *out);
void expectations_free(Expectations *expectations);

const Expectation *expectations_find(const Expectations *expectations, const char *path, Variant variant);

/* Compares results (sorted by path) with the list, printing each regression and newly passing variant. */
Comparison expectations_compare(const Expectations *expectations, const TestResult *results, size_t count,
                                const Selection *selection, FILE *out);

/*
 * Rewrites file: the old entries outside the selection, plus this run's
 * failures. Returns false, printing why, when the file cannot be written.
 */
bool expectations_update(const char *file, const Expectations *old, const TestResult *results, size_t count,
                         const Selection *selection);

#endif
