/*
 * Loading a test file and judging its variants (see judge.h).
 */
#include "tools/test262/judge.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lexer/arena.h"
#include "lexer/utf8.h"
#include "parser/parser.h"
#include "tools/test262/run_mode.h"

/* INTERPRETING.md, "Strict Mode": this exact text starts a strict variant. */
static const char STRICT_PREFIX[] = "\"use strict\";\n";

/* Reads a whole file. Returns malloc'd bytes or NULL with errno set. */
static char *read_file(const char *path, size_t *length)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat st;
    char *bytes = NULL;
    if (fstat(fd, &st) == 0 && (bytes = malloc((size_t)st.st_size + 1)) != NULL) {
        size_t done = 0, want = (size_t)st.st_size;
        ssize_t got = 0;
        while (done < want && (got = read(fd, bytes + done, want - done)) > 0)
            done += (size_t)got;
        if (got < 0) {
            free(bytes);
            bytes = NULL;
        } else {
            bytes[done] = '\0';
            *length = done;
        }
    }
    int saved = errno;
    close(fd);
    errno = saved;
    return bytes;
}

/* Reads, decodes and reads the frontmatter. False with a reason in message. */
static bool load_test(const RunConfig *config, const char *path, TestCase *test, char *message, size_t message_size)
{
    memset(test, 0, sizeof *test);
    test->path = path;
    test->metadata.kind = TEST_POSITIVE;
    size_t path_size = strlen(config->test_root) + strlen(path) + 2;
    char *full_path = malloc(path_size);
    if (!full_path) {
        snprintf(message, message_size, "out of memory");
        return false;
    }
    snprintf(full_path, path_size, "%s/%s", config->test_root, path);
    size_t length = 0;
    char *bytes = read_file(full_path, &length);
    free(full_path);
    if (!bytes) {
        snprintf(message, message_size, "cannot read: %s", strerror(errno));
        return false;
    }
    /* The frontmatter is ASCII, so the raw bytes serve as well as decoded text. */
    bool ok = metadata_parse(bytes, length, &test->metadata, message, message_size);
    test->source = source_decode_utf8(bytes, length, &test->length);
    free(bytes);
    if (!test->source) {
        snprintf(message, message_size, "out of memory decoding the source");
        return false;
    }
    return ok;
}

static void unload_test(TestCase *test)
{
    free(test->source);
    metadata_free(&test->metadata);
}

/* The source text of a variant: malloc'd, or the test's own when unchanged. */
static const char *variant_source(const TestCase *test, Variant variant, size_t *length, char **to_free)
{
    *to_free = NULL;
    *length = test->length;
    if (variant != VARIANT_STRICT)
        return test->source;
    size_t prefix = sizeof STRICT_PREFIX - 1;
    char *text = malloc(prefix + test->length + 1);
    if (!text)
        return NULL;
    memcpy(text, STRICT_PREFIX, prefix);
    memcpy(text + prefix, test->source, test->length + 1);
    *length = prefix + test->length;
    *to_free = text;
    return text;
}

/* Parses one variant. Returns whether it parsed; fills error when not. */
static bool parse_variant(const TestCase *test, Variant variant, ParseError *error)
{
    size_t length;
    char *to_free;
    const char *source = variant_source(test, variant, &length, &to_free);
    if (!source || length > UINT32_MAX) {
        snprintf(error->message, sizeof error->message, "source too large or out of memory");
        return false;
    }
    /* Strictness comes from the source itself: the prefix, or the Module goal. */
    ParseOptions options = {.is_module = variant == VARIANT_MODULE, .is_strict = false};
    Arena arena;
    arena_init(&arena);   /* one arena per parse, so memory stays bounded */
    Node *program = parse_program(&arena, source, (uint32_t)length, &options, error);
    arena_free(&arena);
    free(to_free);
    return program != NULL;
}

/*
 * Parse mode: a test negative at phase parse passes iff parsing fails. The
 * parser only reports SyntaxErrors, and every such test in the suite expects
 * one, so any parse failure counts. Every other test (positive, or negative
 * at resolution or runtime) passes iff it parses.
 */
static Outcome judge_parse_mode(const TestCase *test, Variant variant, char *message, size_t message_size)
{
    ParseError error;
    memset(&error, 0, sizeof error);
    bool parsed = parse_variant(test, variant, &error);
    bool expects_error = test->metadata.kind == TEST_NEGATIVE_PARSE;
    if (parsed == !expects_error)
        return OUTCOME_PASS;
    if (parsed)
        snprintf(message, message_size, "parsed, but the test expects a parse-time %s",
                 test->metadata.negative_type[0] ? test->metadata.negative_type : "error");
    else
        snprintf(message, message_size, "SyntaxError at %u:%u: %s", error.line, error.col, error.message);
    return OUTCOME_FAIL;
}

/* Run mode: evaluate the variant's source (see run_mode.c). */
static Outcome judge_run_mode(const RunConfig *config, const TestCase *test, Variant variant, char *message,
                              size_t message_size)
{
    size_t length;
    char *to_free;
    const char *source = variant_source(test, variant, &length, &to_free);
    if (!source) {
        snprintf(message, message_size, "out of memory");
        return OUTCOME_FAIL;
    }
    Outcome outcome = run_variant(config, test, variant, source, length, message, message_size);
    free(to_free);
    return outcome;
}

Outcome judge_variant(const RunConfig *config, const TestCase *test, Variant variant, char *message, size_t message_size)
{
    switch (config->mode) {
    case MODE_PARSE:
        return judge_parse_mode(test, variant, message, message_size);
    case MODE_RUN:
        return judge_run_mode(config, test, variant, message, message_size);
    }
    return OUTCOME_FAIL;
}

void run_test_file(const RunConfig *config, const char *path, int first_slot, const TestReporter *reporter)
{
    TestCase test;
    char message[MESSAGE_SIZE] = "";
    bool loaded = load_test(config, path, &test, message, sizeof message);
    Variant variants[MAX_VARIANTS];
    int count = metadata_variants(&test.metadata, variants);
    reporter->header(reporter->context, test.metadata.kind, count, variants);
    for (int slot = first_slot; slot < count; slot++) {
        if (!loaded) {
            reporter->result(reporter->context, slot, OUTCOME_FAIL, message);
            continue;
        }
        message[0] = '\0';
        Outcome outcome = judge_variant(config, &test, variants[slot], message, sizeof message);
        reporter->result(reporter->context, slot, outcome, message[0] ? message : NULL);
    }
    unload_test(&test);
}
