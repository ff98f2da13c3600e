/*
 * Unit tests for the test262 runner's frontmatter reader
 * (tools/test262/metadata.c), over the YAML forms that occur in the suite.
 */
#include <stdio.h>
#include <string.h>

#include "tools/test262/metadata.h"

static int passed, failed;

#define ASSERT_INT(actual, expected)                                                                  \
    do {                                                                                              \
        long long a_ = (long long)(actual), e_ = (long long)(expected);                               \
        if (a_ == e_) {                                                                               \
            passed++;                                                                                 \
        } else {                                                                                      \
            failed++;                                                                                 \
            printf("FAIL %s:%d: %s is %lld, expected %lld\n", __FILE__, __LINE__, #actual, a_, e_);  \
        }                                                                                             \
    } while (0)

#define ASSERT_STR(actual, expected)                                                                   \
    do {                                                                                               \
        const char *a_ = (actual), *e_ = (expected);                                                   \
        if (a_ && strcmp(a_, e_) == 0) {                                                               \
            passed++;                                                                                  \
        } else {                                                                                       \
            failed++;                                                                                  \
            printf("FAIL %s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #actual,         \
                   a_ ? a_ : "(null)", e_);                                                            \
        }                                                                                              \
    } while (0)

/* Parses src; returns whether it was accepted. */
static bool parse(const char *src, TestMetadata *metadata)
{
    char error[256] = "";
    return metadata_parse(src, strlen(src), metadata, error, sizeof error);
}

static void test_inline_lists(void)
{
    TestMetadata m;
    ASSERT_INT(parse("// Copyright\n/*---\nesid: x\ndescription: d\nincludes: [compareArray.js, propertyHelper.js]\n"
                     "flags: [generated, onlyStrict]\nfeatures: [BigInt, \"Symbol.iterator\"]\n---*/\nx;\n", &m), 1);
    ASSERT_INT(m.flags, FLAG_GENERATED | FLAG_ONLY_STRICT);
    ASSERT_INT(m.includes.count, 2);
    ASSERT_STR(m.includes.items[0], "compareArray.js");
    ASSERT_STR(m.includes.items[1], "propertyHelper.js");
    ASSERT_INT(m.features.count, 2);
    ASSERT_STR(m.features.items[1], "Symbol.iterator");
    ASSERT_INT(m.kind, TEST_POSITIVE);
    metadata_free(&m);
}

static void test_block_lists(void)
{
    TestMetadata m;
    ASSERT_INT(parse("/*---\nfeatures:\n  - Symbol.toStringTag\n  - Symbol.iterator  # why\nflags:\n  - module\n"
                     "info: |\n  flags: [raw]\n  - not-a-feature\n---*/\n", &m), 1);
    ASSERT_INT(m.features.count, 2);
    ASSERT_STR(m.features.items[0], "Symbol.toStringTag");
    ASSERT_STR(m.features.items[1], "Symbol.iterator");
    ASSERT_INT(m.flags, FLAG_MODULE);
    metadata_free(&m);
}

static void test_multiline_flow_list(void)
{
    TestMetadata m;
    ASSERT_INT(parse("/*---\nfeatures: [a,\n  b,\n  c]\nflags: [raw]\n---*/\n", &m), 1);
    ASSERT_INT(m.features.count, 3);
    ASSERT_STR(m.features.items[2], "c");
    ASSERT_INT(m.flags, FLAG_RAW);
    metadata_free(&m);
}

static void test_negative_forms(void)
{
    TestMetadata m;
    ASSERT_INT(parse("/*---\nnegative:\n  phase: parse\n  type: SyntaxError\nflags: [noStrict]\n---*/\n", &m), 1);
    ASSERT_INT(m.kind, TEST_NEGATIVE_PARSE);
    ASSERT_STR(m.negative_type, "SyntaxError");
    ASSERT_INT(m.flags, FLAG_NO_STRICT);
    metadata_free(&m);

    ASSERT_INT(parse("/*---\ndescription: >\n  d\nnegative:\n    phase: resolution\n    type: ReferenceError\n---*/\n",
                     &m), 1);
    ASSERT_INT(m.kind, TEST_NEGATIVE_RESOLUTION);
    ASSERT_STR(m.negative_type, "ReferenceError");
    metadata_free(&m);

    ASSERT_INT(parse("/*---\nnegative: {phase: runtime, type: Test262Error}\n---*/\n", &m), 1);
    ASSERT_INT(m.kind, TEST_NEGATIVE_RUNTIME);
    ASSERT_STR(m.negative_type, "Test262Error");
    metadata_free(&m);
}

static void test_crlf(void)
{
    TestMetadata m;
    ASSERT_INT(parse("/*---\r\nnegative:\r\n  phase: parse\r\n  type: SyntaxError\r\nflags: [onlyStrict]\r\n---*/\r\n", &m),
               1);
    ASSERT_INT(m.kind, TEST_NEGATIVE_PARSE);
    ASSERT_STR(m.negative_type, "SyntaxError");
    ASSERT_INT(m.flags, FLAG_ONLY_STRICT);
    metadata_free(&m);
}

static void test_errors(void)
{
    TestMetadata m;
    ASSERT_INT(parse("var x; // no frontmatter\n", &m), 0);
    metadata_free(&m);
    ASSERT_INT(parse("/*---\nnegative:\n  phase: later\n---*/\n", &m), 0);
    metadata_free(&m);
    ASSERT_INT(parse("/*---\nnegative:\n  type: SyntaxError\n---*/\n", &m), 0);
    metadata_free(&m);
}

static void test_variants(void)
{
    TestMetadata m = {0};
    Variant v[MAX_VARIANTS];
    ASSERT_INT(metadata_variants(&m, v), 2);
    ASSERT_INT(v[0], VARIANT_SLOPPY);
    ASSERT_INT(v[1], VARIANT_STRICT);
    m.flags = FLAG_ONLY_STRICT;
    ASSERT_INT(metadata_variants(&m, v), 1);
    ASSERT_INT(v[0], VARIANT_STRICT);
    m.flags = FLAG_NO_STRICT | FLAG_ASYNC;
    ASSERT_INT(metadata_variants(&m, v), 1);
    ASSERT_INT(v[0], VARIANT_SLOPPY);
    m.flags = FLAG_RAW;
    ASSERT_INT(metadata_variants(&m, v), 1);
    ASSERT_INT(v[0], VARIANT_RAW);
    m.flags = FLAG_MODULE | FLAG_RAW;
    ASSERT_INT(metadata_variants(&m, v), 1);
    ASSERT_INT(v[0], VARIANT_MODULE);
}

int main(void)
{
    test_inline_lists();
    test_block_lists();
    test_multiline_flow_list();
    test_negative_forms();
    test_crlf();
    test_errors();
    test_variants();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
