/*
 * A bump allocator for everything that lives as long as one parse: tokens'
 * decoded values, AST nodes, scopes. Nothing is freed one by one; the whole
 * arena goes at once with arena_free(). Allocation is a pointer bump on the
 * fast path. Out of memory is reported by returning NULL from arena_alloc
 * and setting arena->failed; callers turn that into a clean error.
 */
#ifndef NODUS_LEXER_ARENA_H
#define NODUS_LEXER_ARENA_H

#include <stddef.h>
#include <stdbool.h>

typedef struct ArenaBlock ArenaBlock;

typedef struct Arena {
    ArenaBlock *blocks;   /* newest block first */
    char *next;           /* first free byte of the newest block */
    char *limit;          /* one past its last byte */
    size_t total;         /* bytes obtained from malloc, for statistics */
    bool failed;          /* a malloc failed at some point */
} Arena;

void arena_init(Arena *arena);
void arena_free(Arena *arena);
/* Returns size bytes aligned to 8, or NULL when memory is exhausted. */
void *arena_alloc(Arena *arena, size_t size);
/* Like arena_alloc, zero-filled. */
void *arena_calloc(Arena *arena, size_t size);
/* Grows the most recent allocation in place when it is the last thing in the
 * current block and the block has room; false otherwise (the caller then
 * allocates anew and copies). Lists that grow one item at a time use it. */
bool arena_extend(Arena *arena, void *block, size_t old_size, size_t new_size);
/* Copies len bytes into the arena. */
void *arena_dup(Arena *arena, const void *data, size_t len);

#endif
