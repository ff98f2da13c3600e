/*
 * Array.prototype.sort and toSorted (ES2025 23.1.3.30, 23.1.3.34): a stable
 * merge sort over the values read by SortIndexedProperties. A comparator
 * that throws stops the sort and the exception propagates.
 */
#include <stdlib.h>
#include <string.h>

#include "stdlib/es/array_internal.h"

/* What the merge sort compares: values (pinned by their list) and, for the
 * default order, their strings. */
typedef struct SortState {
    VM *vm;
    Value comparefn;              /* undefined: by ToString */
    Value *values;
    String **strings;             /* default order: ToString of each value */
    bool failed;
} SortState;

/* ES2025 23.1.3.30.2 CompareArrayElements ( x, y, comparefn ) for two
 * non-undefined values: < 0, 0, > 0; failed set after throwing. */
static double compare(SortState *state, uint32_t a, uint32_t b)
{
    if (state->failed)
        return 0;
    if (value_is_undefined(state->comparefn))
        return string_compare(state->strings[a], state->strings[b]);
    Value args[2] = { state->values[a], state->values[b] };
    Value v = vm_call(state->vm, state->comparefn, VALUE_UNDEFINED, 2, args);
    double d;
    if (value_is_exception(v) || !es_to_number(state->vm, v, &d)) {
        state->failed = true;
        return 0;
    }
    return d != d ? 0 : d;
}

/* Merges order[lo, mid) and order[mid, hi) through scratch. */
static void merge(SortState *state, uint32_t *order, uint32_t *scratch, uint32_t lo, uint32_t mid, uint32_t hi)
{
    uint32_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi)
        scratch[k++] = compare(state, order[j], order[i]) < 0 ? order[j++] : order[i++];
    while (i < mid)
        scratch[k++] = order[i++];
    while (j < hi)
        scratch[k++] = order[j++];
    memcpy(order + lo, scratch + lo, (hi - lo) * sizeof *order);
}

/* Bottom-up merge sort of order[0, count): stable, O(n log n) compares. */
static void merge_sort(SortState *state, uint32_t *order, uint32_t *scratch, uint32_t count)
{
    for (uint32_t width = 1; width < count && !state->failed; width *= 2)
        for (uint32_t lo = 0; lo + width < count && !state->failed; lo += 2 * width) {
            uint32_t hi = lo + 2 * width < count ? lo + 2 * width : count;
            merge(state, order, scratch, lo, lo + width, hi);
        }
}

/* The default order's strings, pinned in strings_list. */
static bool stringify_all(VM *vm, const ValueList *items, ValueList *strings_list, String **strings)
{
    for (uint32_t i = 0; i < items->count; i++) {
        if (value_is_undefined(items->values[i])) {
            strings[i] = NULL;
            continue;
        }
        String *s = es_to_flat_string(vm, items->values[i]);
        if (!s || !es_list_push(vm, strings_list, value_from_string(s)))
            return false;
        strings[i] = s;
    }
    return true;
}

/* Sorts items in place (undefined last), as SortIndexedProperties step 4. */
static bool sort_values(VM *vm, ValueList *items, Value comparefn)
{
    uint32_t count = items->count;
    uint32_t *order = malloc((count + 1) * sizeof *order);
    uint32_t *scratch = malloc((count + 1) * sizeof *scratch);
    String **strings = malloc((count + 1) * sizeof *strings);
    Value *sorted = malloc((count + 1) * sizeof *sorted);
    ValueList strings_list;
    es_list_init(vm, &strings_list);
    SortState state = { vm, comparefn, items->values, strings, false };
    if (!order || !scratch || !strings || !sorted) {
        vm_throw_out_of_memory(vm);
        state.failed = true;
    } else if (value_is_undefined(comparefn) && !stringify_all(vm, items, &strings_list, strings)) {
        state.failed = true;
    }
    uint32_t defined = 0;
    for (uint32_t i = 0; !state.failed && i < count; i++)
        if (!value_is_undefined(items->values[i]))
            order[defined++] = i;
    if (!state.failed)
        merge_sort(&state, order, scratch, defined);
    if (!state.failed) {
        for (uint32_t i = 0; i < defined; i++)
            sorted[i] = items->values[order[i]];
        for (uint32_t i = defined; i < count; i++)
            sorted[i] = VALUE_UNDEFINED;
        memcpy(items->values, sorted, count * sizeof *sorted);   /* same values: the pins stay right */
    }
    es_list_free(vm, &strings_list);
    free(order);
    free(scratch);
    free(strings);
    free(sorted);
    return !state.failed;
}

/* ES2025 23.1.3.30.1 SortIndexedProperties ( obj, len, SortCompare, holes ) */
static bool sort_indexed_properties(VM *vm, Object *o, double len, Value comparefn, bool skip_holes,
                                    ValueList *items)
{
    for (double k = 0; k < len; k++) {
        if (skip_holes) {
            int present = array_has_index(vm, o, k);
            if (present < 0)
                return false;
            if (!present)
                continue;
        }
        Value value = array_get_index(vm, o, k);
        if (value_is_exception(value) || !es_list_push(vm, items, value))
            return false;
    }
    return sort_values(vm, items, comparefn);
}

static Value check_comparefn(VM *vm, Value comparefn)
{
    if (!value_is_undefined(comparefn) && !value_is_callable(comparefn))
        return vm_throw_type_error(vm, "The comparison function must be either a function or undefined");
    return VALUE_UNDEFINED;
}

/* ES2025 23.1.3.30 Array.prototype.sort ( comparefn ) */
Value array_proto_sort(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)new_target;
    Value comparefn = es_arg(argc, argv, 0);
    if (value_is_exception(check_comparefn(vm, comparefn)))
        return VALUE_EXCEPTION;
    Object *o = es_to_object(vm, this_value);
    if (!o)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    double len;
    ValueList items;
    es_list_init(vm, &items);
    bool ok = es_length_of_array_like(vm, o, &len) && sort_indexed_properties(vm, o, len, comparefn, true, &items);
    double j = 0;
    for (; ok && j < items.count; j++)
        ok = array_set_index(vm, o, j, items.values[(uint32_t)j]);
    for (; ok && j < len; j++)
        ok = array_delete_index(vm, o, j);
    es_list_free(vm, &items);
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(o) : VALUE_EXCEPTION;
}

/* ES2025 23.1.3.34 Array.prototype.toSorted ( comparefn ) */
Value array_proto_to_sorted(VM *vm, Value this_value, uint32_t argc, const Value *argv, Object *new_target)
{
    (void)new_target;
    Value comparefn = es_arg(argc, argv, 0);
    if (value_is_exception(check_comparefn(vm, comparefn)))
        return VALUE_EXCEPTION;
    Object *o = es_to_object(vm, this_value);
    if (!o)
        return VALUE_EXCEPTION;
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, o);
    double len;
    Object *a = NULL;
    GC_ROOT_CELL(vm->heap, a);
    ValueList items;
    es_list_init(vm, &items);
    bool ok = es_length_of_array_like(vm, o, &len) && (a = array_create(vm, len))
              && sort_indexed_properties(vm, o, len, comparefn, false, &items);
    for (uint32_t j = 0; ok && j < items.count; j++)
        ok = array_create_index(vm, a, j, items.values[j]);
    es_list_free(vm, &items);
    GC_SCOPE_END(vm->heap);
    return ok ? value_from_object(a) : VALUE_EXCEPTION;
}
