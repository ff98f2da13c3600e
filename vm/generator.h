/*
 * Generator objects (vm/generator.c): what the interpreter's GENERATOR_START,
 * YIELD and RESUME_KIND do, and %GeneratorPrototype%'s next, return and
 * throw (ES2025 27.5).
 */
#ifndef NODUS_VM_GENERATOR_H
#define NODUS_VM_GENERATOR_H

#include "vm/interp_internal.h"

/* How a generator was resumed: RESUME_KIND's values. */
enum { GENERATOR_RESUME_NEXT = 0, GENERATOR_RESUME_THROW = 1, GENERATOR_RESUME_RETURN = 2 };

/* GENERATOR_START: a generator object holding frame, to resume at
 * resume_pc; VALUE_EXCEPTION after throwing. */
Value generator_start(VM *vm, Frame *frame, const uint8_t *resume_pc);
/* YIELD: saves the generator's frame (to resume at resume_pc). */
bool generator_yield(VM *vm, Frame *frame, const uint8_t *resume_pc) NODUS_MUST_CHECK;
/* The generator's frame returned or threw: it is completed. */
void generator_complete(Frame *frame);
/* GeneratorResume / GeneratorResumeAbrupt: the iterator result, or
 * VALUE_EXCEPTION. */
Value generator_resume(VM *vm, Value generator, Value value, uint32_t kind);
/* The Environment a suspended generator runs in (a module body's module
 * Environment, vm/module.c); NULL when generator is not one. */
Environment *generator_environment(Value generator);
/* %GeneratorFunction.prototype% and %GeneratorPrototype% (a realm installer). */
bool generator_install(VM *vm, Realm *realm) NODUS_MUST_CHECK;

#endif
