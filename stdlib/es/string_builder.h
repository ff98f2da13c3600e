/*
 * A growable buffer of UTF-16 code units for the built-ins that assemble
 * strings piece by piece (join, JSON, console, padding, ...). The buffer is
 * malloc'd, so building never collects; only string_builder_finish
 * allocates a String.
 */
#ifndef NODUS_STDLIB_ES_STRING_BUILDER_H
#define NODUS_STDLIB_ES_STRING_BUILDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vm/string.h"

typedef struct StringBuilder {
    uint16_t *units;
    uint32_t length, capacity;
} StringBuilder;

void string_builder_init(StringBuilder *sb);
void string_builder_free(StringBuilder *sb);
/* Each append returns false after throwing (out of memory, or RangeError
 * "Invalid string length" past STRING_MAX_LENGTH). */
bool string_builder_append_unit(VM *vm, StringBuilder *sb, uint16_t unit) NODUS_MUST_CHECK;
bool string_builder_append_code_point(VM *vm, StringBuilder *sb, uint32_t code_point) NODUS_MUST_CHECK;
bool string_builder_append_latin1(VM *vm, StringBuilder *sb, const char *chars, size_t len) NODUS_MUST_CHECK;
bool string_builder_append_cstr(VM *vm, StringBuilder *sb, const char *cstr) NODUS_MUST_CHECK;
bool string_builder_append_utf8(VM *vm, StringBuilder *sb, const char *utf8, size_t len) NODUS_MUST_CHECK;
/* Appends s (flattening it) or its units [start, end). */
bool string_builder_append_string(VM *vm, StringBuilder *sb, String *s) NODUS_MUST_CHECK;
bool string_builder_append_substring(VM *vm, StringBuilder *sb, String *s, uint32_t start,
                                     uint32_t end) NODUS_MUST_CHECK;
/* The built string; frees the buffer either way. NULL after throwing. */
String *string_builder_finish(VM *vm, StringBuilder *sb) NODUS_MUST_CHECK;

#endif
