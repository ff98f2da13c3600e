/*
 * test262: runs the test262 suite against nodus and compares the results with
 * the committed expectations file. See tests/test262/README.md for usage.
 *
 * This file is the command line and the order of events: find the tests,
 * run them in the worker pool, report, check the expectations.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tools/test262/expectations.h"
#include "tools/test262/judge.h"
#include "tools/test262/report.h"
#include "tools/test262/suite.h"
#include "tools/test262/workers.h"

enum { EXIT_REGRESSION = 1, EXIT_USAGE = 2 };

static const char *const DEFAULT_SELECTIONS[] = {"language", "built-ins", "annexB"};

typedef struct Options {
    const char *dir;
    RunMode mode;
    int jobs;
    unsigned timeout_seconds;
    int depth;
    bool verbose;
    const char *expectations_file;
    bool update_expectations;
    bool gc_stress;
    char **selections;        /* positional arguments (malloc'd copies, normalised) */
    size_t selection_count;
} Options;

static void usage(FILE *out)
{
    fputs("usage: test262 [options] [path...]\n"
          "Runs test262 tests; paths are files or directories relative to the suite's test/\n"
          "(default: language built-ins annexB).\n"
          "\n"
          "  --dir DIR               the test262 checkout (default: $TEST262_DIR, else ../shared/test262)\n"
          "  --mode parse|run        parse: judge by parsing only (default); run: evaluate each test\n"
          "  -j, --jobs N            worker processes (default: online CPUs)\n"
          "  --timeout SECONDS       per test variant (default 10)\n"
          "  --depth N               directory levels in the summary table (default 2)\n"
          "  -v, --verbose           print every failure with its message\n"
          "  --expectations FILE     expected failures (default tests/test262/expectations.txt,\n"
          "                          or expectations-run.txt beside it in run mode)\n"
          "  --update-expectations   rewrite FILE from this run's failures (selected paths only)\n"
          "  --gc-stress             run mode: collect garbage at every allocation (slow)\n"
          "  -h, --help              this text\n"
          "\n"
          "Exit status: 0 no regressions, 1 regressions, 2 usage or setup error.\n",
          out);
}

static bool parse_number(const char *text, long min, long max, long *value)
{
    char *end;
    long number = strtol(text, &end, 10);
    if (*text == '\0' || *end != '\0' || number < min || number > max)
        return false;
    *value = number;
    return true;
}

/* "test/language/", "./language" and "language" all name the same selection. */
static char *normalise_selection(const char *path)
{
    while (strncmp(path, "./", 2) == 0)
        path += 2;
    if (strncmp(path, "test/", 5) == 0)
        path += 5;
    char *copy = strdup(path);
    if (!copy) {
        fprintf(stderr, "test262: out of memory\n");
        exit(EXIT_USAGE);
    }
    size_t length = strlen(copy);
    while (length > 0 && copy[length - 1] == '/')
        copy[--length] = '\0';
    return copy;
}

static bool parse_option(Options *options, int option, const char *argument)
{
    long number;
    switch (option) {
    case 'd':
        options->dir = argument;
        return true;
    case 'm':
        if (strcmp(argument, "parse") == 0)
            options->mode = MODE_PARSE;
        else if (strcmp(argument, "run") == 0)
            options->mode = MODE_RUN;
        else
            return false;
        return true;
    case 'j':
        if (!parse_number(argument, 1, 1024, &number))
            return false;
        options->jobs = (int)number;
        return true;
    case 't':
        if (!parse_number(argument, 1, 86400, &number))
            return false;
        options->timeout_seconds = (unsigned)number;
        return true;
    case 'D':
        if (!parse_number(argument, 0, 64, &number))
            return false;
        options->depth = (int)number;
        return true;
    case 'v':
        options->verbose = true;
        return true;
    case 'e':
        options->expectations_file = argument;
        return true;
    case 'u':
        options->update_expectations = true;
        return true;
    case 'g':
        options->gc_stress = true;
        return true;
    }
    return false;
}

static bool parse_options(int argc, char **argv, Options *options)
{
    static const struct option LONG_OPTIONS[] = {
        {"dir", required_argument, NULL, 'd'},      {"mode", required_argument, NULL, 'm'},
        {"jobs", required_argument, NULL, 'j'},     {"timeout", required_argument, NULL, 't'},
        {"depth", required_argument, NULL, 'D'},    {"verbose", no_argument, NULL, 'v'},
        {"expectations", required_argument, NULL, 'e'},
        {"update-expectations", no_argument, NULL, 'u'},
        {"gc-stress", no_argument, NULL, 'g'},
        {"help", no_argument, NULL, 'h'},           {NULL, 0, NULL, 0},
    };
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    *options = (Options){.mode = MODE_PARSE, .jobs = cpus > 0 ? (int)cpus : 1, .timeout_seconds = 10,
                         .depth = 2};
    int option;
    while ((option = getopt_long(argc, argv, "j:vh", LONG_OPTIONS, NULL)) != -1) {
        if (option == 'h') {
            usage(stdout);
            exit(0);
        }
        if (option == '?' || !parse_option(options, option, optarg)) {
            if (option != '?')
                fprintf(stderr, "test262: bad value '%s'\n", optarg);
            usage(stderr);
            return false;
        }
    }
    /* Each mode fails different tests, so each has its own list. */
    if (!options->expectations_file)
        options->expectations_file = options->mode == MODE_RUN ? "tests/test262/expectations-run.txt"
                                                               : "tests/test262/expectations.txt";
    size_t count = optind < argc ? (size_t)(argc - optind) : sizeof DEFAULT_SELECTIONS / sizeof *DEFAULT_SELECTIONS;
    options->selections = calloc(count, sizeof *options->selections);
    for (size_t i = 0; options->selections && i < count; i++)
        options->selections[i] = normalise_selection(optind < argc ? argv[optind + (int)i] : DEFAULT_SELECTIONS[i]);
    options->selection_count = count;
    return options->selections != NULL;
}

static void free_options(Options *options)
{
    for (size_t i = 0; i < options->selection_count; i++)
        free(options->selections[i]);
    free(options->selections);
}

static bool collect_tests(const char *test_root, const Options *options, PathList *tests)
{
    for (size_t i = 0; i < options->selection_count; i++) {
        if (!suite_collect(test_root, options->selections[i], tests))
            return false;
    }
    path_list_sort_unique(tests);
    return true;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void print_comparison(const Comparison *comparison, const Options *options, bool found)
{
    if (!found)
        printf("note: no expectations file %s: every failure counts as a regression\n", options->expectations_file);
    printf("expectations: %zu expected failures, %zu regressions, %zu newly passing, %zu stale\n",
           comparison->expected_failures, comparison->regressions, comparison->newly_passing, comparison->stale);
    if (options->update_expectations)
        return;
    if (comparison->newly_passing > 0 || comparison->stale > 0)
        printf("update the expectations: run again with --update-expectations and commit %s\n",
               options->expectations_file);
    if (comparison->regressions > 0)
        printf("FAILED: %zu regressions (failures not listed in %s)\n", comparison->regressions,
               options->expectations_file);
}

/* Compares with (and maybe rewrites) the expectations file. Returns the exit status. */
static int check_expectations(const Options *options, const TestResult *results, size_t count)
{
    Expectations expectations;
    if (!expectations_load(options->expectations_file, &expectations))
        return EXIT_USAGE;
    Selection selection = {options->selections, options->selection_count};
    putchar('\n');
    Comparison comparison = expectations_compare(&expectations, results, count, &selection, stdout);
    print_comparison(&comparison, options, expectations.found);
    int status = comparison.regressions > 0 ? EXIT_REGRESSION : 0;
    if (options->update_expectations) {
        if (expectations_update(options->expectations_file, &expectations, results, count, &selection)) {
            printf("updated %s\n", options->expectations_file);
            status = 0;
        } else {
            status = EXIT_USAGE;
        }
    }
    expectations_free(&expectations);
    return status;
}

static void print_loud_crash_count(const Totals *totals)
{
    size_t crashes = totals->by_outcome[OUTCOME_CRASH], timeouts = totals->by_outcome[OUTCOME_TIMEOUT];
    if (crashes > 0 || timeouts > 0)
        printf("\n*** %zu CRASHED and %zu TIMED OUT test variants (listed above with ***) ***\n", crashes, timeouts);
}

static int run(const Options *options, const char *suite_dir)
{
    size_t root_size = strlen(suite_dir) + 6;
    char *test_root = malloc(root_size);
    PathList tests = {0};
    int status = EXIT_USAGE;
    if (!test_root)
        return EXIT_USAGE;
    snprintf(test_root, root_size, "%s/test", suite_dir);
    TestResult *results = NULL;
    if (collect_tests(test_root, options, &tests) && (results = calloc(tests.count + 1, sizeof *results))) {
        for (size_t i = 0; i < tests.count; i++)
            results[i].path = tests.paths[i];
        RunConfig config = {.mode = options->mode, .suite_dir = suite_dir, .test_root = test_root,
                            .gc_stress = options->gc_stress};
        PoolOptions pool_options = {options->jobs, options->timeout_seconds, isatty(STDERR_FILENO) != 0};
        double start = now_seconds();
        int workers = pool_run(&config, &pool_options, results, tests.count);
        double elapsed = now_seconds() - start;
        report_failures(stdout, results, tests.count, options->verbose);
        report_summary(stdout, results, tests.count, options->depth);
        Totals totals = report_totals(results, tests.count);
        print_loud_crash_count(&totals);
        printf("ran %zu files (%zu variants) in %.2f s with %d workers\n", tests.count,
               totals.passed + totals.failed, elapsed, workers);
        status = check_expectations(options, results, tests.count);
        printf("%zu passed, %zu failed\n", totals.passed, totals.failed);
        test_results_free(results, tests.count);
    }
    path_list_free(&tests);
    free(test_root);
    return status;
}

int main(int argc, char **argv)
{
    Options options;
    if (!parse_options(argc, argv, &options))
        return EXIT_USAGE;
    char *suite_dir = suite_locate(options.dir);
    int status = suite_dir ? run(&options, suite_dir) : EXIT_USAGE;
    free(suite_dir);
    free_options(&options);
    return status;
}
