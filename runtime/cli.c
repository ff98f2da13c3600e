/*
 * Option parsing for the nodus binary (runtime/cli.h). One table lists every
 * option; the loop below reads argv against it the way node's option parser
 * does (src/node_options.cc): options first, then the script and its
 * arguments; `--name=value` and `--name value` both work for options that
 * take a value.
 */
#include "runtime/cli.h"

#include <stdlib.h>
#include <string.h>

typedef enum OptionId {
    OPT_EVAL,
    OPT_PRINT,
    OPT_CHECK,
    OPT_DUMP_TOKENS,
    OPT_DUMP_AST,
    OPT_DUMP_BYTECODE,
    OPT_MODULE,
    OPT_INPUT_TYPE,
    OPT_HELP,
    OPT_VERSION,
    OPT_GC_STRESS,
    OPT_TRACE_GC,
    OPT_MAX_HEAP_SIZE,
} OptionId;

typedef struct Option {
    const char *name;             /* as written on the command line */
    OptionId id;
    bool takes_value;
} Option;

/* Aliases are rows of their own. "-pe" is node's alias for "--print". */
static const Option option_table[] = {
    { "--eval", OPT_EVAL, true },
    { "-e", OPT_EVAL, true },
    { "--print", OPT_PRINT, true },
    { "-p", OPT_PRINT, true },
    { "-pe", OPT_PRINT, true },
    { "--check", OPT_CHECK, false },
    { "-c", OPT_CHECK, false },
    { "--dump-tokens", OPT_DUMP_TOKENS, false },
    { "--dump-ast", OPT_DUMP_AST, false },
    { "--dump-bytecode", OPT_DUMP_BYTECODE, false },
    { "--module", OPT_MODULE, false },
    { "--input-type", OPT_INPUT_TYPE, true },
    { "--gc-stress", OPT_GC_STRESS, false },
    { "--trace-gc", OPT_TRACE_GC, false },
    { "--max-heap-size", OPT_MAX_HEAP_SIZE, true },
    { "--help", OPT_HELP, false },
    { "-h", OPT_HELP, false },
    { "--version", OPT_VERSION, false },
    { "-v", OPT_VERSION, false },
};

static const Option *find_option(const char *name, size_t name_len)
{
    for (size_t i = 0; i < sizeof option_table / sizeof option_table[0]; i++) {
        const char *candidate = option_table[i].name;
        if (strlen(candidate) == name_len && memcmp(candidate, name, name_len) == 0)
            return &option_table[i];
    }
    return NULL;
}

/* The options seen, before they are checked against each other. */
typedef struct Seen {
    bool check, dump_tokens, dump_ast, dump_bytecode, help, version;
    const char *eval_option;      /* the spelling of the last -e/-p, for messages */
} Seen;

static int apply_option(const Option *option, const char *value, CliOptions *options,
                        Seen *seen, FILE *err)
{
    switch (option->id) {
    case OPT_EVAL:
    case OPT_PRINT:
        options->eval_code = value;
        options->print_result = option->id == OPT_PRINT;
        seen->eval_option = option->name;
        break;
    case OPT_CHECK: seen->check = true; break;
    case OPT_DUMP_TOKENS: seen->dump_tokens = true; break;
    case OPT_DUMP_AST: seen->dump_ast = true; break;
    case OPT_DUMP_BYTECODE: seen->dump_bytecode = true; break;
    case OPT_MODULE: options->force_module = true; break;
    case OPT_HELP: seen->help = true; break;
    case OPT_VERSION: seen->version = true; break;
    case OPT_GC_STRESS: options->gc_stress = true; break;
    case OPT_TRACE_GC: options->trace_gc = true; break;
    case OPT_MAX_HEAP_SIZE: {
        char *end;
        unsigned long mb = strtoul(value, &end, 10);
        if (end == value || *end || mb == 0) {
            fprintf(err, "nodus: --max-heap-size must be a number of megabytes\n");
            return CLI_EXIT_BAD_OPTION;
        }
        options->max_heap_mb = mb;
        break;
    }
    case OPT_INPUT_TYPE:
        if (strcmp(value, "module") == 0) {
            options->input_type = CLI_INPUT_MODULE;
        } else if (strcmp(value, "commonjs") == 0) {
            options->input_type = CLI_INPUT_COMMONJS;
        } else {
            fprintf(err, "nodus: --input-type must be \"module\" or \"commonjs\"\n");
            return CLI_EXIT_BAD_OPTION;
        }
        break;
    }
    return CLI_EXIT_OK;
}

/* Checks the options against each other and settles the mode. */
static int settle_mode(CliOptions *options, const Seen *seen, FILE *err)
{
    if (seen->help) {
        options->mode = CLI_MODE_HELP;
        return CLI_EXIT_OK;
    }
    if (seen->version) {
        options->mode = CLI_MODE_VERSION;
        return CLI_EXIT_OK;
    }
    if (seen->check && options->eval_code) {
        fprintf(err, "nodus: either --check or --eval can be used, not both\n");
        return CLI_EXIT_BAD_OPTION;
    }
    if (seen->dump_tokens + seen->dump_ast + seen->dump_bytecode > 1) {
        fprintf(err, "nodus: only one of --dump-tokens, --dump-ast and --dump-bytecode can be used\n");
        return CLI_EXIT_BAD_OPTION;
    }
    if ((seen->dump_tokens || seen->dump_ast || seen->dump_bytecode) && seen->check) {
        fprintf(err, "nodus: either --check or --%s can be used, not both\n",
                seen->dump_tokens ? "dump-tokens" : seen->dump_ast ? "dump-ast" : "dump-bytecode");
        return CLI_EXIT_BAD_OPTION;
    }
    if (seen->check)
        options->mode = CLI_MODE_CHECK;
    else if (seen->dump_tokens)
        options->mode = CLI_MODE_DUMP_TOKENS;
    else if (seen->dump_ast)
        options->mode = CLI_MODE_DUMP_AST;
    else if (seen->dump_bytecode)
        options->mode = CLI_MODE_DUMP_BYTECODE;
    else
        options->mode = CLI_MODE_RUN;
    return CLI_EXIT_OK;
}

int cli_parse(int argc, char **argv, CliOptions *options, FILE *err)
{
    Seen seen = { 0 };
    int i;

    memset(options, 0, sizeof *options);
    for (i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--") == 0) {
            i++;
            break;
        }
        if (arg[0] != '-' || arg[1] == '\0')
            break;                /* the script, or "-" for standard input */

        /* --name=value: only long options take a value after '=' */
        const char *equals = arg[1] == '-' ? strchr(arg, '=') : NULL;
        size_t name_len = equals ? (size_t)(equals - arg) : strlen(arg);
        const Option *option = find_option(arg, name_len);
        if (!option || (equals && !option->takes_value)) {
            fprintf(err, "nodus: bad option: %s\n", arg);
            return CLI_EXIT_BAD_OPTION;
        }

        const char *value = NULL;
        if (option->takes_value) {
            if (equals) {
                value = equals + 1;
            } else if (i + 1 < argc) {
                value = argv[++i];
            } else {
                fprintf(err, "nodus: %s requires an argument\n", option->name);
                return CLI_EXIT_BAD_OPTION;
            }
        }
        int status = apply_option(option, value, options, &seen, err);
        if (status != CLI_EXIT_OK)
            return status;
    }

    /* With -e or -p every remaining argument is the code's; otherwise the
     * first is the script and the rest are its. */
    if (!options->eval_code && i < argc)
        options->script = argv[i++];
    options->script_argc = argc - i;
    options->script_argv = argv + i;
    return settle_mode(options, &seen, err);
}

void cli_print_help(FILE *out)
{
    fputs(
        "Usage: nodus [options] [ script.js ] [arguments]\n"
        "\n"
        "nodus is a JavaScript engine and Node.js-style runtime in C. It runs\n"
        "scripts with a minimal set of built-ins (print, console.log, the Error\n"
        "constructors) and shows each stage of the pipeline.\n"
        "\n"
        "Options:\n"
        "  -                         script read from standard input (the default\n"
        "                            when no script is given and stdin is not a\n"
        "                            terminal)\n"
        "  --                        end of options; the next argument is the script\n"
        "  -c, --check               syntax-check the script without running it\n"
        "  -e, --eval CODE           evaluate CODE (its file name is [eval])\n"
        "  -p, --print CODE          evaluate CODE and print the result\n"
        "  --dump-tokens             print the script's tokens, one per line\n"
        "  --dump-ast                print the script's syntax tree\n"
        "  --dump-bytecode           print the script's compiled bytecode\n"
        "  --module                  parse any input as an ES module (as .mjs)\n"
        "  --input-type=TYPE         \"module\" or \"commonjs\": how to parse -e, -p\n"
        "                            and standard input\n"
        "  --gc-stress               collect garbage at every allocation (testing)\n"
        "  --trace-gc                print a line per garbage collection to stderr\n"
        "  --max-heap-size=MB        limit the heap; past it allocations throw RangeError\n"
        "  -h, --help                print this help and exit\n"
        "  -v, --version             print the version and exit\n"
        "\n"
        "Files ending in .mjs are modules and .cjs scripts. Other input is parsed\n"
        "as a script, or as a module when only module syntax (import, export,\n"
        "import.meta) makes it fail, as node 20 does.\n"
        "--dump-tokens and --dump-ast work on -e CODE and standard input too.\n"
        "\n"
        "Exit status: 0 success, 1 syntax error or error, 9 invalid option.\n"
        "Documentation: man nodus, README.md and docs/ARCHITECTURE.md.\n",
        out);
}
