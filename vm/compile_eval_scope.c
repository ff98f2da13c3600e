/*
 * The scopes a direct eval sees (ES2025 19.2.1.1 PerformEval step 14: the
 * running execution context's LexicalEnvironment and PrivateEnvironment).
 *
 * Every binding of a scope around a direct eval lives in an Environment
 * (compile_scope.c, sees_direct_eval). At each direct eval call site the
 * compiler records which names live where: an eval scope descriptor, a
 * constant passed to CALL_EVAL in its `this` register (a direct eval has no
 * this argument). When the eval code is compiled at run time, the
 * descriptor becomes a chain of synthetic ScopeInfos above the eval
 * program's own scope, so that names resolve to LOAD_ENV / STORE_ENV
 * depth, slot exactly as in the caller, and the eval frame starts in the
 * caller's Environment. Nothing is looked up by name at run time.
 *
 * Descriptor: an Array
 *   [ context flags, record, record, ... ]
 * one record per scope that has an Environment, innermost first (the
 * order of the run-time Environment chain); a record is an Array
 *   [ record flags, name, info, name, info, ... ]
 * with info = slot | kind << 16 (kind: DeclKind or VAR_KIND_*).
 */
#include "vm/compiler_internal.h"

#include <stdlib.h>
#include <string.h>

#include "vm/object_internal.h"
#include "vm/string.h"

static bool list_push(FuncState *fs, Object *list, Value value)
{
    VM *vm = fs->c->vm;
    if (object_create_data_property(vm, list, property_key_from_index(vm, array_length(list)), value) < 0) {
        compile_error(fs->c, ERROR_KIND_RANGE, "Out of memory while compiling");
        return false;
    }
    return true;
}

static bool record_var(FuncState *fs, Object *record, const VarInfo *v)
{
    if (v->location != VAR_ENV || v->kind == VAR_KIND_HIDDEN)
        return true;
    uint32_t name = const_name(fs, v->name);   /* an atom, kept by the pool */
    if (fs->c->failed)
        return false;
    return list_push(fs, record, fs->constants[name]) &&
           list_push(fs, record, value_from_int32((int32_t)(v->index | (uint32_t)v->kind << 16)));
}

/* One scope's record: its bindings that live in its Environment. */
static bool add_record(FuncState *fs, Object *descriptor, const ScopeInfo *si, bool in_parameters)
{
    Object *record = array_new(fs->c->vm, NULL, 0);
    if (!record || !list_push(fs, descriptor, value_from_object(record)))
        return false;
    FunctionInfo *f = si->function;
    bool is_var_scope = si->eval_record_flags & EVAL_RECORD_VAR_SCOPE;
    if (f && f->scope == si && f->node->kind != AST_PROGRAM)
        is_var_scope = true;
    if (f && f->scope == si && f->node->kind == AST_PROGRAM && fs->c->options.is_eval &&
        fs->c->options.is_strict_eval)
        is_var_scope = true;
    int32_t flags = is_var_scope ? EVAL_RECORD_VAR_SCOPE : 0;
    if (in_parameters && f && f->scope == si && si->function == fs->info) {
        flags |= EVAL_RECORD_IN_PARAMETERS;
        if (!f->is_arrow)
            flags |= EVAL_RECORD_ARGUMENTS_OBJECT;
    }
    if (!list_push(fs, record, value_from_int32(flags)))
        return false;
    for (uint32_t i = 0; si->scope && i < si->scope->count; i++)
        if (!record_var(fs, record, &si->vars[i]))
            return false;
    for (const VarInfo *v = si->extra; v; v = v->next_extra)
        if (!record_var(fs, record, v))
            return false;
    if (f && f->scope == si && f->self_var && !record_var(fs, record, f->self_var))
        return false;
    return true;
}

/* Is new.target allowed in eval code called here (ES2025 19.2.1.1 step
 * 10: inside a non-arrow function, arrows looking outwards)? */
static bool allows_new_target(const FuncState *fs)
{
    for (const FunctionInfo *f = fs->info; f; f = f->parent) {
        if (f->is_arrow)
            continue;
        if (f->node->kind == AST_PROGRAM)
            return fs->c->options.eval_allows_new_target;
        return f->node->kind == AST_FUNCTION_DECL || f->node->kind == AST_FUNCTION_EXPR;
    }
    return false;
}

/* Is the call in the parameter list of the function being compiled? */
static bool in_parameter_list(const FuncState *fs, const Node *call)
{
    const Node *fn = fs->info->node;
    if (fn->kind != AST_FUNCTION_DECL && fn->kind != AST_FUNCTION_EXPR && fn->kind != AST_ARROW_FUNCTION)
        return false;
    const Node *body = fn->as.function.body;
    return body && call->start < body->start;
}

uint32_t compile_eval_scope_constant(FuncState *fs, const Node *call)
{
    bool in_parameters = in_parameter_list(fs, call);
    VM *vm = fs->c->vm;
    Object *descriptor = array_new(vm, NULL, 0);
    if (!descriptor) {
        compile_error(fs->c, ERROR_KIND_RANGE, "Out of memory while compiling");
        return 0;
    }
    uint32_t index = const_add(fs, value_from_object(descriptor));   /* pins it */
    int32_t flags = allows_new_target(fs) ? EVAL_CONTEXT_NEW_TARGET : 0;
    if (!list_push(fs, descriptor, value_from_int32(flags)))
        return index;
    for (const ScopeInfo *si = fs->scope; si; si = si->parent)
        if (si->env_slots && !add_record(fs, descriptor, si, in_parameters))
            break;
    return index;
}

/* ---- The eval side: descriptor to synthetic scopes ---- */

static AstName arena_name(Compiler *c, String *name)
{
    AstName result = { "", 0 };
    size_t len;
    char *utf8 = string_to_utf8(name, &len);
    char *copy = utf8 ? arena_alloc(&c->arena, len + 1) : NULL;
    if (copy) {
        memcpy(copy, utf8, len);
        result.chars = copy;
        result.len = (uint32_t)len;
    } else {
        compile_error(c, ERROR_KIND_RANGE, "Out of memory while compiling");
    }
    free(utf8);
    return result;
}

static bool is_tdz_kind(int kind)
{
    return kind == DECL_LET || kind == DECL_CONST || kind == DECL_CLASS || kind == DECL_USING;
}

static ScopeInfo *scope_from_record(Compiler *c, Object *record, ScopeInfo *parent)
{
    ScopeInfo *si = arena_calloc(&c->arena, sizeof *si);
    if (!si) {
        compile_error(c, ERROR_KIND_RANGE, "Out of memory while compiling");
        return NULL;
    }
    si->parent = parent;
    si->is_eval_outer = true;
    si->env_slots = 1;   /* it has an Environment: counted by env_depth */
    uint32_t length = array_length(record);
    si->eval_record_flags = (uint8_t)value_as_int32(record->elements[0]);
    for (uint32_t i = 1; i + 1 < length && !c->failed; i += 2) {
        uint32_t info = (uint32_t)value_as_int32(record->elements[i + 1]);
        VarInfo *v = arena_calloc(&c->arena, sizeof *v);
        if (!v) {
            compile_error(c, ERROR_KIND_RANGE, "Out of memory while compiling");
            return NULL;
        }
        v->name = arena_name(c, value_as_string(record->elements[i]));
        v->kind = (uint8_t)(info >> 16);
        v->location = VAR_ENV;
        v->index = info & 0xFFFF;
        v->captured = true;
        v->initialized = !is_tdz_kind(v->kind);   /* reads may meet the hole: CHECK_HOLE */
        v->scope = si;
        v->next_extra = si->extra;
        si->extra = v;
    }
    return si;
}

ScopeInfo *eval_outer_scopes(Compiler *c, Object *descriptor)
{
    uint32_t length = array_length(descriptor);
    ScopeInfo *chain = NULL;
    for (uint32_t i = length; i > 1 && !c->failed; i--)   /* outermost first */
        chain = scope_from_record(c, value_as_object(descriptor->elements[i - 1]), chain);
    return c->failed ? NULL : chain;
}
