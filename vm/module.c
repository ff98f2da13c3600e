/*
 * Module records: loading, linking and evaluation (ES2025 16.2.1.5 Cyclic
 * Module Records, 16.2.1.6 Source Text Module Records). See vm/module.h
 * for how a module's code and Environment are laid out.
 *
 * The graph algorithms recurse in C once per module of a dependency chain
 * (not per import cycle: the DFS marks what it visited); a chain deeper
 * than MAX_MODULE_DEPTH throws a RangeError instead of exhausting the C
 * stack. Loading uses an explicit stack.
 */
#include "vm/module.h"

#include <stdlib.h>
#include <string.h>

#include "lexer/arena.h"
#include "parser/parser.h"
#include "vm/atom.h"
#include "vm/cell_types.h"
#include "vm/generator.h"
#include "vm/object.h"
#include "vm/realm.h"
#include "vm/string.h"

enum { MAX_MODULE_DEPTH = 4000 };

/* The indirect binding of an import (9.1.1.5.5 CreateImportBinding). */
typedef struct ModuleBinding {
    GCCell header;
    ModuleRecord *module;
    uint32_t slot;
} ModuleBinding;

/* ---- cells ---- */

static void mark_strings_of_exports(GCTracer *tracer, const ExportEntry *entries, uint32_t count)
{
    for (uint32_t i = 0; i < count; i++) {
        gc_mark_cell(tracer, (GCCell *)entries[i].export_name);
        gc_mark_cell(tracer, (GCCell *)entries[i].import_name);
        gc_mark_cell(tracer, (GCCell *)entries[i].local_name);
    }
}

static void module_trace(GCTracer *tracer, GCCell *cell)
{
    ModuleRecord *m = (ModuleRecord *)cell;
    gc_mark_cell(tracer, (GCCell *)m->name);
    gc_mark_cell(tracer, (GCCell *)m->code);
    gc_mark_cell(tracer, (GCCell *)m->env);
    gc_mark_value(tracer, m->body);
    gc_mark_cell(tracer, (GCCell *)m->namespace_object);
    gc_mark_cell(tracer, (GCCell *)m->import_meta);
    gc_mark_value(tracer, m->error);
    gc_mark_cell(tracer, (GCCell *)m->cycle_root);
    for (uint32_t i = 0; i < m->request_count; i++) {
        gc_mark_cell(tracer, (GCCell *)m->requests[i].specifier);
        gc_mark_cell(tracer, (GCCell *)m->loaded[i]);
    }
    for (uint32_t i = 0; i < m->import_count; i++) {
        gc_mark_cell(tracer, (GCCell *)m->imports[i].import_name);
        gc_mark_cell(tracer, (GCCell *)m->imports[i].local_name);
    }
    mark_strings_of_exports(tracer, m->local_exports, m->local_export_count);
    mark_strings_of_exports(tracer, m->indirect_exports, m->indirect_export_count);
    mark_strings_of_exports(tracer, m->star_exports, m->star_export_count);
}

static void module_finalize(Heap *heap, GCCell *cell)
{
    (void)heap;
    ModuleRecord *m = (ModuleRecord *)cell;
    free(m->requests);
    free(m->loaded);
    free(m->imports);
    free(m->local_exports);
    free(m->indirect_exports);
    free(m->star_exports);
}

static void binding_trace(GCTracer *tracer, GCCell *cell)
{
    gc_mark_cell(tracer, (GCCell *)((ModuleBinding *)cell)->module);
}

void module_register_types(Heap *heap)
{
    static const GCTypeInfo module_info = { "ModuleRecord", module_trace, module_finalize };
    static const GCTypeInfo binding_info = { "ModuleBinding", binding_trace, NULL };
    gc_register_type(heap, CELL_TYPE_MODULE_RECORD, &module_info);
    gc_register_type(heap, CELL_TYPE_MODULE_BINDING, &binding_info);
}

ModuleRecord *module_new(VM *vm, String *name)
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, name);
    ModuleRecord *m = gc_alloc(vm->heap, sizeof *m, CELL_TYPE_MODULE_RECORD);
    GC_SCOPE_END(vm->heap);
    if (!m) {
        vm_throw_out_of_memory(vm);
        return NULL;
    }
    m->status = MODULE_NEW;
    m->name = name;
    m->body = VALUE_UNDEFINED;
    m->error = VALUE_UNDEFINED;
    return m;
}

void module_set_load_hook(VM *vm, ModuleLoadHook hook, void *data)
{
    vm->module_load_hook = hook;
    vm->module_load_data = data;
}

void module_set_import_meta_hook(VM *vm, ImportMetaHook hook)
{
    vm->import_meta_hook = hook;
}

ModuleRecord *module_of_code(const FunctionCode *code)
{
    return code && code->source ? (ModuleRecord *)code->source->module : NULL;
}

/* ---- ParseModule (16.2.1.6.1) ---- */

ModuleRecord *module_compile(VM *vm, const struct Node *program, const char *source, uint32_t length,
                             const char *name)
{
    String *name_string = string_from_cstr(vm, name);
    ModuleRecord *m = name_string ? module_new(vm, name_string) : NULL;
    if (!m)
        return NULL;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, m);
    m->code = compile_module_program(vm, program, source, length, name, m);
    GC_SCOPE_END(vm->heap);
    return m->code ? m : NULL;
}

ModuleRecord *module_parse(VM *vm, const char *source, uint32_t length, const char *name)
{
    Arena arena;
    arena_init(&arena);
    ParseOptions options = {.is_module = true};
    ParseError error;
    memset(&error, 0, sizeof error);
    Node *program = parse_program(&arena, source, length, &options, &error);
    ModuleRecord *m = NULL;
    if (program) {
        m = module_compile(vm, program, source, length, name);
    } else {
        ErrorKind kind = error.name && strcmp(error.name, "RangeError") == 0 ? ERROR_KIND_RANGE : ERROR_KIND_SYNTAX;
        vm_throw_error(vm, kind, "%s (%s:%u:%u)", error.message[0] ? error.message : "parse failed", name,
                       error.line, error.col);
    }
    arena_free(&arena);
    return m;
}

/* A synthetic module with one export, "default" (ES2025 16.2.1.8, used
 * for JSON modules): its Environment exists at once. */
ModuleRecord *module_new_synthetic_default(VM *vm, String *name, Value value)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, value);
    ModuleRecord *m = module_new(vm, name);
    GC_ROOT_CELL(vm->heap, m);
    String *default_name = m ? atom_from_cstr(vm, "default") : NULL;
    GC_ROOT_CELL(vm->heap, default_name);
    Environment *env = default_name ? environment_new(vm, NULL, 1) : NULL;
    ExportEntry *entry = env ? malloc(sizeof *entry) : NULL;
    if (env && !entry)
        vm_throw_out_of_memory(vm);
    GC_SCOPE_END(vm->heap);
    if (!entry)
        return NULL;
    env->slots[0] = value;
    *entry = (ExportEntry){ default_name, MODULE_NO_REQUEST, NULL, default_name, 0 };
    m->env = env;
    m->local_exports = entry;
    m->local_export_count = 1;
    return m;
}

/* ---- LoadRequestedModules (16.2.1.5.1), synchronous ---- */

typedef struct LoadFrame {
    ModuleRecord *module;
    uint32_t next;               /* the next request to load */
} LoadFrame;

typedef struct ModuleList {
    ModuleRecord **items;
    uint32_t count, capacity;
} ModuleList;

static bool list_push(VM *vm, ModuleList *list, ModuleRecord *m)
{
    if (list->count == list->capacity) {
        uint32_t capacity = list->capacity ? 2 * list->capacity : 16;
        ModuleRecord **items = realloc(list->items, capacity * sizeof *items);
        if (!items) {
            vm_throw_out_of_memory(vm);
            return false;
        }
        list->items = items;
        list->capacity = capacity;
    }
    list->items[list->count++] = m;
    return true;
}

static bool list_contains(const ModuleList *list, const ModuleRecord *m)
{
    for (uint32_t i = 0; i < list->count; i++)
        if (list->items[i] == m)
            return true;
    return false;
}

/* HostLoadImportedModule then FinishLoadingImportedModule for request i. */
static ModuleRecord *load_request(VM *vm, ModuleRecord *m, uint32_t i)
{
    if (m->loaded[i])
        return m->loaded[i];
    if (!vm->module_load_hook) {
        vm_throw_type_error(vm, "Cannot load module '%s': no module loader", "?");
        return NULL;
    }
    ModuleRecord *loaded = vm->module_load_hook(vm, m, &m->requests[i], vm->module_load_data);
    if (loaded)
        m->loaded[i] = loaded;
    return loaded;
}

/* InnerModuleLoading over the graph, depth first, with an explicit stack. */
bool module_load_requested(VM *vm, ModuleRecord *root)
{
    ModuleList visited = { 0 };
    LoadFrame *stack = NULL;
    uint32_t depth = 0, capacity = 0;
    bool ok = true;
    if (root->status == MODULE_NEW) {
        ok = list_push(vm, &visited, root) && (stack = malloc(16 * sizeof *stack)) != NULL;
        if (ok) {
            capacity = 16;
            stack[depth++] = (LoadFrame){ root, 0 };
        } else if (!vm->has_exception) {
            vm_throw_out_of_memory(vm);
        }
    }
    while (ok && depth > 0) {
        LoadFrame *top = &stack[depth - 1];
        if (top->next == top->module->request_count) {
            depth--;
            continue;
        }
        ModuleRecord *required = load_request(vm, top->module, top->next++);
        ok = required != NULL;
        if (!ok || required->status != MODULE_NEW || list_contains(&visited, required))
            continue;
        ok = list_push(vm, &visited, required);
        if (ok && depth == capacity) {
            LoadFrame *grown = realloc(stack, 2 * capacity * sizeof *stack);
            ok = grown != NULL;
            if (!ok)
                vm_throw_out_of_memory(vm);
            else
                stack = grown, capacity *= 2;
        }
        if (ok)
            stack[depth++] = (LoadFrame){ required, 0 };
    }
    for (uint32_t i = 0; ok && i < visited.count; i++)
        visited.items[i]->status = MODULE_UNLINKED;
    free(stack);
    free(visited.items);
    return ok;
}

/* ---- ResolveExport (16.2.1.6.3) and GetExportedNames (16.2.1.6.2) ---- */

typedef struct ResolveSet {
    struct { ModuleRecord *module; String *name; } *items;
    uint32_t count, capacity;
} ResolveSet;

static bool names_equal(String *a, String *b)
{
    return a == b || (a && b && string_equals(a, b));
}

static bool resolve_set_add(VM *vm, ResolveSet *set, ModuleRecord *m, String *name)
{
    if (set->count == set->capacity) {
        uint32_t capacity = set->capacity ? 2 * set->capacity : 16;
        void *items = realloc(set->items, capacity * sizeof *set->items);
        if (!items) {
            vm_throw_out_of_memory(vm);
            return false;
        }
        set->items = items;
        set->capacity = capacity;
    }
    set->items[set->count].module = m;
    set->items[set->count].name = name;
    set->count++;
    return true;
}

static Resolution resolution_error(void) { return (Resolution){ RESOLUTION_ERROR, NULL, NULL, 0 }; }

static Resolution resolve_export(VM *vm, ModuleRecord *m, String *export_name, ResolveSet *set, uint32_t depth);

static Resolution resolve_star_exports(VM *vm, ModuleRecord *m, String *export_name, ResolveSet *set,
                                       uint32_t depth)
{
    Resolution star = { RESOLUTION_NULL, NULL, NULL, 0 };
    for (uint32_t i = 0; i < m->star_export_count; i++) {
        ModuleRecord *imported = m->loaded[m->star_exports[i].request];
        Resolution r = resolve_export(vm, imported, export_name, set, depth + 1);
        if (r.kind == RESOLUTION_ERROR || r.kind == RESOLUTION_AMBIGUOUS)
            return r;
        if (r.kind == RESOLUTION_NULL)
            continue;
        if (star.kind == RESOLUTION_NULL) {
            star = r;
        } else if (r.module != star.module || !names_equal(r.binding_name, star.binding_name)) {
            return (Resolution){ RESOLUTION_AMBIGUOUS, NULL, NULL, 0 };
        }
    }
    return star;
}

static Resolution resolve_export(VM *vm, ModuleRecord *m, String *export_name, ResolveSet *set, uint32_t depth)
{
    if (depth > MAX_MODULE_DEPTH) {
        vm_throw_range_error(vm, "Maximum call stack size exceeded");
        return resolution_error();
    }
    for (uint32_t i = 0; i < set->count; i++)   /* step 1: a circular import request */
        if (set->items[i].module == m && names_equal(set->items[i].name, export_name))
            return (Resolution){ RESOLUTION_NULL, NULL, NULL, 0 };
    if (!resolve_set_add(vm, set, m, export_name))
        return resolution_error();
    for (uint32_t i = 0; i < m->local_export_count; i++) {
        ExportEntry *e = &m->local_exports[i];
        if (names_equal(e->export_name, export_name))
            return (Resolution){ RESOLUTION_BINDING, m, e->local_name, e->slot };
    }
    for (uint32_t i = 0; i < m->indirect_export_count; i++) {
        ExportEntry *e = &m->indirect_exports[i];
        if (!names_equal(e->export_name, export_name))
            continue;
        ModuleRecord *imported = m->loaded[e->request];
        if (!e->import_name)
            return (Resolution){ RESOLUTION_BINDING, imported, NULL, MODULE_NO_SLOT };
        return resolve_export(vm, imported, e->import_name, set, depth + 1);
    }
    if (string_length(export_name) == 7 && names_equal(export_name, vm_atom(vm, ATOM_default)))
        return (Resolution){ RESOLUTION_NULL, NULL, NULL, 0 };   /* step 6: default is never a star export */
    return resolve_star_exports(vm, m, export_name, set, depth);
}

Resolution module_resolve_export(VM *vm, ModuleRecord *m, String *export_name)
{
    ResolveSet set = { 0 };
    Resolution r = resolve_export(vm, m, export_name, &set, 0);
    free(set.items);
    return r;
}

static bool key_list_has_name(const KeyList *names, String *name)
{
    for (uint32_t i = 0; i < names->count; i++)
        if (names_equal(value_as_string(names->keys[i]), name))
            return true;
    return false;
}

static bool exported_names(VM *vm, ModuleRecord *m, KeyList *names, ModuleList *star_set, uint32_t depth)
{
    if (depth > MAX_MODULE_DEPTH) {
        vm_throw_range_error(vm, "Maximum call stack size exceeded");
        return false;
    }
    if (list_contains(star_set, m))
        return true;   /* step 2: a circular export * */
    if (!list_push(vm, star_set, m))
        return false;
    for (uint32_t i = 0; i < m->local_export_count; i++)
        if (!key_list_push(vm, names, value_from_string(m->local_exports[i].export_name)))
            return false;
    for (uint32_t i = 0; i < m->indirect_export_count; i++)
        if (!key_list_push(vm, names, value_from_string(m->indirect_exports[i].export_name)))
            return false;
    for (uint32_t i = 0; i < m->star_export_count; i++) {
        KeyList star_names;
        key_list_init(vm, &star_names);
        bool ok = exported_names(vm, m->loaded[m->star_exports[i].request], &star_names, star_set, depth + 1);
        for (uint32_t j = 0; ok && j < star_names.count; j++) {
            String *n = value_as_string(star_names.keys[j]);
            if (!names_equal(n, vm_atom(vm, ATOM_default)) && !key_list_has_name(names, n))
                ok = key_list_push(vm, names, star_names.keys[j]);
        }
        key_list_free(vm, &star_names);
        if (!ok)
            return false;
    }
    return true;
}

bool module_exported_names(VM *vm, ModuleRecord *m, KeyList *names)
{
    ModuleList star_set = { 0 };
    bool ok = exported_names(vm, m, names, &star_set, 0);
    free(star_set.items);
    return ok;
}

/* ---- GetModuleNamespace (16.2.1.10) ---- */

Object *module_get_namespace(VM *vm, ModuleRecord *m)
{
    if (m->namespace_object)
        return m->namespace_object;
    KeyList names, unambiguous;
    key_list_init(vm, &names);
    key_list_init(vm, &unambiguous);
    bool ok = module_exported_names(vm, m, &names);
    for (uint32_t i = 0; ok && i < names.count; i++) {
        Resolution r = module_resolve_export(vm, m, value_as_string(names.keys[i]));
        ok = r.kind != RESOLUTION_ERROR;
        if (ok && r.kind == RESOLUTION_BINDING)
            ok = key_list_push(vm, &unambiguous, names.keys[i]);
    }
    Object *ns = ok ? module_namespace_create(vm, m, &unambiguous) : NULL;
    key_list_free(vm, &unambiguous);
    key_list_free(vm, &names);
    if (ns)
        m->namespace_object = ns;
    return ns;
}

/* ---- bindings ---- */

Value module_binding_value(ModuleRecord *m, uint32_t slot)
{
    if (!m->env || slot >= m->env->slot_count)
        return VALUE_HOLE;
    return m->env->slots[slot];
}

Value module_import_binding_value(Value binding)
{
    if (!value_is_cell(binding) || value_as_cell(binding)->type != CELL_TYPE_MODULE_BINDING)
        return binding;   /* a namespace object bound directly */
    ModuleBinding *b = (ModuleBinding *)value_as_cell(binding);
    return module_binding_value(b->module, b->slot);
}

static Value binding_new(VM *vm, ModuleRecord *target, uint32_t slot)
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, target);
    ModuleBinding *b = gc_alloc(vm->heap, sizeof *b, CELL_TYPE_MODULE_BINDING);
    GC_SCOPE_END(vm->heap);
    if (!b)
        return vm_throw_out_of_memory(vm);
    b->module = target;
    b->slot = slot;
    return value_from_cell(&b->header);
}

/* ---- InitializeEnvironment (16.2.1.6.4) ---- */

static void throw_unresolvable(VM *vm, ModuleRecord *importer, uint32_t request, String *name, Resolution r)
{
    char *specifier = string_to_utf8(importer->requests[request].specifier, NULL);
    char *export_name = string_to_utf8(name, NULL);
    if (r.kind == RESOLUTION_AMBIGUOUS)
        vm_throw_error(vm, ERROR_KIND_SYNTAX, "The requested module '%s' contains conflicting star exports for name '%s'",
                       specifier ? specifier : "?", export_name ? export_name : "?");
    else
        vm_throw_error(vm, ERROR_KIND_SYNTAX, "The requested module '%s' does not provide an export named '%s'",
                       specifier ? specifier : "?", export_name ? export_name : "?");
    free(specifier);
    free(export_name);
}

/* Steps 1-2: every indirect export must resolve. */
static bool check_indirect_exports(VM *vm, ModuleRecord *m)
{
    for (uint32_t i = 0; i < m->indirect_export_count; i++) {
        ExportEntry *e = &m->indirect_exports[i];
        Resolution r = module_resolve_export(vm, m, e->export_name);
        if (r.kind == RESOLUTION_ERROR)
            return false;
        if (r.kind != RESOLUTION_BINDING) {
            throw_unresolvable(vm, m, e->request, e->import_name ? e->import_name : e->export_name, r);
            return false;
        }
    }
    return true;
}

/* Steps 7: one import binding, into its slot of the module Environment. */
static bool bind_import(VM *vm, ModuleRecord *m, ImportEntry *in)
{
    ModuleRecord *imported = m->loaded[in->request];
    Value value;
    if (!in->import_name) {
        Object *ns = module_get_namespace(vm, imported);
        value = ns ? value_from_object(ns) : VALUE_EXCEPTION;
    } else {
        Resolution r = module_resolve_export(vm, imported, in->import_name);
        if (r.kind == RESOLUTION_ERROR)
            return false;
        if (r.kind != RESOLUTION_BINDING) {
            throw_unresolvable(vm, m, in->request, in->import_name, r);
            return false;
        }
        if (!r.binding_name) {
            Object *ns = module_get_namespace(vm, r.module);
            value = ns ? value_from_object(ns) : VALUE_EXCEPTION;
        } else {
            value = binding_new(vm, r.module, r.slot);
        }
    }
    if (value_is_exception(value))
        return false;
    if (in->slot < m->env->slot_count)
        m->env->slots[in->slot] = value;
    return true;
}

/* Runs the module function's prologue: the Environment with its vars and
 * hoisted functions, suspended before the body (vm/module.h). */
static bool create_environment(VM *vm, ModuleRecord *m)
{
    Object *function = closure_new(vm, m->code, NULL);
    if (!function)
        return false;
    Value body = vm_call(vm, value_from_object(function), VALUE_UNDEFINED, 0, NULL);
    if (value_is_exception(body))
        return false;
    m->body = body;
    m->env = generator_environment(body);
    if (!m->env)
        return vm_throw_type_error(vm, "module environment missing"), false;
    return true;
}

static bool initialize_environment(VM *vm, ModuleRecord *m)
{
    if (!m->code)
        return true;   /* synthetic: made with its Environment */
    if (!check_indirect_exports(vm, m))
        return false;
    for (uint32_t i = 0; i < m->import_count; i++) {   /* resolution errors first, before any code */
        ImportEntry *in = &m->imports[i];
        if (!in->import_name)
            continue;
        Resolution r = module_resolve_export(vm, m->loaded[in->request], in->import_name);
        if (r.kind == RESOLUTION_ERROR)
            return false;
        if (r.kind != RESOLUTION_BINDING) {
            throw_unresolvable(vm, m, in->request, in->import_name, r);
            return false;
        }
    }
    if (!m->env && !create_environment(vm, m))
        return false;
    for (uint32_t i = 0; i < m->import_count; i++)
        if (!bind_import(vm, m, &m->imports[i]))
            return false;
    return true;
}

/* ---- Link (16.2.1.5.2) ---- */

static uint32_t min_u32(uint32_t a, uint32_t b) { return a < b ? a : b; }

/* InnerModuleLinking (16.2.1.5.2.1): the DFS index after module, or
 * UINT32_MAX after throwing. */
static uint32_t inner_module_linking(VM *vm, ModuleRecord *m, ModuleList *stack, uint32_t index, uint32_t depth)
{
    if (m->status == MODULE_LINKING || m->status == MODULE_LINKED || m->status == MODULE_EVALUATING_ASYNC ||
        m->status == MODULE_EVALUATED)
        return index;
    if (depth > MAX_MODULE_DEPTH) {
        vm_throw_range_error(vm, "Maximum call stack size exceeded");
        return UINT32_MAX;
    }
    if (m->status != MODULE_UNLINKED) {
        vm_throw_type_error(vm, "module is not loaded");
        return UINT32_MAX;
    }
    m->status = MODULE_LINKING;
    m->dfs_index = m->dfs_ancestor_index = index++;
    if (!list_push(vm, stack, m))
        return UINT32_MAX;
    for (uint32_t i = 0; i < m->request_count; i++) {
        ModuleRecord *required = m->loaded[i];
        index = inner_module_linking(vm, required, stack, index, depth + 1);
        if (index == UINT32_MAX)
            return UINT32_MAX;
        if (required->status == MODULE_LINKING)
            m->dfs_ancestor_index = min_u32(m->dfs_ancestor_index, required->dfs_ancestor_index);
    }
    if (!initialize_environment(vm, m))
        return UINT32_MAX;
    if (m->dfs_ancestor_index == m->dfs_index) {
        ModuleRecord *done;
        do {
            done = stack->items[--stack->count];
            done->status = MODULE_LINKED;
        } while (done != m);
    }
    return index;
}

bool module_link(VM *vm, ModuleRecord *m)
{
    ModuleList stack = { 0 };
    bool ok = inner_module_linking(vm, m, &stack, 0, 0) != UINT32_MAX;
    if (!ok)
        for (uint32_t i = 0; i < stack.count; i++)
            stack.items[i]->status = MODULE_UNLINKED;
    free(stack.items);
    return ok;
}

/* ---- Evaluate (16.2.1.5.3) ---- */

/* ExecuteModule (16.2.1.6.5): resumes the suspended module body. */
static bool execute_module(VM *vm, ModuleRecord *m)
{
    if (!m->code)
        return true;
    Value body = m->body;
    m->body = VALUE_UNDEFINED;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, body);
    Value result = generator_resume(vm, body, VALUE_UNDEFINED, GENERATOR_RESUME_NEXT);
    GC_SCOPE_END(vm->heap);
    return !value_is_exception(result);
}

/* The error a module evaluated before ended with: thrown again. */
static bool rethrow_evaluation_error(VM *vm, ModuleRecord *m)
{
    if (!m->has_error)
        return true;
    vm_throw(vm, m->error);
    return false;
}

/* InnerModuleEvaluation (16.2.1.5.3.1) without the asynchronous parts. */
static uint32_t inner_module_evaluation(VM *vm, ModuleRecord *m, ModuleList *stack, uint32_t index, uint32_t depth)
{
    if (m->status == MODULE_EVALUATING_ASYNC || m->status == MODULE_EVALUATED)
        return rethrow_evaluation_error(vm, m) ? index : UINT32_MAX;
    if (m->status == MODULE_EVALUATING)
        return index;
    if (depth > MAX_MODULE_DEPTH) {
        vm_throw_range_error(vm, "Maximum call stack size exceeded");
        return UINT32_MAX;
    }
    if (m->status != MODULE_LINKED) {
        vm_throw_type_error(vm, "module is not linked");
        return UINT32_MAX;
    }
    m->status = MODULE_EVALUATING;
    m->dfs_index = m->dfs_ancestor_index = index++;
    if (!list_push(vm, stack, m))
        return UINT32_MAX;
    for (uint32_t i = 0; i < m->request_count; i++) {
        ModuleRecord *required = m->loaded[i];
        index = inner_module_evaluation(vm, required, stack, index, depth + 1);
        if (index == UINT32_MAX)
            return UINT32_MAX;
        if (required->status == MODULE_EVALUATING) {
            m->dfs_ancestor_index = min_u32(m->dfs_ancestor_index, required->dfs_ancestor_index);
        } else if (required->cycle_root && !rethrow_evaluation_error(vm, required->cycle_root)) {
            return UINT32_MAX;
        }
    }
    if (!execute_module(vm, m))
        return UINT32_MAX;
    if (m->dfs_ancestor_index == m->dfs_index) {
        ModuleRecord *done;
        do {
            done = stack->items[--stack->count];
            done->status = MODULE_EVALUATED;
            done->cycle_root = m;
        } while (done != m);
    }
    return index;
}

bool module_evaluate(VM *vm, ModuleRecord *m)
{
    if ((m->status == MODULE_EVALUATING_ASYNC || m->status == MODULE_EVALUATED) && m->cycle_root)
        m = m->cycle_root;
    if (m->status == MODULE_EVALUATED)
        return rethrow_evaluation_error(vm, m);
    ModuleList stack = { 0 };
    bool ok = inner_module_evaluation(vm, m, &stack, 0, 0) != UINT32_MAX;
    if (!ok) {
        GC_SCOPE(vm->heap);
        Value error = vm_take_exception(vm);
        GC_ROOT(vm->heap, error);
        for (uint32_t i = 0; i < stack.count; i++) {
            stack.items[i]->status = MODULE_EVALUATED;
            stack.items[i]->has_error = true;
            stack.items[i]->error = error;
        }
        vm_throw(vm, error);
        GC_SCOPE_END(vm->heap);
    }
    free(stack.items);
    return ok;
}

bool module_run(VM *vm, ModuleRecord *m)
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, m);
    bool ok = module_load_requested(vm, m) && module_link(vm, m) && module_evaluate(vm, m);
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* ---- import.meta (13.3.12.1) ---- */

Value module_import_meta(VM *vm, ModuleRecord *m)
{
    if (!m)
        return vm_throw_error(vm, ERROR_KIND_SYNTAX, "Cannot use 'import.meta' outside a module");
    if (m->import_meta)
        return value_from_object(m->import_meta);
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, m);
    Object *meta = object_new_ordinary(vm, NULL);
    GC_ROOT_CELL(vm->heap, meta);
    bool ok = meta && (!vm->import_meta_hook || vm->import_meta_hook(vm, m, meta, vm->module_load_data));
    GC_SCOPE_END(vm->heap);
    if (!ok)
        return VALUE_EXCEPTION;
    m->import_meta = meta;
    return value_from_object(meta);
}
