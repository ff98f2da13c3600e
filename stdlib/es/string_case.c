/*
 * Case mapping (stdlib/es/string_case.h).
 */
#include <locale.h>
#include <wctype.h>

#include "stdlib/es/string_builder.h"
#include "stdlib/es/string_case.h"

static locale_t utf8_locale(void)
{
    static locale_t locale;
    static bool tried;
    if (!tried) {
        tried = true;
        locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    }
    return locale;
}

/* The code point at *i of s (a surrogate pair combined), advancing *i. */
static uint32_t code_point_at(String *s, uint32_t *i)
{
    uint32_t len = string_length(s);
    uint16_t first = string_char_at(s, (*i)++);
    if (first >= 0xD800 && first <= 0xDBFF && *i < len) {
        uint16_t second = string_char_at(s, *i);
        if (second >= 0xDC00 && second <= 0xDFFF) {
            (*i)++;
            return 0x10000 + ((uint32_t)(first - 0xD800) << 10) + (second - 0xDC00);
        }
    }
    return first;
}

static bool is_cased_letter(uint32_t cp, locale_t locale)
{
    return locale ? iswalpha_l((wint_t)cp, locale) : (cp < 128 && ((cp | 32) >= 'a' && (cp | 32) <= 'z'));
}

/* Final sigma (Unicode 3.13): Σ after a letter and not before one is ς. */
static uint32_t lower_sigma(String *s, uint32_t start, uint32_t end, locale_t locale)
{
    bool before = start > 0 && is_cased_letter(string_char_at(s, start - 1), locale);
    bool after = end < string_length(s) && is_cased_letter(string_char_at(s, end), locale);
    return before && !after ? 0x03C2 : 0x03C3;
}

static uint32_t map_simple(uint32_t cp, bool upper, locale_t locale)
{
    if (cp < 128) {
        if (upper && cp >= 'a' && cp <= 'z')
            return cp - 32;
        if (!upper && cp >= 'A' && cp <= 'Z')
            return cp + 32;
        return cp;
    }
    if (!locale)
        return cp;
    return (uint32_t)(upper ? towupper_l((wint_t)cp, locale) : towlower_l((wint_t)cp, locale));
}

String *string_to_case(VM *vm, String *s, bool upper)
{
    locale_t locale = utf8_locale();
    StringBuilder sb;
    string_builder_init(&sb);
    uint32_t len = string_length(s);
    bool ok = true;
    for (uint32_t i = 0; ok && i < len;) {
        uint32_t start = i;
        uint32_t cp = code_point_at(s, &i);
        if (upper && cp == 0xDF) {
            ok = string_builder_append_cstr(vm, &sb, "SS");
        } else if (!upper && cp == 0x130) {
            ok = string_builder_append_unit(vm, &sb, 'i') && string_builder_append_unit(vm, &sb, 0x307);
        } else if (!upper && cp == 0x3A3) {
            ok = string_builder_append_code_point(vm, &sb, lower_sigma(s, start, i, locale));
        } else {
            ok = string_builder_append_code_point(vm, &sb, map_simple(cp, upper, locale));
        }
    }
    if (!ok) {
        string_builder_free(&sb);
        return NULL;
    }
    return string_builder_finish(vm, &sb);
}
