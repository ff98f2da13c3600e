/*
 * Code point sets as sorted range lists, and the string sets of the v flag
 * (see rx_charset.h).
 */
#include <stdlib.h>
#include <string.h>

#include "vm/regexp/rx_charset.h"

void rx_charset_init(RxCharSet *set)
{
    memset(set, 0, sizeof *set);
    set->sorted = true;
}

void rx_charset_free(RxCharSet *set)
{
    free(set->ranges);
    rx_charset_init(set);
}

static bool reserve(RxCharSet *set, uint32_t needed)
{
    if (set->failed)
        return false;
    if (needed <= set->capacity)
        return true;
    uint32_t capacity = set->capacity ? set->capacity * 2 : 8;
    while (capacity < needed)
        capacity *= 2;
    uint32_t *ranges = realloc(set->ranges, (size_t)capacity * 2 * sizeof(uint32_t));
    if (!ranges) {
        set->failed = true;
        return false;
    }
    set->ranges = ranges;
    set->capacity = capacity;
    return true;
}

void rx_charset_add_range(RxCharSet *set, uint32_t from, uint32_t to)
{
    if (from > to)
        return;
    if (set->count > 0 && set->sorted) {
        uint32_t *last = &set->ranges[2 * set->count - 2];
        if (from == last[1] + 1) {      /* adjacent: extend the last range */
            last[1] = to;
            return;
        }
        set->sorted = from > last[1];
    }
    if (!reserve(set, set->count + 1))
        return;
    set->ranges[2 * set->count] = from;
    set->ranges[2 * set->count + 1] = to;
    set->count++;
}

void rx_charset_add(RxCharSet *set, uint32_t c)
{
    rx_charset_add_range(set, c, c);
}

void rx_charset_add_set(RxCharSet *set, const RxCharSet *other)
{
    set->failed |= other->failed;
    for (uint32_t i = 0; i < other->count; i++)
        rx_charset_add_range(set, other->ranges[2 * i], other->ranges[2 * i + 1]);
}

static int compare_ranges(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

void rx_charset_normalize(RxCharSet *set)
{
    if (set->sorted)
        return;
    qsort(set->ranges, set->count, 2 * sizeof(uint32_t), compare_ranges);
    uint32_t out = 0;
    for (uint32_t i = 0; i < set->count; i++) {
        uint32_t from = set->ranges[2 * i], to = set->ranges[2 * i + 1];
        if (out > 0 && from <= set->ranges[2 * out - 1] + 1) {
            if (to > set->ranges[2 * out - 1])
                set->ranges[2 * out - 1] = to;
            continue;
        }
        set->ranges[2 * out] = from;
        set->ranges[2 * out + 1] = to;
        out++;
    }
    set->count = out;
    set->sorted = true;
}

bool rx_charset_contains(const RxCharSet *set, uint32_t c)
{
    uint32_t lo = 0, hi = set->count;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (c < set->ranges[2 * mid])
            hi = mid;
        else if (c > set->ranges[2 * mid + 1])
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

void rx_charset_move(RxCharSet *set, RxCharSet *other)
{
    bool failed = set->failed || other->failed;
    free(set->ranges);
    *set = *other;
    set->failed = failed;
    rx_charset_init(other);
}

void rx_charset_invert(RxCharSet *set, uint32_t max)
{
    RxCharSet result;
    rx_charset_init(&result);
    uint32_t next = 0;
    for (uint32_t i = 0; i < set->count && next <= max; i++) {
        if (set->ranges[2 * i] > next)
            rx_charset_add_range(&result, next, set->ranges[2 * i] - 1 < max ? set->ranges[2 * i] - 1 : max);
        next = set->ranges[2 * i + 1] + 1;
    }
    if (next <= max)
        rx_charset_add_range(&result, next, max);
    rx_charset_move(set, &result);
}

void rx_charset_intersect(RxCharSet *set, const RxCharSet *other)
{
    RxCharSet result;
    rx_charset_init(&result);
    result.failed = other->failed;
    uint32_t i = 0, j = 0;
    while (i < set->count && j < other->count) {
        uint32_t a0 = set->ranges[2 * i], a1 = set->ranges[2 * i + 1];
        uint32_t b0 = other->ranges[2 * j], b1 = other->ranges[2 * j + 1];
        uint32_t from = a0 > b0 ? a0 : b0, to = a1 < b1 ? a1 : b1;
        if (from <= to)
            rx_charset_add_range(&result, from, to);
        if (a1 < b1)
            i++;
        else
            j++;
    }
    rx_charset_move(set, &result);
}

void rx_charset_subtract(RxCharSet *set, const RxCharSet *other)
{
    RxCharSet inverse;
    rx_charset_init(&inverse);
    rx_charset_add_set(&inverse, other);
    rx_charset_invert(&inverse, RX_MAX_CODE_POINT);
    rx_charset_intersect(set, &inverse);
    rx_charset_free(&inverse);
}

/* ---- String sets ---- */

void rx_strings_init(RxStringSet *set)
{
    memset(set, 0, sizeof *set);
}

void rx_strings_free(RxStringSet *set)
{
    for (uint32_t i = 0; i < set->count; i++)
        free(set->items[i].cps);
    free(set->items);
    rx_strings_init(set);
}

bool rx_strings_contains(const RxStringSet *set, const uint32_t *cps, uint32_t len)
{
    for (uint32_t i = 0; i < set->count; i++) {
        if (set->items[i].len == len && (len == 0 || memcmp(set->items[i].cps, cps, len * sizeof *cps) == 0))
            return true;
    }
    return false;
}

void rx_strings_add(RxStringSet *set, const uint32_t *cps, uint32_t len)
{
    if (set->failed || rx_strings_contains(set, cps, len))
        return;
    if (set->count == set->capacity) {
        uint32_t capacity = set->capacity ? set->capacity * 2 : 8;
        RxString *items = realloc(set->items, capacity * sizeof *items);
        if (!items) {
            set->failed = true;
            return;
        }
        set->items = items;
        set->capacity = capacity;
    }
    uint32_t *copy = malloc((len ? len : 1) * sizeof *copy);
    if (!copy) {
        set->failed = true;
        return;
    }
    if (len)
        memcpy(copy, cps, len * sizeof *cps);
    set->items[set->count++] = (RxString){copy, len};
}

/* Keeps the strings whose presence in other is `keep_present`. */
static void filter_strings(RxStringSet *set, const RxStringSet *other, bool keep_present)
{
    uint32_t out = 0;
    for (uint32_t i = 0; i < set->count; i++) {
        RxString s = set->items[i];
        if (rx_strings_contains(other, s.cps, s.len) == keep_present)
            set->items[out++] = s;
        else
            free(s.cps);
    }
    set->count = out;
    set->failed |= other->failed;
}

void rx_strings_intersect(RxStringSet *set, const RxStringSet *other)
{
    filter_strings(set, other, true);
}

void rx_strings_subtract(RxStringSet *set, const RxStringSet *other)
{
    filter_strings(set, other, false);
}

/* ---- Classes ---- */

void rx_class_init(RxClass *c)
{
    rx_charset_init(&c->chars);
    rx_strings_init(&c->strings);
}

void rx_class_free(RxClass *c)
{
    rx_charset_free(&c->chars);
    rx_strings_free(&c->strings);
}

void rx_class_union(RxClass *c, RxClass *other)
{
    rx_charset_add_set(&c->chars, &other->chars);
    rx_charset_normalize(&c->chars);
    for (uint32_t i = 0; i < other->strings.count; i++)
        rx_strings_add(&c->strings, other->strings.items[i].cps, other->strings.items[i].len);
    c->strings.failed |= other->strings.failed;
}

void rx_class_intersect(RxClass *c, const RxClass *other)
{
    rx_charset_intersect(&c->chars, &other->chars);
    rx_strings_intersect(&c->strings, &other->strings);
}

void rx_class_subtract(RxClass *c, const RxClass *other)
{
    rx_charset_subtract(&c->chars, &other->chars);
    rx_strings_subtract(&c->strings, &other->strings);
}

bool rx_class_failed(const RxClass *c)
{
    return c->chars.failed || c->strings.failed;
}
