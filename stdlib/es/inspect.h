/*
 * util.inspect's formatting of values, as console.log prints them
 * (stdlib/es/inspect.c): node 20's rules for the common cases.
 */
#ifndef NODUS_STDLIB_ES_INSPECT_H
#define NODUS_STDLIB_ES_INSPECT_H

#include <stdbool.h>
#include <stddef.h>

#include "vm/vm.h"

typedef struct InspectOptions {
    int depth;                    /* default 2 */
    bool show_hidden;             /* %o: arrays show [length] */
} InspectOptions;

#define INSPECT_DEFAULTS ((InspectOptions){ .depth = 2, .show_hidden = false })

/* The text of value in UTF-8, malloc'd; NULL after throwing. */
char *inspect_value(VM *vm, Value value, InspectOptions options);

#endif
