/*
 * Objects, their shapes, and the internal methods (ES2025 6.1.7.2 Object
 * Internal Methods and Internal Slots; 10.1 Ordinary Object Internal Methods;
 * 10.4.2 Array Exotic Objects).
 *
 * ---- Property keys ----
 * A PropertyKey is a Value that is one of:
 *   - a number: an array index 0 .. 2^32-2 (int32 when below 2^31);
 *   - an atom (a String with STRING_ATOM) that does not spell an array index;
 *   - a Symbol.
 * property_key_from_value() makes one from any value (ToPropertyKey, with
 * canonical index strings turned into numbers), so "1" and 1 are one key.
 *
 * ---- Shapes ----
 * An object's named properties are described by its shape, shared by every
 * object built the same way: the shape records, for each key, its slot in
 * the object's slots array and its attributes, and also the prototype. Adding
 * a property moves the object along a transition to a child shape (created
 * once, then reused). Objects whose properties are deleted or reconfigured a
 * lot switch to a dictionary shape of their own. An inline cache keyed by
 * shape can therefore remember "this shape: the value is in slot 3".
 *
 * ---- Elements ----
 * Array-index properties live apart, in elements: a dense Value array while
 * the indices are compact and every element is a plain writable, enumerable,
 * configurable data property (holes are VALUE_HOLE), else a sparse table.
 *
 * ---- Exotic objects ----
 * Every object has an ObjectClass: its internal methods. Ordinary objects use
 * the ordinary_* functions below; arrays, arguments, String objects, bound
 * functions, proxies, typed arrays... override some of them. The interpreter
 * and the built-ins call the object_* functions, which dispatch through the
 * class, so a Proxy is one more class.
 *
 * Return conventions: functions returning int give 1 (true), 0 (false) or
 * -1 (an exception is pending in vm); Value-returning ones give
 * VALUE_EXCEPTION when they threw.
 */
#ifndef NODUS_VM_OBJECT_H
#define NODUS_VM_OBJECT_H

#include <stdbool.h>
#include <stdint.h>

#include "vm/vm.h"

typedef Value PropertyKey;
typedef struct Shape Shape;
typedef struct ObjectClass ObjectClass;
typedef struct KeyList KeyList;

/* Property attributes (ES2025 6.1.7.1) */
enum {
    PROP_WRITABLE = 1 << 0,
    PROP_ENUMERABLE = 1 << 1,
    PROP_CONFIGURABLE = 1 << 2,
    PROP_ACCESSOR = 1 << 3,       /* the slot holds an AccessorPair cell */
    PROP_DEFAULT = PROP_WRITABLE | PROP_ENUMERABLE | PROP_CONFIGURABLE,
};

/* A Property Descriptor (ES2025 6.2.6): each field may be absent. */
enum {
    DESC_HAS_VALUE = 1 << 0, DESC_HAS_GET = 1 << 1, DESC_HAS_SET = 1 << 2,
    DESC_HAS_WRITABLE = 1 << 3, DESC_HAS_ENUMERABLE = 1 << 4, DESC_HAS_CONFIGURABLE = 1 << 5,
};
typedef struct PropertyDescriptor {
    uint8_t has;                  /* DESC_HAS_* */
    uint8_t attributes;           /* PROP_WRITABLE / ENUMERABLE / CONFIGURABLE where present */
    Value value;                  /* VALUE_UNDEFINED when absent */
    Value getter, setter;         /* undefined or a callable object */
} PropertyDescriptor;

/* Object flags (in the cell header's flags) */
enum {
    OBJECT_EXTENSIBLE = 1 << 0,
    OBJECT_IS_CALLABLE = 1 << 1,
    OBJECT_IS_CONSTRUCTOR = 1 << 2,
    OBJECT_HAS_SPARSE_ELEMENTS = 1 << 3,
    OBJECT_ELEMENTS_FROZEN = 1 << 4,   /* elements are non-writable non-configurable */
    OBJECT_CLASS_FLAG_0 = 1 << 8,      /* 8 bits for the class's own use */
};

typedef struct Object {
    GCCell header;                /* header.aux: unused; header.flags: OBJECT_* */
    const ObjectClass *class_;
    Shape *shape;                 /* named properties and the prototype */
    Value *slots;                 /* named property values, indexed by the shape */
    uint32_t slot_capacity;
    uint32_t elements_length;     /* dense: elements in use (holes included) */
    uint32_t elements_capacity;
    Value *elements;              /* dense elements, or NULL */
    struct SparseElements *sparse;/* when OBJECT_HAS_SPARSE_ELEMENTS */
    /* a class's own fields follow in a larger struct whose first member is Object */
} Object;

typedef struct ObjectClass {
    const char *name;             /* "Object", "Array", "Function", "Arguments", ... */
    /* [[GetOwnProperty]]: 1 found (desc filled), 0 absent, -1 threw */
    int (*get_own_property)(VM *vm, Object *o, PropertyKey key, PropertyDescriptor *desc);
    /* [[DefineOwnProperty]]: 1 done, 0 rejected, -1 threw */
    int (*define_own_property)(VM *vm, Object *o, PropertyKey key, const PropertyDescriptor *desc);
    int (*has_property)(VM *vm, Object *o, PropertyKey key);
    Value (*get)(VM *vm, Object *o, PropertyKey key, Value receiver);
    int (*set)(VM *vm, Object *o, PropertyKey key, Value value, Value receiver);
    int (*delete_property)(VM *vm, Object *o, PropertyKey key);
    /* [[OwnPropertyKeys]]: appends to keys (indices ascending, then strings
     * in creation order, then symbols); false after throwing */
    bool (*own_property_keys)(VM *vm, Object *o, struct KeyList *keys);
    Value (*get_prototype_of)(VM *vm, Object *o);       /* an object, null, or VALUE_EXCEPTION */
    int (*set_prototype_of)(VM *vm, Object *o, Value prototype);
    int (*is_extensible)(VM *vm, Object *o);
    int (*prevent_extensions)(VM *vm, Object *o);
    /* [[Call]] and [[Construct]], NULL when the object has none */
    Value (*call)(VM *vm, Object *callee, Value this_value, uint32_t argc, const Value *argv);
    Value (*construct)(VM *vm, Object *callee, uint32_t argc, const Value *argv, Object *new_target);
    /* GC: what the class's own fields reference, and what to release */
    void (*trace)(GCTracer *tracer, Object *o);
    void (*finalize)(Heap *heap, Object *o);
} ObjectClass;

/* A growable list of property keys, rooted while it lives (it registers
 * itself with the heap). */
typedef struct KeyList {
    Value *keys;
    uint32_t count, capacity;
} KeyList;
void key_list_init(VM *vm, KeyList *list);
bool key_list_push(VM *vm, KeyList *list, PropertyKey key) NODUS_MUST_CHECK;
void key_list_free(VM *vm, KeyList *list);

extern const ObjectClass ordinary_object_class;
extern const ObjectClass array_object_class;

/* ---- Creation ---- */
/* A new object of class (cell size bytes, >= sizeof(Object)) with the given
 * prototype (an Object or NULL). NULL after throwing. */
Object *object_new(VM *vm, const ObjectClass *class_, size_t size, Object *prototype) NODUS_MUST_CHECK;
Object *object_new_ordinary(VM *vm, Object *prototype) NODUS_MUST_CHECK;

/* What kind of object o is (an Array, a String object, a function...): the
 * class it was made with, which its shape keeps. o->class_, the table its
 * internal methods are called through, is a lazy copy of it while o is a
 * built-in holder not made yet (vm/lazy_holder.c): tests of kind (IsArray,
 * thisNumberValue, ...) ask this; fast paths may test o->class_, which
 * sends such an object down the generic path. */
const ObjectClass *object_kind(const Object *o);
Object *array_new(VM *vm, Object *prototype, uint32_t length) NODUS_MUST_CHECK;

/* ---- Keys ---- */
/* ToPropertyKey plus canonicalization; VALUE_EXCEPTION after throwing. */
Value property_key_from_value(VM *vm, Value value);
PropertyKey property_key_from_index(VM *vm, uint32_t index);        /* never throws for < 2^32-1 */
bool property_key_is_index(PropertyKey key, uint32_t *index);

/* ---- Internal methods, dispatched through the class ---- */
int object_get_own_property(VM *vm, Object *o, PropertyKey key, PropertyDescriptor *desc);
int object_define_own_property(VM *vm, Object *o, PropertyKey key, const PropertyDescriptor *desc);
int object_has_property(VM *vm, Object *o, PropertyKey key);
Value object_get(VM *vm, Object *o, PropertyKey key, Value receiver);
int object_set(VM *vm, Object *o, PropertyKey key, Value value, Value receiver);
int object_delete(VM *vm, Object *o, PropertyKey key);
bool object_own_property_keys(VM *vm, Object *o, KeyList *keys);
Value object_get_prototype_of(VM *vm, Object *o);
int object_set_prototype_of(VM *vm, Object *o, Value prototype);
int object_is_extensible(VM *vm, Object *o);
int object_prevent_extensions(VM *vm, Object *o);

/* ---- Abstract operations (ES2025 7.3) ---- */
/* CreateDataProperty: 1 / 0 / -1 */
int object_create_data_property(VM *vm, Object *o, PropertyKey key, Value value);
/* DefinePropertyOrThrow with a data property of the given attributes; false after throwing */
bool object_define_data_property(VM *vm, Object *o, PropertyKey key, Value value, uint8_t attributes) NODUS_MUST_CHECK;
bool object_define_accessor_property(VM *vm, Object *o, PropertyKey key, Value getter, Value setter,
                                     uint8_t attributes) NODUS_MUST_CHECK;
/* SetIntegrityLevel / TestIntegrityLevel (sealed or frozen) */
int object_set_integrity_level(VM *vm, Object *o, bool frozen);
int object_test_integrity_level(VM *vm, Object *o, bool frozen);

/* ---- The ordinary internal methods (ES2025 10.1), for classes to reuse ---- */
int ordinary_get_own_property(VM *vm, Object *o, PropertyKey key, PropertyDescriptor *desc);
int ordinary_define_own_property(VM *vm, Object *o, PropertyKey key, const PropertyDescriptor *desc);
int ordinary_has_property(VM *vm, Object *o, PropertyKey key);
Value ordinary_get(VM *vm, Object *o, PropertyKey key, Value receiver);
int ordinary_set(VM *vm, Object *o, PropertyKey key, Value value, Value receiver);
int ordinary_delete(VM *vm, Object *o, PropertyKey key);
bool ordinary_own_property_keys(VM *vm, Object *o, KeyList *keys);
Value ordinary_get_prototype_of(VM *vm, Object *o);
int ordinary_set_prototype_of(VM *vm, Object *o, Value prototype);
int ordinary_is_extensible(VM *vm, Object *o);
int ordinary_prevent_extensions(VM *vm, Object *o);

/* The initializers of an ObjectClass whose internal methods are all the
 * ordinary ones (ES2025 10.1), for the classes that differ only in their
 * name, [[Call]], [[Construct]] or GC hooks:
 *     const ObjectClass date_object_class = { .name = "Date", ORDINARY_INTERNAL_METHODS };
 */
#define ORDINARY_INTERNAL_METHODS                                                                   \
    .get_own_property = ordinary_get_own_property, .define_own_property = ordinary_define_own_property, \
    .has_property = ordinary_has_property, .get = ordinary_get, .set = ordinary_set,                \
    .delete_property = ordinary_delete, .own_property_keys = ordinary_own_property_keys,            \
    .get_prototype_of = ordinary_get_prototype_of, .set_prototype_of = ordinary_set_prototype_of,   \
    .is_extensible = ordinary_is_extensible, .prevent_extensions = ordinary_prevent_extensions

/* ---- Fast paths for the interpreter's inline caches ---- */
/* An inline cache for a named get or set at one bytecode site. */
typedef struct InlineCache {
    Shape *shape;                 /* the receiver's shape when cached; NULL: empty */
    Object *holder;               /* where the property was found (receiver or a prototype) */
    uint32_t slot;                /* its slot in holder */
    /* Added by vm/inline_cache.c (see the comment there): */
    uint32_t epoch;               /* vm->shape_epoch when holder is a prototype */
    Shape *new_shape;             /* set: the shape after adding the property, or NULL */
    uint8_t kind;                 /* what was cached (IC_* in vm/inline_cache.c) */
} InlineCache;
/* An empty cache: zero-filled memory is one too. */
#define INLINE_CACHE_INIT {0}
/* Marks what a cache points to: its owner's trace function must call it. */
void inline_cache_trace(GCTracer *tracer, const InlineCache *cache);
/* [[Get]] of a named key with the cache: a hit is a shape compare and a load. */
Value object_get_named_cached(VM *vm, Object *o, PropertyKey key, Value receiver, InlineCache *cache);
int object_set_named_cached(VM *vm, Object *o, PropertyKey key, Value value, Value receiver, InlineCache *cache);

/* ---- Calls ---- */
/* Call(F, V, argumentsList) (ES2025 7.3.14): TypeError when callee is not
 * callable. Getters and setters are called through here. */
Value object_call(VM *vm, Value callee, Value this_value, uint32_t argc, const Value *argv);
static inline bool value_is_callable(Value v)
{
    return value_is_object(v) && ((GCCell *)value_as_object(v))->flags & OBJECT_IS_CALLABLE;
}

/* ---- Set-up ---- */
/* Registers the cell types of objects, shapes, value arrays, accessor pairs
 * and sparse elements, and creates vm->shapes. vm_new calls it once (a second
 * call does nothing). false: out of memory. */
bool object_runtime_init(VM *vm);
void object_runtime_free(VM *vm);

/* ---- Shapes (vm/shape.c) ---- */
Shape *shape_root(VM *vm, Object *prototype) NODUS_MUST_CHECK;     /* the empty shape for a prototype */
Object *shape_prototype(const Shape *shape);
uint32_t shape_property_count(const Shape *shape);
/* The slot and attributes of key, or false when the shape lacks it. */
bool shape_lookup(Shape *shape, PropertyKey key, uint32_t *slot, uint8_t *attributes);

#endif
