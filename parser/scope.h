/*
 * Scopes as the parser sees them: which names each construct declares, and
 * how. The parser uses them for the early errors about declarations
 * (ES2025 8.2 Scope Analysis; "It is a Syntax Error if the LexicallyDeclaredNames
 * of StatementList contains any duplicate entries", and the like). The
 * compiler (vm/) later uses the same records to resolve each identifier to a
 * local slot, a captured variable or a global lookup.
 */
#ifndef NODUS_PARSER_SCOPE_H
#define NODUS_PARSER_SCOPE_H

#include <stdbool.h>
#include <stdint.h>

#include "lexer/arena.h"
#include "parser/ast.h"

typedef enum ScopeKind {
    SCOPE_SCRIPT,
    SCOPE_MODULE,
    SCOPE_FUNCTION,       /* a function's parameters and var declarations */
    SCOPE_BLOCK,          /* block, switch, for-loop head */
    SCOPE_CATCH,          /* a catch clause: its parameter and its block's lexical names */
    SCOPE_CLASS,          /* the class binding inside a class body */
} ScopeKind;

typedef enum DeclKind {
    DECL_VAR,             /* var, or a var passing through a block on its way up */
    DECL_LET,
    DECL_CONST,
    DECL_USING,           /* using and await using */
    DECL_CLASS,
    DECL_FUNCTION,        /* a function declared in a block or module: lexical */
    DECL_SLOPPY_FUNCTION, /* plain function in a sloppy block: may be redeclared (Annex B.3.2.4) */
    DECL_VAR_FUNCTION,    /* a function at the top level of a function or script: var-like */
    DECL_PARAM,
    DECL_CATCH_PARAM,     /* catch (e): a single identifier */
    DECL_CATCH_PATTERN,   /* catch ([e]): bound by a pattern */
    DECL_IMPORT,
} DeclKind;

typedef struct Declaration {
    AstName name;
    uint8_t kind;         /* DeclKind */
    uint32_t offset;      /* where it is declared, for messages */
} Declaration;

struct Scope {
    uint8_t kind;         /* ScopeKind */
    bool is_strict;
    Scope *parent;
    Declaration *decls;
    uint32_t count, capacity;
    uint32_t *index;      /* open-addressing hash of decls (indices + 1) once count grows */
    uint32_t index_capacity;
};

Scope *scope_new(Arena *arena, ScopeKind kind, Scope *parent);
/* The declaration of name in this scope alone, or NULL. */
Declaration *scope_find(Scope *scope, AstName name);
/* Adds a declaration (no checks); false when out of memory. */
bool scope_add(Arena *arena, Scope *scope, AstName name, DeclKind kind, uint32_t offset);

static inline bool decl_kind_is_lexical(int kind)
{
    return kind == DECL_LET || kind == DECL_CONST || kind == DECL_USING || kind == DECL_CLASS ||
           kind == DECL_FUNCTION || kind == DECL_SLOPPY_FUNCTION || kind == DECL_IMPORT;
}

const char *scope_kind_name(int kind);
const char *decl_kind_name(int kind);

#endif
