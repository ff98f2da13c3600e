/*
 * The regular expression engine: patterns compiled to a program for a
 * backtracking matcher (ES2025 22.2.2 Pattern Semantics).
 *
 *   regexp_compile   pattern + flags -> RegexpProgram (or V8's error message)
 *   regexp_match     runs a program on a string from an index
 *
 * The engine knows nothing of JavaScript objects: stdlib/es/regexp*.c builds
 * the RegExp built-in on top of it. Files (one concern each):
 *   rx_parse.c, rx_parse_class.c  the pattern to a tree (sharing the syntax
 *                                 checker's scanner, parser/regexp_internal.h)
 *   rx_charset.c                  code point sets and their operations
 *   rx_case.c, rx_case_tables.c   Canonicalize (ES2025 22.2.2.7.3)
 *   rx_props.c, rx_prop_tables.c  \p{...} sets (ES2025 22.2.2.9)
 *   rx_compile.c                  the tree to instructions
 *   rx_match.c                    the backtracking matcher
 */
#ifndef NODUS_VM_REGEXP_REGEXP_H
#define NODUS_VM_REGEXP_REGEXP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct RegexpProgram RegexpProgram;

/* The flags of a RegExp (ES2025 22.2.6.4 get RegExp.prototype.flags order). */
enum {
    REGEXP_FLAG_HAS_INDICES = 1 << 0,   /* d */
    REGEXP_FLAG_GLOBAL = 1 << 1,        /* g */
    REGEXP_FLAG_IGNORE_CASE = 1 << 2,   /* i */
    REGEXP_FLAG_MULTILINE = 1 << 3,     /* m */
    REGEXP_FLAG_DOT_ALL = 1 << 4,       /* s */
    REGEXP_FLAG_UNICODE = 1 << 5,       /* u */
    REGEXP_FLAG_UNICODE_SETS = 1 << 6,  /* v */
    REGEXP_FLAG_STICKY = 1 << 7,        /* y */
};

/* Parses flags (UTF-16 units): false when one is unknown or repeated, or
 * both u and v are given. */
bool regexp_parse_flags(const uint16_t *flags, uint32_t len, unsigned *out);

/*
 * Compiles pattern with flags (REGEXP_FLAG_*), or finds it in a cache of
 * recent programs. NULL on a syntax error, with V8's words in message
 * ("Unterminated group", ...), or when out of memory ("Regular expression
 * too large"). The caller owns one reference to the program.
 */
RegexpProgram *regexp_compile(const uint16_t *pattern, uint32_t len, unsigned flags,
                              char *message, size_t message_size);
/* Drops a reference (the program is freed with the last one). */
void regexp_program_release(RegexpProgram *program);

/* Number of capture groups, group 0 (the whole match) included. */
uint32_t regexp_capture_count(const RegexpProgram *program);
/* The name of group index (1-based) as UTF-16, or NULL when unnamed. */
const uint16_t *regexp_group_name(const RegexpProgram *program, uint32_t index, uint32_t *len);
/* Whether any group has a name (the result then has a `groups` object). */
bool regexp_has_named_groups(const RegexpProgram *program);

/* The string to match: Latin-1 or UTF-16 code units. */
typedef struct RegexpInput {
    const uint8_t *latin1;        /* set for a Latin-1 string, else NULL */
    const uint16_t *utf16;
    uint32_t length;
} RegexpInput;

typedef enum RegexpResult {
    REGEXP_NO_MATCH = 0,
    REGEXP_MATCH = 1,
    REGEXP_STACK_OVERFLOW = -1,   /* the backtrack stack passed its bound */
    REGEXP_OUT_OF_MEMORY = -2,
} RegexpResult;

/*
 * The matching loop of ES2025 22.2.7.2 RegExpBuiltinExec steps 11-13: tries
 * the pattern at start, then (unless sticky) at each later index (advancing
 * by code points with u or v). On a match, captures[2k], captures[2k+1] are
 * the start and end of group k, -1 for an undefined group; captures has
 * 2 * regexp_capture_count entries.
 */
RegexpResult regexp_match(RegexpProgram *program, const RegexpInput *input, uint32_t start, bool sticky,
                          int32_t *captures);

#endif
