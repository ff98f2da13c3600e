/*
 * The Object constructor and Object.prototype (ES2025 20.1), with the
 * Annex B accessors __proto__ and __defineGetter__ family (B.2.2).
 */
#include <stdlib.h>
#include <string.h>

#include "stdlib/es/builtin.h"
#include "stdlib/es/iteration.h"
#include "stdlib/es/property_descriptor.h"


/* DefinePropertyOrThrow with V8's messages. */
static bool define_property_or_throw(VM *vm, Object *o, PropertyKey key, const PropertyDescriptor *desc)
{
    int done = object_define_own_property(vm, o, key, desc);
    if (done != 0)
        return done > 0;
    char *name = value_is_symbol(key) ? es_describe_value(vm, key) : NULL;
    String *text = name ? NULL : es_to_flat_string(vm, key);
    size_t len;
    if (!name && text)
        name = string_to_utf8(text, &len);
    PropertyDescriptor current;
    int found = object_get_own_property(vm, o, key, &current);
    if (found == 0 && !(o->header.flags & OBJECT_EXTENSIBLE))
        vm_throw_type_error(vm, "Cannot define property %s, object is not extensible", name ? name : "?");
    else if (found >= 0)
        vm_throw_type_error(vm, "Cannot redefine property: %s", name ? name : "?");
    free(name);
    return false;
}

/* "Object prototype may only be an Object or null: <value>" */
static Value throw_bad_prototype(VM *vm, Value proto)
{
    char *text = es_describe_value(vm, proto);
    vm_throw_type_error(vm, "Object prototype may only be an Object or null: %s", text ? text : "?");
    free(text);
    return VALUE_EXCEPTION;
}

/* The TypeError of a [[SetPrototypeOf]] that returned false. */
static Value throw_set_prototype_failed(VM *vm, Object *o)
{
    int extensible = object_is_extensible(vm, o);
    if (extensible < 0)
        return VALUE_EXCEPTION;
    if (!extensible) {
        char *text = es_describe_value(vm, value_from_object(o));
        vm_throw_type_error(vm, "%s is not extensible", text ? text : "#<Object>");
        free(text);
        return VALUE_EXCEPTION;
    }
    if (o == realm_intrinsic(vm, INTRINSIC_ObjectPrototype))
        return vm_throw_type_error(vm, "Immutable prototype object 'Object.prototype' cannot have their "
                                       "prototype set");
    return vm_throw_type_error(vm, "Cyclic __proto__ value");
}

/* ES2025 20.1.1.1 Object ( [ value ] ) */
static Value object_constructor(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)this_value;
    if (new_target && new_target != realm_intrinsic(vm, INTRINSIC_Object)) {
        Object *proto = es_prototype_from_constructor(vm, new_target, INTRINSIC_ObjectPrototype);
        Object *o = proto ? object_new_ordinary(vm, proto) : NULL;
        return o ? value_from_object(o) : VALUE_EXCEPTION;
    }
    Value value = es_arg(argc, argv, 0);
    Object *o = value_is_nullish(value) ? es_object_new(vm) : es_to_object(vm, value);
    return o ? value_from_object(o) : VALUE_EXCEPTION;
}

/* ---- Object.assign, create, defineProperty, defineProperties ---- */

/* ES2025 20.1.2.1 Object.assign, step 3.a: copies from's enumerable own properties. */
static bool assign_from(VM *vm, Object *to, Object *from)
{
    KeyList keys;
    key_list_init(vm, &keys);
    bool ok = object_own_property_keys(vm, from, &keys);
    for (uint32_t i = 0; ok && i < keys.count; i++) {
        PropertyDescriptor desc;
        int found = object_get_own_property(vm, from, keys.keys[i], &desc);
        ok = found >= 0;
        if (found > 0 && (desc.attributes & PROP_ENUMERABLE)) {
            Value value = es_get(vm, from, keys.keys[i]);
            ok = !value_is_exception(value) && es_set(vm, to, keys.keys[i], value);
        }
    }
    key_list_free(vm, &keys);
    return ok;
}

/* ES2025 20.1.2.1 Object.assign ( target, ...sources ) */
static Value object_assign(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)this_value, (void)new_target;
    Object *to = es_to_object(vm, es_arg(argc, argv, 0));
    if (!to)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, to);
    Object *from = NULL;
    GC_ROOT_CELL(vm->heap, from);
    bool ok = true;
    for (uint32_t i = 1; ok && i < argc; i++) {
        if (value_is_nullish(argv[i]))
            continue;
        from = es_to_object(vm, argv[i]);
        ok = from && assign_from(vm, to, from);
    }
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(to) : VALUE_EXCEPTION;
}

/* ES2025 20.1.2.3.1 ObjectDefineProperties ( O, Properties ): the
 * descriptors are all read before any is defined. */
static bool define_properties(VM *vm, Object *o, Value properties)
{
    Object *props = es_to_object(vm, properties);
    if (!props)
        return false;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, props);
    KeyList keys, chosen;
    key_list_init(vm, &keys);
    key_list_init(vm, &chosen);
    ValueList pins;                /* keeps the descriptors' values alive */
    es_list_init(vm, &pins);
    PropertyDescriptor *descs = NULL;
    bool ok = object_own_property_keys(vm, props, &keys);
    if (ok && keys.count && !(descs = malloc(keys.count * sizeof *descs))) {
        vm_throw_out_of_memory(vm);
        ok = false;
    }
    for (uint32_t i = 0; ok && i < keys.count; i++) {
        PropertyDescriptor prop;
        int found = object_get_own_property(vm, props, keys.keys[i], &prop);
        ok = found >= 0;
        if (found <= 0 || !(prop.attributes & PROP_ENUMERABLE))
            continue;
        Value desc_obj = es_get(vm, props, keys.keys[i]);
        PropertyDescriptor *desc = &descs[chosen.count];
        ok = !value_is_exception(desc_obj) && property_descriptor_from_object(vm, desc_obj, desc)
             && es_list_push(vm, &pins, desc->value) && es_list_push(vm, &pins, desc->getter)
             && es_list_push(vm, &pins, desc->setter) && key_list_push(vm, &chosen, keys.keys[i]);
    }
    for (uint32_t i = 0; ok && i < chosen.count; i++)
        ok = define_property_or_throw(vm, o, chosen.keys[i], &descs[i]);
    free(descs);
    es_list_free(vm, &pins);
    key_list_free(vm, &chosen);
    key_list_free(vm, &keys);
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* ES2025 20.1.2.2 Object.create ( O, Properties ) */
static Value object_create(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)this_value, (void)new_target;
    Value proto = es_arg(argc, argv, 0);
    if (!value_is_object(proto) && !value_is_null(proto))
        return throw_bad_prototype(vm, proto);
    Object *o = object_new_ordinary(vm, value_is_null(proto) ? NULL : value_as_object(proto));
    if (!o)
        return VALUE_EXCEPTION;
    Value properties = es_arg(argc, argv, 1);
    if (value_is_undefined(properties))
        return value_from_object(o);
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    bool ok = define_properties(vm, o, properties);
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(o) : VALUE_EXCEPTION;
}

/* ES2025 20.1.2.3 Object.defineProperties ( O, Properties ) */
static Value object_define_properties(VM *vm, Value this_value, uint32_t argc, const Value *argv,
                                      Object *new_target)
{
    (void)this_value, (void)new_target;
    Value o = es_arg(argc, argv, 0);
    if (!value_is_object(o))
        return vm_throw_type_error(vm, "Object.defineProperties called on non-object");
    return define_properties(vm, value_as_object(o), es_arg(argc, argv, 1)) ? o : VALUE_EXCEPTION;
}

/* ES2025 20.1.2.4 Object.defineProperty ( O, P, Attributes ) */
static Value object_define_property(VM *vm, Value this_value, uint32_t argc, const Value *argv,
                                    Object *new_target)
{
    (void)this_value, (void)new_target;
    Value o = es_arg(argc, argv, 0);
    if (!value_is_object(o))
        return vm_throw_type_error(vm, "Object.defineProperty called on non-object");
    Value key = es_to_property_key(vm, es_arg(argc, argv, 1));
    if (value_is_exception(key))
        return key;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, key);
    PropertyDescriptor desc;
    bool ok = property_descriptor_from_object(vm, es_arg(argc, argv, 2), &desc);
    if (ok) {
        GC_ROOT(vm->heap, desc.value);
        GC_ROOT(vm->heap, desc.getter);
        GC_ROOT(vm->heap, desc.setter);
        ok = define_property_or_throw(vm, value_as_object(o), key, &desc);
    }
    GC_SCOPE_END(vm->heap);
    return ok ? o : VALUE_EXCEPTION;
}

/* ---- keys, values, entries ---- */

typedef enum EnumerableKind { KIND_KEYS, KIND_VALUES, KIND_ENTRIES } EnumerableKind;

/* One element of EnumerableOwnProperties' result for key. */
static Value enumerable_item(VM *vm, Object *o, PropertyKey key, EnumerableKind kind)
{
    Value name = key;
    uint32_t index;
    if (property_key_is_index(key, &index)) {
        String *s = es_number_to_string(vm, index);
        if (!s)
            return VALUE_EXCEPTION;
        name = value_from_string(s);
    }
    if (kind == KIND_KEYS)
        return name;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, name);
    Value value = es_get(vm, o, key);
    Value result = value;
    if (kind == KIND_ENTRIES && !value_is_exception(value)) {
        GC_ROOT(vm->heap, value);
        Value pair[2] = { name, value };
        Object *entry = es_array_from_list(vm, pair, 2);
        result = entry ? value_from_object(entry) : VALUE_EXCEPTION;
    }
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ES2025 7.3.23 EnumerableOwnProperties ( O, kind ) as a new array. */
static Value enumerable_own_properties(VM *vm, Object *o, EnumerableKind kind)
{
    Object *array = es_array_new(vm, 0);
    if (!array)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, array);
    KeyList keys;
    key_list_init(vm, &keys);
    bool ok = object_own_property_keys(vm, o, &keys);
    uint32_t count = 0;
    for (uint32_t i = 0; ok && i < keys.count; i++) {
        if (value_is_symbol(keys.keys[i]))
            continue;
        PropertyDescriptor desc;
        int found = object_get_own_property(vm, o, keys.keys[i], &desc);
        ok = found >= 0;
        if (found <= 0 || !(desc.attributes & PROP_ENUMERABLE))
            continue;
        Value item = enumerable_item(vm, o, keys.keys[i], kind);
        GC_SCOPE(vm->heap);
        GC_ROOT(vm->heap, item);
        ok = !value_is_exception(item)
             && object_create_data_property(vm, array, property_key_from_index(vm, count++), item) >= 0;
        GC_SCOPE_END(vm->heap);
    }
    key_list_free(vm, &keys);
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(array) : VALUE_EXCEPTION;
}

static Value enumerable_of(VM *vm, uint32_t argc, const Value *argv, EnumerableKind kind)
{
    Object *o = es_to_object(vm, es_arg(argc, argv, 0));
    if (!o)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    Value result = enumerable_own_properties(vm, o, kind);
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ES2025 20.1.2.18 Object.keys ( O ) */
static Value object_keys(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)this_value, (void)new_target;
    return enumerable_of(vm, argc, argv, KIND_KEYS);
}

/* ES2025 20.1.2.23 Object.values ( O ) */
static Value object_values(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)this_value, (void)new_target;
    return enumerable_of(vm, argc, argv, KIND_VALUES);
}

/* ES2025 20.1.2.5 Object.entries ( O ) */
static Value object_entries(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)this_value, (void)new_target;
    return enumerable_of(vm, argc, argv, KIND_ENTRIES);
}

/* ---- Object.fromEntries, Object.groupBy ---- */

/* One entry of AddEntriesFromIterable: entry[0], entry[1] into target. */
static bool add_entry(VM *vm, Object *target, Value entry)
{
    if (!value_is_object(entry)) {
        char *text = es_describe_value(vm, entry);
        vm_throw_type_error(vm, "Iterator value %s is not an entry object", text ? text : "?");
        free(text);
        return false;
    }
    Object *e = value_as_object(entry);
    Value key = es_get(vm, e, property_key_from_index(vm, 0));
    if (value_is_exception(key))
        return false;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, key);
    Value value = es_get(vm, e, property_key_from_index(vm, 1));
    GC_ROOT(vm->heap, value);
    bool ok = !value_is_exception(value);
    if (ok) {
        key = es_to_property_key(vm, key);
        ok = !value_is_exception(key) && es_create_data_property_or_throw(vm, target, key, value);
    }
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* ES2025 20.1.2.7 Object.fromEntries ( iterable ) */
static Value object_from_entries(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)this_value, (void)new_target;
    Value iterable = es_arg(argc, argv, 0);
    if (value_is_nullish(iterable))
        return vm_throw_type_error(vm, "%s is not iterable", value_is_null(iterable) ? "null" : "undefined");
    Object *o = es_object_new(vm);
    if (!o)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    IteratorRecord record;
    ES_ROOT_ITERATOR(vm->heap, record);
    Value result = value_from_object(o);
    if (!es_get_iterator(vm, iterable, &record)) {
        result = VALUE_EXCEPTION;
    } else {
        for (;;) {
            Value entry;
            int status = es_iterator_step_value(vm, &record, &entry);
            if (status <= 0) {
                if (status < 0)
                    result = VALUE_EXCEPTION;
                break;
            }
            if (!add_entry(vm, o, entry)) {
                result = es_iterator_close_throw(vm, &record);
                break;
            }
        }
    }
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ---- Descriptors and keys ---- */

/* ES2025 20.1.2.8 Object.getOwnPropertyDescriptor ( O, P ) */
static Value object_get_own_property_descriptor(VM *vm, Value this_value, uint32_t argc, const Value *argv,
                                                Object *new_target)
{
    (void)this_value, (void)new_target;
    Object *o = es_to_object(vm, es_arg(argc, argv, 0));
    if (!o)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    Value key = es_to_property_key(vm, es_arg(argc, argv, 1));
    Value result = key;
    if (!value_is_exception(key)) {
        PropertyDescriptor desc;
        int found = object_get_own_property(vm, o, key, &desc);
        result = found < 0 ? VALUE_EXCEPTION : found == 0 ? VALUE_UNDEFINED : property_descriptor_to_object(vm, &desc);
    }
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ES2025 20.1.2.9 Object.getOwnPropertyDescriptors ( O ) */
static Value object_get_own_property_descriptors(VM *vm, Value this_value, uint32_t argc, const Value *argv,
                                                 Object *new_target)
{
    (void)this_value, (void)new_target;
    Object *o = es_to_object(vm, es_arg(argc, argv, 0));
    if (!o)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    Object *result = es_object_new(vm);
    GC_ROOT_CELL(vm->heap, result);
    KeyList keys;
    key_list_init(vm, &keys);
    bool ok = result && object_own_property_keys(vm, o, &keys);
    for (uint32_t i = 0; ok && i < keys.count; i++) {
        PropertyDescriptor desc;
        int found = object_get_own_property(vm, o, keys.keys[i], &desc);
        ok = found >= 0;
        if (found > 0) {
            Value d = property_descriptor_to_object(vm, &desc);
            GC_SCOPE(vm->heap);
            GC_ROOT(vm->heap, d);
            ok = !value_is_exception(d) && object_create_data_property(vm, result, keys.keys[i], d) >= 0;
            GC_SCOPE_END(vm->heap);
        }
    }
    key_list_free(vm, &keys);
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(result) : VALUE_EXCEPTION;
}

/* ES2025 20.1.2.11.1 GetOwnPropertyKeys ( O, type ) */
static Value get_own_property_keys(VM *vm, Value value, bool symbols)
{
    Object *o = es_to_object(vm, value);
    if (!o)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    Object *array = es_array_new(vm, 0);
    GC_ROOT_CELL(vm->heap, array);
    KeyList keys;
    key_list_init(vm, &keys);
    bool ok = array && object_own_property_keys(vm, o, &keys);
    uint32_t count = 0;
    for (uint32_t i = 0; ok && i < keys.count; i++) {
        if (value_is_symbol(keys.keys[i]) != symbols)
            continue;
        Value item = enumerable_item(vm, o, keys.keys[i], KIND_KEYS);
        GC_SCOPE(vm->heap);
        GC_ROOT(vm->heap, item);
        ok = !value_is_exception(item)
             && object_create_data_property(vm, array, property_key_from_index(vm, count++), item) >= 0;
        GC_SCOPE_END(vm->heap);
    }
    key_list_free(vm, &keys);
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(array) : VALUE_EXCEPTION;
}

/* ES2025 20.1.2.10 Object.getOwnPropertyNames ( O ) */
static Value object_get_own_property_names(VM *vm, Value this_value, uint32_t argc, const Value *argv,
                                           Object *new_target)
{
    (void)this_value, (void)new_target;
    return get_own_property_keys(vm, es_arg(argc, argv, 0), false);
}

/* ES2025 20.1.2.11 Object.getOwnPropertySymbols ( O ) */
static Value object_get_own_property_symbols(VM *vm, Value this_value, uint32_t argc, const Value *argv,
                                             Object *new_target)
{
    (void)this_value, (void)new_target;
    return get_own_property_keys(vm, es_arg(argc, argv, 0), true);
}

/* ---- Prototypes ---- */

/* ES2025 20.1.2.12 Object.getPrototypeOf ( O ) */
static Value object_get_prototype_of_(VM *vm, Value this_value, uint32_t argc, const Value *argv,
                                      Object *new_target)
{
    (void)this_value, (void)new_target;
    Object *o = es_to_object(vm, es_arg(argc, argv, 0));
    return o ? object_get_prototype_of(vm, o) : VALUE_EXCEPTION;
}

/* ES2025 20.1.2.23 Object.setPrototypeOf ( O, proto ) */
static Value object_set_prototype_of_(VM *vm, Value this_value, uint32_t argc, const Value *argv,
                                      Object *new_target)
{
    (void)this_value, (void)new_target;
    Value o = es_arg(argc, argv, 0), proto = es_arg(argc, argv, 1);
    if (value_is_nullish(o))
        return es_throw_called_on_nullish(vm, "Object.setPrototypeOf");
    if (!value_is_object(proto) && !value_is_null(proto))
        return throw_bad_prototype(vm, proto);
    if (!value_is_object(o))
        return o;
    int status = object_set_prototype_of(vm, value_as_object(o), proto);
    if (status < 0)
        return VALUE_EXCEPTION;
    return status ? o : throw_set_prototype_failed(vm, value_as_object(o));
}

/* ---- Integrity ---- */

/* ES2025 20.1.2.6 Object.freeze ( O ) and 20.1.2.22 Object.seal ( O ) */
static Value set_integrity(VM *vm, Value o, bool frozen)
{
    if (!value_is_object(o))
        return o;
    int status = object_set_integrity_level(vm, value_as_object(o), frozen);
    if (status < 0)
        return VALUE_EXCEPTION;
    if (status == 0)
        return vm_throw_type_error(vm, frozen ? "Cannot freeze" : "Cannot seal");
    return o;
}

static Value object_freeze(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)this_value, (void)new_target;
    return set_integrity(vm, es_arg(argc, argv, 0), true);
}

static Value object_seal(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)this_value, (void)new_target;
    return set_integrity(vm, es_arg(argc, argv, 0), false);
}

/* ES2025 20.1.2.16 Object.isFrozen ( O ) and 20.1.2.17 Object.isSealed ( O ) */
static Value test_integrity(VM *vm, Value o, bool frozen)
{
    if (!value_is_object(o))
        return VALUE_TRUE;
    int status = object_test_integrity_level(vm, value_as_object(o), frozen);
    return status < 0 ? VALUE_EXCEPTION : value_from_boolean(status);
}

static Value object_is_frozen(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)this_value, (void)new_target;
    return test_integrity(vm, es_arg(argc, argv, 0), true);
}

static Value object_is_sealed(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)this_value, (void)new_target;
    return test_integrity(vm, es_arg(argc, argv, 0), false);
}

/* ES2025 20.1.2.15 Object.isExtensible ( O ) */
static Value object_is_extensible_(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)this_value, (void)new_target;
    Value o = es_arg(argc, argv, 0);
    if (!value_is_object(o))
        return VALUE_FALSE;
    int status = object_is_extensible(vm, value_as_object(o));
    return status < 0 ? VALUE_EXCEPTION : value_from_boolean(status);
}

/* ES2025 20.1.2.20 Object.preventExtensions ( O ) */
static Value object_prevent_extensions_(VM *vm, Value this_value, uint32_t argc, const Value *argv,
                                        Object *new_target)
{
    (void)this_value, (void)new_target;
    Value o = es_arg(argc, argv, 0);
    if (!value_is_object(o))
        return o;
    int status = object_prevent_extensions(vm, value_as_object(o));
    if (status < 0)
        return VALUE_EXCEPTION;
    return status ? o : vm_throw_type_error(vm, "Cannot prevent extensions");
}

/* ES2025 20.1.2.14 Object.is ( value1, value2 ) */
static Value object_is(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)this_value, (void)new_target;
    int same = es_same_value(vm, es_arg(argc, argv, 0), es_arg(argc, argv, 1));
    return same < 0 ? VALUE_EXCEPTION : value_from_boolean(same);
}

/* ES2025 20.1.2.13 Object.hasOwn ( O, P ) */
static Value object_has_own(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)this_value, (void)new_target;
    Object *o = es_to_object(vm, es_arg(argc, argv, 0));
    if (!o)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    Value key = es_to_property_key(vm, es_arg(argc, argv, 1));
    int has = value_is_exception(key) ? -1 : es_has_own_property(vm, o, key);
    GC_SCOPE_END(vm->heap);
    return has < 0 ? VALUE_EXCEPTION : value_from_boolean(has);
}

/* ---- Object.prototype ---- */

/* ES2025 20.1.3.2 Object.prototype.hasOwnProperty ( V ) */
static Value proto_has_own_property(VM *vm, Value this_value, uint32_t argc, const Value *argv,
                                    Object *new_target)
{
    (void)new_target;
    Value key = es_to_property_key(vm, es_arg(argc, argv, 0));
    if (value_is_exception(key))
        return key;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, key);
    Object *o = es_to_object(vm, this_value);
    int has = o ? es_has_own_property(vm, o, key) : -1;
    GC_SCOPE_END(vm->heap);
    return has < 0 ? VALUE_EXCEPTION : value_from_boolean(has);
}

/* ES2025 20.1.3.3 Object.prototype.isPrototypeOf ( V ) */
static Value proto_is_prototype_of(VM *vm, Value this_value, uint32_t argc, const Value *argv,
                                   Object *new_target)
{
    (void)new_target;
    Value v = es_arg(argc, argv, 0);
    if (!value_is_object(v))
        return VALUE_FALSE;
    Object *o = es_to_object(vm, this_value);
    if (!o)
        return VALUE_EXCEPTION;
    for (Object *current = value_as_object(v);;) {
        Value parent = object_get_prototype_of(vm, current);
        if (value_is_exception(parent) || value_is_null(parent))
            return value_is_null(parent) ? VALUE_FALSE : parent;
        current = value_as_object(parent);
        if (current == o)
            return VALUE_TRUE;
    }
}

/* ES2025 20.1.3.4 Object.prototype.propertyIsEnumerable ( V ) */
static Value proto_property_is_enumerable(VM *vm, Value this_value, uint32_t argc, const Value *argv,
                                          Object *new_target)
{
    (void)new_target;
    Value key = es_to_property_key(vm, es_arg(argc, argv, 0));
    if (value_is_exception(key))
        return key;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, key);
    Object *o = es_to_object(vm, this_value);
    PropertyDescriptor desc;
    int found = o ? object_get_own_property(vm, o, key, &desc) : -1;
    GC_SCOPE_END(vm->heap);
    if (found < 0)
        return VALUE_EXCEPTION;
    return value_from_boolean(found && (desc.attributes & PROP_ENUMERABLE));
}

/* ES2025 20.1.3.5 Object.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] ) */
static Value proto_to_locale_string(VM *vm, Value this_value, uint32_t argc, const Value *argv,
                                    Object *new_target)
{
    (void)argc, (void)argv, (void)new_target;
    return es_invoke(vm, this_value, es_key(vm, ATOM_toString), 0, NULL);
}

/* The builtinTag of ES2025 20.1.3.6 step 5-14, from the object's class. */
static const char *builtin_tag(VM *vm, Object *o)
{
    if (es_is_array(vm, value_from_object(o)) > 0)
        return "Array";
    if (o->header.flags & OBJECT_IS_CALLABLE)
        return "Function";
    static const char *const tagged[] = { "Arguments", "Error", "Boolean", "Number", "String", "Date", "RegExp" };
    for (size_t i = 0; i < sizeof tagged / sizeof *tagged; i++)
        if (strcmp(o->class_->name, tagged[i]) == 0)
            return tagged[i];
    return "Object";
}

/* ES2025 20.1.3.6 Object.prototype.toString ( ) */
static Value proto_to_string(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)argc, (void)argv, (void)new_target;
    const char *fixed = value_is_undefined(this_value) ? "[object Undefined]"
                        : value_is_null(this_value) ? "[object Null]" : NULL;
    if (fixed) {
        String *s = string_from_cstr(vm, fixed);
        return s ? value_from_string(s) : VALUE_EXCEPTION;
    }
    Object *o = es_to_object(vm, this_value);
    if (!o)
        return VALUE_EXCEPTION;
    const char *builtin = builtin_tag(vm, o);
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    PropertyKey key = es_key_symbol(vm, WELL_KNOWN_toStringTag);
    Value tag = value_is_exception(key) ? key : es_get(vm, o, key);
    GC_ROOT(vm->heap, tag);
    Value result = VALUE_EXCEPTION;
    if (!value_is_exception(tag)) {
        String *open = string_from_cstr(vm, "[object ");
        GC_ROOT_CELL(vm->heap, open);
        String *name = value_is_string(tag) ? value_as_string(tag) : (open ? string_from_cstr(vm, builtin) : NULL);
        String *s = name ? string_concat(vm, open, name) : NULL;
        GC_ROOT_CELL(vm->heap, s);
        String *close = s ? string_from_cstr(vm, "]") : NULL;
        s = close ? string_concat(vm, s, close) : NULL;
        result = s ? value_from_string(s) : VALUE_EXCEPTION;
    }
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ES2025 20.1.3.7 Object.prototype.valueOf ( ) */
static Value proto_value_of(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)argc, (void)argv, (void)new_target;
    Object *o = es_to_object(vm, this_value);
    return o ? value_from_object(o) : VALUE_EXCEPTION;
}

/* ES2025 20.1.3.8.1 get Object.prototype.__proto__ */
static Value proto_get_proto(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)argc, (void)argv, (void)new_target;
    Object *o = es_to_object(vm, this_value);
    return o ? object_get_prototype_of(vm, o) : VALUE_EXCEPTION;
}

/* ES2025 20.1.3.8.2 set Object.prototype.__proto__ */
static Value proto_set_proto(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)new_target;
    Value proto = es_arg(argc, argv, 0);
    if (value_is_nullish(this_value))
        return es_throw_called_on_nullish(vm, "set Object.prototype.__proto__");
    if ((!value_is_object(proto) && !value_is_null(proto)) || !value_is_object(this_value))
        return VALUE_UNDEFINED;
    int status = object_set_prototype_of(vm, value_as_object(this_value), proto);
    if (status < 0)
        return VALUE_EXCEPTION;
    return status ? VALUE_UNDEFINED : throw_set_prototype_failed(vm, value_as_object(this_value));
}

/* B.2.2.2 Object.prototype.__defineGetter__ and B.2.2.3 __defineSetter__ */
static Value define_accessor(VM *vm, Value this_value, uint32_t argc, const Value *argv, bool getter)
{
    Object *o = es_to_object(vm, this_value);
    if (!o)
        return VALUE_EXCEPTION;
    Value function = es_arg(argc, argv, 1);
    if (!value_is_callable(function))
        return vm_throw_type_error(vm, "Object.prototype.__define%ster__: Expecting function", getter ? "Get" : "Set");
    PropertyDescriptor desc = {
        .has = (getter ? DESC_HAS_GET : DESC_HAS_SET) | DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE,
        .attributes = PROP_ENUMERABLE | PROP_CONFIGURABLE, .value = VALUE_UNDEFINED,
        .getter = getter ? function : VALUE_UNDEFINED, .setter = getter ? VALUE_UNDEFINED : function,
    };
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    Value key = es_to_property_key(vm, es_arg(argc, argv, 0));
    bool ok = !value_is_exception(key) && define_property_or_throw(vm, o, key, &desc);
    GC_SCOPE_END(vm->heap);
    return ok ? VALUE_UNDEFINED : VALUE_EXCEPTION;
}

static Value proto_define_getter(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)new_target;
    return define_accessor(vm, this_value, argc, argv, true);
}

static Value proto_define_setter(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)new_target;
    return define_accessor(vm, this_value, argc, argv, false);
}

/* B.2.2.4 Object.prototype.__lookupGetter__ and B.2.2.5 __lookupSetter__ */
static Value lookup_accessor(VM *vm, Value this_value, uint32_t argc, const Value *argv, bool getter)
{
    Object *o = es_to_object(vm, this_value);
    if (!o)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    Value key = es_to_property_key(vm, es_arg(argc, argv, 0));
    GC_ROOT(vm->heap, key);
    Value result = key;
    while (!value_is_exception(key)) {
        PropertyDescriptor desc;
        int found = object_get_own_property(vm, o, key, &desc);
        if (found != 0) {
            result = found < 0 ? VALUE_EXCEPTION
                     : (desc.has & (DESC_HAS_GET | DESC_HAS_SET)) ? (getter ? desc.getter : desc.setter)
                     : VALUE_UNDEFINED;
            break;
        }
        Value parent = object_get_prototype_of(vm, o);
        if (value_is_exception(parent) || value_is_null(parent)) {
            result = value_is_null(parent) ? VALUE_UNDEFINED : parent;
            break;
        }
        o = value_as_object(parent);
    }
    GC_SCOPE_END(vm->heap);
    return result;
}

static Value proto_lookup_getter(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)new_target;
    return lookup_accessor(vm, this_value, argc, argv, true);
}

static Value proto_lookup_setter(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)new_target;
    return lookup_accessor(vm, this_value, argc, argv, false);
}

/* ---- Installation ---- */

typedef struct MethodEntry {
    const char *name;
    NativeFunction function;
    uint32_t length;
} MethodEntry;

static const MethodEntry STATIC_METHODS[] = {
    { "assign", object_assign, 2 },
    { "create", object_create, 2 },
    { "defineProperties", object_define_properties, 2 },
    { "defineProperty", object_define_property, 3 },
    { "entries", object_entries, 1 },
    { "freeze", object_freeze, 1 },
    { "fromEntries", object_from_entries, 1 },
    { "getOwnPropertyDescriptor", object_get_own_property_descriptor, 2 },
    { "getOwnPropertyDescriptors", object_get_own_property_descriptors, 1 },
    { "getOwnPropertyNames", object_get_own_property_names, 1 },
    { "getOwnPropertySymbols", object_get_own_property_symbols, 1 },
    { "getPrototypeOf", object_get_prototype_of_, 1 },
    { "hasOwn", object_has_own, 2 },
    { "is", object_is, 2 },
    { "isExtensible", object_is_extensible_, 1 },
    { "isFrozen", object_is_frozen, 1 },
    { "isSealed", object_is_sealed, 1 },
    { "keys", object_keys, 1 },
    { "preventExtensions", object_prevent_extensions_, 1 },
    { "seal", object_seal, 1 },
    { "setPrototypeOf", object_set_prototype_of_, 2 },
    { "values", object_values, 1 },
};

static const MethodEntry PROTOTYPE_METHODS[] = {
    { "__defineGetter__", proto_define_getter, 2 },
    { "__defineSetter__", proto_define_setter, 2 },
    { "hasOwnProperty", proto_has_own_property, 1 },
    { "__lookupGetter__", proto_lookup_getter, 1 },
    { "__lookupSetter__", proto_lookup_setter, 1 },
    { "isPrototypeOf", proto_is_prototype_of, 1 },
    { "propertyIsEnumerable", proto_property_is_enumerable, 1 },
    { "toString", proto_to_string, 0 },
    { "valueOf", proto_value_of, 0 },
    { "toLocaleString", proto_to_locale_string, 0 },
};

static bool define_methods(VM *vm, Object *target, const MethodEntry *methods, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (!es_define_method(vm, target, methods[i].name, methods[i].function, methods[i].length))
            return false;
    return true;
}

static bool install_statics(VM *vm, Realm *realm, Object *ctor)
{
    (void)realm;
    return define_methods(vm, ctor, STATIC_METHODS, sizeof STATIC_METHODS / sizeof *STATIC_METHODS);
}

bool stdlib_install_object(VM *vm, Realm *realm)
{
    Object *proto = realm->intrinsics[INTRINSIC_ObjectPrototype];
    Object *ctor = es_define_constructor(vm, realm, "Object", object_constructor, 1, proto);
    if (!ctor)
        return false;
    realm->intrinsics[INTRINSIC_Object] = ctor;
    if (!define_methods(vm, proto, PROTOTYPE_METHODS, sizeof PROTOTYPE_METHODS / sizeof *PROTOTYPE_METHODS)
        || !es_define_accessor(vm, proto, es_key(vm, ATOM___proto__), "__proto__", proto_get_proto, proto_set_proto))
        return false;
    Value to_string = es_get(vm, proto, es_key(vm, ATOM_toString));
    if (value_is_exception(to_string))
        return false;
    realm->intrinsics[INTRINSIC_ObjectPrototypeToString] = value_as_object(to_string);
    return realm_defer_holder(vm, realm, ctor, install_statics);   /* made on first use */
}
