/*
 * Reading source text (runtime/source_file.h). The runtime owns all I/O; the
 * lexer and parser only ever see a buffer of valid UTF-8.
 */
#include "runtime/source_file.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lexer/utf8.h"

/* Reads all of stream into a malloc'd buffer. Returns 0 or an errno value. */
static int read_stream(FILE *stream, char **bytes, size_t *len)
{
    size_t capacity = 64 * 1024, used = 0;
    char *buffer = malloc(capacity);
    if (!buffer)
        return ENOMEM;
    for (;;) {
        if (used == capacity) {
            if (capacity >= (size_t)UINT32_MAX) {
                free(buffer);
                return EFBIG;
            }
            char *bigger = realloc(buffer, capacity * 2);
            if (!bigger) {
                free(buffer);
                return ENOMEM;
            }
            buffer = bigger;
            capacity *= 2;
        }
        size_t got = fread(buffer + used, 1, capacity - used, stream);
        used += got;
        if (got == 0) {
            if (ferror(stream)) {
                int error = errno ? errno : EIO;
                free(buffer);
                return error;
            }
            break;
        }
    }
    *bytes = buffer;
    *len = used;
    return 0;
}

/* Replaces raw bytes by their decoded form, valid UTF-8 without a BOM. */
static int decode(SourceFile *file, const char *bytes, size_t len)
{
    size_t decoded_len;
    file->text = source_decode_utf8(bytes, len, &decoded_len);
    if (!file->text)
        return ENOMEM;
    if (decoded_len >= UINT32_MAX) {
        free(file->text);     /* the front end addresses source with uint32_t */
        file->text = NULL;
        return EFBIG;
    }
    file->len = (uint32_t)decoded_len;
    return 0;
}

int source_file_read(SourceFile *file, const char *path)
{
    bool from_stdin = !path || strcmp(path, "-") == 0;
    FILE *stream = from_stdin ? stdin : fopen(path, "rb");
    char *bytes = NULL;
    size_t len = 0;
    int error;

    memset(file, 0, sizeof *file);
    if (!stream)
        return errno;
    error = read_stream(stream, &bytes, &len);
    if (!from_stdin)
        fclose(stream);
    if (error)
        return error;
    error = decode(file, bytes, len);
    free(bytes);
    file->label = from_stdin ? "[stdin]" : path;
    return error;
}

int source_file_from_string(SourceFile *file, const char *code, const char *label)
{
    memset(file, 0, sizeof *file);
    file->label = label;
    return decode(file, code, strlen(code));
}

/* Appends src to a malloc'd string; with escape, percent-encodes the bytes
 * node's url.pathToFileURL encodes: the WHATWG URL path percent-encode set
 * (controls, space, " # < > ? ` { } and non-ASCII) plus % and \. */
static char *append(char *out, const char *src, bool escape)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t used = out ? strlen(out) : 0;
    char *grown = realloc(out, used + 3 * strlen(src) + 1);
    if (!grown) {
        free(out);
        return NULL;
    }
    char *p = grown + used;
    for (; *src; src++) {
        unsigned char c = (unsigned char)*src;
        if (escape && (c <= 0x20 || c >= 0x7f || strchr("\"#%<>?\\`{}", c))) {
            *p++ = '%';
            *p++ = hex[c >> 4];
            *p++ = hex[c & 15];
        } else {
            *p++ = (char)c;
        }
    }
    *p = '\0';
    return grown;
}

char *source_file_display_name(const char *path, bool as_url)
{
    char *absolute = realpath(path, NULL);
    if (!absolute && path[0] != '/') {
        /* As node does for a name it cannot resolve: cwd + "/" + path. */
        char cwd[PATH_MAX];
        if (getcwd(cwd, sizeof cwd)) {
            absolute = append(NULL, cwd, false);
            if (absolute && strcmp(cwd, "/") != 0)
                absolute = append(absolute, "/", false);
            if (absolute)
                absolute = append(absolute, path, false);
        }
    }
    if (!absolute)
        absolute = append(NULL, path, false);
    if (!as_url || !absolute)
        return absolute;
    char *url = append(NULL, "file://", false);
    if (url)
        url = append(url, absolute, true);
    free(absolute);
    return url;
}

void source_file_free(SourceFile *file)
{
    free(file->text);
    free(file->name);
    memset(file, 0, sizeof *file);
}
