/*
 * Command-line options of the nodus binary. Where node has the same option,
 * nodus spells it, parses it and fails on it as node 20 does: options come
 * before the script, the first non-option argument (or the one after `--`)
 * is the script and everything after it belongs to the script; a bad option
 * is reported as "nodus: bad option: --x" with exit status 9.
 */
#ifndef NODUS_RUNTIME_CLI_H
#define NODUS_RUNTIME_CLI_H

#include <stdbool.h>
#include <stdio.h>

/* Exit statuses, as node's (doc/api/process.md, "Exit codes"). */
enum {
    CLI_EXIT_OK = 0,
    CLI_EXIT_ERROR = 1,           /* uncaught exception, syntax error, unreadable file */
    CLI_EXIT_BAD_OPTION = 9,      /* "Invalid Argument" */
};

/* What the invocation asks for. */
typedef enum CliMode {
    CLI_MODE_RUN,                 /* run the script (or -e / -p code) */
    CLI_MODE_CHECK,               /* --check: syntax only */
    CLI_MODE_DUMP_TOKENS,         /* --dump-tokens: the token stream */
    CLI_MODE_DUMP_AST,            /* --dump-ast: the syntax tree */
    CLI_MODE_DUMP_BYTECODE,       /* --dump-bytecode: the compiled bytecode */
    CLI_MODE_HELP,
    CLI_MODE_VERSION,
} CliMode;

/* How to parse source given as a string (-e, -p, stdin): --input-type. */
typedef enum CliInputType {
    CLI_INPUT_DEFAULT,
    CLI_INPUT_COMMONJS,
    CLI_INPUT_MODULE,
} CliInputType;

typedef struct CliOptions {
    CliMode mode;
    const char *eval_code;        /* -e / -p CODE, else NULL */
    bool print_result;            /* -p: print the completion value */
    const char *script;           /* script file; NULL or "-": standard input */
    int script_argc;              /* arguments after the script, for process.argv */
    char **script_argv;
    bool force_module;            /* --module: parse every input as a Module */
    CliInputType input_type;      /* --input-type= */
    bool gc_stress;               /* --gc-stress: collect at every allocation */
    bool trace_gc;                /* --trace-gc: a line per collection on stderr */
    size_t max_heap_mb;           /* --max-heap-size=MB; 0: no limit */
} CliOptions;

/*
 * Parses argv into *options. Returns CLI_EXIT_OK, or CLI_EXIT_BAD_OPTION after
 * printing node's message for the problem ("nodus: bad option: --x",
 * "nodus: -e requires an argument", ...) to err.
 */
int cli_parse(int argc, char **argv, CliOptions *options, FILE *err);

/* The text of --help. */
void cli_print_help(FILE *out);

#endif
