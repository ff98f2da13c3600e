/*
 * JavaScript values: 64-bit NaN-boxed words.
 *
 * A double is stored as its own IEEE-754 bits. Every other value lives in the
 * space of negative quiet NaNs, which arithmetic never produces once NaNs are
 * canonicalized (value_from_double turns every NaN into 0x7FF8000000000000).
 * There the top 16 bits are a tag and the low 48 bits a payload:
 *
 *   0x0000... - 0xFFF8...   double
 *   0xFFF9 0000 iiii iiii   int32 i (the fast path for integers)
 *   0xFFFA 0000 0000 000k   special: undefined, null, false, true, the hole of
 *                           a sparse array, the "exception pending" sentinel
 *   0xFFFB pppp pppp pppp   Object *     (any object, functions included)
 *   0xFFFC pppp pppp pppp   String *
 *   0xFFFD pppp pppp pppp   Symbol *
 *   0xFFFE pppp pppp pppp   BigInt *
 *   0xFFFF pppp pppp pppp   another heap cell, never visible to JavaScript
 *                           (environments, bytecode, shapes kept in slots)
 *
 * Pointers fit because user-space addresses on x86-64 and AArch64 Linux use
 * 47 or 48 bits. Tags at or above VALUE_TAG_OBJECT are exactly the values
 * that point into the GC heap, so the collector tests one comparison.
 *
 * Everything outside this header goes through these inline functions, so the
 * layout can change here alone.
 */
#ifndef NODUS_VM_VALUE_H
#define NODUS_VM_VALUE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

typedef uint64_t Value;

typedef struct GCCell GCCell;
typedef struct Object Object;
typedef struct String String;
typedef struct Symbol Symbol;
typedef struct BigInt BigInt;

#define VALUE_TAG_SHIFT 48
#define VALUE_TAG_INT32 0xFFF9u
#define VALUE_TAG_SPECIAL 0xFFFAu
#define VALUE_TAG_OBJECT 0xFFFBu
#define VALUE_TAG_STRING 0xFFFCu
#define VALUE_TAG_SYMBOL 0xFFFDu
#define VALUE_TAG_BIGINT 0xFFFEu
#define VALUE_TAG_CELL 0xFFFFu

#define VALUE_PAYLOAD_MASK 0x0000FFFFFFFFFFFFull
#define VALUE_MAKE(tag, payload) (((uint64_t)(tag) << VALUE_TAG_SHIFT) | (uint64_t)(payload))

#define VALUE_UNDEFINED VALUE_MAKE(VALUE_TAG_SPECIAL, 0)
#define VALUE_NULL VALUE_MAKE(VALUE_TAG_SPECIAL, 1)
#define VALUE_FALSE VALUE_MAKE(VALUE_TAG_SPECIAL, 2)
#define VALUE_TRUE VALUE_MAKE(VALUE_TAG_SPECIAL, 3)
/* An absent element of an array, or an uninitialized binding (TDZ). */
#define VALUE_HOLE VALUE_MAKE(VALUE_TAG_SPECIAL, 4)
/* Returned by a function that threw: the exception is in vm->exception. */
#define VALUE_EXCEPTION VALUE_MAKE(VALUE_TAG_SPECIAL, 5)

#define VALUE_CANONICAL_NAN 0x7FF8000000000000ull

static inline unsigned value_tag(Value v) { return (unsigned)(v >> VALUE_TAG_SHIFT); }

static inline bool value_is_double(Value v) { return v < VALUE_MAKE(VALUE_TAG_INT32, 0); }
static inline bool value_is_int32(Value v) { return value_tag(v) == VALUE_TAG_INT32; }
static inline bool value_is_number(Value v) { return value_is_double(v) || value_is_int32(v); }
static inline bool value_is_undefined(Value v) { return v == VALUE_UNDEFINED; }
static inline bool value_is_null(Value v) { return v == VALUE_NULL; }
static inline bool value_is_nullish(Value v) { return v == VALUE_UNDEFINED || v == VALUE_NULL; }
static inline bool value_is_boolean(Value v) { return v == VALUE_TRUE || v == VALUE_FALSE; }
static inline bool value_is_hole(Value v) { return v == VALUE_HOLE; }
static inline bool value_is_exception(Value v) { return v == VALUE_EXCEPTION; }
static inline bool value_is_object(Value v) { return value_tag(v) == VALUE_TAG_OBJECT; }
static inline bool value_is_string(Value v) { return value_tag(v) == VALUE_TAG_STRING; }
static inline bool value_is_symbol(Value v) { return value_tag(v) == VALUE_TAG_SYMBOL; }
static inline bool value_is_bigint(Value v) { return value_tag(v) == VALUE_TAG_BIGINT; }
static inline bool value_is_cell(Value v) { return value_tag(v) == VALUE_TAG_CELL; }
/* Does v point into the GC heap (object, string, symbol, bigint, cell)? */
static inline bool value_is_heap(Value v) { return value_tag(v) >= VALUE_TAG_OBJECT; }

static inline double value_as_double(Value v)
{
    double d;
    memcpy(&d, &v, sizeof d);
    return d;
}
static inline int32_t value_as_int32(Value v) { return (int32_t)(uint32_t)v; }
static inline double value_as_number(Value v)
{
    return value_is_int32(v) ? (double)value_as_int32(v) : value_as_double(v);
}
static inline bool value_as_boolean(Value v) { return v == VALUE_TRUE; }
static inline void *value_as_pointer(Value v) { return (void *)(uintptr_t)(v & VALUE_PAYLOAD_MASK); }
static inline Object *value_as_object(Value v) { return (Object *)value_as_pointer(v); }
static inline String *value_as_string(Value v) { return (String *)value_as_pointer(v); }
static inline Symbol *value_as_symbol(Value v) { return (Symbol *)value_as_pointer(v); }
static inline BigInt *value_as_bigint(Value v) { return (BigInt *)value_as_pointer(v); }
static inline GCCell *value_as_cell(Value v) { return (GCCell *)value_as_pointer(v); }

static inline Value value_from_double(double d)
{
    Value v;
    if (d != d)
        return VALUE_CANONICAL_NAN;
    memcpy(&v, &d, sizeof v);
    return v;
}
static inline Value value_from_int32(int32_t i) { return VALUE_MAKE(VALUE_TAG_INT32, (uint32_t)i); }
/* The int32 form when d is an integer in range and not -0, else a double:
 * results of arithmetic go through here so that int fast paths stay hot. */
static inline Value value_from_number(double d)
{
    if (d >= -2147483648.0 && d <= 2147483647.0) {
        int32_t i = (int32_t)d;
        if ((double)i == d && (i != 0 || !__builtin_signbit(d)))
            return value_from_int32(i);
    }
    return value_from_double(d);
}
static inline Value value_from_boolean(bool b) { return b ? VALUE_TRUE : VALUE_FALSE; }
static inline Value value_from_object(Object *o) { return VALUE_MAKE(VALUE_TAG_OBJECT, (uintptr_t)o); }
static inline Value value_from_string(String *s) { return VALUE_MAKE(VALUE_TAG_STRING, (uintptr_t)s); }
static inline Value value_from_symbol(Symbol *s) { return VALUE_MAKE(VALUE_TAG_SYMBOL, (uintptr_t)s); }
static inline Value value_from_bigint(BigInt *b) { return VALUE_MAKE(VALUE_TAG_BIGINT, (uintptr_t)b); }
static inline Value value_from_cell(GCCell *c) { return VALUE_MAKE(VALUE_TAG_CELL, (uintptr_t)c); }

#endif
