/*
 * Finding test files: the suite's location and the list of tests a run
 * selects, as paths relative to the suite's test/ directory, sorted.
 */
#ifndef NODUS_TOOLS_TEST262_SUITE_H
#define NODUS_TOOLS_TEST262_SUITE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct PathList {
    char **paths;             /* each malloc'd */
    size_t count;
    size_t capacity;
} PathList;

/*
 * The suite root: dir_option if given, else $TEST262_DIR, else
 * ../shared/test262 when it exists. Returns a malloc'd path, or NULL (with a
 * reason printed) when no suite is found.
 */
char *suite_locate(const char *dir_option);

/*
 * Adds the tests under selection (a file or directory relative to test_root)
 * to list: *.js files, excluding _FIXTURE files, directories walked in
 * sorted order. Returns false, printing why, when selection does not exist.
 */
bool suite_collect(const char *test_root, const char *selection, PathList *list);

/* Sorts the list and drops duplicates (overlapping selections). */
void path_list_sort_unique(PathList *list);
void path_list_free(PathList *list);

/* Whether path (relative to test/) lies within selection (a file or a directory). */
bool path_in_selection(const char *path, const char *selection);

#endif
