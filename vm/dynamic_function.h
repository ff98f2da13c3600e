/*
 * CreateDynamicFunction's compiling half (ES2025 20.2.1.1.1), for the
 * Function, GeneratorFunction, AsyncFunction and AsyncGeneratorFunction
 * constructors (vm/dynamic_function.c).
 */
#ifndef NODUS_VM_DYNAMIC_FUNCTION_H
#define NODUS_VM_DYNAMIC_FUNCTION_H

#include <stddef.h>

#include "vm/vm.h"

typedef enum DynamicFunctionKind {
    DYNAMIC_FUNCTION_NORMAL,
    DYNAMIC_FUNCTION_GENERATOR,
    DYNAMIC_FUNCTION_ASYNC,
    DYNAMIC_FUNCTION_ASYNC_GENERATOR,
} DynamicFunctionKind;

/* The new function object for the parameter text and body text (UTF-8,
 * already converted from the arguments: steps 9-12), in the global
 * environment, with the default [[Prototype]] of its kind; the caller sets
 * the prototype from newTarget. NULL after throwing (SyntaxError). */
Object *vm_compile_dynamic_function(VM *vm, DynamicFunctionKind kind, const char *parameters, size_t parameters_len,
                                    const char *body, size_t body_len) NODUS_MUST_CHECK;

/* ES2025 20.2.1.1.1 CreateDynamicFunction: the arguments are the
 * parameter strings then the body; new_target NULL for a [[Call]] (the
 * prototype is then the kind's intrinsic). VALUE_EXCEPTION after throwing. */
Value vm_create_dynamic_function(VM *vm, Object *new_target, DynamicFunctionKind kind, uint32_t argc,
                                 const Value *argv);

#endif
