/*
 * The VM shell: creating and freeing a VM (heap, cell types, atoms), its GC
 * roots, and the throw helpers of the exception convention in vm/vm.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "vm/atom.h"
#include "vm/bigint.h"
#include "vm/bytecode.h"
#include "vm/interp_internal.h"
#include "vm/job_queue.h"
#include "vm/lazy_holder.h"
#include "vm/module.h"
#include "vm/object.h"
#include "vm/string_internal.h"
#include "vm/symbol.h"
#include "vm/vm.h"

static const char OUT_OF_MEMORY_MESSAGE[] = "out of memory";

/* The GC root callback: everything the VM itself holds. */
static void vm_mark_roots(GCTracer *tracer, void *data)
{
    VM *vm = data;
    gc_mark_value(tracer, vm->exception);
    interp_mark_roots(tracer, vm);   /* the register stack, frames and the realm */
    job_queue_mark(tracer, vm);
    lazy_holders_mark(tracer, vm);
    /* out_of_memory_message and the permanent atoms are pinned. */
}

static bool vm_init(VM *vm, const GCOptions *options)
{
    vm->exception = VALUE_UNDEFINED;
    vm->heap = heap_new(options);
    if (!vm->heap)
        return false;
    string_register_type(vm->heap);
    symbol_register_type(vm->heap);
    bigint_register_type(vm->heap);
    if (!object_runtime_init(vm))   /* objects, shapes, value arrays, accessor pairs, sparse elements */
        return false;
    function_code_init_type(vm);    /* compiled code and source texts */
    module_register_types(vm->heap);   /* module records and import bindings */
    gc_set_roots(vm->heap, vm_mark_roots, vm);
    /* First, so that the atoms below can report running out of memory. */
    vm->out_of_memory_message = string_from_latin1(
        vm, (const uint8_t *)OUT_OF_MEMORY_MESSAGE, sizeof OUT_OF_MEMORY_MESSAGE - 1);
    if (!vm->out_of_memory_message)
        return false;
    gc_pin(vm->heap, &vm->out_of_memory_message->cell);
    vm->atoms = atom_table_new(vm);
    return vm->atoms != NULL && interp_init(vm);
}

VM *vm_new(const GCOptions *options)
{
    VM *vm = calloc(1, sizeof *vm);
    if (!vm)
        return NULL;
    if (!vm_init(vm, options)) {
        vm_free(vm);
        return NULL;
    }
    return vm;
}

void vm_free(VM *vm)
{
    if (!vm)
        return;
    if (vm->heap)
        heap_free(vm->heap);   /* first: no weak callback may see a freed table */
    atom_table_free(vm->atoms);
    object_runtime_free(vm);
    interp_free(vm);
    job_queue_free(vm);
    lazy_holders_free(vm);
    free(vm);
}

/* ---- Throwing ---- */

Value vm_throw(VM *vm, Value exception)
{
    vm->exception = exception;
    vm->has_exception = true;
    return VALUE_EXCEPTION;
}

Value vm_take_exception(VM *vm)
{
    Value exception = vm->exception;
    vm->exception = VALUE_UNDEFINED;
    vm->has_exception = false;
    return exception;
}

/* The message as a String; NULL after throwing (out of memory). */
static String *format_message(VM *vm, const char *fmt, va_list args)
{
    char small[256];
    va_list again;
    va_copy(again, args);
    int len = vsnprintf(small, sizeof small, fmt, args);
    String *message = NULL;
    if (len < 0) {
        message = string_empty(vm);
    } else if ((size_t)len < sizeof small) {
        message = string_from_utf8(vm, small, (size_t)len);
    } else {
        char *big = malloc((size_t)len + 1);
        if (big) {
            vsnprintf(big, (size_t)len + 1, fmt, again);
            message = string_from_utf8(vm, big, (size_t)len);
            free(big);
        } else {
            vm_throw_out_of_memory(vm);
        }
    }
    va_end(again);
    return message;
}

Value vm_throw_error(VM *vm, ErrorKind kind, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    String *message = format_message(vm, fmt, args);
    va_end(args);
    if (!message)
        return VALUE_EXCEPTION;   /* out of memory was thrown instead */
    if (!vm->make_error)
        return vm_throw(vm, value_from_string(message));
    Value error = vm->make_error(vm, kind, message);
    if (value_is_exception(error))
        return VALUE_EXCEPTION;   /* making the error threw */
    return vm_throw(vm, error);
}

/*
 * Must work with the heap exhausted: the message string exists already. A
 * realm's make_error may try to build a RangeError; if that runs out of
 * memory too, the guard stops the recursion and the bare string is thrown.
 */
Value vm_throw_out_of_memory(VM *vm)
{
    if (vm->make_error && vm->out_of_memory_message && !vm->reporting_out_of_memory) {
        vm->reporting_out_of_memory = true;
        Value error = vm->make_error(vm, ERROR_KIND_RANGE, vm->out_of_memory_message);
        vm->reporting_out_of_memory = false;
        if (!value_is_exception(error))
            return vm_throw(vm, error);
    }
    if (!vm->out_of_memory_message)   /* only while vm_new starts */
        return vm_throw(vm, VALUE_NULL);
    return vm_throw(vm, value_from_string(vm->out_of_memory_message));
}
