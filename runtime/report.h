/*
 * What the nodus binary prints about a finished run: an uncaught exception
 * as node 20 prints it, and -p's completion value.
 */
#ifndef NODUS_RUNTIME_REPORT_H
#define NODUS_RUNTIME_REPORT_H

#include <stdio.h>

#include "runtime/source_file.h"
#include "vm/vm.h"

/* An uncaught exception, as node 20 prints it to stderr:
 *
 *     /abs/a.js:2
 *       return x.y.z;
 *                  ^
 *
 *     TypeError: Cannot read properties of undefined (reading 'z')
 *         at f (/abs/a.js:2:14)
 *
 * The first three lines show where it was thrown when the VM knows; an
 * Error shows its stack, another value itself. */
void report_uncaught_exception(FILE *out, VM *vm, const SourceFile *source, Value exception);

/* -p: the completion value on a line of its own. */
void report_completion_value(FILE *out, VM *vm, Value value);

#endif
