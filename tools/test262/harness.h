/*
 * The harness files a test variant needs (INTERPRETING.md, "Test262-Defined
 * Bindings", "includes", the async flag), and their text, read once per
 * worker process and cached: nearly every test includes assert.js and
 * sta.js, so each worker reads them once instead of tens of thousands of
 * times.
 */
#ifndef NODUS_TOOLS_TEST262_HARNESS_H
#define NODUS_TOOLS_TEST262_HARNESS_H

#include <stddef.h>

#include "tools/test262/metadata.h"

/* The harness files of a variant, in the order they are evaluated. */
typedef struct HarnessList {
    const char **names;       /* file names in harness/ (borrowed from metadata or static) */
    size_t count;
} HarnessList;

/*
 * Fills list with the files evaluated before the test: none for raw tests;
 * else assert.js, sta.js, doneprintHandle.js for async tests, then each of
 * includes: in order. names[] is malloc'd (free with harness_list_free); the
 * strings stay owned by metadata. False when out of memory.
 */
bool harness_list_for(const TestMetadata *metadata, Variant variant, HarnessList *list);
void harness_list_free(HarnessList *list);

/* One harness file's text: valid UTF-8, NUL-terminated, owned by the cache. */
typedef struct HarnessFile {
    const char *name;
    const char *text;
    size_t length;
} HarnessFile;

/*
 * The text of harness/<name> under suite_dir, read and decoded on first use.
 * NULL with a reason in message when the file cannot be read (a missing
 * include fails the test, not the run).
 */
const HarnessFile *harness_load(const char *suite_dir, const char *name, char *message, size_t message_size);

/* Frees the cache (for leak checkers; workers exit without it). */
void harness_cache_clear(void);

#endif
