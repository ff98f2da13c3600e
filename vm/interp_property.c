/*
 * The property instructions' slow paths: reads and writes with any base
 * value (ES2025 6.2.5.5 GetValue, 6.2.5.6 PutValue), delete, super
 * references, the definitions of object literals and classes, array
 * literals and spreads, arguments objects, rest parameters and template
 * objects.
 */
#include <stdio.h>
#include <stdlib.h>

#include "vm/atom.h"
#include "vm/interp_ops.h"
#include "vm/lazy_holder.h"
#include "vm/object_internal.h"
#include "vm/operators.h"
#include "vm/symbol.h"

char *interp_key_text(VM *vm, Value key)
{
    char buf[32];
    uint32_t index;
    if (property_key_is_index(key, &index)) {
        snprintf(buf, sizeof buf, "%u", index);
        return strdup(buf);
    }
    if (value_is_number(key)) {
        number_format(value_as_number(key), buf);
        return strdup(buf);
    }
    String *s = NULL;
    if (value_is_string(key))
        s = value_as_string(key);
    else if (value_is_symbol(key))
        s = value_as_symbol(key)->description;
    if (!s || !string_flatten(vm, s))
        return strdup(value_is_symbol(key) ? "Symbol()" : "?");
    char *text = string_to_utf8(s, NULL);
    if (value_is_symbol(key) && text) {
        char *wrapped = malloc(strlen(text) + 9);
        if (wrapped)
            sprintf(wrapped, "Symbol(%s)", text);
        free(text);
        return wrapped;
    }
    return text;
}

static Value throw_nullish_base(VM *vm, Value base, Value key, const char *verb, const char *gerund)
{
    char *text = interp_key_text(vm, key);
    Value error = vm_throw_type_error(vm, "Cannot %s properties of %s (%s '%s')", verb,
                                      value_is_null(base) ? "null" : "undefined", gerund, text ? text : "?");
    free(text);
    return error;
}

/* ---- Reads ---- */

Value interp_get_property(VM *vm, Value base, PropertyKey key, InlineCache *cache)
{
    if (value_is_object(base))
        return cache ? object_get_named_cached(vm, value_as_object(base), key, base, cache)
                     : object_get(vm, value_as_object(base), key, base);
    if (value_is_nullish(base))
        return throw_nullish_base(vm, base, key, "read", "reading");
    return value_get_property(vm, base, key);
}

Value interp_get_keyed(VM *vm, Value base, Value key_value)
{
    if (value_is_nullish(base))
        return throw_nullish_base(vm, base, key_value, "read", "reading");
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, base);
    Value key = value_to_property_key(vm, key_value);
    Value result = value_is_exception(key) ? key : interp_get_property(vm, base, key, NULL);
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ---- Writes ---- */

/* How V8 names the receiver in "Cannot assign to read only property":
 * '[object Array]' for arrays, '#<Object>' or '#<Function>' otherwise. */
static const char *receiver_description(Value base)
{
    if (object_kind(value_as_object(base)) == &array_object_class)
        return "[object Array]";
    return value_is_callable(base) ? "#<Function>" : "#<Object>";
}

/* The TypeError of a failed [[Set]] in strict code, in V8's words; used by
 * the interpreter and by built-ins (Set(O, P, V, true)). Returns false. */
bool vm_throw_set_failure(VM *vm, Value base, PropertyKey key)
{
    char *text = interp_key_text(vm, key);
    if (!value_is_object(base)) {
        String *s = value_to_string(vm, base);
        char *shown = s && string_flatten(vm, s) ? string_to_utf8(s, NULL) : NULL;
        String *type = value_as_string(operator_typeof(vm, base));
        char *type_text = string_to_utf8(type, NULL);
        vm_throw_type_error(vm, "Cannot create property '%s' on %s '%s'", text ? text : "?",
                            type_text ? type_text : "", shown ? shown : "");
        free(type_text);
        free(shown);
    } else {
        PropertyDescriptor desc;
        int found = object_get_own_property(vm, value_as_object(base), key, &desc);
        if (found == 0 && object_is_extensible(vm, value_as_object(base)) == 0)
            vm_throw_type_error(vm, "Cannot add property %s, object is not extensible", text ? text : "?");
        else if (found >= 0)
            vm_throw_type_error(vm, "Cannot assign to read only property '%s' of %s '%s'", text ? text : "?",
                                value_is_callable(base) ? "function" : "object", receiver_description(base));
    }
    free(text);
    return false;
}

bool interp_set_property(VM *vm, Value base, PropertyKey key, Value value, bool strict, InlineCache *cache)
{
    int done;
    if (value_is_object(base)) {
        Object *o = value_as_object(base);
        done = cache ? object_set_named_cached(vm, o, key, value, base, cache) : object_set(vm, o, key, value, base);
    } else if (value_is_nullish(base)) {
        throw_nullish_base(vm, base, key, "set", "setting");
        return false;
    } else {
        /* PutValue on a primitive: [[Set]] on its prototype with the primitive as receiver */
        Object *prototype = primitive_prototype(vm, base);
        done = prototype ? object_set(vm, prototype, key, value, base) : 0;
    }
    if (done < 0)
        return false;
    if (!done && strict)
        return vm_throw_set_failure(vm, base, key);
    return true;
}

bool interp_set_keyed(VM *vm, Value base, Value key_value, Value value, bool strict)
{
    if (value_is_nullish(base)) {
        throw_nullish_base(vm, base, key_value, "set", "setting");
        return false;
    }
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, base);
    GC_ROOT(vm->heap, value);
    Value key = value_to_property_key(vm, key_value);
    bool ok = !value_is_exception(key) && interp_set_property(vm, base, key, value, strict, NULL);
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* ES2025 13.5.1.2 delete UnaryExpression */
Value interp_delete_keyed(VM *vm, Value base, Value key_value, bool strict)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, base);
    GC_ROOT(vm->heap, key_value);
    Value result = VALUE_EXCEPTION;
    Object *o = value_to_object(vm, base);
    if (!o)
        goto done;
    base = value_from_object(o);
    Value key = value_to_property_key(vm, key_value);
    if (value_is_exception(key))
        goto done;
    int deleted = object_delete(vm, o, key);
    if (deleted < 0)
        goto done;
    if (!deleted && strict) {
        char *text = interp_key_text(vm, key);
        vm_throw_type_error(vm, "Cannot delete property '%s' of %s", text ? text : "?", receiver_description(base));
        free(text);
        goto done;
    }
    result = value_from_boolean(deleted);
done:
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ---- super (ES2025 13.3.7) ---- */

/* GetSuperBase: the home object's [[Prototype]]. */
static Value super_base(VM *vm, Frame *frame)
{
    Object *home = frame->callee && object_is_closure(frame->callee) ? ((Closure *)frame->callee)->home_object : NULL;
    if (!home)
        return vm_throw_error(vm, ERROR_KIND_SYNTAX, "'super' keyword unexpected here");
    return object_get_prototype_of(vm, home);
}

Value interp_get_super(VM *vm, Frame *frame, Value key_value, Value this_value)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, key_value);
    Value result = VALUE_EXCEPTION;
    Value key = value_to_property_key(vm, key_value);
    GC_ROOT(vm->heap, key);
    if (value_is_exception(key))
        goto done;
    Value base = super_base(vm, frame);
    if (value_is_exception(base))
        goto done;
    if (!value_is_object(base)) {
        throw_nullish_base(vm, base, key, "read", "reading");
        goto done;
    }
    result = object_get(vm, value_as_object(base), key, this_value);
done:
    GC_SCOPE_END(vm->heap);
    return result;
}

bool interp_set_super(VM *vm, Frame *frame, Value key_value, Value value, Value this_value)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, key_value);
    bool ok = false;
    Value key = value_to_property_key(vm, key_value);
    GC_ROOT(vm->heap, key);
    if (value_is_exception(key))
        goto done;
    Value base = super_base(vm, frame);
    if (value_is_exception(base))
        goto done;
    if (!value_is_object(base)) {
        throw_nullish_base(vm, base, key, "set", "setting");
        goto done;
    }
    int done = object_set(vm, value_as_object(base), key, value, this_value);
    if (done < 0)
        goto done;
    ok = done || !(frame->code->flags & CODE_STRICT) || vm_throw_set_failure(vm, this_value, key);
done:
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* ---- Definitions ---- */

void interp_set_home_object(Value function, Value home)
{
    if (value_is_object(function) && object_is_closure(value_as_object(function)) && value_is_object(home))
        ((Closure *)value_as_object(function))->home_object = value_as_object(home);
}

bool interp_define(VM *vm, Value target, Value key_value, Value value, DefineKind kind)
{
    if (!value_is_object(target))
        return !value_is_exception(vm_throw_type_error(vm, "cannot define a property on a primitive"));
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, value);
    Object *o = value_as_object(target);
    bool ok = false;
    Value key = value_to_property_key(vm, key_value);
    if (value_is_exception(key))
        goto done;
    PropertyDescriptor desc = { .value = VALUE_UNDEFINED, .getter = VALUE_UNDEFINED, .setter = VALUE_UNDEFINED };
    bool method = kind >= DEFINE_KIND_METHOD;
    desc.has = DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE;
    desc.attributes = PROP_CONFIGURABLE | (method ? 0 : PROP_ENUMERABLE);
    switch (kind) {
    case DEFINE_KIND_FIELD: {
        int created = object_create_data_property(vm, o, key, value);
        if (created == 0) {
            char *text = interp_key_text(vm, key);
            vm_throw_type_error(vm, "Cannot redefine property: %s", text ? text : "?");
            free(text);
        }
        ok = created > 0;
        goto done;
    }
    case DEFINE_KIND_METHOD:
        desc.has |= DESC_HAS_VALUE | DESC_HAS_WRITABLE;
        desc.attributes |= PROP_WRITABLE;
        desc.value = value;
        break;
    case DEFINE_KIND_GETTER:
    case DEFINE_KIND_METHOD_GETTER:
        desc.has |= DESC_HAS_GET;
        desc.getter = value;
        break;
    case DEFINE_KIND_SETTER:
    case DEFINE_KIND_METHOD_SETTER:
        desc.has |= DESC_HAS_SET;
        desc.setter = value;
        break;
    }
    if (method)
        interp_set_home_object(value, target);
    int defined = object_define_own_property(vm, o, key, &desc);
    if (defined == 0) {
        char *text = interp_key_text(vm, key);
        vm_throw_type_error(vm, "Cannot redefine property: %s", text ? text : "?");
        free(text);
    }
    ok = defined > 0;
done:
    GC_SCOPE_END(vm->heap);
    return ok;
}

static bool key_is_excluded(VM *vm, Value key, const Value *excluded, uint32_t count)
{
    for (uint32_t i = 0; i < count; i++) {
        if (value_same_value(vm, key, excluded[i]) == 1)
            return true;
    }
    return false;
}

/* ES2025 7.3.25 CopyDataProperties */
bool interp_copy_data_properties(VM *vm, Value target, Value source, const Value *excluded, uint32_t excluded_count)
{
    if (value_is_nullish(source))
        return true;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, source);
    bool ok = false;
    KeyList keys;
    key_list_init(vm, &keys);
    Object *from = value_to_object(vm, source);
    if (!from)
        goto done;
    source = value_from_object(from);
    if (!object_own_property_keys(vm, from, &keys))
        goto done;
    for (uint32_t i = 0; i < keys.count; i++) {
        Value key = keys.keys[i];
        if (key_is_excluded(vm, key, excluded, excluded_count))
            continue;
        PropertyDescriptor desc;
        int found = object_get_own_property(vm, from, key, &desc);
        if (found < 0)
            goto done;
        if (!found || !(desc.attributes & PROP_ENUMERABLE))
            continue;
        Value value = object_get(vm, from, key, source);
        if (value_is_exception(value) ||
            object_create_data_property(vm, value_as_object(target), keys.keys[i], value) < 0)
            goto done;
    }
    ok = true;
done:
    key_list_free(vm, &keys);
    GC_SCOPE_END(vm->heap);
    return ok;
}

bool interp_set_prototype_literal(VM *vm, Value target, Value prototype)
{
    if (!value_is_object(prototype) && !value_is_null(prototype))
        return true;
    return object_set_prototype_of(vm, value_as_object(target), prototype) >= 0;
}

/* ---- Arrays ---- */

Value interp_create_array(VM *vm, const Value *values, uint32_t count)
{
    Object *array = array_new(vm, realm_intrinsic(vm, INTRINSIC_ArrayPrototype), count);
    if (!array)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, array);
    bool ok = true;
    for (uint32_t i = 0; i < count && ok; i++) {
        if (!value_is_hole(values[i]))
            ok = object_create_data_property(vm, array, property_key_from_index(vm, i), values[i]) >= 0;
    }
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(array) : VALUE_EXCEPTION;
}

bool interp_array_push(VM *vm, Value array, Value value)
{
    Object *a = value_as_object(array);
    uint32_t length = array_length(a);
    return object_create_data_property(vm, a, property_key_from_index(vm, length), value) >= 0;
}

bool interp_array_spread(VM *vm, Value array, Value iterable)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, array);
    Value record[2] = { VALUE_UNDEFINED, VALUE_UNDEFINED };
    GC_ROOT(vm->heap, record[0]);
    GC_ROOT(vm->heap, record[1]);
    bool ok = interp_get_iterator(vm, iterable, false, record);
    while (ok) {
        Value value = interp_iterator_next(vm, record);
        if (value_is_exception(value))
            ok = false;
        else if (value_is_hole(value))
            break;
        else
            ok = interp_array_push(vm, array, value);
    }
    GC_SCOPE_END(vm->heap);
    return ok;
}

Value *interp_spread_arguments(VM *vm, Value array, uint32_t *argc)
{
    Interpreter *in = vm->interp;
    Object *a = value_as_object(array);
    uint32_t count = array_length(a);
    if ((size_t)(in->stack_end - in->stack_top) < count) {
        interp_throw_stack_overflow(vm);
        return NULL;
    }
    Value *args = in->stack_top;
    for (uint32_t i = 0; i < count; i++)
        args[i] = VALUE_UNDEFINED;
    in->stack_top += count;
    for (uint32_t i = 0; i < count; i++) {
        Value element = elements_dense_get(a, i);
        if (value_is_hole(element)) {
            element = object_get(vm, a, property_key_from_index(vm, i), array);
            if (value_is_exception(element))
                return NULL;
        }
        args[i] = element;
    }
    *argc = count;
    return args;
}

/* ---- Arguments ---- */

Value interp_frame_argument(const Frame *frame, uint32_t i)
{
    if (i >= frame->argc)
        return VALUE_UNDEFINED;
    uint32_t formals = frame->code->formal_count;
    return i < formals ? frame->registers[i] : frame->registers[frame->code->register_count + (i - formals)];
}

/* Arguments objects: ordinary internal methods, [[ParameterMap]] not yet;
 * the class name gives Object.prototype.toString its "Arguments" tag. */
static const ObjectClass arguments_object_class = {
    .name = "Arguments",
    ORDINARY_INTERNAL_METHODS,
};

/* ES2025 10.4.4.6 CreateUnmappedArgumentsObject (mapped arguments objects
 * are not made yet: sloppy functions get an unmapped one too). */
Value interp_create_arguments(VM *vm, Frame *frame)
{
    Object *arguments = object_new(vm, &arguments_object_class, sizeof(Object),
                                   realm_intrinsic(vm, INTRINSIC_ObjectPrototype));
    if (!arguments)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, arguments);
    bool ok = object_define_data_property(vm, arguments, value_from_string(vm_atom(vm, ATOM_length)),
                                          value_from_int32((int32_t)frame->argc), PROP_WRITABLE | PROP_CONFIGURABLE);
    for (uint32_t i = 0; ok && i < frame->argc; i++)
        ok = object_create_data_property(vm, arguments, property_key_from_index(vm, i),
                                         interp_frame_argument(frame, i)) > 0;
    if (ok && !(frame->code->flags & CODE_STRICT) && frame->callee)
        ok = object_define_data_property(vm, arguments, value_from_string(vm_atom(vm, ATOM_callee)),
                                         value_from_object(frame->callee), PROP_WRITABLE | PROP_CONFIGURABLE);
    /* @@iterator = %Array.prototype.values% (ES2025 10.4.4.6 step 8) */
    Value iterator_key = operators_well_known_key(vm, WELL_KNOWN_KEY_ITERATOR);
    Object *values = ok ? realm_intrinsic_of_holder(vm, INTRINSIC_ArrayPrototypeValues, INTRINSIC_ArrayPrototype)
                        : NULL;
    ok = ok && (values || !vm->has_exception);
    if (ok && !value_is_undefined(iterator_key) && values)
        ok = object_define_data_property(vm, arguments, iterator_key, value_from_object(values),
                                         PROP_WRITABLE | PROP_CONFIGURABLE);
    /* CreateUnmappedArgumentsObject step 8: a strict function's callee is an
     * accessor that throws (nodus makes no mapped arguments objects yet, so
     * a sloppy function's callee is the data property above) */
    Object *thrower = realm_intrinsic(vm, INTRINSIC_ThrowTypeError);
    if (ok && (frame->code->flags & CODE_STRICT) && thrower)
        ok = object_define_accessor_property(vm, arguments, value_from_string(vm_atom(vm, ATOM_callee)),
                                             value_from_object(thrower), value_from_object(thrower), 0);
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(arguments) : VALUE_EXCEPTION;
}

Value interp_create_rest(VM *vm, Frame *frame, uint32_t from)
{
    uint32_t count = frame->argc > from ? frame->argc - from : 0;
    Object *array = array_new(vm, realm_intrinsic(vm, INTRINSIC_ArrayPrototype), count);
    if (!array)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, array);
    bool ok = true;
    for (uint32_t i = 0; ok && i < count; i++)
        ok = object_create_data_property(vm, array, property_key_from_index(vm, i),
                                         interp_frame_argument(frame, from + i)) > 0;
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(array) : VALUE_EXCEPTION;
}

/* ---- Template objects (ES2025 13.2.8.4 GetTemplateObject) ----
 * constants[c] is, until first use, an Array of the site's cooked strings
 * (undefined for an invalid escape) followed by its raw strings; the first
 * use replaces it by the frozen template object, which has a "raw" own
 * property (so the two are told apart). */
Value interp_get_template_object(VM *vm, FunctionCode *code, uint32_t constant)
{
    Value site = code->constants[constant];
    Object *strings = value_as_object(site);
    String *raw_name = atom_from_cstr(vm, "raw");
    if (!raw_name)
        return VALUE_EXCEPTION;
    uint32_t slot;
    uint8_t attributes;
    if (shape_lookup(strings->shape, value_from_string(raw_name), &slot, &attributes))
        return site;
    uint32_t count = array_length(strings) / 2;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, code);
    GC_ROOT_CELL(vm->heap, raw_name);
    Value result = VALUE_EXCEPTION;
    Object *template = array_new(vm, realm_intrinsic(vm, INTRINSIC_ArrayPrototype), count);
    GC_ROOT_CELL(vm->heap, template);
    Object *raw = template ? array_new(vm, realm_intrinsic(vm, INTRINSIC_ArrayPrototype), count) : NULL;
    GC_ROOT_CELL(vm->heap, raw);
    if (!raw)
        goto done;
    strings = value_as_object(code->constants[constant]);
    for (uint32_t i = 0; i < count; i++) {
        if (!object_define_data_property(vm, template, property_key_from_index(vm, i), strings->elements[i],
                                         PROP_ENUMERABLE) ||
            !object_define_data_property(vm, raw, property_key_from_index(vm, i), strings->elements[count + i],
                                         PROP_ENUMERABLE))
            goto done;
    }
    if (object_set_integrity_level(vm, raw, true) < 0 ||
        !object_define_data_property(vm, template, value_from_string(raw_name), value_from_object(raw), 0) ||
        object_set_integrity_level(vm, template, true) < 0)
        goto done;
    code->constants[constant] = result = value_from_object(template);
done:
    GC_SCOPE_END(vm->heap);
    return result;
}
