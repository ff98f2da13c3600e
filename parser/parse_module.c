/*
 * Modules (ES2025 16.2): import and export declarations, import attributes,
 * the source-phase (`import source x`) and deferred (`import defer * as ns`)
 * imports, `import.meta` and `import()`, and the module-wide early errors
 * (duplicate exports, exports of undeclared names).
 */
#include "parser/parser_internal.h"

#include <string.h>

#include "lexer/utf8.h"

/* Exported names and `export { local }` references of the module being
 * parsed, checked when it ends (ES2025 16.2.1.1). Kept in the arena. */
typedef struct ExportRecord {
    AstName name;
    uint32_t offset;
    struct ExportRecord *next;
} ExportRecord;


static void record(Parser *p, ExportRecord **list, AstName name, uint32_t offset)
{
    ExportRecord *entry = arena_alloc(p->arena, sizeof *entry);
    if (!entry)
        parser_error_at(p, offset, "Out of memory while parsing");
    entry->name = name;
    entry->offset = offset;
    entry->next = *list;
    *list = entry;
}

static bool same_name(AstName a, AstName b)
{
    return a.len == b.len && memcmp(a.chars, b.chars, a.len) == 0;
}

static void add_export(Parser *p, AstName name, uint32_t offset)
{
    for (ExportRecord *e = p->exported_names; e; e = e->next)
        if (same_name(e->name, name))
            parser_error_at(p, offset, "Duplicate export of '%.*s'", (int)name.len, name.chars);
    record(p, &p->exported_names, name, offset);
}

/* A string used as a module export name, as UTF-8; it must be well-formed
 * Unicode (ES2025 16.2.2.1: IsStringWellFormedUnicode). */
static AstName string_export_name(Parser *p, const Node *string)
{
    AstString value = string->as.string_literal.value;
    char *out = arena_alloc(p->arena, value.len * 3 + 1);
    if (!out)
        parser_error_at(p, string->start, "Out of memory while parsing");
    uint32_t len = 0;
    for (uint32_t i = 0; i < value.len; i++) {
        uint32_t cp = value.chars[i];
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < value.len && value.chars[i + 1] >= 0xDC00 &&
            value.chars[i + 1] <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (value.chars[i + 1] - 0xDC00);
            i++;
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            parser_error_at(p, string->start, "Invalid module export name: contains unpaired surrogate");
        }
        len += (uint32_t)utf8_encode(cp, out + len);
    }
    AstName name = { out, len };
    return name;
}

/* ModuleExportName : IdentifierName | StringLiteral */
static Node *parse_module_export_name(Parser *p, AstName *name)
{
    if (TOK.type == T_STRING) {
        Node *node = parser_new_node(p, AST_STRING_LITERAL);
        node->as.string_literal.value.chars = TOK.value.string.chars;
        node->as.string_literal.value.len = TOK.value.string.len;
        parser_next(p);
        parser_finish(p, node);
        *name = string_export_name(p, node);
        return node;
    }
    if (TOK.type != T_IDENTIFIER && !(TOK.type >= T_FIRST_KEYWORD && TOK.type <= T_LAST_KEYWORD))
        parser_error_unexpected(p);
    Node *node = parser_new_node(p, AST_IDENTIFIER);
    node->as.identifier.name = parser_token_name(p);
    *name = node->as.identifier.name;
    parser_next(p);
    return parser_finish(p, node);
}

static Node *parse_module_specifier(Parser *p)
{
    if (TOK.type != T_STRING)
        parser_error_unexpected(p);
    Node *node = parser_new_node(p, AST_STRING_LITERAL);
    node->as.string_literal.value.chars = TOK.value.string.chars;
    node->as.string_literal.value.len = TOK.value.string.len;
    parser_next(p);
    return parser_finish(p, node);
}

/* WithClause : with { WithEntries? } (ES2025 16.2.2); keys must differ */
static void parse_with_clause(Parser *p, NodeList *attributes)
{
    if (TOK.type != T_WITH)
        return;
    parser_next(p);
    parser_expect(p, T_LBRACE);
    while (TOK.type != T_RBRACE) {
        Node *attribute = parser_new_node(p, AST_IMPORT_ATTRIBUTE);
        AstName key;
        attribute->as.import_attribute.key = parse_module_export_name(p, &key);
        if (attribute->as.import_attribute.key->kind == AST_STRING_LITERAL)
            (void)key;
        for (uint32_t i = 0; i < attributes->count; i++) {
            Node *other = attributes->items[i]->as.import_attribute.key;
            AstName other_name = other->kind == AST_IDENTIFIER ? other->as.identifier.name : string_export_name(p, other);
            if (same_name(other_name, key))
                parser_error_at(p, attribute->start, "Import attribute has duplicate key '%.*s'", (int)key.len, key.chars);
        }
        parser_expect(p, T_COLON);
        attribute->as.import_attribute.value = parse_module_specifier(p);
        parser_push(p, attributes, parser_finish(p, attribute));
        if (TOK.type != T_RBRACE)
            parser_expect(p, T_COMMA);
    }
    parser_next(p);
}

static Node *parse_imported_binding(Parser *p)
{
    Node *local = parse_binding_identifier(p, DECL_IMPORT);
    parser_declare(p, local->as.identifier.name, DECL_IMPORT, local->start);
    return local;
}

/* NamedImports : { ImportsList? } */
static void parse_named_imports(Parser *p, Node *decl)
{
    parser_expect(p, T_LBRACE);
    while (TOK.type != T_RBRACE) {
        Node *specifier = parser_new_node(p, AST_IMPORT_SPECIFIER);
        Token first = TOK;
        AstName imported_name;
        Node *imported = parse_module_export_name(p, &imported_name);
        specifier->as.module_specifier.imported = imported;
        if (parser_at_contextual(p, CW_AS)) {
            parser_next(p);
            specifier->as.module_specifier.local = parse_imported_binding(p);
        } else {
            /* ImportSpecifier : ImportedBinding — the name must be a valid binding */
            if (imported->kind != AST_IDENTIFIER ||
                (first.type != T_IDENTIFIER && first.type != T_AWAIT && first.type != T_YIELD))
                parser_error_at(p, first.start, "Unexpected token '%.*s'", (int)(first.end - first.start), p->src + first.start);
            if (first.type == T_AWAIT || first.type == T_YIELD)
                parser_error_at(p, first.start, first.type == T_AWAIT ? "Unexpected reserved word" : "Unexpected strict mode reserved word");
            check_binding_name(p, imported_name, first.start, &first);
            parser_declare(p, imported_name, DECL_IMPORT, first.start);
            specifier->as.module_specifier.local = imported;
        }
        parser_push(p, &decl->as.import_decl.specifiers, parser_finish(p, specifier));
        if (TOK.type != T_RBRACE)
            parser_expect(p, T_COMMA);
    }
    parser_next(p);
}

static void parse_namespace_import(Parser *p, Node *decl)
{
    Node *specifier = parser_new_node(p, AST_IMPORT_NAMESPACE_SPECIFIER);
    parser_expect(p, T_STAR);
    if (!parser_at_contextual(p, CW_AS))
        parser_error_unexpected(p);
    parser_next(p);
    specifier->as.module_specifier.local = parse_imported_binding(p);
    parser_push(p, &decl->as.import_decl.specifiers, parser_finish(p, specifier));
}

static void expect_from(Parser *p)
{
    if (!parser_at_contextual(p, CW_FROM))
        parser_error_unexpected(p);
    parser_next(p);
}

/* Which phase an import declaration has: `import source x from`, `import
 * defer * as ns from`, or neither (`source` and `defer` may also be names). */
static AstImportPhase import_phase(Parser *p)
{
    if (parser_at_contextual(p, CW_DEFER) && parser_peek(p, NULL) == T_STAR)
        return IMPORT_PHASE_DEFER;
    if (!parser_at_contextual(p, CW_SOURCE))
        return IMPORT_PHASE_EVALUATION;
    Token next = parser_peek_token(p);
    if (next.type != T_IDENTIFIER && next.type != T_YIELD && next.type != T_AWAIT)
        return IMPORT_PHASE_EVALUATION;
    if (!(next.contextual == CW_FROM && !(next.flags & TF_ESCAPED)))
        return IMPORT_PHASE_SOURCE;
    /* import source from ...: `from` is the binding only if another from follows */
    LexerMark mark;
    lexer_mark(&p->lexer, &mark);
    lexer_next(&p->lexer);
    lexer_next(&p->lexer);
    bool another_from = TOK.type == T_IDENTIFIER && TOK.contextual == CW_FROM;
    lexer_reset(&p->lexer, &mark);
    return another_from ? IMPORT_PHASE_SOURCE : IMPORT_PHASE_EVALUATION;
}

/* ImportDeclaration (ES2025 16.2.2) */
Node *parse_import_declaration(Parser *p)
{
    Node *decl = parser_new_node(p, AST_IMPORT_DECL);
    parser_next(p);
    if (TOK.type == T_STRING) {
        decl->as.import_decl.source = parse_module_specifier(p);
        parse_with_clause(p, &decl->as.import_decl.attributes);
        parser_semicolon(p);
        return parser_finish(p, decl);
    }
    AstImportPhase phase = import_phase(p);
    decl->as.import_decl.phase = phase;
    if (phase != IMPORT_PHASE_EVALUATION)
        parser_next(p);
    if (phase == IMPORT_PHASE_DEFER) {
        parse_namespace_import(p, decl);
    } else if (TOK.type == T_STAR) {
        if (phase == IMPORT_PHASE_SOURCE)
            parser_error_unexpected(p);
        parse_namespace_import(p, decl);
    } else if (TOK.type == T_LBRACE) {
        if (phase == IMPORT_PHASE_SOURCE)
            parser_error_unexpected(p);
        parse_named_imports(p, decl);
    } else {
        Node *specifier = parser_new_node(p, AST_IMPORT_DEFAULT_SPECIFIER);
        specifier->as.module_specifier.local = parse_imported_binding(p);
        parser_push(p, &decl->as.import_decl.specifiers, parser_finish(p, specifier));
        if (phase == IMPORT_PHASE_EVALUATION && parser_eat(p, T_COMMA)) {
            if (TOK.type == T_STAR)
                parse_namespace_import(p, decl);
            else if (TOK.type == T_LBRACE)
                parse_named_imports(p, decl);
            else
                parser_error_unexpected(p);
        }
    }
    expect_from(p);
    decl->as.import_decl.source = parse_module_specifier(p);
    parse_with_clause(p, &decl->as.import_decl.attributes);
    parser_semicolon(p);
    return parser_finish(p, decl);
}

/* ---- Exports ---- */

/* export { a, b as c } [from "m"] */
static Node *parse_export_clause(Parser *p, Node *decl)
{
    parser_expect(p, T_LBRACE);
    NodeList locals = { 0 };
    while (TOK.type != T_RBRACE) {
        Node *specifier = parser_new_node(p, AST_EXPORT_SPECIFIER);
        Token first = TOK;
        AstName local_name, exported_name;
        Node *local = parse_module_export_name(p, &local_name);
        specifier->as.module_specifier.imported = local;
        exported_name = local_name;
        Node *exported = local;
        if (parser_at_contextual(p, CW_AS)) {
            parser_next(p);
            exported = parse_module_export_name(p, &exported_name);
        }
        specifier->as.module_specifier.local = exported;
        add_export(p, exported_name, exported->start);
        /* remember the token kind of the local name for the no-from checks */
        if (first.type != T_IDENTIFIER || first.escaped_keyword != T_EOF)
            local->flags |= NF_TAIL;
        parser_push(p, &locals, local);
        parser_push(p, &decl->as.export_named.specifiers, parser_finish(p, specifier));
        if (TOK.type != T_RBRACE)
            parser_expect(p, T_COMMA);
    }
    parser_next(p);
    if (parser_at_contextual(p, CW_FROM)) {
        parser_next(p);
        decl->as.export_named.source = parse_module_specifier(p);
        parse_with_clause(p, &decl->as.export_named.attributes);
    } else {
        /* ES2025 16.2.3.1: without from, each local name is an IdentifierReference */
        for (uint32_t i = 0; i < locals.count; i++) {
            Node *local = locals.items[i];
            if (local->kind == AST_STRING_LITERAL)
                parser_error_at(p, local->start, "Unexpected string");
            if (local->flags & NF_TAIL) {
                local->flags &= (uint16_t)~NF_TAIL;
                parser_error_at(p, local->start, "Unexpected reserved word");
            }
            AstName name = local->as.identifier.name;
            if (is_reserved_in_strict(name) || name_is(name, "await"))
                parser_error_at(p, local->start, "Unexpected reserved word");
            record(p, &p->exported_locals, name, local->start);
        }
    }
    for (uint32_t i = 0; i < locals.count; i++)
        locals.items[i]->flags &= (uint16_t)~NF_TAIL;
    parser_semicolon(p);
    return parser_finish(p, decl);
}

static void export_bound_name(void *data, Node *identifier)
{
    add_export(data, identifier->as.identifier.name, identifier->start);
}

static Node *parse_export_default(Parser *p, Node *start, NodeList *decorators)
{
    Node *decl = parser_new_node_at(p, AST_EXPORT_DEFAULT_DECL, start);
    uint32_t default_offset = TOK.start;
    parser_next(p);   /* default */
    add_export(p, (AstName){ "default", 7 }, default_offset);
    Node *value;
    if (TOK.type == T_FUNCTION) {
        Node *fn_start = parser_new_node(p, AST_FUNCTION_DECL);
        value = parse_function(p, AST_FUNCTION_DECL, false, fn_start->start, fn_start, true);
    } else if (parser_at_contextual(p, CW_ASYNC) && parser_peek(p, NULL) == T_FUNCTION &&
               !parser_peek_token(p).newline_before) {
        Node *fn_start = parser_new_node(p, AST_FUNCTION_DECL);
        parser_next(p);
        value = parse_function(p, AST_FUNCTION_DECL, true, fn_start->start, fn_start, true);
    } else if (TOK.type == T_CLASS || TOK.type == T_AT) {
        NodeList list = decorators ? *decorators : (NodeList){ 0 };
        Node *class_start = parser_new_node(p, AST_CLASS_DECL);
        parse_decorators(p, &list);
        if (TOK.type != T_CLASS)
            parser_error_unexpected(p);
        value = parse_class(p, AST_CLASS_DECL, true, &list, class_start);
    } else {
        if (decorators && decorators->count)
            parser_error_unexpected(p);
        value = parse_assignment_expression(p, true);
        parser_semicolon(p);
    }
    decl->as.export_default.declaration = value;
    return parser_finish(p, decl);
}

/* ExportDeclaration (ES2025 16.2.3); decorators may precede `export`. */
Node *parse_export_declaration(Parser *p)
{
    Node *start = parser_new_node(p, AST_EXPORT_NAMED_DECL);
    NodeList decorators = { 0 };
    parser_expect(p, T_EXPORT);
    if (TOK.type == T_DEFAULT)
        return parse_export_default(p, start, &decorators);
    if (TOK.type == T_STAR) {
        Node *decl = parser_new_node_at(p, AST_EXPORT_ALL_DECL, start);
        parser_next(p);
        if (parser_at_contextual(p, CW_AS)) {
            parser_next(p);
            AstName name;
            decl->as.export_all.exported = parse_module_export_name(p, &name);
            add_export(p, name, decl->as.export_all.exported->start);
        }
        expect_from(p);
        decl->as.export_all.source = parse_module_specifier(p);
        parse_with_clause(p, &decl->as.export_all.attributes);
        parser_semicolon(p);
        return parser_finish(p, decl);
    }
    Node *decl = start;
    if (TOK.type == T_LBRACE)
        return parse_export_clause(p, decl);
    Node *declaration;
    if (TOK.type == T_VAR || TOK.type == T_CONST || parser_at_let_declaration(p)) {
        AstVarKind kind = TOK.type == T_VAR ? VAR_KIND_VAR : TOK.type == T_CONST ? VAR_KIND_CONST : VAR_KIND_LET;
        declaration = parse_variable_declaration(p, kind, true, false);
        parser_semicolon(p);
        parser_finish(p, declaration);
        for (uint32_t i = 0; i < declaration->as.var_decl.declarations.count; i++)
            ast_visit_bound_names(declaration->as.var_decl.declarations.items[i]->as.var_declarator.target,
                                  export_bound_name, p);
    } else if (TOK.type == T_FUNCTION || TOK.type == T_CLASS || TOK.type == T_AT ||
               (parser_at_contextual(p, CW_ASYNC) && parser_peek(p, NULL) == T_FUNCTION &&
                !parser_peek_token(p).newline_before)) {
        declaration = parse_statement_list_item(p);
        Node *id = declaration->kind == AST_FUNCTION_DECL ? declaration->as.function.id : declaration->as.class.id;
        if (id)
            add_export(p, id->as.identifier.name, id->start);
    } else {
        parser_error_unexpected(p);
    }
    decl->as.export_named.declaration = declaration;
    return parser_finish(p, decl);
}

/* Each `export { name }` must name a declaration of the module
 * (ES2025 16.2.1.1: ExportedBindings in VarDeclaredNames or
 * LexicallyDeclaredNames). */
void check_module_exports(Parser *p, Node *program)
{
    Scope *scope = program->as.program.scope;
    for (ExportRecord *e = p->exported_locals; e; e = e->next)
        if (!scope_find(scope, e->name))
            parser_error_at(p, e->offset, "Export '%.*s' is not defined in module", (int)e->name.len, e->name.chars);
}

/* ---- import() and import.meta ---- */

/* ImportCall : import ( AssignmentExpression ,? ) | import ( a , b ,? ) ;
 * import.source(x), import.defer(x); ImportMeta : import . meta */
Node *parse_import_call_or_meta(Parser *p)
{
    Node *node = parser_new_node(p, AST_IMPORT_CALL);
    parser_next(p);   /* import */
    if (parser_eat(p, T_DOT)) {
        if (parser_at_contextual(p, CW_META)) {
            if (!p->is_module)
                parser_error_at(p, node->start, "Cannot use 'import.meta' outside a module");
            parser_next(p);
            ast_set_kind(node, AST_IMPORT_META);
            return parser_finish(p, node);
        }
        if (parser_at_contextual(p, CW_SOURCE))
            node->as.import_call.phase = IMPORT_PHASE_SOURCE;
        else if (parser_at_contextual(p, CW_DEFER))
            node->as.import_call.phase = IMPORT_PHASE_DEFER;
        else
            parser_error_unexpected(p);
        parser_next(p);
    }
    if (TOK.type != T_LPAREN)
        parser_error_unexpected(p);
    parser_next(p);
    if (TOK.type == T_ELLIPSIS || TOK.type == T_RPAREN)
        parser_error_unexpected(p);
    node->as.import_call.source = parse_assignment_expression(p, true);
    if (parser_eat(p, T_COMMA) && TOK.type != T_RPAREN) {
        if (node->as.import_call.phase != IMPORT_PHASE_EVALUATION || TOK.type == T_ELLIPSIS)
            parser_error_unexpected(p);
        node->as.import_call.options = parse_assignment_expression(p, true);
        parser_eat(p, T_COMMA);
    }
    parser_expect(p, T_RPAREN);
    return parser_finish(p, node);
}
