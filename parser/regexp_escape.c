/*
 * Escapes in regular expression patterns (ES2025 22.2.1 AtomEscape,
 * CharacterEscape, CharacterClassEscape, UnicodePropertyValueExpression,
 * and Annex B.1.2's legacy forms when neither u nor v is given).
 * Every function here starts just after the `\`.
 */
#include <string.h>

#include "parser/regexp_internal.h"
#include "parser/regexp_unicode_props.h"

static const char INVALID_ESCAPE[] = "Invalid escape";
static const char INVALID_UNICODE_ESCAPE[] = "Invalid Unicode escape";

static uint32_t hex_value(int32_t c)
{
    if (c <= '9')
        return (uint32_t)(c - '0');
    return (uint32_t)((c | 0x20) - 'a' + 10);
}

/* --- \u --- */

/* Hex4Digits at pos + offset, if all four are there. */
static bool peek_hex4(const RegexpParser *p, uint32_t offset, uint32_t *value)
{
    *value = 0;
    for (uint32_t i = 0; i < 4; i++) {
        int32_t c = regexp_peek_at(p, offset + i);
        if (!regexp_is_hex_digit(c))
            return false;
        *value = *value * 16 + hex_value(c);
    }
    return true;
}

/* `u{` CodePoint `}` at the `u`: one or more hex digits, at most 0x10FFFF. */
static bool parse_braced_code_point(RegexpParser *p, uint32_t *value)
{
    uint32_t i = 2;
    *value = 0;
    while (regexp_is_hex_digit(regexp_peek_at(p, i))) {
        *value = *value * 16 + hex_value(regexp_peek_at(p, i));
        if (*value > 0x10FFFF)
            return false;
        i++;
    }
    if (i == 2 || regexp_peek_at(p, i) != '}')
        return false;
    p->pos += i + 1;
    return true;
}

/*
 * RegExpUnicodeEscapeSequence[UnicodeMode] ::
 *   [+UnicodeMode] `u` HexLeadSurrogate `\u` HexTrailSurrogate
 *   [+UnicodeMode] `u` HexLeadSurrogate | `u` HexTrailSurrogate
 *                | `u` HexNonSurrogate | `u{` CodePoint `}`
 *   [~UnicodeMode] `u` Hex4Digits
 * At the `u`; consumes nothing unless *ok.
 */
void regexp_parse_unicode_escape(RegexpParser *p, bool unicode_mode,
                                 bool *ok, uint32_t *value)
{
    *ok = false;
    if (unicode_mode && regexp_peek_at(p, 1) == '{') {
        *ok = parse_braced_code_point(p, value);
        return;
    }
    if (!peek_hex4(p, 1, value))
        return;
    *ok = true;
    p->pos += 5;
    uint32_t trail;
    if (unicode_mode && *value >= 0xD800 && *value <= 0xDBFF &&
        regexp_peek(p) == '\\' && regexp_peek_at(p, 1) == 'u' &&
        peek_hex4(p, 2, &trail) && trail >= 0xDC00 && trail <= 0xDFFF) {
        p->pos += 6;
        *value = 0x10000 + ((*value - 0xD800) << 10) + (trail - 0xDC00);
    }
}

/* --- CharacterEscape --- */

/* ControlEscape :: one of f n r t v; returns its value or -1. */
static int32_t control_escape_value(int32_t c)
{
    switch (c) {
    case 'f': return 0x0C;
    case 'n': return 0x0A;
    case 'r': return 0x0D;
    case 't': return 0x09;
    case 'v': return 0x0B;
    default: return -1;
    }
}

/*
 * CharacterEscape :: `c` AsciiLetter, at the `c`.
 * Annex B.1.2: in a class, ClassEscape :: `c` ClassControlLetter also
 * takes a digit or `_`; otherwise the `\` stands for itself
 * (ExtendedAtom / ClassAtomNoDash :: `\` [lookahead = c]) and the `c` is
 * left to be read as the next character.
 */
static bool parse_control_letter_escape(RegexpParser *p, bool in_class,
                                        uint32_t *value)
{
    int32_t letter = regexp_peek_at(p, 1);
    bool class_control = !p->unicode_mode && in_class &&
                         (regexp_is_decimal_digit(letter) || letter == '_');
    if (regexp_is_ascii_letter(letter) || class_control) {
        p->pos += 2;
        *value = (uint32_t)letter % 32;
        return true;
    }
    if (p->unicode_mode)
        return regexp_fail(p, INVALID_UNICODE_ESCAPE);
    *value = '\\';
    return true;
}

/*
 * Annex B.1.2 LegacyOctalEscapeSequence: up to three octal digits whose
 * value fits in 0o377 (`0` [lookahead in {8,9}], NonZeroOctalDigit,
 * ZeroToThree OctalDigit, FourToSeven OctalDigit, ZeroToThree OctalDigit
 * OctalDigit).
 */
static void parse_legacy_octal_escape(RegexpParser *p, uint32_t *value)
{
    uint32_t first = (uint32_t)(regexp_peek(p) - '0');
    uint32_t max_digits = first <= 3 ? 3 : 2;
    *value = 0;
    for (uint32_t i = 0; i < max_digits; i++) {
        int32_t c = regexp_peek(p);
        if (c < '0' || c > '7')
            break;
        *value = *value * 8 + (uint32_t)(c - '0');
        p->pos++;
    }
}

/*
 * A digit after `\` where no DecimalEscape was taken:
 *   CharacterEscape :: `0` [lookahead not in DecimalDigit]
 * and in Annex B.1.2 LegacyOctalEscapeSequence, or IdentityEscape for 8 9.
 */
static bool parse_digit_escape(RegexpParser *p, bool in_class,
                               uint32_t *value)
{
    int32_t c = regexp_peek(p);
    if (c == '0' && !regexp_is_decimal_digit(regexp_peek_at(p, 1))) {
        p->pos++;
        *value = 0;
        return true;
    }
    if (p->unicode_mode) {
        if (in_class && c <= '7')
            return regexp_fail(p, "Invalid class escape");
        if (c == '0')
            return regexp_fail(p, "Invalid decimal escape");
        return regexp_fail(p, INVALID_ESCAPE);
    }
    if (c <= '7') {
        parse_legacy_octal_escape(p, value);
        return true;
    }
    p->pos++;
    *value = (uint32_t)c;
    return true;
}

/* HexEscapeSequence :: `x` HexDigit HexDigit, at the `x`. Annex B.1.2:
 * otherwise `x` is an IdentityEscape. */
static bool parse_hex_escape(RegexpParser *p, uint32_t *value)
{
    int32_t high = regexp_peek_at(p, 1), low = regexp_peek_at(p, 2);
    if (regexp_is_hex_digit(high) && regexp_is_hex_digit(low)) {
        p->pos += 3;
        *value = hex_value(high) * 16 + hex_value(low);
        return true;
    }
    if (p->unicode_mode)
        return regexp_fail(p, INVALID_ESCAPE);
    p->pos++;
    *value = 'x';
    return true;
}

/* RegExpUnicodeEscapeSequence as a CharacterEscape, at the `u`. Annex
 * B.1.2: otherwise `u` is an IdentityEscape. */
static bool parse_unicode_character_escape(RegexpParser *p, uint32_t *value)
{
    bool ok;
    regexp_parse_unicode_escape(p, p->unicode_mode, &ok, value);
    if (ok)
        return true;
    if (p->unicode_mode)
        return regexp_fail(p, INVALID_UNICODE_ESCAPE);
    p->pos++;
    *value = 'u';
    return true;
}

/*
 * IdentityEscape[UnicodeMode] ::
 *   [+UnicodeMode] SyntaxCharacter | [+UnicodeMode] `/`
 *   [~UnicodeMode] SourceCharacterIdentityEscape (Annex B.1.2: any but `c`,
 *                  and but `k` with [+NamedCaptureGroups])
 * plus ClassEscape :: [+UnicodeMode] `-` inside a class.
 */
static bool parse_identity_escape(RegexpParser *p, bool in_class,
                                  uint32_t *value)
{
    int32_t c = regexp_peek(p);
    if (p->unicode_mode) {
        if (!regexp_is_syntax_character(c) && c != '/' &&
            !(in_class && c == '-'))
            return regexp_fail(p, INVALID_ESCAPE);
    } else if (c == 'k' && p->named_capture_groups) {
        return regexp_fail(p, INVALID_ESCAPE);
    }
    *value = regexp_next_code_point(p);
    return true;
}

/*
 * CharacterEscape[UnicodeMode] ::
 *   ControlEscape | `c` AsciiLetter | `0` [lookahead not in DecimalDigit]
 *   | HexEscapeSequence | RegExpUnicodeEscapeSequence | IdentityEscape
 *   (Annex B.1.2 adds [~UnicodeMode] LegacyOctalEscapeSequence)
 */
bool regexp_parse_character_escape(RegexpParser *p, bool in_class,
                                   uint32_t *value)
{
    int32_t c = regexp_peek(p);
    if (c == REGEXP_EOF)
        return regexp_fail(p, "\\ at end of pattern");
    int32_t control = control_escape_value(c);
    if (control >= 0) {
        p->pos++;
        *value = (uint32_t)control;
        return true;
    }
    if (c == 'c')
        return parse_control_letter_escape(p, in_class, value);
    if (regexp_is_decimal_digit(c))
        return parse_digit_escape(p, in_class, value);
    if (c == 'x')
        return parse_hex_escape(p, value);
    if (c == 'u')
        return parse_unicode_character_escape(p, value);
    return parse_identity_escape(p, in_class, value);
}

/* --- \p{...} --- */

/* UnicodePropertyValueCharacter :: AsciiLetter | `_` | DecimalDigit */
static bool is_property_character(int32_t c)
{
    return regexp_is_ascii_letter(c) || regexp_is_decimal_digit(c) ||
           c == '_';
}

static bool names_equal(const char *text, size_t len, const char *name)
{
    return strlen(name) == len && memcmp(text, name, len) == 0;
}

/*
 * UnicodePropertyName `=` UnicodePropertyValue (ES2025 22.2.1.1): the name
 * from table-nonbinary-unicode-properties, the value from
 * PropertyValueAliases.txt for that property.
 */
static bool is_valid_name_and_value(const char *name, size_t name_len,
                                    const char *value, size_t value_len)
{
    if (names_equal(name, name_len, "General_Category") ||
        names_equal(name, name_len, "gc"))
        return regexp_prop_is_general_category_value(value, value_len);
    if (names_equal(name, name_len, "Script") ||
        names_equal(name, name_len, "sc") ||
        names_equal(name, name_len, "Script_Extensions") ||
        names_equal(name, name_len, "scx"))
        return regexp_prop_is_script_value(value, value_len);
    return false;
}

/*
 * LoneUnicodePropertyNameOrValue (ES2025 22.2.1.1): a General_Category
 * value, a binary property, or with [UnicodeSetsMode] a binary property
 * of strings (MayContainStrings; so never negated by \P).
 */
static bool check_lone_property(RegexpParser *p, const char *text,
                                size_t len, bool negated,
                                RegexpClassAtom *atom)
{
    if (regexp_prop_is_general_category_value(text, len) ||
        regexp_prop_is_binary(text, len))
        return true;
    if (p->unicode_sets_mode && !negated &&
        regexp_prop_is_property_of_strings(text, len)) {
        atom->may_contain_strings = true;
        return true;
    }
    return false;
}

/*
 * CharacterClassEscape :: `p{` UnicodePropertyValueExpression `}`
 *                       | `P{` UnicodePropertyValueExpression `}`
 * UnicodePropertyValueExpression ::
 *   UnicodePropertyName `=` UnicodePropertyValue
 *   | LoneUnicodePropertyNameOrValue
 * At the `p` or `P`.
 */
static bool parse_property_escape(RegexpParser *p, bool in_class,
                                  RegexpClassAtom *atom)
{
    const char *invalid = in_class ? "Invalid property name in character class"
                                   : "Invalid property name";
    bool negated = regexp_peek(p) == 'P';
    char text[128];
    size_t len = 0, equals = 0;
    p->pos++;
    if (!regexp_eat(p, '{'))
        return regexp_fail(p, invalid);
    for (int32_t c; (c = regexp_peek(p)) != '}'; p->pos++) {
        bool is_equals = c == '=' && equals == 0 && len > 0;
        if ((!is_property_character(c) && !is_equals) || len + 1 >= sizeof text)
            return regexp_fail(p, invalid);
        if (is_equals)
            equals = len + 1;
        text[len++] = (char)c;
    }
    p->pos++; /* `}` */
    bool valid = equals
        ? is_valid_name_and_value(text, equals - 1, text + equals, len - equals)
        : check_lone_property(p, text, len, negated, atom);
    return valid ? true : regexp_fail(p, invalid);
}

/*
 * CharacterClassEscape[UnicodeMode] :: d D s S w W
 *   | [+UnicodeMode] `p{` ... `}` | [+UnicodeMode] `P{` ... `}`
 */
bool regexp_parse_character_class_escape(RegexpParser *p, bool in_class,
                                         bool *found, RegexpClassAtom *atom)
{
    int32_t c = regexp_peek(p);
    memset(atom, 0, sizeof *atom);
    *found = c == 'd' || c == 'D' || c == 's' || c == 'S' || c == 'w' ||
             c == 'W' || (p->unicode_mode && (c == 'p' || c == 'P'));
    if (!*found)
        return true;
    atom->is_class = true;
    if (c == 'p' || c == 'P')
        return parse_property_escape(p, in_class, atom);
    p->pos++;
    return true;
}

/* --- AtomEscape --- */

/*
 * DecimalEscape :: NonZeroDigit DecimalDigits? [lookahead not DecimalDigit]
 * ES2025 22.2.1.1: a Syntax Error if its CapturingGroupNumber exceeds the
 * number of groups. Annex B.1.2 (no UnicodeMode): then it is no
 * DecimalEscape (*taken is false, nothing consumed).
 */
static bool parse_decimal_escape(RegexpParser *p, bool *taken)
{
    uint32_t start = p->pos;
    uint64_t number = 0;
    while (regexp_is_decimal_digit(regexp_peek(p))) {
        if (number <= UINT32_MAX)
            number = number * 10 + (uint64_t)(regexp_peek(p) - '0');
        p->pos++;
    }
    *taken = number <= p->capture_count;
    if (*taken)
        return true;
    if (p->unicode_mode)
        return regexp_fail(p, INVALID_ESCAPE);
    p->pos = start;
    return true;
}

/*
 * AtomEscape[UnicodeMode, NamedCaptureGroups] ::
 *   DecimalEscape | CharacterClassEscape | CharacterEscape
 *   | [+NamedCaptureGroups] `k` GroupName
 */
bool regexp_parse_atom_escape(RegexpParser *p)
{
    int32_t c = regexp_peek(p);
    if (c == REGEXP_EOF)
        return regexp_fail(p, "\\ at end of pattern");
    if (c >= '1' && c <= '9') {
        bool taken;
        if (!parse_decimal_escape(p, &taken))
            return false;
        if (taken)
            return true;
    }
    if (c == 'k' && p->named_capture_groups) {
        p->pos++;
        if (!regexp_at(p, '<'))
            return regexp_fail(p, "Invalid named reference");
        return regexp_parse_group_reference_name(p);
    }
    bool found;
    RegexpClassAtom atom;
    if (!regexp_parse_character_class_escape(p, false, &found, &atom))
        return false;
    if (found)
        return true;
    uint32_t value;
    return regexp_parse_character_escape(p, false, &value);
}
