/*
 * Private Names and private elements (ES2025 6.2.12 Private Names; 7.3.31
 * PrivateElementFind through 7.3.35 PrivateSet).
 *
 * ---- Representation ----
 * A Private Name is a Symbol cell flagged SYMBOL_PRIVATE, with the extra
 * fields of PrivateName below (the kind of element the class declared for
 * it and the class's name, both only for error messages). Its
 * [[Description]] is "#x".
 *
 * An object's [[PrivateElements]] live in its ordinary property storage,
 * keyed by the Private Name, so that a private field is a shape slot like
 * any named property (shapes are shared by the instances of a class, and a
 * read is a shape lookup and a slot load):
 *   - field:    a data property, PROP_WRITABLE;
 *   - method:   a data property without PROP_WRITABLE (PrivateSet throws);
 *   - accessor: an accessor property (PROP_ACCESSOR, an AccessorPair).
 * They are invisible to everything else because no code can name the key
 * but through these functions: [[OwnPropertyKeys]] skips private symbols
 * (vm/ordinary.c), and so every enumeration built on it (Reflect.ownKeys,
 * Object.keys, for-in, Object.assign, spread, JSON, util.inspect) does too;
 * SetIntegrityLevel never sees them, so a frozen object's private fields stay
 * writable, and adding one ignores [[Extensible]] (as PrivateFieldAdd does).
 * The internal methods of exotic objects (proxies included) are bypassed:
 * a private element of a Proxy is stored on the Proxy object itself.
 */
#ifndef NODUS_VM_PRIVATE_NAME_H
#define NODUS_VM_PRIVATE_NAME_H

#include "vm/symbol.h"

/* What the class declared for a Private Name: aux of the symbol's cell and
 * the n operand of CREATE_PRIVATE_NAME. */
enum {
    PRIVATE_NAME_FIELD = 0,
    PRIVATE_NAME_METHOD = 1,
    PRIVATE_NAME_ACCESSOR = 2,
    PRIVATE_NAME_KIND_MASK = 3,
    PRIVATE_NAME_STATIC = 4,
};

typedef struct PrivateName {
    Symbol symbol;                /* cell.flags has SYMBOL_PRIVATE */
    String *class_name;           /* the class's binding name, "" when anonymous */
} PrivateName;

static inline bool value_is_private_name(Value v)
{
    return value_is_symbol(v) && (value_as_symbol(v)->cell.flags & SYMBOL_PRIVATE);
}

/* CREATE_PRIVATE_NAME: a new Private Name "#" + name. VALUE_EXCEPTION after throwing. */
Value private_name_new(VM *vm, String *name, String *class_name, uint32_t kind);

/* ES2025 7.3.34 PrivateGet, after GetValue's ToObject (13.3.x: a
 * primitive base cannot hold private elements). */
Value private_get(VM *vm, Value base, Value name);
/* ES2025 7.3.35 PrivateSet, after PutValue's ToObject. */
bool private_set(VM *vm, Value base, Value name, Value value) NODUS_MUST_CHECK;
/* ES2025 13.10.1 RelationalExpression : PrivateIdentifier in ShiftExpression */
Value private_in(VM *vm, Value name, Value target);
/* ES2025 7.3.32 PrivateFieldAdd */
bool private_field_add(VM *vm, Value target, Value name, Value value) NODUS_MUST_CHECK;
/* ES2025 7.3.33 PrivateMethodOrAccessorAdd: a method element ... */
bool private_method_add(VM *vm, Value target, Value name, Value method) NODUS_MUST_CHECK;
/* ... and an accessor element (getter or setter may be undefined). */
bool private_accessor_add(VM *vm, Value target, Value name, Value getter, Value setter) NODUS_MUST_CHECK;

#endif
