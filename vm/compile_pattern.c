/*
 * Assignment (ES2025 13.15), update expressions (13.4) and destructuring:
 * BindingInitialization for declarations and parameters (8.6.2, 8.6.3) and
 * DestructuringAssignmentEvaluation for assignment patterns (13.15.5).
 * Both take the value to bind in acc.
 *
 * An array pattern walks an iterator:
 *       GET_ITERATOR rIter                  ; rIter, rIter+1 = iterator, next
 *       PUSH_HANDLER Lclose, rExc
 *       ; per element: a finished iterator (rIter undefined) gives undefined
 *       LOAD_REG rIter ; JUMP_IF_UNDEFINED Lu ; ITERATOR_NEXT rIter
 *       JUMP_IF_NOT_HOLE Lv ; Lu: LOAD_UNDEFINED ; Lv: <bind>
 *       POP_HANDLER
 *       ITERATOR_CLOSE rIter                ; no-op once done
 *       JUMP Lend
 *   Lclose:                                 ; binding threw: close, rethrow
 *       ITERATOR_CLOSE_QUIET rIter ; LOAD_REG rExc ; THROW
 *   Lend:
 * (The interpreter's ITERATOR_NEXT sets rIter to undefined when next()
 * itself throws, so such an iterator is not closed: ES2025 7.4.8.)
 *
 * A member expression target inside a pattern ([o.x] = a) is evaluated
 * before the value is fetched, as the spec orders it (PatternTarget).
 */
#include "vm/compiler_internal.h"

static void destructure_array(FuncState *fs, Node *pattern, bool is_declaration);
static void destructure_object(FuncState *fs, Node *pattern, bool is_declaration);

/* acc = acc, or the default when acc is undefined (ES2025 8.6.3,
 * SingleNameBinding step 3). */
static void apply_default(FuncState *fs, Node *target, Node *initializer)
{
    uint32_t skip = emit_jump(fs, OP_JUMP_IF_NOT_UNDEFINED);
    if (target->kind == AST_IDENTIFIER)
        compile_named_value(fs, initializer, target->as.identifier.name);
    else
        compile_expr(fs, initializer);
    patch_jump_here(fs, skip);
}

static void assign_member(FuncState *fs, Node *target)
{
    uint32_t mark = fs->next_reg;
    uint32_t value = reg_alloc(fs);
    emit(fs, OP_STORE_REG, (int)value);
    MemberRef ref;
    compile_member_ref(fs, target, NULL, &ref);
    emit(fs, OP_LOAD_REG, (int)value);
    set_position(fs, target);
    compile_member_ref_set(fs, &ref);
    reg_free_to(fs, mark);
}

/* f() = v in sloppy code (Annex B.3.6): the call runs, then the
 * assignment throws a ReferenceError (ES2025 6.2.5.6 PutValue step 1). */
static void throw_invalid_target(FuncState *fs, Node *target)
{
    set_position(fs, target);
    emit(fs, OP_THROW_ERROR, ERROR_KIND_REFERENCE, (int)const_cstr(fs, "Invalid left-hand side in assignment"));
}

void compile_assign_target(FuncState *fs, Node *target, bool is_declaration)
{
    switch (target->kind) {
    case AST_CALL_EXPR:
        compile_expr(fs, target);
        throw_invalid_target(fs, target);
        break;
    case AST_IDENTIFIER:
        compile_store_var(fs, target, is_declaration);
        break;
    case AST_MEMBER_EXPR:
        assign_member(fs, target);
        break;
    case AST_ASSIGN_PATTERN:
        apply_default(fs, target->as.binary.left, target->as.binary.right);
        compile_assign_target(fs, target->as.binary.left, is_declaration);
        break;
    case AST_ARRAY_PATTERN:
        destructure_array(fs, target, is_declaration);
        break;
    case AST_OBJECT_PATTERN:
    case AST_OBJECT_EXPR:
        destructure_object(fs, target, is_declaration);
        break;
    default:
        compile_error_at(fs->c, target, "Invalid destructuring assignment target");
        break;
    }
}

/*
 * A target of an assignment pattern that is a property reference is
 * evaluated before its value is fetched (ES2025 13.15.5.5 and 13.15.5.6,
 * step 1: "let lref be Evaluate(DestructuringAssignmentTarget)"), so
 * [o[f()]] = it calls f before it.next(). Identifiers and nested patterns
 * have nothing observable to evaluate first; declarations have no such
 * targets.
 */
typedef struct PatternTarget {
    Node *element;              /* as written, with its default */
    Node *target;               /* without the default */
    Node *initializer;          /* the default, or NULL */
    bool has_ref;               /* target is a member reference, in ref */
    MemberRef ref;
} PatternTarget;

static void target_prepare(FuncState *fs, Node *element, bool is_declaration, PatternTarget *t)
{
    t->element = element;
    t->target = element;
    t->initializer = NULL;
    t->has_ref = false;
    if (element && element->kind == AST_ASSIGN_PATTERN) {
        t->target = element->as.binary.left;
        t->initializer = element->as.binary.right;
    }
    if (!is_declaration && t->target && t->target->kind == AST_MEMBER_EXPR) {
        compile_member_ref(fs, t->target, t->initializer, &t->ref);
        t->has_ref = true;
    }
}

/* Stores acc (the fetched value) through the prepared target. */
static void target_assign(FuncState *fs, PatternTarget *t, bool is_declaration)
{
    if (!t->has_ref) {
        compile_assign_target(fs, t->element, is_declaration);
        return;
    }
    if (t->initializer)
        apply_default(fs, t->target, t->initializer);
    set_position(fs, t->target);
    compile_member_ref_set(fs, &t->ref);
}

/* ---- Array patterns ---- */

/* acc = the iterator's next value, or undefined once it is done. */
static void next_value_or_undefined(FuncState *fs, uint32_t iterator)
{
    emit(fs, OP_LOAD_REG, (int)iterator);
    uint32_t finished = emit_jump(fs, OP_JUMP_IF_UNDEFINED);
    emit(fs, OP_ITERATOR_NEXT, (int)iterator);
    uint32_t have_value = emit_jump(fs, OP_JUMP_IF_NOT_HOLE);
    patch_jump_here(fs, finished);
    emit(fs, OP_LOAD_UNDEFINED);
    patch_jump_here(fs, have_value);
}

/* ...rest: an array of the remaining values (ES2025 8.6.3 BindingRestElement). */
static void collect_rest(FuncState *fs, uint32_t iterator)
{
    uint32_t array = reg_alloc(fs);
    emit(fs, OP_CREATE_ARRAY, (int)array, 0);
    emit(fs, OP_STORE_REG, (int)array);
    uint32_t loop = label_here(fs);
    emit(fs, OP_LOAD_REG, (int)iterator);
    uint32_t done = emit_jump(fs, OP_JUMP_IF_UNDEFINED);
    emit(fs, OP_ITERATOR_NEXT, (int)iterator);
    uint32_t push = emit_jump(fs, OP_JUMP_IF_NOT_HOLE);
    uint32_t done2 = emit_jump(fs, OP_JUMP);
    patch_jump_here(fs, push);
    emit(fs, OP_ARRAY_PUSH, (int)array);
    emit_jump_to(fs, OP_JUMP, loop);
    patch_jump_here(fs, done);
    patch_jump_here(fs, done2);
    emit(fs, OP_LOAD_REG, (int)array);
}

static void destructure_array_elements(FuncState *fs, Node *pattern, uint32_t iterator, bool is_declaration)
{
    const NodeList *elements = &pattern->as.array.elements;
    for (uint32_t i = 0; i < elements->count; i++) {
        Node *element = elements->items[i];
        uint32_t mark = fs->next_reg;
        PatternTarget target;
        /* [...x] = a as a declaration is a rest element, as an expression a spread */
        if (element && (element->kind == AST_REST_ELEMENT || element->kind == AST_SPREAD_ELEMENT)) {
            target_prepare(fs, element->as.spread.argument, is_declaration, &target);
            collect_rest(fs, iterator);
            target_assign(fs, &target, is_declaration);
        } else {
            target_prepare(fs, element, is_declaration, &target);
            next_value_or_undefined(fs, iterator);
            if (element)
                target_assign(fs, &target, is_declaration);
        }
        reg_free_to(fs, mark);
    }
}

static void destructure_array(FuncState *fs, Node *pattern, bool is_declaration)
{
    uint32_t mark = fs->next_reg;
    uint32_t iterator = reg_alloc_n(fs, 2);
    uint32_t exception = reg_alloc(fs);
    set_position(fs, pattern);
    emit(fs, OP_GET_ITERATOR, (int)iterator);
    uint32_t handler_site = emit_push_handler(fs, exception);
    ControlEntry *handler = control_push(fs, CONTROL_HANDLER);
    handler->iterator_reg = iterator;    /* a return through a yield in the pattern closes it */
    destructure_array_elements(fs, pattern, iterator, is_declaration);
    control_pop(fs, handler);
    emit(fs, OP_POP_HANDLER);
    emit(fs, OP_ITERATOR_CLOSE, (int)iterator);
    uint32_t to_end = emit_jump(fs, OP_JUMP);
    patch_jump_here(fs, handler_site);
    emit(fs, OP_ITERATOR_CLOSE_QUIET, (int)iterator);
    emit(fs, OP_LOAD_REG, (int)exception);
    emit(fs, OP_THROW);
    patch_jump_here(fs, to_end);
    reg_free_to(fs, mark);
}

/* ---- Object patterns ---- */

static bool pattern_has_rest(const NodeList *props)
{
    return props->count && props->items[props->count - 1]->kind != AST_PROPERTY;
}

static bool first_property_reads(const NodeList *props)
{
    return props->count && props->items[0]->kind == AST_PROPERTY && !props->items[0]->as.property.is_computed;
}

/* A property's key: NO_OPERAND for a plain name (GET_NAMED will use its
 * constant), else a register holding it. With rest, the key is kept in
 * key_reg for the exclusion list of COPY_DATA_PROPERTIES. */
static uint32_t evaluate_property_key(FuncState *fs, Node *prop, uint32_t key_reg)
{
    struct ast_property *p = &prop->as.property;
    Node *key = p->key;
    bool is_name = !p->is_computed && (key->kind == AST_IDENTIFIER || key->kind == AST_STRING_LITERAL);
    if (is_name && key_reg == NO_OPERAND)
        return NO_OPERAND;
    uint32_t key_value = key_reg != NO_OPERAND ? key_reg : reg_alloc(fs);
    compile_property_key(fs, key, p->is_computed);
    emit(fs, OP_STORE_REG, (int)key_value);
    return key_value;
}

/* acc = source[key] (ES2025 13.15.5.6 step 2, GetV). */
static void get_property(FuncState *fs, Node *prop, uint32_t source, uint32_t key_value)
{
    if (key_value != NO_OPERAND) {
        emit(fs, OP_LOAD_REG, (int)key_value);
        emit(fs, OP_GET_KEYED, (int)source);
        return;
    }
    Node *key = prop->as.property.key;
    uint32_t atom = key->kind == AST_IDENTIFIER ? const_name(fs, key->as.identifier.name)
                                                 : const_string(fs, key->as.string_literal.value);
    set_position(fs, prop);
    emit(fs, OP_GET_NAMED, (int)source, (int)atom, (int)cache_new(fs));
}

static void destructure_object(FuncState *fs, Node *pattern, bool is_declaration)
{
    const NodeList *props = &pattern->as.object.properties;
    uint32_t mark = fs->next_reg;
    uint32_t source = reg_alloc(fs);
    emit(fs, OP_STORE_REG, (int)source);
    if (!first_property_reads(props))
        emit(fs, OP_TO_OBJECT);   /* RequireObjectCoercible (ES2025 8.6.2 step 1) */
    bool has_rest = pattern_has_rest(props);
    uint32_t named = has_rest ? props->count - 1 : props->count;
    uint32_t rest = has_rest ? reg_alloc_n(fs, 1 + named) : NO_OPERAND;   /* the rest object, then excluded keys */
    for (uint32_t i = 0; i < named; i++) {
        Node *prop = props->items[i];
        uint32_t inner = fs->next_reg;
        uint32_t key_value = evaluate_property_key(fs, prop, has_rest ? rest + 1 + i : NO_OPERAND);
        PatternTarget target;
        target_prepare(fs, prop->as.property.value, is_declaration, &target);
        get_property(fs, prop, source, key_value);
        target_assign(fs, &target, is_declaration);
        reg_free_to(fs, inner);
    }
    if (has_rest) {
        PatternTarget target;
        target_prepare(fs, props->items[props->count - 1]->as.spread.argument, is_declaration, &target);
        emit(fs, OP_CREATE_OBJECT);
        emit(fs, OP_STORE_REG, (int)rest);
        emit(fs, OP_LOAD_REG, (int)source);
        emit(fs, OP_COPY_DATA_PROPERTIES, (int)rest, (int)named);
        emit(fs, OP_LOAD_REG, (int)rest);
        target_assign(fs, &target, is_declaration);
    }
    reg_free_to(fs, mark);
}

/* ---- Assignment expressions ---- */

static Opcode compound_opcode(TokenType op)
{
    switch (op) {
    case T_PLUS_ASSIGN: return OP_ADD;
    case T_MINUS_ASSIGN: return OP_SUB;
    case T_STAR_ASSIGN: return OP_MUL;
    case T_SLASH_ASSIGN: return OP_DIV;
    case T_PERCENT_ASSIGN: return OP_MOD;
    case T_STAR_STAR_ASSIGN: return OP_EXP;
    case T_SHL_ASSIGN: return OP_SHL;
    case T_SAR_ASSIGN: return OP_SAR;
    case T_SHR_ASSIGN: return OP_SHR;
    case T_AMP_ASSIGN: return OP_BIT_AND;
    case T_PIPE_ASSIGN: return OP_BIT_OR;
    case T_CARET_ASSIGN: return OP_BIT_XOR;
    default: return OP__COUNT;
    }
}

static bool is_logical_assign(TokenType op)
{
    return op == T_AMP_AMP_ASSIGN || op == T_PIPE_PIPE_ASSIGN || op == T_QUESTION_QUESTION_ASSIGN;
}

static Opcode logical_skip_jump(TokenType op)
{
    return op == T_AMP_AMP_ASSIGN ? OP_JUMP_IF_FALSE : op == T_PIPE_PIPE_ASSIGN ? OP_JUMP_IF_TRUE : OP_JUMP_IF_NOT_NULLISH;
}

/* The right side of an assignment whose target is an identifier gets its
 * name (ES2025 13.15.2 step 1.c, and for logical assignment 5.a). */
static void compile_rhs(FuncState *fs, Node *left, Node *right)
{
    if (left->kind == AST_IDENTIFIER)
        compile_named_value(fs, right, left->as.identifier.name);
    else
        compile_expr(fs, right);
}

static void compile_plain_assignment(FuncState *fs, Node *left, Node *right)
{
    if (left->kind == AST_CALL_EXPR) {
        compile_expr(fs, left);
        compile_expr(fs, right);
        throw_invalid_target(fs, left);
    } else if (left->kind == AST_IDENTIFIER) {
        compile_rhs(fs, left, right);
        compile_store_var(fs, left, false);
    } else if (left->kind == AST_MEMBER_EXPR) {
        MemberRef ref;
        compile_member_ref(fs, left, right, &ref);
        compile_expr(fs, right);
        set_position(fs, left);
        compile_member_ref_set(fs, &ref);
    } else {
        uint32_t value = reg_alloc(fs);
        compile_expr(fs, right);
        emit(fs, OP_STORE_REG, (int)value);
        compile_assign_target(fs, left, false);
        emit(fs, OP_LOAD_REG, (int)value);   /* the expression's value is the right side */
    }
}

/* x op= y and x &&= y: read the target once, write it once. */
static void compile_update_assignment(FuncState *fs, Node *node)
{
    TokenType op = node->as.binary.op;
    Node *left = node->as.binary.left, *right = node->as.binary.right;
    if (left->kind == AST_CALL_EXPR) {
        compile_expr(fs, left);
        throw_invalid_target(fs, left);
        return;
    }
    MemberRef ref;
    bool is_member = left->kind == AST_MEMBER_EXPR;
    if (is_member) {
        compile_member_ref(fs, left, right, &ref);
        set_position(fs, left);
        compile_member_ref_get(fs, &ref);
    } else if (is_logical_assign(op)) {
        compile_load_var(fs, left);
    }
    if (is_logical_assign(op)) {
        uint32_t skip = emit_jump(fs, logical_skip_jump(op));
        compile_rhs(fs, left, right);
        if (is_member)
            compile_member_ref_set(fs, &ref);
        else
            compile_store_var(fs, left, false);
        patch_jump_here(fs, skip);
        return;
    }
    uint32_t old = is_member ? reg_alloc(fs) : compile_operand(fs, left, right);
    if (is_member)
        emit(fs, OP_STORE_REG, (int)old);
    compile_expr(fs, right);
    set_position(fs, node);
    emit(fs, compound_opcode(op), (int)old);
    if (is_member)
        compile_member_ref_set(fs, &ref);
    else
        compile_store_var(fs, left, false);
}

void compile_assignment(FuncState *fs, Node *node)
{
    if (node->as.binary.op == T_ASSIGN)
        compile_plain_assignment(fs, node->as.binary.left, node->as.binary.right);
    else
        compile_update_assignment(fs, node);
}

/* ++x, x--, ... (ES2025 13.4.2-13.4.5): ToNumeric once; postfix yields
 * the old numeric value. */
void compile_update(FuncState *fs, Node *node)
{
    compile_update_value(fs, node, true);
}

/* value_used false: a statement's x++ needs no copy of the old value. */
void compile_update_value(FuncState *fs, Node *node, bool value_used)
{
    Node *target = node->as.update.argument;
    bool is_prefix = node->as.update.is_prefix || !value_used;
    Opcode step = node->as.update.op == T_PLUS_PLUS ? OP_INC : OP_DEC;
    if (target->kind == AST_CALL_EXPR) {
        compile_expr(fs, target);
        throw_invalid_target(fs, target);
        return;
    }
    MemberRef ref;
    bool is_member = target->kind == AST_MEMBER_EXPR;
    if (is_member) {
        compile_member_ref(fs, target, NULL, &ref);
        compile_member_ref_get(fs, &ref);
    } else {
        compile_load_var(fs, target);
    }
    emit(fs, OP_TO_NUMERIC);
    uint32_t old = NO_OPERAND;
    if (!is_prefix) {
        old = reg_alloc(fs);
        emit(fs, OP_STORE_REG, (int)old);
    }
    set_position(fs, node);
    emit(fs, step);
    if (is_member)
        compile_member_ref_set(fs, &ref);
    else
        compile_store_var(fs, target, false);
    if (!is_prefix)
        emit(fs, OP_LOAD_REG, (int)old);
}
