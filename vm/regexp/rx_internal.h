/*
 * Internals of the regular expression engine shared by its files: the
 * pattern tree (rx_parse*.c builds it, rx_compile.c reads it), the
 * instructions and the program (rx_compile.c writes them, rx_match.c runs
 * them). See vm/regexp/regexp.h for the file map.
 */
#ifndef NODUS_VM_REGEXP_RX_INTERNAL_H
#define NODUS_VM_REGEXP_RX_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "vm/regexp/regexp.h"
#include "vm/regexp/rx_charset.h"

#define RX_INFINITY UINT32_MAX

/* Flags in effect at a node: the pattern's, changed by modifiers (?i:...). */
enum {
    RX_MODE_IGNORE_CASE = 1 << 0,
    RX_MODE_MULTILINE = 1 << 1,
    RX_MODE_DOT_ALL = 1 << 2,
};

/* ---- The tree ---- */

typedef enum RxNodeKind {
    RX_NODE_EMPTY,
    RX_NODE_CHAR,          /* one character (a code point with u/v) */
    RX_NODE_SET,           /* a set of characters (class, escape, dot) */
    RX_NODE_SEQ,           /* Alternative: terms in order */
    RX_NODE_ALT,           /* Disjunction */
    RX_NODE_GROUP,         /* capturing group */
    RX_NODE_REPEAT,        /* Atom Quantifier */
    RX_NODE_BOL,           /* ^ */
    RX_NODE_EOL,           /* $ */
    RX_NODE_WORD_BOUNDARY, /* \b, or \B when negated */
    RX_NODE_LOOK,          /* (?= (?! (?<= (?<! */
    RX_NODE_BACKREF,       /* \1, \k<name> */
} RxNodeKind;

typedef struct RxNode RxNode;

typedef struct RxNodeList {
    RxNode **items;
    uint32_t count, capacity;
} RxNodeList;

struct RxNode {
    RxNodeKind kind;
    uint8_t mode;                  /* RX_MODE_* in effect */
    bool negated;                  /* \B, (?! and (?<! */
    bool behind;                   /* lookbehind */
    bool greedy;
    uint32_t value;                /* CHAR: the character; SET: set index;
                                      GROUP: group number; BACKREF: list index */
    uint32_t min, max;             /* REPEAT */
    uint32_t first_group, group_end; /* groups inside [first, end): REPEAT clears them */
    uint32_t name;                 /* BACKREF by name: its name entry while parsing */
    RxNode *body;                  /* GROUP, REPEAT, LOOK */
    RxNodeList children;           /* SEQ, ALT */
};

/* ---- Instructions ---- */

typedef enum RxOp {
    RX_OP_CHAR,          /* a: character */
    RX_OP_CHAR2,         /* a or b (a case pair) */
    RX_OP_SET,           /* a: set index */
    RX_OP_ANY,           /* any character (dot with s, [^]) */
    RX_OP_BOL,           /* flags: multiline */
    RX_OP_EOL,
    RX_OP_WORD_BOUNDARY, /* b: negated */
    RX_OP_NOT_WORD_BOUNDARY,
    RX_OP_GROUP_OPEN,    /* a: group */
    RX_OP_GROUP_CLOSE,   /* a: group */
    RX_OP_CLEAR_GROUPS,  /* groups [a, b) to undefined */
    RX_OP_SPLIT,         /* try a, then b */
    RX_OP_JUMP,          /* a */
    RX_OP_BACKREF,       /* a: index of the group list */
    RX_OP_LOOP_INIT,     /* register a := 0 */
    RX_OP_LOOP,          /* a: counter, b: min, c: max, d: exit; greedy flag */
    RX_OP_LOOP_END,      /* a: counter, b: min, c: start register or none, d: loop */
    RX_OP_SAVE_POSITION, /* register a := position */
    RX_OP_STAR,          /* single-character loop: a: set (or char), b: min, c: max, d: kind */
    RX_OP_LOOK,          /* a: barrier register, b: after; negated flag */
    RX_OP_LOOK_END,      /* a: barrier register; negated flag */
    RX_OP_MATCH,
} RxOp;

enum {
    RX_INSN_BACKWARD = 1 << 0,     /* reads before the position (lookbehind) */
    RX_INSN_IGNORE_CASE = 1 << 1,  /* backreferences */
    RX_INSN_MULTILINE = 1 << 2,    /* ^ $ */
    RX_INSN_GREEDY = 1 << 3,
    RX_INSN_NEGATED = 1 << 4,      /* lookarounds */
};

/* What RX_OP_STAR repeats */
enum { RX_STAR_CHAR, RX_STAR_SET, RX_STAR_ANY };

#define RX_NO_REGISTER UINT32_MAX

typedef struct RxInsn {
    uint8_t op;
    uint8_t flags;                 /* RX_INSN_* */
    uint32_t a, b, c, d;
} RxInsn;

/* A compiled set: ranges plus a bitmap of its Latin-1 members. */
typedef struct RxSet {
    uint32_t *ranges;              /* inclusive pairs, sorted */
    uint32_t count;
    uint32_t latin1[8];
    bool has_high;                 /* any member above 0xFF */
} RxSet;

/* One entry of the backtrack stack (rx_match.c). */
typedef struct RxFrame {
    uint32_t tag;                  /* kind (top 2 bits) | pc or register */
    int32_t value;                 /* position or old register value */
} RxFrame;

struct RegexpProgram {
    uint32_t refs;                 /* references: RegExp objects and the cache */
    unsigned flags;                /* REGEXP_FLAG_* */
    bool unicode;                  /* u or v: code points */
    RxInsn *code;
    uint32_t code_count;
    RxSet *sets;
    uint32_t set_count;
    uint32_t *group_lists;         /* backreferences: count, then group numbers */
    uint32_t group_list_count;
    uint32_t capture_count;        /* groups + 1 */
    uint32_t register_count;       /* captures (2 each), open positions, loops */
    uint16_t **names;              /* names[g] (UTF-16) or NULL, for g < capture_count */
    uint32_t *name_lengths;
    bool has_names;
    /* Positions where a match may start: Latin-1 units in the bitmap,
     * others when first_high; first_any when anything may start one. */
    bool first_any;
    bool first_high;
    bool anchored;                 /* starts with ^ (not multiline): only index 0 */
    uint32_t first_latin1[8];
    /* The matcher's scratch memory, kept between runs */
    int32_t *registers;
    RxFrame *stack;
    uint32_t stack_capacity;
};

/* The first register of group g's pending start (its open position). */
static inline uint32_t rx_open_register(const RegexpProgram *program, uint32_t group)
{
    return 2 * program->capture_count + group;
}

static inline bool rx_set_contains(const RxSet *set, uint32_t c)
{
    if (c < 256)
        return (set->latin1[c >> 5] >> (c & 31)) & 1;
    if (!set->has_high)
        return false;
    uint32_t lo = 0, hi = set->count;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (c < set->ranges[2 * mid])
            hi = mid;
        else if (c > set->ranges[2 * mid + 1])
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

/* ---- Building the tree (rx_parse.c) ---- */

typedef struct RxTree {
    RxNode *root;
    uint32_t group_count;          /* capturing groups, not counting 0 */
    RxNode **nodes;                /* every node, to free them */
    uint32_t node_count, node_capacity;
    RxClass *classes;              /* the sets of SET nodes */
    uint32_t class_count, class_capacity;
    uint32_t *group_lists;         /* as in RegexpProgram */
    uint32_t group_list_count, group_list_capacity;
    uint16_t **names;
    uint32_t *name_lengths;
    bool has_names;
} RxTree;

/* Parses a pattern already accepted by regexp_check_syntax. false when out
 * of memory. */
bool rx_parse(const uint16_t *pattern, uint32_t len, unsigned flags, RxTree *tree);
void rx_tree_free(RxTree *tree);

/* ---- Compiling (rx_compile.c) ---- */

/* Fills program's code, sets and registers from tree (whose names and
 * lists it takes over). false when out of memory. */
bool rx_compile_tree(RxTree *tree, RegexpProgram *program);

#endif
