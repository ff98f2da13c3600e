/*
 * Running and judging one test file, inside a worker process.
 *
 * judge_variant() is the one place that decides whether a variant passes.
 * Parse mode only asks the parser; run mode (run_mode.c) evaluates the
 * harness and the test, compares the thrown error with negative:, and
 * checks what async tests print.
 */
#ifndef NODUS_TOOLS_TEST262_JUDGE_H
#define NODUS_TOOLS_TEST262_JUDGE_H

#include <stddef.h>

#include "tools/test262/metadata.h"
#include "tools/test262/results.h"

typedef enum RunMode {
    MODE_PARSE,     /* parse each variant; judge by whether it parses */
    MODE_RUN,       /* evaluate each variant (run_mode.c) */
} RunMode;

typedef struct RunConfig {
    RunMode mode;
    const char *suite_dir;     /* contains harness/ and test/ */
    const char *test_root;     /* suite_dir/test */
    bool gc_stress;            /* run mode: collect at every allocation (finds rooting bugs) */
} RunConfig;

/* One test file, loaded. */
typedef struct TestCase {
    const char *path;          /* relative to test_root */
    char *source;              /* valid UTF-8 (decoded from the file's bytes) */
    size_t length;
    TestMetadata metadata;
} TestCase;

/* Where a worker sends what it finds: see workers.c for the pipe version. */
typedef struct TestReporter {
    void (*header)(void *context, TestKind kind, int variant_count, const Variant *variants);
    void (*result)(void *context, int slot, Outcome outcome, const char *message);
    void *context;
} TestReporter;

enum { MESSAGE_SIZE = 512 };

/*
 * Loads the test at path and judges its variants from first_slot on (earlier
 * ones ran in a worker that then crashed). Reports the header first, then
 * one result per variant judged.
 */
void run_test_file(const RunConfig *config, const char *path, int first_slot, const TestReporter *reporter);

/* Judges one variant of a loaded test. Writes a reason for a failure to message. */
Outcome judge_variant(const RunConfig *config, const TestCase *test, Variant variant, char *message, size_t message_size);

#endif
