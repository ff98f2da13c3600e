/*
 * Unit tests of the interpreter, calls, operators, the realm and errors.
 *
 * Part 1 runs bytecode assembled by hand (an assembler of a few lines
 * below), so that the interpreter is tested on its own, instruction by
 * instruction. Part 2 compiles small programs with the parser and the
 * compiler and checks their completion values.
 *
 * Everything runs twice: with a normal heap, then with GCOptions.stress (a
 * collection before every allocation), so that a value the interpreter
 * forgets to root is freed at once and shows up under AddressSanitizer.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parser.h"
#include "tests/unit/test_main.h"
#include "vm/atom.h"
#include "vm/function.h"
#include "vm/lazy_holder.h"
#include "vm/object.h"
#include "vm/operators.h"
#include "vm/realm.h"

static VM *vm;

/* ---- A tiny assembler ---- */

typedef struct Asm {
    FunctionCode *code;          /* pinned */
    uint8_t bytes[4096];
    uint32_t length;
    Value constants[64];
    uint32_t constant_count;
} Asm;

static void asm_begin(Asm *a, uint32_t registers, uint32_t formals)
{
    memset(a, 0, sizeof *a);
    a->code = function_code_new(vm);
    gc_pin(vm->heap, &a->code->header);
    a->code->register_count = registers;
    a->code->formal_count = a->code->param_count = (uint16_t)formals;
    a->code->name = vm_atom(vm, ATOM_empty);
    a->code->constants = calloc(64, sizeof(Value));
    a->code->constant_count = 64;
    for (int i = 0; i < 64; i++)
        a->code->constants[i] = VALUE_UNDEFINED;
    a->code->caches = calloc(16, sizeof(InlineCache));
    a->code->cache_count = 16;
}

/* A constant, kept alive by the code being assembled (pinned for good). */
static uint16_t asm_constant(Asm *a, Value v)
{
    a->code->constants[a->constant_count] = v;
    return (uint16_t)a->constant_count++;
}

/* The code of a default class constructor (the compiler makes it). */
static uint16_t asm_default_constructor(Asm *a, bool derived)
{
    FunctionCode *code = function_code_default_constructor(vm, derived);
    return asm_constant(a, value_from_cell(&code->header));
}

static uint16_t asm_atom(Asm *a, const char *name)
{
    return asm_constant(a, value_from_string(atom_from_cstr(vm, name)));
}

static uint16_t asm_string(Asm *a, const char *text)
{
    return asm_constant(a, value_from_string(string_from_cstr(vm, text)));
}

/* Emits op with its operands (ints, as many as opcodes.def lists); returns
 * the instruction's offset. */
static uint32_t emit(Asm *a, Opcode op, ...)
{
    uint32_t at = a->length;
    a->bytes[a->length++] = (uint8_t)op;
    va_list args;
    va_start(args, op);
    for (const char *k = opcode_operands[op]; *k; k++) {
        int32_t v = va_arg(args, int32_t);
        int size = *k == 'i' || *k == 'j' ? 4 : 2;
        for (int i = 0; i < size; i++)
            a->bytes[a->length++] = (uint8_t)((uint32_t)v >> (8 * i));
    }
    va_end(args);
    return at;
}

/* Points the jump at `at` (operand j first) to target. */
static void patch_jump(Asm *a, uint32_t at, uint32_t target)
{
    int32_t offset = (int32_t)target - (int32_t)(at + opcode_sizes[a->bytes[at]]);
    for (int i = 0; i < 4; i++)
        a->bytes[at + 1 + i] = (uint8_t)((uint32_t)offset >> (8 * i));
}

static FunctionCode *asm_end(Asm *a, uint32_t flags)
{
    FunctionCode *code = a->code;
    code->code = malloc(a->length);
    memcpy(code->code, a->bytes, a->length);
    code->code_length = a->length;
    code->flags = flags;
    return code;   /* stays pinned: the tests keep codes in C locals */
}

/* Runs the script; returns its completion value, pinned until the next run
 * (VALUE_EXCEPTION when it threw: the exception is then in last_exception). */
static Value last_result = VALUE_UNDEFINED, last_exception = VALUE_UNDEFINED;

static void unpin_value(Value v)
{
    if (value_is_heap(v))
        gc_unpin(vm->heap, value_as_pointer(v));
}

static void pin_value(Value v)
{
    if (value_is_heap(v))
        gc_pin(vm->heap, value_as_pointer(v));
}

static Value run_code(FunctionCode *code)
{
    unpin_value(last_result);
    unpin_value(last_exception);
    last_exception = VALUE_UNDEFINED;
    gc_pin(vm->heap, &code->header);
    Value result = vm_run_script(vm, code);
    gc_unpin(vm->heap, &code->header);
    if (value_is_exception(result)) {
        last_exception = vm_take_exception(vm);
        pin_value(last_exception);
    } else {
        pin_value(result);
    }
    last_result = result;
    return result;
}

static double number_of(Value v) { return value_is_number(v) ? value_as_number(v) : NAN; }

/* The text of a string value ("" otherwise), in a static buffer. */
static const char *text_of(Value v)
{
    static char buf[512];
    buf[0] = 0;
    if (value_is_string(v) && string_flatten(vm, value_as_string(v))) {
        char *utf8 = string_to_utf8(value_as_string(v), NULL);
        snprintf(buf, sizeof buf, "%s", utf8 ? utf8 : "");
        free(utf8);
    }
    return buf;
}

/* A property of an object value, as text. */
static const char *property_text(Value object, const char *name)
{
    if (!value_is_object(object))
        return "";
    Value v = object_get(vm, value_as_object(object), value_from_string(atom_from_cstr(vm, name)), object);
    return text_of(v);
}

/* The message of last_exception. */
static const char *exception_message(void) { return property_text(last_exception, "message"); }

/* ---- Part 1: hand-assembled bytecode ---- */

static void test_arithmetic(void)
{
    Asm a;
    asm_begin(&a, 1, 0);
    emit(&a, OP_LOAD_INT, 2);
    emit(&a, OP_STORE_REG, 0);
    emit(&a, OP_LOAD_INT, 3);
    emit(&a, OP_ADD, 0);        /* 2 + 3 */
    emit(&a, OP_STORE_REG, 0);
    emit(&a, OP_LOAD_INT, 4);
    emit(&a, OP_MUL, 0);        /* 5 * 4 */
    emit(&a, OP_RETURN);
    ASSERT_DOUBLE_EQ(number_of(run_code(asm_end(&a, 0))), 20);

    /* int32 overflow goes to doubles; 7 % -3; 1 / 0; -(0) is -0 */
    asm_begin(&a, 1, 0);
    emit(&a, OP_LOAD_INT, INT32_MAX);
    emit(&a, OP_INC);
    emit(&a, OP_RETURN);
    ASSERT_DOUBLE_EQ(number_of(run_code(asm_end(&a, 0))), 2147483648.0);

    asm_begin(&a, 1, 0);
    emit(&a, OP_LOAD_INT, 7);
    emit(&a, OP_STORE_REG, 0);
    emit(&a, OP_LOAD_INT, -3);
    emit(&a, OP_MOD, 0);
    emit(&a, OP_RETURN);
    ASSERT_DOUBLE_EQ(number_of(run_code(asm_end(&a, 0))), 1);

    asm_begin(&a, 1, 0);
    emit(&a, OP_LOAD_INT, 0);
    emit(&a, OP_NEGATE);
    emit(&a, OP_STORE_REG, 0);
    emit(&a, OP_LOAD_INT, 1);
    emit(&a, OP_DIV, 0);        /* -0 / 1 */
    emit(&a, OP_RETURN);
    Value r = run_code(asm_end(&a, 0));
    ASSERT(value_is_double(r) && number_of(r) == 0 && signbit(number_of(r)));

    /* "a" + 1 + true */
    asm_begin(&a, 1, 0);
    emit(&a, OP_LOAD_CONST, asm_string(&a, "a"));
    emit(&a, OP_STORE_REG, 0);
    emit(&a, OP_LOAD_INT, 1);
    emit(&a, OP_ADD, 0);
    emit(&a, OP_STORE_REG, 0);
    emit(&a, OP_LOAD_TRUE);
    emit(&a, OP_ADD, 0);
    emit(&a, OP_RETURN);
    ASSERT_STR_EQ(text_of(run_code(asm_end(&a, 0))), "a1true");

    /* -1 >>> 0, 1 << 33, ~5 */
    asm_begin(&a, 1, 0);
    emit(&a, OP_LOAD_INT, -1);
    emit(&a, OP_STORE_REG, 0);
    emit(&a, OP_LOAD_INT, 0);
    emit(&a, OP_SHR, 0);
    emit(&a, OP_RETURN);
    ASSERT_DOUBLE_EQ(number_of(run_code(asm_end(&a, 0))), 4294967295.0);
    asm_begin(&a, 1, 0);
    emit(&a, OP_LOAD_INT, 1);
    emit(&a, OP_STORE_REG, 0);
    emit(&a, OP_LOAD_INT, 33);
    emit(&a, OP_SHL, 0);
    emit(&a, OP_BIT_NOT);
    emit(&a, OP_RETURN);
    ASSERT_DOUBLE_EQ(number_of(run_code(asm_end(&a, 0))), -3);
}

/* for (i = 0, s = 0; i < 100; i++) s += i */
static void test_loop(void)
{
    Asm a;
    asm_begin(&a, 2, 0);
    emit(&a, OP_LOAD_INT, 0);
    emit(&a, OP_STORE_REG, 0);   /* i */
    emit(&a, OP_STORE_REG, 1);   /* s */
    uint32_t top = emit(&a, OP_LOAD_INT, 100);
    emit(&a, OP_LT, 0);
    uint32_t exit = emit(&a, OP_JUMP_IF_FALSE, 0);
    emit(&a, OP_LOAD_REG, 0);
    emit(&a, OP_ADD, 1);
    emit(&a, OP_STORE_REG, 1);
    emit(&a, OP_LOAD_REG, 0);
    emit(&a, OP_INC);
    emit(&a, OP_STORE_REG, 0);
    uint32_t back = emit(&a, OP_JUMP, 0);
    uint32_t end = emit(&a, OP_LOAD_REG, 1);
    emit(&a, OP_RETURN);
    patch_jump(&a, exit, end);
    patch_jump(&a, back, top);
    ASSERT_DOUBLE_EQ(number_of(run_code(asm_end(&a, 0))), 4950);
}

/* The code of function(x) { return x * 2 } */
static FunctionCode *double_function(void)
{
    Asm a;
    asm_begin(&a, 2, 1);
    emit(&a, OP_LOAD_INT, 2);
    emit(&a, OP_MUL, 0);
    emit(&a, OP_RETURN);
    return asm_end(&a, CODE_STRICT);
}

static void test_calls(void)
{
    Asm a;
    asm_begin(&a, 4, 0);
    uint16_t f = asm_constant(&a, value_from_cell(&double_function()->header));
    emit(&a, OP_CREATE_CLOSURE, f);
    emit(&a, OP_STORE_REG, 0);
    emit(&a, OP_LOAD_INT, 21);
    emit(&a, OP_STORE_REG, 2);
    emit(&a, OP_CALL, 0, 1, 2, 1);   /* r0(this = r1, r2) */
    emit(&a, OP_RETURN);
    ASSERT_DOUBLE_EQ(number_of(run_code(asm_end(&a, 0))), 42);

    /* Calling undefined throws "x is not a function"; calling a number too */
    asm_begin(&a, 2, 0);
    emit(&a, OP_CALL, 0, 1, 1, 0);
    emit(&a, OP_RETURN);
    ASSERT(value_is_exception(run_code(asm_end(&a, 0))));
    ASSERT_STR_EQ(exception_message(), "undefined is not a function");
    ASSERT_STR_EQ(property_text(last_exception, "name"), "TypeError");
}

/* function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2) } through a global */
static void test_recursion(void)
{
    Asm f;
    asm_begin(&f, 5, 1);
    uint16_t fib_name = asm_atom(&f, "fib");
    emit(&f, OP_LOAD_INT, 2);
    emit(&f, OP_LT, 0);
    uint32_t recurse = emit(&f, OP_JUMP_IF_FALSE, 0);
    emit(&f, OP_LOAD_REG, 0);
    emit(&f, OP_RETURN);
    uint32_t at = emit(&f, OP_LOAD_GLOBAL, fib_name, 0);
    patch_jump(&f, recurse, at);
    emit(&f, OP_STORE_REG, 1);
    emit(&f, OP_LOAD_INT, 1);
    emit(&f, OP_SUB, 0);
    emit(&f, OP_STORE_REG, 3);
    emit(&f, OP_CALL, 1, 2, 3, 1);
    emit(&f, OP_STORE_REG, 4);
    emit(&f, OP_LOAD_GLOBAL, fib_name, 1);
    emit(&f, OP_STORE_REG, 1);
    emit(&f, OP_LOAD_INT, 2);
    emit(&f, OP_SUB, 0);
    emit(&f, OP_STORE_REG, 3);
    emit(&f, OP_CALL, 1, 2, 3, 1);
    emit(&f, OP_ADD, 4);
    emit(&f, OP_RETURN);
    FunctionCode *fib = asm_end(&f, CODE_STRICT);

    Asm a;
    asm_begin(&a, 3, 0);
    uint16_t name = asm_atom(&a, "fib");
    Object *declarations = array_new(vm, realm_intrinsic(vm, INTRINSIC_ArrayPrototype), 0);
    uint16_t decl = asm_constant(&a, value_from_object(declarations));
    ASSERT(object_create_data_property(vm, declarations, value_from_int32(0), a.code->constants[name]) == 1);
    ASSERT(object_create_data_property(vm, declarations, value_from_int32(1), value_from_int32(1)) == 1);
    uint16_t code = asm_constant(&a, value_from_cell(&fib->header));
    emit(&a, OP_DECLARE_GLOBALS, decl);
    emit(&a, OP_CREATE_CLOSURE, code);
    emit(&a, OP_STORE_GLOBAL, name, 0);
    emit(&a, OP_LOAD_GLOBAL, name, 1);
    emit(&a, OP_STORE_REG, 0);
    emit(&a, OP_LOAD_INT, 20);
    emit(&a, OP_STORE_REG, 2);
    emit(&a, OP_CALL, 0, 1, 2, 1);
    emit(&a, OP_RETURN);
    ASSERT_DOUBLE_EQ(number_of(run_code(asm_end(&a, 0))), 6765);
}

/* try { throw 7 } catch (e) { return e + 1 } ; and a TypeError from a
 * property read on undefined, caught across a frame */
static void test_exceptions(void)
{
    Asm a;
    asm_begin(&a, 2, 0);
    uint32_t push = emit(&a, OP_PUSH_HANDLER, 0, 0);
    emit(&a, OP_LOAD_INT, 7);
    emit(&a, OP_THROW);
    uint32_t handler = emit(&a, OP_LOAD_INT, 1);
    emit(&a, OP_ADD, 0);
    emit(&a, OP_RETURN);
    patch_jump(&a, push, handler);
    ASSERT_DOUBLE_EQ(number_of(run_code(asm_end(&a, 0))), 8);

    Asm f;
    asm_begin(&f, 2, 1);
    emit(&f, OP_GET_NAMED, 0, asm_atom(&f, "z"), 0);
    emit(&f, OP_RETURN);
    FunctionCode *reader = asm_end(&f, CODE_STRICT);

    asm_begin(&a, 4, 0);
    uint16_t code = asm_constant(&a, value_from_cell(&reader->header));
    push = emit(&a, OP_PUSH_HANDLER, 0, 3);
    emit(&a, OP_CREATE_CLOSURE, code);
    emit(&a, OP_STORE_REG, 0);
    emit(&a, OP_CALL, 0, 1, 2, 1);   /* reader(undefined) */
    emit(&a, OP_POP_HANDLER);
    emit(&a, OP_RETURN);
    handler = emit(&a, OP_LOAD_REG, 3);
    emit(&a, OP_RETURN);
    patch_jump(&a, push, handler);
    Value error = run_code(asm_end(&a, 0));
    ASSERT(value_is_object(error));
    ASSERT_STR_EQ(property_text(error, "message"), "Cannot read properties of undefined (reading 'z')");
    ASSERT_STR_EQ(property_text(error, "name"), "TypeError");
    ASSERT(strncmp(property_text(error, "stack"), "TypeError: Cannot read properties", 33) == 0);

    /* Uncaught: the exception comes out of vm_run_script */
    asm_begin(&a, 1, 0);
    emit(&a, OP_THROW_ERROR, ERROR_KIND_RANGE, asm_string(&a, "boom"));
    ASSERT(value_is_exception(run_code(asm_end(&a, 0))));
    ASSERT_STR_EQ(exception_message(), "boom");
    ASSERT_STR_EQ(property_text(last_exception, "name"), "RangeError");
}

/* function f() { return f() } f() — a catchable RangeError */
static void test_stack_overflow(void)
{
    Asm f;
    asm_begin(&f, 2, 0);
    uint16_t name = asm_atom(&f, "runaway");
    emit(&f, OP_LOAD_GLOBAL, name, 0);
    emit(&f, OP_STORE_REG, 0);
    emit(&f, OP_CALL, 0, 1, 1, 0);
    emit(&f, OP_RETURN);
    FunctionCode *runaway = asm_end(&f, CODE_STRICT);

    Asm a;
    asm_begin(&a, 3, 0);
    name = asm_atom(&a, "runaway");
    uint16_t code = asm_constant(&a, value_from_cell(&runaway->header));
    emit(&a, OP_CREATE_CLOSURE, code);
    emit(&a, OP_STORE_GLOBAL, name, 0);
    emit(&a, OP_STORE_REG, 0);
    uint32_t push = emit(&a, OP_PUSH_HANDLER, 0, 2);
    emit(&a, OP_CALL, 0, 1, 1, 0);
    emit(&a, OP_RETURN);
    uint32_t handler = emit(&a, OP_LOAD_REG, 2);
    emit(&a, OP_RETURN);
    patch_jump(&a, push, handler);
    Value error = run_code(asm_end(&a, 0));
    ASSERT_STR_EQ(property_text(error, "message"), "Maximum call stack size exceeded");
    ASSERT_STR_EQ(property_text(error, "name"), "RangeError");
}

/* o = {}; o.x = 5; o.y = o.x + 1; return o.y  (twice through the caches) */
static void test_objects(void)
{
    Asm a;
    asm_begin(&a, 3, 0);
    uint16_t x = asm_atom(&a, "x"), y = asm_atom(&a, "y");
    emit(&a, OP_LOAD_INT, 0);
    emit(&a, OP_STORE_REG, 2);
    uint32_t top = emit(&a, OP_CREATE_OBJECT);
    emit(&a, OP_STORE_REG, 0);
    emit(&a, OP_LOAD_INT, 5);
    emit(&a, OP_SET_NAMED, 0, x, 0);
    emit(&a, OP_GET_NAMED, 0, x, 1);
    emit(&a, OP_INC);
    emit(&a, OP_SET_NAMED, 0, y, 2);
    emit(&a, OP_LOAD_REG, 2);
    emit(&a, OP_INC);
    emit(&a, OP_STORE_REG, 2);
    emit(&a, OP_LOAD_INT, 3);
    emit(&a, OP_LT, 2);
    uint32_t again = emit(&a, OP_JUMP_IF_TRUE, 0);
    patch_jump(&a, again, top);
    emit(&a, OP_GET_NAMED, 0, y, 3);
    emit(&a, OP_RETURN);
    ASSERT_DOUBLE_EQ(number_of(run_code(asm_end(&a, 0))), 6);

    /* [1, 2, 3][1] and "abc".length */
    asm_begin(&a, 4, 0);
    emit(&a, OP_LOAD_INT, 1);
    emit(&a, OP_STORE_REG, 0);
    emit(&a, OP_LOAD_INT, 2);
    emit(&a, OP_STORE_REG, 1);
    emit(&a, OP_LOAD_INT, 3);
    emit(&a, OP_STORE_REG, 2);
    emit(&a, OP_CREATE_ARRAY, 0, 3);
    emit(&a, OP_STORE_REG, 3);
    emit(&a, OP_LOAD_INT, 1);
    emit(&a, OP_GET_KEYED, 3);
    emit(&a, OP_STORE_REG, 0);
    emit(&a, OP_LOAD_CONST, asm_string(&a, "abc"));
    emit(&a, OP_STORE_REG, 1);
    emit(&a, OP_GET_NAMED, 1, asm_atom(&a, "length"), 0);
    emit(&a, OP_ADD, 0);
    emit(&a, OP_RETURN);
    ASSERT_DOUBLE_EQ(number_of(run_code(asm_end(&a, 0))), 5);
}

/* function P(v) { this.v = v }  new P(9).v ; and a class with extends */
static void test_construct(void)
{
    Asm f;
    asm_begin(&f, 2, 1);
    emit(&f, OP_LOAD_THIS);
    emit(&f, OP_STORE_REG, 1);
    emit(&f, OP_LOAD_REG, 0);
    emit(&f, OP_SET_NAMED, 1, asm_atom(&f, "v"), 0);
    emit(&f, OP_RETURN);   /* returns v, a number: the new object is the result */
    FunctionCode *p = asm_end(&f, 0);

    Asm a;
    asm_begin(&a, 4, 0);
    uint16_t code = asm_constant(&a, value_from_cell(&p->header));
    emit(&a, OP_CREATE_CLOSURE, code);
    emit(&a, OP_STORE_REG, 0);
    emit(&a, OP_LOAD_INT, 9);
    emit(&a, OP_STORE_REG, 1);
    emit(&a, OP_NEW, 0, 1, 1);
    emit(&a, OP_STORE_REG, 2);
    emit(&a, OP_LOAD_REG, 0);
    emit(&a, OP_INSTANCEOF, 2);
    uint32_t bad = emit(&a, OP_JUMP_IF_FALSE, 0);
    emit(&a, OP_GET_NAMED, 2, asm_atom(&a, "v"), 0);
    emit(&a, OP_RETURN);
    uint32_t fail = emit(&a, OP_LOAD_INT, -1);
    emit(&a, OP_RETURN);
    patch_jump(&a, bad, fail);
    ASSERT_DOUBLE_EQ(number_of(run_code(asm_end(&a, 0))), 9);

    /* class A {}; class B extends A {}; new B() instanceof A; B() throws */
    asm_begin(&a, 6, 0);
    emit(&a, OP_LOAD_HOLE);
    emit(&a, OP_STORE_REG, 2);
    emit(&a, OP_CREATE_CLASS, 1, asm_default_constructor(&a, false), 2);
    emit(&a, OP_STORE_REG, 0);                 /* A */
    emit(&a, OP_CREATE_CLASS, 3, asm_default_constructor(&a, true), 0);
    emit(&a, OP_STORE_REG, 4);                 /* B extends A */
    emit(&a, OP_NEW, 4, 5, 0);
    emit(&a, OP_STORE_REG, 5);
    emit(&a, OP_LOAD_REG, 0);
    emit(&a, OP_INSTANCEOF, 5);
    emit(&a, OP_RETURN);
    ASSERT(run_code(asm_end(&a, 0)) == VALUE_TRUE);

    asm_begin(&a, 3, 0);
    emit(&a, OP_LOAD_HOLE);
    emit(&a, OP_STORE_REG, 2);
    emit(&a, OP_CREATE_CLASS, 1, asm_default_constructor(&a, false), 2);
    emit(&a, OP_STORE_REG, 0);
    emit(&a, OP_CALL, 0, 1, 1, 0);
    emit(&a, OP_RETURN);
    ASSERT(value_is_exception(run_code(asm_end(&a, 0))));
    ASSERT_STR_EQ(exception_message(), "Class constructor  cannot be invoked without 'new'");
}

/* ---- Operators on their own ---- */

static void test_operators(void)
{
    String *one = string_from_cstr(vm, "1");
    gc_pin(vm->heap, (GCCell *)one);
    Value s1 = value_from_string(one);
    ASSERT_EQ(value_is_loosely_equal(vm, s1, value_from_int32(1)), 1);
    ASSERT_EQ(value_is_loosely_equal(vm, VALUE_NULL, VALUE_UNDEFINED), 1);
    ASSERT_EQ(value_is_loosely_equal(vm, VALUE_NULL, value_from_int32(0)), 0);
    ASSERT_EQ(value_is_loosely_equal(vm, VALUE_TRUE, s1), 1);
    ASSERT_EQ(value_is_loosely_equal(vm, VALUE_CANONICAL_NAN, VALUE_CANONICAL_NAN), 0);
    ASSERT_EQ(value_is_strictly_equal(vm, s1, value_from_int32(1)), 0);
    ASSERT_EQ(value_is_strictly_equal(vm, value_from_double(1.0), value_from_int32(1)), 1);
    ASSERT_EQ(value_same_value(vm, value_from_double(-0.0), value_from_int32(0)), 0);
    ASSERT_EQ(value_is_less_than(vm, value_from_int32(1), VALUE_CANONICAL_NAN, true), LESS_THAN_UNDEFINED);
    ASSERT_EQ(value_is_less_than(vm, s1, value_from_int32(2), true), 1);
    ASSERT_EQ(number_to_int32(4294967296.0 + 5), 5);
    ASSERT_EQ(number_to_int32(-2147483649.0), 2147483647);
    ASSERT_EQ(number_to_int32(NAN), 0);
    ASSERT(value_to_boolean(s1));
    ASSERT(!value_to_boolean(value_from_double(-0.0)));
    double d;
    ASSERT(value_to_number(vm, s1, &d) && d == 1);
    ASSERT(value_to_number(vm, VALUE_UNDEFINED, &d) && d != d);
    ASSERT_STR_EQ(text_of(operator_typeof(vm, VALUE_NULL)), "object");
    ASSERT_STR_EQ(text_of(operator_typeof(vm, s1)), "string");
    Value exp = number_binary(BINARY_EXP, 1, INFINITY);
    ASSERT(number_of(exp) != number_of(exp));
    ASSERT_DOUBLE_EQ(number_of(number_binary(BINARY_MOD, -1, 1)), -0.0);
    ASSERT(signbit(number_of(number_binary(BINARY_MOD, -1, 1))));
    gc_unpin(vm->heap, (GCCell *)one);
}


/* ---- Part 2: programs through the parser and the compiler ---- */

/* Compiles and runs src as a script named "test.js", in a realm of its
 * own (so that top-level let and class declarations do not collide). */
static Value eval_js(const char *src)
{
    realm_free(vm, vm->realm);
    if (!realm_new(vm))
        return VALUE_EXCEPTION;
    Arena arena;
    arena_init(&arena);
    ParseOptions parse_options = { 0 };
    ParseError parse_error;
    uint32_t length = (uint32_t)strlen(src);
    Node *program = parse_program(&arena, src, length, &parse_options, &parse_error);
    FunctionCode *code = program ? compile_program(vm, program, src, length, "test.js") : NULL;
    arena_free(&arena);
    if (!code) {
        fprintf(stderr, "cannot compile: %s\n    %s\n", program ? "compile error" : parse_error.message, src);
        if (vm->has_exception)
            vm_take_exception(vm);
        return VALUE_EXCEPTION;
    }
    return run_code(code);
}

#define EXPECT_NUMBER(src, expected) do {                                                          \
        Value r_ = eval_js(src);                                                                    \
        if (!test_check(number_of(r_) == (expected), __FILE__, __LINE__, src))                      \
            fprintf(stderr, "    got %s%s\n", value_is_exception(r_) ? "exception: " : "",       \
                    value_is_exception(r_) ? property_text(last_exception, "stack") : text_of(r_)); \
    } while (0)

#define EXPECT_STRING(src, expected) do {                                                          \
        Value r_ = eval_js(src);                                                                    \
        if (!test_check(strcmp(text_of(r_), expected) == 0, __FILE__, __LINE__, src))               \
            fprintf(stderr, "    got \"%s\"%s%s\n", text_of(r_), value_is_exception(r_) ? " exception: " : "", \
                    value_is_exception(r_) ? property_text(last_exception, "stack") : "");          \
    } while (0)

#define EXPECT_TRUE(src) do {                                                                      \
        Value r_ = eval_js(src);                                                                    \
        if (!test_check(r_ == VALUE_TRUE, __FILE__, __LINE__, src))                                 \
            fprintf(stderr, "%s%s\n", value_is_exception(r_) ? "    exception: " : "",             \
                    value_is_exception(r_) ? property_text(last_exception, "stack") : "");          \
    } while (0)

static void test_programs_basic(void)
{
    EXPECT_NUMBER("1 + 2 * 3", 7);
    EXPECT_NUMBER("let s = 0; for (let i = 0; i < 10; i++) s += i; s", 45);
    EXPECT_NUMBER("var n = 0; while (n < 100) { n += 7; if (n > 50) break; } n", 56);
    EXPECT_NUMBER("function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); } fib(15)", 610);
    EXPECT_NUMBER("function counter() { let n = 0; return () => ++n; } let c = counter(); c(); c(); c()", 3);
    EXPECT_NUMBER("let fs = []; for (let i = 0; i < 3; i++) fs.push = 0; 7", 7);
    EXPECT_NUMBER("let o = {a: 1, b: {c: 2}}; o.a + o.b.c", 3);
    EXPECT_NUMBER("let a = [1, 2, 3]; a[0] + a.length", 4);
    EXPECT_NUMBER("let a = []; a[0] = 5; a[1] = 6; a.length * 10 + a[1]", 26);
    EXPECT_STRING("'ab' + 'cd' + 1", "abcd1");
    EXPECT_STRING("`x${1 + 1}y`", "x2y");
    EXPECT_STRING("typeof undefinedThing + typeof 1 + typeof {} + typeof (() => 1)", "undefinednumberobjectfunction");
    EXPECT_TRUE("null == undefined && '1' == 1 && !(NaN == NaN) && 0 === -0 && '10' > '9' === false");
    EXPECT_NUMBER("let o = { valueOf() { return 41; } }; o + 1", 42);
    EXPECT_STRING("'' + { toString() { return 'x'; } }", "x");
    EXPECT_NUMBER("let x = 0; switch (3) { case 1: x = 1; break; case 3: x = 3; case 4: x += 1; break; default: x = 9; } x", 4);
    EXPECT_NUMBER("let t = 0; outer: for (let i = 0; i < 5; i++) { for (let j = 0; j < 5; j++) { if (j == 2) continue outer; if (i == 3) break outer; t++; } } t", 6);
    EXPECT_NUMBER("let o = { get x() { return this._x * 2; }, set x(v) { this._x = v; } }; o.x = 4; o.x", 8);
    EXPECT_TRUE("function f() { return this; } f() === globalThis");
    EXPECT_TRUE("'use strict'; function f() { return this; } f() === undefined");
    EXPECT_NUMBER("let {a, b: [c]} = {a: 1, b: [2]}; a + c", 3);
    EXPECT_NUMBER("let [x, , y = 5, ...z] = [1, 2, undefined, 4, 6]; x + y + z.length", 8);
}

static void test_programs_functions(void)
{
    EXPECT_NUMBER("function f(a, b, c) { return a + b + c; } f(...[1, 2, 3])", 6);
    EXPECT_NUMBER("function f(...r) { return r.length + arguments.length; } f(1, 2)", 4);
    EXPECT_NUMBER("function f(a, b = a + 1) { return b; } f(1)", 2);
    EXPECT_NUMBER("function F(x) { this.x = x; } F.prototype.get = function () { return this.x; }; new F(7).get()", 7);
    EXPECT_TRUE("function F() { return new.target === F; } new F() instanceof F && !F()");
    EXPECT_NUMBER("let t = 0; for (const x of [1, 2, 3]) t += x; t", 6);
    EXPECT_STRING("let o = {a: 1, b: 2}; let k = ''; for (let p in o) k += p; k", "ab");
    EXPECT_STRING("let k = ''; for (let i in [5, 6]) k += i; k", "01");
    EXPECT_NUMBER("let o = {...{a: 1, b: 2}, c: 3}; o.a + o.b + o.c", 6);
    EXPECT_NUMBER("let {a, ...rest} = {a: 1, b: 2, c: 3}; rest.b + rest.c", 5);
    EXPECT_NUMBER("[1, 2, ...[3, 4]].length", 4);
    EXPECT_STRING("function tag(s, v) { return s.raw[0] + v + s[1]; } tag`a${1}b`", "a1b");
    EXPECT_NUMBER("function outer() { let x = 1; function inner() { return x + 1; } x = 10; return inner(); } outer()", 11);
    EXPECT_STRING("(function named() {}).name + (() => 1).name + (function () {}).length", "named0");
    EXPECT_NUMBER("let o = { f() { return 1; }, ['g' + 1]() { return 2; } }; o.f() + o.g1()", 3);
}

static void test_programs_classes(void)
{
    EXPECT_NUMBER("class A { constructor(x) { this.x = x; } get double() { return this.x * 2; } }"
                  "class B extends A { constructor() { super(21); } } new B().double", 42);
    EXPECT_NUMBER("class C { x = 5; y = this.x + 1; } new C().y", 6);
    EXPECT_NUMBER("class A { m() { return 1; } } class B extends A { m() { return super.m() + 1; } } new B().m()", 2);
    EXPECT_NUMBER("class A { static s() { return 3; } } class B extends A {} B.s()", 3);
    EXPECT_TRUE("class A {} class B extends A {} new B() instanceof A");
    EXPECT_STRING("class A {} try { A(); } catch (e) { e.message }", "Class constructor A cannot be invoked without 'new'");
    EXPECT_STRING("class A {} A.name", "A");
    EXPECT_STRING("class A {} class B extends A { constructor() { this.x = 1; } } try { new B(); } catch (e) { e.constructor.name }",
                  "ReferenceError");
}

static void test_programs_errors(void)
{
    EXPECT_TRUE("try { null.x; } catch (e) { e instanceof TypeError }");
    EXPECT_NUMBER("try { throw 5; } catch (e) { e * 2 } finally { }", 10);
    EXPECT_NUMBER("function f() { try { return 1; } finally { g = 2; } } var g = 0; f() + g", 3);
    EXPECT_STRING("try { undefinedVar; } catch (e) { e.message }", "undefinedVar is not defined");
    EXPECT_STRING("const x = 1; try { x = 2; } catch (e) { e.message }", "Assignment to constant variable.");
    EXPECT_STRING("let o = {}; try { o.foo(); } catch (e) { e.message }", "o.foo is not a function");
    EXPECT_STRING("try { undefined.x; } catch (e) { e.message }", "Cannot read properties of undefined (reading 'x')");
    EXPECT_TRUE("function f() { return f(); } try { f(); } catch (e) { e instanceof RangeError }");
    EXPECT_STRING("function f() { return f(); } try { f(); } catch (e) { e.message }", "Maximum call stack size exceeded");
    EXPECT_STRING("new Error('boom', { cause: 1 }).message + new TypeError('x').name", "boomTypeError");
    EXPECT_STRING("'' + new RangeError('r')", "RangeError: r");
    EXPECT_STRING("function thrower() { throw new Error('boom'); }\n"
                  "try { thrower(); } catch (e) { e.stack }",
                  "Error: boom\n    at thrower (test.js:1:28)\n    at Object.<anonymous> (test.js:2:7)");
}

static void test_programs_globals(void)
{
    EXPECT_STRING("globalThis.y = 1; function f() { return y; } f(); f(); delete globalThis.y;"
                  "try { f(); } catch (e) { e.message }", "y is not defined");
    EXPECT_NUMBER("var s = 0; for (var i = 0; i < 100; i++) s += i; s", 4950);
    EXPECT_STRING("const c = 1; function f() { c = 2; } try { f(); f(); } catch (e) { e.message }",
                  "Assignment to constant variable.");
    EXPECT_NUMBER("Object.defineProperty(globalThis, 'ro', { value: 1, writable: false }); function f() { ro = 5; return ro; } f(); f()", 1);
}

static void test_programs_generators(void)
{
    EXPECT_STRING("function* g(a) { const x = yield a + 1; try { yield x * 2; } finally { log += 'f'; } return 'end'; }"
                  "var log = ''; const it = g(1); let r = it.next().value + ',' + it.next(10).value + ',';"
                  "let last = it.next(); r + last.value + last.done + log + it.next().done", "2,20,endtrueftrue");
    EXPECT_NUMBER("function* count(n) { for (let i = 0; i < n; i++) yield i; } let t = 0; for (const v of count(5)) t += v; t", 10);
    EXPECT_NUMBER("function* inner() { yield 1; yield 2; } function* outer() { yield* inner(); yield 3; } [...outer()].length", 3);
    EXPECT_STRING("function* g() { try { yield 1; } catch (e) { yield 'caught ' + e; } } const i = g(); i.next(); i.throw('x').value",
                  "caught x");
    EXPECT_TRUE("function* g() { yield 1; } const i = g(); i.return(5).value === 5 && i.next().done");
    EXPECT_STRING("function* g() { yield 1; } Object.prototype.toString.call(g())", "[object Generator]");
}

/* Built-in holders are made on first use (vm/lazy_holder.c): deferred in a
 * new realm, made by the first look at their own properties, and the same
 * afterwards as if they had been made with the realm. */
static void test_programs_lazy_holders(void)
{
    Value result = eval_js("Math");
    ASSERT(value_is_object(result));
    if (!value_is_object(result))
        return;
    Object *math = value_as_object(result);
    ASSERT(math->class_ != &ordinary_object_class);   /* a lazy copy of it */
    String *floor_key = atom_from_cstr(vm, "floor");
    ASSERT(floor_key != NULL);
    Value floor = object_get(vm, math, value_from_string(floor_key), result);
    ASSERT(value_is_callable(floor));
    ASSERT(math->class_ == &ordinary_object_class);
    ASSERT(realm_install_deferred(vm, vm->realm));
    EXPECT_STRING("Object.getOwnPropertyNames(Math).slice(0, 3).join()", "abs,acos,acosh");
    EXPECT_TRUE("Object.isFrozen(Object.freeze(JSON)) && typeof JSON.parse === 'function'");
    EXPECT_TRUE("Object.setPrototypeOf(Math, null) === Math && Object.getPrototypeOf(Math) === null &&"
                " typeof Math.max === 'function'");
    EXPECT_TRUE("'floor' in Math && delete Math.floor && !('floor' in Math) && Math.ceil(1.5) === 2");
    EXPECT_TRUE("new Date(0).getTime() === 0 && Date.length === 7 && typeof Date.now === 'function'");
    EXPECT_TRUE("Object.getOwnPropertyDescriptor(Symbol, 'iterator').value === Symbol.iterator");
    EXPECT_TRUE("Object.prototype.toString.call(Promise.prototype) === '[object Promise]'");
    EXPECT_TRUE("JSON.stringify(Object.keys(JSON)) === '[]' && RegExp.prototype.flags === ''");
    EXPECT_TRUE("Object.preventExtensions(BigInt.prototype) && !Object.isExtensible(BigInt.prototype) &&"
                " (5n).toString() === '5'");
}

static void run_all(bool stress)
{
    GCOptions options = { .stress = stress };
    vm = vm_new(&options);
    ASSERT(realm_new(vm) != NULL);
    if (!vm->realm)
        return;
    RUN_TEST(test_arithmetic);
    RUN_TEST(test_loop);
    RUN_TEST(test_calls);
    RUN_TEST(test_recursion);
    RUN_TEST(test_exceptions);
    RUN_TEST(test_stack_overflow);
    RUN_TEST(test_objects);
    RUN_TEST(test_construct);
    RUN_TEST(test_operators);
    RUN_TEST(test_programs_basic);
    RUN_TEST(test_programs_functions);
    RUN_TEST(test_programs_classes);
    RUN_TEST(test_programs_errors);
    RUN_TEST(test_programs_generators);
    RUN_TEST(test_programs_globals);
    RUN_TEST(test_programs_lazy_holders);
    unpin_value(last_result);
    unpin_value(last_exception);
    last_result = last_exception = VALUE_UNDEFINED;
    realm_free(vm, vm->realm);
    vm_free(vm);
}

int main(void)
{
    run_all(false);
    run_all(true);
    return TEST_SUMMARY();
}
