/*
 * The host's ES module loader (see module_loader.h).
 *
 * Resolution: a specifier starting with "/", "./" or "../" (or a file:
 * URL) names a file, relative to the directory of the importing module;
 * the resolved path is made canonical with realpath(3), so that two
 * spellings of one file give one module record (ES2025 16.2.1.8: the same
 * (referrer, specifier) pair must always give the same record, and the
 * cache makes that true across referrers too). Anything else (bare
 * specifiers, node: built-ins) is not supported yet.
 *
 * `import x from "./d.json" with { type: "json" }` gives a synthetic module
 * whose default export is JSON.parse of the file (the JSON modules proposal,
 * ES2025 16.2.1.8 ParseJSONModule).
 */
#include "runtime/module_loader.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime/source_file.h"
#include "stdlib/es/json_internal.h"
#include "vm/atom.h"
#include "vm/object.h"
#include "vm/string.h"

typedef struct LoadedModule {
    char *path;                  /* canonical absolute path */
    ModuleRecord *record;        /* pinned */
} LoadedModule;

struct ModuleLoader {
    ModuleLoaderOptions options;
    char *script_path;           /* what import() in a script resolves against */
    LoadedModule *modules;
    uint32_t count, capacity;
};

static ModuleRecord *load_imported_module(VM *vm, ModuleRecord *referrer, const ModuleRequest *request, void *data);
static bool finalize_import_meta(VM *vm, ModuleRecord *module, Object *meta, void *data);

ModuleLoader *module_loader_new(VM *vm, const ModuleLoaderOptions *options)
{
    ModuleLoader *loader = calloc(1, sizeof *loader);
    if (!loader)
        return NULL;
    loader->options = *options;
    module_set_load_hook(vm, load_imported_module, loader);
    module_set_import_meta_hook(vm, finalize_import_meta);
    return loader;
}

void module_loader_free(VM *vm, ModuleLoader *loader)
{
    if (!loader)
        return;
    for (uint32_t i = 0; i < loader->count; i++) {
        gc_unpin(vm->heap, &loader->modules[i].record->header);
        free(loader->modules[i].path);
    }
    free(loader->modules);
    free(loader->script_path);
    free(loader);
    module_set_load_hook(vm, NULL, NULL);
    module_set_import_meta_hook(vm, NULL);
}

static LoadedModule *find(ModuleLoader *loader, const char *path)
{
    for (uint32_t i = 0; i < loader->count; i++)
        if (strcmp(loader->modules[i].path, path) == 0)
            return &loader->modules[i];
    return NULL;
}

bool module_loader_add(VM *vm, ModuleLoader *loader, const char *path, ModuleRecord *record)
{
    char *canonical = realpath(path, NULL);
    if (!canonical)
        canonical = strdup(path);
    if (!canonical) {
        vm_throw_out_of_memory(vm);
        return false;
    }
    if (loader->count == loader->capacity) {
        uint32_t capacity = loader->capacity ? 2 * loader->capacity : 16;
        LoadedModule *grown = realloc(loader->modules, capacity * sizeof *grown);
        if (!grown) {
            free(canonical);
            vm_throw_out_of_memory(vm);
            return false;
        }
        loader->modules = grown;
        loader->capacity = capacity;
    }
    gc_pin(vm->heap, &record->header);
    loader->modules[loader->count++] = (LoadedModule){ canonical, record };
    record->host_defined = canonical;
    return true;
}

/* "file:///a/b.mjs" (node's name of a module) as a path. */
static const char *strip_file_url(const char *name)
{
    return strncmp(name, "file://", 7) == 0 ? name + 7 : name;
}

static char *module_name(const ModuleLoader *loader, const char *path)
{
    size_t len = strlen(path);
    char *name = malloc(len + 8);
    if (name)
        snprintf(name, len + 8, "%s%s", loader->options.url_names ? "file://" : "", path);
    return name;
}

static ModuleRecord *json_module(VM *vm, const char *name, const SourceFile *file)
{
    GC_SCOPE(vm->heap);
    Value text = VALUE_UNDEFINED, value = VALUE_UNDEFINED;
    GC_ROOT(vm->heap, text);
    GC_ROOT(vm->heap, value);
    String *name_string = string_from_cstr(vm, name);
    GC_ROOT_CELL(vm->heap, name_string);
    String *s = name_string ? string_from_utf8(vm, file->text, file->len) : NULL;
    if (s)
        text = value_from_string(s);
    if (s)
        value = json_parse(vm, VALUE_UNDEFINED, 1, &text, NULL);
    ModuleRecord *m = s && !value_is_exception(value) ? module_new_synthetic_default(vm, name_string, value) : NULL;
    GC_SCOPE_END(vm->heap);
    return m;
}

/* Reads, parses and caches the module at the canonical path. */
static ModuleRecord *load_path(VM *vm, ModuleLoader *loader, const char *path, ModuleType type)
{
    LoadedModule *cached = find(loader, path);
    if (cached)
        return cached->record;
    SourceFile file;
    int error = source_file_read(&file, path);
    if (error) {
        vm_throw_error(vm, ERROR_KIND_ERROR, "Cannot load module '%s': %s", path, strerror(error));
        return NULL;
    }
    char *name = module_name(loader, path);
    ModuleRecord *m = NULL;
    if (!name)
        vm_throw_out_of_memory(vm);
    else if (type == MODULE_TYPE_JSON)
        m = json_module(vm, name, &file);
    else
        m = module_parse(vm, file.text, file.len, name);
    free(name);
    source_file_free(&file);
    if (m && !module_loader_add(vm, loader, path, m))
        m = NULL;
    return m;
}

ModuleRecord *module_loader_load_file(VM *vm, ModuleLoader *loader, const char *path)
{
    char *canonical = realpath(path, NULL);
    if (!canonical) {
        vm_throw_error(vm, ERROR_KIND_ERROR, "Cannot find module '%s'", path);
        return NULL;
    }
    ModuleRecord *m = load_path(vm, loader, canonical, MODULE_TYPE_JAVASCRIPT);
    free(canonical);
    return m;
}

static bool is_file_specifier(const char *s)
{
    return s[0] == '/' || strncmp(s, "./", 2) == 0 || strncmp(s, "../", 3) == 0 || strncmp(s, "file://", 7) == 0;
}

/* Removes "." and "dir/.." segments of an absolute path, in place (what
 * URL resolution does to a file: URL; symbolic links are left to realpath). */
static void normalize_path(char *path)
{
    char *out = path;
    for (const char *in = path; *in;) {
        while (*in == '/')
            in++;
        const char *end = strchr(in, '/');
        size_t len = end ? (size_t)(end - in) : strlen(in);
        if (len == 1 && in[0] == '.') {
            /* nothing */
        } else if (len == 2 && in[0] == '.' && in[1] == '.') {
            while (out > path && *--out != '/')
                ;
        } else if (len > 0) {
            *out++ = '/';
            memmove(out, in, len);
            out += len;
        }
        in += len;
    }
    if (out == path)
        *out++ = '/';
    *out = '\0';
}

void module_loader_set_script_path(ModuleLoader *loader, const char *path)
{
    free(loader->script_path);
    loader->script_path = path ? realpath(path, NULL) : NULL;
    if (path && !loader->script_path)
        loader->script_path = strdup(path);
}

/* The directory of the referrer joined with a relative specifier. */
static char *join_with_referrer(const ModuleLoader *loader, const ModuleRecord *referrer, const char *specifier)
{
    specifier = strip_file_url(specifier);
    if (specifier[0] == '/') {
        char *copy = strdup(specifier);
        if (copy)
            normalize_path(copy);
        return copy;
    }
    const char *base = referrer && referrer->host_defined ? referrer->host_defined : NULL;
    if (!referrer)
        base = loader->script_path;
    if (base && !strchr(base, '/'))
        base = NULL;   /* code given as a string: relative to the working directory */
    char cwd[PATH_MAX];
    if (!base) {
        if (!getcwd(cwd, sizeof cwd - 2))
            return NULL;
        strcat(cwd, "/x");
        base = cwd;
    }
    const char *slash = strrchr(base, '/');
    size_t dir_len = slash ? (size_t)(slash - base) : 0;
    size_t len = dir_len + 1 + strlen(specifier) + 1;
    char *joined = malloc(len);
    if (joined) {
        snprintf(joined, len, "%.*s/%s", (int)dir_len, base, specifier);
        normalize_path(joined);
    }
    return joined;
}

/* HostLoadImportedModule (ES2025 16.2.1.8), synchronously. */
static ModuleRecord *load_imported_module(VM *vm, ModuleRecord *referrer, const ModuleRequest *request, void *data)
{
    ModuleLoader *loader = data;
    char *specifier = string_to_utf8(request->specifier, NULL);
    if (!specifier) {
        vm_throw_out_of_memory(vm);
        return NULL;
    }
    ModuleRecord *m = NULL;
    if (request->bad_type) {
        vm_throw_type_error(vm, "Import attribute \"type\" of '%s' is not supported", specifier);
    } else if (!is_file_specifier(specifier)) {
        vm_throw_error(vm, ERROR_KIND_ERROR, "Cannot find package '%s' (only file specifiers are supported)",
                       specifier);
    } else {
        char *joined = join_with_referrer(loader, referrer, specifier);
        char *canonical = joined ? realpath(joined, NULL) : NULL;
        if (!joined)
            vm_throw_out_of_memory(vm);
        else if (!canonical)
            vm_throw_error(vm, ERROR_KIND_ERROR, "Cannot find module '%s' imported from %s", joined,
                           referrer && referrer->host_defined ? (const char *)referrer->host_defined
                           : loader->script_path ? loader->script_path : "the script");
        else
            m = load_path(vm, loader, canonical, request->type);
        free(canonical);
        free(joined);
    }
    free(specifier);
    return m;
}

static bool define_string(VM *vm, Object *meta, const char *key, const char *chars, size_t len)
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, meta);
    String *k = atom_from_cstr(vm, key);
    GC_ROOT_CELL(vm->heap, k);
    String *v = k ? string_from_utf8(vm, chars, len) : NULL;
    bool ok = v && object_create_data_property(vm, meta, value_from_string(k), value_from_string(v)) > 0;
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* import.meta.url, .dirname, .filename as node 20 gives them. */
static bool finalize_import_meta(VM *vm, ModuleRecord *module, Object *meta, void *data)
{
    ModuleLoader *loader = data;
    const char *path = module->host_defined;
    if (!loader || !loader->options.import_meta_url || !path)
        return true;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, meta);
    size_t len = strlen(path);
    char *url = malloc(len + 8);
    const char *slash = strrchr(path, '/');
    bool ok = url != NULL;
    if (ok) {
        snprintf(url, len + 8, "file://%s", path);
        ok = define_string(vm, meta, "dirname", path, slash && slash != path ? (size_t)(slash - path) : 1) &&
             define_string(vm, meta, "filename", path, len) && define_string(vm, meta, "url", url, strlen(url));
    } else {
        vm_throw_out_of_memory(vm);
    }
    free(url);
    GC_SCOPE_END(vm->heap);
    return ok;
}
