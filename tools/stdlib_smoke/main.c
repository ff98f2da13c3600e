/* Temporary smoke run of stdlib/es from C (see stubs.c); compare with smoke.js under node. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "stdlib/es/builtin.h"
Realm *smoke_realm(VM *vm);
static VM *vm;
static Value global(const char *path)
{
    Value v = value_from_object(vm->realm->global_object);
    char buf[200]; strcpy(buf, path);
    for (char *p = strtok(buf, "."); p; p = strtok(NULL, ".")) {
        v = es_get(vm, value_as_object(v), es_key_cstr(vm, p));
    }
    return v;
}
static Value pin(Value v) { if (value_is_heap(v)) gc_pin(vm->heap, value_as_cell(v)); return v; }
static Value str(const char *s) { return pin(value_from_string(string_from_cstr(vm, s))); }
static void log_values(int n, Value *vals)
{
    Value f = global("console.log");
    Value r = vm_call(vm, f, VALUE_UNDEFINED, n, vals);
    if (value_is_exception(r)) { Value e = vm_take_exception(vm); printf("EXCEPTION: %s\n", es_describe_value(vm, e)); }
}
static Value call(const char *path, Value this_value, int n, Value *args)
{
    Value r = vm_call(vm, pin(global(path)), this_value, n, args);
    if (value_is_exception(r)) { Value e = vm_take_exception(vm); printf("EXCEPTION in %s: %s\n", path, es_describe_value(vm, e)); return VALUE_UNDEFINED; }
    return pin(r);
}
int main(int argc, char **argv)
{
    GCOptions opt = { .stress = argc > 1 };
    vm = vm_new(&opt);
    Realm *realm = smoke_realm(vm);
    if (!stdlib_install_all(vm, realm)) { printf("install failed: %s\n", es_describe_value(vm, vm_take_exception(vm))); return 1; }
    Value a[8];
    GC_SCOPE(vm->heap);
    for (int i = 0; i < 8; i++) { a[i] = VALUE_UNDEFINED; GC_ROOT(vm->heap, a[i]); }
    a[0] = str("hello"); a[1] = value_from_int32(42); a[2] = value_from_double(-0.0); a[3] = VALUE_NULL;
    log_values(4, a);
    a[0] = str("Hello, World"); a[1] = str("o");
    a[2] = call("String.prototype.indexOf", a[0], 1, &a[1]);
    a[3] = call("String.prototype.toUpperCase", a[0], 0, NULL);
    a[4] = call("String.prototype.split", a[0], 1, (Value[]){ str(", ") });
    log_values(5, a);
    a[0] = call("JSON.parse", VALUE_UNDEFINED, 1, (Value[]){ str("{\"a\":[1,2,{\"b\":null}],\"c\":\"x\",\"d\":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27]}") });
    log_values(1, a);
    a[1] = call("JSON.stringify", VALUE_UNDEFINED, 3, (Value[]){ a[0], VALUE_UNDEFINED, value_from_int32(2) });
    log_values(1, &a[1]);
    a[1] = call("Object.keys", VALUE_UNDEFINED, 1, &a[0]);
    a[2] = call("Object.entries", VALUE_UNDEFINED, 1, &a[0]);
    log_values(2, &a[1]);
    Value arr = es_get(vm, value_as_object(a[0]), es_key_cstr(vm, "d"));
    a[1] = arr;
    a[2] = call("Array.prototype.reverse", arr, 0, NULL);
    a[3] = call("Array.prototype.sort", arr, 0, NULL);
    a[4] = call("Array.prototype.join", arr, 1, (Value[]){ str("-") });
    a[5] = call("Array.prototype.slice", arr, 2, (Value[]){ value_from_int32(-3), VALUE_UNDEFINED });
    log_values(3, &a[3]);
    a[1] = call("Math.max", VALUE_UNDEFINED, 3, (Value[]){ value_from_int32(1), str("7"), value_from_double(2.5) });
    a[2] = call("Number.prototype.toFixed", value_from_double(1.005), 1, (Value[]){ value_from_int32(2) });
    a[3] = call("parseInt", VALUE_UNDEFINED, 2, (Value[]){ str("  -0x1A"), VALUE_UNDEFINED });
    a[4] = call("Symbol", VALUE_UNDEFINED, 1, (Value[]){ str("desc") });
    a[5] = call("Symbol.for", VALUE_UNDEFINED, 1, (Value[]){ str("app") });
    a[6] = call("Object.prototype.toString", a[0], 0, NULL);
    log_values(6, &a[1]);
    a[1] = str("%s is %d years, %o %j %%");
    a[2] = str("Bob"); a[3] = value_from_double(42.5);
    log_values(5, &a[1]);
    a[1] = call("String.prototype.padStart", str("5"), 2, (Value[]){ value_from_int32(3), str("0") });
    a[2] = call("String.prototype.replaceAll", str("aaa"), 2, (Value[]){ str("a"), str("[$&]") });
    a[3] = call("Array.from", global("Array"), 1, (Value[]){ str("a\xF0\x9F\x98\x80" "b") });
    a[4] = call("Number.prototype.toString", value_from_int32(255), 1, (Value[]){ value_from_int32(16) });
    a[5] = call("Object.getOwnPropertyDescriptor", VALUE_UNDEFINED, 2, (Value[]){ global("Math"), str("PI") });
    log_values(5, &a[1]);
    a[1] = global("Object"); a[2] = global("Math.max"); a[3] = call("Function.prototype.bind", global("Math.max"), 1, (Value[]){ VALUE_NULL });
    a[4] = global("Math");
    log_values(4, &a[1]);

    {
        Value arr = call("JSON.parse", VALUE_UNDEFINED, 1, (Value[]){ str("[3,-1,[2,[5,-7]],\"x\",null,10,2.5]") });
        Value r[10];
        r[0] = call("Array.prototype.flat", arr, 1, (Value[]){ value_from_double(INFINITY) });
        r[1] = call("Array.prototype.map", r[0], 1, (Value[]){ global("Math.abs") });
        r[2] = call("Array.prototype.filter", r[1], 1, (Value[]){ global("Boolean") });
        r[3] = call("Array.prototype.reduce", r[2], 1, (Value[]){ global("Math.max") });
        r[4] = call("Array.prototype.concat", r[2], 3, (Value[]){ arr, str("s"), r[0] });
        r[5] = call("Array.prototype.splice", r[4], 3, (Value[]){ value_from_int32(1), value_from_int32(3), str("ins") });
        r[6] = call("Object.assign", VALUE_UNDEFINED, 3, (Value[]){ pin(value_from_object(es_object_new(vm))), arr, str("ab") });
        r[7] = call("Object.freeze", VALUE_UNDEFINED, 1, &r[6]);
        r[8] = call("Object.entries", VALUE_UNDEFINED, 1, &r[7]);
        r[9] = call("String.prototype.split", str("a,b,,c"), 1, (Value[]){ str(",") });
        log_values(10, r);
        r[0] = call("Array.prototype.toSorted", r[4], 0, NULL);
        r[1] = call("Array.prototype.toSpliced", r[4], 2, (Value[]){ value_from_int32(0), value_from_int32(2) });
        r[2] = call("Array.prototype.with", r[4], 2, (Value[]){ value_from_int32(-1), str("last") });
        r[3] = call("Array.prototype.includes", r[4], 1, (Value[]){ str("s") });
        r[4] = call("Array.prototype.entries", r[4], 0, NULL);
        r[5] = call("Array.from", global("Array"), 1, &r[4]);
        r[6] = call("String.prototype.toLowerCase", str("\xC3\x80\xC3\x89 ABC \xCE\xA3"), 0, NULL);
        r[7] = call("Number.prototype.toPrecision", value_from_double(123.456), 1, (Value[]){ value_from_int32(2) });
        r[8] = call("Object.getOwnPropertyNames", VALUE_UNDEFINED, 1, (Value[]){ call("String", VALUE_UNDEFINED, 1, (Value[]){ str("q") }) });
        r[9] = call("Object.getOwnPropertyDescriptors", VALUE_UNDEFINED, 1, (Value[]){ global("Symbol.prototype") });
        log_values(10, r);
    }
    GC_SCOPE_END(vm->heap);
    vm_free(vm);
    return 0;
}
