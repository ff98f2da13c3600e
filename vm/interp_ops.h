/*
 * What the interpreter's instructions do beyond their fast paths, one
 * function per instruction (or family), so that each case of the dispatch
 * loop in vm/interp.c stays a few lines long:
 *
 *   vm/interp_property.c  property access on any value, definitions, literals, arguments
 *   vm/interp_global.c    global bindings (ES2025 9.1.1.4)
 *   vm/interp_class.c     classes and super calls (ES2025 15.7)
 *   vm/interp_iter.c      iterators and for-in (ES2025 7.4, 14.7.5)
 *
 * Same conventions as everywhere (vm/vm.h): VALUE_EXCEPTION or false after
 * throwing. Arguments are rooted by the caller (registers or the
 * interpreter's rooted accumulator).
 */
#ifndef NODUS_VM_INTERP_OPS_H
#define NODUS_VM_INTERP_OPS_H

#include "vm/interp_internal.h"

/* ---- Direct eval (vm/eval.c, ES2025 13.3.6.1 step 6) ---- */
Value interp_direct_eval(VM *vm, Frame *frame, Value scope, uint32_t argc, const Value *argv);
typedef enum EvalVarAccess { EVAL_VAR_LOAD, EVAL_VAR_TYPEOF, EVAL_VAR_STORE, EVAL_VAR_DELETE } EvalVarAccess;
/* The *_EVAL_VAR instructions: 1 when the eval-vars object in env (depth,
 * slot) has name (the access done, *acc updated), 0 when not, -1 after
 * throwing. */
int interp_eval_var(VM *vm, Environment *env, uint32_t depth, uint32_t slot, String *name, EvalVarAccess access,
                    Value *acc);
/* DECLARE_EVAL_VARS; false after throwing. */
bool interp_declare_eval_vars(VM *vm, Environment *env, uint32_t depth, uint32_t slot, Value names);

/* ---- Properties (vm/interp_property.c) ---- */
/* GET_NAMED / GET_KEYED: base[key] for any base; key is a property key. */
Value interp_get_property(VM *vm, Value base, PropertyKey key, InlineCache *cache);
/* GET_KEYED with a key value still to convert (ToPropertyKey after the
 * null/undefined check of the base). */
Value interp_get_keyed(VM *vm, Value base, Value key_value);
/* SET_NAMED / SET_KEYED: PutValue (ES2025 6.2.5.6); strict code throws
 * when the [[Set]] fails. false after throwing. */
bool interp_set_property(VM *vm, Value base, PropertyKey key, Value value, bool strict, InlineCache *cache)
    NODUS_MUST_CHECK;
bool interp_set_keyed(VM *vm, Value base, Value key_value, Value value, bool strict) NODUS_MUST_CHECK;
Value interp_delete_keyed(VM *vm, Value base, Value key_value, bool strict);
/* super[key] with this = this_value, from the home object of frame's function. */
Value interp_get_super(VM *vm, Frame *frame, Value key_value, Value this_value);
bool interp_set_super(VM *vm, Frame *frame, Value key_value, Value value, Value this_value) NODUS_MUST_CHECK;
/* The DEFINE_* instructions: kind says which. */
typedef enum DefineKind {
    DEFINE_KIND_FIELD, DEFINE_KIND_GETTER, DEFINE_KIND_SETTER,
    DEFINE_KIND_METHOD, DEFINE_KIND_METHOD_GETTER, DEFINE_KIND_METHOD_SETTER,
} DefineKind;
bool interp_define(VM *vm, Value target, Value key_value, Value value, DefineKind kind) NODUS_MUST_CHECK;
void interp_set_home_object(Value function, Value home);
/* ES2025 7.3.25 CopyDataProperties(target, source, excluded keys) */
bool interp_copy_data_properties(VM *vm, Value target, Value source, const Value *excluded, uint32_t excluded_count)
    NODUS_MUST_CHECK;
bool interp_set_prototype_literal(VM *vm, Value target, Value prototype) NODUS_MUST_CHECK;
Value interp_create_array(VM *vm, const Value *values, uint32_t count);
bool interp_array_push(VM *vm, Value array, Value value) NODUS_MUST_CHECK;
bool interp_array_spread(VM *vm, Value array, Value iterable) NODUS_MUST_CHECK;
Value interp_create_arguments(VM *vm, Frame *frame);
Value interp_create_rest(VM *vm, Frame *frame, uint32_t from);
/* The i-th argument frame was called with. */
Value interp_frame_argument(const Frame *frame, uint32_t i);
Value interp_get_template_object(VM *vm, FunctionCode *code, uint32_t constant);
/* A spread call's arguments: the array's elements pushed on the register
 * stack above the current frame (rooted there until the frame resumes). */
Value *interp_spread_arguments(VM *vm, Value array, uint32_t *argc);
/* The key as text for messages ("x", "0", "Symbol(foo)"): malloc'd. */
char *interp_key_text(VM *vm, Value key);

/* ---- Globals (vm/interp_global.c) ----
 * A global site's inline cache (its own format, see interp_global.c) names
 * the holder (the lexical bindings or the global object) and the slot of an
 * own data property; it is valid while the holder's shape and
 * vm->shape_epoch are unchanged. */
enum { GLOBAL_CACHE_WRITABLE = 1, GLOBAL_CACHE_READ_ONLY = 2 };
static inline bool interp_global_cache_hit(VM *vm, const InlineCache *cache)
{
    return cache->holder && cache->shape == cache->holder->shape && cache->epoch == vm->shape_epoch &&
           (cache->holder == vm->realm->global_lexicals || cache->holder == vm->realm->global_object);
}
Value interp_load_global(VM *vm, String *name, InlineCache *cache, bool or_undefined);
bool interp_store_global(VM *vm, String *name, Value value, bool strict, InlineCache *cache) NODUS_MUST_CHECK;
bool interp_declare_globals(VM *vm, Value declarations) NODUS_MUST_CHECK;
bool interp_init_global_lexical(VM *vm, String *name, Value value) NODUS_MUST_CHECK;

/* ---- Classes (vm/interp_class.c) ---- */
/* CREATE_CLASS: the constructor, with the prototype object in *prototype. */
Value interp_create_class(VM *vm, Frame *frame, uint16_t code_constant, Value heritage, Value *prototype);
/* SUPER_CALL: construct the parent with frame's new.target, bind this, run the fields. */
Value interp_super_call(VM *vm, Frame *frame, uint32_t argc, const Value *argv);
Value interp_create_closure(VM *vm, Frame *frame, FunctionCode *code);
/* SET_FUNCTION_NAME: SetFunctionName(function, key, prefix 0 none, 1 "get", 2 "set"). */
bool interp_set_function_name(VM *vm, Value function, Value key, uint32_t prefix) NODUS_MUST_CHECK;

/* ---- Iteration (vm/interp_iter.c) ---- */
/* GET_ITERATOR: the iterator and its next method into out[0], out[1]. */
bool interp_get_iterator(VM *vm, Value iterable, bool async, Value *out) NODUS_MUST_CHECK;
/* GetIterator with out[1] always the next method (no array fast path): yield*. */
bool interp_get_iterator_record(VM *vm, Value iterable, bool async, Value *out) NODUS_MUST_CHECK;
/* ITERATOR_NEXT: the value, or the hole when done (out[0] set to undefined). */
Value interp_iterator_next(VM *vm, Value *iterator_record);
bool interp_iterator_close(VM *vm, Value iterator, bool quiet) NODUS_MUST_CHECK;
Value interp_for_in_prepare(VM *vm, Value object);
Value interp_for_in_next(VM *vm, Value enumerator);

#endif
