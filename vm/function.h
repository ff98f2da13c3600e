/*
 * Function objects, environments and calls.
 *
 *   - A closure (ES2025 10.2 ECMAScript Function Objects) is a FunctionCode
 *     and the Environment it was created in, plus what arrows capture.
 *   - A native function is a C function with the signature NativeFunction,
 *     used for every built-in.
 *   - An Environment holds the captured variables of one scope (only
 *     captured variables: the others live in registers).
 *
 * vm_call and vm_construct are the [[Call]] and [[Construct]] entry points
 * for C code; from JavaScript, the interpreter calls JS functions without
 * recursing in C (a new frame on the same register stack).
 */
#ifndef NODUS_VM_FUNCTION_H
#define NODUS_VM_FUNCTION_H

#include "vm/bytecode.h"
#include "vm/object.h"

typedef struct Environment {
    GCCell header;
    struct Environment *parent;
    uint32_t slot_count;
    Value slots[];
} Environment;

typedef struct Closure {
    Object object;
    FunctionCode *code;
    Environment *env;            /* the environment it was created in */
    Value this_value;            /* arrows: the captured this (the hole: not yet bound) */
    Value new_target;            /* arrows: the captured new.target */
    Object *home_object;         /* methods: for super property access */
    Object *fields;              /* class constructors: the field initializer function, or NULL */
} Closure;

/* A built-in. this_value is the receiver; new_target is NULL for [[Call]],
 * the newTarget object for [[Construct]]. args are rooted (they live on the
 * VM's register stack); the function returns a value or VALUE_EXCEPTION. */
typedef Value (*NativeFunction)(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target);

typedef struct NativeClosure {
    Object object;
    NativeFunction function;
    Value data;                  /* for the function's own use (bound values, resolve functions' state) */
} NativeClosure;

extern const ObjectClass closure_class;
extern const ObjectClass native_function_class;

Environment *environment_new(VM *vm, Environment *parent, uint32_t slot_count) NODUS_MUST_CHECK;
/* A copy of env (same parent, same slot values): COPY_ENV. */
Environment *environment_copy(VM *vm, Environment *env) NODUS_MUST_CHECK;
/* Registers the cell type of environments (called once by vm_new). */
void function_register_types(Heap *heap);

/* A new closure for code in env; NULL after throwing. Sets its prototype
 * (%Function.prototype% or the generator / async variants), "length",
 * "name", and for constructors a fresh "prototype" object. */
Object *closure_new(VM *vm, FunctionCode *code, Environment *env) NODUS_MUST_CHECK;
/* A new built-in function named name with the given length; is_constructor
 * gives it [[Construct]]. NULL after throwing. */
Object *native_function_new(VM *vm, NativeFunction function, const char *name, uint32_t length,
                            bool is_constructor) NODUS_MUST_CHECK;

/* The function's name for messages and stack traces: its own "name" data
 * property when it is a string, else the name its code was compiled with. */
String *function_display_name(VM *vm, Object *f);

/* native_function_new with another [[Prototype]] than %Function.prototype%. */
Object *native_function_new_in(VM *vm, Object *prototype, NativeFunction function, const char *name,
                               uint32_t length, bool is_constructor) NODUS_MUST_CHECK;

/* [[Call]] and [[Construct]] for C code (throws TypeError when not callable
 * / not a constructor). Deep recursion throws RangeError "Maximum call stack
 * size exceeded". */
Value vm_call(VM *vm, Value callee, Value this_value, uint32_t argc, const Value *argv);
Value vm_construct(VM *vm, Value constructor, uint32_t argc, const Value *argv, Value new_target);
/* value_is_callable is in vm/object.h */
static inline bool value_is_constructor(Value value)
{
    return value_is_object(value) && ((GCCell *)value_as_object(value))->flags & OBJECT_IS_CONSTRUCTOR;
}

/* Runs a compiled script's top level in the current realm: its completion
 * value, or VALUE_EXCEPTION. */
Value vm_run_script(VM *vm, FunctionCode *code);

/* Where the exception value was last thrown by JavaScript code (for the
 * runtime's report of an uncaught exception): false when unknown. */
typedef struct ThrowSite {
    String *source_name;         /* the script's name as compiled */
    String *source_text;         /* its whole text (another module's, for an error thrown there) */
    uint32_t line, column;       /* 1-based */
} ThrowSite;
bool vm_exception_site(VM *vm, Value exception, ThrowSite *site);

/* Runs the job queue (promise reactions) until it is empty; false when a job
 * threw and nobody handled it (the exception is pending). */
bool vm_run_jobs(VM *vm);

#endif
