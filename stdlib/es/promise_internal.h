/*
 * What stdlib/es/promise.c and promise_combinators.c share.
 */
#ifndef NODUS_STDLIB_ES_PROMISE_INTERNAL_H
#define NODUS_STDLIB_ES_PROMISE_INTERNAL_H

#include "vm/promise.h"

/* ES2025 7.3.22 SpeciesConstructor */
Value promise_species_constructor(VM *vm, Object *o, Value default_constructor);

/* ES2025 27.2.4.1 - 27.2.4.5 */
Value promise_all(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target);
Value promise_all_settled(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target);
Value promise_any(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target);
Value promise_race(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target);

#endif
