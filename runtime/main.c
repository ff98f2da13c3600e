/*
 * The nodus binary: options in, source text read, then one of the stages
 * shown or run. The pipeline is
 *
 *     cli_parse -> load_source -> parse_source -> execute
 *
 * with --dump-tokens leaving it after the lexer, --check and --dump-ast
 * after the parser, and --dump-bytecode after the compiler; execute()
 * compiles the program and runs it.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lexer/arena.h"
#include "lexer/token_dump.h"
#include "parser/parser.h"
#include "runtime/cli.h"
#include "runtime/report.h"
#include "runtime/source_file.h"
#include "vm/promise.h"
#include "vm/bytecode.h"
#include "vm/function.h"
#include "vm/realm.h"
#include "vm/string.h"
#include "vm/vm.h"

static bool has_suffix(const char *s, const char *suffix)
{
    size_t len = strlen(s), suffix_len = strlen(suffix);
    return len >= suffix_len && strcmp(s + len - suffix_len, suffix) == 0;
}

/* Code given with -e or -p, or read from standard input, rather than a file. */
static bool is_string_input(const CliOptions *options)
{
    return options->eval_code || !options->script || strcmp(options->script, "-") == 0;
}

/*
 * Reads the program's source and settles its goal symbol as far as the
 * options and the file name fix it: .mjs files are modules and .cjs files
 * scripts; --module makes every input a module, --input-type only the code
 * given as a string or on standard input, as in node. Anything else is left
 * to detection (parse_source).
 */
static int load_source(const CliOptions *options, SourceFile *source, bool *detect_module)
{
    bool string_input = is_string_input(options);
    int error;

    if (options->eval_code)
        error = source_file_from_string(source, options->eval_code, "[eval]");
    else
        error = source_file_read(source, options->script);
    if (error) {
        fprintf(stderr, "nodus: cannot open %s: %s\n",
                options->script ? options->script : "standard input", strerror(error));
        return CLI_EXIT_ERROR;
    }

    *detect_module = false;
    if (options->force_module)
        source->is_module = true;
    else if (string_input && options->input_type != CLI_INPUT_DEFAULT)
        source->is_module = options->input_type == CLI_INPUT_MODULE;
    else if (!string_input && (has_suffix(options->script, ".mjs") || has_suffix(options->script, ".cjs")))
        source->is_module = has_suffix(options->script, ".mjs");
    else
        *detect_module = true;
    return CLI_EXIT_OK;
}

/*
 * The name node shows in a SyntaxError, once the goal is known:
 *   - a file: its absolute path; a module being run shows its file: URL;
 *   - -e / -p: "[eval]", or the URL of "[eval1]" in the working directory
 *     for a module (node 20 prints file:///cwd/[eval1] there);
 *   - standard input: "[stdin]", or that "[eval1]" URL for a module.
 */
static int name_source(const CliOptions *options, SourceFile *source)
{
    if (is_string_input(options)) {
        source->name = source->is_module ? source_file_display_name("[eval1]", true)
                                         : strdup(source->label);
    } else {
        /* node --check names even a module by its path; running it, by URL */
        bool as_url = source->is_module && options->mode == CLI_MODE_RUN;
        source->name = source_file_display_name(options->script, as_url);
    }
    if (!source->name) {
        fprintf(stderr, "nodus: out of memory\n");
        return CLI_EXIT_ERROR;
    }
    return CLI_EXIT_OK;
}

/* V8's messages for syntax that is valid only in a module, as node 20 lists
 * them for its syntax detection (src/node_contextify.cc). */
static bool is_module_syntax_error(const ParseError *error)
{
    static const char *const messages[] = {
        "Cannot use import statement outside a module",
        "Unexpected token 'export'",
        "Cannot use 'import.meta' outside a module",
    };
    for (size_t i = 0; i < sizeof messages / sizeof messages[0]; i++) {
        if (strcmp(error->message, messages[i]) == 0)
            return true;
    }
    return false;
}

/* Top-level await: a script error that a module parse may clear. */
static bool is_top_level_await_error(const ParseError *error)
{
    return strcmp(error->message, "await is only valid in async functions and the top level bodies of modules") == 0;
}

/*
 * Parses the source. When its goal is not fixed (a .js file, -e, standard
 * input, without --module or --input-type), does as node 20's syntax
 * detection: parse as a script, and if that fails only because of import,
 * export or import.meta, parse as a module and report that parse's outcome;
 * if it fails because of a top-level await, take the module parse only when
 * it succeeds. Sets source->is_module to the goal that was used.
 */
static Node *parse_source(Arena *arena, SourceFile *source, bool detect_module, bool is_commonjs,
                          ParseError *error)
{
    ParseOptions options = { .is_module = source->is_module, .is_strict = false, .is_commonjs = is_commonjs };
    Node *program = parse_program(arena, source->text, source->len, &options, error);
    if (program || !detect_module)
        return program;

    bool module_syntax = is_module_syntax_error(error);
    if (!module_syntax && !is_top_level_await_error(error))
        return NULL;
    ParseError module_error;
    options.is_module = true;
    program = parse_program(arena, source->text, source->len, &options, &module_error);
    if (program || module_syntax) {
        source->is_module = true;
        *error = module_error;
    }
    return program;
}

/*
 * The program is done and the process ends next. In the optimised build the
 * system takes the heap back at once, which is cheaper than finalizing
 * every cell and unmapping every page (about a tenth of an empty program's
 * run time). Builds with assertions (--enable-debug, --enable-sanitizers)
 * tear everything down, so leak checkers see it all freed; --trace-gc
 * prints its totals at teardown.
 */
static void exit_early_without_teardown(const CliOptions *options, int status)
{
#ifdef NDEBUG
    if (!options->trace_gc)
        exit(status);   /* flushes stdio */
#else
    (void)options;
    (void)status;
#endif
}

/*
 * Runs a parsed program: a VM and a realm, the program compiled to
 * bytecode (vm/) and run as a script; an uncaught exception is reported as
 * node reports it (exit status 1), and -p prints the completion value.
 * Next: the program as a CommonJS or ES module (runtime/module_*.c), then
 * the event loop (runtime/loop.c, on libuv) until no work is left.
 */
static int execute(const CliOptions *options, const SourceFile *source, const Node *program)
{
    GCOptions gc_options = {
        .stress = options->gc_stress,
        .trace = options->trace_gc,
        .max_heap_bytes = options->max_heap_mb << 20,
    };
    VM *vm = vm_new(&gc_options);
    Realm *realm = vm ? realm_new(vm) : NULL;
    if (!realm) {
        fprintf(stderr, "nodus: out of memory\n");
        vm_free(vm);
        return CLI_EXIT_ERROR;
    }
    int status = CLI_EXIT_OK;
    FunctionCode *code = compile_program(vm, program, source->text, source->len, source->name);
    Value result = code ? vm_run_script(vm, code) : VALUE_EXCEPTION;
    if (!value_is_exception(result) && !vm_run_jobs(vm))
        result = VALUE_EXCEPTION;
    /* node: a promise still rejected with no handler once the microtasks
     * are drained is reported as an uncaught exception (exit status 1). */
    Value reason;
    if (!value_is_exception(result) && promise_take_unhandled_rejection(vm, &reason))
        result = vm_throw(vm, reason);
    fflush(stdout);
    if (value_is_exception(result)) {
        report_uncaught_exception(stderr, vm, source, vm_take_exception(vm));
        status = CLI_EXIT_ERROR;
    } else if (options->print_result) {
        report_completion_value(stdout, vm, result);
    }
    exit_early_without_teardown(options, status);
    realm_free(vm, realm);
    vm_free(vm);
    return status;
}

/* --dump-bytecode: compiles the program and prints every function's code. */
static int dump_bytecode(const SourceFile *source, const Node *program)
{
    GCOptions gc_options = { 0 };
    VM *vm = vm_new(&gc_options);
    if (!vm) {
        fprintf(stderr, "nodus: out of memory\n");
        return CLI_EXIT_ERROR;
    }
    int status = CLI_EXIT_OK;
    FunctionCode *code = compile_program(vm, program, source->text, source->len, source->name);
    if (code) {
        bytecode_dump(stdout, vm, code);
    } else {
        Value error = vm_take_exception(vm);
        size_t len = 0;
        char *message = value_is_string(error) && string_flatten(vm, value_as_string(error))
                            ? string_to_utf8(value_as_string(error), &len)
                            : NULL;
        fprintf(stderr, "%s: %s\n", source->name, message ? message : "cannot compile");
        free(message);
        status = CLI_EXIT_ERROR;
    }
    vm_free(vm);
    return status;
}

/* Parses the source and hands the tree to the stage the mode asks for. */
static int process_source(const CliOptions *options, SourceFile *source, bool detect_module)
{
    if (options->mode == CLI_MODE_DUMP_TOKENS) {
        token_dump(stdout, source->text, source->len, source->is_module);
        return CLI_EXIT_OK;
    }

    Arena arena;
    ParseError error;
    int status = CLI_EXIT_OK;

    /* node wraps a script file (and standard input under --check) in its
     * CommonJS module function; -e and -p code is not wrapped */
    bool is_commonjs = !options->eval_code && (options->mode == CLI_MODE_CHECK || !is_string_input(options));
    arena_init(&arena);
    Node *program = parse_source(&arena, source, detect_module, is_commonjs, &error);
    if (name_source(options, source) != CLI_EXIT_OK) {
        status = CLI_EXIT_ERROR;
    } else if (!program) {
        fflush(stdout);
        syntax_error_print(stderr, source->name, source->text, source->len, &error);
        status = CLI_EXIT_ERROR;
    } else if (options->mode == CLI_MODE_DUMP_AST) {
        ast_dump(stdout, program);
    } else if (options->mode == CLI_MODE_DUMP_BYTECODE) {
        status = dump_bytecode(source, program);
    } else if (options->mode == CLI_MODE_RUN) {
        status = execute(options, source, program);
    }
    arena_free(&arena);
    return status;
}

int main(int argc, char **argv)
{
    CliOptions options;
    int status = cli_parse(argc, argv, &options, stderr);
    if (status != CLI_EXIT_OK)
        return status;

    switch (options.mode) {
    case CLI_MODE_HELP:
        cli_print_help(stdout);
        return CLI_EXIT_OK;
    case CLI_MODE_VERSION:
        printf("v%s\n", PACKAGE_VERSION);
        return CLI_EXIT_OK;
    default:
        break;
    }

    /* Without a script node starts its REPL on a terminal; nodus has none yet. */
    if (options.mode == CLI_MODE_RUN && !options.eval_code && !options.script && isatty(STDIN_FILENO)) {
        fprintf(stderr, "nodus: no REPL yet; give a script, -e CODE or a program on standard input (see nodus --help)\n");
        return CLI_EXIT_ERROR;
    }

    SourceFile source;
    bool detect_module;
    status = load_source(&options, &source, &detect_module);
    if (status == CLI_EXIT_OK)
        status = process_source(&options, &source, detect_module);
    source_file_free(&source);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "nodus: error writing output: %s\n", strerror(errno));
        status = CLI_EXIT_ERROR;
    }
    return status;
}
