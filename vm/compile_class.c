/*
 * Classes (ES2025 15.7.14 ClassDefinitionEvaluation).
 *
 *       PUSH_ENV n                      ; class scope: inner name, private names, hidden slots
 *       CREATE_PRIVATE_NAME "x"; STORE_ENV 0, i      ; one per #x declared
 *       <heritage> | LOAD_HOLE; STORE_REG rHeritage
 *       CREATE_CLASS rProto, cCtor, rHeritage        ; acc = F
 *       STORE_REG rF
 *       <elements in order: methods and accessors defined on rProto / rF;
 *        computed keys evaluated; instance private methods kept in hidden slots>
 *       <the inner class binding = rF>
 *       CREATE_CLOSURE <instance fields>; SET_HOME_OBJECT rProto; SET_CLASS_FIELDS rF
 *       <static fields and static blocks in order, each a small function
 *        called with this = F>
 *       LOAD_REG rF; POP_ENV
 *
 * Instance fields and private methods are installed by one synthetic
 * function per class (the constructor's field initializer, run by
 * [[Construct]] / super(); ES2025 7.3.34 InitializeInstanceElements): it
 * reads computed keys and private method functions from the hidden slots
 * of the class scope. A static field's initializer and a static block are
 * each a function of their own, so that `this`, super.x and `arguments`
 * (an early error there) behave as in a method (15.7.10, 15.7.11).
 */
#include <stdlib.h>
#include <string.h>

#include "vm/compiler_internal.h"
#include "vm/private_name.h"

typedef struct ClassState {
    Node *node;
    uint32_t ctor;                  /* register of F */
    uint32_t proto;                 /* register of F.prototype */
    uint32_t *static_keys;          /* per member: register of a static field's computed key */
    bool has_instance_elements;
} ClassState;

static bool is_field(const Node *member)
{
    return member->kind == AST_CLASS_MEMBER && member->as.class_member.kind == MEMBER_KIND_FIELD;
}

static bool is_private_key(const Node *member)
{
    return member->kind == AST_CLASS_MEMBER && member->as.class_member.key &&
           member->as.class_member.key->kind == AST_PRIVATE_NAME;
}

static bool is_accessor_kind(int kind)
{
    return kind == MEMBER_KIND_GETTER || kind == MEMBER_KIND_SETTER;
}

static bool names_equal(AstName a, AstName b)
{
    return a.len == b.len && memcmp(a.chars, b.chars, a.len) == 0;
}

void compile_load_private_name(FuncState *fs, Node *private_name)
{
    AstName name = private_name->as.identifier.name;
    VarInfo *var = scope_resolve_private(fs->c, fs->scope, name);
    if (!var) {
        compile_error_at(fs->c, private_name, "Private field '#%.*s' must be declared in an enclosing class",
                         (int)name.len, name.chars);
        return;
    }
    compile_load_binding(fs, var, name, false);
}

void compile_private_in(FuncState *fs, Node *private_name, Node *object)
{
    uint32_t name = reg_alloc(fs);
    compile_load_private_name(fs, private_name);
    emit(fs, OP_STORE_REG, (int)name);
    compile_expr(fs, object);
    emit(fs, OP_PRIVATE_IN, (int)name);
}

/* ---- Synthetic functions: field initializers and static blocks ---- */

typedef void (*SyntheticBody)(FuncState *fs, void *data);

static uint32_t compile_synthetic_function(FuncState *fs, const void *owner, Node *position, SyntheticBody body,
                                           void *data)
{
    Compiler *c = fs->c;
    FunctionInfo *info = function_info_of(c, owner);
    if (!info) {
        compile_error_at(c, position, "internal error: class element was not analyzed");
        return 0;
    }
    FuncState inner;
    func_state_init(&inner, c, fs, info);
    inner.flags = CODE_STRICT | CODE_METHOD;
    set_position(&inner, position);
    body(&inner, data);
    emit(&inner, OP_LOAD_UNDEFINED);
    emit(&inner, OP_RETURN);
    FunctionCode *code = func_state_finish(&inner, position, (AstName){ "", 0 });
    uint32_t index = const_function_code(fs, code);
    func_state_free(&inner);
    return index;
}

/* Creates the function, makes home its home object, calls it with this = home. */
static void call_synthetic(FuncState *fs, uint32_t code, uint32_t home)
{
    uint32_t mark = fs->next_reg;
    uint32_t callee = reg_alloc_n(fs, 2);
    emit(fs, OP_CREATE_CLOSURE, (int)code);
    emit(fs, OP_SET_HOME_OBJECT, (int)home);
    emit(fs, OP_STORE_REG, (int)callee);
    emit(fs, OP_MOVE, (int)callee + 1, (int)home);
    emit(fs, OP_CALL, (int)callee, (int)callee + 1, (int)callee + 2, 0);
    reg_free_to(fs, mark);
}

static void static_block_body(FuncState *fs, void *data)
{
    Node *member = data;
    compile_var_scope_prologue(fs, &member->as.block.body);
    compile_stmt_list_disposing(fs, &member->as.block.body);
}

/* The name a member gives its function: "x", "#x"; empty for computed keys. */
static AstName field_name(Compiler *c, const Node *member)
{
    Node *key = member->as.class_member.key;
    if (member->as.class_member.is_computed)
        return (AstName){ "", 0 };
    if (key->kind == AST_PRIVATE_NAME)
        return compile_name_concat(c, "#", key->as.identifier.name);
    if (key->kind == AST_IDENTIFIER)
        return key->as.identifier.name;
    return (AstName){ "", 0 };
}

static void field_value(FuncState *fs, Node *member)
{
    Node *value = member->as.class_member.value;
    if (!value)
        emit(fs, OP_LOAD_UNDEFINED);
    else
        compile_named_value(fs, value, field_name(fs->c, member));
}

static void static_field_body(FuncState *fs, void *data)
{
    field_value(fs, data);
    emit(fs, OP_RETURN);
}

/* Defines acc as field member on the object in register target; key_reg
 * holds a computed key (NO_OPERAND: the key is static). */
static void define_field(FuncState *fs, Node *member, uint32_t target, uint32_t key_reg)
{
    Node *key = member->as.class_member.key;
    uint32_t mark = fs->next_reg;
    uint32_t value = reg_alloc(fs);
    emit(fs, OP_STORE_REG, (int)value);
    if (key->kind == AST_PRIVATE_NAME) {
        uint32_t name = reg_alloc(fs);
        compile_load_private_name(fs, key);
        emit(fs, OP_STORE_REG, (int)name);
        emit(fs, OP_LOAD_REG, (int)value);
        emit(fs, OP_PRIVATE_DEFINE_FIELD, (int)target, (int)name);
    } else {
        if (key_reg == NO_OPERAND) {
            key_reg = reg_alloc(fs);
            compile_property_key(fs, key, false);
            emit(fs, OP_STORE_REG, (int)key_reg);
        }
        emit(fs, OP_LOAD_REG, (int)value);
        emit(fs, OP_DEFINE_FIELD, (int)target, (int)key_reg);
    }
    reg_free_to(fs, mark);
}

/* ---- Private methods and accessors ---- */

/* The getter and setter members of a private accessor name. */
static void find_accessor_pair(Node *cls, Node *member, Node **getter, Node **setter)
{
    *getter = *setter = NULL;
    AstName name = member->as.class_member.key->as.identifier.name;
    for (uint32_t i = 0; i < cls->as.class.body.count; i++) {
        Node *m = cls->as.class.body.items[i];
        if (!is_private_key(m) || m->as.class_member.is_static != member->as.class_member.is_static ||
            !names_equal(m->as.class_member.key->as.identifier.name, name))
            continue;
        if (m->as.class_member.kind == MEMBER_KIND_GETTER)
            *getter = m;
        else if (m->as.class_member.kind == MEMBER_KIND_SETTER)
            *setter = m;
    }
}

/* acc = the function of a private method member: for static ones it is
 * created now, for instance ones it was stored in the member's hidden slot. */
typedef void (*LoadMethod)(FuncState *fs, Node *member, void *data);

static void load_hidden_method(FuncState *fs, Node *member, void *data)
{
    (void)data;
    VarInfo *var = class_member_hidden_var(fs->c, member);
    if (var)
        compile_load_binding(fs, var, var->name, false);
}

/* PrivateMethodOrAccessorAdd for member on target (ES2025 7.3.33). An
 * accessor pair is added once, at its first member. */
static void add_private_method(FuncState *fs, Node *cls, Node *member, uint32_t target, LoadMethod load, void *data)
{
    int kind = member->as.class_member.kind;
    uint32_t mark = fs->next_reg;
    uint32_t name = reg_alloc(fs);
    compile_load_private_name(fs, member->as.class_member.key);
    emit(fs, OP_STORE_REG, (int)name);
    if (!is_accessor_kind(kind)) {
        load(fs, member, data);
        emit(fs, OP_PRIVATE_DEFINE_METHOD, (int)target, (int)name);
        reg_free_to(fs, mark);
        return;
    }
    Node *getter, *setter;
    find_accessor_pair(cls, member, &getter, &setter);
    if ((getter && getter != member && setter == member) || (!getter && setter != member)) {
        reg_free_to(fs, mark);   /* the pair was added at its getter */
        return;
    }
    uint32_t getter_reg = reg_alloc(fs);
    if (getter)
        load(fs, getter, data);
    else
        emit(fs, OP_LOAD_UNDEFINED);
    emit(fs, OP_STORE_REG, (int)getter_reg);
    if (setter)
        load(fs, setter, data);
    else
        emit(fs, OP_LOAD_UNDEFINED);
    emit(fs, OP_PRIVATE_DEFINE_ACCESSOR, (int)target, (int)name, (int)getter_reg);
    reg_free_to(fs, mark);
}

static bool is_private_method(const Node *member)
{
    int kind = member->as.class_member.kind;
    return is_private_key(member) && (kind == MEMBER_KIND_METHOD || is_accessor_kind(kind));
}

/* The constructor's field initializer (ES2025 7.3.34): private methods,
 * then fields in order. */
static void instance_fields_body(FuncState *fs, void *data)
{
    Node *cls = data;
    uint32_t this_reg = reg_alloc(fs);
    emit(fs, OP_LOAD_THIS);
    emit(fs, OP_STORE_REG, (int)this_reg);
    const NodeList *body = &cls->as.class.body;
    for (uint32_t i = 0; i < body->count; i++) {
        Node *m = body->items[i];
        if (m->kind == AST_CLASS_MEMBER && !m->as.class_member.is_static && is_private_method(m))
            add_private_method(fs, cls, m, this_reg, load_hidden_method, NULL);
    }
    for (uint32_t i = 0; i < body->count; i++) {
        Node *m = body->items[i];
        if (!is_field(m) || m->as.class_member.is_static)
            continue;
        uint32_t mark = fs->next_reg;
        uint32_t key = NO_OPERAND;
        VarInfo *hidden = m->as.class_member.is_computed ? class_member_hidden_var(fs->c, m) : NULL;
        if (hidden) {
            key = reg_alloc(fs);
            compile_load_binding(fs, hidden, hidden->name, false);
            emit(fs, OP_STORE_REG, (int)key);
        }
        set_position(fs, m);
        field_value(fs, m);
        define_field(fs, m, this_reg, key);
        reg_free_to(fs, mark);
    }
}

/* ---- Elements ---- */

static void compile_method_member(FuncState *fs, ClassState *cs, Node *member)
{
    struct ast_class_member *m = &member->as.class_member;
    uint32_t target = m->is_static ? cs->ctor : cs->proto;
    bool is_get = m->kind == MEMBER_KIND_GETTER, is_set = m->kind == MEMBER_KIND_SETTER;
    const char *prefix = is_get ? "get " : is_set ? "set " : "";
    if (is_private_key(member)) {
        if (m->is_static)
            return;   /* created and added with the static elements (create_static_private_method) */
        AstName name = compile_name_concat(fs->c, prefix, field_name(fs->c, member));
        emit(fs, OP_CREATE_CLOSURE, (int)compile_function_constant_named(fs, m->value, name));
        emit(fs, OP_SET_HOME_OBJECT, (int)target);
        VarInfo *hidden = class_member_hidden_var(fs->c, member);
        if (hidden)
            compile_store_binding(fs, hidden, true, hidden->name, false);
        return;
    }
    uint32_t mark = fs->next_reg;
    uint32_t key = reg_alloc(fs);
    compile_property_key(fs, m->key, m->is_computed);
    emit(fs, OP_STORE_REG, (int)key);
    AstName name = { "", 0 };
    bool named = !m->is_computed && m->key->kind == AST_IDENTIFIER;
    if (named)
        name = compile_name_concat(fs->c, prefix, m->key->as.identifier.name);
    emit(fs, OP_CREATE_CLOSURE, (int)compile_function_constant_named(fs, m->value, name));
    if (!named)
        emit(fs, OP_SET_FUNCTION_NAME, (int)key, is_get ? 1 : is_set ? 2 : 0);
    emit(fs, is_get ? OP_DEFINE_METHOD_GETTER : is_set ? OP_DEFINE_METHOD_SETTER : OP_DEFINE_METHOD, (int)target,
         (int)key);
    reg_free_to(fs, mark);
}

/* A field's computed key is evaluated with the other elements, in order
 * (ES2025 15.7.10 step 1): instance keys go to hidden slots, static keys
 * to registers kept until the static fields run. */
static void compile_field_key(FuncState *fs, ClassState *cs, Node *member, uint32_t index)
{
    if (!member->as.class_member.is_computed)
        return;
    compile_property_key(fs, member->as.class_member.key, true);
    if (member->as.class_member.is_static) {
        cs->static_keys[index] = reg_alloc(fs);
        emit(fs, OP_STORE_REG, (int)cs->static_keys[index]);
        return;
    }
    VarInfo *hidden = class_member_hidden_var(fs->c, member);
    if (hidden)
        compile_store_binding(fs, hidden, true, hidden->name, false);
}

static void compile_element(FuncState *fs, ClassState *cs, Node *member, uint32_t index)
{
    if (member->kind != AST_CLASS_MEMBER)
        return;
    struct ast_class_member *m = &member->as.class_member;
    set_position(fs, member);
    if (m->decorators.count) {
        compile_error_at(fs->c, member, "decorators are not supported yet");
        return;
    }
    switch (m->kind) {
    case MEMBER_KIND_CONSTRUCTOR:
        break;
    case MEMBER_KIND_FIELD:
        compile_field_key(fs, cs, member, index);
        if (!m->is_static)
            cs->has_instance_elements = true;
        break;
    case MEMBER_KIND_ACCESSOR:
        compile_error_at(fs->c, member, "accessor fields are not supported yet");
        break;
    default:
        compile_method_member(fs, cs, member);
        if (!m->is_static && is_private_key(member))
            cs->has_instance_elements = true;
        break;
    }
}

static void create_static_private_method(FuncState *fs, Node *member, void *data)
{
    ClassState *cs = data;
    AstName name = compile_name_concat(fs->c,
                                       member->as.class_member.kind == MEMBER_KIND_GETTER   ? "get "
                                       : member->as.class_member.kind == MEMBER_KIND_SETTER ? "set "
                                                                                             : "",
                                       field_name(fs->c, member));
    emit(fs, OP_CREATE_CLOSURE, (int)compile_function_constant_named(fs, member->as.class_member.value, name));
    emit(fs, OP_SET_HOME_OBJECT, (int)cs->ctor);
}

/* Static private methods first (ES2025 15.7.14 step 30), then static
 * fields and blocks in order (step 31). */
static void compile_static_elements(FuncState *fs, ClassState *cs)
{
    Node *cls = cs->node;
    const NodeList *body = &cls->as.class.body;
    for (uint32_t i = 0; i < body->count; i++) {
        Node *m = body->items[i];
        if (m->kind == AST_CLASS_MEMBER && m->as.class_member.is_static && is_private_method(m))
            add_private_method(fs, cls, m, cs->ctor, create_static_private_method, cs);
    }
    for (uint32_t i = 0; i < body->count; i++) {
        Node *m = body->items[i];
        set_position(fs, m);
        if (m->kind == AST_CLASS_STATIC_BLOCK) {
            call_synthetic(fs, compile_synthetic_function(fs, m, m, static_block_body, m), cs->ctor);
        } else if (is_field(m) && m->as.class_member.is_static) {
            uint32_t mark = fs->next_reg;
            uint32_t callee = reg_alloc_n(fs, 2);
            emit(fs, OP_CREATE_CLOSURE, (int)compile_synthetic_function(fs, m, m, static_field_body, m));
            emit(fs, OP_SET_HOME_OBJECT, (int)cs->ctor);
            emit(fs, OP_STORE_REG, (int)callee);
            emit(fs, OP_MOVE, (int)callee + 1, (int)cs->ctor);
            emit(fs, OP_CALL, (int)callee, (int)callee + 1, (int)callee + 2, 0);
            define_field(fs, m, cs->ctor, cs->static_keys[i]);
            reg_free_to(fs, mark);
        }
    }
}

static Node *find_constructor(Node *cls)
{
    for (uint32_t i = 0; i < cls->as.class.body.count; i++) {
        Node *m = cls->as.class.body.items[i];
        if (m->kind == AST_CLASS_MEMBER && m->as.class_member.kind == MEMBER_KIND_CONSTRUCTOR)
            return m->as.class_member.value;
    }
    return NULL;
}

/* What the class declares for #name, as CREATE_PRIVATE_NAME's n operand
 * (PRIVATE_NAME_* of vm/private_name.h): only for error messages. */
static int private_name_kind(Node *cls, AstName name)
{
    for (uint32_t i = 0; i < cls->as.class.body.count; i++) {
        Node *m = cls->as.class.body.items[i];
        if (!is_private_key(m) || !names_equal(m->as.class_member.key->as.identifier.name, name))
            continue;
        int kind = m->as.class_member.kind;
        int declared = kind == MEMBER_KIND_METHOD ? PRIVATE_NAME_METHOD
                     : is_accessor_kind(kind)     ? PRIVATE_NAME_ACCESSOR
                                                  : PRIVATE_NAME_FIELD;
        return declared | (m->as.class_member.is_static ? PRIVATE_NAME_STATIC : 0);
    }
    return PRIVATE_NAME_FIELD;
}

/* ES2025 15.7.14 ClassDefinitionEvaluation step 5: a new Private Name for
 * each #name the class declares, in its class scope's bindings. */
static void create_private_names(FuncState *fs, Node *cls, ScopeInfo *scope)
{
    Node *id = cls->as.class.id;
    uint32_t class_name = const_name(fs, id ? id->as.identifier.name : (AstName){ "", 0 });
    for (VarInfo *v = scope->extra; v; v = v->next_extra) {
        if (v->kind != VAR_KIND_PRIVATE)
            continue;
        emit(fs, OP_CREATE_PRIVATE_NAME, (int)const_name(fs, v->name), (int)class_name,
             private_name_kind(cls, v->name));
        compile_store_binding(fs, v, true, v->name, false);
    }
}

/* F = CREATE_CLASS(...) into cs->ctor, its prototype into cs->proto. */
static void create_constructor(FuncState *fs, ClassState *cs, ScopeInfo *class_scope, AstName name)
{
    Node *cls = cs->node;
    uint32_t heritage = reg_alloc(fs);
    if (cls->as.class.super_class) {
        /* the heritage sees the outer private names (ES2025 15.7.14 step 8.a) */
        ScopeInfo *outer_heritage = fs->c->heritage_class_scope;
        if (class_scope)
            fs->c->heritage_class_scope = class_scope;
        compile_expr(fs, cls->as.class.super_class);
        fs->c->heritage_class_scope = outer_heritage;
    } else
        emit(fs, OP_LOAD_HOLE);
    emit(fs, OP_STORE_REG, (int)heritage);
    Node *ctor = find_constructor(cls);
    uint32_t code = ctor ? compile_function_constant_named(fs, ctor, name)
                         : const_function_code(fs, function_code_default_constructor(fs->c->vm,
                                                                                     cls->as.class.super_class));
    /* The constructor stands for the whole class: F.toString() is the class's
     * source text (ES2025 15.7.15 step 15, [[SourceText]] of the class). */
    if (code < fs->constant_count && value_is_cell(fs->constants[code])) {
        FunctionCode *constructor_code = (FunctionCode *)value_as_cell(fs->constants[code]);
        constructor_code->source = fs->c->source;
        constructor_code->source_start = cls->start;
        constructor_code->source_end = cls->end;
    }
    set_position(fs, cls);
    emit(fs, OP_CREATE_CLASS, (int)cs->proto, (int)code, (int)heritage);
    emit(fs, OP_STORE_REG, (int)cs->ctor);
    if (!ctor && name.len) {   /* a default constructor gets the class's name (15.7.14 step 14) */
        emit(fs, OP_LOAD_CONST, (int)const_name(fs, name));
        emit(fs, OP_STORE_REG, (int)heritage);
        emit(fs, OP_LOAD_REG, (int)cs->ctor);
        emit(fs, OP_SET_FUNCTION_NAME, (int)heritage, 0);
    }
}

void compile_class_named(FuncState *fs, Node *node, AstName name)
{
    if (node->as.class.decorators.count) {
        compile_error_at(fs->c, node, "decorators are not supported yet");
        return;
    }
    uint32_t mark = fs->next_reg;
    ScopeEntry scope;
    compile_enter_scope(fs, node, &scope);
    if (scope.scope)
        create_private_names(fs, node, scope.scope);
    const NodeList *body = &node->as.class.body;
    ClassState cs = { node, reg_alloc(fs), reg_alloc(fs), calloc(body->count + 1, sizeof(uint32_t)), false };
    if (!cs.static_keys) {
        compile_error(fs->c, ERROR_KIND_RANGE, "Out of memory while compiling");
        return;
    }
    for (uint32_t i = 0; i < body->count; i++)
        cs.static_keys[i] = NO_OPERAND;
    create_constructor(fs, &cs, scope.scope, name);
    for (uint32_t i = 0; i < body->count; i++)
        compile_element(fs, &cs, body->items[i], i);
    if (node->as.class.id) {   /* the inner binding (step 27) */
        emit(fs, OP_LOAD_REG, (int)cs.ctor);
        compile_store_var(fs, node->as.class.id, true);
    }
    if (cs.has_instance_elements) {
        emit(fs, OP_CREATE_CLOSURE, (int)compile_synthetic_function(fs, node, node, instance_fields_body, node));
        emit(fs, OP_SET_HOME_OBJECT, (int)cs.proto);
        emit(fs, OP_SET_CLASS_FIELDS, (int)cs.ctor);
    }
    compile_static_elements(fs, &cs);
    emit(fs, OP_LOAD_REG, (int)cs.ctor);
    free(cs.static_keys);
    compile_leave_scope(fs, &scope);
    reg_free_to(fs, mark);
}

void compile_class(FuncState *fs, Node *node)
{
    Node *id = node->as.class.id;
    compile_class_named(fs, node, id ? id->as.identifier.name : (AstName){ "", 0 });
}
