// Unit tests of objects, shapes, elements, arrays and inline caches.
// Standalone, from the repository root:
//   gcc -std=c11 -Wall -Wextra -O2 -I. gc/*.c vm/*.c tests/unit/test_object.c -lm
//       -o /tmp/test_object && /tmp/test_object
// and the same with clang -fsanitize=address,undefined -g.
/*
 * Every group runs twice: with a normal heap, then with GCOptions.stress (a
 * collection before every allocation), so that a cell the object code forgets
 * to root is freed at once and shows up under AddressSanitizer. The tests keep
 * their own objects and keys alive with pins (kept(), key()).
 * The micro-benchmark (cached named get) runs in the normal round only.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "vm/atom.h"
#include "vm/object_internal.h"
#include "vm/symbol.h"
#include "vm/vm.h"

#include "tests/unit/test_main.h"

static bool stress;

#define ASSERT_TRUE(x) CHECK((x), "expected %s", #x)
#define ASSERT_INT(actual, expected)                                         \
    do {                                                                     \
        long long a_ = (long long)(actual), e_ = (long long)(expected);      \
        CHECK(a_ == e_, "%s: got %lld, expected %lld", #actual, a_, e_);     \
    } while (0)
#define ASSERT_PTR(actual, expected)                                         \
    do {                                                                     \
        const void *a_ = (actual), *e_ = (expected);                         \
        CHECK(a_ == e_, "%s: got %p, expected %p", #actual, a_, e_);         \
    } while (0)
/* Same JavaScript value by SameValue; both printed on failure. */
#define ASSERT_VALUE(actual, expected)                                       \
    do {                                                                     \
        Value a_ = (actual), e_ = (expected);                                \
        char ab_[96], eb_[96];                                               \
        CHECK(property_same_value(vm, a_, e_) == 1, "%s: got %s, expected %s", \
              #actual, describe(a_, ab_), describe(e_, eb_));                \
    } while (0)

static const char *describe(Value v, char *buf)
{
    if (value_is_number(v)) {
        snprintf(buf, 96, "%.17g", value_as_number(v));
    } else if (value_is_string(v)) {
        size_t len;
        char *s = string_to_utf8(value_as_string(v), &len);
        snprintf(buf, 96, "\"%s\"", s ? s : "?");
        free(s);
    } else if (value_is_undefined(v)) {
        snprintf(buf, 96, "undefined");
    } else if (value_is_null(v)) {
        snprintf(buf, 96, "null");
    } else if (value_is_boolean(v)) {
        snprintf(buf, 96, "%s", value_as_boolean(v) ? "true" : "false");
    } else if (value_is_exception(v)) {
        snprintf(buf, 96, "<exception>");
    } else if (value_is_object(v)) {
        snprintf(buf, 96, "<object %p>", value_as_pointer(v));
    } else {
        snprintf(buf, 96, "<value %#llx>", (unsigned long long)v);
    }
    return buf;
}

/* ---- Helpers ---- */

static VM *vm;

static Object *kept(Object *o)
{
    if (o)
        gc_pin(vm->heap, &o->header);
    return o;
}

/* A pinned atom key. */
static PropertyKey key(const char *name)
{
    String *atom = atom_from_cstr(vm, name);
    if (!atom)
        abort();
    gc_pin(vm->heap, (GCCell *)atom);
    return property_key_from_value(vm, value_from_string(atom));
}

static PropertyKey index_key(uint32_t i) { return property_key_from_index(vm, i); }
static Value num(double d) { return value_from_number(d); }
static Value obj(Object *o) { return value_from_object(o); }

static Object *new_object(Object *prototype) { return kept(object_new_ordinary(vm, prototype)); }

static Value get(Object *o, PropertyKey k) { return object_get(vm, o, k, obj(o)); }
static int set(Object *o, PropertyKey k, Value v) { return object_set(vm, o, k, v, obj(o)); }
static bool has_own(Object *o, PropertyKey k)
{
    PropertyDescriptor desc;
    return object_get_own_property(vm, o, k, &desc) == 1;
}

static PropertyDescriptor data_desc(Value v, uint8_t has_attributes, uint8_t attributes)
{
    return (PropertyDescriptor){ .has = DESC_HAS_VALUE | has_attributes, .attributes = attributes, .value = v,
                                 .getter = VALUE_UNDEFINED, .setter = VALUE_UNDEFINED };
}

static PropertyDescriptor fields_desc(uint8_t has, uint8_t attributes)
{
    return (PropertyDescriptor){ .has = has, .attributes = attributes, .value = VALUE_UNDEFINED,
                                 .getter = VALUE_UNDEFINED, .setter = VALUE_UNDEFINED };
}

static void clear_exception(void) { vm_take_exception(vm); }

/* ---- A tiny callable class: native functions for getters and setters ---- */

typedef struct NativeFunction NativeFunction;
typedef Value (*NativeFn)(NativeFunction *self, Value this_value, uint32_t argc, const Value *argv);

struct NativeFunction {
    Object base;
    NativeFn fn;
    int calls;
    Value last_this, last_arg, data;
};

static Value native_call(VM *vm_, Object *callee, Value this_value, uint32_t argc, const Value *argv)
{
    (void)vm_;
    NativeFunction *f = (NativeFunction *)callee;
    f->calls++;
    f->last_this = this_value;
    f->last_arg = argc ? argv[0] : VALUE_UNDEFINED;
    return f->fn(f, this_value, argc, argv);
}

static void native_trace(GCTracer *tracer, Object *o)
{
    NativeFunction *f = (NativeFunction *)o;
    gc_mark_value(tracer, f->last_this);
    gc_mark_value(tracer, f->last_arg);
    gc_mark_value(tracer, f->data);
}

static const ObjectClass native_function_class = {
    .name = "Function",
    .get_own_property = ordinary_get_own_property, .define_own_property = ordinary_define_own_property,
    .has_property = ordinary_has_property, .get = ordinary_get, .set = ordinary_set,
    .delete_property = ordinary_delete, .own_property_keys = ordinary_own_property_keys,
    .get_prototype_of = ordinary_get_prototype_of, .set_prototype_of = ordinary_set_prototype_of,
    .is_extensible = ordinary_is_extensible, .prevent_extensions = ordinary_prevent_extensions,
    .call = native_call, .trace = native_trace,
};

static NativeFunction *native_new(NativeFn fn, Value data)
{
    NativeFunction *f = (NativeFunction *)kept(object_new(vm, &native_function_class, sizeof(NativeFunction), NULL));
    f->fn = fn;
    f->last_this = f->last_arg = VALUE_UNDEFINED;
    f->data = data;
    return f;
}

static Value returns_data(NativeFunction *self, Value t, uint32_t c, const Value *a)
{
    (void)t, (void)c, (void)a;
    return self->data;
}

static Value returns_undefined(NativeFunction *self, Value t, uint32_t c, const Value *a)
{
    (void)self, (void)t, (void)c, (void)a;
    return VALUE_UNDEFINED;
}

/* ---- Shapes ---- */

static void test_shapes_shared(void)
{
    PropertyKey a = key("a"), b = key("b"), c = key("c");
    Object *proto = new_object(NULL);
    Object *o1 = new_object(proto), *o2 = new_object(proto), *o3 = new_object(proto);
    ASSERT_PTR(o1->shape, o2->shape);
    ASSERT_INT(set(o1, a, num(1)), 1);
    ASSERT_INT(set(o1, b, num(2)), 1);
    ASSERT_INT(set(o2, a, num(3)), 1);
    Shape *after_a = o2->shape;
    ASSERT_INT(set(o2, b, num(4)), 1);
    ASSERT_PTR(o1->shape, o2->shape);
    ASSERT_PTR(o2->shape->parent, after_a);
    /* Another order: another shape. */
    ASSERT_INT(set(o3, b, num(5)), 1);
    ASSERT_INT(set(o3, a, num(6)), 1);
    ASSERT_TRUE(o3->shape != o1->shape);
    ASSERT_INT(shape_property_count(o3->shape), 2);
    ASSERT_PTR(shape_prototype(o3->shape), proto);
    /* Lookups and values. */
    uint32_t slot;
    uint8_t attributes;
    ASSERT_TRUE(shape_lookup(o1->shape, b, &slot, &attributes));
    ASSERT_INT(slot, 1);
    ASSERT_INT(attributes, PROP_DEFAULT);
    ASSERT_TRUE(!shape_lookup(o1->shape, c, &slot, &attributes));
    ASSERT_VALUE(get(o1, b), num(2));
    ASSERT_VALUE(get(o2, a), num(3));
    ASSERT_VALUE(get(o3, a), num(6));
    ASSERT_VALUE(get(o3, c), VALUE_UNDEFINED);
    /* A different prototype: a different root. */
    Object *other = new_object(NULL);
    ASSERT_TRUE(other->shape != proto->shape || shape_prototype(other->shape) == NULL);
    ASSERT_TRUE(new_object(o1)->shape != o1->shape);
}

static void test_many_properties(void)
{
    enum { N = 300 };   /* past the lookup-table and the dictionary thresholds */
    PropertyKey keys[N];
    char name[16];
    for (int i = 0; i < N; i++) {
        snprintf(name, sizeof name, "p%d", i);
        keys[i] = key(name);
    }
    Object *o1 = new_object(NULL), *o2 = new_object(NULL);
    for (int i = 0; i < N; i++) {
        ASSERT_INT(set(o1, keys[i], num(i)), 1);
        if (i < 40)
            ASSERT_INT(set(o2, keys[i], num(-i)), 1);
    }
    for (int i = 0; i < N; i++)
        CHECK(get(o1, keys[i]) == num(i), "p%d", i);
    ASSERT_TRUE(shape_is_dictionary(o1->shape));
    ASSERT_INT(shape_property_count(o1->shape), N);
    ASSERT_TRUE(!shape_is_dictionary(o2->shape));
    for (int i = 0; i < 40; i++)
        CHECK(get(o2, keys[i]) == num(-i), "o2.p%d", i);
    /* A third object along o2's path shares its shapes (table inherited). */
    Object *o3 = new_object(NULL);
    for (int i = 0; i < 40; i++)
        ASSERT_INT(set(o3, keys[i], num(i)), 1);
    ASSERT_PTR(o3->shape, o2->shape);
    ASSERT_VALUE(get(o3, keys[39]), num(39));
    ASSERT_VALUE(get(o3, keys[40]), VALUE_UNDEFINED);
    KeyList list;
    key_list_init(vm, &list);
    ASSERT_TRUE(object_own_property_keys(vm, o1, &list));
    ASSERT_INT(list.count, N);
    bool in_order = true;
    for (uint32_t i = 0; i < list.count; i++)
        in_order = in_order && list.keys[i] == keys[i];
    ASSERT_TRUE(in_order);
    key_list_free(vm, &list);
}

static void test_delete(void)
{
    PropertyKey a = key("a"), b = key("b"), c = key("c"), d = key("d");
    Object *o = new_object(NULL), *twin = new_object(NULL);
    set(o, a, num(1)), set(o, b, num(2)), set(o, c, num(3));
    set(twin, a, num(1)), set(twin, b, num(2));
    /* Deleting the last property added steps back to the previous shape. */
    ASSERT_INT(object_delete(vm, o, c), 1);
    ASSERT_PTR(o->shape, twin->shape);
    ASSERT_TRUE(!has_own(o, c));
    /* Deleting another one makes a dictionary that still works. */
    set(o, c, num(3)), set(o, d, num(4));
    ASSERT_INT(object_delete(vm, o, a), 1);
    ASSERT_TRUE(shape_is_dictionary(o->shape));
    ASSERT_VALUE(get(o, a), VALUE_UNDEFINED);
    ASSERT_VALUE(get(o, b), num(2));
    ASSERT_VALUE(get(o, d), num(4));
    ASSERT_INT(object_delete(vm, o, a), 1);   /* absent: true */
    set(o, a, num(10));                         /* re-added: last in order */
    KeyList list;
    key_list_init(vm, &list);
    ASSERT_TRUE(object_own_property_keys(vm, o, &list));
    ASSERT_INT(list.count, 4);
    if (list.count == 4) {
        ASSERT_TRUE(list.keys[0] == b && list.keys[1] == c && list.keys[2] == d && list.keys[3] == a);
    }
    key_list_free(vm, &list);
    ASSERT_VALUE(get(o, a), num(10));
    /* Many deletions compact the dictionary. */
    char name[16];
    for (int i = 0; i < 50; i++) {
        snprintf(name, sizeof name, "k%d", i);
        set(o, key(name), num(i));
    }
    for (int i = 0; i < 45; i++) {
        snprintf(name, sizeof name, "k%d", i);
        ASSERT_INT(object_delete(vm, o, key(name)), 1);
    }
    ASSERT_TRUE(o->shape->slot_count < 20);
    ASSERT_VALUE(get(o, key("k47")), num(47));
    ASSERT_VALUE(get(o, b), num(2));
    ASSERT_VALUE(get(o, a), num(10));
    /* Non-configurable: not deleted. */
    ASSERT_TRUE(object_define_data_property(vm, o, key("fixed"), num(1), PROP_WRITABLE));
    ASSERT_INT(object_delete(vm, o, key("fixed")), 0);
    ASSERT_VALUE(get(o, key("fixed")), num(1));
}

static void test_key_order(void)
{
    Object *o = new_object(NULL);
    Symbol *sym1 = symbol_new(vm, NULL);
    gc_pin(vm->heap, (GCCell *)sym1);
    Symbol *sym2 = symbol_new(vm, NULL);
    gc_pin(vm->heap, (GCCell *)sym2);
    PropertyKey s1 = value_from_symbol(sym1), s2 = value_from_symbol(sym2);
    PropertyKey z = key("z"), a = key("a");
    set(o, z, num(0));
    set(o, s2, num(0));
    set(o, index_key(2), num(0));
    set(o, a, num(0));
    set(o, s1, num(0));
    set(o, index_key(0), num(0));
    /* "10" is an index; "-1" and "1.5" are strings. */
    Value k10 = property_key_from_value(vm, value_from_string(atom_from_cstr(vm, "10")));
    ASSERT_VALUE(k10, num(10));
    set(o, k10, num(0));
    PropertyKey minus1 = key("-1");
    ASSERT_TRUE(value_is_string(minus1));
    set(o, minus1, num(0));
    ASSERT_VALUE(property_key_from_value(vm, num(-0.0)), num(0));
    ASSERT_VALUE(property_key_from_value(vm, num(1.5)), key("1.5"));
    ASSERT_VALUE(property_key_from_value(vm, num(4294967295.0)), key("4294967295"));
    ASSERT_VALUE(property_key_from_value(vm, VALUE_TRUE), key("true"));
    ASSERT_VALUE(property_key_from_value(vm, VALUE_NULL), key("null"));
    KeyList list;
    key_list_init(vm, &list);
    ASSERT_TRUE(object_own_property_keys(vm, o, &list));
    PropertyKey expected[] = { index_key(0), index_key(2), index_key(10), z, a, minus1, s2, s1 };
    ASSERT_INT(list.count, 8);
    for (uint32_t i = 0; i < 8 && i < list.count; i++)
        CHECK(list.keys[i] == expected[i], "key %u", i);
    key_list_free(vm, &list);
}

/* ---- [[DefineOwnProperty]] ---- */

static int define(Object *o, PropertyKey k, PropertyDescriptor d) { return object_define_own_property(vm, o, k, &d); }

static void test_define_data(void)
{
    PropertyKey x = key("x");
    Object *o = new_object(NULL);
    /* New property: absent fields default to false. */
    ASSERT_INT(define(o, x, data_desc(num(1), 0, 0)), 1);
    PropertyDescriptor d;
    ASSERT_INT(object_get_own_property(vm, o, x, &d), 1);
    ASSERT_INT(d.attributes, 0);
    ASSERT_VALUE(d.value, num(1));
    /* Non-configurable, non-writable: only SameValue is accepted. */
    ASSERT_INT(define(o, x, data_desc(num(1), 0, 0)), 1);
    ASSERT_INT(define(o, x, data_desc(num(2), 0, 0)), 0);
    ASSERT_INT(define(o, x, fields_desc(0, 0)), 1);   /* no fields */
    ASSERT_INT(define(o, x, fields_desc(DESC_HAS_CONFIGURABLE, PROP_CONFIGURABLE)), 0);
    ASSERT_INT(define(o, x, fields_desc(DESC_HAS_ENUMERABLE, PROP_ENUMERABLE)), 0);
    ASSERT_INT(define(o, x, fields_desc(DESC_HAS_ENUMERABLE, 0)), 1);
    ASSERT_INT(define(o, x, fields_desc(DESC_HAS_WRITABLE, PROP_WRITABLE)), 0);
    ASSERT_INT(define(o, x, fields_desc(DESC_HAS_WRITABLE, 0)), 1);
    ASSERT_INT(set(o, x, num(5)), 0);
    ASSERT_VALUE(get(o, x), num(1));
    /* NaN is SameValue to NaN; +0 is not -0. */
    PropertyKey n = key("n"), z = key("zero");
    ASSERT_INT(define(o, n, data_desc(value_from_double(NAN), 0, 0)), 1);
    ASSERT_INT(define(o, n, data_desc(value_from_double(-NAN), 0, 0)), 1);
    ASSERT_INT(define(o, z, data_desc(num(0), 0, 0)), 1);
    ASSERT_INT(define(o, z, data_desc(value_from_double(-0.0), 0, 0)), 0);
    ASSERT_INT(define(o, z, data_desc(value_from_double(0.0), 0, 0)), 1);
    /* Non-configurable but writable: value and writable:false may change. */
    PropertyKey w = key("w");
    ASSERT_INT(define(o, w, data_desc(num(1), DESC_HAS_WRITABLE, PROP_WRITABLE)), 1);
    ASSERT_INT(define(o, w, data_desc(num(2), 0, 0)), 1);
    ASSERT_VALUE(get(o, w), num(2));
    ASSERT_INT(define(o, w, fields_desc(DESC_HAS_WRITABLE, 0)), 1);
    ASSERT_INT(define(o, w, fields_desc(DESC_HAS_WRITABLE, PROP_WRITABLE)), 0);
    /* Configurable: anything goes, including attribute changes. */
    PropertyKey c = key("c");
    ASSERT_INT(define(o, c, data_desc(num(1), DESC_HAS_CONFIGURABLE, PROP_CONFIGURABLE)), 1);
    ASSERT_INT(define(o, c, data_desc(num(2), DESC_HAS_ENUMERABLE, PROP_ENUMERABLE)), 1);
    ASSERT_INT(object_get_own_property(vm, o, c, &d), 1);
    ASSERT_INT(d.attributes, PROP_ENUMERABLE | PROP_CONFIGURABLE);
    ASSERT_VALUE(d.value, num(2));
    /* Objects built with the same attributes share the reconfigured shape. */
    Object *p = new_object(NULL), *q = new_object(NULL);
    set(p, key("a"), num(1)), set(p, key("b"), num(2));
    ASSERT_INT(define(p, key("a"), fields_desc(DESC_HAS_WRITABLE, 0)), 1);
    ASSERT_INT(define(q, key("a"), data_desc(num(1), DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE, PROP_ENUMERABLE | PROP_CONFIGURABLE)), 1);
    set(q, key("b"), num(2));
    ASSERT_PTR(p->shape, q->shape);
    ASSERT_VALUE(get(p, key("b")), num(2));
    /* Non-extensible: no new properties. */
    ASSERT_INT(object_prevent_extensions(vm, o), 1);
    ASSERT_INT(define(o, key("new"), data_desc(num(1), 0, 0)), 0);
    ASSERT_INT(set(o, key("new"), num(1)), 0);
    ASSERT_TRUE(!object_define_data_property(vm, o, key("new"), num(1), PROP_DEFAULT));
    ASSERT_TRUE(vm->has_exception);
    clear_exception();
}

static void test_define_accessors(void)
{
    PropertyKey x = key("x");
    NativeFunction *g1 = native_new(returns_data, num(1));
    NativeFunction *g2 = native_new(returns_data, num(2));
    Object *o = new_object(NULL);
    /* Configurable accessor -> data -> accessor. */
    ASSERT_TRUE(object_define_accessor_property(vm, o, x, obj(&g1->base), VALUE_UNDEFINED,
                                                PROP_CONFIGURABLE | PROP_ENUMERABLE));
    ASSERT_VALUE(get(o, x), num(1));
    PropertyDescriptor d;
    ASSERT_INT(object_get_own_property(vm, o, x, &d), 1);
    ASSERT_TRUE(d.has & DESC_HAS_GET);
    ASSERT_INT(d.attributes, PROP_CONFIGURABLE | PROP_ENUMERABLE);
    ASSERT_INT(define(o, x, data_desc(num(7), 0, 0)), 1);   /* to data: keeps enumerable, configurable */
    ASSERT_INT(object_get_own_property(vm, o, x, &d), 1);
    ASSERT_TRUE(!(d.has & DESC_HAS_GET));
    ASSERT_INT(d.attributes, PROP_CONFIGURABLE | PROP_ENUMERABLE);   /* writable: false */
    ASSERT_VALUE(d.value, num(7));
    PropertyDescriptor to_accessor = fields_desc(DESC_HAS_GET, 0);
    to_accessor.getter = obj(&g2->base);
    ASSERT_INT(define(o, x, to_accessor), 1);
    ASSERT_VALUE(get(o, x), num(2));
    ASSERT_INT(object_get_own_property(vm, o, x, &d), 1);
    ASSERT_VALUE(d.setter, VALUE_UNDEFINED);
    /* Non-configurable accessor: same getter ok, other getter, data: rejected. */
    ASSERT_INT(define(o, x, fields_desc(DESC_HAS_CONFIGURABLE, 0)), 1);
    ASSERT_INT(define(o, x, to_accessor), 1);
    to_accessor.getter = obj(&g1->base);
    ASSERT_INT(define(o, x, to_accessor), 0);
    PropertyDescriptor set_undefined = fields_desc(DESC_HAS_SET, 0);
    ASSERT_INT(define(o, x, set_undefined), 1);   /* SameValue(undefined, undefined) */
    ASSERT_INT(define(o, x, data_desc(num(1), 0, 0)), 0);
    ASSERT_INT(define(o, x, fields_desc(DESC_HAS_WRITABLE, 0)), 0);
    ASSERT_VALUE(get(o, x), num(2));
    /* Non-configurable data property cannot become an accessor. */
    PropertyKey y = key("y");
    ASSERT_INT(define(o, y, data_desc(num(1), DESC_HAS_WRITABLE, PROP_WRITABLE)), 1);
    to_accessor.getter = obj(&g1->base);
    ASSERT_INT(define(o, y, to_accessor), 0);
    /* An accessor without a setter: [[Set]] fails; without a getter: undefined. */
    ASSERT_INT(set(o, x, num(3)), 0);
    PropertyKey only_set = key("onlySet");
    NativeFunction *setter = native_new(returns_undefined, VALUE_UNDEFINED);
    ASSERT_TRUE(object_define_accessor_property(vm, o, only_set, VALUE_UNDEFINED, obj(&setter->base), 0));
    ASSERT_VALUE(get(o, only_set), VALUE_UNDEFINED);
    ASSERT_INT(set(o, only_set, num(9)), 1);
    ASSERT_INT(setter->calls, 1);
    ASSERT_VALUE(setter->last_arg, num(9));
}

/* ---- Prototype chains ---- */

static void test_prototype_chain(void)
{
    PropertyKey x = key("x"), y = key("y"), ro = key("ro");
    Object *grand = new_object(NULL), *parent = new_object(grand), *child = new_object(parent);
    set(grand, x, num(1));
    ASSERT_TRUE(object_define_data_property(vm, grand, ro, num(5), PROP_ENUMERABLE));
    ASSERT_VALUE(get(child, x), num(1));
    ASSERT_INT(object_has_property(vm, child, x), 1);
    ASSERT_INT(object_has_property(vm, child, y), 0);
    /* Set creates an own property on the receiver; the prototype is unchanged. */
    ASSERT_INT(set(child, x, num(2)), 1);
    ASSERT_VALUE(get(child, x), num(2));
    ASSERT_VALUE(get(grand, x), num(1));
    ASSERT_TRUE(has_own(child, x) && !has_own(parent, x));
    /* A read-only inherited property blocks the set. */
    ASSERT_INT(set(child, ro, num(6)), 0);
    ASSERT_TRUE(!has_own(child, ro));
    /* ...but not a definition. */
    ASSERT_INT(object_create_data_property(vm, child, ro, num(6)), 1);
    ASSERT_VALUE(get(child, ro), num(6));
    /* [[SetPrototypeOf]]: cycles and non-extensible objects refused. */
    ASSERT_INT(object_set_prototype_of(vm, grand, obj(child)), 0);
    ASSERT_INT(object_set_prototype_of(vm, grand, obj(grand)), 0);
    Object *other = new_object(NULL);
    set(other, y, num(9));
    Shape *before = child->shape;
    ASSERT_INT(object_set_prototype_of(vm, child, obj(other)), 1);
    ASSERT_TRUE(child->shape != before);
    ASSERT_VALUE(object_get_prototype_of(vm, child), obj(other));
    ASSERT_VALUE(get(child, y), num(9));
    ASSERT_VALUE(get(child, x), num(2));   /* own properties kept */
    ASSERT_INT(object_set_prototype_of(vm, child, VALUE_NULL), 1);
    ASSERT_VALUE(get(child, y), VALUE_UNDEFINED);
    ASSERT_INT(object_prevent_extensions(vm, child), 1);
    ASSERT_INT(object_set_prototype_of(vm, child, VALUE_NULL), 1);   /* same value: true */
    ASSERT_INT(object_set_prototype_of(vm, child, obj(other)), 0);
    ASSERT_INT(object_is_extensible(vm, child), 0);
}

static Value getter_returns_this_x(NativeFunction *self, Value this_value, uint32_t c, const Value *a)
{
    (void)c, (void)a;
    return object_get(vm, value_as_object(this_value), self->data, this_value);
}

static void test_accessor_receivers(void)
{
    PropertyKey x = key("x"), v = key("v");
    NativeFunction *getter = native_new(getter_returns_this_x, x);
    NativeFunction *setter = native_new(returns_undefined, VALUE_UNDEFINED);
    Object *proto = new_object(NULL), *o = new_object(proto), *other = new_object(NULL);
    ASSERT_TRUE(object_define_accessor_property(vm, proto, v, obj(&getter->base), obj(&setter->base),
                                                PROP_CONFIGURABLE));
    set(o, x, num(42));
    set(other, x, num(7));
    ASSERT_VALUE(get(o, v), num(42));
    ASSERT_VALUE(getter->last_this, obj(o));
    ASSERT_VALUE(object_get(vm, o, v, obj(other)), num(7));   /* receiver differs: Reflect.get */
    ASSERT_VALUE(getter->last_this, obj(other));
    ASSERT_INT(set(o, v, num(3)), 1);
    ASSERT_VALUE(setter->last_this, obj(o));
    ASSERT_VALUE(setter->last_arg, num(3));
    ASSERT_TRUE(!has_own(o, v));
    /* A primitive receiver reaches the getter as is. */
    NativeFunction *plain = native_new(returns_data, num(8));
    ASSERT_TRUE(object_define_accessor_property(vm, proto, key("w"), obj(&plain->base), VALUE_UNDEFINED, 0));
    ASSERT_VALUE(object_get(vm, proto, key("w"), num(1)), num(8));
    ASSERT_VALUE(plain->last_this, num(1));
    /* A non-callable "getter" of an accessor cannot exist; Call throws. */
    ASSERT_TRUE(value_is_exception(object_call(vm, num(1), VALUE_UNDEFINED, 0, NULL)));
    clear_exception();
}

/* ---- Integrity levels ---- */

static void test_integrity(void)
{
    PropertyKey a = key("a"), b = key("b");
    NativeFunction *getter = native_new(returns_data, num(1));
    Object *o = new_object(NULL);
    set(o, a, num(1));
    ASSERT_TRUE(object_define_accessor_property(vm, o, b, obj(&getter->base), VALUE_UNDEFINED, PROP_CONFIGURABLE));
    set(o, index_key(0), num(0));
    ASSERT_INT(object_test_integrity_level(vm, o, false), 0);
    ASSERT_INT(object_set_integrity_level(vm, o, false), 1);
    ASSERT_INT(object_test_integrity_level(vm, o, false), 1);
    ASSERT_INT(object_test_integrity_level(vm, o, true), 0);
    ASSERT_INT(set(o, a, num(2)), 1);           /* sealed: still writable */
    ASSERT_INT(object_delete(vm, o, a), 0);
    ASSERT_INT(set(o, key("c"), num(1)), 0);
    ASSERT_INT(object_set_integrity_level(vm, o, true), 1);
    ASSERT_INT(object_test_integrity_level(vm, o, true), 1);
    ASSERT_INT(set(o, a, num(3)), 0);
    ASSERT_INT(set(o, index_key(0), num(3)), 0);
    ASSERT_VALUE(get(o, a), num(2));
    ASSERT_VALUE(get(o, b), num(1));
    /* Frozen objects built alike share shapes. */
    Object *p = new_object(NULL), *q = new_object(NULL);
    set(p, a, num(1)), set(q, a, num(2));
    ASSERT_INT(object_set_integrity_level(vm, p, true), 1);
    ASSERT_INT(object_set_integrity_level(vm, q, true), 1);
    ASSERT_PTR(p->shape, q->shape);
    /* An empty non-extensible object is frozen. */
    Object *e = new_object(NULL);
    ASSERT_INT(object_prevent_extensions(vm, e), 1);
    ASSERT_INT(object_test_integrity_level(vm, e, true), 1);
}

/* ---- Arrays ---- */

static Object *new_array(uint32_t length) { return kept(array_new(vm, NULL, length)); }
static PropertyKey length_key(void) { return value_from_string(vm_atom(vm, ATOM_length)); }
static double length_of(Object *a) { return value_as_number(get(a, length_key())); }

static int define_length(Object *a, Value v, uint8_t has_attributes, uint8_t attributes)
{
    return define(a, length_key(), data_desc(v, has_attributes, attributes));
}

static void test_array_length(void)
{
    Object *a = new_array(0);
    ASSERT_INT(length_of(a), 0);
    PropertyDescriptor d;
    ASSERT_INT(object_get_own_property(vm, a, length_key(), &d), 1);
    ASSERT_INT(d.attributes, PROP_WRITABLE);
    /* a[10] = 1 grows length; 0..9 are holes. */
    ASSERT_INT(set(a, index_key(10), num(1)), 1);
    ASSERT_INT(length_of(a), 11);
    ASSERT_INT(object_has_property(vm, a, index_key(5)), 0);
    ASSERT_VALUE(get(a, index_key(5)), VALUE_UNDEFINED);
    for (uint32_t i = 0; i < 5; i++)
        set(a, index_key(i), num(i));
    KeyList list;
    key_list_init(vm, &list);
    ASSERT_TRUE(object_own_property_keys(vm, a, &list));
    ASSERT_INT(list.count, 7);   /* 0..4, 10, "length" */
    if (list.count == 7)
        ASSERT_TRUE(list.keys[5] == index_key(10) && list.keys[6] == length_key());
    key_list_free(vm, &list);
    /* Setting length truncates. */
    ASSERT_INT(set(a, length_key(), num(3)), 1);
    ASSERT_INT(length_of(a), 3);
    ASSERT_INT(object_has_property(vm, a, index_key(3)), 0);
    ASSERT_INT(object_has_property(vm, a, index_key(10)), 0);
    ASSERT_VALUE(get(a, index_key(2)), num(2));
    /* Growing length adds no elements. */
    ASSERT_INT(set(a, length_key(), num(100)), 1);
    ASSERT_INT(length_of(a), 100);
    ASSERT_INT(object_has_property(vm, a, index_key(50)), 0);
    /* Invalid lengths: RangeError. */
    ASSERT_INT(define_length(a, num(4294967296.0), 0, 0), -1);
    ASSERT_TRUE(vm->has_exception);
    clear_exception();
    ASSERT_INT(set(a, length_key(), num(-1)), -1);
    clear_exception();
    ASSERT_INT(set(a, length_key(), num(1.5)), -1);
    clear_exception();
    ASSERT_INT(set(a, length_key(), value_from_double(NAN)), -1);
    clear_exception();
    ASSERT_INT(length_of(a), 100);
    ASSERT_INT(set(a, length_key(), num(4294967295.0)), 1);   /* the largest */
    ASSERT_INT(length_of(a), 4294967295.0);
    /* A string length converts. */
    String *five = string_from_cstr(vm, "5");
    ASSERT_INT(set(a, length_key(), value_from_string(five)), 1);
    ASSERT_INT(length_of(a), 5);
    /* Non-writable length: no growth, no truncation, no new indices past it. */
    ASSERT_INT(define_length(a, num(5), DESC_HAS_WRITABLE, 0), 1);
    ASSERT_INT(set(a, index_key(7), num(1)), 0);
    ASSERT_INT(set(a, length_key(), num(2)), 0);
    ASSERT_INT(set(a, length_key(), num(9)), 0);
    ASSERT_INT(length_of(a), 5);
    ASSERT_INT(set(a, index_key(1), num(11)), 1);   /* below length: fine */
    ASSERT_VALUE(get(a, index_key(1)), num(11));
    ASSERT_INT(define_length(a, num(5), DESC_HAS_WRITABLE, PROP_WRITABLE), 0);
    ASSERT_INT(define(a, length_key(), fields_desc(DESC_HAS_ENUMERABLE, PROP_ENUMERABLE)), 0);
}

static void test_array_sparse_and_truncation(void)
{
    Object *a = new_array(0);
    set(a, index_key(0), num(0));
    /* Far index: sparse storage, length 2^32 - 1. */
    ASSERT_INT(set(a, index_key(4294967294u), num(1)), 1);
    ASSERT_TRUE(a->header.flags & OBJECT_HAS_SPARSE_ELEMENTS);
    ASSERT_INT(length_of(a), 4294967295.0);
    ASSERT_VALUE(get(a, index_key(4294967294u)), num(1));
    ASSERT_VALUE(get(a, index_key(0)), num(0));
    /* 2^32 - 1 is not an index: a plain property, length unchanged. */
    PropertyKey not_index = property_key_from_value(vm, num(4294967295.0));
    ASSERT_TRUE(value_is_string(not_index));
    ASSERT_INT(set(a, not_index, num(2)), 1);
    ASSERT_INT(length_of(a), 4294967295.0);
    /* Truncation stops at a non-configurable element. */
    Object *b = new_array(0);
    for (uint32_t i = 0; i < 6; i++)
        set(b, index_key(i), num(i));
    ASSERT_INT(define(b, index_key(2), data_desc(num(2), DESC_HAS_WRITABLE | DESC_HAS_ENUMERABLE | DESC_HAS_CONFIGURABLE,
                                                 PROP_WRITABLE | PROP_ENUMERABLE)), 1);
    ASSERT_INT(set(b, length_key(), num(0)), 0);
    ASSERT_INT(length_of(b), 3);
    ASSERT_VALUE(get(b, index_key(2)), num(2));
    ASSERT_INT(object_has_property(vm, b, index_key(3)), 0);
    /* ...and with writable: false requested, length still becomes read-only. */
    ASSERT_INT(define_length(b, num(1), DESC_HAS_WRITABLE, 0), 0);
    ASSERT_INT(length_of(b), 3);
    ASSERT_INT(set(b, length_key(), num(3)), 0);   /* read-only, even for the same value */
    PropertyDescriptor d;
    ASSERT_INT(object_get_own_property(vm, b, length_key(), &d), 1);
    ASSERT_INT(d.attributes, 0);
    /* Dense holes, deletes, and accessors on elements. */
    Object *c = new_array(3);
    ASSERT_INT(length_of(c), 3);
    ASSERT_INT(object_has_property(vm, c, index_key(0)), 0);
    set(c, index_key(1), num(1));
    ASSERT_INT(object_delete(vm, c, index_key(1)), 1);
    ASSERT_INT(object_has_property(vm, c, index_key(1)), 0);
    ASSERT_INT(length_of(c), 3);
    NativeFunction *getter = native_new(returns_data, num(99));
    ASSERT_TRUE(object_define_accessor_property(vm, c, index_key(1), obj(&getter->base), VALUE_UNDEFINED,
                                                PROP_CONFIGURABLE | PROP_ENUMERABLE));
    ASSERT_VALUE(get(c, index_key(1)), num(99));
    ASSERT_VALUE(getter->last_this, obj(c));
    /* Freezing an array. */
    Object *f = new_array(0);
    for (uint32_t i = 0; i < 4; i++)
        set(f, index_key(i), num(i));
    ASSERT_INT(object_set_integrity_level(vm, f, true), 1);
    ASSERT_INT(object_test_integrity_level(vm, f, true), 1);
    ASSERT_INT(set(f, index_key(0), num(9)), 0);
    ASSERT_INT(set(f, length_key(), num(0)), 0);
    ASSERT_INT(length_of(f), 4);
    ASSERT_VALUE(get(f, index_key(3)), num(3));
}

/* The fast [[Set]] paths must give way wherever the full algorithm differs. */
static void test_fast_set_paths(void)
{
    Object *proto = new_object(NULL);
    NativeFunction *setter = native_new(returns_undefined, VALUE_UNDEFINED);
    ASSERT_TRUE(object_define_accessor_property(vm, proto, index_key(5), VALUE_UNDEFINED, obj(&setter->base),
                                                PROP_CONFIGURABLE));
    Object *a = kept(array_new(vm, proto, 0));
    int n = stress ? 50 : 1000;
    bool all = true;
    for (int i = 0; i < n; i++)
        all = all && set(a, index_key((uint32_t)i), num(i)) == 1;
    ASSERT_TRUE(all);
    ASSERT_INT(length_of(a), n);   /* a[5] went to the inherited setter, the others are own */
    ASSERT_INT(setter->calls, 1);
    ASSERT_VALUE(setter->last_this, obj(a));
    ASSERT_INT(object_has_property(vm, a, index_key(6)), 1);
    PropertyDescriptor d;
    ASSERT_INT(object_get_own_property(vm, a, index_key(5), &d), 0);
    /* Existing elements are overwritten; a non-extensible array gets no new ones. */
    ASSERT_INT(set(a, index_key(0), num(100)), 1);
    ASSERT_VALUE(get(a, index_key(0)), num(100));
    ASSERT_INT(object_prevent_extensions(vm, a), 1);
    ASSERT_INT(set(a, index_key((uint32_t)n), num(1)), 0);
    ASSERT_INT(set(a, index_key(1), num(7)), 1);
    /* A plain object's indices. */
    Object *o = new_object(NULL);
    ASSERT_INT(set(o, index_key(3), num(3)), 1);
    ASSERT_VALUE(get(o, index_key(3)), num(3));
    ASSERT_INT(set(o, index_key(3), num(4)), 1);
    ASSERT_VALUE(get(o, index_key(3)), num(4));
}

/* ---- Inline caches ---- */

/* The bytecode that owns a cache traces it; here its cells are pinned. */
static void keep_cache(InlineCache *cache)
{
    if (cache->shape)
        gc_pin(vm->heap, (GCCell *)cache->shape);
    if (cache->holder)
        gc_pin(vm->heap, (GCCell *)cache->holder);
    if (cache->new_shape)
        gc_pin(vm->heap, (GCCell *)cache->new_shape);
}

static Value cached_get(Object *o, PropertyKey k, InlineCache *cache)
{
    Value v = object_get_named_cached(vm, o, k, obj(o), cache);
    keep_cache(cache);
    return v;
}

static int cached_set(Object *o, PropertyKey k, Value v, InlineCache *cache)
{
    int result = object_set_named_cached(vm, o, k, v, obj(o), cache);
    keep_cache(cache);
    return result;
}

/* A stable dictionary (vm/shape.c): changed in place until an inline cache
 * keys on it; after that every structural change moves the object to a
 * copy (stable too), so the sites that keyed on the old one miss. */
static void test_stable_dictionary(void)
{
    PropertyKey a = key("a"), b = key("b"), c = key("c"), d = key("d");
    Object *holder = new_object(NULL);
    set(holder, a, num(1)), set(holder, b, num(2));
    Shape *stable = shape_to_stable_dictionary(vm, holder->shape);
    ASSERT_TRUE(stable != NULL);
    holder->shape = stable;
    ASSERT_TRUE(shape_is_dictionary(stable) && shape_is_cacheable(stable));
    set(holder, d, num(0));                      /* not keyed yet: in place */
    ASSERT_PTR(holder->shape, stable);
    InlineCache get_b = INLINE_CACHE_INIT;
    ASSERT_VALUE(cached_get(holder, b, &get_b), num(2));
    ASSERT_PTR(get_b.shape, stable);
    set(holder, b, num(3));                      /* a value write keeps the shape */
    ASSERT_PTR(holder->shape, stable);
    ASSERT_VALUE(cached_get(holder, b, &get_b), num(3));
    set(holder, c, num(4));                      /* keyed: an addition copies it */
    ASSERT_TRUE(holder->shape != stable);
    ASSERT_TRUE(shape_is_dictionary(holder->shape) && shape_is_cacheable(holder->shape));
    InlineCache get_c = INLINE_CACHE_INIT, get_d = INLINE_CACHE_INIT, get_a = INLINE_CACHE_INIT;
    ASSERT_VALUE(cached_get(holder, c, &get_c), num(4));
    ASSERT_VALUE(cached_get(holder, d, &get_d), num(0));
    /* A deletion and a reconfiguration copy a keyed one too. */
    Shape *before = holder->shape;
    ASSERT_VALUE(cached_get(holder, a, &get_a), num(1));
    ASSERT_INT(object_delete(vm, holder, a), 1);
    ASSERT_TRUE(holder->shape != before);
    ASSERT_VALUE(cached_get(holder, a, &get_a), VALUE_UNDEFINED);
    ASSERT_VALUE(get(holder, b), num(3));
    before = holder->shape;
    ASSERT_VALUE(cached_get(holder, b, &get_b), num(3));
    ASSERT_TRUE(object_define_data_property(vm, holder, b, num(5), 0));
    ASSERT_TRUE(holder->shape != before);
    ASSERT_VALUE(cached_get(holder, b, &get_b), num(5));
}

static void test_inline_cache(void)
{
    PropertyKey x = key("x"), y = key("y"), m = key("m");
    Object *grand = new_object(NULL), *proto = new_object(grand);
    Object *o1 = new_object(proto), *o2 = new_object(proto);
    set(grand, m, num(1));
    set(o1, x, num(10)), set(o2, x, num(20));
    InlineCache get_x = INLINE_CACHE_INIT, get_m = INLINE_CACHE_INIT;
    /* Own hits: same shape, different objects. */
    ASSERT_VALUE(cached_get(o1, x, &get_x), num(10));
    ASSERT_PTR(get_x.shape, o1->shape);
    ASSERT_VALUE(cached_get(o2, x, &get_x), num(20));
    ASSERT_PTR(get_x.shape, o1->shape);
    /* A prototype hit, then the prototype's value changes. */
    ASSERT_VALUE(cached_get(o1, m, &get_m), num(1));
    ASSERT_PTR(get_m.holder, grand);
    set(grand, m, num(2));
    ASSERT_VALUE(cached_get(o1, m, &get_m), num(2));
    /* Shadowed on an intermediate prototype: the cached holder is stale. */
    uint32_t epoch = vm->shape_epoch;
    set(proto, m, num(3));
    ASSERT_TRUE(vm->shape_epoch != epoch);
    ASSERT_VALUE(cached_get(o1, m, &get_m), num(3));
    ASSERT_PTR(get_m.holder, proto);
    /* Deleted from the prototypes: back to the grandparent, then absent. */
    ASSERT_INT(object_delete(vm, proto, m), 1);
    ASSERT_VALUE(cached_get(o1, m, &get_m), num(2));
    ASSERT_INT(object_delete(vm, grand, m), 1);
    ASSERT_VALUE(cached_get(o1, m, &get_m), VALUE_UNDEFINED);
    /* Reconfigured to an accessor on the prototype. */
    NativeFunction *getter = native_new(getter_returns_this_x, x);
    ASSERT_TRUE(object_define_accessor_property(vm, grand, m, obj(&getter->base), VALUE_UNDEFINED, PROP_CONFIGURABLE));
    ASSERT_VALUE(cached_get(o1, m, &get_m), num(10));
    ASSERT_VALUE(cached_get(o2, m, &get_m), num(20));
    ASSERT_VALUE(getter->last_this, obj(o2));
    /* The receiver's prototype changes: its shape changes. */
    Object *other = new_object(NULL);
    set(other, m, num(77));
    ASSERT_INT(object_set_prototype_of(vm, o1, obj(other)), 1);
    ASSERT_VALUE(cached_get(o1, m, &get_m), num(77));
    /* An own property added to the receiver shadows (a getter-only m blocks [[Set]]). */
    ASSERT_INT(set(o2, m, num(5)), 0);
    ASSERT_INT(object_create_data_property(vm, o2, m, num(5)), 1);
    ASSERT_VALUE(cached_get(o2, m, &get_m), num(5));

    /* Sets: own data, add transition, read-only, setters. */
    Object *p1 = new_object(proto), *p2 = new_object(proto), *p3 = new_object(proto);
    InlineCache set_y = INLINE_CACHE_INIT, set_x = INLINE_CACHE_INIT;
    ASSERT_INT(cached_set(p1, y, num(1), &set_y), 1);
    ASSERT_TRUE(set_y.new_shape == p1->shape);
    ASSERT_INT(cached_set(p2, y, num(2), &set_y), 1);   /* transition hit */
    ASSERT_PTR(p2->shape, p1->shape);
    ASSERT_VALUE(get(p2, y), num(2));
    ASSERT_INT(cached_set(p1, x, num(3), &set_x), 1);
    ASSERT_INT(cached_set(p1, x, num(4), &set_x), 1);   /* own hit */
    ASSERT_VALUE(get(p1, x), num(4));
    /* Not extensible: the transition hit must not apply. */
    ASSERT_INT(object_prevent_extensions(vm, p3), 1);
    ASSERT_INT(cached_set(p3, y, num(1), &set_y), 0);
    ASSERT_TRUE(!has_own(p3, y));
    /* A read-only property appears on the prototype after caching. */
    Object *p4 = new_object(proto);
    ASSERT_TRUE(object_define_data_property(vm, proto, y, num(0), 0));
    ASSERT_INT(cached_set(p4, y, num(1), &set_y), 0);
    ASSERT_TRUE(!has_own(p4, y));
    /* A frozen object: own hit invalid (shape changed). */
    ASSERT_INT(object_set_integrity_level(vm, p1, true), 1);
    ASSERT_INT(cached_set(p1, x, num(5), &set_x), 0);
    ASSERT_VALUE(get(p1, x), num(4));
    /* A setter on the prototype, cached, with the receiver as this. */
    NativeFunction *setter = native_new(returns_undefined, VALUE_UNDEFINED);
    PropertyKey s = key("s");
    ASSERT_TRUE(object_define_accessor_property(vm, grand, s, VALUE_UNDEFINED, obj(&setter->base), PROP_CONFIGURABLE));
    InlineCache set_s = INLINE_CACHE_INIT;
    Object *p5 = new_object(proto);
    ASSERT_INT(cached_set(p5, s, num(1), &set_s), 1);
    ASSERT_INT(cached_set(p5, s, num(2), &set_s), 1);
    ASSERT_INT(setter->calls, 2);
    ASSERT_VALUE(setter->last_this, obj(p5));
    ASSERT_TRUE(!has_own(p5, s));
    /* Arrays: a cached "length" read; sets of "length" go through ArraySetLength. */
    Object *a = new_array(5), *b = new_array(7);
    InlineCache get_len = INLINE_CACHE_INIT, set_len = INLINE_CACHE_INIT;
    ASSERT_VALUE(cached_get(a, length_key(), &get_len), num(5));
    ASSERT_VALUE(cached_get(b, length_key(), &get_len), num(7));
    set(a, index_key(3), num(3));
    ASSERT_INT(cached_set(a, length_key(), num(1), &set_len), 1);
    ASSERT_INT(cached_set(a, length_key(), num(0), &set_len), 1);
    ASSERT_INT(object_has_property(vm, a, index_key(0)), 0);
    ASSERT_INT(cached_set(a, length_key(), num(-1), &set_len), -1);
    clear_exception();
}

/* ---- GC: objects survive collections, garbage goes ---- */

static void test_gc_survival(void)
{
    PropertyKey name = key("name");
    Object *root = new_object(NULL);
    int n = stress ? 50 : 2000;
    for (int i = 0; i < n; i++) {
        GC_SCOPE(vm->heap);
        Object *child = object_new_ordinary(vm, root);   /* rooted until stored in root */
        GC_ROOT_CELL(vm->heap, child);
        bool ok = child && object_create_data_property(vm, child, name, num(i)) == 1 &&
                  object_create_data_property(vm, root, index_key((uint32_t)i), obj(child)) == 1;
        GC_SCOPE_END(vm->heap);
        if (!ok)
            break;
    }
    gc_collect(vm->heap);
    bool all = true;
    for (int i = 0; i < n; i++) {
        Value child = get(root, index_key((uint32_t)i));
        all = all && value_is_object(child) && get(value_as_object(child), name) == num(i);
    }
    ASSERT_TRUE(all);
    /* Temporary shapes die and their transitions are pruned. */
    for (int i = 0; i < (stress ? 20 : 500); i++) {
        char text[24];
        snprintf(text, sizeof text, "temp%d", i);
        GC_SCOPE(vm->heap);
        String *k = atom_from_cstr(vm, text);
        GC_ROOT_CELL(vm->heap, k);
        Object *t = k ? object_new_ordinary(vm, root) : NULL;
        GC_ROOT_CELL(vm->heap, t);
        if (t)
            (void)object_create_data_property(vm, t, value_from_string(k), num(i));
        GC_SCOPE_END(vm->heap);
    }
    gc_collect(vm->heap);
    Object *again = new_object(root);
    ASSERT_INT(set(again, key("temp3"), num(1)), 1);
    ASSERT_VALUE(get(again, key("temp3")), num(1));
}

/* ---- Benchmark ---- */

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static void benchmark_cached_get(void)
{
    PropertyKey x = key("x"), m = key("m");
    Object *proto = new_object(NULL), *o = new_object(proto);
    set(proto, m, num(2));
    set(o, key("a"), num(0)), set(o, x, num(1));
    InlineCache own = INLINE_CACHE_INIT, inherited = INLINE_CACHE_INIT;
    enum { N = 50000000 };
    double sum = 0, start = now_ns();
    Value bits = 0;   /* an integer checksum: no floating-point latency in the loop */
    for (int i = 0; i < N; i++)
        bits += object_get_named_cached(vm, o, x, obj(o), &own);
    double own_ns = (now_ns() - start) / N;
    start = now_ns();
    for (int i = 0; i < N; i++)
        bits += object_get_named_cached(vm, o, m, obj(o), &inherited);
    double proto_ns = (now_ns() - start) / N;
    sum += (double)(bits & 0xFF);
    start = now_ns();
    for (int i = 0; i < N / 10; i++)
        sum += value_as_number(object_get(vm, o, x, obj(o)));
    double uncached_ns = (now_ns() - start) / (N / 10);
    printf("cached get: own %.2f ns, prototype %.2f ns; uncached [[Get]] %.2f ns (checksum %.0f)\n",
           own_ns, proto_ns, uncached_ns, sum);
}

/* ---- Main ---- */

static void run_all(bool stress_mode)
{
    stress = stress_mode;
    test_current_name = stress_mode ? "under GC stress" : "normal";   /* named in failure messages */
    GCOptions options = { .stress = stress_mode };
    vm = vm_new(&options);
    if (!vm) {
        fprintf(stderr, "vm_new failed\n");
        exit(1);
    }
    test_shapes_shared();
    test_many_properties();
    test_delete();
    test_key_order();
    test_define_data();
    test_define_accessors();
    test_prototype_chain();
    test_accessor_receivers();
    test_integrity();
    test_array_length();
    test_array_sparse_and_truncation();
    test_fast_set_paths();
    test_inline_cache();
    test_stable_dictionary();
    test_gc_survival();
    if (!stress_mode)
        benchmark_cached_get();
    ASSERT_TRUE(!vm->has_exception);
    vm_free(vm);
}

int main(void)
{
    run_all(false);
    run_all(true);
    return TEST_SUMMARY();
}
