/*
 * Private declarations shared by the object system's files:
 *   vm/property_table.c  hash tables of properties (lookup tables, dictionaries)
 *   vm/shape.c           shapes: root shapes, transitions, dictionaries
 *   vm/value_array.c     GC-allocated Value arrays (out-of-line slots, elements)
 *   vm/property.c        property keys, key lists, accessor pairs, SameValue
 *   vm/object.c          object creation, slots, dispatchers, abstract operations
 *   vm/ordinary.c        the ordinary internal methods (ES2025 10.1)
 *   vm/elements.c        array-index properties: dense and sparse elements
 *   vm/array.c           the Array exotic object (ES2025 10.4.2)
 *   vm/inline_cache.c    inline caches for named gets and sets
 *
 * Rooting convention of these files: the caller keeps its arguments
 * reachable (objects, keys, descriptor fields, values); a function roots only
 * the cells it creates and still needs after a later allocation.
 */
#ifndef NODUS_VM_OBJECT_INTERNAL_H
#define NODUS_VM_OBJECT_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "gc/gc.h"
#include "vm/cell_types.h"
#include "vm/object.h"

/* Object flags of this module (the free bits between OBJECT_ELEMENTS_FROZEN
 * and OBJECT_CLASS_FLAG_0). */
enum {
    /* The object is, or was, the [[Prototype]] of some shape: a structural
     * change to it bumps vm->shape_epoch (see vm/inline_cache.c). */
    OBJECT_IS_PROTOTYPE = 1 << 5,
    /* slots points into the object's own cell, not into a ValueArray. */
    OBJECT_SLOTS_INLINE = 1 << 6,
};

/* Slots allocated inside every object's cell, after the class's fields. */
enum { OBJECT_INLINE_SLOTS = 4 };

/* ---- Value arrays (vm/value_array.c): a cell holding capacity Values ---- */
typedef struct ValueArray {
    GCCell header;                /* header.aux: capacity */
    Value values[];
} ValueArray;

/* A new array of capacity values, all set to fill. NULL after throwing. */
ValueArray *value_array_new(VM *vm, uint32_t capacity, Value fill);
/* The ValueArray whose values member is values. */
ValueArray *value_array_from_values(Value *values);
void value_array_register(Heap *heap);

/* ---- Accessor pairs (vm/property.c): what an accessor property's slot holds ---- */
typedef struct AccessorPair {
    GCCell header;
    Value getter;                 /* undefined or a callable object */
    Value setter;
} AccessorPair;

AccessorPair *accessor_pair_new(VM *vm, Value getter, Value setter);   /* NULL after throwing */
static inline AccessorPair *accessor_pair_from_slot(Value slot) { return (AccessorPair *)value_as_cell(slot); }
void accessor_pair_register(Heap *heap);

/* SameValue (ES2025 7.2.10): 1 same, 0 different, -1 threw (flattening a rope). */
int property_same_value(VM *vm, Value a, Value b);
/* Is key the atom "length"? */
bool property_key_is_length(VM *vm, PropertyKey key);

/* ---- Property tables (vm/property_table.c) ----
 * Entries in creation order (a deleted entry keeps its place with key
 * VALUE_HOLE until the table is compacted) plus an open-addressing index from
 * key to entry. Memory is malloc'd; the owning shape frees it. */
typedef struct PropertyEntry {
    PropertyKey key;
    uint32_t slot;
    uint8_t attributes;
} PropertyEntry;

typedef struct PropertyTable {
    PropertyEntry *entries;
    uint32_t entry_count;         /* used entries, deleted ones included */
    uint32_t entry_capacity;
    uint32_t live_count;          /* entries not deleted */
    int32_t *index;               /* entry number, or -1 empty, -2 deleted */
    uint32_t index_mask;          /* index size - 1 (a power of two) */
    uint32_t deleted_buckets;     /* INDEX_DELETED marks, reset by a rebuild */
} PropertyTable;

PropertyTable *property_table_new(uint32_t expected);             /* NULL: out of memory */
void property_table_free(PropertyTable *table);
/* The entry for key, or NULL. */
PropertyEntry *property_table_find(const PropertyTable *table, PropertyKey key);
/* Appends an entry (key must be absent). false: out of memory. */
bool property_table_add(PropertyTable *table, PropertyKey key, uint32_t slot, uint8_t attributes);
void property_table_remove(PropertyTable *table, PropertyKey key);
/* Drops deleted entries, keeping the order. */
bool property_table_compact(PropertyTable *table);
PropertyTable *property_table_clone(const PropertyTable *table);  /* NULL: out of memory */

/* ---- Shapes (vm/shape.c) ---- */
enum {
    SHAPE_DICTIONARY = 1 << 0,    /* owned by one object, changed in place, never cached */
    SHAPE_STABLE = 1 << 1,        /* a dictionary caches may key on (see vm/shape.c) */
    SHAPE_KEYED = 1 << 2,         /* stable and keyed on: copied, no longer changed in place */
};

typedef struct ShapeTransitions ShapeTransitions;

struct Shape {
    GCCell header;                /* header.flags: SHAPE_* */
    const ObjectClass *class_;    /* objects of one shape share their class */
    Object *prototype;            /* NULL for a null [[Prototype]] */
    Shape *parent;                /* tree shapes: the shape key was added to */
    PropertyKey key;              /* tree shapes: the property this shape adds */
    uint8_t attributes;           /* ... and its attributes; its slot is property_count - 1 */
    uint32_t property_count;      /* live properties */
    uint32_t slot_count;          /* slots an object of this shape needs */
    ShapeTransitions *transitions;/* tree shapes: children, weakly held */
    PropertyTable *table;         /* dictionary: the properties; tree: lazy lookup table */
};

static inline bool shape_is_dictionary(const Shape *shape) { return shape->header.flags & SHAPE_DICTIONARY; }
/* Can an inline cache key on this shape? Tree shapes and stable dictionaries
 * say everything about the layout; other dictionaries change in place. */
static inline bool shape_is_cacheable(const Shape *shape)
{
    return (shape->header.flags & (SHAPE_DICTIONARY | SHAPE_STABLE)) != SHAPE_DICTIONARY;
}
/* An inline cache keys on shape: a stable dictionary must not change in
 * place from now on (a tree shape never does). */
static inline void shape_mark_keyed(Shape *shape)
{
    if (shape->header.flags & SHAPE_STABLE)
        shape->header.flags |= SHAPE_KEYED;
}

/* Per-VM shape state: root shapes and the shapes to prune (vm->shapes). */
bool shape_runtime_init(VM *vm);
void shape_runtime_free(VM *vm);

/* The empty shape for objects of class_ with this prototype. */
Shape *shape_root_for_class(VM *vm, const ObjectClass *class_, Object *prototype) NODUS_MUST_CHECK;
/* The shape after adding key (absent from shape) with attributes; its slot
 * is the returned shape's slot_count - 1 for a tree shape. A dictionary shape
 * is changed in place and returned. NULL after throwing. */
Shape *shape_add_property(VM *vm, Shape *shape, PropertyKey key, uint8_t attributes, uint32_t *slot) NODUS_MUST_CHECK;
/* The shape with key's attributes changed (same slot). NULL after throwing. */
Shape *shape_change_attributes(VM *vm, Shape *shape, PropertyKey key, uint8_t attributes) NODUS_MUST_CHECK;
/* The shape without key. slots (the object's) may be rearranged when a
 * dictionary is compacted. NULL after throwing. */
Shape *shape_remove_property(VM *vm, Shape *shape, PropertyKey key, Value *slots) NODUS_MUST_CHECK;
/* The shape with another prototype. NULL after throwing. */
Shape *shape_change_prototype(VM *vm, Shape *shape, Object *prototype) NODUS_MUST_CHECK;
/* A dictionary copy of shape for one object. NULL after throwing. */
Shape *shape_to_dictionary(VM *vm, Shape *shape) NODUS_MUST_CHECK;
/* A stable dictionary copy of shape, for an object that holds built-ins
 * (see vm/shape.c). NULL after throwing. */
Shape *shape_to_stable_dictionary(VM *vm, Shape *shape) NODUS_MUST_CHECK;

/* Calls visit(key, slot, attributes, data) for each property in creation order. */
typedef bool (*ShapeVisitFn)(VM *vm, PropertyKey key, uint32_t slot, uint8_t attributes, void *data);
bool shape_for_each_property(VM *vm, Shape *shape, ShapeVisitFn visit, void *data);

void shape_register(Heap *heap);

/* ---- Objects (vm/object.c) ---- */
/* Grows o's slots to hold count values. false after throwing. */
bool object_ensure_slots(VM *vm, Object *o, uint32_t count) NODUS_MUST_CHECK;
/* Records a structural change of o (a property added, removed or
 * reconfigured; the prototype changed) for the inline caches. */
static inline void object_shape_changed(VM *vm, Object *o)
{
    if (o->header.flags & OBJECT_IS_PROTOTYPE)
        vm->shape_epoch++;
}
/* Is [[Set]] of an existing writable data property key of o a plain slot
 * store? (Yes but for exotic [[DefineOwnProperty]], e.g. an array's "length".) */
static inline bool object_named_store_is_plain(VM *vm, const Object *o, PropertyKey key)
{
    return o->class_->define_own_property == ordinary_define_own_property ||
           (o->class_ == &array_object_class && !property_key_is_length(vm, key));
}
/* Named properties of ordinary objects (vm/ordinary.c). */
int ordinary_get_own_named(VM *vm, Object *o, PropertyKey key, PropertyDescriptor *desc);
/* Adds a named property known to be absent. false after throwing. */
bool ordinary_add_named(VM *vm, Object *o, PropertyKey key, const PropertyDescriptor *desc) NODUS_MUST_CHECK;
/* The same for a data property: what OrdinaryDefineOwnProperty does when key
 * is absent and o extensible, without looking (for C code filling in an
 * object it has just made). false after throwing. */
bool ordinary_add_data_named(VM *vm, Object *o, PropertyKey key, Value value, uint8_t attributes) NODUS_MUST_CHECK;
/* Fills absent fields of a descriptor for a new property with the defaults. */
void property_descriptor_complete(PropertyDescriptor *desc);
/* ValidateAndApplyPropertyDescriptor's checks alone (O undefined): 1 or 0. */
int property_descriptor_validate(VM *vm, bool extensible, const PropertyDescriptor *desc,
                                 const PropertyDescriptor *current);

/* ---- Elements (vm/elements.c) ---- */
typedef struct SparseEntry {
    uint32_t index;
    uint8_t attributes;           /* PROP_*; PROP_ACCESSOR: value is an AccessorPair */
    Value value;
} SparseEntry;

struct SparseElements {
    GCCell header;
    SparseEntry *entries;         /* malloc'd, ascending index */
    uint32_t count, capacity;
};

int elements_get_own(VM *vm, Object *o, uint32_t index, PropertyDescriptor *desc);
int elements_define(VM *vm, Object *o, uint32_t index, const PropertyDescriptor *desc);
int elements_delete(VM *vm, Object *o, uint32_t index);
bool elements_own_keys(VM *vm, Object *o, KeyList *keys);
/* The highest index present + 1 (0 when none). */
uint32_t elements_end(Object *o);
/* Fast paths: a dense element's value (VALUE_HOLE when absent or not dense). */
static inline Value elements_dense_get(Object *o, uint32_t index)
{
    if (index < o->elements_length && !(o->header.flags & OBJECT_HAS_SPARSE_ELEMENTS))
        return o->elements[index];
    return VALUE_HOLE;
}
/* [[Set]] of element index on o with o as the receiver, when it is a plain
 * store (an existing writable element, or a new one nothing on the chain
 * could intercept): 1 done, 0 not handled here (take the full algorithm),
 * -1 threw. */
int elements_fast_set(VM *vm, Object *o, uint32_t index, Value value);
/* Deletes the elements at indices >= new_end from the highest down, stopping
 * at a non-configurable one; returns the resulting end (index + 1 of the
 * survivor, or new_end). */
uint32_t elements_truncate(VM *vm, Object *o, uint32_t new_end);
void sparse_elements_register(Heap *heap);

/* ---- Arrays (vm/array.c) ---- */
enum { ARRAY_LENGTH_READONLY = OBJECT_CLASS_FLAG_0 };
enum { ARRAY_LENGTH_SLOT = 0 };
uint32_t array_length(const Object *array);

/* ---- Conversions the object system needs ---- */
/* ToNumber for ArraySetLength; an object goes through vm->to_primitive. */
bool property_to_number(VM *vm, Value value, double *result) NODUS_MUST_CHECK;

#endif
