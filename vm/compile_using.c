/*
 * using declarations (ES2026 Explicit Resource Management): a scope that
 * declares using bindings gets a DisposeCapability in a register, and its
 * statements run as the protected part of an implicit try..finally whose
 * finally code is DisposeResources (vm/dispose.c):
 *
 *       LOAD_UNDEFINED ; STORE_REG rCap      ; no resource yet
 *       PUSH_HANDLER Lthrow, rValue
 *       <statements>                        ; using x = e: e ; ADD_DISPOSABLE rCap ; bind x
 *       POP_HANDLER ; LOAD_INT NORMAL ; STORE_REG rKind ; JUMP Ldispose
 *   Lthrow:
 *       LOAD_INT THROW ; STORE_REG rKind
 *   Ldispose:                               ; return/break/continue enter here too
 *       DISPOSE_RESOURCES rCap, rKind, rValue   ; throws a disposal's exception
 *       <finally dispatch: rethrow, return, jump on>
 *
 * A disposal that throws replaces a normal, return or jump completion; on
 * a throw completion it becomes a SuppressedError (DisposeResources step
 * 3.e.iii), which DISPOSE_RESOURCES makes and throws itself.
 *
 * A scope with await using declarations disposes in a loop instead, since
 * each disposal may Await:
 *
 *       LOAD_UNDEFINED ; STORE_REG rState
 *   Lloop:
 *       PUSH_HANDLER Lcatch, rExc
 *       DISPOSE_ASYNC_STEP rCap, rState     ; acc = what to Await, or the hole
 *       JUMP_IF_NOT_HOLE Lawait
 *       POP_HANDLER ; JUMP Ldone
 *   Lawait:
 *       AWAIT ; POP_HANDLER ; JUMP Lloop
 *   Lcatch:
 *       DISPOSE_COMBINE rKind, rValue, rExc ; JUMP Lloop
 *   Ldone:
 *       <finally dispatch>
 */
#include "vm/compiler_internal.h"

static bool is_using_declaration(const Node *node)
{
    if (!node || node->kind != AST_VAR_DECL)
        return false;
    int kind = node->as.var_decl.kind;
    return kind == VAR_KIND_USING || kind == VAR_KIND_AWAIT_USING;
}

bool stmt_list_has_using(const NodeList *list)
{
    for (uint32_t i = 0; i < list->count; i++)
        if (is_using_declaration(list->items[i]))
            return true;
    return false;
}

static bool stmt_list_has_await_using(const NodeList *list)
{
    for (uint32_t i = 0; i < list->count; i++)
        if (is_using_declaration(list->items[i]) && list->items[i]->as.var_decl.kind == VAR_KIND_AWAIT_USING)
            return true;
    return false;
}

/* DisposeResources with Awaits (ES2026 7.5.6; see the top of the file). */
static void compile_async_disposal(FuncState *fs, ControlEntry *finally, uint32_t capability_reg)
{
    uint32_t mark = fs->next_reg;
    uint32_t state_reg = reg_alloc(fs);
    uint32_t exception_reg = reg_alloc(fs);
    emit(fs, OP_LOAD_UNDEFINED);
    emit(fs, OP_STORE_REG, (int)state_reg);
    uint32_t loop = label_here(fs);
    uint32_t catch_site = emit_push_handler(fs, exception_reg);
    emit(fs, OP_DISPOSE_ASYNC_STEP, (int)capability_reg, (int)state_reg);
    uint32_t to_await = emit_jump(fs, OP_JUMP_IF_NOT_HOLE);
    emit(fs, OP_POP_HANDLER);
    uint32_t to_done = emit_jump(fs, OP_JUMP);
    patch_jump_here(fs, to_await);
    emit(fs, OP_AWAIT);
    emit(fs, OP_POP_HANDLER);
    emit_jump_to(fs, OP_JUMP, loop);
    patch_jump_here(fs, catch_site);
    emit(fs, OP_DISPOSE_COMBINE, (int)finally->kind_reg, (int)finally->value_reg, (int)exception_reg);
    emit_jump_to(fs, OP_JUMP, loop);
    patch_jump_here(fs, to_done);
    emit(fs, OP_LOAD_UNDEFINED);
    emit(fs, OP_STORE_REG, (int)capability_reg);
    reg_free_to(fs, mark);
}

void compile_using_scope(FuncState *fs, bool is_async, void (*body)(FuncState *fs, void *context), void *context)
{
    uint32_t mark = fs->next_reg;
    uint32_t kind_reg = reg_alloc(fs);
    uint32_t value_reg = reg_alloc(fs);
    uint32_t capability_reg = reg_alloc(fs);
    emit(fs, OP_LOAD_UNDEFINED);
    emit(fs, OP_STORE_REG, (int)capability_reg);
    uint32_t throw_site = emit_push_handler(fs, value_reg);
    ControlEntry *finally = control_push(fs, CONTROL_FINALLY);
    finally->kind_reg = kind_reg;
    finally->value_reg = value_reg;
    bool outer_in_scope = fs->in_using_scope;
    uint32_t outer_reg = fs->dispose_reg;
    fs->in_using_scope = true;
    fs->dispose_reg = capability_reg;
    body(fs, context);
    fs->in_using_scope = outer_in_scope;
    fs->dispose_reg = outer_reg;
    fs->control = finally->outer;   /* the disposal runs outside its own region */
    emit(fs, OP_POP_HANDLER);
    emit(fs, OP_LOAD_INT, COMPLETION_NORMAL);
    emit(fs, OP_STORE_REG, (int)kind_reg);
    uint32_t to_dispose = emit_jump(fs, OP_JUMP);
    patch_jump_here(fs, throw_site);
    emit(fs, OP_LOAD_INT, COMPLETION_THROW);
    emit(fs, OP_STORE_REG, (int)kind_reg);
    patch_jump_here(fs, to_dispose);
    jump_list_patch(fs, &finally->to_finally, code_here(fs));
    if (is_async)
        compile_async_disposal(fs, finally, capability_reg);
    else
        emit(fs, OP_DISPOSE_RESOURCES, (int)capability_reg, (int)kind_reg, (int)value_reg);
    compile_finally_dispatch(fs, finally);
    control_pop(fs, finally);
    reg_free_to(fs, mark);
}

static void compile_list_body(FuncState *fs, void *context)
{
    compile_stmt_list(fs, (const NodeList *)context);
}

void compile_stmt_list_disposing(FuncState *fs, const NodeList *list)
{
    if (stmt_list_has_using(list))
        compile_using_scope(fs, stmt_list_has_await_using(list), compile_list_body, (void *)list);
    else
        compile_stmt_list(fs, list);
}

void compile_add_disposable(FuncState *fs, Node *decl)
{
    if (!fs->in_using_scope) {
        compile_error_at(fs->c, decl, "using declarations are not supported here yet");
        return;
    }
    emit(fs, OP_ADD_DISPOSABLE, (int)fs->dispose_reg, decl->as.var_decl.kind == VAR_KIND_AWAIT_USING ? 1 : 0);
}
