/*
 * Sets of code points (the CharSets of ES2025 22.2.2), as sorted lists of
 * inclusive ranges, and the sets of strings that the v flag adds
 * (ClassSetExpression with \q{...} and properties of strings).
 *
 * Memory errors are sticky: an operation that cannot allocate sets
 * `failed` on its result, and the compiler checks once at the end.
 */
#ifndef NODUS_VM_REGEXP_RX_CHARSET_H
#define NODUS_VM_REGEXP_RX_CHARSET_H

#include <stdbool.h>
#include <stdint.h>

#define RX_MAX_CODE_POINT 0x10FFFF

typedef struct RxCharSet {
    uint32_t *ranges;          /* ranges[2i] .. ranges[2i+1], inclusive */
    uint32_t count;            /* number of ranges */
    uint32_t capacity;         /* in ranges */
    bool sorted;               /* sorted, disjoint and not adjacent */
    bool failed;               /* out of memory */
} RxCharSet;

void rx_charset_init(RxCharSet *set);
void rx_charset_free(RxCharSet *set);
void rx_charset_add_range(RxCharSet *set, uint32_t from, uint32_t to);
void rx_charset_add(RxCharSet *set, uint32_t c);
void rx_charset_add_set(RxCharSet *set, const RxCharSet *other);
/* Sorts and merges the ranges: every query and operation below needs it. */
void rx_charset_normalize(RxCharSet *set);
bool rx_charset_contains(const RxCharSet *set, uint32_t c);     /* normalized */
/* The complement within [0, max] (max: 0xFFFF or 0x10FFFF). */
void rx_charset_invert(RxCharSet *set, uint32_t max);
/* set := set ∩ other, set := set \ other (both normalized). */
void rx_charset_intersect(RxCharSet *set, const RxCharSet *other);
void rx_charset_subtract(RxCharSet *set, const RxCharSet *other);
/* Moves other's ranges into set, leaving other empty. */
void rx_charset_move(RxCharSet *set, RxCharSet *other);

/* ---- Strings of a v-mode class: code point sequences of length != 1 ---- */
typedef struct RxString {
    uint32_t *cps;
    uint32_t len;
} RxString;

typedef struct RxStringSet {
    RxString *items;
    uint32_t count, capacity;
    bool failed;
} RxStringSet;

void rx_strings_init(RxStringSet *set);
void rx_strings_free(RxStringSet *set);
/* Adds a copy of cps[0..len) unless present. */
void rx_strings_add(RxStringSet *set, const uint32_t *cps, uint32_t len);
bool rx_strings_contains(const RxStringSet *set, const uint32_t *cps, uint32_t len);
void rx_strings_intersect(RxStringSet *set, const RxStringSet *other);
void rx_strings_subtract(RxStringSet *set, const RxStringSet *other);

/* A class of the v flag: single code points and strings (ES2025 22.2.2.9
 * CompileToCharSet with UnicodeSetsMode). */
typedef struct RxClass {
    RxCharSet chars;
    RxStringSet strings;
} RxClass;

void rx_class_init(RxClass *c);
void rx_class_free(RxClass *c);
/* Union, intersection, difference of classes (both chars normalized). */
void rx_class_union(RxClass *c, RxClass *other);
void rx_class_intersect(RxClass *c, const RxClass *other);
void rx_class_subtract(RxClass *c, const RxClass *other);
bool rx_class_failed(const RxClass *c);

#endif
