/*
 * Early errors of regular expression literals (ES2025 22.2.1 Patterns and
 * 22.2.1.1 Static Semantics: Early Errors): checks a pattern against the
 * grammar selected by its flags (Annex B's extended grammar without u or v,
 * the UnicodeMode grammar with u, UnicodeSetsMode with v).
 */
#ifndef NODUS_PARSER_REGEXP_SYNTAX_H
#define NODUS_PARSER_REGEXP_SYNTAX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Returns true when the flags are valid (each of d g i m s u v y at most once,
 * not both u and v) and the pattern is valid for them. Otherwise false, with
 * a message in the words V8 uses after "Invalid regular expression: /p/f: ",
 * e.g. "Unterminated group", "Invalid flags", "Lone quantifier brackets".
 */
bool regexp_check_syntax(const uint16_t *pattern, uint32_t pattern_len,
                         const char *flags, uint32_t flags_len,
                         char *message, size_t message_size);

#endif
