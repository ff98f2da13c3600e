/*
 * The global object's own value properties (ES2025 19.1: globalThis,
 * Infinity, NaN, undefined) and stdlib_install_all, the one entry point
 * realm_new calls.
 */
#include "stdlib/es/builtin.h"
#include "vm/eval.h"

/* ES2025 19.2.1 eval ( x ): called as a function, an indirect eval. */
static Value global_eval(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)this_value, (void)new_target;
    return vm_indirect_eval(vm, es_arg(argc, argv, 0));
}

/* %eval%: the intrinsic CALL_EVAL compares callees with. */
static bool install_eval(VM *vm, Realm *realm)
{
    Object *eval = native_function_new(vm, global_eval, "eval", 1, false);
    if (!eval)
        return false;
    realm->intrinsics[INTRINSIC_Eval] = eval;   /* rooted by the realm from here on */
    return es_define_value(vm, realm->global_object, "eval", value_from_object(eval), ES_ATTRS_METHOD);
}

bool stdlib_install_globals(VM *vm, Realm *realm)
{
    Object *global = realm->global_object;
    if (!install_eval(vm, realm))
        return false;
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
