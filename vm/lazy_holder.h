/*
 * Built-in holders whose properties are made on first use (vm/lazy_holder.c).
 */
#ifndef NODUS_VM_LAZY_HOLDER_H
#define NODUS_VM_LAZY_HOLDER_H

#include "vm/realm.h"

/* Defines the holder's properties (the install functions of stdlib/ and
 * vm/ have this shape); false after throwing. */
typedef bool (*HolderInstaller)(VM *vm, Realm *realm, Object *holder);

/* Leaves holder (an ordinary object or a native function, new, reachable
 * from realm's intrinsics or global object) without the properties install
 * would define: install runs the first time anything looks at holder's own
 * properties, and then it is as if it had run now. false after throwing. */
bool realm_defer_holder(VM *vm, Realm *realm, Object *holder, HolderInstaller install) NODUS_MUST_CHECK;

/* realm_defer_holder for a constructor's own properties (statics) and its
 * prototype's (methods), the pair most built-ins are. false after throwing. */
bool realm_defer_constructor(VM *vm, Realm *realm, Object *ctor, HolderInstaller statics, Object *prototype,
                             HolderInstaller methods) NODUS_MUST_CHECK;

/* The current realm's intrinsic id, which the install function of the
 * holder intrinsic holder_id makes (e.g. %Array.prototype.values%):
 * installed first if it is still deferred. NULL after throwing. */
Object *realm_intrinsic_of_holder(VM *vm, IntrinsicId id, IntrinsicId holder_id);

/* Makes every deferred holder of realm (for tests: what an eager realm
 * would have been). false after throwing. */
bool realm_install_deferred(VM *vm, Realm *realm) NODUS_MUST_CHECK;

/* Forgets realm's deferred holders (realm_free), and all of them (vm_free). */
void lazy_holders_forget_realm(VM *vm, Realm *realm);
void lazy_holders_free(VM *vm);

/* GC: the holders waiting (they are roots until installed). */
void lazy_holders_mark(GCTracer *tracer, VM *vm);

#endif
