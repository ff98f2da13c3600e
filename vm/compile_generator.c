/*
 * Generators and async functions (ES2025 27.5, 27.7, 15.5, 15.8): yield,
 * yield* and await.
 *
 * A generator's frame suspends at YIELD and resumes with acc = the value
 * sent and the resumption kind available from RESUME_KIND:
 *   0 next    continue with the value
 *   1 throw   throw the value here (so try/catch/finally around the yield apply)
 *   2 return  return the value from here, running finally blocks on the way
 * (ES2025 27.5.3.7 GeneratorYield; 27.5.3.4 GeneratorResumeAbrupt).
 * AWAIT resumes with the settled value, or throws the rejection itself.
 */
#include "vm/compiler_internal.h"

/* After YIELD: dispatch on the resumption kind; acc is the sent value. */
void compile_resume(FuncState *fs, bool is_await)
{
    if (is_await)
        return;
    uint32_t mark = fs->next_reg;
    uint32_t value = reg_alloc(fs);
    uint32_t kind = reg_alloc(fs);
    emit(fs, OP_STORE_REG, (int)value);
    emit(fs, OP_RESUME_KIND);
    uint32_t to_next = emit_jump(fs, OP_JUMP_IF_FALSE);   /* 0: next */
    emit(fs, OP_STORE_REG, (int)kind);
    emit(fs, OP_LOAD_INT, 1);
    emit(fs, OP_STRICT_EQ, (int)kind);
    uint32_t to_return = emit_jump(fs, OP_JUMP_IF_FALSE);
    emit(fs, OP_LOAD_REG, (int)value);
    emit(fs, OP_THROW);
    patch_jump_here(fs, to_return);
    emit(fs, OP_LOAD_REG, (int)value);
    compile_return(fs);
    patch_jump_here(fs, to_next);
    emit(fs, OP_LOAD_REG, (int)value);
    reg_free_to(fs, mark);
}

void compile_await(FuncState *fs)
{
    emit(fs, OP_AWAIT);
}

void compile_async_iterator_close(FuncState *fs, uint32_t iterator)
{
    uint32_t mark = fs->next_reg;
    uint32_t callee = reg_alloc_n(fs, 3);
    emit(fs, OP_LOAD_REG, (int)iterator);
    uint32_t finished = emit_jump(fs, OP_JUMP_IF_UNDEFINED);
    emit(fs, OP_GET_NAMED, (int)iterator, (int)const_cstr(fs, "return"), (int)cache_new(fs));
    uint32_t no_return = emit_jump(fs, OP_JUMP_IF_NULLISH);
    emit(fs, OP_STORE_REG, (int)callee);
    emit(fs, OP_MOVE, (int)callee + 1, (int)iterator);
    emit(fs, OP_CALL, (int)callee, (int)callee + 1, (int)callee + 2, 0);
    emit(fs, OP_AWAIT);
    patch_jump_here(fs, finished);
    patch_jump_here(fs, no_return);
    reg_free_to(fs, mark);
}

/*
 * yield* iterable (ES2025 15.5.5): forward each resumption to the inner
 * iterator and yield its results' values; in async generators the inner
 * iterator is async and each of its results is awaited.
 *       <iterable>; GET_ITERATOR rIter       ; rIter, rIter+1 = iterator, next
 *       LOAD_UNDEFINED
 *   Lloop:  (acc = the value to send, rKind = how we were resumed)
 *       call next / throw / return of the inner iterator with acc -> rResult
 *       done? -> Ldone (for return: return the value)
 *       YIELD value; STORE rSent; RESUME_KIND -> rKind; JUMP Lloop
 *   Ldone: acc = value
 */
static void delegate_call_method(FuncState *fs, uint32_t iterator, uint32_t method_name, uint32_t sent, uint32_t result,
                                 JumpList *missing, bool is_async)
{
    uint32_t mark = fs->next_reg;
    uint32_t callee = reg_alloc_n(fs, 3);
    if (method_name == NO_OPERAND) {   /* the iterator record's [[NextMethod]] (15.5.5 step 7.a.i) */
        emit(fs, OP_MOVE, (int)callee, (int)iterator + 1);
    } else {
        emit(fs, OP_GET_NAMED, (int)iterator, (int)method_name, (int)cache_new(fs));
        emit(fs, OP_STORE_REG, (int)callee);
    }
    if (missing)
        jump_list_add(fs, missing, emit_jump(fs, OP_JUMP_IF_NULLISH));
    emit(fs, OP_MOVE, (int)callee + 1, (int)iterator);
    emit(fs, OP_MOVE, (int)callee + 2, (int)sent);
    emit(fs, OP_CALL, (int)callee, (int)callee + 1, (int)callee + 2, 1);
    if (is_async)
        emit(fs, OP_AWAIT);
    emit(fs, OP_STORE_REG, (int)result);
    reg_free_to(fs, mark);
}

static void compile_yield_delegate(FuncState *fs, Node *node)
{
    bool is_async = (fs->flags & CODE_ASYNC) != 0;
    uint32_t iterator = reg_alloc_n(fs, 2);
    uint32_t sent = reg_alloc(fs), kind = reg_alloc(fs), result = reg_alloc(fs);
    uint32_t throw_name = const_cstr(fs, "throw");
    uint32_t return_name = const_cstr(fs, "return"), done_name = const_cstr(fs, "done");
    uint32_t value_name = const_cstr(fs, "value");
    compile_expr(fs, node->as.yield.argument);
    emit(fs, is_async ? OP_GET_ASYNC_ITERATOR : OP_GET_ITERATOR_RECORD, (int)iterator);
    emit(fs, OP_LOAD_UNDEFINED);
    emit(fs, OP_STORE_REG, (int)sent);
    emit(fs, OP_LOAD_INT, 0);
    emit(fs, OP_STORE_REG, (int)kind);
    uint32_t loop = label_here(fs);
    JumpList no_throw = { 0 }, no_return = { 0 };
    /* kind 0: next(sent) */
    emit(fs, OP_LOAD_REG, (int)kind);
    uint32_t not_next = emit_jump(fs, OP_JUMP_IF_TRUE);
    delegate_call_method(fs, iterator, NO_OPERAND, sent, result, NULL, is_async);
    uint32_t to_check = emit_jump(fs, OP_JUMP);
    patch_jump_here(fs, not_next);
    emit(fs, OP_LOAD_INT, 1);
    emit(fs, OP_STRICT_EQ, (int)kind);
    uint32_t not_throw = emit_jump(fs, OP_JUMP_IF_FALSE);
    delegate_call_method(fs, iterator, throw_name, sent, result, &no_throw, is_async);
    uint32_t to_check2 = emit_jump(fs, OP_JUMP);
    patch_jump_here(fs, not_throw);
    delegate_call_method(fs, iterator, return_name, sent, result, &no_return, is_async);
    /* a return resumption: when the inner iterator is done, return its value */
    emit(fs, OP_GET_NAMED, (int)result, (int)done_name, (int)cache_new(fs));
    uint32_t return_not_done = emit_jump(fs, OP_JUMP_IF_FALSE);
    emit(fs, OP_GET_NAMED, (int)result, (int)value_name, (int)cache_new(fs));
    if (is_async)
        emit(fs, OP_AWAIT);
    compile_return(fs);
    patch_jump_here(fs, return_not_done);
    uint32_t to_yield = emit_jump(fs, OP_JUMP);
    /* the inner iterator has no return(): return sent from here */
    jump_list_patch(fs, &no_return, code_here(fs));
    emit(fs, OP_LOAD_REG, (int)sent);
    if (is_async)
        emit(fs, OP_AWAIT);
    compile_return(fs);
    /* no throw(): close it, then TypeError (ES2025 15.5.5 step 7.b.iii) */
    jump_list_patch(fs, &no_throw, code_here(fs));
    if (is_async)
        compile_async_iterator_close(fs, iterator);
    else
        emit(fs, OP_ITERATOR_CLOSE, (int)iterator);
    emit(fs, OP_THROW_ERROR, ERROR_KIND_TYPE, (int)const_cstr(fs, "The iterator does not provide a 'throw' method"));
    patch_jump_here(fs, to_check);
    patch_jump_here(fs, to_check2);
    emit(fs, OP_GET_NAMED, (int)result, (int)done_name, (int)cache_new(fs));
    uint32_t finished = emit_jump(fs, OP_JUMP_IF_TRUE);
    patch_jump_here(fs, to_yield);
    emit(fs, OP_GET_NAMED, (int)result, (int)value_name, (int)cache_new(fs));
    emit(fs, OP_YIELD);
    emit(fs, OP_STORE_REG, (int)sent);
    emit(fs, OP_RESUME_KIND);
    emit(fs, OP_STORE_REG, (int)kind);
    emit_jump_to(fs, OP_JUMP, loop);
    patch_jump_here(fs, finished);
    emit(fs, OP_GET_NAMED, (int)result, (int)value_name, (int)cache_new(fs));
    jump_list_free(&no_throw);
    jump_list_free(&no_return);
}

void compile_yield(FuncState *fs, Node *node)
{
    set_position(fs, node);
    if (node->as.yield.is_delegate) {
        compile_yield_delegate(fs, node);
        return;
    }
    if (node->as.yield.argument)
        compile_expr(fs, node->as.yield.argument);
    else
        emit(fs, OP_LOAD_UNDEFINED);
    /* ES2025 15.5.5 Yield: an async generator yields Await(value) */
    if (fs->flags & CODE_ASYNC)
        emit(fs, OP_AWAIT);
    emit(fs, OP_YIELD);
    compile_resume(fs, false);
}
