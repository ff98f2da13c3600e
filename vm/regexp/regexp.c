/*
 * The engine's entry points (vm/regexp/regexp.h): flags, compiling a
 * pattern (syntax check, tree, instructions) and the program's accessors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/regexp_syntax.h"
#include "vm/regexp/rx_internal.h"

bool regexp_parse_flags(const uint16_t *flags, uint32_t len, unsigned *out)
{
    static const char letters[] = "dgimsuvy";
    unsigned seen = 0;
    for (uint32_t i = 0; i < len; i++) {
        const char *at = flags[i] > 0 && flags[i] < 0x80 ? strchr(letters, (int)flags[i]) : NULL;
        if (!at)
            return false;
        unsigned bit = 1u << (at - letters);
        if (seen & bit)
            return false;
        seen |= bit;
    }
    *out = seen;
    return !((seen & REGEXP_FLAG_UNICODE) && (seen & REGEXP_FLAG_UNICODE_SETS));
}

/* The flags as the ASCII letters regexp_check_syntax reads. */
static uint32_t flag_letters(unsigned flags, char *out)
{
    static const char letters[] = "dgimsuvy";
    uint32_t n = 0;
    for (unsigned i = 0; i < 8; i++) {
        if (flags & (1u << i))
            out[n++] = letters[i];
    }
    return n;
}

static void set_message(char *message, size_t size, const char *text)
{
    if (message && size > 0)
        snprintf(message, size, "%s", text);
}

static RegexpProgram *compile_uncached(const uint16_t *pattern, uint32_t len, unsigned flags, char *message,
                                        size_t message_size)
{
    char letters[8];
    uint32_t letter_count = flag_letters(flags, letters);
    if (!regexp_check_syntax(pattern, len, letters, letter_count, message, message_size))
        return NULL;
    RegexpProgram *program = calloc(1, sizeof *program);
    RxTree tree;
    if (!program || !rx_parse(pattern, len, flags, &tree)) {
        free(program);
        set_message(message, message_size, "Regular expression too large");
        return NULL;
    }
    program->refs = 1;
    program->flags = flags;
    program->unicode = (flags & (REGEXP_FLAG_UNICODE | REGEXP_FLAG_UNICODE_SETS)) != 0;
    bool ok = rx_compile_tree(&tree, program);
    rx_tree_free(&tree);
    if (!ok) {
        regexp_program_release(program);
        set_message(message, message_size, "Regular expression too large");
        return NULL;
    }
    return program;
}

/* ---- The cache of compiled programs ----
 * Programs are immutable once compiled (their scratch memory is only used
 * during a match, which never runs JavaScript), so RegExp objects of the
 * same pattern and flags share one: a regular expression literal in a
 * loop, or the splitter that @@split makes at each call, compiles once.
 * Direct-mapped by hash; process-wide, as nodus runs one VM per thread. */

#define CACHE_SIZE 64

typedef struct CacheEntry {
    uint16_t *pattern;
    uint32_t len;
    unsigned flags;
    RegexpProgram *program;
} CacheEntry;

static CacheEntry cache[CACHE_SIZE];

static uint32_t hash_pattern(const uint16_t *pattern, uint32_t len, unsigned flags)
{
    uint32_t h = 2166136261u ^ flags;
    for (uint32_t i = 0; i < len; i++)
        h = (h ^ pattern[i]) * 16777619u;
    return h;
}

static void cache_store(CacheEntry *entry, const uint16_t *pattern, uint32_t len, unsigned flags,
                        RegexpProgram *program)
{
    uint16_t *copy = malloc((len ? len : 1) * sizeof *copy);
    if (!copy)
        return;
    if (len)   /* the empty pattern may come as NULL */
        memcpy(copy, pattern, len * sizeof *copy);
    free(entry->pattern);
    regexp_program_release(entry->program);
    *entry = (CacheEntry){copy, len, flags, program};
    program->refs++;
}

RegexpProgram *regexp_compile(const uint16_t *pattern, uint32_t len, unsigned flags, char *message,
                              size_t message_size)
{
    CacheEntry *entry = &cache[hash_pattern(pattern, len, flags) % CACHE_SIZE];
    if (entry->program && entry->len == len && entry->flags == flags &&
        memcmp(entry->pattern, pattern, len * sizeof *pattern) == 0) {
        entry->program->refs++;
        return entry->program;
    }
    RegexpProgram *program = compile_uncached(pattern, len, flags, message, message_size);
    if (program)
        cache_store(entry, pattern, len, flags, program);
    return program;
}

void regexp_program_release(RegexpProgram *program)
{
    if (!program || --program->refs > 0)
        return;
    free(program->code);
    for (uint32_t i = 0; i < program->set_count; i++)
        free(program->sets[i].ranges);
    free(program->sets);
    free(program->group_lists);
    if (program->names) {
        for (uint32_t g = 0; g < program->capture_count; g++)
            free(program->names[g]);
    }
    free(program->names);
    free(program->name_lengths);
    free(program->registers);
    free(program->stack);
    free(program);
}

uint32_t regexp_capture_count(const RegexpProgram *program)
{
    return program->capture_count;
}

const uint16_t *regexp_group_name(const RegexpProgram *program, uint32_t index, uint32_t *len)
{
    if (!program->names || index >= program->capture_count || !program->names[index])
        return NULL;
    *len = program->name_lengths[index];
    return program->names[index];
}

bool regexp_has_named_groups(const RegexpProgram *program)
{
    return program->has_names;
}
