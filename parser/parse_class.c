/*
 * Classes (ES2025 15.7 Class Definitions): heritage, methods, accessors,
 * fields, private names, static blocks, and decorators (the decorators
 * proposal that test262 tests: @expr before classes and class elements, and
 * `accessor` fields).
 *
 * All parts of a class are strict mode code (ES2025 11.2.2).
 */
#include "parser/parser_internal.h"

#include <string.h>

static bool key_is_named(const Node *key, bool computed, const char *name)
{
    if (computed || !key)
        return false;
    if (key->kind == AST_IDENTIFIER)
        return name_is(key->as.identifier.name, name);
    if (key->kind == AST_STRING_LITERAL) {
        size_t len = strlen(name);
        if (key->as.string_literal.value.len != len)
            return false;
        for (size_t i = 0; i < len; i++)
            if (key->as.string_literal.value.chars[i] != (uint16_t)(unsigned char)name[i])
                return false;
        return true;
    }
    return false;
}

/* ---- Private names (ES2025 15.7.1: PrivateBoundIdentifiers, AllPrivateIdentifiersValid) ---- */

static PrivateName *new_private_name(Parser *p, AstName name, uint32_t offset, int kind, bool is_static)
{
    PrivateName *entry = arena_alloc(p->arena, sizeof *entry);
    if (!entry)
        parser_error_at(p, offset, "Out of memory while parsing");
    entry->name = name;
    entry->offset = offset;
    entry->kind = (uint8_t)kind;
    entry->is_static = is_static;
    entry->next = NULL;
    return entry;
}

static bool names_equal(AstName a, AstName b)
{
    return a.len == b.len && memcmp(a.chars, b.chars, a.len) == 0;
}

void parser_use_private_name(Parser *p, AstName name, uint32_t offset)
{
    if (!p->class_state)
        parser_error_at(p, offset, "Private field '#%.*s' must be declared in an enclosing class", (int)name.len, name.chars);
    PrivateName *use = new_private_name(p, name, offset, PRIVATE_USE, false);
    use->next = p->class_state->used;
    p->class_state->used = use;
}

/* A private name may be declared once, except a getter and a setter of the
 * same staticness. */
static void declare_private_name(Parser *p, ClassState *cls, AstName name, uint32_t offset, int kind, bool is_static)
{
    if (name_is(name, "constructor"))
        parser_error_at(p, offset, "Classes may not have a private field named '#constructor'");
    for (PrivateName *existing = cls->declared; existing; existing = existing->next) {
        if (!names_equal(existing->name, name))
            continue;
        bool accessor_pair = ((existing->kind == PRIVATE_GETTER && kind == PRIVATE_SETTER) ||
                              (existing->kind == PRIVATE_SETTER && kind == PRIVATE_GETTER)) &&
                             existing->is_static == is_static;
        if (!accessor_pair)
            parser_error_at(p, offset, "Identifier '#%.*s' has already been declared", (int)name.len, name.chars);
        existing->kind = PRIVATE_METHOD;   /* the pair is complete: a third is an error */
        return;
    }
    PrivateName *entry = new_private_name(p, name, offset, kind, is_static);
    entry->next = cls->declared;
    cls->declared = entry;
}

/* Uses not declared in this class must be declared in an enclosing one. */
static void resolve_private_names(Parser *p, ClassState *cls)
{
    PrivateName *use = cls->used;
    while (use) {
        PrivateName *next = use->next;
        bool found = false;
        for (PrivateName *decl = cls->declared; decl && !found; decl = decl->next)
            found = names_equal(decl->name, use->name);
        if (!found) {
            if (!cls->parent)
                parser_error_at(p, use->offset, "Private field '#%.*s' must be declared in an enclosing class",
                                (int)use->name.len, use->name.chars);
            use->next = cls->parent->used;
            cls->parent->used = use;
        }
        use = next;
    }
}

/* ---- Decorators ---- */

/*
 * Decorator : @ DecoratorMemberExpression | @ DecoratorParenthesizedExpression
 *           | @ DecoratorCallExpression
 */
static Node *parse_decorator(Parser *p)
{
    Node *node = parser_new_node(p, AST_DECORATOR);
    parser_expect(p, T_AT);
    Node *expr;
    if (TOK.type == T_LPAREN) {
        parser_next(p);
        expr = parse_expression(p, true);
        parser_expect(p, T_RPAREN);
        expr->flags |= NF_PARENTHESIZED;
    } else {
        expr = parse_identifier_reference(p);
        while (TOK.type == T_DOT) {
            parser_next(p);
            Node *member = parser_new_node_at(p, AST_MEMBER_EXPR, expr);
            member->as.member.object = expr;
            if (TOK.type == T_PRIVATE_NAME) {
                Node *name = parser_new_node(p, AST_PRIVATE_NAME);
                name->as.identifier.name = parser_token_name(p);
                parser_use_private_name(p, name->as.identifier.name, TOK.start);
                parser_next(p);
                member->as.member.property = parser_finish(p, name);
            } else {
                if (TOK.type != T_IDENTIFIER && !(TOK.type >= T_FIRST_KEYWORD && TOK.type <= T_LAST_KEYWORD))
                    parser_error_unexpected(p);
                Node *name = parser_new_node(p, AST_IDENTIFIER);
                name->as.identifier.name = parser_token_name(p);
                parser_next(p);
                member->as.member.property = parser_finish(p, name);
            }
            expr = parser_finish(p, member);
        }
        if (TOK.type == T_LPAREN) {
            Node *call = parser_new_node_at(p, AST_CALL_EXPR, expr);
            call->as.call.callee = expr;
            parse_arguments(p, &call->as.call.arguments);
            expr = parser_finish(p, call);
        }
    }
    node->as.decorator.expression = expr;
    return parser_finish(p, node);
}

Node *parse_decorators(Parser *p, NodeList *list)
{
    while (TOK.type == T_AT)
        parser_push(p, list, parse_decorator(p));
    return NULL;
}

/* ---- Class elements ---- */

/* A field initializer is parsed as the body of a synthesized method
 * (ES2025 15.7.10 ClassFieldDefinitionEvaluation): this and super.x work,
 * arguments and super() do not. */
static Node *parse_field_initializer(Parser *p, const Node *member)
{
    Node *fn = parser_new_node_at(p, AST_FUNCTION_EXPR, member);
    fn->as.function.kind = FUNCTION_KIND_FIELD_INIT;
    FunctionState state;
    bool await_reserved = p->fn->is_async || p->fn->in_static_block;
    parser_enter_function(p, &state, fn, false);
    state.allow_super_property = true;
    state.allow_super_call = false;
    state.in_class_field = true;
    state.no_arguments = true;
    state.in_static_block = await_reserved;   /* `await` stays reserved in an async context */
    Node *value = parse_assignment_expression(p, true);
    parser_leave_function(p, &state);
    return value;
}

static Node *parse_static_block(Parser *p, Node *member)
{
    ast_set_kind(member, AST_CLASS_STATIC_BLOCK);
    Node *fn = parser_new_node_at(p, AST_FUNCTION_EXPR, member);
    fn->as.function.kind = FUNCTION_KIND_METHOD;
    FunctionState state;
    parser_enter_function(p, &state, fn, false);
    state.allow_return = false;
    state.in_static_block = true;
    state.no_arguments = true;
    state.allow_super_property = true;
    state.is_async = false;
    state.is_generator = false;
    member->as.block.scope = state.var_scope;
    parser_expect(p, T_LBRACE);
    memset(&member->as.block, 0, sizeof member->as.block);
    member->as.block.scope = state.var_scope;
    while (TOK.type != T_RBRACE)
        parser_push(p, &member->as.block.body, parse_statement_list_item(p));
    parser_next(p);
    parser_leave_function(p, &state);
    return parser_finish(p, member);
}

/* Does the current modifier word (static, async, get, set, accessor) act as
 * a modifier, i.e. is it followed by something that names an element? */
static bool modifier_applies(Parser *p, bool newline_matters)
{
    bool newline;
    TokenType next = parser_peek(p, &newline);
    if (newline_matters && newline)
        return false;
    switch (next) {
    case T_LPAREN: case T_ASSIGN: case T_SEMICOLON: case T_RBRACE: case T_EOF:
        return false;
    default:
        return true;
    }
}

typedef struct ClassInfo {
    bool has_heritage;
    bool has_constructor;
} ClassInfo;

static void check_member_name(Parser *p, Node *member, ClassInfo *info)
{
    struct ast_class_member *m = &member->as.class_member;
    Node *key = m->key;
    bool computed = m->is_computed;
    if (m->kind == MEMBER_KIND_FIELD || m->kind == MEMBER_KIND_ACCESSOR) {
        if (key_is_named(key, computed, "constructor"))
            parser_error_at(p, key->start, "Classes may not have a field named 'constructor'");
        if (m->is_static && key_is_named(key, computed, "prototype"))
            parser_error_at(p, key->start, "Classes may not have a static property named 'prototype'");
        return;
    }
    if (m->is_static && key_is_named(key, computed, "prototype"))
        parser_error_at(p, key->start, "Classes may not have a static property named 'prototype'");
    if (!m->is_static && key_is_named(key, computed, "constructor")) {
        if (m->kind == MEMBER_KIND_GETTER || m->kind == MEMBER_KIND_SETTER)
            parser_error_at(p, key->start, "Class constructor may not be an accessor");
        if (info->has_constructor)
            parser_error_range(p, key->start, key->end, "A class may only have one constructor");
        info->has_constructor = true;
        m->kind = MEMBER_KIND_CONSTRUCTOR;
    }
}

static int private_kind_of(int member_kind)
{
    switch (member_kind) {
    case MEMBER_KIND_GETTER: return PRIVATE_GETTER;
    case MEMBER_KIND_SETTER: return PRIVATE_SETTER;
    case MEMBER_KIND_FIELD: return PRIVATE_FIELD;
    case MEMBER_KIND_ACCESSOR: return PRIVATE_ACCESSOR;
    default: return PRIVATE_METHOD;
    }
}

/* ClassElement (ES2025 15.7) */
static Node *parse_class_member(Parser *p, ClassInfo *info)
{
    Node *member = parser_new_node(p, AST_CLASS_MEMBER);
    struct ast_class_member *m = &member->as.class_member;
    parse_decorators(p, &m->decorators);
    m->kind = MEMBER_KIND_METHOD;
    if (parser_at_contextual(p, CW_STATIC) && modifier_applies(p, false)) {
        parser_next(p);
        if (TOK.type == T_LBRACE) {
            if (m->decorators.count)
                parser_error_unexpected(p);
            return parse_static_block(p, member);
        }
        m->is_static = true;
    }
    bool is_async = false, is_generator = false;
    if (parser_at_contextual(p, CW_ACCESSOR) && modifier_applies(p, true)) {
        parser_next(p);
        m->kind = MEMBER_KIND_ACCESSOR;
    } else if (parser_at_contextual(p, CW_ASYNC) && modifier_applies(p, true)) {
        parser_next(p);
        is_async = true;
    }
    if (m->kind != MEMBER_KIND_ACCESSOR && parser_eat(p, T_STAR))
        is_generator = true;
    if (m->kind == MEMBER_KIND_METHOD && !is_async && !is_generator &&
        (parser_at_contextual(p, CW_GET) || parser_at_contextual(p, CW_SET)) && modifier_applies(p, false) &&
        parser_peek(p, NULL) != T_STAR) {
        m->kind = TOK.contextual == CW_GET ? MEMBER_KIND_GETTER : MEMBER_KIND_SETTER;
        parser_next(p);
    }
    Token key_token = TOK;
    m->key = parse_property_name(p, &m->is_computed, true);
    bool is_private = m->key->kind == AST_PRIVATE_NAME;
    if (TOK.type == T_LPAREN && m->kind != MEMBER_KIND_ACCESSOR) {
        check_member_name(p, member, info);
        AstFunctionKind fn_kind = FUNCTION_KIND_METHOD;
        if (m->kind == MEMBER_KIND_GETTER)
            fn_kind = FUNCTION_KIND_GETTER;
        else if (m->kind == MEMBER_KIND_SETTER)
            fn_kind = FUNCTION_KIND_SETTER;
        else if (m->kind == MEMBER_KIND_CONSTRUCTOR) {
            if (is_generator)
                parser_error_at(p, m->key->start, "Class constructor may not be a generator");
            if (is_async)
                parser_error_at(p, m->key->start, "Class constructor may not be an async method");
            fn_kind = info->has_heritage ? FUNCTION_KIND_DERIVED_CONSTRUCTOR : FUNCTION_KIND_CLASS_CONSTRUCTOR;
        }
        m->value = parse_method(p, member, fn_kind, is_async, is_generator);
    } else {
        if (is_async || is_generator || m->kind == MEMBER_KIND_GETTER || m->kind == MEMBER_KIND_SETTER)
            parser_error_unexpected(p);
        if (m->kind != MEMBER_KIND_ACCESSOR)
            m->kind = MEMBER_KIND_FIELD;
        (void)key_token;
        check_member_name(p, member, info);
        if (parser_eat(p, T_ASSIGN))
            m->value = parse_field_initializer(p, member);
        parser_semicolon(p);
    }
    if (is_private)
        declare_private_name(p, p->class_state, m->key->as.identifier.name, m->key->start, private_kind_of(m->kind),
                             m->is_static);
    return parser_finish(p, member);
}

/*
 * ClassDeclaration / ClassExpression :
 *   class BindingIdentifier? ClassTail
 * ClassTail : ClassHeritage? { ClassBody? }
 * The current token is `class` (decorators, if any, already parsed).
 */
Node *parse_class(Parser *p, AstKind kind, bool is_default_export, NodeList *decorators, const Node *start)
{
    parser_enter(p);
    Node *node = start ? parser_new_node_at(p, kind, start) : parser_new_node(p, kind);
    if (decorators)
        node->as.class.decorators = *decorators;
    parser_expect(p, T_CLASS);
    bool was_strict = p->fn->is_strict;
    p->fn->is_strict = true;
    bool has_name = TOK.type == T_IDENTIFIER || TOK.type == T_YIELD || TOK.type == T_AWAIT;
    if (has_name) {
        node->as.class.id = parse_binding_identifier(p, DECL_CLASS);
    } else if (kind == AST_CLASS_DECL && !is_default_export) {
        parser_error_unexpected(p);
    }
    if (kind == AST_CLASS_DECL && node->as.class.id)
        parser_declare(p, node->as.class.id->as.identifier.name, DECL_CLASS, node->as.class.id->start);
    Scope *scope = parser_push_scope(p, SCOPE_CLASS);
    node->as.class.scope = scope;
    if (node->as.class.id)
        parser_declare(p, node->as.class.id->as.identifier.name, DECL_CONST, node->as.class.id->start);
    ClassInfo info = { false, false };
    if (parser_eat(p, T_EXTENDS)) {
        info.has_heritage = true;
        node->as.class.super_class = parse_lhs_expression(p);
    }
    ClassState cls = { p->class_state, NULL, NULL };
    p->class_state = &cls;
    parser_expect(p, T_LBRACE);
    while (TOK.type != T_RBRACE) {
        if (parser_eat(p, T_SEMICOLON))
            continue;
        parser_push(p, &node->as.class.body, parse_class_member(p, &info));
    }
    parser_next(p);
    p->class_state = cls.parent;
    resolve_private_names(p, &cls);
    parser_pop_scope(p, scope);
    p->fn->is_strict = was_strict;
    parser_leave(p);
    return parser_finish(p, node);
}
