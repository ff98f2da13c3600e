/*
 * The worker pool: fork()ed processes that load and judge tests, so that a
 * crash or a hang in the engine costs one test, never the run.
 *
 * The parent hands each worker tests over a pipe, keeping one queued behind
 * the current one so the worker never waits for it; the worker answers over
 * another pipe, for each test, with a header (the test's kind and variants)
 * and then one record per variant. A worker handles any number of tests. When it dies (signal, unexpected exit) or overruns the per-variant
 * time limit (the parent kills it), the variant it was on is recorded as
 * CRASH or TIMEOUT, the test's remaining variants are queued again, and a
 * fresh worker takes its place.
 */
#ifndef NODUS_TOOLS_TEST262_WORKERS_H
#define NODUS_TOOLS_TEST262_WORKERS_H

#include <stdbool.h>
#include <stddef.h>

#include "tools/test262/judge.h"
#include "tools/test262/results.h"

typedef struct PoolOptions {
    int jobs;                 /* worker processes, at least 1 */
    unsigned timeout_seconds; /* per variant */
    bool show_progress;       /* a counter on stderr (for terminals) */
} PoolOptions;

/*
 * Runs every test of results (whose paths are set) and fills in each one's
 * kind and variant results. Returns the number of workers it ran at once.
 */
int pool_run(const RunConfig *config, const PoolOptions *options, TestResult *results, size_t count);

#endif
