/*
 * The tree-building parser's state, shared by rx_parse.c (structure:
 * Disjunction, Term, groups, escapes) and rx_parse_class.c (character
 * classes and class escapes). The pattern has passed regexp_check_syntax,
 * so these files read it without re-checking: they reuse the syntax
 * checker's scanner and escape readers (parser/regexp_internal.h).
 */
#ifndef NODUS_VM_REGEXP_RX_PARSE_H
#define NODUS_VM_REGEXP_RX_PARSE_H

#include "parser/regexp_internal.h"
#include "vm/regexp/rx_internal.h"

typedef struct RxParser {
    RegexpParser p;               /* the scanner, positioned in the pattern */
    RxTree *tree;
    bool unicode;                 /* u or v */
    bool unicode_sets;            /* v */
    uint32_t *group_names;        /* per group: name entry + 1, or 0 */
    bool failed;                  /* out of memory */
} RxParser;

/* A new node of kind with mode; NULL (and failed) when out of memory. */
RxNode *rx_new_node(RxParser *rp, RxNodeKind kind, uint8_t mode);
/* A SET node owning class_ (whose contents it takes). */
RxNode *rx_new_set_node(RxParser *rp, RxClass *class_, uint8_t mode);
bool rx_list_push(RxParser *rp, RxNodeList *list, RxNode *node);

/* CharacterClass at the `[`: a SET node, or with v and strings an ALT of
 * the strings (longest first) and the SET. */
RxNode *rx_parse_class(RxParser *rp, uint8_t mode);
/* CharacterClassEscape d D s S w W p{} P{} at the letter, if one is next:
 * adds its set to class_ and returns true. */
bool rx_parse_class_escape(RxParser *rp, uint8_t mode, RxClass *class_);
/* The node matching class_ (whose contents it takes): case closure with i,
 * and with strings an ALT of them (longest first) and the characters. */
RxNode *rx_class_node(RxParser *rp, uint8_t mode, RxClass *class_);

#endif
