/*
 * Module namespace exotic objects (ES2025 10.4.6).
 *
 * A namespace has a fixed, sorted list of export names ([[Exports]]) whose
 * values are read live from the exporting modules' Environments: each
 * name's binding is resolved once, when the namespace is made (ResolveExport
 * gives the same answer every time once the graph is loaded). Its only
 * ordinary property is @@toStringTag ("Module", 28.3.1); it has no
 * prototype and is not extensible.
 */
#include <stdlib.h>
#include <string.h>

#include "vm/module.h"
#include "vm/object_internal.h"
#include "vm/operators.h"
#include "vm/string.h"

typedef struct NamespaceExport {
    String *name;
    ModuleRecord *module;        /* where the binding lives */
    uint32_t slot;               /* MODULE_NO_SLOT: the binding is module's namespace */
} NamespaceExport;

typedef struct NamespaceObject {
    Object object;
    ModuleRecord *module;        /* [[Module]] */
    uint32_t export_count;
    NamespaceExport *exports;    /* malloc'd, sorted by name (code units) */
    bool complete;               /* false only while ModuleNamespaceCreate adds @@toStringTag */
} NamespaceObject;

static void namespace_trace(GCTracer *tracer, Object *o)
{
    NamespaceObject *ns = (NamespaceObject *)o;
    gc_mark_cell(tracer, (GCCell *)ns->module);
    for (uint32_t i = 0; i < ns->export_count; i++) {
        gc_mark_cell(tracer, (GCCell *)ns->exports[i].name);
        gc_mark_cell(tracer, (GCCell *)ns->exports[i].module);
    }
}

static void namespace_finalize(Heap *heap, Object *o)
{
    (void)heap;
    free(((NamespaceObject *)o)->exports);
}

/* The export named by key, or NULL (symbols, and names not exported).
 * Index keys are numbers; they name an export "0", "1", ... */
static NamespaceExport *find_export(VM *vm, NamespaceObject *ns, PropertyKey key, bool *threw)
{
    *threw = false;
    if (value_is_symbol(key))
        return NULL;
    String *name = value_is_string(key) ? value_as_string(key) : value_to_string(vm, key);
    if (!name) {
        *threw = true;
        return NULL;
    }
    if (!string_flatten(vm, name)) {
        *threw = true;
        return NULL;
    }
    uint32_t low = 0, high = ns->export_count;
    while (low < high) {
        uint32_t middle = low + (high - low) / 2;
        int order = string_compare(ns->exports[middle].name, name);
        if (order == 0)
            return &ns->exports[middle];
        if (order < 0)
            low = middle + 1;
        else
            high = middle;
    }
    return NULL;
}

/* The value of an export (steps 7-12 of 10.4.6.8 [[Get]]). */
static Value export_value(VM *vm, NamespaceExport *e)
{
    if (e->slot == MODULE_NO_SLOT) {
        Object *target = module_get_namespace(vm, e->module);
        return target ? value_from_object(target) : VALUE_EXCEPTION;
    }
    Value value = module_binding_value(e->module, e->slot);
    if (value_is_hole(value)) {
        char *name = string_to_utf8(e->name, NULL);
        vm_throw_error(vm, ERROR_KIND_REFERENCE, "Cannot access '%s' before initialization", name ? name : "?");
        free(name);
        return VALUE_EXCEPTION;
    }
    return value;
}

/* 10.4.6.5 [[GetOwnProperty]] */
static int namespace_get_own_property(VM *vm, Object *o, PropertyKey key, PropertyDescriptor *desc)
{
    if (value_is_symbol(key))
        return ordinary_get_own_property(vm, o, key, desc);
    bool threw;
    NamespaceExport *e = find_export(vm, (NamespaceObject *)o, key, &threw);
    if (!e)
        return threw ? -1 : 0;
    Value value = export_value(vm, e);
    if (value_is_exception(value))
        return -1;
    desc->has = DESC_HAS_VALUE | DESC_HAS_WRITABLE | DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE;
    desc->attributes = PROP_WRITABLE | PROP_ENUMERABLE;
    desc->value = value;
    desc->getter = desc->setter = VALUE_UNDEFINED;
    return 1;
}

/* 10.4.6.6 [[DefineOwnProperty]] */
static int namespace_define_own_property(VM *vm, Object *o, PropertyKey key, const PropertyDescriptor *desc)
{
    if (value_is_symbol(key))
        return ordinary_define_own_property(vm, o, key, desc);
    PropertyDescriptor current;
    int found = namespace_get_own_property(vm, o, key, &current);
    if (found <= 0)
        return found;
    if ((desc->has & DESC_HAS_CONFIGURABLE) && (desc->attributes & PROP_CONFIGURABLE))
        return 0;
    if ((desc->has & DESC_HAS_ENUMERABLE) && !(desc->attributes & PROP_ENUMERABLE))
        return 0;
    if (desc->has & (DESC_HAS_GET | DESC_HAS_SET))
        return 0;
    if ((desc->has & DESC_HAS_WRITABLE) && !(desc->attributes & PROP_WRITABLE))
        return 0;
    if (desc->has & DESC_HAS_VALUE)
        return value_same_value(vm, desc->value, current.value);
    return 1;
}

/* 10.4.6.7 [[HasProperty]] */
static int namespace_has_property(VM *vm, Object *o, PropertyKey key)
{
    if (value_is_symbol(key))
        return ordinary_has_property(vm, o, key);
    bool threw;
    NamespaceExport *e = find_export(vm, (NamespaceObject *)o, key, &threw);
    return threw ? -1 : e != NULL;
}

/* 10.4.6.8 [[Get]] */
static Value namespace_get(VM *vm, Object *o, PropertyKey key, Value receiver)
{
    if (value_is_symbol(key))
        return ordinary_get(vm, o, key, receiver);
    bool threw;
    NamespaceExport *e = find_export(vm, (NamespaceObject *)o, key, &threw);
    if (!e)
        return threw ? VALUE_EXCEPTION : VALUE_UNDEFINED;
    return export_value(vm, e);
}

/* 10.4.6.9 [[Set]] */
static int namespace_set(VM *vm, Object *o, PropertyKey key, Value value, Value receiver)
{
    (void)vm, (void)o, (void)key, (void)value, (void)receiver;
    return 0;
}

/* 10.4.6.10 [[Delete]] */
static int namespace_delete(VM *vm, Object *o, PropertyKey key)
{
    if (value_is_symbol(key))
        return ordinary_delete(vm, o, key);
    bool threw;
    NamespaceExport *e = find_export(vm, (NamespaceObject *)o, key, &threw);
    return threw ? -1 : e == NULL;
}

/* 10.4.6.11 [[OwnPropertyKeys]]: the exports, then the symbol keys. */
static bool namespace_own_property_keys(VM *vm, Object *o, KeyList *keys)
{
    NamespaceObject *ns = (NamespaceObject *)o;
    for (uint32_t i = 0; i < ns->export_count; i++) {
        Value key = property_key_from_value(vm, value_from_string(ns->exports[i].name));
        if (value_is_exception(key) || !key_list_push(vm, keys, key))
            return false;
    }
    return ordinary_own_property_keys(vm, o, keys);
}

/* 10.4.6.1 [[GetPrototypeOf]] */
static Value namespace_get_prototype_of(VM *vm, Object *o)
{
    (void)vm, (void)o;
    return VALUE_NULL;
}

/* 10.4.6.2 [[SetPrototypeOf]]: SetImmutablePrototype (10.4.7.2) */
static int namespace_set_prototype_of(VM *vm, Object *o, Value prototype)
{
    (void)vm, (void)o;
    return value_is_null(prototype);
}

/* 10.4.6.3, 10.4.6.4 */
static int namespace_is_extensible(VM *vm, Object *o)
{
    (void)vm;
    return !((NamespaceObject *)o)->complete;
}

static int namespace_prevent_extensions(VM *vm, Object *o)
{
    (void)vm, (void)o;
    return 1;
}

static const ObjectClass namespace_class = {
    .name = "Module",
    .get_own_property = namespace_get_own_property,
    .define_own_property = namespace_define_own_property,
    .has_property = namespace_has_property,
    .get = namespace_get,
    .set = namespace_set,
    .delete_property = namespace_delete,
    .own_property_keys = namespace_own_property_keys,
    .get_prototype_of = namespace_get_prototype_of,
    .set_prototype_of = namespace_set_prototype_of,
    .is_extensible = namespace_is_extensible,
    .prevent_extensions = namespace_prevent_extensions,
    .trace = namespace_trace,
    .finalize = namespace_finalize,
};

static int compare_exports(const void *a, const void *b)
{
    return string_compare(((const NamespaceExport *)a)->name, ((const NamespaceExport *)b)->name);
}

/* The resolved bindings of names (all resolve: GetModuleNamespace kept the
 * unambiguous ones), sorted. NULL after throwing. */
static NamespaceExport *resolve_exports(VM *vm, ModuleRecord *module, KeyList *names)
{
    NamespaceExport *exports = malloc((names->count ? names->count : 1) * sizeof *exports);
    if (!exports) {
        vm_throw_out_of_memory(vm);
        return NULL;
    }
    for (uint32_t i = 0; i < names->count; i++) {
        String *name = value_as_string(names->keys[i]);
        Resolution r = module_resolve_export(vm, module, name);
        if (r.kind == RESOLUTION_ERROR) {
            free(exports);
            return NULL;
        }
        exports[i] = (NamespaceExport){ name, r.module, r.binding_name ? r.slot : MODULE_NO_SLOT };
    }
    qsort(exports, names->count, sizeof *exports, compare_exports);
    return exports;
}

/* 10.4.6.12 ModuleNamespaceCreate */
Object *module_namespace_create(VM *vm, ModuleRecord *module, KeyList *names)
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, module);
    for (uint32_t i = 0; i < names->count; i++)
        if (!string_flatten(vm, value_as_string(names->keys[i]))) {
            GC_SCOPE_END(vm->heap);
            return NULL;
        }
    NamespaceObject *ns = (NamespaceObject *)object_new(vm, &namespace_class, sizeof(NamespaceObject), NULL);
    GC_ROOT_CELL(vm->heap, ns);
    NamespaceExport *exports = ns ? resolve_exports(vm, module, names) : NULL;
    if (exports) {
        ns->module = module;
        ns->exports = exports;
        ns->export_count = names->count;
    }
    /* 28.3.1 @@toStringTag: "Module", not writable, enumerable or configurable */
    PropertyDescriptor tag = { DESC_HAS_VALUE | DESC_HAS_WRITABLE | DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE, 0,
                               VALUE_UNDEFINED, VALUE_UNDEFINED, VALUE_UNDEFINED };
    Value key = exports ? operators_well_known_key(vm, WELL_KNOWN_KEY_TO_STRING_TAG) : VALUE_EXCEPTION;
    String *module_string = value_is_symbol(key) ? string_from_cstr(vm, "Module") : NULL;
    bool ok = module_string != NULL;
    if (ok) {
        tag.value = value_from_string(module_string);
        ok = ordinary_define_own_property(vm, &ns->object, key, &tag) > 0;
    }
    if (ok) {
        ns->object.header.flags &= (uint16_t)~OBJECT_EXTENSIBLE;
        ns->complete = true;
    }
    GC_SCOPE_END(vm->heap);
    return ok ? &ns->object : NULL;
}
