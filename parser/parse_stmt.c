/*
 * Statements and declarations (ES2025 14 ECMAScript Language: Statements
 * and Declarations), directive prologues, labels, and the Annex B
 * allowances for sloppy code (B.3.1 labelled function declarations, B.3.3
 * function declarations in if statement clauses, B.3.4 var redeclaring a
 * catch parameter, B.3.5 initializers in for-in heads).
 */
#include "parser/parser_internal.h"

#include <string.h>

static Node *parse_statement_inner(Parser *p, bool no_labelled_function);

/* ---- Directive prologues (ES2025 11.2.1) ---- */

static bool is_use_strict(Parser *p, const Node *stmt)
{
    /* The directive must be spelled exactly, without escapes or line
     * continuations: compare the source text between the quotes. */
    const Node *string = stmt->as.expression_stmt.expression;
    uint32_t len = string->end - string->start;
    return len == 12 && memcmp(p->src + string->start + 1, "use strict", 10) == 0;
}

static void make_strict(Parser *p, Node *fn, const Node *directive, uint32_t octal_offset)
{
    if (fn && !fn->as.function.has_simple_params)
        parser_error_range(p, directive->start, directive->end,
                           "Illegal 'use strict' directive in function with non-simple parameter list");
    p->fn->is_strict = true;
    p->fn->scope->is_strict = true;
    if (octal_offset)
        parser_error_at(p, octal_offset - 1, "Octal escape sequences are not allowed in strict mode.");
}

/*
 * StatementList of a Script, Module or FunctionBody, starting with its
 * directive prologue. fn is the function whose body this is (NULL for a
 * Script or Module): a "use strict" there needs a simple parameter list.
 */
void parse_directives_and_statements(Parser *p, NodeList *body, TokenType end, Node *fn)
{
    bool in_prologue = true;
    uint32_t octal_offset = 0;   /* first legacy octal escape in the prologue, + 1 */
    while (TOK.type != end) {
        if (in_prologue && TOK.type != T_STRING)
            in_prologue = false;
        Token first = TOK;
        Node *stmt = parse_statement_list_item(p);
        parser_push(p, body, stmt);
        if (!in_prologue)
            continue;
        Node *expr = stmt->kind == AST_EXPRESSION_STMT ? stmt->as.expression_stmt.expression : NULL;
        if (!expr || expr->kind != AST_STRING_LITERAL || (expr->flags & NF_PARENTHESIZED) ||
            expr->start != first.start) {
            in_prologue = false;
            continue;
        }
        stmt->as.expression_stmt.directive.chars = p->src + expr->start + 1;
        stmt->as.expression_stmt.directive.len = expr->end - expr->start - 2;
        if ((first.flags & TF_LEGACY_OCTAL) && !octal_offset)
            octal_offset = first.error_offset + 1;
        if (is_use_strict(p, stmt) && !p->fn->is_strict)
            make_strict(p, fn, expr, octal_offset);
        else if (is_use_strict(p, stmt) && fn && !fn->as.function.has_simple_params)
            make_strict(p, fn, expr, 0);
    }
}

/* ---- Declarations ---- */

/* Is `let` here the start of a LexicalDeclaration (ES2025 14.3.1)? */
bool parser_at_let_declaration(Parser *p)
{
    if (!(TOK.type == T_IDENTIFIER && TOK.contextual == CW_LET))
        return false;
    Token next = parser_peek_token(p);
    if (TOK.flags & TF_ESCAPED) {
        /* l\u0065t is never the keyword; it is an identifier in sloppy code */
        return false;
    }
    switch (next.type) {
    case T_LBRACKET: case T_LBRACE: case T_IDENTIFIER: case T_YIELD: case T_AWAIT:
        return true;
    default:
        /* `let` followed by a reserved word, e.g. `let if`: an error either way */
        return next.type >= T_FIRST_KEYWORD && next.type <= T_LAST_KEYWORD && !next.newline_before &&
               next.type != T_IN && next.type != T_INSTANCEOF;
    }
}

/* `using x` / `await using x` (explicit resource management): the binding
 * must follow on the same line. */
bool parser_at_using_declaration(Parser *p, bool *is_await)
{
    *is_await = false;
    if (parser_at_contextual(p, CW_USING)) {
        Token next = parser_peek_token(p);
        return !next.newline_before &&
               (next.type == T_IDENTIFIER || next.type == T_YIELD || next.type == T_AWAIT);
    }
    if (TOK.type == T_AWAIT && p->fn->is_async && !(TOK.flags & TF_ESCAPED)) {
        LexerMark mark;
        lexer_mark(&p->lexer, &mark);
        lexer_next(&p->lexer);
        Token using_token = TOK;
        lexer_next(&p->lexer);
        Token binding = TOK;
        lexer_reset(&p->lexer, &mark);
        bool yes = using_token.type == T_IDENTIFIER && using_token.contextual == CW_USING &&
                   !(using_token.flags & TF_ESCAPED) && !using_token.newline_before && !binding.newline_before &&
                   (binding.type == T_IDENTIFIER || binding.type == T_YIELD || binding.type == T_AWAIT);
        *is_await = yes;
        return yes;
    }
    return false;
}

static DeclKind decl_kind_of(AstVarKind kind)
{
    switch (kind) {
    case VAR_KIND_VAR: return DECL_VAR;
    case VAR_KIND_LET: return DECL_LET;
    case VAR_KIND_CONST: return DECL_CONST;
    default: return DECL_USING;
    }
}

/*
 * VariableStatement, LexicalDeclaration, UsingDeclaration (ES2025 14.3).
 * The current token is the keyword (var, let, const, using, or await of
 * `await using`). In a for head (in_for), initializers are not checked and
 * names not declared: the for statement does both once it knows its form.
 */
Node *parse_variable_declaration(Parser *p, AstVarKind kind, bool allow_in, bool in_for)
{
    Node *node = parser_new_node(p, AST_VAR_DECL);
    node->as.var_decl.kind = kind;
    if (kind == VAR_KIND_AWAIT_USING)
        parser_next(p);
    parser_next(p);
    DeclKind decl = decl_kind_of(kind);
    bool is_using = kind == VAR_KIND_USING || kind == VAR_KIND_AWAIT_USING;
    do {
        Node *declarator = parser_new_node(p, AST_VAR_DECLARATOR);
        if (is_using && (TOK.type == T_LBRACKET || TOK.type == T_LBRACE))
            parser_error_unexpected(p);
        declarator->as.var_declarator.target = parse_binding_target(p, decl);
        if (parser_eat(p, T_ASSIGN)) {
            declarator->as.var_declarator.init = parse_assignment_expression(p, allow_in);
        } else if (!in_for) {
            Node *target = declarator->as.var_declarator.target;
            if (target->kind != AST_IDENTIFIER)
                parser_error_range(p, target->start, target->end, "Missing initializer in destructuring declaration");
            if (kind == VAR_KIND_CONST || is_using)
                parser_error_range(p, target->start, target->end, "Missing initializer in %s declaration",
                                   is_using ? "using" : "const");
        }
        parser_push(p, &node->as.var_decl.declarations, parser_finish(p, declarator));
        if (!in_for)
            parser_declare_pattern(p, declarator->as.var_declarator.target, decl);
    } while (parser_eat(p, T_COMMA));
    return parser_finish(p, node);
}

static Node *parse_lexical_statement(Parser *p, AstVarKind kind)
{
    Node *node = parse_variable_declaration(p, kind, true, false);
    parser_semicolon(p);
    return parser_finish(p, node);
}

/* ---- Blocks ---- */

/* Block : { StatementList? } (ES2025 14.2). new_scope false: the block
 * shares the current scope (a catch clause's body). */
Node *parse_block(Parser *p, bool new_scope)
{
    Node *node = parser_new_node(p, AST_BLOCK_STMT);
    parser_enter(p);
    parser_expect(p, T_LBRACE);
    Scope *scope = new_scope ? parser_push_scope(p, SCOPE_BLOCK) : p->fn->scope;
    node->as.block.scope = scope;
    while (TOK.type != T_RBRACE) {
        if (TOK.type == T_EOF)
            parser_error_unexpected(p);
        parser_push(p, &node->as.block.body, parse_statement_list_item(p));
    }
    parser_next(p);
    if (new_scope)
        parser_pop_scope(p, scope);
    parser_leave(p);
    return parser_finish(p, node);
}

/* ---- Statements ---- */

static Node *parse_expression_statement(Parser *p)
{
    Node *node = parser_new_node(p, AST_EXPRESSION_STMT);
    node->as.expression_stmt.expression = parse_expression(p, true);
    parser_semicolon(p);
    return parser_finish(p, node);
}

/* ( Expression ): the head of if, while, do-while, with and switch */
static Node *parse_parenthesized_head(Parser *p)
{
    parser_expect(p, T_LPAREN);
    Node *expression = parse_expression(p, true);
    parser_expect(p, T_RPAREN);
    return expression;
}

/* IfStatement (ES2025 14.6); in sloppy code a clause may be a plain
 * FunctionDeclaration, as if in a block of its own (B.3.3). */
static Node *parse_if_clause(Parser *p)
{
    if (TOK.type == T_FUNCTION && !p->fn->is_strict) {
        Node *block = parser_new_node(p, AST_BLOCK_STMT);
        Scope *scope = parser_push_scope(p, SCOPE_BLOCK);
        block->as.block.scope = scope;
        Node *fn = parse_function(p, AST_FUNCTION_DECL, false, TOK.start, block, false);
        if (fn->as.function.is_generator)
            parser_error_at(p, fn->start, "Generators can only be declared at the top level or inside a block.");
        parser_push(p, &block->as.block.body, fn);
        parser_pop_scope(p, scope);
        return parser_finish(p, block);
    }
    return parse_statement(p);
}

static Node *parse_if(Parser *p)
{
    Node *node = parser_new_node(p, AST_IF_STMT);
    parser_next(p);
    node->as.conditional.test = parse_parenthesized_head(p);
    node->as.conditional.consequent = parse_if_clause(p);
    if (parser_eat(p, T_ELSE))
        node->as.conditional.alternate = parse_if_clause(p);
    return parser_finish(p, node);
}

static Node *parse_loop_body(Parser *p)
{
    p->fn->loop_depth++;
    p->fn->breakable_depth++;
    Node *body = parse_statement(p);
    p->fn->loop_depth--;
    p->fn->breakable_depth--;
    return body;
}

static Node *parse_while(Parser *p)
{
    Node *node = parser_new_node(p, AST_WHILE_STMT);
    parser_next(p);
    node->as.while_loop.test = parse_parenthesized_head(p);
    node->as.while_loop.body = parse_loop_body(p);
    return parser_finish(p, node);
}

static Node *parse_do_while(Parser *p)
{
    Node *node = parser_new_node(p, AST_DO_WHILE_STMT);
    parser_next(p);
    node->as.while_loop.body = parse_loop_body(p);
    parser_expect(p, T_WHILE);
    node->as.while_loop.test = parse_parenthesized_head(p);
    /* ES2025 12.10.1: a semicolon is inserted after do-while's ) if missing */
    parser_eat(p, T_SEMICOLON);
    return parser_finish(p, node);
}

/* The declaration of a for-in/of head: one binding, no initializer (but
 * B.3.5: `for (var x = 1 in o)` in sloppy code). */
static void check_for_in_of_declaration(Parser *p, Node *decl, bool is_of)
{
    NodeList *list = &decl->as.var_decl.declarations;
    if (list->count != 1)
        parser_error_at(p, decl->start, "Invalid left-hand side in %s loop: Must have a single binding.",
                        is_of ? "for-of" : "for-in");
    Node *declarator = list->items[0];
    if (!declarator->as.var_declarator.init)
        return;
    bool annex_b = !is_of && !p->fn->is_strict && decl->as.var_decl.kind == VAR_KIND_VAR &&
                   declarator->as.var_declarator.target->kind == AST_IDENTIFIER;
    if (!annex_b)
        parser_error_at(p, decl->start, "%s loop variable declaration may not have an initializer.",
                        is_of ? "for-of" : "for-in");
}

static void declare_for_declaration(Parser *p, Node *decl)
{
    DeclKind kind = decl_kind_of((AstVarKind)decl->as.var_decl.kind);
    NodeList *list = &decl->as.var_decl.declarations;
    for (uint32_t i = 0; i < list->count; i++)
        parser_declare_pattern(p, list->items[i]->as.var_declarator.target, kind);
}

static Node *finish_for_in_of(Parser *p, Node *node, Node *left, bool is_of, bool is_await, Scope *scope)
{
    ast_set_kind(node, is_of ? AST_FOR_OF_STMT : AST_FOR_IN_STMT);
    node->as.for_in_of.left = left;
    node->as.for_in_of.is_await = is_await;
    node->as.for_in_of.scope = scope;
    parser_next(p);   /* in / of */
    node->as.for_in_of.right = is_of ? parse_assignment_expression(p, true) : parse_expression(p, true);
    parser_expect(p, T_RPAREN);
    node->as.for_in_of.body = parse_loop_body(p);
    if (scope)
        parser_pop_scope(p, scope);
    return parser_finish(p, node);
}

static Node *finish_for(Parser *p, Node *node, Node *init, Scope *scope)
{
    ast_set_kind(node, AST_FOR_STMT);
    node->as.for_loop.init = init;
    node->as.for_loop.scope = scope;
    parser_expect(p, T_SEMICOLON);
    if (TOK.type != T_SEMICOLON)
        node->as.for_loop.test = parse_expression(p, true);
    parser_expect(p, T_SEMICOLON);
    if (TOK.type != T_RPAREN)
        node->as.for_loop.update = parse_expression(p, true);
    parser_expect(p, T_RPAREN);
    node->as.for_loop.body = parse_loop_body(p);
    if (scope)
        parser_pop_scope(p, scope);
    return parser_finish(p, node);
}

/* A declaration in a for head: for (var/let/const/using ...) */
static Node *parse_for_declaration(Parser *p, Node *node, AstVarKind kind, bool is_await)
{
    Scope *scope = kind == VAR_KIND_VAR ? NULL : parser_push_scope(p, SCOPE_BLOCK);
    Node *decl = parse_variable_declaration(p, kind, false, true);
    bool is_of = parser_at_contextual(p, CW_OF);
    if (is_of || TOK.type == T_IN) {
        if (!is_of && (kind == VAR_KIND_USING || kind == VAR_KIND_AWAIT_USING))
            parser_error_unexpected(p);
        if (is_await && !is_of)
            parser_error_unexpected(p);
        check_for_in_of_declaration(p, decl, is_of);
        declare_for_declaration(p, decl);
        return finish_for_in_of(p, node, decl, is_of, is_await, scope);
    }
    if (is_await)
        parser_error_unexpected(p);
    NodeList *list = &decl->as.var_decl.declarations;
    for (uint32_t i = 0; i < list->count; i++) {
        Node *declarator = list->items[i];
        if (declarator->as.var_declarator.init)
            continue;
        if (declarator->as.var_declarator.target->kind != AST_IDENTIFIER)
            parser_error_at(p, declarator->end, "Missing initializer in destructuring declaration");
        if (kind != VAR_KIND_VAR && kind != VAR_KIND_LET)
            parser_error_at(p, declarator->end, "Missing initializer in %s declaration",
                            kind == VAR_KIND_CONST ? "const" : "using");
    }
    declare_for_declaration(p, decl);
    return finish_for(p, node, decl, scope);
}

/* Is `using` in a for head a declaration? for (using x of ...), but
 * for (using of ...) is the identifier `using` unless `of` is followed by
 * another `of`... or = / ; (a binding named of). */
static bool for_head_using_declaration(Parser *p, bool *is_await)
{
    if (!parser_at_using_declaration(p, is_await))
        return false;
    if (*is_await)
        return true;
    Token next = parser_peek_token(p);
    if (!(next.type == T_IDENTIFIER && next.contextual == CW_OF && !(next.flags & TF_ESCAPED)))
        return true;
    /* using of ... : look one further */
    LexerMark mark;
    lexer_mark(&p->lexer, &mark);
    lexer_next(&p->lexer);
    lexer_next(&p->lexer);
    TokenType after = TOK.type;
    lexer_reset(&p->lexer, &mark);
    /* for (using of = ...;;) declares of; for (using of of x) is the
     * identifier using iterating over of x: ForInOfStatement's
     * [lookahead ∉ { using of }] before ForDeclaration */
    return after == T_ASSIGN || after == T_SEMICOLON || after == T_COMMA;
}

/* ForStatement and ForInOfStatement (ES2025 14.7.4, 14.7.5) */
static Node *parse_for(Parser *p)
{
    Node *node = parser_new_node(p, AST_FOR_STMT);
    parser_next(p);
    bool is_await = false;
    if (TOK.type == T_AWAIT) {
        if (!p->fn->is_async || p->fn->in_static_block || (TOK.flags & TF_ESCAPED))
            parser_error_unexpected(p);
        is_await = true;
        parser_next(p);
    }
    parser_expect(p, T_LPAREN);
    if (TOK.type == T_SEMICOLON) {
        if (is_await)
            parser_error_unexpected(p);
        return finish_for(p, node, NULL, NULL);
    }
    if (TOK.type == T_VAR)
        return parse_for_declaration(p, node, VAR_KIND_VAR, is_await);
    if (TOK.type == T_CONST)
        return parse_for_declaration(p, node, VAR_KIND_CONST, is_await);
    if (TOK.type == T_IDENTIFIER && TOK.contextual == CW_LET && !(TOK.flags & TF_ESCAPED)) {
        Token next = parser_peek_token(p);
        if (next.type == T_LBRACKET || next.type == T_LBRACE || next.type == T_IDENTIFIER ||
            next.type == T_YIELD || next.type == T_AWAIT)
            return parse_for_declaration(p, node, VAR_KIND_LET, is_await);
    }
    bool using_await;
    if (for_head_using_declaration(p, &using_await))
        return parse_for_declaration(p, node, using_await ? VAR_KIND_AWAIT_USING : VAR_KIND_USING, is_await);

    /* an expression, or the left-hand side of for-in/of */
    Token first = TOK;
    bool starts_with_let = TOK.type == T_IDENTIFIER && TOK.contextual == CW_LET;
    CoverErrors cover = { 0, 0 };
    Node *init = parse_assignment(p, false, &cover);
    bool is_of = parser_at_contextual(p, CW_OF);
    if (is_of || TOK.type == T_IN) {
        if (is_await && !is_of)
            parser_error_unexpected(p);
        if (is_of && starts_with_let)
            parser_error_at(p, first.start, "The left-hand side of a for-of loop may not be 'let'.");
        if (is_of && !is_await && first.type == T_IDENTIFIER && first.contextual == CW_ASYNC &&
            !(first.flags & TF_ESCAPED) && init->kind == AST_IDENTIFIER && !(init->flags & NF_PARENTHESIZED))
            parser_error_at(p, first.start, "The left-hand side of a for-of loop may not be 'async'.");
        if ((init->kind == AST_OBJECT_EXPR || init->kind == AST_ARRAY_EXPR) && !(init->flags & NF_PARENTHESIZED)) {
            init = expression_to_pattern(p, init, false);
        } else {
            check_cover_errors(p, &cover);
            if (init->kind == AST_CALL_EXPR && !p->fn->is_strict)
                ;   /* web-compat: a runtime ReferenceError */
            else if (init->kind != AST_IDENTIFIER && init->kind != AST_MEMBER_EXPR)
                parser_error_at(p, init->start, "Invalid left-hand side in %s loop", is_of ? "for-of" : "for-in");
            else
                check_simple_assignment_target(p, init, false);
        }
        return finish_for_in_of(p, node, init, is_of, is_await, NULL);
    }
    check_cover_errors(p, &cover);
    if (is_await)
        parser_error_unexpected(p);
    if (TOK.type == T_COMMA) {
        Node *sequence = parser_new_node_at(p, AST_SEQUENCE_EXPR, init);
        parser_push(p, &sequence->as.sequence.expressions, init);
        while (parser_eat(p, T_COMMA))
            parser_push(p, &sequence->as.sequence.expressions, parse_assignment_expression(p, false));
        init = parser_finish(p, sequence);
    }
    return finish_for(p, node, init, NULL);
}

static Label *find_label(Parser *p, AstName name)
{
    for (Label *label = p->fn->labels; label; label = label->next)
        if (label->name.len == name.len && memcmp(label->name.chars, name.chars, name.len) == 0)
            return label;
    return NULL;
}

/* ContinueStatement and BreakStatement (ES2025 14.8, 14.9) */
static Node *parse_jump(Parser *p, bool is_continue)
{
    Node *node = parser_new_node(p, is_continue ? AST_CONTINUE_STMT : AST_BREAK_STMT);
    parser_next(p);
    if (!TOK.newline_before && parser_is_identifier_token(p)) {
        AstName name = parser_token_name(p);
        if (TOK.escaped_keyword != T_EOF && TOK.escaped_keyword != T_YIELD && TOK.escaped_keyword != T_AWAIT)
            parser_error_at(p, TOK.start, "Keyword must not contain escaped characters");
        Label *label = find_label(p, name);
        if (!label)
            parser_error_at(p, TOK.start, "Undefined label '%.*s'", (int)name.len, name.chars);
        if (is_continue && !label->is_loop)
            parser_error_range(p, TOK.start, TOK.end, "Illegal continue statement: '%.*s' does not denote an iteration statement",
                            (int)name.len, name.chars);
        node->as.jump.label = name;
        parser_next(p);
    } else if (is_continue && p->fn->loop_depth == 0) {
        parser_error_range(p, node->start, node->start + 8, "Illegal continue statement: no surrounding iteration statement");
    } else if (!is_continue && p->fn->breakable_depth == 0) {
        parser_error_range(p, node->start, node->start + 5, "Illegal break statement");
    }
    parser_semicolon(p);
    return parser_finish(p, node);
}

static Node *parse_return(Parser *p)
{
    if (!p->fn->allow_return)
        parser_error_at(p, TOK.start, "Illegal return statement");
    Node *node = parser_new_node(p, AST_RETURN_STMT);
    parser_next(p);
    if (TOK.type != T_SEMICOLON && !parser_can_insert_semicolon(p))
        node->as.argument_stmt.argument = parse_expression(p, true);
    parser_semicolon(p);
    return parser_finish(p, node);
}

static Node *parse_throw(Parser *p)
{
    Node *node = parser_new_node(p, AST_THROW_STMT);
    parser_next(p);
    if (TOK.newline_before)
        parser_error_at(p, TOK.start, "Illegal newline after throw");
    node->as.argument_stmt.argument = parse_expression(p, true);
    parser_semicolon(p);
    return parser_finish(p, node);
}

static Node *parse_with(Parser *p)
{
    if (p->fn->is_strict)
        parser_error_at(p, TOK.start, "Strict mode code may not include a with statement");
    Node *node = parser_new_node(p, AST_WITH_STMT);
    parser_next(p);
    node->as.with_stmt.object = parse_parenthesized_head(p);
    node->as.with_stmt.body = parse_statement(p);
    return parser_finish(p, node);
}

/* SwitchStatement (ES2025 14.12): one scope for all its clauses */
static Node *parse_switch(Parser *p)
{
    Node *node = parser_new_node(p, AST_SWITCH_STMT);
    parser_next(p);
    node->as.switch_stmt.discriminant = parse_parenthesized_head(p);
    parser_expect(p, T_LBRACE);
    Scope *scope = parser_push_scope(p, SCOPE_BLOCK);
    node->as.switch_stmt.scope = scope;
    p->fn->breakable_depth++;
    bool seen_default = false;
    while (TOK.type != T_RBRACE) {
        Node *clause = parser_new_node(p, AST_SWITCH_CASE);
        if (parser_eat(p, T_CASE)) {
            clause->as.switch_case.test = parse_expression(p, true);
        } else {
            if (TOK.type != T_DEFAULT)
                parser_error_unexpected(p);
            if (seen_default)
                parser_error_at(p, TOK.start, "More than one default clause in switch statement");
            seen_default = true;
            parser_next(p);
        }
        parser_expect(p, T_COLON);
        while (TOK.type != T_CASE && TOK.type != T_DEFAULT && TOK.type != T_RBRACE) {
            bool is_await;
            if (parser_at_using_declaration(p, &is_await))
                parser_error_at(p, TOK.start, "Using declarations are not allowed directly in a case clause");
            parser_push(p, &clause->as.switch_case.consequent, parse_statement_list_item(p));
        }
        parser_push(p, &node->as.switch_stmt.cases, parser_finish(p, clause));
    }
    parser_next(p);
    p->fn->breakable_depth--;
    parser_pop_scope(p, scope);
    return parser_finish(p, node);
}

/* Catch : catch ( CatchParameter ) Block | catch Block (ES2025 14.15) */
static Node *parse_catch(Parser *p)
{
    Node *clause = parser_new_node(p, AST_CATCH_CLAUSE);
    parser_next(p);
    Scope *scope = parser_push_scope(p, SCOPE_CATCH);
    clause->as.catch_clause.scope = scope;
    if (parser_eat(p, T_LPAREN)) {
        Node *param = parse_binding_target(p, DECL_LET);
        clause->as.catch_clause.param = param;
        parser_declare_pattern(p, param, param->kind == AST_IDENTIFIER ? DECL_CATCH_PARAM : DECL_CATCH_PATTERN);
        parser_expect(p, T_RPAREN);
    }
    clause->as.catch_clause.body = parse_block(p, false);
    parser_pop_scope(p, scope);
    return parser_finish(p, clause);
}

static Node *parse_try(Parser *p)
{
    Node *node = parser_new_node(p, AST_TRY_STMT);
    parser_next(p);
    node->as.try_stmt.block = parse_block(p, true);
    if (TOK.type == T_CATCH)
        node->as.try_stmt.handler = parse_catch(p);
    if (parser_eat(p, T_FINALLY))
        node->as.try_stmt.finalizer = parse_block(p, true);
    if (!node->as.try_stmt.handler && !node->as.try_stmt.finalizer)
        parser_error_at(p, p->prev_end - 1, "Missing catch or finally after try");
    return parser_finish(p, node);
}

static bool is_loop_keyword(TokenType type)
{
    return type == T_FOR || type == T_WHILE || type == T_DO;
}

static bool at_labeled_statement(Parser *p)
{
    if (!parser_is_identifier_token(p) && TOK.type != T_YIELD && TOK.type != T_AWAIT)
        return false;
    return parser_peek(p, NULL) == T_COLON;
}

/* LabelledStatement (ES2025 14.13) */
static Node *parse_labeled(Parser *p, bool no_labelled_function)
{
    Node *node = parser_new_node(p, AST_LABELED_STMT);
    Token token = TOK;
    check_binding_name(p, parser_token_name(p), TOK.start, &TOK);
    if (token.type == T_AWAIT && (p->is_module || p->fn->is_async))
        parser_error_unexpected(p);
    AstName name = parser_token_name(p);
    if (find_label(p, name))
        parser_error_at(p, TOK.start, "Label '%.*s' has already been declared", (int)name.len, name.chars);
    parser_next(p);
    parser_expect(p, T_COLON);
    Label label = { name, false, true, p->fn->labels };
    /* Labels directly labelling a loop all denote it: L1: L2: for (;;) continue L1; */
    if (is_loop_keyword(TOK.type))
        for (Label *l = &label; l && l->pending; l = l->next)
            l->is_loop = true;
    if (!at_labeled_statement(p))
        for (Label *l = &label; l && l->pending; l = l->next)
            l->pending = false;
    p->fn->labels = &label;
    node->as.labeled_stmt.label = name;
    if (TOK.type == T_FUNCTION) {
        /* B.3.1: labelled function declarations, sloppy only, not as a loop body */
        if (p->fn->is_strict)
            parser_error_at(p, TOK.start, "In strict mode code, functions can only be declared at top level or inside a block.");
        if (no_labelled_function)
            parser_error_at(p, TOK.start, "In non-strict mode code, functions can only be declared at top level, inside a block, or as the body of an if statement.");
        Node *fn = parse_function(p, AST_FUNCTION_DECL, false, TOK.start, NULL, false);
        if (fn->as.function.is_generator)
            parser_error_at(p, fn->start, "Generators can only be declared at the top level or inside a block.");
        node->as.labeled_stmt.body = fn;
    } else {
        node->as.labeled_stmt.body = parse_statement_inner(p, no_labelled_function);
    }
    p->fn->labels = label.next;
    return parser_finish(p, node);
}

/* Statement (ES2025 14), in a single-statement context (not a
 * StatementListItem: no declarations). */
Node *parse_statement(Parser *p)
{
    return parse_statement_inner(p, true);
}

static Node *parse_statement_inner(Parser *p, bool no_labelled_function)
{
    parser_enter(p);
    Node *node;
    switch (TOK.type) {
    case T_LBRACE: node = parse_block(p, true); break;
    case T_VAR:
        node = parse_variable_declaration(p, VAR_KIND_VAR, true, false);
        parser_semicolon(p);
        parser_finish(p, node);
        break;
    case T_SEMICOLON:
        node = parser_new_node(p, AST_EMPTY_STMT);
        parser_next(p);
        parser_finish(p, node);
        break;
    case T_IF: node = parse_if(p); break;
    case T_FOR: node = parse_for(p); break;
    case T_WHILE: node = parse_while(p); break;
    case T_DO: node = parse_do_while(p); break;
    case T_CONTINUE: node = parse_jump(p, true); break;
    case T_BREAK: node = parse_jump(p, false); break;
    case T_RETURN: node = parse_return(p); break;
    case T_WITH: node = parse_with(p); break;
    case T_SWITCH: node = parse_switch(p); break;
    case T_THROW: node = parse_throw(p); break;
    case T_TRY: node = parse_try(p); break;
    case T_DEBUGGER:
        node = parser_new_node(p, AST_DEBUGGER_STMT);
        parser_next(p);
        parser_semicolon(p);
        parser_finish(p, node);
        break;
    case T_FUNCTION:
        parser_error_at(p, TOK.start, p->fn->is_strict
            ? "In strict mode code, functions can only be declared at top level or inside a block."
            : "In non-strict mode code, functions can only be declared at top level, inside a block, or as the body of an if statement.");
    case T_CLASS:
        parser_error_unexpected(p);
    case T_CONST:
        parser_error_at(p, TOK.start, "Lexical declaration cannot appear in a single-statement context");
    case T_IMPORT: {
        TokenType next = parser_peek(p, NULL);
        if (next != T_LPAREN && next != T_DOT)
            parser_error_at(p, TOK.start, "Cannot use import statement outside a module");
        node = parse_expression_statement(p);
        break;
    }
    case T_EXPORT:
        parser_error_unexpected(p);
    default:
        if (TOK.type == T_IDENTIFIER && TOK.contextual == CW_LET && !(TOK.flags & TF_ESCAPED)) {
            bool newline;
            TokenType next = parser_peek(p, &newline);
            if (next == T_LBRACKET)
                parser_error_at(p, TOK.start, "Lexical declaration cannot appear in a single-statement context");
            if (!newline && (next == T_LBRACE || next == T_IDENTIFIER || next == T_YIELD || next == T_AWAIT))
                parser_error_at(p, TOK.start, "Lexical declaration cannot appear in a single-statement context");
        }
        if (parser_at_contextual(p, CW_ASYNC)) {
            bool newline;
            if (parser_peek(p, &newline) == T_FUNCTION && !newline)
                parser_error_at(p, TOK.start, "Async functions can only be declared at the top level or inside a block.");
        }
        bool is_await;
        if (parser_at_using_declaration(p, &is_await))
            parser_error_at(p, TOK.start, "Lexical declaration cannot appear in a single-statement context");
        if (at_labeled_statement(p))
            node = parse_labeled(p, no_labelled_function);
        else
            node = parse_expression_statement(p);
        break;
    }
    parser_leave(p);
    return node;
}

/* StatementListItem : Statement | Declaration (ES2025 14) */
Node *parse_statement_list_item(Parser *p)
{
    switch (TOK.type) {
    case T_FUNCTION: {
        Node *start = parser_new_node(p, AST_FUNCTION_DECL);
        return parse_function(p, AST_FUNCTION_DECL, false, start->start, start, false);
    }
    case T_CLASS:
        return parse_class(p, AST_CLASS_DECL, false, NULL, NULL);
    case T_AT: {
        Node *start = parser_new_node(p, AST_CLASS_DECL);
        NodeList decorators = { 0 };
        parse_decorators(p, &decorators);
        if (TOK.type != T_CLASS) {
            if (TOK.type == T_EXPORT && p->is_module && p->fn->scope->kind == SCOPE_MODULE) {
                Node *export = parse_export_declaration(p);
                return export;
            }
            parser_error_unexpected(p);
        }
        return parse_class(p, AST_CLASS_DECL, false, &decorators, start);
    }
    case T_CONST:
        return parse_lexical_statement(p, VAR_KIND_CONST);
    case T_IMPORT:
        if (p->is_module) {
            TokenType next = parser_peek(p, NULL);
            if (next != T_LPAREN && next != T_DOT) {
                if (p->fn->scope->kind != SCOPE_MODULE)
                    parser_error_unexpected(p);
                return parse_import_declaration(p);
            }
        }
        break;
    case T_EXPORT:
        if (!p->is_module || p->fn->scope->kind != SCOPE_MODULE)
            parser_error_unexpected(p);
        return parse_export_declaration(p);
    default:
        break;
    }
    if (parser_at_let_declaration(p))
        return parse_lexical_statement(p, VAR_KIND_LET);
    if (parser_at_contextual(p, CW_ASYNC)) {
        bool newline;
        if (parser_peek(p, &newline) == T_FUNCTION && !newline) {
            Node *start = parser_new_node(p, AST_FUNCTION_DECL);
            parser_next(p);
            return parse_function(p, AST_FUNCTION_DECL, true, start->start, start, false);
        }
    }
    bool is_await;
    if (parser_at_using_declaration(p, &is_await)) {
        if (p->fn->scope->kind == SCOPE_SCRIPT)
            parser_error_at(p, TOK.start, "Using declarations are not allowed at the top level of a script");
        return parse_lexical_statement(p, is_await ? VAR_KIND_AWAIT_USING : VAR_KIND_USING);
    }
    return parse_statement_inner(p, false);
}
