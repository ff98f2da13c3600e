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

RegexpProgram *regexp_compile(const uint16_t *pattern, uint32_t len, unsigned flags, char *message,
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
    program->flags = flags;
    program->unicode = (flags & (REGEXP_FLAG_UNICODE | REGEXP_FLAG_UNICODE_SETS)) != 0;
    bool ok = rx_compile_tree(&tree, program);
    rx_tree_free(&tree);
    if (!ok) {
        regexp_program_free(program);
        set_message(message, message_size, "Regular expression too large");
        return NULL;
    }
    return program;
}

void regexp_program_free(RegexpProgram *program)
{
    if (!program)
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
