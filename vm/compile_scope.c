/*
 * Scope analysis: where each variable lives, decided once for the whole
 * program before any code is emitted (see compiler_internal.h).
 *
 * ---- Resolution rules ----
 * A name is looked up from the scope of the reference outwards through the
 * parser's declarations (parser/scope.h), block by block and across function
 * boundaries:
 *   - a `var` recorded in a block scope only passes through it (the parser
 *     records it there for early errors): it binds in the var scope;
 *   - a function's var scope also binds `arguments` (non-arrow functions,
 *     ES2025 10.2.11 steps 15-22) and, after that, a named function
 *     expression's own name (ES2025 15.2.5: it lives in an outer scope of
 *     its own, so parameters and vars shadow it);
 *   - the declarations of a script's top level are global bindings
 *     (ES2025 16.1.7 GlobalDeclarationInstantiation), and so is any name
 *     found nowhere: both compile to LOAD_GLOBAL / STORE_GLOBAL by name;
 *   - private names (#x) resolve the same way, to hidden bindings of the
 *     class scopes that declare them.
 * A binding referenced from a function other than its own is captured: it
 * lives in a slot of its scope's Environment (PUSH_ENV at scope entry);
 * every other binding lives in a register of its function's frame.
 *
 * ---- TDZ ----
 * A read or write of a let/const/class binding gets CHECK_HOLE when it may
 * run before the initialization: when the walk (in source order) reaches it
 * before the declaration's initializer has been walked, when it is in a
 * function that can run early (a hoisted function declaration, or a closure
 * created before the initialization), or when the binding belongs to a
 * switch's case block (cases can be entered in any order).
 *
 * ---- Eval ----
 * Eval code (vm/eval.c) is compiled as a program whose top-level lexical
 * declarations, and for a strict eval its vars too, are its own locals
 * (is_global_binding). Every scope around a direct eval call keeps all its
 * bindings in its Environment (sees_direct_eval), where eval code compiled
 * later finds them through the call site's eval scope descriptor
 * (compile_eval_scope.c); a sloppy function with a direct eval also gets
 * an eval-vars binding for the vars its evals declare (add_eval_vars).
 *
 * ---- Limits (documented in docs/VM.md) ----
 * `with` is rejected with a SyntaxError "not supported yet": it needs
 * names at run time, which this design compiles away.
 */
#include <string.h>

#include "vm/compiler_internal.h"

typedef struct Analyzer {
    Compiler *c;
    ScopeInfo *scope;
    FunctionInfo *function;
} Analyzer;

static bool name_equal(AstName a, AstName b)
{
    return a.len == b.len && memcmp(a.chars, b.chars, a.len) == 0;
}

static bool is_tdz_kind(int kind)
{
    return kind == DECL_LET || kind == DECL_CONST || kind == DECL_CLASS || kind == DECL_USING;
}

static void *analysis_alloc(Analyzer *a, size_t size)
{
    void *p = arena_calloc(&a->c->arena, size);
    if (!p)
        compile_error(a->c, ERROR_KIND_RANGE, "Out of memory while compiling");
    return p;
}

/* ---- Records ---- */

static ScopeInfo *new_scope_info(Analyzer *a, const Scope *scope, const void *owner)
{
    ScopeInfo *si = analysis_alloc(a, sizeof *si);
    if (!si)
        return NULL;
    si->scope = scope;
    si->parent = a->scope;
    si->function = a->function;
    si->is_var_scope = !scope || scope->kind == SCOPE_FUNCTION || scope->kind == SCOPE_SCRIPT ||
                       scope->kind == SCOPE_MODULE;
    if (scope && scope->count) {
        si->vars = analysis_alloc(a, scope->count * sizeof *si->vars);
        if (!si->vars)
            return NULL;
        for (uint32_t i = 0; i < scope->count; i++) {
            VarInfo *v = &si->vars[i];
            v->name = scope->decls[i].name;
            v->kind = scope->decls[i].kind;
            v->scope = si;
            v->initialized = !is_tdz_kind(v->kind);
            bool passes_through = v->kind == DECL_VAR && !si->is_var_scope;
            v->location = passes_through ? VAR_NOWHERE : VAR_REGISTER;
        }
    }
    si->next_all = a->c->all_scopes;
    a->c->all_scopes = si;
    if (owner && !ptr_map_put(&a->c->scopes, owner, si))
        compile_error(a->c, ERROR_KIND_RANGE, "Out of memory while compiling");
    return si;
}

static VarInfo *new_extra_var(Analyzer *a, ScopeInfo *si, AstName name, int kind)
{
    VarInfo *v = analysis_alloc(a, sizeof *v);
    if (!v)
        return NULL;
    v->name = name;
    v->kind = (uint8_t)kind;
    v->scope = si;
    v->location = VAR_REGISTER;
    v->initialized = true;
    v->next_extra = si->extra;
    si->extra = v;
    return v;
}

static FunctionInfo *new_function_info(Analyzer *a, Node *node, const void *owner)
{
    FunctionInfo *f = analysis_alloc(a, sizeof *f);
    if (!f)
        return NULL;
    f->node = node;
    f->parent = a->function;
    f->enter_seq = ++a->c->seq;
    if (!ptr_map_put(&a->c->functions, owner, f))
        compile_error(a->c, ERROR_KIND_RANGE, "Out of memory while compiling");
    return f;
}

ScopeInfo *scope_info_of(Compiler *c, const void *owner)
{
    return ptr_map_get(&c->scopes, owner);
}

FunctionInfo *function_info_of(Compiler *c, const void *owner)
{
    return ptr_map_get(&c->functions, owner);
}

bool reference_needs_tdz_check(Compiler *c, const Node *identifier)
{
    return ptr_map_get(&c->tdz_reads, identifier) != NULL;
}

/* ---- Lookup ---- */

static bool is_plain_binding(const VarInfo *v)
{
    return v->location != VAR_NOWHERE && v->kind != VAR_KIND_HIDDEN && v->kind != VAR_KIND_PRIVATE;
}

static VarInfo *lookup_in_scope(ScopeInfo *si, AstName name)
{
    if (si->scope) {
        Declaration *d = scope_find((Scope *)si->scope, name);
        if (d) {
            VarInfo *v = &si->vars[d - si->scope->decls];
            if (is_plain_binding(v))
                return v;
        }
    }
    for (VarInfo *v = si->extra; v; v = v->next_extra)
        if ((v->kind == VAR_KIND_ARGUMENTS || v->kind == DECL_VAR ||
             (si->is_eval_outer && v->kind != VAR_KIND_PRIVATE && v->kind != VAR_KIND_EVAL_VARS)) &&
            v->location != VAR_NOWHERE && name_equal(v->name, name))
            return v;
    FunctionInfo *f = si->function;
    if (f && f->scope == si && f->self_var && name_equal(f->self_var->name, name))
        return f->self_var;
    return NULL;
}

VarInfo *scope_declared_var(ScopeInfo *scope, AstName name)
{
    for (ScopeInfo *si = scope; si; si = si->parent) {
        VarInfo *v = lookup_in_scope(si, name);
        if (v)
            return v;
    }
    return NULL;
}

VarInfo *scope_resolve(ScopeInfo *from, AstName name)
{
    return scope_declared_var(from, name);
}

VarInfo *scope_resolve_private(Compiler *c, ScopeInfo *from, AstName name)
{
    for (ScopeInfo *si = from; si; si = si->parent)
        for (VarInfo *v = si == c->heritage_class_scope ? NULL : si->extra; v; v = v->next_extra)
            if (v->kind == VAR_KIND_PRIVATE && name_equal(v->name, name))
                return v;
    return NULL;
}

static bool function_has_own_arguments(const FunctionInfo *f)
{
    const Node *n = f->node;
    if (n->kind != AST_FUNCTION_DECL && n->kind != AST_FUNCTION_EXPR)
        return false;
    return n->as.function.kind != FUNCTION_KIND_FIELD_INIT && f->scope && f->scope->scope &&
           f->scope->scope == n->as.function.scope;
}

/* Analysis-time lookup: creates `arguments` and self-name bindings on
 * first use. */
static VarInfo *analyze_lookup(Analyzer *a, AstName name)
{
    for (ScopeInfo *si = a->scope; si; si = si->parent) {
        VarInfo *v = lookup_in_scope(si, name);
        FunctionInfo *f = si->function;
        bool is_function_scope = f && f->scope == si;
        if (v && is_function_scope && v->kind == DECL_VAR && ast_name_equals(name, "arguments") &&
            function_has_own_arguments(f))
            f->arguments_var = v;   /* var arguments: initialized with the object (10.2.11 step 27.e) */
        if (v)
            return v;
        if (!is_function_scope)
            continue;
        if (ast_name_equals(name, "arguments") && function_has_own_arguments(f)) {
            f->arguments_var = new_extra_var(a, si, name, VAR_KIND_ARGUMENTS);
            return f->arguments_var;
        }
        Node *id = f->node->kind == AST_FUNCTION_EXPR ? f->node->as.function.id : NULL;
        if (f->node == a->c->options.dynamic_function)
            id = NULL;   /* ES2025 20.2.1.1.1: "anonymous" is not bound in its body */
        if (id && name_equal(id->as.identifier.name, name)) {
            VarInfo *v2 = analysis_alloc(a, sizeof *v2);
            if (!v2)
                return NULL;
            v2->name = name;
            v2->kind = VAR_KIND_SELF_NAME;
            v2->scope = si;
            v2->location = VAR_REGISTER;
            v2->initialized = true;
            f->self_var = v2;
            return v2;
        }
    }
    return NULL;
}

/* A sloppy function with a direct eval gets an eval-vars binding in its
 * var scope (ES2025 19.2.1.3 step 16: the vars the eval declares). */
static void add_eval_vars(Analyzer *a, FunctionInfo *f)
{
    Node *n = f->node;
    bool is_function = n->kind == AST_FUNCTION_DECL || n->kind == AST_FUNCTION_EXPR || n->kind == AST_ARROW_FUNCTION;
    if (!is_function || n->as.function.is_strict || f->eval_vars || !f->scope ||
        n->as.function.kind == FUNCTION_KIND_FIELD_INIT)
        return;
    f->eval_vars = new_extra_var(a, f->scope, (AstName){ "*eval-vars*", 11 }, VAR_KIND_EVAL_VARS);
    if (f->eval_vars)
        f->eval_vars->captured = true;
}

/* The function directly inside v's function on the way to the reference. */
static FunctionInfo *outermost_inner_function(FunctionInfo *reference, const VarInfo *v)
{
    FunctionInfo *f = reference;
    while (f->parent && f->parent != v->scope->function)
        f = f->parent;
    return f;
}

static bool read_may_precede_init(Analyzer *a, const VarInfo *v)
{
    if (!is_tdz_kind(v->kind))
        return false;
    if (v->scope->is_switch || !v->initialized)
        return true;
    if (v->scope->function == a->function)
        return false;
    return outermost_inner_function(a->function, v)->is_hoisted;
}

static void note_use(Analyzer *a, VarInfo *v, const Node *identifier)
{
    if (v->scope->function != a->function)
        v->captured = true;
    if (identifier && read_may_precede_init(a, v)) {
        v->needs_tdz = true;
        if (!ptr_map_put(&a->c->tdz_reads, identifier, (void *)identifier))
            compile_error(a->c, ERROR_KIND_RANGE, "Out of memory while compiling");
    }
}

static void analyze_reference(Analyzer *a, Node *identifier)
{
    VarInfo *v = analyze_lookup(a, identifier->as.identifier.name);
    if (v)
        note_use(a, v, identifier);
}

static void analyze_declaration(Analyzer *a, Node *identifier)
{
    VarInfo *v = analyze_lookup(a, identifier->as.identifier.name);
    if (!v)
        return;
    note_use(a, v, NULL);
    v->initialized = true;
}

static void analyze_private(Analyzer *a, Node *private_name)
{
    VarInfo *v = scope_resolve_private(a->c, a->scope, private_name->as.identifier.name);
    if (v)
        note_use(a, v, NULL);
}

/* ---- The walk ---- */

static void walk(Analyzer *a, Node *node);
static void walk_pattern(Analyzer *a, Node *node, bool is_declaration);

static void walk_list(Analyzer *a, const NodeList *list)
{
    for (uint32_t i = 0; i < list->count; i++)
        walk(a, list->items[i]);
}

/* The generic traversal: every child node of every payload, from ast.def. */
#define F_NODE(f) walk(a, s->f);
#define F_LIST(f) walk_list(a, &s->f);
#define F_NAME(f)
#define F_STRING(f)
#define F_NUMBER(f)
#define F_BOOL(f)
#define F_TOKEN(f)
#define F_ENUM(f, e)
#define F_SCOPE(f)
#define NODE_STRUCT(name, ...) \
    static void walk_fields_##name(Analyzer *a, struct ast_##name *s) { (void)a; (void)s; __VA_ARGS__ }
#define NODE_KIND(kind, name)
#include "parser/ast.def"
#undef NODE_STRUCT
#undef NODE_KIND
#undef F_NODE
#undef F_LIST
#undef F_NAME
#undef F_STRING
#undef F_NUMBER
#undef F_BOOL
#undef F_TOKEN
#undef F_ENUM
#undef F_SCOPE

static void walk_children(Analyzer *a, Node *node)
{
    switch (node->kind) {
#define NODE_STRUCT(name, ...)
#define NODE_KIND(kind, name) case AST_##kind: walk_fields_##name(a, &node->as.name); break;
#include "parser/ast.def"
#undef NODE_STRUCT
#undef NODE_KIND
    default:
        break;
    }
}

/* The same traversal for other passes: a callback per direct child. */
#define F_NODE(f) if (s->f && visit(data, s->f)) return true;
#define F_LIST(f) for (uint32_t i_ = 0; i_ < s->f.count; i_++) if (s->f.items[i_] && visit(data, s->f.items[i_])) return true;
#define F_NAME(f)
#define F_STRING(f)
#define F_NUMBER(f)
#define F_BOOL(f)
#define F_TOKEN(f)
#define F_ENUM(f, e)
#define F_SCOPE(f)
#define NODE_STRUCT(name, ...) \
    static bool any_child_##name(struct ast_##name *s, bool (*visit)(void *, Node *), void *data) \
    { (void)s; (void)visit; (void)data; __VA_ARGS__ return false; }
#define NODE_KIND(kind, name)
#include "parser/ast.def"
#undef NODE_STRUCT
#undef NODE_KIND
#undef F_NODE
#undef F_LIST
#undef F_NAME
#undef F_STRING
#undef F_NUMBER
#undef F_BOOL
#undef F_TOKEN
#undef F_ENUM
#undef F_SCOPE

bool ast_any_child(Node *node, bool (*visit)(void *data, Node *child), void *data)
{
    switch (node->kind) {
#define NODE_STRUCT(name, ...)
#define NODE_KIND(kind, name) case AST_##kind: return any_child_##name(&node->as.name, visit, data);
#include "parser/ast.def"
#undef NODE_STRUCT
#undef NODE_KIND
    default:
        return false;
    }
}

/* Enters scope (owned by owner) unless it is the current one or NULL;
 * returns the scope to restore. */
static ScopeInfo *enter_scope(Analyzer *a, const Scope *scope, const void *owner)
{
    ScopeInfo *saved = a->scope;
    if (scope && (!a->scope || a->scope->scope != scope)) {
        ScopeInfo *si = new_scope_info(a, scope, owner);
        if (si)
            a->scope = si;
    }
    return saved;
}

static void walk_pattern(Analyzer *a, Node *node, bool is_declaration)
{
    if (!node)
        return;
    switch (node->kind) {
    case AST_IDENTIFIER:
        if (is_declaration)
            analyze_declaration(a, node);
        else
            analyze_reference(a, node);
        break;
    case AST_ASSIGN_PATTERN:
        walk(a, node->as.binary.right);
        walk_pattern(a, node->as.binary.left, is_declaration);
        break;
    case AST_ARRAY_PATTERN:
        for (uint32_t i = 0; i < node->as.array.elements.count; i++)
            walk_pattern(a, node->as.array.elements.items[i], is_declaration);
        break;
    case AST_OBJECT_PATTERN:
        for (uint32_t i = 0; i < node->as.object.properties.count; i++) {
            Node *prop = node->as.object.properties.items[i];
            if (prop->kind == AST_PROPERTY) {
                if (prop->as.property.is_computed)
                    walk(a, prop->as.property.key);
                walk_pattern(a, prop->as.property.value, is_declaration);
            } else {
                walk_pattern(a, prop, is_declaration);
            }
        }
        break;
    case AST_REST_ELEMENT:
        walk_pattern(a, node->as.spread.argument, is_declaration);
        break;
    default:
        walk(a, node);
        break;
    }
}

static void walk_function_body(Analyzer *a, Node *fn)
{
    for (uint32_t i = 0; i < fn->as.function.params.count; i++)
        walk_pattern(a, fn->as.function.params.items[i], true);
    Node *body = fn->as.function.body;
    if (fn->flags & NF_EXPRESSION_BODY)
        walk(a, body);
    else if (body)
        walk_list(a, &body->as.block.body);
}

/* Runs body_walk inside a new function whose var scope is scope (NULL:
 * a synthetic function with no declarations of its own). */
static FunctionInfo *enter_function(Analyzer *a, Node *node, const void *owner, const Scope *scope,
                                    FunctionInfo **saved_function, ScopeInfo **saved_scope)
{
    *saved_function = a->function;
    *saved_scope = a->scope;
    FunctionInfo *f = new_function_info(a, node, owner);
    if (!f)
        return NULL;
    a->function = f;
    f->scope = new_scope_info(a, scope, scope ? owner : NULL);
    if (f->scope)
        a->scope = f->scope;
    return f;
}

static void leave_function(Analyzer *a, FunctionInfo *saved_function, ScopeInfo *saved_scope)
{
    a->function = saved_function;
    a->scope = saved_scope;
}

static void walk_function(Analyzer *a, Node *fn)
{
    FunctionInfo *saved_function;
    ScopeInfo *saved_scope;
    FunctionInfo *f = enter_function(a, fn, fn, fn->as.function.scope, &saved_function, &saved_scope);
    if (!f || !f->scope)
        return;
    f->is_arrow = fn->kind == AST_ARROW_FUNCTION;
    f->is_hoisted = fn->kind == AST_FUNCTION_DECL;
    walk_function_body(a, fn);
    leave_function(a, saved_function, saved_scope);
}

/* A field initializer or static block runs as a function of its own
 * (ES2025 15.7.10, 15.7.11): walk it as one. */
static void walk_synthetic_function(Analyzer *a, Node *node, const void *owner, const Scope *scope, Node *expression,
                                    const NodeList *statements)
{
    FunctionInfo *saved_function;
    ScopeInfo *saved_scope;
    FunctionInfo *f = function_info_of(a->c, owner);
    if (f) {   /* the instance-field function gathers every instance field */
        saved_function = a->function;
        saved_scope = a->scope;
        a->function = f;
        a->scope = f->scope;
    } else {
        f = enter_function(a, node, owner, scope, &saved_function, &saved_scope);
        if (!f || !f->scope)
            return;
    }
    if (expression)
        walk(a, expression);
    if (statements)
        walk_list(a, statements);
    leave_function(a, saved_function, saved_scope);
}

static void declare_private_names(Analyzer *a, Node *cls)
{
    ScopeInfo *si = a->scope;
    for (uint32_t i = 0; i < cls->as.class.body.count; i++) {
        Node *member = cls->as.class.body.items[i];
        if (member->kind != AST_CLASS_MEMBER || !member->as.class_member.key ||
            member->as.class_member.key->kind != AST_PRIVATE_NAME)
            continue;
        AstName name = member->as.class_member.key->as.identifier.name;
        bool known = false;
        for (VarInfo *v = si->extra; v && !known; v = v->next_extra)
            known = v->kind == VAR_KIND_PRIVATE && name_equal(v->name, name);
        VarInfo *v = known ? NULL : new_extra_var(a, si, name, VAR_KIND_PRIVATE);
        if (v)
            v->captured = true;
    }
}

/* Bindings the class definition keeps for its methods and field
 * initializers: a computed instance field's key, a private method. */
static void declare_hidden(Analyzer *a, Node *member)
{
    VarInfo *v = new_extra_var(a, a->scope, (AstName){ "", 0 }, VAR_KIND_HIDDEN);
    if (!v)
        return;
    v->captured = true;
    if (!ptr_map_put(&a->c->hidden_vars, member, v))
        compile_error(a->c, ERROR_KIND_RANGE, "Out of memory while compiling");
}

VarInfo *class_member_hidden_var(Compiler *c, const Node *member)
{
    return ptr_map_get(&c->hidden_vars, member);
}

static bool member_is_private_method(const Node *member)
{
    int kind = member->as.class_member.kind;
    return member->as.class_member.key && member->as.class_member.key->kind == AST_PRIVATE_NAME &&
           (kind == MEMBER_KIND_METHOD || kind == MEMBER_KIND_GETTER || kind == MEMBER_KIND_SETTER);
}

static void walk_class_member(Analyzer *a, Node *cls, Node *member)
{
    if (member->kind == AST_CLASS_STATIC_BLOCK) {
        walk_synthetic_function(a, member, member, member->as.block.scope, NULL, &member->as.block.body);
        return;
    }
    if (member->kind != AST_CLASS_MEMBER)
        return;
    struct ast_class_member *m = &member->as.class_member;
    if (m->is_computed)
        walk(a, m->key);
    else if (m->key && m->key->kind == AST_PRIVATE_NAME)
        analyze_private(a, m->key);
    bool is_field = m->kind == MEMBER_KIND_FIELD || m->kind == MEMBER_KIND_ACCESSOR;
    if (is_field && m->is_computed && !m->is_static)
        declare_hidden(a, member);
    if (member_is_private_method(member) && !m->is_static) {
        declare_hidden(a, member);
        walk_synthetic_function(a, cls, cls, NULL, NULL, NULL);   /* installs it on instances */
    }
    if (!is_field) {
        walk(a, m->value);
    } else if (m->is_static) {
        walk_synthetic_function(a, member, member, NULL, m->value, NULL);
    } else {
        walk_synthetic_function(a, cls, cls, NULL, m->value, NULL);
    }
}

static void walk_class(Analyzer *a, Node *cls)
{
    ScopeInfo *saved = enter_scope(a, cls->as.class.scope, cls);
    declare_private_names(a, cls);
    ScopeInfo *outer_heritage = a->c->heritage_class_scope;
    if (a->scope != saved)
        a->c->heritage_class_scope = a->scope;
    walk(a, cls->as.class.super_class);
    a->c->heritage_class_scope = outer_heritage;
    for (uint32_t i = 0; i < cls->as.class.body.count; i++)
        walk_class_member(a, cls, cls->as.class.body.items[i]);
    if (cls->as.class.id)
        analyze_declaration(a, cls->as.class.id);   /* the inner binding */
    a->scope = saved;
    if (cls->kind == AST_CLASS_DECL && cls->as.class.id)
        analyze_declaration(a, cls->as.class.id);   /* the outer binding */
}

/* ---- Annex B.3.2.1: function declarations in sloppy blocks ---- */

/* Would `var F` in place of the declaration be an early error? A lexical
 * declaration of F in an enclosing scope of the same function says yes. */
static bool var_would_conflict(const ScopeInfo *block, AstName name)
{
    for (const ScopeInfo *si = block->parent; si; si = si->parent) {
        Declaration *d = si->scope ? scope_find((Scope *)si->scope, name) : NULL;
        if (d && (decl_kind_is_lexical(d->kind) || d->kind == DECL_CATCH_PATTERN))
            return true;
        if (si == block->function->scope)
            return false;
    }
    return false;
}

/* The var-scoped binding a sloppy block function is also assigned to when
 * its declaration is evaluated, created when the var scope lacks one. */
static void note_annex_b_function(Analyzer *a, Node *fn)
{
    ScopeInfo *block = a->scope;
    ScopeInfo *var_scope = block->function->scope;
    AstName name = fn->as.function.id->as.identifier.name;
    if (block->is_var_scope || (block->scope && block->scope->is_strict) || fn->as.function.is_async ||
        fn->as.function.is_generator || var_would_conflict(block, name) || ast_name_equals(name, "arguments"))
        return;
    Declaration *d = var_scope->scope ? scope_find((Scope *)var_scope->scope, name) : NULL;
    if (d && d->kind == DECL_PARAM)
        return;
    VarInfo *var = d ? &var_scope->vars[d - var_scope->scope->decls] : NULL;
    for (VarInfo *v = var_scope->extra; v && !var; v = v->next_extra)
        if (v->kind == DECL_VAR && name_equal(v->name, name))
            var = v;
    if (!var)
        var = new_extra_var(a, var_scope, name, DECL_VAR);
    if (!var || !ptr_map_put(&a->c->hidden_vars, fn, var))
        compile_error(a->c, ERROR_KIND_RANGE, "Out of memory while compiling");
    if (block->function != a->function)
        var->captured = true;
}

static void note_annex_b_functions(Analyzer *a, const NodeList *body)
{
    for (uint32_t i = 0; i < body->count; i++) {
        Node *stmt = body->items[i];
        if (stmt && stmt->kind == AST_FUNCTION_DECL && stmt->as.function.id)
            note_annex_b_function(a, stmt);
    }
}

VarInfo *annex_b_var(Compiler *c, const Node *function_declaration)
{
    return ptr_map_get(&c->hidden_vars, function_declaration);
}

static void walk_block(Analyzer *a, Node *node, const Scope *scope, const NodeList *body)
{
    ScopeInfo *saved = enter_scope(a, scope, node);
    if (a->scope != saved)
        note_annex_b_functions(a, body);
    walk_list(a, body);
    a->scope = saved;
}

static void walk_for_in_of(Analyzer *a, Node *node)
{
    struct ast_for_in_of *f = &node->as.for_in_of;
    ScopeInfo *saved = enter_scope(a, f->scope, node);
    walk(a, f->right);
    Node *left = f->left;
    if (left->kind == AST_VAR_DECL)
        walk_pattern(a, left->as.var_decl.declarations.items[0]->as.var_declarator.target, true);
    else
        walk_pattern(a, left, false);
    walk(a, f->body);
    a->scope = saved;
}

static void walk_switch(Analyzer *a, Node *node)
{
    walk(a, node->as.switch_stmt.discriminant);
    ScopeInfo *saved = enter_scope(a, node->as.switch_stmt.scope, node);
    if (a->scope != saved) {
        a->scope->is_switch = true;
        for (uint32_t i = 0; i < node->as.switch_stmt.cases.count; i++)
            note_annex_b_functions(a, &node->as.switch_stmt.cases.items[i]->as.switch_case.consequent);
    }
    walk_list(a, &node->as.switch_stmt.cases);
    a->scope = saved;
}

static void walk_catch(Analyzer *a, Node *node)
{
    ScopeInfo *saved = enter_scope(a, node->as.catch_clause.scope, node);
    walk_pattern(a, node->as.catch_clause.param, true);
    walk(a, node->as.catch_clause.body);
    a->scope = saved;
}

static void walk_call(Analyzer *a, Node *node)
{
    Node *callee = node->as.call.callee;
    if (node->kind == AST_CALL_EXPR && callee->kind == AST_IDENTIFIER && ast_name_equals(callee->as.identifier.name, "eval"))
    {
        for (FunctionInfo *f = a->function; f; f = f->parent)
            f->has_direct_eval = true;
        for (ScopeInfo *si = a->scope; si; si = si->parent)
            si->sees_direct_eval = true;
        VarInfo *arguments = analyze_lookup(a, (AstName){ "arguments", 9 });   /* eval code may name it */
        if (arguments)
            note_use(a, arguments, NULL);
        add_eval_vars(a, a->function);
    }
    walk_children(a, node);
}

VarInfo *scope_eval_vars(const ScopeInfo *scope)
{
    for (VarInfo *v = scope->extra; v; v = v->next_extra)
        if (v->kind == VAR_KIND_EVAL_VARS)
            return v;
    return NULL;
}

static void walk_export(Analyzer *a, Node *node)
{
    struct ast_export_named *e = &node->as.export_named;
    walk(a, e->declaration);
    if (e->source)
        return;
    for (uint32_t i = 0; i < e->specifiers.count; i++) {
        Node *local = e->specifiers.items[i]->as.module_specifier.imported;
        if (local && local->kind == AST_IDENTIFIER)
            analyze_reference(a, local);
    }
}

static void walk(Analyzer *a, Node *node)
{
    if (!node || a->c->failed)
        return;
    switch (node->kind) {
    case AST_IDENTIFIER: analyze_reference(a, node); break;
    case AST_PRIVATE_NAME: analyze_private(a, node); break;
    case AST_MEMBER_EXPR:
        walk(a, node->as.member.object);
        if (node->as.member.is_computed || node->as.member.property->kind == AST_PRIVATE_NAME)
            walk(a, node->as.member.property);
        break;
    case AST_PROPERTY:
        if (node->as.property.is_computed)
            walk(a, node->as.property.key);
        walk(a, node->as.property.value);
        break;
    case AST_FUNCTION_DECL:
    case AST_FUNCTION_EXPR:
    case AST_ARROW_FUNCTION: walk_function(a, node); break;
    case AST_CLASS_DECL:
    case AST_CLASS_EXPR: walk_class(a, node); break;
    case AST_BLOCK_STMT: walk_block(a, node, node->as.block.scope, &node->as.block.body); break;
    case AST_FOR_STMT: {
        ScopeInfo *saved = enter_scope(a, node->as.for_loop.scope, node);
        walk_fields_for_loop(a, &node->as.for_loop);
        a->scope = saved;
        break;
    }
    case AST_FOR_IN_STMT:
    case AST_FOR_OF_STMT: walk_for_in_of(a, node); break;
    case AST_SWITCH_STMT: walk_switch(a, node); break;
    case AST_CATCH_CLAUSE: walk_catch(a, node); break;
    case AST_VAR_DECLARATOR:
        walk(a, node->as.var_declarator.init);
        walk_pattern(a, node->as.var_declarator.target, true);
        break;
    case AST_ASSIGN_EXPR:
        walk_pattern(a, node->as.binary.left, false);
        walk(a, node->as.binary.right);
        break;
    case AST_CALL_EXPR: walk_call(a, node); break;
    case AST_IMPORT_DECL: break;
    case AST_EXPORT_NAMED_DECL: walk_export(a, node); break;
    default: walk_children(a, node); break;
    }
}

/* ---- Slots ---- */

/* Is v, declared at the top level of the program, a global binding?
 * Scripts: all of them (ES2025 16.1.7). Eval code (19.2.1.3): sloppy eval
 * declares its vars and functions in the global variable environment; its
 * lexical declarations, and everything of a strict eval, are its own. */
static bool is_global_binding(const Compiler *c, const VarInfo *v)
{
    if (v->kind == VAR_KIND_HIDDEN || v->kind == VAR_KIND_PRIVATE)
        return false;
    if (!c->options.is_eval)
        return true;
    return !c->options.is_strict_eval &&
           (v->kind == DECL_VAR || v->kind == DECL_VAR_FUNCTION);
}

static void place_var(const Compiler *c, ScopeInfo *si, VarInfo *v, bool is_global_scope)
{
    if (is_global_scope && c->options.eval_vars_in_object && (v->kind == DECL_VAR || v->kind == DECL_VAR_FUNCTION))
        v->location = VAR_NOWHERE;   /* in the caller's eval-vars object: found by name */
    if (v->location == VAR_NOWHERE)
        return;
    /* Every top-level binding of a Module lives in its Environment, where
     * other modules' imports and its namespace object reach it (vm/module.h). */
    if (si->scope && si->scope->kind == SCOPE_MODULE && si->function && si->function->scope == si)
        v->captured = true;
    if (is_global_scope && is_global_binding(c, v)) {
        v->location = VAR_GLOBAL;
    } else if (v->captured || si->sees_direct_eval) {
        /* A direct eval may name any binding of the scopes around it: they
         * live in Environments, where the eval code can find them. */
        v->location = VAR_ENV;
        v->index = si->env_slots++;
    } else {
        v->location = VAR_REGISTER;
    }
}

/* Captured bindings get Environment slots; the rest get registers when
 * the code generator enters their scope. */
static void assign_slots(Compiler *c)
{
    for (ScopeInfo *si = c->all_scopes; si; si = si->next_all) {
        bool is_global = si->scope && si->scope->kind == SCOPE_SCRIPT;
        for (uint32_t i = 0; si->scope && i < si->scope->count; i++)
            place_var(c, si, &si->vars[i], is_global);
        for (VarInfo *v = si->extra; v; v = v->next_extra)
            place_var(c, si, v, is_global);
        FunctionInfo *f = si->function;
        if (f && f->scope == si && f->self_var)
            place_var(c, si, f->self_var, false);
    }
}

bool scope_analyze(Compiler *c, Node *program)
{
    Analyzer a = { c, NULL, NULL };
    if (c->options.eval_scope)
        a.scope = eval_outer_scopes(c, c->options.eval_scope);   /* a direct eval's caller */
    if (c->failed)
        return false;
    FunctionInfo *f = new_function_info(&a, program, program);
    if (!f)
        return false;
    a.function = f;
    f->scope = new_scope_info(&a, program->as.program.scope, program);
    a.scope = f->scope;
    if (program->as.program.is_module) {
        /* ES2025 16.2.3.7: `export default` of an expression or an anonymous
         * declaration binds "*default*", a name no code can spell. */
        c->module_default_var = new_extra_var(&a, f->scope, (AstName){ "*default*", 9 }, DECL_LET);
        if (!c->module_default_var)
            return false;
    }
    /* Top-level function declarations exist before any statement runs. */
    walk_list(&a, &program->as.program.body);
    assign_slots(c);
    return !c->failed;
}
