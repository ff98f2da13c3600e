/*
 * The garbage collector: a precise, non-moving mark-sweep collector over a
 * heap of cells with size-classed free lists.
 *
 * ---- The rooting rule (read this before writing C code that holds values) ----
 *
 * 1. Any call to gc_alloc() may run a full collection first (always, under
 *    --gc-stress). So may every function that can allocate, which is nearly
 *    every function of vm/ and stdlib/ and everything that calls JavaScript.
 * 2. A collection keeps exactly the cells reachable from the roots:
 *      - what the root callback marks (the VM: its value stack and frames,
 *        the realm and global object, the pending exception, the job queue);
 *      - the root stack below: addresses of C locals registered with GC_ROOT;
 *      - cells pinned with gc_pin() (for values C code keeps for a long time).
 * 3. Therefore: a C function that keeps a Value (or a cell pointer) in a local
 *    variable across a call that may allocate must register that local:
 *
 *        Value build_pair(Heap *heap, Value a, Value b)
 *        {
 *            GC_SCOPE(heap);
 *            GC_ROOT(heap, a);              // a and b are used after allocating
 *            GC_ROOT(heap, b);
 *            Value array = array_new(heap, 2);   // may collect: a, b survive
 *            ...
 *            GC_SCOPE_END(heap);
 *            return array;
 *        }
 *
 *    Registering records the variable's address, so the C code keeps using
 *    the variable as usual, and the collector sees its current value. The
 *    collector never moves cells, so pointers stay valid.
 * 4. Arguments of built-ins live in the VM's value stack and are already
 *    roots; a built-in only roots the new values it creates and keeps.
 * 5. GC_SCOPE_END (or returning through an exception path that ends the
 *    scope) must run before the function returns: the root stack is a stack.
 * 6. A registered variable must live until GC_SCOPE_END: register variables
 *    declared at the function's top level, or in a block that ends with
 *    its own GC_SCOPE/GC_SCOPE_END pair. A variable of an inner block that
 *    ends first leaves its address on the root stack, and the next
 *    collection reads whatever the compiler put in that stack slot since.
 *    Nor register inside a loop without a scope in the loop body: each
 *    iteration would push another root. (Audited: every GC_ROOT in an inner
 *    block of vm/ and stdlib/ follows this, or has no allocation between
 *    the block's end and GC_SCOPE_END.)
 *
 * --gc-stress collects at every allocation, so a missing GC_ROOT shows up as
 * a use-after-free under AddressSanitizer at once instead of once a week.
 */
#ifndef NODUS_GC_GC_H
#define NODUS_GC_GC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "vm/value.h"

/* The header of every heap cell: 8 bytes. The owner of a cell type may use
 * flags and aux freely (an object's class, a string's length, ...). */
struct GCCell {
    uint8_t type;       /* registered cell type, see gc_register_type */
    uint8_t gc_bits;    /* mark bit and collector-private state */
    uint16_t flags;     /* free for the cell's owner */
    uint32_t aux;       /* free for the cell's owner */
};

typedef struct Heap Heap;
typedef struct GCTracer GCTracer;

/* Marks everything a cell references: call gc_mark_value / gc_mark_cell
 * for each reference. Must not allocate. */
typedef void (*GCTraceFn)(GCTracer *tracer, GCCell *cell);
/* Releases what a dead cell owns outside the heap (malloc'd memory, file
 * handles). Must not allocate nor touch other cells. NULL when not needed. */
typedef void (*GCFinalizeFn)(Heap *heap, GCCell *cell);
/* Marks the roots the embedder owns (the VM's stacks, globals...). */
typedef void (*GCRootsFn)(GCTracer *tracer, void *data);
/* Runs after marking and before sweeping: where weak tables drop entries
 * whose cells are not marked (gc_is_marked). Must not allocate. */
typedef void (*GCWeakFn)(Heap *heap, void *data);

enum { GC_MAX_TYPES = 64 };

typedef struct GCTypeInfo {
    const char *name;          /* for --trace-gc and heap statistics */
    GCTraceFn trace;           /* NULL: the cell references nothing */
    GCFinalizeFn finalize;     /* NULL: nothing to release */
} GCTypeInfo;

typedef struct GCOptions {
    size_t max_heap_bytes;     /* 0: no limit */
    bool stress;               /* collect before every allocation */
    bool trace;                /* one line per collection on trace_out */
    FILE *trace_out;           /* stderr when NULL */
} GCOptions;

typedef struct GCStats {
    size_t heap_bytes;         /* bytes in live and free cells, pages included */
    size_t live_bytes;         /* bytes in cells that survived the last collection */
    size_t allocated_bytes;    /* bytes handed out since the heap was created */
    uint64_t collections;
    double total_pause_ms;
} GCStats;

Heap *heap_new(const GCOptions *options);
/* Frees every cell (running finalizers) and the heap itself. */
void heap_free(Heap *heap);

/* Cell types are registered once at start-up by the module that owns them
 * (vm/object.c registers objects, vm/string.c strings, ...). */
void gc_register_type(Heap *heap, uint8_t type, const GCTypeInfo *info);
void gc_set_roots(Heap *heap, GCRootsFn roots, void *data);
void gc_add_weak_callback(Heap *heap, GCWeakFn callback, void *data);

/*
 * Allocates a cell of size bytes (header included), zero-filled, with its
 * type set. May collect first. Returns NULL when the heap limit would be
 * exceeded even after a full collection: the caller reports out of memory
 * (the VM throws a RangeError). Small sizes come from size-classed free lists
 * in a few instructions; large ones are allocated on their own.
 */
void *gc_alloc(Heap *heap, size_t size, uint8_t type);

/* A full collection now. */
void gc_collect(Heap *heap);

/* ---- Marking (for trace functions and root callbacks) ---- */
void gc_mark_value(GCTracer *tracer, Value value);
void gc_mark_cell(GCTracer *tracer, GCCell *cell);   /* NULL is ignored */
bool gc_is_marked(const GCCell *cell);               /* during weak callbacks */

/* ---- The root stack ---- */
uint32_t gc_scope_enter(Heap *heap);
void gc_scope_leave(Heap *heap, uint32_t mark);
void gc_root_value(Heap *heap, Value *slot);
void gc_root_cell(Heap *heap, GCCell **slot);
/* Roots a growable array of Values (a key list, an argument buffer): the
 * collector marks (*items)[0 .. *count) with the values of *items and *count
 * at collection time, so the owner may realloc and append freely. Scoped like
 * GC_ROOT. */
void gc_root_values(Heap *heap, Value **items, uint32_t *count);
/* Keeps a cell alive until gc_unpin (counted: pins nest). */
void gc_pin(Heap *heap, GCCell *cell);
void gc_unpin(Heap *heap, GCCell *cell);

#define GC_SCOPE(heap) uint32_t gc_scope_mark_ = gc_scope_enter(heap)
#define GC_SCOPE_END(heap) gc_scope_leave((heap), gc_scope_mark_)
#define GC_ROOT(heap, var) gc_root_value((heap), &(var))
#define GC_ROOT_CELL(heap, var) gc_root_cell((heap), (GCCell **)&(var))

void gc_stats(const Heap *heap, GCStats *stats);
bool gc_is_stress(const Heap *heap);
/* Totals, and the live cells of each type at the last collection, as
 * "[gc] ..." lines (docs/GC.md). heap_free prints them under --trace-gc. */
void gc_print_stats(const Heap *heap, FILE *out);

#endif
