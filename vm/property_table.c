/*
 * Property tables: the properties of a dictionary shape, or the lookup table
 * of a tree shape with many properties (so that lookup is O(1)).
 *
 * Entries stay in creation order, which is the order of [[OwnPropertyKeys]].
 * The index is open addressing with linear probing over entry numbers; keys
 * are atoms and symbols, unique cells, so they hash and compare as pointers.
 */
#include <stdlib.h>
#include <string.h>

#include "vm/object_internal.h"

enum { INDEX_EMPTY = -1, INDEX_DELETED = -2 };

static uint32_t key_hash(PropertyKey key)
{
    uint64_t h = key * 0x9E3779B97F4A7C15ull;
    return (uint32_t)(h >> 32);
}

/* The smallest power of two index size keeping the load under 1/2. */
static uint32_t index_size_for(uint32_t entries)
{
    uint32_t size = 8;
    while (size < entries * 2)
        size *= 2;
    return size;
}

static void index_insert(PropertyTable *table, PropertyKey key, int32_t entry)
{
    uint32_t i = key_hash(key) & table->index_mask;
    while (table->index[i] >= 0)
        i = (i + 1) & table->index_mask;
    table->index[i] = entry;
}

/* Rebuilds the index for size buckets from the live entries. */
static bool index_rebuild(PropertyTable *table, uint32_t size)
{
    int32_t *index = malloc(size * sizeof *index);
    if (!index)
        return false;
    free(table->index);
    table->index = index;
    table->index_mask = size - 1;
    table->deleted_buckets = 0;
    memset(index, 0xFF, size * sizeof *index);   /* every bucket INDEX_EMPTY */
    for (uint32_t e = 0; e < table->entry_count; e++) {
        if (table->entries[e].key != VALUE_HOLE)
            index_insert(table, table->entries[e].key, (int32_t)e);
    }
    return true;
}

PropertyTable *property_table_new(uint32_t expected)
{
    PropertyTable *table = calloc(1, sizeof *table);
    if (!table)
        return NULL;
    table->entry_capacity = expected < 4 ? 4 : expected;
    table->entries = malloc(table->entry_capacity * sizeof *table->entries);
    if (!table->entries || !index_rebuild(table, index_size_for(table->entry_capacity))) {
        property_table_free(table);
        return NULL;
    }
    return table;
}

void property_table_free(PropertyTable *table)
{
    if (!table)
        return;
    free(table->entries);
    free(table->index);
    free(table);
}

/* The index bucket holding key, or -1. */
static int32_t find_bucket(const PropertyTable *table, PropertyKey key)
{
    uint32_t i = key_hash(key) & table->index_mask;
    for (;;) {
        int32_t entry = table->index[i];
        if (entry == INDEX_EMPTY)
            return -1;
        if (entry >= 0 && table->entries[entry].key == key)
            return (int32_t)i;
        i = (i + 1) & table->index_mask;
    }
}

PropertyEntry *property_table_find(const PropertyTable *table, PropertyKey key)
{
    int32_t bucket = find_bucket(table, key);
    return bucket < 0 ? NULL : &table->entries[table->index[bucket]];
}

bool property_table_add(PropertyTable *table, PropertyKey key, uint32_t slot, uint8_t attributes)
{
    if (table->entry_count == table->entry_capacity) {
        uint32_t capacity = table->entry_capacity * 2;
        PropertyEntry *entries = realloc(table->entries, capacity * sizeof *entries);
        if (!entries)
            return false;
        table->entries = entries;
        table->entry_capacity = capacity;
    }
    /* Deleted buckets count as used for probing: rebuild when they fill up. */
    if ((table->live_count + table->deleted_buckets + 1) * 2 > table->index_mask + 1 &&
        !index_rebuild(table, index_size_for(table->live_count + 1)))
        return false;
    uint32_t entry = table->entry_count++;
    table->entries[entry] = (PropertyEntry){ .key = key, .slot = slot, .attributes = attributes };
    table->live_count++;
    index_insert(table, key, (int32_t)entry);
    return true;
}

void property_table_remove(PropertyTable *table, PropertyKey key)
{
    int32_t bucket = find_bucket(table, key);
    if (bucket < 0)
        return;
    table->entries[table->index[bucket]].key = VALUE_HOLE;
    table->index[bucket] = INDEX_DELETED;
    table->deleted_buckets++;
    table->live_count--;
}

bool property_table_compact(PropertyTable *table)
{
    uint32_t live = 0;
    for (uint32_t e = 0; e < table->entry_count; e++) {
        if (table->entries[e].key != VALUE_HOLE)
            table->entries[live++] = table->entries[e];
    }
    table->entry_count = live;
    return index_rebuild(table, index_size_for(live));
}

PropertyTable *property_table_clone(const PropertyTable *table)
{
    PropertyTable *copy = property_table_new(table->entry_count);
    if (!copy)
        return NULL;
    memcpy(copy->entries, table->entries, table->entry_count * sizeof *table->entries);
    copy->entry_count = table->entry_count;
    copy->live_count = table->live_count;
    if (!index_rebuild(copy, index_size_for(copy->entry_capacity))) {
        property_table_free(copy);
        return NULL;
    }
    return copy;
}
