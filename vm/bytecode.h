/*
 * Compiled code: one FunctionCode cell per function (and one for each
 * script, module and eval), made by the compiler (vm/compile_*.c) from the
 * AST and run by the interpreter (vm/interp.c).
 */
#ifndef NODUS_VM_BYTECODE_H
#define NODUS_VM_BYTECODE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "vm/object.h"
#include "vm/vm.h"

typedef enum Opcode {
#define OP(name, operands, doc) OP_##name,
#include "vm/opcodes.def"
#undef OP
    OP__COUNT
} Opcode;

/* Operand formats and names, from opcodes.def */
extern const char *const opcode_names[OP__COUNT];
extern const char *const opcode_operands[OP__COUNT];
/* Size in bytes of an instruction with this opcode (opcode byte included). */
extern const uint8_t opcode_sizes[OP__COUNT];

/* FunctionCode flags */
enum {
    CODE_STRICT = 1 << 0,
    CODE_ARROW = 1 << 1,
    CODE_GENERATOR = 1 << 2,
    CODE_ASYNC = 1 << 3,
    CODE_CLASS_CONSTRUCTOR = 1 << 4,    /* [[Call]] throws TypeError */
    CODE_DERIVED_CONSTRUCTOR = 1 << 5,  /* this starts uninitialized; super() binds it */
    CODE_METHOD = 1 << 6,               /* not a constructor; has a home object */
    CODE_USES_ARGUMENTS = 1 << 7,
    CODE_USES_THIS = 1 << 8,
    CODE_HAS_DIRECT_EVAL = 1 << 9,
    CODE_SCRIPT = 1 << 10,              /* top level of a script */
    CODE_MODULE = 1 << 11,
    CODE_EVAL = 1 << 12,
    CODE_GETTER_OR_SETTER = 1 << 13,
    CODE_EVAL_DECLARES_VARS = 1 << 14,  /* sloppy eval code with top-level var or function declarations */
    CODE_EVAL_OWN_VAR_ENV = 1 << 15,    /* strict eval code: its vars are its own */
};

/* Where each instruction came from: pc ranges to source positions, for
 * stack traces (Error.prototype.stack) and error messages. */
typedef struct LineTableEntry {
    uint32_t pc;                 /* first instruction of the range */
    uint32_t line;               /* 1-based */
    uint32_t column;             /* 1-based, UTF-16 units (as V8 prints them) */
} LineTableEntry;

/* The source a function was compiled from, shared by all its functions:
 * Function.prototype.toString returns a slice of it (ES2025 20.2.3.5). */
typedef struct SourceText {
    GCCell header;
    String *name;                /* file name or URL, "[eval]", ... */
    String *text;                /* the whole source */
    GCCell *module;              /* the ModuleRecord of a Module's code (vm/module.h), else NULL */
} SourceText;

typedef struct FunctionCode {
    GCCell header;               /* header.flags: unused; flags below */
    uint32_t flags;              /* CODE_* */
    uint16_t param_count;        /* formal parameters before the first default/rest (the "length") */
    uint16_t formal_count;       /* registers r0.. that receive the arguments */
    uint32_t register_count;     /* registers the frame needs */
    uint32_t code_length;
    uint8_t *code;               /* malloc'd bytecode, freed by the finalizer */
    uint32_t constant_count;
    Value *constants;            /* malloc'd; traced */
    uint32_t cache_count;
    InlineCache *caches;         /* malloc'd; one per named-property or global site */
    uint32_t line_count;
    LineTableEntry *lines;       /* malloc'd, by ascending pc */
    String *name;                /* the function's name as written, or the empty atom */
    SourceText *source;
    uint32_t source_start, source_end;   /* byte offsets of the function's text */
    uint32_t env_slots;          /* slots of the function-level Environment, 0 when none is needed */
} FunctionCode;

/* The source position of a pc (the entry at or before it). */
LineTableEntry function_code_position(const FunctionCode *code, uint32_t pc);

/* Registers the FunctionCode and SourceText cell types (vm_new calls it). */
void function_code_init_type(VM *vm);
/* A new, empty FunctionCode (every field zero, name the empty atom); NULL
 * after throwing. The compiler fills it in and hands it its malloc'd arrays. */
FunctionCode *function_code_new(VM *vm) NODUS_MUST_CHECK;
/* The code of a class's default constructor, `constructor() {}` or, derived,
 * `constructor(...args) { super(...args); }` (ES2025 15.7.14 step 14);
 * the compiler gives it the class's source range. */
FunctionCode *function_code_default_constructor(VM *vm, bool derived) NODUS_MUST_CHECK;
/* A new SourceText for a source's name and text; NULL after throwing. */
SourceText *source_text_new(VM *vm, const char *name, const char *text, uint32_t len) NODUS_MUST_CHECK;

/* Compiles a parsed Module into the FunctionCode of its body and fills
 * module's requests and entries (vm/compile_module.c). */
struct ModuleRecord;
struct Node;
FunctionCode *compile_module_program(VM *vm, const struct Node *program, const char *source_text,
                                     uint32_t source_len, const char *source_name,
                                     struct ModuleRecord *module) NODUS_MUST_CHECK;

/* --dump-bytecode: every function of the code tree, one instruction per line:
 *   0012  GET_NAMED  r3, "length", k2        ; line 4
 */
void bytecode_dump(FILE *out, VM *vm, const FunctionCode *code);

/* ---- Compiling (vm/compile_*.c) ---- */
/* Compiles a parsed program (parser/parser.h) into the FunctionCode of its
 * top level. NULL after throwing (out of memory, or a SyntaxError the
 * compiler finds, e.g. too many registers). program is a PROGRAM node;
 * source_name names it in stack traces. */
FunctionCode *compile_program(VM *vm, const struct Node *program, const char *source_text, uint32_t source_len,
                              const char *source_name) NODUS_MUST_CHECK;

/* How a program is compiled when it is not a plain script. */
typedef struct CompileOptions {
    /* Eval code (ES2025 19.2.1.3): top-level lexical declarations are local
     * to it; vars and functions are global (declared as deletable
     * bindings), or local too when the eval is strict. */
    bool is_eval;
    bool is_strict_eval;
    /* Sloppy eval code inside a function: its vars and functions go to
     * the function's eval-vars object (DECLARE_EVAL_VARS). */
    bool eval_vars_in_object;
    /* A direct eval: the caller's eval scope descriptor (see
     * vm/compile_eval_scope.c), or NULL; whether new.target is allowed. */
    struct Object *eval_scope;
    bool eval_allows_new_target;
    /* CreateDynamicFunction (ES2025 20.2.1.1.1): the function expression
     * whose name "anonymous" is not bound inside it. */
    const struct Node *dynamic_function;
} CompileOptions;

FunctionCode *compile_program_with(VM *vm, const struct Node *program, const char *source_text, uint32_t source_len,
                                   const char *source_name, const CompileOptions *options) NODUS_MUST_CHECK;

#endif
