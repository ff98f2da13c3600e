/*
 * Symbols (ES2025 6.1.5): unique property keys with an optional description.
 */
#ifndef NODUS_VM_SYMBOL_H
#define NODUS_VM_SYMBOL_H

#include "vm/vm.h"

/* Symbol flags (in the cell header's flags) */
enum {
    SYMBOL_WELL_KNOWN = 1 << 0,   /* Symbol.iterator and the others of ES2025 6.1.5.1 */
    SYMBOL_REGISTERED = 1 << 1,   /* in the global symbol registry (Symbol.for) */
    SYMBOL_PRIVATE = 1 << 2,      /* a Private Name: a larger cell (vm/private_name.h) */
};

struct Symbol {
    GCCell cell;
    String *description;          /* [[Description]]: a String, or NULL for undefined */
};

/* A new symbol; description may be NULL. NULL after throwing (out of memory). */
Symbol *symbol_new(VM *vm, String *description) NODUS_MUST_CHECK;

/* Registers the Symbol cell type (called by vm_new). */
void symbol_register_type(Heap *heap);

#endif
