/*
 * Character classes of regular expressions (ES2025 22.2.1):
 *   - without v: CharacterClass over NonemptyClassRanges, with Annex
 *     B.1.2's extensions when u is absent too;
 *   - with v (UnicodeSetsMode): ClassSetExpression, with nested classes,
 *     the `&&` and `--` operators and \q{...} string disjunctions.
 */
#include <string.h>

#include "parser/regexp_internal.h"

static const char UNTERMINATED[] = "Unterminated character class";
static const char INVALID_OPERATION[] = "Invalid set operation in character class";
static const char INVALID_CHARACTER[] = "Invalid character in character class";
static const char INVALID_CLASS[] = "Invalid character class";

/* ===== Without v: NonemptyClassRanges ===== */

/*
 * ClassEscape[UnicodeMode] :: `b` | [+UnicodeMode] `-`
 *   | CharacterClassEscape | CharacterEscape
 *   (Annex B.1.2 adds [~UnicodeMode] `c` ClassControlLetter, handled with
 *   CharacterEscape's `c`). After the `\`.
 */
static bool parse_class_escape(RegexpParser *p, RegexpClassAtom *atom)
{
    int32_t c = regexp_peek(p);
    if (c == 'b' || (c == '-' && p->unicode_mode)) {
        p->pos++;
        atom->value = c == 'b' ? 0x08 : '-';
        return true;
    }
    bool found;
    if (!regexp_parse_character_class_escape(p, true, &found, atom))
        return false;
    if (found)
        return true;
    return regexp_parse_character_escape(p, true, &atom->value);
}

/* ClassAtom :: `-` | ClassAtomNoDash
 * ClassAtomNoDash :: SourceCharacter but not one of \ ] - | `\` ClassEscape */
static bool parse_class_atom(RegexpParser *p, RegexpClassAtom *atom)
{
    memset(atom, 0, sizeof *atom);
    if (regexp_peek(p) == REGEXP_EOF)
        return regexp_fail(p, UNTERMINATED);
    if (!regexp_eat(p, '\\')) {
        atom->value = regexp_next_code_point(p);
        return true;
    }
    return parse_class_escape(p, atom);
}

/*
 * Early Errors of NonemptyClassRanges :: ClassAtom `-` ClassAtom ...
 * (ES2025 22.2.1.1, as amended by Annex B.1.2.1): a class escape at either
 * end is an error only in UnicodeMode (Annex B unions it with `-`); two
 * characters must be in order.
 */
static bool check_class_range(RegexpParser *p, const RegexpClassAtom *from,
                              const RegexpClassAtom *to)
{
    if (from->is_class || to->is_class)
        return p->unicode_mode ? regexp_fail(p, "Invalid character class")
                               : true;
    if (from->value > to->value)
        return regexp_fail(p, "Range out of order in character class");
    return true;
}

/*
 * ClassContents[~UnicodeSetsMode] :: [empty] | NonemptyClassRanges
 * NonemptyClassRanges :: ClassAtom | ClassAtom NonemptyClassRangesNoDash
 *   | ClassAtom `-` ClassAtom ClassContents
 * NonemptyClassRangesNoDash :: ClassAtom | ClassAtomNoDash
 *   NonemptyClassRangesNoDash | ClassAtomNoDash `-` ClassAtom ClassContents
 * Read greedily: an atom followed by `-` and anything but `]` starts a
 * range (a `-` atom can only be where NonemptyClassRanges allows it).
 * Stops at the closing `]`.
 */
static bool parse_class_ranges(RegexpParser *p)
{
    while (!regexp_at(p, ']')) {
        RegexpClassAtom from, to;
        if (!parse_class_atom(p, &from))
            return false;
        int32_t after_dash = regexp_peek_at(p, 1);
        if (!regexp_at(p, '-') || after_dash == ']' || after_dash == REGEXP_EOF)
            continue;
        p->pos++;
        if (!parse_class_atom(p, &to) || !check_class_range(p, &from, &to))
            return false;
    }
    return true;
}

/* ===== With v: ClassSetExpression ===== */

static bool parse_class_set_class(RegexpParser *p, bool *may_contain_strings);

/* ClassSetSyntaxCharacter :: one of ( ) [ ] { } / - \ | */
static bool is_class_set_syntax_character(int32_t c)
{
    return c > 0 && c < 0x80 && strchr("()[]{}/-\\|", (int)c) != NULL;
}

/* ClassSetReservedPunctuator :: one of & - ! # % , : ; < = > @ ` ~ */
static bool is_class_set_reserved_punctuator(int32_t c)
{
    return c > 0 && c < 0x80 && strchr("&-!#%,:;<=>@`~", (int)c) != NULL;
}

/* ClassSetReservedDoublePunctuator :: one of && !! ## $$ %% ** ++ ,, ..
 * :: ;; << == >> ?? @@ ^^ `` ~~ */
static bool is_reserved_double_punctuator(int32_t c, int32_t next)
{
    return c == next && c > 0 && c < 0x80 &&
           strchr("&!#$%*+,.:;<=>?@^`~", (int)c) != NULL;
}

static bool at_double(const RegexpParser *p, char c)
{
    return regexp_at(p, c) && regexp_peek_at(p, 1) == (unsigned char)c;
}

/* ClassSetCharacter :: `\` CharacterEscape[+UnicodeMode]
 *   | `\` ClassSetReservedPunctuator | `\b` ; after the `\`. */
static bool parse_class_set_escape(RegexpParser *p, RegexpClassAtom *atom)
{
    int32_t c = regexp_peek(p);
    if (c == 'b' || is_class_set_reserved_punctuator(c)) {
        p->pos++;
        atom->value = c == 'b' ? 0x08 : (uint32_t)c;
        return true;
    }
    return regexp_parse_character_escape(p, true, &atom->value);
}

/*
 * ClassSetCharacter ::
 *   [lookahead not in ClassSetReservedDoublePunctuator]
 *     SourceCharacter but not ClassSetSyntaxCharacter
 *   | `\` CharacterEscape[+UnicodeMode] | `\` ClassSetReservedPunctuator
 *   | `\b`
 */
static bool parse_class_set_character(RegexpParser *p, RegexpClassAtom *atom)
{
    int32_t c = regexp_peek(p);
    memset(atom, 0, sizeof *atom);
    if (c == REGEXP_EOF)
        return regexp_fail(p, UNTERMINATED);
    if (regexp_eat(p, '\\'))
        return parse_class_set_escape(p, atom);
    if (is_reserved_double_punctuator(c, regexp_peek_at(p, 1)))
        return regexp_fail(p, INVALID_OPERATION);
    if (is_class_set_syntax_character(c))
        return regexp_fail(p, INVALID_CHARACTER);
    atom->value = regexp_next_code_point(p);
    return true;
}

/*
 * ClassStringDisjunction :: `\q{` ClassStringDisjunctionContents `}`
 * ClassStringDisjunctionContents :: ClassString
 *   | ClassString `|` ClassStringDisjunctionContents
 * ClassString :: [empty] | NonEmptyClassString
 * MayContainStrings: any ClassString that is not one character.
 */
static bool parse_class_string_disjunction(RegexpParser *p,
                                           RegexpClassAtom *operand)
{
    p->pos += 2; /* `\q` */
    if (!regexp_eat(p, '{'))
        return regexp_fail(p, "Invalid escape");
    operand->is_class = true;
    uint32_t length = 0;
    for (;;) {
        int32_t c = regexp_peek(p);
        if (c == '|' || c == '}') {
            p->pos++;
            if (length != 1)
                operand->may_contain_strings = true;
            if (c == '}')
                return true;
            length = 0;
            continue;
        }
        RegexpClassAtom character;
        if (!parse_class_set_character(p, &character))
            return false;
        length++;
    }
}

/*
 * ClassSetOperand :: NestedClass | ClassStringDisjunction | ClassSetCharacter
 * NestedClass :: `[` ClassContents `]` | `[^` ClassContents `]`
 *   | `\` CharacterClassEscape[+UnicodeMode]
 * A ClassSetCharacter comes back with is_class false.
 */
static bool parse_class_set_operand(RegexpParser *p, RegexpClassAtom *operand)
{
    memset(operand, 0, sizeof *operand);
    if (regexp_at(p, '[')) {
        operand->is_class = true;
        return parse_class_set_class(p, &operand->may_contain_strings);
    }
    if (regexp_at(p, '\\') && regexp_peek_at(p, 1) == 'q')
        return parse_class_string_disjunction(p, operand);
    if (regexp_at(p, '\\')) {
        bool found;
        p->pos++;
        if (!regexp_parse_character_class_escape(p, true, &found, operand))
            return false;
        if (found)
            return true;
        p->pos--;
    }
    return parse_class_set_character(p, operand);
}

/* A NestedClass or ClassStringDisjunction starts here. */
static bool at_class_operand(const RegexpParser *p)
{
    int32_t next = regexp_peek_at(p, 1);
    return regexp_at(p, '[') ||
           (regexp_at(p, '\\') && next > 0 && next < 0x80 &&
            strchr("dDsSwWpPq", (int)next) != NULL);
}

/* ClassSetRange :: ClassSetCharacter `-` ClassSetCharacter, from the `-`.
 * ES2025 22.2.1.1: a Syntax Error if the first exceeds the second. */
static bool parse_class_set_range_end(RegexpParser *p,
                                      const RegexpClassAtom *from)
{
    RegexpClassAtom to;
    p->pos++; /* `-` */
    if (at_class_operand(p))
        return regexp_fail(p, INVALID_CLASS);
    if (!parse_class_set_character(p, &to))
        return false;
    if (from->value > to.value)
        return regexp_fail(p, "Range out of order in character class");
    return true;
}

/*
 * ClassUnion :: ClassSetRange ClassUnion? | ClassSetOperand ClassUnion?
 * From after its first operand. MayContainStrings: any operand's.
 */
static bool parse_class_union(RegexpParser *p, RegexpClassAtom operand,
                              bool *may_contain_strings)
{
    for (;;) {
        bool single_dash = regexp_at(p, '-') && !at_double(p, '-');
        if (single_dash && operand.is_class)
            return regexp_fail(p, INVALID_CLASS);
        if (single_dash) {
            if (!parse_class_set_range_end(p, &operand))
                return false;
            /* A range cannot itself start a range: [a-b-c]. */
            if (regexp_at(p, '-') && !at_double(p, '-'))
                return regexp_fail(p, INVALID_CLASS);
        } else {
            *may_contain_strings |= operand.may_contain_strings;
        }
        if (regexp_at(p, ']'))
            return true;
        /* Operators cannot be mixed with unions without nesting. */
        if (at_double(p, '-'))
            return regexp_fail(p, INVALID_OPERATION);
        if (!parse_class_set_operand(p, &operand))
            return false;
    }
}

/*
 * ClassIntersection :: ClassSetOperand `&&` [lookahead != &] ClassSetOperand
 *   | ClassIntersection `&&` [lookahead != &] ClassSetOperand
 * ClassSubtraction :: ClassSetOperand `--` ClassSetOperand
 *   | ClassSubtraction `--` ClassSetOperand
 * From the first operator. MayContainStrings: an intersection's if all
 * operands may, a subtraction's if its first operand may.
 */
static bool parse_class_operation(RegexpParser *p, char op,
                                  const RegexpClassAtom *first,
                                  bool *may_contain_strings)
{
    bool all_may = first->may_contain_strings;
    while (at_double(p, op)) {
        RegexpClassAtom operand;
        p->pos += 2;
        if (op == '&' && regexp_at(p, '&'))
            return regexp_fail(p, INVALID_CHARACTER);
        if (!parse_class_set_operand(p, &operand))
            return false;
        all_may = all_may && operand.may_contain_strings;
    }
    if (regexp_peek(p) == REGEXP_EOF)
        return regexp_fail(p, UNTERMINATED);
    if (!regexp_at(p, ']'))
        return regexp_fail(p, INVALID_OPERATION);
    *may_contain_strings = op == '&' ? all_may : first->may_contain_strings;
    return true;
}

/*
 * ClassContents[+UnicodeSetsMode] :: [empty] | ClassSetExpression
 * ClassSetExpression :: ClassUnion | ClassIntersection | ClassSubtraction
 * The operator after the first operand decides which.
 */
static bool parse_class_set_expression(RegexpParser *p,
                                       bool *may_contain_strings)
{
    RegexpClassAtom first;
    *may_contain_strings = false;
    if (regexp_at(p, ']'))
        return true;
    if (!parse_class_set_operand(p, &first))
        return false;
    if (at_double(p, '&'))
        return parse_class_operation(p, '&', &first, may_contain_strings);
    if (at_double(p, '-'))
        return parse_class_operation(p, '-', &first, may_contain_strings);
    return parse_class_union(p, first, may_contain_strings);
}

/*
 * CharacterClass[+UnicodeSetsMode] and NestedClass ::
 *   `[` [lookahead != ^] ClassContents `]` | `[^` ClassContents `]`
 * ES2025 22.2.1.1: a Syntax Error if a negated one MayContainStrings; it
 * never contains strings itself.
 */
static bool parse_class_set_class(RegexpParser *p, bool *may_contain_strings)
{
    if (!regexp_enter(p))
        return false;
    p->pos++; /* `[` */
    bool negated = regexp_eat(p, '^');
    bool ok = parse_class_set_expression(p, may_contain_strings);
    regexp_leave(p);
    if (!ok)
        return false;
    p->pos++; /* `]`: the expression stops nowhere else */
    if (negated && *may_contain_strings)
        return regexp_fail(p, "Negated character class may contain strings");
    if (negated)
        *may_contain_strings = false;
    return true;
}

/* CharacterClass :: `[` [lookahead != ^] ClassContents `]`
 *                 | `[^` ClassContents `]` */
bool regexp_parse_character_class(RegexpParser *p)
{
    if (p->unicode_sets_mode) {
        bool may_contain_strings;
        return parse_class_set_class(p, &may_contain_strings);
    }
    p->pos++; /* `[` */
    regexp_eat(p, '^');
    if (!parse_class_ranges(p))
        return false;
    p->pos++; /* `]` */
    return true;
}
