/*
 * AST node allocation and the names of node kinds and enums.
 */
#include "parser/ast.h"

#include <assert.h>
#include <stddef.h>
#include <string.h>

static const uint8_t payload_size[] = {
#define NODE_STRUCT(name, ...)
#define NODE_KIND(kind, name) sizeof(struct ast_##name),
#include "parser/ast.def"
#undef NODE_STRUCT
#undef NODE_KIND
};

Node *ast_new_node(Arena *arena, AstKind kind, uint32_t start, uint32_t line, uint32_t col)
{
    size_t size = offsetof(Node, as) + payload_size[kind];
    Node *node = arena_alloc(arena, size);
    if (!node)
        return NULL;
    memset(node, 0, size);
    node->kind = (uint16_t)kind;
    node->start = node->end = start;
    node->line = line;
    node->col = col;
    return node;
}

void ast_set_kind(Node *node, AstKind kind)
{
    assert(payload_size[kind] <= payload_size[node->kind]);
    node->kind = (uint16_t)kind;
}

bool ast_list_push(Arena *arena, NodeList *list, Node *node)
{
    if (list->count == list->capacity) {
        uint32_t capacity = list->capacity ? list->capacity * 2 : 4;
        if (list->capacity &&
            arena_extend(arena, list->items, list->capacity * sizeof *list->items, capacity * sizeof *list->items)) {
            list->capacity = capacity;
            list->items[list->count++] = node;
            return true;
        }
        Node **items = arena_alloc(arena, capacity * sizeof *items);
        if (!items)
            return false;
        if (list->count)
            memcpy(items, list->items, list->count * sizeof *items);
        list->items = items;
        list->capacity = capacity;
    }
    list->items[list->count++] = node;
    return true;
}

void ast_visit_bound_names(Node *pattern, void (*visit)(void *data, Node *identifier), void *data)
{
    if (!pattern)
        return;
    switch (pattern->kind) {
    case AST_IDENTIFIER:
        visit(data, pattern);
        break;
    case AST_ASSIGN_PATTERN:
        ast_visit_bound_names(pattern->as.binary.left, visit, data);
        break;
    case AST_REST_ELEMENT:
        ast_visit_bound_names(pattern->as.spread.argument, visit, data);
        break;
    case AST_ARRAY_PATTERN:
        for (uint32_t i = 0; i < pattern->as.array.elements.count; i++)
            ast_visit_bound_names(pattern->as.array.elements.items[i], visit, data);
        break;
    case AST_OBJECT_PATTERN:
        for (uint32_t i = 0; i < pattern->as.object.properties.count; i++) {
            Node *prop = pattern->as.object.properties.items[i];
            ast_visit_bound_names(prop->kind == AST_PROPERTY ? prop->as.property.value : prop, visit, data);
        }
        break;
    default:
        break;
    }
}

const char *ast_kind_name(AstKind kind)
{
    static const char *const names[] = {
#define NODE_STRUCT(name, ...)
#define NODE_KIND(kind, name) #kind,
#include "parser/ast.def"
#undef NODE_STRUCT
#undef NODE_KIND
    };
    return kind < AST__COUNT ? names[kind] : "?";
}

#define ENUM_NAME_FUNCTION(function, ...)                                  \
    const char *function(int value)                                        \
    {                                                                      \
        static const char *const names[] = { __VA_ARGS__ };                \
        int count = (int)(sizeof names / sizeof *names);                   \
        return value >= 0 && value < count ? names[value] : "?";           \
    }

ENUM_NAME_FUNCTION(ast_var_kind_name, "var", "let", "const", "using", "await using")
ENUM_NAME_FUNCTION(ast_function_kind_name, "normal", "arrow", "method", "getter", "setter", "constructor",
                   "derived constructor", "field initializer")
ENUM_NAME_FUNCTION(ast_member_kind_name, "method", "getter", "setter", "field", "accessor", "constructor")
ENUM_NAME_FUNCTION(ast_property_kind_name, "init", "method", "getter", "setter", "proto")
ENUM_NAME_FUNCTION(ast_import_phase_name, "evaluation", "source", "defer")

bool ast_name_equals(AstName name, const char *cstr)
{
    size_t len = strlen(cstr);
    return name.len == len && memcmp(name.chars, cstr, len) == 0;
}
