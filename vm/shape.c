/*
 * Shapes: the layout of an object's named properties, shared by the objects
 * built the same way.
 *
 * Tree shapes form a transition tree per (class, prototype): the root is the
 * empty shape, and each child adds one property (key and attributes) to its
 * parent, in the next slot. Objects that add the same properties in the same
 * order go through the same shapes, so a shape pointer says everything about
 * the layout and an inline cache compares pointers.
 *   - A parent finds its children through a small list, which becomes a hash
 *     table when it grows. Children are held weakly: a shape no object uses
 *     any more is collected, and the weak callback below prunes it from its
 *     parent (a child holds its parent strongly).
 *   - Looking a key up walks the chain of parents; a shape with more than
 *     LOOKUP_TABLE_MIN properties builds a hash table on its first lookup
 *     instead, which its first child then inherits (so an object growing one
 *     property at a time does not rebuild a table at each step).
 * Dictionary shapes belong to one object and change in place: an object gets
 * one when it deletes a property other than its last, grows past
 * SHAPE_MAX_TREE_PROPERTIES, or is reconfigured with too many properties to
 * replay. Inline caches never cache a dictionary receiver...
 *
 * ... but for a stable one. The objects that hold the built-ins (Math,
 * Array.prototype, the constructors) each have a layout of their own, and a
 * tree shape per property would cost a shape cell and a transition list for
 * each of several hundred properties at every start-up, to be shared with
 * nothing. They get a stable dictionary instead: one shape with a table.
 * It changes in place while no inline cache has keyed on it (so building
 * it costs no copies); once one has (SHAPE_KEYED, set by the cache), a
 * structural change moves the object to a copy, itself stable, so the sites
 * that keyed on the old one miss from then on.
 */
#include <stdlib.h>
#include <string.h>

#include "vm/object_internal.h"

enum {
    LOOKUP_TABLE_MIN = 8,            /* more properties than this: a lookup table */
    SHAPE_MAX_TREE_PROPERTIES = 256, /* adding past this: a dictionary */
    SHAPE_MAX_REPLAY = 64,           /* reconfiguring or re-prototyping more: a dictionary */
    TRANSITION_LIST_MAX = 8,         /* more children than this: a hash table */
};

/* ---- Transitions: a parent's children, weakly held ---- */

#define TRANSITION_DELETED ((Shape *)1)

struct ShapeTransitions {
    Shape **children;             /* list, or hash buckets (NULL empty, TRANSITION_DELETED) */
    uint32_t count;               /* live children */
    uint32_t used;                /* hashed: non-empty buckets */
    uint32_t capacity;            /* list capacity, or bucket count (a power of two) */
    bool hashed;
};

static uint32_t transition_hash(PropertyKey key, uint8_t attributes)
{
    uint64_t h = (key ^ attributes) * 0x9E3779B97F4A7C15ull;
    return (uint32_t)(h >> 32);
}

static bool is_child(const Shape *child, PropertyKey key, uint8_t attributes)
{
    return child > TRANSITION_DELETED && child->key == key && child->attributes == attributes;
}

static Shape *transitions_find(const ShapeTransitions *t, PropertyKey key, uint8_t attributes)
{
    if (!t)
        return NULL;
    if (!t->hashed) {
        for (uint32_t i = 0; i < t->count; i++) {
            if (is_child(t->children[i], key, attributes))
                return t->children[i];
        }
        return NULL;
    }
    uint32_t mask = t->capacity - 1;
    for (uint32_t i = transition_hash(key, attributes) & mask; t->children[i]; i = (i + 1) & mask) {
        if (is_child(t->children[i], key, attributes))
            return t->children[i];
    }
    return NULL;
}

static void hashed_insert(ShapeTransitions *t, Shape *child)
{
    uint32_t mask = t->capacity - 1;
    uint32_t i = transition_hash(child->key, child->attributes) & mask;
    while (t->children[i])
        i = (i + 1) & mask;
    t->children[i] = child;
    t->used++;
    t->count++;
}

/* Moves the live children into a fresh hash table of capacity buckets. */
static bool transitions_rehash(ShapeTransitions *t, uint32_t capacity)
{
    Shape **old = t->children;
    uint32_t old_capacity = t->hashed ? t->capacity : t->count;
    t->children = calloc(capacity, sizeof *t->children);
    if (!t->children) {
        t->children = old;
        return false;
    }
    t->capacity = capacity;
    t->hashed = true;
    t->count = t->used = 0;
    for (uint32_t i = 0; i < old_capacity; i++) {
        if (old[i] > TRANSITION_DELETED)
            hashed_insert(t, old[i]);
    }
    free(old);
    return true;
}

static bool transitions_add(ShapeTransitions *t, Shape *child)
{
    if (t->hashed) {
        if ((t->used + 1) * 2 > t->capacity && !transitions_rehash(t, t->count * 4 > t->capacity ? t->capacity * 2 : t->capacity))
            return false;
        hashed_insert(t, child);
        return true;
    }
    if (t->count == TRANSITION_LIST_MAX) {
        if (!transitions_rehash(t, 4 * TRANSITION_LIST_MAX))
            return false;
        hashed_insert(t, child);
        return true;
    }
    if (t->count == t->capacity) {
        uint32_t capacity = t->capacity ? t->capacity * 2 : 2;
        Shape **children = realloc(t->children, capacity * sizeof *children);
        if (!children)
            return false;
        t->children = children;
        t->capacity = capacity;
    }
    t->children[t->count++] = child;
    return true;
}

/* Drops the children the collector did not mark. Does not allocate. */
static void transitions_prune(ShapeTransitions *t)
{
    if (!t->hashed) {
        uint32_t live = 0;
        for (uint32_t i = 0; i < t->count; i++) {
            if (gc_is_marked(&t->children[i]->header))
                t->children[live++] = t->children[i];
        }
        t->count = live;
        return;
    }
    for (uint32_t i = 0; i < t->capacity; i++) {
        if (t->children[i] > TRANSITION_DELETED && !gc_is_marked(&t->children[i]->header)) {
            t->children[i] = TRANSITION_DELETED;
            t->count--;
        }
    }
}

static void transitions_free(ShapeTransitions *t)
{
    if (t) {
        free(t->children);
        free(t);
    }
}

/* ---- The per-VM state: root shapes, and the parents to prune ---- */

typedef struct RootEntry {
    const ObjectClass *class_;
    Object *prototype;
    Shape *shape;                 /* NULL: empty bucket; TRANSITION_DELETED: removed */
} RootEntry;

struct ShapeRuntime {
    RootEntry *roots;
    uint32_t root_used, root_capacity;  /* capacity: a power of two */
    Shape **parents;              /* shapes that have transitions */
    uint32_t parent_count, parent_capacity;
};

static uint32_t root_hash(const ObjectClass *class_, const Object *prototype)
{
    uint64_t h = ((uint64_t)(uintptr_t)class_ * 31 + (uint64_t)(uintptr_t)prototype) * 0x9E3779B97F4A7C15ull;
    return (uint32_t)(h >> 32);
}

static RootEntry *roots_find(ShapeRuntime *rt, const ObjectClass *class_, const Object *prototype)
{
    uint32_t mask = rt->root_capacity - 1;
    for (uint32_t i = root_hash(class_, prototype) & mask; rt->roots[i].shape; i = (i + 1) & mask) {
        RootEntry *e = &rt->roots[i];
        if (e->shape != TRANSITION_DELETED && e->class_ == class_ && e->prototype == prototype)
            return e;
    }
    return NULL;
}

static void roots_insert(ShapeRuntime *rt, const ObjectClass *class_, Object *prototype, Shape *shape)
{
    uint32_t mask = rt->root_capacity - 1;
    uint32_t i = root_hash(class_, prototype) & mask;
    while (rt->roots[i].shape)
        i = (i + 1) & mask;
    rt->roots[i] = (RootEntry){ class_, prototype, shape };
    rt->root_used++;
}

static bool roots_grow(ShapeRuntime *rt)
{
    RootEntry *old = rt->roots;
    uint32_t old_capacity = rt->root_capacity, live = 0;
    for (uint32_t i = 0; i < old_capacity; i++)
        live += old[i].shape > TRANSITION_DELETED;
    uint32_t capacity = 16;
    while (capacity < live * 4)
        capacity *= 2;
    rt->roots = calloc(capacity, sizeof *rt->roots);
    if (!rt->roots) {
        rt->roots = old;
        return false;
    }
    rt->root_capacity = capacity;
    rt->root_used = 0;
    for (uint32_t i = 0; i < old_capacity; i++) {
        if (old[i].shape > TRANSITION_DELETED)
            roots_insert(rt, old[i].class_, old[i].prototype, old[i].shape);
    }
    free(old);
    return true;
}

static bool parents_add(ShapeRuntime *rt, Shape *parent)
{
    if (rt->parent_count == rt->parent_capacity) {
        uint32_t capacity = rt->parent_capacity ? rt->parent_capacity * 2 : 64;
        Shape **parents = realloc(rt->parents, capacity * sizeof *parents);
        if (!parents)
            return false;
        rt->parents = parents;
        rt->parent_capacity = capacity;
    }
    rt->parents[rt->parent_count++] = parent;
    return true;
}

/* GC weak callback: forget dead root shapes and dead children. */
static void shape_runtime_prune(Heap *heap, void *data)
{
    (void)heap;
    ShapeRuntime *rt = ((VM *)data)->shapes;
    for (uint32_t i = 0; i < rt->root_capacity; i++) {
        RootEntry *e = &rt->roots[i];
        if (e->shape > TRANSITION_DELETED && !gc_is_marked(&e->shape->header))
            e->shape = TRANSITION_DELETED;
    }
    for (uint32_t i = 0; i < rt->parent_count;) {
        Shape *parent = rt->parents[i];
        if (!gc_is_marked(&parent->header)) {
            rt->parents[i] = rt->parents[--rt->parent_count];   /* swept next: its finalizer frees */
            continue;
        }
        transitions_prune(parent->transitions);
        i++;
    }
}

bool shape_runtime_init(VM *vm)
{
    ShapeRuntime *rt = calloc(1, sizeof *rt);
    if (!rt)
        return false;
    vm->shapes = rt;
    if (!roots_grow(rt)) {
        shape_runtime_free(vm);
        return false;
    }
    gc_add_weak_callback(vm->heap, shape_runtime_prune, vm);
    return true;
}

void shape_runtime_free(VM *vm)
{
    ShapeRuntime *rt = vm->shapes;
    if (!rt)
        return;
    free(rt->roots);
    free(rt->parents);
    free(rt);
    vm->shapes = NULL;
}

/* Gives parent an empty child list, registered for pruning. */
static bool transitions_create(ShapeRuntime *rt, Shape *parent)
{
    ShapeTransitions *t = calloc(1, sizeof *t);
    if (!t || !parents_add(rt, parent)) {
        free(t);
        return false;
    }
    parent->transitions = t;
    return true;
}

/* ---- Creating shapes ---- */

static Shape *shape_alloc(VM *vm, const ObjectClass *class_, Object *prototype)
{
    Shape *shape = gc_alloc(vm->heap, sizeof(Shape), CELL_TYPE_SHAPE);
    if (!shape) {
        vm_throw_out_of_memory(vm);
        return NULL;
    }
    shape->class_ = class_;
    shape->prototype = prototype;
    shape->key = VALUE_UNDEFINED;
    return shape;
}

static void mark_prototype(Object *prototype)
{
    if (prototype)
        prototype->header.flags |= OBJECT_IS_PROTOTYPE;
}

Shape *shape_root_for_class(VM *vm, const ObjectClass *class_, Object *prototype)
{
    ShapeRuntime *rt = vm->shapes;
    RootEntry *entry = roots_find(rt, class_, prototype);
    if (entry)
        return entry->shape;
    Shape *root = shape_alloc(vm, class_, prototype);
    if (!root)
        return NULL;
    if ((rt->root_used + 1) * 2 > rt->root_capacity && !roots_grow(rt)) {
        vm_throw_out_of_memory(vm);
        return NULL;
    }
    roots_insert(rt, class_, prototype, root);
    mark_prototype(prototype);
    return root;
}

Shape *shape_root(VM *vm, Object *prototype)
{
    return shape_root_for_class(vm, &ordinary_object_class, prototype);
}

Object *shape_prototype(const Shape *shape) { return shape->prototype; }
uint32_t shape_property_count(const Shape *shape) { return shape->property_count; }

/* The child of parent adding key with attributes: found, or made. */
static Shape *tree_child(VM *vm, Shape *parent, PropertyKey key, uint8_t attributes)
{
    Shape *child = transitions_find(parent->transitions, key, attributes);
    if (child)
        return child;
    GC_SCOPE(vm->heap);
    child = shape_alloc(vm, parent->class_, parent->prototype);
    GC_ROOT_CELL(vm->heap, child);
    bool ok = child != NULL;
    if (ok) {
        child->parent = parent;
        child->key = key;
        child->attributes = attributes;
        child->property_count = parent->property_count + 1;
        child->slot_count = parent->slot_count + 1;
        if (!parent->transitions)
            ok = transitions_create(vm->shapes, parent);
        ok = ok && transitions_add(parent->transitions, child);
        if (!ok)
            vm_throw_out_of_memory(vm);
    }
    GC_SCOPE_END(vm->heap);
    return ok ? child : NULL;
}

/* The lookup table of a tree shape: inherited from the parent when it has
 * one (the parent gives it up), else built from the chain. */
static void tree_inherit_table(Shape *child)
{
    Shape *parent = child->parent;
    if (!parent->table || child->table)
        return;
    if (property_table_add(parent->table, child->key, child->slot_count - 1, child->attributes)) {
        child->table = parent->table;
        parent->table = NULL;
    }
}

/* Fills out (property_count entries) with the chain's shapes, oldest first. */
static void tree_chain(Shape *shape, Shape **out)
{
    uint32_t i = shape->property_count;
    for (Shape *s = shape; s->parent; s = s->parent)
        out[--i] = s;
}

static bool tree_build_table(Shape *shape)
{
    uint32_t n = shape->property_count;
    Shape **chain = malloc(n * sizeof *chain);
    PropertyTable *table = chain ? property_table_new(n) : NULL;
    if (!table) {
        free(chain);
        return false;
    }
    tree_chain(shape, chain);
    for (uint32_t i = 0; i < n; i++)
        property_table_add(table, chain[i]->key, i, chain[i]->attributes);   /* capacity reserved */
    free(chain);
    shape->table = table;
    return true;
}

/* ---- Lookup ---- */

bool shape_lookup(Shape *shape, PropertyKey key, uint32_t *slot, uint8_t *attributes)
{
    if (shape->property_count > LOOKUP_TABLE_MIN && !shape->table)
        tree_build_table(shape);   /* out of memory: the walk below still works */
    if (shape->table) {
        PropertyEntry *e = property_table_find(shape->table, key);
        if (!e)
            return false;
        *slot = e->slot;
        *attributes = e->attributes;
        return true;
    }
    for (Shape *s = shape; s->parent; s = s->parent) {
        if (s->key == key) {
            *slot = s->slot_count - 1;
            *attributes = s->attributes;
            return true;
        }
    }
    return false;
}

bool shape_for_each_property(VM *vm, Shape *shape, ShapeVisitFn visit, void *data)
{
    if (shape->property_count > LOOKUP_TABLE_MIN && !shape->table && !tree_build_table(shape)) {
        vm_throw_out_of_memory(vm);
        return false;
    }
    if (shape->table) {
        /* Copy: visit may allocate, and a collection may not touch the table,
         * but a visit that changes the shape would. Visitors do not. */
        const PropertyTable *t = shape->table;
        for (uint32_t i = 0; i < t->entry_count; i++) {
            const PropertyEntry *e = &t->entries[i];
            if (e->key != VALUE_HOLE && !visit(vm, e->key, e->slot, e->attributes, data))
                return false;
        }
        return true;
    }
    Shape *chain[LOOKUP_TABLE_MIN];
    tree_chain(shape, chain);
    for (uint32_t i = 0; i < shape->property_count; i++) {
        if (!visit(vm, chain[i]->key, i, chain[i]->attributes, data))
            return false;
    }
    return true;
}

/* ---- Dictionaries ---- */

Shape *shape_to_dictionary(VM *vm, Shape *shape)
{
    if (!shape_is_dictionary(shape) && shape->property_count > LOOKUP_TABLE_MIN && !shape->table &&
        !tree_build_table(shape)) {
        vm_throw_out_of_memory(vm);
        return NULL;
    }
    PropertyTable *table = NULL;
    if (shape->table) {
        table = property_table_clone(shape->table);
    } else {
        Shape *chain[LOOKUP_TABLE_MIN];
        tree_chain(shape, chain);
        table = property_table_new(shape->property_count);
        for (uint32_t i = 0; table && i < shape->property_count; i++)
            property_table_add(table, chain[i]->key, i, chain[i]->attributes);
    }
    if (!table) {
        vm_throw_out_of_memory(vm);
        return NULL;
    }
    Shape *dict = shape_alloc(vm, shape->class_, shape->prototype);
    if (!dict) {
        property_table_free(table);
        return NULL;
    }
    dict->header.flags |= SHAPE_DICTIONARY;
    dict->table = table;
    dict->property_count = shape->property_count;
    dict->slot_count = shape->slot_count;
    return dict;
}

Shape *shape_to_stable_dictionary(VM *vm, Shape *shape)
{
    Shape *dict = shape_to_dictionary(vm, shape);
    if (dict)
        dict->header.flags |= SHAPE_STABLE;
    return dict;
}

/* The dictionary to change in place: shape itself, or a copy of a stable
 * one an inline cache keyed on (see the top of the file). NULL after
 * throwing. */
static Shape *dictionary_for_change(VM *vm, Shape *shape)
{
    if (!(shape->header.flags & SHAPE_KEYED))
        return shape;
    Shape *copy = shape_to_dictionary(vm, shape);
    if (copy)
        copy->header.flags |= SHAPE_STABLE;
    return copy;
}

static Shape *dictionary_add(VM *vm, Shape *dict, PropertyKey key, uint8_t attributes, uint32_t *slot)
{
    if (!property_table_add(dict->table, key, dict->slot_count, attributes)) {
        vm_throw_out_of_memory(vm);
        return NULL;
    }
    *slot = dict->slot_count++;
    dict->property_count++;
    return dict;
}

/* After deletions, renumbers the slots of a dictionary in creation order,
 * moving the values in slots and clearing the slots freed. */
static bool dictionary_compact(Shape *dict, Value *slots)
{
    PropertyTable *t = dict->table;
    uint32_t old_slot_count = dict->slot_count;
    if (!property_table_compact(t))
        return false;
    for (uint32_t i = 0; i < t->entry_count; i++) {
        slots[i] = slots[t->entries[i].slot];   /* slots ascend with entries: i <= old slot */
        t->entries[i].slot = i;
    }
    for (uint32_t i = t->entry_count; i < old_slot_count; i++)
        slots[i] = VALUE_UNDEFINED;
    dict->slot_count = t->entry_count;
    return true;
}

/* ---- Changes ---- */

Shape *shape_add_property(VM *vm, Shape *shape, PropertyKey key, uint8_t attributes, uint32_t *slot)
{
    if (!shape_is_dictionary(shape) && shape->property_count >= SHAPE_MAX_TREE_PROPERTIES) {
        shape = shape_to_dictionary(vm, shape);
        if (!shape)
            return NULL;
    }
    if (shape_is_dictionary(shape)) {
        shape = dictionary_for_change(vm, shape);
        return shape ? dictionary_add(vm, shape, key, attributes, slot) : NULL;
    }
    Shape *child = tree_child(vm, shape, key, attributes);
    if (child) {
        tree_inherit_table(child);
        *slot = child->slot_count - 1;
    }
    return child;
}

/* Replays chain[from..count) (oldest first) on top of shape. */
static Shape *tree_replay(VM *vm, Shape *shape, Shape **chain, uint32_t from, uint32_t count)
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, shape);   /* only weakly held by its parent until used */
    for (uint32_t i = from; shape && i < count; i++)
        shape = tree_child(vm, shape, chain[i]->key, chain[i]->attributes);
    GC_SCOPE_END(vm->heap);
    return shape;
}

Shape *shape_change_attributes(VM *vm, Shape *shape, PropertyKey key, uint8_t attributes)
{
    if (!shape_is_dictionary(shape) && shape->property_count > SHAPE_MAX_REPLAY) {
        shape = shape_to_dictionary(vm, shape);
        if (!shape)
            return NULL;
    }
    if (shape_is_dictionary(shape)) {
        shape = dictionary_for_change(vm, shape);
        if (shape)
            property_table_find(shape->table, key)->attributes = attributes;
        return shape;
    }
    Shape *chain[SHAPE_MAX_REPLAY];
    tree_chain(shape, chain);
    uint32_t at = 0;
    while (chain[at]->key != key)
        at++;
    GC_SCOPE(vm->heap);
    Shape *changed = tree_child(vm, chain[at]->parent, key, attributes);
    GC_ROOT_CELL(vm->heap, changed);
    if (changed)
        changed = tree_replay(vm, changed, chain, at + 1, shape->property_count);
    GC_SCOPE_END(vm->heap);
    return changed;
}

Shape *shape_remove_property(VM *vm, Shape *shape, PropertyKey key, Value *slots)
{
    if (!shape_is_dictionary(shape) && shape->key == key)
        return shape->parent;   /* the last property added: back one step */
    shape = shape_is_dictionary(shape) ? dictionary_for_change(vm, shape) : shape_to_dictionary(vm, shape);
    if (!shape)
        return NULL;
    property_table_remove(shape->table, key);
    shape->property_count--;
    uint32_t deleted = shape->table->entry_count - shape->table->live_count;
    if (deleted > 8 && deleted > shape->table->live_count && !dictionary_compact(shape, slots)) {
        vm_throw_out_of_memory(vm);
        return NULL;
    }
    return shape;
}

Shape *shape_change_prototype(VM *vm, Shape *shape, Object *prototype)
{
    mark_prototype(prototype);
    if (!shape_is_dictionary(shape) && shape->property_count > SHAPE_MAX_REPLAY) {
        shape = shape_to_dictionary(vm, shape);
        if (!shape)
            return NULL;
    }
    if (shape_is_dictionary(shape)) {
        shape = dictionary_for_change(vm, shape);
        if (shape)
            shape->prototype = prototype;
        return shape;
    }
    Shape *chain[SHAPE_MAX_REPLAY];
    tree_chain(shape, chain);
    Shape *root = shape_root_for_class(vm, shape->class_, prototype);
    return root ? tree_replay(vm, root, chain, 0, shape->property_count) : NULL;
}

/* ---- GC ---- */

static void shape_trace(GCTracer *tracer, GCCell *cell)
{
    Shape *shape = (Shape *)cell;
    gc_mark_cell(tracer, (GCCell *)shape->prototype);   /* the header is the first member */
    gc_mark_cell(tracer, (GCCell *)shape->parent);
    gc_mark_value(tracer, shape->key);
    if (shape_is_dictionary(shape)) {
        const PropertyTable *t = shape->table;
        for (uint32_t i = 0; i < t->entry_count; i++)
            gc_mark_value(tracer, t->entries[i].key);
    }
}

static void shape_finalize(Heap *heap, GCCell *cell)
{
    (void)heap;
    Shape *shape = (Shape *)cell;
    transitions_free(shape->transitions);
    property_table_free(shape->table);
}

void shape_register(Heap *heap)
{
    static const GCTypeInfo info = { "Shape", shape_trace, shape_finalize };
    gc_register_type(heap, CELL_TYPE_SHAPE, &info);
}
