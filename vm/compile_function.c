/*
 * Functions and the script top level: making a FunctionCode for each
 * function node, FunctionDeclarationInstantiation (ES2025 10.2.11) as code
 * at the start of each function, and GlobalDeclarationInstantiation
 * (ES2025 16.1.7) for scripts.
 *
 * The order of a function's prologue follows 10.2.11:
 *   PUSH_ENV n                   the function's Environment, when it has
 *                                captured bindings (steps 19-20)
 *   CREATE_ARGUMENTS             the arguments object (step 22)
 *   LOAD_FUNCTION                a named function expression's own name
 *   parameters                   defaults, patterns, rest (steps 25-26); a
 *                                simple parameter is its argument register
 *   vars = undefined             (steps 27-28)
 *   TDZ holes for lexicals       (steps 30-35)
 *   function declarations        (step 36)
 *   GENERATOR_START              generators: the generator object is made
 *                                after instantiation (27.5.3.1, 15.5.2)
 */
#include <string.h>

#include "vm/atom.h"
#include "vm/compiler_internal.h"

AstName compile_name_concat(Compiler *c, const char *prefix, AstName name)
{
    size_t prefix_len = strlen(prefix);
    char *chars = arena_alloc(&c->arena, prefix_len + name.len + 1);
    if (!chars) {
        compile_error(c, ERROR_KIND_RANGE, "Out of memory while compiling");
        return name;
    }
    memcpy(chars, prefix, prefix_len);
    memcpy(chars + prefix_len, name.chars, name.len);
    return (AstName){ chars, (uint32_t)(prefix_len + name.len) };
}

uint32_t function_code_flags(const Node *fn)
{
    const struct ast_function *f = &fn->as.function;
    uint32_t flags = 0;
    if (f->is_strict)
        flags |= CODE_STRICT;
    if (fn->kind == AST_ARROW_FUNCTION)
        flags |= CODE_ARROW;
    if (f->is_generator)
        flags |= CODE_GENERATOR;
    if (f->is_async)
        flags |= CODE_ASYNC;
    if (f->uses_arguments)
        flags |= CODE_USES_ARGUMENTS;
    if (f->uses_this)
        flags |= CODE_USES_THIS;
    switch (f->kind) {
    case FUNCTION_KIND_DERIVED_CONSTRUCTOR:
        flags |= CODE_DERIVED_CONSTRUCTOR;
        /* fall through */
    case FUNCTION_KIND_CLASS_CONSTRUCTOR:
        flags |= CODE_CLASS_CONSTRUCTOR | CODE_STRICT;
        break;
    case FUNCTION_KIND_GETTER:
    case FUNCTION_KIND_SETTER:
        flags |= CODE_GETTER_OR_SETTER | CODE_METHOD;
        break;
    case FUNCTION_KIND_METHOD:
    case FUNCTION_KIND_FIELD_INIT:
        flags |= CODE_METHOD;
        break;
    default:
        break;
    }
    return flags;
}

/* ---- Parameters ---- */

static bool is_rest(const Node *param)
{
    return param->kind == AST_REST_ELEMENT;
}

/* "length": the parameters before the first default or rest (ES2025
 * 15.1.5 ExpectedArgumentCount). */
static uint32_t expected_argument_count(const Node *fn)
{
    const NodeList *params = &fn->as.function.params;
    uint32_t count = 0;
    while (count < params->count && params->items[count]->kind != AST_ASSIGN_PATTERN && !is_rest(params->items[count]))
        count++;
    return count;
}

static uint32_t formal_register_count(const Node *fn)
{
    const NodeList *params = &fn->as.function.params;
    uint32_t count = params->count;
    if (count && is_rest(params->items[count - 1]))
        count--;
    return count;
}

static VarInfo *function_var(FuncState *fs, AstName name)
{
    Declaration *d = fs->scope->scope ? scope_find((Scope *)fs->scope->scope, name) : NULL;
    return d ? &fs->scope->vars[d - fs->scope->scope->decls] : NULL;
}

/* The identifier of a parameter `x` or `x = default`, else NULL. */
static Node *param_identifier(Node *param)
{
    if (param->kind == AST_ASSIGN_PATTERN)
        param = param->as.binary.left;
    return param->kind == AST_IDENTIFIER ? param : NULL;
}

/* Simple parameters not captured are their argument registers; the other
 * parameter bindings get registers of their own. */
static void place_parameters(FuncState *fs, const Node *fn)
{
    ScopeInfo *scope = fs->scope;
    for (uint32_t i = 0; scope->scope && i < scope->scope->count; i++)
        if (scope->vars[i].kind == DECL_PARAM && scope->vars[i].location == VAR_REGISTER)
            scope->vars[i].index = NO_OPERAND;
    const NodeList *params = &fn->as.function.params;
    uint32_t formals = formal_register_count(fn);
    for (uint32_t i = 0; i < formals; i++) {
        Node *id = param_identifier(params->items[i]);
        VarInfo *v = id ? function_var(fs, id->as.identifier.name) : NULL;
        if (v && v->location == VAR_REGISTER)
            v->index = i;
    }
    for (uint32_t i = 0; scope->scope && i < scope->scope->count; i++) {
        VarInfo *v = &scope->vars[i];
        if (v->kind == DECL_PARAM && v->location == VAR_REGISTER && v->index == NO_OPERAND)
            v->index = reg_alloc(fs);
    }
}

/* IteratorBindingInitialization of the formals (ES2025 10.2.11 step 26,
 * 15.1.4): argument i is in register i. */
static void bind_parameters(FuncState *fs, const Node *fn)
{
    const NodeList *params = &fn->as.function.params;
    for (uint32_t i = 0; i < params->count; i++) {
        Node *param = params->items[i];
        set_position(fs, param);
        if (is_rest(param)) {
            emit(fs, OP_CREATE_REST, (int)i);
            compile_assign_target(fs, param->as.spread.argument, true);
            continue;
        }
        VarInfo *simple = param->kind == AST_IDENTIFIER ? function_var(fs, param->as.identifier.name) : NULL;
        if (simple && simple->location == VAR_REGISTER && simple->index == i)
            continue;   /* already in place */
        emit(fs, OP_LOAD_REG, (int)i);
        compile_assign_target(fs, param, true);
    }
}

/* ---- Declaration instantiation ---- */

static void initialize_vars(FuncState *fs)
{
    ScopeInfo *scope = fs->scope;
    for (uint32_t i = 0; scope->scope && i < scope->scope->count; i++) {
        VarInfo *v = &scope->vars[i];
        if (v->kind != DECL_VAR || v->location == VAR_NOWHERE || v == fs->info->arguments_var)
            continue;
        emit(fs, OP_LOAD_UNDEFINED);
        compile_store_binding(fs, v, true, v->name, false);
    }
    for (VarInfo *v = scope->extra; v; v = v->next_extra) {   /* Annex B.3.2.1 function vars */
        if (v->kind != DECL_VAR || v->location == VAR_GLOBAL)
            continue;
        emit(fs, OP_LOAD_UNDEFINED);
        compile_store_binding(fs, v, true, v->name, false);
    }
}

static void instantiate_specials(FuncState *fs)
{
    FunctionInfo *info = fs->info;
    if (info->arguments_var) {
        emit(fs, OP_CREATE_ARGUMENTS);
        compile_store_binding(fs, info->arguments_var, true, info->arguments_var->name, false);
    }
    if (info->self_var) {
        emit(fs, OP_LOAD_FUNCTION);
        compile_store_binding(fs, info->self_var, true, info->self_var->name, false);
    }
}

/* Captured simple parameters move from their argument register to the
 * function's Environment. */
static void capture_simple_parameters(FuncState *fs, const Node *fn)
{
    const NodeList *params = &fn->as.function.params;
    uint32_t formals = formal_register_count(fn);
    for (uint32_t i = 0; i < formals; i++) {
        if (params->items[i]->kind != AST_IDENTIFIER)
            continue;
        VarInfo *v = function_var(fs, params->items[i]->as.identifier.name);
        if (!v || v->location != VAR_ENV)
            continue;
        emit(fs, OP_LOAD_REG, (int)i);
        compile_store_binding(fs, v, true, v->name, false);
    }
}

/* The prologue of a var scope that takes no parameters (a class static
 * block, a module): its Environment, registers, vars and functions. */
void compile_var_scope_prologue(FuncState *fs, const NodeList *body)
{
    if (fs->scope->env_slots)
        emit(fs, OP_PUSH_ENV, (int)fs->scope->env_slots);
    compile_place_registers(fs, fs->scope, true);
    initialize_vars(fs);
    if (body)
        compile_hoist_functions(fs, body);
}

void compile_function_prologue(FuncState *fs, Node *fn)
{
    set_position(fs, fn);
    ScopeInfo *scope = fs->scope;
    reg_alloc_n(fs, formal_register_count(fn));
    if (scope->env_slots)
        emit(fs, OP_PUSH_ENV, (int)scope->env_slots);
    place_parameters(fs, fn);
    compile_place_registers(fs, scope, true);
    instantiate_specials(fs);
    if (fn->as.function.has_simple_params)
        capture_simple_parameters(fs, fn);
    else
        bind_parameters(fs, fn);
    initialize_vars(fs);
    Node *body = fn->as.function.body;
    if (body && !(fn->flags & NF_EXPRESSION_BODY))
        compile_hoist_functions(fs, &body->as.block.body);
    if (fn->as.function.is_generator)
        emit(fs, OP_GENERATOR_START);
}

/* The implicit `return undefined` at the end of a body. */
void compile_function_epilogue(FuncState *fs)
{
    emit(fs, OP_LOAD_UNDEFINED);
    compile_return(fs);
}

static void compile_function_body(FuncState *fs, Node *fn)
{
    compile_function_prologue(fs, fn);
    Node *body = fn->as.function.body;
    if (fn->flags & NF_EXPRESSION_BODY) {
        compile_expr(fs, body);
        compile_return(fs);
        return;
    }
    compile_stmt_list_disposing(fs, &body->as.block.body);
    if (code_falls_through(fs))
        compile_function_epilogue(fs);
}

uint32_t compile_function_constant_named(FuncState *fs, Node *fn, AstName name)
{
    Compiler *c = fs->c;
    FunctionInfo *info = function_info_of(c, fn);
    if (!info || c->failed) {
        if (!c->failed)
            compile_error_at(c, fn, "internal error: function was not analyzed");
        return 0;
    }
    FuncState inner;
    func_state_init(&inner, c, fs, info);
    inner.flags = function_code_flags(fn);
    compile_function_body(&inner, fn);
    FunctionCode *code = func_state_finish(&inner, fn, name);
    if (code) {
        code->param_count = (uint16_t)expected_argument_count(fn);
        code->formal_count = (uint16_t)formal_register_count(fn);
    }
    uint32_t index = const_function_code(fs, code);
    func_state_free(&inner);
    return index;
}

uint32_t compile_function_constant(FuncState *fs, Node *fn)
{
    Node *id = fn->as.function.id;
    AstName name = id ? id->as.identifier.name : (AstName){ "", 0 };
    return compile_function_constant_named(fs, fn, name);
}

/* ---- Scripts ---- */

/* The kinds DECLARE_GLOBALS reads, one per name (see opcodes.def); eval
 * code declares deletable vars and functions (ES2025 19.2.1.3). */
enum { GLOBAL_VAR, GLOBAL_FUNCTION, GLOBAL_LET, GLOBAL_CONST, GLOBAL_CLASS, GLOBAL_EVAL_VAR, GLOBAL_EVAL_FUNCTION };

static int global_kind(const FuncState *fs, int decl_kind)
{
    if (fs->c->options.is_eval)
        return decl_kind == DECL_VAR_FUNCTION ? GLOBAL_EVAL_FUNCTION : GLOBAL_EVAL_VAR;
    switch (decl_kind) {
    case DECL_VAR_FUNCTION: return GLOBAL_FUNCTION;
    case DECL_LET: return GLOBAL_LET;
    case DECL_CONST: case DECL_USING: return GLOBAL_CONST;
    case DECL_CLASS: return GLOBAL_CLASS;
    default: return GLOBAL_VAR;
    }
}

/* The DECLARE_GLOBALS list: an array [name0, kind0, name1, kind1, ...]. */
static void declare_globals(FuncState *fs, const Scope *scope)
{
    if (!scope || (scope->count == 0 && !fs->scope->extra))
        return;
    VM *vm = fs->c->vm;
    Object *list = array_new(vm, NULL, 0);
    if (!list) {
        compile_error(fs->c, ERROR_KIND_RANGE, "Out of memory while compiling");
        return;
    }
    uint32_t index = const_add(fs, value_from_object(list));   /* pins it */
    uint32_t next = 0;
    for (uint32_t i = 0; i < scope->count && !fs->c->failed; i++) {
        if (fs->scope->vars[i].location != VAR_GLOBAL)   /* eval code's own lexical declarations */
            continue;
        uint32_t name = const_name(fs, scope->decls[i].name);
        if (fs->c->failed)
            return;
        Value kind = value_from_int32(global_kind(fs, scope->decls[i].kind));
        if (object_create_data_property(vm, list, property_key_from_index(vm, next++), fs->constants[name]) < 0 ||
            object_create_data_property(vm, list, property_key_from_index(vm, next++), kind) < 0)
            compile_error(fs->c, ERROR_KIND_RANGE, "Out of memory while compiling");
    }
    for (VarInfo *v = fs->scope->extra; v && !fs->c->failed; v = v->next_extra) {   /* Annex B.3.2.2 vars */
        if (v->kind != DECL_VAR)
            continue;
        uint32_t name = const_name(fs, v->name);
        if (fs->c->failed)
            return;
        Value kind = value_from_int32(global_kind(fs, DECL_VAR));
        if (object_create_data_property(vm, list, property_key_from_index(vm, next++), fs->constants[name]) < 0 ||
            object_create_data_property(vm, list, property_key_from_index(vm, next++), kind) < 0)
            compile_error(fs->c, ERROR_KIND_RANGE, "Out of memory while compiling");
    }
    if (next > 0 && fs->c->options.is_eval)
        fs->flags |= CODE_EVAL_DECLARES_VARS;
    if (next > 0)
        emit(fs, OP_DECLARE_GLOBALS, (int)index);
}

/* Is the var name of eval code already a binding of the caller's scopes
 * up to its variable environment (a parameter, var or function: the
 * eval's declaration then names that binding, ES2025 19.2.1.3 step
 * 8.a.iv / 10.a.i)? */
static bool names_caller_binding(const FuncState *fs, AstName name)
{
    for (const ScopeInfo *s = fs->scope->parent; s; s = s->parent) {
        VarInfo *v = scope_declared_var((ScopeInfo *)s, name);
        if (v && v->scope == s)
            return true;
        if (s->eval_record_flags & EVAL_RECORD_VAR_SCOPE)
            break;
    }
    return false;
}

static bool list_add(FuncState *fs, Object *list, uint32_t *next, AstName name)
{
    VM *vm = fs->c->vm;
    uint32_t index = const_name(fs, name);
    if (fs->c->failed)
        return false;
    if (object_create_data_property(vm, list, property_key_from_index(vm, (*next)++), fs->constants[index]) < 0) {
        compile_error(fs->c, ERROR_KIND_RANGE, "Out of memory while compiling");
        return false;
    }
    return true;
}

/* Sloppy eval code in a function: its vars and functions become
 * properties of the function's eval-vars object (DECLARE_EVAL_VARS). */
static void declare_eval_vars(FuncState *fs, const Scope *scope)
{
    VarInfo *eval_vars = NULL;
    for (const ScopeInfo *s = fs->scope->parent; s && !eval_vars; s = s->parent)
        eval_vars = scope_eval_vars(s);
    if (!eval_vars || !scope) {
        compile_error(fs->c, ERROR_KIND_SYNTAX, "direct eval declaring vars here is not supported yet");
        return;
    }
    Object *list = array_new(fs->c->vm, NULL, 0);
    if (!list) {
        compile_error(fs->c, ERROR_KIND_RANGE, "Out of memory while compiling");
        return;
    }
    uint32_t index = const_add(fs, value_from_object(list));   /* pins it */
    uint32_t next = 0;
    for (uint32_t i = 0; i < scope->count && !fs->c->failed; i++) {
        int kind = scope->decls[i].kind;
        if ((kind == DECL_VAR || kind == DECL_VAR_FUNCTION) && !names_caller_binding(fs, scope->decls[i].name))
            list_add(fs, list, &next, scope->decls[i].name);
    }
    for (VarInfo *v = fs->scope->extra; v && !fs->c->failed; v = v->next_extra)   /* Annex B.3.2.3 */
        if (v->kind == DECL_VAR && !names_caller_binding(fs, v->name))
            list_add(fs, list, &next, v->name);
    if (next > 0)
        emit(fs, OP_DECLARE_EVAL_VARS, (int)env_depth_of(fs, eval_vars->scope), (int)eval_vars->index, (int)index);
}

/* A Module (ES2025 16.2.1.6.4 InitializeEnvironment, 16.2.1.6.5
 * ExecuteModule): the prologue creates the module Environment, its vars and
 * its hoisted functions, then GENERATOR_START suspends the module function;
 * the host links, then resumes it to evaluate the body. Module records are
 * compiled without a completion register use beyond the script's shape. */
static void compile_module_prologue(FuncState *fs, Node *program)
{
    const NodeList *body = &program->as.program.body;
    fs->flags = CODE_MODULE | CODE_STRICT | CODE_GENERATOR;
    compile_module_entries(fs, program);
    compile_var_scope_prologue(fs, body);
    compile_module_hoist_default(fs, body);
    emit(fs, OP_GENERATOR_START);
}

/* A script: GlobalDeclarationInstantiation, then the statements, keeping
 * the completion value (ES2025 16.1.6 ScriptEvaluation) in a register. */
void compile_script_body(FuncState *fs, Node *program)
{
    const NodeList *body = &program->as.program.body;
    fs->flags = CODE_SCRIPT | (program->as.program.is_strict ? CODE_STRICT : 0);
    set_position(fs, program);
    bool is_module = program->as.program.is_module;
    if (is_module) {
        compile_module_prologue(fs, program);
    } else if (fs->c->options.is_eval && fs->c->options.is_strict_eval) {
        /* ES2025 19.2.1.1 step 16-17: a strict eval has its own variable
         * environment: all its declarations are locals. */
        fs->flags |= CODE_STRICT | CODE_EVAL | CODE_EVAL_OWN_VAR_ENV;
        compile_var_scope_prologue(fs, NULL);
    } else if (fs->c->options.is_eval && fs->c->options.eval_vars_in_object) {
        fs->flags |= CODE_EVAL;
        if (fs->scope->env_slots)
            emit(fs, OP_PUSH_ENV, (int)fs->scope->env_slots);
        declare_eval_vars(fs, program->as.program.scope);
        compile_place_registers(fs, fs->scope, false);
    } else if (fs->c->options.is_eval) {
        fs->flags |= CODE_EVAL;
        declare_globals(fs, program->as.program.scope);
        if (fs->scope->env_slots)
            emit(fs, OP_PUSH_ENV, (int)fs->scope->env_slots);
        compile_place_registers(fs, fs->scope, false);
    } else {
        declare_globals(fs, program->as.program.scope);
    }
    fs->completion_reg = reg_alloc(fs);
    emit(fs, OP_LOAD_UNDEFINED);
    emit(fs, OP_STORE_REG, (int)fs->completion_reg);
    if (!is_module)
        compile_hoist_functions(fs, body);
    compile_stmt_list_disposing(fs, body);
    emit(fs, OP_LOAD_REG, (int)fs->completion_reg);
    emit(fs, OP_RETURN);
}
