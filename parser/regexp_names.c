/*
 * Group names of regular expressions: GroupName parsing (ES2025 22.2.1
 * RegExpIdentifierName), the duplicate-name rule and \k<name> references.
 *
 * Duplicates. ES2025 22.2.1.1 forbids two GroupSpecifiers with the same
 * CapturingGroupName; the regexp-duplicate-named-groups proposal (ES2025)
 * relaxes this to groups that cannot both participate in a match, i.e. that
 * lie in different alternatives of some Disjunction (MightBothParticipate).
 * We track which groups a new group could participate together with: those
 * defined earlier in the current alternative of every open disjunction.
 * When `|` starts a new alternative, the groups of the finished one are
 * "parked"; when the disjunction closes, all its groups become visible again
 * to what follows it.
 */
#include <stdlib.h>
#include <string.h>

#include "lexer/lexer.h"
#include "parser/regexp_internal.h"

static const char INVALID_NAME[] = "Invalid capture group name";
static const char OUT_OF_MEMORY[] = "Regular expression too large";

void regexp_names_init(RegexpNames *names)
{
    memset(names, 0, sizeof *names);
}

void regexp_names_free(RegexpNames *names)
{
    free(names->chars.items);
    free(names->entries);
    free(names->slots);
    free(names->visible.items);
    free(names->parked.items);
    free(names->references.items);
    memset(names, 0, sizeof *names);
}

/* Grows *items (of element size `size`) to hold at least `needed`. */
static bool grow(void **items, uint32_t *capacity, uint32_t needed,
                 size_t size)
{
    if (needed <= *capacity)
        return true;
    uint32_t new_capacity = *capacity ? *capacity : 16;
    while (new_capacity < needed) {
        if (new_capacity > UINT32_MAX / 2)
            return false;
        new_capacity *= 2;
    }
    void *grown = realloc(*items, (size_t)new_capacity * size);
    if (!grown)
        return false;
    *items = grown;
    *capacity = new_capacity;
    return true;
}

static bool list_push(RegexpParser *p, RegexpU32List *list, uint32_t value)
{
    if (list->count == UINT32_MAX ||
        !grow((void **)&list->items, &list->capacity, list->count + 1,
              sizeof(uint32_t)))
        return regexp_fail(p, OUT_OF_MEMORY);
    list->items[list->count++] = value;
    return true;
}

/* --- The table of distinct names --- */

static uint32_t hash_code_points(const uint32_t *cps, uint32_t len)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (uint32_t i = 0; i < len; i++) {
        h ^= cps[i];
        h *= 16777619u;
    }
    return h;
}

static bool entry_has_name(const RegexpNames *names,
                           const RegexpNameEntry *entry, uint32_t start,
                           uint32_t len, uint32_t hash)
{
    return entry->hash == hash && entry->len == len &&
           memcmp(names->chars.items + entry->start,
                  names->chars.items + start, len * sizeof(uint32_t)) == 0;
}

/* Slot of the name, or of the free slot where it belongs. */
static uint32_t find_slot(const RegexpNames *names, uint32_t start,
                          uint32_t len, uint32_t hash)
{
    uint32_t mask = names->slot_count - 1;
    uint32_t slot = hash & mask;
    while (names->slots[slot] != 0) {
        const RegexpNameEntry *e = &names->entries[names->slots[slot] - 1];
        if (entry_has_name(names, e, start, len, hash))
            break;
        slot = (slot + 1) & mask;
    }
    return slot;
}

/* Keeps the hash table at most half full. */
static bool rehash_if_needed(RegexpNames *names)
{
    if ((uint64_t)(names->entry_count + 1) * 2 <= names->slot_count)
        return true;
    uint32_t new_count = names->slot_count ? names->slot_count * 2 : 64;
    if (new_count == 0)
        return false;
    uint32_t *slots = calloc(new_count, sizeof(uint32_t));
    if (!slots)
        return false;
    free(names->slots);
    names->slots = slots;
    names->slot_count = new_count;
    for (uint32_t i = 0; i < names->entry_count; i++) {
        const RegexpNameEntry *e = &names->entries[i];
        names->slots[find_slot(names, e->start, e->len, e->hash)] = i + 1;
    }
    return true;
}

/* The entry of the name just appended to names->chars at `start`, created
 * if new (otherwise the appended copy is dropped). */
static bool intern_name(RegexpParser *p, uint32_t start, uint32_t *index)
{
    RegexpNames *names = &p->names;
    uint32_t len = names->chars.count - start;
    uint32_t hash = hash_code_points(names->chars.items + start, len);
    if (!rehash_if_needed(names) ||
        !grow((void **)&names->entries, &names->entry_capacity,
              names->entry_count + 1, sizeof(RegexpNameEntry)))
        return regexp_fail(p, OUT_OF_MEMORY);
    uint32_t slot = find_slot(names, start, len, hash);
    if (names->slots[slot] != 0) {
        *index = names->slots[slot] - 1;
        names->chars.count = start;
        return true;
    }
    *index = names->entry_count++;
    names->entries[*index] = (RegexpNameEntry){
        .start = start, .len = len, .hash = hash,
        .visible_count = 0, .defined = false};
    names->slots[slot] = *index + 1;
    return true;
}

/* --- Parsing GroupName --- */

static bool is_lead_surrogate(int32_t c) { return c >= 0xD800 && c <= 0xDBFF; }
static bool is_trail_surrogate(int32_t c) { return c >= 0xDC00 && c <= 0xDFFF; }

/*
 * RegExpIdentifierStart / RegExpIdentifierPart ::
 *   IdentifierStartChar (IdentifierPartChar)
 *   `\` RegExpUnicodeEscapeSequence[+UnicodeMode]
 *   [~UnicodeMode] UnicodeLeadSurrogate UnicodeTrailSurrogate
 * One code point of a name: escapes always use the UnicodeMode form, and a
 * surrogate pair is one code point in either mode.
 */
static bool parse_identifier_code_point(RegexpParser *p, uint32_t *cp)
{
    int32_t c = regexp_peek(p);
    if (c == REGEXP_EOF)
        return false;
    if (c == '\\') {
        p->pos++;
        bool ok = false;
        if (regexp_at(p, 'u'))
            regexp_parse_unicode_escape(p, true, &ok, cp);
        return ok;
    }
    p->pos++;
    int32_t next = regexp_peek(p);
    if (is_lead_surrogate(c) && is_trail_surrogate(next)) {
        p->pos++;
        *cp = 0x10000 + (((uint32_t)c - 0xD800) << 10) +
              ((uint32_t)next - 0xDC00);
        return true;
    }
    *cp = (uint32_t)c;
    return true;
}

/*
 * GroupName :: `<` RegExpIdentifierName `>`
 * Appends the name's code points to names->chars and returns its entry.
 * ES2025 22.2.1.1: an escaped code point must be IdentifierStartChar /
 * IdentifierPartChar, a literal one UnicodeIDStart / UnicodeIDContinue.
 */
static bool parse_group_name(RegexpParser *p, uint32_t *index)
{
    if (!regexp_eat(p, '<'))
        return regexp_fail(p, INVALID_NAME);
    uint32_t start = p->names.chars.count;
    while (!regexp_eat(p, '>')) {
        uint32_t cp = 0;
        if (!parse_identifier_code_point(p, &cp))
            return regexp_fail(p, INVALID_NAME);
        bool first = p->names.chars.count == start;
        if (first ? !unicode_is_id_start(cp) : !unicode_is_id_continue(cp))
            return regexp_fail(p, INVALID_NAME);
        if (!list_push(p, &p->names.chars, cp))
            return false;
    }
    if (p->names.chars.count == start)
        return regexp_fail(p, INVALID_NAME);
    return intern_name(p, start, index);
}

/* GroupSpecifier :: `?` GroupName, from the `<`: *index is the name's. */
bool regexp_parse_group_specifier_name(RegexpParser *p, uint32_t *index)
{
    return parse_group_name(p, index);
}

/* A named group has closed (V8 reports duplicates then, so we do too).
 * ES2025 22.2.1.1 (as amended by regexp-duplicate-named-groups): a Syntax
 * Error if another group of the same name might participate together. */
bool regexp_names_define_group(RegexpParser *p, uint32_t index)
{
    RegexpNameEntry *entry = &p->names.entries[index];
    if (entry->visible_count > 0)
        return regexp_fail(p, "Duplicate capture group name");
    entry->defined = true;
    entry->visible_count++;
    return list_push(p, &p->names.visible, index);
}

/* AtomEscape :: `k` GroupName, from the `<`. Checked once the whole
 * pattern is read, since the group may follow the reference. */
bool regexp_parse_group_reference_name(RegexpParser *p)
{
    uint32_t index;
    if (!parse_group_name(p, &index))
        return false;
    return list_push(p, &p->names.references, index);
}

/* --- Alternatives --- */

RegexpNameScope regexp_names_open_disjunction(const RegexpNames *names)
{
    return (RegexpNameScope){.visible_base = names->visible.count,
                             .parked_base = names->parked.count};
}

/* `|`: the groups of the finished alternative cannot participate together
 * with those of the next one. */
bool regexp_names_next_alternative(RegexpParser *p, RegexpNameScope scope)
{
    RegexpNames *names = &p->names;
    for (uint32_t i = scope.visible_base; i < names->visible.count; i++) {
        uint32_t index = names->visible.items[i];
        names->entries[index].visible_count--;
        if (!list_push(p, &names->parked, index))
            return false;
    }
    names->visible.count = scope.visible_base;
    return true;
}

/* End of a Disjunction: all its groups might participate together with
 * groups that follow it. */
bool regexp_names_close_disjunction(RegexpParser *p, RegexpNameScope scope)
{
    RegexpNames *names = &p->names;
    for (uint32_t i = scope.parked_base; i < names->parked.count; i++) {
        uint32_t index = names->parked.items[i];
        names->entries[index].visible_count++;
        if (!list_push(p, &names->visible, index))
            return false;
    }
    names->parked.count = scope.parked_base;
    return true;
}

/* ES2025 22.2.1.1 AtomEscape :: `k` GroupName: a Syntax Error if
 * GroupSpecifiersThatMatch(GroupName) is empty. */
bool regexp_names_check_references(RegexpParser *p)
{
    const RegexpNames *names = &p->names;
    for (uint32_t i = 0; i < names->references.count; i++) {
        if (!names->entries[names->references.items[i]].defined)
            return regexp_fail(p, "Invalid named capture referenced");
    }
    return true;
}
