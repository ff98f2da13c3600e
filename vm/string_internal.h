/*
 * The layout of String cells, for the few modules that need it (vm/string.c,
 * vm/atom.c). Everyone else goes through vm/string.h.
 *
 * Every String starts with the same 16-byte header:
 *   cell.flags   STRING_* (vm/string.h) and the private flags below
 *   cell.aux     the length in code units
 *   hash         valid when STRING_HASHED
 *   index        the array index when STRING_IS_INDEX
 * A flat string's characters follow the header inline, in the same cell:
 *   Latin-1: length bytes and a terminating NUL (handy for strtod and for
 *            C code that prints ASCII; the NUL is not part of the string);
 *   UTF-16:  length uint16_t units (no terminator).
 * Inline characters cost no second allocation, no finalizer and no extra
 * indirection; very long strings are fine too because the collector gives
 * large cells an allocation of their own.
 *
 * A rope (STRING_ROPE) is a Rope below. Once flattened, `flat` holds the
 * flat copy and left/right are cleared so that the pieces can be collected.
 *
 * Invariant: a flat UTF-16 string contains at least one unit above 0xFF
 * (every creation path narrows), so two flat strings of different widths
 * are never equal.
 */
#ifndef NODUS_VM_STRING_INTERNAL_H
#define NODUS_VM_STRING_INTERNAL_H

#include "vm/string.h"

struct String {
    GCCell cell;
    uint32_t hash;
    uint32_t index;
};

typedef struct Rope {
    String base;
    String *left;         /* NULL once flattened */
    String *right;        /* NULL once flattened */
    String *flat;         /* NULL until flattened */
} Rope;

/* Private flags, above the public STRING_* ones. */
enum {
    /* On a rope: every code unit is below 256, so the flat copy is Latin-1. */
    STRING_ROPE_LATIN1 = 1 << 8,
};

static inline uint32_t string_len(const String *s) { return s->cell.aux; }

/* The flat string holding s's characters: s itself, or a flattened rope's copy. */
static inline const String *string_flat_of(const String *s)
{
    return (s->cell.flags & STRING_ROPE) ? ((const Rope *)s)->flat : s;
}

static inline const uint8_t *flat_latin1(const String *flat) { return (const uint8_t *)(flat + 1); }
static inline const uint16_t *flat_utf16(const String *flat) { return (const uint16_t *)(flat + 1); }

/* The hash of a sequence of code units: the same value whether the units
 * come as Latin-1 bytes or UTF-16, so the atom table can hash a C string
 * before making a String of it. */
uint32_t string_hash_latin1(const uint8_t *chars, uint32_t len);
uint32_t string_hash_utf16(const uint16_t *units, uint32_t len);

/* Registers the String cell type (called by vm_new). */
void string_register_type(Heap *heap);

#endif
