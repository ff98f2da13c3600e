/*
 * Marking: find every cell reachable from the roots and set its mark bit.
 *
 * The tracer keeps an explicit stack of cells that are marked but whose
 * references are not yet marked ("grey" cells). Marking a cell sets its bit
 * and pushes it; the loop pops a cell and calls its type's trace function,
 * which marks (pushes) what it references. There is no recursion, so a
 * linked list a million cells long costs a million loop turns, not a million
 * C stack frames.
 *
 * If the stack cannot grow (no memory, or the test hook's cap), the cell is
 * left marked but not pushed and the tracer notes the overflow; afterwards
 * the heap is scanned for marked cells and they are traced again (tracing is
 * idempotent: already marked references are skipped), until a scan finishes
 * without overflowing. Slow, but it never fails.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "gc/gc_internal.h"

/* A mark stack above this many entries is freed after the collection
 * rather than kept for the next one. */
enum { GC_MARK_STACK_KEEP = 64 * 1024, GC_MARK_STACK_INITIAL = 1024 };

static bool grow_mark_stack(GCTracer *tracer)
{
    size_t limit = tracer->heap->mark_stack_limit;
    if (tracer->capacity >= limit)
        return false;
    size_t capacity = tracer->capacity ? tracer->capacity * 2 : GC_MARK_STACK_INITIAL;
    if (capacity > limit)
        capacity = limit;
    GCCell **stack = realloc(tracer->stack, capacity * sizeof *stack);
    if (stack == NULL)
        return false;
    tracer->stack = stack;
    tracer->capacity = capacity;
    return true;
}

void gc_tracer_push(GCTracer *tracer, GCCell *cell)
{
    if (tracer->count == tracer->capacity && !grow_mark_stack(tracer)) {
        tracer->overflowed = true;
        return;
    }
    tracer->stack[tracer->count++] = cell;
}

void gc_mark_cell(GCTracer *tracer, GCCell *cell)
{
    if (cell == NULL || (cell->gc_bits & GC_BIT_MARK))
        return;
    assert(cell->type != GC_TYPE_FREE && "a freed cell is still referenced: a missing GC_ROOT?");
    Heap *heap = tracer->heap;
    cell->gc_bits |= GC_BIT_MARK;
    size_t size = gc_cell_size(cell);
    tracer->live_bytes += size;
    heap->live_cells_by_type[cell->type]++;
    heap->live_bytes_by_type[cell->type] += size;
    if (heap->types[cell->type].trace != NULL)
        gc_tracer_push(tracer, cell);
}

void gc_mark_value(GCTracer *tracer, Value value)
{
    if (value_is_heap(value))
        gc_mark_cell(tracer, value_as_cell(value));
}

bool gc_is_marked(const GCCell *cell)
{
    return (cell->gc_bits & GC_BIT_MARK) != 0;
}

/* Traces grey cells until there are none. */
static void drain(GCTracer *tracer)
{
    const GCTypeInfo *types = tracer->heap->types;
    while (tracer->count > 0) {
        GCCell *cell = tracer->stack[--tracer->count];
        types[cell->type].trace(tracer, cell);
    }
}

static void retrace_if_marked(GCTracer *tracer, GCCell *cell)
{
    GCTraceFn trace = tracer->heap->types[cell->type].trace;
    if ((cell->gc_bits & GC_BIT_MARK) && trace != NULL) {
        trace(tracer, cell);
        drain(tracer);
    }
}

static void retrace_pages(GCTracer *tracer, Page *page)
{
    for (; page != NULL; page = page->next) {
        for (uint32_t i = 0; i < page->cell_count; i++) {
            GCCell *cell = gc_page_cell(page, i);
            if (gc_peek_type(cell) != GC_TYPE_FREE)
                retrace_if_marked(tracer, cell);
        }
    }
}

/* After an overflow: trace every marked cell again, as often as needed. */
static void recover_from_overflow(GCTracer *tracer)
{
    Heap *heap = tracer->heap;
    while (tracer->overflowed) {
        tracer->overflowed = false;
        for (unsigned i = 0; i < GC_CLASS_COUNT; i++) {
            retrace_pages(tracer, heap->classes[i].swept);
            retrace_pages(tracer, heap->classes[i].unswept);
        }
        for (LargeCell *large = heap->large_cells; large != NULL; large = large->next)
            retrace_if_marked(tracer, gc_large_cell(large));
    }
}

static void mark_roots(Heap *heap, GCTracer *tracer)
{
    if (heap->roots != NULL) {
        heap->roots(tracer, heap->roots_data);
        drain(tracer);
    }
    gc_mark_root_stack(heap, tracer);
    drain(tracer);
    gc_mark_pins(heap, tracer);
    drain(tracer);
}

/* Marks everything reachable; sets heap->live_bytes and the per-type
 * statistics. Every mark bit must be clear on entry. */
void gc_mark_all(Heap *heap)
{
    GCTracer tracer = {
        .heap = heap,
        .stack = heap->mark_stack,
        .capacity = heap->mark_capacity,
    };
    memset(heap->live_cells_by_type, 0, sizeof heap->live_cells_by_type);
    memset(heap->live_bytes_by_type, 0, sizeof heap->live_bytes_by_type);
    mark_roots(heap, &tracer);
    recover_from_overflow(&tracer);
    heap->live_bytes = tracer.live_bytes;

    if (tracer.capacity > GC_MARK_STACK_KEEP) {
        free(tracer.stack);
        tracer.stack = NULL;
        tracer.capacity = 0;
    }
    heap->mark_stack = tracer.stack;
    heap->mark_capacity = tracer.capacity;
}

void gc_debug_set_mark_stack_limit(Heap *heap, size_t entries)
{
    heap->mark_stack_limit = entries;
    free(heap->mark_stack);
    heap->mark_stack = NULL;
    heap->mark_capacity = 0;
}

/* ---- Weak callbacks ---- */

void gc_add_weak_callback(Heap *heap, GCWeakFn callback, void *data)
{
    if (heap->weak_count == heap->weak_capacity) {
        size_t capacity = heap->weak_capacity ? heap->weak_capacity * 2 : 8;
        WeakCallback *callbacks = realloc(heap->weak_callbacks, capacity * sizeof *callbacks);
        if (callbacks == NULL) {
            /* Dropping it would leave a weak table pointing at freed cells. */
            fputs("nodus: out of memory registering a GC weak callback\n", stderr);
            abort();
        }
        heap->weak_callbacks = callbacks;
        heap->weak_capacity = capacity;
    }
    heap->weak_callbacks[heap->weak_count++] = (WeakCallback){callback, data};
}

void gc_run_weak_callbacks(Heap *heap)
{
    for (size_t i = 0; i < heap->weak_count; i++)
        heap->weak_callbacks[i].callback(heap, heap->weak_callbacks[i].data);
}
