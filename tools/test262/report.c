/*
 * Printing results (see report.h).
 */
#include "tools/test262/report.h"

#include <stdlib.h>
#include <string.h>

typedef struct Tally {
    size_t passed;
    size_t total;
} Tally;

typedef struct Group {
    const char *path;         /* a test path; its first key_length bytes name the group */
    size_t key_length;
    Tally tally;
} Group;

typedef struct GroupList {
    Group *groups;
    size_t count;
    size_t capacity;
} GroupList;

enum { NAME_WIDTH = 48 };

static void tally_variants(Tally *tally, const TestResult *test)
{
    for (int v = 0; v < test->variant_count; v++) {
        tally->total++;
        if (!outcome_is_failure(test->variants[v].outcome))
            tally->passed++;
    }
}

/* Percent with one decimal, rounded down so that 100.0% means all passed. */
static void print_percent(FILE *out, Tally tally)
{
    if (tally.total == 0) {
        fprintf(out, "%7s", "-");
        return;
    }
    size_t permille = tally.passed * 1000 / tally.total;
    fprintf(out, "%5zu.%zu%%", permille / 10, permille % 10);
}

static void print_row(FILE *out, const char *name, size_t name_length, Tally tally)
{
    fprintf(out, "%-*.*s %9zu %9zu ", NAME_WIDTH, (int)name_length, name, tally.passed, tally.total);
    print_percent(out, tally);
    fputc('\n', out);
}

Totals report_totals(const TestResult *results, size_t count)
{
    Totals totals = {0};
    for (size_t i = 0; i < count; i++) {
        for (int v = 0; v < results[i].variant_count; v++) {
            Outcome outcome = results[i].variants[v].outcome;
            totals.by_outcome[outcome]++;
            if (outcome_is_failure(outcome))
                totals.failed++;
            else
                totals.passed++;
        }
    }
    return totals;
}

void report_failures(FILE *out, const TestResult *results, size_t count, bool verbose)
{
    for (size_t i = 0; i < count; i++) {
        for (int v = 0; v < results[i].variant_count; v++) {
            const VariantResult *variant = &results[i].variants[v];
            bool loud = variant->outcome == OUTCOME_CRASH || variant->outcome == OUTCOME_TIMEOUT;
            if (!outcome_is_failure(variant->outcome) || !(verbose || loud))
                continue;
            fprintf(out, "%s%s %s [%s]%s%s\n", loud ? "*** " : "", outcome_name(variant->outcome), results[i].path,
                    variant_name(variant->variant), variant->message ? ": " : "",
                    variant->message ? variant->message : "");
        }
    }
}

/* ---- the per-directory table ---- */

/* Bytes of path naming its directory down to depth levels (never the file name). */
static size_t group_key_length(const char *path, int depth)
{
    const char *last_slash = strrchr(path, '/');
    if (!last_slash || depth <= 0)
        return 0;
    size_t directory_length = (size_t)(last_slash - path);
    size_t at = 0;
    for (int level = 0; level < depth; level++) {
        const char *slash = memchr(path + at, '/', directory_length - at);
        if (!slash)
            return directory_length;
        at = (size_t)(slash - path) + 1;
    }
    return at - 1;
}

static Group *find_group(GroupList *list, const char *path, size_t key_length)
{
    /* Sorted paths keep most groups contiguous: try the latest first. */
    for (size_t i = list->count; i-- > 0;) {
        Group *group = &list->groups[i];
        if (group->key_length == key_length && memcmp(group->path, path, key_length) == 0)
            return group;
    }
    if (list->count == list->capacity) {
        list->capacity = list->capacity ? list->capacity * 2 : 64;
        list->groups = realloc(list->groups, list->capacity * sizeof *list->groups);
        if (!list->groups) {
            fprintf(stderr, "test262: out of memory\n");
            exit(2);
        }
    }
    list->groups[list->count] = (Group){.path = path, .key_length = key_length};
    return &list->groups[list->count++];
}

static int compare_groups(const void *a, const void *b)
{
    const Group *x = a, *y = b;
    size_t shorter = x->key_length < y->key_length ? x->key_length : y->key_length;
    int order = memcmp(x->path, y->path, shorter);
    if (order != 0)
        return order;
    return (x->key_length > y->key_length) - (x->key_length < y->key_length);
}

static void print_table(FILE *out, const TestResult *results, size_t count, int depth)
{
    GroupList list = {0};
    Tally total = {0};
    for (size_t i = 0; i < count; i++) {
        Group *group = find_group(&list, results[i].path, group_key_length(results[i].path, depth));
        tally_variants(&group->tally, &results[i]);
        tally_variants(&total, &results[i]);
    }
    if (list.count > 1)
        qsort(list.groups, list.count, sizeof *list.groups, compare_groups);
    fprintf(out, "%-*s %9s %9s %7s\n", NAME_WIDTH, "directory (variants)", "passed", "total", "%");
    for (size_t i = 0; i < list.count; i++) {
        const Group *group = &list.groups[i];
        print_row(out, group->key_length ? group->path : ".", group->key_length ? group->key_length : 1,
                  group->tally);
    }
    print_row(out, "total", 5, total);
    free(list.groups);
}

/* ---- the targets ---- */

static void print_kind_line(FILE *out, const char *label, Tally tally)
{
    fprintf(out, "%-40s %7zu / %-7zu ", label, tally.passed, tally.total);
    print_percent(out, tally);
    fputc('\n', out);
}

static void print_by_kind(FILE *out, const TestResult *results, size_t count)
{
    Tally by_kind[TEST_KIND__COUNT] = {{0}};
    for (size_t i = 0; i < count; i++)
        tally_variants(&by_kind[results[i].kind], &results[i]);
    Tally other_negative = {
        by_kind[TEST_NEGATIVE_RESOLUTION].passed + by_kind[TEST_NEGATIVE_RUNTIME].passed,
        by_kind[TEST_NEGATIVE_RESOLUTION].total + by_kind[TEST_NEGATIVE_RUNTIME].total,
    };
    print_kind_line(out, "positive tests passed:", by_kind[TEST_POSITIVE]);
    print_kind_line(out, "negative tests (phase parse) passed:", by_kind[TEST_NEGATIVE_PARSE]);
    print_kind_line(out, "negative tests (resolution, runtime):", other_negative);
}

void report_summary(FILE *out, const TestResult *results, size_t count, int depth)
{
    print_table(out, results, count, depth);
    fputc('\n', out);
    print_by_kind(out, results, count);
    Totals totals = report_totals(results, count);
    fprintf(out, "outcomes: %zu PASS, %zu FAIL, %zu CRASH, %zu TIMEOUT\n", totals.by_outcome[OUTCOME_PASS],
            totals.by_outcome[OUTCOME_FAIL], totals.by_outcome[OUTCOME_CRASH], totals.by_outcome[OUTCOME_TIMEOUT]);
}
