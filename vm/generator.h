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

typedef enum GeneratorState {
    GENERATOR_SUSPENDED_START,
    GENERATOR_SUSPENDED_YIELD,
    GENERATOR_EXECUTING,
    GENERATOR_COMPLETED,
} GeneratorState;

/* A suspended frame, as generators, async functions and async generators
 * keep it: the registers (with the arguments beyond the formals), the
 * environment, this, new.target, the open try blocks and the pc. */
typedef struct GeneratorObject {
    Object object;
    GeneratorState state;
    Object *callee;
    FunctionCode *code;
    Environment *env;
    Value this_value, new_target;
    uint32_t resume_pc;          /* offset of the instruction to resume at */
    uint32_t argc;
    uint32_t value_count;        /* registers, then the extra arguments */
    Value *values;               /* malloc'd */
    uint32_t handler_count;
    Handler *handlers;           /* malloc'd; targets are offsets */
} GeneratorObject;

/* The trace and finalize functions of classes built on GeneratorObject. */
void generator_object_trace(GCTracer *tracer, Object *o);
void generator_object_finalize(Heap *heap, Object *o);
/* Takes callee, code and argc from the frame that is to be saved in g. */
void generator_object_init(GeneratorObject *g, Frame *frame);
/* Saves frame (its values, handlers and the pc to resume at) into g.
 * false: out of memory (thrown). */
bool generator_save_frame(VM *vm, GeneratorObject *g, Frame *frame, const uint8_t *resume_pc) NODUS_MUST_CHECK;
/* Frees the saved frame (the body has finished). */
void generator_release_frame(GeneratorObject *g);
/* Pushes g's saved frame as an entry frame (FRAME_GENERATOR | flags) and
 * runs it with value in acc and RESUME_KIND = kind: the frame's result. */
Value generator_run_saved(VM *vm, GeneratorObject *g, Value value, uint32_t kind, uint32_t flags);

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
/* %GeneratorFunction.prototype% and %GeneratorPrototype% (a realm installer). */
bool generator_install(VM *vm, Realm *realm) NODUS_MUST_CHECK;

#endif
