/*
 * Objects: creation, slot storage, the GC type, the object_* dispatchers,
 * Call, and the abstract operations of ES2025 7.3 that work on any object.
 *
 * Slot storage: the first OBJECT_INLINE_SLOTS named property values live in
 * the object's own cell, after the class's fields (one allocation for small
 * objects); past that, all slots move to a ValueArray that doubles as needed.
 */
#include <stdio.h>
#include <stdlib.h>

#include "vm/atom.h"
#include "vm/object_internal.h"

/* ---- Creation ---- */

static size_t align8(size_t n) { return (n + 7) & ~(size_t)7; }

static uint16_t initial_flags(const ObjectClass *class_)
{
    uint16_t flags = OBJECT_EXTENSIBLE | OBJECT_SLOTS_INLINE;
    if (class_->call)
        flags |= OBJECT_IS_CALLABLE;
    if (class_->construct)
        flags |= OBJECT_IS_CONSTRUCTOR;
    return flags;
}

Object *object_new(VM *vm, const ObjectClass *class_, size_t size, Object *prototype)
{
    GC_SCOPE(vm->heap);
    Shape *shape = shape_root_for_class(vm, class_, prototype);
    GC_ROOT_CELL(vm->heap, shape);   /* the root table holds it weakly */
    size_t inline_offset = align8(size);
    Object *o = shape ? gc_alloc(vm->heap, inline_offset + OBJECT_INLINE_SLOTS * sizeof(Value), CELL_TYPE_OBJECT) : NULL;
    GC_SCOPE_END(vm->heap);
    if (!o) {
        if (shape)
            vm_throw_out_of_memory(vm);
        return NULL;
    }
    o->header.flags = initial_flags(class_);
    o->class_ = class_;
    o->shape = shape;
    o->slots = (Value *)((char *)o + inline_offset);
    o->slot_capacity = OBJECT_INLINE_SLOTS;
    for (uint32_t i = 0; i < OBJECT_INLINE_SLOTS; i++)
        o->slots[i] = VALUE_UNDEFINED;
    return o;
}

Object *object_new_ordinary(VM *vm, Object *prototype)
{
    return object_new(vm, &ordinary_object_class, sizeof(Object), prototype);
}

const ObjectClass *object_kind(const Object *o)
{
    return o->shape->class_;
}

bool object_ensure_slots(VM *vm, Object *o, uint32_t count)
{
    if (count <= o->slot_capacity)
        return true;
    uint32_t capacity = o->slot_capacity * 2;
    if (capacity < count)
        capacity = count;
    ValueArray *grown = value_array_new(vm, capacity, VALUE_UNDEFINED);   /* o: kept by the caller */
    if (!grown)
        return false;
    for (uint32_t i = 0; i < o->slot_capacity; i++)
        grown->values[i] = o->slots[i];
    o->slots = grown->values;
    o->slot_capacity = capacity;
    o->header.flags &= ~OBJECT_SLOTS_INLINE;
    return true;
}

/* ---- GC ---- */

static void object_trace(GCTracer *tracer, GCCell *cell)
{
    Object *o = (Object *)cell;
    gc_mark_cell(tracer, (GCCell *)o->shape);
    if (o->header.flags & OBJECT_SLOTS_INLINE) {
        for (uint32_t i = 0; i < o->slot_capacity; i++)
            gc_mark_value(tracer, o->slots[i]);
    } else {
        gc_mark_cell(tracer, &value_array_from_values(o->slots)->header);
    }
    if (o->elements)
        gc_mark_cell(tracer, &value_array_from_values(o->elements)->header);
    gc_mark_cell(tracer, (GCCell *)o->sparse);
    if (o->class_->trace)
        o->class_->trace(tracer, o);
}

static void object_finalize(Heap *heap, GCCell *cell)
{
    Object *o = (Object *)cell;
    if (o->class_->finalize)
        o->class_->finalize(heap, o);
}

bool object_runtime_init(VM *vm)
{
    if (vm->shapes)
        return true;
    static const GCTypeInfo object_info = { "Object", object_trace, object_finalize };
    gc_register_type(vm->heap, CELL_TYPE_OBJECT, &object_info);
    shape_register(vm->heap);
    value_array_register(vm->heap);
    accessor_pair_register(vm->heap);
    sparse_elements_register(vm->heap);
    return shape_runtime_init(vm);
}

void object_runtime_free(VM *vm)
{
    shape_runtime_free(vm);
}

/* ---- Dispatch through the class ---- */

int object_get_own_property(VM *vm, Object *o, PropertyKey key, PropertyDescriptor *desc)
{
    return o->class_->get_own_property(vm, o, key, desc);
}

int object_define_own_property(VM *vm, Object *o, PropertyKey key, const PropertyDescriptor *desc)
{
    return o->class_->define_own_property(vm, o, key, desc);
}

int object_has_property(VM *vm, Object *o, PropertyKey key)
{
    return o->class_->has_property(vm, o, key);
}

Value object_get(VM *vm, Object *o, PropertyKey key, Value receiver)
{
    return o->class_->get(vm, o, key, receiver);
}

int object_set(VM *vm, Object *o, PropertyKey key, Value value, Value receiver)
{
    return o->class_->set(vm, o, key, value, receiver);
}

int object_delete(VM *vm, Object *o, PropertyKey key)
{
    return o->class_->delete_property(vm, o, key);
}

bool object_own_property_keys(VM *vm, Object *o, KeyList *keys)
{
    return o->class_->own_property_keys(vm, o, keys);
}

Value object_get_prototype_of(VM *vm, Object *o)
{
    return o->class_->get_prototype_of(vm, o);
}

int object_set_prototype_of(VM *vm, Object *o, Value prototype)
{
    return o->class_->set_prototype_of(vm, o, prototype);
}

int object_is_extensible(VM *vm, Object *o)
{
    return o->class_->is_extensible(vm, o);
}

int object_prevent_extensions(VM *vm, Object *o)
{
    return o->class_->prevent_extensions(vm, o);
}

/* ES2025 7.3.14 Call */
Value object_call(VM *vm, Value callee, Value this_value, uint32_t argc, const Value *argv)
{
    if (!value_is_callable(callee))
        return vm_throw_type_error(vm, "not a function");
    Object *f = value_as_object(callee);
    return f->class_->call(vm, f, this_value, argc, argv);
}

/* ---- Abstract operations (ES2025 7.3) ---- */

/* The key as text for error messages (buf of 64 bytes). */
static const char *key_text(PropertyKey key, char *buf)
{
    uint32_t index;
    if (property_key_is_index(key, &index)) {
        snprintf(buf, 64, "%u", index);
    } else if (value_is_string(key)) {
        size_t len;
        char *utf8 = string_to_utf8(value_as_string(key), &len);
        snprintf(buf, 64, "%s", utf8 ? utf8 : "?");
        free(utf8);
    } else {
        snprintf(buf, 64, "Symbol()");
    }
    return buf;
}

/* ES2025 7.3.5 CreateDataProperty */
int object_create_data_property(VM *vm, Object *o, PropertyKey key, Value value)
{
    PropertyDescriptor desc = {
        .has = DESC_HAS_VALUE | DESC_HAS_WRITABLE | DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE,
        .attributes = PROP_DEFAULT, .value = value,
        .getter = VALUE_UNDEFINED, .setter = VALUE_UNDEFINED,
    };
    return object_define_own_property(vm, o, key, &desc);
}

/* ES2025 7.3.8 DefinePropertyOrThrow */
static bool define_or_throw(VM *vm, Object *o, PropertyKey key, const PropertyDescriptor *desc)
{
    int done = object_define_own_property(vm, o, key, desc);
    if (done == 0) {
        char buf[64];
        vm_throw_type_error(vm, "Cannot redefine property: %s", key_text(key, buf));
    }
    return done == 1;
}

bool object_define_data_property(VM *vm, Object *o, PropertyKey key, Value value, uint8_t attributes)
{
    PropertyDescriptor desc = {
        .has = DESC_HAS_VALUE | DESC_HAS_WRITABLE | DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE,
        .attributes = attributes & PROP_DEFAULT, .value = value,
        .getter = VALUE_UNDEFINED, .setter = VALUE_UNDEFINED,
    };
    return define_or_throw(vm, o, key, &desc);
}

bool object_define_accessor_property(VM *vm, Object *o, PropertyKey key, Value getter, Value setter,
                                     uint8_t attributes)
{
    PropertyDescriptor desc = {
        .has = DESC_HAS_GET | DESC_HAS_SET | DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE,
        .attributes = attributes & (PROP_ENUMERABLE | PROP_CONFIGURABLE), .value = VALUE_UNDEFINED,
        .getter = getter, .setter = setter,
    };
    return define_or_throw(vm, o, key, &desc);
}

/* SetIntegrityLevel's step for one key k of a frozen object. */
static bool freeze_key(VM *vm, Object *o, PropertyKey key)
{
    PropertyDescriptor current;
    int found = object_get_own_property(vm, o, key, &current);
    if (found <= 0)
        return found == 0;
    PropertyDescriptor desc = { .has = DESC_HAS_CONFIGURABLE, .value = VALUE_UNDEFINED,
                                .getter = VALUE_UNDEFINED, .setter = VALUE_UNDEFINED };
    if (!(current.has & DESC_HAS_GET))
        desc.has |= DESC_HAS_WRITABLE;   /* a data property: { [[Configurable]]: false, [[Writable]]: false } */
    return define_or_throw(vm, o, key, &desc);
}

/* ES2025 7.3.15 SetIntegrityLevel: 1 / 0 / -1 */
int object_set_integrity_level(VM *vm, Object *o, bool frozen)
{
    int status = object_prevent_extensions(vm, o);
    if (status <= 0)
        return status;
    KeyList keys;
    key_list_init(vm, &keys);
    bool ok = object_own_property_keys(vm, o, &keys);
    const PropertyDescriptor seal = { .has = DESC_HAS_CONFIGURABLE, .value = VALUE_UNDEFINED,
                                      .getter = VALUE_UNDEFINED, .setter = VALUE_UNDEFINED };
    for (uint32_t i = 0; ok && i < keys.count; i++)
        ok = frozen ? freeze_key(vm, o, keys.keys[i]) : define_or_throw(vm, o, keys.keys[i], &seal);
    key_list_free(vm, &keys);
    return ok ? 1 : -1;
}

/* ES2025 7.3.16 TestIntegrityLevel: 1 / 0 / -1 */
int object_test_integrity_level(VM *vm, Object *o, bool frozen)
{
    int extensible = object_is_extensible(vm, o);
    if (extensible != 0)
        return extensible < 0 ? -1 : 0;
    KeyList keys;
    key_list_init(vm, &keys);
    int result = object_own_property_keys(vm, o, &keys) ? 1 : -1;
    for (uint32_t i = 0; result == 1 && i < keys.count; i++) {
        PropertyDescriptor current;
        int found = object_get_own_property(vm, o, keys.keys[i], &current);
        if (found < 0)
            result = -1;
        else if (found && (current.attributes & PROP_CONFIGURABLE))
            result = 0;
        else if (found && frozen && !(current.has & DESC_HAS_GET) && (current.attributes & PROP_WRITABLE))
            result = 0;
    }
    key_list_free(vm, &keys);
    return result;
}
