/*
 * Case-insensitive matching (ES2025 22.2.2.7.3 Canonicalize ( rer, ch )):
 *   - with u or v: simple case folding, scf(ch);
 *   - otherwise: toUppercase(ch) when that is a single code unit, unless
 *     it maps a non-ASCII character to ASCII.
 * The matcher never canonicalizes classes at run time: the compiler closes
 * each set over canonical equivalence (a character matches when some
 * member has the same canonical form, so the closure holds exactly the
 * characters that match).
 */
#ifndef NODUS_VM_REGEXP_RX_CASE_H
#define NODUS_VM_REGEXP_RX_CASE_H

#include <stdbool.h>
#include <stdint.h>

#include "vm/regexp/rx_charset.h"

typedef struct RxCasePair {
    uint32_t from, to;
} RxCasePair;

/* Generated (tools/gen_regexp_tables.py) into rx_case_tables.c. */
extern const RxCasePair rx_case_upper[];
extern const uint32_t rx_case_upper_count;
extern const RxCasePair rx_case_fold[];
extern const uint32_t rx_case_fold_count;

/* Canonicalize(rer, ch); unicode: u or v. */
uint32_t rx_canonicalize(uint32_t c, bool unicode);

/* set := { c | Canonicalize(c) = Canonicalize(m) for some m in set }
 * (set normalized; so is the result). */
void rx_case_close(RxCharSet *set, bool unicode);

/* The characters equivalent to c (c included) in out, at most max of them;
 * returns how many. */
uint32_t rx_case_equivalents(uint32_t c, bool unicode, uint32_t *out, uint32_t max);

/* ES2025 22.2.2.9.3 MaybeSimpleCaseFolding for the v flag with i: set :=
 * { scf(c) | c in set }. */
void rx_case_fold_set(RxCharSet *set);
/* Removes the characters that are not their own simple case folding (the
 * complement of AllCharacters for v with i, ES2025 22.2.2.9.4). */
void rx_case_remove_unfolded(RxCharSet *set);

#endif
