/*
 * Describing a thrown value through data properties only (see thrown.h).
 */
#include "tools/test262/thrown.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/atom.h"
#include "vm/function.h"
#include "vm/object.h"
#include "vm/string.h"

/* Prototype chains are short; a bound guards against a pathological one. */
enum { MAX_PROTOTYPE_DEPTH = 64 };

/* A Proxy's internal methods call its handler's traps, i.e. JavaScript. */
static bool runs_no_user_code(const Object *o)
{
    return strcmp(o->class_->name, "Proxy") != 0;
}

/*
 * [[Get]] restricted to data properties: looks key up on o and its
 * prototypes. True with *value set when found as a data property; false when
 * absent, an accessor, behind a Proxy, or an internal method threw (the
 * exception is dropped: describing must not throw).
 */
static bool find_data_property(VM *vm, Object *o, AtomId key_id, Value *value)
{
    PropertyKey key = value_from_string(vm_atom(vm, key_id));
    for (int depth = 0; o && depth < MAX_PROTOTYPE_DEPTH; depth++) {
        if (!runs_no_user_code(o))
            return false;
        PropertyDescriptor desc;
        int found = object_get_own_property(vm, o, key, &desc);
        if (found < 0) {
            vm_take_exception(vm);
            return false;
        }
        if (found) {
            *value = desc.value;
            return (desc.has & DESC_HAS_VALUE) != 0;
        }
        Value prototype = object_get_prototype_of(vm, o);
        if (value_is_exception(prototype)) {
            vm_take_exception(vm);
            return false;
        }
        o = value_is_object(prototype) ? value_as_object(prototype) : NULL;
    }
    return false;
}

/* Copies a String value as UTF-8, on one line (newlines become spaces). */
static bool copy_string(VM *vm, Value value, char *out, size_t size)
{
    if (!value_is_string(value) || size == 0)
        return false;
    String *s = value_as_string(value);
    if (!string_flatten(vm, s)) {
        vm_take_exception(vm);
        return false;
    }
    size_t length;
    char *utf8 = string_to_utf8(s, &length);
    if (!utf8)
        return false;
    snprintf(out, size, "%s", utf8);
    free(utf8);
    for (char *c = out; *c; c++) {
        if (*c == '\n' || *c == '\r' || *c == '\t')
            *c = ' ';
    }
    return true;
}

/* o[key_id] as a string, if it is a string data property. */
static bool read_string_property(VM *vm, Object *o, AtomId key_id, char *out, size_t size)
{
    GC_SCOPE(vm->heap);
    Value value = VALUE_UNDEFINED;
    GC_ROOT(vm->heap, value);
    bool ok = find_data_property(vm, o, key_id, &value) && copy_string(vm, value, out, size);
    GC_SCOPE_END(vm->heap);
    return ok;
}

bool thrown_constructor_name(VM *vm, Value thrown, char *name, size_t size)
{
    if (size > 0)
        name[0] = '\0';
    if (!value_is_object(thrown))
        return false;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, thrown);
    Value constructor = VALUE_UNDEFINED;
    GC_ROOT(vm->heap, constructor);
    bool ok = find_data_property(vm, value_as_object(thrown), ATOM_constructor, &constructor) &&
              value_is_object(constructor) &&
              read_string_property(vm, value_as_object(constructor), ATOM_name, name, size);
    GC_SCOPE_END(vm->heap);
    if (!ok && size > 0)
        name[0] = '\0';
    return ok;
}

static void describe_object(VM *vm, Object *o, char *out, size_t size)
{
    char name[128] = "", message[400] = "";
    if (!read_string_property(vm, o, ATOM_name, name, sizeof name) || name[0] == '\0') {
        /* Test262Error has no name property: its constructor's name serves. */
        if (!thrown_constructor_name(vm, value_from_object(o), name, sizeof name))
            snprintf(name, sizeof name, "uncaught %s object", o->class_->name);
    }
    read_string_property(vm, o, ATOM_message, message, sizeof message);
    if (message[0])
        snprintf(out, size, "%s: %s", name, message);
    else
        snprintf(out, size, "%s", name);
}

static void describe_primitive(VM *vm, Value thrown, char *out, size_t size)
{
    char text[400];
    if (value_is_string(thrown) && copy_string(vm, thrown, text, sizeof text)) {
        snprintf(out, size, "uncaught '%s'", text);
    } else if (value_is_number(thrown)) {
        number_format(value_as_number(thrown), text);
        snprintf(out, size, "uncaught %s", text);
    } else {
        const char *what = value_is_undefined(thrown) ? "undefined"
                           : value_is_null(thrown)    ? "null"
                           : thrown == VALUE_TRUE     ? "true"
                           : thrown == VALUE_FALSE    ? "false"
                           : value_is_symbol(thrown)  ? "a Symbol"
                           : value_is_bigint(thrown)  ? "a BigInt"
                                                      : "a value of an unknown type";
        snprintf(out, size, "uncaught %s", what);
    }
}

bool thrown_site(VM *vm, Value thrown, char *source_name, size_t name_size, uint32_t *line, uint32_t *column)
{
    ThrowSite site;
    if (!vm_exception_site(vm, thrown, &site) || !site.source_name)
        return false;
    *line = site.line;
    *column = site.column;
    return copy_string(vm, value_from_string(site.source_name), source_name, name_size);
}

void thrown_describe(VM *vm, Value thrown, char *out, size_t size)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, thrown);
    if (value_is_object(thrown))
        describe_object(vm, value_as_object(thrown), out, size);
    else
        describe_primitive(vm, thrown, out, size);
    GC_SCOPE_END(vm->heap);
}
