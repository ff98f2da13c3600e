#include "lexer/arena.h"

#include <stdlib.h>
#include <string.h>

struct ArenaBlock {
    ArenaBlock *next;
    size_t size;
    /* data follows, 8-aligned */
};

enum { ARENA_BLOCK_SIZE = 64 * 1024 };

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
    size_t data_size = size > ARENA_BLOCK_SIZE / 4 ? size : ARENA_BLOCK_SIZE;
    size_t header = (sizeof(ArenaBlock) + 7) & ~(size_t)7;
    ArenaBlock *block = malloc(header + data_size);
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
