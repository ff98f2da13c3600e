/*
 * The collector's private header, shared by gc/heap.c, mark.c, sweep.c,
 * roots.c and gc_trace.c. Nothing outside gc/ includes it (the unit test
 * does, for one test hook).
 *
 * Memory layout (docs/GC.md explains the reasons):
 *
 *   - small cells (up to GC_SMALL_MAX bytes) live in pages of GC_PAGE_SIZE
 *     bytes, aligned to their size, each holding cells of one size class.
 *     The page header sits at the page's start, so the page of a small cell
 *     is its address with the low bits cleared;
 *   - large cells are malloc'd one by one behind a LargeCell header and
 *     kept in a list;
 *   - a free cell is all zeros (so its type is GC_TYPE_FREE) except for the
 *     link to the next free cell of its class, right after its header; the
 *     allocator only clears that link and writes the header.
 */
#ifndef NODUS_GC_GC_INTERNAL_H
#define NODUS_GC_GC_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "gc/gc.h"

/* ---- AddressSanitizer: free cells are poisoned ---- */

#if defined(__SANITIZE_ADDRESS__)
#define GC_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GC_ASAN 1
#endif
#endif

#ifdef GC_ASAN
#include <sanitizer/asan_interface.h>
#define gc_poison(address, size) ASAN_POISON_MEMORY_REGION((address), (size))
#define gc_unpoison(address, size) ASAN_UNPOISON_MEMORY_REGION((address), (size))
#else
#define gc_poison(address, size) ((void)(address), (void)(size))
#define gc_unpoison(address, size) ((void)(address), (void)(size))
#endif

/* ---- Sizes and bits ---- */

enum {
    GC_PAGE_SIZE = 64 * 1024,
    GC_GRANULE = 8,            /* cell sizes are multiples of this */
    GC_SMALL_MAX = 2048,       /* larger cells are allocated on their own */
    GC_CLASS_COUNT = 27,       /* see gc_class_sizes in heap.c */
    GC_MIN_CELL = 16,          /* a free cell: header + next pointer */
};

/* Empty pages kept for reuse rather than given back to the system. None
 * under ASan: a page given back lands in ASan's quarantine, where any use of
 * its cells is reported. */
#ifdef GC_ASAN
#define GC_PAGE_POOL_MAX 0
#else
#define GC_PAGE_POOL_MAX 64
#endif

/* Pages are reserved from the system this many at a time. */
#define GC_CHUNK_PAGES 16

/* The first collection runs after this many bytes were allocated, and the
 * next ones no sooner than this after the previous one. */
#define GC_MIN_TRIGGER_BYTES ((size_t)4 * 1024 * 1024)

enum {
    GC_TYPE_FREE = 0,          /* cell type of a free cell; never registered */
};

/* GCCell.gc_bits */
enum {
    GC_BIT_MARK = 1 << 0,      /* reached by the current collection */
    GC_BIT_LARGE = 1 << 1,     /* a large cell (behind a LargeCell header) */
};

/* ---- Heap structures ---- */

typedef struct FreeCell {
    GCCell header;             /* type GC_TYPE_FREE */
    struct FreeCell *next;
} FreeCell;

/* A chain of free cells, in address order. */
typedef struct FreeChain {
    FreeCell *head;
    FreeCell *tail;
} FreeChain;

typedef struct Page {
    struct Page *next;         /* in its size class's swept or unswept list */
    uint32_t cell_size;
    uint32_t cell_count;       /* cells carved so far (see SizeClass.carving) */
    uint32_t cell_capacity;    /* cells the page can hold */
    uint8_t size_class;
    bool uncarved_zero;        /* its cells not yet carved are zero (fresh from the system) */
} Page;

/* Cells start here in a page; 16-aligned like malloc's blocks. */
#define GC_PAGE_FIRST_CELL ((sizeof(Page) + 15) & ~(size_t)15)

typedef struct LargeCell {
    struct LargeCell *next;
    size_t size;               /* of the cell, header included */
    /* the GCCell follows, 16-aligned */
} LargeCell;

/*
 * One size class. Between collections its pages are in two lists:
 *   - swept: pages whose dead cells have been freed, their free cells on
 *     free_list (or allocated since);
 *   - unswept: pages still holding the marks of the last collection; the
 *     allocator sweeps them one by one when free_list runs dry (lazy
 *     sweeping), so a collection's pause does not include sweeping.
 */
typedef struct SizeClass {
    FreeCell *free_list;
    Page *swept;
    Page *unswept;
    /* A new page is not made into free cells all at once: writing every
     * cell's link would touch all 64 KB, and at start-up most classes need
     * only a few cells (page faults were most of an empty program's time).
     * Its cells are carved a few kilobytes at a time, when the free list
     * runs dry and no page is left to sweep; the page is on the swept list
     * meanwhile, and sweeping and marking see only its carved cells. */
    Page *carving;
    uint32_t cell_size;
} SizeClass;

typedef enum RootKind { ROOT_VALUE, ROOT_CELL, ROOT_VALUES } RootKind;

typedef struct RootSlot {
    void *address;             /* a Value *, a GCCell ** or a Value ** */
    uint32_t *count;           /* ROOT_VALUES: the array's length */
    RootKind kind;
} RootSlot;

typedef struct PinEntry {
    GCCell *cell;              /* NULL: an empty slot */
    uint32_t count;
} PinEntry;

typedef struct WeakCallback {
    GCWeakFn callback;
    void *data;
} WeakCallback;

typedef enum GCReason {
    GC_REASON_THRESHOLD,       /* enough allocated since the last one */
    GC_REASON_STRESS,          /* --gc-stress: before every allocation */
    GC_REASON_LIMIT,           /* the heap limit would be exceeded */
    GC_REASON_EXPLICIT,        /* gc_collect() */
} GCReason;

struct GCTracer {
    Heap *heap;
    GCCell **stack;            /* cells marked whose references are not yet marked */
    size_t count;
    size_t capacity;
    bool overflowed;           /* the stack could not grow: rescan the heap */
    size_t live_bytes;
};

struct Heap {
    /* The allocation fast path reads these first fields. */
    size_t allocated_bytes;    /* handed out since heap_new, in cell sizes */
    size_t collect_at;         /* collect when allocated_bytes would pass this */
    SizeClass classes[GC_CLASS_COUNT];
    uint8_t class_of_granule[GC_SMALL_MAX / GC_GRANULE + 1];

    LargeCell *large_cells;
    char *chunk_next;          /* pages of the last chunk not yet used */
    char *chunk_end;
    Page *page_pool;           /* empty pages kept for reuse */
    size_t pool_count;
    size_t heap_bytes;         /* pages (pooled ones too) and large cells */
    size_t live_bytes;         /* marked by the last collection */
    size_t max_heap_bytes;     /* 0: no limit */
    size_t allocated_at_last_gc;
    bool stress;
    /* Under ASan with --gc-stress, every cell is malloc'd on its own like a
     * large cell: ASan's quarantine then keeps freed cells from being reused
     * soon, and its reports say where the dead cell was allocated and freed. */
    bool cells_on_their_own;
    /* Collecting or sweeping: trace functions, weak callbacks and finalizers
     * are running, which must not allocate; gc_alloc returns NULL then. */
    bool busy;

    /* Indexed by a cell's type, below GC_MAX_TYPES (gc_alloc asserts it);
     * an unregistered type's entry is empty and harmless. Kept small: the
     * Heap is calloc'd at start-up, and each 4 KB it spans is a page fault. */
    GCTypeInfo types[GC_MAX_TYPES];
    GCRootsFn roots;
    void *roots_data;
    WeakCallback *weak_callbacks;
    size_t weak_count;
    size_t weak_capacity;

    RootSlot *root_stack;
    uint32_t root_count;
    uint32_t root_capacity;
    PinEntry *pins;            /* open addressing, linear probing */
    size_t pin_capacity;       /* a power of two, or 0 */
    size_t pin_count;

    GCCell **mark_stack;       /* kept between collections */
    size_t mark_capacity;
    size_t mark_stack_limit;   /* entries; a test hook forces overflows */

    /* Statistics and --trace-gc */
    bool trace;
    FILE *trace_out;
    uint64_t collections;
    double total_pause_ms;
    double max_pause_ms;
    size_t live_cells_by_type[GC_MAX_TYPES];
    size_t live_bytes_by_type[GC_MAX_TYPES];
};

/* ---- Cells ---- */

static inline Page *gc_page_of(const GCCell *cell)
{
    return (Page *)((uintptr_t)cell & ~(uintptr_t)(GC_PAGE_SIZE - 1));
}

static inline GCCell *gc_page_cell(Page *page, uint32_t index)
{
    return (GCCell *)((char *)page + GC_PAGE_FIRST_CELL + (size_t)index * page->cell_size);
}

static inline LargeCell *gc_large_of(const GCCell *cell)
{
    return (LargeCell *)((char *)cell - sizeof(LargeCell));
}

static inline GCCell *gc_large_cell(LargeCell *large)
{
    return (GCCell *)(large + 1);
}

/* The bytes a cell occupies: its size class, or a large cell's size. */
static inline size_t gc_cell_size(const GCCell *cell)
{
    if (cell->gc_bits & GC_BIT_LARGE)
        return gc_large_of(cell)->size;
    return gc_page_of(cell)->cell_size;
}

/* The type of a cell that may be free (and then poisoned under ASan). */
static inline uint8_t gc_peek_type(GCCell *cell)
{
    gc_unpoison(cell, sizeof(GCCell));
    uint8_t type = cell->type;
    if (type == GC_TYPE_FREE)
        gc_poison(cell, sizeof(GCCell));
    return type;
}

/* While busy, collect_at is 0 so that even gc_alloc's fast path goes to the
 * slow path, which refuses. */
static inline size_t gc_busy_begin(Heap *heap)
{
    size_t saved_collect_at = heap->collect_at;
    heap->busy = true;
    heap->collect_at = 0;
    return saved_collect_at;
}

static inline void gc_busy_end(Heap *heap, size_t saved_collect_at)
{
    heap->busy = false;
    heap->collect_at = saved_collect_at;
}

/* ---- heap.c ---- */
void gc_page_release(Heap *heap, Page *page);
void gc_page_pool_trim(Heap *heap, size_t keep);
void gc_collect_now(Heap *heap, GCReason reason, bool sweep_now);

/* ---- mark.c ---- */
void gc_mark_all(Heap *heap);
void gc_run_weak_callbacks(Heap *heap);
void gc_tracer_push(GCTracer *tracer, GCCell *cell);

/* ---- sweep.c ---- */
void gc_free_cell_run(Page *page, uint32_t first, uint32_t end, FreeChain *chain);
/* The same for cells already zero (a fresh page's): links them only. */
void gc_link_cell_run(Page *page, uint32_t first, uint32_t end, FreeChain *chain);
void gc_prepend_chain(SizeClass *size_class, const FreeChain *chain);
void gc_sweep_next_page(Heap *heap, SizeClass *size_class);
void gc_sweep_pending(Heap *heap);
void gc_sweep_large(Heap *heap);
void gc_unsweep_all(Heap *heap);
void gc_finalize_everything(Heap *heap);

/* ---- roots.c ---- */
void gc_mark_root_stack(Heap *heap, GCTracer *tracer);
void gc_mark_pins(Heap *heap, GCTracer *tracer);
void gc_roots_free(Heap *heap);

/* ---- gc_trace.c ---- */
double gc_clock_ms(void);
void gc_trace_collection(Heap *heap, GCReason reason, size_t before_bytes, double pause_ms);

/* ---- Test hooks ---- */
/* Caps the mark stack (in entries) so that tests exercise overflow. */
void gc_debug_set_mark_stack_limit(Heap *heap, size_t entries);

#endif
