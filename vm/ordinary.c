/*
 * The ordinary object internal methods (ES2025 10.1). Named properties live
 * in the shape and the slots; array-index properties are delegated to
 * vm/elements.c. Each method follows its algorithm's steps; the fast paths
 * skip building descriptors only where nothing observable differs.
 */
#include "vm/object_internal.h"
#include "vm/symbol.h"

static bool is_accessor_descriptor(const PropertyDescriptor *d) { return d->has & (DESC_HAS_GET | DESC_HAS_SET); }
static bool is_data_descriptor(const PropertyDescriptor *d) { return d->has & (DESC_HAS_VALUE | DESC_HAS_WRITABLE); }
static bool is_generic_descriptor(const PropertyDescriptor *d) { return !is_accessor_descriptor(d) && !is_data_descriptor(d); }

static bool desc_flag(const PropertyDescriptor *d, uint8_t has, uint8_t attribute)
{
    return (d->has & has) && (d->attributes & attribute);
}

/* The descriptor of the named property at slot with attributes. */
static void describe_slot(Object *o, uint32_t slot, uint8_t attributes, PropertyDescriptor *desc)
{
    desc->attributes = attributes & PROP_DEFAULT;
    desc->value = desc->getter = desc->setter = VALUE_UNDEFINED;
    if (attributes & PROP_ACCESSOR) {
        AccessorPair *pair = accessor_pair_from_slot(o->slots[slot]);
        desc->has = DESC_HAS_GET | DESC_HAS_SET | DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE;
        desc->attributes &= ~PROP_WRITABLE;
        desc->getter = pair->getter;
        desc->setter = pair->setter;
    } else {
        desc->has = DESC_HAS_VALUE | DESC_HAS_WRITABLE | DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE;
        desc->value = o->slots[slot];
    }
}

/* ---- [[GetOwnProperty]]: ES2025 10.1.5.1 OrdinaryGetOwnProperty ---- */

int ordinary_get_own_named(VM *vm, Object *o, PropertyKey key, PropertyDescriptor *desc)
{
    (void)vm;
    uint32_t slot;
    uint8_t attributes;
    if (!shape_lookup(o->shape, key, &slot, &attributes))
        return 0;
    describe_slot(o, slot, attributes, desc);
    return 1;
}

int ordinary_get_own_property(VM *vm, Object *o, PropertyKey key, PropertyDescriptor *desc)
{
    uint32_t index;
    if (property_key_is_index(key, &index))
        return elements_get_own(vm, o, index, desc);
    return ordinary_get_own_named(vm, o, key, desc);
}

/* ---- [[DefineOwnProperty]]: ES2025 10.1.6 ---- */

void property_descriptor_complete(PropertyDescriptor *desc)
{
    /* Absent fields take their default: false, undefined. */
    uint8_t present = 0;
    if (desc->has & DESC_HAS_WRITABLE)
        present |= PROP_WRITABLE;
    if (desc->has & DESC_HAS_ENUMERABLE)
        present |= PROP_ENUMERABLE;
    if (desc->has & DESC_HAS_CONFIGURABLE)
        present |= PROP_CONFIGURABLE;
    if (is_accessor_descriptor(desc)) {
        present &= ~PROP_WRITABLE;
        if (!(desc->has & DESC_HAS_GET))
            desc->getter = VALUE_UNDEFINED;
        if (!(desc->has & DESC_HAS_SET))
            desc->setter = VALUE_UNDEFINED;
        desc->has |= DESC_HAS_GET | DESC_HAS_SET;
    } else {
        if (!(desc->has & DESC_HAS_VALUE))
            desc->value = VALUE_UNDEFINED;
        desc->has |= DESC_HAS_VALUE | DESC_HAS_WRITABLE;
    }
    desc->attributes &= present;
    desc->has |= DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE;
}

/* Steps 2-6 of ES2025 10.1.6.3 ValidateAndApplyPropertyDescriptor: may desc
 * be applied to the existing property current? 1 yes, 0 no, -1 threw. */
static int validate_against_current(VM *vm, const PropertyDescriptor *desc, const PropertyDescriptor *current)
{
    if (desc->has == 0)
        return 1;
    if (current->attributes & PROP_CONFIGURABLE)
        return 1;
    if (desc_flag(desc, DESC_HAS_CONFIGURABLE, PROP_CONFIGURABLE))
        return 0;
    if ((desc->has & DESC_HAS_ENUMERABLE) &&
        (desc->attributes & PROP_ENUMERABLE) != (current->attributes & PROP_ENUMERABLE))
        return 0;
    if (!is_generic_descriptor(desc) && is_accessor_descriptor(desc) != is_accessor_descriptor(current))
        return 0;
    if (is_accessor_descriptor(current)) {
        if (desc->has & DESC_HAS_GET) {
            int same = property_same_value(vm, desc->getter, current->getter);
            if (same <= 0)
                return same;
        }
        if (desc->has & DESC_HAS_SET)
            return property_same_value(vm, desc->setter, current->setter);
        return 1;
    }
    if (!(current->attributes & PROP_WRITABLE)) {
        if (desc_flag(desc, DESC_HAS_WRITABLE, PROP_WRITABLE))
            return 0;
        if (desc->has & DESC_HAS_VALUE)
            return property_same_value(vm, desc->value, current->value);
    }
    return 1;
}

int property_descriptor_validate(VM *vm, bool extensible, const PropertyDescriptor *desc,
                                 const PropertyDescriptor *current)
{
    if (!current)
        return extensible;
    return validate_against_current(vm, desc, current);
}

/* The attributes and stored value (a value, or an AccessorPair) of the
 * property current becomes under desc: step 7 of ValidateAndApply. The pair
 * of an accessor staying an accessor is updated in place. */
static uint8_t applied_attributes(const PropertyDescriptor *desc, const PropertyDescriptor *current)
{
    uint8_t attributes = current->attributes;
    bool to_accessor = is_accessor_descriptor(desc) || (is_generic_descriptor(desc) && is_accessor_descriptor(current));
    if (to_accessor != is_accessor_descriptor(current))
        attributes &= ~PROP_WRITABLE;   /* a converted property: [[Writable]] defaults to false */
    uint8_t fields[3][2] = { { DESC_HAS_WRITABLE, PROP_WRITABLE }, { DESC_HAS_ENUMERABLE, PROP_ENUMERABLE },
                             { DESC_HAS_CONFIGURABLE, PROP_CONFIGURABLE } };
    for (int i = 0; i < 3; i++) {
        if (desc->has & fields[i][0])
            attributes = (attributes & ~fields[i][1]) | (desc->attributes & fields[i][1]);
    }
    if (to_accessor)
        attributes = (attributes & ~PROP_WRITABLE) | PROP_ACCESSOR;
    return attributes;
}

/* Applies desc to the existing named property at slot (ValidateAndApply step 7). */
static bool apply_named(VM *vm, Object *o, PropertyKey key, uint32_t slot, const PropertyDescriptor *desc,
                        const PropertyDescriptor *current)
{
    uint8_t attributes = applied_attributes(desc, current);
    Value stored = o->slots[slot];
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, stored);
    bool ok = true;
    if ((attributes & PROP_ACCESSOR) && !is_accessor_descriptor(current)) {
        AccessorPair *pair = accessor_pair_new(vm, desc->has & DESC_HAS_GET ? desc->getter : VALUE_UNDEFINED,
                                               desc->has & DESC_HAS_SET ? desc->setter : VALUE_UNDEFINED);
        ok = pair != NULL;
        stored = ok ? value_from_cell(&pair->header) : VALUE_UNDEFINED;
    } else if (attributes & PROP_ACCESSOR) {
        AccessorPair *pair = accessor_pair_from_slot(stored);
        if (desc->has & DESC_HAS_GET)
            pair->getter = desc->getter;
        if (desc->has & DESC_HAS_SET)
            pair->setter = desc->setter;
    } else if (desc->has & DESC_HAS_VALUE) {
        stored = desc->value;
    } else if (is_accessor_descriptor(current)) {
        stored = VALUE_UNDEFINED;   /* accessor to data without a value */
    }
    uint8_t old_attributes = (current->attributes & PROP_DEFAULT) | (is_accessor_descriptor(current) ? PROP_ACCESSOR : 0);
    if (ok && attributes != old_attributes) {
        Shape *shape = shape_change_attributes(vm, o->shape, key, attributes);
        ok = shape != NULL;
        if (ok) {
            o->shape = shape;
            object_shape_changed(vm, o);
        }
    }
    if (ok)
        o->slots[slot] = stored;
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* Adds key to o's shape in a new slot holding stored (which the caller
 * keeps rooted). false after throwing. */
static bool add_to_shape(VM *vm, Object *o, PropertyKey key, uint8_t attributes, Value stored)
{
    /* Slots first: a dictionary shape changes in place and must not get
     * ahead of the slots. */
    if (!object_ensure_slots(vm, o, o->shape->slot_count + 1))
        return false;
    uint32_t slot = 0;
    Shape *shape = shape_add_property(vm, o->shape, key, attributes, &slot);
    if (!shape)
        return false;
    o->shape = shape;
    o->slots[slot] = stored;
    object_shape_changed(vm, o);
    return true;
}

bool ordinary_add_named(VM *vm, Object *o, PropertyKey key, const PropertyDescriptor *desc)
{
    PropertyDescriptor complete = *desc;
    property_descriptor_complete(&complete);
    uint8_t attributes = complete.attributes | (is_accessor_descriptor(&complete) ? PROP_ACCESSOR : 0);
    Value stored = complete.value;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, stored);
    bool ok = true;
    if (attributes & PROP_ACCESSOR) {
        AccessorPair *pair = accessor_pair_new(vm, complete.getter, complete.setter);
        ok = pair != NULL;
        stored = ok ? value_from_cell(&pair->header) : VALUE_UNDEFINED;
    }
    ok = ok && add_to_shape(vm, o, key, attributes, stored);
    GC_SCOPE_END(vm->heap);
    return ok;
}

bool ordinary_add_data_named(VM *vm, Object *o, PropertyKey key, Value value, uint8_t attributes)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, value);
    bool ok = add_to_shape(vm, o, key, attributes & PROP_DEFAULT, value);
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* ES2025 10.1.6.3 ValidateAndApplyPropertyDescriptor for a named key of O */
static int validate_and_apply_named(VM *vm, Object *o, PropertyKey key, bool extensible,
                                    const PropertyDescriptor *desc, const PropertyDescriptor *current)
{
    if (!current) {
        if (!extensible)
            return 0;
        return ordinary_add_named(vm, o, key, desc) ? 1 : -1;
    }
    int valid = validate_against_current(vm, desc, current);
    if (valid <= 0 || desc->has == 0)
        return valid;
    uint32_t slot;
    uint8_t attributes;
    if (!shape_lookup(o->shape, key, &slot, &attributes))
        return 1;   /* a virtual property of an exotic class: nothing stored here */
    return apply_named(vm, o, key, slot, desc, current) ? 1 : -1;
}

/* ES2025 10.1.6.1 OrdinaryDefineOwnProperty */
int ordinary_define_own_property(VM *vm, Object *o, PropertyKey key, const PropertyDescriptor *desc)
{
    PropertyDescriptor current;
    int found = object_get_own_property(vm, o, key, &current);
    if (found < 0)
        return -1;
    int extensible = object_is_extensible(vm, o);
    if (extensible < 0)
        return -1;
    uint32_t index;
    if (property_key_is_index(key, &index)) {
        int valid = property_descriptor_validate(vm, extensible, desc, found ? &current : NULL);
        if (valid <= 0 || (found && desc->has == 0))
            return valid;
        return elements_define(vm, o, index, desc);
    }
    return validate_and_apply_named(vm, o, key, extensible, desc, found ? &current : NULL);
}

/* ---- [[HasProperty]]: ES2025 10.1.7.1 OrdinaryHasProperty ---- */

int ordinary_has_property(VM *vm, Object *o, PropertyKey key)
{
    PropertyDescriptor desc;
    int found = object_get_own_property(vm, o, key, &desc);
    if (found != 0)
        return found;
    Value parent = object_get_prototype_of(vm, o);
    if (value_is_exception(parent))
        return -1;
    if (value_is_null(parent))
        return 0;
    return object_has_property(vm, value_as_object(parent), key);
}

/* ---- [[Get]]: ES2025 10.1.8.1 OrdinaryGet ---- */

static Value get_from_descriptor(VM *vm, const PropertyDescriptor *desc, Value receiver)
{
    if (is_data_descriptor(desc))
        return desc->value;
    if (value_is_undefined(desc->getter))
        return VALUE_UNDEFINED;
    return object_call(vm, desc->getter, receiver, 0, NULL);
}

Value ordinary_get(VM *vm, Object *o, PropertyKey key, Value receiver)
{
    for (;;) {
        PropertyDescriptor desc;
        int found = object_get_own_property(vm, o, key, &desc);
        if (found < 0)
            return VALUE_EXCEPTION;
        if (found)
            return get_from_descriptor(vm, &desc, receiver);
        Value parent = object_get_prototype_of(vm, o);
        if (value_is_exception(parent) || value_is_null(parent))
            return value_is_null(parent) ? VALUE_UNDEFINED : VALUE_EXCEPTION;
        o = value_as_object(parent);
        if (o->class_->get != ordinary_get)
            return object_get(vm, o, key, receiver);
    }
}

/* ---- [[Set]]: ES2025 10.1.9.1 OrdinarySet, 10.1.9.2 OrdinarySetWithOwnDescriptor ---- */

/* The steps of OrdinarySetWithOwnDescriptor for a data ownDesc that is
 * writable: the receiver gets the value. */
static int set_on_receiver(VM *vm, PropertyKey key, Value value, Value receiver)
{
    if (!value_is_object(receiver))
        return 0;
    Object *r = value_as_object(receiver);
    PropertyDescriptor existing;
    int found = object_get_own_property(vm, r, key, &existing);
    if (found < 0)
        return -1;
    if (!found)
        return object_create_data_property(vm, r, key, value);
    if (is_accessor_descriptor(&existing) || !(existing.attributes & PROP_WRITABLE))
        return 0;
    PropertyDescriptor value_desc = { .has = DESC_HAS_VALUE, .value = value,
                                      .getter = VALUE_UNDEFINED, .setter = VALUE_UNDEFINED };
    return object_define_own_property(vm, r, key, &value_desc);
}

static int set_with_own_descriptor(VM *vm, const PropertyDescriptor *own, PropertyKey key, Value value, Value receiver)
{
    if (is_data_descriptor(own)) {
        if (!(own->attributes & PROP_WRITABLE))
            return 0;
        return set_on_receiver(vm, key, value, receiver);
    }
    if (value_is_undefined(own->setter))
        return 0;
    Value result = object_call(vm, own->setter, receiver, 1, &value);
    return value_is_exception(result) ? -1 : 1;
}

/* The common [[Set]] that needs none of the descriptor steps: o is the
 * receiver and has the key as a writable data property (or as a new
 * element nothing intercepts). 1 done, 0 not handled, -1 threw. */
static int set_fast(VM *vm, Object *o, PropertyKey key, Value value)
{
    if (o->class_->get_own_property != ordinary_get_own_property)
        return 0;
    uint32_t index, slot;
    uint8_t attributes;
    if (property_key_is_index(key, &index))
        return elements_fast_set(vm, o, index, value);
    if (!shape_lookup(o->shape, key, &slot, &attributes) || (attributes & (PROP_ACCESSOR | PROP_WRITABLE)) != PROP_WRITABLE ||
        !object_named_store_is_plain(vm, o, key))
        return 0;
    o->slots[slot] = value;
    return 1;
}

int ordinary_set(VM *vm, Object *o, PropertyKey key, Value value, Value receiver)
{
    if (receiver == value_from_object(o)) {
        int done = set_fast(vm, o, key, value);
        if (done != 0)
            return done;
    }
    for (;;) {
        PropertyDescriptor own;
        int found = object_get_own_property(vm, o, key, &own);
        if (found < 0)
            return -1;
        if (found)
            return set_with_own_descriptor(vm, &own, key, value, receiver);
        Value parent = object_get_prototype_of(vm, o);
        if (value_is_exception(parent))
            return -1;
        if (value_is_null(parent))
            return set_on_receiver(vm, key, value, receiver);   /* ownDesc: a default data property */
        o = value_as_object(parent);
        if (o->class_->set != ordinary_set)
            return object_set(vm, o, key, value, receiver);
    }
}

/* ---- [[Delete]]: ES2025 10.1.10.1 OrdinaryDelete ---- */

static bool remove_named(VM *vm, Object *o, PropertyKey key)
{
    uint32_t slot;
    uint8_t attributes;
    if (!shape_lookup(o->shape, key, &slot, &attributes))
        return true;
    o->slots[slot] = VALUE_UNDEFINED;
    Shape *shape = shape_remove_property(vm, o->shape, key, o->slots);
    if (!shape)
        return false;
    o->shape = shape;
    object_shape_changed(vm, o);
    return true;
}

int ordinary_delete(VM *vm, Object *o, PropertyKey key)
{
    PropertyDescriptor desc;
    int found = object_get_own_property(vm, o, key, &desc);
    if (found <= 0)
        return found < 0 ? -1 : 1;
    if (!(desc.attributes & PROP_CONFIGURABLE))
        return 0;
    uint32_t index;
    if (property_key_is_index(key, &index))
        return elements_delete(vm, o, index);
    return remove_named(vm, o, key) ? 1 : -1;
}

/* ---- [[OwnPropertyKeys]]: ES2025 10.1.11.1 OrdinaryOwnPropertyKeys ---- */

typedef struct KeyCollector {
    KeyList *keys;
    bool symbols;                 /* this pass collects symbols (else strings) */
} KeyCollector;

static bool collect_key(VM *vm, PropertyKey key, uint32_t slot, uint8_t attributes, void *data)
{
    (void)slot;
    (void)attributes;
    KeyCollector *collector = data;
    if (value_is_symbol(key) != collector->symbols)
        return true;
    if (collector->symbols && (value_as_symbol(key)->cell.flags & SYMBOL_PRIVATE))
        return true;   /* private elements are not properties (vm/private_name.h) */
    return key_list_push(vm, collector->keys, key);
}

bool ordinary_own_property_keys(VM *vm, Object *o, KeyList *keys)
{
    if (!elements_own_keys(vm, o, keys))
        return false;
    KeyCollector strings = { keys, false }, symbols = { keys, true };
    return shape_for_each_property(vm, o->shape, collect_key, &strings) &&
           shape_for_each_property(vm, o->shape, collect_key, &symbols);
}

/* ---- [[GetPrototypeOf]], [[SetPrototypeOf]]: ES2025 10.1.1, 10.1.2 ---- */

Value ordinary_get_prototype_of(VM *vm, Object *o)
{
    (void)vm;
    Object *prototype = o->shape->prototype;
    return prototype ? value_from_object(prototype) : VALUE_NULL;
}

/* ES2025 10.1.2.1 OrdinarySetPrototypeOf */
int ordinary_set_prototype_of(VM *vm, Object *o, Value prototype)
{
    Object *current = o->shape->prototype;
    Object *wanted = value_is_null(prototype) ? NULL : value_as_object(prototype);
    if (wanted == current)
        return 1;
    if (!(o->header.flags & OBJECT_EXTENSIBLE))
        return 0;
    for (Object *p = wanted; p; p = p->shape->prototype) {
        if (p == o)
            return 0;
        if (p->class_->get_prototype_of != ordinary_get_prototype_of)
            break;
    }
    Shape *shape = shape_change_prototype(vm, o->shape, wanted);
    if (!shape)
        return -1;
    o->shape = shape;
    object_shape_changed(vm, o);
    return 1;
}

/* ---- [[IsExtensible]], [[PreventExtensions]]: ES2025 10.1.3, 10.1.4 ---- */

int ordinary_is_extensible(VM *vm, Object *o)
{
    (void)vm;
    return (o->header.flags & OBJECT_EXTENSIBLE) != 0;
}

int ordinary_prevent_extensions(VM *vm, Object *o)
{
    (void)vm;
    o->header.flags &= ~OBJECT_EXTENSIBLE;
    return 1;
}

const ObjectClass ordinary_object_class = {
    .name = "Object",
    ORDINARY_INTERNAL_METHODS,
};
