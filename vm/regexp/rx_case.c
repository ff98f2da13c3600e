/*
 * Canonicalize and case closure of sets (ES2025 22.2.2.7.3), over the
 * generated tables of rx_case_tables.c.
 *
 * Equivalence classes: two characters are equivalent when their canonical
 * forms are equal. The tables list only the characters that change; a
 * class is therefore { t } ∪ { c | table maps c to t } for a target t, t
 * included when t is its own canonical form. A lazily built index sorted
 * by target lists each class's members together.
 */
#include <pthread.h>
#include <stdlib.h>

#include "vm/regexp/rx_case.h"

static const RxCasePair *table_of(bool unicode, uint32_t *count)
{
    *count = unicode ? rx_case_fold_count : rx_case_upper_count;
    return unicode ? rx_case_fold : rx_case_upper;
}

static uint32_t lookup(const RxCasePair *table, uint32_t count, uint32_t c)
{
    uint32_t lo = 0, hi = count;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (table[mid].from == c)
            return table[mid].to;
        if (table[mid].from < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return c;
}

uint32_t rx_canonicalize(uint32_t c, bool unicode)
{
    uint32_t count;
    const RxCasePair *table = table_of(unicode, &count);
    return lookup(table, count, c);
}

/* ---- The index by target ---- */

typedef struct ByTarget {
    RxCasePair *pairs;            /* (to, from) sorted by to */
    uint32_t count;
} ByTarget;

static ByTarget by_target[2];
static pthread_once_t by_target_once = PTHREAD_ONCE_INIT;

static int compare_pairs(const void *a, const void *b)
{
    const RxCasePair *x = a, *y = b;
    if (x->from != y->from)
        return x->from < y->from ? -1 : 1;
    return x->to < y->to ? -1 : x->to > y->to;
}

static void build_by_target(void)
{
    for (int unicode = 0; unicode < 2; unicode++) {
        uint32_t count;
        const RxCasePair *table = table_of(unicode, &count);
        RxCasePair *pairs = malloc(count * sizeof *pairs);
        if (!pairs)
            continue;
        for (uint32_t i = 0; i < count; i++)
            pairs[i] = (RxCasePair){table[i].to, table[i].from};
        qsort(pairs, count, sizeof *pairs, compare_pairs);
        by_target[unicode] = (ByTarget){pairs, count};
    }
}

static const ByTarget *index_of(bool unicode)
{
    pthread_once(&by_target_once, build_by_target);
    return &by_target[unicode];
}

/* First index of target t in the index, or index->count. */
static uint32_t first_with_target(const ByTarget *index, uint32_t t)
{
    uint32_t lo = 0, hi = index->count;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (index->pairs[mid].from < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

uint32_t rx_case_equivalents(uint32_t c, bool unicode, uint32_t *out, uint32_t max)
{
    const ByTarget *index = index_of(unicode);
    uint32_t t = rx_canonicalize(c, unicode), n = 0;
    if (rx_canonicalize(t, unicode) == t && n < max)
        out[n++] = t;
    for (uint32_t i = first_with_target(index, t); i < index->count && index->pairs[i].from == t; i++) {
        if (n < max)
            out[n++] = index->pairs[i].to;
    }
    if (n == 0 && max > 0)
        out[n++] = c;
    return n;
}

/* For each changing character c with target t where c or t is in set,
 * adds the whole class of t. */
void rx_case_close(RxCharSet *set, bool unicode)
{
    const ByTarget *index = index_of(unicode);
    uint32_t count;
    const RxCasePair *table = table_of(unicode, &count);
    RxCharSet added;
    rx_charset_init(&added);
    for (uint32_t i = 0; i < count; i++) {
        /* c and its target t are equivalent: each brings the other's class */
        uint32_t c = table[i].from, t = table[i].to;
        if (!rx_charset_contains(set, c) && !rx_charset_contains(set, t))
            continue;
        if (rx_canonicalize(t, unicode) == t)
            rx_charset_add(&added, t);
        for (uint32_t j = first_with_target(index, t); j < index->count && index->pairs[j].from == t; j++)
            rx_charset_add(&added, index->pairs[j].to);
    }
    rx_charset_add_set(set, &added);
    rx_charset_free(&added);
    rx_charset_normalize(set);
}

void rx_case_fold_set(RxCharSet *set)
{
    RxCharSet folded;
    rx_charset_init(&folded);
    for (uint32_t i = 0; i < rx_case_fold_count; i++) {
        if (rx_charset_contains(set, rx_case_fold[i].from))
            rx_charset_add(&folded, rx_case_fold[i].to);
    }
    rx_case_remove_unfolded(set);
    rx_charset_add_set(set, &folded);
    rx_charset_free(&folded);
    rx_charset_normalize(set);
}

void rx_case_remove_unfolded(RxCharSet *set)
{
    RxCharSet unfolded;
    rx_charset_init(&unfolded);
    for (uint32_t i = 0; i < rx_case_fold_count; i++)
        rx_charset_add(&unfolded, rx_case_fold[i].from);
    rx_charset_normalize(&unfolded);
    rx_charset_subtract(set, &unfolded);
    rx_charset_free(&unfolded);
}
