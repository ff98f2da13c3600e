/*
 * Unit tests of the parser: AST shapes and positions, scopes, error
 * messages and positions, and robustness (deep nesting fails cleanly with a
 * RangeError instead of overflowing the C stack). test262 covers the grammar
 * and the early errors exhaustively; these pin down what test262 cannot see.
 */
#include <stdlib.h>
#include <string.h>

#include "parser/parser.h"
#include "parser/scope.h"
#include "tests/unit/test_main.h"

static Arena arena;
static ParseError error;

static Node *parse_with(const char *src, bool is_module, bool is_commonjs)
{
    arena_free(&arena);
    arena_init(&arena);
    ParseOptions options = { .is_module = is_module, .is_strict = false, .is_commonjs = is_commonjs };
    return parse_program(&arena, src, (uint32_t)strlen(src), &options, &error);
}

static Node *parse(const char *src)
{
    return parse_with(src, false, false);
}

static Node *first_statement(const char *src)
{
    Node *program = parse(src);
    if (!program || program->as.program.body.count == 0)
        return NULL;
    return program->as.program.body.items[0];
}

static void test_expression_shapes(void)
{
    Node *stmt = first_statement("a + b * c;");
    ASSERT(stmt != NULL);
    Node *sum = stmt->as.expression_stmt.expression;
    ASSERT_EQ(sum->kind, AST_BINARY_EXPR);
    ASSERT_EQ(sum->as.binary.op, T_PLUS);
    ASSERT_EQ(sum->as.binary.right->kind, AST_BINARY_EXPR);
    ASSERT_EQ(sum->as.binary.right->as.binary.op, T_STAR);

    stmt = first_statement("2 ** 3 ** 2;");
    Node *power = stmt->as.expression_stmt.expression;
    ASSERT_EQ(power->as.binary.op, T_STAR_STAR);
    ASSERT_EQ(power->as.binary.left->kind, AST_NUMBER_LITERAL);       /* right-associative */
    ASSERT_EQ(power->as.binary.right->kind, AST_BINARY_EXPR);

    stmt = first_statement("a?.b.c();");
    ASSERT_EQ(stmt->as.expression_stmt.expression->kind, AST_OPTIONAL_CHAIN);

    stmt = first_statement("[a, b] = [b, a];");
    Node *assign = stmt->as.expression_stmt.expression;
    ASSERT_EQ(assign->kind, AST_ASSIGN_EXPR);
    ASSERT_EQ(assign->as.binary.left->kind, AST_ARRAY_PATTERN);

    stmt = first_statement("(a, b) => a;");
    Node *arrow = stmt->as.expression_stmt.expression;
    ASSERT_EQ(arrow->kind, AST_ARROW_FUNCTION);
    ASSERT_EQ(arrow->as.function.params.count, 2);
    ASSERT(arrow->flags & NF_EXPRESSION_BODY);

    stmt = first_statement("(a);");
    ASSERT(stmt->as.expression_stmt.expression->flags & NF_PARENTHESIZED);
}

static void test_positions(void)
{
    Node *program = parse("let x = 1;\n  foo(\"\xF0\x9F\x98\x80\", bar);");
    ASSERT(program != NULL);
    Node *call = program->as.program.body.items[1]->as.expression_stmt.expression;
    ASSERT_EQ(call->line, 2);
    ASSERT_EQ(call->col, 2);
    Node *bar = call->as.call.arguments.items[1];
    /* the emoji is one character but two UTF-16 code units: bar is at column 12 */
    ASSERT_EQ(bar->line, 2);
    ASSERT_EQ(bar->col, 12);
    ASSERT_EQ(bar->end - bar->start, 3);
}

static void test_scopes(void)
{
    Node *program = parse("var a; let b; function f(p) { var c; { let d; } }");
    ASSERT(program != NULL);
    Scope *top = program->as.program.scope;
    ASSERT_EQ(top->kind, SCOPE_SCRIPT);
    AstName a = { "a", 1 }, b = { "b", 1 }, f = { "f", 1 }, p = { "p", 1 };
    ASSERT(scope_find(top, a) && scope_find(top, a)->kind == DECL_VAR);
    ASSERT(scope_find(top, b) && scope_find(top, b)->kind == DECL_LET);
    ASSERT(scope_find(top, f) && scope_find(top, f)->kind == DECL_VAR_FUNCTION);
    Node *fn = program->as.program.body.items[2];
    ASSERT(scope_find(fn->as.function.scope, p) && scope_find(fn->as.function.scope, p)->kind == DECL_PARAM);
}

static void expect_error(const char *src, const char *message, uint32_t line, uint32_t col)
{
    Node *program = parse(src);
    ASSERT(program == NULL);
    if (program)
        return;
    ASSERT_STR_EQ(error.message, message);
    ASSERT_EQ(error.line, line);
    ASSERT_EQ(error.col, col);
}

static void test_errors(void)
{
    expect_error("let x = 1;\nlet x = 2;", "Identifier 'x' has already been declared", 2, 4);
    expect_error("a b", "Unexpected identifier 'b'", 1, 2);
    expect_error("if (x) {", "Unexpected end of input", 1, 8);
    expect_error("'use strict'; with (a) {}", "Strict mode code may not include a with statement", 1, 14);
    expect_error("function f(a = 1) { 'use strict'; }",
                 "Illegal 'use strict' directive in function with non-simple parameter list", 1, 20);
    expect_error("class A { #x; m() { this.#y; } }", "Private field '#y' must be declared in an enclosing class", 1, 25);
    expect_error("return 1;", "Illegal return statement", 1, 0);
    ASSERT(parse_with("return 1;", false, true) != NULL);    /* CommonJS wraps the file in a function */
    expect_error("/(/", "Invalid regular expression: /(/: Unterminated group", 1, 0);
    ASSERT_STR_EQ(error.name, "SyntaxError");
}

/* prefix + open * depth + middle + close * depth + suffix */
static char *nest(const char *const parts[5], int depth)
{
    size_t lens[5];
    for (int i = 0; i < 5; i++)
        lens[i] = strlen(parts[i]);
    char *src = malloc(lens[0] + depth * (lens[1] + lens[3]) + lens[2] + lens[4] + 1);
    char *out = src;
    memcpy(out, parts[0], lens[0]);
    out += lens[0];
    for (int i = 0; i < depth; i++, out += lens[1])
        memcpy(out, parts[1], lens[1]);
    memcpy(out, parts[2], lens[2]);
    out += lens[2];
    for (int i = 0; i < depth; i++, out += lens[3])
        memcpy(out, parts[3], lens[3]);
    memcpy(out, parts[4], lens[4] + 1);
    return src;
}

/* 100,000 levels of any nesting construct: a RangeError, never a crash. */
static void test_deep_nesting(void)
{
    static const char *const cases[][5] = {
        { "", "(", "1", ")", "" }, { "", "[", "", "]", "" }, { "", "{", "", "}", "" },
        { "", "`${", "1", "}`", "" }, { "x=", "{a:", "1", "}", "" }, { "", "function f(){", "", "}", "" },
        { "", "x=>", "1", "", "" }, { "", "!", "1", "", "" }, { "", "a?", "b", ":c", "" },
        { "", "if(1)", ";", "", "" }, { "", "new ", "x", "", "" }, { "", "a=", "1", "", "" },
        { "", "class A extends ", "B", "{}", "" }, { "var ", "[", "a", "]", "=1" }, { "", "- ", "1", "", "" },
        { "", "async()=>", "1", "", "" }, { "", "[", "a", "]", "=1" }, { "", "({a:", "b", "})", "" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *src = nest(cases[i], 100000);
        Node *program = parse(src);
        ASSERT(program == NULL);
        if (!program) {
            ASSERT_STR_EQ(error.name, "RangeError");
            ASSERT_STR_EQ(error.message, "Maximum call stack size exceeded");
        }
        free(src);
        /* and a moderate depth parses */
        src = nest(cases[i], 300);
        ASSERT(parse(src) != NULL);
        free(src);
    }
}

static void test_long_flat_inputs(void)
{
    /* long but flat: 200,000 statements and a 100,000-term sum */
    size_t n = 200000;
    char *src = malloc(n * 4 + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(src + i * 4, "x++;", 4);
    src[n * 4] = 0;
    Node *program = parse(src);
    ASSERT(program != NULL);
    if (program)
        ASSERT_EQ(program->as.program.body.count, n);
    free(src);
    n = 100000;
    src = malloc(n * 2 + 2);
    src[0] = '1';
    for (size_t i = 0; i < n; i++)
        memcpy(src + 1 + i * 2, "+1", 2);
    src[1 + n * 2] = 0;
    ASSERT(parse(src) != NULL);
    free(src);
}

int main(void)
{
    arena_init(&arena);
    RUN_TEST(test_expression_shapes);
    RUN_TEST(test_positions);
    RUN_TEST(test_scopes);
    RUN_TEST(test_errors);
    RUN_TEST(test_deep_nesting);
    RUN_TEST(test_long_flat_inputs);
    arena_free(&arena);
    return TEST_SUMMARY();
}
