/*
 * Unit tests of the garbage collector (gc/gc.h), with fake cell types:
 * pairs of two Values, blobs whose finalizer counts calls, vectors of
 * Values (small or large), and leaves that reference nothing.
 *
 *   gcc -std=c11 -Wall -Wextra -O2 -I. gc/[a-z]*.c tests/unit/test_gc.c -o /tmp/test_gc && /tmp/test_gc
 *   clang -std=c11 -fsanitize=address,undefined -g -I. gc/[a-z]*.c tests/unit/test_gc.c -o /tmp/test_gc_asan && /tmp/test_gc_asan
 *
 * The last test is an allocation micro-benchmark; `/tmp/test_gc --quick`
 * runs a shorter one.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gc/gc.h"
#include "gc/gc_internal.h"   /* gc_peek_type, the mark stack test hook */

static int passed, failed;

#define ASSERT_EQ(actual, expected)                                                         \
    do {                                                                                    \
        unsigned long long actual_ = (unsigned long long)(actual);                          \
        unsigned long long expected_ = (unsigned long long)(expected);                      \
        if (actual_ == expected_) {                                                         \
            passed++;                                                                       \
        } else {                                                                            \
            failed++;                                                                       \
            printf("%s:%d: %s == %s: got %llu, expected %llu\n", __FILE__, __LINE__,        \
                   #actual, #expected, actual_, expected_);                                 \
        }                                                                                   \
    } while (0)

#define ASSERT_TRUE(condition)                                                              \
    do {                                                                                    \
        if (condition) {                                                                    \
            passed++;                                                                       \
        } else {                                                                            \
            failed++;                                                                       \
            printf("%s:%d: expected %s\n", __FILE__, __LINE__, #condition);                 \
        }                                                                                   \
    } while (0)

/* ---- Fake cell types ---- */

enum { TYPE_PAIR = 1, TYPE_BLOB = 2, TYPE_VECTOR = 3, TYPE_LEAF = 4, TYPE_GREEDY = 5 };

typedef struct Pair {
    GCCell header;
    Value first, second;
} Pair;

typedef struct Blob {
    GCCell header;
    uint64_t id;
} Blob;

/* A vector of Values; header.aux holds the count. */
typedef struct Vector {
    GCCell header;
    Value items[];
} Vector;

static int blobs_finalized;
static void *greedy_allocation = (void *)1;

static void trace_pair(GCTracer *tracer, GCCell *cell)
{
    Pair *pair = (Pair *)cell;
    gc_mark_value(tracer, pair->first);
    gc_mark_value(tracer, pair->second);
}

static void trace_vector(GCTracer *tracer, GCCell *cell)
{
    Vector *vector = (Vector *)cell;
    for (uint32_t i = 0; i < cell->aux; i++)
        gc_mark_value(tracer, vector->items[i]);
}

static void finalize_blob(Heap *heap, GCCell *cell)
{
    (void)heap;
    (void)cell;
    blobs_finalized++;
}

/* Breaks the contract on purpose: finalizers must not allocate. */
static void finalize_greedy(Heap *heap, GCCell *cell)
{
    (void)cell;
    greedy_allocation = gc_alloc(heap, 32, TYPE_LEAF);
}

static Heap *new_heap(size_t max_heap_bytes, bool stress)
{
    GCOptions options = {.max_heap_bytes = max_heap_bytes, .stress = stress};
    Heap *heap = heap_new(&options);
    gc_register_type(heap, TYPE_PAIR, &(GCTypeInfo){"pair", trace_pair, NULL});
    gc_register_type(heap, TYPE_BLOB, &(GCTypeInfo){"blob", NULL, finalize_blob});
    gc_register_type(heap, TYPE_VECTOR, &(GCTypeInfo){"vector", trace_vector, NULL});
    gc_register_type(heap, TYPE_LEAF, &(GCTypeInfo){"leaf", NULL, NULL});
    gc_register_type(heap, TYPE_GREEDY, &(GCTypeInfo){"greedy", NULL, finalize_greedy});
    blobs_finalized = 0;
    return heap;
}

static Value new_pair(Heap *heap, Value first, Value second)
{
    GC_SCOPE(heap);
    GC_ROOT(heap, first);
    GC_ROOT(heap, second);
    Pair *pair = gc_alloc(heap, sizeof(Pair), TYPE_PAIR);
    GC_SCOPE_END(heap);
    if (pair == NULL)
        return VALUE_NULL;
    pair->first = first;
    pair->second = second;
    return value_from_cell(&pair->header);
}

static Value new_blob(Heap *heap, uint64_t id)
{
    Blob *blob = gc_alloc(heap, sizeof(Blob), TYPE_BLOB);
    if (blob == NULL)
        return VALUE_NULL;
    blob->id = id;
    return value_from_cell(&blob->header);
}

static Vector *new_vector(Heap *heap, uint32_t count)
{
    Vector *vector = gc_alloc(heap, sizeof(Vector) + count * sizeof(Value), TYPE_VECTOR);
    if (vector == NULL)
        return NULL;
    vector->header.aux = count;
    for (uint32_t i = 0; i < count; i++)
        vector->items[i] = VALUE_UNDEFINED;
    return vector;
}

static Pair *as_pair(Value value) { return (Pair *)value_as_cell(value); }
static Blob *as_blob(Value value) { return (Blob *)value_as_cell(value); }

static size_t live_bytes(Heap *heap)
{
    GCStats stats;
    gc_stats(heap, &stats);
    return stats.live_bytes;
}

static uint64_t collections(Heap *heap)
{
    GCStats stats;
    gc_stats(heap, &stats);
    return stats.collections;
}

/* ---- Tests ---- */

static void test_unreachable_cells_are_freed(void)
{
    Heap *heap = new_heap(0, false);
    GC_SCOPE(heap);
    Value kept = new_blob(heap, 0);   /* keeps the first page alive */
    GC_ROOT(heap, kept);
    Value dead = new_blob(heap, 1);
    for (int i = 2; i < 1000; i++)
        new_blob(heap, (uint64_t)i);
    gc_collect(heap);
    ASSERT_EQ(blobs_finalized, 999);
    ASSERT_EQ(live_bytes(heap), 16);
    /* The memory of a freed cell is recognizable as free. */
    ASSERT_EQ(gc_peek_type(value_as_cell(dead)), GC_TYPE_FREE);
    ASSERT_EQ(gc_peek_type(value_as_cell(kept)), TYPE_BLOB);
    GC_SCOPE_END(heap);
    heap_free(heap);
    ASSERT_EQ(blobs_finalized, 1000);
}

static void test_rooted_locals_survive(void)
{
    Heap *heap = new_heap(0, false);
    GC_SCOPE(heap);
    Value blob = new_blob(heap, 7);
    GC_ROOT(heap, blob);
    Blob *cell = as_blob(new_blob(heap, 8));
    GC_ROOT_CELL(heap, cell);
    Value pair = new_pair(heap, new_blob(heap, 9), VALUE_NULL);
    GC_ROOT(heap, pair);
    new_blob(heap, 10);   /* garbage */
    gc_collect(heap);
    ASSERT_EQ(blobs_finalized, 1);
    ASSERT_EQ(as_blob(blob)->id, 7);
    ASSERT_EQ(cell->id, 8);
    ASSERT_EQ(as_blob(as_pair(pair)->first)->id, 9);
    ASSERT_EQ(live_bytes(heap), 3 * 16 + 24);

    /* The collector reads the variable's current value. */
    blob = new_blob(heap, 11);
    gc_collect(heap);
    ASSERT_EQ(blobs_finalized, 2);
    ASSERT_EQ(as_blob(blob)->id, 11);
    GC_SCOPE_END(heap);
    gc_collect(heap);
    ASSERT_EQ(blobs_finalized, 5);
    ASSERT_EQ(live_bytes(heap), 0);
    heap_free(heap);
}

static void test_scopes_nest(void)
{
    Heap *heap = new_heap(0, false);
    uint32_t outer_mark = gc_scope_enter(heap);
    Value outer = new_blob(heap, 1);
    gc_root_value(heap, &outer);
    {
        GC_SCOPE(heap);
        Value inner[10];
        for (int i = 0; i < 10; i++) {
            inner[i] = new_blob(heap, 100 + (uint64_t)i);
            GC_ROOT(heap, inner[i]);
        }
        gc_collect(heap);
        ASSERT_EQ(blobs_finalized, 0);
        GC_SCOPE_END(heap);
    }
    ASSERT_EQ(gc_scope_enter(heap), outer_mark + 1);
    gc_collect(heap);
    ASSERT_EQ(blobs_finalized, 10);
    ASSERT_EQ(as_blob(outer)->id, 1);
    gc_scope_leave(heap, outer_mark);
    gc_collect(heap);
    ASSERT_EQ(blobs_finalized, 11);
    heap_free(heap);
}

static void test_pins(void)
{
    Heap *heap = new_heap(0, false);
    GCCell *cell = value_as_cell(new_blob(heap, 1));
    gc_pin(heap, cell);
    gc_pin(heap, cell);
    gc_collect(heap);
    gc_unpin(heap, cell);
    gc_collect(heap);
    ASSERT_EQ(blobs_finalized, 0);
    gc_unpin(heap, cell);
    gc_collect(heap);
    ASSERT_EQ(blobs_finalized, 1);

    /* Many pins, unpinned in another order: the hash table's deletions. */
    enum { COUNT = 5000 };
    GCCell **cells = malloc(COUNT * sizeof *cells);
    for (int i = 0; i < COUNT; i++) {
        cells[i] = value_as_cell(new_blob(heap, (uint64_t)i));
        gc_pin(heap, cells[i]);
    }
    for (int i = 0; i < COUNT; i += 2)
        gc_unpin(heap, cells[i]);
    gc_collect(heap);
    ASSERT_EQ(blobs_finalized, 1 + COUNT / 2);
    int intact = 0;
    for (int i = 1; i < COUNT; i += 2)
        intact += ((Blob *)cells[i])->id == (uint64_t)i;
    ASSERT_EQ(intact, COUNT / 2);
    for (int i = COUNT - 1; i > 0; i -= 2)
        gc_unpin(heap, cells[i]);
    gc_collect(heap);
    ASSERT_EQ(blobs_finalized, 1 + COUNT);
    free(cells);
    heap_free(heap);
}

static Value embedder_roots[3];

static void mark_embedder_roots(GCTracer *tracer, void *data)
{
    ASSERT_TRUE(data == embedder_roots);
    for (int i = 0; i < 3; i++)
        gc_mark_value(tracer, embedder_roots[i]);
}

static void test_root_callback(void)
{
    Heap *heap = new_heap(0, false);
    gc_set_roots(heap, mark_embedder_roots, embedder_roots);
    embedder_roots[0] = new_blob(heap, 1);
    embedder_roots[1] = value_from_int32(42);   /* not a cell: ignored */
    embedder_roots[2] = new_pair(heap, new_blob(heap, 2), new_blob(heap, 3));
    new_blob(heap, 4);
    gc_collect(heap);
    ASSERT_EQ(blobs_finalized, 1);
    ASSERT_EQ(as_blob(as_pair(embedder_roots[2])->second)->id, 3);
    gc_set_roots(heap, NULL, NULL);
    gc_collect(heap);
    ASSERT_EQ(blobs_finalized, 4);
    heap_free(heap);
}

/* A weak table: the callback drops entries whose cells are not marked. */
typedef struct WeakTable {
    GCCell *entries[10];
    bool marked_seen[10];
    int calls;
} WeakTable;

static void sweep_weak_table(Heap *heap, void *data)
{
    (void)heap;
    WeakTable *table = data;
    table->calls++;
    for (int i = 0; i < 10; i++) {
        if (table->entries[i] == NULL)
            continue;
        table->marked_seen[i] = gc_is_marked(table->entries[i]);
        if (!table->marked_seen[i])
            table->entries[i] = NULL;
    }
}

static void test_weak_callbacks(void)
{
    Heap *heap = new_heap(0, false);
    WeakTable table = {0};
    gc_add_weak_callback(heap, sweep_weak_table, &table);
    GC_SCOPE(heap);
    Value strong[5];
    for (int i = 0; i < 10; i++) {
        Value blob = new_blob(heap, (uint64_t)i);
        table.entries[i] = value_as_cell(blob);
        if (i % 2 == 0) {
            strong[i / 2] = blob;
            GC_ROOT(heap, strong[i / 2]);
        }
    }
    gc_collect(heap);
    ASSERT_EQ(table.calls, 1);
    int right = 0;
    for (int i = 0; i < 10; i++)
        right += table.marked_seen[i] == (i % 2 == 0) && (table.entries[i] != NULL) == (i % 2 == 0);
    ASSERT_EQ(right, 10);
    ASSERT_EQ(blobs_finalized, 5);
    GC_SCOPE_END(heap);
    gc_collect(heap);
    ASSERT_EQ(table.calls, 2);
    ASSERT_EQ(table.entries[0], NULL);
    heap_free(heap);
}

/* Builds a chain of count pairs, each pair's second pointing to the one
 * made before it; the first pair of the chain holds a blob. */
static Value build_chain(Heap *heap, int count)
{
    GC_SCOPE(heap);
    Value chain = new_pair(heap, new_blob(heap, 0), VALUE_NULL);
    GC_ROOT(heap, chain);
    for (int i = 1; i < count; i++)
        chain = new_pair(heap, value_from_int32(i), chain);
    GC_SCOPE_END(heap);
    return chain;
}

static int chain_length(Value chain)
{
    int length = 0;
    for (; value_is_cell(chain); chain = as_pair(chain)->second)
        length++;
    return length;
}

static int chain_length_first(Value chain)
{
    int length = 0;
    for (; value_is_cell(chain); chain = as_pair(chain)->first)
        length++;
    return length;
}

static void test_deep_chain(void)
{
    enum { DEPTH = 1000000 };
    Heap *heap = new_heap(0, false);
    GC_SCOPE(heap);
    Value chain = build_chain(heap, DEPTH);
    GC_ROOT(heap, chain);
    gc_collect(heap);
    ASSERT_EQ(blobs_finalized, 0);
    ASSERT_EQ(live_bytes(heap), (size_t)DEPTH * 24 + 16);
    ASSERT_EQ(chain_length(chain), DEPTH);
    GC_SCOPE_END(heap);
    gc_collect(heap);
    ASSERT_EQ(blobs_finalized, 1);
    ASSERT_EQ(live_bytes(heap), 0);
    heap_free(heap);
}

/* One large vector of a million blobs: the mark stack grows to a million. */
static void test_wide_vector(void)
{
    enum { WIDTH = 1000000 };
    Heap *heap = new_heap(0, false);
    GC_SCOPE(heap);
    Vector *vector = new_vector(heap, WIDTH);
    GC_ROOT_CELL(heap, vector);
    for (uint32_t i = 0; i < WIDTH; i++)
        vector->items[i] = new_pair(heap, new_blob(heap, i), VALUE_NULL);
    gc_collect(heap);
    ASSERT_EQ(blobs_finalized, 0);
    ASSERT_EQ(live_bytes(heap), sizeof(Vector) + WIDTH * sizeof(Value) + (size_t)WIDTH * (24 + 16));
    GC_SCOPE_END(heap);
    gc_collect(heap);
    ASSERT_EQ(blobs_finalized, WIDTH);
    heap_free(heap);
}

/* A mark stack of 4 entries overflows all the time; the heap rescan must
 * still find everything. */
static void test_mark_stack_overflow(void)
{
    Heap *heap = new_heap(0, false);
    gc_debug_set_mark_stack_limit(heap, 4);
    GC_SCOPE(heap);
    Vector *vector = new_vector(heap, 1000);
    GC_ROOT_CELL(heap, vector);
    for (uint32_t i = 0; i < 1000; i++)
        vector->items[i] = new_pair(heap, new_blob(heap, i), new_pair(heap, new_blob(heap, i), VALUE_NULL));
    Value chain = build_chain(heap, 10000);
    GC_ROOT(heap, chain);
    new_blob(heap, 99);
    gc_collect(heap);
    ASSERT_EQ(blobs_finalized, 1);
    ASSERT_EQ(live_bytes(heap), 8 + 1000 * 8 + 1000 * (24 + 16 + 24 + 16) + 10000 * 24 + 16);
    GC_SCOPE_END(heap);
    gc_collect(heap);
    ASSERT_EQ(blobs_finalized, 2002);
    heap_free(heap);
}

static void test_stress_mode(void)
{
    Heap *heap = new_heap(0, true);
    ASSERT_TRUE(gc_is_stress(heap));
    GC_SCOPE(heap);
    Value kept = new_blob(heap, 1);
    GC_ROOT(heap, kept);
    uint64_t before = collections(heap);
    for (int i = 0; i < 100; i++) {
        new_blob(heap, 2);
        /* The previous garbage blob died at this very allocation. */
        ASSERT_EQ(blobs_finalized, i);
    }
    ASSERT_EQ(collections(heap), before + 100);
    ASSERT_EQ(as_blob(kept)->id, 1);
    Value chain = build_chain(heap, 1000);
    ASSERT_EQ(chain_length(chain), 1000);
    GC_SCOPE_END(heap);
    heap_free(heap);
}

static void test_heap_limit(void)
{
    enum { LIMIT = 1024 * 1024 };
    Heap *heap = new_heap(LIMIT, false);
    GCStats stats;

    /* Garbage never runs into the limit: collections make room. */
    int failures = 0;
    for (int i = 0; i < 200000; i++)
        failures += gc_alloc(heap, 48 + (i % 7) * 100, TYPE_LEAF) == NULL;
    ASSERT_EQ(failures, 0);
    gc_stats(heap, &stats);
    ASSERT_TRUE(stats.heap_bytes <= LIMIT);

    /* Live data does: NULL, and then the heap is still usable. */
    GC_SCOPE(heap);
    Value list = VALUE_NULL;
    GC_ROOT(heap, list);
    int count = 0;
    for (;;) {
        Value pair = new_pair(heap, list, VALUE_NULL);
        if (value_is_null(pair))
            break;
        list = pair;
        count++;
    }
    gc_stats(heap, &stats);
    ASSERT_TRUE(count > 30000);
    ASSERT_TRUE(stats.heap_bytes <= LIMIT);
    ASSERT_EQ(chain_length_first(list), count);
    ASSERT_TRUE(gc_alloc(heap, 4 * LIMIT, TYPE_LEAF) == NULL);
    list = VALUE_NULL;
    ASSERT_TRUE(gc_alloc(heap, 24, TYPE_PAIR) != NULL);
    ASSERT_TRUE(gc_alloc(heap, LIMIT / 2, TYPE_LEAF) != NULL);
    GC_SCOPE_END(heap);
    heap_free(heap);
}

static void test_large_cells(void)
{
    Heap *heap = new_heap(0, false);
    GCStats stats;
    size_t sizes[] = {2049, 3000, 100000, 10 * 1024 * 1024};
    GC_SCOPE(heap);
    Blob *kept = NULL;
    GC_ROOT_CELL(heap, kept);
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        unsigned char *bytes = gc_alloc(heap, sizes[i], TYPE_BLOB);
        ASSERT_TRUE(bytes != NULL && (uintptr_t)bytes % 16 == 0);
        size_t nonzero = 0;
        for (size_t j = sizeof(GCCell); j < sizes[i]; j++)
            nonzero += bytes[j] != 0;
        ASSERT_EQ(nonzero, 0);
        ASSERT_EQ(((GCCell *)bytes)->type, TYPE_BLOB);
        memset(bytes + sizeof(GCCell), 0xAB, sizes[i] - sizeof(GCCell));
        if (i == 1)
            kept = (Blob *)bytes;
    }
    gc_stats(heap, &stats);
    ASSERT_TRUE(stats.heap_bytes > 10 * 1024 * 1024);
    gc_collect(heap);
    ASSERT_EQ(blobs_finalized, 3);
    ASSERT_EQ(live_bytes(heap), 3000);
    gc_stats(heap, &stats);
    ASSERT_TRUE(stats.heap_bytes < 1024 * 1024);
    ASSERT_EQ(((unsigned char *)kept)[2999], 0xAB);
    GC_SCOPE_END(heap);
    gc_collect(heap);
    ASSERT_EQ(blobs_finalized, 4);
    gc_stats(heap, &stats);
    ASSERT_EQ(stats.heap_bytes, 0);
    heap_free(heap);
}

/* Every size up to the largest class: zeroed, aligned, no overlap. */
static void test_size_classes(void)
{
    Heap *heap = new_heap(0, false);
    GC_SCOPE(heap);
    Vector *cells = new_vector(heap, 2 * GC_SMALL_MAX);
    GC_ROOT_CELL(heap, cells);
    size_t bad = 0;
    for (uint32_t i = 0; i < 2 * GC_SMALL_MAX; i++) {
        size_t size = i % GC_SMALL_MAX + 1;
        unsigned char *bytes = gc_alloc(heap, size, TYPE_LEAF);
        for (size_t j = sizeof(GCCell); j < size; j++)
            bad += bytes[j] != 0;
        bad += (uintptr_t)bytes % 8 != 0;
        memset(bytes + sizeof(GCCell), (int)(i & 0xFF), size > sizeof(GCCell) ? size - sizeof(GCCell) : 0);
        cells->items[i] = value_from_cell((GCCell *)bytes);
        if (i % 512 == 0)
            gc_collect(heap);
    }
    for (uint32_t i = 0; i < 2 * GC_SMALL_MAX; i++) {
        size_t size = i % GC_SMALL_MAX + 1;
        unsigned char *bytes = value_as_pointer(cells->items[i]);
        for (size_t j = sizeof(GCCell); j < size; j++)
            bad += bytes[j] != (i & 0xFF);
        bad += bytes[0] != TYPE_LEAF;
    }
    ASSERT_EQ(bad, 0);
    GC_SCOPE_END(heap);
    heap_free(heap);
}

/* Without gc_collect: collections come by themselves, the heap stays small. */
static void test_threshold_collections(void)
{
    Heap *heap = new_heap(0, false);
    GCStats stats;
    for (int i = 0; i < 2000000; i++)
        new_blob(heap, (uint64_t)i);
    gc_stats(heap, &stats);
    ASSERT_TRUE(stats.collections >= 5);
    ASSERT_TRUE(stats.heap_bytes <= 2 * GC_MIN_TRIGGER_BYTES + 64 * 1024);
    ASSERT_EQ(stats.allocated_bytes, 2000000ull * 16);
    /* Lazy sweeping: finalizers of the last dead run later, but they run. */
    ASSERT_TRUE(blobs_finalized > 1000000);
    gc_collect(heap);
    ASSERT_EQ(blobs_finalized, 2000000);
    heap_free(heap);
}

static void test_stats_and_trace(void)
{
    FILE *out = tmpfile();
    GCOptions options = {.trace = true, .trace_out = out};
    Heap *heap = heap_new(&options);
    gc_register_type(heap, TYPE_BLOB, &(GCTypeInfo){"blob", NULL, finalize_blob});
    GCStats stats;
    gc_stats(heap, &stats);
    ASSERT_EQ(stats.allocated_bytes, 0);
    ASSERT_EQ(stats.collections, 0);
    GC_SCOPE(heap);
    Value kept = new_blob(heap, 1);
    GC_ROOT(heap, kept);
    new_blob(heap, 2);
    gc_alloc(heap, 40, TYPE_BLOB);
    gc_collect(heap);
    gc_collect(heap);
    gc_stats(heap, &stats);
    ASSERT_EQ(stats.allocated_bytes, 16 + 16 + 40);
    ASSERT_EQ(stats.live_bytes, 16);
    ASSERT_EQ(stats.heap_bytes, GC_PAGE_SIZE);
    ASSERT_EQ(stats.collections, 2);
    ASSERT_TRUE(stats.total_pause_ms >= 0);
    GC_SCOPE_END(heap);
    heap_free(heap);

    char text[1024] = {0};
    rewind(out);
    size_t length = fread(text, 1, sizeof text - 1, out);
    fclose(out);
    ASSERT_TRUE(length > 0);
    double pause;
    char reason[32];
    ASSERT_EQ(sscanf(text, "[gc] #1 0.1 KB -> 0.0 KB (heap 64.0 KB), pause %lf ms, %31s", &pause, reason), 2);
    ASSERT_TRUE(strcmp(reason, "explicit") == 0);
    ASSERT_TRUE(strstr(text, "\n[gc] #2 0.0 KB -> 0.0 KB (heap 64.0 KB), pause ") != NULL);
    ASSERT_TRUE(strstr(text, "\n[gc] total: 2 collections, pause ") != NULL);
    ASSERT_TRUE(strstr(text, "\n[gc]   blob: 1 cells, 0.0 KB live\n") != NULL);
    if (failed)
        printf("trace output was:\n%s", text);
}

static void test_no_allocation_while_collecting(void)
{
    Heap *heap = new_heap(0, false);
    gc_alloc(heap, 16, TYPE_GREEDY);
    gc_collect(heap);
    ASSERT_TRUE(greedy_allocation == NULL);
    ASSERT_TRUE(gc_alloc(heap, 16, TYPE_LEAF) != NULL);
    heap_free(heap);
}

/* ---- Benchmark ---- */

static double now_seconds(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

/* Allocates count 32-byte cells; every 100th is kept in a ring of 100,000
 * rooted slots (so 1% survives until the ring wraps: about 3 MB live). */
static void benchmark_allocation(long count)
{
    Heap *heap = new_heap(0, false);
    GC_SCOPE(heap);
    Vector *ring = new_vector(heap, 100000);
    GC_ROOT_CELL(heap, ring);
    double start = now_seconds();
    for (long i = 0; i < count; i++) {
        GCCell *cell = gc_alloc(heap, 32, TYPE_LEAF);
        if (i % 100 == 0)
            ring->items[(i / 100) % 100000] = value_from_cell(cell);
    }
    double seconds = now_seconds() - start;
    GCStats stats;
    gc_stats(heap, &stats);
    printf("benchmark: %ld allocations of 32 bytes, 1%% kept: %.1f ns each; %llu collections, "
           "pauses %.1f ms in all, heap %.1f MB\n",
           count, seconds * 1e9 / (double)count, (unsigned long long)stats.collections,
           stats.total_pause_ms, (double)stats.heap_bytes / (1024.0 * 1024.0));
    GC_SCOPE_END(heap);
    heap_free(heap);
}

int main(int argc, char **argv)
{
    bool quick = argc > 1 && strcmp(argv[1], "--quick") == 0;
    test_unreachable_cells_are_freed();
    test_rooted_locals_survive();
    test_scopes_nest();
    test_pins();
    test_root_callback();
    test_weak_callbacks();
    test_deep_chain();
    test_wide_vector();
    test_mark_stack_overflow();
    test_stress_mode();
    test_heap_limit();
    test_large_cells();
    test_size_classes();
    test_threshold_collections();
    test_stats_and_trace();
    test_no_allocation_while_collecting();
#ifdef GC_ASAN
    quick = true;
#endif
    benchmark_allocation(quick ? 2000000 : 20000000);
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
