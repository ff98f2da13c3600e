/*
 * Reading, checking and rewriting the expectations file (see expectations.h).
 */
#include "tools/test262/expectations.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "tools/test262/suite.h"

typedef struct EntryList {
    Expectation *entries;
    size_t count;
    size_t capacity;
} EntryList;

static void out_of_memory(void)
{
    fprintf(stderr, "test262: out of memory\n");
    exit(2);
}

static char *copy_text(const char *text, size_t length)
{
    char *copy = strndup(text, length);
    if (!copy)
        out_of_memory();
    return copy;
}

static void entry_list_push(EntryList *list, Expectation entry)
{
    if (list->count == list->capacity) {
        list->capacity = list->capacity ? list->capacity * 2 : 256;
        list->entries = realloc(list->entries, list->capacity * sizeof *list->entries);
        if (!list->entries)
            out_of_memory();
    }
    list->entries[list->count++] = entry;
}

static int compare_keys(const char *path_a, Variant variant_a, const char *path_b, Variant variant_b)
{
    int by_path = strcmp(path_a, path_b);
    return by_path != 0 ? by_path : strcmp(variant_name(variant_a), variant_name(variant_b));
}

static int compare_entries(const void *a, const void *b)
{
    const Expectation *x = a, *y = b;
    return compare_keys(x->path, x->variant, y->path, y->variant);
}

static bool in_selection(const Selection *selection, const char *path)
{
    for (size_t i = 0; i < selection->count; i++) {
        if (path_in_selection(path, selection->paths[i]))
            return true;
    }
    return false;
}

/* ---- loading ---- */

static char *trim(char *text)
{
    while (*text == ' ' || *text == '\t')
        text++;
    size_t length = strlen(text);
    while (length > 0 && strchr(" \t\r\n", text[length - 1]))
        text[--length] = '\0';
    return text;
}

/* Parses "path [variant]  # comment". False when the line is malformed. */
static bool parse_entry(char *line, Expectation *entry)
{
    char *comment = strstr(line, "#");
    if (comment) {
        *comment = '\0';
        char *text = trim(comment + 1);
        entry->comment = *text ? copy_text(text, strlen(text)) : NULL;
    }
    line = trim(line);
    char *open = strrchr(line, '[');
    size_t length = strlen(line);
    if (!open || open == line || length == 0 || line[length - 1] != ']')
        return false;
    entry->variant = variant_from_name(open + 1, (size_t)(line + length - 1 - (open + 1)));
    *open = '\0';
    char *path = trim(line);
    if (entry->variant == VARIANT__COUNT || !*path || strchr(path, ' '))
        return false;
    entry->path = copy_text(path, strlen(path));
    return true;
}

static void append_header_line(Expectations *out, const char *line)
{
    size_t old_length = out->header ? strlen(out->header) : 0, length = strlen(line);
    char *header = realloc(out->header, old_length + length + 2);
    if (!header)
        out_of_memory();
    memcpy(header + old_length, line, length);
    header[old_length + length] = '\n';
    header[old_length + length + 1] = '\0';
    out->header = header;
}

/* Keeps the first of each duplicated entry. */
static void sort_unique(EntryList *list)
{
    if (list->count < 2)
        return;   /* also: qsort must not be given the NULL of an empty list */
    qsort(list->entries, list->count, sizeof *list->entries, compare_entries);
    size_t kept = 0;
    for (size_t i = 0; i < list->count; i++) {
        if (kept > 0 && compare_entries(&list->entries[kept - 1], &list->entries[i]) == 0) {
            free(list->entries[i].path);
            free(list->entries[i].comment);
        } else {
            list->entries[kept++] = list->entries[i];
        }
    }
    list->count = kept;
}

bool expectations_load(const char *file, Expectations *out)
{
    memset(out, 0, sizeof *out);
    FILE *in = fopen(file, "r");
    if (!in) {
        if (errno == ENOENT)
            return true;
        fprintf(stderr, "test262: cannot read %s: %s\n", file, strerror(errno));
        return false;
    }
    out->found = true;
    EntryList list = {0};
    char *line = NULL;
    size_t capacity = 0, line_number = 0;
    bool ok = true;
    while (ok && getline(&line, &capacity, in) >= 0) {
        line_number++;
        char *text = trim(line);
        if (*text == '#' && list.count == 0)
            append_header_line(out, text);
        if (*text == '#' || *text == '\0')
            continue;
        Expectation entry = {0};
        ok = parse_entry(text, &entry);
        if (ok) {
            entry_list_push(&list, entry);
        } else {
            fprintf(stderr, "%s:%zu: expected 'path.js [strict|sloppy|module|raw]'\n", file, line_number);
            free(entry.comment);
        }
    }
    free(line);
    fclose(in);
    sort_unique(&list);
    out->entries = list.entries;
    out->count = list.count;
    return ok;
}

void expectations_free(Expectations *expectations)
{
    for (size_t i = 0; i < expectations->count; i++) {
        free(expectations->entries[i].path);
        free(expectations->entries[i].comment);
    }
    free(expectations->entries);
    free(expectations->header);
    memset(expectations, 0, sizeof *expectations);
}

const Expectation *expectations_find(const Expectations *expectations, const char *path, Variant variant)
{
    size_t low = 0, high = expectations->count;
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        const Expectation *entry = &expectations->entries[middle];
        int order = compare_keys(entry->path, entry->variant, path, variant);
        if (order == 0)
            return entry;
        if (order < 0)
            low = middle + 1;
        else
            high = middle;
    }
    return NULL;
}

/* ---- comparing ---- */

/* The result for path and variant in results (sorted by path), or NULL when not run. */
static const VariantResult *find_result(const TestResult *results, size_t count, const char *path, Variant variant)
{
    size_t low = 0, high = count;
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        int order = strcmp(results[middle].path, path);
        if (order == 0) {
            for (int v = 0; v < results[middle].variant_count; v++) {
                if (results[middle].variants[v].variant == variant)
                    return &results[middle].variants[v];
            }
            return NULL;
        }
        if (order < 0)
            low = middle + 1;
        else
            high = middle;
    }
    return NULL;
}

static void compare_result(const Expectations *expectations, const TestResult *test, const VariantResult *variant,
                           Comparison *comparison, FILE *out)
{
    bool listed = expectations_find(expectations, test->path, variant->variant) != NULL;
    bool failed = outcome_is_failure(variant->outcome);
    if (failed && listed) {
        comparison->expected_failures++;
    } else if (failed) {
        comparison->regressions++;
        fprintf(out, "REGRESSION %s [%s] %s%s%s\n", test->path, variant_name(variant->variant),
                outcome_name(variant->outcome), variant->message ? ": " : "",
                variant->message ? variant->message : "");
    } else if (listed) {
        comparison->newly_passing++;
        fprintf(out, "NEWLY PASSING %s [%s]\n", test->path, variant_name(variant->variant));
    }
}

Comparison expectations_compare(const Expectations *expectations, const TestResult *results, size_t count,
                                const Selection *selection, FILE *out)
{
    Comparison comparison = {0};
    for (size_t i = 0; i < count; i++) {
        for (int v = 0; v < results[i].variant_count; v++)
            compare_result(expectations, &results[i], &results[i].variants[v], &comparison, out);
    }
    for (size_t i = 0; i < expectations->count; i++) {
        const Expectation *entry = &expectations->entries[i];
        if (in_selection(selection, entry->path) && !find_result(results, count, entry->path, entry->variant)) {
            comparison.stale++;
            fprintf(out, "STALE EXPECTATION %s [%s] (no such test variant was run)\n", entry->path,
                    variant_name(entry->variant));
        }
    }
    return comparison;
}

/* ---- rewriting ---- */

static void add_failures(EntryList *list, const Expectations *old, const TestResult *test)
{
    for (int v = 0; v < test->variant_count; v++) {
        const VariantResult *variant = &test->variants[v];
        if (!outcome_is_failure(variant->outcome))
            continue;
        const Expectation *previous = expectations_find(old, test->path, variant->variant);
        Expectation entry = {.path = copy_text(test->path, strlen(test->path)), .variant = variant->variant};
        if (previous && previous->comment)
            entry.comment = copy_text(previous->comment, strlen(previous->comment));
        entry_list_push(list, entry);
    }
}

static EntryList build_entries(const Expectations *old, const TestResult *results, size_t count,
                               const Selection *selection)
{
    EntryList list = {0};
    for (size_t i = 0; i < old->count; i++) {
        const Expectation *entry = &old->entries[i];
        if (in_selection(selection, entry->path))
            continue;   /* this run decides about it */
        Expectation copy = {.path = copy_text(entry->path, strlen(entry->path)), .variant = entry->variant};
        if (entry->comment)
            copy.comment = copy_text(entry->comment, strlen(entry->comment));
        entry_list_push(&list, copy);
    }
    for (size_t i = 0; i < count; i++)
        add_failures(&list, old, &results[i]);
    sort_unique(&list);
    return list;
}

static bool write_entries(FILE *out, const char *header, const EntryList *list)
{
    fputs(header ? header : "# Test variants expected to fail: path relative to test/ [variant].\n"
                            "# Regenerate with: test262 --update-expectations\n", out);
    for (size_t i = 0; i < list->count; i++) {
        const Expectation *entry = &list->entries[i];
        fprintf(out, "%s [%s]", entry->path, variant_name(entry->variant));
        if (entry->comment)
            fprintf(out, "  # %s", entry->comment);
        fputc('\n', out);
    }
    return !ferror(out);
}

bool expectations_update(const char *file, const Expectations *old, const TestResult *results, size_t count,
                         const Selection *selection)
{
    EntryList list = build_entries(old, results, count, selection);
    size_t temp_size = strlen(file) + 5;
    char *temp = malloc(temp_size);
    if (!temp)
        out_of_memory();
    snprintf(temp, temp_size, "%s.tmp", file);
    /* Write aside and rename, so an interrupted update leaves the old file whole. */
    FILE *out = fopen(temp, "w");
    bool ok = out && write_entries(out, old->header, &list);
    if (out && fclose(out) != 0)
        ok = false;
    if (ok && rename(temp, file) != 0)
        ok = false;
    if (!ok) {
        fprintf(stderr, "test262: cannot write %s: %s\n", file, strerror(errno));
        remove(temp);
    }
    Expectations written = {.entries = list.entries, .count = list.count};
    expectations_free(&written);
    free(temp);
    return ok;
}
