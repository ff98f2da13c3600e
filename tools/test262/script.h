/*
 * One script, from source text to a result in a VM: parse, compile, run.
 * Shared by the run mode (the harness files and the test) and by
 * $262.evalScript.
 */
#ifndef NODUS_TOOLS_TEST262_SCRIPT_H
#define NODUS_TOOLS_TEST262_SCRIPT_H

#include <stddef.h>

#include "parser/parser.h"
#include "vm/bytecode.h"

/*
 * Parses (Script goal, sloppy unless the source says "use strict") and
 * compiles source in vm. Returns NULL when it cannot:
 *   - a parse error: *parse_error is filled (message non-empty) and nothing
 *     is thrown, so the caller can tell the phase;
 *   - the compiler threw (an early error it found, or out of memory): the
 *     exception is pending in vm and parse_error->message is empty.
 * name names the script in stack traces.
 */
FunctionCode *script_compile(VM *vm, const char *source, size_t length, const char *name, ParseError *parse_error)
    NODUS_MUST_CHECK;

/* Throws the parse error as an error object of its kind (SyntaxError, or
 * RangeError for too-deep nesting), as ParseScript's list of errors. */
Value script_throw_parse_error(VM *vm, const ParseError *parse_error);

/* Runs compiled code in the current realm: its completion value, or
 * VALUE_EXCEPTION. */
Value script_run(VM *vm, FunctionCode *code);

/* Compiles and runs source in the current realm: its completion value, or
 * VALUE_EXCEPTION (a parse error is thrown as an error object). */
Value script_evaluate(VM *vm, const char *source, size_t length, const char *name);

#endif
