/*
 * Reports at the end of a run: the uncaught exception and -p's value
 * (runtime/report.h).
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/report.h"
#include "stdlib/stdlib.h"
#include "vm/atom.h"
#include "vm/function.h"
#include "vm/operators.h"

/* The value as text (malloc'd UTF-8), or NULL when converting it throws
 * (the exception is dropped: this is a report of the last resort). */
static char *text_of(VM *vm, Value value)
{
    String *s = value_is_symbol(value) ? NULL : value_to_string(vm, value);
    if (!s || !string_flatten(vm, s)) {
        if (vm->has_exception)
            vm_take_exception(vm);
        return NULL;
    }
    return string_to_utf8(s, NULL);
}

/* The error's stack when it is an object with a string "stack". */
static char *stack_of(VM *vm, Value exception)
{
    if (!value_is_object(exception))
        return NULL;
    Value stack = object_get(vm, value_as_object(exception), value_from_string(vm_atom(vm, ATOM_stack)), exception);
    if (value_is_exception(stack)) {
        vm_take_exception(vm);
        return NULL;
    }
    return value_is_string(stack) ? text_of(vm, stack) : NULL;
}

static bool print_source_line(FILE *out, const SourceFile *source, const ThrowSite *site);

/* The text and name of the source the exception was thrown in, when it is
 * not the program's own (an imported module): malloc'd, or false. */
static bool other_source(VM *vm, const SourceFile *source, const ThrowSite *site, char **name, char **text,
                         size_t *len)
{
    *name = *text = NULL;
    if (!site->source_name || !site->source_text || !string_flatten(vm, site->source_name) ||
        !string_flatten(vm, site->source_text))
        return false;
    *name = string_to_utf8(site->source_name, NULL);
    if (!*name || strcmp(*name, source->name) == 0) {
        free(*name);
        *name = NULL;
        return false;
    }
    *text = string_to_utf8(site->source_text, len);
    return *text != NULL;
}

/* "file:line", the source line and a caret under the column. */
static bool print_site(FILE *out, VM *vm, const SourceFile *source, Value exception)
{
    ThrowSite site;
    if (!vm_exception_site(vm, exception, &site) || !site.line)
        return false;
    char *other_name, *other_text;
    size_t other_len = 0;
    SourceFile thrown_in = *source;
    if (other_source(vm, source, &site, &other_name, &other_text, &other_len)) {
        thrown_in.name = other_name;
        thrown_in.text = other_text;
        thrown_in.len = (uint32_t)other_len;
        source = &thrown_in;
    }
    bool printed = print_source_line(out, source, &site);
    free(other_name);
    free(other_text);
    return printed;
}

static bool print_source_line(FILE *out, const SourceFile *source, const ThrowSite *site_pointer)
{
    ThrowSite site = *site_pointer;
    const char *line = source->text, *end = source->text + source->len;
    for (uint32_t n = 1; n < site.line && line < end; line++) {
        if (*line == '\n')
            n++;
    }
    const char *line_end = memchr(line, '\n', (size_t)(end - line));
    if (!line_end)
        line_end = end;
    fprintf(out, "%s:%u\n%.*s\n", source->name, site.line, (int)(line_end - line), line);
    for (uint32_t column = 1; column < site.column; column++)
        fputc(line + column - 1 < line_end && line[column - 1] == '\t' ? '\t' : ' ', out);
    fputs("^\n", out);
    return true;
}

void report_uncaught_exception(FILE *out, VM *vm, const SourceFile *source, Value exception)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, exception);
    bool site = print_site(out, vm, source, exception);
    char *stack = stack_of(vm, exception);
    if (stack) {
        fprintf(out, "%s%s\n", site ? "\n" : "", stack);
    } else {
        char *text = text_of(vm, exception);
        fprintf(out, "%s\n", text ? text : "(unprintable value)");
        if (site)
            fputs("(Use `node --trace-uncaught ...` to show where the exception was thrown)\n", out);
        free(text);
    }
    free(stack);
    GC_SCOPE_END(vm->heap);
}

void report_completion_value(FILE *out, VM *vm, Value value)
{
    /* util.inspect's format, with strings bare (node -p) */
    String *inspected = value_is_string(value) ? value_as_string(value) : stdlib_inspect(vm, value);
    char *text = inspected ? text_of(vm, value_from_string(inspected)) : NULL;
    if (!inspected)
        vm_take_exception(vm);
    fprintf(out, "%s\n", text ? text : "");
    free(text);
}
