/*
 * JavaScript strings: immutable sequences of UTF-16 code units (ES2025 6.1.4).
 *
 * A String cell is one of:
 *   - flat Latin-1: one byte per code unit, when every unit is below 256
 *     (most strings in practice: half the memory, and fast paths);
 *   - flat UTF-16: two bytes per code unit;
 *   - a rope: the concatenation of two strings, made by string_concat for
 *     long results so that `s += x` in a loop is not quadratic. A rope is
 *     flattened on the first operation that needs its characters; the rope
 *     cell then points to its flat copy (cells never move).
 * The hash is computed on first use and cached. An atom is a flat string
 * interned in the VM's atom table (vm/atom.h): equal atoms are the same cell,
 * so property lookups compare pointers. Array-index strings ("0".."4294967294")
 * are recognized once and flagged, so property code can route them to
 * elements.
 */
#ifndef NODUS_VM_STRING_H
#define NODUS_VM_STRING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vm/vm.h"

/* String flags (in the cell header's flags) */
enum {
    STRING_LATIN1 = 1 << 0,     /* flat, one byte per unit */
    STRING_ROPE = 1 << 1,       /* left + right, possibly flattened */
    STRING_ATOM = 1 << 2,       /* interned in the atom table */
    STRING_HASHED = 1 << 3,     /* hash is valid */
    STRING_INDEX_CHECKED = 1 << 4,
    STRING_IS_INDEX = 1 << 5,   /* a canonical array index; index holds it */
};

/* The longest string, in code units (node's limit: longer results throw
 * RangeError "Invalid string length"). */
#define STRING_MAX_LENGTH ((1u << 29) - 24)

/* Creation. Each returns NULL after throwing (out of memory, or RangeError
 * past STRING_MAX_LENGTH) in vm. Characters passed in may point into another
 * String only if the caller keeps that String rooted (creation allocates). */
String *string_from_latin1(VM *vm, const uint8_t *chars, uint32_t len) NODUS_MUST_CHECK;
String *string_from_utf16(VM *vm, const uint16_t *units, uint32_t len) NODUS_MUST_CHECK;   /* narrows when it can */
String *string_from_utf8(VM *vm, const char *utf8, size_t len) NODUS_MUST_CHECK;            /* invalid UTF-8: U+FFFD */
String *string_from_cstr(VM *vm, const char *cstr) NODUS_MUST_CHECK;
String *string_concat(VM *vm, String *left, String *right) NODUS_MUST_CHECK;
String *string_substring(VM *vm, String *s, uint32_t start, uint32_t end) NODUS_MUST_CHECK;
String *string_empty(VM *vm);                                        /* the shared "" atom */

/* Access. Ropes are flattened on demand (which can allocate: hence vm).
 * "Flat" below means: not a rope, or a rope string_flatten has succeeded on
 * (its characters are then read from its flat copy). */
uint32_t string_length(const String *s);
bool string_flatten(VM *vm, String *s) NODUS_MUST_CHECK;             /* false after throwing OOM */
uint16_t string_char_at(const String *s, uint32_t index);           /* s must be flat */
bool string_is_latin1(const String *s);                             /* s must be flat */
const uint8_t *string_latin1_chars(const String *s);                /* flat Latin-1 only */
const uint16_t *string_utf16_units(const String *s);                /* flat UTF-16 only */

uint32_t string_hash(String *s);                                    /* s must be flat */
bool string_equals(String *a, String *b);                           /* both flat */
int string_compare(String *a, String *b);                           /* code unit order, both flat */
/* The array index s spells ("0".."4294967294", canonical form), if any. */
bool string_array_index(String *s, uint32_t *index);                /* s must be flat */

/* UTF-8 for printing: lone surrogates become U+FFFD. malloc'd, NUL-terminated;
 * NULL when malloc fails. */
char *string_to_utf8(const String *s, size_t *len);                 /* s must be flat */

/* ---- Numbers and strings (ES2025 6.1.6.1.20 Number::toString, 7.1.4.1.1 StringToNumber) ---- */

/* Shortest round-trip decimal form as JavaScript prints it ("1e+21",
 * "0.1", "-0" prints "0"). buf needs 32 bytes. Returns the length. */
int number_format(double value, char *buf);
/* Number::toString(value, radix) for radix 2..36. */
String *number_to_string(VM *vm, double value, int radix) NODUS_MUST_CHECK;
/* StringToNumber: whitespace-trimmed decimal, 0x/0o/0b, Infinity; else NaN. */
double string_to_number(String *s);                                 /* s must be flat */
/* StrWhiteSpaceChar (ES2025 7.1.4.1): what StringToNumber and
 * StringToBigInt trim from both ends. */
bool string_is_str_whitespace(uint16_t unit);

#endif
