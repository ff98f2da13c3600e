/*
 * Sweeping: after marking, every unmarked cell is dead. Sweeping a page runs
 * the finalizers of its dead cells, turns them into free cells (type
 * GC_TYPE_FREE, poisoned under ASan), chains all its free cells, and clears
 * the marks of the live ones so that the next collection starts clean.
 *
 * Small pages are swept lazily by the allocator, one page at a time when a
 * size class's free list runs dry (gc_sweep_next_page), and whatever is
 * left is swept at the start of the next collection or when the collection
 * asks for it (gc_sweep_pending), which also gives empty pages back to the
 * system. Large cells are swept at once at the end of each collection.
 */
#include <stdlib.h>
#include <string.h>

#include "gc/gc_internal.h"

static void finalize_cell(Heap *heap, GCCell *cell)
{
    GCFinalizeFn finalize = heap->types[cell->type].finalize;
    if (finalize != NULL)
        finalize(heap, cell);
}

static void set_next_free(FreeCell *cell, FreeCell *next)
{
    gc_unpoison(cell, sizeof(FreeCell));
    cell->next = next;
    gc_poison(cell, sizeof(FreeCell));
}

/*
 * Turns the cells [first, end) of the page (dead, or free already) into free
 * cells appended to the chain. A free cell is zero but for its link, so the
 * run is zeroed with one memset (fast, and the allocator does not zero
 * again), then linked, then poisoned.
 */
void gc_free_cell_run(Page *page, uint32_t first, uint32_t end, FreeChain *chain)
{
    if (first == end)
        return;
    GCCell *start = gc_page_cell(page, first);
    size_t bytes = (size_t)(end - first) * page->cell_size;
    gc_unpoison(start, bytes);
    memset(start, 0, bytes);
    gc_poison(start, bytes);
    gc_link_cell_run(page, first, end, chain);
}

void gc_link_cell_run(Page *page, uint32_t first, uint32_t end, FreeChain *chain)
{
    if (first == end)
        return;
    GCCell *start = gc_page_cell(page, first);
    size_t bytes = (size_t)(end - first) * page->cell_size;
    gc_unpoison(start, bytes);
    for (uint32_t i = first; i + 1 < end; i++)
        ((FreeCell *)gc_page_cell(page, i))->next = (FreeCell *)gc_page_cell(page, i + 1);
    gc_poison(start, bytes);
    if (chain->tail != NULL)
        set_next_free(chain->tail, (FreeCell *)start);
    else
        chain->head = (FreeCell *)start;
    chain->tail = (FreeCell *)gc_page_cell(page, end - 1);
}

/* Sweeps one page: finalizes the dead cells, frees them with the free ones
 * around them, clears the marks of the live ones. Returns how many live. */
static uint32_t sweep_page(Heap *heap, Page *page, FreeChain *chain)
{
    uint32_t live = 0;
    uint32_t run_start = 0;    /* the first of the free or dead cells before i */
    chain->head = chain->tail = NULL;
    for (uint32_t i = 0; i < page->cell_count; i++) {
        GCCell *cell = gc_page_cell(page, i);
        if (gc_peek_type(cell) == GC_TYPE_FREE)
            continue;
        if (!(cell->gc_bits & GC_BIT_MARK)) {
            finalize_cell(heap, cell);
            continue;
        }
        cell->gc_bits &= (uint8_t)~GC_BIT_MARK;
        live++;
        gc_free_cell_run(page, run_start, i, chain);
        run_start = i + 1;
    }
    gc_free_cell_run(page, run_start, page->cell_count, chain);
    return live;
}

void gc_prepend_chain(SizeClass *size_class, const FreeChain *chain)
{
    if (chain->head == NULL)
        return;
    set_next_free(chain->tail, size_class->free_list);
    size_class->free_list = chain->head;
}

/* The allocator's lazy step. An empty page is kept: the allocator wants its
 * cells right now. */
void gc_sweep_next_page(Heap *heap, SizeClass *size_class)
{
    size_t saved_collect_at = gc_busy_begin(heap);
    Page *page = size_class->unswept;
    size_class->unswept = page->next;
    page->next = size_class->swept;
    size_class->swept = page;
    FreeChain chain;
    sweep_page(heap, page, &chain);
    gc_prepend_chain(size_class, &chain);
    gc_busy_end(heap, saved_collect_at);
}

/* Sweeps every unswept page of every class; empty pages are released. */
void gc_sweep_pending(Heap *heap)
{
    for (unsigned i = 0; i < GC_CLASS_COUNT; i++) {
        SizeClass *size_class = &heap->classes[i];
        while (size_class->unswept != NULL) {
            Page *page = size_class->unswept;
            size_class->unswept = page->next;
            FreeChain chain;
            if (sweep_page(heap, page, &chain) == 0) {
                if (size_class->carving == page)
                    size_class->carving = NULL;
                gc_page_release(heap, page);
                continue;
            }
            page->next = size_class->swept;
            size_class->swept = page;
            gc_prepend_chain(size_class, &chain);
        }
    }
}

/* After marking: every page holds fresh marks, so every page is unswept,
 * and the free lists (whose cells the sweep will find again) are dropped. */
void gc_unsweep_all(Heap *heap)
{
    for (unsigned i = 0; i < GC_CLASS_COUNT; i++) {
        SizeClass *size_class = &heap->classes[i];
        Page **last = &size_class->unswept;
        while (*last != NULL)
            last = &(*last)->next;
        *last = size_class->swept;
        size_class->swept = NULL;
        size_class->free_list = NULL;
    }
}

void gc_sweep_large(Heap *heap)
{
    LargeCell **link = &heap->large_cells;
    while (*link != NULL) {
        LargeCell *large = *link;
        GCCell *cell = gc_large_cell(large);
        if (cell->gc_bits & GC_BIT_MARK) {
            cell->gc_bits &= (uint8_t)~GC_BIT_MARK;
            link = &large->next;
            continue;
        }
        finalize_cell(heap, cell);
        *link = large->next;
        heap->heap_bytes -= sizeof(LargeCell) + large->size;
        free(large);
    }
}

static void finalize_pages(Heap *heap, Page *page)
{
    while (page != NULL) {
        Page *next = page->next;
        for (uint32_t i = 0; i < page->cell_count; i++) {
            GCCell *cell = gc_page_cell(page, i);
            if (gc_peek_type(cell) != GC_TYPE_FREE)
                finalize_cell(heap, cell);
        }
        gc_page_release(heap, page);
        page = next;
    }
}

/* heap_free: every cell dies, live or not. */
void gc_finalize_everything(Heap *heap)
{
    for (unsigned i = 0; i < GC_CLASS_COUNT; i++) {
        SizeClass *size_class = &heap->classes[i];
        finalize_pages(heap, size_class->swept);
        finalize_pages(heap, size_class->unswept);
        size_class->swept = size_class->unswept = NULL;
        size_class->free_list = NULL;
        size_class->carving = NULL;
    }
    while (heap->large_cells != NULL) {
        LargeCell *large = heap->large_cells;
        heap->large_cells = large->next;
        finalize_cell(heap, gc_large_cell(large));
        heap->heap_bytes -= sizeof(LargeCell) + large->size;
        free(large);
    }
}
