/*
 * The host-defined bindings of INTERPRETING.md ("Host-Defined Functions"):
 * the global print() and the $262 object.
 *
 * $262 has:
 *   - global       the global object it was defined on;
 *   - gc()         a full collection (gc_collect);
 *   - evalScript(source)  parses, compiles and runs source as a Script in
 *                  the current realm; a parse error is thrown as a
 *                  SyntaxError object (ParseScript's first error).
 * Left out for now, so tests that need them fail rather than pass wrongly:
 *   - createRealm: the VM has one realm (vm->realm is the only realm the
 *     collector traces and the interpreter runs in); a second realm_new
 *     would replace the first;
 *   - detachArrayBuffer: there is no ArrayBuffer yet;
 *   - agent: no threads or SharedArrayBuffer;
 *   - IsHTMLDDA, AbstractModuleSource: not provided by this host.
 *
 * print(value) records what async tests report (Test262:AsyncTestComplete,
 * Test262:AsyncTestFailure:...); anything else it is given is dropped, as
 * the runner's own output is the report.
 */
#ifndef NODUS_TOOLS_TEST262_HOST262_H
#define NODUS_TOOLS_TEST262_HOST262_H

#include <stdbool.h>

#include "vm/vm.h"

enum { HOST_MESSAGE_SIZE = 400 };

/* What print() saw during one variant. */
typedef struct HostState {
    bool async_complete;                     /* print("Test262:AsyncTestComplete") */
    bool async_failed;                       /* print("Test262:AsyncTestFailure:...") */
    char async_failure[HOST_MESSAGE_SIZE];   /* the text after the prefix, of the first failure */
} HostState;

/*
 * Defines print and $262 on the current realm's global object (writable,
 * configurable, non-enumerable). state receives what print sees until the
 * next install. False after throwing.
 */
bool host262_install(VM *vm, HostState *state) NODUS_MUST_CHECK;
/* Forgets the state (before it goes out of scope); print then records nothing. */
void host262_detach(void);

#endif
