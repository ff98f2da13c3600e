/*
 * The standard library: the install functions of the built-ins, and the few
 * entry points the VM and the runtime need from them.
 *
 * realm_new (vm/realm.c) creates %Object.prototype% and %Function.prototype%
 * first (native functions need the latter), then calls each install function
 * of STDLIB_ES_INSTALLERS in order. An install function fills in its
 * intrinsics (creating the ones the realm has not created) and defines its
 * global bindings; it returns false after throwing.
 */
#ifndef NODUS_STDLIB_STDLIB_H
#define NODUS_STDLIB_STDLIB_H

#include "vm/realm.h"

/* In dependency order: symbols first (well-known symbols are keys of the
 * others), globals last. The Error constructors are the interpreter's
 * (vm/realm.c makes them with the realm). */
#define STDLIB_ES_INSTALLERS(X) \
    X(symbol) X(object) X(function) X(array) X(string) X(number) X(boolean) \
    X(bigint) X(math) X(json) X(date) X(regexp) X(promise) X(console) X(globals)

#define X(name) bool stdlib_install_##name(VM *vm, Realm *realm) NODUS_MUST_CHECK;
STDLIB_ES_INSTALLERS(X)
#undef X

/* %IteratorPrototype%[@@dispose] and %AsyncIteratorPrototype%[@@asyncDispose]
 * (stdlib/es/iterator_dispose.c): installed after the VM's generators. */
bool stdlib_install_iterator_dispose(VM *vm, Realm *realm) NODUS_MUST_CHECK;

/* Installs every built-in of STDLIB_ES_INSTALLERS in order. */
bool stdlib_install_all(VM *vm, Realm *realm) NODUS_MUST_CHECK;

/* ---- Well-known symbols (ES2025 6.1.5.1), shared by all realms ---- */
#define WELL_KNOWN_SYMBOLS(S) \
    S(asyncIterator) S(hasInstance) S(isConcatSpreadable) S(iterator) S(match) S(matchAll) \
    S(replace) S(search) S(species) S(split) S(toPrimitive) S(toStringTag) S(unscopables) \
    S(dispose) S(asyncDispose)

typedef enum WellKnownSymbol {
#define S(name) WELL_KNOWN_##name,
    WELL_KNOWN_SYMBOLS(S)
#undef S
    WELL_KNOWN__COUNT
} WellKnownSymbol;

/* The well-known symbol (created and pinned on first use); NULL after
 * throwing (out of memory). */
Symbol *stdlib_well_known_symbol(VM *vm, WellKnownSymbol id) NODUS_MUST_CHECK;

/* ---- Primitive wrapper objects (ES2025 7.1.18 ToObject) ---- */
/* ToObject: a wrapper for a primitive, the object itself for an object;
 * TypeError "Cannot convert undefined or null to object" for those. NULL
 * after throwing. */
Object *stdlib_to_object(VM *vm, Value value) NODUS_MUST_CHECK;

/* ---- RegExp (stdlib/es/regexp.c) ---- */
/* RegExpCreate(pattern, flags) for regular expression literals
 * (CREATE_REGEXP). VALUE_EXCEPTION after throwing. */
Value stdlib_regexp_create(VM *vm, String *pattern, String *flags);

/* ---- console ---- */
/* util.inspect's formatting of one value as console.log prints it (strings
 * bare at the top level). NULL after throwing. */
String *stdlib_inspect(VM *vm, Value value) NODUS_MUST_CHECK;

/* ---- Bound functions (ES2025 10.4.1) ---- */
/* true and *target set to [[BoundTargetFunction]] when function is bound. */
bool stdlib_bound_target(Object *function, Value *target);

/* ---- Function.prototype.toString's source slices ---- */
/* The text Function.prototype.toString gives for a callable (native code
 * or the closure's source). NULL after throwing. */
String *stdlib_function_to_string(VM *vm, Object *function) NODUS_MUST_CHECK;

#endif
