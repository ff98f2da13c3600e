/*
 * The interpreter's private state: the register stack, frames and
 * exception handlers, shared by vm/interp.c (the dispatch loop),
 * vm/stack.c (pushing and popping frames, GC roots), vm/function.c (calls)
 * and vm/error.c (stack traces).
 *
 * ---- The register stack ----
 * One array of Values for the whole VM, reserved once with mmap (untouched
 * pages cost nothing) and never moved, so frames keep plain pointers into
 * it. Everything below stack_top is a GC root. A frame's values are laid
 * out as
 *
 *     registers[0 .. code->register_count)    r0.. hold the formal parameters
 *     registers[register_count .. + extra)    arguments beyond formal_count
 *
 * and the next frame starts at its top. A native function called from
 * JavaScript gets argv pointing at the caller's argument registers.
 *
 * ---- Frames ----
 * Frames live in their own array (also never moved). The running frame's
 * pc is kept in a local of the loop and written back to frame->pc before
 * anything that may look at it (a call, an allocation that may throw, the
 * creation of an Error, whose stack trace reads every frame's pc).
 */
#ifndef NODUS_VM_INTERP_INTERNAL_H
#define NODUS_VM_INTERP_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "vm/function.h"
#include "vm/realm.h"

enum {
    REGISTER_STACK_VALUES = 512 * 1024,   /* 4 MB reserved */
    FRAME_LIMIT = 12 * 1024,              /* about node's depth for small frames */
    C_STACK_BUDGET = 4 * 1024 * 1024,     /* bytes of C stack nested calls may use */
};

typedef enum FrameFlag {
    FRAME_ENTRY = 1 << 0,        /* called from C: RETURN leaves interp_execute */
    FRAME_CONSTRUCT = 1 << 1,    /* [[Construct]]: RETURN applies ES2025 10.2.2 steps 10-12 */
    FRAME_GENERATOR = 1 << 2,    /* runs a generator's body (frame->generator) */
    FRAME_THROW_ON_RESUME = 1 << 3,  /* resumed after an await that rejected: throw acc at once */
} FrameFlag;

typedef struct Frame {
    Object *callee;              /* the Closure running; NULL for a script's top level */
    FunctionCode *code;
    const uint8_t *pc;           /* start of the current instruction (saved) */
    Value *registers;
    Value *top;                  /* one past this frame's values */
    Environment *env;            /* the current environment (NULL: global) */
    Value this_value;            /* the hole until a derived constructor calls super() */
    Value new_target;            /* undefined in a [[Call]] */
    Object *generator;           /* FRAME_GENERATOR: the generator object */
    uint32_t argc;               /* arguments passed */
    uint32_t handler_base;       /* this frame's handlers are handlers[handler_base ..] */
    uint32_t flags;              /* FrameFlag */
    uint32_t resume_kind;        /* generators: how the last YIELD was resumed (RESUME_KIND) */
} Frame;

/* A try block entered with PUSH_HANDLER. */
typedef struct Handler {
    uint32_t target;             /* pc offset of the handler code */
    uint16_t exception_register;
    Environment *env;            /* the environment when the try block was entered */
} Handler;

typedef struct Interpreter {
    Value *stack_base, *stack_end;
    Value *stack_top;            /* first free value; everything below is a root */
    Frame *frames;               /* frames[0 .. frame_count) */
    uint32_t frame_count;
    Handler *handlers;
    uint32_t handler_count, handler_capacity;
    uintptr_t c_stack_limit;     /* nested calls below this address throw RangeError */
    /* Where the last exception was thrown (vm_exception_site) */
    Value thrown;
    FunctionCode *throw_code;
    uint32_t throw_pc;
} Interpreter;

/* The size in bytes of an instruction whose operands are ops (a string of
 * vm/opcodes.def): a constant expression the compiler folds. */
#define OPERAND_SIZE(c) ((c) == 'i' || (c) == 'j' ? 4 : (c) == 0 ? 0 : 2)
#define OPERANDS_PADDED(ops) (ops "\0\0\0\0")
#define INSTRUCTION_SIZE(ops) \
    (1 + OPERAND_SIZE(OPERANDS_PADDED(ops)[0]) + OPERAND_SIZE(OPERANDS_PADDED(ops)[1]) + \
     OPERAND_SIZE(OPERANDS_PADDED(ops)[2]) + OPERAND_SIZE(OPERANDS_PADDED(ops)[3]))

/* vm/stack.c */
bool interp_init(VM *vm);
void interp_free(VM *vm);
void interp_mark_roots(GCTracer *tracer, VM *vm);
/* Pushes a frame for code above the current stack top, with its registers
 * filled from argv (argc values) and undefined, and the arguments beyond
 * formal_count after them. NULL after throwing RangeError (stack overflow).
 * The caller sets callee, env, this_value, new_target and flags. */
Frame *interp_push_frame(VM *vm, FunctionCode *code, uint32_t argc, const Value *argv);
/* A frame whose values (registers, then extra arguments) are count saved
 * ones: a generator resuming. */
Frame *interp_push_saved_frame(VM *vm, FunctionCode *code, const Value *values, uint32_t count, uint32_t argc);
void interp_pop_frame(VM *vm);
static inline Frame *interp_current_frame(VM *vm)
{
    Interpreter *in = vm->interp;
    return in->frame_count ? &in->frames[in->frame_count - 1] : NULL;
}
/* Throws RangeError "Maximum call stack size exceeded" when the C stack is
 * nearly used up (native code calling back into JavaScript); false then. */
bool interp_check_c_stack(VM *vm) NODUS_MUST_CHECK;
Value interp_throw_stack_overflow(VM *vm);
bool interp_push_handler(VM *vm, uint32_t target, uint16_t exception_register, Environment *env) NODUS_MUST_CHECK;

/* vm/interp.c: runs frames from the current (top) one, which must be
 * flagged FRAME_ENTRY, until it returns: its result or VALUE_EXCEPTION.
 * The _with form starts with acc = initial (a generator resuming). */
Value interp_execute_with(VM *vm, Value initial);
static inline Value interp_execute(VM *vm) { return interp_execute_with(vm, VALUE_UNDEFINED); }

/* vm/function.c: the frame for a call of closure (ES2025 10.2.1 [[Call]]
 * steps 1-5 and 10.2.2 [[Construct]] steps 1-6: PrepareForOrdinaryCall,
 * OrdinaryCallBindThis, the function environment, InitializeInstanceElements).
 * new_target is NULL for [[Call]]. The frame is pushed and ready to run at
 * its first instruction; NULL after throwing (nothing pushed then). */
Frame *closure_prepare_frame(VM *vm, Closure *closure, Value this_value, uint32_t argc, const Value *argv,
                             Object *new_target);
/* ES2025 10.2.2 [[Construct]] steps 10-12: the result of a construct
 * frame that returned result (the frame is still pushed). */
Value closure_construct_result(VM *vm, Frame *frame, Value result);
/* ES2025 7.3.34 InitializeInstanceElements: runs the field initializer of
 * constructor on receiver. false after throwing. */
bool closure_initialize_fields(VM *vm, Closure *constructor, Value receiver) NODUS_MUST_CHECK;
static inline bool object_is_closure(const Object *o) { return o->class_ == &closure_class; }

/* vm/error.c: the realm's make_error hook and stack traces */
Value error_make(VM *vm, ErrorKind kind, String *message);
/* Captures the current frames as V8 prints them ("    at f (file.js:3:7)"
 * lines) into error's "stack" property, after header ("Error: msg"). */
bool error_capture_stack(VM *vm, Object *error) NODUS_MUST_CHECK;
/* Throws TypeError "<callee> <what>" ("o.f is not a function"), naming the
 * callee as the source text at frame's pc spells it when it can. */
Value error_throw_not_callable(VM *vm, Frame *frame, Value callee, const char *what);
/* Sets the realm's make_error hook (called by realm_new). */
void error_install(VM *vm);
/* Error instances (ordinary objects with [[ErrorData]]): a new one with
 * its message (NULL: none) and stack. NULL after throwing. */
extern const ObjectClass error_object_class;
Object *error_object_new(VM *vm, Object *prototype, String *message) NODUS_MUST_CHECK;
IntrinsicId error_prototype_intrinsic(ErrorKind kind);

#endif
