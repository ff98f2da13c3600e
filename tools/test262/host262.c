/*
 * print and $262 (see host262.h).
 */
#include "tools/test262/host262.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tools/test262/script.h"
#include "vm/operators.h"
#include "vm/realm.h"
#include "vm/string.h"

static const char ASYNC_COMPLETE[] = "Test262:AsyncTestComplete";
static const char ASYNC_FAILURE[] = "Test262:AsyncTestFailure:";

/* A worker process runs one VM at a time, so print's destination is simply
 * the state of the variant being run (native functions get no host data). */
static HostState *current_state;

/* ToString of value as malloc'd UTF-8; NULL after throwing. */
static char *value_to_utf8(VM *vm, Value value, size_t *length)
{
    String *s = value_to_string(vm, value);
    if (!s || !string_flatten(vm, s))
        return NULL;
    char *utf8 = string_to_utf8(s, length);
    if (!utf8)
        vm_throw_out_of_memory(vm);
    return utf8;
}

static void record_print(HostState *state, const char *text)
{
    if (strcmp(text, ASYNC_COMPLETE) == 0) {
        state->async_complete = true;
    } else if (strncmp(text, ASYNC_FAILURE, sizeof ASYNC_FAILURE - 1) == 0 && !state->async_failed) {
        state->async_failed = true;
        snprintf(state->async_failure, sizeof state->async_failure, "%s", text + sizeof ASYNC_FAILURE - 1);
    }
}

static Value host_print(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)this_value, (void)new_target;
    size_t length;
    char *text = value_to_utf8(vm, argc > 0 ? argv[0] : VALUE_UNDEFINED, &length);
    if (!text)
        return VALUE_EXCEPTION;
    if (current_state)
        record_print(current_state, text);
    free(text);
    return VALUE_UNDEFINED;
}

static Value host_gc(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)this_value, (void)argc, (void)argv, (void)new_target;
    gc_collect(vm->heap);
    return VALUE_UNDEFINED;
}

static Value host_eval_script(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)this_value, (void)new_target;
    size_t length;
    char *source = value_to_utf8(vm, argc > 0 ? argv[0] : VALUE_UNDEFINED, &length);
    if (!source)
        return VALUE_EXCEPTION;
    Value result = script_evaluate(vm, source, length, "evalScript");
    free(source);
    return result;
}

/* Creates $262 and defines it on global. False after throwing. */
static bool define_262(VM *vm, Object *global)
{
    GC_SCOPE(vm->heap);
    Object *host = object_new_ordinary(vm, realm_intrinsic(vm, INTRINSIC_ObjectPrototype));
    GC_ROOT_CELL(vm->heap, host);   /* unreachable until the last define */
    bool ok = host && realm_define_value(vm, host, "global", value_from_object(global)) &&
              realm_define_method(vm, host, "gc", host_gc, 0) &&
              realm_define_method(vm, host, "evalScript", host_eval_script, 1) &&
              realm_define_value(vm, global, "$262", value_from_object(host));
    GC_SCOPE_END(vm->heap);
    return ok;
}

bool host262_install(VM *vm, HostState *state)
{
    *state = (HostState){0};
    current_state = state;
    Object *global = vm->realm->global_object;   /* reachable from the realm */
    /* A realm may define its own print (to stdout): this one replaces it. */
    return realm_define_method(vm, global, "print", host_print, 1) && define_262(vm, global);
}

void host262_detach(void)
{
    current_state = NULL;
}
