/*
 * A realm (ES2025 9.3): the intrinsics (%Object.prototype%, %Array%, ...),
 * the global object and the global environment's declarative part.
 * stdlib/es/*.c fill the intrinsics in; each file has an install function
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
    I(IteratorPrototype) I(ArrayIteratorPrototype) I(GeneratorPrototype) I(GeneratorFunctionPrototype) \
    I(AsyncFunctionPrototype) I(AsyncGeneratorPrototype) I(AsyncGeneratorFunctionPrototype) \
    I(PromisePrototype) I(Promise) I(RegExpPrototype) I(Eval) I(ThrowTypeError) \
    I(Object) I(Function) I(Array) \
    I(StringIteratorPrototype) I(ArrayPrototypeValues) I(SymbolRegistry) I(ObjectPrototypeToString)

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
};

/* Creates a realm with every built-in installed and makes it current. */
Realm *realm_new(VM *vm) NODUS_MUST_CHECK;
Object *realm_intrinsic(VM *vm, IntrinsicId id);

/* Helpers for stdlib's install functions: define a built-in method or a
 * value property with the attributes built-ins have (writable,
 * non-enumerable, configurable). false after throwing. */
bool realm_define_method(VM *vm, Object *target, const char *name, NativeFunction function, uint32_t length) NODUS_MUST_CHECK;
bool realm_define_value(VM *vm, Object *target, const char *name, Value value) NODUS_MUST_CHECK;

#endif
