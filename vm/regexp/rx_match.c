/*
 * The backtracking matcher: runs the instructions of rx_compile.c over a
 * string's code units (ES2025 22.2.2 Pattern Semantics; the spec's
 * continuations become an explicit backtrack stack, so neither the
 * pattern's nesting nor the input's length recurses in C).
 *
 * The backtrack stack holds frames of five kinds:
 *   CHOICE   an alternative to resume: instruction and position
 *   UNDO     a register's previous value, restored when backtracking past
 *   LOOK     the barrier of a lookaround: its instruction and position.
 *            Reached while backtracking, the lookaround's body has failed.
 *   STAR     a single-character loop's current position, to retry from
 *   BOUND    under a STAR: the position its mandatory part ended at
 * Registers hold the captures (start, end), the open positions of groups,
 * loop counters, loop iteration starts and lookaround barriers.
 */
#include <stdlib.h>
#include <string.h>

#include "vm/regexp/rx_case.h"
#include "vm/regexp/rx_internal.h"

/* At most this many frames (8 bytes each): past it the match fails with
 * REGEXP_STACK_OVERFLOW, which the built-in reports as a RangeError. */
#define RX_MAX_FRAMES (1u << 24)

enum { FRAME_CHOICE, FRAME_UNDO, FRAME_LOOK, FRAME_STAR, FRAME_BOUND };
#define FRAME_SHIFT 29
#define FRAME_MASK ((1u << FRAME_SHIFT) - 1)

typedef struct Matcher {
    RegexpProgram *program;
    const RxInsn *code;
    const uint8_t *latin1;
    const uint16_t *utf16;
    uint32_t length;
    bool unicode;
    int32_t *registers;
    RxFrame *stack;
    uint32_t sp, capacity;
    RegexpResult error;           /* set when a push fails */
} Matcher;

/* ---- Input ---- */

static inline uint32_t unit_at(const Matcher *m, uint32_t i)
{
    return m->latin1 ? m->latin1[i] : m->utf16[i];
}

static inline bool is_lead(uint32_t u) { return u >= 0xD800 && u <= 0xDBFF; }
static inline bool is_trail(uint32_t u) { return u >= 0xDC00 && u <= 0xDFFF; }

/* Reads the character after *pos (a code point with u/v) and moves past it. */
static inline bool read_forward(const Matcher *m, int32_t *pos, uint32_t *c)
{
    if ((uint32_t)*pos >= m->length)
        return false;
    uint32_t u = unit_at(m, (uint32_t)(*pos)++);
    if (m->unicode && is_lead(u) && (uint32_t)*pos < m->length && is_trail(unit_at(m, (uint32_t)*pos))) {
        u = 0x10000 + ((u - 0xD800) << 10) + (unit_at(m, (uint32_t)*pos) - 0xDC00);
        (*pos)++;
    }
    *c = u;
    return true;
}

/* Reads the character before *pos and moves before it (lookbehinds). */
static inline bool read_backward(const Matcher *m, int32_t *pos, uint32_t *c)
{
    if (*pos <= 0)
        return false;
    uint32_t u = unit_at(m, (uint32_t)--(*pos));
    if (m->unicode && is_trail(u) && *pos > 0 && is_lead(unit_at(m, (uint32_t)*pos - 1))) {
        (*pos)--;
        u = 0x10000 + ((unit_at(m, (uint32_t)*pos) - 0xD800) << 10) + (u - 0xDC00);
    }
    *c = u;
    return true;
}

static inline bool read_char(const Matcher *m, const RxInsn *insn, int32_t *pos, uint32_t *c)
{
    return insn->flags & RX_INSN_BACKWARD ? read_backward(m, pos, c) : read_forward(m, pos, c);
}

static bool is_line_terminator(uint32_t u)
{
    return u == 0x0A || u == 0x0D || u == 0x2028 || u == 0x2029;
}

/* ES2025 22.2.2.7.? IsWordChar: WordCharacters, which with u/v and i also
 * holds U+017F and U+212A. */
static bool is_word_char(const Matcher *m, int32_t i, bool ignore_case)
{
    if (i < 0 || (uint32_t)i >= m->length)
        return false;
    uint32_t u = unit_at(m, (uint32_t)i);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_')
        return true;
    return ignore_case && m->unicode && (u == 0x017F || u == 0x212A);
}

/* ---- The stack ---- */

static bool push(Matcher *m, uint32_t kind, uint32_t tag, int32_t value)
{
    if (m->sp == m->capacity) {
        if (m->capacity >= RX_MAX_FRAMES) {
            m->error = REGEXP_STACK_OVERFLOW;
            return false;
        }
        uint32_t capacity = m->capacity * 2;
        RxFrame *stack = realloc(m->stack, capacity * sizeof *stack);
        if (!stack) {
            m->error = REGEXP_OUT_OF_MEMORY;
            return false;
        }
        m->stack = stack;
        m->capacity = capacity;
    }
    m->stack[m->sp++] = (RxFrame){(kind << FRAME_SHIFT) | tag, value};
    return true;
}

static inline uint32_t frame_kind(RxFrame f) { return f.tag >> FRAME_SHIFT; }
static inline uint32_t frame_tag(RxFrame f) { return f.tag & FRAME_MASK; }

/* Sets a register, remembering its old value for backtracking. */
static inline bool set_register(Matcher *m, uint32_t r, int32_t value)
{
    if (m->registers[r] == value)
        return true;
    if (!push(m, FRAME_UNDO, r, m->registers[r]))
        return false;
    m->registers[r] = value;
    return true;
}

/* ---- Instructions that need more than a line ---- */

static bool match_set(const Matcher *m, const RxInsn *insn, int32_t *pos)
{
    uint32_t c;
    return read_char(m, insn, pos, &c) && rx_set_contains(&m->program->sets[insn->a], c);
}

/* One character of a STAR's kind at *pos, moving past it. */
static bool match_one(const Matcher *m, const RxInsn *insn, int32_t *pos)
{
    uint32_t c;
    if (!read_char(m, insn, pos, &c))
        return false;
    switch (insn->d) {
    case RX_STAR_CHAR: return c == insn->a;
    case RX_STAR_SET: return rx_set_contains(&m->program->sets[insn->a], c);
    default: return true;
    }
}

static bool set_group(Matcher *m, uint32_t group, int32_t start, int32_t end)
{
    return set_register(m, 2 * group, start) && set_register(m, 2 * group + 1, end);
}

static bool close_group(Matcher *m, const RxInsn *insn, int32_t pos)
{
    int32_t open = m->registers[rx_open_register(m->program, insn->a)];
    if (insn->flags & RX_INSN_BACKWARD)
        return set_group(m, insn->a, pos, open);
    return set_group(m, insn->a, open, pos);
}

static bool clear_groups(Matcher *m, const RxInsn *insn)
{
    for (uint32_t g = insn->a; g < insn->b; g++) {
        if (!set_group(m, g, -1, -1))
            return false;
    }
    return true;
}

/* Code units i and j (or code points with u/v) compare equal, canonicalized
 * with i: reads one character at each and moves past both. */
static bool same_char(const Matcher *m, int32_t *i, int32_t *j, bool ignore_case)
{
    uint32_t a = 0, b;
    read_forward(m, i, &a);
    if (!read_forward(m, j, &b))
        return false;
    if (a == b)
        return true;
    return ignore_case && rx_canonicalize(a, m->unicode) == rx_canonicalize(b, m->unicode);
}

/* ES2025 22.2.2.7.2 BackreferenceMatcher: the first group of the list that
 * is defined (duplicate names have at most one), matched again at pos. */
static bool match_backreference(const Matcher *m, const RxInsn *insn, int32_t *pos)
{
    const uint32_t *list = &m->program->group_lists[insn->a];
    int32_t start = -1, end = -1;
    for (uint32_t i = 1; i <= list[0]; i++) {
        if (m->registers[2 * list[i]] >= 0) {
            start = m->registers[2 * list[i]];
            end = m->registers[2 * list[i] + 1];
            break;
        }
    }
    if (start < 0)
        return true;
    int32_t len = end - start;
    int32_t from = insn->flags & RX_INSN_BACKWARD ? *pos - len : *pos;
    if (from < 0 || (uint32_t)from + (uint32_t)len > m->length)
        return false;
    bool ignore_case = insn->flags & RX_INSN_IGNORE_CASE;
    int32_t i = start, j = from;
    while (i < end) {
        if (!same_char(m, &i, &j, ignore_case))
            return false;
    }
    *pos = insn->flags & RX_INSN_BACKWARD ? from : from + len;
    return true;
}

/* A STAR: the mandatory part, then as many (greedy) or as few (lazy) more
 * as allowed; the frames let backtracking give back or take one at a time. */
static bool run_star(Matcher *m, uint32_t pc, int32_t *pos)
{
    const RxInsn *insn = &m->code[pc];
    for (uint32_t i = 0; i < insn->b; i++) {
        if (!match_one(m, insn, pos))
            return false;
    }
    int32_t bound = *pos;
    uint32_t extra = insn->c == RX_INFINITY ? RX_INFINITY : insn->c - insn->b;
    if (insn->flags & RX_INSN_GREEDY) {
        int32_t at = *pos;
        for (uint32_t n = 0; n < extra && match_one(m, insn, &at); n++)
            *pos = at;
        if (*pos == bound)
            return true;
    } else if (extra == 0) {
        return true;
    }
    return push(m, FRAME_BOUND, pc, bound) && push(m, FRAME_STAR, pc, *pos);
}

/* Backtracking into a STAR frame: one fewer (greedy) or one more (lazy).
 * false when the STAR has no other choice left. */
static bool retry_star(Matcher *m, RxFrame frame, int32_t *pos)
{
    const RxInsn *insn = &m->code[frame_tag(frame)];
    int32_t bound = m->stack[m->sp - 1].value;
    int32_t at = frame.value;
    bool backward = insn->flags & RX_INSN_BACKWARD;
    if (insn->flags & RX_INSN_GREEDY) {
        at += backward ? 1 : -1;
    } else {
        uint32_t taken = (uint32_t)(backward ? bound - at : at - bound);
        if (insn->c != RX_INFINITY && taken >= insn->c - insn->b)
            at = bound;
        else if (!match_one(m, insn, &at))
            at = bound;
        if (at == bound) {
            m->sp--;
            return false;
        }
    }
    if (at != bound || !(insn->flags & RX_INSN_GREEDY))
        push(m, FRAME_STAR, frame_tag(frame), at);
    else
        m->sp--;   /* the BOUND frame: nothing left to give back */
    *pos = at;
    return true;
}

/* LOOK_END of a positive lookaround: the body's choices are dropped (it is
 * atomic, ES2025 22.2.2.4 Assertion step "y's endIndex"), its register
 * changes kept; the position goes back to where the lookaround started. */
static int32_t end_positive_look(Matcher *m, uint32_t barrier)
{
    int32_t start = m->stack[barrier].value;
    uint32_t out = barrier;
    for (uint32_t i = barrier + 1; i < m->sp; i++) {
        if (frame_kind(m->stack[i]) == FRAME_UNDO)
            m->stack[out++] = m->stack[i];
    }
    m->sp = out;
    return start;
}

/* LOOK_END of a negative lookaround: its body matched, so it fails; undo
 * the body's register changes and drop its barrier. */
static void end_negative_look(Matcher *m, uint32_t barrier)
{
    while (m->sp > barrier + 1) {
        RxFrame f = m->stack[--m->sp];
        if (frame_kind(f) == FRAME_UNDO)
            m->registers[frame_tag(f)] = f.value;
    }
    m->sp = barrier;
}

/* ---- The loop ---- */

static bool loop_decide(Matcher *m, uint32_t *pc, int32_t pos)
{
    const RxInsn *insn = &m->code[*pc];
    uint32_t count = (uint32_t)m->registers[insn->a];
    if (count < insn->b) {
        (*pc)++;
        return true;
    }
    if (insn->c != RX_INFINITY && count >= insn->c) {
        *pc = insn->d;
        return true;
    }
    if (insn->flags & RX_INSN_GREEDY) {
        if (!push(m, FRAME_CHOICE, insn->d, pos))
            return false;
        (*pc)++;
        return true;
    }
    if (!push(m, FRAME_CHOICE, *pc + 1, pos))
        return false;
    *pc = insn->d;
    return true;
}

/* LOOP_END: the empty check of RepeatMatcher, then count the iteration.
 * Counters stop at min when there is no maximum, to save undo frames. */
static bool loop_end(Matcher *m, uint32_t *pc, int32_t pos)
{
    const RxInsn *insn = &m->code[*pc];
    uint32_t count = (uint32_t)m->registers[insn->a];
    if (insn->c != RX_NO_REGISTER && count >= insn->b && pos == m->registers[insn->c])
        return false;
    bool bounded = m->code[insn->d].c != RX_INFINITY;
    if ((count < insn->b || bounded) && !set_register(m, insn->a, (int32_t)(count + 1)))
        return false;
    *pc = insn->d;
    return true;
}

static bool word_boundary(const Matcher *m, const RxInsn *insn, int32_t pos)
{
    bool ignore_case = insn->flags & RX_INSN_IGNORE_CASE;
    return is_word_char(m, pos - 1, ignore_case) != is_word_char(m, pos, ignore_case);
}

static bool at_line_start(const Matcher *m, const RxInsn *insn, int32_t pos)
{
    return pos == 0 || ((insn->flags & RX_INSN_MULTILINE) && is_line_terminator(unit_at(m, (uint32_t)pos - 1)));
}

static bool at_line_end(const Matcher *m, const RxInsn *insn, int32_t pos)
{
    return (uint32_t)pos == m->length ||
           ((insn->flags & RX_INSN_MULTILINE) && is_line_terminator(unit_at(m, (uint32_t)pos)));
}

/* Executes one instruction at *pc; false to backtrack. */
static bool step(Matcher *m, uint32_t *pc, int32_t *pos)
{
    const RxInsn *insn = &m->code[*pc];
    uint32_t c;
    bool ok = true;
    switch ((RxOp)insn->op) {
    case RX_OP_CHAR: ok = read_char(m, insn, pos, &c) && c == insn->a; break;
    case RX_OP_CHAR2: ok = read_char(m, insn, pos, &c) && (c == insn->a || c == insn->b); break;
    case RX_OP_SET: ok = match_set(m, insn, pos); break;
    case RX_OP_ANY: ok = read_char(m, insn, pos, &c); break;
    case RX_OP_BOL: ok = at_line_start(m, insn, *pos); break;
    case RX_OP_EOL: ok = at_line_end(m, insn, *pos); break;
    case RX_OP_WORD_BOUNDARY: ok = word_boundary(m, insn, *pos); break;
    case RX_OP_NOT_WORD_BOUNDARY: ok = !word_boundary(m, insn, *pos); break;
    case RX_OP_GROUP_OPEN: ok = set_register(m, rx_open_register(m->program, insn->a), *pos); break;
    case RX_OP_GROUP_CLOSE: ok = close_group(m, insn, *pos); break;
    case RX_OP_CLEAR_GROUPS: ok = clear_groups(m, insn); break;
    case RX_OP_SPLIT:
        if (!push(m, FRAME_CHOICE, insn->b, *pos))
            return false;
        *pc = insn->a;
        return true;
    case RX_OP_JUMP: *pc = insn->a; return true;
    case RX_OP_BACKREF: ok = match_backreference(m, insn, pos); break;
    case RX_OP_LOOP_INIT: ok = set_register(m, insn->a, 0); break;
    case RX_OP_LOOP: return loop_decide(m, pc, *pos);
    case RX_OP_LOOP_END: return loop_end(m, pc, *pos);
    case RX_OP_SAVE_POSITION: ok = set_register(m, insn->a, *pos); break;
    case RX_OP_STAR: ok = run_star(m, *pc, pos); break;
    case RX_OP_LOOK:
        ok = push(m, FRAME_UNDO, insn->a, m->registers[insn->a]) && push(m, FRAME_LOOK, *pc, *pos);
        if (ok)
            m->registers[insn->a] = (int32_t)m->sp - 1;
        break;
    case RX_OP_LOOK_END:
        if (insn->flags & RX_INSN_NEGATED) {
            end_negative_look(m, (uint32_t)m->registers[insn->a]);
            return false;
        }
        *pos = end_positive_look(m, (uint32_t)m->registers[insn->a]);
        break;
    case RX_OP_MATCH: return true;
    }
    if (ok)
        (*pc)++;
    return ok;
}

/* Pops frames until one gives a state to resume from; false when none is
 * left (or a push failed). */
static bool backtrack(Matcher *m, uint32_t *pc, int32_t *pos)
{
    while (m->sp > 0 && m->error == REGEXP_NO_MATCH) {
        RxFrame f = m->stack[--m->sp];
        switch (frame_kind(f)) {
        case FRAME_UNDO:
            m->registers[frame_tag(f)] = f.value;
            break;
        case FRAME_CHOICE:
            *pc = frame_tag(f);
            *pos = f.value;
            return true;
        case FRAME_LOOK:
            if (m->code[frame_tag(f)].flags & RX_INSN_NEGATED) {
                /* the body failed: the negative lookaround succeeds */
                *pc = m->code[frame_tag(f)].b;
                *pos = f.value;
                return true;
            }
            break;
        case FRAME_STAR:
            if (retry_star(m, f, pos)) {
                *pc = frame_tag(f) + 1;
                return true;
            }
            break;
        default:   /* FRAME_BOUND of a STAR already given up */
            break;
        }
    }
    return false;
}

/* Tries the pattern at start: 1 matched, 0 not, < 0 an error. */
static RegexpResult run(Matcher *m, int32_t start)
{
    uint32_t pc = 0;
    int32_t pos = start;
    m->sp = 0;
    for (uint32_t r = 0; r < m->program->register_count; r++)
        m->registers[r] = -1;
    for (;;) {
        if (m->code[pc].op == RX_OP_MATCH)
            return m->error != REGEXP_NO_MATCH ? m->error : REGEXP_MATCH;
        if (!step(m, &pc, &pos) && !backtrack(m, &pc, &pos))
            return m->error;
    }
}

/* ---- Scanning for a start ---- */

static bool may_start(const RegexpProgram *program, uint32_t u)
{
    if (u < 256)
        return (program->first_latin1[u >> 5] >> (u & 31)) & 1;
    return program->first_high;
}

/* ES2025 22.1.3.? AdvanceStringIndex */
static uint32_t advance(const Matcher *m, uint32_t i)
{
    if (m->unicode && i + 1 < m->length && is_lead(unit_at(m, i)) && is_trail(unit_at(m, i + 1)))
        return i + 2;
    return i + 1;
}

static bool prepare(Matcher *m, RegexpProgram *program, const RegexpInput *input)
{
    memset(m, 0, sizeof *m);
    m->program = program;
    m->code = program->code;
    m->latin1 = input->latin1;
    m->utf16 = input->utf16;
    m->length = input->length;
    m->unicode = program->unicode;
    if (!program->registers)
        program->registers = malloc((program->register_count ? program->register_count : 1) * sizeof(int32_t));
    if (!program->stack) {
        program->stack = malloc(256 * sizeof(RxFrame));
        program->stack_capacity = 256;
    }
    m->registers = program->registers;
    m->stack = program->stack;
    m->capacity = program->stack_capacity;
    return m->registers && m->stack;
}

/* Gives the (possibly grown) stack back to the program; a huge one is freed. */
static void finish(Matcher *m)
{
    if (m->capacity > (1u << 16)) {
        free(m->stack);
        m->stack = NULL;
        m->capacity = 0;
    }
    m->program->stack = m->stack;
    m->program->stack_capacity = m->capacity;
}

/* The first index from i on where the program may start a match (the
 * length when there is none), looking at one code unit per position. With
 * u or v, the trail half of a pair is no position (AdvanceStringIndex
 * steps over it) unless it is where the search started. */
static uint32_t skip_to_candidate(const Matcher *m, uint32_t start, uint32_t i)
{
    const RegexpProgram *program = m->program;
    if (m->latin1) {
        while (i < m->length && !may_start(program, m->latin1[i]))
            i++;
        return i;
    }
    for (; i < m->length; i++) {
        uint32_t u = m->utf16[i];
        if (!may_start(program, u))
            continue;
        if (m->unicode && is_trail(u) && i > start && is_lead(m->utf16[i - 1]))
            continue;
        return i;
    }
    return i;
}

RegexpResult regexp_match(RegexpProgram *program, const RegexpInput *input, uint32_t start, bool sticky,
                          int32_t *captures)
{
    Matcher m;
    if (!prepare(&m, program, input))
        return REGEXP_OUT_OF_MEMORY;
    RegexpResult result = REGEXP_NO_MATCH;
    if (program->anchored && start > 0)
        sticky = true;   /* ^ fails everywhere but at 0: one try suffices */
    for (uint32_t i = start; i <= m.length; i = advance(&m, i)) {
        if (!sticky && !program->first_any) {
            i = skip_to_candidate(&m, start, i);
            if (i >= m.length)
                break;
        }
        result = run(&m, (int32_t)i);
        if (result != REGEXP_NO_MATCH || sticky || program->anchored)
            break;
    }
    if (result == REGEXP_MATCH)
        if (program->capture_count)
            memcpy(captures, m.registers, 2 * program->capture_count * sizeof(int32_t));
    finish(&m);
    return result;
}
