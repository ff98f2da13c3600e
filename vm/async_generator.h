/*
 * Async generators (ES2025 27.6): the interpreter's GENERATOR_START,
 * YIELD and the end of the body for async generator functions, and
 * %AsyncGeneratorPrototype%, %AsyncGeneratorFunction.prototype%,
 * %AsyncIteratorPrototype%.
 */
#ifndef NODUS_VM_ASYNC_GENERATOR_H
#define NODUS_VM_ASYNC_GENERATOR_H

#include "vm/generator.h"

/* GENERATOR_START of an async generator function: the AsyncGenerator
 * (27.6.3.1 AsyncGeneratorStart) holding frame; VALUE_EXCEPTION after
 * throwing. */
Value async_generator_start(VM *vm, Frame *frame, const uint8_t *resume_pc);
/* YIELD (27.6.3.8 AsyncGeneratorYield, the operand already awaited):
 * 1 when the body goes on at once (the next request was queued: *acc and
 * frame->resume_kind are set), 0 when the frame is saved and must stop
 * running, -1 after throwing. */
int async_generator_yield(VM *vm, Frame *frame, Value *acc, const uint8_t *resume_pc);
/* The body returned value, or threw (the pending exception): completes
 * the generator and settles the queued requests. false after throwing. */
bool async_generator_body_done(VM *vm, Frame *frame, bool threw, Value value) NODUS_MUST_CHECK;

bool async_generator_install(VM *vm, Realm *realm) NODUS_MUST_CHECK;

#endif
