/*
 * A realm (ES2025 9.3): the intrinsics (%Object.prototype%, %Array%, ...),
 * the global object and the global environment's declarative part.
 * stdlib/es/ files fill the intrinsics in; each file has an install function
 * called by realm_new in dependency order.
 */
#ifndef NODUS_VM_REALM_H
#define NODUS_VM_REALM_H

#include "vm/function.h"

/* The intrinsics the VM itself needs; stdlib adds to this list. */
#define INTRINSICS_LIST(I) \
    I(ObjectPrototype) I(FunctionPrototype) I(ArrayPrototype) I(StringPrototype) \
    I(NumberPrototype) I(BooleanPrototype) I(SymbolPrototype) I(BigIntPrototype) \
    I(ErrorPrototype) I(EvalErrorPrototype) I(RangeErrorPrototype) I(ReferenceErrorPrototype) \
    I(SyntaxErrorPrototype) I(TypeErrorPrototype) I(URIErrorPrototype) I(AggregateErrorPrototype) \
    I(SuppressedErrorPrototype) \
    I(IteratorPrototype) I(ArrayIteratorPrototype) I(GeneratorPrototype) I(GeneratorFunctionPrototype) \
    I(AsyncFunctionPrototype) I(AsyncGeneratorPrototype) I(AsyncGeneratorFunctionPrototype) \
    I(AsyncIteratorPrototype) I(AsyncFromSyncIteratorPrototype) \
    I(PromisePrototype) I(Promise) I(RegExpPrototype) I(Eval) I(ThrowTypeError) \
    I(Object) I(Function) I(Array) \
    I(StringIteratorPrototype) I(ArrayPrototypeValues) I(SymbolRegistry) I(ObjectPrototypeToString) \
    I(DatePrototype) \
    I(RegExp) I(RegExpPrototypeExec) I(RegExpStringIteratorPrototype) I(RegExpLegacyState)

typedef enum IntrinsicId {
#define I(name) INTRINSIC_##name,
    INTRINSICS_LIST(I)
#undef I
    INTRINSIC__COUNT
} IntrinsicId;

struct Realm {
    Object *intrinsics[INTRINSIC__COUNT];
    Object *global_object;
    /* let/const/class declared at the top level of scripts: names to
     * values (the hole while in TDZ), with const-ness */
    Object *global_lexicals;     /* an internal ordinary object used as a map; attributes encode const */
    /* ToObject of a primitive (ES2025 7.1.18): a Boolean, Number, String,
     * Symbol or BigInt wrapper object. Installed by stdlib; until then
     * ToObject of a primitive throws a TypeError. NULL after throwing. */
    Object *(*wrap_primitive)(VM *vm, Value primitive);
};

/* The install functions realm_new calls, in order, after creating the core
 * intrinsics (Object.prototype, Function.prototype, Array.prototype, the
 * errors, the global object, print): see realm_installers in vm/realm.c. */
typedef bool (*RealmInstallFn)(VM *vm, Realm *realm);

/* Creates a realm with every built-in installed and makes it current. */
Realm *realm_new(VM *vm) NODUS_MUST_CHECK;
/* Frees a realm made by realm_new (its cells are the collector's). */
void realm_free(VM *vm, Realm *realm);
Object *realm_intrinsic(VM *vm, IntrinsicId id);
/* OrdinaryCreateFromConstructor (ES2025 10.1.13) for ordinary objects: the
 * prototype is constructor.prototype, or the realm's fallback intrinsic
 * when that is not an object. NULL after throwing. */
Object *ordinary_create_from_constructor(VM *vm, Object *constructor, IntrinsicId fallback) NODUS_MUST_CHECK;

/* Helpers for stdlib's install functions: define a built-in method or a
 * value property with the attributes built-ins have (writable,
 * non-enumerable, configurable). false after throwing. */
bool realm_define_method(VM *vm, Object *target, const char *name, NativeFunction function, uint32_t length) NODUS_MUST_CHECK;
/* Defines a data property of a built-in holder: as
 * object_define_data_property, but an absent key of an ordinary holder is
 * added without validating a descriptor against nothing. false after
 * throwing. */
bool realm_define_builtin_property(VM *vm, Object *target, PropertyKey key, Value value,
                                   uint8_t attributes) NODUS_MUST_CHECK;
/* Readies target to hold built-ins (the helpers above and stdlib's call it
 * before defining): its own properties go into a stable dictionary
 * (vm/shape.c) instead of a tree shape per property. The global object is
 * left alone: programs add their globals to it one at a time. false after
 * throwing. */
bool realm_prepare_holder(VM *vm, Object *target) NODUS_MUST_CHECK;
bool realm_define_value(VM *vm, Object *target, const char *name, Value value) NODUS_MUST_CHECK;

#endif
