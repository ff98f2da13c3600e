/*
 * Token dump for the CLI's --dump-tokens. Without a parser, whether '/'
 * starts a regular expression is guessed the classic way: after a token
 * that can end an expression it is division, otherwise a regexp. '}' that
 * closes a template substitution is found by counting braces.
 */
#include "lexer/token_dump.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/lexer.h"
#include "lexer/utf8.h"

enum { MAX_TEMPLATE_NESTING = 256 };

/* Brace depths at which template substitutions were opened. */
typedef struct TemplateStack {
    uint32_t depth;
    uint32_t count;
    uint32_t opened_at[MAX_TEMPLATE_NESTING];
} TemplateStack;

static bool ends_expression(TokenType type)
{
    switch (type) {
    case T_IDENTIFIER: case T_PRIVATE_NAME: case T_NUMBER: case T_BIGINT:
    case T_STRING: case T_TEMPLATE: case T_TEMPLATE_TAIL: case T_REGEXP:
    case T_RPAREN: case T_RBRACKET: case T_RBRACE:
    case T_THIS: case T_SUPER: case T_NULL: case T_TRUE: case T_FALSE:
        return true;
    default:
        return false;
    }
}

static void print_code_unit_escape(FILE *out, uint16_t unit)
{
    switch (unit) {
    case '"': fputs("\\\"", out); return;
    case '\\': fputs("\\\\", out); return;
    case '\n': fputs("\\n", out); return;
    case '\r': fputs("\\r", out); return;
    case '\t': fputs("\\t", out); return;
    case '\b': fputs("\\b", out); return;
    case '\f': fputs("\\f", out); return;
    case '\v': fputs("\\v", out); return;
    default: fprintf(out, "\\u%04X", unit); return;
    }
}

/* UTF-16 text as a double-quoted string on one line: printable characters
 * as UTF-8, the rest (controls, LS, PS, lone surrogates) escaped. */
static void print_utf16(FILE *out, const uint16_t *chars, uint32_t len)
{
    fputc('"', out);
    for (uint32_t i = 0; i < len; i++) {
        uint32_t cp = chars[i];
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < len && chars[i + 1] >= 0xDC00 && chars[i + 1] <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (chars[++i] - 0xDC00u);
        } else if (cp < 0x20 || cp == '"' || cp == '\\' || cp == 0x7F || cp == 0x2028 || cp == 0x2029 ||
                   (cp >= 0xD800 && cp <= 0xDFFF)) {
            print_code_unit_escape(out, (uint16_t)cp);
            continue;
        }
        char buf[4];
        fwrite(buf, 1, (size_t)utf8_encode(cp, buf), out);
    }
    fputc('"', out);
}

/* Integers below 1e21 in full, as JavaScript shows them; other values in
 * the shortest %g form that reads back as the same double. */
static void print_number(FILE *out, double value)
{
    char text[40];
    if (value == floor(value) && fabs(value) < 1e21) {
        fprintf(out, "%.0f", value);
        return;
    }
    for (int precision = 1; precision <= 17; precision++) {
        snprintf(text, sizeof text, "%.*g", precision, value);
        if (strtod(text, NULL) == value || isnan(value))
            break;
    }
    fputs(text, out);
}

static void print_template(FILE *out, const Token *tok)
{
    const uint16_t *raw = tok->value.string.raw;
    uint32_t raw_len = tok->value.string.raw_len;
    if (tok->flags & TF_INVALID_ESCAPE) {
        fputs("undefined  raw ", out);
        print_utf16(out, raw, raw_len);
        return;
    }
    print_utf16(out, tok->value.string.chars, tok->value.string.len);
    bool same = raw_len == tok->value.string.len &&
                (raw_len == 0 || memcmp(raw, tok->value.string.chars, raw_len * sizeof *raw) == 0);
    if (!same) {
        fputs("  raw ", out);
        print_utf16(out, raw, raw_len);
    }
}

static void print_value(FILE *out, const Lexer *lexer)
{
    const Token *tok = &lexer->tok;
    switch (tok->type) {
    case T_EOF: return;
    case T_IDENTIFIER:
        fprintf(out, "%.*s", (int)tok->value.name.len, tok->value.name.chars);
        return;
    case T_PRIVATE_NAME:
        fprintf(out, "#%.*s", (int)tok->value.name.len, tok->value.name.chars);
        return;
    case T_NUMBER: print_number(out, tok->value.number); return;
    case T_BIGINT:
        fprintf(out, "%.*sn", (int)tok->value.bigint.len, tok->value.bigint.chars);
        return;
    case T_STRING: print_utf16(out, tok->value.string.chars, tok->value.string.len); return;
    case T_TEMPLATE: case T_TEMPLATE_HEAD: case T_TEMPLATE_MIDDLE: case T_TEMPLATE_TAIL:
        print_template(out, tok);
        return;
    case T_REGEXP:
        fputc('/', out);
        for (uint32_t i = 0; i < tok->value.regexp.body_len; i++) {
            char buf[4];
            fwrite(buf, 1, (size_t)utf8_encode(tok->value.regexp.body[i], buf), out);
        }
        fprintf(out, "/%.*s", (int)tok->value.regexp.flags_len, tok->value.regexp.flags);
        return;
    case T_ERROR: fputs(lexer->error, out); return;
    default:
        if (tok->type >= T_FIRST_KEYWORD && tok->type <= T_LAST_KEYWORD)
            fprintf(out, "%.*s", (int)tok->value.name.len, tok->value.name.chars);
        else
            fputs(token_type_text(tok->type), out);
        return;
    }
}

/* Rescans '/' and '}' as the heuristics say, and follows template nesting. */
static void apply_goal_heuristics(Lexer *lexer, TokenType previous, TemplateStack *templates)
{
    TokenType type = lexer->tok.type;
    if ((type == T_SLASH || type == T_SLASH_ASSIGN) && !ends_expression(previous)) {
        lexer_rescan_regexp(lexer);
    } else if (type == T_LBRACE) {
        templates->depth++;
    } else if (type == T_RBRACE) {
        if (templates->count > 0 && templates->opened_at[templates->count - 1] == templates->depth)
            lexer_rescan_template(lexer);
        else if (templates->depth > 0)
            templates->depth--;
    }
    type = lexer->tok.type;
    if (type == T_TEMPLATE_HEAD && templates->count < MAX_TEMPLATE_NESTING)
        templates->opened_at[templates->count++] = templates->depth;
    else if (type == T_TEMPLATE_TAIL && templates->count > 0)
        templates->count--;
}

void token_dump(FILE *out, const char *src, uint32_t len, bool is_module)
{
    Arena arena;
    arena_init(&arena);
    Lexer lexer;
    lexer_init(&lexer, &arena, src, len, is_module);
    TemplateStack templates = {0};
    TokenType previous = T_EOF;
    do {
        lexer_next(&lexer);
        apply_goal_heuristics(&lexer, previous, &templates);
        const Token *tok = &lexer.tok;
        fprintf(out, "%u:%u  %s", tok->line, tok->col, token_type_name(tok->type));
        if (tok->type != T_EOF) {
            fputs("  ", out);
            print_value(out, &lexer);
        }
        fputc('\n', out);
        previous = tok->type;
    } while (lexer.tok.type != T_EOF && lexer.tok.type != T_ERROR);
    arena_free(&arena);
}
