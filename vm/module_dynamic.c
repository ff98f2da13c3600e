/*
 * import() (ES2025 13.3.10.1 EvaluateImportCall, 16.2.1.11
 * ContinueDynamicImport): a promise for a module's namespace.
 *
 * The host loads synchronously, so the module (and its graph) is loaded
 * before import() returns; as in the spec, where loadPromise's reaction is
 * a job, linking and evaluation happen in a job, and the namespace settles
 * the promise in the job after that (Evaluate's promise reaction).
 * Evaluation is synchronous (no top-level await yet).
 */
#include <stdlib.h>
#include <string.h>

#include "vm/atom.h"
#include "vm/job_queue.h"
#include "vm/module.h"
#include "vm/object.h"
#include "vm/operators.h"
#include "vm/promise.h"
#include "vm/realm.h"
#include "vm/string.h"

/* Job values: the capability, the module record, its evaluation error. */
enum { JOB_PROMISE, JOB_RESOLVE, JOB_REJECT, JOB_MODULE, JOB_ERROR };

static bool settle(VM *vm, Value *values, bool reject, Value value)
{
    PromiseCapability cap = { values[JOB_PROMISE], values[JOB_RESOLVE], values[JOB_REJECT] };
    return promise_capability_settle(vm, &cap, reject, value);
}

/* Rejects the import's promise with the pending exception. */
static bool reject_pending(VM *vm, Value *values)
{
    GC_SCOPE(vm->heap);
    Value error = vm_take_exception(vm);
    GC_ROOT(vm->heap, error);
    bool ok = settle(vm, values, true, error);
    GC_SCOPE_END(vm->heap);
    return ok;
}

/* fulfilledClosure (the namespace) or onRejected of Evaluate's promise;
 * data: 1 when evaluation threw. */
static bool settle_job(VM *vm, Value *values, uintptr_t data)
{
    if (data)
        return settle(vm, values, true, values[JOB_ERROR]);
    Object *ns = module_get_namespace(vm, (ModuleRecord *)value_as_cell(values[JOB_MODULE]));
    if (!ns)
        return reject_pending(vm, values);
    return settle(vm, values, false, value_from_object(ns));
}

/* linkAndEvaluateClosure */
static bool link_and_evaluate_job(VM *vm, Value *values, uintptr_t data)
{
    (void)data;
    ModuleRecord *m = (ModuleRecord *)value_as_cell(values[JOB_MODULE]);
    if (!module_link(vm, m))
        return reject_pending(vm, values);
    bool evaluated = module_evaluate(vm, m);
    Value job[JOB_VALUE_COUNT];
    for (int i = 0; i < JOB_VALUE_COUNT; i++)
        job[i] = values[i];
    if (!evaluated)
        job[JOB_ERROR] = vm_take_exception(vm);   /* the job queue roots it from here on */
    return job_queue_enqueue(vm, settle_job, evaluated ? 0 : 1, job);
}

/* The `type` of import()'s options ({ with: { type: "json" } }); -1 after
 * throwing (a TypeError for options of the wrong shape). */
static int options_type(VM *vm, Value options, bool *bad)
{
    *bad = false;
    if (value_is_undefined(options))
        return MODULE_TYPE_JAVASCRIPT;
    if (!value_is_object(options))
        return vm_throw_type_error(vm, "The second argument of import() must be an object"), -1;
    String *with_key = atom_from_cstr(vm, "with");   /* an atom is a property key */
    Value with = with_key ? object_get(vm, value_as_object(options), value_from_string(with_key), options)
                          : VALUE_EXCEPTION;
    if (value_is_exception(with))
        return -1;
    if (value_is_undefined(with))
        return MODULE_TYPE_JAVASCRIPT;
    if (!value_is_object(with))
        return vm_throw_type_error(vm, "The 'with' option of import() must be an object"), -1;
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, with);
    String *type_key = atom_from_cstr(vm, "type");
    Value type = type_key ? object_get(vm, value_as_object(with), value_from_string(type_key), with)
                          : VALUE_EXCEPTION;
    GC_SCOPE_END(vm->heap);
    if (value_is_exception(type))
        return -1;
    if (value_is_undefined(type))
        return MODULE_TYPE_JAVASCRIPT;
    if (!value_is_string(type))
        return vm_throw_type_error(vm, "Import attribute values must be strings"), -1;
    String *s = value_as_string(type);
    if (!string_flatten(vm, s))
        return -1;
    char *text = string_to_utf8(s, NULL);
    bool json = text && strcmp(text, "json") == 0;
    free(text);
    *bad = !json;
    return json ? MODULE_TYPE_JSON : MODULE_TYPE_JAVASCRIPT;
}

/* The module import() asks for, loaded with its graph: NULL after throwing. */
static ModuleRecord *load_for_import(VM *vm, ModuleRecord *referrer, Value specifier, Value options)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, options);
    String *s = value_to_string(vm, specifier);
    GC_ROOT_CELL(vm->heap, s);
    bool bad = false;
    int type = s ? options_type(vm, options, &bad) : -1;
    ModuleRecord *m = NULL;
    if (type >= 0 && string_flatten(vm, s)) {
        ModuleRequest request = { s, (ModuleType)type, bad };
        if (!vm->module_load_hook)
            vm_throw_type_error(vm, "import() is not supported here: no module loader");
        else
            m = vm->module_load_hook(vm, referrer, &request, vm->module_load_data);
    }
    GC_SCOPE_END(vm->heap);
    return m;
}

Value module_import_dynamic(VM *vm, ModuleRecord *referrer, Value specifier, Value options)
{
    GC_SCOPE(vm->heap);
    GC_ROOT(vm->heap, specifier);
    GC_ROOT(vm->heap, options);
    GC_ROOT_CELL(vm->heap, referrer);
    PromiseCapability cap = { VALUE_UNDEFINED, VALUE_UNDEFINED, VALUE_UNDEFINED };
    PROMISE_ROOT_CAPABILITY(vm->heap, cap);
    Value result = VALUE_EXCEPTION;
    if (promise_new_capability(vm, value_from_object(realm_intrinsic(vm, INTRINSIC_Promise)), &cap)) {
        Value values[JOB_VALUE_COUNT] = { cap.promise, cap.resolve, cap.reject, VALUE_UNDEFINED, VALUE_UNDEFINED,
                                          VALUE_UNDEFINED };
        ModuleRecord *m = load_for_import(vm, referrer, specifier, options);
        bool ok;
        if (m && module_load_requested(vm, m)) {
            values[JOB_MODULE] = value_from_cell(&m->header);
            ok = job_queue_enqueue(vm, link_and_evaluate_job, 0, values);
        } else {
            ok = reject_pending(vm, values);
        }
        if (ok)
            result = cap.promise;
    }
    GC_SCOPE_END(vm->heap);
    return result;
}
