/*
 * The opcode tables of vm/bytecode.h, generated from vm/opcodes.def: each
 * instruction's name, its operand string and its size in bytes. Sizes are
 * computed from the operand strings at compile time: 'i' and 'j' operands
 * take 4 bytes, every other kind 2 (see the operand kinds in opcodes.def).
 */
#include "vm/bytecode.h"

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

/* The n-th operand character of an operand string, '\0' past its end (the
 * padding keeps the index inside the literal). */
#define OPERAND_CHAR(operands, n) ((operands "\0\0\0\0")[n])
#define OPERAND_BYTES(kind) ((kind) == 'i' || (kind) == 'j' ? 4 : (kind) ? 2 : 0)
#define INSTRUCTION_BYTES(operands) \
    (1 + OPERAND_BYTES(OPERAND_CHAR(operands, 0)) + OPERAND_BYTES(OPERAND_CHAR(operands, 1)) + \
     OPERAND_BYTES(OPERAND_CHAR(operands, 2)) + OPERAND_BYTES(OPERAND_CHAR(operands, 3)))

const uint8_t opcode_sizes[OP__COUNT] = {
#define OP(name, operands, doc) INSTRUCTION_BYTES(operands),
#include "vm/opcodes.def"
#undef OP
};

/* Every operand string has at most 4 operands, the most INSTRUCTION_BYTES reads. */
#define OP(name, operands, doc) _Static_assert(sizeof(operands) <= 5, "too many operands: " #name);
#include "vm/opcodes.def"
#undef OP
