/*
 * Inline caches for named property gets and sets at one bytecode site.
 *
 * A cache entry is keyed by the receiver's shape. A shape fixes the
 * receiver's class, its own named properties (keys, slots, attributes) and its
 * [[Prototype]], so an own-property entry needs nothing more: a hit is one
 * pointer compare and a slot load or store. Dictionary shapes change in place
 * and are never cached, but for stable ones, which are copied rather than
 * changed (vm/shape.c).
 *
 * A prototype-chain entry (the property found on a holder up the chain, or a
 * property added because nothing up the chain has a setter or a read-only
 * one) also depends on every object between the receiver and the holder:
 * adding `x` to an intermediate prototype must shadow the cached holder.
 * Checking the holder's shape alone would miss that, and checking each shape
 * of the chain costs a loop per hit. Instead the entry is invalidated: every
 * object that serves as a prototype is flagged OBJECT_IS_PROTOTYPE (by the
 * shape code, when a shape with it as [[Prototype]] is made), and any
 * structural change to a flagged object (a property added, deleted or
 * reconfigured, its [[Prototype]] changed) bumps vm->shape_epoch. An entry
 * records the epoch it was made in and is valid while it is unchanged. Value
 * writes are not structural: the hit reads the holder's slot at that moment.
 * The price is that one change to any prototype drops every prototype entry;
 * prototypes change mostly while a program sets itself up, so entries are
 * made again quickly and then stay valid. (The epoch is 32 bits: a stale
 * entry could only come back after exactly 2^32 prototype changes.)
 *
 * GC: a cache points to shapes and a holder. Its owner (the bytecode) must
 * mark them with inline_cache_trace, or an address reused by a new shape
 * could give a false hit.
 */
#include "vm/object_internal.h"

enum {
    IC_EMPTY,
    IC_GET_DATA,          /* value in (holder or receiver)->slots[slot] */
    IC_GET_GETTER,        /* an AccessorPair there: call its getter */
    IC_SET_DATA,          /* store to receiver->slots[slot] (own, writable) */
    IC_SET_SETTER,        /* an AccessorPair in holder or receiver: call its setter */
    IC_SET_ADD,           /* add the property: shape -> new_shape, value in slot */
    IC_KIND_MASK = 0x7F,
    IC_CHAIN = 0x80,      /* depends on the prototype chain: valid while epoch is current */
};

/* Does o use the ordinary lookups for named keys, so the shape says it all? */
static bool is_ordinary_for_names(const Object *o)
{
    const ObjectClass *c = o->class_;
    return c->get_own_property == ordinary_get_own_property && c->get == ordinary_get &&
           c->set == ordinary_set && c->get_prototype_of == ordinary_get_prototype_of;
}

static Object *holder_of(Object *o, const InlineCache *cache) { return cache->holder ? cache->holder : o; }

static bool chain_entry_valid(VM *vm, const InlineCache *cache)
{
    return !(cache->kind & IC_CHAIN) || cache->epoch == vm->shape_epoch;
}

static bool is_named(PropertyKey key) { return value_is_string(key) || value_is_symbol(key); }

/* Finds key on o's chain by shapes alone. Returns false when some object on
 * the way is exotic for names (the caller then takes the uncached path). */
static bool find_on_chain(Object *o, PropertyKey key, Object **holder, uint32_t *slot, uint8_t *attributes)
{
    for (Object *p = o; p; p = p->shape->prototype) {
        if (!is_ordinary_for_names(p))
            return false;
        if (shape_lookup(p->shape, key, slot, attributes)) {
            *holder = p;
            return true;
        }
    }
    *holder = NULL;
    return true;
}

static void cache_fill(VM *vm, InlineCache *cache, Object *o, Object *holder, uint32_t slot, uint8_t kind)
{
    shape_mark_keyed(o->shape);   /* a stable dictionary is copied, not changed, from now on */
    cache->shape = o->shape;
    cache->holder = holder == o ? NULL : holder;
    cache->slot = slot;
    cache->epoch = vm->shape_epoch;
    cache->new_shape = NULL;
    cache->kind = kind | (cache->holder ? IC_CHAIN : 0);
}

static Value call_getter(VM *vm, Value pair_value, Value receiver)
{
    Value getter = accessor_pair_from_slot(pair_value)->getter;
    return value_is_undefined(getter) ? VALUE_UNDEFINED : object_call(vm, getter, receiver, 0, NULL);
}

/* ---- Get ---- */

static Value get_miss(VM *vm, Object *o, PropertyKey key, Value receiver, InlineCache *cache)
{
    Object *holder;
    uint32_t slot;
    uint8_t attributes;
    if (!is_named(key) || !shape_is_cacheable(o->shape) || !find_on_chain(o, key, &holder, &slot, &attributes))
        return object_get(vm, o, key, receiver);
    if (!holder)
        return VALUE_UNDEFINED;   /* absent: not cached */
    bool accessor = attributes & PROP_ACCESSOR;
    cache_fill(vm, cache, o, holder, slot, accessor ? IC_GET_GETTER : IC_GET_DATA);
    return accessor ? call_getter(vm, holder->slots[slot], receiver) : holder->slots[slot];
}

Value object_get_named_cached(VM *vm, Object *o, PropertyKey key, Value receiver, InlineCache *cache)
{
    if (o->shape == cache->shape) {
        if (cache->kind == IC_GET_DATA)   /* own data: the hot case first */
            return o->slots[cache->slot];
        if (!chain_entry_valid(vm, cache))
            return get_miss(vm, o, key, receiver, cache);
        Value stored = holder_of(o, cache)->slots[cache->slot];
        uint8_t kind = cache->kind & IC_KIND_MASK;
        if (kind == IC_GET_DATA)
            return stored;
        if (kind == IC_GET_GETTER)
            return call_getter(vm, stored, receiver);
    }
    return get_miss(vm, o, key, receiver, cache);
}

/* ---- Set ---- */

static int call_setter(VM *vm, Value pair_value, Value value, Value receiver)
{
    Value setter = accessor_pair_from_slot(pair_value)->setter;
    if (value_is_undefined(setter))
        return 0;
    return value_is_exception(object_call(vm, setter, receiver, 1, &value)) ? -1 : 1;
}

/* An uncached set that adds the property; caches the transition it took. */
static int set_adding(VM *vm, Object *o, PropertyKey key, Value value, InlineCache *cache)
{
    Shape *before = o->shape;
    int result = object_set(vm, o, key, value, value_from_object(o));
    Shape *after = o->shape;
    if (result == 1 && !shape_is_dictionary(after) && after->parent == before && after->key == key &&
        after->attributes == PROP_DEFAULT) {
        cache_fill(vm, cache, o, o, after->slot_count - 1, IC_SET_ADD | IC_CHAIN);
        cache->shape = before;
        cache->new_shape = after;
    }
    return result;
}

static int set_miss(VM *vm, Object *o, PropertyKey key, Value value, Value receiver, InlineCache *cache)
{
    Object *holder;
    uint32_t slot;
    uint8_t attributes;
    if (!is_named(key) || receiver != value_from_object(o) || !shape_is_cacheable(o->shape) ||
        !find_on_chain(o, key, &holder, &slot, &attributes))
        return object_set(vm, o, key, value, receiver);
    if (holder && (attributes & PROP_ACCESSOR)) {
        cache_fill(vm, cache, o, holder, slot, IC_SET_SETTER);
        return call_setter(vm, holder->slots[slot], value, receiver);
    }
    if (holder == o && (attributes & PROP_WRITABLE) && object_named_store_is_plain(vm, o, key)) {
        cache_fill(vm, cache, o, o, slot, IC_SET_DATA);
        o->slots[slot] = value;
        return 1;
    }
    if (holder && !(attributes & PROP_WRITABLE))
        return 0;   /* OrdinarySetWithOwnDescriptor: a read-only data property */
    if (holder == o)
        return object_set(vm, o, key, value, receiver);
    return set_adding(vm, o, key, value, cache);
}

/* The IC_SET_ADD hit: the same transition, if o may still grow. */
static int set_add_hit(VM *vm, Object *o, Value value, InlineCache *cache)
{
    Shape *next = cache->new_shape;
    if (next->slot_count > o->slot_capacity) {
        GC_SCOPE(vm->heap);
        GC_ROOT(vm->heap, value);
        bool grown = object_ensure_slots(vm, o, next->slot_count);
        GC_SCOPE_END(vm->heap);
        if (!grown)
            return -1;
    }
    o->shape = next;
    o->slots[cache->slot] = value;
    object_shape_changed(vm, o);
    return 1;
}

int object_set_named_cached(VM *vm, Object *o, PropertyKey key, Value value, Value receiver, InlineCache *cache)
{
    if (o->shape == cache->shape && chain_entry_valid(vm, cache) && receiver == value_from_object(o)) {
        uint8_t kind = cache->kind & IC_KIND_MASK;
        if (kind == IC_SET_DATA) {
            o->slots[cache->slot] = value;
            return 1;
        }
        if (kind == IC_SET_SETTER)
            return call_setter(vm, holder_of(o, cache)->slots[cache->slot], value, receiver);
        if (kind == IC_SET_ADD && (o->header.flags & OBJECT_EXTENSIBLE))
            return set_add_hit(vm, o, value, cache);
    }
    return set_miss(vm, o, key, value, receiver, cache);
}

void inline_cache_trace(GCTracer *tracer, const InlineCache *cache)
{
    gc_mark_cell(tracer, (GCCell *)cache->shape);
    gc_mark_cell(tracer, (GCCell *)cache->holder);
    gc_mark_cell(tracer, (GCCell *)cache->new_shape);
}
