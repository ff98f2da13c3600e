/*
 * The GC cell types of the VM: the number each module passes to
 * gc_register_type and gc_alloc, and stores in GCCell.type.
 *
 * One list, so that two modules never pick the same number. Add new types
 * at the end (before CELL_TYPE__COUNT); numbers must stay below GC_MAX_TYPES.
 * 0 is never a valid type, so a zero-filled header is recognizably unused.
 */
#ifndef NODUS_VM_CELL_TYPES_H
#define NODUS_VM_CELL_TYPES_H

typedef enum CellType {
    CELL_TYPE_NONE = 0,
    CELL_TYPE_STRING = 1,          /* String: flat or rope (vm/string.c) */
    CELL_TYPE_SYMBOL = 2,          /* Symbol (vm/symbol.c) */
    CELL_TYPE_OBJECT = 3,          /* Object and every exotic object (vm/object.c) */
    CELL_TYPE_SHAPE = 4,           /* Shape (vm/shape.c) */
    CELL_TYPE_VALUE_ARRAY = 5,     /* a plain array of Values: slots, elements */
    CELL_TYPE_ACCESSOR_PAIR = 6,   /* getter/setter pair of an accessor property */
    CELL_TYPE_SPARSE_ELEMENTS = 7, /* an object's sparse elements (vm/elements.c) */
    CELL_TYPE_FUNCTION_CODE = 8,   /* FunctionCode: compiled bytecode (vm/function_code.c) */
    CELL_TYPE_SOURCE_TEXT = 9,     /* SourceText: a compiled source's name and text (vm/function_code.c) */
    CELL_TYPE_ENVIRONMENT = 10,    /* Environment: captured variables (vm/function.c) */
    CELL_TYPE_BIGINT = 11,         /* BigInt: sign and magnitude (vm/bigint.c) */
    CELL_TYPE_MODULE_RECORD = 12,  /* ModuleRecord (vm/module.c) */
    CELL_TYPE_MODULE_BINDING = 13, /* an import's indirect binding (vm/module.c) */
    /* Room for more */
    CELL_TYPE__COUNT
} CellType;

#endif
