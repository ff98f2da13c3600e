/*
 * --dump-ast: prints a tree, one node per line with its kind, position
 * (line:column of its start) and scalar fields, then its children indented
 * under the field that holds them. The field list comes from parser/ast.def,
 * so the dump always shows every field of every node.
 */
#include "parser/ast.h"

#include <math.h>
#include <stdio.h>

static void dump_node(FILE *out, const Node *node, int depth);

static void indent(FILE *out, int depth)
{
    for (int i = 0; i < depth; i++)
        fputs("  ", out);
}

static void dump_utf16(FILE *out, AstString value)
{
    fputc('"', out);
    for (uint32_t i = 0; i < value.len; i++) {
        uint32_t c = value.chars[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < value.len && value.chars[i + 1] >= 0xDC00 &&
            value.chars[i + 1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (value.chars[++i] - 0xDC00);
        }
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", (int)c);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c == '\t')
            fputs("\\t", out);
        else if (c == '\r')
            fputs("\\r", out);
        else if (c < 0x20 || c == 0x7F || (c >= 0xD800 && c <= 0xDFFF))
            fprintf(out, "\\u%04X", (unsigned)c);
        else if (c < 0x80)
            fputc((int)c, out);
        else if (c < 0x800)
            fprintf(out, "%c%c", 0xC0 | (c >> 6), 0x80 | (c & 0x3F));
        else if (c < 0x10000)
            fprintf(out, "%c%c%c", 0xE0 | (c >> 12), 0x80 | ((c >> 6) & 0x3F), 0x80 | (c & 0x3F));
        else
            fprintf(out, "%c%c%c%c", 0xF0 | (c >> 18), 0x80 | ((c >> 12) & 0x3F), 0x80 | ((c >> 6) & 0x3F),
                    0x80 | (c & 0x3F));
    }
    fputc('"', out);
}

static void dump_number(FILE *out, double value)
{
    if (isnan(value))
        fputs("NaN", out);
    else if (isinf(value))
        fputs(value > 0 ? "Infinity" : "-Infinity", out);
    else if (value == (double)(long long)value && fabs(value) < 1e15)
        fprintf(out, "%lld", (long long)value);
    else
        fprintf(out, "%.17g", value);
}

/* Scalar fields print on the node's own line. */
#define F_NODE(f)
#define F_LIST(f)
#define F_SCOPE(f)
#define F_NAME(f) if (s->f.len) fprintf(out, " " #f "=%.*s", (int)s->f.len, s->f.chars);
#define F_STRING(f) fputs(" " #f "=", out); dump_utf16(out, s->f);
#define F_NUMBER(f) fputs(" " #f "=", out); dump_number(out, s->f);
#define F_BOOL(f) if (s->f) fputs(" " #f, out);
#define F_TOKEN(f) fprintf(out, " " #f "='%s'", token_type_text(s->f));
#define F_ENUM(f, e) fprintf(out, " " #f "=%s", ast_##e##_name(s->f));
#define NODE_STRUCT(name, ...) \
    static void dump_scalars_##name(FILE *out, const struct ast_##name *s) { (void)out; (void)s; __VA_ARGS__ }
#define NODE_KIND(kind, name)
#include "parser/ast.def"
#undef NODE_STRUCT
#undef F_NODE
#undef F_LIST
#undef F_SCOPE
#undef F_NAME
#undef F_STRING
#undef F_NUMBER
#undef F_BOOL
#undef F_TOKEN
#undef F_ENUM

static void dump_child(FILE *out, const char *field, const Node *child, int depth)
{
    if (!child)
        return;
    indent(out, depth);
    fprintf(out, "%s: ", field);
    dump_node(out, child, depth);
}

static void dump_list(FILE *out, const char *field, const NodeList *list, int depth)
{
    if (list->count == 0)
        return;
    indent(out, depth);
    fprintf(out, "%s: [%u]\n", field, list->count);
    for (uint32_t i = 0; i < list->count; i++) {
        indent(out, depth + 1);
        if (list->items[i])
            dump_node(out, list->items[i], depth + 1);
        else
            fputs("(hole)\n", out);
    }
}

/* Children print below, one field per line. */
#define F_NODE(f) dump_child(out, #f, s->f, depth + 1);
#define F_LIST(f) dump_list(out, #f, &s->f, depth + 1);
#define F_SCOPE(f)
#define F_NAME(f)
#define F_STRING(f)
#define F_NUMBER(f)
#define F_BOOL(f)
#define F_TOKEN(f)
#define F_ENUM(f, e)
#define NODE_STRUCT(name, ...) \
    static void dump_children_##name(FILE *out, const struct ast_##name *s, int depth) \
    { (void)out; (void)s; (void)depth; __VA_ARGS__ }
#define NODE_KIND(kind, name)
#include "parser/ast.def"
#undef NODE_STRUCT

static void dump_node(FILE *out, const Node *node, int depth)
{
    fprintf(out, "%s %u:%u", ast_kind_name((AstKind)node->kind), node->line, node->col);
    if (node->flags & NF_PARENTHESIZED)
        fputs(" parenthesized", out);
    switch (node->kind) {
#define NODE_STRUCT(name, ...)
#undef NODE_KIND
#define NODE_KIND(kind, name)                                  \
    case AST_##kind:                                           \
        dump_scalars_##name(out, &node->as.name);              \
        fputc('\n', out);                                      \
        dump_children_##name(out, &node->as.name, depth);      \
        break;
#include "parser/ast.def"
    default:
        fputc('\n', out);
    }
}

void ast_dump(FILE *out, const Node *node)
{
    if (node)
        dump_node(out, node, 0);
}
