/*
 * eval (ES2025 19.2.1): PerformEval for indirect calls of %eval% and for
 * direct calls (CALL_EVAL) made where the caller sees only the global
 * scope.
 *
 * The source string is parsed as a Script, compiled as eval code
 * (CompileOptions.is_eval: its lexical declarations are its own; a sloppy
 * eval declares its vars and functions in the global object as deletable
 * properties, ES2025 19.2.1.3 EvalDeclarationInstantiation; a strict eval
 * keeps them too), and run in a frame of its own whose `this` is the
 * caller's (direct) or the global object (indirect). The result is the
 * completion value of the script.
 *
 * Direct eval inside a function, or inside a block whose bindings it could
 * see, is not supported yet: the compiler places every binding a direct
 * eval could name in an Environment (compile_scope.c, sees_direct_eval),
 * but the eval code cannot resolve names against them yet; CALL_EVAL
 * throws a SyntaxError there rather than give wrong answers.
 */
#include <stdlib.h>
#include <string.h>

#include "vm/eval.h"

#include "lexer/arena.h"
#include "parser/parser.h"
#include "vm/interp_ops.h"
#include "vm/realm.h"
#include "vm/string.h"
#include "vm/cell_types.h"
#include "vm/object_internal.h"

/* The source string as UTF-8 (lone surrogates become U+FFFD); NULL after
 * throwing. */
static char *source_utf8(VM *vm, String *source, size_t *len)
{
    if (!string_flatten(vm, source))
        return NULL;
    char *text = string_to_utf8(source, len);
    if (!text)
        vm_throw_out_of_memory(vm);
    return text;
}

static Value throw_parse_error(VM *vm, const ParseError *error)
{
    ErrorKind kind = error->name && strcmp(error->name, "RangeError") == 0 ? ERROR_KIND_RANGE : ERROR_KIND_SYNTAX;
    return vm_throw_error(vm, kind, "%s", error->message[0] ? error->message : "Invalid or unexpected token");
}

/* ES2025 19.2.1.1 PerformEval steps 5-11 and the compilation of 16-27:
 * parses x as a Script (strict when the caller is) and compiles it as eval
 * code. NULL after throwing. */
static FunctionCode *compile_eval_code(VM *vm, String *x, bool strict_caller, bool vars_are_local)
{
    size_t len;
    char *text = source_utf8(vm, x, &len);
    if (!text)
        return NULL;
    if (len > UINT32_MAX) {
        free(text);
        vm_throw_range_error(vm, "source too long");
        return NULL;
    }
    Arena arena;
    arena_init(&arena);
    ParseOptions options = { .is_module = false, .is_strict = strict_caller };
    ParseError error;
    memset(&error, 0, sizeof error);
    Node *program = parse_program(&arena, text, (uint32_t)len, &options, &error);
    FunctionCode *code = NULL;
    if (!program) {
        throw_parse_error(vm, &error);
    } else {
        CompileOptions compile = { .is_eval = true, .is_strict_eval = program->as.program.is_strict,
                                   .eval_vars_are_local = vars_are_local };
        code = compile_program_with(vm, program, text, (uint32_t)len, "<anonymous>", &compile);
    }
    arena_free(&arena);
    free(text);
    return code;
}

/* Runs compiled eval code in a frame of its own: its completion value. */
static Value run_eval_code(VM *vm, FunctionCode *code, Value this_value)
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, code);
    GC_ROOT(vm->heap, this_value);
    Value result = VALUE_EXCEPTION;
    if (interp_check_c_stack(vm)) {
        Frame *frame = interp_push_frame(vm, code, 0, NULL);
        if (frame) {
            frame->flags = FRAME_ENTRY;
            frame->this_value = this_value;
            result = interp_execute(vm);
        }
    }
    GC_SCOPE_END(vm->heap);
    return result;
}

/* Does a direct eval from frame see only global bindings, besides the
 * frame's this? The compiler keeps every binding a direct eval could name
 * in an Environment (compile_scope.c, sees_direct_eval), so a frame
 * without one has none. */
static bool eval_sees_only_globals(const Frame *frame)
{
    return !(frame->code->flags & CODE_MODULE) && !frame->env;
}

/* Does the flat string s contain the ASCII word? */
static bool string_contains_ascii(String *s, const char *word)
{
    uint32_t len = string_length(s), n = (uint32_t)strlen(word);
    for (uint32_t i = 0; i + n <= len; i++) {
        uint32_t j = 0;
        while (j < n && string_char_at(s, i + j) == (uint8_t)word[j])
            j++;
        if (j == n)
            return true;
    }
    return false;
}

/* Does code, or a function nested in it, name the atom name? */
static bool code_mentions(const FunctionCode *code, const String *name)
{
    for (uint32_t i = 0; i < code->constant_count; i++) {
        Value c = code->constants[i];
        if (value_is_string(c) && value_as_string(c) == name)
            return true;
        if (value_is_cell(c) && value_as_cell(c)->type == CELL_TYPE_FUNCTION_CODE &&
            code_mentions((const FunctionCode *)value_as_cell(c), name))
            return true;
    }
    return false;
}

/* The var and function names sloppy eval code declares: the array of its
 * DECLARE_GLOBALS, its first instruction (compile_script_body). */
static Object *declared_var_names(const FunctionCode *code)
{
    if (!(code->flags & CODE_EVAL_DECLARES_VARS) || code->code_length < 3 || code->code[0] != OP_DECLARE_GLOBALS)
        return NULL;
    uint16_t index = (uint16_t)(code->code[1] | code->code[2] << 8);
    return value_as_object(code->constants[index]);
}

/* Can the vars a sloppy direct eval declares inside a function live in a
 * variable environment of the eval's own? Yes when the function's code
 * (nested functions included) never names them: then nothing but the eval
 * code itself can observe where they live. (A later direct eval in the
 * same function does not see them: a known gap.) */
static bool vars_can_be_local(const Frame *frame, const FunctionCode *code)
{
    Object *list = declared_var_names(code);
    uint32_t count = list ? array_length(list) / 2 : 0;
    for (uint32_t i = 0; i < count; i++)
        if (code_mentions(frame->code, value_as_string(list->elements[2 * i])))
            return false;
    return list != NULL;
}

/* What a direct eval inside a function needs and this version cannot do
 * yet: a sloppy eval declaring vars in the function's variable
 * environment that the function's code names (ES2025 19.2.1.3 step 16),
 * or the function's arguments object (found conservatively: the source
 * text mentions it). */
static bool needs_function_scope(const Frame *frame, FunctionCode *code, String *text)
{
    if (!frame->callee)
        return false;
    if ((code->flags & CODE_EVAL_DECLARES_VARS) && !vars_can_be_local(frame, code))
        return true;
    return string_contains_ascii(text, "arguments");
}

/* ES2025 19.2.1.1 PerformEval ( x, strictCaller, direct ); caller is the
 * frame of a direct eval, NULL for an indirect one. */
static Value perform_eval(VM *vm, Value x, bool strict_caller, Value this_value, const Frame *caller)
{
    if (!value_is_string(x))   /* step 2 */
        return x;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, this_value);
    GC_ROOT(vm->heap, x);
    FunctionCode *code = compile_eval_code(vm, value_as_string(x), strict_caller, false);
    GC_ROOT_CELL(vm->heap, code);
    Value result = VALUE_EXCEPTION;
    if (code && caller && needs_function_scope(caller, code, value_as_string(x))) {
        vm_throw_error(vm, ERROR_KIND_SYNTAX,
                       "direct eval of var declarations or arguments inside a function is not supported yet");
        code = NULL;
    } else if (code && caller && caller->callee && (code->flags & CODE_EVAL_DECLARES_VARS)) {
        code = compile_eval_code(vm, value_as_string(x), strict_caller, true);
    }
    if (code)
        result = run_eval_code(vm, code, this_value);
    GC_SCOPE_END(vm->heap);
    return result;
}

Value vm_perform_eval(VM *vm, Value x, bool strict_caller, Value this_value)
{
    return perform_eval(vm, x, strict_caller, this_value, NULL);
}

/* ES2025 19.2.1 eval ( x ): an indirect eval, global code. */
Value vm_indirect_eval(VM *vm, Value x)
{
    return vm_perform_eval(vm, x, false, value_from_object(vm->realm->global_object));
}


/* ES2025 13.3.6.1 step 6.a-b: the direct eval of CALL_EVAL. */
Value interp_direct_eval(VM *vm, Frame *frame, uint32_t argc, const Value *argv)
{
    if (argc == 0)
        return VALUE_UNDEFINED;
    if (!value_is_string(argv[0]))
        return argv[0];
    if (!eval_sees_only_globals(frame))
        return vm_throw_error(vm, ERROR_KIND_SYNTAX, "direct eval inside a function or block with bindings is not supported yet");
    return perform_eval(vm, argv[0], (frame->code->flags & CODE_STRICT) != 0, frame->this_value, frame);
}
