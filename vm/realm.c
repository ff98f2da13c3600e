/*
 * Realms (ES2025 9.3): creating the intrinsics and the global object.
 *
 * The VM makes the few intrinsics it cannot run without: %Object.prototype%,
 * %Function.prototype%, %Array.prototype%, the Error constructors and
 * prototypes (so that thrown errors are real Error objects with a message
 * and a stack), and the global object with globalThis, undefined, NaN,
 * Infinity, print() and a stand-in console.log. Everything else comes from the install functions of
 * stdlib/ listed in realm_installers below, run in order.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "vm/async_from_sync_iterator.h"
#include "vm/async_function.h"
#include "vm/async_generator.h"
#include "vm/atom.h"
#include "vm/dispose.h"
#include "vm/generator.h"
#include "vm/interp_internal.h"
#include "vm/lazy_holder.h"
#include "vm/object_internal.h"
#include "vm/operators.h"
#include "stdlib/stdlib.h"

Object *realm_intrinsic(VM *vm, IntrinsicId id) { return vm->realm ? vm->realm->intrinsics[id] : NULL; }

static Value key_of(VM *vm, AtomId id) { return value_from_string(vm_atom(vm, id)); }

bool realm_prepare_holder(VM *vm, Object *target)
{
    if (shape_is_dictionary(target->shape) || (vm->realm && target == vm->realm->global_object))
        return true;
    Shape *dict = shape_to_stable_dictionary(vm, target->shape);
    if (!dict)
        return false;
    target->shape = dict;
    object_shape_changed(vm, target);
    return true;
}

bool realm_define_builtin_property(VM *vm, Object *target, PropertyKey key, Value value, uint8_t attributes)
{
    uint32_t index, slot;
    uint8_t found_attributes;
    if ((target->header.flags & OBJECT_EXTENSIBLE) && !property_key_is_index(key, &index) &&
        object_named_store_is_plain(vm, target, key) && !shape_lookup(target->shape, key, &slot, &found_attributes))
        return ordinary_add_data_named(vm, target, key, value, attributes);   /* what [[DefineOwnProperty]] would do */
    return object_define_data_property(vm, target, key, value, attributes);
}

bool realm_define_method(VM *vm, Object *target, const char *name, NativeFunction function, uint32_t length)
{
    if (!realm_prepare_holder(vm, target))
        return false;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, target);
    Object *f = native_function_new(vm, function, name, length, false);
    GC_ROOT_CELL(vm->heap, f);
    String *key = f ? atom_from_cstr(vm, name) : NULL;
    GC_ROOT_CELL(vm->heap, key);
    bool ok = key && realm_define_builtin_property(vm, target, value_from_string(key), value_from_object(f),
                                                   PROP_WRITABLE | PROP_CONFIGURABLE);
    GC_SCOPE_END(vm->heap);
    return ok;
}

bool realm_define_value(VM *vm, Object *target, const char *name, Value value)
{
    if (!realm_prepare_holder(vm, target))
        return false;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, target);
    GC_ROOT(vm->heap, value);
    String *key = atom_from_cstr(vm, name);
    GC_ROOT_CELL(vm->heap, key);
    bool ok = key && realm_define_builtin_property(vm, target, value_from_string(key), value,
                                                   PROP_WRITABLE | PROP_CONFIGURABLE);
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* ---- The core: prototypes and the global object ---- */

/* %Function.prototype% is itself a function that accepts any arguments
 * and returns undefined (ES2025 20.2.3). */
static Value function_prototype_call(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)vm, (void)this_value, (void)argc, (void)argv, (void)new_target;
    return VALUE_UNDEFINED;
}

static bool install_core(VM *vm, Realm *realm)
{
    Object **intrinsics = realm->intrinsics;
    intrinsics[INTRINSIC_ObjectPrototype] = object_new_ordinary(vm, NULL);
    if (!intrinsics[INTRINSIC_ObjectPrototype])
        return false;
    Object *object_prototype = intrinsics[INTRINSIC_ObjectPrototype];
    intrinsics[INTRINSIC_FunctionPrototype] =
        native_function_new_in(vm, object_prototype, function_prototype_call, "", 0, false);
    if (!intrinsics[INTRINSIC_FunctionPrototype])
        return false;
    intrinsics[INTRINSIC_ArrayPrototype] = array_new(vm, object_prototype, 0);
    realm->global_object = intrinsics[INTRINSIC_ArrayPrototype] ? object_new_ordinary(vm, object_prototype) : NULL;
    realm->global_lexicals = realm->global_object ? object_new_ordinary(vm, NULL) : NULL;
    if (!realm->global_lexicals)
        return false;
    Object *global = realm->global_object;
    /* Structural changes to either bump vm->shape_epoch: global caches (vm/interp_global.c) */
    global->header.flags |= OBJECT_IS_PROTOTYPE;
    realm->global_lexicals->header.flags |= OBJECT_IS_PROTOTYPE;
    /* ES2025 19.1 Value Properties of the Global Object */
    return realm_define_value(vm, global, "globalThis", value_from_object(global)) &&
           object_define_data_property(vm, global, key_of(vm, ATOM_undefined), VALUE_UNDEFINED, 0) &&
           object_define_data_property(vm, global, key_of(vm, ATOM_NaN), VALUE_CANONICAL_NAN, 0) &&
           object_define_data_property(vm, global, key_of(vm, ATOM_Infinity), value_from_double(INFINITY), 0);
}

/* ---- Errors (ES2025 20.5) ---- */

/* The message argument's position: AggregateError(errors, message, options),
 * SuppressedError(error, suppressed, message) (ES2026 20.5.8.1.1). */
static Value error_construct(VM *vm, ErrorKind kind, uint32_t argc, const Value *argv, Object *new_target)
{
    uint32_t message_index = kind == ERROR_KIND_AGGREGATE ? 1 : kind == ERROR_KIND_SUPPRESSED ? 2 : 0;
    Value message = message_index < argc ? argv[message_index] : VALUE_UNDEFINED;
    Value options = message_index + 1 < argc ? argv[message_index + 1] : VALUE_UNDEFINED;
    Object *prototype = realm_intrinsic(vm, error_prototype_intrinsic(kind));
    if (new_target) {   /* OrdinaryCreateFromConstructor(newTarget, "%NativeError.prototype%") */
        Value p = object_get(vm, new_target, key_of(vm, ATOM_prototype), value_from_object(new_target));
        if (value_is_exception(p))
            return p;
        if (value_is_object(p))
            prototype = value_as_object(p);
    }
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, prototype);
    String *text = NULL;
    GC_ROOT_CELL(vm->heap, text);
    Object *error = NULL;
    GC_ROOT_CELL(vm->heap, error);
    Value result = VALUE_EXCEPTION;
    if (!value_is_undefined(message) && !(text = value_to_string(vm, message)))
        goto done;
    error = error_object_new(vm, prototype, text);
    if (!error)
        goto done;
    if (kind == ERROR_KIND_SUPPRESSED) {   /* SuppressedError: no options; error, then suppressed */
        Value error_value = argc > 0 ? argv[0] : VALUE_UNDEFINED;
        Value suppressed = argc > 1 ? argv[1] : VALUE_UNDEFINED;
        if (error_set_suppressed(vm, error, error_value, suppressed))
            result = value_from_object(error);
        goto done;
    }
    /* InstallErrorCause (20.5.8.1) */
    if (value_is_object(options)) {
        int has = object_has_property(vm, value_as_object(options), key_of(vm, ATOM_cause));
        if (has < 0)
            goto done;
        if (has) {
            Value cause = object_get(vm, value_as_object(options), key_of(vm, ATOM_cause), options);
            if (value_is_exception(cause) ||
                !object_define_data_property(vm, error, key_of(vm, ATOM_cause), cause, PROP_WRITABLE | PROP_CONFIGURABLE))
                goto done;
        }
    }
    result = value_from_object(error);
done:
    GC_SCOPE_END(vm->heap);
    return result;
}

#define ERROR_CONSTRUCTORS(E) \
    E(ERROR, Error) E(EVAL, EvalError) E(RANGE, RangeError) E(REFERENCE, ReferenceError) \
    E(SYNTAX, SyntaxError) E(TYPE, TypeError) E(URI, URIError) E(AGGREGATE, AggregateError) \
    E(SUPPRESSED, SuppressedError)

#define E(kind, name)                                                                                          \
    static Value construct_##name(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target) \
    {                                                                                                          \
        (void)this_value;                                                                                      \
        return error_construct(vm, ERROR_KIND_##kind, argc, argv, new_target);                                 \
    }
ERROR_CONSTRUCTORS(E)
#undef E

/* ES2025 20.5.3.4 Error.prototype.toString */
static Value error_prototype_to_string(VM *vm, Value this_value, uint32_t argc, const Value *argv,
                                       Object *new_target)
{
    (void)argc, (void)argv, (void)new_target;
    if (!value_is_object(this_value))
        return vm_throw_type_error(vm, "Error.prototype.toString requires that 'this' be an Object");
    Object *o = value_as_object(this_value);
    GC_SCOPE(vm->heap);
    String *name = NULL, *message = NULL;
    GC_ROOT_CELL(vm->heap, name);
    GC_ROOT_CELL(vm->heap, message);
    Value result = VALUE_EXCEPTION;
    Value v = object_get(vm, o, key_of(vm, ATOM_name), this_value);
    if (value_is_exception(v))
        goto done;
    name = value_is_undefined(v) ? atom_from_cstr(vm, "Error") : value_to_string(vm, v);
    if (!name)
        goto done;
    v = object_get(vm, o, key_of(vm, ATOM_message), this_value);
    if (value_is_exception(v))
        goto done;
    message = value_is_undefined(v) ? vm_atom(vm, ATOM_empty) : value_to_string(vm, v);
    if (!message)
        goto done;
    if (!string_length(name) || !string_length(message)) {
        result = value_from_string(string_length(name) ? name : message);
        goto done;
    }
    String *separator = atom_from_cstr(vm, ": ");
    GC_ROOT_CELL(vm->heap, separator);
    String *left = separator ? string_concat(vm, name, separator) : NULL;
    GC_ROOT_CELL(vm->heap, left);
    String *joined = left ? string_concat(vm, left, message) : NULL;
    if (joined)
        result = value_from_string(joined);
done:
    GC_SCOPE_END(vm->heap);
    return result;
}

/* One error constructor and its prototype, linked both ways. */
static bool install_error(VM *vm, Realm *realm, ErrorKind kind, const char *name, NativeFunction construct,
                          Object *parent_constructor)
{
    GC_SCOPE(vm->heap);
    Object *prototype_parent = kind == ERROR_KIND_ERROR ? realm->intrinsics[INTRINSIC_ObjectPrototype]
                                                        : realm->intrinsics[INTRINSIC_ErrorPrototype];
    Object *prototype = object_new_ordinary(vm, prototype_parent);
    GC_ROOT_CELL(vm->heap, prototype);
    Object *constructor = prototype ? native_function_new(vm, construct, name, kind == ERROR_KIND_SUPPRESSED ? 3 : kind == ERROR_KIND_AGGREGATE ? 2 : 1, true) : NULL;
    GC_ROOT_CELL(vm->heap, constructor);
    String *name_string = constructor ? atom_from_cstr(vm, name) : NULL;
    GC_ROOT_CELL(vm->heap, name_string);
    bool ok = name_string && (!parent_constructor || object_set_prototype_of(vm, constructor,
                                                                             value_from_object(parent_constructor)) > 0) &&
              object_define_data_property(vm, constructor, key_of(vm, ATOM_prototype), value_from_object(prototype), 0) &&
              realm_define_value(vm, prototype, "constructor", value_from_object(constructor)) &&
              realm_define_value(vm, prototype, "name", value_from_string(name_string)) &&
              realm_define_value(vm, prototype, "message", value_from_string(vm_atom(vm, ATOM_empty))) &&
              (kind != ERROR_KIND_ERROR || realm_define_method(vm, prototype, "toString", error_prototype_to_string, 0)) &&
              realm_define_value(vm, realm->global_object, name, value_from_object(constructor));
    if (ok)
        realm->intrinsics[error_prototype_intrinsic(kind)] = prototype;
    GC_SCOPE_END(vm->heap);
    return ok;
}

static bool install_errors(VM *vm, Realm *realm)
{
    if (!install_error(vm, realm, ERROR_KIND_ERROR, "Error", construct_Error, NULL))
        return false;
    Value error_constructor = object_get(vm, realm->intrinsics[INTRINSIC_ErrorPrototype],
                                         key_of(vm, ATOM_constructor), VALUE_UNDEFINED);
    if (value_is_exception(error_constructor))
        return false;
    Object *parent = value_as_object(error_constructor);   /* reachable from Error.prototype */
#define E(kind, name)                                                                                    \
    if (ERROR_KIND_##kind != ERROR_KIND_ERROR &&                                                         \
        !install_error(vm, realm, ERROR_KIND_##kind, #name, construct_##name, parent))                   \
        return false;
    ERROR_CONSTRUCTORS(E)
#undef E
    error_install(vm);
    return true;
}

/* ---- print(...values): a line of their ToString, joined by spaces ---- */

static Value print(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)this_value, (void)new_target;
    for (uint32_t i = 0; i < argc; i++) {
        String *s = value_to_string(vm, argv[i]);
        if (!s || !string_flatten(vm, s))
            return VALUE_EXCEPTION;
        size_t length;
        char *utf8 = string_to_utf8(s, &length);
        if (!utf8)
            return vm_throw_out_of_memory(vm);
        if (i)
            fputc(' ', stdout);
        fwrite(utf8, 1, length, stdout);
        free(utf8);
    }
    fputc('\n', stdout);
    return VALUE_UNDEFINED;
}

/* print (console comes with stdlib/es/console.c, with node's formatting) */
static bool install_print(VM *vm, Realm *realm)
{
    return realm_define_method(vm, realm->global_object, "print", print, 0);
}

/* ---- realm_new ---- */

/*
 * Every install function, in the order they run. stdlib adds its own here
 * (one line each, or stdlib_install_all from stdlib/stdlib.h).
 */
static const RealmInstallFn realm_installers[] = {
    install_core,
    install_errors,
    install_print,
    stdlib_install_all,
    generator_install,
    async_function_install,
    async_generator_install,
    async_from_sync_iterator_install,
    stdlib_install_iterator_dispose,
};

Realm *realm_new(VM *vm)
{
    Realm *realm = calloc(1, sizeof *realm);
    if (!realm) {
        vm_throw_out_of_memory(vm);
        return NULL;
    }
    Realm *previous = vm->realm;
    vm->realm = realm;   /* from here its cells are roots */
    vm->to_primitive = value_to_primitive;
    for (size_t i = 0; i < sizeof realm_installers / sizeof realm_installers[0]; i++) {
        if (!realm_installers[i](vm, realm)) {
            vm->realm = previous;
            free(realm);
            return NULL;
        }
    }
    return realm;
}

void realm_free(VM *vm, Realm *realm)
{
    lazy_holders_forget_realm(vm, realm);
    if (vm->realm == realm) {
        vm->realm = NULL;
        vm->make_error = NULL;
    }
    free(realm);
}
