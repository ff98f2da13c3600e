/*
 * Run mode: one variant in a fresh VM (see run_mode.h).
 *
 * Separate scripts, not one concatenated source: INTERPRETING.md asks for
 * the harness files to be "evaluated in the test realm's global scope prior
 * to test execution", and the strict prefix to modify the test's contents
 * only. Running them as separate Scripts in one realm does exactly that:
 * the harness stays sloppy in the strict variant, a test's global
 * declarations meet the harness's through GlobalDeclarationInstantiation as
 * in a browser, and positions in error messages are the test file's own.
 * The test is parsed and compiled before any harness file runs, so a
 * parse-time error is told apart from a runtime one without evaluating
 * anything (negative parse tests must not run).
 */
#include "tools/test262/run_mode.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "tools/test262/harness.h"
#include "tools/test262/host262.h"
#include "tools/test262/script.h"
#include "tools/test262/thrown.h"
#include "lexer/arena.h"
#include "parser/parser.h"
#include "runtime/module_loader.h"
#include "vm/function.h"
#include "vm/realm.h"

enum { DESCRIPTION_SIZE = 400 };

/* ---- the VM of one variant ---- */

/* A VM with a realm, print and $262; NULL with a reason in message. */
static VM *start_vm(const RunConfig *config, HostState *host, char *message, size_t message_size)
{
    GCOptions options = {.max_heap_bytes = RUN_MODE_HEAP_LIMIT, .stress = config->gc_stress};
    VM *vm = vm_new(&options);
    if (!vm) {
        snprintf(message, message_size, "cannot create a VM (out of memory)");
        return NULL;
    }
    if (realm_new(vm) && host262_install(vm, host))
        return vm;
    char description[DESCRIPTION_SIZE];
    thrown_describe(vm, vm_take_exception(vm), description, sizeof description);
    snprintf(message, message_size, "cannot set up the realm: %s", description);
    host262_detach();
    vm_free(vm);
    return NULL;
}

static void stop_vm(VM *vm)
{
    host262_detach();
    if (vm->realm)
        realm_free(vm, vm->realm);
    vm_free(vm);
}

/* ---- verdicts ---- */

/* The test's source did not parse or compile: error_name is the error's
 * constructor name (SyntaxError, ...), description says what it was. */
static Outcome judge_early_error(const TestCase *test, const char *error_name, const char *description,
                                 char *message, size_t message_size)
{
    const char *expected = test->metadata.negative_type;
    if (test->metadata.kind == TEST_NEGATIVE_PARSE && strcmp(error_name, expected) == 0)
        return OUTCOME_PASS;
    if (test->metadata.kind == TEST_NEGATIVE_PARSE)
        snprintf(message, message_size, "expected a parse-time %s, got %s", expected, description);
    else
        snprintf(message, message_size, "%s", description);
    return OUTCOME_FAIL;
}

/* " (at 12:5)" when the test's own code threw exception (not the harness:
 * an assert.js line says nothing about the test), as a position in the test
 * file. Empty otherwise. */
static void describe_site(VM *vm, const TestCase *test, Variant variant, Value exception, char *out, size_t size)
{
    char source_name[256];
    uint32_t line, column;
    out[0] = '\0';
    if (!thrown_site(vm, exception, source_name, sizeof source_name, &line, &column) ||
        strcmp(source_name, test->path) != 0)
        return;
    if (variant == VARIANT_STRICT && line > 1)
        line--;   /* the "use strict" prefix is a line of its own */
    snprintf(out, size, " (at %u:%u)", line, column);
}

/* The test threw: passes only if it is negative at runtime and the error's
 * constructor is the expected one. */
static Outcome judge_exception(VM *vm, const TestCase *test, Variant variant, Value exception, char *message,
                               size_t message_size)
{
    char name[64], site[64], description[DESCRIPTION_SIZE];
    describe_site(vm, test, variant, exception, site, sizeof site);
    thrown_constructor_name(vm, exception, name, sizeof name);
    thrown_describe(vm, exception, description, sizeof description);
    if (test->metadata.kind != TEST_NEGATIVE_RUNTIME) {
        snprintf(message, message_size, "%s%s", description, site);
        return OUTCOME_FAIL;
    }
    if (strcmp(name, test->metadata.negative_type) == 0)
        return OUTCOME_PASS;
    snprintf(message, message_size, "expected %s, got %s%s", test->metadata.negative_type, description, site);
    return OUTCOME_FAIL;
}

/* The test ran to completion (its script and the job queue) without an
 * uncaught exception. */
static Outcome judge_normal_completion(const TestCase *test, const HostState *host, char *message,
                                       size_t message_size)
{
    if (test->metadata.kind == TEST_NEGATIVE_RUNTIME) {
        snprintf(message, message_size, "completed normally, but the test expects a runtime %s",
                 test->metadata.negative_type);
        return OUTCOME_FAIL;
    }
    if (!(test->metadata.flags & FLAG_ASYNC))
        return OUTCOME_PASS;
    /* INTERPRETING.md, async: a failure report fails the test even if
     * completion was reported too. */
    if (host->async_failed) {
        snprintf(message, message_size, "async test failed: %s", host->async_failure);
        return OUTCOME_FAIL;
    }
    if (host->async_complete)
        return OUTCOME_PASS;
    snprintf(message, message_size, "async test never printed Test262:AsyncTestComplete ($DONE was not called)");
    return OUTCOME_FAIL;
}

/* ---- scripts ---- */

/* Compiles one script; on failure, a description and the error's name. */
static FunctionCode *compile_or_describe(VM *vm, const char *source, size_t length, const char *name,
                                         char *error_name, size_t error_name_size, char *description,
                                         size_t description_size)
{
    ParseError parse_error;
    FunctionCode *code = script_compile(vm, source, length, name, &parse_error);
    if (code)
        return code;
    if (parse_error.message[0]) {
        snprintf(error_name, error_name_size, "%s", parse_error.name ? parse_error.name : "SyntaxError");
        snprintf(description, description_size, "%s at %u:%u: %s", error_name, parse_error.line, parse_error.col,
                 parse_error.message);
    } else {
        Value exception = vm_take_exception(vm);
        thrown_constructor_name(vm, exception, error_name, error_name_size);
        thrown_describe(vm, exception, description, description_size);
    }
    return NULL;
}

/* Evaluates each harness file in order. False with a reason in message. */
static bool run_harness(VM *vm, const RunConfig *config, const HarnessList *list, char *message, size_t message_size)
{
    char error_name[64], description[DESCRIPTION_SIZE];
    for (size_t i = 0; i < list->count; i++) {
        const char *name = list->names[i];
        const HarnessFile *file = harness_load(config->suite_dir, name, message, message_size);
        if (!file)
            return false;
        FunctionCode *code = compile_or_describe(vm, file->text, file->length, name, error_name, sizeof error_name,
                                                 description, sizeof description);
        if (!code || value_is_exception(script_run(vm, code))) {
            if (code)
                thrown_describe(vm, vm_take_exception(vm), description, sizeof description);
            snprintf(message, message_size, "harness/%s: %s", name, description);
            return false;
        }
    }
    return true;
}

/* Runs the compiled test, then the job queue; judges how that ended. */
static Outcome run_test_code(VM *vm, const TestCase *test, Variant variant, FunctionCode *code, const HostState *host,
                             char *message, size_t message_size)
{
    bool completed = !value_is_exception(script_run(vm, code)) && vm_run_jobs(vm);
    if (completed)
        return judge_normal_completion(test, host, message, message_size);
    GC_SCOPE(vm->heap);
    Value exception = vm_take_exception(vm);
    GC_ROOT(vm->heap, exception);
    Outcome outcome = judge_exception(vm, test, variant, exception, message, message_size);
    GC_SCOPE_END(vm->heap);
    return outcome;
}

/* Compiles the test, evaluates the harness, runs the test. */
static Outcome run_in_vm(VM *vm, const RunConfig *config, const TestCase *test, Variant variant,
                         const HarnessList *harness, const HostState *host, const char *source, size_t length,
                         char *message, size_t message_size)
{
    char error_name[64] = "", description[DESCRIPTION_SIZE];
    FunctionCode *code = compile_or_describe(vm, source, length, test->path, error_name, sizeof error_name,
                                             description, sizeof description);
    if (!code)
        return judge_early_error(test, error_name, description, message, message_size);
    if (test->metadata.kind == TEST_NEGATIVE_PARSE) {
        snprintf(message, message_size, "parsed, but the test expects a parse-time %s", test->metadata.negative_type);
        return OUTCOME_FAIL;
    }
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, code);   /* compiled before the harness runs (and allocates) */
    Outcome outcome = OUTCOME_FAIL;
    if (run_harness(vm, config, harness, message, message_size))
        outcome = run_test_code(vm, test, variant, code, host, message, message_size);
    GC_SCOPE_END(vm->heap);
    return outcome;
}

static Outcome run_script_variant(const RunConfig *config, const TestCase *test, Variant variant,
                                  const char *source, size_t length, char *message, size_t message_size)
{
    HarnessList harness;
    if (!harness_list_for(&test->metadata, variant, &harness)) {
        snprintf(message, message_size, "out of memory");
        return OUTCOME_FAIL;
    }
    HostState host;
    VM *vm = start_vm(config, &host, message, message_size);
    Outcome outcome = OUTCOME_FAIL;
    if (vm) {
        /* import() in the test: modules beside it (INTERPRETING.md, "Modules") */
        ModuleLoaderOptions loader_options = { .url_names = false };
        ModuleLoader *loader = module_loader_new(vm, &loader_options);
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", config->test_root, test->path);
        if (loader)
            module_loader_set_script_path(loader, path);
        outcome = run_in_vm(vm, config, test, variant, &harness, &host, source, length, message, message_size);
        module_loader_free(vm, loader);
        stop_vm(vm);
    }
    harness_list_free(&harness);
    return outcome;
}

/* ---- modules ---- */

/* The test parsed as a Module; a parse failure is judged at once (a
 * negative parse test must not run anything). */
static bool parse_module_test(const TestCase *test, const char *source, size_t length, Arena *arena, Node **program,
                              Outcome *outcome, char *message, size_t message_size)
{
    ParseOptions options = {.is_module = true};
    ParseError parse_error;
    memset(&parse_error, 0, sizeof parse_error);
    *program = length <= UINT32_MAX ? parse_program(arena, source, (uint32_t)length, &options, &parse_error) : NULL;
    if (*program && test->metadata.kind == TEST_NEGATIVE_PARSE) {
        snprintf(message, message_size, "parsed, but the test expects a parse-time %s", test->metadata.negative_type);
        *outcome = OUTCOME_FAIL;
        return false;
    }
    if (*program)
        return true;
    char description[DESCRIPTION_SIZE];
    const char *error_name = parse_error.name ? parse_error.name : "SyntaxError";
    snprintf(description, sizeof description, "%s at %u:%u: %s", error_name, parse_error.line, parse_error.col,
             parse_error.message);
    *outcome = judge_early_error(test, error_name, description, message, message_size);
    return false;
}

/* Loading and linking failed: a pass only for a negative resolution test
 * expecting that error. */
static Outcome judge_link_error(VM *vm, const TestCase *test, char *message, size_t message_size)
{
    char name[64], description[DESCRIPTION_SIZE];
    GC_SCOPE(vm->heap);
    Value exception = vm_take_exception(vm);
    GC_ROOT(vm->heap, exception);
    thrown_constructor_name(vm, exception, name, sizeof name);
    thrown_describe(vm, exception, description, sizeof description);
    GC_SCOPE_END(vm->heap);
    if (test->metadata.kind == TEST_NEGATIVE_RESOLUTION && strcmp(name, test->metadata.negative_type) == 0)
        return OUTCOME_PASS;
    if (test->metadata.kind == TEST_NEGATIVE_RESOLUTION)
        snprintf(message, message_size, "expected a resolution-time %s, got %s", test->metadata.negative_type,
                 description);
    else
        snprintf(message, message_size, "linking failed: %s", description);
    return OUTCOME_FAIL;
}

/* The harness, then the test as the root module: load its imports (the
 * *_FIXTURE.js files beside it, INTERPRETING.md "Modules"), link, evaluate
 * and run the jobs. */
static Outcome run_module_in_vm(VM *vm, const RunConfig *config, const TestCase *test, const HarnessList *harness,
                                const HostState *host, ModuleRecord *root, char *message, size_t message_size)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", config->test_root, test->path);
    if (!run_harness(vm, config, harness, message, message_size))
        return OUTCOME_FAIL;
    if (!module_loader_add(vm, vm->module_load_data, path, root) || !module_load_requested(vm, root) ||
        !module_link(vm, root))
        return judge_link_error(vm, test, message, message_size);
    if (test->metadata.kind == TEST_NEGATIVE_RESOLUTION) {
        snprintf(message, message_size, "linked, but the test expects a resolution-time %s",
                 test->metadata.negative_type);
        return OUTCOME_FAIL;
    }
    bool completed = module_evaluate(vm, root) && vm_run_jobs(vm);
    if (completed)
        return judge_normal_completion(test, host, message, message_size);
    GC_SCOPE(vm->heap);
    Value exception = vm_take_exception(vm);
    GC_ROOT(vm->heap, exception);
    Outcome outcome = judge_exception(vm, test, VARIANT_MODULE, exception, message, message_size);
    GC_SCOPE_END(vm->heap);
    return outcome;
}

static Outcome run_module_variant(const RunConfig *config, const TestCase *test, const char *source, size_t length,
                                  char *message, size_t message_size)
{
    Arena arena;
    arena_init(&arena);
    Node *program;
    Outcome outcome = OUTCOME_FAIL;
    if (!parse_module_test(test, source, length, &arena, &program, &outcome, message, message_size)) {
        arena_free(&arena);
        return outcome;
    }
    HarnessList harness;
    HostState host;
    VM *vm = harness_list_for(&test->metadata, VARIANT_MODULE, &harness) ? start_vm(config, &host, message, message_size)
                                                                         : NULL;
    if (!vm) {
        if (!message[0])
            snprintf(message, message_size, "out of memory");
        arena_free(&arena);
        return OUTCOME_FAIL;
    }
    ModuleLoaderOptions loader_options = { .url_names = false };
    ModuleLoader *loader = module_loader_new(vm, &loader_options);
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", config->test_root, test->path);
    if (loader)
        module_loader_set_script_path(loader, path);   /* import() in harness scripts */
    ModuleRecord *root = loader ? module_compile(vm, program, source, (uint32_t)length, test->path) : NULL;
    arena_free(&arena);
    if (!root) {
        char error_name[64] = "", description[DESCRIPTION_SIZE] = "out of memory";
        if (vm->has_exception) {
            Value exception = vm_take_exception(vm);
            thrown_constructor_name(vm, exception, error_name, sizeof error_name);
            thrown_describe(vm, exception, description, sizeof description);
        }
        outcome = judge_early_error(test, error_name, description, message, message_size);
    } else {
        GC_SCOPE(vm->heap);
        GC_ROOT_CELL(vm->heap, root);
        outcome = run_module_in_vm(vm, config, test, &harness, &host, root, message, message_size);
        GC_SCOPE_END(vm->heap);
    }
    module_loader_free(vm, loader);
    stop_vm(vm);
    harness_list_free(&harness);
    return outcome;
}

Outcome run_variant(const RunConfig *config, const TestCase *test, Variant variant, const char *source, size_t length,
                    char *message, size_t message_size)
{
    if (variant == VARIANT_MODULE)
        return run_module_variant(config, test, source, length, message, message_size);
    return run_script_variant(config, test, variant, source, length, message, message_size);
}
