/*
 * --trace-gc: one line per collection, and a summary when the heap is freed.
 * The format is documented in docs/GC.md; tools may parse it, so change both
 * together.
 */
#define _POSIX_C_SOURCE 200809L

#include <time.h>

#include "gc/gc_internal.h"

double gc_clock_ms(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec * 1e3 + (double)now.tv_nsec / 1e6;
}

/* "48 B" below a kilobyte, "512.0 KB" below a megabyte, "3.2 MB" above. */
static const char *format_bytes(size_t bytes, char *buffer, size_t size)
{
    if (bytes < 1024)
        snprintf(buffer, size, "%zu B", bytes);
    else if (bytes < 1024 * 1024)
        snprintf(buffer, size, "%.1f KB", (double)bytes / 1024.0);
    else
        snprintf(buffer, size, "%.1f MB", (double)bytes / (1024.0 * 1024.0));
    return buffer;
}

static const char *reason_name(GCReason reason)
{
    switch (reason) {
    case GC_REASON_THRESHOLD: return "threshold";
    case GC_REASON_STRESS: return "stress";
    case GC_REASON_LIMIT: return "limit";
    case GC_REASON_EXPLICIT: return "explicit";
    }
    return "?";
}

/* [gc] #12 3.2 MB -> 1.1 MB (heap 4.0 MB), pause 0.42 ms, threshold */
void gc_trace_collection(Heap *heap, GCReason reason, size_t before_bytes, double pause_ms)
{
    char before[32], after[32], total[32];
    fprintf(heap->trace_out, "[gc] #%llu %s -> %s (heap %s), pause %.2f ms, %s\n",
            (unsigned long long)heap->collections,
            format_bytes(before_bytes, before, sizeof before),
            format_bytes(heap->live_bytes, after, sizeof after),
            format_bytes(heap->heap_bytes, total, sizeof total),
            pause_ms, reason_name(reason));
}

/*
 * [gc] total: 12 collections, pause 5.04 ms (max 0.91 ms), allocated 120.3 MB, heap 4.0 MB
 * [gc]   object: 1520 cells, 60.8 KB live
 */
void gc_print_stats(const Heap *heap, FILE *out)
{
    char allocated[32], total[32], live[32];
    fprintf(out, "[gc] total: %llu collections, pause %.2f ms (max %.2f ms), allocated %s, heap %s\n",
            (unsigned long long)heap->collections, heap->total_pause_ms, heap->max_pause_ms,
            format_bytes(heap->allocated_bytes, allocated, sizeof allocated),
            format_bytes(heap->heap_bytes, total, sizeof total));
    for (unsigned type = 0; type < GC_MAX_TYPES; type++) {
        if (heap->live_cells_by_type[type] == 0)
            continue;
        const char *name = heap->types[type].name ? heap->types[type].name : "?";
        fprintf(out, "[gc]   %s: %zu cells, %s live\n", name, heap->live_cells_by_type[type],
                format_bytes(heap->live_bytes_by_type[type], live, sizeof live));
    }
}
