/*
 * The heap: pages, size classes, free lists, large cells, the heap limit,
 * and gc_alloc, the one place where cells are born (and where collections
 * are decided).
 *
 * Every small allocation is served from the free list of its size class.
 * The fast path is: look the class up in a table, check the collection
 * trigger, pop the list, zero the cell, write the header. Everything else
 * (sweeping a page lazily, taking a new page, collecting, failing) is the
 * slow path.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "gc/gc_internal.h"

/*
 * The size classes. A cell is an 8-byte header followed by 8-byte words
 * (Values, pointers), and most cells are small (an object, a short string, a
 * closure: 2 to 8 words), so up to 64 bytes every multiple of 8 has its own
 * class and such cells waste nothing. Above 64 there are four classes per
 * doubling, so a cell wastes at most 20% of its size (about 10% on average)
 * while the number of classes, hence of partly used pages, stays small.
 */
static const uint32_t gc_class_sizes[GC_CLASS_COUNT] = {
    16, 24, 32, 40, 48, 56, 64,
    80, 96, 112, 128,
    160, 192, 224, 256,
    320, 384, 448, 512,
    640, 768, 896, 1024,
    1280, 1536, 1792, 2048,
};

static void init_size_classes(Heap *heap)
{
    unsigned size_class = 0;
    for (unsigned granules = 0; granules <= GC_SMALL_MAX / GC_GRANULE; granules++) {
        while (gc_class_sizes[size_class] < granules * GC_GRANULE)
            size_class++;
        heap->class_of_granule[granules] = (uint8_t)size_class;
    }
    for (unsigned i = 0; i < GC_CLASS_COUNT; i++)
        heap->classes[i].cell_size = gc_class_sizes[i];
}

Heap *heap_new(const GCOptions *options)
{
    Heap *heap = calloc(1, sizeof *heap);
    if (heap == NULL)
        return NULL;
    init_size_classes(heap);
    if (options != NULL) {
        heap->max_heap_bytes = options->max_heap_bytes;
        heap->stress = options->stress;
        heap->trace = options->trace;
        heap->trace_out = options->trace_out;
    }
    if (heap->trace_out == NULL)
        heap->trace_out = stderr;
    heap->mark_stack_limit = SIZE_MAX / sizeof(GCCell *);
    heap->collect_at = heap->stress ? 0 : GC_MIN_TRIGGER_BYTES;
    return heap;
}

void heap_free(Heap *heap)
{
    if (heap == NULL)
        return;
    if (heap->trace)
        gc_print_stats(heap, heap->trace_out);
    gc_busy_begin(heap);
    gc_finalize_everything(heap);
    gc_roots_free(heap);
    free(heap->weak_callbacks);
    free(heap->mark_stack);
    free(heap);
}

void gc_register_type(Heap *heap, uint8_t type, const GCTypeInfo *info)
{
    assert(type != GC_TYPE_FREE && type < GC_MAX_TYPES);
    if (type == GC_TYPE_FREE)
        return;
    heap->types[type] = *info;
}

void gc_set_roots(Heap *heap, GCRootsFn roots, void *data)
{
    heap->roots = roots;
    heap->roots_data = data;
}

bool gc_is_stress(const Heap *heap)
{
    return heap->stress;
}

void gc_stats(const Heap *heap, GCStats *stats)
{
    stats->heap_bytes = heap->heap_bytes;
    stats->live_bytes = heap->live_bytes;
    stats->allocated_bytes = heap->allocated_bytes;
    stats->collections = heap->collections;
    stats->total_pause_ms = heap->total_pause_ms;
}

/* ---- Pages ---- */

static bool over_limit(const Heap *heap, size_t more_bytes)
{
    return heap->max_heap_bytes != 0 && heap->heap_bytes + more_bytes > heap->max_heap_bytes;
}

/* A fresh page for the class, all its cells free and chained in address
 * order. False when the limit or the system says no. */
static bool page_add(Heap *heap, SizeClass *size_class)
{
    if (over_limit(heap, GC_PAGE_SIZE))
        return false;
    Page *page = aligned_alloc(GC_PAGE_SIZE, GC_PAGE_SIZE);
    if (page == NULL)
        return false;
    page->size_class = (uint8_t)(size_class - heap->classes);
    page->cell_size = size_class->cell_size;
    page->cell_count = (uint32_t)((GC_PAGE_SIZE - GC_PAGE_FIRST_CELL) / page->cell_size);

    FreeCell *next = size_class->free_list;
    for (uint32_t i = page->cell_count; i-- > 0;) {
        FreeCell *cell = (FreeCell *)gc_page_cell(page, i);
        memset(&cell->header, 0, sizeof cell->header);
        cell->next = next;
        next = cell;
    }
    gc_poison(gc_page_cell(page, 0), (size_t)page->cell_count * page->cell_size);
    size_class->free_list = next;

    page->next = size_class->swept;
    size_class->swept = page;
    heap->heap_bytes += GC_PAGE_SIZE;
    return true;
}

/* Gives an unlinked page back to the system. */
void gc_page_release(Heap *heap, Page *page)
{
    gc_unpoison(page, GC_PAGE_SIZE);
    free(page);
    heap->heap_bytes -= GC_PAGE_SIZE;
}

/* ---- Collections ---- */

/* Collect again after allocating as much as survived this time (so the heap
 * about doubles before the next collection), and never sooner than
 * GC_MIN_TRIGGER_BYTES: small heaps would otherwise collect all the time. */
static void set_next_trigger(Heap *heap)
{
    size_t budget = heap->live_bytes > GC_MIN_TRIGGER_BYTES ? heap->live_bytes : GC_MIN_TRIGGER_BYTES;
    heap->collect_at = heap->stress ? 0 : heap->allocated_bytes + budget;
    heap->allocated_at_last_gc = heap->allocated_bytes;
}

/*
 * A full collection. The pages left unswept by the previous one are swept
 * first (which clears their marks), then everything reachable is marked,
 * weak tables drop the rest, large cells are swept, and every page becomes
 * unswept: the allocator sweeps them lazily, unless sweep_now asks for it
 * here (explicit collections, the heap limit, and --gc-stress, where dead
 * cells must be poisoned at once).
 */
void gc_collect_now(Heap *heap, GCReason reason, bool sweep_now)
{
    if (heap->busy)
        return;
    double start = gc_clock_ms();
    size_t before_bytes = heap->live_bytes + (heap->allocated_bytes - heap->allocated_at_last_gc);
    size_t saved_collect_at = gc_busy_begin(heap);
    gc_sweep_pending(heap);
    gc_mark_all(heap);
    gc_run_weak_callbacks(heap);
    gc_sweep_large(heap);
    gc_unsweep_all(heap);
    if (sweep_now)
        gc_sweep_pending(heap);
    gc_busy_end(heap, saved_collect_at);
    set_next_trigger(heap);

    double pause_ms = gc_clock_ms() - start;
    heap->collections++;
    heap->total_pause_ms += pause_ms;
    if (pause_ms > heap->max_pause_ms)
        heap->max_pause_ms = pause_ms;
    if (heap->trace)
        gc_trace_collection(heap, reason, before_bytes, pause_ms);
}

void gc_collect(Heap *heap)
{
    gc_collect_now(heap, GC_REASON_EXPLICIT, true);
}

/* ---- Allocation ---- */

/* Makes a zero-filled cell of the given size (at least a header). Under ASan
 * only the requested bytes become addressable, so overruns are caught. */
static inline void *init_cell(GCCell *cell, size_t size, uint8_t type, uint8_t gc_bits)
{
    if (size < sizeof(GCCell))
        size = sizeof(GCCell);
    gc_unpoison(cell, size);
    memset(cell, 0, size);
    cell->type = type;
    cell->gc_bits = gc_bits;
    return cell;
}

static void *pop_free_cell(Heap *heap, SizeClass *size_class, size_t size, uint8_t type)
{
    FreeCell *cell = size_class->free_list;
    gc_unpoison(cell, sizeof(FreeCell));
    size_class->free_list = cell->next;
    gc_poison(cell, size_class->cell_size);
    heap->allocated_bytes += size_class->cell_size;
    return init_cell(&cell->header, size, type, 0);
}

/* The free list is empty: sweep the class's next unswept page, or take a new
 * page, or (once) collect and try again. */
static void *alloc_small_slow(Heap *heap, size_t size, uint8_t type, bool collected)
{
    SizeClass *size_class = &heap->classes[heap->class_of_granule[(size + GC_GRANULE - 1) / GC_GRANULE]];
    while (size_class->free_list == NULL) {
        if (size_class->unswept != NULL) {
            gc_sweep_next_page(heap, size_class);
            continue;
        }
        if (page_add(heap, size_class))
            break;
        if (collected)
            return NULL;
        gc_collect_now(heap, GC_REASON_LIMIT, true);
        collected = true;
    }
    return pop_free_cell(heap, size_class, size, type);
}

static LargeCell *large_malloc(Heap *heap, size_t total)
{
    if (over_limit(heap, total))
        return NULL;
    return calloc(1, total);
}

/* A large cell: its own zeroed block behind a LargeCell header. */
static void *alloc_large(Heap *heap, size_t size, uint8_t type, bool collected)
{
    if (size > SIZE_MAX / 2)
        return NULL;
    size = (size + GC_GRANULE - 1) & ~(size_t)(GC_GRANULE - 1);
    size_t total = sizeof(LargeCell) + size;
    LargeCell *large = large_malloc(heap, total);
    if (large == NULL && !collected) {
        gc_collect_now(heap, GC_REASON_LIMIT, true);
        large = large_malloc(heap, total);
    }
    if (large == NULL)
        return NULL;
    large->size = size;
    large->next = heap->large_cells;
    heap->large_cells = large;
    heap->heap_bytes += total;
    heap->allocated_bytes += size;
    GCCell *cell = gc_large_cell(large);
    cell->type = type;
    cell->gc_bits = GC_BIT_LARGE;
    return cell;
}

static size_t allocation_cost(const Heap *heap, size_t size)
{
    if (size <= GC_SMALL_MAX)
        return heap->classes[heap->class_of_granule[(size + GC_GRANULE - 1) / GC_GRANULE]].cell_size;
    return size;
}

static __attribute__((noinline)) void *gc_alloc_slow(Heap *heap, size_t size, uint8_t type)
{
    if (heap->busy)
        return NULL;    /* a trace function, weak callback or finalizer allocating */
    bool collected = false;
    if (heap->stress) {
        gc_collect_now(heap, GC_REASON_STRESS, true);
        collected = true;
    } else if (heap->allocated_bytes + allocation_cost(heap, size) > heap->collect_at) {
        gc_collect_now(heap, GC_REASON_THRESHOLD, false);
        collected = true;
    }
    if (size <= GC_SMALL_MAX)
        return alloc_small_slow(heap, size, type, collected);
    return alloc_large(heap, size, type, collected);
}

void *gc_alloc(Heap *heap, size_t size, uint8_t type)
{
    assert(type != GC_TYPE_FREE && type < GC_MAX_TYPES);
    if (size <= GC_SMALL_MAX) {
        SizeClass *size_class = &heap->classes[heap->class_of_granule[(size + GC_GRANULE - 1) / GC_GRANULE]];
        if (size_class->free_list != NULL && heap->allocated_bytes + size_class->cell_size <= heap->collect_at)
            return pop_free_cell(heap, size_class, size, type);
    }
    return gc_alloc_slow(heap, size, type);
}
