/*
 * Built-in functions that carry a value: the abstract closures the spec
 * turns into functions with CreateBuiltinFunction and that capture state
 * (promise resolving functions, Promise.all's element functions, the
 * executor of NewPromiseCapability, ...). The C function receives the
 * value it was made with.
 */
#ifndef NODUS_VM_DATA_FUNCTION_H
#define NODUS_VM_DATA_FUNCTION_H

#include "vm/function.h"

typedef Value (*DataFunction)(VM *vm, Value data, Value this_value, uint32_t argc, const Value *argv);

/* CreateBuiltinFunction (ES2025 10.3.4): not a constructor, with "length"
 * and "name" (name may be ""). data is kept alive by the function. NULL
 * after throwing. */
Object *data_function_new(VM *vm, DataFunction function, const char *name, uint32_t length, Value data) NODUS_MUST_CHECK;
/* The data of a function made by data_function_new (undefined otherwise). */
Value data_function_data(Object *function);
void data_function_set_data(Object *function, Value data);

#endif
