/*
 * Symbols (ES2025 6.1.5): a cell holding the description.
 */
#include "vm/symbol.h"

#include "vm/cell_types.h"
#include "vm/private_name.h"

static void symbol_trace(GCTracer *tracer, GCCell *cell)
{
    gc_mark_cell(tracer, (GCCell *)((Symbol *)cell)->description);
    if (cell->flags & SYMBOL_PRIVATE)
        gc_mark_cell(tracer, (GCCell *)((PrivateName *)cell)->class_name);
}

void symbol_register_type(Heap *heap)
{
    static const GCTypeInfo info = {"symbol", symbol_trace, NULL};
    gc_register_type(heap, CELL_TYPE_SYMBOL, &info);
}

Symbol *symbol_new(VM *vm, String *description)
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, description);
    Symbol *symbol = gc_alloc(vm->heap, sizeof(Symbol), CELL_TYPE_SYMBOL);
    if (symbol)
        symbol->description = description;
    else
        vm_throw_out_of_memory(vm);
    GC_SCOPE_END(vm->heap);
    return symbol;
}
