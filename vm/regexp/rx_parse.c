/*
 * Pattern to tree (ES2025 22.2.1 Patterns, Annex B.1.2): Disjunction,
 * Alternative, Term, Quantifier, groups, assertions and atom escapes.
 * Character classes are in rx_parse_class.c. See rx_parse.h.
 */
#include <stdlib.h>
#include <string.h>

#include "vm/regexp/rx_case.h"
#include "vm/regexp/rx_parse.h"

/* ---- Nodes ---- */

static bool grow(void **items, uint32_t *capacity, uint32_t needed, size_t size)
{
    if (needed <= *capacity)
        return true;
    uint32_t n = *capacity ? *capacity * 2 : 8;
    while (n < needed)
        n *= 2;
    void *grown = realloc(*items, (size_t)n * size);
    if (!grown)
        return false;
    *items = grown;
    *capacity = n;
    return true;
}

RxNode *rx_new_node(RxParser *rp, RxNodeKind kind, uint8_t mode)
{
    RxTree *tree = rp->tree;
    RxNode *node = calloc(1, sizeof *node);
    if (!node || !grow((void **)&tree->nodes, &tree->node_capacity, tree->node_count + 1, sizeof(RxNode *))) {
        free(node);
        rp->failed = true;
        return NULL;
    }
    tree->nodes[tree->node_count++] = node;
    node->kind = kind;
    node->mode = mode;
    node->greedy = true;
    node->name = UINT32_MAX;
    return node;
}

RxNode *rx_new_set_node(RxParser *rp, RxClass *class_, uint8_t mode)
{
    RxTree *tree = rp->tree;
    RxNode *node = rx_new_node(rp, RX_NODE_SET, mode);
    if (!node || rx_class_failed(class_) ||
        !grow((void **)&tree->classes, &tree->class_capacity, tree->class_count + 1, sizeof(RxClass))) {
        rp->failed = true;
        rx_class_free(class_);
        return NULL;
    }
    node->value = tree->class_count;
    tree->classes[tree->class_count++] = *class_;
    rx_class_init(class_);
    return node;
}

bool rx_list_push(RxParser *rp, RxNodeList *list, RxNode *node)
{
    if (!node || !grow((void **)&list->items, &list->capacity, list->count + 1, sizeof(RxNode *))) {
        rp->failed = true;
        return false;
    }
    list->items[list->count++] = node;
    return true;
}

static RxNode *char_node(RxParser *rp, uint32_t c, uint8_t mode)
{
    RxNode *node = rx_new_node(rp, RX_NODE_CHAR, mode);
    if (node)
        node->value = c;
    return node;
}

/* ---- Quantifiers ---- */

/* DecimalDigits, saturating at RX_INFINITY. */
static uint32_t parse_number(RxParser *rp)
{
    uint64_t n = 0;
    while (regexp_is_decimal_digit(regexp_peek(&rp->p))) {
        n = n * 10 + (uint64_t)(regexp_peek(&rp->p) - '0');
        if (n > RX_INFINITY)
            n = RX_INFINITY;
        rp->p.pos++;
    }
    return (uint32_t)n;
}

/* `{` n `}` | `{` n `,}` | `{` n `,` m `}` at the `{`: consumed only if it is one. */
static bool parse_braces(RxParser *rp, uint32_t *min, uint32_t *max)
{
    uint32_t start = rp->p.pos;
    rp->p.pos++;
    if (!regexp_is_decimal_digit(regexp_peek(&rp->p)))
        goto no;
    *min = *max = parse_number(rp);
    if (regexp_eat(&rp->p, ',')) {
        *max = RX_INFINITY;
        if (regexp_is_decimal_digit(regexp_peek(&rp->p)))
            *max = parse_number(rp);
    }
    if (regexp_eat(&rp->p, '}'))
        return true;
no:
    rp->p.pos = start;
    return false;
}

/* Quantifier after an atom: wraps it in a REPEAT (ES2025 22.2.2.3.1
 * RepeatMatcher), which clears the groups the atom holds. */
static RxNode *parse_quantifier(RxParser *rp, RxNode *atom, uint32_t groups_before, uint8_t mode)
{
    uint32_t min, max;
    int32_t c = regexp_peek(&rp->p);
    if (c == '*' || c == '+' || c == '?') {
        rp->p.pos++;
        min = c == '+' ? 1 : 0;
        max = c == '?' ? 1 : RX_INFINITY;
    } else if (c != '{' || !parse_braces(rp, &min, &max)) {
        return atom;
    }
    RxNode *node = rx_new_node(rp, RX_NODE_REPEAT, mode);
    if (!node)
        return NULL;
    node->min = min;
    node->max = max;
    node->greedy = !regexp_eat(&rp->p, '?');
    node->body = atom;
    node->first_group = groups_before + 1;
    node->group_end = rp->tree->group_count + 1;
    return node;
}

/* ---- Groups ---- */

static RxNode *parse_disjunction(RxParser *rp, uint8_t mode);

static unsigned modifier_mode(int32_t c)
{
    return c == 'i' ? RX_MODE_IGNORE_CASE : c == 'm' ? RX_MODE_MULTILINE : c == 's' ? RX_MODE_DOT_ALL : 0;
}

/* `(?` RegularExpressionModifiers (`-` RegularExpressionModifiers)? `:`
 * after the `(?`: the mode of the group's Disjunction (ES2025 22.2.2.4
 * UpdateModifiers). */
static uint8_t parse_modifiers(RxParser *rp, uint8_t mode)
{
    bool removing = false;
    for (int32_t c; (c = regexp_peek(&rp->p)) != ':'; rp->p.pos++) {
        if (c == '-')
            removing = true;
        else if (removing)
            mode &= (uint8_t)~modifier_mode(c);
        else
            mode |= (uint8_t)modifier_mode(c);
    }
    rp->p.pos++;
    return mode;
}

static RxNode *group_body(RxParser *rp, RxNode *node, uint8_t mode)
{
    if (!node)
        return NULL;
    node->body = parse_disjunction(rp, mode);
    regexp_eat(&rp->p, ')');
    return node->body ? node : NULL;
}

static RxNode *capturing_group(RxParser *rp, uint8_t mode, uint32_t name_entry)
{
    uint32_t number = ++rp->tree->group_count;
    rp->group_names[number] = name_entry + 1;
    RxNode *node = rx_new_node(rp, RX_NODE_GROUP, mode);
    if (node)
        node->value = number;
    return group_body(rp, node, mode);
}

static RxNode *lookaround(RxParser *rp, uint8_t mode, bool behind, bool negated)
{
    RxNode *node = rx_new_node(rp, RX_NODE_LOOK, mode);
    if (node) {
        node->behind = behind;
        node->negated = negated;
    }
    return group_body(rp, node, mode);
}

/* Atom :: `(` GroupSpecifier? Disjunction `)` | `(?:` ... `)` | modifiers;
 * Assertion :: lookarounds. At the `(`. */
static RxNode *parse_group(RxParser *rp, uint8_t mode)
{
    RegexpParser *p = &rp->p;
    p->pos++;
    if (!regexp_eat(p, '?'))
        return capturing_group(rp, mode, UINT32_MAX);
    int32_t c = regexp_peek(p), next = regexp_peek_at(p, 1);
    if (c == '=' || c == '!') {
        p->pos++;
        return lookaround(rp, mode, false, c == '!');
    }
    if (c == '<' && (next == '=' || next == '!')) {
        p->pos += 2;
        return lookaround(rp, mode, true, next == '!');
    }
    if (c == '<') {
        uint32_t entry;
        if (!regexp_parse_group_specifier_name(p, &entry)) {
            rp->failed = true;
            return NULL;
        }
        return capturing_group(rp, mode, entry);
    }
    uint8_t inner = c == ':' ? (p->pos++, mode) : parse_modifiers(rp, mode);
    RxNode *body = parse_disjunction(rp, inner);
    regexp_eat(p, ')');
    return body;
}

/* ---- Escapes ---- */

static RxNode *backreference(RxParser *rp, uint32_t group, uint32_t name_entry, uint8_t mode)
{
    RxNode *node = rx_new_node(rp, RX_NODE_BACKREF, mode);
    if (node) {
        node->value = group;
        node->name = name_entry;
    }
    return node;
}

/* DecimalEscape: a backreference when its number does not exceed the
 * group count (Annex B.1.2: otherwise a legacy escape, read by the
 * caller). At the first digit; consumes nothing when it returns false. */
static bool parse_decimal_escape(RxParser *rp, uint32_t *group)
{
    uint32_t start = rp->p.pos;
    uint32_t n = parse_number(rp);
    if (n <= rp->p.capture_count) {
        *group = n;
        return true;
    }
    rp->p.pos = start;
    return false;
}

/* `\` AtomEscape, after the `\`. */
static RxNode *parse_atom_escape(RxParser *rp, uint8_t mode)
{
    RegexpParser *p = &rp->p;
    int32_t c = regexp_peek(p);
    uint32_t group;
    if (c >= '1' && c <= '9' && parse_decimal_escape(rp, &group))
        return backreference(rp, group, UINT32_MAX, mode);
    if (c == 'k' && p->named_capture_groups) {
        p->pos++;
        if (!regexp_parse_group_reference_name(p)) {
            rp->failed = true;
            return NULL;
        }
        return backreference(rp, 0, p->names.references.items[p->names.references.count - 1], mode);
    }
    RxClass class_;
    rx_class_init(&class_);
    if (rx_parse_class_escape(rp, mode, &class_))
        return rx_class_node(rp, mode, &class_);
    uint32_t value;
    regexp_parse_character_escape(p, false, &value);
    return char_node(rp, value, mode);
}

/* `.`: every character but line terminators, all with s (ES2025 22.2.2.7
 * Atom :: `.`). */
static RxNode *dot(RxParser *rp, uint8_t mode)
{
    RxClass class_;
    rx_class_init(&class_);
    uint32_t max = rp->unicode ? RX_MAX_CODE_POINT : 0xFFFF;
    if (mode & RX_MODE_DOT_ALL) {
        rx_charset_add_range(&class_.chars, 0, max);
    } else {
        rx_charset_add_range(&class_.chars, 0, 0x09);
        rx_charset_add_range(&class_.chars, 0x0B, 0x0C);
        rx_charset_add_range(&class_.chars, 0x0E, 0x2027);
        rx_charset_add_range(&class_.chars, 0x202A, max);
    }
    return rx_new_set_node(rp, &class_, mode);
}

/* ---- Terms ---- */

static RxNode *assertion(RxParser *rp, RxNodeKind kind, uint8_t mode, uint32_t length, bool negated)
{
    rp->p.pos += length;
    RxNode *node = rx_new_node(rp, kind, mode);
    if (node)
        node->negated = negated;
    return node;
}

/* Term :: Assertion | Atom Quantifier? (with Annex B's ExtendedAtom) */
static RxNode *parse_term(RxParser *rp, uint8_t mode)
{
    RegexpParser *p = &rp->p;
    int32_t c = regexp_peek(p), next = regexp_peek_at(p, 1);
    uint32_t groups_before = rp->tree->group_count;
    RxNode *atom;
    switch (c) {
    case '^':
        return assertion(rp, RX_NODE_BOL, mode, 1, false);
    case '$':
        return assertion(rp, RX_NODE_EOL, mode, 1, false);
    case '(':
        atom = parse_group(rp, mode);
        break;
    case '.':
        p->pos++;
        atom = dot(rp, mode);
        break;
    case '[':
        atom = rx_parse_class(rp, mode);
        break;
    case '\\':
        if (next == 'b' || next == 'B')
            return assertion(rp, RX_NODE_WORD_BOUNDARY, mode, 2, next == 'B');
        p->pos++;
        atom = parse_atom_escape(rp, mode);
        break;
    default: /* PatternCharacter, and Annex B's { } ] */
        atom = char_node(rp, regexp_next_code_point(p), mode);
        break;
    }
    return atom ? parse_quantifier(rp, atom, groups_before, mode) : NULL;
}

/* Alternative :: Term* */
static RxNode *parse_alternative(RxParser *rp, uint8_t mode)
{
    RxNode *seq = rx_new_node(rp, RX_NODE_SEQ, mode);
    while (seq) {
        int32_t c = regexp_peek(&rp->p);
        if (c == REGEXP_EOF || c == '|' || c == ')')
            return seq;
        if (!rx_list_push(rp, &seq->children, parse_term(rp, mode)))
            return NULL;
    }
    return NULL;
}

/* Disjunction :: Alternative (`|` Alternative)* */
static RxNode *parse_disjunction(RxParser *rp, uint8_t mode)
{
    RxNode *first = parse_alternative(rp, mode);
    if (!first || !regexp_at(&rp->p, '|'))
        return first;
    RxNode *alt = rx_new_node(rp, RX_NODE_ALT, mode);
    if (!rx_list_push(rp, &alt->children, first))
        return NULL;
    while (regexp_eat(&rp->p, '|')) {
        if (!rx_list_push(rp, &alt->children, parse_alternative(rp, mode)))
            return NULL;
    }
    return alt;
}

/* ---- Group names ---- */

/* \k<name> refers to every group of that name (duplicate named groups,
 * ES2025 22.2.2.7.2 BackreferenceMatcher): a list count, groups... */
static bool resolve_named_backreferences(RxParser *rp)
{
    RxTree *tree = rp->tree;
    for (uint32_t i = 0; i < tree->node_count; i++) {
        RxNode *node = tree->nodes[i];
        if (node->kind != RX_NODE_BACKREF)
            continue;
        uint32_t start = tree->group_list_count;
        if (!grow((void **)&tree->group_lists, &tree->group_list_capacity, start + tree->group_count + 2,
                  sizeof(uint32_t)))
            return false;
        uint32_t n = 0;
        for (uint32_t g = 1; g <= tree->group_count; g++) {
            bool match = node->name == UINT32_MAX ? g == node->value : rp->group_names[g] == node->name + 1;
            if (match)
                tree->group_lists[start + 1 + n++] = g;
        }
        tree->group_lists[start] = n;
        tree->group_list_count = start + 1 + n;
        node->value = start;
    }
    return true;
}

/* The UTF-16 name of each named group. */
static bool copy_group_names(RxParser *rp)
{
    RxTree *tree = rp->tree;
    uint32_t count = tree->group_count + 1;
    tree->names = calloc(count, sizeof(uint16_t *));
    tree->name_lengths = calloc(count, sizeof(uint32_t));
    if (!tree->names || !tree->name_lengths)
        return false;
    for (uint32_t g = 1; g < count; g++) {
        if (!rp->group_names[g])
            continue;
        const RegexpNameEntry *entry = &rp->p.names.entries[rp->group_names[g] - 1];
        uint16_t *units = malloc((2 * entry->len + 1) * sizeof(uint16_t));
        if (!units)
            return false;
        uint32_t n = 0;
        for (uint32_t i = 0; i < entry->len; i++) {
            uint32_t cp = rp->p.names.chars.items[entry->start + i];
            if (cp >= 0x10000) {
                units[n++] = (uint16_t)(0xD800 + ((cp - 0x10000) >> 10));
                units[n++] = (uint16_t)(0xDC00 + ((cp - 0x10000) & 0x3FF));
            } else {
                units[n++] = (uint16_t)cp;
            }
        }
        tree->names[g] = units;
        tree->name_lengths[g] = n;
        tree->has_names = true;
    }
    return true;
}

/* ---- Entry points ---- */

bool rx_parse(const uint16_t *pattern, uint32_t len, unsigned flags, RxTree *tree)
{
    RxParser rp;
    memset(tree, 0, sizeof *tree);
    memset(&rp, 0, sizeof rp);
    rp.tree = tree;
    rp.unicode = (flags & (REGEXP_FLAG_UNICODE | REGEXP_FLAG_UNICODE_SETS)) != 0;
    rp.unicode_sets = (flags & REGEXP_FLAG_UNICODE_SETS) != 0;
    regexp_parser_init(&rp.p, pattern, len, rp.unicode, rp.unicode_sets);
    rp.group_names = calloc(rp.p.capture_count + 1, sizeof(uint32_t));
    uint8_t mode = (uint8_t)(((flags & REGEXP_FLAG_IGNORE_CASE) ? RX_MODE_IGNORE_CASE : 0) |
                             ((flags & REGEXP_FLAG_MULTILINE) ? RX_MODE_MULTILINE : 0) |
                             ((flags & REGEXP_FLAG_DOT_ALL) ? RX_MODE_DOT_ALL : 0));
    if (rp.group_names)
        tree->root = parse_disjunction(&rp, mode);
    bool ok = tree->root && !rp.failed && resolve_named_backreferences(&rp) && copy_group_names(&rp);
    regexp_names_free(&rp.p.names);
    free(rp.group_names);
    if (!ok)
        rx_tree_free(tree);
    return ok;
}

void rx_tree_free(RxTree *tree)
{
    for (uint32_t i = 0; i < tree->node_count; i++) {
        free(tree->nodes[i]->children.items);
        free(tree->nodes[i]);
    }
    free(tree->nodes);
    for (uint32_t i = 0; i < tree->class_count; i++)
        rx_class_free(&tree->classes[i]);
    free(tree->classes);
    free(tree->group_lists);
    if (tree->names) {
        for (uint32_t g = 0; g <= tree->group_count; g++)
            free(tree->names[g]);
    }
    free(tree->names);
    free(tree->name_lengths);
    memset(tree, 0, sizeof *tree);
}
