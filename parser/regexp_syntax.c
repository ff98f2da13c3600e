/*
 * Early errors of regular expression literals: flags, and the pattern
 * grammar of ES2025 22.2.1 (Patterns) with Annex B.1.2's extensions when
 * neither u nor v is given. This file holds the entry point, the structure
 * of a pattern (Disjunction, Alternative, Term, Quantifier, groups); see
 * regexp_internal.h for the other files.
 *
 * Error messages are V8's, so that nodus reports what node does.
 */
#include <stdio.h>
#include <string.h>

#include "parser/regexp_internal.h"
#include "parser/regexp_syntax.h"

/* --- Reading --- */

int32_t regexp_peek_at(const RegexpParser *p, uint32_t offset)
{
    if (offset >= p->len - p->pos)
        return REGEXP_EOF;
    return p->src[p->pos + offset];
}

int32_t regexp_peek(const RegexpParser *p)
{
    return regexp_peek_at(p, 0);
}

bool regexp_at(const RegexpParser *p, char c)
{
    return regexp_peek(p) == (unsigned char)c;
}

bool regexp_eat(RegexpParser *p, char c)
{
    if (!regexp_at(p, c))
        return false;
    p->pos++;
    return true;
}

/* SourceCharacter: in UnicodeMode the pattern is read as code points
 * (ES2025 22.2.3.4 ParsePattern: StringToCodePoints), otherwise as code
 * units. The caller has checked that a code unit is there. */
uint32_t regexp_next_code_point(RegexpParser *p)
{
    uint32_t c = p->src[p->pos++];
    if (!p->unicode_mode || c < 0xD800 || c > 0xDBFF)
        return c;
    int32_t next = regexp_peek(p);
    if (next < 0xDC00 || next > 0xDFFF)
        return c;
    p->pos++;
    return 0x10000 + ((c - 0xD800) << 10) + ((uint32_t)next - 0xDC00);
}

bool regexp_fail(RegexpParser *p, const char *message)
{
    if (!p->error)
        p->error = message;
    return false;
}

bool regexp_enter(RegexpParser *p)
{
    if (p->depth >= REGEXP_MAX_NESTING)
        return regexp_fail(p, "Regular expression too large");
    p->depth++;
    return true;
}

void regexp_leave(RegexpParser *p)
{
    p->depth--;
}

bool regexp_is_decimal_digit(int32_t c)
{
    return c >= '0' && c <= '9';
}

bool regexp_is_hex_digit(int32_t c)
{
    return regexp_is_decimal_digit(c) || (c >= 'a' && c <= 'f') ||
           (c >= 'A' && c <= 'F');
}

bool regexp_is_ascii_letter(int32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* SyntaxCharacter :: one of ^ $ \ . * + ? ( ) [ ] { } | */
bool regexp_is_syntax_character(int32_t c)
{
    return c > 0 && c < 0x80 && strchr("^$\\.*+?()[]{}|", (int)c) != NULL;
}

/* --- Flags --- */

/* ES2025 13.2.7.2 IsValidRegularExpressionLiteral: the flags are among
 * d g i m s u v y, none twice, and not both u and v. */
static bool check_flags(const char *flags, uint32_t flags_len,
                        bool *unicode, bool *unicode_sets)
{
    static const char valid[] = "dgimsuvy";
    const unsigned u_bit = 1u << 5, v_bit = 1u << 6;
    unsigned seen = 0;
    for (uint32_t i = 0; i < flags_len; i++) {
        const char *at = flags[i] ? strchr(valid, flags[i]) : NULL;
        if (!at)
            return false;
        unsigned bit = 1u << (at - valid);
        if (seen & bit)
            return false;
        seen |= bit;
    }
    *unicode = (seen & u_bit) != 0;
    *unicode_sets = (seen & v_bit) != 0;
    return !(*unicode && *unicode_sets);
}

/* --- Counting groups before parsing --- */

/* Skips a character class from its `[`; with v, classes nest. */
static uint32_t skip_class(const RegexpParser *p, uint32_t i)
{
    uint32_t depth = 0;
    for (; i < p->len; i++) {
        uint16_t c = p->src[i];
        if (c == '\\')
            i++;
        else if (c == '[' && (depth == 0 || p->unicode_sets_mode))
            depth++;
        else if (c == ']' && --depth == 0)
            return i + 1;
    }
    return i;
}

/*
 * ES2025 22.2.1.1 CountLeftCapturingParensWithin(Pattern), needed before
 * parsing: a DecimalEscape \N is valid only if N does not exceed it, and
 * Annex B.1.2 reads a larger one as a legacy escape instead. Also tells
 * whether the pattern has a GroupName, for which Annex B's ParsePattern
 * reparses with [+NamedCaptureGroups]. A scan that skips escapes and class
 * contents agrees with the grammar on where groups open.
 */
static void count_capturing_groups(RegexpParser *p, bool *has_group_names)
{
    *has_group_names = false;
    uint32_t i = 0;
    while (i < p->len) {
        uint16_t c = p->src[i];
        if (c == '\\') {
            i += 2;
        } else if (c == '[') {
            i = skip_class(p, i);
        } else if (c == '(' && (i + 1 >= p->len || p->src[i + 1] != '?')) {
            p->capture_count++;
            i++;
        } else if (c == '(' && i + 3 < p->len && p->src[i + 2] == '<' &&
                   p->src[i + 3] != '=' && p->src[i + 3] != '!') {
            p->capture_count++;
            *has_group_names = true;
            i += 3;
        } else {
            i++;
        }
    }
}

/* --- Quantifiers --- */

/* DecimalDigits[~Sep] as a span of the pattern: [start, end). */
typedef struct DigitSpan {
    uint32_t start, end;
} DigitSpan;

static bool parse_decimal_digits(RegexpParser *p, DigitSpan *digits)
{
    digits->start = p->pos;
    while (regexp_is_decimal_digit(regexp_peek(p)))
        p->pos++;
    digits->end = p->pos;
    return digits->end > digits->start;
}

/* Compares the MVs of two DecimalDigits exactly, whatever their size. */
static int compare_digit_values(const RegexpParser *p, DigitSpan a,
                                DigitSpan b)
{
    while (a.start + 1 < a.end && p->src[a.start] == '0')
        a.start++;
    while (b.start + 1 < b.end && p->src[b.start] == '0')
        b.start++;
    uint32_t a_len = a.end - a.start, b_len = b.end - b.start;
    if (a_len != b_len)
        return a_len < b_len ? -1 : 1;
    for (uint32_t i = 0; i < a_len; i++) {
        if (p->src[a.start + i] != p->src[b.start + i])
            return p->src[a.start + i] < p->src[b.start + i] ? -1 : 1;
    }
    return 0;
}

/*
 * QuantifierPrefix :: `{` DecimalDigits `}` | `{` DecimalDigits `,}`
 *                   | `{` DecimalDigits `,` DecimalDigits `}`
 * Returns whether the text at `{` is one, consuming it only then.
 * *out_of_order: min > max, a Syntax Error (ES2025 22.2.1.1) if this is
 * taken as a Quantifier.
 */
static bool parse_braced_quantifier(RegexpParser *p, bool *out_of_order)
{
    uint32_t start = p->pos;
    DigitSpan min, max;
    bool has_max = false;
    p->pos++; /* `{` */
    if (!parse_decimal_digits(p, &min))
        goto not_a_quantifier;
    if (regexp_eat(p, ','))
        has_max = parse_decimal_digits(p, &max);
    if (!regexp_eat(p, '}'))
        goto not_a_quantifier;
    *out_of_order = has_max && compare_digit_values(p, min, max) > 0;
    return true;
not_a_quantifier:
    p->pos = start;
    return false;
}

/* Quantifier :: QuantifierPrefix | QuantifierPrefix `?`
 * Sets *found; *out_of_order as for parse_braced_quantifier. */
static bool parse_quantifier(RegexpParser *p, bool *found, bool *out_of_order)
{
    int32_t c = regexp_peek(p);
    *found = false;
    *out_of_order = false;
    if (c == '*' || c == '+' || c == '?') {
        p->pos++;
    } else if (c == '{') {
        if (!parse_braced_quantifier(p, out_of_order)) {
            /* Annex B.1.2: a `{` that starts no quantifier is an
             * ExtendedPatternCharacter; in UnicodeMode it is an error. */
            return p->unicode_mode ? regexp_fail(p, "Incomplete quantifier")
                                   : true;
        }
    } else {
        return true;
    }
    *found = true;
    regexp_eat(p, '?');
    return true;
}

/* What a Term begins with decides whether a Quantifier may follow. */
typedef enum TermKind {
    TERM_ATOM,          /* Atom, or Annex B QuantifiableAssertion */
    TERM_ASSERTION,     /* ^ $ \b \B */
    TERM_LOOKAROUND,    /* lookbehind, or lookahead in UnicodeMode */
} TermKind;

static bool parse_optional_quantifier(RegexpParser *p, TermKind kind)
{
    bool found, out_of_order;
    if (!parse_quantifier(p, &found, &out_of_order))
        return false;
    if (found && kind == TERM_LOOKAROUND)
        return regexp_fail(p, "Invalid quantifier");
    if (found && kind == TERM_ASSERTION)
        return regexp_fail(p, "Nothing to repeat");
    if (out_of_order)
        return regexp_fail(p, "numbers out of order in {} quantifier");
    return true;
}

/* --- Groups --- */

static bool parse_disjunction(RegexpParser *p);

/* No GroupSpecifier, for parse_group's name. */
#define NO_NAME UINT32_MAX

/* The bit of a RegularExpressionModifier (i m s), or 0. */
static unsigned modifier_bit(int32_t c)
{
    switch (c) {
    case 'i': return 1;
    case 'm': return 2;
    case 's': return 4;
    default: return 0;
    }
}

/*
 * Atom :: `(?` RegularExpressionModifiers `:` Disjunction `)`
 *       | `(?` RegularExpressionModifiers `-` RegularExpressionModifiers `:`
 *         Disjunction `)`
 * (proposal regexp-modifiers, ES2025), from after `(?`. Early Errors: no
 * modifier twice, none on both sides, not both sides empty.
 */
static bool parse_modifiers(RegexpParser *p)
{
    unsigned added = 0, removed = 0;
    bool dash = false;
    for (;;) {
        int32_t c = regexp_peek(p);
        unsigned bit = modifier_bit(c);
        if (bit) {
            if ((added | removed) & bit)
                return regexp_fail(p, "Repeated flag in flag group");
            *(dash ? &removed : &added) |= bit;
        } else if (c == '-') {
            if (dash)
                return regexp_fail(p, "Multiple dashes in flag group");
            dash = true;
        } else if (c == ':') {
            p->pos++;
            if (dash && !added && !removed)
                return regexp_fail(p, "Invalid flag group");
            return true;
        } else {
            return regexp_fail(p, "Invalid flag group");
        }
        p->pos++;
    }
}

/*
 * What follows `(?`: `:` (non-capturing), `=` `!` (lookahead), `<=` `<!`
 * (lookbehind), `<name>` (GroupSpecifier, sets *name), or modifiers. Sets
 * *kind for the quantifier check: Annex B.1.2 makes lookaheads
 * QuantifiableAssertions without UnicodeMode; lookbehinds never are.
 */
static bool parse_group_prefix(RegexpParser *p, TermKind *kind,
                               uint32_t *name)
{
    int32_t c = regexp_peek(p);
    int32_t next = regexp_peek_at(p, 1);
    *kind = TERM_ATOM;
    if (c == ':') {
        p->pos++;
    } else if (c == '=' || c == '!') {
        p->pos++;
        if (p->unicode_mode)
            *kind = TERM_LOOKAROUND;
    } else if (c == '<' && (next == '=' || next == '!')) {
        p->pos += 2;
        *kind = TERM_LOOKAROUND;
    } else if (c == '<') {
        return regexp_parse_group_specifier_name(p, name);
    } else if (modifier_bit(c) || c == '-') {
        return parse_modifiers(p);
    } else {
        return regexp_fail(p, "Invalid group");
    }
    return true;
}

/*
 * Atom :: `(` GroupSpecifier? Disjunction `)` | `(?:` Disjunction `)`
 * Assertion :: `(?=` `(?!` `(?<=` `(?<!` Disjunction `)`
 */
static bool parse_group(RegexpParser *p, TermKind *kind)
{
    uint32_t name = NO_NAME;
    p->pos++; /* `(` */
    *kind = TERM_ATOM;
    if (regexp_eat(p, '?') && !parse_group_prefix(p, kind, &name))
        return false;
    if (!parse_disjunction(p))
        return false;
    if (!regexp_eat(p, ')'))
        return regexp_fail(p, "Unterminated group");
    return name == NO_NAME || regexp_names_define_group(p, name);
}

/* --- Terms --- */

/*
 * A `{` where an Atom is expected: Annex B.1.2's InvalidBracedQuantifier
 * is an error, any other `{` an ExtendedPatternCharacter; UnicodeMode has
 * no such atom.
 */
static bool parse_brace_atom(RegexpParser *p)
{
    bool out_of_order;
    if (parse_braced_quantifier(p, &out_of_order))
        return regexp_fail(p, "Nothing to repeat");
    if (p->unicode_mode)
        return regexp_fail(p, "Lone quantifier brackets");
    p->pos++;
    return true;
}

/*
 * Assertion or Atom (ExtendedAtom in Annex B.1.2):
 *   ^ $ \b \B, lookarounds, PatternCharacter, `.`, `\` AtomEscape,
 *   CharacterClass, groups. Sets *kind.
 */
static bool parse_assertion_or_atom(RegexpParser *p, TermKind *kind)
{
    int32_t c = regexp_peek(p);
    int32_t next = regexp_peek_at(p, 1);
    *kind = TERM_ATOM;
    switch (c) {
    case '^':
    case '$':
        p->pos++;
        *kind = TERM_ASSERTION;
        return true;
    case '\\':
        if (next == 'b' || next == 'B') {
            p->pos += 2;
            *kind = TERM_ASSERTION;
            return true;
        }
        p->pos++;
        return regexp_parse_atom_escape(p);
    case '(':
        return parse_group(p, kind);
    case '[':
        return regexp_parse_character_class(p);
    case '*':
    case '+':
    case '?':
        return regexp_fail(p, "Nothing to repeat");
    case '{':
        return parse_brace_atom(p);
    case '}':
    case ']':
        /* PatternCharacter excludes SyntaxCharacter; Annex B's
         * ExtendedPatternCharacter allows these two. */
        if (p->unicode_mode)
            return regexp_fail(p, "Lone quantifier brackets");
        p->pos++;
        return true;
    default: /* `.` and PatternCharacter */
        regexp_next_code_point(p);
        return true;
    }
}

/*
 * Term :: Assertion | Atom | Atom Quantifier
 * Annex B.1.2 adds QuantifiableAssertion Quantifier and ExtendedAtom
 * Quantifier.
 */
static bool parse_term(RegexpParser *p)
{
    TermKind kind;
    if (!parse_assertion_or_atom(p, &kind))
        return false;
    return parse_optional_quantifier(p, kind);
}

/* Alternative :: [empty] | Alternative Term */
static bool parse_alternative(RegexpParser *p)
{
    for (;;) {
        int32_t c = regexp_peek(p);
        if (c == REGEXP_EOF || c == '|' || c == ')')
            return true;
        if (!parse_term(p))
            return false;
    }
}

/* Disjunction :: Alternative | Alternative `|` Disjunction */
static bool parse_disjunction(RegexpParser *p)
{
    if (!regexp_enter(p))
        return false;
    RegexpNameScope scope = regexp_names_open_disjunction(&p->names);
    bool ok = parse_alternative(p);
    while (ok && regexp_eat(p, '|'))
        ok = regexp_names_next_alternative(p, scope) && parse_alternative(p);
    ok = ok && regexp_names_close_disjunction(p, scope);
    regexp_leave(p);
    return ok;
}

/* Pattern :: Disjunction */
static bool parse_pattern(RegexpParser *p)
{
    if (!parse_disjunction(p))
        return false;
    /* Only an unmatched `)` stops the outermost Disjunction early. */
    if (p->pos < p->len)
        return regexp_fail(p, "Unmatched ')'");
    return regexp_names_check_references(p);
}

/* --- Entry point --- */

static void set_message(char *message, size_t message_size, const char *text)
{
    if (message && message_size > 0)
        snprintf(message, message_size, "%s", text);
}

void regexp_parser_init(RegexpParser *p, const uint16_t *pattern,
                        uint32_t pattern_len, bool unicode, bool unicode_sets)
{
    memset(p, 0, sizeof *p);
    p->unicode_mode = unicode || unicode_sets;
    p->unicode_sets_mode = unicode_sets;
    p->src = pattern;
    p->len = pattern_len;
    bool has_group_names;
    count_capturing_groups(p, &has_group_names);
    /* ES2025 22.2.3.4 ParsePattern, Annex B.1.2.9: [+NamedCaptureGroups]
     * in UnicodeMode, or when the pattern has a GroupName. */
    p->named_capture_groups = p->unicode_mode || has_group_names;
    regexp_names_init(&p->names);
}

bool regexp_check_syntax(const uint16_t *pattern, uint32_t pattern_len,
                         const char *flags, uint32_t flags_len,
                         char *message, size_t message_size)
{
    RegexpParser p;
    bool unicode, unicode_sets;
    if (!check_flags(flags, flags_len, &unicode, &unicode_sets)) {
        set_message(message, message_size, "Invalid flags");
        return false;
    }
    regexp_parser_init(&p, pattern, pattern_len, unicode, unicode_sets);
    bool ok = parse_pattern(&p);
    regexp_names_free(&p.names);
    if (!ok)
        set_message(message, message_size, p.error);
    else
        set_message(message, message_size, "");
    return ok;
}
