/*
 * CreateDynamicFunction (ES2025 20.2.1.1.1), the compiling half: the
 * Function, GeneratorFunction, AsyncFunction and AsyncGeneratorFunction
 * constructors (stdlib) convert their arguments to strings and call
 * vm_compile_dynamic_function, which assembles the source text
 *
 *     <prefix> anonymous(<parameters>
 *     ) {
 *     <body>
 *     }
 *
 * (steps 13-17), checks that the parameters and the body parse as such on
 * their own (steps 18-25), and makes the function object in the global
 * environment (steps 28-35).
 *
 * How the parts are checked: the text is parsed once, wrapped in
 * parentheses, as a Script. It is accepted only when that script is one
 * expression statement whose expression is one function expression that
 * spans exactly the assembled text, and whose body's `{` is the one the
 * assembly put there. Parameters that close the list early ("a) {") or
 * comment out the `)` (an opening comment), and bodies that close the function early
 * ("}, function() {"), all break that shape and are SyntaxErrors, as a
 * separate parse of each part would find. The wrapping script is run once
 * to create the closure (a function expression evaluated in the global
 * environment, as step 28's env = the realm's global environment); the
 * function expression's own name is not bound in it
 * (CompileOptions.dynamic_function), since the spec's function is
 * anonymous for scoping.
 */
#include <stdlib.h>
#include <string.h>

#include "vm/dynamic_function.h"

#include "lexer/arena.h"
#include "parser/parser.h"
#include "vm/atom.h"
#include "vm/interp_internal.h"
#include "vm/operators.h"
#include "vm/realm.h"
#include "vm/string.h"

/* ES2025 20.2.1.1.1 steps 5-8: the prefix of each kind. */
static const char *kind_prefix(DynamicFunctionKind kind)
{
    switch (kind) {
    case DYNAMIC_FUNCTION_GENERATOR: return "function*";
    case DYNAMIC_FUNCTION_ASYNC: return "async function";
    case DYNAMIC_FUNCTION_ASYNC_GENERATOR: return "async function*";
    default: return "function";
    }
}

/* A growable byte buffer for the source text. */
typedef struct TextBuffer {
    char *chars;
    size_t len, capacity;
    bool failed;
} TextBuffer;

static void text_append(TextBuffer *b, const char *chars, size_t len)
{
    if (b->failed)
        return;
    if (b->len + len + 1 > b->capacity) {
        size_t capacity = (b->len + len + 1) * 2;
        char *grown = realloc(b->chars, capacity);
        if (!grown) {
            b->failed = true;
            return;
        }
        b->chars = grown;
        b->capacity = capacity;
    }
    memcpy(b->chars + b->len, chars, len);
    b->len += len;
    b->chars[b->len] = '\0';
}

static void text_append_cstr(TextBuffer *b, const char *cstr)
{
    text_append(b, cstr, strlen(cstr));
}

/* Is the parsed wrapper exactly "(" + one function expression + ")" whose
 * body starts at body_brace? Returns the function node, or NULL. */
static Node *single_function(Node *program, uint32_t text_len, uint32_t body_brace)
{
    NodeList *body = &program->as.program.body;
    if (body->count != 1 || body->items[0]->kind != AST_EXPRESSION_STMT)
        return NULL;
    Node *fn = body->items[0]->as.expression_stmt.expression;
    if (!fn || fn->kind != AST_FUNCTION_EXPR || fn->start != 1 || fn->end != text_len - 1)
        return NULL;
    Node *block = fn->as.function.body;
    if (!block || block->start != body_brace)
        return NULL;
    return fn;
}

/* Parses and compiles the wrapper script; NULL after throwing. */
static FunctionCode *compile_wrapper(VM *vm, const char *text, uint32_t len, uint32_t body_brace)
{
    Arena arena;
    arena_init(&arena);
    ParseOptions options = { .is_module = false, .is_strict = false };
    ParseError error;
    memset(&error, 0, sizeof error);
    Node *program = parse_program(&arena, text, len, &options, &error);
    FunctionCode *code = NULL;
    Node *fn = program ? single_function(program, len, body_brace) : NULL;
    if (!program) {
        bool range = error.name && strcmp(error.name, "RangeError") == 0;
        vm_throw_error(vm, range ? ERROR_KIND_RANGE : ERROR_KIND_SYNTAX, "%s",
                       error.message[0] ? error.message : "Invalid or unexpected token");
    } else if (!fn) {
        vm_throw_error(vm, ERROR_KIND_SYNTAX, "Arg string terminates parameters early");
    } else {
        CompileOptions compile = { .dynamic_function = fn };
        code = compile_program_with(vm, program, text, len, "anonymous", &compile);
    }
    arena_free(&arena);
    return code;
}

/* Runs the wrapper script: its completion value is the new closure. */
static Object *run_wrapper(VM *vm, FunctionCode *code)
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, code);
    Value result = vm_run_script(vm, code);
    GC_SCOPE_END(vm->heap);
    return value_is_object(result) ? value_as_object(result) : NULL;
}

Object *vm_compile_dynamic_function(VM *vm, DynamicFunctionKind kind, const char *parameters, size_t parameters_len,
                                    const char *body, size_t body_len)
{
    TextBuffer b = { 0 };
    text_append_cstr(&b, "(");
    text_append_cstr(&b, kind_prefix(kind));
    text_append_cstr(&b, " anonymous(");
    text_append(&b, parameters, parameters_len);
    text_append_cstr(&b, "\n) ");
    size_t body_brace = b.len;
    text_append_cstr(&b, "{\n");
    text_append(&b, body, body_len);
    text_append_cstr(&b, "\n})");
    if (b.failed || b.len > UINT32_MAX) {
        free(b.chars);
        vm_throw_out_of_memory(vm);
        return NULL;
    }
    FunctionCode *code = compile_wrapper(vm, b.chars, (uint32_t)b.len, (uint32_t)body_brace);
    free(b.chars);
    return code ? run_wrapper(vm, code) : NULL;
}

/* ToString(value) appended to b as UTF-8 (steps 9-12); false after
 * throwing. */
static bool append_to_string(VM *vm, TextBuffer *b, Value value)
{
    GC_SCOPE(vm->heap);
    String *s = value_to_string(vm, value);
    GC_ROOT_CELL(vm->heap, s);
    bool ok = s && string_flatten(vm, s);
    if (ok) {
        size_t len;
        char *utf8 = string_to_utf8(s, &len);
        if (utf8)
            text_append(b, utf8, len);
        else
            b->failed = true;
        free(utf8);
    }
    GC_SCOPE_END(vm->heap);
    if (ok && b->failed)
        vm_throw_out_of_memory(vm);
    return ok && !b->failed;
}

static IntrinsicId fallback_prototype(DynamicFunctionKind kind)
{
    switch (kind) {
    case DYNAMIC_FUNCTION_GENERATOR: return INTRINSIC_GeneratorFunctionPrototype;
    case DYNAMIC_FUNCTION_ASYNC: return INTRINSIC_AsyncFunctionPrototype;
    case DYNAMIC_FUNCTION_ASYNC_GENERATOR: return INTRINSIC_AsyncGeneratorFunctionPrototype;
    default: return INTRINSIC_FunctionPrototype;
    }
}

/* ES2025 10.1.14 GetPrototypeFromConstructor, then [[Prototype]] of f
 * (CreateDynamicFunction steps 27 and 29). */
static bool set_prototype_from(VM *vm, Object *f, Object *new_target, DynamicFunctionKind kind)
{
    Object *proto = realm_intrinsic(vm, fallback_prototype(kind));
    if (new_target) {
        GC_SCOPE(vm->heap);
        GC_ROOT_CELL(vm->heap, f);
        Value p = object_get(vm, new_target, value_from_string(vm_atom(vm, ATOM_prototype)),
                             value_from_object(new_target));
        GC_SCOPE_END(vm->heap);
        if (value_is_exception(p))
            return false;
        if (value_is_object(p))
            proto = value_as_object(p);
    }
    Value current = object_get_prototype_of(vm, f);
    if (!proto || (value_is_object(current) && value_as_object(current) == proto))
        return true;
    return object_set_prototype_of(vm, f, value_from_object(proto)) >= 0;
}

/* ES2025 20.2.1.1.1 CreateDynamicFunction ( constructor, newTarget, kind, parameterArgs, bodyArg ) */
Value vm_create_dynamic_function(VM *vm, Object *new_target, DynamicFunctionKind kind, uint32_t argc,
                                 const Value *argv)
{
    TextBuffer parameters = { 0 }, body = { 0 };
    text_append(&parameters, "", 0);
    text_append(&body, "", 0);
    bool ok = !parameters.failed && !body.failed;
    for (uint32_t i = 0; ok && i + 1 < argc; i++) {   /* steps 9-11: P */
        if (i > 0)
            text_append_cstr(&parameters, ",");
        ok = append_to_string(vm, &parameters, argv[i]);
    }
    if (ok && argc > 0)   /* step 12: bodyString */
        ok = append_to_string(vm, &body, argv[argc - 1]);
    if (!ok && !vm->has_exception)
        vm_throw_out_of_memory(vm);
    Object *f = ok ? vm_compile_dynamic_function(vm, kind, parameters.chars, parameters.len, body.chars, body.len)
                   : NULL;
    free(parameters.chars);
    free(body.chars);
    if (!f)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, f);
    ok = set_prototype_from(vm, f, new_target, kind);
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(f) : VALUE_EXCEPTION;
}
