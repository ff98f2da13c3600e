/*
 * The FunctionCode cell (compiled bytecode of one function, vm/bytecode.h)
 * and the SourceText cell it points to: their GC types, creation, and the
 * pc-to-source-position lookup of stack traces.
 *
 * A FunctionCode owns four malloc'd arrays (code, constants, caches, line
 * table), released by its finalizer. Its constants are traced: numbers,
 * strings, BigInt digit strings, nested FunctionCode cells, and the arrays
 * some instructions read (DECLARE_GLOBALS, GET_TEMPLATE_OBJECT).
 */
#include <stdlib.h>
#include <string.h>

#include "vm/atom.h"
#include "vm/bytecode.h"
#include "vm/cell_types.h"

static void function_code_trace(GCTracer *tracer, GCCell *cell)
{
    FunctionCode *code = (FunctionCode *)cell;
    for (uint32_t i = 0; i < code->constant_count; i++)
        gc_mark_value(tracer, code->constants[i]);
    gc_mark_cell(tracer, (GCCell *)code->name);
    gc_mark_cell(tracer, (GCCell *)code->source);
    /* A cached shape must not be freed while the cache can compare against
     * it (a new shape at the same address would be a false hit), nor the
     * shape a cached add-property transition moves objects to: the object
     * layer's inline_cache_trace marks all of a cache's cells. */
    for (uint32_t i = 0; i < code->cache_count; i++)
        inline_cache_trace(tracer, &code->caches[i]);
}

static void function_code_finalize(Heap *heap, GCCell *cell)
{
    (void)heap;
    FunctionCode *code = (FunctionCode *)cell;
    free(code->code);
    free(code->constants);
    free(code->caches);
    free(code->lines);
}

static void source_text_trace(GCTracer *tracer, GCCell *cell)
{
    SourceText *source = (SourceText *)cell;
    gc_mark_cell(tracer, (GCCell *)source->name);
    gc_mark_cell(tracer, (GCCell *)source->text);
    gc_mark_cell(tracer, source->module);
}

void function_code_init_type(VM *vm)
{
    static const GCTypeInfo code_info = { "FunctionCode", function_code_trace, function_code_finalize };
    static const GCTypeInfo source_info = { "SourceText", source_text_trace, NULL };
    gc_register_type(vm->heap, CELL_TYPE_FUNCTION_CODE, &code_info);
    gc_register_type(vm->heap, CELL_TYPE_SOURCE_TEXT, &source_info);
}

FunctionCode *function_code_new(VM *vm)
{
    FunctionCode *code = gc_alloc(vm->heap, sizeof *code, CELL_TYPE_FUNCTION_CODE);
    if (!code) {
        vm_throw_out_of_memory(vm);
        return NULL;
    }
    code->name = vm_atom(vm, ATOM_empty);
    return code;
}

SourceText *source_text_new(VM *vm, const char *name, const char *text, uint32_t len)
{
    GC_SCOPE(vm->heap);
    String *name_string = string_from_utf8(vm, name, strlen(name));
    GC_ROOT_CELL(vm->heap, name_string);
    String *text_string = name_string ? string_from_utf8(vm, text, len) : NULL;
    GC_ROOT_CELL(vm->heap, text_string);
    SourceText *source = text_string ? gc_alloc(vm->heap, sizeof *source, CELL_TYPE_SOURCE_TEXT) : NULL;
    if (source) {
        source->name = name_string;
        source->text = text_string;
    } else if (text_string) {
        vm_throw_out_of_memory(vm);
    }
    GC_SCOPE_END(vm->heap);
    return source;
}

/* Binary search for the last entry whose pc is at or before pc. */
LineTableEntry function_code_position(const FunctionCode *code, uint32_t pc)
{
    LineTableEntry none = { 0, 0, 0 };
    if (code->line_count == 0 || code->lines[0].pc > pc)
        return code->line_count ? code->lines[0] : none;
    uint32_t low = 0, high = code->line_count;   /* lines[low].pc <= pc < lines[high].pc */
    while (high - low > 1) {
        uint32_t mid = low + (high - low) / 2;
        if (code->lines[mid].pc <= pc)
            low = mid;
        else
            high = mid;
    }
    return code->lines[low];
}

/* ---- Default constructors (ES2025 15.7.14 step 14) ---- */

/* The bytecode of `constructor() {}` or `constructor(...args) { super(...args); }`. */
FunctionCode *function_code_default_constructor(VM *vm, bool derived)
{
    static const uint8_t base_code[] = { OP_LOAD_UNDEFINED, OP_RETURN };
    static const uint8_t derived_code[] = {
        OP_CREATE_REST, 0, 0,         /* acc = [...arguments] */
        OP_STORE_REG, 0, 0,           /* r0 = acc */
        OP_SUPER_CALL_SPREAD, 0, 0,   /* acc = super(...r0) */
        OP_RETURN,
    };
    FunctionCode *code = function_code_new(vm);
    if (!code)
        return NULL;
    const uint8_t *bytes = derived ? derived_code : base_code;
    size_t length = derived ? sizeof derived_code : sizeof base_code;
    code->code = malloc(length);
    if (!code->code) {
        vm_throw_out_of_memory(vm);
        return NULL;
    }
    memcpy(code->code, bytes, length);
    code->code_length = (uint32_t)length;
    code->register_count = derived ? 1 : 0;
    code->flags = CODE_STRICT | CODE_CLASS_CONSTRUCTOR | (derived ? CODE_DERIVED_CONSTRUCTOR : 0);
    code->name = vm_atom(vm, ATOM_empty);
    return code;
}
