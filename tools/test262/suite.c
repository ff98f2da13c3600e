/*
 * Walking the test262 tree. Directory entries are sorted before use so that
 * runs and reports are stable whatever order the file system returns.
 */
#include "tools/test262/suite.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void out_of_memory(void)
{
    fprintf(stderr, "test262: out of memory\n");
    exit(2);
}

static char *join_path(const char *a, const char *b)
{
    size_t a_len = strlen(a), b_len = strlen(b);
    char *joined = malloc(a_len + b_len + 2);
    if (!joined)
        out_of_memory();
    memcpy(joined, a, a_len);
    size_t at = a_len;
    if (a_len > 0 && b_len > 0)
        joined[at++] = '/';
    memcpy(joined + at, b, b_len + 1);
    return joined;
}

static void path_list_push(PathList *list, char *path)
{
    if (list->count == list->capacity) {
        list->capacity = list->capacity ? list->capacity * 2 : 1024;
        list->paths = realloc(list->paths, list->capacity * sizeof *list->paths);
        if (!list->paths)
            out_of_memory();
    }
    list->paths[list->count++] = path;
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_directory(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_test_file(const char *name)
{
    size_t len = strlen(name);
    return len > 3 && strcmp(name + len - 3, ".js") == 0 && !strstr(name, "_FIXTURE");
}

char *suite_locate(const char *dir_option)
{
    const char *dir = dir_option;
    if (!dir || !*dir)
        dir = getenv("TEST262_DIR");
    if (!dir || !*dir) {
        dir = "../shared/test262";
        if (!is_directory(dir)) {
            fprintf(stderr, "test262: no suite found: use --dir DIR or set TEST262_DIR\n");
            return NULL;
        }
    }
    char *test_dir = join_path(dir, "test");
    bool ok = is_directory(test_dir);
    free(test_dir);
    if (!ok) {
        fprintf(stderr, "test262: %s has no test/ directory\n", dir);
        return NULL;
    }
    char *copy = strdup(dir);
    if (!copy)
        out_of_memory();
    return copy;
}

/* The entry names of a directory, sorted; NULL if it cannot be opened. */
static PathList read_directory(const char *dir)
{
    PathList names = {0};
    DIR *handle = opendir(dir);
    if (!handle)
        return names;
    struct dirent *entry;
    while ((entry = readdir(handle)) != NULL) {
        if (entry->d_name[0] == '.')
            continue;   /* ".", ".." and hidden files */
        char *name = strdup(entry->d_name);
        if (!name)
            out_of_memory();
        path_list_push(&names, name);
    }
    closedir(handle);
    if (names.count > 1)
        qsort(names.paths, names.count, sizeof *names.paths, compare_strings);
    return names;
}

static void walk(const char *test_root, const char *relative, PathList *list)
{
    char *absolute = join_path(test_root, relative);
    PathList names = read_directory(absolute);
    for (size_t i = 0; i < names.count; i++) {
        char *child_relative = join_path(relative, names.paths[i]);
        char *child_absolute = join_path(absolute, names.paths[i]);
        if (is_directory(child_absolute)) {
            walk(test_root, child_relative, list);
            free(child_relative);
        } else if (is_test_file(names.paths[i])) {
            path_list_push(list, child_relative);
        } else {
            free(child_relative);
        }
        free(child_absolute);
    }
    path_list_free(&names);
    free(absolute);
}

bool suite_collect(const char *test_root, const char *selection, PathList *list)
{
    char *absolute = join_path(test_root, selection);
    struct stat st;
    bool exists = stat(absolute, &st) == 0;
    free(absolute);
    if (!exists) {
        fprintf(stderr, "test262: no such test or directory: %s/%s\n", test_root, selection);
        return false;
    }
    if (S_ISDIR(st.st_mode)) {
        walk(test_root, selection, list);
    } else if (!is_test_file(selection)) {
        fprintf(stderr, "test262: not a test (tests are *.js files without _FIXTURE): %s\n", selection);
        return false;
    } else {
        char *copy = strdup(selection);
        if (!copy)
            out_of_memory();
        path_list_push(list, copy);
    }
    return true;
}

void path_list_sort_unique(PathList *list)
{
    if (list->count == 0)
        return;
    if (list->count > 1)
        qsort(list->paths, list->count, sizeof *list->paths, compare_strings);
    size_t kept = 1;
    for (size_t i = 1; i < list->count; i++) {
        if (strcmp(list->paths[i], list->paths[kept - 1]) == 0)
            free(list->paths[i]);
        else
            list->paths[kept++] = list->paths[i];
    }
    list->count = kept;
}

void path_list_free(PathList *list)
{
    for (size_t i = 0; i < list->count; i++)
        free(list->paths[i]);
    free(list->paths);
    *list = (PathList){0};
}

bool path_in_selection(const char *path, const char *selection)
{
    size_t len = strlen(selection);
    while (len > 0 && selection[len - 1] == '/')
        len--;
    if (len == 0)
        return true;   /* the whole test/ directory */
    if (strncmp(path, selection, len) != 0)
        return false;
    return path[len] == '\0' || path[len] == '/';
}
