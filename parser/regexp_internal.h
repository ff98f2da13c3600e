/*
 * Internals of the regular expression syntax checker, shared by its files:
 *   regexp_syntax.c  entry point, flags, Disjunction ... Atom, groups
 *   regexp_escape.c  escapes: AtomEscape, CharacterEscape, \p{...}
 *   regexp_class.c   CharacterClass, and ClassSetExpression for the v flag
 *   regexp_names.c   group names: parsing, duplicates, \k<name> references
 *
 * The parser is recursive descent, one function per grammar production
 * (ES2025 22.2.1 and Annex B.1.2), over the UTF-16 code units of the
 * pattern. It only validates; vm/regexp/rx_parse.c is the tree-building
 * sibling pass, which reuses the scanner and the escape readers below.
 */
#ifndef NODUS_PARSER_REGEXP_INTERNAL_H
#define NODUS_PARSER_REGEXP_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Nesting deeper than this (groups, or nested classes with v) is refused
 * with "Regular expression too large", so that recursion stays bounded. */
#define REGEXP_MAX_NESTING 1000

/* End of pattern, as returned by regexp_peek. */
#define REGEXP_EOF (-1)

/* A growable array of 32-bit values. */
typedef struct RegexpU32List {
    uint32_t *items;
    uint32_t count, capacity;
} RegexpU32List;

/* One distinct group name, defined by a GroupSpecifier and/or referenced by
 * a \k<name>. */
typedef struct RegexpNameEntry {
    uint32_t start;           /* first code point in RegexpNames.chars */
    uint32_t len;             /* number of code points */
    uint32_t hash;
    uint32_t visible_count;   /* groups of this name that a new one might
                                 participate together with */
    bool defined;             /* some GroupSpecifier has this name */
} RegexpNameEntry;

/* Bookkeeping of group names (regexp_names.c). Duplicate names are allowed
 * only in different alternatives (proposal regexp-duplicate-named-groups,
 * MightBothParticipate): a group's name is "visible" from where it is
 * defined to the end of its alternative and, once its disjunction closes,
 * to the end of the enclosing alternative. */
typedef struct RegexpNames {
    RegexpU32List chars;          /* code points of all names, concatenated */
    RegexpNameEntry *entries;
    uint32_t entry_count, entry_capacity;
    uint32_t *slots;              /* hash table: entry index + 1, 0 if free */
    uint32_t slot_count;          /* a power of two, or 0 */
    RegexpU32List visible;        /* entry index of each visible group */
    RegexpU32List parked;         /* groups of earlier alternatives of the
                                     disjunctions still open */
    RegexpU32List references;     /* entry index of each \k<name> */
} RegexpNames;

/* Where a disjunction's groups start in the visible and parked lists. */
typedef struct RegexpNameScope {
    uint32_t visible_base;
    uint32_t parked_base;
} RegexpNameScope;

typedef struct RegexpParser {
    const uint16_t *src;
    uint32_t len;
    uint32_t pos;                 /* next code unit */
    bool unicode_mode;            /* [UnicodeMode]: u or v */
    bool unicode_sets_mode;       /* [UnicodeSetsMode]: v */
    bool named_capture_groups;    /* [NamedCaptureGroups] */
    uint32_t capture_count;       /* CountLeftCapturingParensWithin(Pattern) */
    uint32_t depth;               /* current nesting, see REGEXP_MAX_NESTING */
    const char *error;            /* first error found, NULL while valid */
    RegexpNames names;
} RegexpParser;

/* A ClassAtom or ClassSetCharacter: one character, or a set of them. */
typedef struct RegexpClassAtom {
    bool is_class;                /* IsCharacterClass (\d, \p{...}...) */
    bool may_contain_strings;     /* MayContainStrings (\p{RGI_Emoji}) */
    uint32_t value;               /* CharacterValue when !is_class */
} RegexpClassAtom;

/* --- Reading (regexp_syntax.c) --- */

/* Sets up p to read pattern: counts its capturing groups
 * (CountLeftCapturingParensWithin) and decides [NamedCaptureGroups]. The
 * caller frees p->names with regexp_names_free. Also used by the regexp
 * compiler (vm/regexp/rx_parse.c), which reads with the functions below. */
void regexp_parser_init(RegexpParser *p, const uint16_t *pattern,
                        uint32_t pattern_len, bool unicode, bool unicode_sets);

/* Code unit at pos + offset, or REGEXP_EOF past the end. */
int32_t regexp_peek_at(const RegexpParser *p, uint32_t offset);
int32_t regexp_peek(const RegexpParser *p);
bool regexp_at(const RegexpParser *p, char c);
/* Consume c if it is next. */
bool regexp_eat(RegexpParser *p, char c);
/* Consume one SourceCharacter: in UnicodeMode a surrogate pair is one. */
uint32_t regexp_next_code_point(RegexpParser *p);
/* Record the first error and return false, for `return regexp_fail(...)`. */
bool regexp_fail(RegexpParser *p, const char *message);
/* Depth guard around recursive productions. */
bool regexp_enter(RegexpParser *p);
void regexp_leave(RegexpParser *p);

bool regexp_is_decimal_digit(int32_t c);
bool regexp_is_hex_digit(int32_t c);
bool regexp_is_ascii_letter(int32_t c);
bool regexp_is_syntax_character(int32_t c);

/* --- Escapes (regexp_escape.c) --- */

/* AtomEscape, after the `\` (ES2025 22.2.1, Annex B.1.2). */
bool regexp_parse_atom_escape(RegexpParser *p);
/* CharacterEscape, after the `\`; *value is its CharacterValue. in_class
 * selects the class flavours of the Annex B and u-mode rules. */
bool regexp_parse_character_escape(RegexpParser *p, bool in_class,
                                   uint32_t *value);
/* CharacterClassEscape (d D s S w W p{} P{}) if one is next, after the `\`:
 * sets *found; fills *atom (is_class, may_contain_strings). */
bool regexp_parse_character_class_escape(RegexpParser *p, bool in_class,
                                         bool *found, RegexpClassAtom *atom);
/* RegExpUnicodeEscapeSequence[+UnicodeMode] at the `u`: *ok says whether
 * one was there (nothing is consumed otherwise). */
void regexp_parse_unicode_escape(RegexpParser *p, bool unicode_mode,
                                 bool *ok, uint32_t *value);

/* --- Classes (regexp_class.c) --- */

/* CharacterClass at the `[`. */
bool regexp_parse_character_class(RegexpParser *p);

/* --- Group names (regexp_names.c) --- */

void regexp_names_init(RegexpNames *names);
void regexp_names_free(RegexpNames *names);
/* GroupSpecifier's GroupName at the `<` of `(?<name>`: *index identifies
 * the name for regexp_names_define_group. */
bool regexp_parse_group_specifier_name(RegexpParser *p, uint32_t *index);
/* Records a named group once it is closed, failing on a duplicate that
 * might participate in the same match. */
bool regexp_names_define_group(RegexpParser *p, uint32_t index);
/* GroupName at the `<` of `\k<name>`: records the reference. */
bool regexp_parse_group_reference_name(RegexpParser *p);
/* Each Disjunction opens a scope; each `|` starts a new alternative. */
RegexpNameScope regexp_names_open_disjunction(const RegexpNames *names);
bool regexp_names_next_alternative(RegexpParser *p, RegexpNameScope scope);
bool regexp_names_close_disjunction(RegexpParser *p, RegexpNameScope scope);
/* After the whole pattern: every \k<name> names some group. */
bool regexp_names_check_references(RegexpParser *p);

#endif
