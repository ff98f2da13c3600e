/*
 * The disassembler (--dump-bytecode): every function of a code tree, one
 * instruction per line, operands decoded from opcodes.def's operand kinds:
 *
 *   == function add (params 2, registers 3, constants 1, caches 0, env 0) strict ==
 *      0000  LOAD_REG         r1                          ; line 1
 *      0003  ADD              r0
 *      0006  RETURN
 *
 * Registers print as r3, atoms as their text in quotes, constants as their
 * value (nested functions as <function name>), inline caches as k2, jumps
 * as the absolute pc they lead to. A nested function is printed after the
 * function that contains it.
 */
#include <stdlib.h>
#include <string.h>

#include "vm/bytecode.h"
#include "vm/cell_types.h"
#include "vm/string.h"

enum { COMMENT_COLUMN = 60 };

static uint32_t read_u16(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static int32_t read_i32(const uint8_t *p)
{
    return (int32_t)((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24);
}

static const FunctionCode *constant_as_code(Value v)
{
    if (!value_is_cell(v))
        return NULL;
    GCCell *cell = value_as_cell(v);
    return cell->type == CELL_TYPE_FUNCTION_CODE ? (const FunctionCode *)cell : NULL;
}

/* A string as a JavaScript literal, escaping quotes and control characters. */
static int print_string(FILE *out, String *s)
{
    size_t len;
    char *utf8 = string_to_utf8(s, &len);
    if (!utf8)
        return fprintf(out, "\"?\"");
    int written = fprintf(out, "\"");
    for (size_t i = 0; i < len && i < 60; i++) {
        unsigned char ch = (unsigned char)utf8[i];
        if (ch == '"' || ch == '\\')
            written += fprintf(out, "\\%c", ch);
        else if (ch == '\n')
            written += fprintf(out, "\\n");
        else if (ch < 0x20)
            written += fprintf(out, "\\x%02x", ch);
        else
            written += fprintf(out, "%c", ch);
    }
    written += fprintf(out, len > 60 ? "...\"" : "\"");
    free(utf8);
    return written;
}

static int print_constant(FILE *out, Value v)
{
    if (value_is_number(v)) {
        char buf[32];
        number_format(value_as_number(v), buf);
        return fprintf(out, "%s", buf);
    }
    if (value_is_string(v))
        return print_string(out, value_as_string(v));
    const FunctionCode *code = constant_as_code(v);
    if (code) {
        int written = fprintf(out, "<function ");
        written += code->name && string_length(code->name) ? print_string(out, code->name) : fprintf(out, "anonymous");
        return written + fprintf(out, ">");
    }
    if (value_is_object(v))
        return fprintf(out, "<array>");
    if (value_is_undefined(v))
        return fprintf(out, "undefined");
    return fprintf(out, "<value>");
}

static int print_operand(FILE *out, const FunctionCode *code, char kind, const uint8_t *p, uint32_t next_pc)
{
    if (kind == 'i')
        return fprintf(out, "%d", read_i32(p));
    if (kind == 'j')
        return fprintf(out, "%04u", (uint32_t)((int64_t)next_pc + read_i32(p)));
    uint32_t v = read_u16(p);
    switch (kind) {
    case 'r': return v == 0xFFFF ? fprintf(out, "-") : fprintf(out, "r%u", v);
    case 'k': return fprintf(out, "k%u", v);
    case 'n': return v == 0xFFFF ? fprintf(out, "-") : fprintf(out, "%u", v);
    case 'a':
    case 'c':
        if (v == 0xFFFF)
            return fprintf(out, "-");
        if (v >= code->constant_count)
            return fprintf(out, "c%u?", v);
        return print_constant(out, code->constants[v]);
    default: return fprintf(out, "?");
    }
}

/* One instruction; returns its size (1 for an unknown opcode byte). */
static uint32_t print_instruction(FILE *out, const FunctionCode *code, uint32_t pc, int *width_out)
{
    *width_out = 0;
    uint8_t op = code->code[pc];
    if (op >= OP__COUNT) {
        fprintf(out, "    %04u  <bad opcode %u>", pc, op);
        return 1;
    }
    uint32_t size = opcode_sizes[op];
    if (pc + size > code->code_length) {
        fprintf(out, "    %04u  <truncated %s>", pc, opcode_names[op]);
        return code->code_length - pc;
    }
    int width = fprintf(out, opcode_operands[op][0] ? "    %04u  %-26s" : "    %04u  %s", pc, opcode_names[op]);
    const uint8_t *p = code->code + pc + 1;
    for (const char *kind = opcode_operands[op]; *kind; kind++) {
        if (kind != opcode_operands[op])
            width += fprintf(out, ", ");
        width += print_operand(out, code, *kind, p, pc + size);
        p += *kind == 'i' || *kind == 'j' ? 4 : 2;
    }
    *width_out = width;
    return size;
}

static void print_header(FILE *out, const FunctionCode *code)
{
    fprintf(out, "== ");
    if (code->flags & CODE_SCRIPT)
        fprintf(out, "script");
    else if (code->flags & CODE_MODULE)
        fprintf(out, "module");
    else if (code->name && string_length(code->name))
        print_string(out, code->name), fprintf(out, " function");
    else
        fprintf(out, "anonymous function");
    fprintf(out, " (params %u/%u, registers %u, constants %u, caches %u, env %u)", code->param_count,
            code->formal_count, code->register_count, code->constant_count, code->cache_count, code->env_slots);
    static const struct { uint32_t flag; const char *name; } flags[] = {
        { CODE_STRICT, "strict" }, { CODE_ARROW, "arrow" }, { CODE_GENERATOR, "generator" },
        { CODE_ASYNC, "async" }, { CODE_CLASS_CONSTRUCTOR, "class-constructor" },
        { CODE_DERIVED_CONSTRUCTOR, "derived" }, { CODE_METHOD, "method" },
    };
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
        if (code->flags & flags[i].flag)
            fprintf(out, " %s", flags[i].name);
    fprintf(out, " ==\n");
}

void bytecode_dump_function(FILE *out, VM *vm, const FunctionCode *code, bool recurse)
{
    print_header(out, code);
    uint32_t line = 0, entry = 0;
    for (uint32_t pc = 0; pc < code->code_length;) {
        int width;
        uint32_t size = print_instruction(out, code, pc, &width);
        while (entry < code->line_count && code->lines[entry].pc <= pc) {
            if (code->lines[entry].line != line) {
                line = code->lines[entry].line;
                fprintf(out, "%*s; line %u", width < COMMENT_COLUMN ? COMMENT_COLUMN - width : 1, "", line);
            }
            entry++;
        }
        fprintf(out, "\n");
        pc += size;
    }
    if (!recurse)
        return;
    for (uint32_t i = 0; i < code->constant_count; i++) {
        const FunctionCode *inner = constant_as_code(code->constants[i]);
        if (inner) {
            fprintf(out, "\n");
            bytecode_dump_function(out, vm, inner, true);
        }
    }
}

void bytecode_dump(FILE *out, VM *vm, const FunctionCode *code)
{
    bytecode_dump_function(out, vm, code, true);
}
