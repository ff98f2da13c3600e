/*
 * The VM: one JavaScript agent's heap, atoms, realm and execution state.
 *
 * ---- Exceptions (one convention for all of vm/ and stdlib/) ----
 * A function that can throw returns VALUE_EXCEPTION (or false / NULL / -1
 * where its result is not a Value, as its comment says) after storing the
 * thrown value in vm->exception with one of the vm_throw_* functions. Every
 * caller checks and propagates it. There is no longjmp in the VM.
 * Functions whose result must be checked are marked NODUS_MUST_CHECK.
 */
#ifndef NODUS_VM_VM_H
#define NODUS_VM_VM_H

#include <stdbool.h>
#include <stdint.h>

#include "gc/gc.h"
#include "vm/value.h"

#define NODUS_MUST_CHECK __attribute__((warn_unused_result))

typedef struct AtomTable AtomTable;
typedef struct Realm Realm;
typedef struct ShapeRuntime ShapeRuntime;
typedef struct Interpreter Interpreter;
struct ModuleRecord;
struct ModuleRequest;
struct Object;

/* Hints of ToPrimitive (ES2025 7.1.1) */
typedef enum ToPrimitiveHint { TO_PRIMITIVE_DEFAULT, TO_PRIMITIVE_NUMBER, TO_PRIMITIVE_STRING } ToPrimitiveHint;

typedef enum ErrorKind {
    ERROR_KIND_ERROR, ERROR_KIND_EVAL, ERROR_KIND_RANGE, ERROR_KIND_REFERENCE,
    ERROR_KIND_SYNTAX, ERROR_KIND_TYPE, ERROR_KIND_URI, ERROR_KIND_AGGREGATE,
    ERROR_KIND_SUPPRESSED,
} ErrorKind;

typedef struct VM {
    Heap *heap;
    AtomTable *atoms;
    Realm *realm;              /* the current realm (intrinsics, global object) */
    Value exception;           /* the pending exception while VALUE_EXCEPTION propagates */
    bool has_exception;
    /* Until the realm exists (and in unit tests) errors are plain strings:
     * vm_throw_* then stores a String; the realm installs a hook that makes
     * proper Error objects. */
    Value (*make_error)(struct VM *vm, ErrorKind kind, String *message);
    /* Made and pinned by vm_new, so that running out of memory can always
     * be reported without allocating. */
    String *out_of_memory_message;
    bool reporting_out_of_memory;   /* make_error itself ran out of memory */
    /* ToPrimitive of an object, installed by the interpreter (it calls
     * @@toPrimitive / valueOf / toString). NULL until then: property keys and
     * array lengths made from objects throw a TypeError. */
    Value (*to_primitive)(struct VM *vm, Value object, ToPrimitiveHint hint);
    /* vm/shape.c: root shapes and transition trees (object_runtime_init) */
    ShapeRuntime *shapes;
    /* vm/inline_cache.c: bumped at each structural change of a prototype */
    uint32_t shape_epoch;
    /* vm/interp_internal.h: the register stack, frames and handlers */
    Interpreter *interp;
    /* The well-known symbols (stdlib/stdlib.h WELL_KNOWN_SYMBOLS), shared by
     * all realms: made and pinned by stdlib/es/symbol.c on first use. */
    struct Symbol *well_known_symbols[16];
    /* vm/module.h: the host's module loader (HostLoadImportedModule) and
     * import.meta properties (HostGetImportMetaProperties); NULL: none */
    struct ModuleRecord *(*module_load_hook)(struct VM *vm, struct ModuleRecord *referrer,
                                             const struct ModuleRequest *request, void *data);
    bool (*import_meta_hook)(struct VM *vm, struct ModuleRecord *module, struct Object *meta, void *data);
    void *module_load_data;
    /* vm/job_queue.c: pending promise jobs (a GC root) */
    struct JobQueue *jobs;
    /* vm/lazy_holder.c: built-in holders whose properties are not made yet */
    struct LazyHolders *lazy_holders;
} VM;

VM *vm_new(const GCOptions *options);
void vm_free(VM *vm);

/* Throw helpers: store the exception and return VALUE_EXCEPTION. */
Value vm_throw(VM *vm, Value exception);
Value vm_throw_error(VM *vm, ErrorKind kind, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
#define vm_throw_type_error(vm, ...) vm_throw_error((vm), ERROR_KIND_TYPE, __VA_ARGS__)
#define vm_throw_range_error(vm, ...) vm_throw_error((vm), ERROR_KIND_RANGE, __VA_ARGS__)
/* Takes the pending exception (clearing it). */
Value vm_take_exception(VM *vm);
/* The out-of-memory error: allocation failures call this. */
Value vm_throw_out_of_memory(VM *vm);

#endif
