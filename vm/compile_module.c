/*
 * Compiling a Module's import and export declarations.
 *
 * ParseModule (ES2025 16.2.1.6.1) turns the declarations into the record's
 * [[RequestedModules]], [[ImportEntries]], [[LocalExportEntries]],
 * [[IndirectExportEntries]] and [[StarExportEntries]]; here they are
 * collected from the AST, each local name with the Environment slot that
 * scope analysis gave it (every top-level binding of a module is in the
 * module Environment, see vm/module.h). The code of the declarations
 * themselves is small: an `export default` binds "*default*"
 * (16.2.3.7), and `export default function () {}` is hoisted with the
 * name "default".
 */
#include <stdlib.h>
#include <string.h>

#include "vm/compiler_internal.h"
#include "vm/string.h"

static void out_of_memory(FuncState *fs)
{
    compile_error(fs->c, ERROR_KIND_RANGE, "Out of memory while compiling");
}

/* An atom for a ModuleExportName or binding name: IDENTIFIER or STRING_LITERAL. */
static String *name_atom(FuncState *fs, const Node *node)
{
    uint32_t index = node->kind == AST_STRING_LITERAL ? const_string(fs, node->as.string_literal.value)
                                                       : const_name(fs, node->as.identifier.name);
    return fs->c->failed ? NULL : value_as_string(fs->constants[index]);
}

static String *cstr_atom(FuncState *fs, const char *cstr)
{
    uint32_t index = const_cstr(fs, cstr);
    return fs->c->failed ? NULL : value_as_string(fs->constants[index]);
}

/* The module Environment slot of a top-level binding (MODULE_NO_SLOT when
 * it is not one: an early error the parser reports, kept defensive). */
static uint32_t binding_slot(FuncState *fs, AstName name)
{
    VarInfo *v = ast_name_equals(name, "*default*") ? fs->c->module_default_var : scope_declared_var(fs->scope, name);
    return v && v->location == VAR_ENV ? v->index : MODULE_NO_SLOT;
}

static bool grow(void **array, uint32_t count, size_t size)
{
    if (count & (count - 1))   /* capacity doubles at powers of two */
        return true;
    void *grown = realloc(*array, (count ? 2 * count : 1) * size);
    if (!grown)
        return false;
    *array = grown;
    return true;
}

/* ---- [[RequestedModules]] ---- */

static ModuleType attribute_type(FuncState *fs, const NodeList *attributes, bool *bad)
{
    *bad = false;
    for (uint32_t i = 0; i < attributes->count; i++) {
        Node *key = attributes->items[i]->as.import_attribute.key;
        Node *value = attributes->items[i]->as.import_attribute.value;
        String *k = name_atom(fs, key), *v = value ? name_atom(fs, value) : NULL;
        if (!k || !v || !string_equals(k, cstr_atom(fs, "type")))
            continue;
        if (string_equals(v, cstr_atom(fs, "json")))
            return MODULE_TYPE_JSON;
        *bad = true;
    }
    return MODULE_TYPE_JAVASCRIPT;
}

/* The index of the ModuleRequest for source, added when new (ModuleRequestsEqual). */
static uint32_t request_index(FuncState *fs, Node *source, const NodeList *attributes)
{
    ModuleRecord *m = fs->c->module;
    String *specifier = name_atom(fs, source);
    bool bad;
    ModuleType type = attribute_type(fs, attributes, &bad);
    if (!specifier)
        return 0;
    for (uint32_t i = 0; i < m->request_count; i++)
        if (string_equals(m->requests[i].specifier, specifier) && m->requests[i].type == type &&
            m->requests[i].bad_type == bad)
            return i;
    if (!grow((void **)&m->requests, m->request_count, sizeof *m->requests) ||
        !grow((void **)&m->loaded, m->request_count, sizeof *m->loaded)) {
        out_of_memory(fs);
        return 0;
    }
    m->requests[m->request_count] = (ModuleRequest){ specifier, type, bad };
    m->loaded[m->request_count] = NULL;
    return m->request_count++;
}

/* ---- entries ---- */

static void add_import(FuncState *fs, uint32_t request, String *import_name, Node *local)
{
    ModuleRecord *m = fs->c->module;
    String *local_name = name_atom(fs, local);
    if (!local_name)
        return;
    if (!grow((void **)&m->imports, m->import_count, sizeof *m->imports)) {
        out_of_memory(fs);
        return;
    }
    m->imports[m->import_count++] =
        (ImportEntry){ request, import_name, local_name, binding_slot(fs, local->as.identifier.name) };
}

static void add_export(FuncState *fs, ExportEntry **list, uint32_t *count, ExportEntry entry)
{
    if (fs->c->failed)
        return;
    if (!grow((void **)list, *count, sizeof **list)) {
        out_of_memory(fs);
        return;
    }
    (*list)[(*count)++] = entry;
}

static void add_local_export(FuncState *fs, String *export_name, AstName local)
{
    ModuleRecord *m = fs->c->module;
    uint32_t index = const_name(fs, local);
    if (fs->c->failed || !export_name)
        return;
    ExportEntry e = { export_name, MODULE_NO_REQUEST, NULL, value_as_string(fs->constants[index]),
                      binding_slot(fs, local) };
    add_export(fs, &m->local_exports, &m->local_export_count, e);
}

static void import_declaration(FuncState *fs, Node *node)
{
    struct ast_import_decl *d = &node->as.import_decl;
    uint32_t request = request_index(fs, d->source, &d->attributes);
    for (uint32_t i = 0; i < d->specifiers.count && !fs->c->failed; i++) {
        Node *s = d->specifiers.items[i];
        Node *local = s->as.module_specifier.local;
        if (s->kind == AST_IMPORT_NAMESPACE_SPECIFIER)
            add_import(fs, request, NULL, local);
        else if (s->kind == AST_IMPORT_DEFAULT_SPECIFIER)
            add_import(fs, request, cstr_atom(fs, "default"), local);
        else
            add_import(fs, request, name_atom(fs, s->as.module_specifier.imported), local);
    }
}

static void export_bound_names(FuncState *fs, Node *declaration);

static void export_pattern_names(FuncState *fs, Node *target)
{
    if (!target)
        return;
    switch (target->kind) {
    case AST_IDENTIFIER:
        add_local_export(fs, name_atom(fs, target), target->as.identifier.name);
        break;
    case AST_ARRAY_PATTERN:
        for (uint32_t i = 0; i < target->as.array.elements.count; i++)
            export_pattern_names(fs, target->as.array.elements.items[i]);
        break;
    case AST_OBJECT_PATTERN:
        for (uint32_t i = 0; i < target->as.object.properties.count; i++)
            export_pattern_names(fs, target->as.object.properties.items[i]);
        break;
    case AST_PROPERTY: export_pattern_names(fs, target->as.property.value); break;
    case AST_ASSIGN_PATTERN: export_pattern_names(fs, target->as.binary.left); break;
    case AST_REST_ELEMENT: export_pattern_names(fs, target->as.spread.argument); break;
    default: break;
    }
}

/* export var/let/const/function/class: a local export per BoundName. */
static void export_bound_names(FuncState *fs, Node *declaration)
{
    switch (declaration->kind) {
    case AST_VAR_DECL:
        for (uint32_t i = 0; i < declaration->as.var_decl.declarations.count; i++)
            export_pattern_names(fs, declaration->as.var_decl.declarations.items[i]->as.var_declarator.target);
        break;
    case AST_FUNCTION_DECL: export_pattern_names(fs, declaration->as.function.id); break;
    case AST_CLASS_DECL: export_pattern_names(fs, declaration->as.class.id); break;
    default: break;
    }
}

/* The import entry that binds local_name, or NULL. */
static ImportEntry *import_entry_for(ModuleRecord *m, String *local_name)
{
    for (uint32_t i = 0; i < m->import_count; i++)
        if (string_equals(m->imports[i].local_name, local_name))
            return &m->imports[i];
    return NULL;
}

/* export { a as b }: local, or indirect when a is itself imported
 * (16.2.1.6.1 step 10.b). Imports are collected first, so all are known.
 * A re-exported namespace import (`import * as a; export { a }`) becomes
 * an indirect export of all, like `export * as a from`: ES2025 keeps it a
 * local export, but ecma262 PR #3715 (which test262 follows) changed that so
 * that two such re-exports of one module's namespace are not ambiguous. */
static void export_local_specifier(FuncState *fs, Node *specifier)
{
    ModuleRecord *m = fs->c->module;
    Node *local = specifier->as.module_specifier.imported;
    String *export_name = name_atom(fs, specifier->as.module_specifier.local);
    String *local_name = name_atom(fs, local);
    if (!export_name || !local_name)
        return;
    ImportEntry *ie = import_entry_for(m, local_name);
    if (!ie) {
        add_local_export(fs, export_name, local->as.identifier.name);
        return;
    }
    ExportEntry e = { export_name, ie->request, ie->import_name, NULL, MODULE_NO_SLOT };
    add_export(fs, &m->indirect_exports, &m->indirect_export_count, e);
}

static void export_named(FuncState *fs, Node *node)
{
    ModuleRecord *m = fs->c->module;
    struct ast_export_named *d = &node->as.export_named;
    if (d->declaration) {
        export_bound_names(fs, d->declaration);
        return;
    }
    uint32_t request = d->source ? request_index(fs, d->source, &d->attributes) : MODULE_NO_REQUEST;
    for (uint32_t i = 0; i < d->specifiers.count && !fs->c->failed; i++) {
        Node *s = d->specifiers.items[i];
        if (!d->source) {
            export_local_specifier(fs, s);
            continue;
        }
        ExportEntry e = { name_atom(fs, s->as.module_specifier.local), request,
                          name_atom(fs, s->as.module_specifier.imported), NULL, MODULE_NO_SLOT };
        add_export(fs, &m->indirect_exports, &m->indirect_export_count, e);
    }
}

static void export_all(FuncState *fs, Node *node)
{
    ModuleRecord *m = fs->c->module;
    struct ast_export_all *d = &node->as.export_all;
    uint32_t request = request_index(fs, d->source, &d->attributes);
    if (d->exported) {   /* export * as ns from "m": an indirect export of all */
        ExportEntry e = { name_atom(fs, d->exported), request, NULL, NULL, MODULE_NO_SLOT };
        add_export(fs, &m->indirect_exports, &m->indirect_export_count, e);
    } else {
        ExportEntry e = { NULL, request, NULL, NULL, MODULE_NO_SLOT };
        add_export(fs, &m->star_exports, &m->star_export_count, e);
    }
}

/* The declaration an `export default` exports under its own name, or NULL
 * when it binds "*default*". */
static Node *default_named_declaration(Node *node)
{
    Node *d = node->as.export_default.declaration;
    if (d->kind == AST_FUNCTION_DECL && d->as.function.id)
        return d->as.function.id;
    if (d->kind == AST_CLASS_DECL && d->as.class.id)
        return d->as.class.id;
    return NULL;
}

static void export_default(FuncState *fs, Node *node)
{
    Node *id = default_named_declaration(node);
    String *name = cstr_atom(fs, "default");
    add_local_export(fs, name, id ? id->as.identifier.name : (AstName){ "*default*", 9 });
}

/* ParseModule steps 2-11, in source order: imports first (an export of an
 * imported name needs its import entry), then the exports. */
void compile_module_entries(FuncState *fs, Node *program)
{
    if (!fs->c->module)
        return;   /* a module compiled as a plain program (nothing imports it) */
    const NodeList *body = &program->as.program.body;
    /* [[RequestedModules]] in source order (16.2.1.3 ModuleRequests) */
    for (uint32_t i = 0; i < body->count && !fs->c->failed; i++) {
        Node *item = body->items[i];
        if (item->kind == AST_IMPORT_DECL)
            request_index(fs, item->as.import_decl.source, &item->as.import_decl.attributes);
        else if (item->kind == AST_EXPORT_NAMED_DECL && item->as.export_named.source)
            request_index(fs, item->as.export_named.source, &item->as.export_named.attributes);
        else if (item->kind == AST_EXPORT_ALL_DECL)
            request_index(fs, item->as.export_all.source, &item->as.export_all.attributes);
    }
    for (uint32_t i = 0; i < body->count && !fs->c->failed; i++)
        if (body->items[i]->kind == AST_IMPORT_DECL)
            import_declaration(fs, body->items[i]);
    for (uint32_t i = 0; i < body->count && !fs->c->failed; i++) {
        Node *item = body->items[i];
        if (item->kind == AST_EXPORT_NAMED_DECL)
            export_named(fs, item);
        else if (item->kind == AST_EXPORT_ALL_DECL)
            export_all(fs, item);
        else if (item->kind == AST_EXPORT_DEFAULT_DECL)
            export_default(fs, item);
    }
}

/* `export default function () {}`: instantiated with the module's other
 * functions, named "default" (16.2.1.6.4 step 24, 15.2.4). */
void compile_module_hoist_default(FuncState *fs, const NodeList *body)
{
    for (uint32_t i = 0; i < body->count; i++) {
        Node *item = body->items[i];
        if (item->kind != AST_EXPORT_DEFAULT_DECL)
            continue;
        Node *d = item->as.export_default.declaration;
        if (d->kind != AST_FUNCTION_DECL || d->as.function.id)
            continue;
        set_position(fs, d);
        emit(fs, OP_CREATE_CLOSURE, (int)compile_function_constant_named(fs, d, (AstName){ "default", 7 }));
        compile_store_binding(fs, fs->c->module_default_var, true, (AstName){ "*default*", 9 }, false);
    }
}

/* ES2025 16.2.3.7 Evaluation of ExportDeclaration with `default`. */
void compile_export_default(FuncState *fs, Node *node)
{
    Node *d = node->as.export_default.declaration;
    AstName default_name = { "default", 7 };
    if (d->kind == AST_FUNCTION_DECL)
        return;   /* hoisted */
    if (d->kind == AST_CLASS_DECL) {
        compile_class_named(fs, d, d->as.class.id ? d->as.class.id->as.identifier.name : default_name);
        if (d->as.class.id) {
            compile_store_var(fs, d->as.class.id, true);
            return;
        }
    } else {
        compile_named_value(fs, d, default_name);
    }
    set_position(fs, node);
    compile_store_binding(fs, fs->c->module_default_var, true, (AstName){ "*default*", 9 }, false);
}
