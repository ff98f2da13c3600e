/*
 * Async functions (ES2025 27.7): what the interpreter's AWAIT and
 * ASYNC_RETURN do, and the end of an async function's frame by an
 * exception. An async function runs synchronously until its first await;
 * then its frame is saved in an internal object with the promise it
 * returns, and promise jobs resume it.
 */
#ifndef NODUS_VM_ASYNC_FUNCTION_H
#define NODUS_VM_ASYNC_FUNCTION_H

#include "vm/generator.h"
#include "vm/promise.h"

/* RESUME_KIND-like kinds an await resumes with: the awaited value, or
 * the rejection thrown at the await. */
enum { ASYNC_RESUME_NORMAL = 0, ASYNC_RESUME_THROW = 1 };

/* AWAIT (27.7.5.3 Await): PromiseResolve(%Promise%, value), then a
 * reaction that resumes the frame at resume_pc, whose state is saved. The
 * value the frame gives its caller now (an async function's promise; for
 * an async generator, undefined), or VALUE_EXCEPTION when PromiseResolve
 * threw (at the await, nothing saved). */
Value async_await(VM *vm, Frame *frame, Value value, const uint8_t *resume_pc);
/* ASYNC_RETURN: resolves the async function's promise with value (making
 * it if the function never awaited); the promise, or VALUE_EXCEPTION. */
Value async_function_return(VM *vm, Frame *frame, Value value);
/* An exception leaves an async function's frame: its promise is rejected
 * with it (27.7.5.2 AsyncBlockStart step 3.f). The promise. */
Value async_function_throw(VM *vm, Frame *frame);

/* Await's reaction for a frame saved in a GeneratorObject (data): resumes
 * it with the value, or by throwing the reason. Also used by async
 * generators. */
Value async_resume_after_await(VM *vm, Value data, Value argument, bool rejected);
/* Await(value) for a frame already saved in g (resumes at its saved pc):
 * the reaction is registered with handler. false after throwing. */
bool async_await_saved(VM *vm, GeneratorObject *g, Value value, PromiseInternalHandler handler) NODUS_MUST_CHECK;

/* %AsyncFunction.prototype% (27.7.3) and the AsyncFunction constructor. */
bool async_function_install(VM *vm, Realm *realm) NODUS_MUST_CHECK;

#endif
