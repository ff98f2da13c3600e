/*
 * Statements (ES2025 14): control flow, declarations, and the jumps that
 * leave regions (break, continue, return) through whatever those regions
 * must undo on the way out, as the control stack of the FuncState records:
 *
 *   CONTROL_ENV        POP_ENV
 *   CONTROL_HANDLER    POP_HANDLER (and ITERATOR_CLOSE for an array pattern)
 *   CONTROL_BREAKABLE  a for-of loop left by the jump: ITERATOR_CLOSE
 *   CONTROL_FINALLY    POP_HANDLER, then into the finally code with the
 *                      completion kind in a register; the jump continues
 *                      from the dispatch after the finally code
 *
 * ---- try / catch / finally ----
 *       PUSH_HANDLER  Lthrow, rValue      ; only with finally
 *       PUSH_HANDLER  Lcatch, rExc        ; only with catch
 *       <try block>
 *       POP_HANDLER
 *       JUMP          Ldone
 *   Lcatch:
 *       <bind rExc to the parameter; catch block>
 *   Ldone:
 *       POP_HANDLER                       ; finally's
 *       LOAD_INT 0 ; STORE_REG rKind ; JUMP Lfinally
 *   Lthrow:
 *       LOAD_INT 1 ; STORE_REG rKind
 *   Lfinally:
 *       <finally block>
 *       <dispatch on rKind: 1 rethrow rValue, 2 return rValue, 3+i the i-th
 *        break/continue that left through this finally>
 *
 * ---- Completion values ----
 * Only a script's top level keeps them (fs->completion_reg): expression
 * statements store their value there, and statements whose completion is
 * never empty (if, loops, switch, try: UpdateEmpty(..., undefined)) store
 * undefined first, as ES2025 14.6.2, 14.7.1.1 and friends specify.
 */
#include <stdlib.h>
#include <string.h>

#include "vm/compiler_internal.h"

static void set_completion_undefined(FuncState *fs)
{
    if (fs->completion_reg == NO_OPERAND)
        return;
    emit(fs, OP_LOAD_UNDEFINED);
    emit(fs, OP_STORE_REG, (int)fs->completion_reg);
}

void compile_stmt_list(FuncState *fs, const NodeList *list)
{
    for (uint32_t i = 0; i < list->count && !fs->c->failed; i++)
        compile_stmt(fs, list->items[i]);
}

/* ---- Leaving regions ---- */

static uint32_t finally_exit_index(FuncState *fs, ControlEntry *finally, ControlEntry *target, bool is_continue)
{
    for (uint32_t i = 0; i < finally->exit_count; i++)
        if (finally->exits[i].target == target && finally->exits[i].is_continue == is_continue)
            return i;
    if (finally->exit_count == finally->exit_capacity) {
        uint32_t capacity = finally->exit_capacity ? finally->exit_capacity * 2 : 4;
        FinallyExit *grown = realloc(finally->exits, capacity * sizeof *grown);
        if (!grown) {
            compile_error(fs->c, ERROR_KIND_RANGE, "Out of memory while compiling");
            return 0;
        }
        finally->exits = grown;
        finally->exit_capacity = capacity;
    }
    finally->exits[finally->exit_count] = (FinallyExit){ target, is_continue };
    return finally->exit_count++;
}

static bool finally_before(const FuncState *fs, const ControlEntry *target)
{
    for (const ControlEntry *e = fs->control; e && e != target; e = e->outer)
        if (e->kind == CONTROL_FINALLY)
            return true;
    return false;
}

/* Enters the finally of entry e with completion kind (value for returns
 * is in acc); the dispatch after the finally code goes on from there. */
static void enter_finally(FuncState *fs, ControlEntry *e, int kind, bool has_value)
{
    if (has_value)
        emit(fs, OP_STORE_REG, (int)e->value_reg);
    emit(fs, OP_POP_HANDLER);
    emit(fs, OP_LOAD_INT, kind);
    emit(fs, OP_STORE_REG, (int)e->kind_reg);
    jump_list_add(fs, &e->to_finally, emit_jump(fs, OP_JUMP));
}

/* A for-of loop, or an array destructuring (a generator resumed with
 * return() while a yield inside the pattern is suspended), left by a jump:
 * IteratorClose with a normal or return completion (ES2025 7.4.10). */
static void close_iterator_on_exit(FuncState *fs, ControlEntry *e, bool is_return, uint32_t *saved)
{
    if (e->iterator_reg == NO_OPERAND)
        return;
    if (is_return && *saved == NO_OPERAND) {   /* ITERATOR_CLOSE may change acc */
        *saved = reg_alloc(fs);
        emit(fs, OP_STORE_REG, (int)*saved);
    }
    if (e->is_async_iterator)
        compile_async_iterator_close(fs, e->iterator_reg);
    else
        emit(fs, OP_ITERATOR_CLOSE, (int)e->iterator_reg);
}

/*
 * Jumps from here to target (a CONTROL_BREAKABLE; NULL: return acc from
 * the function), undoing every region in between.
 */
static void jump_out(FuncState *fs, ControlEntry *target, bool is_continue)
{
    bool is_return = target == NULL;
    bool pop_envs = !is_return || finally_before(fs, target);
    uint32_t mark = fs->next_reg;
    uint32_t saved = NO_OPERAND;
    for (ControlEntry *e = fs->control; e != target; e = e->outer) {
        switch (e->kind) {
        case CONTROL_ENV:
            if (pop_envs)
                emit(fs, OP_POP_ENV);
            break;
        case CONTROL_HANDLER:
            emit(fs, OP_POP_HANDLER);
            close_iterator_on_exit(fs, e, is_return, &saved);
            break;
        case CONTROL_BREAKABLE:
            close_iterator_on_exit(fs, e, is_return, &saved);
            break;
        case CONTROL_FINALLY:
            if (saved != NO_OPERAND)
                emit(fs, OP_LOAD_REG, (int)saved);
            if (is_return) {
                e->returns_through = true;
                enter_finally(fs, e, COMPLETION_RETURN, true);
            }
            else
                enter_finally(fs, e, COMPLETION_JUMP_BASE + (int)finally_exit_index(fs, e, target, is_continue), false);
            reg_free_to(fs, mark);
            return;
        }
    }
    if (saved != NO_OPERAND)
        emit(fs, OP_LOAD_REG, (int)saved);
    reg_free_to(fs, mark);
    if (is_return) {
        emit(fs, (fs->flags & CODE_ASYNC) && !(fs->flags & CODE_GENERATOR) ? OP_ASYNC_RETURN : OP_RETURN);
        return;
    }
    jump_list_add(fs, is_continue ? &target->continues : &target->breaks, emit_jump(fs, OP_JUMP));
}

void compile_return(FuncState *fs)
{
    jump_out(fs, NULL, false);
}

static bool labels_contain(const LabelSet *labels, AstName name)
{
    for (; labels; labels = labels->next)
        if (labels->name.len == name.len && memcmp(labels->name.chars, name.chars, name.len) == 0)
            return true;
    return false;
}

static void compile_break_continue(FuncState *fs, Node *node)
{
    bool is_continue = node->kind == AST_CONTINUE_STMT;
    AstName label = node->as.jump.label;
    for (ControlEntry *e = fs->control; e; e = e->outer) {
        if (e->kind != CONTROL_BREAKABLE)
            continue;
        bool matches = label.len ? labels_contain(e->labels, label) : is_continue ? e->is_loop : e->takes_plain_break;
        if (matches && (!is_continue || e->is_loop)) {
            jump_out(fs, e, is_continue);
            return;
        }
    }
    compile_error_at(fs->c, node, "internal error: no target for %s", is_continue ? "continue" : "break");
}

/* ---- Loops ---- */

static ControlEntry *push_loop(FuncState *fs)
{
    ControlEntry *loop = control_push(fs, CONTROL_BREAKABLE);
    loop->labels = (LabelSet *)fs->pending_labels;
    fs->pending_labels = NULL;
    loop->is_loop = true;
    loop->takes_plain_break = true;
    return loop;
}

static void pop_loop(FuncState *fs, ControlEntry *loop, uint32_t continue_target)
{
    jump_list_patch(fs, &loop->continues, continue_target);
    jump_list_patch(fs, &loop->breaks, code_here(fs));
    control_pop(fs, loop);
}

static void compile_while(FuncState *fs, Node *node)
{
    set_completion_undefined(fs);
    ControlEntry *loop = push_loop(fs);
    uint32_t start = label_here(fs);
    JumpList exits = { 0 };
    compile_condition(fs, node->as.while_loop.test, false, &exits);
    compile_stmt(fs, node->as.while_loop.body);
    emit_jump_to(fs, OP_JUMP, start);
    jump_list_patch(fs, &exits, code_here(fs));
    jump_list_free(&exits);
    pop_loop(fs, loop, start);
}

static void compile_do_while(FuncState *fs, Node *node)
{
    set_completion_undefined(fs);
    ControlEntry *loop = push_loop(fs);
    uint32_t start = label_here(fs);
    compile_stmt(fs, node->as.while_loop.body);
    jump_list_patch(fs, &loop->continues, code_here(fs));
    JumpList repeat = { 0 };
    compile_condition(fs, node->as.while_loop.test, true, &repeat);
    jump_list_patch(fs, &repeat, start);
    jump_list_free(&repeat);
    pop_loop(fs, loop, start);
}

/* for (init; test; update) body (ES2025 14.7.4.2): with let bindings that
 * closures capture, each iteration gets a copy of the head's Environment
 * (CreatePerIterationEnvironment, 14.7.4.4). */
typedef struct ForLoop {
    Node *node;
    ScopeEntry *scope;
} ForLoop;

/* A for statement after entering its scope. */
static void compile_for_loop(FuncState *fs, void *context)
{
    Node *node = ((ForLoop *)context)->node;
    ScopeEntry *scope = ((ForLoop *)context)->scope;
    struct ast_for_loop *f = &node->as.for_loop;
    bool per_iteration = scope->env != NULL;
    if (f->init) {
        if (f->init->kind == AST_VAR_DECL)
            compile_var_decl(fs, f->init);
        else
            compile_effect(fs, f->init);
    }
    if (per_iteration)
        emit(fs, OP_COPY_ENV);
    ControlEntry *loop = push_loop(fs);
    uint32_t start = label_here(fs);
    JumpList exits = { 0 };
    if (f->test)
        compile_condition(fs, f->test, false, &exits);
    compile_stmt(fs, f->body);
    uint32_t next = label_here(fs);
    if (per_iteration)
        emit(fs, OP_COPY_ENV);
    if (f->update)
        compile_effect(fs, f->update);
    emit_jump_to(fs, OP_JUMP, start);
    jump_list_patch(fs, &exits, code_here(fs));
    jump_list_free(&exits);
    pop_loop(fs, loop, next);
}

/* for (using x = ...; ;) disposes x once the whole loop is done (ES2026
 * ForStatement evaluation: the using bindings belong to loopEnv, whose
 * DisposeCapability is disposed after ForBodyEvaluation). */
static void compile_for(FuncState *fs, Node *node)
{
    set_completion_undefined(fs);
    ScopeEntry scope;
    compile_enter_scope(fs, node, &scope);
    ForLoop loop = { node, &scope };
    Node *init = node->as.for_loop.init;
    if (init && init->kind == AST_VAR_DECL &&
        (init->as.var_decl.kind == VAR_KIND_USING || init->as.var_decl.kind == VAR_KIND_AWAIT_USING))
        compile_using_scope(fs, init->as.var_decl.kind == VAR_KIND_AWAIT_USING, compile_for_loop, &loop);
    else
        compile_for_loop(fs, &loop);
    compile_leave_scope(fs, &scope);
}

static void compile_for_await(FuncState *fs, Node *node);

static void bind_for_head(FuncState *fs, Node *left);

typedef struct ForOfUsingBody {
    Node *node;
    uint32_t value_reg;
} ForOfUsingBody;

/* The binding and body of one iteration of for (using x of ...). */
static void compile_for_of_using_body(FuncState *fs, void *context)
{
    ForOfUsingBody *body = context;
    struct ast_for_in_of *f = &body->node->as.for_in_of;
    Node *declarator = f->left->as.var_decl.declarations.items[0];
    emit(fs, OP_LOAD_REG, (int)body->value_reg);
    compile_add_disposable(fs, f->left);
    compile_assign_target(fs, declarator->as.var_declarator.target, true);
    compile_stmt(fs, f->body);
}

/* Binds acc to the left side of a for-in/of head and compiles the body;
 * with a using declaration, each iteration disposes its value at its end
 * (ES2026 ForIn/OfBodyEvaluation: the iteration's DisposeResources). */
static void compile_for_head_and_body(FuncState *fs, Node *node)
{
    Node *left = node->as.for_in_of.left;
    if (left->kind == AST_VAR_DECL &&
        (left->as.var_decl.kind == VAR_KIND_USING || left->as.var_decl.kind == VAR_KIND_AWAIT_USING)) {
        uint32_t mark = fs->next_reg;
        ForOfUsingBody body = { node, reg_alloc(fs) };
        emit(fs, OP_STORE_REG, (int)body.value_reg);
        compile_using_scope(fs, left->as.var_decl.kind == VAR_KIND_AWAIT_USING, compile_for_of_using_body, &body);
        reg_free_to(fs, mark);
        return;
    }
    bind_for_head(fs, left);
    compile_stmt(fs, node->as.for_in_of.body);
}

/* Binds acc to the left side of a for-in/of head. */
static void bind_for_head(FuncState *fs, Node *left)
{
    if (left->kind == AST_VAR_DECL) {
        Node *declarator = left->as.var_decl.declarations.items[0];
        compile_assign_target(fs, declarator->as.var_declarator.target, true);
    } else {
        compile_assign_target(fs, left, false);
    }
}

/* Annex B.3.5: for (var x = init in obj) evaluates init first. */
static void compile_for_in_initializer(FuncState *fs, Node *left)
{
    if (left->kind != AST_VAR_DECL)
        return;
    Node *declarator = left->as.var_decl.declarations.items[0];
    if (!declarator->as.var_declarator.init)
        return;
    compile_named_value(fs, declarator->as.var_declarator.init, declarator->as.var_declarator.target->as.identifier.name);
    compile_assign_target(fs, declarator->as.var_declarator.target, true);
}

/* for-in and for-of share their shape (ES2025 14.7.5.5-7):
 *       <right>; FOR_IN_PREPARE rEnum | GET_ITERATOR rIter
 *       JUMP Lnext
 *   Lbody:  (acc = the next key / value)
 *       [PUSH_HANDLER Lclose, rExc]  (for-of: an abrupt body closes the iterator)
 *       [PUSH_ENV]  bind; body  [POP_ENV]  [POP_HANDLER]
 *   Lnext:
 *       FOR_IN_NEXT rEnum | ITERATOR_NEXT rIter
 *       JUMP_IF_NOT_HOLE Lbody
 *   Lbreak:
 *       [ITERATOR_CLOSE rIter ; JUMP Lend ; Lclose: ITERATOR_CLOSE_QUIET rIter ; LOAD_REG rExc ; THROW]
 *   Lend:
 */
static void compile_for_in_of(FuncState *fs, Node *node)
{
    struct ast_for_in_of *f = &node->as.for_in_of;
    bool is_of = node->kind == AST_FOR_OF_STMT;
    if (f->is_await) {
        compile_for_await(fs, node);
        return;
    }
    set_completion_undefined(fs);
    if (!is_of)
        compile_for_in_initializer(fs, f->left);
    ScopeEntry scope;
    compile_enter_scope(fs, node, &scope);   /* the right side sees the bindings in TDZ */
    compile_expr(fs, f->right);
    compile_pop_scope_env(fs, &scope);
    uint32_t state = reg_alloc_n(fs, is_of ? 2 : 1);
    emit(fs, is_of ? OP_GET_ITERATOR : OP_FOR_IN_PREPARE, (int)state);
    ControlEntry *loop = push_loop(fs);
    if (is_of)
        loop->iterator_reg = state;
    uint32_t to_next = emit_jump(fs, OP_JUMP);
    uint32_t body = label_here(fs);
    uint32_t exception = is_of ? reg_alloc(fs) : NO_OPERAND;
    uint32_t handler_site = 0;
    ControlEntry *handler = NULL;
    if (is_of) {
        handler_site = emit_push_handler(fs, exception);
        handler = control_push(fs, CONTROL_HANDLER);
    }
    compile_push_scope_env(fs, &scope);
    compile_for_head_and_body(fs, node);
    compile_pop_scope_env(fs, &scope);
    if (handler) {
        control_pop(fs, handler);
        emit(fs, OP_POP_HANDLER);
    }
    patch_jump_here(fs, to_next);
    uint32_t next = code_here(fs);
    emit(fs, is_of ? OP_ITERATOR_NEXT : OP_FOR_IN_NEXT, (int)state);
    emit_jump_to(fs, OP_JUMP_IF_NOT_HOLE, body);
    pop_loop(fs, loop, next);
    if (is_of) {
        emit(fs, OP_ITERATOR_CLOSE, (int)state);
        uint32_t to_end = emit_jump(fs, OP_JUMP);
        patch_jump_here(fs, handler_site);
        emit(fs, OP_ITERATOR_CLOSE_QUIET, (int)state);
        emit(fs, OP_LOAD_REG, (int)exception);
        emit(fs, OP_THROW);
        patch_jump_here(fs, to_end);
    }
    compile_leave_scope(fs, &scope);
    reg_free_to(fs, state);
}

/* for await (x of y) (ES2025 14.7.5.6-7 with iteratorKind async): as
 * for-of, but each step calls next() and awaits its result, and closing
 * awaits return(). A throw from the body closes without awaiting. */
static void async_next(FuncState *fs, uint32_t iterator, uint32_t result, JumpList *done)
{
    uint32_t mark = fs->next_reg;
    uint32_t callee = reg_alloc_n(fs, 3);
    emit(fs, OP_MOVE, (int)callee, (int)iterator + 1);
    emit(fs, OP_MOVE, (int)callee + 1, (int)iterator);
    emit(fs, OP_CALL, (int)callee, (int)callee + 1, (int)callee + 2, 0);
    emit(fs, OP_AWAIT);
    emit(fs, OP_STORE_REG, (int)result);
    emit(fs, OP_GET_NAMED, (int)result, (int)const_cstr(fs, "done"), (int)cache_new(fs));
    uint32_t not_done = emit_jump(fs, OP_JUMP_IF_FALSE);
    emit(fs, OP_LOAD_UNDEFINED);   /* finished: nothing to close */
    emit(fs, OP_STORE_REG, (int)iterator);
    jump_list_add(fs, done, emit_jump(fs, OP_JUMP));
    patch_jump_here(fs, not_done);
    emit(fs, OP_GET_NAMED, (int)result, (int)const_cstr(fs, "value"), (int)cache_new(fs));
    reg_free_to(fs, mark);
}

static void compile_for_await(FuncState *fs, Node *node)
{
    struct ast_for_in_of *f = &node->as.for_in_of;
    set_completion_undefined(fs);
    ScopeEntry scope;
    compile_enter_scope(fs, node, &scope);
    compile_expr(fs, f->right);
    compile_pop_scope_env(fs, &scope);
    uint32_t iterator = reg_alloc_n(fs, 2);
    uint32_t result = reg_alloc(fs), exception = reg_alloc(fs);
    emit(fs, OP_GET_ASYNC_ITERATOR, (int)iterator);
    ControlEntry *loop = push_loop(fs);
    loop->iterator_reg = iterator;
    loop->is_async_iterator = true;
    JumpList done = { 0 };
    uint32_t next = label_here(fs);
    async_next(fs, iterator, result, &done);
    uint32_t handler_site = emit_push_handler(fs, exception);
    ControlEntry *handler = control_push(fs, CONTROL_HANDLER);
    compile_push_scope_env(fs, &scope);
    compile_for_head_and_body(fs, node);
    compile_pop_scope_env(fs, &scope);
    control_pop(fs, handler);
    emit(fs, OP_POP_HANDLER);
    emit_jump_to(fs, OP_JUMP, next);
    pop_loop(fs, loop, next);   /* breaks land here: close the iterator */
    compile_async_iterator_close(fs, iterator);
    uint32_t to_end = emit_jump(fs, OP_JUMP);
    patch_jump_here(fs, handler_site);
    emit(fs, OP_ITERATOR_CLOSE_QUIET, (int)iterator);
    emit(fs, OP_LOAD_REG, (int)exception);
    emit(fs, OP_THROW);
    jump_list_patch(fs, &done, code_here(fs));
    jump_list_free(&done);
    patch_jump_here(fs, to_end);
    compile_leave_scope(fs, &scope);
    reg_free_to(fs, iterator);
}

/* ---- Other statements ---- */

static void compile_if(FuncState *fs, Node *node)
{
    set_completion_undefined(fs);
    JumpList to_else = { 0 };
    compile_condition(fs, node->as.conditional.test, false, &to_else);
    compile_stmt(fs, node->as.conditional.consequent);
    if (node->as.conditional.alternate) {
        bool falls_through = code_falls_through(fs);
        uint32_t to_end = falls_through ? emit_jump(fs, OP_JUMP) : 0;
        jump_list_patch(fs, &to_else, code_here(fs));
        compile_stmt(fs, node->as.conditional.alternate);
        if (falls_through)
            patch_jump_here(fs, to_end);
    } else {
        jump_list_patch(fs, &to_else, code_here(fs));
    }
    jump_list_free(&to_else);
}

static void compile_block(FuncState *fs, Node *node)
{
    ScopeEntry scope;
    compile_enter_scope(fs, node, &scope);
    if (scope.scope)
        compile_hoist_functions(fs, &node->as.block.body);
    compile_stmt_list_disposing(fs, &node->as.block.body);
    compile_leave_scope(fs, &scope);
}

static void compile_labeled(FuncState *fs, Node *node)
{
    LabelSet *label = arena_calloc(&fs->c->arena, sizeof *label);
    if (!label) {
        compile_error(fs->c, ERROR_KIND_RANGE, "Out of memory while compiling");
        return;
    }
    label->name = node->as.labeled_stmt.label;
    label->next = (LabelSet *)fs->pending_labels;
    Node *body = node->as.labeled_stmt.body;
    int kind = body->kind;
    bool is_loop = kind == AST_WHILE_STMT || kind == AST_DO_WHILE_STMT || kind == AST_FOR_STMT ||
                   kind == AST_FOR_IN_STMT || kind == AST_FOR_OF_STMT;
    if (is_loop || kind == AST_LABELED_STMT) {
        fs->pending_labels = label;
        compile_stmt(fs, body);
        fs->pending_labels = NULL;
        return;
    }
    fs->pending_labels = NULL;
    ControlEntry *block = control_push(fs, CONTROL_BREAKABLE);
    block->labels = label;
    compile_stmt(fs, body);
    jump_list_patch(fs, &block->breaks, code_here(fs));
    control_pop(fs, block);
}

/* switch (ES2025 14.12.4): the tests in order, then the bodies in order,
 * so that falling through is falling into the next body. */
static void compile_switch(FuncState *fs, Node *node)
{
    struct ast_switch_stmt *s = &node->as.switch_stmt;
    set_completion_undefined(fs);
    uint32_t mark = fs->next_reg;
    uint32_t discriminant = reg_alloc(fs);
    compile_expr(fs, s->discriminant);
    emit(fs, OP_STORE_REG, (int)discriminant);
    ScopeEntry scope;
    compile_enter_scope(fs, node, &scope);
    for (uint32_t i = 0; i < s->cases.count; i++)
        compile_hoist_functions(fs, &s->cases.items[i]->as.switch_case.consequent);
    uint32_t *case_jumps = calloc(s->cases.count + 1, sizeof *case_jumps);
    if (!case_jumps) {
        compile_error(fs->c, ERROR_KIND_RANGE, "Out of memory while compiling");
        return;
    }
    int default_index = -1;
    for (uint32_t i = 0; i < s->cases.count; i++) {
        Node *test = s->cases.items[i]->as.switch_case.test;
        if (!test) {
            default_index = (int)i;
            continue;
        }
        compile_expr(fs, test);
        emit(fs, OP_STRICT_EQ, (int)discriminant);
        case_jumps[i] = emit_jump(fs, OP_JUMP_IF_TRUE);
    }
    uint32_t no_match = emit_jump(fs, OP_JUMP);
    ControlEntry *breakable = control_push(fs, CONTROL_BREAKABLE);
    breakable->takes_plain_break = true;
    breakable->labels = (LabelSet *)fs->pending_labels;
    fs->pending_labels = NULL;
    for (uint32_t i = 0; i < s->cases.count; i++) {
        if ((int)i == default_index)
            patch_jump_here(fs, no_match);
        else
            patch_jump_here(fs, case_jumps[i]);
        compile_stmt_list(fs, &s->cases.items[i]->as.switch_case.consequent);
    }
    if (default_index < 0)
        patch_jump_here(fs, no_match);
    jump_list_patch(fs, &breakable->breaks, code_here(fs));
    control_pop(fs, breakable);
    free(case_jumps);
    compile_leave_scope(fs, &scope);
    reg_free_to(fs, mark);
}

static void compile_catch_clause(FuncState *fs, Node *clause, uint32_t exception)
{
    ScopeEntry scope;
    compile_enter_scope(fs, clause, &scope);
    Node *body = clause->as.catch_clause.body;
    if (clause->as.catch_clause.param) {
        emit(fs, OP_LOAD_REG, (int)exception);
        compile_assign_target(fs, clause->as.catch_clause.param, true);
    }
    if (scope.scope) {
        compile_hoist_functions(fs, &body->as.block.body);
        compile_stmt_list_disposing(fs, &body->as.block.body);
    } else {
        compile_stmt(fs, body);
    }
    compile_leave_scope(fs, &scope);
}

static void compile_try_catch(FuncState *fs, Node *block, Node *handler)
{
    if (!handler) {
        compile_stmt(fs, block);
        return;
    }
    uint32_t mark = fs->next_reg;
    uint32_t exception = reg_alloc(fs);
    uint32_t site = emit_push_handler(fs, exception);
    ControlEntry *region = control_push(fs, CONTROL_HANDLER);
    compile_stmt(fs, block);
    control_pop(fs, region);
    emit(fs, OP_POP_HANDLER);
    bool falls_through = code_falls_through(fs);
    uint32_t to_end = falls_through ? emit_jump(fs, OP_JUMP) : 0;
    patch_jump_here(fs, site);
    compile_catch_clause(fs, handler, exception);
    if (falls_through)
        patch_jump_here(fs, to_end);
    reg_free_to(fs, mark);
}

void compile_finally_dispatch(FuncState *fs, ControlEntry *finally)
{
    static const int fixed[] = { COMPLETION_THROW, COMPLETION_RETURN };
    for (uint32_t k = 0; k < 2 + finally->exit_count; k++) {
        int kind = k < 2 ? fixed[k] : COMPLETION_JUMP_BASE + (int)(k - 2);
        if (kind == COMPLETION_RETURN && !finally->returns_through)
            continue;   /* nothing returns through this finally */
        emit(fs, OP_LOAD_INT, kind);
        emit(fs, OP_STRICT_EQ, (int)finally->kind_reg);
        uint32_t skip = emit_jump(fs, OP_JUMP_IF_FALSE);
        if (kind == COMPLETION_THROW) {
            emit(fs, OP_LOAD_REG, (int)finally->value_reg);
            emit(fs, OP_THROW);
        } else if (kind == COMPLETION_RETURN) {
            emit(fs, OP_LOAD_REG, (int)finally->value_reg);
            compile_return(fs);
        } else {
            FinallyExit exit = finally->exits[k - 2];
            jump_out(fs, exit.target, exit.is_continue);
        }
        patch_jump_here(fs, skip);
    }
}

static void compile_try(FuncState *fs, Node *node)
{
    struct ast_try_stmt *t = &node->as.try_stmt;
    set_completion_undefined(fs);
    if (!t->finalizer) {
        compile_try_catch(fs, t->block, t->handler);
        return;
    }
    uint32_t mark = fs->next_reg;
    uint32_t kind_reg = reg_alloc(fs);
    uint32_t value_reg = reg_alloc(fs);
    uint32_t throw_site = emit_push_handler(fs, value_reg);
    ControlEntry *finally = control_push(fs, CONTROL_FINALLY);
    finally->kind_reg = kind_reg;
    finally->value_reg = value_reg;
    compile_try_catch(fs, t->block, t->handler);
    fs->control = finally->outer;   /* the finally code runs outside its own region */
    emit(fs, OP_POP_HANDLER);
    emit(fs, OP_LOAD_INT, COMPLETION_NORMAL);
    emit(fs, OP_STORE_REG, (int)kind_reg);
    uint32_t to_finally = emit_jump(fs, OP_JUMP);
    patch_jump_here(fs, throw_site);
    emit(fs, OP_LOAD_INT, COMPLETION_THROW);
    emit(fs, OP_STORE_REG, (int)kind_reg);
    patch_jump_here(fs, to_finally);
    jump_list_patch(fs, &finally->to_finally, code_here(fs));
    uint32_t completion = fs->completion_reg;
    fs->completion_reg = NO_OPERAND;   /* a finally block's value never becomes the completion */
    compile_stmt(fs, t->finalizer);
    fs->completion_reg = completion;
    compile_finally_dispatch(fs, finally);
    control_pop(fs, finally);
    reg_free_to(fs, mark);
}

static void compile_expression_stmt(FuncState *fs, Node *node)
{
    if (fs->completion_reg == NO_OPERAND) {
        compile_effect(fs, node->as.expression_stmt.expression);
        return;
    }
    compile_expr(fs, node->as.expression_stmt.expression);
    emit(fs, OP_STORE_REG, (int)fs->completion_reg);
}

/* let/const/var declarations (ES2025 14.3.1.2, 14.3.2.1): a declarator
 * without initializer binds undefined, except var, which does nothing. */
void compile_var_decl(FuncState *fs, Node *decl)
{
    int kind = decl->as.var_decl.kind;
    const NodeList *list = &decl->as.var_decl.declarations;
    for (uint32_t i = 0; i < list->count; i++) {
        Node *declarator = list->items[i];
        Node *target = declarator->as.var_declarator.target;
        Node *init = declarator->as.var_declarator.init;
        set_position(fs, declarator);
        if (!init && kind == VAR_KIND_VAR)
            continue;
        if (init && target->kind == AST_IDENTIFIER)
            compile_named_value(fs, init, target->as.identifier.name);
        else if (init)
            compile_expr(fs, init);
        else
            emit(fs, OP_LOAD_UNDEFINED);
        if (kind == VAR_KIND_USING || kind == VAR_KIND_AWAIT_USING)
            compile_add_disposable(fs, decl);
        compile_assign_target(fs, target, true);
    }
}

/* A sloppy block function, when its declaration is evaluated, is copied
 * to the function's var binding of the same name (Annex B.3.2.1). */
static void compile_annex_b_function(FuncState *fs, Node *node)
{
    VarInfo *var = annex_b_var(fs->c, node);
    if (!var)
        return;
    compile_load_var(fs, node->as.function.id);
    compile_store_binding(fs, var, true, var->name, false);
}

static void compile_class_declaration(FuncState *fs, Node *node)
{
    compile_class(fs, node);
    compile_store_var(fs, node->as.class.id, true);
}

static void compile_throw(FuncState *fs, Node *node)
{
    compile_expr(fs, node->as.argument_stmt.argument);
    set_position(fs, node);
    emit(fs, OP_THROW);
}

static void compile_return_stmt(FuncState *fs, Node *node)
{
    if (node->as.argument_stmt.argument) {
        compile_expr(fs, node->as.argument_stmt.argument);
        /* ES2025 15.6.2 / 14.10.1: return in an async generator awaits its value */
        if ((fs->flags & CODE_ASYNC) && (fs->flags & CODE_GENERATOR))
            emit(fs, OP_AWAIT);
    } else {
        emit(fs, OP_LOAD_UNDEFINED);
    }
    set_position(fs, node);
    compile_return(fs);
}

void compile_stmt(FuncState *fs, Node *node)
{
    if (!node || fs->c->failed)
        return;
    set_position(fs, node);
    uint32_t mark = fs->next_reg;
    switch (node->kind) {
    case AST_EXPRESSION_STMT: compile_expression_stmt(fs, node); break;
    case AST_VAR_DECL: compile_var_decl(fs, node); break;
    case AST_FUNCTION_DECL: compile_annex_b_function(fs, node); break;   /* otherwise hoisted */
    case AST_CLASS_DECL: compile_class_declaration(fs, node); break;
    case AST_RETURN_STMT: compile_return_stmt(fs, node); break;
    case AST_IF_STMT: compile_if(fs, node); break;
    case AST_BLOCK_STMT: compile_block(fs, node); break;
    case AST_WHILE_STMT: compile_while(fs, node); break;
    case AST_DO_WHILE_STMT: compile_do_while(fs, node); break;
    case AST_FOR_STMT: compile_for(fs, node); break;
    case AST_FOR_IN_STMT:
    case AST_FOR_OF_STMT: compile_for_in_of(fs, node); break;
    case AST_BREAK_STMT:
    case AST_CONTINUE_STMT: compile_break_continue(fs, node); break;
    case AST_LABELED_STMT: compile_labeled(fs, node); break;
    case AST_SWITCH_STMT: compile_switch(fs, node); break;
    case AST_TRY_STMT: compile_try(fs, node); break;
    case AST_THROW_STMT: compile_throw(fs, node); break;
    case AST_EMPTY_STMT: break;
    case AST_DEBUGGER_STMT: emit(fs, OP_DEBUGGER); break;
    case AST_IMPORT_DECL:
    case AST_EXPORT_ALL_DECL: break;   /* linking did their work */
    case AST_EXPORT_NAMED_DECL: compile_stmt(fs, node->as.export_named.declaration); break;
    case AST_EXPORT_DEFAULT_DECL: compile_export_default(fs, node); break;
    case AST_WITH_STMT:
        compile_error_at(fs->c, node, "the with statement is not supported yet");
        break;
    default:
        compile_error_at(fs->c, node, "%s is not supported yet", ast_kind_name((AstKind)node->kind));
        break;
    }
    reg_free_to(fs, mark);
}
