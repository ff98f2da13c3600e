/*
 * Expressions (ES2025 13 ECMAScript Language: Expressions).
 *
 * Precedence levels are parsed top-down: assignment, conditional, binary
 * operators (by precedence climbing), unary, update, left-hand-side
 * (member, call, new, optional chains), primary.
 *
 * Cover grammars. An object or array literal may turn out to be a
 * destructuring pattern (`[a, b] = c`), and a parenthesized expression may
 * turn out to be arrow parameters (`(a, b) => c`). Both are parsed as
 * expressions first, then converted (parse_pattern.c). Errors that are only
 * errors for expressions are collected in a CoverErrors and reported once it
 * is clear the expression stays an expression.
 */
#include "parser/parser_internal.h"
#include "parser/regexp_syntax.h"

#include <string.h>

static Node *parse_conditional(Parser *p, bool allow_in, CoverErrors *cover);
static Node *parse_binary(Parser *p, int min_precedence, bool allow_in, CoverErrors *cover);
static Node *parse_unary(Parser *p, CoverErrors *cover);
static Node *parse_update(Parser *p, CoverErrors *cover);
static Node *parse_lhs(Parser *p, CoverErrors *cover);
static Node *parse_primary(Parser *p, CoverErrors *cover);
static FunctionState *nearest_non_arrow(Parser *p);

/* The arrow function most recently parsed by parse_primary: an arrow is a
 * whole AssignmentExpression, so no operator or subscript may follow it. */
static bool is_bare_arrow(const Node *node)
{
    return node->kind == AST_ARROW_FUNCTION && !(node->flags & NF_PARENTHESIZED);
}

void check_cover_errors(Parser *p, const CoverErrors *cover)
{
    if (!cover)
        return;
    if (cover->shorthand_init)
        parser_error_at(p, cover->shorthand_init - 1, "Invalid shorthand property initializer");
    if (cover->double_proto)
        parser_error_range(p, cover->double_proto - 1, cover->double_proto - 1 + 9,
                           "Duplicate __proto__ fields are not allowed in object literals");
}

static void clear_cover_errors_from(CoverErrors *cover, uint32_t start)
{
    if (cover->shorthand_init > start)
        cover->shorthand_init = 0;
    if (cover->double_proto > start)
        cover->double_proto = 0;
}

/* ES2025 13.16 Comma Operator: Expression : Expression , AssignmentExpression */
Node *parse_expression(Parser *p, bool allow_in)
{
    Node *first = parse_assignment_expression(p, allow_in);
    if (TOK.type != T_COMMA)
        return first;
    Node *sequence = parser_new_node_at(p, AST_SEQUENCE_EXPR, first);
    parser_push(p, &sequence->as.sequence.expressions, first);
    while (parser_eat(p, T_COMMA))
        parser_push(p, &sequence->as.sequence.expressions, parse_assignment_expression(p, allow_in));
    return parser_finish(p, sequence);
}

Node *parse_assignment_expression(Parser *p, bool allow_in)
{
    return parse_assignment(p, allow_in, NULL);
}

static bool is_assignment_operator(TokenType type)
{
    return type >= T_ASSIGN && type <= T_QUESTION_QUESTION_ASSIGN;
}

/* ES2025 15.5 YieldExpression: yield, yield AssignmentExpression, yield * AssignmentExpression */
static Node *parse_yield(Parser *p, bool allow_in)
{
    if (p->fn->in_params)
        parser_error_at(p, TOK.start, "Yield expression not allowed in formal parameter");
    Node *node = parser_new_node(p, AST_YIELD_EXPR);
    if (!p->yield_pos)
        p->yield_pos = TOK.start + 1;
    if (TOK.flags & TF_ESCAPED)
        parser_error_at(p, TOK.start, "Keyword must not contain escaped characters");
    parser_next(p);
    if (TOK.newline_before)
        return parser_finish(p, node);
    if (parser_eat(p, T_STAR)) {
        node->as.yield.is_delegate = true;
        node->as.yield.argument = parse_assignment(p, allow_in, NULL);
        return parser_finish(p, node);
    }
    switch (TOK.type) {
    case T_RPAREN: case T_RBRACKET: case T_RBRACE: case T_COMMA: case T_SEMICOLON:
    case T_COLON: case T_EOF: case T_QUESTION:
        break;
    case T_IN:
        if (allow_in)
            break;
        /* fall through */
    default:
        if (TOK.type == T_TEMPLATE_TAIL || TOK.type == T_TEMPLATE_MIDDLE)
            break;
        node->as.yield.argument = parse_assignment(p, allow_in, NULL);
    }
    return parser_finish(p, node);
}

/*
 * ES2025 13.15 AssignmentExpression :
 *   ConditionalExpression | YieldExpression | ArrowFunction | AsyncArrowFunction
 *   | LeftHandSideExpression AssignmentOperator AssignmentExpression
 * When cover is NULL the expression must be an expression (errors are
 * reported here); otherwise the caller may still make it a pattern.
 */
Node *parse_assignment(Parser *p, bool allow_in, CoverErrors *cover)
{
    parser_enter(p);
    if (TOK.type == T_YIELD && p->fn->is_generator) {
        Node *yield = parse_yield(p, allow_in);
        parser_leave(p);
        return yield;
    }
    CoverErrors local = { 0, 0 };
    CoverErrors *errors = cover ? cover : &local;
    bool saved_allow_in = p->allow_in;
    p->allow_in = allow_in;
    Node *left = parse_conditional(p, allow_in, errors);
    p->allow_in = saved_allow_in;
    if (is_assignment_operator(TOK.type) && !is_bare_arrow(left)) {
        TokenType op = TOK.type;
        if (op == T_ASSIGN && (left->kind == AST_OBJECT_EXPR || left->kind == AST_ARRAY_EXPR) &&
            !(left->flags & NF_PARENTHESIZED)) {
            left = expression_to_pattern(p, left, false);
            clear_cover_errors_from(errors, left->start);
        } else {
            check_cover_errors(p, errors);
            check_simple_assignment_target(p, left, false);
        }
        parser_next(p);
        Node *node = parser_new_node_at(p, AST_ASSIGN_EXPR, left);
        node->as.binary.op = op;
        node->as.binary.left = left;
        node->as.binary.right = parse_assignment(p, allow_in, NULL);
        parser_leave(p);
        return parser_finish(p, node);
    }
    if (!cover)
        check_cover_errors(p, &local);
    parser_leave(p);
    return left;
}

/* ES2025 13.14 ConditionalExpression : ShortCircuitExpression ? AssignmentExpression : AssignmentExpression */
static Node *parse_conditional(Parser *p, bool allow_in, CoverErrors *cover)
{
    Node *test = parse_binary(p, 0, allow_in, cover);
    if (TOK.type != T_QUESTION || is_bare_arrow(test))
        return test;
    check_cover_errors(p, cover);
    parser_next(p);
    Node *node = parser_new_node_at(p, AST_CONDITIONAL_EXPR, test);
    node->as.conditional.test = test;
    node->as.conditional.consequent = parse_assignment(p, true, NULL);
    parser_expect(p, T_COLON);
    node->as.conditional.alternate = parse_assignment(p, allow_in, NULL);
    return parser_finish(p, node);
}

/* Binary operator precedence (ES2025 13.6 to 13.13); 0 when not binary. */
enum { PREC_COALESCE = 1, PREC_OR = 1, PREC_AND = 2, PREC_RELATIONAL = 7, PREC_EXPONENT = 11 };

static int binary_precedence(TokenType type, bool allow_in)
{
    switch (type) {
    case T_QUESTION_QUESTION: case T_PIPE_PIPE: return 1;
    case T_AMP_AMP: return 2;
    case T_PIPE: return 3;
    case T_CARET: return 4;
    case T_AMP: return 5;
    case T_EQ: case T_NE: case T_STRICT_EQ: case T_STRICT_NE: return 6;
    case T_LT: case T_GT: case T_LE: case T_GE: case T_INSTANCEOF: return 7;
    case T_IN: return allow_in ? 7 : 0;
    case T_SHL: case T_SAR: case T_SHR: return 8;
    case T_PLUS: case T_MINUS: return 9;
    case T_STAR: case T_SLASH: case T_PERCENT: return 10;
    case T_STAR_STAR: return 11;
    default: return 0;
    }
}

static bool is_unparenthesized_logical(const Node *node, TokenType op)
{
    return node->kind == AST_LOGICAL_EXPR && !(node->flags & NF_PARENTHESIZED) && node->as.binary.op == op;
}

/* ?? cannot be mixed with && or || without parentheses (ES2025 13.13
 * CoalesceExpressionHead is a BitwiseORExpression). */
static void check_coalesce_mixing(Parser *p, const Node *left, TokenType op, const Node *right, uint32_t op_offset)
{
    bool bad;
    if (op == T_QUESTION_QUESTION)
        bad = is_unparenthesized_logical(left, T_AMP_AMP) || is_unparenthesized_logical(left, T_PIPE_PIPE) ||
              is_unparenthesized_logical(right, T_AMP_AMP) || is_unparenthesized_logical(right, T_PIPE_PIPE);
    else
        bad = is_unparenthesized_logical(left, T_QUESTION_QUESTION) ||
              is_unparenthesized_logical(right, T_QUESTION_QUESTION);
    if (bad)
        parser_error_range(p, op_offset, op_offset + (uint32_t)strlen(token_type_text(op)), "Unexpected token '%s'",
                           token_type_text(op));
}

/* RelationalExpression : PrivateIdentifier in ShiftExpression (ES2025 13.10) */
static Node *parse_private_in(Parser *p, int min_precedence, bool allow_in)
{
    Node *name = parser_new_node(p, AST_PRIVATE_NAME);
    name->as.identifier.name = parser_token_name(p);
    if (min_precedence > PREC_RELATIONAL || !allow_in || parser_peek(p, NULL) != T_IN)
        parser_error_unexpected(p);
    parser_use_private_name(p, name->as.identifier.name, TOK.start);
    parser_next(p);
    return parser_finish(p, name);
}

static bool is_unary_operand_for_exponent(const Node *node)
{
    return (node->kind == AST_UNARY_EXPR || node->kind == AST_AWAIT_EXPR) && !(node->flags & NF_PARENTHESIZED);
}

/* Precedence climbing over the binary operators; min_precedence is the
 * lowest operator this call may consume. */
static Node *parse_binary(Parser *p, int min_precedence, bool allow_in, CoverErrors *cover)
{
    Node *left;
    if (TOK.type == T_PRIVATE_NAME)
        left = parse_private_in(p, min_precedence, allow_in);
    else
        left = parse_unary(p, cover);
    if (is_bare_arrow(left))
        return left;
    for (;;) {
        TokenType op = TOK.type;
        int precedence = binary_precedence(op, allow_in);
        if (precedence == 0 || precedence < min_precedence)
            break;
        if (left->kind == AST_PRIVATE_NAME && op != T_IN)
            parser_error_unexpected(p);
        check_cover_errors(p, cover);
        if (op == T_STAR_STAR && is_unary_operand_for_exponent(left))
            parser_error_range(p, left->start, TOK.end, "Unary operator used immediately before exponentiation expression. "
                                          "Parenthesis must be used to disambiguate operator precedence");
        uint32_t op_offset = TOK.start;
        parser_next(p);
        parser_enter(p);
        /* ** is right-associative; the others are left-associative. */
        Node *right = parse_binary(p, op == T_STAR_STAR ? precedence : precedence + 1, allow_in, NULL);
        parser_leave(p);
        if (is_bare_arrow(right))
            parser_error_unexpected(p);
        bool logical = op == T_AMP_AMP || op == T_PIPE_PIPE || op == T_QUESTION_QUESTION;
        if (logical)
            check_coalesce_mixing(p, left, op, right, op_offset);
        Node *node = parser_new_node_at(p, logical ? AST_LOGICAL_EXPR : AST_BINARY_EXPR, left);
        node->as.binary.op = op;
        node->as.binary.left = left;
        node->as.binary.right = right;
        left = parser_finish(p, node);
    }
    return left;
}

static bool is_identifier_reference(const Node *node)
{
    while (node->kind == AST_IDENTIFIER || (node->flags & NF_PARENTHESIZED))
        if (node->kind == AST_IDENTIFIER)
            return true;
        else
            return false;
    return false;
}

/* delete of a private reference, possibly inside an optional chain */
static bool is_private_reference(const Node *node)
{
    if (node->kind == AST_OPTIONAL_CHAIN)
        node = node->as.optional_chain.expression;
    return node->kind == AST_MEMBER_EXPR && node->as.member.property &&
           node->as.member.property->kind == AST_PRIVATE_NAME;
}

/* ES2025 15.8 AwaitExpression : await UnaryExpression */
static Node *parse_await(Parser *p)
{
    if (p->fn->in_params)
        parser_error_at(p, TOK.start, "Illegal await-expression in formal parameters of async function");
    if (TOK.flags & TF_ESCAPED)
        parser_error_at(p, TOK.start, "Keyword must not contain escaped characters");
    Node *node = parser_new_node(p, AST_AWAIT_EXPR);
    if (!p->await_pos)
        p->await_pos = TOK.start + 1;
    parser_next(p);
    node->as.spread.argument = parse_unary(p, NULL);
    if (is_bare_arrow(node->as.spread.argument))
        parser_error_unexpected(p);
    return parser_finish(p, node);
}

static bool await_is_operator(Parser *p)
{
    return p->fn->is_async && !p->fn->in_static_block;
}

/* ES2025 13.5 UnaryExpression */
static Node *parse_unary(Parser *p, CoverErrors *cover)
{
    TokenType op = TOK.type;
    switch (op) {
    case T_DELETE: case T_VOID: case T_TYPEOF: case T_PLUS: case T_MINUS: case T_TILDE: case T_BANG: {
        parser_enter(p);
        Node *node = parser_new_node(p, AST_UNARY_EXPR);
        parser_next(p);
        Node *argument = parse_unary(p, NULL);
        if (is_bare_arrow(argument))
            parser_error_unexpected(p);
        node->as.unary.op = op;
        node->as.unary.argument = argument;
        if (op == T_DELETE && p->fn->is_strict && is_identifier_reference(argument))
            parser_error_at(p, argument->start, "Delete of an unqualified identifier in strict mode.");
        if (op == T_DELETE && is_private_reference(argument))
            parser_error_at(p, argument->start, "Private fields can not be deleted");
        parser_leave(p);
        return parser_finish(p, node);
    }
    case T_AWAIT:
        if (await_is_operator(p))
            return parse_await(p);
        if (p->fn->in_static_block)
            parser_error_at(p, TOK.start, "Unexpected reserved word");
        break;
    default:
        break;
    }
    return parse_update(p, cover);
}

/* ES2025 13.4 UpdateExpression */
static Node *parse_update(Parser *p, CoverErrors *cover)
{
    if (TOK.type == T_PLUS_PLUS || TOK.type == T_MINUS_MINUS) {
        Node *node = parser_new_node(p, AST_UPDATE_EXPR);
        node->as.update.op = TOK.type;
        node->as.update.is_prefix = true;
        parser_next(p);
        parser_enter(p);
        Node *argument = parse_unary(p, NULL);
        parser_leave(p);
        check_simple_assignment_target(p, argument, true);
        node->as.update.argument = argument;
        return parser_finish(p, node);
    }
    Node *argument = parse_lhs(p, cover);
    if ((TOK.type == T_PLUS_PLUS || TOK.type == T_MINUS_MINUS) && !TOK.newline_before && !is_bare_arrow(argument)) {
        check_cover_errors(p, cover);
        check_simple_assignment_target(p, argument, true);
        Node *node = parser_new_node_at(p, AST_UPDATE_EXPR, argument);
        node->as.update.op = TOK.type;
        node->as.update.argument = argument;
        parser_next(p);
        return parser_finish(p, node);
    }
    return argument;
}

/* Arguments : ( ArgumentList? ) with spreads and a trailing comma */
Node *parse_arguments(Parser *p, NodeList *list)
{
    parser_expect(p, T_LPAREN);
    while (TOK.type != T_RPAREN) {
        if (TOK.type == T_ELLIPSIS) {
            Node *spread = parser_new_node(p, AST_SPREAD_ELEMENT);
            parser_next(p);
            spread->as.spread.argument = parse_assignment(p, true, NULL);
            parser_push(p, list, parser_finish(p, spread));
        } else {
            parser_push(p, list, parse_assignment(p, true, NULL));
        }
        if (TOK.type != T_RPAREN) {
            if (TOK.type != T_COMMA)
                parser_error_at(p, TOK.start, "missing ) after argument list");
            parser_next(p);
        }
    }
    parser_next(p);
    return NULL;
}

static Node *new_member(Parser *p, Node *object, Node *property, bool computed, bool optional)
{
    Node *node = parser_new_node_at(p, AST_MEMBER_EXPR, object);
    node->as.member.object = object;
    node->as.member.property = property;
    node->as.member.is_computed = computed;
    node->as.member.is_optional = optional;
    return parser_finish(p, node);
}

/* The name after `.` or `?.`: any IdentifierName, or a PrivateIdentifier. */
static Node *parse_member_name(Parser *p)
{
    if (TOK.type == T_PRIVATE_NAME) {
        Node *name = parser_new_node(p, AST_PRIVATE_NAME);
        name->as.identifier.name = parser_token_name(p);
        parser_use_private_name(p, name->as.identifier.name, TOK.start);
        parser_next(p);
        return parser_finish(p, name);
    }
    if (TOK.type != T_IDENTIFIER && !(TOK.type >= T_FIRST_KEYWORD && TOK.type <= T_LAST_KEYWORD))
        parser_error_unexpected(p);
    Node *name = parser_new_node(p, AST_IDENTIFIER);
    name->as.identifier.name = parser_token_name(p);
    parser_next(p);
    return parser_finish(p, name);
}

static Node *parse_tagged_template(Parser *p, Node *tag)
{
    Node *node = parser_new_node_at(p, AST_TAGGED_TEMPLATE, tag);
    node->as.tagged_template.tag = tag;
    node->as.tagged_template.quasi = parse_template(p, true);
    return parser_finish(p, node);
}

/*
 * The subscripts after a MemberExpression or CallExpression: .name, [expr],
 * (arguments), tagged templates, and optional chains (ES2025 13.3).
 * allow_calls is false after `new` (NewExpression : new MemberExpression).
 */
static Node *parse_subscripts(Parser *p, Node *expr, bool allow_calls)
{
    bool in_chain = false;
    for (;;) {
        switch (TOK.type) {
        case T_DOT:
            parser_next(p);
            if (expr->kind == AST_SUPER && TOK.type == T_PRIVATE_NAME)
                parser_error_at(p, TOK.start, "Unexpected private field");
            expr = new_member(p, expr, parse_member_name(p), false, false);
            break;
        case T_QUESTION_DOT:
            if (!allow_calls)
                parser_error_at(p, TOK.start, "Invalid optional chain from new expression");
            in_chain = true;
            parser_next(p);
            if (TOK.type == T_LPAREN) {
                Node *call = parser_new_node_at(p, AST_CALL_EXPR, expr);
                call->as.call.callee = expr;
                call->as.call.is_optional = true;
                parse_arguments(p, &call->as.call.arguments);
                expr = parser_finish(p, call);
            } else if (TOK.type == T_LBRACKET) {
                parser_next(p);
                Node *property = parse_expression(p, true);
                parser_expect(p, T_RBRACKET);
                expr = new_member(p, expr, property, true, true);
            } else if (TOK.type == T_TEMPLATE || TOK.type == T_TEMPLATE_HEAD) {
                parser_error_at(p, TOK.start, "Invalid tagged template on optional chain");
            } else {
                expr = new_member(p, expr, parse_member_name(p), false, true);
            }
            break;
        case T_LBRACKET: {
            parser_next(p);
            Node *property = parse_expression(p, true);
            parser_expect(p, T_RBRACKET);
            expr = new_member(p, expr, property, true, false);
            break;
        }
        case T_TEMPLATE:
        case T_TEMPLATE_HEAD:
            if (in_chain)
                parser_error_at(p, TOK.start, "Invalid tagged template on optional chain");
            expr = parse_tagged_template(p, expr);
            break;
        case T_LPAREN: {
            if (!allow_calls)
                goto done;
            Node *call = parser_new_node_at(p, AST_CALL_EXPR, expr);
            call->as.call.callee = expr;
            parse_arguments(p, &call->as.call.arguments);
            expr = parser_finish(p, call);
            break;
        }
        default:
            goto done;
        }
    }
done:
    if (in_chain) {
        Node *chain = parser_new_node_at(p, AST_OPTIONAL_CHAIN, expr);
        chain->as.optional_chain.expression = expr;
        expr = parser_finish(p, chain);
    }
    return expr;
}

static FunctionState *nearest_non_arrow(Parser *p)
{
    FunctionState *fn = p->fn;
    while (fn->is_arrow && fn->parent)
        fn = fn->parent;
    return fn;
}

/* super . IdentifierName, super [ Expression ], super Arguments (ES2025 13.3.5, 13.3.7) */
static Node *parse_super(Parser *p)
{
    Node *node = parser_new_node(p, AST_SUPER);
    parser_next(p);
    FunctionState *fn = nearest_non_arrow(p);
    if (TOK.type == T_LPAREN) {
        if (!p->fn->allow_super_call)
            parser_error_range(p, node->start, node->start + 5, "'super' keyword unexpected here");
    } else if (TOK.type == T_DOT || TOK.type == T_LBRACKET) {
        if (!p->fn->allow_super_property)
            parser_error_range(p, node->start, node->start + 5, "'super' keyword unexpected here");
    } else {
        parser_error_range(p, node->start, node->start + 5, "'super' keyword unexpected here");
    }
    if (fn->node)
        fn->node->as.function.uses_super = true;
    return parser_finish(p, node);
}

/* new.target (ES2025 13.3.12) */
static Node *parse_new_target(Parser *p, Node *node)
{
    parser_next(p);   /* . */
    if (!(TOK.type == T_IDENTIFIER && TOK.contextual == CW_TARGET))
        parser_error_unexpected(p);
    if (TOK.flags & TF_ESCAPED)
        parser_error_at(p, TOK.start, "'new.target' must not contain escaped characters");
    if (!p->fn->allow_new_target)
        parser_error_at(p, node->start, "new.target expression is not allowed here");
    parser_next(p);
    ast_set_kind(node, AST_NEW_TARGET);
    return parser_finish(p, node);
}

/* NewExpression : new NewExpression | new MemberExpression Arguments (ES2025 13.3.5) */
static Node *parse_new(Parser *p)
{
    parser_enter(p);
    Node *node = parser_new_node(p, AST_NEW_EXPR);
    parser_next(p);
    if (TOK.type == T_DOT) {
        Node *target = parse_new_target(p, node);
        parser_leave(p);
        return target;
    }
    Node *callee;
    if (TOK.type == T_NEW)
        callee = parse_new(p);
    else if (TOK.type == T_SUPER)
        callee = parse_super(p);
    else if (TOK.type == T_IMPORT) {
        callee = parse_import_call_or_meta(p);
        if (callee->kind == AST_IMPORT_CALL)
            parser_error_at(p, callee->start, "Cannot use new with import");
    } else
        callee = parse_primary(p, NULL);
    if (is_bare_arrow(callee))
        parser_error_unexpected(p);
    callee = parse_subscripts(p, callee, false);
    node->as.call.callee = callee;
    if (TOK.type == T_LPAREN)
        parse_arguments(p, &node->as.call.arguments);
    parser_leave(p);
    return parser_finish(p, node);
}

/* LeftHandSideExpression (ES2025 13.3) */
static Node *parse_lhs(Parser *p, CoverErrors *cover)
{
    Node *expr;
    switch (TOK.type) {
    case T_NEW:
        expr = parse_new(p);
        break;
    case T_SUPER:
        expr = parse_super(p);
        break;
    case T_IMPORT:
        expr = parse_import_call_or_meta(p);
        break;
    default:
        expr = parse_primary(p, cover);
        if (is_bare_arrow(expr))
            return expr;
        break;
    }
    switch (TOK.type) {
    case T_DOT: case T_QUESTION_DOT: case T_LBRACKET: case T_LPAREN: case T_TEMPLATE: case T_TEMPLATE_HEAD:
        check_cover_errors(p, cover);
        return parse_subscripts(p, expr, true);
    default:
        return expr;
    }
}

Node *parse_lhs_expression(Parser *p)
{
    Node *expr = parse_lhs(p, NULL);
    if (is_bare_arrow(expr))
        parser_error_at(p, expr->start, "Malformed arrow function parameter list");
    return expr;
}

/* ---- Primary expressions ---- */

/* ES2025 13.1.1 Static Semantics: Early Errors for IdentifierReference */
static void check_identifier_reference(Parser *p, const Token *token)
{
    if (token->type == T_AWAIT || (token->type == T_IDENTIFIER && token->escaped_keyword == T_AWAIT)) {
        if (p->is_module || p->fn->is_async)
            parser_error_at(p, token->start, "Unexpected reserved word");
        if (p->fn->in_static_block)
            parser_error_at(p, token->start, "Unexpected reserved word");
        if (!p->await_ident_pos)
            p->await_ident_pos = token->start + 1;
        p->last_await_ident = token->start + 1;
        return;
    }
    if (token->type == T_YIELD || (token->type == T_IDENTIFIER && token->escaped_keyword == T_YIELD)) {
        if (p->fn->is_generator || p->fn->is_strict)
            parser_error_at(p, token->start, p->fn->is_strict ? "Unexpected strict mode reserved word"
                                                               : "Unexpected identifier 'yield'");
        return;
    }
    if (token->type != T_IDENTIFIER)
        parser_error_unexpected(p);
    if (token->escaped_keyword != T_EOF)
        parser_error_at(p, token->start, "Keyword must not contain escaped characters");
    if (token->contextual == CW_NONE)
        return;
    if (p->fn->is_strict && is_reserved_in_strict((AstName){ token->value.name.chars, token->value.name.len }))
        parser_error_at(p, token->start, "Unexpected strict mode reserved word");
    if (token->contextual == CW_ARGUMENTS) {
        if (p->fn->no_arguments)
            parser_error_at(p, token->start, "'arguments' is not allowed in class field initializer or static initialization block");
        FunctionState *fn = nearest_non_arrow(p);
        if (fn->node)
            fn->node->as.function.uses_arguments = true;
    }
}

Node *parse_identifier_reference(Parser *p)
{
    Token token = TOK;
    check_identifier_reference(p, &token);
    Node *node = parser_new_node(p, AST_IDENTIFIER);
    node->as.identifier.name = parser_token_name(p);
    parser_next(p);
    return parser_finish(p, node);
}

static Node *parse_string_literal(Parser *p)
{
    parser_check_legacy_octal(p, &TOK);
    Node *node = parser_new_node(p, AST_STRING_LITERAL);
    node->as.string_literal.value.chars = TOK.value.string.chars;
    node->as.string_literal.value.len = TOK.value.string.len;
    parser_next(p);
    return parser_finish(p, node);
}

static Node *parse_number_literal(Parser *p)
{
    parser_check_legacy_octal(p, &TOK);
    Node *node;
    if (TOK.type == T_BIGINT) {
        node = parser_new_node(p, AST_BIGINT_LITERAL);
        node->as.bigint_literal.digits.chars = TOK.value.bigint.chars;
        node->as.bigint_literal.digits.len = TOK.value.bigint.len;
    } else {
        node = parser_new_node(p, AST_NUMBER_LITERAL);
        node->as.number_literal.value = TOK.value.number;
    }
    parser_next(p);
    return parser_finish(p, node);
}

static bool regexp_flags_valid(const char *flags, uint32_t len)
{
    unsigned seen = 0;
    for (uint32_t i = 0; i < len; i++) {
        const char *letter = strchr("dgimsuvy", flags[i]);
        if (!flags[i] || !letter)
            return false;
        unsigned bit = 1u << (letter - "dgimsuvy");
        if (seen & bit)
            return false;
        seen |= bit;
    }
    return !((seen & (1u << 5)) && (seen & (1u << 6)));   /* not both u and v */
}

/* RegularExpressionLiteral, with its early errors (ES2025 13.2.7.1) */
static Node *parse_regexp_literal(Parser *p)
{
    lexer_rescan_regexp(&p->lexer);
    if (TOK.type == T_ERROR)
        parser_error_at(p, TOK.error_offset, "%s", p->lexer.error ? p->lexer.error : "Invalid regular expression: missing /");
    Node *node = parser_new_node(p, AST_REGEXP_LITERAL);
    node->as.regexp_literal.pattern.chars = TOK.value.regexp.body;
    node->as.regexp_literal.pattern.len = TOK.value.regexp.body_len;
    node->as.regexp_literal.flags.chars = TOK.value.regexp.flags;
    node->as.regexp_literal.flags.len = TOK.value.regexp.flags_len;
    if (!regexp_flags_valid(TOK.value.regexp.flags, TOK.value.regexp.flags_len))
        parser_error_range(p, TOK.start, TOK.start + 1, "Invalid regular expression flags");
    char message[200];
    if (!regexp_check_syntax(TOK.value.regexp.body, TOK.value.regexp.body_len, TOK.value.regexp.flags,
                             TOK.value.regexp.flags_len, message, sizeof message)) {
        uint32_t token_bytes = TOK.end - TOK.start;
        parser_error_range(p, TOK.start, TOK.end, "Invalid regular expression: %.*s: %s", (int)token_bytes,
                        p->src + TOK.start, message);
    }
    parser_next(p);
    return parser_finish(p, node);
}

static Node *template_element(Parser *p, bool is_tagged)
{
    /* ES2025 13.2.8.1: NotEscapeSequence only in tagged templates */
    if ((TOK.flags & TF_INVALID_ESCAPE) && !is_tagged)
        parser_error_at(p, TOK.error_offset, "%s", lexer_escape_error_message(p->src, p->len, TOK.error_offset, true));
    Node *element = parser_new_node(p, AST_TEMPLATE_ELEMENT);
    element->as.template_element.cooked_valid = !(TOK.flags & TF_INVALID_ESCAPE);
    element->as.template_element.cooked.chars = TOK.value.string.chars;
    element->as.template_element.cooked.len = TOK.value.string.len;
    element->as.template_element.raw.chars = TOK.value.string.raw;
    element->as.template_element.raw.len = TOK.value.string.raw_len;
    element->end = TOK.end;
    return element;
}

/* TemplateLiteral (ES2025 13.2.8): the current token is T_TEMPLATE or T_TEMPLATE_HEAD. */
Node *parse_template(Parser *p, bool is_tagged)
{
    Node *node = parser_new_node(p, AST_TEMPLATE_LITERAL);
    parser_enter(p);
    for (;;) {
        TokenType type = TOK.type;
        parser_push(p, &node->as.template_literal.quasis, template_element(p, is_tagged));
        if (type == T_TEMPLATE || type == T_TEMPLATE_TAIL) {
            parser_next(p);
            break;
        }
        parser_next(p);
        parser_push(p, &node->as.template_literal.expressions, parse_expression(p, true));
        if (TOK.type == T_EOF) {
            p->error->no_caret_line = true;
            parser_error_range(p, p->prev_end, p->prev_end, "Missing } in template expression");
        }
        if (TOK.type != T_RBRACE)
            parser_error_unexpected(p);
        lexer_rescan_template(&p->lexer);
        if (TOK.type == T_ERROR)
            parser_error_at(p, TOK.error_offset, "%s", p->lexer.error ? p->lexer.error : "Unterminated template literal");
    }
    parser_leave(p);
    return parser_finish(p, node);
}

/* ArrayLiteral (ES2025 13.2.4), possibly an ArrayAssignmentPattern */
static Node *parse_array_literal(Parser *p, CoverErrors *cover)
{
    Node *node = parser_new_node(p, AST_ARRAY_EXPR);
    parser_enter(p);
    parser_next(p);
    while (TOK.type != T_RBRACKET) {
        if (TOK.type == T_COMMA) {
            parser_next(p);
            parser_push(p, &node->as.array.elements, NULL);
            continue;
        }
        Node *element;
        if (TOK.type == T_ELLIPSIS) {
            element = parser_new_node(p, AST_SPREAD_ELEMENT);
            parser_next(p);
            element->as.spread.argument = parse_assignment(p, true, cover);
            parser_finish(p, element);
            if (TOK.type == T_COMMA)
                element->flags |= NF_TAIL;   /* a comma after a spread: not a valid rest element */
        } else {
            element = parse_assignment(p, true, cover);
        }
        parser_push(p, &node->as.array.elements, element);
        if (TOK.type != T_RBRACKET)
            parser_expect(p, T_COMMA);
    }
    parser_next(p);
    parser_leave(p);
    return parser_finish(p, node);
}

/* PropertyName : LiteralPropertyName | ComputedPropertyName (ES2025 13.2.5),
 * and PrivateIdentifier in class bodies. */
Node *parse_property_name(Parser *p, bool *is_computed, bool allow_private)
{
    *is_computed = false;
    Node *key;
    switch (TOK.type) {
    case T_STRING:
        return parse_string_literal(p);
    case T_NUMBER:
    case T_BIGINT:
        return parse_number_literal(p);
    case T_LBRACKET:
        *is_computed = true;
        parser_next(p);
        key = parse_assignment(p, true, NULL);
        parser_expect(p, T_RBRACKET);
        return key;
    case T_PRIVATE_NAME:
        if (!allow_private)
            parser_error_unexpected(p);
        key = parser_new_node(p, AST_PRIVATE_NAME);
        key->as.identifier.name = parser_token_name(p);
        parser_next(p);
        return parser_finish(p, key);
    default:
        if (TOK.type != T_IDENTIFIER && !(TOK.type >= T_FIRST_KEYWORD && TOK.type <= T_LAST_KEYWORD))
            parser_error_unexpected(p);
        key = parser_new_node(p, AST_IDENTIFIER);
        key->as.identifier.name = parser_token_name(p);
        parser_next(p);
        return parser_finish(p, key);
    }
}

static bool key_is_proto(const Node *key, bool computed)
{
    if (computed)
        return false;
    if (key->kind == AST_IDENTIFIER)
        return name_is(key->as.identifier.name, "__proto__");
    if (key->kind == AST_STRING_LITERAL) {
        static const char proto[] = "__proto__";
        if (key->as.string_literal.value.len != 9)
            return false;
        for (int i = 0; i < 9; i++)
            if (key->as.string_literal.value.chars[i] != (uint16_t)proto[i])
                return false;
        return true;
    }
    return false;
}

/* Is the token after a `get`, `set` or `async` a property name (so the word
 * is a modifier), rather than `:`, `(`, `,`, `}` or `=`? */
static bool next_is_property_name(Parser *p)
{
    TokenType next = parser_peek(p, NULL);
    return next == T_IDENTIFIER || next == T_STRING || next == T_NUMBER || next == T_BIGINT ||
           next == T_LBRACKET || next == T_PRIVATE_NAME || (next >= T_FIRST_KEYWORD && next <= T_LAST_KEYWORD);
}

static Node *parse_method_property(Parser *p, Node *prop, AstPropertyKind kind, AstFunctionKind fn_kind,
                                   bool is_async, bool is_generator)
{
    bool computed;
    prop->as.property.key = parse_property_name(p, &computed, false);
    prop->as.property.is_computed = computed;
    prop->as.property.kind = kind;
    prop->as.property.value = parse_method(p, prop->as.property.key, fn_kind, is_async, is_generator);
    return parser_finish(p, prop);
}

/* Shorthand `a` or `a = 1` (CoverInitializedName) in an object literal. */
static Node *parse_shorthand_property(Parser *p, Node *prop, const Token *key_token, CoverErrors *cover)
{
    Node *key = prop->as.property.key;
    if (key_token->type != T_IDENTIFIER && key_token->type != T_YIELD && key_token->type != T_AWAIT)
        parser_error_at(p, key_token->start, "Unexpected token '%s'", token_type_text(key_token->type));
    check_identifier_reference(p, key_token);
    Node *value = parser_new_node_at(p, AST_IDENTIFIER, key);
    value->as.identifier.name = key->as.identifier.name;
    value->end = key->end;
    prop->as.property.is_shorthand = true;
    if (TOK.type == T_ASSIGN) {
        if (cover && !cover->shorthand_init)
            cover->shorthand_init = key->start + 1;
        else if (!cover)
            parser_error_at(p, TOK.start, "Invalid shorthand property initializer");
        parser_next(p);
        Node *assign = parser_new_node_at(p, AST_ASSIGN_PATTERN, value);
        assign->as.binary.op = T_ASSIGN;
        assign->as.binary.left = value;
        assign->as.binary.right = parse_assignment(p, true, NULL);
        value = parser_finish(p, assign);
    }
    prop->as.property.value = value;
    return parser_finish(p, prop);
}

/* PropertyDefinition (ES2025 13.2.5) */
static Node *parse_property(Parser *p, CoverErrors *cover, bool *seen_proto)
{
    Node *prop = parser_new_node(p, AST_PROPERTY);
    if (TOK.type == T_ELLIPSIS) {
        Node *spread = parser_new_node(p, AST_SPREAD_ELEMENT);
        parser_next(p);
        spread->as.spread.argument = parse_assignment(p, true, cover);
        return parser_finish(p, spread);
    }
    if (parser_eat(p, T_STAR))
        return parse_method_property(p, prop, PROPERTY_KIND_METHOD, FUNCTION_KIND_METHOD, false, true);
    if (TOK.type == T_IDENTIFIER && !(TOK.flags & TF_ESCAPED) && next_is_property_name(p)) {
        if (TOK.contextual == CW_GET) {
            parser_next(p);
            return parse_method_property(p, prop, PROPERTY_KIND_GETTER, FUNCTION_KIND_GETTER, false, false);
        }
        if (TOK.contextual == CW_SET) {
            parser_next(p);
            return parse_method_property(p, prop, PROPERTY_KIND_SETTER, FUNCTION_KIND_SETTER, false, false);
        }
    }
    if (parser_at_contextual(p, CW_ASYNC)) {
        bool newline;
        TokenType next = parser_peek(p, &newline);
        if (!newline && (next == T_STAR || next_is_property_name(p))) {
            parser_next(p);
            bool generator = parser_eat(p, T_STAR);
            return parse_method_property(p, prop, PROPERTY_KIND_METHOD, FUNCTION_KIND_METHOD, true, generator);
        }
    }
    Token key_token = TOK;
    bool computed;
    Node *key = parse_property_name(p, &computed, false);
    prop->as.property.key = key;
    prop->as.property.is_computed = computed;
    if (parser_eat(p, T_COLON)) {
        prop->as.property.value = parse_assignment(p, true, cover);
        if (key_is_proto(key, computed)) {
            prop->as.property.kind = PROPERTY_KIND_PROTO;
            if (*seen_proto && cover && !cover->double_proto)
                cover->double_proto = key->start + 1;
            else if (*seen_proto && !cover)
                parser_error_at(p, key->start, "Duplicate __proto__ fields are not allowed in object literals");
            *seen_proto = true;
        }
        return parser_finish(p, prop);
    }
    if (TOK.type == T_LPAREN) {
        prop->as.property.kind = PROPERTY_KIND_METHOD;
        prop->as.property.value = parse_method(p, key, FUNCTION_KIND_METHOD, false, false);
        return parser_finish(p, prop);
    }
    if (computed || key->kind != AST_IDENTIFIER)
        parser_error_unexpected(p);
    return parse_shorthand_property(p, prop, &key_token, cover);
}

/* ObjectLiteral (ES2025 13.2.5), possibly an ObjectAssignmentPattern */
static Node *parse_object_literal(Parser *p, CoverErrors *cover)
{
    Node *node = parser_new_node(p, AST_OBJECT_EXPR);
    parser_enter(p);
    parser_next(p);
    bool seen_proto = false;
    while (TOK.type != T_RBRACE) {
        Node *prop = parse_property(p, cover, &seen_proto);
        if (prop->kind == AST_SPREAD_ELEMENT && TOK.type == T_COMMA)
            prop->flags |= NF_TAIL;
        parser_push(p, &node->as.object.properties, prop);
        if (TOK.type != T_RBRACE)
            parser_expect(p, T_COMMA);
    }
    parser_next(p);
    parser_leave(p);
    return parser_finish(p, node);
}

/*
 * ( Expression ), or the parameters of an arrow function
 * (CoverParenthesizedExpressionAndArrowParameterList, ES2025 13.2.10).
 */
static Node *parse_parenthesized(Parser *p, CoverErrors *outer_cover)
{
    (void)outer_cover;
    Node *start = parser_new_node(p, AST_SEQUENCE_EXPR);
    parser_enter(p);
    parser_next(p);
    uint32_t saved_yield = p->yield_pos, saved_await = p->await_pos, saved_await_ident = p->await_ident_pos;
    p->yield_pos = p->await_pos = p->await_ident_pos = 0;
    CoverErrors cover = { 0, 0 };
    NodeList items = { 0 };
    uint32_t trailing_comma = 0, rest_at = 0;
    while (TOK.type != T_RPAREN) {
        if (TOK.type == T_ELLIPSIS) {
            Node *rest = parser_new_node(p, AST_REST_ELEMENT);
            rest_at = TOK.start + 1;
            parser_next(p);
            rest->as.spread.argument = parse_binding_target(p, DECL_PARAM);
            if (TOK.type == T_ASSIGN)
                parser_error_at(p, TOK.start, "Rest parameter may not have a default initializer");
            parser_push(p, &items, parser_finish(p, rest));
            if (TOK.type != T_RPAREN)
                parser_error_at(p, TOK.start, "Rest parameter must be last formal parameter");
            break;
        }
        parser_push(p, &items, parse_assignment(p, true, &cover));
        if (TOK.type == T_RPAREN)
            break;
        uint32_t comma = TOK.start;
        parser_expect(p, T_COMMA);
        if (TOK.type == T_RPAREN)
            trailing_comma = comma + 1;
    }
    parser_next(p);
    bool newline_before_arrow = TOK.newline_before;
    if (TOK.type == T_ARROW) {
        if (newline_before_arrow)
            parser_error_unexpected(p);
        if (p->yield_pos)
            parser_error_at(p, p->yield_pos - 1, "Yield expression not allowed in formal parameter");
        if (p->await_pos)
            parser_error_at(p, p->await_pos - 1, "Illegal await-expression in formal parameters of async function");
        p->yield_pos = saved_yield;
        p->await_pos = saved_await;
        p->await_ident_pos = saved_await_ident ? saved_await_ident : p->await_ident_pos;
        Node *arrow = parse_arrow_function(p, start, &items, false);
        parser_leave(p);
        return arrow;
    }
    if (items.count == 0)
        parser_error_at(p, p->prev_end - 1, "Unexpected token ')'");
    if (rest_at)
        parser_error_at(p, rest_at - 1, "Unexpected token '...'");
    if (trailing_comma)
        parser_error_at(p, p->prev_end - 1, "Unexpected token ')'");
    check_cover_errors(p, &cover);
    if (!p->yield_pos) p->yield_pos = saved_yield;
    if (!p->await_pos) p->await_pos = saved_await;
    if (!p->await_ident_pos) p->await_ident_pos = saved_await_ident;
    Node *expr;
    if (items.count == 1) {
        expr = items.items[0];
    } else {
        start->as.sequence.expressions = items;
        expr = start;
        expr->end = items.items[items.count - 1]->end;
    }
    expr->flags |= NF_PARENTHESIZED;
    parser_leave(p);
    return expr;
}

/* `async` at the start of a primary expression: an async function or arrow,
 * or just an identifier named async (ES2025 15.8, 15.9). */
static Node *parse_async_primary(Parser *p, CoverErrors *cover)
{
    bool newline;
    Token async_token = TOK;
    TokenType next = parser_peek(p, &newline);
    if (next == T_FUNCTION && !newline) {
        Node *start = parser_new_node(p, AST_FUNCTION_EXPR);
        parser_next(p);
        return parse_function(p, AST_FUNCTION_EXPR, true, start->start, start, false);
    }
    Node *ident = parse_identifier_reference(p);
    if (newline)
        return ident;
    if ((parser_is_identifier_token(p) || TOK.type == T_YIELD || TOK.type == T_AWAIT) &&
        parser_peek(p, NULL) == T_ARROW) {
        /* async x => body */
        Token param_token = TOK;
        if (param_token.type == T_AWAIT || (param_token.type == T_IDENTIFIER && param_token.escaped_keyword == T_AWAIT))
            parser_error_at(p, param_token.start, "Unexpected reserved word");
        Node *param = parse_binding_identifier(p, DECL_PARAM);
        if (TOK.newline_before)
            parser_error_unexpected(p);
        NodeList params = { 0 };
        parser_push(p, &params, param);
        return parse_arrow_function(p, ident, &params, true);
    }
    if (TOK.type != T_LPAREN || (async_token.flags & TF_ESCAPED))
        return ident;
    /* async ( ... ): a call, or the parameters of an async arrow */
    uint32_t saved_yield = p->yield_pos, saved_await = p->await_pos, saved_await_ident = p->await_ident_pos;
    p->yield_pos = p->await_pos = p->await_ident_pos = 0;
    Node *call = parser_new_node_at(p, AST_CALL_EXPR, ident);
    call->as.call.callee = ident;
    CoverErrors args_cover = { 0, 0 };
    parser_next(p);
    uint32_t rest_at = 0;
    while (TOK.type != T_RPAREN) {
        if (TOK.type == T_ELLIPSIS) {
            Node *spread = parser_new_node(p, AST_SPREAD_ELEMENT);
            parser_next(p);
            spread->as.spread.argument = parse_assignment(p, true, &args_cover);
            parser_push(p, &call->as.call.arguments, parser_finish(p, spread));
            if (TOK.type == T_COMMA && !rest_at)
                rest_at = TOK.start + 1;
        } else {
            parser_push(p, &call->as.call.arguments, parse_assignment(p, true, &args_cover));
        }
        if (TOK.type != T_RPAREN) {
            if (TOK.type != T_COMMA)
                parser_error_at(p, TOK.start, "missing ) after argument list");
            parser_next(p);
        }
    }
    parser_next(p);
    parser_finish(p, call);
    if (TOK.type == T_ARROW && !TOK.newline_before) {
        if (p->yield_pos)
            parser_error_at(p, p->yield_pos - 1, "Yield expression not allowed in formal parameter");
        if (p->await_pos)
            parser_error_at(p, p->await_pos - 1, "Illegal await-expression in formal parameters of async function");
        if (p->await_ident_pos)
            parser_error_at(p, p->await_ident_pos - 1, "Unexpected reserved word");
        if (rest_at)
            parser_error_at(p, rest_at - 1, "Rest parameter must be last formal parameter");
        p->yield_pos = saved_yield;
        p->await_pos = saved_await;
        p->await_ident_pos = saved_await_ident;
        return parse_arrow_function(p, ident, &call->as.call.arguments, true);
    }
    check_cover_errors(p, &args_cover);
    (void)cover;
    if (!p->yield_pos) p->yield_pos = saved_yield;
    if (!p->await_pos) p->await_pos = saved_await;
    if (!p->await_ident_pos) p->await_ident_pos = saved_await_ident;
    return call;
}

/* IdentifierReference, or the single parameter of `x => body` */
static Node *parse_identifier_primary(Parser *p)
{
    if (parser_at_contextual(p, CW_ASYNC))
        return parse_async_primary(p, NULL);
    Token token = TOK;
    bool newline;
    if (parser_peek(p, &newline) == T_ARROW) {
        Node *param = parse_binding_identifier(p, DECL_PARAM);
        if (TOK.newline_before)
            parser_error_unexpected(p);
        NodeList params = { 0 };
        parser_push(p, &params, param);
        (void)token;
        return parse_arrow_function(p, param, &params, false);
    }
    return parse_identifier_reference(p);
}

/* PrimaryExpression (ES2025 13.2) */
static Node *parse_primary(Parser *p, CoverErrors *cover)
{
    Node *node;
    switch (TOK.type) {
    case T_THIS: {
        node = parser_new_node(p, AST_THIS_EXPR);
        FunctionState *fn = nearest_non_arrow(p);
        if (fn->node)
            fn->node->as.function.uses_this = true;
        parser_next(p);
        return parser_finish(p, node);
    }
    case T_IDENTIFIER:
    case T_YIELD:
    case T_AWAIT:
        return parse_identifier_primary(p);
    case T_NUMBER:
    case T_BIGINT:
        return parse_number_literal(p);
    case T_STRING:
        return parse_string_literal(p);
    case T_NULL:
    case T_TRUE:
    case T_FALSE:
        node = parser_new_node(p, TOK.type == T_NULL ? AST_NULL_LITERAL
                                  : TOK.type == T_TRUE ? AST_TRUE_LITERAL : AST_FALSE_LITERAL);
        parser_next(p);
        return parser_finish(p, node);
    case T_TEMPLATE:
    case T_TEMPLATE_HEAD:
        return parse_template(p, false);
    case T_SLASH:
    case T_SLASH_ASSIGN:
        return parse_regexp_literal(p);
    case T_LPAREN:
        return parse_parenthesized(p, cover);
    case T_LBRACKET:
        return parse_array_literal(p, cover);
    case T_LBRACE:
        return parse_object_literal(p, cover);
    case T_FUNCTION: {
        Node *start = parser_new_node(p, AST_FUNCTION_EXPR);
        return parse_function(p, AST_FUNCTION_EXPR, false, start->start, start, false);
    }
    case T_CLASS:
        return parse_class(p, AST_CLASS_EXPR, false, NULL, NULL);
    case T_AT: {
        Node *start = parser_new_node(p, AST_CLASS_EXPR);
        NodeList decorators = { 0 };
        parse_decorators(p, &decorators);
        if (TOK.type != T_CLASS)
            parser_error_unexpected(p);
        return parse_class(p, AST_CLASS_EXPR, false, &decorators, start);
    }
    default:
        parser_error_unexpected(p);
    }
}
