/*
 * The interpreter: the dispatch loop over the instructions of
 * vm/opcodes.def (a register machine with an accumulator).
 *
 * Dispatch is computed goto (a table of label addresses, GCC and Clang),
 * or a switch when NODUS_SWITCH_DISPATCH is defined or the compiler has no
 * label addresses. Each case decodes its operands in place (little-endian
 * u16 and i32 after the opcode byte), does its fast path inline, and calls
 * a helper of vm/interp_ops.h or vm/operators.h for the rest.
 *
 * Calls between JavaScript functions push a frame (vm/stack.c) and go on in
 * the same loop; RETURN pops it and resumes the caller after its call
 * instruction. A frame flagged FRAME_ENTRY was entered from C (vm_call,
 * vm_run_script): returning from it, or an exception leaving it, ends this
 * invocation of interp_execute.
 *
 * Exceptions: an instruction that throws jumps to `exception`, which runs
 * the innermost handler (PUSH_HANDLER) of the current frame, or pops the
 * frame and tries its caller.
 *
 * GC: registers live on the register stack (a root); the accumulator is a
 * C local registered with GC_ROOT, so the compiler keeps it in memory
 * across calls only.
 */
#include <math.h>
#include <stdlib.h>

#include "vm/async_from_sync_iterator.h"
#include "vm/async_function.h"
#include "vm/async_generator.h"
#include "vm/atom.h"
#include "vm/bigint.h"
#include "vm/dispose.h"
#include "vm/generator.h"
#include "vm/interp_ops.h"
#include "vm/module.h"
#include "vm/object_internal.h"
#include "vm/operators.h"
#include "vm/private_name.h"
#include "stdlib/stdlib.h"   /* stdlib_regexp_create */

#if !defined(NODUS_SWITCH_DISPATCH) && (defined(__GNUC__) || defined(__clang__))
#define USE_COMPUTED_GOTO 1
#else
#define USE_COMPUTED_GOTO 0
#endif

/* Instruction sizes as constants (the loop's pc increments fold). */
static const uint8_t instruction_size[OP__COUNT] = {
#define OP(name, operands, doc) INSTRUCTION_SIZE(operands),
#include "vm/opcodes.def"
#undef OP
};

/* ---- Operand decoding ---- */
#define U16(offset) ((uint16_t)(pc[offset] | pc[(offset) + 1] << 8))
#define I32(offset) \
    ((int32_t)((uint32_t)pc[offset] | (uint32_t)pc[(offset) + 1] << 8 | (uint32_t)pc[(offset) + 2] << 16 | \
               (uint32_t)pc[(offset) + 3] << 24))
#define REG(offset) regs[U16(offset)]
#define CONSTANT(offset) constants[U16(offset)]
#define CACHE(offset) (&caches[U16(offset)])
#define SIZE(name) instruction_size[OP_##name]

#if USE_COMPUTED_GOTO
#define CASE(name) op_##name:
#define DISPATCH() goto *dispatch_table[*pc]
#else
#define CASE(name) case OP_##name:
#define DISPATCH() goto dispatch
#endif
#define NEXT(name) do { pc += SIZE(name); DISPATCH(); } while (0)
/* Before anything that may look at the frame's pc (stack traces, calls). */
#define SYNC() (frame->pc = pc)
#define THROW() goto exception
#define CHECK(value) do { if (value_is_exception(value)) THROW(); } while (0)
#define CHECK_BOOL(ok) do { if (!(ok)) THROW(); } while (0)
#define LOAD_FRAME()                                  \
    do {                                              \
        pc = frame->pc;                               \
        regs = frame->registers;                      \
        constants = frame->code->constants;           \
        caches = frame->code->caches;                 \
    } while (0)
#define STRICT() (frame->code->flags & CODE_STRICT)

static BinaryOperator binary_operator_of(Opcode op)
{
    switch (op) {
    case OP_SUB: return BINARY_SUB;
    case OP_MUL: return BINARY_MUL;
    case OP_DIV: return BINARY_DIV;
    case OP_MOD: return BINARY_MOD;
    case OP_EXP: return BINARY_EXP;
    case OP_BIT_AND: return BINARY_BIT_AND;
    case OP_BIT_OR: return BINARY_BIT_OR;
    case OP_BIT_XOR: return BINARY_BIT_XOR;
    case OP_SHL: return BINARY_SHL;
    case OP_SAR: return BINARY_SAR;
    case OP_SHR: return BINARY_SHR;
    default: return BINARY_ADD;
    }
}

/* The environment depth levels up from env. */
static Environment *environment_up(Environment *env, uint32_t depth)
{
    while (depth--)
        env = env->parent;
    return env;
}

/* LT, LE, GT, GE on anything: ES2025 13.10.1 (the four cases of
 * RelationalExpression). -1 after throwing, else the boolean. */
static int compare(VM *vm, Opcode op, Value left, Value right)
{
    int r;
    switch (op) {
    case OP_LT:
        r = value_is_less_than(vm, left, right, true);
        return r < 0 ? -1 : r == 1;
    case OP_GT:
        r = value_is_less_than(vm, right, left, false);
        return r < 0 ? -1 : r == 1;
    case OP_LE:
        r = value_is_less_than(vm, right, left, false);
        return r < 0 ? -1 : r == 0;
    default:   /* OP_GE */
        r = value_is_less_than(vm, left, right, true);
        return r < 0 ? -1 : r == 0;
    }
}

static bool compare_numbers(Opcode op, double a, double b)
{
    switch (op) {
    case OP_LT: return a < b;
    case OP_GT: return a > b;
    case OP_LE: return a <= b;
    default: return a >= b;
    }
}

/* A call of callee from the loop that is not a JavaScript-to-JavaScript
 * frame push: a native function, a class constructor (which throws), a
 * proxy... */
static Value call_other(VM *vm, Frame *frame, Value callee, Value this_value, uint32_t argc, const Value *argv)
{
    if (!value_is_callable(callee))
        return error_throw_not_callable(vm, frame, callee, "is not a function");
    if (!interp_check_c_stack(vm))
        return VALUE_EXCEPTION;
    Object *f = value_as_object(callee);
    return f->class_->call(vm, f, this_value, argc, argv);
}

/* The frame for `new closure(...)` (ES2025 10.2.2 steps 1-6), pushed; NULL
 * after throwing. */
static Frame *prepare_construct(VM *vm, Closure *closure, uint32_t argc, const Value *argv, Object *new_target)
{
    Value this_value = VALUE_HOLE;
    if (!(closure->code->flags & CODE_DERIVED_CONSTRUCTOR)) {
        Object *created = ordinary_create_from_constructor(vm, new_target, INTRINSIC_ObjectPrototype);
        if (!created)
            return NULL;
        this_value = value_from_object(created);
    }
    return closure_prepare_frame(vm, closure, this_value, argc, argv, new_target);
}

static Value construct_other(VM *vm, Frame *frame, Value constructor, uint32_t argc, const Value *argv)
{
    if (!value_is_constructor(constructor))
        return error_throw_not_callable(vm, frame, constructor, "is not a constructor");
    if (!interp_check_c_stack(vm))
        return VALUE_EXCEPTION;
    Object *f = value_as_object(constructor);
    return f->class_->construct(vm, f, argc, argv, f);
}

static bool is_plain_closure(Value callee)
{
    return value_is_object(callee) && object_is_closure(value_as_object(callee)) &&
           !(((Closure *)value_as_object(callee))->code->flags & CODE_CLASS_CONSTRUCTOR);
}

static Value throw_with_atom(VM *vm, ErrorKind kind, const char *format, Value name)
{
    char *text = interp_key_text(vm, name);
    Value error = vm_throw_error(vm, kind, format, text ? text : "?");
    free(text);
    return error;
}

static Value throw_error_constant(VM *vm, uint16_t kind, Value message)
{
    String *s = value_is_string(message) ? value_as_string(message) : vm_atom(vm, ATOM_empty);
    char *text = string_flatten(vm, s) ? string_to_utf8(s, NULL) : NULL;
    Value error = vm_throw_error(vm, (ErrorKind)kind, "%s", text ? text : "");
    free(text);
    return error;
}

Value interp_execute_with(VM *vm, Value initial)
{
    Interpreter *in = vm->interp;
    Frame *frame = interp_current_frame(vm);
    const uint8_t *pc;
    Value *regs;
    const Value *constants;
    InlineCache *caches;
    Value acc = initial;
    Value result = VALUE_UNDEFINED;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, acc);
    LOAD_FRAME();
    if (frame->flags & FRAME_THROW_ON_RESUME) {   /* an await rejected: throw at it */
        frame->flags &= ~(uint32_t)FRAME_THROW_ON_RESUME;
        vm_throw(vm, acc);
        THROW();
    }

#if USE_COMPUTED_GOTO
    static const void *const dispatch_table[OP__COUNT] = {
#define OP(name, operands, doc) &&op_##name,
#include "vm/opcodes.def"
#undef OP
    };
    DISPATCH();
#else
dispatch:
    switch ((Opcode)*pc) {
#endif

    /* ---- Loads and stores ---- */
    CASE(LOAD_UNDEFINED) { acc = VALUE_UNDEFINED; NEXT(LOAD_UNDEFINED); }
    CASE(LOAD_NULL) { acc = VALUE_NULL; NEXT(LOAD_NULL); }
    CASE(LOAD_TRUE) { acc = VALUE_TRUE; NEXT(LOAD_TRUE); }
    CASE(LOAD_FALSE) { acc = VALUE_FALSE; NEXT(LOAD_FALSE); }
    CASE(LOAD_HOLE) { acc = VALUE_HOLE; NEXT(LOAD_HOLE); }
    CASE(LOAD_INT) { acc = value_from_int32(I32(1)); NEXT(LOAD_INT); }
    CASE(LOAD_CONST) { acc = CONSTANT(1); NEXT(LOAD_CONST); }
    CASE(LOAD_REG) { acc = REG(1); NEXT(LOAD_REG); }
    CASE(STORE_REG) { REG(1) = acc; NEXT(STORE_REG); }
    CASE(MOVE) { REG(1) = REG(3); NEXT(MOVE); }
    CASE(LOAD_THIS) {
        acc = frame->this_value;
        if (value_is_hole(acc)) {
            SYNC();
            vm_throw_error(vm, ERROR_KIND_REFERENCE, "Must call super constructor in derived class before "
                                                     "accessing 'this' or returning from derived constructor");
            THROW();
        }
        NEXT(LOAD_THIS);
    }
    CASE(LOAD_NEW_TARGET) { acc = frame->new_target; NEXT(LOAD_NEW_TARGET); }
    CASE(LOAD_FUNCTION) { acc = value_from_object(frame->callee); NEXT(LOAD_FUNCTION); }
    CASE(LOAD_GLOBAL_OBJECT) { acc = value_from_object(vm->realm->global_object); NEXT(LOAD_GLOBAL_OBJECT); }
    CASE(CHECK_HOLE) {
        if (value_is_hole(acc)) {
            SYNC();
            throw_with_atom(vm, ERROR_KIND_REFERENCE, "Cannot access '%s' before initialization", CONSTANT(1));
            THROW();
        }
        NEXT(CHECK_HOLE);
    }
    CASE(THROW_CONST_ASSIGN) {
        SYNC();
        vm_throw_type_error(vm, "Assignment to constant variable.");
        THROW();
    }

    /* ---- Environments ---- */
    CASE(PUSH_ENV) {
        SYNC();
        Environment *env = environment_new(vm, frame->env, U16(1));
        CHECK_BOOL(env);
        frame->env = env;
        NEXT(PUSH_ENV);
    }
    CASE(POP_ENV) { frame->env = frame->env->parent; NEXT(POP_ENV); }
    CASE(COPY_ENV) {
        SYNC();
        Environment *env = environment_copy(vm, frame->env);
        CHECK_BOOL(env);
        frame->env = env;
        NEXT(COPY_ENV);
    }
    CASE(LOAD_ENV) { acc = environment_up(frame->env, U16(1))->slots[U16(3)]; NEXT(LOAD_ENV); }
    CASE(STORE_ENV) { environment_up(frame->env, U16(1))->slots[U16(3)] = acc; NEXT(STORE_ENV); }

    /* ---- Globals ---- */
    CASE(LOAD_GLOBAL) {
        InlineCache *cache = CACHE(3);
        if (interp_global_cache_hit(vm, cache)) {
            acc = cache->holder->slots[cache->slot];
            if (!value_is_hole(acc))
                NEXT(LOAD_GLOBAL);
        }
        SYNC();
        acc = interp_load_global(vm, value_as_string(CONSTANT(1)), CACHE(3), false);
        CHECK(acc);
        NEXT(LOAD_GLOBAL);
    }
    CASE(LOAD_GLOBAL_OR_UNDEFINED) {
        SYNC();
        acc = interp_load_global(vm, value_as_string(CONSTANT(1)), CACHE(3), true);
        CHECK(acc);
        NEXT(LOAD_GLOBAL_OR_UNDEFINED);
    }
    CASE(STORE_GLOBAL) {
        InlineCache *cache = CACHE(3);
        if (interp_global_cache_hit(vm, cache) && cache->kind == GLOBAL_CACHE_WRITABLE &&
            !value_is_hole(cache->holder->slots[cache->slot])) {
            cache->holder->slots[cache->slot] = acc;
            NEXT(STORE_GLOBAL);
        }
        SYNC();
        CHECK_BOOL(interp_store_global(vm, value_as_string(CONSTANT(1)), acc, STRICT(), CACHE(3)));
        NEXT(STORE_GLOBAL);
    }
    CASE(DECLARE_GLOBALS) {
        SYNC();
        CHECK_BOOL(interp_declare_globals(vm, CONSTANT(1)));
        NEXT(DECLARE_GLOBALS);
    }
    CASE(INIT_GLOBAL_LEXICAL) {
        SYNC();
        CHECK_BOOL(interp_init_global_lexical(vm, value_as_string(CONSTANT(1)), acc));
        NEXT(INIT_GLOBAL_LEXICAL);
    }

    /* ---- Properties ---- */
    CASE(GET_NAMED) {
        Value base = REG(1);
        SYNC();
        if (value_is_object(base))
            acc = object_get_named_cached(vm, value_as_object(base), CONSTANT(3), base, CACHE(5));
        else
            acc = interp_get_property(vm, base, CONSTANT(3), CACHE(5));
        CHECK(acc);
        NEXT(GET_NAMED);
    }
    CASE(SET_NAMED) {
        SYNC();
        CHECK_BOOL(interp_set_property(vm, REG(1), CONSTANT(3), acc, STRICT(), CACHE(5)));
        NEXT(SET_NAMED);
    }
    CASE(GET_KEYED) {
        Value base = REG(1);
        if (value_is_object(base) && value_is_int32(acc) && value_as_int32(acc) >= 0) {
            Object *o = value_as_object(base);
            if (o->class_ == &array_object_class || o->class_ == &ordinary_object_class) {
                Value element = elements_dense_get(o, (uint32_t)value_as_int32(acc));
                if (!value_is_hole(element)) {
                    acc = element;
                    NEXT(GET_KEYED);
                }
            }
        }
        SYNC();
        acc = interp_get_keyed(vm, base, acc);
        CHECK(acc);
        NEXT(GET_KEYED);
    }
    CASE(SET_KEYED) {
        Value base = REG(1), key = REG(3);
        if (value_is_object(base) && value_is_int32(key) && value_as_int32(key) >= 0) {
            Object *o = value_as_object(base);
            uint32_t index = (uint32_t)value_as_int32(key);
            if ((o->class_ == &array_object_class || o->class_ == &ordinary_object_class) &&
                !value_is_hole(elements_dense_get(o, index)) && !(o->header.flags & OBJECT_ELEMENTS_FROZEN)) {
                o->elements[index] = acc;
                NEXT(SET_KEYED);
            }
        }
        SYNC();
        CHECK_BOOL(interp_set_keyed(vm, base, key, acc, STRICT()));
        NEXT(SET_KEYED);
    }
    CASE(DELETE_KEYED) {
        SYNC();
        acc = interp_delete_keyed(vm, REG(1), acc, STRICT());
        CHECK(acc);
        NEXT(DELETE_KEYED);
    }
    CASE(GET_SUPER) {
        SYNC();
        acc = interp_get_super(vm, frame, acc, REG(1));
        CHECK(acc);
        NEXT(GET_SUPER);
    }
    CASE(SET_SUPER) {
        SYNC();
        CHECK_BOOL(interp_set_super(vm, frame, REG(3), acc, REG(1)));
        NEXT(SET_SUPER);
    }
    CASE(IN) {
        SYNC();
        acc = operator_in(vm, REG(1), acc);
        CHECK(acc);
        NEXT(IN);
    }
    CASE(DEFINE_FIELD) {
        SYNC();
        CHECK_BOOL(interp_define(vm, REG(1), REG(3), acc, DEFINE_KIND_FIELD));
        NEXT(DEFINE_FIELD);
    }
    CASE(DEFINE_NAMED) {
        SYNC();
        CHECK_BOOL(interp_define(vm, REG(1), CONSTANT(3), acc, DEFINE_KIND_FIELD));
        NEXT(DEFINE_NAMED);
    }
    CASE(DEFINE_GETTER) {
        SYNC();
        CHECK_BOOL(interp_define(vm, REG(1), REG(3), acc, DEFINE_KIND_GETTER));
        NEXT(DEFINE_GETTER);
    }
    CASE(DEFINE_SETTER) {
        SYNC();
        CHECK_BOOL(interp_define(vm, REG(1), REG(3), acc, DEFINE_KIND_SETTER));
        NEXT(DEFINE_SETTER);
    }
    CASE(DEFINE_METHOD) {
        SYNC();
        CHECK_BOOL(interp_define(vm, REG(1), REG(3), acc, DEFINE_KIND_METHOD));
        NEXT(DEFINE_METHOD);
    }
    CASE(DEFINE_METHOD_GETTER) {
        SYNC();
        CHECK_BOOL(interp_define(vm, REG(1), REG(3), acc, DEFINE_KIND_METHOD_GETTER));
        NEXT(DEFINE_METHOD_GETTER);
    }
    CASE(DEFINE_METHOD_SETTER) {
        SYNC();
        CHECK_BOOL(interp_define(vm, REG(1), REG(3), acc, DEFINE_KIND_METHOD_SETTER));
        NEXT(DEFINE_METHOD_SETTER);
    }
    CASE(SET_HOME_OBJECT) { interp_set_home_object(acc, REG(1)); NEXT(SET_HOME_OBJECT); }
    CASE(COPY_DATA_PROPERTIES) {
        SYNC();
        uint16_t target = U16(1);
        CHECK_BOOL(interp_copy_data_properties(vm, regs[target], acc, &regs[target + 1], U16(3)));
        NEXT(COPY_DATA_PROPERTIES);
    }
    CASE(SET_PROTOTYPE_LITERAL) {
        SYNC();
        CHECK_BOOL(interp_set_prototype_literal(vm, REG(1), acc));
        NEXT(SET_PROTOTYPE_LITERAL);
    }

    /* ---- Modules (vm/module.h) ---- */
    CASE(LOAD_IMPORT) {
        acc = module_import_binding_value(environment_up(frame->env, U16(1))->slots[U16(3)]);
        if (value_is_hole(acc)) {
            SYNC();
            throw_with_atom(vm, ERROR_KIND_REFERENCE, "Cannot access '%s' before initialization", CONSTANT(5));
            THROW();
        }
        NEXT(LOAD_IMPORT);
    }
    CASE(IMPORT_DYNAMIC) {
        SYNC();
        acc = module_import_dynamic(vm, module_of_code(frame->code), acc,
                                    U16(1) == 0xFFFF ? VALUE_UNDEFINED : REG(1));
        CHECK(acc);
        NEXT(IMPORT_DYNAMIC);
    }
    CASE(LOAD_IMPORT_META) {
        SYNC();
        acc = module_import_meta(vm, module_of_code(frame->code));
        if (value_is_exception(acc))
            THROW();
        NEXT(LOAD_IMPORT_META);
    }

    /* ---- Never emitted (the constant-operand private forms), and proper tail calls not yet ---- */
    CASE(GET_PRIVATE)
    CASE(SET_PRIVATE)
    CASE(HAS_PRIVATE)
    CASE(DEFINE_PRIVATE_FIELD)
    CASE(TAIL_CALL_RESERVED) {
        SYNC();
        vm_throw_error(vm, ERROR_KIND_SYNTAX, "%s is not supported yet", opcode_names[*pc]);
        THROW();
    }

    /* ---- Private names and elements (vm/private_name.c) ---- */
    CASE(CREATE_PRIVATE_NAME) {
        SYNC();
        acc = private_name_new(vm, value_as_string(CONSTANT(1)), value_as_string(CONSTANT(3)), U16(5));
        CHECK(acc);
        NEXT(CREATE_PRIVATE_NAME);
    }
    CASE(PRIVATE_GET) {
        SYNC();
        acc = private_get(vm, REG(1), acc);
        CHECK(acc);
        NEXT(PRIVATE_GET);
    }
    CASE(PRIVATE_SET) {
        SYNC();
        CHECK_BOOL(private_set(vm, REG(1), REG(3), acc));
        NEXT(PRIVATE_SET);
    }
    CASE(PRIVATE_IN) {
        SYNC();
        acc = private_in(vm, REG(1), acc);
        CHECK(acc);
        NEXT(PRIVATE_IN);
    }
    CASE(PRIVATE_DEFINE_FIELD) {
        SYNC();
        CHECK_BOOL(private_field_add(vm, REG(1), REG(3), acc));
        NEXT(PRIVATE_DEFINE_FIELD);
    }
    CASE(PRIVATE_DEFINE_METHOD) {
        SYNC();
        CHECK_BOOL(private_method_add(vm, REG(1), REG(3), acc));
        NEXT(PRIVATE_DEFINE_METHOD);
    }
    CASE(PRIVATE_DEFINE_ACCESSOR) {
        SYNC();
        CHECK_BOOL(private_accessor_add(vm, REG(1), REG(3), REG(5), acc));
        NEXT(PRIVATE_DEFINE_ACCESSOR);
    }

    /* ---- Literals and closures ---- */
    CASE(LOAD_BIGINT) {
        SYNC();
        BigInt *b = bigint_from_literal(vm, value_as_string(CONSTANT(1)));
        CHECK_BOOL(b);
        acc = value_from_bigint(b);
        NEXT(LOAD_BIGINT);
    }
    CASE(CREATE_REGEXP) {
        SYNC();
        acc = stdlib_regexp_create(vm, value_as_string(CONSTANT(1)), value_as_string(CONSTANT(3)));
        CHECK(acc);
        NEXT(CREATE_REGEXP);
    }
    CASE(CREATE_OBJECT) {
        SYNC();
        Object *o = object_new_ordinary(vm, realm_intrinsic(vm, INTRINSIC_ObjectPrototype));
        CHECK_BOOL(o);
        acc = value_from_object(o);
        NEXT(CREATE_OBJECT);
    }
    CASE(CREATE_ARRAY) {
        SYNC();
        acc = interp_create_array(vm, &REG(1), U16(3));
        CHECK(acc);
        NEXT(CREATE_ARRAY);
    }
    CASE(ARRAY_PUSH) {
        SYNC();
        CHECK_BOOL(interp_array_push(vm, REG(1), acc));
        NEXT(ARRAY_PUSH);
    }
    CASE(ARRAY_SPREAD) {
        SYNC();
        CHECK_BOOL(interp_array_spread(vm, REG(1), acc));
        NEXT(ARRAY_SPREAD);
    }
    CASE(CREATE_CLOSURE) {
        SYNC();
        acc = interp_create_closure(vm, frame, (FunctionCode *)value_as_cell(CONSTANT(1)));
        CHECK(acc);
        NEXT(CREATE_CLOSURE);
    }
    CASE(CREATE_CLASS) {
        SYNC();
        acc = interp_create_class(vm, frame, U16(3), REG(5), &REG(1));
        CHECK(acc);
        NEXT(CREATE_CLASS);
    }
    CASE(SET_FUNCTION_NAME) {
        SYNC();
        CHECK_BOOL(interp_set_function_name(vm, acc, REG(1), U16(3)));
        NEXT(SET_FUNCTION_NAME);
    }
    CASE(SET_CLASS_FIELDS) {
        Value constructor = REG(1);
        if (value_is_object(constructor) && object_is_closure(value_as_object(constructor)))
            ((Closure *)value_as_object(constructor))->fields = value_is_object(acc) ? value_as_object(acc) : NULL;
        NEXT(SET_CLASS_FIELDS);
    }
    CASE(GET_TEMPLATE_OBJECT) {
        SYNC();
        acc = interp_get_template_object(vm, frame->code, U16(1));
        CHECK(acc);
        NEXT(GET_TEMPLATE_OBJECT);
    }
    CASE(CREATE_ARGUMENTS) {
        SYNC();
        acc = interp_create_arguments(vm, frame);
        CHECK(acc);
        NEXT(CREATE_ARGUMENTS);
    }
    CASE(CREATE_REST) {
        SYNC();
        acc = interp_create_rest(vm, frame, U16(1));
        CHECK(acc);
        NEXT(CREATE_REST);
    }

    /* ---- Arithmetic: int32 and double fast paths, then the operators ---- */
    CASE(ADD) {
        Value left = REG(1);
        int32_t sum;
        if (value_is_int32(left) && value_is_int32(acc) &&
            !__builtin_add_overflow(value_as_int32(left), value_as_int32(acc), &sum)) {
            acc = value_from_int32(sum);
        } else if (value_is_number(left) && value_is_number(acc)) {
            acc = value_from_number(value_as_number(left) + value_as_number(acc));
        } else {
            SYNC();
            acc = operator_binary(vm, BINARY_ADD, left, acc);
            CHECK(acc);
        }
        NEXT(ADD);
    }
    CASE(SUB) {
        Value left = REG(1);
        int32_t difference;
        if (value_is_int32(left) && value_is_int32(acc) &&
            !__builtin_sub_overflow(value_as_int32(left), value_as_int32(acc), &difference)) {
            acc = value_from_int32(difference);
        } else if (value_is_number(left) && value_is_number(acc)) {
            acc = value_from_number(value_as_number(left) - value_as_number(acc));
        } else {
            SYNC();
            acc = operator_binary(vm, BINARY_SUB, left, acc);
            CHECK(acc);
        }
        NEXT(SUB);
    }
    CASE(MUL) {
        Value left = REG(1);
        int32_t product;
        if (value_is_int32(left) && value_is_int32(acc) &&
            !__builtin_mul_overflow(value_as_int32(left), value_as_int32(acc), &product) &&
            (product != 0 || (value_as_int32(left) >= 0 && value_as_int32(acc) >= 0))) {
            acc = value_from_int32(product);   /* not -0: that needs a double */
        } else if (value_is_number(left) && value_is_number(acc)) {
            acc = value_from_number(value_as_number(left) * value_as_number(acc));
        } else {
            SYNC();
            acc = operator_binary(vm, BINARY_MUL, left, acc);
            CHECK(acc);
        }
        NEXT(MUL);
    }
    CASE(MOD) {
        Value left = REG(1);
        if (value_is_int32(left) && value_is_int32(acc) && value_as_int32(left) >= 0 && value_as_int32(acc) > 0) {
            acc = value_from_int32(value_as_int32(left) % value_as_int32(acc));
            NEXT(MOD);
        }
        goto binary_slow;
    }
    CASE(DIV)
    CASE(EXP)
    CASE(SHL)
    CASE(SAR)
    CASE(SHR) {
        goto binary_slow;
    }
    CASE(BIT_AND) {
        if (value_is_int32(REG(1)) && value_is_int32(acc)) {
            acc = value_from_int32(value_as_int32(REG(1)) & value_as_int32(acc));
            NEXT(BIT_AND);
        }
        goto binary_slow;
    }
    CASE(BIT_OR) {
        if (value_is_int32(REG(1)) && value_is_int32(acc)) {
            acc = value_from_int32(value_as_int32(REG(1)) | value_as_int32(acc));
            NEXT(BIT_OR);
        }
        goto binary_slow;
    }
    CASE(BIT_XOR) {
        if (value_is_int32(REG(1)) && value_is_int32(acc)) {
            acc = value_from_int32(value_as_int32(REG(1)) ^ value_as_int32(acc));
            NEXT(BIT_XOR);
        }
        goto binary_slow;
    }
binary_slow: {
        /* Every binary operator of the form "r op acc", size 3. */
        Value left = REG(1);
        if (value_is_number(left) && value_is_number(acc)) {
            acc = number_binary(binary_operator_of((Opcode)*pc), value_as_number(left), value_as_number(acc));
        } else {
            SYNC();
            acc = operator_binary(vm, binary_operator_of((Opcode)*pc), left, acc);
            CHECK(acc);
        }
        NEXT(ADD);
    }

    /* ---- Comparisons ---- */
    CASE(EQ)
    CASE(NE) {
        Value left = REG(1);
        int equal;
        if (left == acc && !value_is_double(left))
            equal = 1;
        else if (value_is_number(left) && value_is_number(acc))
            equal = value_as_number(left) == value_as_number(acc);
        else {
            SYNC();
            equal = value_is_loosely_equal(vm, left, acc);
            if (equal < 0)
                THROW();
        }
        acc = value_from_boolean(*pc == OP_EQ ? equal : !equal);
        NEXT(EQ);
    }
    CASE(STRICT_EQ)
    CASE(STRICT_NE) {
        Value left = REG(1);
        int equal;
        if (value_is_int32(left) && value_is_int32(acc))
            equal = left == acc;
        else {
            equal = value_is_strictly_equal(vm, left, acc);
            if (equal < 0) {
                SYNC();
                THROW();
            }
        }
        acc = value_from_boolean(*pc == OP_STRICT_EQ ? equal : !equal);
        NEXT(STRICT_EQ);
    }
    CASE(LT)
    CASE(LE)
    CASE(GT)
    CASE(GE) {
        Value left = REG(1);
        if (value_is_int32(left) && value_is_int32(acc)) {
            acc = value_from_boolean(
                compare_numbers((Opcode)*pc, value_as_int32(left), value_as_int32(acc)));
        } else if (value_is_number(left) && value_is_number(acc)) {
            acc = value_from_boolean(compare_numbers((Opcode)*pc, value_as_number(left), value_as_number(acc)));
        } else {
            SYNC();
            int r = compare(vm, (Opcode)*pc, left, acc);
            if (r < 0)
                THROW();
            acc = value_from_boolean(r);
        }
        NEXT(LT);
    }
    CASE(INSTANCEOF) {
        SYNC();
        acc = operator_instanceof(vm, REG(1), acc);
        CHECK(acc);
        NEXT(INSTANCEOF);
    }

    /* ---- Unary operators ---- */
    CASE(NEGATE) {
        if (value_is_int32(acc) && value_as_int32(acc) != 0 && value_as_int32(acc) != INT32_MIN) {
            acc = value_from_int32(-value_as_int32(acc));
        } else {
            SYNC();
            acc = operator_negate(vm, acc);
            CHECK(acc);
        }
        NEXT(NEGATE);
    }
    CASE(PLUS) {
        if (!value_is_number(acc)) {
            /* ES2025 13.5.4 Unary +: ToNumber, a TypeError for a BigInt */
            SYNC();
            double number;
            CHECK_BOOL(value_to_number(vm, acc, &number));
            acc = value_from_number(number);
        }
        NEXT(PLUS);
    }
    CASE(TO_NUMERIC) {
        if (!value_is_number(acc)) {
            SYNC();
            acc = value_to_numeric(vm, acc);
            CHECK(acc);
        }
        NEXT(TO_NUMERIC);
    }
    CASE(BIT_NOT) {
        if (value_is_int32(acc)) {
            acc = value_from_int32(~value_as_int32(acc));
        } else {
            SYNC();
            acc = operator_bitwise_not(vm, acc);
            CHECK(acc);
        }
        NEXT(BIT_NOT);
    }
    CASE(NOT) { acc = value_from_boolean(!value_to_boolean(acc)); NEXT(NOT); }
    CASE(TYPEOF) { acc = operator_typeof(vm, acc); NEXT(TYPEOF); }
    CASE(INC) {
        if (value_is_int32(acc) && value_as_int32(acc) != INT32_MAX) {
            acc = value_from_int32(value_as_int32(acc) + 1);
        } else {
            SYNC();
            acc = operator_increment(vm, acc, 1);
            CHECK(acc);
        }
        NEXT(INC);
    }
    CASE(DEC) {
        if (value_is_int32(acc) && value_as_int32(acc) != INT32_MIN) {
            acc = value_from_int32(value_as_int32(acc) - 1);
        } else {
            SYNC();
            acc = operator_increment(vm, acc, -1);
            CHECK(acc);
        }
        NEXT(DEC);
    }
    CASE(TO_STRING) {
        if (!value_is_string(acc)) {
            SYNC();
            String *s = value_to_string(vm, acc);
            CHECK_BOOL(s);
            acc = value_from_string(s);
        }
        NEXT(TO_STRING);
    }
    CASE(TO_PROPERTY_KEY) {
        SYNC();
        acc = value_to_property_key(vm, acc);
        CHECK(acc);
        NEXT(TO_PROPERTY_KEY);
    }
    CASE(TO_OBJECT) {
        if (!value_is_object(acc)) {
            SYNC();
            Object *o = value_to_object(vm, acc);
            CHECK_BOOL(o);
            acc = value_from_object(o);
        }
        NEXT(TO_OBJECT);
    }

    /* ---- Control ---- */
    CASE(JUMP) { pc += SIZE(JUMP) + I32(1); DISPATCH(); }
    CASE(JUMP_IF_TRUE) {
        pc += value_to_boolean(acc) ? SIZE(JUMP_IF_TRUE) + I32(1) : SIZE(JUMP_IF_TRUE);
        DISPATCH();
    }
    CASE(JUMP_IF_FALSE) {
        pc += !value_to_boolean(acc) ? SIZE(JUMP_IF_FALSE) + I32(1) : SIZE(JUMP_IF_FALSE);
        DISPATCH();
    }
    CASE(JUMP_IF_NULLISH) {
        pc += value_is_nullish(acc) ? SIZE(JUMP_IF_NULLISH) + I32(1) : SIZE(JUMP_IF_NULLISH);
        DISPATCH();
    }
    CASE(JUMP_IF_NOT_NULLISH) {
        pc += !value_is_nullish(acc) ? SIZE(JUMP_IF_NOT_NULLISH) + I32(1) : SIZE(JUMP_IF_NOT_NULLISH);
        DISPATCH();
    }
    CASE(JUMP_IF_UNDEFINED) {
        pc += value_is_undefined(acc) ? SIZE(JUMP_IF_UNDEFINED) + I32(1) : SIZE(JUMP_IF_UNDEFINED);
        DISPATCH();
    }
    CASE(JUMP_IF_NOT_UNDEFINED) {
        pc += !value_is_undefined(acc) ? SIZE(JUMP_IF_NOT_UNDEFINED) + I32(1) : SIZE(JUMP_IF_NOT_UNDEFINED);
        DISPATCH();
    }
    CASE(JUMP_IF_NOT_HOLE) {
        pc += !value_is_hole(acc) ? SIZE(JUMP_IF_NOT_HOLE) + I32(1) : SIZE(JUMP_IF_NOT_HOLE);
        DISPATCH();
    }
    /* ---- Generators ---- */
    CASE(GENERATOR_START) {
        SYNC();
        result = (frame->code->flags & CODE_ASYNC) ? async_generator_start(vm, frame, pc + SIZE(GENERATOR_START))
                                                   : generator_start(vm, frame, pc + SIZE(GENERATOR_START));
        CHECK(result);
        goto return_result;
    }
    CASE(YIELD) {
        SYNC();
        if (frame->code->flags & CODE_ASYNC) {
            int yielded = async_generator_yield(vm, frame, &acc, pc + SIZE(YIELD));
            CHECK_BOOL(yielded >= 0);
            if (yielded)
                NEXT(YIELD);   /* a request was waiting: go on at once */
            result = VALUE_UNDEFINED;
            goto return_result;
        }
        CHECK_BOOL(generator_yield(vm, frame, pc + SIZE(YIELD)));
        result = acc;
        interp_pop_frame(vm);   /* a resumed generator's frame is always an entry frame */
        goto out;
    }
    CASE(RESUME_KIND) { acc = value_from_int32((int32_t)frame->resume_kind); NEXT(RESUME_KIND); }
    /* ---- Async functions (vm/async_function.c) ---- */
    CASE(AWAIT) {
        SYNC();
        result = async_await(vm, frame, acc, pc + SIZE(AWAIT));
        CHECK(result);
        goto return_result;   /* suspended: the frame is saved */
    }
    CASE(ASYNC_RETURN) {
        SYNC();
        result = async_function_return(vm, frame, acc);
        CHECK(result);
        goto return_result;
    }

    CASE(RETURN) {
        result = acc;
        if ((frame->flags & FRAME_GENERATOR) && (frame->code->flags & CODE_ASYNC)) {
            SYNC();
            CHECK_BOOL(async_generator_body_done(vm, frame, false, acc));
        } else if (frame->flags & FRAME_GENERATOR) {
            generator_complete(frame);
        }
        if (frame->flags & FRAME_CONSTRUCT) {
            SYNC();
            result = closure_construct_result(vm, frame, acc);
            if (value_is_exception(result)) {
                in->handler_count = frame->handler_base;   /* thrown in the caller, past this frame's handlers */
                THROW();
            }
        }
    return_result: {
        bool entry = frame->flags & FRAME_ENTRY;
        interp_pop_frame(vm);
        if (entry)
            goto out;
        frame = interp_current_frame(vm);
        in->stack_top = frame->top;   /* drops a spread call's arguments */
        LOAD_FRAME();
        acc = result;
        pc += instruction_size[*pc];   /* after the call instruction */
        DISPATCH();
    }
    }
    CASE(THROW) {
        SYNC();
        vm_throw(vm, acc);
        THROW();
    }
    CASE(THROW_ERROR) {
        SYNC();
        throw_error_constant(vm, U16(1), CONSTANT(3));
        THROW();
    }
    CASE(PUSH_HANDLER) {
        uint32_t target = (uint32_t)(pc + SIZE(PUSH_HANDLER) + I32(1) - frame->code->code);
        SYNC();
        CHECK_BOOL(interp_push_handler(vm, target, U16(5), frame->env));
        NEXT(PUSH_HANDLER);
    }
    CASE(POP_HANDLER) {
        in->handler_count--;
        NEXT(POP_HANDLER);
    }
    CASE(DEBUGGER) { NEXT(DEBUGGER); }

    /* ---- Calls ---- */
    CASE(CALL) {
    op_call:;
        Value callee = REG(1);
        uint32_t argc = U16(7);
        Value *argv = &REG(5);
        SYNC();
        if (is_plain_closure(callee)) {
            Frame *callee_frame = closure_prepare_frame(vm, (Closure *)value_as_object(callee), REG(3), argc, argv, NULL);
            CHECK_BOOL(callee_frame);
            frame = callee_frame;
            LOAD_FRAME();
            DISPATCH();
        }
        acc = call_other(vm, frame, callee, REG(3), argc, argv);
        CHECK(acc);
        NEXT(CALL);
    }
#define EVAL_VAR_CASE(name, access) \
    CASE(name) { \
        SYNC(); \
        int found = interp_eval_var(vm, frame->env, U16(5), U16(7), value_as_string(CONSTANT(9)), access, &acc); \
        if (found < 0) \
            THROW(); \
        pc += SIZE(name) + (found ? I32(1) : 0); \
        DISPATCH(); \
    }
    EVAL_VAR_CASE(LOAD_EVAL_VAR, EVAL_VAR_LOAD)
    EVAL_VAR_CASE(TYPEOF_EVAL_VAR, EVAL_VAR_TYPEOF)
    EVAL_VAR_CASE(STORE_EVAL_VAR, EVAL_VAR_STORE)
    EVAL_VAR_CASE(DELETE_EVAL_VAR, EVAL_VAR_DELETE)
#undef EVAL_VAR_CASE
    CASE(DECLARE_EVAL_VARS) {
        SYNC();
        CHECK_BOOL(interp_declare_eval_vars(vm, frame->env, U16(1), U16(3), CONSTANT(5)));
        NEXT(DECLARE_EVAL_VARS);
    }
    CASE(CALL_EVAL) {
        /* ES2025 13.3.6.1 step 6: a direct eval when the callee is %eval% */
        Value callee = REG(1);
        if (value_is_object(callee) && value_as_object(callee) == vm->realm->intrinsics[INTRINSIC_Eval]) {
            SYNC();
            acc = interp_direct_eval(vm, frame, REG(3), U16(7), &REG(5));
            CHECK(acc);
            NEXT(CALL_EVAL);
        }
        REG(3) = VALUE_UNDEFINED;   /* r2 held the eval scope descriptor: any other callee gets this = undefined */
        goto op_call;
    }
    CASE(CALL_SPREAD) {
        Value callee = REG(1);
        SYNC();
        uint32_t argc;
        Value *argv = interp_spread_arguments(vm, REG(5), &argc);
        CHECK_BOOL(argv);
        if (is_plain_closure(callee)) {
            Frame *callee_frame = closure_prepare_frame(vm, (Closure *)value_as_object(callee), REG(3), argc, argv, NULL);
            CHECK_BOOL(callee_frame);
            frame = callee_frame;
            LOAD_FRAME();
            DISPATCH();
        }
        acc = call_other(vm, frame, callee, REG(3), argc, argv);
        in->stack_top = frame->top;
        CHECK(acc);
        NEXT(CALL_SPREAD);
    }
    CASE(NEW)
    CASE(NEW_SPREAD) {
        Value constructor = REG(1);
        uint32_t argc;
        Value *argv;
        SYNC();
        if (*pc == OP_NEW) {
            argc = U16(5);
            argv = &REG(3);
        } else {
            argv = interp_spread_arguments(vm, REG(3), &argc);
            CHECK_BOOL(argv);
        }
        if (value_is_object(constructor) && object_is_closure(value_as_object(constructor)) &&
            value_is_constructor(constructor)) {
            Object *f = value_as_object(constructor);
            CHECK_BOOL(interp_check_c_stack(vm));
            Frame *callee_frame = prepare_construct(vm, (Closure *)f, argc, argv, f);
            CHECK_BOOL(callee_frame);
            frame = callee_frame;
            LOAD_FRAME();
            DISPATCH();
        }
        acc = construct_other(vm, frame, constructor, argc, argv);
        in->stack_top = frame->top;
        CHECK(acc);
        pc += instruction_size[*pc];
        DISPATCH();
    }
    CASE(SUPER_CALL)
    CASE(SUPER_CALL_SPREAD) {
        uint32_t argc;
        Value *argv;
        SYNC();
        if (*pc == OP_SUPER_CALL) {
            argc = U16(3);
            argv = &REG(1);
        } else {
            argv = interp_spread_arguments(vm, REG(1), &argc);
            CHECK_BOOL(argv);
        }
        acc = interp_super_call(vm, frame, argc, argv);
        in->stack_top = frame->top;
        CHECK(acc);
        pc += instruction_size[*pc];
        DISPATCH();
    }

    /* ---- Iteration ---- */
    CASE(GET_ITERATOR) {
        SYNC();
        CHECK_BOOL(interp_get_iterator(vm, acc, false, &REG(1)));
        NEXT(GET_ITERATOR);
    }
    CASE(GET_ITERATOR_RECORD) {
        SYNC();
        CHECK_BOOL(interp_get_iterator_record(vm, acc, false, &REG(1)));
        NEXT(GET_ITERATOR_RECORD);
    }
    CASE(GET_ASYNC_ITERATOR) {
        SYNC();
        CHECK_BOOL(async_get_iterator(vm, acc, &REG(1)));
        NEXT(GET_ASYNC_ITERATOR);
    }
    CASE(ITERATOR_NEXT) {
        SYNC();
        acc = interp_iterator_next(vm, &REG(1));
        CHECK(acc);
        NEXT(ITERATOR_NEXT);
    }
    CASE(ITERATOR_CLOSE) {
        SYNC();
        CHECK_BOOL(interp_iterator_close(vm, REG(1), false));
        NEXT(ITERATOR_CLOSE);
    }
    CASE(ITERATOR_CLOSE_QUIET) {
        SYNC();
        CHECK_BOOL(interp_iterator_close(vm, REG(1), true));
        NEXT(ITERATOR_CLOSE_QUIET);
    }
    CASE(ADD_DISPOSABLE) {
        SYNC();
        Value capability = dispose_add_resource(vm, REG(1), acc, (DisposeHint)U16(3));
        CHECK(capability);
        REG(1) = capability;
        NEXT(ADD_DISPOSABLE);
    }
    CASE(DISPOSE_RESOURCES) {
        SYNC();
        Value capability = REG(1);
        REG(1) = VALUE_UNDEFINED;
        bool is_throw = value_is_int32(REG(3)) && value_as_int32(REG(3)) == 1;   /* COMPLETION_THROW */
        Value completion = REG(5);
        CHECK_BOOL(dispose_resources(vm, capability, &is_throw, &completion));
        if (is_throw) {
            vm_throw(vm, completion);
            THROW();
        }
        NEXT(DISPOSE_RESOURCES);
    }
    CASE(DISPOSE_ASYNC_STEP) {
        SYNC();
        Value state = REG(3);
        acc = dispose_async_step(vm, REG(1), &state);
        REG(3) = state;
        CHECK(acc);
        NEXT(DISPOSE_ASYNC_STEP);
    }
    CASE(DISPOSE_COMBINE) {
        SYNC();
        bool is_throw = value_is_int32(REG(1)) && value_as_int32(REG(1)) == 1;   /* COMPLETION_THROW */
        Value completion = REG(3);
        CHECK_BOOL(dispose_combine(vm, &is_throw, &completion, REG(5)));
        REG(1) = value_from_int32(1);
        REG(3) = completion;
        NEXT(DISPOSE_COMBINE);
    }
    CASE(FOR_IN_PREPARE) {
        SYNC();
        Value enumerator = interp_for_in_prepare(vm, acc);
        CHECK(enumerator);
        REG(1) = enumerator;
        NEXT(FOR_IN_PREPARE);
    }
    CASE(FOR_IN_NEXT) {
        SYNC();
        acc = interp_for_in_next(vm, REG(1));
        CHECK(acc);
        NEXT(FOR_IN_NEXT);
    }

#if !USE_COMPUTED_GOTO
    default:
        vm_throw_error(vm, ERROR_KIND_SYNTAX, "invalid opcode %u", *pc);
        THROW();
    }
#endif

exception:
    /* Remember where it was thrown (a THROW, or the first frame it leaves). */
    if (*pc == OP_THROW || in->thrown != vm->exception) {
        in->thrown = vm->exception;
        in->throw_code = frame->code;
        in->throw_pc = (uint32_t)(pc - frame->code->code);
    }
    /* Unwind to the innermost handler of this frame, or out of it. */
    for (;;) {
        if (in->handler_count > frame->handler_base) {
            Handler handler = in->handlers[--in->handler_count];
            frame->env = handler.env;
            in->stack_top = frame->top;
            regs[handler.exception_register] = vm_take_exception(vm);
            pc = frame->code->code + handler.target;
            DISPATCH();
        }
        if ((frame->code->flags & CODE_ASYNC) && !(frame->code->flags & CODE_GENERATOR)) {
            result = async_function_throw(vm, frame);   /* rejects its promise */
            if (!value_is_exception(result))
                goto return_result;
        } else if ((frame->code->flags & CODE_ASYNC) && (frame->flags & FRAME_GENERATOR)) {
            Value error = vm_take_exception(vm);      /* rejects the request's promise */
            if (async_generator_body_done(vm, frame, true, error)) {
                result = VALUE_UNDEFINED;
                goto return_result;
            }
        }
        bool entry = frame->flags & FRAME_ENTRY;
        if (frame->flags & FRAME_GENERATOR)
            generator_complete(frame);
        interp_pop_frame(vm);
        if (entry) {
            result = VALUE_EXCEPTION;
            goto out;
        }
        frame = interp_current_frame(vm);
        in->stack_top = frame->top;
        LOAD_FRAME();
    }

out:
    GC_SCOPE_END(vm->heap);
    return result;
}

/* ---- Running a script ---- */

Value vm_run_script(VM *vm, FunctionCode *code)
{
    if (!vm->realm)
        return vm_throw_type_error(vm, "no realm");
    Frame *frame = interp_push_frame(vm, code, 0, NULL);
    if (!frame)
        return VALUE_EXCEPTION;
    frame->flags = FRAME_ENTRY;
    frame->this_value = value_from_object(vm->realm->global_object);
    return interp_execute(vm);
}

bool vm_exception_site(VM *vm, Value exception, ThrowSite *site)
{
    Interpreter *in = vm->interp;
    if (in->thrown != exception || !in->throw_code || !in->throw_code->line_count)
        return false;
    LineTableEntry position = function_code_position(in->throw_code, in->throw_pc);
    site->source_name = in->throw_code->source ? in->throw_code->source->name : NULL;
    site->source_text = in->throw_code->source ? in->throw_code->source->text : NULL;
    site->line = position.line;
    site->column = position.column;
    return position.line > 0;
}
