/*
 * Unit tests for the test262 runner's harness assembly
 * (tools/test262/harness.c): which harness files a variant evaluates, in
 * which order, and the per-process cache of their text. The files are made
 * in a temporary suite directory, so the test needs no test262 checkout.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests/unit/test_main.h"
#include "tools/test262/harness.h"

/* Parses frontmatter text into metadata (asserting that it parses). */
static void read_metadata(const char *source, TestMetadata *metadata)
{
    char error[256] = "";
    ASSERT(metadata_parse(source, strlen(source), metadata, error, sizeof error));
}

/* The list as one string, "assert.js,sta.js,...", for compact assertions. */
static const char *joined(const HarnessList *list)
{
    static char text[512];
    text[0] = '\0';
    for (size_t i = 0; i < list->count; i++) {
        if (i > 0)
            strcat(text, ",");
        strcat(text, list->names[i]);
    }
    return text;
}

static void check_list(const char *frontmatter, Variant variant, const char *expected)
{
    TestMetadata metadata;
    read_metadata(frontmatter, &metadata);
    HarnessList list;
    ASSERT(harness_list_for(&metadata, variant, &list));
    ASSERT_STR_EQ(joined(&list), expected);
    harness_list_free(&list);
    metadata_free(&metadata);
}

static void test_default_files(void)
{
    check_list("/*---\ndescription: x\n---*/\n", VARIANT_SLOPPY, "assert.js,sta.js");
    check_list("/*---\ndescription: x\n---*/\n", VARIANT_STRICT, "assert.js,sta.js");
}

static void test_includes_follow_in_order(void)
{
    check_list("/*---\nincludes: [propertyHelper.js, compareArray.js]\n---*/\n", VARIANT_SLOPPY,
               "assert.js,sta.js,propertyHelper.js,compareArray.js");
    check_list("/*---\nincludes:\n  - b.js\n  - a.js\n---*/\n", VARIANT_STRICT, "assert.js,sta.js,b.js,a.js");
}

static void test_async_adds_doneprint_before_includes(void)
{
    check_list("/*---\nflags: [async]\nincludes: [asyncHelpers.js]\n---*/\n", VARIANT_SLOPPY,
               "assert.js,sta.js,doneprintHandle.js,asyncHelpers.js");
}

static void test_raw_has_no_harness(void)
{
    check_list("/*---\nflags: [raw]\nincludes: [compareArray.js]\n---*/\n", VARIANT_RAW, "");
}

static void test_module_gets_the_harness(void)
{
    check_list("/*---\nflags: [module]\n---*/\n", VARIANT_MODULE, "assert.js,sta.js");
}

/* ---- the cache ---- */

static char suite_dir[] = "/tmp/test262_harness_XXXXXX";

static void write_harness_file(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/harness/%s", suite_dir, name);
    FILE *file = fopen(path, "w");
    ASSERT(file != NULL);
    if (file) {
        fputs(text, file);
        fclose(file);
    }
}

static void remove_harness_file(const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "%s/harness/%s", suite_dir, name);
    unlink(path);
}

static void test_load_reads_and_caches(void)
{
    char message[256] = "";
    write_harness_file("one.js", "var one = 1;\n");
    const HarnessFile *file = harness_load(suite_dir, "one.js", message, sizeof message);
    ASSERT(file != NULL);
    if (!file)
        return;
    ASSERT_STR_EQ(file->text, "var one = 1;\n");
    ASSERT_EQ(file->length, 13);
    /* Cached: the file is not read again, even once it is gone. */
    remove_harness_file("one.js");
    ASSERT(harness_load(suite_dir, "one.js", message, sizeof message) == file);
}

static void test_load_decodes_utf8(void)
{
    char message[256] = "";
    /* A byte order mark is dropped and an invalid byte becomes U+FFFD. */
    write_harness_file("bom.js", "\xEF\xBB\xBF" "a\xFF");
    const HarnessFile *file = harness_load(suite_dir, "bom.js", message, sizeof message);
    ASSERT(file != NULL);
    if (file)
        ASSERT_STR_EQ(file->text, "a\xEF\xBF\xBD");
    remove_harness_file("bom.js");
}

static void test_load_failures(void)
{
    char message[256] = "";
    ASSERT(harness_load(suite_dir, "missing.js", message, sizeof message) == NULL);
    ASSERT(strstr(message, "cannot read harness/missing.js") != NULL);
    ASSERT(harness_load(suite_dir, "../escape.js", message, sizeof message) == NULL);
    ASSERT(strstr(message, "bad harness file name") != NULL);
}

int main(void)
{
    RUN_TEST(test_default_files);
    RUN_TEST(test_includes_follow_in_order);
    RUN_TEST(test_async_adds_doneprint_before_includes);
    RUN_TEST(test_raw_has_no_harness);
    RUN_TEST(test_module_gets_the_harness);

    char harness_dir[sizeof suite_dir + 16];
    if (!mkdtemp(suite_dir)) {
        perror("mkdtemp");
        return 1;
    }
    snprintf(harness_dir, sizeof harness_dir, "%s/harness", suite_dir);
    if (mkdir(harness_dir, 0700) != 0) {
        perror("mkdir");
        return 1;
    }
    RUN_TEST(test_load_reads_and_caches);
    RUN_TEST(test_load_decodes_utf8);
    RUN_TEST(test_load_failures);
    harness_cache_clear();
    rmdir(harness_dir);
    rmdir(suite_dir);
    return TEST_SUMMARY();
}
