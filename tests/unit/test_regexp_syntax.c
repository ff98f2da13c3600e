/*
 * Unit tests of the regular expression syntax checker (parser/regexp_syntax.h).
 *
 *   gcc -std=c11 -I. parser/regexp_syntax.c parser/regexp_escape.c \
 *       parser/regexp_class.c parser/regexp_names.c \
 *       parser/regexp_unicode_props.c lexer/unicode.c \
 *       tests/unit/test_regexp_syntax.c -o /tmp/t && /tmp/t
 *
 * Expected messages are V8's (node prints them after
 * "Invalid regular expression: /p/f: ").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/regexp_syntax.h"
#include "parser/regexp_unicode_props.h"

static int passed, failed;

/* UTF-8 test text to the UTF-16 the checker reads. */
static uint32_t utf8_to_utf16(const char *s, uint16_t *out, uint32_t cap)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t n = 0;
    while (*u && n + 2 <= cap) {
        uint32_t cp, len;
        if (*u < 0x80) { cp = *u; len = 1; }
        else if ((*u >> 5) == 6) { cp = *u & 0x1F; len = 2; }
        else if ((*u >> 4) == 14) { cp = *u & 0x0F; len = 3; }
        else { cp = *u & 0x07; len = 4; }
        for (uint32_t i = 1; i < len; i++)
            cp = (cp << 6) | (u[i] & 0x3F);
        u += len;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out[n++] = (uint16_t)(0xD800 + (cp >> 10));
            out[n++] = (uint16_t)(0xDC00 + (cp & 0x3FF));
        } else {
            out[n++] = (uint16_t)cp;
        }
    }
    return n;
}

/* Checks pattern/flags; expected is NULL for a valid pattern, else the
 * message. */
static void check_units(int line, const uint16_t *units, uint32_t len,
                        const char *shown, const char *flags,
                        const char *expected)
{
    char message[128];
    bool ok = regexp_check_syntax(units, len, flags, (uint32_t)strlen(flags),
                                  message, sizeof message);
    const char *got = ok ? "(valid)" : message;
    const char *want = expected ? expected : "(valid)";
    if (strcmp(got, want) == 0 && ok == (expected == NULL)) {
        passed++;
        return;
    }
    failed++;
    printf("FAIL line %d: /%s/%s\n  expected: %s\n  actual:   %s\n", line,
           shown, flags, want, got);
}

static void check(int line, const char *pattern, const char *flags,
                  const char *expected)
{
    uint16_t units[4096];
    uint32_t len = utf8_to_utf16(pattern, units, 4096);
    check_units(line, units, len, pattern, flags, expected);
}

#define ASSERT_VALID(pattern, flags) check(__LINE__, pattern, flags, NULL)
#define ASSERT_ERROR(pattern, flags, message) \
    check(__LINE__, pattern, flags, message)
#define ASSERT_TRUE(cond)                                                 \
    do {                                                                  \
        if (cond) {                                                       \
            passed++;                                                     \
        } else {                                                          \
            failed++;                                                     \
            printf("FAIL line %d: expected true: %s\n", __LINE__, #cond); \
        }                                                                 \
    } while (0)

static void test_flags(void)
{
    ASSERT_VALID("a", "");
    ASSERT_VALID("a", "dgimsuy");
    ASSERT_VALID("a", "dgimsvy");
    ASSERT_ERROR("a", "gg", "Invalid flags");
    ASSERT_ERROR("a", "uv", "Invalid flags");
    ASSERT_ERROR("a", "x", "Invalid flags");
    ASSERT_ERROR("a", "G", "Invalid flags");
    /* The flags are counted, not NUL-terminated. */
    ASSERT_TRUE(regexp_check_syntax((const uint16_t *)u"a", 1, "gu", 1,
                                    NULL, 0));
    ASSERT_TRUE(!regexp_check_syntax((const uint16_t *)u"a", 1, "g\0", 2,
                                     NULL, 0));
}

static void test_structure(void)
{
    ASSERT_VALID("", "");
    ASSERT_VALID("a|b||", "");
    ASSERT_VALID("(a)(?:b)(?=c)(?!d)(?<=e)(?<!f)", "u");
    ASSERT_ERROR("(", "", "Unterminated group");
    ASSERT_ERROR("(?:", "", "Unterminated group");
    ASSERT_ERROR(")", "", "Unmatched ')'");
    ASSERT_ERROR("a)", "u", "Unmatched ')'");
    ASSERT_ERROR("\\", "", "\\ at end of pattern");
    ASSERT_ERROR("(?", "", "Invalid group");
    ASSERT_ERROR("(?x)", "", "Invalid group");
}

static void test_quantifiers(void)
{
    ASSERT_VALID("a*b+c?d{1}e{1,}f{1,2}g*?h{2}?", "u");
    ASSERT_ERROR("*", "", "Nothing to repeat");
    ASSERT_ERROR("a**", "", "Nothing to repeat");
    ASSERT_ERROR("a|*", "", "Nothing to repeat");
    ASSERT_ERROR("(*)", "", "Nothing to repeat");
    ASSERT_ERROR("^*", "", "Nothing to repeat");
    ASSERT_ERROR("\\b+", "u", "Nothing to repeat");
    ASSERT_ERROR("x{1}{2}", "", "Nothing to repeat");
    ASSERT_ERROR("{1}", "", "Nothing to repeat");
    ASSERT_ERROR("a{2,1}", "", "numbers out of order in {} quantifier");
    ASSERT_ERROR("a{2,1}", "u", "numbers out of order in {} quantifier");
    ASSERT_ERROR("^{2,1}", "", "Nothing to repeat");
    /* Huge bounds compare exactly and never overflow. */
    ASSERT_VALID("a{99999999999999999999}", "");
    ASSERT_VALID("a{0099,99}", "u");
    ASSERT_VALID("a{99999999999999999998,99999999999999999999}", "");
    ASSERT_ERROR("a{99999999999999999999,99999999999999999998}", "",
                 "numbers out of order in {} quantifier");
    /* Lookarounds: lookaheads are quantifiable in Annex B only. */
    ASSERT_VALID("(?=a)*", "");
    ASSERT_VALID("(?!a){2}", "");
    ASSERT_ERROR("(?=a)*", "u", "Invalid quantifier");
    ASSERT_ERROR("(?<=a)*", "", "Invalid quantifier");
    ASSERT_ERROR("(?<!a)+", "", "Invalid quantifier");
}

static void test_annex_b(void)
{
    ASSERT_VALID("]", "");
    ASSERT_VALID("}", "");
    ASSERT_VALID("{", "");
    ASSERT_VALID("a{", "");
    ASSERT_VALID("a{1", "");
    ASSERT_VALID("a{1,", "");
    ASSERT_VALID("a{,1}", "");
    ASSERT_VALID("{a}", "");
    ASSERT_VALID("\\c", "");
    ASSERT_VALID("\\c1", "");
    ASSERT_VALID("[\\c]", "");
    ASSERT_VALID("[\\c1\\c_]", "");
    ASSERT_VALID("\\1", "");         /* no group: legacy octal */
    ASSERT_VALID("\\8\\9", "");      /* identity escapes */
    ASSERT_VALID("\\377\\400", "");
    ASSERT_VALID("\\a\\e\\_\\ \\-", "");
    ASSERT_VALID("\\u12\\x1\\u{1F}\\p{L}", "");
    ASSERT_VALID("\\k", "");         /* no named group: identity escape */
    ASSERT_VALID("\\k<a>", "");
    ASSERT_VALID("[\\d-a][a-\\d][\\s-\\S]", "");
    ASSERT_VALID("[\\1-\\5][\\b]", "");
    ASSERT_ERROR("[z-a]", "", "Range out of order in character class");
    ASSERT_ERROR("[\\8-\\1]", "", "Range out of order in character class");
    /* With a named group, \k must be a reference (B.1.2.9 reparse). */
    ASSERT_ERROR("(?<a>.)\\k", "", "Invalid named reference");
    ASSERT_ERROR("(?<a>.)[\\k]", "", "Invalid escape");
    ASSERT_ERROR("(?<a>.)\\k<b>", "", "Invalid named capture referenced");
    ASSERT_VALID("\\k<a>(?<a>.)", "");
}

static void test_unicode_mode(void)
{
    ASSERT_ERROR("]", "u", "Lone quantifier brackets");
    ASSERT_ERROR("}", "u", "Lone quantifier brackets");
    ASSERT_ERROR("{", "u", "Lone quantifier brackets");
    ASSERT_ERROR("a{", "u", "Incomplete quantifier");
    ASSERT_ERROR("a{1", "u", "Incomplete quantifier");
    ASSERT_ERROR("\\c", "u", "Invalid Unicode escape");
    ASSERT_ERROR("\\c1", "u", "Invalid Unicode escape");
    ASSERT_VALID("\\cA\\ca", "u");
    ASSERT_ERROR("\\x1", "u", "Invalid escape");
    ASSERT_ERROR("\\u12", "u", "Invalid Unicode escape");
    ASSERT_ERROR("\\u{110000}", "u", "Invalid Unicode escape");
    ASSERT_ERROR("\\u{}", "u", "Invalid Unicode escape");
    ASSERT_VALID("\\u{10FFFF}\\u{0000000000000041}", "u");
    ASSERT_ERROR("\\z", "u", "Invalid escape");
    ASSERT_ERROR("\\-", "u", "Invalid escape");
    ASSERT_VALID("\\^\\$\\\\\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\/", "u");
    ASSERT_ERROR("\\00", "u", "Invalid decimal escape");
    ASSERT_VALID("\\0", "u");
    ASSERT_ERROR("\\1", "u", "Invalid escape");
    ASSERT_VALID("(a)\\1", "u");
    ASSERT_VALID("\\1(a)", "u");
    ASSERT_ERROR("(a)\\2", "u", "Invalid escape");
    ASSERT_ERROR("\\k", "u", "Invalid named reference");
    ASSERT_ERROR("\\k<a>", "u", "Invalid named capture referenced");
    ASSERT_ERROR("[\\d-a]", "u", "Invalid character class");
    ASSERT_ERROR("[a-\\d]", "u", "Invalid character class");
    ASSERT_VALID("[-a][a-][\\-][\\b]", "u");
    ASSERT_ERROR("[\\B]", "u", "Invalid escape");
    ASSERT_ERROR("[\\1]", "u", "Invalid class escape");
    ASSERT_ERROR("[", "u", "Unterminated character class");
    ASSERT_ERROR("[a-", "u", "Unterminated character class");
    ASSERT_ERROR("[b-a]", "u", "Range out of order in character class");
    /* Surrogate pairs are one code point with u, two units without. */
    ASSERT_VALID("[😀-😁]", "u");
    ASSERT_ERROR("[😁-😀]", "u", "Range out of order in character class");
    ASSERT_ERROR("[😀-😁]", "", "Range out of order in character class");
    ASSERT_VALID("[\\ud83d\\ude00-\\ud83d\\ude01]", "u");
    ASSERT_VALID("[\\u{1F600}-\\u{1F601}]", "u");
}

static void test_lone_surrogates(void)
{
    static const uint16_t lead[] = {'[', 0xD83D, ']'};
    static const uint16_t trail_then_lead[] = {0xDE00, 0xD83D, '*'};
    static const uint16_t name[] = {'(', '?', '<', 0xD835, 0xDC9C, '>', ')'};
    static const uint16_t bad_name[] = {'(', '?', '<', 0xD835, '>', ')'};
    check_units(__LINE__, lead, 3, "[\\uD83D]", "u", NULL);
    check_units(__LINE__, trail_then_lead, 3, "\\uDE00\\uD83D*", "v", NULL);
    check_units(__LINE__, name, 7, "(?<\\u{1D49C}>)", "", NULL);
    check_units(__LINE__, bad_name, 6, "(?<\\uD835>)", "u",
                "Invalid capture group name");
}

static void test_property_escapes(void)
{
    ASSERT_VALID("\\p{L}\\p{Lu}\\p{Letter}\\p{Uppercase_Letter}\\P{LC}", "u");
    ASSERT_VALID("\\p{gc=Lu}\\p{General_Category=Letter}", "u");
    ASSERT_VALID("\\p{cntrl}\\p{digit}\\p{punct}\\p{Combining_Mark}", "u");
    ASSERT_VALID("\\p{sc=Latn}\\p{Script=Latin}\\p{scx=Grek}", "u");
    ASSERT_VALID("\\p{Script_Extensions=Greek}\\p{sc=Zyyy}\\p{sc=Qaac}", "u");
    ASSERT_VALID("\\p{ASCII}\\p{Any}\\p{Assigned}\\p{Alpha}\\p{space}", "u");
    /* Unicode 16 and 17 scripts. */
    ASSERT_VALID("\\p{sc=Garay}\\p{sc=Sidetic}\\p{scx=Tayo}", "u");
    ASSERT_ERROR("\\p{letter}", "u", "Invalid property name");
    ASSERT_ERROR("\\p{Latin}", "u", "Invalid property name");
    ASSERT_ERROR("\\p{sc=L}", "u", "Invalid property name");
    ASSERT_ERROR("\\p{gc=Latin}", "u", "Invalid property name");
    ASSERT_ERROR("\\p{Block=Basic_Latin}", "u", "Invalid property name");
    ASSERT_ERROR("\\p{IsLatin}", "u", "Invalid property name");
    ASSERT_ERROR("\\p{=L}", "u", "Invalid property name");
    ASSERT_ERROR("\\p{gc=}", "u", "Invalid property name");
    ASSERT_ERROR("\\p{}", "u", "Invalid property name");
    ASSERT_ERROR("\\p{ L}", "u", "Invalid property name");
    ASSERT_ERROR("\\pL", "u", "Invalid property name");
    ASSERT_ERROR("\\p{L", "u", "Invalid property name");
    ASSERT_ERROR("\\p", "u", "Invalid property name");
    ASSERT_ERROR("[\\p{Foo}]", "u", "Invalid property name in character class");
    ASSERT_ERROR("\\p{RGI_Emoji}", "u", "Invalid property name");
    ASSERT_TRUE(regexp_prop_is_binary("ID_Start", 8));
    ASSERT_TRUE(!regexp_prop_is_binary("ID_Star", 7));
    ASSERT_TRUE(regexp_prop_is_property_of_strings("RGI_Emoji", 9));
    ASSERT_TRUE(strcmp(regexp_props_unicode_version, "17.0.0") == 0);
}

static void test_unicode_sets_mode(void)
{
    ASSERT_VALID("[a-z][[a-z]--b][[a-z]--[b]][a--b--c][a&&b&&c]", "v");
    ASSERT_VALID("[\\d--\\w][\\p{L}--\\p{Lu}][[[[a]]]][[]][^[]]", "v");
    ASSERT_ERROR("[a-z--b]", "v", "Invalid set operation in character class");
    ASSERT_ERROR("[a--b&&c]", "v", "Invalid set operation in character class");
    ASSERT_ERROR("[ab&&c]", "v", "Invalid set operation in character class");
    ASSERT_ERROR("[&&a]", "v", "Invalid set operation in character class");
    ASSERT_ERROR("[a&&&b]", "v", "Invalid character in character class");
    ASSERT_ERROR("[a&&]", "v", "Invalid character in character class");
    ASSERT_ERROR("[a-]", "v", "Invalid character in character class");
    ASSERT_ERROR("[a-b-c]", "v", "Invalid character class");
    ASSERT_ERROR("[\\d-a]", "v", "Invalid character class");
    ASSERT_ERROR("[a-[b]]", "v", "Invalid character class");
    ASSERT_ERROR("[z-a]", "v", "Range out of order in character class");
    ASSERT_ERROR("[a", "v", "Unterminated character class");
    ASSERT_ERROR("[[a]", "v", "Unterminated character class");
    /* ClassSetSyntaxCharacter and reserved double punctuators. */
    static const char *const syntax[] = {"[(]", "[)]", "[{]", "[}]", "[/]",
                                         "[|]"};
    for (size_t i = 0; i < sizeof syntax / sizeof syntax[0]; i++)
        ASSERT_ERROR(syntax[i], "v", "Invalid character in character class");
    ASSERT_VALID("[a&&b]", "v");      /* `&&` is the intersection */
    static const char doubles[] = "!#$%*+,.:;<=>?@^`~";
    for (const char *d = doubles; *d; d++) {
        char pattern[8] = {'[', 'a', *d, *d, 'b', ']', 0};
        ASSERT_ERROR(pattern, "v", "Invalid set operation in character class");
        pattern[3] = 'b';
        pattern[4] = ']';
        pattern[5] = 0;
        ASSERT_VALID(pattern, "v"); /* a single one is a plain character */
    }
    ASSERT_VALID("[\\&\\-\\!\\#\\%\\,\\:\\;\\<\\=\\>\\@\\`\\~\\(\\/\\b]", "v");
    ASSERT_ERROR("[\\a]", "v", "Invalid escape");
    ASSERT_ERROR("\\q{a}", "v", "Invalid escape");
    /* \q{...} and strings. */
    ASSERT_VALID("[\\q{}][\\q{a}][\\q{abc}][\\q{a|bc|}]", "v");
    ASSERT_VALID("[^\\q{a}][^\\q{a|b}]", "v");
    ASSERT_ERROR("[^\\q{ab}]", "v", "Negated character class may contain strings");
    ASSERT_ERROR("[^\\q{}]", "v", "Negated character class may contain strings");
    ASSERT_ERROR("[\\q{a]", "v", "Invalid character in character class");
    ASSERT_ERROR("[\\q{a", "v", "Unterminated character class");
    /* Properties of strings. */
    ASSERT_VALID("\\p{RGI_Emoji}[\\p{Basic_Emoji}][[^\\p{RGI_Emoji}&&a]]", "v");
    ASSERT_VALID("[^\\p{RGI_Emoji}&&a][^a--\\p{RGI_Emoji}]", "v");
    ASSERT_ERROR("[^[^\\q{ab}]]", "v", "Negated character class may contain strings");
    ASSERT_ERROR("\\P{RGI_Emoji}", "v", "Invalid property name");
    ASSERT_ERROR("[^\\p{RGI_Emoji}]", "v",
                 "Negated character class may contain strings");
    ASSERT_ERROR("[^[\\p{RGI_Emoji}]]", "v",
                 "Negated character class may contain strings");
    ASSERT_ERROR("[^\\p{RGI_Emoji}--a]", "v",
                 "Negated character class may contain strings");
    ASSERT_ERROR("[^\\p{RGI_Emoji}&&\\q{ab}]", "v",
                 "Negated character class may contain strings");
}

static void test_group_names(void)
{
    ASSERT_VALID("(?<a>x)\\k<a>", "");
    ASSERT_VALID("(?<$>x)(?<_>y)(?<a1>z)(?<π>w)", "u");
    ASSERT_VALID("(?<\\u0061b>x)(?<\\u{62}>x)\\k<ab>\\k<b>", "");
    ASSERT_VALID("(?<\\ud835\\udc9c>x)(?<𝒜𝒜>y)(?<\\u{1d49e}>z)", "");
    ASSERT_VALID("(?<a\\u200c>x)", "u");
    ASSERT_ERROR("(?<1a>x)", "", "Invalid capture group name");
    ASSERT_ERROR("(?<a-b>x)", "", "Invalid capture group name");
    ASSERT_ERROR("(?<>x)", "", "Invalid capture group name");
    ASSERT_ERROR("(?<a", "", "Invalid capture group name");
    ASSERT_ERROR("(?<a\\x61>x)", "u", "Invalid capture group name");
    ASSERT_ERROR("(?<\\u{110000}>x)", "u", "Invalid capture group name");
    ASSERT_ERROR("(?<❤>x)", "u", "Invalid capture group name");
    ASSERT_ERROR("(?<a>a)\\k<a", "u", "Invalid capture group name");
    /* Duplicates only in different alternatives. */
    ASSERT_VALID("(?<a>x)|(?<a>y)", "");
    ASSERT_VALID("(?:(?<a>x)|(?<a>y))\\k<a>", "v");
    ASSERT_VALID("(?<a>x)|(?:(?<a>y)|(?<a>z))", "");
    ASSERT_VALID("(?:(?<a>x)|(?<a>y))|(?<a>z)", "u");
    ASSERT_ERROR("(?<a>x)(?<a>y)", "", "Duplicate capture group name");
    ASSERT_ERROR("(?<a>x|(?<a>y))", "", "Duplicate capture group name");
    ASSERT_ERROR("((?<a>x)|(?<a>y))(?<a>z)", "u", "Duplicate capture group name");
    ASSERT_ERROR("(?:(?<a>x)|y)(?<a>z)", "", "Duplicate capture group name");
    ASSERT_ERROR("(?<a>.)(?<a>.)(", "", "Duplicate capture group name");
}

static void test_modifiers(void)
{
    ASSERT_VALID("(?i:a)(?m:a)(?s:a)(?ims:a)(?-i:a)(?i-ms:a)(?ims-:a)", "");
    ASSERT_VALID("(?i:a)", "v");
    ASSERT_ERROR("(?-:a)", "", "Invalid flag group");
    ASSERT_ERROR("(?ii:a)", "", "Repeated flag in flag group");
    ASSERT_ERROR("(?i-i:a)", "", "Repeated flag in flag group");
    ASSERT_ERROR("(?-ii:a)", "u", "Repeated flag in flag group");
    ASSERT_ERROR("(?i-m-s:a)", "", "Multiple dashes in flag group");
    ASSERT_ERROR("(?x:a)", "", "Invalid group");
    ASSERT_ERROR("(?I:a)", "", "Invalid group");
    ASSERT_ERROR("(?i)", "", "Invalid flag group");
    ASSERT_ERROR("(?iu:a)", "", "Invalid flag group");
}

/* Pattern of `count` copies of `open` then of `close`. */
static uint16_t *nested(const char *open, const char *close, uint32_t count,
                        uint32_t *len)
{
    size_t open_len = strlen(open), close_len = strlen(close);
    uint16_t *units = malloc((open_len + close_len) * count * sizeof *units);
    uint32_t n = 0;
    for (uint32_t i = 0; i < count; i++)
        for (size_t j = 0; j < open_len; j++)
            units[n++] = (uint16_t)open[j];
    for (uint32_t i = 0; i < count; i++)
        for (size_t j = 0; j < close_len; j++)
            units[n++] = (uint16_t)close[j];
    *len = n;
    return units;
}

static void test_limits(void)
{
    uint32_t len;
    uint16_t *deep = nested("(", ")", 100000, &len);
    check_units(__LINE__, deep, len, "((((...", "", "Regular expression too large");
    free(deep);
    deep = nested("[", "]", 100000, &len);
    check_units(__LINE__, deep, len, "[[[[...", "v", "Regular expression too large");
    free(deep);
    deep = nested("(?:", ")", 900, &len);
    check_units(__LINE__, deep, len, "(?:(?:...", "", NULL);
    free(deep);
    deep = nested("[", "]", 900, &len);
    check_units(__LINE__, deep, len, "[[[[...", "v", NULL);
    free(deep);
    /* Many groups and back references. */
    deep = nested("(a)", "\\10000", 10000, &len);
    check_units(__LINE__, deep, len, "(a)...\\10000", "u", NULL);
    free(deep);
    ASSERT_ERROR("\\10000000000000000000000", "u", "Invalid escape");
    ASSERT_VALID("\\10000000000000000000000", "");
}

int main(void)
{
    test_flags();
    test_structure();
    test_quantifiers();
    test_annex_b();
    test_unicode_mode();
    test_lone_surrogates();
    test_property_escapes();
    test_unicode_sets_mode();
    test_group_names();
    test_modifiers();
    test_limits();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
