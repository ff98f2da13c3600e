/*
 * The AST: node kinds and payloads come from parser/ast.def. Nodes live in
 * the parse's arena and are freed with it.
 */
#ifndef NODUS_PARSER_AST_H
#define NODUS_PARSER_AST_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "lexer/arena.h"
#include "lexer/lexer.h"

typedef struct Node Node;
typedef struct Scope Scope;

typedef struct NodeList {
    Node **items;
    uint32_t count;
    uint32_t capacity;
} NodeList;

typedef struct AstName {      /* UTF-8, not NUL-terminated */
    const char *chars;
    uint32_t len;
} AstName;

typedef struct AstString {    /* UTF-16 code units */
    const uint16_t *chars;
    uint32_t len;
} AstString;

typedef enum AstKind {
#define NODE_STRUCT(name, ...)
#define NODE_KIND(kind, name) AST_##kind,
#include "parser/ast.def"
#undef NODE_STRUCT
#undef NODE_KIND
    AST__COUNT
} AstKind;

typedef enum AstVarKind { VAR_KIND_VAR, VAR_KIND_LET, VAR_KIND_CONST, VAR_KIND_USING, VAR_KIND_AWAIT_USING } AstVarKind;

typedef enum AstFunctionKind {
    FUNCTION_KIND_NORMAL,       /* function declaration or expression */
    FUNCTION_KIND_ARROW,
    FUNCTION_KIND_METHOD,       /* object or class method */
    FUNCTION_KIND_GETTER,
    FUNCTION_KIND_SETTER,
    FUNCTION_KIND_CLASS_CONSTRUCTOR,
    FUNCTION_KIND_DERIVED_CONSTRUCTOR,  /* constructor of a class with extends */
    FUNCTION_KIND_FIELD_INIT,   /* synthesized: a class field initializer */
} AstFunctionKind;

typedef enum AstMemberKind {
    MEMBER_KIND_METHOD, MEMBER_KIND_GETTER, MEMBER_KIND_SETTER,
    MEMBER_KIND_FIELD, MEMBER_KIND_ACCESSOR,   /* accessor x = 1 (decorators proposal) */
    MEMBER_KIND_CONSTRUCTOR,
} AstMemberKind;

typedef enum AstPropertyKind {
    PROPERTY_KIND_INIT,         /* a: v, a (shorthand), [k]: v */
    PROPERTY_KIND_METHOD,
    PROPERTY_KIND_GETTER,
    PROPERTY_KIND_SETTER,
    PROPERTY_KIND_PROTO,        /* __proto__: v (ES2025 13.2.5.5, sets the prototype) */
} AstPropertyKind;

typedef enum AstImportPhase { IMPORT_PHASE_EVALUATION, IMPORT_PHASE_SOURCE, IMPORT_PHASE_DEFER } AstImportPhase;

/* Node flags */
enum {
    NF_PARENTHESIZED = 1 << 0,   /* written inside ( ) */
    NF_EXPRESSION_BODY = 1 << 1, /* arrow function with a concise body */
    NF_TAIL = 1 << 2,            /* reserved for the compiler */
};

#define F_NODE(f) Node *f;
#define F_LIST(f) NodeList f;
#define F_NAME(f) AstName f;
#define F_STRING(f) AstString f;
#define F_NUMBER(f) double f;
#define F_BOOL(f) bool f;
#define F_TOKEN(f) TokenType f;
#define F_ENUM(f, e) int f;
#define F_SCOPE(f) Scope *f;
#define NODE_STRUCT(name, ...) struct ast_##name { __VA_ARGS__ char unused_; };
#define NODE_KIND(kind, name)
#include "parser/ast.def"
#undef NODE_STRUCT
#undef NODE_KIND

struct Node {
    uint16_t kind;            /* AstKind */
    uint16_t flags;           /* NF_* */
    uint32_t start, end;      /* byte offsets of the source text, [start, end) */
    uint32_t line;            /* 1-based line of start */
    uint32_t col;             /* 0-based column of start, UTF-16 code units */
    union {
#define NODE_STRUCT(name, ...) struct ast_##name name;
#define NODE_KIND(kind, name)
#include "parser/ast.def"
#undef NODE_STRUCT
#undef NODE_KIND
    } as;
};

#undef F_NODE
#undef F_LIST
#undef F_NAME
#undef F_STRING
#undef F_NUMBER
#undef F_BOOL
#undef F_TOKEN
#undef F_ENUM
#undef F_SCOPE

/* A new zeroed node of the given kind, or NULL when the arena is exhausted.
 * A node is allocated with room for its own kind's payload only, so that
 * small nodes (identifiers, literals) stay small. */
Node *ast_new_node(Arena *arena, AstKind kind, uint32_t start, uint32_t line, uint32_t col);
/* Reinterprets a node as another kind whose payload is no larger (an
 * ARRAY_EXPR that turns out to be an ARRAY_PATTERN, ...). */
void ast_set_kind(Node *node, AstKind kind);
/* Appends to a list, growing it in the arena; false when out of memory. */
bool ast_list_push(Arena *arena, NodeList *list, Node *node);

/* Calls visit(data, identifier) for every name a pattern binds, in source
 * order (ES2025 8.2.1 Static Semantics: BoundNames). pattern is a binding
 * identifier, an ARRAY_PATTERN, OBJECT_PATTERN, ASSIGN_PATTERN or
 * REST_ELEMENT; NULL and holes are skipped. */
void ast_visit_bound_names(Node *pattern, void (*visit)(void *data, Node *identifier), void *data);

const char *ast_kind_name(AstKind kind);
const char *ast_var_kind_name(int kind);
const char *ast_function_kind_name(int kind);
const char *ast_member_kind_name(int kind);
const char *ast_property_kind_name(int kind);
const char *ast_import_phase_name(int kind);

bool ast_name_equals(AstName name, const char *cstr);

/* --dump-ast: a readable, stable, indented tree. */
void ast_dump(FILE *out, const Node *node);

#endif
