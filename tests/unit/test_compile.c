/*
 * Unit tests of the bytecode compiler (vm/compile*.c) and the disassembler
 * (vm/disasm.c): snippets are parsed, compiled, disassembled, and the
 * instruction sequences checked. Every test runs twice, the second time
 * with GCOptions.stress (a collection at every allocation), so that a
 * constant the compiler forgets to keep alive shows up under ASan.
 *
 * Standalone, from the repository root:
 *   gcc -std=gnu11 -Wall -Wextra -g -fsanitize=address,undefined -I. lexer/[a-z]*.c parser/[a-z]*.c
 *       gc/[a-z]*.c vm/[a-z]*.c tests/unit/test_compile.c -lm -o /tmp/test_compile && /tmp/test_compile
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE   /* configure defines it for the build; standalone builds need it for open_memstream */
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parser.h"
#include "tests/unit/test_main.h"
#include "vm/bytecode.h"
#include "vm/string.h"
#include "vm/vm.h"

static bool stress_mode;

/* The compact form of a disassembly: one "OPCODE operands" per
 * instruction, joined with "; ", pcs and line comments dropped, headers
 * kept as "== ... ==". */
static char *compact(const char *dump)
{
    char *out = calloc(strlen(dump) + 1, 1);
    char *w = out;
    for (const char *line = dump; *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        const char *p = line;
        if (len > 10 && p[0] == ' ' && p[4] >= '0' && p[4] <= '9') {
            p += 10;   /* "    0012  " */
            const char *comment = strstr(p, "; line");
            size_t n = comment && comment < line + len ? (size_t)(comment - p) : (size_t)(line + len - p);
            bool space = false;
            if (w != out)
                w += sprintf(w, "; ");
            for (size_t i = 0; i < n; i++) {
                if (p[i] == ' ') {
                    space = true;
                    continue;
                }
                if (space && w != out && w[-1] != ' ')
                    *w++ = ' ';
                space = false;
                *w++ = p[i];
            }
        } else if (len) {
            if (w != out)
                w += sprintf(w, "; ");
            memcpy(w, line, len);
            w += len;
        }
        line = end ? end + 1 : line + len;
    }
    *w = '\0';
    return out;
}

/* Compiles src as a script; returns the disassembly (malloc'd) or NULL
 * with the error message in error. */
static char *compile_dump(const char *src, bool is_module, char *error, size_t error_size)
{
    GCOptions options = { 0 };
    options.stress = stress_mode;
    VM *vm = vm_new(&options);
    Arena arena;
    arena_init(&arena);
    ParseOptions parse_options = { 0 };
    parse_options.is_module = is_module;
    ParseError parse_error;
    char *dump = NULL;
    Node *program = parse_program(&arena, src, (uint32_t)strlen(src), &parse_options, &parse_error);
    if (!program) {
        snprintf(error, error_size, "parse error: %s", parse_error.message);
    } else {
        FunctionCode *code = compile_program(vm, program, src, (uint32_t)strlen(src), "test.js");
        if (code) {
            size_t size;
            FILE *out = open_memstream(&dump, &size);
            bytecode_dump(out, vm, code);
            fclose(out);
        } else {
            Value e = vm_take_exception(vm);
            size_t len;
            char *message = value_is_string(e) ? string_to_utf8(value_as_string(e), &len) : NULL;
            snprintf(error, error_size, "%s", message ? message : "(no message)");
            free(message);
        }
    }
    arena_free(&arena);
    vm_free(vm);
    return dump;
}

/* The compact disassembly of src, or "ERROR: message". */
static char *compile_compact(const char *src)
{
    char error[512] = "";
    char *dump = compile_dump(src, false, error, sizeof error);
    if (!dump) {
        char *result = malloc(strlen(error) + 8);
        sprintf(result, "ERROR: %s", error);
        return result;
    }
    char *result = compact(dump);
    free(dump);
    return result;
}

/* Does the compact disassembly of src contain expected? */
#define EXPECT_CODE(src, expected) do { \
        char *code_ = compile_compact(src); \
        if (!test_check(strstr(code_, expected) != NULL, __FILE__, __LINE__, "code of " #src " contains " #expected)) \
            fprintf(stderr, "    code:     %s\n    expected: %s\n", code_, expected); \
        free(code_); \
    } while (0)

#define EXPECT_NO_CODE(src, unexpected) do { \
        char *code_ = compile_compact(src); \
        if (!test_check(strstr(code_, unexpected) == NULL, __FILE__, __LINE__, "code of " #src " lacks " #unexpected)) \
            fprintf(stderr, "    code:     %s\n", code_); \
        free(code_); \
    } while (0)

/* ---- Tests ---- */

static void test_literals_and_arithmetic(void)
{
    EXPECT_CODE("function f(a, b) { return a + b * 2; }", "LOAD_INT 2; MUL r1; ADD r0; RETURN");
    EXPECT_CODE("function f(a) { return a - 1.5; }", "LOAD_CONST 1.5; SUB r0; RETURN");
    EXPECT_CODE("function f() { return 'hi'; }", "LOAD_CONST \"hi\"; RETURN");
    EXPECT_CODE("function f() { return -0; }", "LOAD_INT 0; NEGATE");
    EXPECT_CODE("function f() { return null ?? true; }", "LOAD_NULL; JUMP_IF_NOT_NULLISH");
    EXPECT_CODE("function f(a) { return typeof a; }", "LOAD_REG r0; TYPEOF");
    EXPECT_CODE("function f() { return typeof nope; }", "LOAD_GLOBAL_OR_UNDEFINED \"nope\", k0; TYPEOF");
    EXPECT_CODE("function f() { return 10n; }", "LOAD_BIGINT \"10\"");
    EXPECT_CODE("function f() { return /a+/g; }", "CREATE_REGEXP \"a+\", \"g\"");
    /* the left operand is copied when the right side may assign it */
    EXPECT_CODE("function f(a) { return a + (a = 1); }", "LOAD_REG r0; STORE_REG r1; LOAD_INT 1; STORE_REG r0; ADD r1");
}

static void test_constants_are_deduplicated(void)
{
    EXPECT_CODE("function f() { return 'x' + 'x' + 'x'; }", "constants 1,");
    EXPECT_CODE("function f(o) { return o.a + o.a; }", "constants 1,");
}

static void test_globals_and_completion(void)
{
    EXPECT_CODE("var x = 1; x;", "DECLARE_GLOBALS <array>; LOAD_UNDEFINED; STORE_REG r0; LOAD_INT 1; STORE_GLOBAL \"x\", k0; "
                                 "LOAD_GLOBAL \"x\", k1; STORE_REG r0; RETURN");
    EXPECT_CODE("let y = 2;", "LOAD_INT 2; INIT_GLOBAL_LEXICAL \"y\"");
    EXPECT_CODE("const z = 2; z = 3;", "LOAD_INT 3; THROW_CONST_ASSIGN \"z\"");
    /* ES2025 14.6.2: an if statement's completion is never empty */
    EXPECT_CODE("1; if (true) {}", "LOAD_INT 1; STORE_REG r0; LOAD_UNDEFINED; STORE_REG r0");
    /* a finally block's value is not the completion value */
    EXPECT_CODE("try { 1 } finally { 2 }", "LOAD_INT 2; LOAD_INT 1; STRICT_EQ");
    EXPECT_CODE("function f() {} f();", "CREATE_CLOSURE <function \"f\">; STORE_GLOBAL \"f\", k0");
}

static void test_locals_and_closures(void)
{
    EXPECT_CODE("function f() { let x = 1; return x; }", "LOAD_INT 1; STORE_REG r0; RETURN");
    EXPECT_CODE("function f() { let x = 1; return () => x; }", "PUSH_ENV 1; LOAD_INT 1; STORE_ENV 0, 0; CREATE_CLOSURE");
    EXPECT_CODE("function f() { let x = 1; return () => x; }", "arrow ==; LOAD_ENV 0, 0; RETURN");
    /* a captured parameter moves to the environment */
    EXPECT_CODE("function f(a) { return () => a; }", "PUSH_ENV 1; LOAD_REG r0; STORE_ENV 0, 0");
    /* two levels: the inner function reaches one environment up */
    EXPECT_CODE("function f() { let a = 1; return function () { let b = 2; return () => a + b; }; }",
                "LOAD_ENV 1, 0; STORE_REG r0; LOAD_ENV 0, 0; ADD r0");
    /* a block's captured binding gets an environment of its own */
    EXPECT_CODE("function f() { { let a = 1; g(() => a); } }", "PUSH_ENV 1; LOAD_INT 1; STORE_ENV 0, 0");
    EXPECT_CODE("function f() { { let a = 1; g(() => a); } }", "POP_ENV");
    EXPECT_CODE("var g = function h() { return h; };", "LOAD_FUNCTION; STORE_REG r0; RETURN");
    EXPECT_CODE("function f() { return arguments.length; }", "CREATE_ARGUMENTS; STORE_REG r0; GET_NAMED r0, \"length\"");
}

static void test_tdz(void)
{
    /* a hoisted function may run before the initialization */
    EXPECT_CODE("function f() { g(); let x = 1; function g() { return x; } }", "LOAD_ENV 0, 0; CHECK_HOLE \"x\"");
    /* textually before the declaration in the same function */
    EXPECT_CODE("function f() { x; let x = 1; }", "LOAD_HOLE; STORE_REG r0; CHECK_HOLE \"x\"");
    /* after the initialization: no check */
    EXPECT_NO_CODE("function f() { let x = 1; return x; }", "CHECK_HOLE");
    EXPECT_NO_CODE("function f() { const x = 1; return () => x; }", "CHECK_HOLE");
    /* switch cases can run in any order */
    EXPECT_CODE("function f(k) { switch (k) { case 0: let y = 1; case 1: return y; } }", "CHECK_HOLE \"y\"");
}

static void test_control_flow(void)
{
    EXPECT_CODE("function f(a) { if (a) return 1; else return 2; }",
                "LOAD_REG r0; JUMP_IF_FALSE 0014; LOAD_INT 1; RETURN; LOAD_INT 2; RETURN");
    EXPECT_CODE("function f(a) { while (a) a--; }", "LOAD_REG r0; JUMP_IF_FALSE 0021; LOAD_REG r0; TO_NUMERIC; DEC; "
                                                   "STORE_REG r0; JUMP 0000");
    EXPECT_CODE("function f(a, b) { if (a && !b) g(); }", "LOAD_REG r0; JUMP_IF_FALSE 0037; LOAD_REG r1; JUMP_IF_TRUE 0037");
    EXPECT_CODE("function f() { do { g(); } while (false); }", "CALL r0, r1, r2, 0; LOAD_UNDEFINED; RETURN");
    EXPECT_CODE("function f() { for (let i = 0; i < 3; i++) g(() => i); }", "COPY_ENV");
    EXPECT_CODE("function f() { l: for (;;) { for (;;) { continue l; } } }", "JUMP 0000; JUMP 0000");
    EXPECT_CODE("function f(k) { switch (k) { case 1: return 'a'; default: return 'b'; } }",
                "LOAD_INT 1; STRICT_EQ r1; JUMP_IF_TRUE");
}

static void test_try_finally(void)
{
    EXPECT_CODE("function f() { try { g(); } catch (e) { return e; } }",
                "PUSH_HANDLER 0034, r0; LOAD_GLOBAL \"g\", k0");
    /* return through finally: completion kind 2, the value in a register */
    EXPECT_CODE("function f() { try { return 1; } finally { g(); } }",
                "LOAD_INT 1; STORE_REG r1; POP_HANDLER; LOAD_INT 2; STORE_REG r0; JUMP");
    EXPECT_CODE("function f() { try { return 1; } finally { g(); } }",
                "LOAD_INT 2; STRICT_EQ r0; JUMP_IF_FALSE");
    /* break through finally gets its own completion kind */
    EXPECT_CODE("function f() { for (;;) { try { break; } finally { g(); } } }", "LOAD_INT 3; STRICT_EQ r0");
}

static void test_iteration_and_patterns(void)
{
    EXPECT_CODE("function f(a) { for (const x of a) g(x); }", "LOAD_REG r0; GET_ITERATOR r2; JUMP 0049; PUSH_HANDLER 0065, r4; STORE_REG r1");
    EXPECT_CODE("function f(a) { for (const x of a) g(x); }", "POP_HANDLER; ITERATOR_NEXT r2; JUMP_IF_NOT_HOLE 0011; ITERATOR_CLOSE r2");
    EXPECT_CODE("function f(a) { for (const x of a) g(x); }", "ITERATOR_CLOSE_QUIET r2; LOAD_REG r4; THROW");
    EXPECT_CODE("function f(a) { for (const x of a) { return x; } }", "POP_HANDLER; STORE_REG r5; ITERATOR_CLOSE r2; LOAD_REG r5; RETURN");
    EXPECT_CODE("function f(o) { for (var k in o) g(k); }", "FOR_IN_PREPARE r2");
    EXPECT_CODE("function f(o) { const {a, b: [c] = []} = o; }", "LOAD_REG r0; STORE_REG r3; GET_NAMED r3, \"a\", k0; STORE_REG r1");
    EXPECT_CODE("function f(o) { const {a, ...rest} = o; }", "LOAD_CONST \"a\"; STORE_REG r5; GET_KEYED r3; STORE_REG r1; CREATE_OBJECT; STORE_REG r4; LOAD_REG r3; COPY_DATA_PROPERTIES r4, 1");
    EXPECT_CODE("function f(o) { let [x, , y] = o; }", "GET_ITERATOR r3");
    EXPECT_CODE("function f(a = 1, ...r) {}", "LOAD_REG r0; JUMP_IF_NOT_UNDEFINED 0013; LOAD_INT 1; STORE_REG r0; CREATE_REST 1");
    EXPECT_CODE("function f(a = 1, ...r) {}", "(params 0/1,");
}

static void test_objects_calls_members(void)
{
    EXPECT_CODE("function f(o) { return o.x.y; }", "GET_NAMED r0, \"x\", k0; STORE_REG r1; GET_NAMED r1, \"y\", k1");
    EXPECT_CODE("function f(o, k) { o[k] = 1; }", "LOAD_INT 1; SET_KEYED r0, r1");
    EXPECT_CODE("function f(o) { return o.m(1); }",
                "LOAD_REG r0; STORE_REG r2; GET_NAMED r2, \"m\", k0; STORE_REG r1; LOAD_INT 1; STORE_REG r3; CALL r1, r2, r3, 1");
    EXPECT_CODE("function f(a) { return g(...a); }", "CREATE_ARRAY r3, 0; STORE_REG r3; LOAD_REG r0; ARRAY_SPREAD r3; CALL_SPREAD r1, r2, r3");
    EXPECT_CODE("function f(C) { return new C(1); }", "NEW r1, r2, 1");
    EXPECT_CODE("function f() { return {a: 1, [k]: 2, ...o}; }", "DEFINE_NAMED r0, \"a\"");
    EXPECT_CODE("function f() { return {0: 1}; }", "DEFINE_FIELD r0, r1");
    EXPECT_CODE("function f() { return {m() {}}; }", "SET_HOME_OBJECT r0");
    EXPECT_CODE("function f() { return [1, , 3]; }", "LOAD_HOLE; STORE_REG r1; LOAD_INT 3; STORE_REG r2; CREATE_ARRAY r0, 3");
    EXPECT_CODE("function f(a) { return a?.b.c; }", "LOAD_REG r0; JUMP_IF_NULLISH");
    EXPECT_CODE("function f(a) { return a?.b.c; }", "GET_NAMED r1, \"c\", k1; JUMP 0031; LOAD_UNDEFINED; RETURN");
    EXPECT_CODE("function f(a) { a.x += 1; }", "GET_NAMED r0, \"x\", k0; STORE_REG r1; LOAD_INT 1; ADD r1; SET_NAMED r0, \"x\", k1");
    EXPECT_CODE("function f(b) { return `a${b}c`; }", "LOAD_REG r0; TO_STRING; ADD r1");
    EXPECT_CODE("function f() { return eval('1'); }", "CALL_EVAL");
    EXPECT_CODE("var f = () => 1;", "<function \"f\">");
}

static void test_classes(void)
{
    EXPECT_CODE("class A { m() {} }", "CREATE_CLASS r3, <function anonymous>, r4");
    EXPECT_CODE("class A { m() {} }", "LOAD_CONST \"m\"; STORE_REG r5; CREATE_CLOSURE <function \"m\">; DEFINE_METHOD r3, r5");
    EXPECT_CODE("class A extends B { constructor() { super(); } }", "SUPER_CALL");
    EXPECT_CODE("class A { #x = 1; get() { return this.#x; } }", "CREATE_PRIVATE_NAME \"x\"");
    EXPECT_CODE("class A { #x = 1; get() { return this.#x; } }", "PRIVATE_GET r0");
    EXPECT_CODE("class A { #x = 1; get() { return this.#x; } }", "SET_CLASS_FIELDS");
    EXPECT_CODE("class A { static s = 1; }", "DEFINE_FIELD r2, r8");
    EXPECT_CODE("class A { static { this.x = 1; } }", "SET_NAMED r0, \"x\"");
}

static void test_generators(void)
{
    EXPECT_CODE("function* g() { yield 1; }", "GENERATOR_START; LOAD_INT 1; YIELD; STORE_REG r0; RESUME_KIND");
    EXPECT_CODE("async function f(p) { return await p; }", "LOAD_REG r0; AWAIT; ASYNC_RETURN");
}

static void test_more_forms(void)
{
    /* Annex B.3.2: a sloppy block function is also assigned to a var */
    EXPECT_CODE("function f() { { function g() {} } return g; }", "CREATE_CLOSURE <function \"g\">; STORE_REG r1; STORE_REG r0");
    EXPECT_CODE("{ function h() {} }", "STORE_GLOBAL \"h\"");
    EXPECT_CODE("'use strict'; function f() { { function g() {} } }", "== \"f\" function (params 0/0, registers 1,");
    EXPECT_CODE("async function f(a) { for await (const x of a) g(x); }", "GET_ASYNC_ITERATOR r2; MOVE r6, r3; MOVE r7, r2; CALL r6, r7, r8, 0; AWAIT");
    EXPECT_CODE("async function* f(a) { yield* a; }", "GET_ASYNC_ITERATOR");
    EXPECT_CODE("function f(s) { return import(s); }", "LOAD_REG r0; IMPORT_DYNAMIC -");
    EXPECT_CODE("f() = 1;", "LOAD_INT 1; THROW_ERROR 3, \"Invalid left-hand side in assignment\"");
    EXPECT_CODE("class A { #m() {} n() { return this.#m(); } }", "PRIVATE_DEFINE_METHOD r0, r1");
    EXPECT_CODE("class A { get #a() { return 1; } set #a(v) {} }", "PRIVATE_DEFINE_ACCESSOR r0, r1, r2");
    EXPECT_CODE("function f(o) { return #x in o; }", "ERROR");   /* #x undeclared: the parser rejects it */
    EXPECT_CODE("class A { #x; has(o) { return #x in o; } }", "PRIVATE_IN r1");
    EXPECT_CODE("function f() { x = 1; }", "LOAD_INT 1; STORE_GLOBAL \"x\", k0");
    EXPECT_CODE("label: { break label; }", "JUMP");
    EXPECT_CODE("var o = {get a() { return 1; }, set a(v) {}};", "DEFINE_GETTER r1, r2");
}

static void test_errors(void)
{
    EXPECT_CODE("with (o) {}", "ERROR: the with statement is not supported yet (line 1)");
}

/* A module: its bindings live in the module Environment, imports are read
 * with LOAD_IMPORT, and the body runs after GENERATOR_START (vm/module.h). */
static void test_module(void)
{
    char error[256] = "";
    char *dump = compile_dump("import x from 'y';\nexport let z = x;\n", true, error, sizeof error);
    ASSERT(dump != NULL);
    if (dump) {
        ASSERT(strstr(dump, "PUSH_ENV") != NULL);
        ASSERT(strstr(dump, "GENERATOR_START") != NULL);
        ASSERT(strstr(dump, "LOAD_IMPORT") != NULL);
    }
    free(dump);
}

static void test_disassembly_format(void)
{
    char error[256] = "";
    char *dump = compile_dump("function add(a, b) {\n  return a + b;\n}\n", false, error, sizeof error);
    ASSERT(dump != NULL);
    if (dump) {
        ASSERT(strstr(dump, "== \"add\" function (params 2/2, registers 2, constants 0, caches 0, env 0) ==\n") != NULL);
        ASSERT(strstr(dump, "    0000  LOAD_REG                  r1") != NULL);
        ASSERT(strstr(dump, "; line 2\n") != NULL);
    }
    free(dump);
}

static void run_all(void)
{
    RUN_TEST(test_literals_and_arithmetic);
    RUN_TEST(test_constants_are_deduplicated);
    RUN_TEST(test_globals_and_completion);
    RUN_TEST(test_locals_and_closures);
    RUN_TEST(test_tdz);
    RUN_TEST(test_control_flow);
    RUN_TEST(test_try_finally);
    RUN_TEST(test_iteration_and_patterns);
    RUN_TEST(test_objects_calls_members);
    RUN_TEST(test_classes);
    RUN_TEST(test_generators);
    RUN_TEST(test_more_forms);
    RUN_TEST(test_errors);
    RUN_TEST(test_module);
    RUN_TEST(test_disassembly_format);
}

int main(void)
{
    run_all();
    stress_mode = true;
    run_all();
    return TEST_SUMMARY();
}
