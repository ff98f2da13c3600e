/*
 * Binding patterns (ES2025 14.3.3 Destructuring Binding Patterns), the
 * conversion of object and array literals to assignment patterns (ES2025
 * 13.15.5 Destructuring Assignment), and the checks of assignment targets
 * and bound names.
 *
 * The parse_binding_* functions parse and check; they do not declare. The
 * caller declares the bound names in the right scope with
 * parser_declare_pattern(), because only it knows which scope that is.
 */
#include "parser/parser_internal.h"

#include <string.h>

/* ES2025 12.7.2: reserved in strict mode code only */
bool is_reserved_in_strict(AstName name)
{
    static const char *const words[] = {
        "implements", "interface", "let", "package", "private", "protected", "public", "static", "yield",
    };
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (name_is(name, words[i]))
            return true;
    return false;
}

static bool is_eval_or_arguments(AstName name)
{
    return name_is(name, "eval") || name_is(name, "arguments");
}

/*
 * ES2025 13.1.1 Static Semantics: Early Errors for BindingIdentifier, for a
 * name already known to be an identifier. token, when given, is the name's
 * token (to see escapes); kind tells lexical declarations (no `let`).
 */
static void check_binding_name_kind(Parser *p, AstName name, uint32_t offset, const Token *token, DeclKind kind)
{
    bool strict = p->fn->is_strict;
    if (token && token->escaped_keyword != T_EOF && token->escaped_keyword != T_YIELD &&
        token->escaped_keyword != T_AWAIT)
        parser_error_at(p, offset, "Keyword must not contain escaped characters");
    if (strict && is_eval_or_arguments(name))
        parser_error_at(p, offset, "Unexpected eval or arguments in strict mode");
    if (name_is(name, "yield")) {
        if (strict)
            parser_error_at(p, offset, "Unexpected strict mode reserved word");
        if (p->fn->is_generator)
            parser_error_at(p, offset, "Unexpected identifier 'yield'");
    } else if (name_is(name, "await")) {
        if (p->is_module || p->fn->is_async || p->fn->in_static_block)
            parser_error_at(p, offset, "Unexpected reserved word");
        if (!p->await_ident_pos)
            p->await_ident_pos = offset + 1;
    } else if (strict && is_reserved_in_strict(name)) {
        parser_error_at(p, offset, "Unexpected strict mode reserved word");
    }
    if ((kind == DECL_LET || kind == DECL_CONST || kind == DECL_USING || kind == DECL_CLASS) && name_is(name, "let"))
        parser_error_at(p, offset, "let is disallowed as a lexically bound name");
}

void check_binding_name(Parser *p, AstName name, uint32_t offset, const Token *token)
{
    check_binding_name_kind(p, name, offset, token, DECL_VAR);
}

/* BindingIdentifier */
Node *parse_binding_identifier(Parser *p, DeclKind kind)
{
    if (TOK.type != T_IDENTIFIER && TOK.type != T_YIELD && TOK.type != T_AWAIT)
        parser_error_unexpected(p);
    if (TOK.type == T_YIELD && (p->fn->is_generator || p->fn->is_strict))
        parser_error_unexpected(p);
    check_binding_name_kind(p, parser_token_name(p), TOK.start, &TOK, kind);
    Node *node = parser_new_node(p, AST_IDENTIFIER);
    node->as.identifier.name = parser_token_name(p);
    parser_next(p);
    return parser_finish(p, node);
}

static Node *parse_array_binding_pattern(Parser *p, DeclKind kind)
{
    Node *node = parser_new_node(p, AST_ARRAY_PATTERN);
    parser_enter(p);
    parser_next(p);
    while (TOK.type != T_RBRACKET) {
        if (TOK.type == T_COMMA) {
            parser_next(p);
            parser_push(p, &node->as.array.elements, NULL);
            continue;
        }
        if (TOK.type == T_ELLIPSIS) {
            Node *rest = parser_new_node(p, AST_REST_ELEMENT);
            parser_next(p);
            rest->as.spread.argument = parse_binding_target(p, kind);
            parser_push(p, &node->as.array.elements, parser_finish(p, rest));
            if (TOK.type != T_RBRACKET)
                parser_error_at(p, TOK.start, "Rest element must be last element");
            break;
        }
        parser_push(p, &node->as.array.elements, parse_binding_element(p, kind));
        if (TOK.type != T_RBRACKET)
            parser_expect(p, T_COMMA);
    }
    parser_next(p);
    parser_leave(p);
    return parser_finish(p, node);
}

static Node *parse_object_binding_property(Parser *p, DeclKind kind)
{
    if (TOK.type == T_ELLIPSIS) {
        Node *rest = parser_new_node(p, AST_REST_ELEMENT);
        parser_next(p);
        rest->as.spread.argument = parse_binding_identifier(p, kind);
        return parser_finish(p, rest);
    }
    Node *prop = parser_new_node(p, AST_PROPERTY);
    Token key_token = TOK;
    bool computed;
    Node *key = parse_property_name(p, &computed, false);
    prop->as.property.key = key;
    prop->as.property.is_computed = computed;
    if (parser_eat(p, T_COLON)) {
        prop->as.property.value = parse_binding_element(p, kind);
        return parser_finish(p, prop);
    }
    /* SingleNameBinding: the key is the bound name */
    if (computed || key->kind != AST_IDENTIFIER ||
        (key_token.type != T_IDENTIFIER && key_token.type != T_YIELD && key_token.type != T_AWAIT))
        parser_error_at(p, key->start, "Unexpected token '%s'", token_type_text(key_token.type));
    if (key_token.type == T_YIELD && (p->fn->is_generator || p->fn->is_strict))
        parser_error_at(p, key->start, p->fn->is_strict ? "Unexpected strict mode reserved word" : "Unexpected identifier 'yield'");
    check_binding_name_kind(p, key->as.identifier.name, key->start, &key_token, kind);
    Node *value = parser_new_node_at(p, AST_IDENTIFIER, key);
    value->as.identifier.name = key->as.identifier.name;
    value->end = key->end;
    prop->as.property.is_shorthand = true;
    if (parser_eat(p, T_ASSIGN)) {
        Node *assign = parser_new_node_at(p, AST_ASSIGN_PATTERN, value);
        assign->as.binary.op = T_ASSIGN;
        assign->as.binary.left = value;
        assign->as.binary.right = parse_assignment_expression(p, true);
        value = parser_finish(p, assign);
    }
    prop->as.property.value = value;
    return parser_finish(p, prop);
}

static Node *parse_object_binding_pattern(Parser *p, DeclKind kind)
{
    Node *node = parser_new_node(p, AST_OBJECT_PATTERN);
    parser_enter(p);
    parser_next(p);
    while (TOK.type != T_RBRACE) {
        Node *prop = parse_object_binding_property(p, kind);
        parser_push(p, &node->as.object.properties, prop);
        if (prop->kind == AST_REST_ELEMENT) {
            if (TOK.type != T_RBRACE)
                parser_error_at(p, TOK.start, "Rest element must be last element");
            break;
        }
        if (TOK.type != T_RBRACE)
            parser_expect(p, T_COMMA);
    }
    parser_next(p);
    parser_leave(p);
    return parser_finish(p, node);
}

/* BindingIdentifier | BindingPattern */
Node *parse_binding_target(Parser *p, DeclKind kind)
{
    if (TOK.type == T_LBRACKET)
        return parse_array_binding_pattern(p, kind);
    if (TOK.type == T_LBRACE)
        return parse_object_binding_pattern(p, kind);
    return parse_binding_identifier(p, kind);
}

/* BindingElement : SingleNameBinding | BindingPattern Initializer? */
Node *parse_binding_element(Parser *p, DeclKind kind)
{
    Node *target = parse_binding_target(p, kind);
    if (TOK.type != T_ASSIGN)
        return target;
    parser_next(p);
    Node *assign = parser_new_node_at(p, AST_ASSIGN_PATTERN, target);
    assign->as.binary.op = T_ASSIGN;
    assign->as.binary.left = target;
    assign->as.binary.right = parse_assignment_expression(p, true);
    return parser_finish(p, assign);
}

/* ---- Assignment targets ---- */

static bool is_call(const Node *node)
{
    return node->kind == AST_CALL_EXPR;
}

/*
 * ES2025 13.15.1 Early Errors: the target of =, op= and ++/-- must have
 * AssignmentTargetType simple. A call is allowed in sloppy code (the host
 * supports runtime errors for function call assignment targets), except for
 * logical assignment, where the spec gives no such exception.
 */
void check_simple_assignment_target(Parser *p, Node *expr, bool is_update)
{
    if (expr->kind == AST_IDENTIFIER) {
        if (p->fn->is_strict && is_eval_or_arguments(expr->as.identifier.name))
            parser_error_at(p, expr->start, "Unexpected eval or arguments in strict mode");
        return;
    }
    if (expr->kind == AST_MEMBER_EXPR)
        return;
    if (is_call(expr) && !p->fn->is_strict && TOK.type != T_AMP_AMP_ASSIGN && TOK.type != T_PIPE_PIPE_ASSIGN &&
        TOK.type != T_QUESTION_QUESTION_ASSIGN)
        return;
    if (is_update)
        parser_error_range(p, expr->start, expr->end, "Invalid left-hand side expression in %s operation",
                           TOK.type == T_PLUS_PLUS || TOK.type == T_MINUS_MINUS ? "postfix" : "prefix");
    parser_error_range(p, expr->start, expr->end, "Invalid left-hand side in assignment");
}

static _Noreturn void invalid_target(Parser *p, const Node *node, bool is_binding)
{
    (void)is_binding;
    parser_error_range(p, node->start, node->end, "Invalid destructuring assignment target");
}

static Node *convert_target(Parser *p, Node *expr, bool is_binding);

static void convert_object_pattern(Parser *p, Node *node, bool is_binding)
{
    ast_set_kind(node, AST_OBJECT_PATTERN);
    NodeList *props = &node->as.object.properties;
    for (uint32_t i = 0; i < props->count; i++) {
        Node *prop = props->items[i];
        if (prop->kind == AST_SPREAD_ELEMENT) {
            if (i + 1 != props->count || (prop->flags & NF_TAIL))
                parser_error_at(p, prop->start, "Rest element must be last element");
            Node *argument = prop->as.spread.argument;
            if (is_binding ? argument->kind != AST_IDENTIFIER || (argument->flags & NF_PARENTHESIZED)
                           : argument->kind != AST_IDENTIFIER && argument->kind != AST_MEMBER_EXPR)
                invalid_target(p, argument, is_binding);
            ast_set_kind(prop, AST_REST_ELEMENT);
            prop->as.spread.argument = convert_target(p, argument, is_binding);
            continue;
        }
        if (prop->as.property.kind != PROPERTY_KIND_INIT && prop->as.property.kind != PROPERTY_KIND_PROTO)
            invalid_target(p, prop, is_binding);
        prop->as.property.kind = PROPERTY_KIND_INIT;
        prop->as.property.value = convert_target(p, prop->as.property.value, is_binding);
    }
}

static void convert_array_pattern(Parser *p, Node *node, bool is_binding)
{
    ast_set_kind(node, AST_ARRAY_PATTERN);
    NodeList *elements = &node->as.array.elements;
    for (uint32_t i = 0; i < elements->count; i++) {
        Node *element = elements->items[i];
        if (!element)
            continue;
        if (element->kind == AST_SPREAD_ELEMENT) {
            if (i + 1 != elements->count || (element->flags & NF_TAIL))
                parser_error_at(p, element->start, "Rest element must be last element");
            Node *argument = element->as.spread.argument;
            if (argument->kind == AST_ASSIGN_EXPR && !(argument->flags & NF_PARENTHESIZED))
                parser_error_at(p, argument->start, "Rest element may not have a default initializer");
            ast_set_kind(element, AST_REST_ELEMENT);
            element->as.spread.argument = convert_target(p, argument, is_binding);
            continue;
        }
        elements->items[i] = convert_target(p, element, is_binding);
    }
}

/* Converts one element of a pattern: a target, possibly with a default. */
static Node *convert_target(Parser *p, Node *expr, bool is_binding)
{
    bool parenthesized = expr->flags & NF_PARENTHESIZED;
    switch (expr->kind) {
    case AST_IDENTIFIER:
        if (is_binding && parenthesized)
            invalid_target(p, expr, is_binding);
        if (is_binding)
            check_binding_name(p, expr->as.identifier.name, expr->start, NULL);
        else if (p->fn->is_strict && is_eval_or_arguments(expr->as.identifier.name))
            parser_error_at(p, expr->start, "Unexpected eval or arguments in strict mode");
        return expr;
    case AST_MEMBER_EXPR:
        if (is_binding)
            invalid_target(p, expr, is_binding);
        return expr;
    case AST_OBJECT_EXPR:
        if (parenthesized)
            invalid_target(p, expr, is_binding);
        convert_object_pattern(p, expr, is_binding);
        return expr;
    case AST_ARRAY_EXPR:
        if (parenthesized)
            invalid_target(p, expr, is_binding);
        convert_array_pattern(p, expr, is_binding);
        return expr;
    case AST_OBJECT_PATTERN:
    case AST_ARRAY_PATTERN:
        if (parenthesized)
            invalid_target(p, expr, is_binding);
        if (is_binding) {
            /* already converted as an assignment pattern: recheck as bindings */
            if (expr->kind == AST_OBJECT_PATTERN) {
                for (uint32_t i = 0; i < expr->as.object.properties.count; i++) {
                    Node *prop = expr->as.object.properties.items[i];
                    if (prop->kind == AST_REST_ELEMENT)
                        prop->as.spread.argument = convert_target(p, prop->as.spread.argument, true);
                    else
                        prop->as.property.value = convert_target(p, prop->as.property.value, true);
                }
            } else {
                for (uint32_t i = 0; i < expr->as.array.elements.count; i++) {
                    Node *element = expr->as.array.elements.items[i];
                    if (element && element->kind == AST_REST_ELEMENT)
                        element->as.spread.argument = convert_target(p, element->as.spread.argument, true);
                    else if (element)
                        expr->as.array.elements.items[i] = convert_target(p, element, true);
                }
            }
        }
        return expr;
    case AST_ASSIGN_EXPR:
        if (parenthesized || expr->as.binary.op != T_ASSIGN)
            invalid_target(p, expr, is_binding);
        ast_set_kind(expr, AST_ASSIGN_PATTERN);
        expr->as.binary.left = convert_target(p, expr->as.binary.left, is_binding);
        return expr;
    case AST_ASSIGN_PATTERN:
        if (parenthesized)
            invalid_target(p, expr, is_binding);
        expr->as.binary.left = convert_target(p, expr->as.binary.left, is_binding);
        return expr;
    case AST_CALL_EXPR:
        if (!is_binding && !p->fn->is_strict && false)
            return expr;
        invalid_target(p, expr, is_binding);
    default:
        invalid_target(p, expr, is_binding);
    }
}

/*
 * Reinterprets an expression as a pattern: an ObjectLiteral or ArrayLiteral
 * on the left of `=` or of for-in/of becomes an AssignmentPattern
 * (is_binding false); the items of a parenthesized list before `=>` become
 * formal parameters (is_binding true).
 */
Node *expression_to_pattern(Parser *p, Node *expr, bool is_binding)
{
    if (is_binding && expr->kind == AST_REST_ELEMENT) {
        expr->as.spread.argument = convert_target(p, expr->as.spread.argument, true);
        return expr;
    }
    return convert_target(p, expr, is_binding);
}
