/*
 * Tree to instructions (ES2025 22.2.2 Pattern Semantics, compiled: each
 * Matcher of the spec becomes a run of instructions for rx_match.c).
 *
 *   Alternative      terms in order; right to left when the direction is
 *                    backward (inside lookbehinds, ES2025 22.2.2.3)
 *   Disjunction      SPLIT to each alternative in turn
 *   ( Disjunction )  GROUP_OPEN, body, GROUP_CLOSE: the capture is set when
 *                    the group completes, as in 22.2.2.7 step 2.b
 *   Quantifier       LOOP_INIT; LOOP (decides between another iteration and
 *                    leaving); CLEAR_GROUPS; SAVE_POSITION; body; LOOP_END
 *                    (the empty check of 22.2.2.3.1 RepeatMatcher step 2.b)
 *                    or, for one fixed-width character, STAR
 *   Lookarounds      LOOK, body (backward for lookbehinds), LOOK_END
 */
#include <stdlib.h>
#include <string.h>

#include "vm/regexp/rx_case.h"
#include "vm/regexp/rx_internal.h"

typedef struct RxCompiler {
    RegexpProgram *program;
    RxTree *tree;
    RxInsn *code;
    uint32_t count, capacity;
    uint32_t next_register;
    bool failed;
} RxCompiler;

static uint32_t emit(RxCompiler *c, RxOp op, uint8_t flags, uint32_t a, uint32_t b, uint32_t x, uint32_t d)
{
    if (c->count == c->capacity) {
        uint32_t capacity = c->capacity ? c->capacity * 2 : 32;
        RxInsn *code = realloc(c->code, capacity * sizeof *code);
        if (!code) {
            c->failed = true;
            return 0;
        }
        c->code = code;
        c->capacity = capacity;
    }
    c->code[c->count] = (RxInsn){.op = (uint8_t)op, .flags = flags, .a = a, .b = b, .c = x, .d = d};
    return c->count++;
}

/* ---- Sets ---- */

/* Adds a compiled copy of chars to the program's sets: its index. */
static uint32_t add_set(RxCompiler *c, const RxCharSet *chars)
{
    RegexpProgram *program = c->program;
    RxSet *sets = realloc(program->sets, (program->set_count + 1) * sizeof *sets);
    uint32_t *ranges = malloc((chars->count ? chars->count : 1) * 2 * sizeof(uint32_t));
    if (!sets || !ranges || chars->failed) {
        if (sets)
            program->sets = sets;
        free(ranges);
        c->failed = true;
        return 0;
    }
    program->sets = sets;
    RxSet *set = &sets[program->set_count];
    memset(set, 0, sizeof *set);
    if (chars->count)   /* an empty set's ranges may be NULL, which memcpy must not get */
        memcpy(ranges, chars->ranges, chars->count * 2 * sizeof(uint32_t));
    set->ranges = ranges;
    set->count = chars->count;
    for (uint32_t i = 0; i < chars->count; i++) {
        uint32_t from = chars->ranges[2 * i], to = chars->ranges[2 * i + 1];
        for (uint32_t ch = from; ch <= to && ch < 256; ch++)
            set->latin1[ch >> 5] |= 1u << (ch & 31);
        if (to >= 256)
            set->has_high = true;
    }
    return program->set_count++;
}

static bool is_full(const RxCharSet *chars, uint32_t max)
{
    return chars->count == 1 && chars->ranges[0] == 0 && chars->ranges[1] >= max;
}

/* One code unit per match: no surrogates, nothing astral. */
static bool set_is_narrow(const RxCharSet *chars)
{
    for (uint32_t i = 0; i < chars->count; i++) {
        if (chars->ranges[2 * i + 1] > 0xFFFF ||
            (chars->ranges[2 * i + 1] >= 0xD800 && chars->ranges[2 * i] <= 0xDFFF))
            return false;
    }
    return true;
}

/* ---- Analysis ---- */

/* The fewest code units node can match (saturating). */
static uint32_t min_width(const RxNode *node)
{
    uint64_t sum = 0;
    uint32_t least = UINT32_MAX;
    switch (node->kind) {
    case RX_NODE_CHAR:
    case RX_NODE_SET:
        return 1;
    case RX_NODE_SEQ:
        for (uint32_t i = 0; i < node->children.count; i++)
            sum += min_width(node->children.items[i]);
        return sum > UINT32_MAX ? UINT32_MAX : (uint32_t)sum;
    case RX_NODE_ALT:
        for (uint32_t i = 0; i < node->children.count; i++) {
            uint32_t w = min_width(node->children.items[i]);
            least = w < least ? w : least;
        }
        return least;
    case RX_NODE_GROUP:
        return min_width(node->body);
    case RX_NODE_REPEAT:
        sum = (uint64_t)node->min * min_width(node->body);
        return sum > UINT32_MAX ? UINT32_MAX : (uint32_t)sum;
    default:
        return 0;
    }
}

/* The single character a REPEAT can loop over with STAR: *kind and *value
 * set; false when the body is anything else or may be two units long. */
static bool single_character(RxCompiler *c, const RxNode *body, uint32_t *kind, uint32_t *value)
{
    if (body->kind == RX_NODE_CHAR && !(body->mode & RX_MODE_IGNORE_CASE) &&
        (body->value < 0xD800 || (body->value > 0xDFFF && body->value <= 0xFFFF))) {
        *kind = RX_STAR_CHAR;
        *value = body->value;
        return true;
    }
    if (body->kind != RX_NODE_SET)
        return false;
    const RxCharSet *chars = &c->tree->classes[body->value].chars;
    if (!c->program->unicode && is_full(chars, 0xFFFF)) {
        *kind = RX_STAR_ANY;
        return true;
    }
    if (c->program->unicode && !set_is_narrow(chars))
        return false;
    *kind = RX_STAR_SET;
    *value = body->value;
    return true;
}

/* ---- Nodes ---- */

static void compile_node(RxCompiler *c, const RxNode *node, bool backward);

static uint8_t direction(bool backward)
{
    return backward ? RX_INSN_BACKWARD : 0;
}

static void compile_char(RxCompiler *c, const RxNode *node, bool backward)
{
    uint32_t equivalents[16];
    uint32_t n = 1;
    equivalents[0] = node->value;
    if (node->mode & RX_MODE_IGNORE_CASE)
        n = rx_case_equivalents(node->value, c->program->unicode, equivalents, 16);
    if (n == 1) {
        emit(c, RX_OP_CHAR, direction(backward), equivalents[0], 0, 0, 0);
    } else if (n == 2) {
        emit(c, RX_OP_CHAR2, direction(backward), equivalents[0], equivalents[1], 0, 0);
    } else {
        RxCharSet chars;
        rx_charset_init(&chars);
        for (uint32_t i = 0; i < n; i++)
            rx_charset_add(&chars, equivalents[i]);
        rx_charset_normalize(&chars);
        emit(c, RX_OP_SET, direction(backward), add_set(c, &chars), 0, 0, 0);
        rx_charset_free(&chars);
    }
}

static void compile_set(RxCompiler *c, const RxNode *node, bool backward)
{
    const RxCharSet *chars = &c->tree->classes[node->value].chars;
    if (is_full(chars, c->program->unicode ? RX_MAX_CODE_POINT : 0xFFFF))
        emit(c, RX_OP_ANY, direction(backward), 0, 0, 0, 0);
    else
        emit(c, RX_OP_SET, direction(backward), node->value, 0, 0, 0);
}

static void compile_alternation(RxCompiler *c, const RxNode *node, bool backward)
{
    uint32_t count = node->children.count;
    uint32_t *jumps = calloc(count, sizeof *jumps);
    if (!jumps) {
        c->failed = true;
        return;
    }
    for (uint32_t i = 0; i < count; i++) {
        uint32_t split = i + 1 < count ? emit(c, RX_OP_SPLIT, 0, 0, 0, 0, 0) : 0;
        if (i + 1 < count)
            c->code[split].a = c->count;
        compile_node(c, node->children.items[i], backward);
        if (i + 1 < count) {
            jumps[i] = emit(c, RX_OP_JUMP, 0, 0, 0, 0, 0);
            c->code[split].b = c->count;
        }
        if (c->failed)
            break;
    }
    for (uint32_t i = 0; i + 1 < count && !c->failed; i++)
        c->code[jumps[i]].a = c->count;
    free(jumps);
}

/* A quantified single character: STAR a=char/set, b=min, c=max, d=kind. */
static void compile_star(RxCompiler *c, const RxNode *node, bool backward, uint32_t kind, uint32_t value)
{
    uint8_t flags = (uint8_t)(direction(backward) | (node->greedy ? RX_INSN_GREEDY : 0));
    emit(c, RX_OP_STAR, flags, value, node->min, node->max, kind);
}

/* ES2025 22.2.2.3.1 RepeatMatcher as a loop with a counter register. */
static void compile_loop(RxCompiler *c, const RxNode *node, bool backward)
{
    uint32_t counter = c->next_register++;
    uint32_t start = min_width(node->body) == 0 ? c->next_register++ : RX_NO_REGISTER;
    emit(c, RX_OP_LOOP_INIT, 0, counter, 0, 0, 0);
    uint8_t flags = node->greedy ? RX_INSN_GREEDY : 0;
    uint32_t loop = emit(c, RX_OP_LOOP, flags, counter, node->min, node->max, 0);
    if (node->group_end > node->first_group)
        emit(c, RX_OP_CLEAR_GROUPS, 0, node->first_group, node->group_end, 0, 0);
    if (start != RX_NO_REGISTER)
        emit(c, RX_OP_SAVE_POSITION, 0, start, 0, 0, 0);
    compile_node(c, node->body, backward);
    emit(c, RX_OP_LOOP_END, 0, counter, node->min, start, loop);
    if (!c->failed)
        c->code[loop].d = c->count;
}

static void compile_repeat(RxCompiler *c, const RxNode *node, bool backward)
{
    uint32_t kind, value = 0;
    if (node->max == 0)
        return;
    if (node->min == 1 && node->max == 1) {
        compile_node(c, node->body, backward);
        return;
    }
    if (node->group_end == node->first_group && single_character(c, node->body, &kind, &value)) {
        compile_star(c, node, backward, kind, value);
        return;
    }
    compile_loop(c, node, backward);
}

static void compile_look(RxCompiler *c, const RxNode *node)
{
    uint32_t barrier = c->next_register++;
    uint8_t flags = node->negated ? RX_INSN_NEGATED : 0;
    uint32_t look = emit(c, RX_OP_LOOK, flags, barrier, 0, 0, 0);
    compile_node(c, node->body, node->behind);
    emit(c, RX_OP_LOOK_END, flags, barrier, 0, 0, 0);
    if (!c->failed)
        c->code[look].b = c->count;
}

static void compile_sequence(RxCompiler *c, const RxNode *node, bool backward)
{
    uint32_t count = node->children.count;
    for (uint32_t i = 0; i < count && !c->failed; i++)
        compile_node(c, node->children.items[backward ? count - 1 - i : i], backward);
}

static void compile_node(RxCompiler *c, const RxNode *node, bool backward)
{
    uint8_t dir = direction(backward);
    bool ignore_case = (node->mode & RX_MODE_IGNORE_CASE) != 0;
    switch (node->kind) {
    case RX_NODE_EMPTY: break;
    case RX_NODE_CHAR: compile_char(c, node, backward); break;
    case RX_NODE_SET: compile_set(c, node, backward); break;
    case RX_NODE_SEQ: compile_sequence(c, node, backward); break;
    case RX_NODE_ALT: compile_alternation(c, node, backward); break;
    case RX_NODE_GROUP:
        emit(c, RX_OP_GROUP_OPEN, dir, node->value, 0, 0, 0);
        compile_node(c, node->body, backward);
        emit(c, RX_OP_GROUP_CLOSE, dir, node->value, 0, 0, 0);
        break;
    case RX_NODE_REPEAT: compile_repeat(c, node, backward); break;
    case RX_NODE_BOL:
    case RX_NODE_EOL:
        emit(c, node->kind == RX_NODE_BOL ? RX_OP_BOL : RX_OP_EOL,
             (node->mode & RX_MODE_MULTILINE) ? RX_INSN_MULTILINE : 0, 0, 0, 0, 0);
        break;
    case RX_NODE_WORD_BOUNDARY:
        emit(c, node->negated ? RX_OP_NOT_WORD_BOUNDARY : RX_OP_WORD_BOUNDARY,
             ignore_case ? RX_INSN_IGNORE_CASE : 0, 0, 0, 0, 0);
        break;
    case RX_NODE_LOOK: compile_look(c, node); break;
    case RX_NODE_BACKREF:
        emit(c, RX_OP_BACKREF, (uint8_t)(dir | (ignore_case ? RX_INSN_IGNORE_CASE : 0)), node->value, 0, 0, 0);
        break;
    }
}

/* ---- Where matches may start ---- */

typedef struct FirstSet {
    uint32_t latin1[8];
    bool high;
    bool any;
} FirstSet;

static void first_add_range(FirstSet *first, uint32_t from, uint32_t to)
{
    for (uint32_t ch = from; ch <= to && ch < 256; ch++)
        first->latin1[ch >> 5] |= 1u << (ch & 31);
    if (to >= 256)
        first->high = true;
}

/* Adds the units node may start with; returns whether it may match empty
 * (then what follows it may start the match too). */
static bool first_units(RxCompiler *c, const RxNode *node, FirstSet *first)
{
    switch (node->kind) {
    case RX_NODE_CHAR: {
        uint32_t equivalents[16];
        uint32_t n = 1;
        equivalents[0] = node->value;
        if (node->mode & RX_MODE_IGNORE_CASE)
            n = rx_case_equivalents(node->value, c->program->unicode, equivalents, 16);
        for (uint32_t i = 0; i < n; i++)
            first_add_range(first, equivalents[i], equivalents[i]);
        return false;
    }
    case RX_NODE_SET: {
        const RxCharSet *chars = &c->tree->classes[node->value].chars;
        for (uint32_t i = 0; i < chars->count; i++)
            first_add_range(first, chars->ranges[2 * i], chars->ranges[2 * i + 1]);
        return false;
    }
    case RX_NODE_SEQ:
        for (uint32_t i = 0; i < node->children.count; i++) {
            if (!first_units(c, node->children.items[i], first))
                return false;
        }
        return true;
    case RX_NODE_ALT: {
        bool empty = false;
        for (uint32_t i = 0; i < node->children.count; i++)
            empty |= first_units(c, node->children.items[i], first);
        return empty;
    }
    case RX_NODE_GROUP:
        return first_units(c, node->body, first);
    case RX_NODE_REPEAT:
        return first_units(c, node->body, first) || node->min == 0;
    case RX_NODE_BACKREF:
        first->any = true;
        return true;
    default:   /* assertions and lookarounds match no characters */
        return true;
    }
}

/* Whether every match must start at index 0: the pattern begins with ^
 * outside multiline mode. */
static bool anchored_at_start(const RxNode *node)
{
    while (node->kind == RX_NODE_SEQ && node->children.count > 0)
        node = node->children.items[0];
    if (node->kind == RX_NODE_GROUP)
        return anchored_at_start(node->body);
    return node->kind == RX_NODE_BOL && !(node->mode & RX_MODE_MULTILINE);
}

static void compute_first_units(RxCompiler *c)
{
    FirstSet first;
    memset(&first, 0, sizeof first);
    bool empty = first_units(c, c->tree->root, &first);
    RegexpProgram *program = c->program;
    program->first_any = empty || first.any;
    program->anchored = anchored_at_start(c->tree->root);
    program->first_high = first.high;
    memcpy(program->first_latin1, first.latin1, sizeof first.latin1);
}

/* ---- Entry point ---- */

bool rx_compile_tree(RxTree *tree, RegexpProgram *program)
{
    RxCompiler c;
    memset(&c, 0, sizeof c);
    c.program = program;
    c.tree = tree;
    program->capture_count = tree->group_count + 1;
    c.next_register = 3 * program->capture_count;   /* captures, then open positions */
    for (uint32_t i = 0; i < tree->class_count && !c.failed; i++)
        add_set(&c, &tree->classes[i].chars);
    emit(&c, RX_OP_GROUP_OPEN, 0, 0, 0, 0, 0);
    compile_node(&c, tree->root, false);
    emit(&c, RX_OP_GROUP_CLOSE, 0, 0, 0, 0, 0);
    emit(&c, RX_OP_MATCH, 0, 0, 0, 0, 0);
    compute_first_units(&c);
    program->code = c.code;
    program->code_count = c.count;
    program->register_count = c.next_register;
    program->group_lists = tree->group_lists;
    program->group_list_count = tree->group_list_count;
    program->names = tree->names;
    program->name_lengths = tree->name_lengths;
    program->has_names = tree->has_names;
    tree->group_lists = NULL;
    tree->names = NULL;
    tree->name_lengths = NULL;
    return !c.failed;
}
