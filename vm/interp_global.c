/*
 * Global bindings (ES2025 9.1.1.4 Global Environment Records): the
 * declarative part (top-level let, const and class of scripts) lives in
 * realm->global_lexicals, an internal object whose properties are the
 * bindings (the hole while in TDZ; not writable for const); the object part
 * is the global object.
 *
 * DECLARE_GLOBALS's constant (16.1.7 GlobalDeclarationInstantiation) is an
 * Array of pairs [name, kind, name, kind, ...]: name an atom, kind an int32
 * (GLOBAL_DECLARATION_* below). Functions are declared
 * with the value undefined; the compiler stores their closures right after.
 *
 * Global sites cache where they found a binding: the holder object, its
 * shape and the slot, and vm->shape_epoch at that time (InlineCache fields,
 * in a format of their own: these caches are never passed to
 * object_get_named_cached). Both holders are flagged OBJECT_IS_PROTOTYPE so
 * that any structural change to them (a binding added, deleted or
 * reconfigured; a dictionary compacted) bumps the epoch and so drops every
 * global cache: a new `let` that shadows a global object property, or a
 * deleted global, is then seen. Plain value writes keep entries valid, as
 * the hit reads the slot.
 */
#include <stdlib.h>

#include "vm/atom.h"
#include "vm/interp_ops.h"
#include "vm/object_internal.h"

enum {
    GLOBAL_DECLARATION_VAR = 0,
    GLOBAL_DECLARATION_FUNCTION = 1,
    GLOBAL_DECLARATION_LET = 2,
    GLOBAL_DECLARATION_CONST = 3,
    GLOBAL_DECLARATION_CLASS = 4,
    GLOBAL_DECLARATION_EVAL_VAR = 5,        /* eval code: deletable bindings */
    GLOBAL_DECLARATION_EVAL_FUNCTION = 6,
};

static bool is_eval_kind(int32_t kind)
{
    return kind >= GLOBAL_DECLARATION_EVAL_VAR;
}

static Value throw_named(VM *vm, ErrorKind kind, const char *format, String *name)
{
    char *text = interp_key_text(vm, value_from_string(name));
    Value error = vm_throw_error(vm, kind, format, text ? text : "?");
    free(text);
    return error;
}

/* Remembers that name is the own data property at slot of holder. */
static void cache_fill(VM *vm, InlineCache *cache, Object *holder, uint32_t slot, uint8_t attributes)
{
    if (!cache || (attributes & PROP_ACCESSOR))
        return;
    cache->holder = holder;
    cache->shape = holder->shape;
    cache->slot = slot;
    cache->epoch = vm->shape_epoch;
    cache->new_shape = NULL;
    cache->kind = (attributes & PROP_WRITABLE) ? GLOBAL_CACHE_WRITABLE : GLOBAL_CACHE_READ_ONLY;
}

/* An own data property of the global object, cached. */
static void cache_global_object(VM *vm, InlineCache *cache, Object *global, String *name)
{
    uint32_t slot;
    uint8_t attributes;
    if (global->class_ == &ordinary_object_class && shape_lookup(global->shape, value_from_string(name), &slot, &attributes))
        cache_fill(vm, cache, global, slot, attributes);
}

/* The slot of a lexical binding, or false. */
static bool find_lexical(Realm *realm, String *name, uint32_t *slot, uint8_t *attributes)
{
    return shape_lookup(realm->global_lexicals->shape, value_from_string(name), slot, attributes);
}

Value interp_load_global(VM *vm, String *name, InlineCache *cache, bool or_undefined)
{
    Realm *realm = vm->realm;
    uint32_t slot;
    uint8_t attributes;
    if (find_lexical(realm, name, &slot, &attributes)) {
        Value value = realm->global_lexicals->slots[slot];
        if (value_is_hole(value))
            return throw_named(vm, ERROR_KIND_REFERENCE, "Cannot access '%s' before initialization", name);
        cache_fill(vm, cache, realm->global_lexicals, slot, attributes);
        return value;
    }
    Object *global = realm->global_object;
    Value value = object_get(vm, global, value_from_string(name), value_from_object(global));
    if (value_is_exception(value))
        return value;
    if (!value_is_undefined(value)) {
        cache_global_object(vm, cache, global, name);
        return value;
    }
    int has = object_has_property(vm, global, value_from_string(name));
    if (has < 0)
        return VALUE_EXCEPTION;
    if (!has && !or_undefined)
        return throw_named(vm, ERROR_KIND_REFERENCE, "%s is not defined", name);
    return VALUE_UNDEFINED;
}

bool interp_store_global(VM *vm, String *name, Value value, bool strict, InlineCache *cache)
{
    Realm *realm = vm->realm;
    uint32_t slot;
    uint8_t attributes;
    if (find_lexical(realm, name, &slot, &attributes)) {
        if (value_is_hole(realm->global_lexicals->slots[slot]))
            return !throw_named(vm, ERROR_KIND_REFERENCE, "Cannot access '%s' before initialization", name);
        if (!(attributes & PROP_WRITABLE))
            return !vm_throw_type_error(vm, "Assignment to constant variable.");
        realm->global_lexicals->slots[slot] = value;
        cache_fill(vm, cache, realm->global_lexicals, slot, attributes);
        return true;
    }
    Object *global = realm->global_object;
    Value key = value_from_string(name);
    if (strict) {
        GC_SCOPE(vm->heap);
        GC_ROOT(vm->heap, value);
        int has = object_has_property(vm, global, key);
        GC_SCOPE_END(vm->heap);
        if (has <= 0)
            return has == 0 ? !throw_named(vm, ERROR_KIND_REFERENCE, "%s is not defined", name) : false;
    }
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, name);
    bool ok = interp_set_property(vm, value_from_object(global), key, value, strict, NULL);
    if (ok)
        cache_global_object(vm, cache, global, name);
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* HasRestrictedGlobalProperty (ES2025 9.1.1.4.14): an own non-configurable
 * property. Declared vars are non-configurable, so this also answers
 * HasVarDeclaration. 1, 0, -1. */
static int has_restricted_global_property(VM *vm, Object *global, Value key)
{
    PropertyDescriptor desc;
    int found = object_get_own_property(vm, global, key, &desc);
    return found <= 0 ? found : !(desc.attributes & PROP_CONFIGURABLE);
}

/* The checks of GlobalDeclarationInstantiation steps 3-4 for one name. */
static bool check_declaration(VM *vm, Realm *realm, int32_t kind, String *name)
{
    uint32_t slot;
    uint8_t attributes;
    Value key = value_from_string(name);
    if (find_lexical(realm, name, &slot, &attributes))
        return !throw_named(vm, ERROR_KIND_SYNTAX, "Identifier '%s' has already been declared", name);
    if (kind >= GLOBAL_DECLARATION_LET && !is_eval_kind(kind)) {
        int restricted = has_restricted_global_property(vm, realm->global_object, key);
        if (restricted != 0)
            return restricted < 0 ? false : !throw_named(vm, ERROR_KIND_SYNTAX,
                                                         "Identifier '%s' has already been declared", name);
    }
    return true;
}

/* CanDeclareGlobalFunction / CanDeclareGlobalVar (ES2025 9.1.1.4.15-16),
 * for eval code (19.2.1.3 steps 8.a.iv.2 and 10.a.i.2.a): TypeError when
 * the binding cannot be made. */
static bool check_eval_declaration(VM *vm, Object *global, int32_t kind, String *name)
{
    Value key = value_from_string(name);
    PropertyDescriptor existing;
    int found = object_get_own_property(vm, global, key, &existing);
    if (found < 0)
        return false;
    bool can;
    if (!found) {
        int extensible = object_is_extensible(vm, global);
        if (extensible < 0)
            return false;
        can = extensible;
    } else if (kind == GLOBAL_DECLARATION_EVAL_VAR || (existing.attributes & PROP_CONFIGURABLE)) {
        can = true;
    } else {
        can = !(existing.attributes & PROP_ACCESSOR) && (existing.attributes & PROP_WRITABLE) &&
              (existing.attributes & PROP_ENUMERABLE);
    }
    if (!can)
        return !throw_named(vm, ERROR_KIND_TYPE, "Cannot redefine property: %s", name);
    return true;
}

/* CreateGlobalFunctionBinding / CreateGlobalVarBinding with D = true
 * (ES2025 9.1.1.4.17-18) for eval code, with the value undefined (the
 * compiler stores the function objects afterwards). */
static bool declare_eval_var(VM *vm, Object *global, String *name, bool function)
{
    Value key = value_from_string(name);
    PropertyDescriptor existing;
    int found = object_get_own_property(vm, global, key, &existing);
    if (found < 0)
        return false;
    if (found && !(function && (existing.attributes & PROP_CONFIGURABLE)))
        return true;
    return object_define_data_property(vm, global, key, VALUE_UNDEFINED,
                                       PROP_WRITABLE | PROP_ENUMERABLE | PROP_CONFIGURABLE);
}

/* CreateGlobalVarBinding / CreateGlobalFunctionBinding (9.1.1.4.17-18),
 * with the value undefined. */
static bool declare_var(VM *vm, Object *global, String *name, bool function)
{
    Value key = value_from_string(name);
    PropertyDescriptor existing;
    int found = object_get_own_property(vm, global, key, &existing);
    if (found < 0)
        return false;
    if (found && !(function && (existing.attributes & PROP_CONFIGURABLE)))
        return true;
    int extensible = object_is_extensible(vm, global);
    if (extensible <= 0)
        return extensible == 0 ? !throw_named(vm, ERROR_KIND_TYPE, "Cannot define global variable %s", name) : false;
    return object_define_data_property(vm, global, key, VALUE_UNDEFINED, PROP_WRITABLE | PROP_ENUMERABLE);
}

bool interp_declare_globals(VM *vm, Value declarations)
{
    Realm *realm = vm->realm;
    Object *list = value_as_object(declarations);
    uint32_t count = array_length(list) / 2;
    /* Pass 1: the early checks, before anything is created. */
    for (uint32_t i = 0; i < count; i++) {
        if (!check_declaration(vm, realm, value_as_int32(list->elements[2 * i + 1]),
                               value_as_string(list->elements[2 * i])))
            return false;
    }
    for (uint32_t i = 0; i < count; i++) {
        int32_t kind = value_as_int32(list->elements[2 * i + 1]);
        if (is_eval_kind(kind) &&
            !check_eval_declaration(vm, realm->global_object, kind, value_as_string(list->elements[2 * i])))
            return false;
    }
    /* Pass 2: the bindings. list is reachable from the code's constants. */
    for (uint32_t i = 0; i < count; i++) {
        int32_t kind = value_as_int32(list->elements[2 * i + 1]);
        String *name = value_as_string(list->elements[2 * i]);
        bool ok;
        if (is_eval_kind(kind)) {
            ok = declare_eval_var(vm, realm->global_object, name, kind == GLOBAL_DECLARATION_EVAL_FUNCTION);
        } else if (kind >= GLOBAL_DECLARATION_LET) {
            uint8_t attributes = kind == GLOBAL_DECLARATION_CONST ? PROP_ENUMERABLE : PROP_WRITABLE | PROP_ENUMERABLE;
            ok = object_define_data_property(vm, realm->global_lexicals, value_from_string(name), VALUE_HOLE,
                                             attributes);
        } else {
            ok = declare_var(vm, realm->global_object, name, kind == GLOBAL_DECLARATION_FUNCTION);
        }
        if (!ok)
            return false;
    }
    return true;
}

bool interp_init_global_lexical(VM *vm, String *name, Value value)
{
    uint32_t slot;
    uint8_t attributes;
    if (!find_lexical(vm->realm, name, &slot, &attributes))
        return !throw_named(vm, ERROR_KIND_REFERENCE, "%s is not defined", name);
    vm->realm->global_lexicals->slots[slot] = value;
    return true;
}
