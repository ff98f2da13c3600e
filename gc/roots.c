/*
 * The roots C code owns: the root stack and the pins.
 *
 * The root stack holds addresses of C variables (Value or cell pointer) that
 * GC_ROOT registered. A scope is just the stack's height when it was entered:
 * leaving it cuts the stack back to that height, which unregisters every
 * variable rooted since, however many there were. The collector reads each
 * variable's current value, so the C code assigns it freely.
 *
 * Pins keep one cell alive with no variable involved (a compiled script's
 * constants while it is cached, a native module's callbacks). They are
 * counted, in a small hash table from cell to count.
 */
#include <assert.h>
#include <stdlib.h>

#include "gc/gc_internal.h"

/* Losing a root would free a live cell later; there is nothing better to do
 * when the tiny tables of roots cannot grow. */
static void out_of_memory(const char *what)
{
    fprintf(stderr, "nodus: out of memory for GC %s\n", what);
    abort();
}

/* ---- The root stack ---- */

uint32_t gc_scope_enter(Heap *heap)
{
    return heap->root_count;
}

void gc_scope_leave(Heap *heap, uint32_t mark)
{
    assert(mark <= heap->root_count && "GC scopes left out of order");
    heap->root_count = mark;
}

static void push_root(Heap *heap, void *address, bool is_cell)
{
    if (heap->root_count == heap->root_capacity) {
        uint32_t capacity = heap->root_capacity ? heap->root_capacity * 2 : 256;
        RootSlot *slots = realloc(heap->root_stack, capacity * sizeof *slots);
        if (slots == NULL || capacity < heap->root_capacity)
            out_of_memory("roots");
        heap->root_stack = slots;
        heap->root_capacity = capacity;
    }
    heap->root_stack[heap->root_count++] = (RootSlot){address, is_cell};
}

void gc_root_value(Heap *heap, Value *slot)
{
    push_root(heap, slot, false);
}

void gc_root_cell(Heap *heap, GCCell **slot)
{
    push_root(heap, slot, true);
}

void gc_mark_root_stack(Heap *heap, GCTracer *tracer)
{
    for (uint32_t i = 0; i < heap->root_count; i++) {
        RootSlot slot = heap->root_stack[i];
        if (slot.is_cell)
            gc_mark_cell(tracer, *(GCCell **)slot.address);
        else
            gc_mark_value(tracer, *(Value *)slot.address);
    }
}

/* ---- Pins ---- */

static size_t pin_hash(const GCCell *cell, size_t capacity)
{
    /* Cells are 8-aligned; Fibonacci hashing spreads the rest. */
    uint64_t bits = (uint64_t)(uintptr_t)cell >> 3;
    return (size_t)((bits * 0x9E3779B97F4A7C15ull) >> 20) & (capacity - 1);
}

/* The slot holding cell, or the empty slot where it would go. */
static PinEntry *pin_find(const Heap *heap, const GCCell *cell)
{
    size_t mask = heap->pin_capacity - 1;
    size_t i = pin_hash(cell, heap->pin_capacity);
    while (heap->pins[i].cell != NULL && heap->pins[i].cell != cell)
        i = (i + 1) & mask;
    return &heap->pins[i];
}

static void pins_grow(Heap *heap)
{
    size_t old_capacity = heap->pin_capacity;
    PinEntry *old = heap->pins;
    size_t capacity = old_capacity ? old_capacity * 2 : 64;
    heap->pins = calloc(capacity, sizeof *heap->pins);
    if (heap->pins == NULL)
        out_of_memory("pins");
    heap->pin_capacity = capacity;
    for (size_t i = 0; i < old_capacity; i++)
        if (old[i].cell != NULL)
            *pin_find(heap, old[i].cell) = old[i];
    free(old);
}

void gc_pin(Heap *heap, GCCell *cell)
{
    if ((heap->pin_count + 1) * 4 > heap->pin_capacity * 3)
        pins_grow(heap);
    PinEntry *entry = pin_find(heap, cell);
    if (entry->cell == NULL) {
        entry->cell = cell;
        heap->pin_count++;
    }
    entry->count++;
}

/* Linear probing without tombstones: after emptying a slot, entries of the
 * same run that probed past it move back into it. */
static void pin_remove(Heap *heap, PinEntry *entry)
{
    size_t mask = heap->pin_capacity - 1;
    size_t hole = (size_t)(entry - heap->pins);
    size_t i = hole;
    heap->pins[hole].cell = NULL;
    for (;;) {
        i = (i + 1) & mask;
        if (heap->pins[i].cell == NULL)
            break;
        size_t home = pin_hash(heap->pins[i].cell, heap->pin_capacity);
        /* Movable when its home is not in the cyclic range (hole, i]. */
        if (((i - home) & mask) >= ((i - hole) & mask)) {
            heap->pins[hole] = heap->pins[i];
            heap->pins[i].cell = NULL;
            hole = i;
        }
    }
    heap->pin_count--;
}

void gc_unpin(Heap *heap, GCCell *cell)
{
    if (heap->pin_capacity == 0)
        return;
    PinEntry *entry = pin_find(heap, cell);
    assert(entry->cell == cell && "gc_unpin of a cell that is not pinned");
    if (entry->cell != cell)
        return;
    if (--entry->count == 0)
        pin_remove(heap, entry);
}

void gc_mark_pins(Heap *heap, GCTracer *tracer)
{
    for (size_t i = 0; i < heap->pin_capacity; i++)
        if (heap->pins[i].cell != NULL)
            gc_mark_cell(tracer, heap->pins[i].cell);
}

void gc_roots_free(Heap *heap)
{
    free(heap->root_stack);
    free(heap->pins);
    heap->root_stack = NULL;
    heap->pins = NULL;
    heap->root_count = heap->root_capacity = 0;
    heap->pin_capacity = heap->pin_count = 0;
}
