/*
 * Harness files: which ones a variant needs, and a per-process cache of
 * their text (see harness.h).
 */
#include "tools/test262/harness.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/utf8.h"

/* INTERPRETING.md: these two precede every non-raw test... */
static const char *const DEFAULT_FILES[] = {"assert.js", "sta.js"};
/* ...and this one follows them in async tests. */
static const char ASYNC_FILE[] = "doneprintHandle.js";

bool harness_list_for(const TestMetadata *metadata, Variant variant, HarnessList *list)
{
    *list = (HarnessList){0};
    if (variant == VARIANT_RAW || (metadata->flags & FLAG_RAW))
        return true;
    size_t default_count = sizeof DEFAULT_FILES / sizeof *DEFAULT_FILES;
    size_t capacity = default_count + 1 + metadata->includes.count;
    list->names = malloc(capacity * sizeof *list->names);
    if (!list->names)
        return false;
    for (size_t i = 0; i < default_count; i++)
        list->names[list->count++] = DEFAULT_FILES[i];
    if (metadata->flags & FLAG_ASYNC)
        list->names[list->count++] = ASYNC_FILE;
    for (size_t i = 0; i < metadata->includes.count; i++)
        list->names[list->count++] = metadata->includes.items[i];
    return true;
}

void harness_list_free(HarnessList *list)
{
    free(list->names);
    *list = (HarnessList){0};
}

/* ---- the cache: a short list (the suite has about 80 harness files) ---- */

typedef struct CachedFile {
    HarnessFile file;
    struct CachedFile *next;
} CachedFile;

static CachedFile *cache;

static const HarnessFile *cache_find(const char *name)
{
    for (CachedFile *entry = cache; entry; entry = entry->next) {
        if (strcmp(entry->file.name, name) == 0)
            return &entry->file;
    }
    return NULL;
}

/* Reads a whole file into a malloc'd buffer. NULL with errno set. */
static char *read_whole_file(const char *path, size_t *length)
{
    FILE *file = fopen(path, "rb");
    if (!file)
        return NULL;
    char *bytes = NULL;
    size_t size = 0;
    FILE *memory = open_memstream(&bytes, &size);
    char chunk[8192];
    size_t got;
    while (memory && (got = fread(chunk, 1, sizeof chunk, file)) > 0)
        fwrite(chunk, 1, got, memory);
    bool failed = !memory || ferror(file);
    int saved = errno;
    fclose(file);
    if (memory)
        fclose(memory);
    if (failed) {
        free(bytes);
        errno = saved ? saved : EIO;
        return NULL;
    }
    *length = size;
    return bytes;
}

/* A name from a test's frontmatter must stay inside harness/. */
static bool name_is_safe(const char *name)
{
    return name[0] != '\0' && name[0] != '/' && strstr(name, "..") == NULL;
}

static const HarnessFile *cache_add(const char *name, char *bytes, size_t length, char *message, size_t message_size)
{
    CachedFile *entry = calloc(1, sizeof *entry);
    size_t text_length = 0;
    char *text = entry ? source_decode_utf8(bytes, length, &text_length) : NULL;
    char *name_copy = text ? strdup(name) : NULL;
    if (!name_copy) {
        free(text);
        free(entry);
        snprintf(message, message_size, "out of memory reading harness/%s", name);
        return NULL;
    }
    entry->file = (HarnessFile){.name = name_copy, .text = text, .length = text_length};
    entry->next = cache;
    cache = entry;
    return &entry->file;
}

const HarnessFile *harness_load(const char *suite_dir, const char *name, char *message, size_t message_size)
{
    const HarnessFile *found = cache_find(name);
    if (found)
        return found;
    if (!name_is_safe(name)) {
        snprintf(message, message_size, "bad harness file name '%s'", name);
        return NULL;
    }
    char *path = NULL;
    if (asprintf(&path, "%s/harness/%s", suite_dir, name) < 0) {
        snprintf(message, message_size, "out of memory");
        return NULL;
    }
    size_t length = 0;
    char *bytes = read_whole_file(path, &length);
    free(path);
    if (!bytes) {
        snprintf(message, message_size, "cannot read harness/%s: %s", name, strerror(errno));
        return NULL;
    }
    found = cache_add(name, bytes, length, message, message_size);
    free(bytes);
    return found;
}

void harness_cache_clear(void)
{
    while (cache) {
        CachedFile *next = cache->next;
        free((char *)cache->file.name);
        free((char *)cache->file.text);
        free(cache);
        cache = next;
    }
}
