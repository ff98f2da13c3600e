/*
 * The legacy static properties of RegExp (the legacy RegExp features of
 * Annex B, proposal-regexp-legacy-features, as node has them): RegExp.input
 * ($_), lastMatch ($&), lastParen ($+), leftContext ($`), rightContext
 * ($') and $1 - $9, describing the last successful match of a RegExp
 * created by %RegExp% itself (not a subclass) in this realm.
 *
 * The state lives in an internal object, the realm's
 * %RegExpLegacyState% intrinsic: the input and the capture positions, so
 * that a match costs a copy of a few integers and the substrings are made
 * only when read.
 */
#include <stdlib.h>
#include <string.h>

#include "stdlib/es/regexp_internal.h"

#define ARGS VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target

enum { LEGACY_GROUPS = 10 };       /* the match and $1 - $9 */

typedef struct LegacyState {
    Object object;
    Value input;                   /* [[RegExpInput]]: a String */
    bool valid;                    /* false: invalidated (the getters throw) */
    int32_t captures[2 * LEGACY_GROUPS];  /* -1: undefined or absent */
    int32_t last_paren[2];         /* the last group's, -1 without groups */
} LegacyState;

static void legacy_trace(GCTracer *tracer, Object *o)
{
    gc_mark_value(tracer, ((LegacyState *)o)->input);
}

static const ObjectClass legacy_state_class = {
    .name = "RegExpLegacyState",
    ORDINARY_INTERNAL_METHODS,
    .trace = legacy_trace,
};

static LegacyState *state(VM *vm)
{
    return (LegacyState *)realm_intrinsic(vm, INTRINSIC_RegExpLegacyState);
}

/* UpdateLegacyRegExpStaticProperties / InvalidateLegacyRegExpStaticProperties */
void regexp_legacy_update(VM *vm, RegExpObject *r, String *s, const int32_t *captures)
{
    LegacyState *st = state(vm);
    if (!st)
        return;
    if (!r->legacy) {
        st->valid = false;
        return;
    }
    uint32_t count = regexp_capture_count(r->program);
    st->valid = true;
    st->input = value_from_string(s);
    for (uint32_t k = 0; k < LEGACY_GROUPS; k++) {
        st->captures[2 * k] = k < count ? captures[2 * k] : -1;
        st->captures[2 * k + 1] = k < count ? captures[2 * k + 1] : -1;
    }
    st->last_paren[0] = count > 1 ? captures[2 * (count - 1)] : -1;
    st->last_paren[1] = count > 1 ? captures[2 * (count - 1) + 1] : -1;
}

/* GetLegacyRegExpStaticProperty: the checks, then the state. */
static LegacyState *readable_state(VM *vm, Value this_value, const char *name)
{
    LegacyState *st = state(vm);
    if (this_value != value_from_object(realm_intrinsic(vm, INTRINSIC_RegExp)) || !st || !st->valid) {
        vm_throw_type_error(vm, "RegExp.%s getter called on an incompatible receiver or after an invalidating match",
                            name);
        return NULL;
    }
    return st;
}

static Value substring_or_empty(VM *vm, LegacyState *st, int32_t start, int32_t end)
{
    String *s = start < 0 ? string_empty(vm) : string_substring(vm, value_as_string(st->input), (uint32_t)start,
                                                                 (uint32_t)end);
    return s ? value_from_string(s) : VALUE_EXCEPTION;
}

typedef enum LegacyPart { PART_INPUT, PART_LAST_MATCH, PART_LAST_PAREN, PART_LEFT, PART_RIGHT, PART_GROUP } LegacyPart;

static Value legacy_get(VM *vm, Value this_value, LegacyPart part, uint32_t group, const char *name)
{
    LegacyState *st = readable_state(vm, this_value, name);
    if (!st)
        return VALUE_EXCEPTION;
    int32_t length = (int32_t)string_length(value_as_string(st->input));
    switch (part) {
    case PART_INPUT: return st->input;
    case PART_LAST_MATCH: return substring_or_empty(vm, st, st->captures[0], st->captures[1]);
    case PART_LAST_PAREN: return substring_or_empty(vm, st, st->last_paren[0], st->last_paren[1]);
    case PART_LEFT: return substring_or_empty(vm, st, 0, st->captures[0]);
    case PART_RIGHT: return substring_or_empty(vm, st, st->captures[1], length);
    default: return substring_or_empty(vm, st, st->captures[2 * group], st->captures[2 * group + 1]);
    }
}

#define GETTER(fn, part, group, name) \
    static Value fn(ARGS) \
    { \
        (void)argc, (void)argv, (void)new_target; \
        return legacy_get(vm, this_value, part, group, name); \
    }
GETTER(get_input, PART_INPUT, 0, "input")
GETTER(get_last_match, PART_LAST_MATCH, 0, "lastMatch")
GETTER(get_last_paren, PART_LAST_PAREN, 0, "lastParen")
GETTER(get_left_context, PART_LEFT, 0, "leftContext")
GETTER(get_right_context, PART_RIGHT, 0, "rightContext")
GETTER(get_1, PART_GROUP, 1, "$1")
GETTER(get_2, PART_GROUP, 2, "$2")
GETTER(get_3, PART_GROUP, 3, "$3")
GETTER(get_4, PART_GROUP, 4, "$4")
GETTER(get_5, PART_GROUP, 5, "$5")
GETTER(get_6, PART_GROUP, 6, "$6")
GETTER(get_7, PART_GROUP, 7, "$7")
GETTER(get_8, PART_GROUP, 8, "$8")
GETTER(get_9, PART_GROUP, 9, "$9")

/* SetLegacyRegExpStaticProperty for RegExp.input and RegExp.$_ */
static Value set_input(ARGS)
{
    (void)new_target;
    LegacyState *st = state(vm);
    if (this_value != value_from_object(realm_intrinsic(vm, INTRINSIC_RegExp)) || !st)
        return vm_throw_type_error(vm, "RegExp.input setter called on an incompatible receiver");
    String *s = es_to_string(vm, es_arg(argc, argv, 0));
    if (!s)
        return VALUE_EXCEPTION;
    st->input = value_from_string(s);
    return VALUE_UNDEFINED;
}

typedef struct LegacyAccessor {
    const char *name;
    NativeFunction getter, setter;
} LegacyAccessor;

/* In node's order: RegExp's own keys list them so. */
static const LegacyAccessor ACCESSORS[] = {
    {"input", get_input, set_input}, {"$_", get_input, set_input},
    {"lastMatch", get_last_match, NULL}, {"$&", get_last_match, NULL},
    {"lastParen", get_last_paren, NULL}, {"$+", get_last_paren, NULL},
    {"leftContext", get_left_context, NULL}, {"$`", get_left_context, NULL},
    {"rightContext", get_right_context, NULL}, {"$'", get_right_context, NULL},
    {"$1", get_1, NULL}, {"$2", get_2, NULL}, {"$3", get_3, NULL}, {"$4", get_4, NULL}, {"$5", get_5, NULL},
    {"$6", get_6, NULL}, {"$7", get_7, NULL}, {"$8", get_8, NULL}, {"$9", get_9, NULL},
};

bool regexp_make_legacy_state(VM *vm, Realm *realm)
{
    Object *o = object_new(vm, &legacy_state_class, sizeof(LegacyState), NULL);
    if (!o)
        return false;
    LegacyState *st = (LegacyState *)o;
    st->input = value_from_string(string_empty(vm));
    st->valid = true;
    memset(st->captures, 0, sizeof st->captures);   /* all empty strings at first */
    memset(st->last_paren, 0, sizeof st->last_paren);
    realm->intrinsics[INTRINSIC_RegExpLegacyState] = o;
    return true;
}

bool regexp_install_legacy(VM *vm, Realm *realm, Object *ctor)
{
    (void)realm;
    for (size_t i = 0; i < sizeof ACCESSORS / sizeof ACCESSORS[0]; i++) {
        PropertyKey key = es_key_cstr(vm, ACCESSORS[i].name);
        GC_SCOPE(vm->heap);
        GC_ROOT(vm->heap, key);
        bool ok = !value_is_exception(key) &&
                  es_define_accessor(vm, ctor, key, ACCESSORS[i].name, ACCESSORS[i].getter, ACCESSORS[i].setter);
        GC_SCOPE_END(vm->heap);
        if (!ok)
            return false;
    }
    return true;
}
