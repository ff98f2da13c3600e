/*
 * The atom table: an open-addressing hash set of flat strings keyed by
 * content (linear probing, capacity a power of two, at most 3/4 full).
 *
 * The table is weak: it does not mark its atoms. A GC weak callback, which
 * runs after marking, removes the atoms nobody marked; removal shifts later
 * entries of the probe run back (no tombstones), so lookups stay short.
 * The permanent atoms (ATOM_LIST) are pinned, so they are always marked.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "vm/atom.h"
#include "vm/string_internal.h"

enum { ATOM_TABLE_MIN_CAPACITY = 256 };

struct AtomTable {
    String **slots;        /* NULL: empty */
    uint32_t capacity;     /* a power of two */
    uint32_t count;
    String *permanent[ATOM__COUNT];
};

/* The content of a would-be atom: units of either width, and their hash. */
typedef struct AtomKey {
    const uint8_t *latin1;     /* exactly one of latin1 / utf16 is set */
    const uint16_t *utf16;
    uint32_t len;
    uint32_t hash;
} AtomKey;

static bool atom_matches(String *atom, const AtomKey *key)
{
    if (string_len(atom) != key->len || string_hash(atom) != key->hash)
        return false;
    bool latin1 = atom->cell.flags & STRING_LATIN1;
    if (latin1 != (key->latin1 != NULL))
        return false;   /* flat strings of different widths differ */
    return latin1 ? memcmp(flat_latin1(atom), key->latin1, key->len) == 0
                  : memcmp(flat_utf16(atom), key->utf16, (size_t)key->len * 2) == 0;
}

static String *table_find(const AtomTable *table, const AtomKey *key)
{
    uint32_t mask = table->capacity - 1;
    for (uint32_t i = key->hash & mask;; i = (i + 1) & mask) {
        String *atom = table->slots[i];
        if (!atom)
            return NULL;
        if (atom_matches(atom, key))
            return atom;
    }
}

/* Inserts an atom known to be absent; there must be a free slot. */
static void table_insert(AtomTable *table, String *atom)
{
    uint32_t mask = table->capacity - 1;
    uint32_t i = string_hash(atom) & mask;
    while (table->slots[i])
        i = (i + 1) & mask;
    table->slots[i] = atom;
    table->count++;
}

/* Makes room for one more atom. false when malloc fails. */
static bool table_reserve(AtomTable *table)
{
    if ((uint64_t)(table->count + 1) * 4 <= (uint64_t)table->capacity * 3)
        return true;
    uint32_t old_capacity = table->capacity;
    String **old_slots = table->slots;
    String **slots = calloc((size_t)old_capacity * 2, sizeof *slots);
    if (!slots)
        return false;
    table->slots = slots;
    table->capacity = old_capacity * 2;
    table->count = 0;
    for (uint32_t i = 0; i < old_capacity; i++)
        if (old_slots[i])
            table_insert(table, old_slots[i]);
    free(old_slots);
    return true;
}

/* Empties slot i and moves back the entries of its probe run that can no
 * longer be reached past the hole (linear-probing deletion). */
static void table_remove_at(AtomTable *table, uint32_t hole)
{
    uint32_t mask = table->capacity - 1;
    table->slots[hole] = NULL;
    table->count--;
    for (uint32_t j = (hole + 1) & mask; table->slots[j]; j = (j + 1) & mask) {
        uint32_t home = string_hash(table->slots[j]) & mask;
        /* The entry at j may stay only if its home lies cyclically in (hole, j]. */
        bool reachable = hole < j ? (home > hole && home <= j) : (home > hole || home <= j);
        if (!reachable) {
            table->slots[hole] = table->slots[j];
            table->slots[j] = NULL;
            hole = j;
        }
    }
}

/* The GC weak callback: forget atoms that were not marked. */
static void atom_table_sweep(Heap *heap, void *data)
{
    (void)heap;
    AtomTable *table = data;
    for (uint32_t i = 0; i < table->capacity;) {
        String *atom = table->slots[i];
        if (atom && !gc_is_marked(&atom->cell))
            table_remove_at(table, i);   /* slot i may now hold another entry: look again */
        else
            i++;
    }
}

/* Adds a flat string that is not yet an atom. NULL after throwing. */
static String *table_add(VM *vm, String *flat)
{
    if (!table_reserve(vm->atoms)) {
        vm_throw_out_of_memory(vm);
        return NULL;
    }
    flat->cell.flags |= STRING_ATOM;
    table_insert(vm->atoms, flat);
    return flat;
}

String *atom_intern(VM *vm, String *s)
{
    if (s->cell.flags & STRING_ATOM)
        return s;
    if (!string_flatten(vm, s))
        return NULL;
    String *flat = (String *)string_flat_of(s);
    if (flat->cell.flags & STRING_ATOM)
        return flat;
    AtomKey key = {.len = string_len(flat), .hash = string_hash(flat)};
    if (flat->cell.flags & STRING_LATIN1)
        key.latin1 = flat_latin1(flat);
    else
        key.utf16 = flat_utf16(flat);
    String *atom = table_find(vm->atoms, &key);
    return atom ? atom : table_add(vm, flat);
}

String *atom_from_latin1(VM *vm, const uint8_t *chars, uint32_t len)
{
    AtomKey key = {.latin1 = chars, .len = len, .hash = string_hash_latin1(chars, len)};
    String *atom = table_find(vm->atoms, &key);
    if (atom)
        return atom;
    /* Allocating may collect and so remove entries: table_add probes anew. */
    String *s = string_from_latin1(vm, chars, len);
    if (!s)
        return NULL;
    if (s->cell.flags & STRING_ATOM)   /* "" while the table exists */
        return s;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, s);
    atom = table_add(vm, s);
    GC_SCOPE_END(vm->heap);
    return atom;
}

String *atom_from_cstr(VM *vm, const char *cstr)
{
    size_t len = strlen(cstr);
    bool ascii = true;
    for (size_t i = 0; i < len && ascii; i++)
        ascii = (unsigned char)cstr[i] < 0x80;
    if (ascii && len <= STRING_MAX_LENGTH)
        return atom_from_latin1(vm, (const uint8_t *)cstr, (uint32_t)len);
    String *s = string_from_utf8(vm, cstr, len);
    return s ? atom_intern(vm, s) : NULL;
}

String *vm_atom(VM *vm, AtomId id)
{
    assert(id < ATOM__COUNT);
    return vm->atoms->permanent[id];
}

static bool create_permanent_atoms(VM *vm, AtomTable *table)
{
    static const char *const texts[ATOM__COUNT] = {
#define A(id, text) text,
        ATOM_LIST(A)
#undef A
    };
    for (int id = 0; id < ATOM__COUNT; id++) {
        String *atom = atom_from_cstr(vm, texts[id]);
        if (!atom)
            return false;
        gc_pin(vm->heap, &atom->cell);
        table->permanent[id] = atom;
    }
    return true;
}

AtomTable *atom_table_new(VM *vm)
{
    AtomTable *table = calloc(1, sizeof *table);
    if (!table)
        return NULL;
    table->capacity = ATOM_TABLE_MIN_CAPACITY;
    table->slots = calloc(table->capacity, sizeof *table->slots);
    if (!table->slots) {
        free(table);
        return NULL;
    }
    /* The atom functions find the table through vm->atoms. The empty atom
     * comes first (ATOM_empty is 0), before string_from_latin1 relies on it. */
    vm->atoms = table;
    gc_add_weak_callback(vm->heap, atom_table_sweep, table);
    if (!create_permanent_atoms(vm, table)) {
        vm->atoms = NULL;
        atom_table_free(table);
        return NULL;
    }
    return table;
}

uint32_t atom_table_count(const AtomTable *table) { return table->count; }

void atom_table_free(AtomTable *table)
{
    if (!table)
        return;
    free(table->slots);
    free(table);
}
