/*
 * Source text for the front end: a whole file, standard input or a string,
 * turned into the valid UTF-8 the lexer needs (source_decode_utf8: invalid
 * sequences become U+FFFD, a leading byte order mark is dropped), together
 * with the names node would show for it in messages.
 */
#ifndef NODUS_RUNTIME_SOURCE_FILE_H
#define NODUS_RUNTIME_SOURCE_FILE_H

#include <stdbool.h>
#include <stdint.h>

typedef struct SourceFile {
    char *text;                   /* valid UTF-8, malloc'd */
    uint32_t len;                 /* bytes */
    bool is_module;               /* parse with the Module goal */
    char *name;                   /* as in syntax errors: "/abs/a.js", "[eval]", "file:///abs/a.mjs" */
    const char *label;            /* as the user wrote it, for nodus's own messages: "a.js", "[eval]" */
} SourceFile;

/*
 * Reads a whole file, or standard input when path is NULL or "-". Returns 0,
 * or an errno value (ENOENT, EISDIR, EFBIG for sources of 4 GiB or more, ...)
 * leaving *file empty. The caller sets is_module and name afterwards.
 */
int source_file_read(SourceFile *file, const char *path)
    __attribute__((warn_unused_result));

/* Makes a SourceFile of a string given on the command line. 0 or ENOMEM. */
int source_file_from_string(SourceFile *file, const char *code, const char *label)
    __attribute__((warn_unused_result));

/*
 * The absolute form of path (resolved as realpath(3) does), or with as_url a
 * file: URL of it ("file:///tmp/a%20b.mjs"), as node shows them. Falls back
 * to joining the working directory when the file does not exist. malloc'd;
 * NULL when out of memory.
 */
char *source_file_display_name(const char *path, bool as_url);

void source_file_free(SourceFile *file);

#endif
