/*
 * Unit tests for the test262 runner's run mode (tools/test262/run_mode.c,
 * host262.c, thrown.c, script.c): small tests, run in-process (no worker
 * pool) against a small harness written to a temporary suite directory, so
 * that the verdicts and messages are checked without a test262 checkout and
 * leak checkers see everything.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests/unit/test_main.h"
#include "tools/test262/harness.h"
#include "tools/test262/run_mode.h"

/* Stand-ins for the suite's harness files, using only the language. */
static const char STA_JS[] =
    "function Test262Error(message) { this.message = message || ''; }\n"
    "Test262Error.prototype.toString = function () { return 'Test262Error: ' + this.message; };\n"
    "function $DONOTEVALUATE() { throw 'Test262: This statement should not be evaluated.'; }\n";
static const char ASSERT_JS[] =
    "function assert(value, message) { if (value !== true) throw new Test262Error(message); }\n"
    "assert.sameValue = function (actual, expected) {\n"
    "  if (actual !== expected) throw new Test262Error('Expected ' + expected + ' but got ' + actual);\n"
    "};\n";
static const char DONEPRINT_JS[] =
    "function $DONE(error) {\n"
    "  if (error) print('Test262:AsyncTestFailure:' + error.name + ': ' + error.message);\n"
    "  else print('Test262:AsyncTestComplete');\n"
    "}\n";
static const char HELPER_JS[] = "var helperLoaded = 42;\n";

static char suite_dir[] = "/tmp/test262_run_XXXXXX";
static char harness_dir[sizeof suite_dir + 16];
static char message[MESSAGE_SIZE];
static bool gc_stress;   /* the second pass collects at every allocation */

static void write_harness_file(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", harness_dir, name);
    FILE *file = fopen(path, "w");
    if (file) {
        fputs(text, file);
        fclose(file);
    }
}

static bool make_suite(void)
{
    if (!mkdtemp(suite_dir))
        return false;
    snprintf(harness_dir, sizeof harness_dir, "%s/harness", suite_dir);
    if (mkdir(harness_dir, 0700) != 0)
        return false;
    write_harness_file("sta.js", STA_JS);
    write_harness_file("assert.js", ASSERT_JS);
    write_harness_file("doneprintHandle.js", DONEPRINT_JS);
    write_harness_file("helper.js", HELPER_JS);
    return true;
}

static void remove_suite(void)
{
    const char *names[] = {"sta.js", "assert.js", "doneprintHandle.js", "helper.js"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char path[256];
        snprintf(path, sizeof path, "%s/%s", harness_dir, names[i]);
        unlink(path);
    }
    rmdir(harness_dir);
    rmdir(suite_dir);
}

/* Runs source (frontmatter included) as variant; the message goes to message. */
static Outcome run(const char *source, Variant variant)
{
    RunConfig config = {.mode = MODE_RUN, .suite_dir = suite_dir, .test_root = suite_dir, .gc_stress = gc_stress};
    TestCase test = {.path = "unit.js", .source = (char *)source, .length = strlen(source)};
    char error[256] = "";
    test.metadata.kind = TEST_POSITIVE;
    if (!metadata_parse(source, strlen(source), &test.metadata, error, sizeof error))
        fprintf(stderr, "bad frontmatter: %s\n", error);
    message[0] = '\0';
    Outcome outcome = run_variant(&config, &test, variant, source, test.length, message, sizeof message);
    metadata_free(&test.metadata);
    return outcome;
}

#define POSITIVE "/*---\ndescription: x\n---*/\n"
#define NEGATIVE(phase, type) "/*---\nnegative:\n  phase: " phase "\n  type: " type "\n---*/\n"

static void test_positive(void)
{
    ASSERT_EQ(run(POSITIVE "assert.sameValue(1 + 1, 2);", VARIANT_SLOPPY), OUTCOME_PASS);
    ASSERT_EQ(run(POSITIVE "assert.sameValue(1 + 1, 3);", VARIANT_SLOPPY), OUTCOME_FAIL);
    ASSERT_STR_EQ(message, "Test262Error: Expected 3 but got 2");
    ASSERT_EQ(run(POSITIVE "undefinedVariable;", VARIANT_SLOPPY), OUTCOME_FAIL);
    ASSERT(strncmp(message, "ReferenceError: ", 16) == 0);
    ASSERT_EQ(run(POSITIVE "throw 'text';", VARIANT_SLOPPY), OUTCOME_FAIL);
    ASSERT_STR_EQ(message, "uncaught 'text' (at 4:1)");
    ASSERT_EQ(run(POSITIVE "\n  throw 1.5;", VARIANT_SLOPPY), OUTCOME_FAIL);
    ASSERT_STR_EQ(message, "uncaught 1.5 (at 5:3)");
    ASSERT_EQ(run(POSITIVE "var x = ;", VARIANT_SLOPPY), OUTCOME_FAIL);
    ASSERT(strncmp(message, "SyntaxError at ", 15) == 0);
}

static void test_strict_variant(void)
{
    /* The prefix makes the test strict; the harness stays sloppy. */
    ASSERT_EQ(run(POSITIVE "(function () { assert.sameValue(this, undefined); })();", VARIANT_SLOPPY), OUTCOME_FAIL);
    char strict[256];
    snprintf(strict, sizeof strict, "\"use strict\";\n%s", POSITIVE "(function () { assert.sameValue(this, undefined); })();");
    ASSERT_EQ(run(strict, VARIANT_STRICT), OUTCOME_PASS);
    /* Positions are the test file's: the prefix line is not counted. */
    ASSERT_EQ(run("\"use strict\";\n" POSITIVE "throw 1;", VARIANT_STRICT), OUTCOME_FAIL);
    ASSERT_STR_EQ(message, "uncaught 1 (at 4:1)");
}

static void test_includes_and_raw(void)
{
    ASSERT_EQ(run("/*---\nincludes: [helper.js]\n---*/\nassert.sameValue(helperLoaded, 42);", VARIANT_SLOPPY),
              OUTCOME_PASS);
    ASSERT_EQ(run("/*---\nincludes: [missing.js]\n---*/\n", VARIANT_SLOPPY), OUTCOME_FAIL);
    ASSERT(strstr(message, "cannot read harness/missing.js") != NULL);
    ASSERT_EQ(run("/*---\nflags: [raw]\n---*/\nif (typeof assert !== 'undefined') throw 1;", VARIANT_RAW),
              OUTCOME_PASS);
}

static void test_negative_runtime(void)
{
    ASSERT_EQ(run(NEGATIVE("runtime", "ReferenceError") "undefinedVariable;", VARIANT_SLOPPY), OUTCOME_PASS);
    ASSERT_EQ(run(NEGATIVE("runtime", "TypeError") "undefinedVariable;", VARIANT_SLOPPY), OUTCOME_FAIL);
    ASSERT(strncmp(message, "expected TypeError, got ReferenceError: ", 40) == 0);
    ASSERT_EQ(run(NEGATIVE("runtime", "Test262Error") "throw new Test262Error('x');", VARIANT_SLOPPY),
              OUTCOME_PASS);
    ASSERT_EQ(run(NEGATIVE("runtime", "TypeError") "1;", VARIANT_SLOPPY), OUTCOME_FAIL);
    ASSERT_STR_EQ(message, "completed normally, but the test expects a runtime TypeError");
    /* A getter on constructor is not called: the verdict reads data properties only. */
    ASSERT_EQ(run(NEGATIVE("runtime", "TypeError")
                  "throw { get constructor() { throw 1; } };",
                  VARIANT_SLOPPY),
              OUTCOME_FAIL);
    ASSERT(strncmp(message, "expected TypeError, got ", 24) == 0);
}

static void test_negative_parse(void)
{
    ASSERT_EQ(run(NEGATIVE("parse", "SyntaxError") "$DONOTEVALUATE();\nvar x = ;", VARIANT_SLOPPY), OUTCOME_PASS);
    ASSERT_EQ(run(NEGATIVE("parse", "SyntaxError") "$DONOTEVALUATE();", VARIANT_SLOPPY), OUTCOME_FAIL);
    ASSERT_STR_EQ(message, "parsed, but the test expects a parse-time SyntaxError");
}

static void test_async(void)
{
    const char *flags = "/*---\nflags: [async]\n---*/\n";
    char source[256];
    snprintf(source, sizeof source, "%s$DONE();", flags);
    ASSERT_EQ(run(source, VARIANT_SLOPPY), OUTCOME_PASS);
    snprintf(source, sizeof source, "%s$DONE(new Test262Error('bad'));", flags);
    ASSERT_EQ(run(source, VARIANT_SLOPPY), OUTCOME_FAIL);
    ASSERT(strncmp(message, "async test failed: ", 19) == 0);
    snprintf(source, sizeof source, "%s1;", flags);
    ASSERT_EQ(run(source, VARIANT_SLOPPY), OUTCOME_FAIL);
    ASSERT(strstr(message, "never printed") != NULL);
}

static void test_host_262(void)
{
    ASSERT_EQ(run(POSITIVE "assert.sameValue($262.global, this); $262.gc();", VARIANT_SLOPPY), OUTCOME_PASS);
    ASSERT_EQ(run(POSITIVE "assert.sameValue($262.evalScript('var fromEval = 1; fromEval + 1'), 2);"
                           "assert.sameValue(fromEval, 1);",
                  VARIANT_SLOPPY),
              OUTCOME_PASS);
    ASSERT_EQ(run(NEGATIVE("runtime", "SyntaxError") "$262.evalScript('var x = ;');", VARIANT_SLOPPY),
              OUTCOME_PASS);
    ASSERT_EQ(run(POSITIVE "print('ignored'); print();", VARIANT_SLOPPY), OUTCOME_PASS);
}

static void test_modules(void)
{
    ASSERT_EQ(run("/*---\nflags: [module]\n---*/\nexport var x = 1;\nassert.sameValue(x, 1);\n"
                  "assert.sameValue(this, undefined);",
                  VARIANT_MODULE),
              OUTCOME_PASS);
    /* a fixture beside the test, imported by a relative specifier */
    char fixture[256];
    snprintf(fixture, sizeof fixture, "%s/unit_FIXTURE.js", suite_dir);
    FILE *file = fopen(fixture, "w");
    ASSERT(file != NULL);
    if (file) {
        fputs("export let y = 2;\n", file);
        fclose(file);
    }
    ASSERT_EQ(run("/*---\nflags: [module]\n---*/\nimport { y } from './unit_FIXTURE.js';\nassert.sameValue(y, 2);",
                  VARIANT_MODULE),
              OUTCOME_PASS);
    ASSERT_EQ(run("/*---\nflags: [module]\nnegative:\n  phase: resolution\n  type: SyntaxError\n---*/\n"
                  "import { nope } from './unit_FIXTURE.js';",
                  VARIANT_MODULE),
              OUTCOME_PASS);
    ASSERT_EQ(run("/*---\nflags: [module]\n---*/\nimport { nope } from './unit_FIXTURE.js';", VARIANT_MODULE),
              OUTCOME_FAIL);
    ASSERT_STR_EQ(message, "linking failed: SyntaxError: The requested module './unit_FIXTURE.js' does not provide "
                           "an export named 'nope'");
    unlink(fixture);
    ASSERT_EQ(run("/*---\nflags: [module]\nnegative:\n  phase: parse\n  type: SyntaxError\n---*/\nexport var x; export var x;",
                  VARIANT_MODULE),
              OUTCOME_PASS);
}

int main(void)
{
    if (!make_suite()) {
        perror("test_test262_run: temporary suite");
        return 1;
    }
    for (int pass = 0; pass < 2; pass++) {
        gc_stress = pass == 1;
        RUN_TEST(test_positive);
        RUN_TEST(test_strict_variant);
        RUN_TEST(test_includes_and_raw);
        RUN_TEST(test_negative_runtime);
        RUN_TEST(test_negative_parse);
        RUN_TEST(test_async);
        RUN_TEST(test_host_262);
        RUN_TEST(test_modules);
    }
    harness_cache_clear();
    remove_suite();
    return TEST_SUMMARY();
}
