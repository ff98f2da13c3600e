/*
 * A test's YAML frontmatter: the text between the markers "/\*---" and
 * "---*\/" (escaped here so as not to nest comments).
 *
 * This is not a YAML parser. It reads the subset test262 uses for the keys a
 * runner needs (INTERPRETING.md, "Metadata"): flags, includes and features as
 * flow lists ("[a, b]") or block lists ("- a" lines), and negative: as a block
 * mapping at any indentation, or a flow mapping ("{phase: parse, ...}").
 * Other keys (description, info, esid...) and their block scalars are skipped.
 */
#ifndef NODUS_TOOLS_TEST262_METADATA_H
#define NODUS_TOOLS_TEST262_METADATA_H

#include <stdbool.h>
#include <stddef.h>

#include "tools/test262/results.h"

typedef enum TestFlag {
    FLAG_ONLY_STRICT = 1u << 0,
    FLAG_NO_STRICT = 1u << 1,
    FLAG_MODULE = 1u << 2,
    FLAG_RAW = 1u << 3,
    FLAG_ASYNC = 1u << 4,
    FLAG_GENERATED = 1u << 5,
    FLAG_CAN_BLOCK_IS_FALSE = 1u << 6,
    FLAG_CAN_BLOCK_IS_TRUE = 1u << 7,
    FLAG_NON_DETERMINISTIC = 1u << 8,
} TestFlag;

typedef struct StringList {
    char **items;             /* each malloc'd and NUL-terminated */
    size_t count;
} StringList;

typedef struct TestMetadata {
    unsigned flags;           /* TestFlag bits */
    TestKind kind;            /* positive, or negative at which phase */
    char negative_type[64];   /* "SyntaxError"; empty for positive tests */
    StringList includes;      /* harness files, in order */
    StringList features;
} TestMetadata;

/*
 * Reads the frontmatter of src. Returns false, with a reason in error, when
 * there is none or it is malformed (unknown negative phase, for instance);
 * *out is then still initialised and safe to free.
 */
bool metadata_parse(const char *src, size_t len, TestMetadata *out, char *error, size_t error_size);
void metadata_free(TestMetadata *metadata);

bool string_list_contains(const StringList *list, const char *item);

/* The variants the flags call for, in the order they run. Returns the count. */
int metadata_variants(const TestMetadata *metadata, Variant variants[MAX_VARIANTS]);

#endif
