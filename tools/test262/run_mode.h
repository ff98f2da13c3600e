/*
 * Run mode: evaluating one test variant in a fresh VM and judging the
 * result (INTERPRETING.md, "Test Execution", "Test Results", "negative").
 *
 * A variant runs as a sequence of scripts in one realm: each harness file of
 * harness_list_for(), then the test. See run_mode.c for why separate scripts
 * rather than one concatenated source.
 */
#ifndef NODUS_TOOLS_TEST262_RUN_MODE_H
#define NODUS_TOOLS_TEST262_RUN_MODE_H

#include <stddef.h>

#include "tools/test262/judge.h"

/* The heap limit of each variant's VM: a runaway test gets a RangeError
 * (out of memory) long before it could exhaust the machine. */
#define RUN_MODE_HEAP_LIMIT ((size_t)512 << 20)

/*
 * Evaluates a variant of test whose source text (the file's, with the
 * "use strict" prefix for the strict variant) is source, and judges it.
 * Writes a one-line reason for a failure to message.
 */
Outcome run_variant(const RunConfig *config, const TestCase *test, Variant variant, const char *source, size_t length,
                    char *message, size_t message_size);

#endif
