/*
 * Module records (ES2025 16.2.1): Source Text Module Records, their
 * linking and evaluation, and module namespace objects.
 *
 *   - vm/compile_module.c fills a record from a parsed Module: its requested
 *     modules and its import / export entries (ParseModule, 16.2.1.6.1),
 *     each local name with the slot of the module Environment it lives in.
 *   - vm/module.c: loading the requested modules through the host's hook
 *     (synchronously), Link (InnerModuleLinking), ResolveExport,
 *     GetExportedNames, InitializeEnvironment, Evaluate
 *     (InnerModuleEvaluation), import.meta.
 *   - vm/module_namespace.c: module namespace exotic objects (10.4.6).
 *
 * The module's code is compiled as a generator-like function: its prologue
 * creates the module Environment and instantiates the hoisted function
 * declarations (InitializeEnvironment), then GENERATOR_START suspends it;
 * evaluation resumes it to run the body (ExecuteModule). Every top-level
 * binding of a module lives in that Environment, so other modules reach it
 * by (module, slot). An import binding's slot holds a ModuleBinding cell,
 * the indirect binding of CreateImportBinding, which LOAD_IMPORT follows.
 *
 * Records are GC cells. The host keeps the records it loads alive (its
 * cache pins them); a record marks everything it references, including the
 * records it imports from.
 */
#ifndef NODUS_VM_MODULE_H
#define NODUS_VM_MODULE_H

#include "vm/function.h"
#include "vm/vm.h"

/* [[Status]] of a Cyclic Module Record (ES2025 Table 44) */
typedef enum ModuleStatus {
    MODULE_NEW,
    MODULE_UNLINKED,
    MODULE_LINKING,
    MODULE_LINKED,
    MODULE_EVALUATING,
    MODULE_EVALUATING_ASYNC,
    MODULE_EVALUATED,
} ModuleStatus;

enum { MODULE_NO_REQUEST = UINT32_MAX, MODULE_NO_SLOT = UINT32_MAX };

/* The type an import asked for with `with { type: ... }` */
typedef enum ModuleType { MODULE_TYPE_JAVASCRIPT, MODULE_TYPE_JSON } ModuleType;

/* A ModuleRequest Record: the specifier and its attributes. */
typedef struct ModuleRequest {
    String *specifier;
    ModuleType type;
    bool bad_type;               /* an unsupported `type` attribute (a SyntaxError when loading) */
} ModuleRequest;

/* ImportEntry Record (Table 46); import_name NULL is namespace-object. */
typedef struct ImportEntry {
    uint32_t request;            /* index in requests */
    String *import_name;
    String *local_name;
    uint32_t slot;               /* the local binding's Environment slot */
} ImportEntry;

/* ExportEntry Record (Table 48). Local exports have request
 * MODULE_NO_REQUEST and a slot; indirect ones an import_name (NULL: all,
 * `export * as ns`); star exports only a request. */
typedef struct ExportEntry {
    String *export_name;
    uint32_t request;
    String *import_name;
    String *local_name;
    uint32_t slot;
} ExportEntry;

typedef struct ModuleRecord ModuleRecord;

struct ModuleRecord {
    GCCell header;
    ModuleStatus status;
    String *name;                /* the resolved file name (stack traces, import.meta.url) */
    FunctionCode *code;          /* NULL for a synthetic module (JSON) */
    Environment *env;            /* [[Environment]], NULL until InitializeEnvironment */
    Value body;                  /* the suspended module body (a generator object) */
    Object *namespace_object;    /* [[Namespace]] */
    Object *import_meta;         /* [[ImportMeta]], made on first use */
    Value error;                 /* [[EvaluationError]] when has_error */
    bool has_error;
    bool has_tla;                /* [[HasTLA]] (always false until async functions exist) */
    uint32_t dfs_index, dfs_ancestor_index;
    ModuleRecord *cycle_root;
    /* [[RequestedModules]] and [[LoadedModules]], in the same order */
    uint32_t request_count;
    ModuleRequest *requests;     /* malloc'd */
    ModuleRecord **loaded;       /* malloc'd; NULL entries until loaded */
    uint32_t import_count, local_export_count, indirect_export_count, star_export_count;
    ImportEntry *imports;        /* malloc'd arrays */
    ExportEntry *local_exports, *indirect_exports, *star_exports;
    void *host_defined;          /* [[HostDefined]]: the host's own use */
};

/* The host's HostLoadImportedModule, synchronous: the record for request
 * imported by referrer (NULL: from a script), loaded and parsed, or NULL
 * after throwing (a missing file, a SyntaxError in it). The host caches
 * records so that the same resolved module gives the same record, and
 * keeps them alive. */
typedef ModuleRecord *(*ModuleLoadHook)(VM *vm, ModuleRecord *referrer, const ModuleRequest *request, void *data);

/* HostGetImportMetaProperties and HostFinalizeImportMeta: adds the host's
 * properties to a new import.meta object; false after throwing. */
typedef bool (*ImportMetaHook)(VM *vm, ModuleRecord *module, Object *meta, void *data);

/* Installs the host's loader and import.meta hook (one per VM; data goes to both). */
void module_set_load_hook(VM *vm, ModuleLoadHook hook, void *data);
void module_set_import_meta_hook(VM *vm, ImportMetaHook hook);

/* Registers the record and binding cell types (called by vm_new). */
void module_register_types(Heap *heap);

/* A new empty record named name (status NEW); NULL after throwing. */
ModuleRecord *module_new(VM *vm, String *name) NODUS_MUST_CHECK;

/* Compiles a parsed Module (parser/parser.h, is_module) into a new record. */
struct Node;
ModuleRecord *module_compile(VM *vm, const struct Node *program, const char *source, uint32_t length,
                             const char *name) NODUS_MUST_CHECK;

/* Parses and compiles source as a Module (ES2025 16.2.1.6.1 ParseModule).
 * NULL after throwing; parse errors throw a SyntaxError whose message
 * includes the position. */
ModuleRecord *module_parse(VM *vm, const char *source, uint32_t length, const char *name) NODUS_MUST_CHECK;

/* A synthetic module whose only export, "default", is value (JSON modules). */
ModuleRecord *module_new_synthetic_default(VM *vm, String *name, Value value) NODUS_MUST_CHECK;

/* LoadRequestedModules (16.2.1.5.1), synchronously through the hook:
 * every module of the graph is loaded. false after throwing. */
bool module_load_requested(VM *vm, ModuleRecord *module) NODUS_MUST_CHECK;
/* Link() (16.2.1.5.2); false after throwing (SyntaxError for an import
 * that does not resolve). */
bool module_link(VM *vm, ModuleRecord *module) NODUS_MUST_CHECK;
/* Evaluate() (16.2.1.5.3) without top-level await: false after throwing
 * the module's (or a dependency's) evaluation error. */
bool module_evaluate(VM *vm, ModuleRecord *module) NODUS_MUST_CHECK;
/* Loads, links and evaluates a root module. */
bool module_run(VM *vm, ModuleRecord *module) NODUS_MUST_CHECK;

/* GetModuleNamespace (16.2.1.10): NULL after throwing. */
Object *module_get_namespace(VM *vm, ModuleRecord *module) NODUS_MUST_CHECK;

/* ResolveExport (16.2.1.6.3) */
typedef enum ResolutionKind { RESOLUTION_NULL, RESOLUTION_AMBIGUOUS, RESOLUTION_BINDING, RESOLUTION_ERROR } ResolutionKind;
typedef struct Resolution {
    ResolutionKind kind;
    ModuleRecord *module;
    String *binding_name;        /* NULL: namespace */
    uint32_t slot;
} Resolution;
Resolution module_resolve_export(VM *vm, ModuleRecord *module, String *export_name);
/* GetExportedNames (16.2.1.6.2): appends String values to list; false
 * after throwing (out of memory). */
bool module_exported_names(VM *vm, ModuleRecord *module, struct KeyList *names) NODUS_MUST_CHECK;

/* The current value of a resolved binding: VALUE_HOLE when it is not
 * initialized yet (the caller throws the ReferenceError). */
Value module_binding_value(ModuleRecord *module, uint32_t slot);

/* The ModuleBinding cell of an import binding (what LOAD_IMPORT follows),
 * and its current value: VALUE_HOLE when uninitialized. */
Value module_import_binding_value(Value binding);

/* import(specifier, options) from code of referrer (NULL: a script):
 * the promise for the module's namespace (13.3.10.1), VALUE_EXCEPTION only
 * when no promise could be made (vm/module_dynamic.c). */
Value module_import_dynamic(VM *vm, ModuleRecord *referrer, Value specifier, Value options);

/* import.meta of the module whose code is running (LOAD_IMPORT_META). */
Value module_import_meta(VM *vm, ModuleRecord *module);

/* The module a FunctionCode belongs to, or NULL (scripts). */
ModuleRecord *module_of_code(const FunctionCode *code);

/* Module namespace objects (vm/module_namespace.c) */
Object *module_namespace_create(VM *vm, ModuleRecord *module, struct KeyList *names) NODUS_MUST_CHECK;

#endif
