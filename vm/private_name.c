/*
 * Private Names and private elements (ES2025 6.2.12, 7.3.31-7.3.35): the
 * operations behind CREATE_PRIVATE_NAME, PRIVATE_GET, PRIVATE_SET,
 * PRIVATE_IN and PRIVATE_DEFINE_*. The representation (private elements as
 * properties keyed by a private symbol) is described in vm/private_name.h.
 */
#include "vm/private_name.h"

#include <stdlib.h>
#include <string.h>

#include "vm/object_internal.h"
#include "vm/string.h"

/* ---- Private Names ---- */

Value private_name_new(VM *vm, String *name, String *class_name, uint32_t kind)
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, name);
    GC_ROOT_CELL(vm->heap, class_name);
    String *hash = NULL, *description = NULL;
    GC_ROOT_CELL(vm->heap, hash);
    GC_ROOT_CELL(vm->heap, description);
    Value result = VALUE_EXCEPTION;
    hash = string_from_cstr(vm, "#");
    description = hash ? string_concat(vm, hash, name) : NULL;
    if (description && string_flatten(vm, description)) {
        PrivateName *p = gc_alloc(vm->heap, sizeof(PrivateName), CELL_TYPE_SYMBOL);
        if (p) {
            p->symbol.cell.flags = SYMBOL_PRIVATE;
            p->symbol.cell.aux = kind;
            p->symbol.description = description;
            p->class_name = class_name;
            result = value_from_symbol(&p->symbol);
        } else {
            vm_throw_out_of_memory(vm);
        }
    }
    GC_SCOPE_END(vm->heap);
    return result;
}

static const PrivateName *private_name_of(Value name) { return (const PrivateName *)value_as_symbol(name); }
static uint32_t private_name_kind(Value name) { return private_name_of(name)->symbol.cell.aux; }

/* A flat string's text for a message: malloc'd, "?" when out of memory. */
static char *text_of(const String *s)
{
    char *text = s ? string_to_utf8(s, NULL) : NULL;
    return text ? text : strdup("?");
}

/* ---- Messages (node 20's words) ---- */

/* The class name for messages: "anonymous" when the class has none. */
static char *class_name_text(const PrivateName *p)
{
    return p->class_name && string_length(p->class_name) ? text_of(p->class_name) : strdup("anonymous");
}

/* A Private Name that the object lacks. Methods and accessors are brand
 * checks: node names the class ("Receiver must be an instance of class A");
 * fields name the member. */
static Value throw_missing(VM *vm, Value name, bool writing)
{
    const PrivateName *p = private_name_of(name);
    uint32_t kind = private_name_kind(name);
    char *text = text_of(p->symbol.description);
    if ((kind & PRIVATE_NAME_KIND_MASK) == PRIVATE_NAME_FIELD) {
        if (writing)
            vm_throw_type_error(vm, "Cannot write private member %s to an object whose class did not declare it", text);
        else
            vm_throw_type_error(vm, "Cannot read private member %s from an object whose class did not declare it", text);
    } else {
        char *class_name = class_name_text(p);
        vm_throw_type_error(vm, "Receiver must be %s %s", kind & PRIVATE_NAME_STATIC ? "class" : "an instance of class",
                            class_name ? class_name : "anonymous");
        free(class_name);
    }
    free(text);
    return VALUE_EXCEPTION;
}

/* o.#x on null or undefined: GetValue's ToObject throws. Node words it as a
 * property access of #x for fields, and of the class's name (a read, even
 * for a write) for instance methods and accessors; static methods and
 * accessors fail their brand check. */
static Value throw_nullish_base(VM *vm, Value base, Value name, bool writing)
{
    const PrivateName *p = private_name_of(name);
    uint32_t kind = private_name_kind(name);
    if ((kind & PRIVATE_NAME_KIND_MASK) != PRIVATE_NAME_FIELD) {
        if (kind & PRIVATE_NAME_STATIC)
            return throw_missing(vm, name, writing);
        writing = false;
    }
    char *text = (kind & PRIVATE_NAME_KIND_MASK) == PRIVATE_NAME_FIELD ? text_of(p->symbol.description)
                                                                     : class_name_text(p);
    vm_throw_type_error(vm, "Cannot %s properties of %s (%s '%s')", writing ? "set" : "read",
                        value_is_null(base) ? "null" : "undefined", writing ? "setting" : "reading",
                        text ? text : "?");
    free(text);
    return VALUE_EXCEPTION;
}

static Value throw_with_name(VM *vm, const char *format, Value name)
{
    char *text = text_of(private_name_of(name)->symbol.description);
    vm_throw_error(vm, ERROR_KIND_TYPE, format, text);
    free(text);
    return VALUE_EXCEPTION;
}

/* The compiler always passes a Private Name; anything else would be a bug
 * of its own, reported as an error rather than a crash. */
static bool check_private_name(VM *vm, Value name)
{
    if (value_is_private_name(name))
        return true;
    vm_throw_type_error(vm, "internal error: not a private name");
    return false;
}

/* ---- PrivateElementFind ---- */

/* ES2025 7.3.31 PrivateElementFind: the object (base as an object, after
 * ToObject) and the element's slot and attributes; NULL when base holds no
 * element for name. */
static Object *private_element_find(Value base, Value name, uint32_t *slot, uint8_t *attributes)
{
    if (!value_is_object(base))
        return NULL;   /* ToObject of a primitive makes a wrapper without private elements */
    Object *o = value_as_object(base);
    return shape_lookup(o->shape, name, slot, attributes) ? o : NULL;
}

/* ---- PrivateGet and PrivateSet ---- */

/* ES2025 7.3.34 PrivateGet(O, P) */
Value private_get(VM *vm, Value base, Value name)
{
    if (!check_private_name(vm, name))
        return VALUE_EXCEPTION;
    if (value_is_nullish(base))
        return throw_nullish_base(vm, base, name, false);
    uint32_t slot;
    uint8_t attributes;
    Object *o = private_element_find(base, name, &slot, &attributes);
    if (!o)
        return throw_missing(vm, name, false);
    if (!(attributes & PROP_ACCESSOR))    /* a field or a method */
        return o->slots[slot];
    Value getter = accessor_pair_from_slot(o->slots[slot])->getter;
    if (value_is_undefined(getter))
        return throw_with_name(vm, "'%s' was defined without a getter", name);
    return object_call(vm, getter, base, 0, NULL);
}

/* ES2025 7.3.35 PrivateSet(O, P, value) */
bool private_set(VM *vm, Value base, Value name, Value value)
{
    if (!check_private_name(vm, name))
        return false;
    if (value_is_nullish(base))
        return !value_is_exception(throw_nullish_base(vm, base, name, true));
    uint32_t slot;
    uint8_t attributes;
    Object *o = private_element_find(base, name, &slot, &attributes);
    if (!o)
        return !value_is_exception(throw_missing(vm, name, true));
    if (attributes & PROP_WRITABLE) {     /* a field */
        o->slots[slot] = value;
        return true;
    }
    if (!(attributes & PROP_ACCESSOR))    /* a method */
        return !value_is_exception(throw_with_name(vm, "Private method '%s' is not writable", name));
    Value setter = accessor_pair_from_slot(o->slots[slot])->setter;
    if (value_is_undefined(setter))
        return !value_is_exception(throw_with_name(vm, "'%s' was defined without a setter", name));
    return !value_is_exception(object_call(vm, setter, base, 1, &value));
}

/* ---- #x in obj ---- */

/* The right operand of a failed `#x in v` as node shows it. */
static char *operand_text(VM *vm, Value v)
{
    char buf[64];
    if (value_is_number(v)) {
        number_format(value_as_number(v), buf);
        return strdup(buf);
    }
    if (value_is_string(v)) {
        String *s = value_as_string(v);
        return string_flatten(vm, s) ? text_of(s) : NULL;
    }
    if (value_is_symbol(v)) {
        char *description = text_of(value_as_symbol(v)->description);
        char *text = malloc(strlen(description) + 9);
        if (text)
            sprintf(text, "Symbol(%s)", value_as_symbol(v)->description ? description : "");
        free(description);
        return text;
    }
    if (value_is_boolean(v))
        return strdup(value_as_boolean(v) ? "true" : "false");
    return strdup(value_is_null(v) ? "null" : value_is_undefined(v) ? "undefined" : "?");
}

/* ES2025 13.10.1 RelationalExpression : PrivateIdentifier in ShiftExpression
 * (steps 4-6: a TypeError for a non-object, then PrivateElementFind). */
Value private_in(VM *vm, Value name, Value target)
{
    if (!check_private_name(vm, name))
        return VALUE_EXCEPTION;
    if (!value_is_object(target)) {
        char *operand = operand_text(vm, target);
        char *text = text_of(private_name_of(name)->symbol.description);
        vm_throw_type_error(vm, "Cannot use 'in' operator to search for '%s' in %s", text, operand ? operand : "?");
        free(text);
        free(operand);
        return VALUE_EXCEPTION;
    }
    uint32_t slot;
    uint8_t attributes;
    return value_from_boolean(private_element_find(target, name, &slot, &attributes) != NULL);
}

/* ---- Adding elements ---- */

/* Appends an element to O.[[PrivateElements]]: a property keyed by the
 * Private Name, added whatever O's [[Extensible]] and class are. */
static bool private_element_append(VM *vm, Object *o, Value name, const PropertyDescriptor *desc)
{
    return ordinary_add_named(vm, o, name, desc);
}

/* Steps 1-4 of PrivateFieldAdd and PrivateMethodOrAccessorAdd: the target
 * (always an object: the compiler adds elements to `this` or to the class),
 * or NULL after throwing when it already has the element. */
static Object *private_add_target(VM *vm, Value target, Value name)
{
    if (!check_private_name(vm, name))
        return NULL;
    if (!value_is_object(target)) {
        vm_throw_type_error(vm, "internal error: private element added to a primitive");
        return NULL;
    }
    uint32_t slot;
    uint8_t attributes;
    if (!private_element_find(target, name, &slot, &attributes))
        return value_as_object(target);
    const PrivateName *p = private_name_of(name);
    if ((private_name_kind(name) & PRIVATE_NAME_KIND_MASK) == PRIVATE_NAME_FIELD) {
        throw_with_name(vm, "Cannot initialize %s twice on the same object", name);
    } else {
        char *class_name = class_name_text(p);
        vm_throw_type_error(vm, "Cannot initialize private methods of class %s twice on the same object",
                            class_name ? class_name : "anonymous");
        free(class_name);
    }
    return NULL;
}

/* ES2025 7.3.32 PrivateFieldAdd(O, P, value) */
bool private_field_add(VM *vm, Value target, Value name, Value value)
{
    Object *o = private_add_target(vm, target, name);
    PropertyDescriptor desc = { .has = DESC_HAS_VALUE | DESC_HAS_WRITABLE | DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE,
                                .attributes = PROP_WRITABLE, .value = value,
                                .getter = VALUE_UNDEFINED, .setter = VALUE_UNDEFINED };
    return o && private_element_append(vm, o, name, &desc);
}

/* ES2025 7.3.33 PrivateMethodOrAccessorAdd(O, method) for a method */
bool private_method_add(VM *vm, Value target, Value name, Value method)
{
    Object *o = private_add_target(vm, target, name);
    PropertyDescriptor desc = { .has = DESC_HAS_VALUE | DESC_HAS_WRITABLE | DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE,
                                .attributes = 0, .value = method,
                                .getter = VALUE_UNDEFINED, .setter = VALUE_UNDEFINED };
    return o && private_element_append(vm, o, name, &desc);
}

/* ES2025 7.3.33 PrivateMethodOrAccessorAdd(O, method) for an accessor */
bool private_accessor_add(VM *vm, Value target, Value name, Value getter, Value setter)
{
    Object *o = private_add_target(vm, target, name);
    PropertyDescriptor desc = { .has = DESC_HAS_GET | DESC_HAS_SET | DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE,
                                .attributes = 0, .value = VALUE_UNDEFINED,
                                .getter = getter, .setter = setter };
    return o && private_element_append(vm, o, name, &desc);
}
