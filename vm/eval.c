/*
 * eval (ES2025 19.2.1): PerformEval for indirect calls of %eval% and for
 * direct calls (CALL_EVAL), and the eval-vars objects of sloppy functions.
 *
 * The source string is parsed as a Script and compiled as eval code
 * (CompileOptions.is_eval): its lexical declarations are its own; a direct
 * eval compiles against the caller's scopes, given by the call site's eval
 * scope descriptor (vm/compile_eval_scope.c), and runs in a frame of its
 * own that starts in the caller's Environment with the caller's this and
 * new.target. Vars of sloppy eval code (19.2.1.3 step 16) become deletable
 * global properties when the caller's variable environment is the global
 * one, else properties of the caller function's eval-vars object; strict
 * eval code keeps them. The result is the completion value of the script.
 */
#include <stdlib.h>
#include <string.h>

#include "vm/eval.h"

#include "lexer/arena.h"
#include "parser/parser.h"
#include "vm/interp_ops.h"
#include "vm/realm.h"
#include "vm/string.h"
#include "vm/operators.h"
#include "vm/cell_types.h"
#include "vm/object_internal.h"
#include "vm/compiler_internal.h"

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
static FunctionCode *compile_eval_code(VM *vm, String *x, bool strict_caller, Object *scope, bool vars_in_object)
{
    bool allows_new_target = scope && (value_as_int32(scope->elements[0]) & EVAL_CONTEXT_NEW_TARGET);
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
    ParseOptions options = { .is_module = false, .is_strict = strict_caller, .allow_new_target = allows_new_target };
    ParseError error;
    memset(&error, 0, sizeof error);
    Node *program = parse_program(&arena, text, (uint32_t)len, &options, &error);
    FunctionCode *code = NULL;
    if (!program) {
        throw_parse_error(vm, &error);
    } else {
        CompileOptions compile = { .is_eval = true, .is_strict_eval = program->as.program.is_strict,
                                   .eval_vars_in_object = vars_in_object, .eval_scope = scope,
                                   .eval_allows_new_target = allows_new_target };
        code = compile_program_with(vm, program, text, (uint32_t)len, "<anonymous>", &compile);
    }
    arena_free(&arena);
    free(text);
    return code;
}

/* Runs compiled eval code in a frame of its own: its completion value. */
static Value run_eval_code(VM *vm, FunctionCode *code, Value this_value, const Frame *caller)
{
    Environment *env = caller ? caller->env : NULL;
    Value new_target = caller ? caller->new_target : VALUE_UNDEFINED;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, code);
    GC_ROOT(vm->heap, this_value);
    Value result = VALUE_EXCEPTION;
    if (interp_check_c_stack(vm)) {
        Frame *frame = interp_push_frame(vm, code, 0, NULL);
        if (frame) {
            frame->flags = FRAME_ENTRY;
            frame->this_value = this_value;
            frame->env = env;   /* rooted by the caller's frame */
            frame->new_target = new_target;
            result = interp_execute(vm);
        }
    }
    GC_SCOPE_END(vm->heap);
    return result;
}

/* Does the flat string s equal the atom-like String t? */
static bool same_name(String *a, String *b)
{
    return a == b || string_equals(a, b);
}

/* ES2025 19.2.1.3 EvalDeclarationInstantiation step 3: a var of sloppy
 * eval code may not be declared over a lexical declaration of a scope
 * between the eval and its variable environment. Returns 1 when name
 * is already a binding of that variable environment (a parameter, var or
 * function of the caller), 0 when free, -1 after throwing SyntaxError. */
static int throw_redeclaration(VM *vm, String *name)
{
    char *text = string_to_utf8(name, NULL);
    vm_throw_error(vm, ERROR_KIND_SYNTAX, "Identifier '%s' has already been declared", text ? text : "?");
    free(text);
    return -1;
}

static bool string_equals_ascii(String *s, const char *ascii)
{
    uint32_t n = (uint32_t)strlen(ascii);
    if (string_length(s) != n)
        return false;
    for (uint32_t i = 0; i < n; i++)
        if (string_char_at(s, i) != (uint8_t)ascii[i])
            return false;
    return true;
}

static int check_var_against_scopes(VM *vm, Object *scope, String *name)
{
    uint32_t records = array_length(scope);
    for (uint32_t r = 1; r < records; r++) {
        Object *record = value_as_object(scope->elements[r]);
        int32_t flags = value_as_int32(record->elements[0]);
        bool is_var_scope = flags & EVAL_RECORD_VAR_SCOPE;
        uint32_t length = array_length(record);
        if ((flags & EVAL_RECORD_ARGUMENTS_OBJECT) && string_equals_ascii(name, "arguments"))
            return throw_redeclaration(vm, name);
        for (uint32_t i = 1; i + 1 < length; i += 2) {
            if (!same_name(value_as_string(record->elements[i]), name))
                continue;
            int kind = (int)((uint32_t)value_as_int32(record->elements[i + 1]) >> 16);
            bool between = !is_var_scope || ((flags & EVAL_RECORD_IN_PARAMETERS) &&
                                             (kind == DECL_PARAM || kind == VAR_KIND_ARGUMENTS));
            if (!between)
                return 1;
            if (kind == DECL_CATCH_PARAM)   /* Annex B.3.4 VariableStatements in Catch Blocks */
                continue;
            return throw_redeclaration(vm, name);
        }
        if (is_var_scope)
            break;
    }
    return 0;
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

/* Where the vars of sloppy direct eval code go (ES2025 19.2.1.3 step
 * 16): into the global object when the caller's variable environment is
 * the global one (the code as first compiled), else into the eval-vars
 * object of the caller's function (compiled again so). First the early
 * check of step 3 against the lexical declarations of the scopes between. */
typedef enum { VARS_THROWN = -1, VARS_IN_OBJECT = 0, VARS_GLOBAL = 1 } VarPlacement;

static VarPlacement place_eval_vars(VM *vm, const Frame *caller, Object *scope, const FunctionCode *code)
{
    bool global_var_env = !caller->callee && !(caller->code->flags & CODE_EVAL_OWN_VAR_ENV);
    Object *list = declared_var_names(code);
    uint32_t count = list ? array_length(list) / 2 : 0;
    for (uint32_t i = 0; i < count; i++) {
        if (check_var_against_scopes(vm, scope, value_as_string(list->elements[2 * i])) < 0)
            return VARS_THROWN;
    }
    return global_var_env ? VARS_GLOBAL : VARS_IN_OBJECT;
}

/* ES2025 19.2.1.1 PerformEval for a direct eval (x a string). */
static Value direct_eval(VM *vm, const Frame *caller, Object *scope, Value x)
{
    bool strict = (caller->code->flags & CODE_STRICT) != 0;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, x);
    GC_ROOT_CELL(vm->heap, scope);
    FunctionCode *code = compile_eval_code(vm, value_as_string(x), strict, scope, false);
    GC_ROOT_CELL(vm->heap, code);
    if (code && (code->flags & CODE_EVAL_DECLARES_VARS)) {
        VarPlacement placement = place_eval_vars(vm, caller, scope, code);
        if (placement == VARS_THROWN)
            code = NULL;
        else if (placement == VARS_IN_OBJECT)
            code = compile_eval_code(vm, value_as_string(x), strict, scope, true);
    }
    Value result = code ? run_eval_code(vm, code, caller->this_value, caller) : VALUE_EXCEPTION;
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ES2025 13.3.6.1 step 6.a-b: the direct eval of CALL_EVAL; scope is the
 * call site's eval scope descriptor. */
Value interp_direct_eval(VM *vm, Frame *frame, Value scope, uint32_t argc, const Value *argv)
{
    if (argc == 0)
        return VALUE_UNDEFINED;
    if (!value_is_string(argv[0]))
        return argv[0];
    if (!interp_check_c_stack(vm))
        return VALUE_EXCEPTION;
    return direct_eval(vm, frame, value_as_object(scope), argv[0]);
}

Value vm_perform_eval(VM *vm, Value x, bool strict_caller, Value this_value)
{
    if (!value_is_string(x))   /* step 2 */
        return x;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, x);
    GC_ROOT(vm->heap, this_value);
    FunctionCode *code = compile_eval_code(vm, value_as_string(x), strict_caller, NULL, false);
    Value result = code ? run_eval_code(vm, code, this_value, NULL) : VALUE_EXCEPTION;
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ES2025 19.2.1 eval ( x ): an indirect eval, global code. */
Value vm_indirect_eval(VM *vm, Value x)
{
    return vm_perform_eval(vm, x, false, value_from_object(vm->realm->global_object));
}

/* ---- Eval-vars objects (the *_EVAL_VAR instructions) ----
 * The vars a sloppy direct eval declares in its function (ES2025 19.2.1.3
 * step 16, CreateMutableBinding with D = true) are properties of an
 * ordinary object without prototype, held in a hidden binding of the
 * function's var scope; nothing else can reach it, so its properties are
 * only ever plain data properties. */

static Object *eval_vars_object(Environment *env, uint32_t depth, uint32_t slot)
{
    while (depth-- > 0 && env)
        env = env->parent;
    if (!env || slot >= env->slot_count || !value_is_object(env->slots[slot]))
        return NULL;
    return value_as_object(env->slots[slot]);
}

int interp_eval_var(VM *vm, Environment *env, uint32_t depth, uint32_t slot, String *name, EvalVarAccess access,
                    Value *acc)
{
    Object *vars = eval_vars_object(env, depth, slot);
    if (!vars)
        return 0;
    Value key = value_from_string(name);
    PropertyDescriptor desc;
    int found = object_get_own_property(vm, vars, key, &desc);
    if (found <= 0)
        return found;
    switch (access) {
    case EVAL_VAR_LOAD:
        *acc = desc.value;
        return 1;
    case EVAL_VAR_TYPEOF:
        *acc = operator_typeof(vm, desc.value);
        return 1;
    case EVAL_VAR_STORE:
        return object_set(vm, vars, key, *acc, value_from_object(vars)) < 0 ? -1 : 1;
    case EVAL_VAR_DELETE: {
        int deleted = object_delete(vm, vars, key);
        if (deleted < 0)
            return -1;
        *acc = value_from_boolean(deleted);
        return 1;
    }
    }
    return 0;
}

bool interp_declare_eval_vars(VM *vm, Environment *env, uint32_t depth, uint32_t slot, Value names)
{
    while (depth-- > 0 && env)
        env = env->parent;
    if (!env || slot >= env->slot_count)
        return !vm_throw_type_error(vm, "internal error: no eval-vars binding");
    if (!value_is_object(env->slots[slot])) {
        Object *vars = object_new_ordinary(vm, NULL);
        if (!vars)
            return false;
        env->slots[slot] = value_from_object(vars);   /* env is rooted by the frame */
    }
    Object *vars = value_as_object(env->slots[slot]);
    Object *list = value_as_object(names);   /* rooted by the code's constants */
    uint32_t count = array_length(list);
    for (uint32_t i = 0; i < count; i++) {
        Value key = list->elements[i];
        PropertyDescriptor desc;
        int found = object_get_own_property(vm, vars, key, &desc);
        if (found < 0)
            return false;
        if (!found && !object_define_data_property(vm, vars, key, VALUE_UNDEFINED,
                                                   PROP_WRITABLE | PROP_ENUMERABLE | PROP_CONFIGURABLE))
            return false;
    }
    return true;
}
