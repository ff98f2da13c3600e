/*
 * Property descriptors as JavaScript objects (ES2025 6.2.6.4
 * FromPropertyDescriptor, 6.2.6.5 ToPropertyDescriptor), for
 * Object.defineProperty, getOwnPropertyDescriptor and Reflect.
 */
#ifndef NODUS_STDLIB_ES_PROPERTY_DESCRIPTOR_H
#define NODUS_STDLIB_ES_PROPERTY_DESCRIPTOR_H

#include "vm/object.h"

/* ToPropertyDescriptor ( Obj ): false after throwing. desc's Values are
 * the caller's to root (they come from obj's properties, which may be
 * getters returning fresh values). */
bool property_descriptor_from_object(VM *vm, Value obj, PropertyDescriptor *desc) NODUS_MUST_CHECK;
/* FromPropertyDescriptor ( Desc ): a new object. VALUE_EXCEPTION after throwing. */
Value property_descriptor_to_object(VM *vm, const PropertyDescriptor *desc);

#endif
