/*
 * A libFuzzer target for the front end: arbitrary bytes go through
 * source_decode_utf8, as a file read by nodus does, then through the lexer
 * (token_dump to /dev/null) and the parser, as a Script, as strict Script
 * code and as a Module. Everything is freed each time, so LeakSanitizer
 * checks the arenas too. Build and run with `make fuzz` and `make fuzz-run`
 * (README.md, "Fuzzing").
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "lexer/arena.h"
#include "lexer/token_dump.h"
#include "lexer/utf8.h"
#include "parser/parser.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *null_output;

static void parse_once(const char *src, uint32_t len, bool is_module, bool is_strict)
{
    Arena arena;
    ParseOptions options = { .is_module = is_module, .is_strict = is_strict };
    ParseError error;

    arena_init(&arena);
    Node *program = parse_program(&arena, src, len, &options, &error);
    if (program)
        ast_dump(null_output, program);
    else
        syntax_error_print(null_output, "fuzz.js", src, len, &error);
    arena_free(&arena);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t len;
    char *src;

    if (!null_output) {
        null_output = fopen("/dev/null", "w");
        if (!null_output)
            abort();
    }
    src = source_decode_utf8((const char *)data, size, &len);
    if (!src || len >= UINT32_MAX) {
        free(src);
        return 0;
    }
    token_dump(null_output, src, (uint32_t)len, false);
    token_dump(null_output, src, (uint32_t)len, true);
    parse_once(src, (uint32_t)len, false, false);
    parse_once(src, (uint32_t)len, false, true);
    parse_once(src, (uint32_t)len, true, false);
    free(src);
    return 0;
}
