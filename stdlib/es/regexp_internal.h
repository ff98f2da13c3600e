/*
 * The RegExp built-in (ES2025 22.2.4 - 22.2.9), shared by its files:
 *   regexp.c          RegExp objects, the constructor, flags and source
 *                     getters, toString, compile, escape; installation
 *   regexp_exec.c     RegExpBuiltinExec, RegExpExec, exec, test
 *   regexp_symbols.c  @@match, @@matchAll (%RegExpStringIteratorPrototype%),
 *                     @@search, @@split
 *   regexp_replace.c  @@replace and GetSubstitution
 * The matching engine itself is vm/regexp/.
 */
#ifndef NODUS_STDLIB_ES_REGEXP_INTERNAL_H
#define NODUS_STDLIB_ES_REGEXP_INTERNAL_H

#include "stdlib/es/builtin.h"
#include "vm/regexp/regexp.h"

/* A RegExp instance: [[OriginalSource]], [[OriginalFlags]] and
 * [[RegExpMatcher]] (ES2025 22.2.3.1 RegExpAlloc); lastIndex is an own
 * data property. */
typedef struct RegExpObject {
    Object object;
    Value source;                 /* a String, or undefined before RegExpInitialize */
    Value flags;                  /* a String */
    unsigned flag_bits;           /* REGEXP_FLAG_* */
    RegexpProgram *program;       /* NULL before RegExpInitialize */
    bool legacy;                  /* [[LegacyFeaturesEnabled]]: made by %RegExp% itself */
} RegExpObject;

extern const ObjectClass regexp_object_class;

/* Has [[RegExpMatcher]] (initialized or not). */
static inline bool regexp_is_object(Value value)
{
    return value_is_object(value) && value_as_object(value)->class_ == &regexp_object_class;
}

/* TypeError "Method <name> called on incompatible receiver <value>". */
Value regexp_throw_incompatible(VM *vm, const char *method, Value receiver);

/* ES2025 22.2.3.1 RegExpCreate ( P, F ): NULL after throwing. */
Object *regexp_create(VM *vm, Value pattern, Value flags) NODUS_MUST_CHECK;

/* ES2025 22.2.7.1 RegExpExec ( R, S ): an object, null, or VALUE_EXCEPTION. */
Value regexp_exec(VM *vm, Object *r, String *s);
/* ES2025 22.2.7.2 RegExpBuiltinExec ( R, S ). */
Value regexp_builtin_exec(VM *vm, RegExpObject *r, String *s);

/* ES2025 7.1.? AdvanceStringIndex ( S, index, unicode ) */
double regexp_advance_string_index(String *s, double index, bool unicode);

/* lastIndex: Get + ToLength, and Set(R, "lastIndex", v, true). */
bool regexp_get_last_index(VM *vm, Object *r, double *value) NODUS_MUST_CHECK;
bool regexp_set_last_index(VM *vm, Object *r, double value) NODUS_MUST_CHECK;

/* ToString(? Get(R, "flags")), flat: NULL after throwing. */
String *regexp_get_flags(VM *vm, Object *r) NODUS_MUST_CHECK;
/* Whether the flags string holds the letter. */
bool regexp_flags_have(String *flags, char letter);

/* ES2025 7.3.22 SpeciesConstructor ( O, defaultConstructor ) */
Value regexp_species_constructor(VM *vm, Object *o, Object *default_constructor);

/* Installers of the other files, called by stdlib_install_regexp. */
bool regexp_install_symbols(VM *vm, Realm *realm, Object *proto) NODUS_MUST_CHECK;
bool regexp_install_replace(VM *vm, Object *proto) NODUS_MUST_CHECK;
bool regexp_install_exec(VM *vm, Realm *realm, Object *proto) NODUS_MUST_CHECK;
bool regexp_install_legacy(VM *vm, Realm *realm, Object *ctor) NODUS_MUST_CHECK;
/* The state the legacy static properties read (%RegExpLegacyState%), made
 * with the realm: each match updates it, before or after the accessors
 * exist. */
bool regexp_make_legacy_state(VM *vm, Realm *realm) NODUS_MUST_CHECK;

/* After a match of r (regexp_legacy.c): the legacy static properties
 * (RegExp.$1 ...) describe it, or become unreadable when r is a
 * subclass instance. */
void regexp_legacy_update(VM *vm, RegExpObject *r, String *s, const int32_t *captures);

#endif
