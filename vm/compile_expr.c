/*
 * Expressions (ES2025 13): every compile function leaves the value in the
 * accumulator and frees the temporaries it allocated.
 *
 * Binary operators take their left operand from a register and the right
 * from acc (acc = r OP acc), so `a + b` where a is a local is just
 * LOAD_REG b; ADD a. A local's own register can stand for the left operand
 * only while nothing evaluated after it can assign that local: the right
 * operand is scanned for assignments (calls cannot write another
 * function's registers: captured variables live in Environments).
 *
 * Calls put callee, this and the arguments in consecutive registers
 * (CALL callee, this, first, n); with a spread argument the arguments are
 * gathered into an array instead (CALL_SPREAD). Optional chains jump to a
 * shared exit that loads undefined (ES2025 13.3.9).
 */
#include <math.h>
#include <string.h>

#include "vm/compiler_internal.h"

/* ---- Registers for operands ---- */

static bool may_assign_visit(void *data, Node *node);

/* Could evaluating node assign a variable of this function? */
bool expr_may_assign(Node *node)
{
    if (!node)
        return false;
    switch (node->kind) {
    case AST_ASSIGN_EXPR:
    case AST_UPDATE_EXPR:
        return true;
    case AST_FUNCTION_EXPR:
    case AST_ARROW_FUNCTION:
    case AST_CLASS_EXPR:   /* its computed keys might, but it is rare: be safe */
        return node->kind == AST_CLASS_EXPR;
    case AST_IDENTIFIER:
    case AST_NUMBER_LITERAL:
    case AST_STRING_LITERAL:
    case AST_THIS_EXPR:
        return false;
    default:
        return ast_any_child(node, may_assign_visit, NULL);
    }
}

static bool may_assign_visit(void *data, Node *node)
{
    (void)data;
    return expr_may_assign(node);
}

/* The register of a local that needs no TDZ check, or NO_OPERAND. */
static uint32_t local_register(FuncState *fs, Node *node)
{
    if (node->kind != AST_IDENTIFIER || reference_needs_tdz_check(fs->c, node))
        return NO_OPERAND;
    VarInfo *var = scope_resolve(fs->scope, node->as.identifier.name);
    if (!var || var->location != VAR_REGISTER || var->index == NO_OPERAND)
        return NO_OPERAND;
    return var->index;
}

void compile_expr_into(FuncState *fs, Node *node, uint32_t reg)
{
    compile_expr(fs, node);
    emit(fs, OP_STORE_REG, (int)reg);
}

/* node's value in a register, valid until `later` has been evaluated. */
uint32_t compile_operand(FuncState *fs, Node *node, Node *later)
{
    uint32_t local = local_register(fs, node);
    if (local != NO_OPERAND && !expr_may_assign(later))
        return local;
    uint32_t reg = reg_alloc(fs);
    compile_expr_into(fs, node, reg);
    return reg;
}

uint32_t compile_expr_to_reg(FuncState *fs, Node *node)
{
    return compile_operand(fs, node, NULL);
}

/* ---- Literals ---- */

static void compile_number(FuncState *fs, double value)
{
    bool is_int = value >= -2147483648.0 && value <= 2147483647.0 && value == (double)(int32_t)value &&
                  !(value == 0 && signbit(value));
    if (is_int)
        emit(fs, OP_LOAD_INT, (int)(int32_t)value);
    else
        emit(fs, OP_LOAD_CONST, (int)const_number(fs, value));
}

static void compile_regexp(FuncState *fs, Node *node)
{
    uint32_t pattern = const_string(fs, node->as.regexp_literal.pattern);
    uint32_t flags = const_name(fs, node->as.regexp_literal.flags);
    emit(fs, OP_CREATE_REGEXP, (int)pattern, (int)flags);
}

/* Array literal (ES2025 13.2.4.1): leading elements go to consecutive
 * registers for one CREATE_ARRAY; after a spread (or past a register
 * budget) elements are appended one by one. */
enum { ARRAY_LITERAL_REGISTER_ELEMENTS = 64 };

static void compile_array_element(FuncState *fs, Node *element, uint32_t array)
{
    if (!element) {
        emit(fs, OP_LOAD_HOLE);
        emit(fs, OP_ARRAY_PUSH, (int)array);
    } else if (element->kind == AST_SPREAD_ELEMENT) {
        compile_expr(fs, element->as.spread.argument);
        emit(fs, OP_ARRAY_SPREAD, (int)array);
    } else {
        compile_expr(fs, element);
        emit(fs, OP_ARRAY_PUSH, (int)array);
    }
}

static void compile_array(FuncState *fs, Node *node)
{
    const NodeList *elements = &node->as.array.elements;
    uint32_t leading = 0;
    while (leading < elements->count && leading < ARRAY_LITERAL_REGISTER_ELEMENTS &&
           !(elements->items[leading] && elements->items[leading]->kind == AST_SPREAD_ELEMENT))
        leading++;
    uint32_t first = reg_alloc_n(fs, leading);
    for (uint32_t i = 0; i < leading; i++) {
        if (elements->items[i])
            compile_expr(fs, elements->items[i]);
        else
            emit(fs, OP_LOAD_HOLE);
        emit(fs, OP_STORE_REG, (int)(first + i));
    }
    emit(fs, OP_CREATE_ARRAY, (int)first, (int)leading);
    if (leading == elements->count)
        return;
    uint32_t array = reg_alloc(fs);
    emit(fs, OP_STORE_REG, (int)array);
    for (uint32_t i = leading; i < elements->count; i++)
        compile_array_element(fs, elements->items[i], array);
    emit(fs, OP_LOAD_REG, (int)array);
}

/* Does a property name spell an array index ("0", "42")? Those are keyed
 * as numbers, not atoms (vm/object.h, property keys). */
static bool name_is_array_index(const char *chars, uint32_t len)
{
    if (len == 0 || len > 10 || (len > 1 && chars[0] == '0'))
        return false;
    uint64_t value = 0;
    for (uint32_t i = 0; i < len; i++) {
        if (chars[i] < '0' || chars[i] > '9')
            return false;
        value = value * 10 + (uint64_t)(chars[i] - '0');
    }
    return value < 4294967295u;
}

static bool string_is_array_index(AstString s)
{
    char digits[11];
    if (s.len == 0 || s.len > 10)
        return false;
    for (uint32_t i = 0; i < s.len; i++) {
        if (s.chars[i] > 0x7F)
            return false;
        digits[i] = (char)s.chars[i];
    }
    return name_is_array_index(digits, s.len);
}

/* A non-computed key that can be used as an atom operand: an identifier
 * or a string that is not an array index. */
static bool key_atom(FuncState *fs, Node *key, uint32_t *atom)
{
    if (key->kind == AST_IDENTIFIER && !name_is_array_index(key->as.identifier.name.chars, key->as.identifier.name.len)) {
        *atom = const_name(fs, key->as.identifier.name);
        return true;
    }
    if (key->kind == AST_STRING_LITERAL && !string_is_array_index(key->as.string_literal.value)) {
        *atom = const_string(fs, key->as.string_literal.value);
        return true;
    }
    return false;
}

/* acc = the property key of a property definition (ES2025 13.2.5.4
 * PropertyName evaluation). */
void compile_property_key(FuncState *fs, Node *key, bool is_computed)
{
    if (is_computed) {
        compile_expr(fs, key);
        emit(fs, OP_TO_PROPERTY_KEY);
        return;
    }
    switch (key->kind) {
    case AST_IDENTIFIER: emit(fs, OP_LOAD_CONST, (int)const_name(fs, key->as.identifier.name)); break;
    case AST_STRING_LITERAL: emit(fs, OP_LOAD_CONST, (int)const_string(fs, key->as.string_literal.value)); break;
    case AST_NUMBER_LITERAL: compile_number(fs, key->as.number_literal.value); break;
    case AST_BIGINT_LITERAL:
        emit(fs, OP_LOAD_BIGINT, (int)const_name(fs, key->as.bigint_literal.digits));
        emit(fs, OP_TO_PROPERTY_KEY);
        break;
    default: compile_expr(fs, key); emit(fs, OP_TO_PROPERTY_KEY); break;
    }
}

/* The static name a property key gives a function (13.2.5.5 step 1). */
static bool static_key_name(Node *key, bool is_computed, AstName *name)
{
    if (is_computed)
        return false;
    if (key->kind == AST_IDENTIFIER) {
        *name = key->as.identifier.name;
        return true;
    }
    return false;
}

static void compile_method_value(FuncState *fs, Node *fn, Node *key, bool is_computed, const char *prefix,
                                 uint32_t key_reg, int name_prefix_kind)
{
    AstName name = { "", 0 };
    bool named = static_key_name(key, is_computed, &name);
    if (named && prefix[0])
        name = compile_name_concat(fs->c, prefix, name);
    emit(fs, OP_CREATE_CLOSURE, (int)compile_function_constant_named(fs, fn, name));
    if (!named)
        emit(fs, OP_SET_FUNCTION_NAME, (int)key_reg, name_prefix_kind);
}

static void compile_object_property(FuncState *fs, Node *prop, uint32_t object)
{
    if (prop->kind == AST_SPREAD_ELEMENT) {
        compile_expr(fs, prop->as.spread.argument);
        emit(fs, OP_COPY_DATA_PROPERTIES, (int)object, 0);
        return;
    }
    struct ast_property *p = &prop->as.property;
    set_position(fs, prop);
    if (p->kind == PROPERTY_KIND_PROTO) {
        compile_expr(fs, p->value);
        emit(fs, OP_SET_PROTOTYPE_LITERAL, (int)object);
        return;
    }
    uint32_t atom;
    bool plain_value = p->kind == PROPERTY_KIND_INIT && !expr_is_anonymous_function(p->value);
    if (plain_value && !p->is_computed && key_atom(fs, p->key, &atom)) {
        compile_expr(fs, p->value);
        emit(fs, OP_DEFINE_NAMED, (int)object, (int)atom);
        return;
    }
    uint32_t mark = fs->next_reg;
    uint32_t key = reg_alloc(fs);
    compile_property_key(fs, p->key, p->is_computed);
    emit(fs, OP_STORE_REG, (int)key);
    if (p->kind == PROPERTY_KIND_INIT) {
        AstName name;
        if (static_key_name(p->key, p->is_computed, &name)) {
            compile_named_value(fs, p->value, name);
        } else {
            compile_expr(fs, p->value);
            if (expr_is_anonymous_function(p->value))
                emit(fs, OP_SET_FUNCTION_NAME, (int)key, 0);
        }
        emit(fs, OP_DEFINE_FIELD, (int)object, (int)key);
    } else {
        bool is_get = p->kind == PROPERTY_KIND_GETTER, is_set = p->kind == PROPERTY_KIND_SETTER;
        compile_method_value(fs, p->value, p->key, p->is_computed, is_get ? "get " : is_set ? "set " : "", key,
                             is_get ? 1 : is_set ? 2 : 0);
        emit(fs, OP_SET_HOME_OBJECT, (int)object);
        emit(fs, is_get ? OP_DEFINE_GETTER : is_set ? OP_DEFINE_SETTER : OP_DEFINE_FIELD, (int)object, (int)key);
    }
    reg_free_to(fs, mark);
}

static void compile_object(FuncState *fs, Node *node)
{
    uint32_t object = reg_alloc(fs);
    emit(fs, OP_CREATE_OBJECT);
    emit(fs, OP_STORE_REG, (int)object);
    const NodeList *props = &node->as.object.properties;
    for (uint32_t i = 0; i < props->count; i++)
        compile_object_property(fs, props->items[i], object);
    emit(fs, OP_LOAD_REG, (int)object);
}

bool expr_is_anonymous_function(const Node *node)
{
    if (!node)
        return false;
    switch (node->kind) {
    case AST_FUNCTION_EXPR: return node->as.function.id == NULL;
    case AST_ARROW_FUNCTION: return true;
    case AST_CLASS_EXPR: return node->as.class.id == NULL;
    default: return false;
    }
}

/* NamedEvaluation (ES2025 8.4.5): an anonymous function or class gets the
 * name of what it is assigned to. */
void compile_named_value(FuncState *fs, Node *value, AstName name)
{
    if (!expr_is_anonymous_function(value)) {
        compile_expr(fs, value);
    } else if (value->kind == AST_CLASS_EXPR) {
        compile_class_named(fs, value, name);
    } else {
        set_position(fs, value);
        emit(fs, OP_CREATE_CLOSURE, (int)compile_function_constant_named(fs, value, name));
    }
}

/* ---- Operators ---- */

static Opcode binary_opcode(TokenType op)
{
    switch (op) {
    case T_PLUS: return OP_ADD;
    case T_MINUS: return OP_SUB;
    case T_STAR: return OP_MUL;
    case T_SLASH: return OP_DIV;
    case T_PERCENT: return OP_MOD;
    case T_STAR_STAR: return OP_EXP;
    case T_AMP: return OP_BIT_AND;
    case T_PIPE: return OP_BIT_OR;
    case T_CARET: return OP_BIT_XOR;
    case T_SHL: return OP_SHL;
    case T_SAR: return OP_SAR;
    case T_SHR: return OP_SHR;
    case T_EQ: return OP_EQ;
    case T_NE: return OP_NE;
    case T_STRICT_EQ: return OP_STRICT_EQ;
    case T_STRICT_NE: return OP_STRICT_NE;
    case T_LT: return OP_LT;
    case T_LE: return OP_LE;
    case T_GT: return OP_GT;
    case T_GE: return OP_GE;
    case T_INSTANCEOF: return OP_INSTANCEOF;
    case T_IN: return OP_IN;
    default: return OP__COUNT;
    }
}

static void compile_binary(FuncState *fs, Node *node)
{
    struct ast_binary *b = &node->as.binary;
    if (b->op == T_IN && b->left->kind == AST_PRIVATE_NAME) {
        compile_private_in(fs, b->left, b->right);
        return;
    }
    Opcode op = binary_opcode(b->op);
    if (op == OP__COUNT) {
        compile_error_at(fs->c, node, "internal error: unknown binary operator");
        return;
    }
    if (op == OP_IN) {   /* acc = ToPropertyKey(r) in acc: the key goes to the register */
        uint32_t key = compile_operand(fs, b->left, b->right);
        compile_expr(fs, b->right);
        set_position(fs, node);
        emit(fs, OP_IN, (int)key);
        return;
    }
    uint32_t left = compile_operand(fs, b->left, b->right);
    compile_expr(fs, b->right);
    set_position(fs, node);
    emit(fs, op, (int)left);
}

static void compile_logical(FuncState *fs, Node *node)
{
    struct ast_binary *b = &node->as.binary;
    compile_expr(fs, b->left);
    Opcode jump = b->op == T_AMP_AMP ? OP_JUMP_IF_FALSE : b->op == T_PIPE_PIPE ? OP_JUMP_IF_TRUE : OP_JUMP_IF_NOT_NULLISH;
    uint32_t to_end = emit_jump(fs, jump);
    compile_expr(fs, b->right);
    patch_jump_here(fs, to_end);
}

void compile_condition(FuncState *fs, Node *node, bool jump_if_true, JumpList *jumps)
{
    if (node->kind == AST_UNARY_EXPR && node->as.unary.op == T_BANG) {
        compile_condition(fs, node->as.unary.argument, !jump_if_true, jumps);
        return;
    }
    if (node->kind == AST_TRUE_LITERAL || node->kind == AST_FALSE_LITERAL) {
        if ((node->kind == AST_TRUE_LITERAL) == jump_if_true)
            jump_list_add(fs, jumps, emit_jump(fs, OP_JUMP));
        return;
    }
    bool is_and = node->kind == AST_LOGICAL_EXPR && node->as.binary.op == T_AMP_AMP;
    bool is_or = node->kind == AST_LOGICAL_EXPR && node->as.binary.op == T_PIPE_PIPE;
    if ((is_and && !jump_if_true) || (is_or && jump_if_true)) {
        compile_condition(fs, node->as.binary.left, jump_if_true, jumps);
        compile_condition(fs, node->as.binary.right, jump_if_true, jumps);
        return;
    }
    if (is_and || is_or) {
        JumpList skip = { 0 };
        compile_condition(fs, node->as.binary.left, !jump_if_true, &skip);
        compile_condition(fs, node->as.binary.right, jump_if_true, jumps);
        jump_list_patch(fs, &skip, code_here(fs));
        jump_list_free(&skip);
        return;
    }
    compile_expr(fs, node);
    jump_list_add(fs, jumps, emit_jump(fs, jump_if_true ? OP_JUMP_IF_TRUE : OP_JUMP_IF_FALSE));
}

static void compile_conditional(FuncState *fs, Node *node)
{
    JumpList to_else = { 0 };
    compile_condition(fs, node->as.conditional.test, false, &to_else);
    compile_expr(fs, node->as.conditional.consequent);
    uint32_t to_end = emit_jump(fs, OP_JUMP);
    jump_list_patch(fs, &to_else, code_here(fs));
    jump_list_free(&to_else);
    compile_expr(fs, node->as.conditional.alternate);
    patch_jump_here(fs, to_end);
}

static void compile_delete(FuncState *fs, Node *node)
{
    Node *target = node->as.unary.argument;
    if (target->kind == AST_IDENTIFIER) {
        compile_delete_var(fs, target);
        return;
    }
    if (target->kind == AST_MEMBER_EXPR && target->as.member.object->kind == AST_SUPER) {
        /* ES2025 13.5.1.2 step 5.a */
        emit(fs, OP_THROW_ERROR, ERROR_KIND_REFERENCE, (int)const_cstr(fs, "Unsupported reference to 'super'"));
        return;
    }
    if (target->kind == AST_MEMBER_EXPR) {
        uint32_t object = compile_operand(fs, target->as.member.object, target->as.member.property);
        compile_property_key(fs, target->as.member.property, target->as.member.is_computed);
        emit(fs, OP_DELETE_KEYED, (int)object);
        return;
    }
    if (target->kind == AST_OPTIONAL_CHAIN) {
        compile_optional_delete(fs, target);
        return;
    }
    compile_expr(fs, target);   /* delete of a non-reference: evaluate, then true */
    emit(fs, OP_LOAD_TRUE);
}

static void compile_unary(FuncState *fs, Node *node)
{
    TokenType op = node->as.unary.op;
    Node *argument = node->as.unary.argument;
    if (op == T_DELETE) {
        compile_delete(fs, node);
        return;
    }
    if (op == T_TYPEOF && argument->kind == AST_IDENTIFIER) {
        compile_typeof_var(fs, argument);
        return;
    }
    compile_expr(fs, argument);
    switch (op) {
    case T_MINUS: emit(fs, OP_NEGATE); break;
    case T_PLUS: emit(fs, OP_PLUS); break;
    case T_BANG: emit(fs, OP_NOT); break;
    case T_TILDE: emit(fs, OP_BIT_NOT); break;
    case T_TYPEOF: emit(fs, OP_TYPEOF); break;
    case T_VOID: emit(fs, OP_LOAD_UNDEFINED); break;
    default: compile_error_at(fs->c, node, "internal error: unknown unary operator"); break;
    }
}

static void compile_sequence(FuncState *fs, Node *node)
{
    const NodeList *list = &node->as.sequence.expressions;
    for (uint32_t i = 0; i < list->count; i++)
        compile_expr(fs, list->items[i]);
}

/* ---- Templates ---- */

void compile_template_literal(FuncState *fs, Node *node)
{
    const NodeList *quasis = &node->as.template_literal.quasis;
    const NodeList *expressions = &node->as.template_literal.expressions;
    uint32_t text = reg_alloc(fs);
    emit(fs, OP_LOAD_CONST, (int)const_string(fs, quasis->items[0]->as.template_element.cooked));
    for (uint32_t i = 0; i < expressions->count; i++) {
        emit(fs, OP_STORE_REG, (int)text);
        compile_expr(fs, expressions->items[i]);
        emit(fs, OP_TO_STRING);
        emit(fs, OP_ADD, (int)text);
        AstString tail = quasis->items[i + 1]->as.template_element.cooked;
        if (tail.len == 0)
            continue;
        emit(fs, OP_STORE_REG, (int)text);
        emit(fs, OP_LOAD_CONST, (int)const_string(fs, tail));
        emit(fs, OP_ADD, (int)text);
    }
}

/* import(specifier [, options]) (ES2025 13.3.10.1) */
static void compile_import_call(FuncState *fs, Node *node)
{
    if (node->as.import_call.phase != IMPORT_PHASE_EVALUATION) {
        compile_error_at(fs->c, node, "import.source and import.defer are not supported yet");
        return;
    }
    uint32_t options = NO_OPERAND;
    if (node->as.import_call.options) {
        options = reg_alloc(fs);
        uint32_t specifier = reg_alloc(fs);
        compile_expr_into(fs, node->as.import_call.source, specifier);
        compile_expr_into(fs, node->as.import_call.options, options);
        emit(fs, OP_LOAD_REG, (int)specifier);
    } else {
        compile_expr(fs, node->as.import_call.source);
    }
    set_position(fs, node);
    emit(fs, OP_IMPORT_DYNAMIC, (int)options);
}

/* An expression whose value is not used (a statement, a for update). */
void compile_effect(FuncState *fs, Node *node)
{
    if (node->kind == AST_UPDATE_EXPR) {
        compile_update_value(fs, node, false);
    } else if (node->kind == AST_SEQUENCE_EXPR) {
        const NodeList *list = &node->as.sequence.expressions;
        for (uint32_t i = 0; i < list->count; i++)
            compile_effect(fs, list->items[i]);
    } else {
        compile_expr(fs, node);
    }
}

/* ---- Dispatch ---- */

static void compile_literal(FuncState *fs, Node *node)
{
    switch (node->kind) {
    case AST_NUMBER_LITERAL: compile_number(fs, node->as.number_literal.value); break;
    case AST_STRING_LITERAL: emit(fs, OP_LOAD_CONST, (int)const_string(fs, node->as.string_literal.value)); break;
    case AST_BIGINT_LITERAL: emit(fs, OP_LOAD_BIGINT, (int)const_name(fs, node->as.bigint_literal.digits)); break;
    case AST_REGEXP_LITERAL: compile_regexp(fs, node); break;
    case AST_NULL_LITERAL: emit(fs, OP_LOAD_NULL); break;
    case AST_TRUE_LITERAL: emit(fs, OP_LOAD_TRUE); break;
    case AST_FALSE_LITERAL: emit(fs, OP_LOAD_FALSE); break;
    default: break;
    }
}

static void compile_function_expr(FuncState *fs, Node *node)
{
    emit(fs, OP_CREATE_CLOSURE, (int)compile_function_constant(fs, node));
}

void compile_expr(FuncState *fs, Node *node)
{
    if (!node || fs->c->failed)
        return;
    uint32_t mark = fs->next_reg;
    switch (node->kind) {
    case AST_IDENTIFIER: set_position(fs, node); compile_load_var(fs, node); break;
    case AST_NUMBER_LITERAL:
    case AST_STRING_LITERAL:
    case AST_BIGINT_LITERAL:
    case AST_REGEXP_LITERAL:
    case AST_NULL_LITERAL:
    case AST_TRUE_LITERAL:
    case AST_FALSE_LITERAL: compile_literal(fs, node); break;
    case AST_THIS_EXPR: emit(fs, OP_LOAD_THIS); break;
    case AST_NEW_TARGET: emit(fs, OP_LOAD_NEW_TARGET); break;
    case AST_TEMPLATE_LITERAL: compile_template_literal(fs, node); break;
    case AST_TAGGED_TEMPLATE: compile_tagged_template(fs, node); break;
    case AST_ARRAY_EXPR: compile_array(fs, node); break;
    case AST_OBJECT_EXPR: compile_object(fs, node); break;
    case AST_FUNCTION_EXPR:
    case AST_ARROW_FUNCTION: compile_function_expr(fs, node); break;
    case AST_CLASS_EXPR: compile_class(fs, node); break;
    case AST_UNARY_EXPR: compile_unary(fs, node); break;
    case AST_UPDATE_EXPR: compile_update(fs, node); break;
    case AST_BINARY_EXPR: compile_binary(fs, node); break;
    case AST_LOGICAL_EXPR: compile_logical(fs, node); break;
    case AST_ASSIGN_EXPR: compile_assignment(fs, node); break;
    case AST_CONDITIONAL_EXPR: compile_conditional(fs, node); break;
    case AST_SEQUENCE_EXPR: compile_sequence(fs, node); break;
    case AST_CALL_EXPR: compile_call(fs, node); break;
    case AST_NEW_EXPR: compile_new(fs, node); break;
    case AST_MEMBER_EXPR: compile_member(fs, node); break;
    case AST_OPTIONAL_CHAIN: compile_optional_chain(fs, node); break;
    case AST_YIELD_EXPR: compile_yield(fs, node); break;
    case AST_IMPORT_CALL: compile_import_call(fs, node); break;
    case AST_IMPORT_META: emit(fs, OP_LOAD_IMPORT_META); break;
    case AST_AWAIT_EXPR:
        compile_expr(fs, node->as.spread.argument);
        compile_await(fs);
        break;
    default:
        compile_error_at(fs->c, node, "%s is not supported yet", ast_kind_name((AstKind)node->kind));
        break;
    }
    reg_free_to(fs, mark);
}
