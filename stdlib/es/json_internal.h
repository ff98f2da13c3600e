/*
 * What the two halves of JSON share (stdlib/es/json_parse.c,
 * stdlib/es/json.c).
 */
#ifndef NODUS_STDLIB_ES_JSON_INTERNAL_H
#define NODUS_STDLIB_ES_JSON_INTERNAL_H

#include "vm/function.h"

/* ES2025 25.5.1 JSON.parse ( text [ , reviver ] ) */
Value json_parse(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target);
/* EnumerableOwnProperties(o, key) as property keys (not strings), into keys. */
bool json_enumerable_keys(VM *vm, Object *o, KeyList *keys) NODUS_MUST_CHECK;

#endif
