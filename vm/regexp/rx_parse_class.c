/*
 * Character classes to sets (ES2025 22.2.2.9 CompileToCharSet, 22.2.2.7
 * CompileAtom for CharacterClass, Annex B.1.2.7):
 *   - without v: ClassContents of ranges and class escapes, with Annex B's
 *     `\d-x` ranges, negation by inverting after case closure;
 *   - with v: ClassSetExpression (nested classes, && and --, \q{...},
 *     properties of strings), negation by CharacterComplement and, with i,
 *     MaybeSimpleCaseFolding of the operands.
 */
#include <stdlib.h>
#include <string.h>

#include "vm/regexp/rx_case.h"
#include "vm/regexp/rx_parse.h"
#include "vm/regexp/rx_props.h"

static bool folding(const RxParser *rp, uint8_t mode)
{
    return rp->unicode_sets && (mode & RX_MODE_IGNORE_CASE);
}

/* ES2025 22.2.2.9.3 MaybeSimpleCaseFolding, on the characters and strings. */
static void maybe_fold(RxParser *rp, uint8_t mode, RxClass *c)
{
    if (!folding(rp, mode))
        return;
    rx_charset_normalize(&c->chars);
    rx_case_fold_set(&c->chars);
    for (uint32_t i = 0; i < c->strings.count; i++) {
        RxString *s = &c->strings.items[i];
        for (uint32_t k = 0; k < s->len; k++)
            s->cps[k] = rx_canonicalize(s->cps[k], true);
    }
}

/* ES2025 22.2.2.9.4 CharacterComplement over AllCharacters. */
static void complement(RxParser *rp, uint8_t mode, RxCharSet *set)
{
    rx_charset_normalize(set);
    rx_charset_invert(set, rp->unicode ? RX_MAX_CODE_POINT : 0xFFFF);
    if (folding(rp, mode))
        rx_case_remove_unfolded(set);
}

/* ---- Class escapes ---- */

/* WhiteSpace and LineTerminator (ES2025 12.2, 12.3) */
static void add_space(RxCharSet *set)
{
    static const uint32_t ranges[] = {
        0x09, 0x0D, 0x20, 0x20, 0xA0, 0xA0, 0x1680, 0x1680, 0x2000, 0x200A, 0x2028, 0x2029,
        0x202F, 0x202F, 0x205F, 0x205F, 0x3000, 0x3000, 0xFEFF, 0xFEFF,
    };
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i += 2)
        rx_charset_add_range(set, ranges[i], ranges[i + 1]);
}

/* ES2025 22.2.2.9.? WordCharacters: the ASCII word characters, and with u
 * or v and i the characters that canonicalize to one (U+017F, U+212A). */
static void add_word(RxParser *rp, uint8_t mode, RxCharSet *set)
{
    rx_charset_add_range(set, '0', '9');
    rx_charset_add_range(set, 'A', 'Z');
    rx_charset_add(set, '_');
    rx_charset_add_range(set, 'a', 'z');
    if (rp->unicode && (mode & RX_MODE_IGNORE_CASE)) {
        rx_charset_add(set, 0x017F);
        rx_charset_add(set, 0x212A);
    }
}

/* `p{` ... `}` at the `{`: the property's set (with strings). */
static void parse_property(RxParser *rp, RxClass *class_)
{
    RegexpParser *p = &rp->p;
    char text[128];
    size_t len = 0;
    p->pos++;
    for (int32_t c; (c = regexp_peek(p)) != '}' && c != REGEXP_EOF; p->pos++) {
        if (len + 1 < sizeof text)
            text[len++] = (char)c;
    }
    p->pos++;
    rx_property_add(text, len, class_);
}

bool rx_parse_class_escape(RxParser *rp, uint8_t mode, RxClass *class_)
{
    RegexpParser *p = &rp->p;
    int32_t c = regexp_peek(p);
    RxClass set;
    rx_class_init(&set);
    switch (c) {
    case 'd': case 'D':
        rx_charset_add_range(&set.chars, '0', '9');
        break;
    case 's': case 'S':
        add_space(&set.chars);
        break;
    case 'w': case 'W':
        add_word(rp, mode, &set.chars);
        maybe_fold(rp, mode, &set);
        break;
    case 'p': case 'P':
        if (!rp->unicode)
            return false;
        p->pos++;
        parse_property(rp, &set);
        p->pos--;
        maybe_fold(rp, mode, &set);
        break;
    default:
        return false;
    }
    p->pos++;
    if (c == 'D' || c == 'S' || c == 'W' || c == 'P')
        complement(rp, mode, &set.chars);
    rx_class_union(class_, &set);
    rx_class_free(&set);
    return true;
}

/* ---- Without v: ClassContents of ranges ---- */

/* A ClassAtom: a character (*c) or, when it returns true, a class escape
 * added to class_. */
static bool parse_class_atom(RxParser *rp, uint8_t mode, RxClass *class_, uint32_t *c)
{
    RegexpParser *p = &rp->p;
    if (!regexp_eat(p, '\\')) {
        *c = regexp_next_code_point(p);
        return false;
    }
    int32_t next = regexp_peek(p);
    if (next == 'b' || (next == '-' && rp->unicode)) {
        p->pos++;
        *c = next == 'b' ? 0x08 : '-';
        return false;
    }
    if (rx_parse_class_escape(rp, mode, class_))
        return true;
    regexp_parse_character_escape(p, true, c);
    return false;
}

/* NonemptyClassRanges, to the `]`. Annex B.1.2.7: a range with a class
 * escape at either end is the union of both ends and `-`. */
static void parse_class_ranges(RxParser *rp, uint8_t mode, RxClass *class_)
{
    RegexpParser *p = &rp->p;
    while (!regexp_at(p, ']') && regexp_peek(p) != REGEXP_EOF) {
        uint32_t from = 0, to = 0;
        bool from_is_class = parse_class_atom(rp, mode, class_, &from);
        int32_t after_dash = regexp_peek_at(p, 1);
        if (!regexp_at(p, '-') || after_dash == ']' || after_dash == REGEXP_EOF) {
            if (!from_is_class)
                rx_charset_add(&class_->chars, from);
            continue;
        }
        p->pos++;
        bool to_is_class = parse_class_atom(rp, mode, class_, &to);
        if (from_is_class || to_is_class) {
            rx_charset_add(&class_->chars, '-');
            if (!from_is_class)
                rx_charset_add(&class_->chars, from);
            if (!to_is_class)
                rx_charset_add(&class_->chars, to);
        } else {
            rx_charset_add_range(&class_->chars, from, to);
        }
    }
}

/* ---- With v: ClassSetExpression ---- */

static void parse_nested_class(RxParser *rp, uint8_t mode, RxClass *out);

/* ClassSetCharacter (after checking it is not an operand): its value. */
static uint32_t parse_class_set_character(RxParser *rp)
{
    RegexpParser *p = &rp->p;
    if (!regexp_eat(p, '\\'))
        return regexp_next_code_point(p);
    int32_t c = regexp_peek(p);
    if (c == 'b') {
        p->pos++;
        return 0x08;
    }
    if (c > 0 && c < 0x80 && strchr("&-!#%,:;<=>@`~", (int)c)) {
        p->pos++;
        return (uint32_t)c;
    }
    uint32_t value = 0;
    regexp_parse_character_escape(p, true, &value);
    return value;
}

/* `\q{` ClassString (`|` ClassString)* `}` at the `\`. */
static void parse_string_disjunction(RxParser *rp, RxClass *out)
{
    RegexpParser *p = &rp->p;
    p->pos += 3;
    uint32_t *cps = malloc((p->len + 1) * sizeof *cps);
    uint32_t len = 0;
    if (!cps) {
        rp->failed = true;
        return;
    }
    for (;;) {
        int32_t c = regexp_peek(p);
        if (c == '|' || c == '}' || c == REGEXP_EOF) {
            p->pos++;
            if (len == 1)
                rx_charset_add(&out->chars, cps[0]);
            else
                rx_strings_add(&out->strings, cps, len);
            len = 0;
            if (c != '|')
                break;
            continue;
        }
        cps[len++] = parse_class_set_character(rp);
    }
    free(cps);
}

/* ClassSetOperand, or a ClassSetRange when a single `-` follows a
 * character: added to out. */
static void parse_class_set_operand(RxParser *rp, uint8_t mode, RxClass *out)
{
    RegexpParser *p = &rp->p;
    RxClass operand;
    rx_class_init(&operand);
    int32_t next = regexp_peek_at(p, 1);
    if (regexp_at(p, '[')) {
        parse_nested_class(rp, mode, &operand);
        rx_class_union(out, &operand);
        rx_class_free(&operand);
        return;
    }
    if (regexp_at(p, '\\') && next == 'q') {
        parse_string_disjunction(rp, &operand);
    } else if (regexp_at(p, '\\') && next > 0 && next < 0x80 && strchr("dDsSwWpP", (int)next)) {
        p->pos++;
        rx_parse_class_escape(rp, mode, &operand);
        rx_class_union(out, &operand);
        rx_class_free(&operand);
        return;
    } else {
        uint32_t from = parse_class_set_character(rp);
        if (regexp_at(p, '-') && regexp_peek_at(p, 1) != '-') {
            p->pos++;
            rx_charset_add_range(&operand.chars, from, parse_class_set_character(rp));
        } else {
            rx_charset_add(&operand.chars, from);
        }
    }
    maybe_fold(rp, mode, &operand);
    rx_class_union(out, &operand);
    rx_class_free(&operand);
}

static bool at_double(RxParser *rp, char c)
{
    return regexp_at(&rp->p, c) && regexp_peek_at(&rp->p, 1) == (unsigned char)c;
}

/* ClassSetExpression: ClassUnion, ClassIntersection or ClassSubtraction,
 * to the `]`. */
static void parse_class_set_expression(RxParser *rp, uint8_t mode, RxClass *out)
{
    RegexpParser *p = &rp->p;
    if (regexp_at(p, ']'))
        return;
    parse_class_set_operand(rp, mode, out);
    rx_charset_normalize(&out->chars);
    char op = at_double(rp, '&') ? '&' : at_double(rp, '-') ? '-' : 0;
    while (op && at_double(rp, op)) {
        p->pos += 2;
        RxClass operand;
        rx_class_init(&operand);
        parse_class_set_operand(rp, mode, &operand);
        rx_charset_normalize(&operand.chars);
        if (op == '&')
            rx_class_intersect(out, &operand);
        else
            rx_class_subtract(out, &operand);
        out->chars.failed |= rx_class_failed(&operand);
        rx_class_free(&operand);
    }
    while (!op && !regexp_at(p, ']') && regexp_peek(p) != REGEXP_EOF)
        parse_class_set_operand(rp, mode, out);
    rx_charset_normalize(&out->chars);
}

/* NestedClass :: `[` ClassContents `]` | `[^` ClassContents `]` */
static void parse_nested_class(RxParser *rp, uint8_t mode, RxClass *out)
{
    RegexpParser *p = &rp->p;
    p->pos++;
    bool negated = regexp_eat(p, '^');
    parse_class_set_expression(rp, mode, out);
    regexp_eat(p, ']');
    if (negated)
        complement(rp, mode, &out->chars);
}

/* ---- The class node ---- */

static void finish_class(RxParser *rp, uint8_t mode, RxClass *class_)
{
    rx_charset_normalize(&class_->chars);
    if (mode & RX_MODE_IGNORE_CASE)
        rx_case_close(&class_->chars, rp->unicode);
}

/* Longest strings first (ES2025 22.2.2.7 CompileAtom: a class with
 * strings matches the longest it can, then single characters). */
static int compare_length_descending(const void *a, const void *b)
{
    const RxString *x = a, *y = b;
    return x->len < y->len ? 1 : x->len > y->len ? -1 : 0;
}

static RxNode *string_node(RxParser *rp, const RxString *s, uint8_t mode)
{
    RxNode *seq = rx_new_node(rp, RX_NODE_SEQ, mode);
    for (uint32_t i = 0; seq && i < s->len; i++) {
        RxNode *c = rx_new_node(rp, RX_NODE_CHAR, mode);
        if (c)
            c->value = s->cps[i];
        if (!rx_list_push(rp, &seq->children, c))
            return NULL;
    }
    return seq;
}

/* A class with strings: an ALT of the strings and the characters. */
static RxNode *class_with_strings(RxParser *rp, uint8_t mode, RxClass *class_)
{
    RxNode *alt = rx_new_node(rp, RX_NODE_ALT, mode);
    RxStringSet *strings = &class_->strings;
    qsort(strings->items, strings->count, sizeof *strings->items, compare_length_descending);
    for (uint32_t i = 0; alt && i < strings->count; i++) {
        if (!rx_list_push(rp, &alt->children, string_node(rp, &strings->items[i], mode)))
            alt = NULL;
    }
    rx_strings_free(strings);
    RxNode *chars = rx_new_set_node(rp, class_, mode);
    if (!alt || !rx_list_push(rp, &alt->children, chars))
        return NULL;
    return alt;
}

RxNode *rx_class_node(RxParser *rp, uint8_t mode, RxClass *class_)
{
    finish_class(rp, mode, class_);
    if (class_->strings.count > 0)
        return class_with_strings(rp, mode, class_);
    return rx_new_set_node(rp, class_, mode);
}

RxNode *rx_parse_class(RxParser *rp, uint8_t mode)
{
    RegexpParser *p = &rp->p;
    RxClass class_;
    rx_class_init(&class_);
    if (rp->unicode_sets) {
        parse_nested_class(rp, mode, &class_);
        return rx_class_node(rp, mode, &class_);
    }
    p->pos++;
    bool negated = regexp_eat(p, '^');
    parse_class_ranges(rp, mode, &class_);
    regexp_eat(p, ']');
    finish_class(rp, mode, &class_);
    if (negated)
        rx_charset_invert(&class_.chars, rp->unicode ? RX_MAX_CODE_POINT : 0xFFFF);
    return rx_new_set_node(rp, &class_, mode);
}
