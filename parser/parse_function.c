/*
 * Functions of every form (ES2025 15.1 to 15.9): declarations and
 * expressions, generators, async functions, arrows, methods and accessors;
 * their parameters, bodies and the early errors that depend on the body's
 * strictness, which is known only after its directive prologue.
 */
#include "parser/parser_internal.h"

#include <string.h>

static bool is_method_kind(int kind)
{
    return kind == FUNCTION_KIND_METHOD || kind == FUNCTION_KIND_GETTER || kind == FUNCTION_KIND_SETTER ||
           kind == FUNCTION_KIND_CLASS_CONSTRUCTOR || kind == FUNCTION_KIND_DERIVED_CONSTRUCTOR;
}

/* Makes fn the function being parsed. Arrows see their parent's this,
 * super, new.target and arguments (ES2025 15.3 ArrowFunction semantics). */
FunctionState *parser_enter_function(Parser *p, FunctionState *state, Node *fn, bool is_arrow)
{
    FunctionState *parent = p->fn;
    memset(state, 0, sizeof *state);
    state->parent = parent;
    state->node = fn;
    state->is_strict = parent->is_strict;
    state->is_arrow = is_arrow;
    state->is_async = fn->as.function.is_async;
    state->is_generator = fn->as.function.is_generator;
    state->allow_return = true;
    if (is_arrow) {
        state->allow_super_property = parent->allow_super_property;
        state->allow_super_call = parent->allow_super_call;
        state->allow_new_target = parent->allow_new_target;
        state->in_class_field = parent->in_class_field;
        state->no_arguments = parent->no_arguments;
    } else {
        int kind = fn->as.function.kind;
        state->allow_new_target = true;
        state->allow_super_property = is_method_kind(kind);
        state->allow_super_call = kind == FUNCTION_KIND_DERIVED_CONSTRUCTOR;
    }
    Scope *scope = scope_new(p->arena, SCOPE_FUNCTION, parent->scope);
    if (!scope)
        parser_error_at(p, TOK.start, "Out of memory while parsing");
    scope->is_strict = state->is_strict;
    state->var_scope = state->scope = scope;
    fn->as.function.scope = scope;
    p->fn = state;
    return state;
}

void parser_leave_function(Parser *p, FunctionState *state)
{
    state->node->as.function.is_strict = state->is_strict;
    p->fn = state->parent;
}

typedef struct ParameterContext {
    Parser *parser;
    uint32_t duplicate;        /* offset + 1 of the first repeated name */
} ParameterContext;

static void declare_parameter(void *data, Node *identifier)
{
    ParameterContext *context = data;
    Parser *p = context->parser;
    Scope *scope = p->fn->var_scope;
    AstName name = identifier->as.identifier.name;
    if (scope_find(scope, name)) {
        if (!context->duplicate)
            context->duplicate = identifier->start + 1;
        return;
    }
    if (!scope_add(p->arena, scope, name, DECL_PARAM, identifier->start))
        parser_error_at(p, identifier->start, "Out of memory while parsing");
}

/* Declares the parameters; returns the offset + 1 of the first duplicate
 * name, 0 when all names differ (whether that is an error depends on the
 * function's kind and strictness, known only after its body). */
static uint32_t declare_parameters(Parser *p, Node *fn)
{
    ParameterContext context = { p, 0 };
    for (uint32_t i = 0; i < fn->as.function.params.count; i++)
        ast_visit_bound_names(fn->as.function.params.items[i], declare_parameter, &context);
    return context.duplicate;
}

static void check_strict_binding(void *data, Node *identifier)
{
    check_binding_name(data, identifier->as.identifier.name, identifier->start, NULL);
}

/* A body's "use strict" applies to the function's own name and parameters
 * too (ES2025 15.2.1: "If the source text matched by FormalParameters is
 * strict mode code, the Early Error rules for UniqueFormalParameters ..."). */
void check_params_after_strict(Parser *p, Node *fn)
{
    for (uint32_t i = 0; i < fn->as.function.params.count; i++)
        ast_visit_bound_names(fn->as.function.params.items[i], check_strict_binding, p);
    Node *id = fn->as.function.id;
    if (id) {
        AstName name = id->as.identifier.name;
        if (name_is(name, "eval") || name_is(name, "arguments"))
            parser_error_at(p, id->start, "Unexpected eval or arguments in strict mode");
        if (is_reserved_in_strict(name))
            parser_error_at(p, id->start, "Unexpected strict mode reserved word");
    }
}

static bool params_are_simple(const Node *fn)
{
    for (uint32_t i = 0; i < fn->as.function.params.count; i++)
        if (fn->as.function.params.items[i]->kind != AST_IDENTIFIER)
            return false;
    return true;
}

/* FormalParameters (ES2025 15.1) */
static void parse_formal_parameters(Parser *p, Node *fn)
{
    parser_expect(p, T_LPAREN);
    p->fn->in_params = true;
    while (TOK.type != T_RPAREN) {
        if (TOK.type == T_ELLIPSIS) {
            Node *rest = parser_new_node(p, AST_REST_ELEMENT);
            parser_next(p);
            rest->as.spread.argument = parse_binding_target(p, DECL_PARAM);
            if (TOK.type == T_ASSIGN)
                parser_error_at(p, TOK.start, "Rest parameter may not have a default initializer");
            parser_push(p, &fn->as.function.params, parser_finish(p, rest));
            if (TOK.type != T_RPAREN)
                parser_error_at(p, TOK.start, "Rest parameter must be last formal parameter");
            break;
        }
        parser_push(p, &fn->as.function.params, parse_binding_element(p, DECL_PARAM));
        if (TOK.type != T_RPAREN)
            parser_expect(p, T_COMMA);
    }
    parser_next(p);
    p->fn->in_params = false;
    fn->as.function.has_simple_params = params_are_simple(fn);
}

/* Duplicate parameters are allowed only in sloppy functions with simple
 * parameter lists (ES2025 15.1.1, 15.2.1, 15.3.1, 15.4.1). */
static void check_duplicate_parameters(Parser *p, Node *fn, uint32_t duplicate)
{
    if (!duplicate)
        return;
    int kind = fn->as.function.kind;
    if (p->fn->is_strict || !fn->as.function.has_simple_params || kind != FUNCTION_KIND_NORMAL ||
        fn->as.function.is_async || fn->as.function.is_generator)
        parser_error_at(p, duplicate - 1, "Duplicate parameter name not allowed in this context");
}

/* FunctionBody or ConciseBody */
void parse_function_body(Parser *p, Node *fn, bool expression_body)
{
    bool was_strict = p->fn->is_strict;
    uint32_t saved_yield = p->yield_pos, saved_await = p->await_pos, saved_await_ident = p->await_ident_pos;
    p->yield_pos = p->await_pos = p->await_ident_pos = 0;
    if (expression_body) {
        fn->flags |= NF_EXPRESSION_BODY;
        fn->as.function.body = parse_assignment(p, p->allow_in, NULL);
    } else {
        Node *body = parser_new_node(p, AST_BLOCK_STMT);
        parser_expect(p, T_LBRACE);
        body->as.block.scope = p->fn->var_scope;
        parse_directives_and_statements(p, &body->as.block.body, T_RBRACE, fn);
        if (TOK.type != T_RBRACE)
            parser_error_unexpected(p);
        parser_next(p);
        fn->as.function.body = parser_finish(p, body);
    }
    p->yield_pos = saved_yield;
    p->await_pos = saved_await;
    p->await_ident_pos = saved_await_ident;
    if (p->fn->is_strict && !was_strict)
        check_params_after_strict(p, fn);
}

void parse_function_params_and_body(Parser *p, Node *fn)
{
    parse_formal_parameters(p, fn);
    uint32_t duplicate = declare_parameters(p, fn);
    if (fn->as.function.kind == FUNCTION_KIND_GETTER && fn->as.function.params.count != 0)
        parser_error_at(p, fn->as.function.params.items[0]->start, "Getter must not have any formal parameters.");
    if (fn->as.function.kind == FUNCTION_KIND_SETTER) {
        if (fn->as.function.params.count != 1)
            parser_error_at(p, fn->start, "Setter must have exactly one formal parameter.");
        if (fn->as.function.params.items[0]->kind == AST_REST_ELEMENT)
            parser_error_at(p, fn->as.function.params.items[0]->start, "Setter function argument must not be a rest parameter");
    }
    parse_function_body(p, fn, false);
    check_duplicate_parameters(p, fn, duplicate);
}

/* Where a function declaration's name is bound (ES2025 8.2.4, 8.2.6, B.3.2). */
static DeclKind function_declaration_kind(Parser *p, const Node *fn)
{
    if (p->fn->scope == p->fn->var_scope)
        return p->fn->scope->kind == SCOPE_MODULE ? DECL_FUNCTION : DECL_VAR_FUNCTION;
    if (!p->fn->is_strict && !fn->as.function.is_async && !fn->as.function.is_generator)
        return DECL_SLOPPY_FUNCTION;
    return DECL_FUNCTION;
}

/*
 * function BindingIdentifier ( FormalParameters ) { FunctionBody }, and the
 * generator, async and async generator forms (ES2025 15.2, 15.5, 15.6, 15.8).
 * The current token is `function`; for async forms `async` is consumed.
 */
Node *parse_function(Parser *p, AstKind kind, bool is_async, uint32_t start_offset, const Node *start_node,
                     bool is_default_export)
{
    (void)start_offset;
    parser_enter(p);
    Node *fn = start_node ? parser_new_node_at(p, kind, start_node) : parser_new_node(p, kind);
    fn->as.function.kind = FUNCTION_KIND_NORMAL;
    fn->as.function.is_async = is_async;
    parser_expect(p, T_FUNCTION);
    fn->as.function.is_generator = parser_eat(p, T_STAR);
    Token name_token = TOK;
    bool has_name = TOK.type == T_IDENTIFIER || TOK.type == T_YIELD || TOK.type == T_AWAIT;
    if (kind == AST_FUNCTION_DECL) {
        if (has_name) {
            fn->as.function.id = parse_binding_identifier(p, DECL_VAR);
            parser_declare(p, fn->as.function.id->as.identifier.name, function_declaration_kind(p, fn),
                           fn->as.function.id->start);
        } else if (!is_default_export) {
            parser_error_unexpected(p);
        }
    }
    FunctionState state;
    parser_enter_function(p, &state, fn, false);
    if (kind == AST_FUNCTION_EXPR && has_name) {
        /* the name of a function expression is bound inside it: its own
         * generator / async context applies */
        if (name_token.type == T_YIELD && (state.is_generator || state.is_strict))
            parser_error_unexpected(p);
        if (name_token.type == T_AWAIT && state.is_async)
            parser_error_at(p, name_token.start, "Unexpected reserved word");
        fn->as.function.id = parse_binding_identifier(p, DECL_VAR);
    }
    parse_function_params_and_body(p, fn);
    parser_leave_function(p, &state);
    parser_leave(p);
    return parser_finish(p, fn);
}

/*
 * ArrowFunction / AsyncArrowFunction (ES2025 15.3, 15.9). params are the
 * already-parsed items of the cover grammar; they become parameters here.
 * The current token is `=>`.
 */
Node *parse_arrow_function(Parser *p, Node *start, NodeList *params, bool is_async)
{
    parser_enter(p);
    if (TOK.type != T_ARROW || TOK.newline_before)
        parser_error_unexpected(p);
    Node *fn = parser_new_node_at(p, AST_ARROW_FUNCTION, start);
    fn->as.function.kind = FUNCTION_KIND_ARROW;
    fn->as.function.is_async = is_async;
    FunctionState state;
    parser_enter_function(p, &state, fn, true);
    for (uint32_t i = 0; i < params->count; i++) {
        Node *param = params->items[i];
        if (param->kind == AST_SPREAD_ELEMENT) {
            if (i + 1 != params->count)
                parser_error_at(p, param->start, "Rest parameter must be last formal parameter");
            ast_set_kind(param, AST_REST_ELEMENT);
            if (param->as.spread.argument->kind == AST_ASSIGN_EXPR)
                parser_error_at(p, param->start, "Rest parameter may not have a default initializer");
        }
        parser_push(p, &fn->as.function.params, expression_to_pattern(p, param, true));
    }
    fn->as.function.has_simple_params = params_are_simple(fn);
    uint32_t duplicate = declare_parameters(p, fn);
    if (duplicate)
        parser_error_at(p, duplicate - 1, "Duplicate parameter name not allowed in this context");
    parser_next(p);   /* => */
    parse_function_body(p, fn, TOK.type != T_LBRACE);
    parser_leave_function(p, &state);
    parser_leave(p);
    return parser_finish(p, fn);
}

/* MethodDefinition's function part: ( UniqueFormalParameters ) { FunctionBody } */
Node *parse_method(Parser *p, const Node *start, AstFunctionKind kind, bool is_async, bool is_generator)
{
    parser_enter(p);
    Node *fn = parser_new_node_at(p, AST_FUNCTION_EXPR, start);
    fn->as.function.kind = kind;
    fn->as.function.is_async = is_async;
    fn->as.function.is_generator = is_generator;
    FunctionState state;
    parser_enter_function(p, &state, fn, false);
    parse_function_params_and_body(p, fn);
    parser_leave_function(p, &state);
    parser_leave(p);
    return parser_finish(p, fn);
}
