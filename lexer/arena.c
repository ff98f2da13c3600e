#include "lexer/arena.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

struct ArenaBlock {
    ArenaBlock *next;
    size_t size;
    /* data follows, 8-aligned */
};

/* Blocks start small, so that parsing a one-line script costs little, and
 * double up to ARENA_HUGE_SIZE. Blocks that large are aligned so that the
 * kernel can back them with transparent huge pages: a large parse touches
 * tens of megabytes, and one page fault per 2 MB instead of per 4 KB makes
 * it markedly faster. */
enum { ARENA_BLOCK_SIZE = 64 * 1024, ARENA_HUGE_SIZE = 2 * 1024 * 1024 };

static void *block_alloc(size_t size)
{
    if (size < ARENA_HUGE_SIZE)
        return malloc(size);
    void *memory = NULL;
    if (posix_memalign(&memory, ARENA_HUGE_SIZE, size) != 0)
        return NULL;
#ifdef MADV_HUGEPAGE
    madvise(memory, size & ~(size_t)(ARENA_HUGE_SIZE - 1), MADV_HUGEPAGE);
#endif
    return memory;
}

void arena_init(Arena *arena)
{
    memset(arena, 0, sizeof *arena);
}

void arena_free(Arena *arena)
{
    ArenaBlock *block = arena->blocks;
    while (block) {
        ArenaBlock *next = block->next;
        free(block);
        block = next;
    }
    arena_init(arena);
}

static void *arena_alloc_slow(Arena *arena, size_t size)
{
    size_t header = (sizeof(ArenaBlock) + 7) & ~(size_t)7;
    size_t block_size = arena->blocks ? arena->blocks->size + header : ARENA_BLOCK_SIZE;
    if (block_size < ARENA_HUGE_SIZE)
        block_size *= 2;
    size_t data_size = block_size - header;
    if (size > data_size / 4)
        data_size = size;   /* a large allocation gets a block of its own */
    ArenaBlock *block = block_alloc(header + data_size);
    if (!block) {
        arena->failed = true;
        return NULL;
    }
    block->size = data_size;
    arena->total += header + data_size;
    char *data = (char *)block + header;
    if (data_size == size && arena->blocks) {
        /* A large allocation gets its own block behind the current one, so the
         * current block's free space is not wasted. */
        block->next = arena->blocks->next;
        arena->blocks->next = block;
        return data;
    }
    block->next = arena->blocks;
    arena->blocks = block;
    arena->next = data + size;
    arena->limit = data + data_size;
    return data;
}

void *arena_alloc(Arena *arena, size_t size)
{
    size = (size + 7) & ~(size_t)7;
    if (size == 0)
        size = 8;
    if ((size_t)(arena->limit - arena->next) >= size && arena->next) {
        void *result = arena->next;
        arena->next += size;
        return result;
    }
    return arena_alloc_slow(arena, size);
}

bool arena_extend(Arena *arena, void *block, size_t old_size, size_t new_size)
{
    old_size = (old_size + 7) & ~(size_t)7;
    new_size = (new_size + 7) & ~(size_t)7;
    if ((char *)block + old_size != arena->next || new_size < old_size)
        return false;
    if ((size_t)(arena->limit - arena->next) < new_size - old_size)
        return false;
    arena->next += new_size - old_size;
    return true;
}

void *arena_calloc(Arena *arena, size_t size)
{
    void *p = arena_alloc(arena, size);
    if (p)
        memset(p, 0, size);
    return p;
}

void *arena_dup(Arena *arena, const void *data, size_t len)
{
    void *p = arena_alloc(arena, len ? len : 1);
    if (p && len)
        memcpy(p, data, len);
    return p;
}
