/*
 * The host's ES module loader (HostLoadImportedModule, ES2025 16.2.1.8):
 * file specifiers resolved against the importing module's directory, files
 * read and parsed into module records, one record per resolved path.
 *
 * The nodus binary and the test262 runner both use it. Records stay pinned
 * until module_loader_free.
 */
#ifndef NODUS_RUNTIME_MODULE_LOADER_H
#define NODUS_RUNTIME_MODULE_LOADER_H

#include <stdbool.h>

#include "vm/module.h"

typedef struct ModuleLoader ModuleLoader;

typedef struct ModuleLoaderOptions {
    bool url_names;              /* name records by file: URL (node's stack traces) rather than by path */
    bool import_meta_url;        /* import.meta.url, dirname, filename (as node 20) */
} ModuleLoaderOptions;

/* A loader installed as vm's module hooks; NULL when out of memory. */
ModuleLoader *module_loader_new(VM *vm, const ModuleLoaderOptions *options);
/* Unpins every record and frees the loader (before vm_free). */
void module_loader_free(VM *vm, ModuleLoader *loader);

/* The record of the file at path (relative to the working directory),
 * loaded once; NULL after throwing. */
ModuleRecord *module_loader_load_file(VM *vm, ModuleLoader *loader, const char *path);

/* The script whose import() calls resolve against path's directory
 * (without one: the working directory). */
void module_loader_set_script_path(ModuleLoader *loader, const char *path);

/* Caches an already compiled record as the module of path (the program the
 * CLI parsed itself), so that imports of that path find it. false: out of
 * memory (thrown). */
bool module_loader_add(VM *vm, ModuleLoader *loader, const char *path, ModuleRecord *record);

#endif
