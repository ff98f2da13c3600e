/*
 * The heap: pages, size classes, free lists, large cells, the heap limit,
 * and gc_alloc, the one place where cells are born (and where collections
 * are decided).
 *
 * Every small allocation is served from the free list of its size class.
 * The fast path is: look the class up in a table, check the collection
 * trigger, pop the list, write the header (free cells are kept zeroed). Everything else
 * (sweeping a page lazily, taking a new page, collecting, failing) is the
 * slow path.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

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
#ifdef GC_ASAN
    heap->cells_on_their_own = heap->stress;
#endif
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
    gc_page_pool_trim(heap, 0);
    if (heap->chunk_next != heap->chunk_end)
        munmap(heap->chunk_next, (size_t)(heap->chunk_end - heap->chunk_next));
    gc_roots_free(heap);
    free(heap->weak_callbacks);
    free(heap->mark_stack);
    free(heap);
}

void gc_register_type(Heap *heap, uint8_t type, const GCTypeInfo *info)
{
    assert(type != GC_TYPE_FREE && type < GC_MAX_TYPES);
    if (type == GC_TYPE_FREE || type >= GC_MAX_TYPES)
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

/*
 * Pages come from the system in chunks of GC_CHUNK_PAGES, reserved with one
 * mmap and aligned to GC_PAGE_SIZE by trimming the excess (a page finds its
 * header by masking a cell's address). The kernel supplies the memory only
 * when a page is first written, so an unused part of a chunk costs nothing;
 * malloc'ing aligned pages one by one cost a system call and wasted memory
 * for each, which showed in an empty program's start-up time.
 */
/*
 * A page fault costs some 13 us on the machines nodus is measured on (a
 * virtual machine): a program that grows its heap to 200 MB spent half its
 * time faulting pages in. Past the first chunk (a program that allocates
 * that much will use the rest), a chunk is populated with one system call,
 * three to four times cheaper than faulting its pages in one by one. The
 * first chunk is left to fault in 4 KB at a time (carve_cells), so that a
 * small program, and start-up, touch only what they use.
 */
static void populate_chunk(Heap *heap, char *start, size_t bytes)
{
#ifdef MADV_POPULATE_WRITE
    if (heap->heap_bytes >= (size_t)GC_CHUNK_PAGES * GC_PAGE_SIZE && !heap->cells_on_their_own)
        (void)madvise(start, bytes, MADV_POPULATE_WRITE);   /* failing (an old kernel): faults as before */
#else
    (void)heap, (void)start, (void)bytes;
#endif
}

static bool chunk_map(Heap *heap)
{
    size_t bytes = (size_t)GC_CHUNK_PAGES * GC_PAGE_SIZE;
    char *raw = mmap(NULL, bytes + GC_PAGE_SIZE, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (raw == MAP_FAILED)
        return false;
    char *start = (char *)(((uintptr_t)raw + GC_PAGE_SIZE - 1) & ~(uintptr_t)(GC_PAGE_SIZE - 1));
    if (start > raw)
        munmap(raw, (size_t)(start - raw));
    char *end = start + bytes;
    if (raw + bytes + GC_PAGE_SIZE > end)
        munmap(end, (size_t)(raw + bytes + GC_PAGE_SIZE - end));
    heap->chunk_next = start;
    heap->chunk_end = end;
    populate_chunk(heap, start, bytes);
    return true;
}

/* An empty page from the pool, or from the system if the limit allows. */
static Page *page_obtain(Heap *heap)
{
    if (heap->page_pool != NULL) {
        Page *page = heap->page_pool;
        heap->page_pool = page->next;
        heap->pool_count--;
        return page;
    }
    if (over_limit(heap, GC_PAGE_SIZE))
        return NULL;
    if (heap->chunk_next == heap->chunk_end && !chunk_map(heap))
        return NULL;
    Page *page = (Page *)heap->chunk_next;
    heap->chunk_next += GC_PAGE_SIZE;
    heap->heap_bytes += GC_PAGE_SIZE;
    return page;
}

/*
 * Makes the cells of the class's carving page up to the next 4 KB boundary
 * into free cells: a fresh page's memory costs a page fault per 4 KB the
 * first time it is written, so carving stops where the next one would begin
 * (a small program touches few pages; start-up alone uses a dozen classes).
 */
#define GC_CARVE_BYTES 4096
static void carve_cells(SizeClass *size_class)
{
    Page *page = size_class->carving;
    size_t offset = GC_PAGE_FIRST_CELL + (size_t)page->cell_count * page->cell_size;
    size_t boundary = (offset + page->cell_size + GC_CARVE_BYTES - 1) & ~(size_t)(GC_CARVE_BYTES - 1);
    uint32_t end = (uint32_t)((boundary - GC_PAGE_FIRST_CELL) / page->cell_size);
    if (end >= page->cell_capacity) {
        end = page->cell_capacity;
        size_class->carving = NULL;
    }
    FreeChain chain = {NULL, NULL};
    if (page->uncarved_zero)
        gc_link_cell_run(page, page->cell_count, end, &chain);   /* no memset: fresh memory is zero */
    else
        gc_free_cell_run(page, page->cell_count, end, &chain);
    page->cell_count = end;
    gc_prepend_chain(size_class, &chain);
}

/* A fresh page for the class, swept (it has no marks) and carved lazily.
 * False when the limit or the system says no. */
static bool page_add(Heap *heap, SizeClass *size_class)
{
    bool fresh = heap->page_pool == NULL;
    Page *page = page_obtain(heap);
    if (page == NULL)
        return false;
    page->uncarved_zero = fresh;
    page->size_class = (uint8_t)(size_class - heap->classes);
    page->cell_size = size_class->cell_size;
    page->cell_count = 0;
    page->cell_capacity = (uint32_t)((GC_PAGE_SIZE - GC_PAGE_FIRST_CELL) / page->cell_size);
    page->next = size_class->swept;
    size_class->swept = page;
    size_class->carving = page;
    return true;
}

/*
 * Takes an unlinked empty page. It goes to the pool while the pool is small:
 * a heap that shrinks at a collection usually grows again right after, and a
 * page from the system costs a system call and page faults.
 */
void gc_page_release(Heap *heap, Page *page)
{
    gc_poison(gc_page_cell(page, 0), GC_PAGE_SIZE - GC_PAGE_FIRST_CELL);
    page->next = heap->page_pool;
    heap->page_pool = page;
    heap->pool_count++;
    gc_page_pool_trim(heap, GC_PAGE_POOL_MAX);
}

/* Gives pooled pages back to the system until at most keep remain. */
void gc_page_pool_trim(Heap *heap, size_t keep)
{
    while (heap->pool_count > keep) {
        Page *page = heap->page_pool;
        heap->page_pool = page->next;
        heap->pool_count--;
        gc_unpoison(page, GC_PAGE_SIZE);
        munmap(page, GC_PAGE_SIZE);
        heap->heap_bytes -= GC_PAGE_SIZE;
    }
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

/* Free cells are zero but for their link (see gc_free_cell_run), so taking
 * one is: unlink, clear the link, write the header. Under ASan only the
 * requested bytes become addressable, so overruns are caught. */
static inline void *pop_free_cell(Heap *heap, SizeClass *size_class, size_t size, uint8_t type)
{
    FreeCell *cell = size_class->free_list;
    gc_unpoison(cell, sizeof(FreeCell));
    size_class->free_list = cell->next;
    cell->next = NULL;
    gc_poison(cell, size_class->cell_size);
    gc_unpoison(cell, size < sizeof(GCCell) ? sizeof(GCCell) : size);
    heap->allocated_bytes += size_class->cell_size;
    cell->header = (GCCell){.type = type};
    return cell;
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
        /* Every page of the class is swept now, the carving one too: cells
         * carved from it cannot meet an old collection's marks. */
        if (size_class->carving != NULL || page_add(heap, size_class)) {
            carve_cells(size_class);
            continue;
        }
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
        gc_page_pool_trim(heap, 0);
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
    if (size <= GC_SMALL_MAX && !heap->cells_on_their_own)
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
