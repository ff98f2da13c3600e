/*
 * Atoms: interned strings, unique by content within a VM. Property keys are
 * atoms (or symbols), so comparing two keys is comparing two pointers, and a
 * shape's property table hashes pointers.
 *
 * The table holds its atoms weakly: an atom no cell references any more is
 * removed at the next collection (a GC weak callback), except the permanent
 * atoms of the engine's own names (ATOM_LIST below), which are pinned.
 */
#ifndef NODUS_VM_ATOM_H
#define NODUS_VM_ATOM_H

#include <stdint.h>

#include "vm/string.h"

/* Names the engine uses often, as ready atoms: vm_atom(vm, ATOM_length). */
#define ATOM_LIST(A) \
    A(empty, "") A(length, "length") A(prototype, "prototype") A(constructor, "constructor") \
    A(name, "name") A(message, "message") A(stack, "stack") A(cause, "cause") \
    A(value, "value") A(done, "done") A(next, "next") A(get, "get") A(set, "set") \
    A(writable, "writable") A(enumerable, "enumerable") A(configurable, "configurable") \
    A(toString, "toString") A(valueOf, "valueOf") A(undefined, "undefined") A(null, "null") \
    A(true, "true") A(false, "false") A(NaN, "NaN") A(Infinity, "Infinity") \
    A(arguments, "arguments") A(callee, "callee") A(caller, "caller") A(__proto__, "__proto__") \
    A(then, "then") A(default, "default") A(object, "object") A(function, "function") \
    A(number, "number") A(string, "string") A(symbol, "symbol") A(bigint, "bigint") A(boolean, "boolean") \
    A(lastIndex, "lastIndex") A(index, "index") A(input, "input") A(groups, "groups") \
    A(indices, "indices") A(exec, "exec") A(flags, "flags") A(source, "source") \
    A(hasIndices, "hasIndices") A(global, "global") A(ignoreCase, "ignoreCase") A(multiline, "multiline") \
    A(dotAll, "dotAll") A(unicode, "unicode") A(unicodeSets, "unicodeSets") A(sticky, "sticky")

typedef enum AtomId {
#define A(id, text) ATOM_##id,
    ATOM_LIST(A)
#undef A
    ATOM__COUNT
} AtomId;

AtomTable *atom_table_new(VM *vm);       /* registers its weak callback; creates the permanent atoms */
void atom_table_free(AtomTable *table);
/* The number of atoms in the table (for tests and statistics). */
uint32_t atom_table_count(const AtomTable *table);

/* The atom equal to s (s itself when s becomes the atom). NULL after throwing. */
String *atom_intern(VM *vm, String *s) NODUS_MUST_CHECK;
String *atom_from_cstr(VM *vm, const char *cstr) NODUS_MUST_CHECK;
String *atom_from_latin1(VM *vm, const uint8_t *chars, uint32_t len) NODUS_MUST_CHECK;
String *vm_atom(VM *vm, AtomId id);       /* a permanent atom: never fails */

#endif
