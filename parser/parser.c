/*
 * The parser's core: the token cursor, error reporting, node allocation,
 * scopes and declarations, and parse_program(), the entry point.
 *
 * The grammar itself is spread by topic over parse_stmt.c, parse_expr.c,
 * parse_pattern.c, parse_function.c, parse_class.c and parse_module.c.
 */
#include "parser/parser_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

/* ---- Errors ---- */

static void fill_error_position(Parser *p, uint32_t offset)
{
    ParseError *error = p->error;
    if (offset > p->len)
        offset = p->len;
    error->offset = offset;
    lexer_locate(p->src, p->len, offset, &error->line, &error->col);
    error->length = 1;
    if (offset == TOK.start && TOK.end > TOK.start)
        error->length = TOK.end - TOK.start;
    if (offset == p->len)
        error->length = 0;   /* at the end of input node shows no caret */
}

void parser_error_range(Parser *p, uint32_t start, uint32_t end, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    vsnprintf(p->error->message, sizeof p->error->message, fmt, args);
    va_end(args);
    p->error->name = "SyntaxError";
    fill_error_position(p, start);
    p->error->length = end >= start ? end - start : 1;   /* 0: no caret, as V8 for some errors */
    longjmp(p->fail, 1);
}

void parser_error_at(Parser *p, uint32_t offset, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    vsnprintf(p->error->message, sizeof p->error->message, fmt, args);
    va_end(args);
    p->error->name = "SyntaxError";
    fill_error_position(p, offset);
    longjmp(p->fail, 1);
}

static _Noreturn void parser_range_error(Parser *p, const char *message)
{
    snprintf(p->error->message, sizeof p->error->message, "%s", message);
    p->error->name = "RangeError";
    fill_error_position(p, TOK.start);
    longjmp(p->fail, 1);
}

/* The message V8 gives for a token that cannot start or continue here. */
void parser_error_unexpected(Parser *p)
{
    const Token *t = &TOK;
    /* `await x` where await is only an identifier: say what V8 says */
    if (p->last_await_ident && p->prev_end == p->last_await_ident - 1 + 5 && !t->newline_before &&
        t->type != T_EOF)
        parser_error_range(p, p->last_await_ident - 1, p->prev_end,
                           "await is only valid in async functions and the top level bodies of modules");
    switch (t->type) {
    case T_EOF:
        parser_error_at(p, p->len, "Unexpected end of input");
    case T_IDENTIFIER:
        if (p->fn->is_strict && is_reserved_in_strict((AstName){ t->value.name.chars, t->value.name.len }) && !(t->flags & TF_ESCAPED))
            parser_error_at(p, t->start, "Unexpected strict mode reserved word");
        parser_error_at(p, t->start, "Unexpected identifier '%.*s'", (int)t->value.name.len, t->value.name.chars);
    case T_PRIVATE_NAME:
        parser_error_at(p, t->start, "Unexpected identifier '#%.*s'", (int)t->value.name.len, t->value.name.chars);
    case T_NUMBER:
    case T_BIGINT:
        parser_error_at(p, t->start, "Unexpected number");
    case T_STRING:
        parser_error_at(p, t->start, "Unexpected string");
    case T_TEMPLATE:
    case T_TEMPLATE_HEAD:
    case T_TEMPLATE_MIDDLE:
    case T_TEMPLATE_TAIL:
        parser_error_at(p, t->start, "Unexpected template string");
    case T_REGEXP:
        parser_error_at(p, t->start, "Unexpected regular expression");
    case T_ERROR:
        parser_error_at(p, t->error_offset, "%s", p->lexer.error ? p->lexer.error : "Invalid or unexpected token");
    case T_ENUM:
        parser_error_at(p, t->start, "Unexpected reserved word");
    case T_YIELD:
        if (p->fn->is_strict && !p->fn->is_generator)
            parser_error_at(p, t->start, "Unexpected strict mode reserved word");
        break;
    case T_AWAIT:
        if (p->fn->is_async || p->is_module)
            parser_error_at(p, t->start, "Unexpected reserved word");
        break;
    default:
        break;
    }
    parser_error_at(p, t->start, "Unexpected token '%s'", token_type_text(t->type));
}

/* ---- Token cursor ---- */

static void check_lexer_error(Parser *p)
{
    if (TOK.type == T_ERROR)
        parser_error_at(p, TOK.error_offset, "%s", p->lexer.error ? p->lexer.error : "Invalid or unexpected token");
}

void parser_next(Parser *p)
{
    p->prev_end = TOK.end;
    p->prev_line = TOK.line;
    lexer_next(&p->lexer);
    check_lexer_error(p);
}

bool parser_at(Parser *p, TokenType type)
{
    return TOK.type == type;
}

bool parser_eat(Parser *p, TokenType type)
{
    if (TOK.type != type)
        return false;
    parser_next(p);
    return true;
}

void parser_expect(Parser *p, TokenType type)
{
    if (TOK.type != type)
        parser_error_unexpected(p);
    parser_next(p);
}

bool parser_at_contextual(Parser *p, ContextualWord word)
{
    return TOK.type == T_IDENTIFIER && TOK.contextual == word && !(TOK.flags & TF_ESCAPED);
}

/* ES2025 12.10.1 Rules of Automatic Semicolon Insertion */
bool parser_can_insert_semicolon(Parser *p)
{
    return TOK.type == T_RBRACE || TOK.type == T_EOF || TOK.newline_before;
}

void parser_semicolon(Parser *p)
{
    if (parser_eat(p, T_SEMICOLON))
        return;
    if (!parser_can_insert_semicolon(p))
        parser_error_unexpected(p);
}

Token parser_peek_token(Parser *p)
{
    LexerMark mark;
    lexer_mark(&p->lexer, &mark);
    lexer_next(&p->lexer);
    Token next = TOK;
    lexer_reset(&p->lexer, &mark);
    return next;
}

TokenType parser_peek(Parser *p, bool *newline_before)
{
    Token next = parser_peek_token(p);
    if (newline_before)
        *newline_before = next.newline_before;
    return next.type;
}

AstName parser_token_name(Parser *p)
{
    AstName name = { TOK.value.name.chars, TOK.value.name.len };
    return name;
}

bool name_is(AstName name, const char *text)
{
    size_t len = strlen(text);
    return name.len == len && memcmp(name.chars, text, len) == 0;
}

/*
 * Whether the current token can be an Identifier here (ES2025 13.1
 * IdentifierReference, BindingIdentifier, LabelIdentifier): any identifier,
 * and yield / await where they are not operators. Checks of strict-mode
 * reserved words happen where the name is used.
 */
bool parser_is_identifier_token(Parser *p)
{
    switch (TOK.type) {
    case T_IDENTIFIER:
        return true;
    case T_YIELD:
        return !p->fn->is_generator && !p->fn->is_strict;
    case T_AWAIT:
        return !p->fn->is_async && !p->is_module && !p->fn->in_static_block;
    default:
        return false;
    }
}

/* Legacy octal literals and escapes are errors in strict code (ES2025
 * 12.9.3.1 and 12.9.4.1 Static Semantics: Early Errors). */
void parser_check_legacy_octal(Parser *p, const Token *token)
{
    if (!(token->flags & TF_LEGACY_OCTAL) || !p->fn->is_strict)
        return;
    if (token->type == T_STRING)
        parser_error_at(p, token->error_offset, "%s", lexer_escape_error_message(p->src, p->len, token->error_offset, false));
    if (token->flags & TF_NON_OCTAL_DECIMAL)
        parser_error_at(p, token->start, "Decimals with leading zeros are not allowed in strict mode.");
    parser_error_at(p, token->start, "Octal literals are not allowed in strict mode.");
}

/* ---- Nodes ---- */

Node *parser_new_node(Parser *p, AstKind kind)
{
    Node *node = ast_new_node(p->arena, kind, TOK.start, TOK.line, TOK.col);
    if (!node)
        parser_range_error(p, "Out of memory while parsing");
    return node;
}

Node *parser_new_node_at(Parser *p, AstKind kind, const Node *start)
{
    Node *node = ast_new_node(p->arena, kind, start->start, start->line, start->col);
    if (!node)
        parser_range_error(p, "Out of memory while parsing");
    return node;
}

Node *parser_finish(Parser *p, Node *node)
{
    node->end = p->prev_end;
    return node;
}

void parser_push(Parser *p, NodeList *list, Node *node)
{
    if (!ast_list_push(p->arena, list, node))
        parser_range_error(p, "Out of memory while parsing");
}

/* Nesting is bounded by the C stack left, measured from parse_program's
 * frame, so deep input fails cleanly (as V8's RangeError does) instead of
 * overflowing the stack: the parser may use half of the stack's limit, and
 * at most 4 MB. (The parser runs on the main thread, whose stack the limit
 * describes.) */
static size_t parser_stack_budget(void)
{
    struct rlimit limit;
    size_t budget = 4u << 20;
    if (getrlimit(RLIMIT_STACK, &limit) != 0)
        budget = 1u << 20;
    else if (limit.rlim_cur != RLIM_INFINITY && (size_t)limit.rlim_cur / 2 < budget)
        budget = (size_t)limit.rlim_cur / 2;
    return budget;
}

void parser_enter(Parser *p)
{
    char here;
    p->depth++;
    if ((size_t)(p->stack_base - &here) > p->stack_budget || p->depth > 100000)
        parser_range_error(p, "Maximum call stack size exceeded");
}

void parser_leave(Parser *p)
{
    p->depth--;
}

/* ---- Scopes and declarations ---- */

Scope *parser_push_scope(Parser *p, ScopeKind kind)
{
    Scope *scope = scope_new(p->arena, kind, p->fn->scope);
    if (!scope)
        parser_range_error(p, "Out of memory while parsing");
    scope->is_strict = p->fn->is_strict;
    p->fn->scope = scope;
    return scope;
}

void parser_pop_scope(Parser *p, Scope *scope)
{
    p->fn->scope = scope->parent;
}

static void add_declaration(Parser *p, Scope *scope, AstName name, DeclKind kind, uint32_t offset)
{
    if (!scope_add(p->arena, scope, name, kind, offset))
        parser_range_error(p, "Out of memory while parsing");
}

static _Noreturn void redeclaration_error(Parser *p, AstName name, uint32_t offset)
{
    parser_error_at(p, offset, "Identifier '%.*s' has already been declared", (int)name.len, name.chars);
}

/*
 * A var declaration is visible from its statement up to the enclosing
 * function: it conflicts with lexical declarations of every scope on the
 * way (ES2025 14.2.1 and 15.2.1 Early Errors: "any element of the
 * LexicallyDeclaredNames ... also occurs in the VarDeclaredNames"), except a
 * simple catch parameter (Annex B.3.4). The var is recorded in each of those
 * scopes, so a later lexical declaration there finds it.
 */
static void declare_var(Parser *p, AstName name, uint32_t offset)
{
    for (Scope *scope = p->fn->scope;; scope = scope->parent) {
        Declaration *existing = scope_find(scope, name);
        if (existing) {
            if (decl_kind_is_lexical(existing->kind) || existing->kind == DECL_CATCH_PATTERN) {
                redeclaration_error(p, name, offset);
            }
        } else {
            add_declaration(p, scope, name, DECL_VAR, offset);
        }
        if (scope == p->fn->var_scope)
            break;
    }
}

/* Whether declaring `incoming` where `existing` is declared in the same scope
 * is an error. var-like kinds (var, top-level functions, parameters) may
 * repeat; in sloppy blocks plain function declarations may too (B.3.2.4). */
static bool declarations_conflict(int existing, int incoming)
{
    bool existing_lexical = decl_kind_is_lexical(existing) || existing == DECL_CATCH_PARAM ||
                            existing == DECL_CATCH_PATTERN;
    bool incoming_lexical = decl_kind_is_lexical(incoming);
    if (existing == DECL_SLOPPY_FUNCTION && incoming == DECL_SLOPPY_FUNCTION)
        return false;
    if (incoming == DECL_PARAM || incoming == DECL_CATCH_PARAM || incoming == DECL_CATCH_PATTERN)
        return existing_lexical || existing == DECL_PARAM || existing == DECL_CATCH_PARAM ||
               existing == DECL_CATCH_PATTERN;
    return existing_lexical || incoming_lexical;
}

void parser_declare(Parser *p, AstName name, DeclKind kind, uint32_t offset)
{
    if (kind == DECL_VAR) {
        declare_var(p, name, offset);
        return;
    }
    Scope *scope = p->fn->scope;
    if (kind == DECL_VAR_FUNCTION)
        scope = p->fn->var_scope;
    Declaration *existing = scope_find(scope, name);
    if (existing) {
        if (declarations_conflict(existing->kind, kind))
            redeclaration_error(p, name, offset);
        if (existing->kind == DECL_VAR && kind == DECL_VAR_FUNCTION)
            existing->kind = DECL_VAR_FUNCTION;
        return;
    }
    add_declaration(p, scope, name, kind, offset);
}

typedef struct DeclareContext {
    Parser *parser;
    DeclKind kind;
} DeclareContext;

static void declare_bound_name(void *data, Node *identifier)
{
    DeclareContext *context = data;
    parser_declare(context->parser, identifier->as.identifier.name, context->kind, identifier->start);
}

/* Declares every name a pattern binds (ES2025 8.2.1 BoundNames). */
void parser_declare_pattern(Parser *p, Node *pattern, DeclKind kind)
{
    DeclareContext context = { p, kind };
    ast_visit_bound_names(pattern, declare_bound_name, &context);
}

/* ---- Entry point ---- */

Node *parse_program(Arena *arena, const char *src, uint32_t len, const ParseOptions *options, ParseError *error)
{
    Parser parser;
    Parser *p = &parser;
    memset(p, 0, sizeof *p);
    memset(error, 0, sizeof *error);
    p->arena = arena;
    p->src = src;
    p->len = len;
    p->is_module = options->is_module;
    p->error = error;

    char base;
    p->stack_base = &base;
    p->stack_budget = parser_stack_budget();

    FunctionState top;
    memset(&top, 0, sizeof top);
    top.is_strict = options->is_module || options->is_strict;
    top.is_async = options->is_module;     /* top-level await */
    top.allow_return = options->is_commonjs && !options->is_module;
    top.allow_new_target = top.allow_return || options->allow_new_target;
    p->fn = &top;

    if (setjmp(p->fail))
        return NULL;

    lexer_init(&p->lexer, arena, src, len, options->is_module);
    Node *program = ast_new_node(arena, AST_PROGRAM, 0, 1, 0);
    if (!program)
        parser_range_error(p, "Out of memory while parsing");
    p->program = program;
    Scope *scope = scope_new(arena, options->is_module ? SCOPE_MODULE : SCOPE_SCRIPT, NULL);
    if (!scope)
        parser_range_error(p, "Out of memory while parsing");
    scope->is_strict = top.is_strict;
    top.var_scope = top.scope = scope;
    program->as.program.scope = scope;
    program->as.program.is_module = options->is_module;

    lexer_next(&p->lexer);
    check_lexer_error(p);
    parse_directives_and_statements(p, &program->as.program.body, T_EOF, NULL);
    program->as.program.is_strict = top.is_strict;
    program->end = len;
    if (options->is_module)
        check_module_exports(p, program);
    if (arena->failed)
        parser_range_error(p, "Out of memory while parsing");
    return program;
}
