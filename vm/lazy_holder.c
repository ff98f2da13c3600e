/*
 * Built-in holders made on first use.
 *
 * A realm has several hundred built-in functions, and an empty program
 * calls none of them: making them all at start-up was most of what running
 * an empty file cost (docs/VM.md, "Start-up"). So the objects that only
 * hold built-ins (Math, Date.prototype, ...) are made empty, and their
 * properties are defined the first time something looks at them.
 *
 * "Looks at them" means any of the object's internal methods that sees its
 * own properties. A deferred holder gets, instead of its class, a lazy copy
 * of it whose [[GetOwnProperty]], [[DefineOwnProperty]], [[HasProperty]],
 * [[Get]], [[Set]], [[Delete]], [[OwnPropertyKeys]], [[SetPrototypeOf]] and
 * [[PreventExtensions]] first install the properties, give the object its
 * class back, and then do what was asked. [[GetPrototypeOf]] and
 * [[IsExtensible]] do not need the properties and are the class's own (code
 * that compares them with the ordinary ones, as OrdinarySetPrototypeOf's
 * cycle check does, sees the same functions), as are [[Call]], [[Construct]]
 * and the GC hooks (a constructor can be called before its statics exist).
 * Installing allocates where looking at properties did not before: the
 * wrappers keep the values their callers passed alive across it.
 *
 * Nothing else can see the difference:
 *   - inline caches only key on objects of an ordinary class (inline_cache.c
 *     is_ordinary_for_names), so a deferred holder is never cached, as a
 *     receiver or on a prototype chain; the interpreter's other fast paths
 *     test for the ordinary and Array classes as well;
 *   - C code that reads shapes directly (shape_lookup) does so for objects
 *     that are never deferred (arrays, functions' own "name", the global
 *     object), or for properties made before deferring ("constructor");
 *   - the install function runs with the holder's realm as the current
 *     one, so it makes the same functions whenever it runs.
 * The order of the holder's keys is the install function's, as it was.
 */
#include <stdlib.h>

#include "vm/lazy_holder.h"
#include "vm/object_internal.h"

typedef struct LazyHolder {
    Object *holder;
    Realm *realm;
    HolderInstaller install;
} LazyHolder;

struct LazyHolders {
    LazyHolder *entries;
    uint32_t count, capacity;
};

/* ---- The lazy classes: one per class a holder can have ---- */

enum { LAZY_CLASSES_MAX = 4 };

/* Filled in on first use from the class they copy, then never changed. */
static ObjectClass lazy_classes[LAZY_CLASSES_MAX];
static const ObjectClass *lazy_class_bases[LAZY_CLASSES_MAX];

/* The holder's own class: its shape's (a deferred holder's shape keeps it). */
static const ObjectClass *base_class(const Object *o)
{
    return o->shape->class_;
}

static bool is_deferred(const Object *o)
{
    return o->class_ != base_class(o);
}

static LazyHolder *find_entry(VM *vm, const Object *o)
{
    struct LazyHolders *list = vm->lazy_holders;
    for (uint32_t i = 0; list && i < list->count; i++) {
        if (list->entries[i].holder == o)
            return &list->entries[i];
    }
    return NULL;
}

/* Installs o's properties and gives it its class back. false after throwing. */
static bool install_now(VM *vm, Object *o)
{
    LazyHolder *found = find_entry(vm, o);
    o->class_ = base_class(o);
    if (!found)
        return true;
    LazyHolder entry = *found;
    struct LazyHolders *list = vm->lazy_holders;
    *found = list->entries[--list->count];   /* order does not matter */
    Realm *current = vm->realm;
    vm->realm = entry.realm;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    bool ok = entry.install(vm, entry.realm, o);
    GC_SCOPE_END(vm->heap);
    vm->realm = current;
    return ok;
}

/* install_now for a wrapper whose caller goes on using the values it
 * passed (a key, a receiver, a descriptor's values): installing allocates,
 * and the caller had no reason to root them, since looking at an object's
 * properties did not allocate before. */
static bool install_keeping(VM *vm, Object *o, Value a, Value b, Value c, Value d)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, a);
    GC_ROOT(vm->heap, b);
    GC_ROOT(vm->heap, c);
    GC_ROOT(vm->heap, d);
    bool ok = install_now(vm, o);
    GC_SCOPE_END(vm->heap);
    return ok;
}

#define KEEP(...) install_keeping(vm, o, __VA_ARGS__)
#define NONE VALUE_UNDEFINED

static int lazy_get_own_property(VM *vm, Object *o, PropertyKey key, PropertyDescriptor *desc)
{
    return KEEP(key, NONE, NONE, NONE) ? o->class_->get_own_property(vm, o, key, desc) : -1;
}

static int lazy_define_own_property(VM *vm, Object *o, PropertyKey key, const PropertyDescriptor *desc)
{
    return KEEP(key, desc->value, desc->getter, desc->setter) ? o->class_->define_own_property(vm, o, key, desc)
                                                               : -1;
}

static int lazy_has_property(VM *vm, Object *o, PropertyKey key)
{
    return KEEP(key, NONE, NONE, NONE) ? o->class_->has_property(vm, o, key) : -1;
}

static Value lazy_get(VM *vm, Object *o, PropertyKey key, Value receiver)
{
    return KEEP(key, receiver, NONE, NONE) ? o->class_->get(vm, o, key, receiver) : VALUE_EXCEPTION;
}

static int lazy_set(VM *vm, Object *o, PropertyKey key, Value value, Value receiver)
{
    return KEEP(key, value, receiver, NONE) ? o->class_->set(vm, o, key, value, receiver) : -1;
}

static int lazy_delete_property(VM *vm, Object *o, PropertyKey key)
{
    return KEEP(key, NONE, NONE, NONE) ? o->class_->delete_property(vm, o, key) : -1;
}

static bool lazy_own_property_keys(VM *vm, Object *o, KeyList *keys)
{
    return install_now(vm, o) && o->class_->own_property_keys(vm, o, keys);   /* keys: rooted by the list */
}

static int lazy_set_prototype_of(VM *vm, Object *o, Value prototype)
{
    return KEEP(prototype, NONE, NONE, NONE) ? o->class_->set_prototype_of(vm, o, prototype) : -1;
}

static int lazy_prevent_extensions(VM *vm, Object *o)
{
    return install_now(vm, o) ? o->class_->prevent_extensions(vm, o) : -1;
}

#undef KEEP
#undef NONE

/* The lazy copy of base; NULL when the table is full (the holder is then
 * made at once). */
static const ObjectClass *lazy_class_for(const ObjectClass *base)
{
    for (unsigned i = 0; i < LAZY_CLASSES_MAX; i++) {
        if (lazy_class_bases[i] == base)
            return &lazy_classes[i];
        if (lazy_class_bases[i] == NULL) {
            ObjectClass *lazy = &lazy_classes[i];
            *lazy = *base;   /* name, [[Call]], [[Construct]], trace, finalize */
            lazy->get_own_property = lazy_get_own_property;
            lazy->define_own_property = lazy_define_own_property;
            lazy->has_property = lazy_has_property;
            lazy->get = lazy_get;
            lazy->set = lazy_set;
            lazy->delete_property = lazy_delete_property;
            lazy->own_property_keys = lazy_own_property_keys;
            lazy->set_prototype_of = lazy_set_prototype_of;
            lazy->prevent_extensions = lazy_prevent_extensions;
            lazy_class_bases[i] = base;
            return lazy;
        }
    }
    return NULL;
}

/* ---- Deferring ---- */

static bool list_push(VM *vm, LazyHolder entry)
{
    struct LazyHolders *list = vm->lazy_holders;
    if (!list) {
        list = vm->lazy_holders = calloc(1, sizeof *list);
        if (!list)
            return false;
    }
    if (list->count == list->capacity) {
        uint32_t capacity = list->capacity ? list->capacity * 2 : 16;
        LazyHolder *entries = realloc(list->entries, capacity * sizeof *entries);
        if (!entries)
            return false;
        list->entries = entries;
        list->capacity = capacity;
    }
    list->entries[list->count++] = entry;
    return true;
}

bool realm_defer_holder(VM *vm, Realm *realm, Object *holder, HolderInstaller install)
{
    if (is_deferred(holder))
        return true;
    const ObjectClass *lazy = lazy_class_for(holder->class_);
    if (!lazy)
        return install(vm, realm, holder);
    /* Its own stable dictionary now, so that installing it later changes
     * no shape another object has. */
    if (!realm_prepare_holder(vm, holder))
        return false;
    if (!list_push(vm, (LazyHolder){ holder, realm, install })) {
        vm_throw_out_of_memory(vm);
        return false;
    }
    holder->class_ = lazy;
    return true;
}

Object *realm_intrinsic_of_holder(VM *vm, IntrinsicId id, IntrinsicId holder_id)
{
    Realm *realm = vm->realm;
    if (!realm)
        return NULL;
    Object *holder = realm->intrinsics[holder_id];
    if (!realm->intrinsics[id] && holder && is_deferred(holder) && !install_now(vm, holder))
        return NULL;
    return realm->intrinsics[id];
}

bool realm_defer_constructor(VM *vm, Realm *realm, Object *ctor, HolderInstaller statics, Object *prototype,
                             HolderInstaller methods)
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, ctor);
    GC_ROOT_CELL(vm->heap, prototype);
    bool ok = realm_defer_holder(vm, realm, ctor, statics) && realm_defer_holder(vm, realm, prototype, methods);
    GC_SCOPE_END(vm->heap);
    return ok;
}

bool realm_install_deferred(VM *vm, Realm *realm)
{
    for (;;) {
        struct LazyHolders *list = vm->lazy_holders;
        Object *next = NULL;
        for (uint32_t i = 0; list && i < list->count && !next; i++) {
            if (list->entries[i].realm == realm)
                next = list->entries[i].holder;
        }
        if (!next)
            return true;
        if (!install_now(vm, next))
            return false;
    }
}

void lazy_holders_forget_realm(VM *vm, Realm *realm)
{
    struct LazyHolders *list = vm->lazy_holders;
    for (uint32_t i = 0; list && i < list->count;) {
        if (list->entries[i].realm == realm)
            list->entries[i] = list->entries[--list->count];
        else
            i++;
    }
}

void lazy_holders_free(VM *vm)
{
    struct LazyHolders *list = vm->lazy_holders;
    if (list) {
        free(list->entries);
        free(list);
        vm->lazy_holders = NULL;
    }
}

void lazy_holders_mark(GCTracer *tracer, VM *vm)
{
    struct LazyHolders *list = vm->lazy_holders;
    for (uint32_t i = 0; list && i < list->count; i++)
        gc_mark_cell(tracer, &list->entries[i].holder->header);
}
