/*
 * eval (ES2025 19.2.1): PerformEval, direct and indirect (vm/eval.c).
 */
#ifndef NODUS_VM_EVAL_H
#define NODUS_VM_EVAL_H

#include "vm/vm.h"

/* ES2025 19.2.1.1 PerformEval for code that sees the global scope: x
 * itself when it is not a string, else the completion value of running it
 * as eval code with the given this. VALUE_EXCEPTION after throwing. */
Value vm_perform_eval(VM *vm, Value x, bool strict_caller, Value this_value);
/* The %eval% function's behaviour: an indirect eval (global code). */
Value vm_indirect_eval(VM *vm, Value x);

#endif
