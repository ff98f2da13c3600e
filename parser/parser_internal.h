/*
 * Shared state of the recursive-descent parser. Only the parser's own files include this.
 *
 * Errors: the parser stops at the first syntax error. parser_error() records
 * it and longjmps back to parse_program(); everything allocated lives in the
 * arena, so nothing needs unwinding. Functions that parse therefore return
 * their node directly and never a failure value.
 */
#ifndef NODUS_PARSER_PARSER_INTERNAL_H
#define NODUS_PARSER_PARSER_INTERNAL_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>

#include "lexer/lexer.h"
#include "parser/ast.h"
#include "parser/parser.h"
#include "parser/scope.h"

/* Nesting limit for expressions, statements and patterns: deeper input is a
 * RangeError-like failure, reported before the C stack runs out. */
enum { PARSER_MAX_DEPTH = 2000 };

typedef struct Label {
    AstName name;
    bool is_loop;             /* labels an iteration statement: continue may target it */
    bool pending;             /* still directly labelling the statement being started */
    struct Label *next;
} Label;

/* A private name seen in a class body: declared there, or used and not yet
 * resolved (ES2025 15.7.1 AllPrivateIdentifiersValid). */
typedef struct PrivateName {
    AstName name;
    uint32_t offset;
    uint8_t kind;             /* PRIVATE_FIELD, ..., or PRIVATE_USE for a reference */
    bool is_static;
    struct PrivateName *next;
} PrivateName;

enum { PRIVATE_USE, PRIVATE_FIELD, PRIVATE_METHOD, PRIVATE_GETTER, PRIVATE_SETTER, PRIVATE_ACCESSOR };

typedef struct ClassState {
    struct ClassState *parent;
    PrivateName *declared;
    PrivateName *used;
} ClassState;

/* What the code being parsed may contain: one per function (and one for the
 * script or module). Arrow functions get their own, inheriting what arrows
 * inherit (this, super, new.target, arguments). */
typedef struct FunctionState {
    struct FunctionState *parent;
    Node *node;               /* the FUNCTION node, NULL at top level */
    Scope *var_scope;
    Scope *scope;             /* innermost scope */
    bool is_strict;
    bool is_async;            /* await is an operator ([Await]) */
    bool is_generator;        /* yield is an operator ([Yield]) */
    bool is_arrow;
    bool allow_return;
    bool allow_super_property;
    bool allow_super_call;
    bool allow_new_target;
    bool in_class_field;      /* class field initializer: no arguments */
    bool in_static_block;     /* await is reserved (not inherited by arrows) */
    bool no_arguments;        /* class field initializer or static block, and arrows in them */
    bool in_params;           /* parsing formal parameters */
    Label *labels;
    int loop_depth;           /* enclosing iteration statements (continue) */
    int breakable_depth;      /* enclosing iteration and switch statements (break) */
} FunctionState;

/*
 * Errors found while parsing an expression that could still turn out to be
 * a pattern (cover grammars, ES2025 13.2.5.1 and 13.15.1): each is the byte
 * offset + 1 of the first occurrence, 0 when none.
 */
typedef struct CoverErrors {
    uint32_t shorthand_init;  /* { a = 1 }: only valid as a pattern */
    uint32_t double_proto;    /* two __proto__: properties: only valid as a pattern */
} CoverErrors;

typedef struct Parser {
    Lexer lexer;
    Arena *arena;
    const char *src;
    uint32_t len;
    bool is_module;
    ParseError *error;
    jmp_buf fail;
    int depth;

    /* the token before the current one */
    uint32_t prev_end;
    uint32_t prev_line;

    FunctionState *fn;
    ClassState *class_state;

    /* Offsets + 1 of the first yield/await expression and of `await` used as
     * an identifier since the last reset: arrow parameters must contain none. */
    uint32_t yield_pos;
    uint32_t await_pos;
    uint32_t await_ident_pos;
    uint32_t last_await_ident;   /* offset + 1 of the last `await` read as an identifier */

    bool allow_in;            /* the innermost AssignmentExpression's [In] */

    /* module bookkeeping: exported names, and `export { local }` references
     * checked when the module ends (parse_module.c) */
    Node *program;
    struct ExportRecord *exported_names;
    struct ExportRecord *exported_locals;

    /* the C stack: nesting fails cleanly before it runs out */
    char *stack_base;
    size_t stack_budget;
} Parser;

#define TOK (p->lexer.tok)

/* parser.c: tokens, errors, nodes */
_Noreturn void parser_error_at(Parser *p, uint32_t offset, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
_Noreturn void parser_error_range(Parser *p, uint32_t start, uint32_t end, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
_Noreturn void parser_error_unexpected(Parser *p);
void parser_next(Parser *p);
bool parser_at(Parser *p, TokenType type);
bool parser_eat(Parser *p, TokenType type);
void parser_expect(Parser *p, TokenType type);
bool parser_at_contextual(Parser *p, ContextualWord word);  /* unescaped contextual word */
void parser_semicolon(Parser *p);                          /* ;, or automatic insertion */
bool parser_can_insert_semicolon(Parser *p);
TokenType parser_peek(Parser *p, bool *newline_before);    /* type of the token after the current one */
Token parser_peek_token(Parser *p);
Node *parser_new_node(Parser *p, AstKind kind);            /* starts at the current token */
Node *parser_new_node_at(Parser *p, AstKind kind, const Node *start);
Node *parser_finish(Parser *p, Node *node);                /* sets end to the previous token's end */
void parser_push(Parser *p, NodeList *list, Node *node);
void parser_enter(Parser *p);                              /* nesting depth check */
void parser_leave(Parser *p);
AstName parser_token_name(Parser *p);                      /* identifier or keyword text of TOK */
bool parser_is_identifier_token(Parser *p);                /* an IdentifierName that may be an Identifier here */
void parser_check_legacy_octal(Parser *p, const Token *token);
bool name_is(AstName name, const char *text);

/* scopes (parser.c) */
Scope *parser_push_scope(Parser *p, ScopeKind kind);
void parser_pop_scope(Parser *p, Scope *scope);
void parser_declare(Parser *p, AstName name, DeclKind kind, uint32_t offset);
void parser_declare_pattern(Parser *p, Node *pattern, DeclKind kind);

/* parse_expr.c */
Node *parse_expression(Parser *p, bool allow_in);
Node *parse_assignment(Parser *p, bool allow_in, CoverErrors *cover);
Node *parse_assignment_expression(Parser *p, bool allow_in);
Node *parse_lhs_expression(Parser *p);
Node *parse_identifier_reference(Parser *p);
Node *parse_property_name(Parser *p, bool *is_computed, bool allow_private);
Node *parse_template(Parser *p, bool is_tagged);
Node *parse_arguments(Parser *p, NodeList *list);
void check_cover_errors(Parser *p, const CoverErrors *cover);

/* parse_pattern.c */
Node *parse_binding_target(Parser *p, DeclKind kind);       /* BindingIdentifier or BindingPattern */
Node *parse_binding_element(Parser *p, DeclKind kind);      /* target with optional initializer */
Node *parse_binding_identifier(Parser *p, DeclKind kind);
void check_binding_name(Parser *p, AstName name, uint32_t offset, const Token *token);
Node *expression_to_pattern(Parser *p, Node *expr, bool is_binding);
void check_simple_assignment_target(Parser *p, Node *expr, bool is_update);
bool is_reserved_in_strict(AstName name);

/* parse_function.c */
Node *parse_function(Parser *p, AstKind kind, bool is_async, uint32_t start_offset, const Node *start_node, bool is_default_export);
Node *parse_arrow_function(Parser *p, Node *start, NodeList *params, bool is_async);
Node *parse_method(Parser *p, const Node *start, AstFunctionKind kind, bool is_async, bool is_generator);
void parse_function_params_and_body(Parser *p, Node *fn);
void parse_function_body(Parser *p, Node *fn, bool expression_body);
void check_params_after_strict(Parser *p, Node *fn);
FunctionState *parser_enter_function(Parser *p, FunctionState *state, Node *fn, bool is_arrow);
void parser_leave_function(Parser *p, FunctionState *state);

/* parse_class.c */
Node *parse_class(Parser *p, AstKind kind, bool is_default_export, NodeList *decorators, const Node *start);
Node *parse_decorators(Parser *p, NodeList *list);
void parser_use_private_name(Parser *p, AstName name, uint32_t offset);

/* parse_stmt.c */
Node *parse_statement_list_item(Parser *p);
Node *parse_statement(Parser *p);
void parse_directives_and_statements(Parser *p, NodeList *body, TokenType end, Node *fn);
Node *parse_block(Parser *p, bool new_scope);
Node *parse_variable_declaration(Parser *p, AstVarKind kind, bool allow_in, bool in_for);
bool parser_at_let_declaration(Parser *p);
bool parser_at_using_declaration(Parser *p, bool *is_await);

/* parse_module.c */
Node *parse_import_declaration(Parser *p);
Node *parse_export_declaration(Parser *p);
Node *parse_import_call_or_meta(Parser *p);
void check_module_exports(Parser *p, Node *program);

#endif
