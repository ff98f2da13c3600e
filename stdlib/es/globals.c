/*
 * The global object's own value properties (ES2025 19.1: globalThis,
 * Infinity, NaN, undefined) and stdlib_install_all, the one entry point
 * realm_new calls.
 */
#include "stdlib/es/builtin.h"

bool stdlib_install_globals(VM *vm, Realm *realm)
{
    Object *global = realm->global_object;
    /* ES2025 19.1.1 globalThis: writable, configurable, not enumerable */
    return es_define_value(vm, global, "globalThis", value_from_object(global), ES_ATTRS_METHOD)
           /* ES2025 19.1.2-4: non-writable, non-enumerable, non-configurable */
           && es_define_value(vm, global, "Infinity", value_from_double(INFINITY), 0)
           && es_define_value(vm, global, "NaN", value_from_double(NAN), 0)
           && es_define_value(vm, global, "undefined", VALUE_UNDEFINED, 0);
}

/* Wraps a primitive for the interpreter's ToObject (vm/operators.c). */
static Object *wrap_primitive(VM *vm, Value primitive)
{
    return stdlib_to_object(vm, primitive);
}

bool stdlib_install_all(VM *vm, Realm *realm)
{
    realm->wrap_primitive = wrap_primitive;
#define X(name) \
    if (!stdlib_install_##name(vm, realm)) \
        return false;
    STDLIB_ES_INSTALLERS(X)
#undef X
    return true;
}
