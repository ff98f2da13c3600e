/*
 * Emitting variable accesses and scope entry/exit, from the placement
 * decided by scope analysis (compile_scope.c):
 *
 *   register   LOAD_REG r / STORE_REG r
 *   captured   LOAD_ENV depth, slot / STORE_ENV depth, slot, where depth
 *              counts the Environments pushed between the reference and
 *              the binding's scope (the static chain mirrors the run-time one:
 *              every scope with captured bindings pushes its Environment on
 *              entry and pops it on every way out)
 *   global     LOAD_GLOBAL name / STORE_GLOBAL name / INIT_GLOBAL_LEXICAL name
 *
 * Reads flagged by the analysis get CHECK_HOLE (TDZ); writes to const
 * bindings THROW_CONST_ASSIGN after evaluating their right-hand side, as
 * ES2025 9.1.1.1.5 SetMutableBinding step 5 says.
 */
#include "vm/compiler_internal.h"

static bool is_const_kind(const VarInfo *v)
{
    return v->kind == DECL_CONST || v->kind == DECL_IMPORT || v->kind == DECL_USING;
}

/* Environments between the current scope and the binding's. */
static uint32_t env_depth(const FuncState *fs, const ScopeInfo *target)
{
    uint32_t depth = 0;
    for (const ScopeInfo *s = fs->scope; s && s != target; s = s->parent)
        if (s->env_slots)
            depth++;
    return depth;
}

/* ---- Eval-vars objects (ES2025 19.2.1.3 step 16) ----
 * A reference that passes the var scope of a sloppy function with a direct
 * eval may find a var that eval declared: the eval-vars objects it passes
 * (innermost first) are checked before the binding found statically. */

enum { MAX_EVAL_VARS_CHECKS = 16 };

static uint32_t crossed_eval_vars(const FuncState *fs, const VarInfo *var, VarInfo **out)
{
    uint32_t n = 0;
    for (const ScopeInfo *s = fs->scope; s && n < MAX_EVAL_VARS_CHECKS; s = s->parent) {
        if (var && s == var->scope)
            break;
        VarInfo *ev = scope_eval_vars(s);
        if (ev)
            out[n++] = ev;
    }
    return n;
}

/* Emits op (LOAD_EVAL_VAR ...) for each eval-vars object the reference
 * passes; their jumps go to done, patched after the static access. */
static void emit_eval_var_checks(FuncState *fs, Opcode op, const VarInfo *var, AstName name, JumpList *done)
{
    VarInfo *crossed[MAX_EVAL_VARS_CHECKS];
    uint32_t n = crossed_eval_vars(fs, var, crossed);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t site = fs->code_length;
        emit(fs, op, 0, (int)env_depth(fs, crossed[i]->scope), (int)crossed[i]->index, (int)const_name(fs, name));
        jump_list_add(fs, done, site);
    }
}

static void finish_eval_var_checks(FuncState *fs, JumpList *done)
{
    if (done->count)
        jump_list_patch(fs, done, fs->code_length);
    jump_list_free(done);
}

uint32_t env_depth_of(const FuncState *fs, const ScopeInfo *target)
{
    return env_depth(fs, target);
}

void compile_load_binding(FuncState *fs, VarInfo *var, AstName name, bool check_hole)
{
    if (!var || var->location == VAR_GLOBAL) {
        emit(fs, OP_LOAD_GLOBAL, (int)const_name(fs, name), (int)cache_new(fs));
    } else if (var->location == VAR_ENV && var->kind == DECL_IMPORT) {
        /* an indirect binding to another module's; always checked (TDZ) */
        emit(fs, OP_LOAD_IMPORT, (int)env_depth(fs, var->scope), (int)var->index, (int)const_name(fs, name));
        return;
    } else if (var->location == VAR_ENV) {
        emit(fs, OP_LOAD_ENV, (int)env_depth(fs, var->scope), (int)var->index);
    } else {
        emit(fs, OP_LOAD_REG, (int)var->index);
    }
    if (check_hole)
        emit(fs, OP_CHECK_HOLE, (int)const_name(fs, name));
}

void compile_load_var(FuncState *fs, Node *identifier)
{
    AstName name = identifier->as.identifier.name;
    VarInfo *var = scope_resolve(fs->scope, name);
    JumpList done = { 0 };
    emit_eval_var_checks(fs, OP_LOAD_EVAL_VAR, var, name, &done);
    compile_load_binding(fs, var, name, reference_needs_tdz_check(fs->c, identifier));
    finish_eval_var_checks(fs, &done);
}

/* typeof x: an unresolvable name gives "undefined" instead of throwing
 * (ES2025 13.5.3.1 step 2.a). */
void compile_typeof_var(FuncState *fs, Node *identifier)
{
    AstName name = identifier->as.identifier.name;
    VarInfo *var = scope_resolve(fs->scope, name);
    JumpList done = { 0 };
    emit_eval_var_checks(fs, OP_TYPEOF_EVAL_VAR, var, name, &done);
    if (!var) {
        emit(fs, OP_LOAD_GLOBAL_OR_UNDEFINED, (int)const_name(fs, name), (int)cache_new(fs));
    } else {
        compile_load_binding(fs, var, name, reference_needs_tdz_check(fs->c, identifier));
    }
    emit(fs, OP_TYPEOF);
    finish_eval_var_checks(fs, &done);
}

/* A write to a binding that may be uninitialized: read it first so that
 * CHECK_HOLE throws the ReferenceError; acc is preserved. */
static void check_initialized_before_write(FuncState *fs, VarInfo *var, AstName name)
{
    uint32_t mark = fs->next_reg;
    uint32_t saved = reg_alloc(fs);
    emit(fs, OP_STORE_REG, (int)saved);
    compile_load_binding(fs, var, name, true);
    emit(fs, OP_LOAD_REG, (int)saved);
    reg_free_to(fs, mark);
}

static void store_to_location(FuncState *fs, VarInfo *var, AstName name, bool is_init)
{
    if (!var || var->location == VAR_GLOBAL) {
        bool lexical = var && var->kind != DECL_VAR && var->kind != DECL_VAR_FUNCTION;
        if (is_init && lexical)
            emit(fs, OP_INIT_GLOBAL_LEXICAL, (int)const_name(fs, name));
        else
            emit(fs, OP_STORE_GLOBAL, (int)const_name(fs, name), (int)cache_new(fs));
    } else if (var->location == VAR_ENV) {
        emit(fs, OP_STORE_ENV, (int)env_depth(fs, var->scope), (int)var->index);
    } else {
        emit(fs, OP_STORE_REG, (int)var->index);
    }
}

void compile_store_binding(FuncState *fs, VarInfo *var, bool is_init, AstName name, bool check_hole)
{
    if (var && !is_init && var->kind == VAR_KIND_SELF_NAME) {
        /* ES2025 15.2.5: an immutable binding, strict only when written to
         * from strict code (9.1.1.1.5 step 5.b: sloppy writes are ignored) */
        if (fs->flags & CODE_STRICT)
            emit(fs, OP_THROW_CONST_ASSIGN, (int)const_name(fs, name));
        return;
    }
    if (var && !is_init && check_hole)
        check_initialized_before_write(fs, var, name);
    if (var && !is_init && is_const_kind(var)) {
        emit(fs, OP_THROW_CONST_ASSIGN, (int)const_name(fs, name));
        return;
    }
    store_to_location(fs, var, name, is_init);
}

void compile_store_var(FuncState *fs, Node *identifier, bool is_init)
{
    AstName name = identifier->as.identifier.name;
    VarInfo *var = scope_resolve(fs->scope, name);
    bool check = !is_init && reference_needs_tdz_check(fs->c, identifier);
    JumpList done = { 0 };
    emit_eval_var_checks(fs, OP_STORE_EVAL_VAR, var, name, &done);
    /* A class's inner binding is const; the outer one (DECL_CLASS) is not. */
    compile_store_binding(fs, var, is_init, name, check);
    finish_eval_var_checks(fs, &done);
}

/* delete x (sloppy only; ES2025 13.5.1.2): true for a global object
 * property that is configurable, false for every declared binding. */
void compile_delete_var(FuncState *fs, Node *identifier)
{
    AstName name = identifier->as.identifier.name;
    VarInfo *var = scope_resolve(fs->scope, name);
    JumpList done = { 0 };
    emit_eval_var_checks(fs, OP_DELETE_EVAL_VAR, var, name, &done);
    if (var && var->location != VAR_GLOBAL) {
        emit(fs, OP_LOAD_FALSE);
        finish_eval_var_checks(fs, &done);
        return;
    }
    uint32_t mark = fs->next_reg;
    uint32_t global = reg_alloc(fs);
    emit(fs, OP_LOAD_GLOBAL_OBJECT);
    emit(fs, OP_STORE_REG, (int)global);
    emit(fs, OP_LOAD_CONST, (int)const_name(fs, name));
    emit(fs, OP_DELETE_KEYED, (int)global);
    reg_free_to(fs, mark);
    finish_eval_var_checks(fs, &done);
}

/* ---- Scopes ---- */

static void place_register(FuncState *fs, VarInfo *v, bool include_vars)
{
    if (v->location != VAR_REGISTER || v->kind == DECL_PARAM)   /* parameters: place_parameters */
        return;
    bool is_var_kind = v->kind == DECL_VAR || v->kind == DECL_VAR_FUNCTION || v->kind == DECL_PARAM ||
                       v->kind == VAR_KIND_ARGUMENTS || v->kind == VAR_KIND_SELF_NAME;
    if (is_var_kind && !include_vars)
        return;
    v->index = reg_alloc(fs);
    if (v->needs_tdz) {
        emit(fs, OP_LOAD_HOLE);
        emit(fs, OP_STORE_REG, (int)v->index);
    }
}

void compile_place_registers(FuncState *fs, ScopeInfo *scope, bool include_vars)
{
    for (uint32_t i = 0; scope->scope && i < scope->scope->count; i++)
        place_register(fs, &scope->vars[i], include_vars);
    for (VarInfo *v = scope->extra; v; v = v->next_extra)
        place_register(fs, v, include_vars);
}

void compile_push_scope_env(FuncState *fs, ScopeEntry *entry)
{
    if (!entry->scope || !entry->scope->env_slots)
        return;
    emit(fs, OP_PUSH_ENV, (int)entry->scope->env_slots);
    entry->env = control_push(fs, CONTROL_ENV);
}

void compile_pop_scope_env(FuncState *fs, ScopeEntry *entry)
{
    if (!entry->env)
        return;
    emit(fs, OP_POP_ENV);
    control_pop(fs, entry->env);
    entry->env = NULL;
}

void compile_enter_scope(FuncState *fs, const void *owner, ScopeEntry *entry)
{
    entry->saved_scope = fs->scope;
    entry->env = NULL;
    entry->reg_mark = fs->next_reg;
    ScopeInfo *scope = owner ? scope_info_of(fs->c, owner) : NULL;
    if (!scope || scope == fs->scope) {
        entry->scope = NULL;
        return;
    }
    entry->scope = scope;
    fs->scope = scope;
    compile_push_scope_env(fs, entry);
    compile_place_registers(fs, scope, false);
}

void compile_leave_scope(FuncState *fs, ScopeEntry *entry)
{
    if (!entry->scope)
        return;
    compile_pop_scope_env(fs, entry);
    fs->scope = entry->saved_scope;
    reg_free_to(fs, entry->reg_mark);
}

/* ---- Hoisting ---- */

static Node *hoisted_function(Node *stmt)
{
    while (stmt && stmt->kind == AST_LABELED_STMT)
        stmt = stmt->as.labeled_stmt.body;
    if (stmt && (stmt->kind == AST_EXPORT_NAMED_DECL || stmt->kind == AST_EXPORT_DEFAULT_DECL))
        stmt = stmt->kind == AST_EXPORT_NAMED_DECL ? stmt->as.export_named.declaration
                                                   : stmt->as.export_default.declaration;
    return stmt && stmt->kind == AST_FUNCTION_DECL && stmt->as.function.id ? stmt : NULL;
}

/* Function declarations of a statement list are created when their scope
 * is entered (ES2025 10.2.11 step 36, 14.2.3 BlockDeclarationInstantiation
 * step 3.b, 16.1.7 step 17). */
void compile_hoist_functions(FuncState *fs, const NodeList *body)
{
    for (uint32_t i = 0; i < body->count; i++) {
        Node *fn = hoisted_function(body->items[i]);
        if (!fn)
            continue;
        set_position(fs, fn);
        emit(fs, OP_CREATE_CLOSURE, (int)compile_function_constant(fs, fn));
        compile_store_var(fs, fn->as.function.id, true);
    }
}

bool scope_needs_env(const ScopeInfo *scope)
{
    return scope && scope->env_slots > 0;
}
