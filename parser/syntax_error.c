/*
 * The one formatter of syntax errors, in node's layout:
 *
 *   /path/to/file.js:3
 *     let x = ;
 *             ^
 *
 *   SyntaxError: Unexpected token ';'
 */
#include "parser/parser.h"

#include <string.h>

static void line_bounds(const char *src, uint32_t len, uint32_t offset, uint32_t *begin, uint32_t *end)
{
    uint32_t b = offset > len ? len : offset;
    while (b > 0 && src[b - 1] != '\n' && src[b - 1] != '\r')
        b--;
    uint32_t e = offset > len ? len : offset;
    while (e < len && src[e] != '\n' && src[e] != '\r')
        e++;
    *begin = b;
    *end = e;
}

void syntax_error_print(FILE *out, const char *filename, const char *src, uint32_t len, const ParseError *error)
{
    uint32_t begin, end;
    line_bounds(src, len, error->offset, &begin, &end);
    fprintf(out, "%s:%u\n", filename, error->line);
    fwrite(src + begin, 1, end - begin, out);
    fputc('\n', out);
    if (error->no_caret_line) {
        fprintf(out, "\n%s: %s\n", error->name ? error->name : "SyntaxError", error->message);
        return;
    }
    /* The caret goes under the error's column, counted in UTF-16 code units
     * as V8 counts it (a character outside the BMP takes two); the line's
     * tabs are kept so that it lines up in a terminal. */
    for (uint32_t i = begin; i < error->offset && i < end; i++) {
        unsigned char c = (unsigned char)src[i];
        if ((c & 0xC0) == 0x80)
            continue;   /* UTF-8 continuation byte */
        fputc(c == '\t' ? '\t' : ' ', out);
        if (c >= 0xF0)
            fputc(' ', out);
    }
    /* A zero-length range (the end of the input) shows no caret. */
    uint32_t carets = 0;
    for (uint32_t i = error->offset; i < error->offset + error->length && i < end; i++) {
        unsigned char c = (unsigned char)src[i];
        if ((c & 0xC0) != 0x80)
            carets += c >= 0xF0 ? 2 : 1;
    }
    if (carets == 0 && error->length > 0)
        carets = 1;
    for (uint32_t i = 0; i < carets; i++)
        fputc('^', out);
    fprintf(out, "\n\n%s: %s\n", error->name ? error->name : "SyntaxError", error->message);
}
