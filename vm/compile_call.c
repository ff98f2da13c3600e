/*
 * Property access, calls and optional chains (ES2025 13.3).
 *
 * A member expression is evaluated in two halves, so that assignments and
 * calls can use the first half once: the reference (object, and key when
 * computed) goes to registers (MemberRef), then a get or a set uses it.
 *
 *   o.x        GET_NAMED rO, "x", k
 *   o[k]       LOAD_REG rK; GET_KEYED rO
 *   super.x    LOAD_CONST "x"; GET_SUPER rThis
 *   o.#x       <load the Private Name>; PRIVATE_GET rO
 *   o.m(a)     rThis = o; rCallee = rThis.m; rArg = a; CALL rCallee, rThis, rArg, 1
 *
 * Optional chains: each ?. tests the value so far with JUMP_IF_NULLISH to
 * the chain's exit, which loads undefined (ES2025 13.3.9.1).
 */
#include "vm/compiler_internal.h"

/* ---- Member references ---- */

static void jump_if_nullish_to_chain_exit(FuncState *fs)
{
    if (!fs->optional_exits) {
        compile_error(fs->c, ERROR_KIND_SYNTAX, "internal error: ?. outside an optional chain");
        return;
    }
    jump_list_add(fs, fs->optional_exits, emit_jump(fs, OP_JUMP_IF_NULLISH));
}

/* The key half of a member reference; the object is already in ref->object. */
static void compile_member_key(FuncState *fs, Node *member, Node *later, MemberRef *ref)
{
    Node *property = member->as.member.property;
    ref->key = NO_OPERAND;
    ref->is_private = false;
    if (property->kind == AST_PRIVATE_NAME && !member->as.member.is_computed) {
        ref->is_private = true;
        ref->private_name = property;
        ref->key = reg_alloc(fs);
        compile_load_private_name(fs, property);
        emit(fs, OP_STORE_REG, (int)ref->key);
    } else if (member->as.member.is_computed) {
        ref->key = compile_operand(fs, property, later);
    } else if (ref->is_super) {
        ref->key = reg_alloc(fs);
        emit(fs, OP_LOAD_CONST, (int)const_name(fs, property->as.identifier.name));
        emit(fs, OP_STORE_REG, (int)ref->key);
    } else {
        ref->atom = const_name(fs, property->as.identifier.name);
    }
}

/* The object half into the given register (NO_OPERAND: any register). */
static void compile_member_object(FuncState *fs, Node *member, Node *later, MemberRef *ref, uint32_t into)
{
    Node *object = member->as.member.object;
    ref->is_super = object->kind == AST_SUPER;
    if (ref->is_super) {
        ref->object = into != NO_OPERAND ? into : reg_alloc(fs);
        emit(fs, OP_LOAD_THIS);
        emit(fs, OP_STORE_REG, (int)ref->object);
        return;
    }
    if (into != NO_OPERAND) {
        compile_expr_into(fs, object, into);
        ref->object = into;
    } else {
        bool key_may_assign = member->as.member.is_computed && expr_may_assign(member->as.member.property);
        ref->object = compile_operand(fs, object, key_may_assign ? member->as.member.property : later);
        if (member->as.member.is_optional)
            emit(fs, OP_LOAD_REG, (int)ref->object);
    }
    if (member->as.member.is_optional)
        jump_if_nullish_to_chain_exit(fs);
}

void compile_member_ref(FuncState *fs, Node *member, Node *later, MemberRef *ref)
{
    compile_member_object(fs, member, later, ref, NO_OPERAND);
    compile_member_key(fs, member, later, ref);
}

void compile_member_ref_get(FuncState *fs, const MemberRef *ref)
{
    if (ref->is_private) {
        emit(fs, OP_LOAD_REG, (int)ref->key);
        emit(fs, OP_PRIVATE_GET, (int)ref->object);
    } else if (ref->is_super) {
        emit(fs, OP_LOAD_REG, (int)ref->key);
        emit(fs, OP_GET_SUPER, (int)ref->object);
    } else if (ref->key != NO_OPERAND) {
        emit(fs, OP_LOAD_REG, (int)ref->key);
        emit(fs, OP_GET_KEYED, (int)ref->object);
    } else {
        emit(fs, OP_GET_NAMED, (int)ref->object, (int)ref->atom, (int)cache_new(fs));
    }
}

void compile_member_ref_set(FuncState *fs, const MemberRef *ref)
{
    if (ref->is_private)
        emit(fs, OP_PRIVATE_SET, (int)ref->object, (int)ref->key);
    else if (ref->is_super)
        emit(fs, OP_SET_SUPER, (int)ref->object, (int)ref->key);
    else if (ref->key != NO_OPERAND)
        emit(fs, OP_SET_KEYED, (int)ref->object, (int)ref->key);
    else
        emit(fs, OP_SET_NAMED, (int)ref->object, (int)ref->atom, (int)cache_new(fs));
}

void compile_member(FuncState *fs, Node *node)
{
    MemberRef ref;
    compile_member_ref(fs, node, NULL, &ref);
    set_position(fs, node);
    compile_member_ref_get(fs, &ref);
}

/* ---- Arguments ---- */

static bool has_spread(const NodeList *args)
{
    for (uint32_t i = 0; i < args->count; i++)
        if (args->items[i]->kind == AST_SPREAD_ELEMENT)
            return true;
    return false;
}

/* Arguments into consecutive registers (first, count), or with a spread
 * into one array register (first, *spread set). */
void compile_call_args(FuncState *fs, const NodeList *args, uint32_t *first, uint32_t *count, bool *spread)
{
    *spread = has_spread(args);
    if (*spread) {
        uint32_t array = reg_alloc(fs);
        emit(fs, OP_CREATE_ARRAY, (int)array, 0);
        emit(fs, OP_STORE_REG, (int)array);
        for (uint32_t i = 0; i < args->count; i++) {
            Node *arg = args->items[i];
            bool is_spread = arg->kind == AST_SPREAD_ELEMENT;
            compile_expr(fs, is_spread ? arg->as.spread.argument : arg);
            emit(fs, is_spread ? OP_ARRAY_SPREAD : OP_ARRAY_PUSH, (int)array);
        }
        *first = array;
        *count = 1;
        return;
    }
    *first = fs->next_reg;
    *count = args->count;
    if (fs->max_reg <= *first)
        fs->max_reg = *first + 1;   /* so that even an empty argument list names a real register */
    for (uint32_t i = 0; i < args->count; i++)
        compile_expr_into(fs, args->items[i], reg_alloc(fs));
}

/* ---- Calls ---- */

/* callee and this of a call into the two registers at callee (ES2025
 * 13.3.6.1 EvaluateCall: a property reference's base is this). */
static void compile_callee(FuncState *fs, Node *callee, uint32_t callee_reg)
{
    uint32_t this_reg = callee_reg + 1;
    if (callee->kind == AST_MEMBER_EXPR) {
        MemberRef ref;
        compile_member_object(fs, callee, NULL, &ref, this_reg);
        compile_member_key(fs, callee, NULL, &ref);
        set_position(fs, callee);
        compile_member_ref_get(fs, &ref);
        emit(fs, OP_STORE_REG, (int)callee_reg);
        return;
    }
    compile_expr_into(fs, callee, callee_reg);
    emit(fs, OP_LOAD_UNDEFINED);
    emit(fs, OP_STORE_REG, (int)this_reg);
}

/* eval(...) is a direct eval candidate when eval is not a local binding
 * (ES2025 13.3.6.1 step 6). */
static bool is_direct_eval_candidate(FuncState *fs, const Node *callee)
{
    if (callee->kind != AST_IDENTIFIER || !ast_name_equals(callee->as.identifier.name, "eval"))
        return false;
    VarInfo *var = scope_resolve(fs->scope, callee->as.identifier.name);
    return !var || var->location == VAR_GLOBAL;
}

static void compile_super_call(FuncState *fs, Node *node)
{
    uint32_t first, count;
    bool spread;
    compile_call_args(fs, &node->as.call.arguments, &first, &count, &spread);
    set_position(fs, node);
    if (spread)
        emit(fs, OP_SUPER_CALL_SPREAD, (int)first);
    else
        emit(fs, OP_SUPER_CALL, (int)first, (int)count);
}

void compile_call(FuncState *fs, Node *node)
{
    Node *callee = node->as.call.callee;
    if (callee->kind == AST_SUPER) {
        compile_super_call(fs, node);
        return;
    }
    uint32_t callee_reg = reg_alloc_n(fs, 2);
    compile_callee(fs, callee, callee_reg);
    if (node->as.call.is_optional) {
        emit(fs, OP_LOAD_REG, (int)callee_reg);
        jump_if_nullish_to_chain_exit(fs);
    }
    uint32_t first, count;
    bool spread;
    compile_call_args(fs, &node->as.call.arguments, &first, &count, &spread);
    set_position(fs, node);
    if (spread)
        emit(fs, OP_CALL_SPREAD, (int)callee_reg, (int)callee_reg + 1, (int)first);
    else if (is_direct_eval_candidate(fs, callee)) {
        /* `this` of a call of eval by a plain name is undefined: its
         * register carries the eval scope descriptor instead (opcodes.def) */
        emit(fs, OP_LOAD_CONST, (int)compile_eval_scope_constant(fs, node));
        emit(fs, OP_STORE_REG, (int)callee_reg + 1);
        emit(fs, OP_CALL_EVAL, (int)callee_reg, (int)callee_reg + 1, (int)first, (int)count);
    }
    else
        emit(fs, OP_CALL, (int)callee_reg, (int)callee_reg + 1, (int)first, (int)count);
}

void compile_new(FuncState *fs, Node *node)
{
    uint32_t callee = reg_alloc(fs);
    compile_expr_into(fs, node->as.call.callee, callee);
    uint32_t first, count;
    bool spread;
    compile_call_args(fs, &node->as.call.arguments, &first, &count, &spread);
    set_position(fs, node);
    if (spread)
        emit(fs, OP_NEW_SPREAD, (int)callee, (int)first);
    else
        emit(fs, OP_NEW, (int)callee, (int)first, (int)count);
}

/* ---- Optional chains ---- */

static void finish_optional_chain(FuncState *fs, JumpList *exits, JumpList *saved, Opcode short_circuit_value)
{
    fs->optional_exits = saved;
    if (exits->count) {
        uint32_t to_end = emit_jump(fs, OP_JUMP);
        jump_list_patch(fs, exits, code_here(fs));
        emit(fs, short_circuit_value);
        patch_jump_here(fs, to_end);
    }
    jump_list_free(exits);
}

void compile_optional_chain(FuncState *fs, Node *node)
{
    JumpList exits = { 0 };
    JumpList *saved = fs->optional_exits;
    fs->optional_exits = &exits;
    compile_expr(fs, node->as.optional_chain.expression);
    finish_optional_chain(fs, &exits, saved, OP_LOAD_UNDEFINED);
}

/* delete a?.b: true when the chain short-circuits (ES2025 13.5.1.2). */
void compile_optional_delete(FuncState *fs, Node *node)
{
    Node *member = node->as.optional_chain.expression;
    if (member->kind != AST_MEMBER_EXPR) {
        compile_optional_chain(fs, node);
        emit(fs, OP_LOAD_TRUE);
        return;
    }
    JumpList exits = { 0 };
    JumpList *saved = fs->optional_exits;
    fs->optional_exits = &exits;
    uint32_t mark = fs->next_reg;
    MemberRef ref;
    compile_member_ref(fs, member, NULL, &ref);
    if (ref.key != NO_OPERAND)
        emit(fs, OP_LOAD_REG, (int)ref.key);
    else
        emit(fs, OP_LOAD_CONST, (int)ref.atom);
    emit(fs, OP_DELETE_KEYED, (int)ref.object);
    reg_free_to(fs, mark);
    finish_optional_chain(fs, &exits, saved, OP_LOAD_TRUE);
}

/* ---- Tagged templates (ES2025 13.3.11) ---- */

/* The site's constant: an array of the n cooked strings (undefined where
 * an escape is invalid) followed by the n raw strings. */
static uint32_t template_site_constant(FuncState *fs, const NodeList *quasis)
{
    VM *vm = fs->c->vm;
    Object *site = array_new(vm, NULL, 0);
    if (!site) {
        compile_error(fs->c, ERROR_KIND_RANGE, "Out of memory while compiling");
        return 0;
    }
    uint32_t index = const_add(fs, value_from_object(site));   /* pins it */
    uint32_t n = quasis->count;
    for (uint32_t i = 0; i < n && !fs->c->failed; i++) {
        struct ast_template_element *e = &quasis->items[i]->as.template_element;
        /* const_string may grow fs->constants: take the index first */
        uint32_t cooked_index = e->cooked_valid ? const_string(fs, e->cooked) : 0;
        Value cooked = e->cooked_valid && !fs->c->failed ? fs->constants[cooked_index] : VALUE_UNDEFINED;
        uint32_t raw_index = const_string(fs, e->raw);
        Value raw = fs->c->failed ? VALUE_UNDEFINED : fs->constants[raw_index];
        if (object_create_data_property(vm, site, property_key_from_index(vm, i), cooked) < 0 ||
            object_create_data_property(vm, site, property_key_from_index(vm, n + i), raw) < 0)
            compile_error(fs->c, ERROR_KIND_RANGE, "Out of memory while compiling");
    }
    return index;
}

void compile_tagged_template(FuncState *fs, Node *node)
{
    Node *quasi = node->as.tagged_template.quasi;
    const NodeList *expressions = &quasi->as.template_literal.expressions;
    uint32_t callee = reg_alloc_n(fs, 2);
    compile_callee(fs, node->as.tagged_template.tag, callee);
    uint32_t first = reg_alloc(fs);
    emit(fs, OP_GET_TEMPLATE_OBJECT, (int)template_site_constant(fs, &quasi->as.template_literal.quasis));
    emit(fs, OP_STORE_REG, (int)first);
    for (uint32_t i = 0; i < expressions->count; i++)
        compile_expr_into(fs, expressions->items[i], reg_alloc(fs));
    set_position(fs, node);
    emit(fs, OP_CALL, (int)callee, (int)callee + 1, (int)first, (int)expressions->count + 1);
}
