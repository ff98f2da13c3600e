/*
 * Parsing, compiling and running one script (see script.h).
 */
#include "tools/test262/script.h"

#include <stdint.h>
#include <string.h>

#include "lexer/arena.h"
#include "vm/function.h"

FunctionCode *script_compile(VM *vm, const char *source, size_t length, const char *name, ParseError *parse_error)
{
    memset(parse_error, 0, sizeof *parse_error);
    if (length > UINT32_MAX) {
        vm_throw_range_error(vm, "source too long");
        return NULL;
    }
    /* The AST lives in its own arena, freed once compiled: the bytecode
     * keeps the source text (for Function.prototype.toString), not the tree. */
    Arena arena;
    arena_init(&arena);
    ParseOptions options = {.is_module = false, .is_strict = false};
    Node *program = parse_program(&arena, source, (uint32_t)length, &options, parse_error);
    FunctionCode *code = NULL;
    if (program) {
        code = compile_program(vm, program, source, (uint32_t)length, name);
    } else if (parse_error->message[0] == '\0') {
        /* Keep the promise of the header: a parse failure always says why. */
        strcpy(parse_error->message, "parse failed");
    }
    arena_free(&arena);
    return code;
}

Value script_throw_parse_error(VM *vm, const ParseError *parse_error)
{
    ErrorKind kind = ERROR_KIND_SYNTAX;
    if (parse_error->name && strcmp(parse_error->name, "RangeError") == 0)
        kind = ERROR_KIND_RANGE;
    return vm_throw_error(vm, kind, "%s", parse_error->message);
}

Value script_evaluate(VM *vm, const char *source, size_t length, const char *name)
{
    ParseError parse_error;
    FunctionCode *code = script_compile(vm, source, length, name, &parse_error);
    if (!code)
        return parse_error.message[0] ? script_throw_parse_error(vm, &parse_error) : VALUE_EXCEPTION;
    return script_run(vm, code);
}

Value script_run(VM *vm, FunctionCode *code)
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, code);   /* not relying on when vm_run_script roots it */
    Value result = vm_run_script(vm, code);
    GC_SCOPE_END(vm->heap);
    return result;
}
