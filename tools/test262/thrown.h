/*
 * Reading an uncaught exception for the verdict and the report, without
 * running JavaScript: only data properties are read (a getter is never
 * called, a Proxy never consulted), so judging a test cannot itself throw,
 * loop or change the outcome. This is what the harness's own check does
 * (thrown.constructor.name), minus the user code it could trigger.
 */
#ifndef NODUS_TOOLS_TEST262_THROWN_H
#define NODUS_TOOLS_TEST262_THROWN_H

#include <stdbool.h>
#include <stddef.h>

#include "vm/vm.h"

/* thrown.constructor.name into name (truncated to size). False, with name
 * empty, when thrown is not an object or either property is not a plain
 * data property holding the expected kind of value. */
bool thrown_constructor_name(VM *vm, Value thrown, char *name, size_t size);

/* One line for the report: "TypeError: message" for an error object (name
 * from .name, else the constructor's name), "uncaught 42" or "uncaught
 * 'text'" for a primitive. */
void thrown_describe(VM *vm, Value thrown, char *out, size_t size);

/* Where JavaScript code threw thrown, if the VM knows (it remembers the
 * last throw only: ask before anything else is thrown): the script's name
 * as compiled and a 1-based line and column. */
bool thrown_site(VM *vm, Value thrown, char *source_name, size_t name_size, uint32_t *line, uint32_t *column);

#endif
