/*
 * FunctionCode and SourceText cells (vm/bytecode.h): their GC type, their
 * creation, the opcode tables generated from vm/opcodes.def, and the line
 * table lookup that stack traces use.
 */
#include <stdlib.h>

#include "vm/bytecode.h"
#include "vm/cell_types.h"
#include "vm/function.h"
#include "vm/interp_internal.h"

/* ---- The opcode tables (from vm/opcodes.def) ---- */

const char *const opcode_names[OP__COUNT] = {
#define OP(name, operands, doc) #name,
#include "vm/opcodes.def"
#undef OP
};

const char *const opcode_operands[OP__COUNT] = {
#define OP(name, operands, doc) operands,
#include "vm/opcodes.def"
#undef OP
};

const uint8_t opcode_sizes[OP__COUNT] = {
#define OP(name, operands, doc) INSTRUCTION_SIZE(operands),
#include "vm/opcodes.def"
#undef OP
};

/* ---- Cells ---- */

static void function_code_trace(GCTracer *tracer, GCCell *cell)
{
    FunctionCode *code = (FunctionCode *)cell;
    for (uint32_t i = 0; i < code->constant_count; i++)
        gc_mark_value(tracer, code->constants[i]);
    for (uint32_t i = 0; i < code->cache_count; i++)
        inline_cache_trace(tracer, &code->caches[i]);
    gc_mark_cell(tracer, (GCCell *)code->name);
    gc_mark_cell(tracer, (GCCell *)code->source);
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
}

void function_code_register_types(Heap *heap)
{
    static const GCTypeInfo code_info = { "FunctionCode", function_code_trace, function_code_finalize };
    static const GCTypeInfo source_info = { "SourceText", source_text_trace, NULL };
    gc_register_type(heap, CELL_TYPE_FUNCTION_CODE, &code_info);
    gc_register_type(heap, CELL_TYPE_SOURCE_TEXT, &source_info);
}

FunctionCode *function_code_new(VM *vm)
{
    FunctionCode *code = gc_alloc(vm->heap, sizeof(FunctionCode), CELL_TYPE_FUNCTION_CODE);
    if (!code)
        vm_throw_out_of_memory(vm);
    return code;
}

SourceText *source_text_new(VM *vm, String *name, String *text)
{
    GC_SCOPE(vm->heap);
    GC_ROOT_CELL(vm->heap, name);
    GC_ROOT_CELL(vm->heap, text);
    SourceText *source = gc_alloc(vm->heap, sizeof(SourceText), CELL_TYPE_SOURCE_TEXT);
    GC_SCOPE_END(vm->heap);
    if (!source) {
        vm_throw_out_of_memory(vm);
        return NULL;
    }
    source->name = name;
    source->text = text;
    return source;
}

LineTableEntry function_code_position(const FunctionCode *code, uint32_t pc)
{
    LineTableEntry found = { 0, 0, 0 };
    uint32_t low = 0, high = code->line_count;
    while (low < high) {   /* the last entry whose pc <= pc */
        uint32_t mid = low + (high - low) / 2;
        if (code->lines[mid].pc <= pc) {
            found = code->lines[mid];
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    return found;
}
