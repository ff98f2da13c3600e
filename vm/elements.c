/*
 * Elements: an object's array-index properties (keys 0 .. 2^32-2).
 *
 * Dense storage is a ValueArray of elements_capacity values, of which the
 * first elements_length are in use; absent elements are VALUE_HOLE, and the
 * last one in use is present. Every dense element is a writable, enumerable,
 * configurable data property (or, with OBJECT_ELEMENTS_FROZEN, a
 * non-writable, non-configurable one).
 *
 * Sparse storage (OBJECT_HAS_SPARSE_ELEMENTS) is a table ordered by index,
 * each entry with its own attributes. An object switches to it, for good,
 * when an element gets other attributes or becomes an accessor, or when an
 * index lies too far past the end for dense storage to be reasonable
 * (`a[4294967294] = 1` must not allocate 32 GB).
 */
#include <stdlib.h>
#include <string.h>

#include "vm/object_internal.h"

enum {
    DENSE_MAX_GAP = 1024,             /* an index further past the end: sparse */
    DENSE_MAX_CAPACITY = 1u << 27,    /* 1 GB of Values */
    ELEMENT_DEFAULT = PROP_DEFAULT,
};

static bool is_sparse(const Object *o) { return o->header.flags & OBJECT_HAS_SPARSE_ELEMENTS; }

static uint8_t dense_attributes(const Object *o)
{
    return (o->header.flags & OBJECT_ELEMENTS_FROZEN) ? PROP_ENUMERABLE : ELEMENT_DEFAULT;
}

/* ---- The sparse table ---- */

/* The position of index in the table, or where it would be inserted. */
static uint32_t sparse_position(const struct SparseElements *s, uint32_t index)
{
    uint32_t low = 0, high = s->count;
    while (low < high) {
        uint32_t mid = low + (high - low) / 2;
        if (s->entries[mid].index < index)
            low = mid + 1;
        else
            high = mid;
    }
    return low;
}

static SparseEntry *sparse_find(const struct SparseElements *s, uint32_t index)
{
    uint32_t at = sparse_position(s, index);
    return at < s->count && s->entries[at].index == index ? &s->entries[at] : NULL;
}

static SparseEntry *sparse_insert(struct SparseElements *s, uint32_t index)
{
    if (s->count == s->capacity) {
        uint32_t capacity = s->capacity ? s->capacity * 2 : 8;
        SparseEntry *entries = realloc(s->entries, capacity * sizeof *entries);
        if (!entries)
            return NULL;
        s->entries = entries;
        s->capacity = capacity;
    }
    uint32_t at = sparse_position(s, index);
    memmove(&s->entries[at + 1], &s->entries[at], (s->count - at) * sizeof *s->entries);
    s->count++;
    s->entries[at] = (SparseEntry){ .index = index, .attributes = 0, .value = VALUE_UNDEFINED };
    return &s->entries[at];
}

static void sparse_remove(struct SparseElements *s, SparseEntry *entry)
{
    uint32_t at = (uint32_t)(entry - s->entries);
    memmove(&s->entries[at], &s->entries[at + 1], (s->count - at - 1) * sizeof *s->entries);
    s->count--;
}

/* Moves the dense elements into a new sparse table. false after throwing. */
static bool make_sparse(VM *vm, Object *o)
{
    struct SparseElements *s = gc_alloc(vm->heap, sizeof *s, CELL_TYPE_SPARSE_ELEMENTS);
    if (!s) {
        vm_throw_out_of_memory(vm);
        return false;
    }
    uint8_t attributes = dense_attributes(o);
    for (uint32_t i = 0; i < o->elements_length; i++) {
        if (o->elements[i] == VALUE_HOLE)
            continue;
        SparseEntry *e = sparse_insert(s, i);
        if (!e) {
            vm_throw_out_of_memory(vm);
            return false;   /* s is garbage; o is unchanged */
        }
        e->attributes = attributes;
        e->value = o->elements[i];
    }
    o->sparse = s;
    o->elements = NULL;
    o->elements_length = o->elements_capacity = 0;
    o->header.flags = (o->header.flags | OBJECT_HAS_SPARSE_ELEMENTS) & ~OBJECT_ELEMENTS_FROZEN;
    return true;
}

/* ---- Reading ---- */

int elements_get_own(VM *vm, Object *o, uint32_t index, PropertyDescriptor *desc)
{
    (void)vm;
    desc->value = desc->getter = desc->setter = VALUE_UNDEFINED;
    if (!is_sparse(o)) {
        Value v = elements_dense_get(o, index);
        if (v == VALUE_HOLE)
            return 0;
        desc->has = DESC_HAS_VALUE | DESC_HAS_WRITABLE | DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE;
        desc->attributes = dense_attributes(o);
        desc->value = v;
        return 1;
    }
    SparseEntry *e = sparse_find(o->sparse, index);
    if (!e)
        return 0;
    desc->attributes = e->attributes & PROP_DEFAULT;
    if (e->attributes & PROP_ACCESSOR) {
        AccessorPair *pair = accessor_pair_from_slot(e->value);
        desc->has = DESC_HAS_GET | DESC_HAS_SET | DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE;
        desc->getter = pair->getter;
        desc->setter = pair->setter;
    } else {
        desc->has = DESC_HAS_VALUE | DESC_HAS_WRITABLE | DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE;
        desc->value = e->value;
    }
    return 1;
}

uint32_t elements_end(Object *o)
{
    if (is_sparse(o))
        return o->sparse->count ? o->sparse->entries[o->sparse->count - 1].index + 1 : 0;
    return o->elements_length;
}

bool elements_own_keys(VM *vm, Object *o, KeyList *keys)
{
    if (is_sparse(o)) {
        for (uint32_t i = 0; i < o->sparse->count; i++) {
            PropertyKey key = property_key_from_index(vm, o->sparse->entries[i].index);
            if (value_is_exception(key) || !key_list_push(vm, keys, key))
                return false;
        }
        return true;
    }
    for (uint32_t i = 0; i < o->elements_length; i++) {
        if (o->elements[i] != VALUE_HOLE && !key_list_push(vm, keys, property_key_from_index(vm, i)))
            return false;
    }
    return true;
}

/* ---- Defining ---- */

/* Can index get a dense slot, growing the storage if needed? false: the
 * object should go sparse. Throws only out of memory (then *threw). */
static bool dense_reserve(VM *vm, Object *o, uint32_t index, bool *threw)
{
    *threw = false;
    if (index < o->elements_capacity)
        return true;
    if (index >= DENSE_MAX_CAPACITY || index - o->elements_length > DENSE_MAX_GAP)
        return false;
    uint32_t capacity = o->elements_capacity + o->elements_capacity / 2 + 8;
    if (capacity <= index)
        capacity = index + 1;
    ValueArray *grown = value_array_new(vm, capacity, VALUE_HOLE);
    if (!grown) {
        *threw = true;
        return false;
    }
    for (uint32_t i = 0; i < o->elements_length; i++)
        grown->values[i] = o->elements[i];
    o->elements = grown->values;
    o->elements_capacity = capacity;
    return true;
}

static void dense_store(Object *o, uint32_t index, Value value)
{
    o->elements[index] = value;
    if (index >= o->elements_length)
        o->elements_length = index + 1;   /* the gap is already holes */
}

/* The attributes of the element after applying desc to current (NULL: a new
 * element, absent fields false), and whether it is an accessor. */
static uint8_t element_attributes(const PropertyDescriptor *desc, const PropertyDescriptor *current)
{
    bool accessor = (desc->has & (DESC_HAS_GET | DESC_HAS_SET)) ||
                    (!(desc->has & (DESC_HAS_VALUE | DESC_HAS_WRITABLE)) && current &&
                     (current->has & DESC_HAS_GET));
    uint8_t attributes = current ? current->attributes : 0;
    if (current && accessor != ((current->has & DESC_HAS_GET) != 0))
        attributes &= ~PROP_WRITABLE;
    if (desc->has & DESC_HAS_WRITABLE)
        attributes = (attributes & ~PROP_WRITABLE) | (desc->attributes & PROP_WRITABLE);
    if (desc->has & DESC_HAS_ENUMERABLE)
        attributes = (attributes & ~PROP_ENUMERABLE) | (desc->attributes & PROP_ENUMERABLE);
    if (desc->has & DESC_HAS_CONFIGURABLE)
        attributes = (attributes & ~PROP_CONFIGURABLE) | (desc->attributes & PROP_CONFIGURABLE);
    return accessor ? (attributes & ~PROP_WRITABLE) | PROP_ACCESSOR : attributes;
}

/* The value an element stores after applying desc to current: the data
 * value, or an AccessorPair (new, or current's updated). VALUE_EXCEPTION
 * after throwing. */
static Value element_stored_value(VM *vm, Object *o, uint32_t index, uint8_t attributes,
                                  const PropertyDescriptor *desc, const PropertyDescriptor *current)
{
    bool was_accessor = current && (current->has & DESC_HAS_GET);
    if (!(attributes & PROP_ACCESSOR)) {
        if (desc->has & DESC_HAS_VALUE)
            return desc->value;
        return current && !was_accessor ? current->value : VALUE_UNDEFINED;
    }
    if (was_accessor) {
        AccessorPair *pair = accessor_pair_from_slot(sparse_find(o->sparse, index)->value);
        if (desc->has & DESC_HAS_GET)
            pair->getter = desc->getter;
        if (desc->has & DESC_HAS_SET)
            pair->setter = desc->setter;
        return value_from_cell(&pair->header);
    }
    AccessorPair *pair = accessor_pair_new(vm, desc->has & DESC_HAS_GET ? desc->getter : VALUE_UNDEFINED,
                                           desc->has & DESC_HAS_SET ? desc->setter : VALUE_UNDEFINED);
    return pair ? value_from_cell(&pair->header) : VALUE_EXCEPTION;
}

static bool sparse_store(VM *vm, Object *o, uint32_t index, uint8_t attributes, Value stored)
{
    SparseEntry *e = sparse_find(o->sparse, index);
    if (!e)
        e = sparse_insert(o->sparse, index);
    if (!e) {
        vm_throw_out_of_memory(vm);
        return false;
    }
    e->attributes = attributes;
    e->value = stored;
    return true;
}

/* Applies desc to element index of o (ValidateAndApplyPropertyDescriptor
 * step 1.b-1.c or 7, after the caller validated it). 1 or -1. */
int elements_define(VM *vm, Object *o, uint32_t index, const PropertyDescriptor *desc)
{
    PropertyDescriptor current_desc;
    int found = elements_get_own(vm, o, index, &current_desc);
    const PropertyDescriptor *current = found ? &current_desc : NULL;
    uint8_t attributes = element_attributes(desc, current);
    Value stored = element_stored_value(vm, o, index, attributes, desc, current);
    if (value_is_exception(stored))
        return -1;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, stored);
    int result = 1;
    bool threw = false;
    if (!is_sparse(o) && attributes == dense_attributes(o) && dense_reserve(vm, o, index, &threw))
        dense_store(o, index, stored);
    else if (threw || (!is_sparse(o) && !make_sparse(vm, o)) || !sparse_store(vm, o, index, attributes, stored))
        result = -1;
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ---- Deleting ---- */

int elements_delete(VM *vm, Object *o, uint32_t index)
{
    (void)vm;
    if (is_sparse(o)) {
        SparseEntry *e = sparse_find(o->sparse, index);
        if (e)
            sparse_remove(o->sparse, e);
        return 1;
    }
    if (index >= o->elements_length)
        return 1;
    o->elements[index] = VALUE_HOLE;
    while (o->elements_length > 0 && o->elements[o->elements_length - 1] == VALUE_HOLE)
        o->elements_length--;
    return 1;
}

uint32_t elements_truncate(VM *vm, Object *o, uint32_t new_end)
{
    (void)vm;
    if (!is_sparse(o)) {
        if (o->header.flags & OBJECT_ELEMENTS_FROZEN)
            return o->elements_length > new_end ? o->elements_length : new_end;
        for (uint32_t i = new_end; i < o->elements_length; i++)
            o->elements[i] = VALUE_HOLE;
        if (o->elements_length > new_end)
            o->elements_length = new_end;
        while (o->elements_length > 0 && o->elements[o->elements_length - 1] == VALUE_HOLE)
            o->elements_length--;
        return new_end;
    }
    struct SparseElements *s = o->sparse;
    while (s->count > 0 && s->entries[s->count - 1].index >= new_end) {
        SparseEntry *last = &s->entries[s->count - 1];
        if (!(last->attributes & PROP_CONFIGURABLE))
            return last->index + 1;
        s->count--;
    }
    return new_end;
}

/* ---- GC ---- */

static void sparse_trace(GCTracer *tracer, GCCell *cell)
{
    struct SparseElements *s = (struct SparseElements *)cell;
    for (uint32_t i = 0; i < s->count; i++)
        gc_mark_value(tracer, s->entries[i].value);
}

static void sparse_finalize(Heap *heap, GCCell *cell)
{
    (void)heap;
    free(((struct SparseElements *)cell)->entries);
}

void sparse_elements_register(Heap *heap)
{
    static const GCTypeInfo info = { "SparseElements", sparse_trace, sparse_finalize };
    gc_register_type(heap, CELL_TYPE_SPARSE_ELEMENTS, &info);
}
