// Unit tests of the lexer (lexer/). Standalone, from the repository root:
//   gcc -std=c11 -I. lexer/*.c tests/unit/test_lexer.c -lm -o /tmp/test_lexer && /tmp/test_lexer
/*
 * Every source is copied into a heap buffer of exactly its length, so that
 * a sanitizer catches any read past the end (sources are not NUL-terminated).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/lexer.h"
#include "lexer/token_dump.h"
#include "lexer/utf8.h"

#include "tests/unit/test_main.h"

#define ASSERT_TRUE(x) CHECK((x), "expected %s", #x)
#define ASSERT_INT(actual, expected)                                         \
    do {                                                                     \
        long long a_ = (long long)(actual), e_ = (long long)(expected);      \
        CHECK(a_ == e_, "%s: got %lld, expected %lld", #actual, a_, e_);     \
    } while (0)
#define ASSERT_STR(actual, expected)                                         \
    do {                                                                     \
        const char *a_ = (actual), *e_ = (expected);                         \
        CHECK(a_ && strcmp(a_, e_) == 0, "%s: got \"%s\", expected \"%s\"", \
              #actual, a_ ? a_ : "(null)", e_);                              \
    } while (0)
#define ASSERT_DOUBLE(actual, expected)                                      \
    do {                                                                     \
        double a_ = (actual), e_ = (expected);                               \
        CHECK(a_ == e_, "%s: got %.17g, expected %.17g", #actual, a_, e_);   \
    } while (0)
#define ASSERT_TYPE(actual, expected)                                        \
    do {                                                                     \
        TokenType a_ = (actual), e_ = (expected);                            \
        CHECK(a_ == e_, "%s: got %s, expected %s", #actual,                  \
              token_type_name(a_), token_type_name(e_));                     \
    } while (0)

/* ---- Helpers ---- */

static Arena arena;
static Lexer lexer;
static char *source;   /* exactly sized copy of the current source */

static void start(const char *src, size_t len, bool is_module)
{
    free(source);
    source = malloc(len ? len : 1);
    memcpy(source, src, len);
    arena_free(&arena);
    lexer_init(&lexer, &arena, source, (uint32_t)len, is_module);
}

/* A string literal as source, NUL bytes included. */
#define START(literal, is_module) start(literal, sizeof(literal) - 1, is_module)

/* The first token of src, as a script. */
static Token *lex(const char *src)
{
    start(src, strlen(src), false);
    lexer_next(&lexer);
    return &lexer.tok;
}

static Token *next(void)
{
    lexer_next(&lexer);
    return &lexer.tok;
}

static char name_buf[256];
static const char *name_of(const Token *tok)
{
    snprintf(name_buf, sizeof name_buf, "%.*s", (int)tok->value.name.len, tok->value.name.chars);
    return name_buf;
}

static char bigint_buf[256];
static const char *bigint_of(const Token *tok)
{
    snprintf(bigint_buf, sizeof bigint_buf, "%.*s", (int)tok->value.bigint.len, tok->value.bigint.chars);
    return bigint_buf;
}

/* UTF-16 value as UTF-8 (lone surrogates as 3-byte forms), "(null)" for NULL. */
static char utf16_buf[1024];
static const char *utf8_of(const uint16_t *chars, uint32_t len)
{
    if (!chars)
        return "(null)";
    size_t n = 0;
    for (uint32_t i = 0; i < len && n + 4 < sizeof utf16_buf; i++) {
        uint32_t cp = chars[i];
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < len && chars[i + 1] >= 0xDC00 && chars[i + 1] <= 0xDFFF)
            cp = 0x10000 + ((cp - 0xD800) << 10) + (chars[++i] - 0xDC00u);
        n += (size_t)utf8_encode(cp, utf16_buf + n);
    }
    utf16_buf[n] = '\0';
    return utf16_buf;
}

static const char *string_of(const Token *tok)
{
    return utf8_of(tok->value.string.chars, tok->value.string.len);
}

static char raw_buf[1024];
static const char *raw_of(const Token *tok)
{
    snprintf(raw_buf, sizeof raw_buf, "%s", utf8_of(tok->value.string.raw, tok->value.string.raw_len));
    return raw_buf;
}

static void expect_error(const char *src, const char *message, uint32_t error_offset)
{
    Token *tok = lex(src);
    CHECK(tok->type == T_ERROR, "%s: got %s, expected ERROR", src, token_type_name(tok->type));
    if (tok->type == T_ERROR) {
        CHECK(strcmp(lexer.error, message) == 0, "%s: message \"%s\", expected \"%s\"", src, lexer.error, message);
        CHECK(tok->error_offset == error_offset, "%s: error_offset %u, expected %u", src, tok->error_offset,
              error_offset);
        CHECK(tok->end > tok->start || tok->start == lexer.len, "%s: error token is empty", src);
    }
}

/* The types of all tokens of src up to EOF, compared with expected (ended by T_EOF). */
static void expect_types(const char *src, bool is_module, const TokenType *expected)
{
    start(src, strlen(src), is_module);
    for (size_t i = 0;; i++) {
        lexer_next(&lexer);
        CHECK(lexer.tok.type == expected[i], "%s: token %zu is %s, expected %s", src, i,
              token_type_name(lexer.tok.type), token_type_name(expected[i]));
        if (lexer.tok.type != expected[i] || expected[i] == T_EOF || expected[i] == T_ERROR)
            return;
    }
}
#define EXPECT_TYPES(src, module, ...) \
    expect_types(src, module, (const TokenType[]){__VA_ARGS__, T_EOF})

#define INVALID_TOKEN "Invalid or unexpected token"

/* ---- Punctuators, keywords, words ---- */

static void test_punctuators(void)
{
    for (TokenType t = T_LBRACE; t <= T_AT; t++) {
        const char *text = token_type_text(t);
        Token *tok = lex(text);
        CHECK(tok->type == t, "'%s' lexed as %s", text, token_type_name(tok->type));
        ASSERT_INT(tok->end, strlen(text));
        ASSERT_TYPE(next()->type, T_EOF);
    }
    ASSERT_STR(token_type_text(T_QUESTION_QUESTION_ASSIGN), "?\?=");
    ASSERT_STR(token_type_name(T_LBRACE), "LBRACE");
    ASSERT_STR(token_type_name(T_IDENTIFIER), "IDENTIFIER");
    EXPECT_TYPES("a?.b", false, T_IDENTIFIER, T_QUESTION_DOT, T_IDENTIFIER);
    EXPECT_TYPES("a?.5:b", false, T_IDENTIFIER, T_QUESTION, T_NUMBER, T_COLON, T_IDENTIFIER);
    EXPECT_TYPES("a>>>=b>>=c>>>d>=e", false, T_IDENTIFIER, T_SHR_ASSIGN, T_IDENTIFIER, T_SAR_ASSIGN,
                 T_IDENTIFIER, T_SHR, T_IDENTIFIER, T_GE, T_IDENTIFIER);
    EXPECT_TYPES("a--> b", false, T_IDENTIFIER, T_MINUS_MINUS, T_GT, T_IDENTIFIER);
    EXPECT_TYPES("x=>{...y}", false, T_IDENTIFIER, T_ARROW, T_LBRACE, T_ELLIPSIS, T_IDENTIFIER, T_RBRACE);
    EXPECT_TYPES("a..b", false, T_IDENTIFIER, T_DOT, T_DOT, T_IDENTIFIER);
    EXPECT_TYPES("a**=b**c", false, T_IDENTIFIER, T_STAR_STAR_ASSIGN, T_IDENTIFIER, T_STAR_STAR, T_IDENTIFIER);
    EXPECT_TYPES("a!==b!=c", false, T_IDENTIFIER, T_STRICT_NE, T_IDENTIFIER, T_NE, T_IDENTIFIER);
    expect_error("\x01", INVALID_TOKEN, 0);
}

static void test_keywords(void)
{
    for (TokenType t = T_FIRST_KEYWORD; t <= T_LAST_KEYWORD; t++) {
        const char *text = token_type_text(t);
        Token *tok = lex(text);
        CHECK(tok->type == t, "'%s' lexed as %s", text, token_type_name(tok->type));
        ASSERT_STR(name_of(tok), text);
        ASSERT_INT(tok->contextual, CW_NONE);
        ASSERT_INT(tok->flags, 0);
    }
    for (int w = 1; w < CW__COUNT; w++) {
        const char *text = contextual_word_text((ContextualWord)w);
        Token *tok = lex(text);
        if (w == CW_WITH_ATTR) {
            ASSERT_TYPE(tok->type, T_WITH);
            continue;
        }
        CHECK(tok->type == T_IDENTIFIER && tok->contextual == w, "'%s': %s contextual %d", text,
              token_type_name(tok->type), tok->contextual);
        ASSERT_INT(tok->escaped_keyword, T_EOF);
    }
    ASSERT_INT(lex("lets")->contextual, CW_NONE);
    ASSERT_TYPE(lex("iff")->type, T_IDENTIFIER);
    ASSERT_TYPE(lex("If")->type, T_IDENTIFIER);
    ASSERT_TYPE(lex("instanceof")->type, T_INSTANCEOF);
    ASSERT_TYPE(lex("instanceofx")->type, T_IDENTIFIER);
}

static void test_escaped_words(void)
{
    Token *tok = lex("\\u0069f");
    ASSERT_TYPE(tok->type, T_IDENTIFIER);
    ASSERT_INT(tok->flags, TF_ESCAPED);
    ASSERT_TYPE(tok->escaped_keyword, T_IF);
    ASSERT_STR(name_of(tok), "if");
    tok = lex("l\\u0065t");
    ASSERT_TYPE(tok->type, T_IDENTIFIER);
    ASSERT_INT(tok->contextual, CW_LET);
    ASSERT_INT(tok->flags, TF_ESCAPED);
    ASSERT_INT(tok->escaped_keyword, T_EOF);
    tok = lex("\\u{77}ith");
    ASSERT_TYPE(tok->escaped_keyword, T_WITH);
    ASSERT_INT(tok->contextual, CW_WITH_ATTR);
    tok = lex("aw\\u0061it");
    ASSERT_TYPE(tok->escaped_keyword, T_AWAIT);
    ASSERT_STR(name_of(tok), "await");
    ASSERT_INT(tok->end, 10);
}

/* ---- Identifiers and private names ---- */

static void test_identifiers(void)
{
    Token *tok = lex("$foo_1 bar");
    ASSERT_TYPE(tok->type, T_IDENTIFIER);
    ASSERT_STR(name_of(tok), "$foo_1");
    ASSERT_TRUE(tok->value.name.chars == source); /* no escapes: points into the source */
    ASSERT_INT(tok->end, 6);
    tok = lex("caf\xC3\xA9 x");
    ASSERT_STR(name_of(tok), "caf\xC3\xA9");
    ASSERT_INT(tok->end, 5);
    ASSERT_INT(next()->col, 5);
    tok = lex("\xF0\x9D\x91\xA5y"); /* U+1D465 MATHEMATICAL ITALIC SMALL X */
    ASSERT_STR(name_of(tok), "\xF0\x9D\x91\xA5y");
    tok = lex("\\u{1D465}\\u0079");
    ASSERT_STR(name_of(tok), "\xF0\x9D\x91\xA5y");
    ASSERT_INT(tok->flags, TF_ESCAPED);
    tok = lex("a\xE2\x80\x8D" "b"); /* ZWJ is IdentifierPart */
    ASSERT_STR(name_of(tok), "a\xE2\x80\x8D" "b");
    tok = lex("\xE0\xA2\x8F"); /* U+088F, ID_Start since Unicode 17 */
    ASSERT_TYPE(tok->type, T_IDENTIFIER);
    tok = lex("\xE2\x84\x98"); /* U+2118, Other_ID_Start */
    ASSERT_TYPE(tok->type, T_IDENTIFIER);
    expect_error("a\\u0020", INVALID_TOKEN, 1);
    expect_error("\\u0030a", INVALID_TOKEN, 0);
    expect_error("a\\x41", INVALID_TOKEN, 0);
    expect_error("a\\u00", "Invalid Unicode escape sequence", 5);
    expect_error("a\\u{}", "Invalid Unicode escape sequence", 4);
    expect_error("a\\u{110000}", "Undefined Unicode code-point", 1);
    expect_error("\\uD835\\uDC65", INVALID_TOKEN, 0); /* surrogates are not ID_Start */
    expect_error("\xE2\x81\x80", INVALID_TOKEN, 0);  /* U+2040 is ID_Continue only */
    expect_error("\\", INVALID_TOKEN, 0);
}

static void test_private_names(void)
{
    Token *tok = lex("#foo.x");
    ASSERT_TYPE(tok->type, T_PRIVATE_NAME);
    ASSERT_STR(name_of(tok), "foo");
    ASSERT_INT(tok->end, 4);
    tok = lex("#\\u0061b");
    ASSERT_TYPE(tok->type, T_PRIVATE_NAME);
    ASSERT_STR(name_of(tok), "ab");
    ASSERT_INT(tok->flags, TF_ESCAPED);
    tok = lex("#if");
    ASSERT_TYPE(tok->type, T_PRIVATE_NAME);
    ASSERT_INT(tok->contextual, CW_NONE);
    expect_error("#", INVALID_TOKEN, 0);
    expect_error("# a", INVALID_TOKEN, 0);
    expect_error("#1", INVALID_TOKEN, 0);
    expect_error("#\\u0030", INVALID_TOKEN, 1);
}

/* ---- Numbers ---- */

static void expect_number(const char *src, double value, int flags)
{
    Token *tok = lex(src);
    CHECK(tok->type == T_NUMBER, "%s: got %s (%s)", src, token_type_name(tok->type),
          tok->type == T_ERROR ? lexer.error : "");
    CHECK(tok->value.number == value || (isnan(value) && isnan(tok->value.number)), "%s: got %.17g, expected %.17g",
          src, tok->value.number, value);
    CHECK(tok->flags == flags, "%s: flags %d, expected %d", src, tok->flags, flags);
    CHECK(tok->end == strlen(src), "%s: end %u", src, tok->end);
}

static void expect_bigint(const char *src, const char *digits)
{
    Token *tok = lex(src);
    CHECK(tok->type == T_BIGINT, "%s: got %s", src, token_type_name(tok->type));
    ASSERT_STR(bigint_of(tok), digits);
    ASSERT_INT(tok->end, strlen(src));
}

static void test_numbers(void)
{
    const int legacy = TF_LEGACY_OCTAL, non_octal = TF_LEGACY_OCTAL | TF_NON_OCTAL_DECIMAL;
    expect_number("0", 0, 0);
    expect_number("42", 42, 0);
    expect_number("1_000_000", 1e6, 0);
    expect_number(".5", 0.5, 0);
    expect_number("1.", 1, 0);
    expect_number("0.1", 0.1, 0);
    expect_number("1.5e3", 1500, 0);
    expect_number("1e-3", 0.001, 0);
    expect_number("1E+3", 1000, 0);
    expect_number("0.0_1", 0.01, 0);
    expect_number("1_0.0_1e1_0", 10.01e10, 0);
    expect_number("0.e1", 0, 0);
    expect_number("9007199254740993", 9007199254740992.0, 0);
    expect_number("1.7976931348623157e308", 1.7976931348623157e308, 0);
    expect_number("2e308", INFINITY, 0);
    expect_number("123456789012345678901234567890", 123456789012345678901234567890.0, 0);
    expect_number("0x1F", 31, 0);
    expect_number("0X1f", 31, 0);
    expect_number("0xF_F", 255, 0);
    expect_number("0o17", 15, 0);
    expect_number("0O1_7", 15, 0);
    expect_number("0b101", 5, 0);
    expect_number("0B1_0_1", 5, 0);
    /* power-of-two radixes round to nearest, ties to even */
    expect_number("0x20000000000001", 9007199254740992.0, 0);
    expect_number("0x20000000000003", 9007199254740996.0, 0);
    expect_number("0x200000000000010001", 590295810358705782784.0, 0); /* 2^69 + 2^16 + 1: just above a tie, up */
    expect_number("0x2000000000000180", 2305843009213694464.0, 0); /* a tie, to even: up */
    expect_number("0x10000000000000000000000000000000", ldexp(1, 124), 0);
    expect_number("0xFFFFFFFFFFFFFFFF", 18446744073709551616.0, 0);
    expect_number("017", 15, legacy);
    expect_number("00", 0, legacy);
    expect_number("08", 8, non_octal);
    expect_number("09.5", 9.5, non_octal);
    expect_number("019e1", 190, non_octal);
    expect_number("09.5_1", 9.51, non_octal);
    ASSERT_INT(lex("017")->error_offset, 0);
    expect_bigint("123n", "123");
    expect_bigint("0n", "0");
    expect_bigint("1_0n", "10");
    expect_bigint("0x1_Fn", "0x1F");
    expect_bigint("0b1n", "0b1");
    expect_bigint("0o7n", "0o7");
    EXPECT_TYPES("1..toString", false, T_NUMBER, T_DOT, T_IDENTIFIER);
    EXPECT_TYPES("017.5", false, T_NUMBER, T_NUMBER);
    EXPECT_TYPES("017.x", false, T_NUMBER, T_DOT, T_IDENTIFIER);
    EXPECT_TYPES("1 .x", false, T_NUMBER, T_DOT, T_IDENTIFIER);
    EXPECT_TYPES("5-1", false, T_NUMBER, T_MINUS, T_NUMBER);
}

static void test_number_errors(void)
{
    expect_error("1__0", "Only one underscore is allowed as numeric separator", 2);
    expect_error("0x1__2", "Only one underscore is allowed as numeric separator", 4);
    expect_error("1_", "Numeric separators are not allowed at the end of numeric literals", 2);
    expect_error("1_n", "Numeric separators are not allowed at the end of numeric literals", 2);
    expect_error("1_.5", "Numeric separators are not allowed at the end of numeric literals", 2);
    expect_error("1_e1", "Numeric separators are not allowed at the end of numeric literals", 2);
    expect_error(".5_", "Numeric separators are not allowed at the end of numeric literals", 3);
    expect_error("0_1", "Numeric separator can not be used after leading 0.", 1);
    const char *invalid[] = {"1._5", "1e_5", "3in", "1n1", "017n", "1.5n", "1e3n", "08n", "00n", "0x", "0xg",
                             "0b2", "0b12", "0o8", "08_1", "01_1", "0x_1", "1e", "1e+", "5.e", "3\\u0061", "1x",
                             "0x1g", "1.e5n", "0b"};
    for (size_t i = 0; i < sizeof invalid / sizeof invalid[0]; i++) {
        Token *tok = lex(invalid[i]);
        CHECK(tok->type == T_ERROR && strcmp(lexer.error, INVALID_TOKEN) == 0, "%s: got %s", invalid[i],
              token_type_name(tok->type));
    }
    ASSERT_INT(lex("08_1")->error_offset, 2);
    ASSERT_INT(lex("3in")->error_offset, 0);
}

/* ---- Strings ---- */

static void expect_string(const char *src, const char *value, int flags)
{
    Token *tok = lex(src);
    CHECK(tok->type == T_STRING, "%s: got %s (%s)", src, token_type_name(tok->type),
          tok->type == T_ERROR ? lexer.error : "");
    CHECK(strcmp(string_of(tok), value) == 0, "%s: value \"%s\", expected \"%s\"", src, string_of(tok), value);
    CHECK(tok->flags == flags, "%s: flags %d, expected %d", src, tok->flags, flags);
    CHECK(tok->end == strlen(src), "%s: end %u", src, tok->end);
}

static void test_strings(void)
{
    const int legacy = TF_LEGACY_OCTAL, non_octal = TF_LEGACY_OCTAL | TF_NON_OCTAL_DECIMAL;
    expect_string("\"abc\"", "abc", 0);
    expect_string("'a\"b'", "a\"b", 0);
    expect_string("\"\"", "", 0);
    expect_string("'\\n\\t\\b\\f\\v\\r\\0'", "\n\t\b\f\v\r", 0); /* \0 is NUL: check length below */
    ASSERT_INT(lex("'\\0'")->value.string.len, 1);
    ASSERT_INT(lex("'\\0'")->value.string.chars[0], 0);
    expect_string("'\\'\\\"\\\\\\a\\q'", "'\"\\aq", 0);
    expect_string("'\\x41\\x7a'", "Az", 0);
    expect_string("'\\u0041\\u00e9'", "A\xC3\xA9", 0);
    expect_string("'\\u{1F600}'", "\xF0\x9F\x98\x80", 0);
    ASSERT_INT(lex("'\\u{1F600}'")->value.string.len, 2);
    expect_string("'\\u{0000000041}'", "A", 0);
    expect_string("'\\u{10FFFF}'", "\xF4\x8F\xBF\xBF", 0);
    ASSERT_INT(lex("'\\uD800'")->value.string.chars[0], 0xD800);
    expect_string("'caf\xC3\xA9 \xF0\x9F\x98\x80'", "caf\xC3\xA9 \xF0\x9F\x98\x80", 0);
    expect_string("'\\\xC3\xA9'", "\xC3\xA9", 0);
    /* line continuations */
    expect_string("'a\\\nb'", "ab", 0);
    expect_string("'a\\\r\nb'", "ab", 0);
    expect_string("'a\\\rb'", "ab", 0);
    expect_string("'a\\\xE2\x80\xA8" "b'", "ab", 0);
    expect_string("'a\\\xE2\x80\xA9" "b'", "ab", 0);
    /* U+2028 and U+2029 may appear unescaped (ES2019 JSON superset) */
    expect_string("'a\xE2\x80\xA8" "b'", "a\xE2\x80\xA8" "b", 0);
    /* legacy octal escapes (B.1.2) */
    expect_string("'\\1'", "\x01", legacy);
    expect_string("'\\101'", "A", legacy);
    expect_string("'\\377'", "\xC3\xBF", legacy);
    expect_string("'\\400'", " 0", legacy);
    expect_string("'\\08'", "", legacy); /* NUL then 8 */
    ASSERT_INT(lex("'\\08'")->value.string.len, 2);
    expect_string("'\\00'", "", legacy);
    expect_string("'\\8'", "8", non_octal);
    expect_string("'\\9'", "9", non_octal);
    ASSERT_INT(lex("'ab\\1'")->error_offset, 3);
    ASSERT_INT(lex("'a\\1\\2'")->error_offset, 2);
}

static void test_string_errors(void)
{
    expect_error("'abc", INVALID_TOKEN, 0);
    expect_error("\"a\nb\"", INVALID_TOKEN, 0);
    expect_error("\"a\rb\"", INVALID_TOKEN, 0);
    expect_error("'a\\", INVALID_TOKEN, 0);
    expect_error("'a\\xg'", "Invalid hexadecimal escape sequence", 2);
    expect_error("'a\\x4'", "Invalid hexadecimal escape sequence", 2);
    expect_error("'\\u12'", "Invalid Unicode escape sequence", 1);
    expect_error("'\\u{}'", "Invalid Unicode escape sequence", 1);
    expect_error("'\\u{41'", "Invalid Unicode escape sequence", 1);
    expect_error("'\\u{110000}'", "Undefined Unicode code-point", 1);
    expect_error("'\\u{FFFFFFFFFFFF}'", "Undefined Unicode code-point", 1);
    Token *tok = lex("'abc\n");
    ASSERT_INT(tok->end, 4);
}

/* ---- Templates ---- */

static void test_templates(void)
{
    Token *tok = lex("`abc`");
    ASSERT_TYPE(tok->type, T_TEMPLATE);
    ASSERT_STR(string_of(tok), "abc");
    ASSERT_STR(raw_of(tok), "abc");
    ASSERT_INT(tok->end, 5);

    START("`a${x}b${y}c`", false);
    ASSERT_TYPE(next()->type, T_TEMPLATE_HEAD);
    ASSERT_STR(string_of(&lexer.tok), "a");
    ASSERT_INT(lexer.tok.end, 4);
    ASSERT_TYPE(next()->type, T_IDENTIFIER);
    ASSERT_TYPE(next()->type, T_RBRACE);
    lexer_rescan_template(&lexer);
    ASSERT_TYPE(lexer.tok.type, T_TEMPLATE_MIDDLE);
    ASSERT_STR(string_of(&lexer.tok), "b");
    ASSERT_INT(lexer.tok.start, 5);
    ASSERT_INT(lexer.tok.end, 9);
    ASSERT_INT(lexer.tok.col, 5);
    ASSERT_TYPE(next()->type, T_IDENTIFIER);
    ASSERT_TYPE(next()->type, T_RBRACE);
    lexer_rescan_template(&lexer);
    ASSERT_TYPE(lexer.tok.type, T_TEMPLATE_TAIL);
    ASSERT_STR(string_of(&lexer.tok), "c");
    ASSERT_TYPE(next()->type, T_EOF);

    tok = lex("`a\r\nb\rc\nd`");
    ASSERT_STR(string_of(tok), "a\nb\nc\nd");
    ASSERT_STR(raw_of(tok), "a\nb\nc\nd");
    ASSERT_INT(lexer.line, 4);
    tok = lex("`a\\\r\nb`");
    ASSERT_STR(string_of(tok), "ab");
    ASSERT_STR(raw_of(tok), "a\\\nb");
    tok = lex("`\\n\\x41\\u{1F600}\\0\\``");
    ASSERT_INT(tok->value.string.len, 6); /* LF A U+1F600 (2 units) NUL ` */
    ASSERT_INT(tok->value.string.chars[0], '\n');
    ASSERT_INT(tok->value.string.chars[2], 0xD83D);
    ASSERT_INT(tok->value.string.chars[4], 0);
    ASSERT_INT(tok->value.string.chars[5], '`');
    ASSERT_STR(raw_of(tok), "\\n\\x41\\u{1F600}\\0\\`");
    tok = lex("`$`");
    ASSERT_STR(string_of(tok), "$");
    tok = lex("`\\${x}`");
    ASSERT_TYPE(tok->type, T_TEMPLATE);
    ASSERT_STR(string_of(tok), "${x}");
    tok = lex("``");
    ASSERT_TYPE(tok->type, T_TEMPLATE);
    ASSERT_INT(tok->value.string.len, 0);
    ASSERT_TRUE(tok->value.string.chars != NULL);

    /* NotEscapeSequence: undefined cooked value, not a lexer error */
    const char *invalid[] = {"`\\01`", "`\\1`", "`\\xg`", "`\\u{110000}`", "`\\u12`", "`\\8`", "`\\u{`", "`\\x`"};
    for (size_t i = 0; i < sizeof invalid / sizeof invalid[0]; i++) {
        tok = lex(invalid[i]);
        CHECK(tok->type == T_TEMPLATE && (tok->flags & TF_INVALID_ESCAPE), "%s: %s flags %d", invalid[i],
              token_type_name(tok->type), tok->flags);
        ASSERT_TRUE(tok->value.string.chars == NULL);
        ASSERT_INT(tok->error_offset, 1);
        ASSERT_INT(tok->end, strlen(invalid[i]));
    }
    tok = lex("`\\u{${x}");
    ASSERT_TYPE(tok->type, T_TEMPLATE_HEAD);
    ASSERT_STR(raw_of(tok), "\\u{");
    expect_error("`abc", "Unexpected end of input", 4);
    expect_error("`abc\\", "Unexpected end of input", 5);
    ASSERT_TYPE(lex("`abc${")->type, T_TEMPLATE_HEAD);
}

static void test_escape_messages(void)
{
    const char *src = "\\01 \\8 \\xg \\u{110000} \\u1";
    uint32_t len = (uint32_t)strlen(src);
    ASSERT_STR(lexer_escape_error_message(src, len, 0, true), "Octal escape sequences are not allowed in template strings.");
    ASSERT_STR(lexer_escape_error_message(src, len, 0, false), "Octal escape sequences are not allowed in strict mode.");
    ASSERT_STR(lexer_escape_error_message(src, len, 4, true), "\\8 and \\9 are not allowed in template strings.");
    ASSERT_STR(lexer_escape_error_message(src, len, 4, false), "\\8 and \\9 are not allowed in strict mode.");
    ASSERT_STR(lexer_escape_error_message(src, len, 7, true), "Invalid hexadecimal escape sequence");
    ASSERT_STR(lexer_escape_error_message(src, len, 11, true), "Undefined Unicode code-point");
    ASSERT_STR(lexer_escape_error_message(src, len, 22, true), "Invalid Unicode escape sequence");
}

/* ---- Regular expressions ---- */

static Token *lex_regexp(const char *src)
{
    lex(src);
    lexer_rescan_regexp(&lexer);
    return &lexer.tok;
}

static void test_regexps(void)
{
    Token *tok = lex_regexp("/a[/]b\\/c/gi.x");
    ASSERT_TYPE(tok->type, T_REGEXP);
    ASSERT_STR(utf8_of(tok->value.regexp.body, tok->value.regexp.body_len), "a[/]b\\/c");
    ASSERT_INT(tok->value.regexp.flags_len, 2);
    ASSERT_TRUE(memcmp(tok->value.regexp.flags, "gi", 2) == 0);
    ASSERT_INT(tok->end, 12);
    ASSERT_TYPE(next()->type, T_DOT);
    tok = lex_regexp("/=a/");
    ASSERT_TYPE(tok->type, T_REGEXP);
    ASSERT_STR(utf8_of(tok->value.regexp.body, tok->value.regexp.body_len), "=a");
    tok = lex_regexp("/\xC3\xA9[\\]/]/u");
    ASSERT_STR(utf8_of(tok->value.regexp.body, tok->value.regexp.body_len), "\xC3\xA9[\\]/]");
    tok = lex_regexp("/a/xyz$1 b");
    ASSERT_INT(tok->value.regexp.flags_len, 5); /* flags are not validated here */
    tok = lex_regexp("/abc");
    CHECK(tok->type == T_ERROR && strcmp(lexer.error, "Invalid regular expression: missing /") == 0, "/abc");
    tok = lex_regexp("/a\nb/");
    CHECK(tok->type == T_ERROR && strcmp(lexer.error, "Invalid regular expression: missing /") == 0, "/a LF b/");
    tok = lex_regexp("/a\\\nb/");
    ASSERT_TYPE(tok->type, T_ERROR);
    tok = lex_regexp("/a\xE2\x80\xA8/");
    ASSERT_TYPE(tok->type, T_ERROR);
    tok = lex_regexp("/[/");
    ASSERT_TYPE(tok->type, T_ERROR);
    tok = lex_regexp("/a\\");
    ASSERT_TYPE(tok->type, T_ERROR);
    tok = lex_regexp("/a/g\\u0069");
    CHECK(tok->type == T_ERROR && strcmp(lexer.error, "Invalid regular expression flags") == 0, "flag escape");
}

/* ---- White space, comments, line terminators ---- */

static void test_trivia(void)
{
    Token *tok = lex("#!/usr/bin/env node\nx");
    ASSERT_TYPE(tok->type, T_IDENTIFIER);
    ASSERT_INT(tok->line, 2);
    ASSERT_TRUE(tok->newline_before);
    tok = lex("x");
    ASSERT_TRUE(tok->newline_before); /* first token counts as after a line break */
    EXPECT_TYPES("a #!b", false, T_IDENTIFIER, T_ERROR);
    EXPECT_TYPES(" #!x", false, T_ERROR);
    tok = lex("/* a */ // b\n /* c\n */ x");
    ASSERT_TYPE(tok->type, T_IDENTIFIER);
    ASSERT_INT(tok->line, 3);
    ASSERT_INT(tok->col, 4);
    START("a /* x */ b /* \n */ c /* \xE2\x80\xA8 */ d", false);
    ASSERT_TRUE(next()->newline_before);
    ASSERT_TRUE(!next()->newline_before);
    ASSERT_TRUE(next()->newline_before);
    ASSERT_TRUE(next()->newline_before);
    ASSERT_INT(lexer.tok.line, 3);
    ASSERT_TYPE(lex("/* b")->type, T_ERROR);
    ASSERT_INT(lexer.tok.start, 0);
    ASSERT_INT(lexer.tok.end, 4);
    START("a /* b", false);
    next();
    ASSERT_TYPE(next()->type, T_ERROR);
    ASSERT_INT(lexer.tok.start, 2);
    ASSERT_INT(lexer.tok.col, 2);

    /* white space: TAB VT FF SP NBSP ZWNBSP and Zs; U+180E is not */
    tok = lex("\t\v\f \xC2\xA0\xEF\xBB\xBF\xE3\x80\x80\xE2\x80\x80x");
    ASSERT_TYPE(tok->type, T_IDENTIFIER);
    ASSERT_INT(tok->col, 8);
    ASSERT_TRUE(tok->newline_before);
    expect_error("\xE1\xA0\x8E", INVALID_TOKEN, 0);
    /* line terminators: LF, CR, CRLF, LS, PS */
    START("a\nb\rc\r\nd\xE2\x80\xA8" "e\xE2\x80\xA9" "f", false);
    for (int line = 1; line <= 6; line++) {
        next();
        CHECK(lexer.tok.line == (uint32_t)line && lexer.tok.col == 0, "line %d: got %u:%u", line, lexer.tok.line,
              lexer.tok.col);
        ASSERT_TRUE(lexer.tok.newline_before);
    }
}

static void test_html_comments(void)
{
    EXPECT_TYPES("a <!-- b\nc", false, T_IDENTIFIER, T_IDENTIFIER);
    EXPECT_TYPES("<!-- b", false, T_EOF);
    EXPECT_TYPES("--> a\nb", false, T_IDENTIFIER);
    EXPECT_TYPES("/* a */ /* b */ --> c\nd", false, T_IDENTIFIER);
    EXPECT_TYPES("a\n  --> b\nc", false, T_IDENTIFIER, T_IDENTIFIER);
    EXPECT_TYPES("a\n/* x */ --> b\nc", false, T_IDENTIFIER, T_IDENTIFIER);
    EXPECT_TYPES("a /*\n*/ --> b\nc", false, T_IDENTIFIER, T_IDENTIFIER);
    EXPECT_TYPES("a\xE2\x80\xA8--> b", false, T_IDENTIFIER);
    EXPECT_TYPES("a --> b", false, T_IDENTIFIER, T_MINUS_MINUS, T_GT, T_IDENTIFIER);
    EXPECT_TYPES("a /* x */ --> b", false, T_IDENTIFIER, T_MINUS_MINUS, T_GT, T_IDENTIFIER);
    /* disabled in modules */
    EXPECT_TYPES("a <!-- b", true, T_IDENTIFIER, T_LT, T_BANG, T_MINUS_MINUS, T_IDENTIFIER);
    EXPECT_TYPES("a\n--> b", true, T_IDENTIFIER, T_MINUS_MINUS, T_GT, T_IDENTIFIER);
    EXPECT_TYPES("#!x\n--> b", true, T_MINUS_MINUS, T_GT, T_IDENTIFIER);
}

/* ---- Positions ---- */

static void test_positions(void)
{
    /* columns count UTF-16 code units: a non-BMP character counts 2 */
    START("\"\xF0\x9F\x98\x80\" x", false);
    ASSERT_INT(next()->col, 0);
    ASSERT_INT(next()->col, 5);
    START("/*\xC3\xA9*/x", false);
    ASSERT_INT(next()->col, 5);
    START("`\xF0\x9F\x98\x80${a}` b", false);
    next();
    ASSERT_INT(next()->col, 5);
    next();
    lexer_rescan_template(&lexer);
    ASSERT_INT(next()->col, 9);
    START("'a\\\n\xC3\xA9' b", false);
    next();
    ASSERT_INT(next()->line, 2);
    ASSERT_INT(lexer.tok.col, 3);

    /* lexer_locate agrees with the tokens' positions */
    const char *text = "a\r\n\xF0\x9D\x91\xA5 = 'x\xE2\x80\xA8y' /* \xC3\xA9\n */ + `\r\n${\xC3\xA9}` \xE2\x80\xA9 b\n\n  c";
    start(text, strlen(text), false);
    for (;;) {
        next();
        if (lexer.tok.type == T_RBRACE)
            lexer_rescan_template(&lexer);
        uint32_t line, col;
        lexer_locate(source, lexer.len, lexer.tok.start, &line, &col);
        CHECK(line == lexer.tok.line && col == lexer.tok.col, "token at %u: %u:%u, locate says %u:%u", lexer.tok.start,
              lexer.tok.line, lexer.tok.col, line, col);
        if (lexer.tok.type == T_EOF || lexer.tok.type == T_ERROR)
            break;
    }
    ASSERT_TYPE(lexer.tok.type, T_EOF);
    ASSERT_INT(lexer.tok.line, 8);
}

static void test_mark_reset(void)
{
    START("a b c", false);
    next();
    LexerMark mark;
    lexer_mark(&lexer, &mark);
    next();
    next();
    ASSERT_STR(name_of(&lexer.tok), "c");
    lexer_reset(&lexer, &mark);
    ASSERT_STR(name_of(&lexer.tok), "a");
    ASSERT_STR(name_of(next()), "b");
}

/* ---- UTF-8 and Unicode ---- */

static void expect_decoded(const char *bytes, size_t len, const char *expected)
{
    size_t out_len = 0;
    char *out = source_decode_utf8(bytes, len, &out_len);
    CHECK(out && out_len == strlen(expected) && memcmp(out, expected, out_len) == 0, "decoding %zu bytes: got %zu bytes",
          len, out_len);
    free(out);
}

#define FFFD "\xEF\xBF\xBD"

static void test_utf8(void)
{
    expect_decoded("abc", 3, "abc");
    expect_decoded("\xEF\xBB\xBF" "a", 4, "a");
    expect_decoded("a\xEF\xBB\xBF", 4, "a\xEF\xBB\xBF");
    expect_decoded("\xED\xA0\x80", 3, FFFD FFFD FFFD);
    expect_decoded("\xF0\x9F\x98", 3, FFFD);
    expect_decoded("\xF0\x9F\x98" "A", 4, FFFD "A");
    expect_decoded("\xC0\x80", 2, FFFD FFFD);
    expect_decoded("\xE0\x80", 2, FFFD FFFD);
    expect_decoded("\xF4\x90\x80\x80", 4, FFFD FFFD FFFD FFFD);
    expect_decoded("\xFF" "a\x80", 3, FFFD "a" FFFD);
    expect_decoded("\xE2\x82", 2, FFFD);
    expect_decoded("\xF0\x9F\x98\x80", 4, "\xF0\x9F\x98\x80");
    expect_decoded("", 0, "");

    char buf[4];
    ASSERT_INT(utf8_encode(0x41, buf), 1);
    ASSERT_INT(utf8_encode(0xE9, buf), 2);
    ASSERT_INT(utf8_encode(0x20AC, buf), 3);
    ASSERT_INT(utf8_encode(0x1F600, buf), 4);
    ASSERT_TRUE(memcmp(buf, "\xF0\x9F\x98\x80", 4) == 0);
    uint32_t pos = 0;
    const char *s = "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
    ASSERT_INT(utf8_decode(s, 9, &pos), 0xE9);
    ASSERT_INT(utf8_decode(s, 9, &pos), 0x20AC);
    ASSERT_INT(utf8_decode(s, 9, &pos), 0x1F600);
    ASSERT_INT(pos, 9);
    pos = 0;
    ASSERT_INT(utf8_decode(s, 1, &pos), 0xFFFD); /* truncated: never reads past len */
    ASSERT_INT(pos, 1);
}

static void test_unicode(void)
{
    ASSERT_TRUE(unicode_is_id_start('$'));
    ASSERT_TRUE(unicode_is_id_start('_'));
    ASSERT_TRUE(!unicode_is_id_start('1'));
    ASSERT_TRUE(unicode_is_id_start(0x2118));
    ASSERT_TRUE(unicode_is_id_start(0x1D465));
    ASSERT_TRUE(!unicode_is_id_start(0x2040));
    ASSERT_TRUE(unicode_is_id_continue(0x2040));
    ASSERT_TRUE(unicode_is_id_continue(0x200C));
    ASSERT_TRUE(unicode_is_id_continue(0x200D));
    ASSERT_TRUE(unicode_is_id_continue('7'));
    ASSERT_TRUE(!unicode_is_id_continue('-'));
    ASSERT_TRUE(!unicode_is_id_continue(0xD800));
    ASSERT_TRUE(!unicode_is_id_start(0x110000));
    ASSERT_TRUE(unicode_is_space(0xA0));
    ASSERT_TRUE(unicode_is_space(0xFEFF));
    ASSERT_TRUE(unicode_is_space(0x1680));
    ASSERT_TRUE(unicode_is_space(0x3000));
    ASSERT_TRUE(!unicode_is_space(0x180E));
    ASSERT_TRUE(!unicode_is_space('\n'));
    ASSERT_TRUE(!unicode_is_space(0x200B));
    ASSERT_TRUE(unicode_is_line_terminator(0x2028));
    ASSERT_TRUE(unicode_is_line_terminator('\r'));
    ASSERT_TRUE(!unicode_is_line_terminator(0x85));
}

/* ---- Token dump ---- */

static void expect_dump(const char *src, const char *expected)
{
    FILE *out = tmpfile();
    if (!out) {
        CHECK(0, "tmpfile failed");
        return;
    }
    char *copy = malloc(strlen(src) + 1);
    memcpy(copy, src, strlen(src));
    token_dump(out, copy, (uint32_t)strlen(src), false);
    free(copy);
    static char text[4096];
    rewind(out);
    size_t n = fread(text, 1, sizeof text - 1, out);
    text[n] = '\0';
    fclose(out);
    CHECK(strcmp(text, expected) == 0, "dump of %s:\n%s---- expected:\n%s", src, text, expected);
}

static void test_token_dump(void)
{
    expect_dump("foo = 42;\n  s = \"a\\n\"",
                "1:0  IDENTIFIER  foo\n1:4  ASSIGN  =\n1:6  NUMBER  42\n1:8  SEMICOLON  ;\n"
                "2:2  IDENTIFIER  s\n2:4  ASSIGN  =\n2:6  STRING  \"a\\n\"\n2:11  EOF\n");
    expect_dump("x = a / b / c",
                "1:0  IDENTIFIER  x\n1:2  ASSIGN  =\n1:4  IDENTIFIER  a\n1:6  SLASH  /\n1:8  IDENTIFIER  b\n"
                "1:10  SLASH  /\n1:12  IDENTIFIER  c\n1:13  EOF\n");
    expect_dump("(/a/g)", "1:0  LPAREN  (\n1:1  REGEXP  /a/g\n1:5  RPAREN  )\n1:6  EOF\n");
    expect_dump("`a${ {b} }c` 1.5 2n if #p",
                "1:0  TEMPLATE_HEAD  \"a\"\n1:5  LBRACE  {\n1:6  IDENTIFIER  b\n1:7  RBRACE  }\n"
                "1:9  TEMPLATE_TAIL  \"c\"\n1:13  NUMBER  1.5\n1:17  BIGINT  2n\n1:20  IF  if\n"
                "1:23  PRIVATE_NAME  #p\n1:25  EOF\n");
    expect_dump("a 'b", "1:0  IDENTIFIER  a\n1:2  ERROR  Invalid or unexpected token\n");
}

/* ---- Robustness ---- */

/* Lexes every token (with regexp and template rescans tried on every
 * candidate) and checks that positions only move forward. */
static void lex_all(const char *src, uint32_t len, bool is_module)
{
    start(src, len, is_module);
    uint32_t last_end = 0;
    for (int guard = 0; guard < 100000; guard++) {
        lexer_next(&lexer);
        if (lexer.tok.type == T_SLASH || lexer.tok.type == T_SLASH_ASSIGN) {
            LexerMark mark;
            lexer_mark(&lexer, &mark);
            lexer_rescan_regexp(&lexer);
            if (lexer.tok.type == T_ERROR)
                lexer_reset(&lexer, &mark);
        } else if (lexer.tok.type == T_RBRACE && (guard & 1)) {
            lexer_rescan_template(&lexer);
        }
        if (lexer.tok.end < last_end || lexer.tok.end > len || lexer.tok.start > lexer.tok.end) {
            CHECK(0, "bad token span [%u, %u) after %u", lexer.tok.start, lexer.tok.end, last_end);
            return;
        }
        last_end = lexer.tok.end;
        if (lexer.tok.type == T_EOF)
            return;
        if (lexer.tok.type == T_ERROR && lexer.pos <= lexer.tok.start && lexer.pos < len) {
            CHECK(0, "no progress after an error at %u", lexer.tok.start);
            return;
        }
    }
    CHECK(0, "lexing did not finish");
}

static void test_robustness(void)
{
    const char *sample = "#!x\n a.b?.c ?? d /* \xC3\xA9 */ 'x\\u{1F600}\\x41\\101' `t${1_0n}\\u{` 0x1Fn 08.5e-1 "
                         "#p \\u0061 /[/]\\//gi <!-- c\n--> d\n x\xE2\x80\xA8\xF0\x9F\x98\x80 .5 1e+5 017 \"\\\r\n\"";
    uint32_t len = (uint32_t)strlen(sample);
    for (uint32_t cut = 0; cut <= len; cut++) {
        lex_all(sample, cut, false);
        lex_all(sample + (len - cut), cut, true);
    }
    /* random bytes, made valid UTF-8 as node would */
    uint32_t seed = 12345;
    const char alphabet[] = "\\/'\"`${}[]()#!-<>*.0123456789_xXnabeou \n\r\t\xE2\x80\xA8\xC3\xA9\xF0\x9F\x98\x80";
    char bytes[64];
    for (int round = 0; round < 20000; round++) {
        size_t n = (size_t)(round % 40) + 1;
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            bytes[i] = (round & 1) ? (char)(seed >> 16) : alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        size_t clean_len = 0;
        char *clean = source_decode_utf8(bytes, n, &clean_len);
        lex_all(clean, (uint32_t)clean_len, round & 2);
        free(clean);
    }
}

int main(void)
{
    arena_init(&arena);
    test_punctuators();
    test_keywords();
    test_escaped_words();
    test_identifiers();
    test_private_names();
    test_numbers();
    test_number_errors();
    test_strings();
    test_string_errors();
    test_templates();
    test_escape_messages();
    test_regexps();
    test_trivia();
    test_html_comments();
    test_positions();
    test_mark_reset();
    test_utf8();
    test_unicode();
    test_token_dump();
    test_robustness();
    arena_free(&arena);
    free(source);
    return TEST_SUMMARY();
}
