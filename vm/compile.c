/*
 * The compiler's entry point and its machinery: compile_program, error
 * recording, the per-function state (FuncState), the instruction emitter
 * with jump patching, the register stack, the constant pool and the line
 * table. What to emit for each construct lives in the other compile_*.c
 * files; see compiler_internal.h for the overall design.
 *
 * ---- Registers ----
 * A frame's registers are r0.. : first the formal parameters (the
 * interpreter puts the arguments there), then the function's own
 * non-captured variables, then, as a stack, block-scoped variables and
 * temporaries. reg_alloc pushes, reg_free_to pops back to a mark taken
 * before; so the registers a call's arguments need are consecutive by
 * construction, and a statement never leaks temporaries.
 *
 * ---- Constants ----
 * Strings, numbers and nested FunctionCodes go to the function's constant
 * pool, deduplicated by value (strings are atoms, so equal strings are the
 * same pointer). Until the FunctionCode owns them, heap constants are
 * pinned: compiling allocates (atoms, nested code) and may collect.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/atom.h"
#include "vm/compiler_internal.h"

/* ---- Pointer maps ---- */

static uint32_t ptr_hash(const void *key)
{
    uint64_t x = (uint64_t)(uintptr_t)key;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return (uint32_t)x;
}

void *ptr_map_get(const PtrMap *map, const void *key)
{
    if (map->capacity == 0)
        return NULL;
    uint32_t mask = map->capacity - 1;
    for (uint32_t i = ptr_hash(key) & mask;; i = (i + 1) & mask) {
        if (map->keys[i] == key)
            return map->values[i];
        if (map->keys[i] == NULL)
            return NULL;
    }
}

static bool ptr_map_grow(PtrMap *map)
{
    uint32_t capacity = map->capacity ? map->capacity * 2 : 64;
    PtrMap bigger = { calloc(capacity, sizeof *bigger.keys), calloc(capacity, sizeof *bigger.values), 0, capacity };
    if (!bigger.keys || !bigger.values) {
        ptr_map_free(&bigger);
        return false;
    }
    for (uint32_t i = 0; i < map->capacity; i++)
        if (map->keys[i])
            ptr_map_put(&bigger, map->keys[i], map->values[i]);
    ptr_map_free(map);
    *map = bigger;
    return true;
}

bool ptr_map_put(PtrMap *map, const void *key, void *value)
{
    if ((map->count + 1) * 2 > map->capacity && !ptr_map_grow(map))
        return false;
    uint32_t mask = map->capacity - 1;
    uint32_t i = ptr_hash(key) & mask;
    while (map->keys[i] && map->keys[i] != key)
        i = (i + 1) & mask;
    if (!map->keys[i])
        map->count++;
    map->keys[i] = key;
    map->values[i] = value;
    return true;
}

void ptr_map_free(PtrMap *map)
{
    free(map->keys);
    free(map->values);
    memset(map, 0, sizeof *map);
}

/* ---- Errors ---- */

static void compile_verror(Compiler *c, ErrorKind kind, const Node *node, const char *fmt, va_list args)
{
    if (c->failed)
        return;
    c->failed = true;
    c->error_kind = kind;
    int used = vsnprintf(c->error, sizeof c->error, fmt, args);
    if (node && used >= 0 && (size_t)used < sizeof c->error)
        snprintf(c->error + used, sizeof c->error - (size_t)used, " (line %u)", node->line);
}

void compile_error(Compiler *c, ErrorKind kind, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    compile_verror(c, kind, NULL, fmt, args);
    va_end(args);
}

/* A construct the compiler rejects: a SyntaxError naming the line. */
void compile_error_at(Compiler *c, const Node *node, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    compile_verror(c, ERROR_KIND_SYNTAX, node, fmt, args);
    va_end(args);
}

/* An allocation in the VM failed and threw: keep its exception. */
static void compile_vm_failed(Compiler *c)
{
    if (!c->failed) {
        c->failed = true;
        c->error_kind = (ErrorKind)-1;
    }
}

static bool grow_array(Compiler *c, void **items, uint32_t *capacity, uint32_t needed, size_t item_size)
{
    if (needed <= *capacity)
        return true;
    uint32_t new_capacity = *capacity ? *capacity : 16;
    while (new_capacity < needed)
        new_capacity *= 2;
    void *grown = realloc(*items, (size_t)new_capacity * item_size);
    if (!grown) {
        compile_error(c, ERROR_KIND_RANGE, "Out of memory while compiling");
        return false;
    }
    *items = grown;
    *capacity = new_capacity;
    return true;
}

/* ---- Emitting ---- */

uint32_t code_here(const FuncState *fs)
{
    return fs->code_length;
}

/* Instructions are never removed, so a label is just "the next pc"; it is
 * remembered so that no peephole looks back across it. */
void mark_label(FuncState *fs)
{
    fs->label_pc = fs->code_length;
}

uint32_t label_here(FuncState *fs)
{
    mark_label(fs);
    return fs->code_length;
}

static void add_line_entry(FuncState *fs)
{
    if (fs->position_line == 0)
        return;
    if (fs->line_count > 0) {
        LineTableEntry *last = &fs->lines[fs->line_count - 1];
        if (last->line == fs->position_line && last->column == fs->position_column)
            return;
        if (last->pc == fs->code_length) {
            last->line = fs->position_line;
            last->column = fs->position_column;
            return;
        }
    }
    if (!grow_array(fs->c, (void **)&fs->lines, &fs->line_capacity, fs->line_count + 1, sizeof *fs->lines))
        return;
    fs->lines[fs->line_count++] = (LineTableEntry){ fs->code_length, fs->position_line, fs->position_column };
}

void set_position(FuncState *fs, const Node *node)
{
    if (node && node->line) {
        fs->position_line = node->line;
        fs->position_column = node->col + 1;
    }
}

static void put_u16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static void put_i32(uint8_t *p, int32_t v)
{
    uint32_t u = (uint32_t)v;
    p[0] = (uint8_t)u;
    p[1] = (uint8_t)(u >> 8);
    p[2] = (uint8_t)(u >> 16);
    p[3] = (uint8_t)(u >> 24);
}

Opcode last_opcode(const FuncState *fs)
{
    if (fs->code_length == 0 || fs->label_pc == fs->code_length)
        return OP__COUNT;
    return (Opcode)fs->code[fs->last_op_pc];
}

bool code_falls_through(const FuncState *fs)
{
    Opcode last = last_opcode(fs);
    return !(last == OP_RETURN || last == OP_THROW || last == OP_JUMP || last == OP_ASYNC_RETURN ||
             last == OP_THROW_CONST_ASSIGN || last == OP_THROW_ERROR);
}

/* Does this LOAD_REG repeat the STORE_REG just before it (acc already
 * holds the value)? */
static bool is_redundant_load(FuncState *fs, Opcode op, uint32_t reg)
{
    if (op != OP_LOAD_REG || last_opcode(fs) != OP_STORE_REG)
        return false;
    const uint8_t *store = fs->code + fs->last_op_pc;
    return (uint32_t)(store[1] | store[2] << 8) == reg;
}

void emit(FuncState *fs, Opcode op, ...)
{
    const char *operands = opcode_operands[op];
    uint32_t size = opcode_sizes[op];
    va_list args;
    va_start(args, op);
    if (op == OP_LOAD_REG) {
        va_list peek;
        va_copy(peek, args);
        uint32_t reg = (uint32_t)va_arg(peek, int);
        va_end(peek);
        if (is_redundant_load(fs, op, reg)) {
            va_end(args);
            return;
        }
    }
    add_line_entry(fs);
    if (!grow_array(fs->c, (void **)&fs->code, &fs->code_capacity, fs->code_length + size, 1)) {
        va_end(args);
        return;
    }
    uint8_t *p = fs->code + fs->code_length;
    *p++ = (uint8_t)op;
    for (const char *kind = operands; *kind; kind++) {
        int value = va_arg(args, int);
        if (*kind == 'i' || *kind == 'j') {
            put_i32(p, value);
            p += 4;
        } else {
            if (value < 0 || value > 0xFFFF)
                compile_error(fs->c, ERROR_KIND_RANGE, "Function too large to compile (operand %d)", value);
            put_u16(p, (uint32_t)value);
            p += 2;
        }
    }
    va_end(args);
    fs->last_op_pc = fs->code_length;
    fs->code_length += size;
}

uint32_t emit_jump(FuncState *fs, Opcode op)
{
    uint32_t site = fs->code_length;
    emit(fs, op, 0);
    return site;
}

uint32_t emit_push_handler(FuncState *fs, uint32_t exception_reg)
{
    uint32_t site = fs->code_length;
    emit(fs, OP_PUSH_HANDLER, 0, (int)exception_reg);
    return site;
}

/* Jump offsets are relative to the start of the next instruction; the
 * offset is always the first operand (JUMP*, PUSH_HANDLER). */
void patch_jump(FuncState *fs, uint32_t site, uint32_t target)
{
    if (fs->c->failed || site + 5 > fs->code_length)
        return;
    uint32_t next = site + opcode_sizes[fs->code[site]];
    put_i32(fs->code + site + 1, (int32_t)(target - next));
}

void patch_jump_here(FuncState *fs, uint32_t site)
{
    mark_label(fs);
    patch_jump(fs, site, fs->code_length);
}

void emit_jump_to(FuncState *fs, Opcode op, uint32_t target)
{
    uint32_t site = emit_jump(fs, op);
    patch_jump(fs, site, target);
}

void jump_list_add(FuncState *fs, JumpList *list, uint32_t site)
{
    if (grow_array(fs->c, (void **)&list->sites, &list->capacity, list->count + 1, sizeof *list->sites))
        list->sites[list->count++] = site;
}

void jump_list_patch(FuncState *fs, JumpList *list, uint32_t target)
{
    mark_label(fs);
    for (uint32_t i = 0; i < list->count; i++)
        patch_jump(fs, list->sites[i], target);
    list->count = 0;
}

void jump_list_free(JumpList *list)
{
    free(list->sites);
    memset(list, 0, sizeof *list);
}

/* ---- The control stack ---- */

ControlEntry *control_push(FuncState *fs, ControlKind kind)
{
    ControlEntry *entry = arena_calloc(&fs->c->arena, sizeof *entry);
    if (!entry) {
        compile_error(fs->c, ERROR_KIND_RANGE, "Out of memory while compiling");
        static ControlEntry dummy;
        memset(&dummy, 0, sizeof dummy);
        return &dummy;
    }
    entry->kind = kind;
    entry->iterator_reg = NO_OPERAND;
    entry->outer = fs->control;
    fs->control = entry;
    return entry;
}

void control_pop(FuncState *fs, ControlEntry *entry)
{
    if (fs->control == entry)
        fs->control = entry->outer;
    jump_list_free(&entry->breaks);
    jump_list_free(&entry->continues);
    jump_list_free(&entry->to_finally);
    free(entry->exits);
    entry->exits = NULL;
}

/* ---- Registers ---- */

uint32_t reg_alloc(FuncState *fs)
{
    return reg_alloc_n(fs, 1);
}

uint32_t reg_alloc_n(FuncState *fs, uint32_t n)
{
    uint32_t first = fs->next_reg;
    if (first + n > MAX_OPERAND_INDEX) {
        compile_error(fs->c, ERROR_KIND_RANGE, "Function too large to compile (too many registers)");
        return 0;
    }
    fs->next_reg += n;
    if (fs->next_reg > fs->max_reg)
        fs->max_reg = fs->next_reg;
    return first;
}

void reg_free_to(FuncState *fs, uint32_t mark)
{
    if (mark < fs->next_reg)
        fs->next_reg = mark;
}

/* ---- Constants ---- */

static uint32_t value_hash(Value v)
{
    uint64_t x = v;
    x ^= x >> 31;
    x *= 0x9e3779b97f4a7c15ull;
    x ^= x >> 29;
    return (uint32_t)x;
}

static bool constant_index_grow(FuncState *fs)
{
    uint32_t capacity = fs->constant_index_capacity ? fs->constant_index_capacity * 2 : 32;
    uint32_t *index = calloc(capacity, sizeof *index);
    if (!index) {
        compile_error(fs->c, ERROR_KIND_RANGE, "Out of memory while compiling");
        return false;
    }
    for (uint32_t i = 0; i < fs->constant_count; i++) {
        uint32_t slot = value_hash(fs->constants[i]) & (capacity - 1);
        while (index[slot])
            slot = (slot + 1) & (capacity - 1);
        index[slot] = i + 1;
    }
    free(fs->constant_index);
    fs->constant_index = index;
    fs->constant_index_capacity = capacity;
    return true;
}

/* Arrays used as instruction data (templates, global declarations) are
 * never shared: each site has its own. */
static uint32_t const_append(FuncState *fs, Value value)
{
    if (fs->constant_count >= MAX_OPERAND_INDEX) {
        compile_error(fs->c, ERROR_KIND_RANGE, "Function too large to compile (too many constants)");
        return 0;
    }
    if (!grow_array(fs->c, (void **)&fs->constants, &fs->constant_capacity, fs->constant_count + 1,
                    sizeof *fs->constants))
        return 0;
    if (value_is_heap(value))
        gc_pin(fs->c->vm->heap, value_as_cell(value));
    fs->constants[fs->constant_count] = value;
    return fs->constant_count++;
}

uint32_t const_add(FuncState *fs, Value value)
{
    if (fs->c->failed)
        return 0;
    if (value_is_object(value))
        return const_append(fs, value);
    if ((fs->constant_count + 1) * 2 > fs->constant_index_capacity && !constant_index_grow(fs))
        return 0;
    uint32_t mask = fs->constant_index_capacity - 1;
    uint32_t slot = value_hash(value) & mask;
    for (; fs->constant_index[slot]; slot = (slot + 1) & mask)
        if (fs->constants[fs->constant_index[slot] - 1] == value)
            return fs->constant_index[slot] - 1;
    uint32_t index = const_append(fs, value);
    if (!fs->c->failed)
        fs->constant_index[slot] = index + 1;
    return index;
}

uint32_t const_number(FuncState *fs, double number)
{
    return const_add(fs, value_from_double(number));
}

static uint32_t const_atom(FuncState *fs, String *atom)
{
    if (!atom) {
        compile_vm_failed(fs->c);
        return 0;
    }
    return const_add(fs, value_from_string(atom));
}

uint32_t const_name(FuncState *fs, AstName name)
{
    if (fs->c->failed)
        return 0;
    String *s = string_from_utf8(fs->c->vm, name.chars, name.len);
    return const_atom(fs, s ? atom_intern(fs->c->vm, s) : NULL);
}

uint32_t const_string(FuncState *fs, AstString string)
{
    if (fs->c->failed)
        return 0;
    String *s = string_from_utf16(fs->c->vm, string.chars, string.len);
    return const_atom(fs, s ? atom_intern(fs->c->vm, s) : NULL);
}

uint32_t const_cstr(FuncState *fs, const char *cstr)
{
    if (fs->c->failed)
        return 0;
    return const_atom(fs, atom_from_cstr(fs->c->vm, cstr));
}

uint32_t const_function_code(FuncState *fs, FunctionCode *code)
{
    if (!code)
        return 0;
    return const_add(fs, value_from_cell(&code->header));
}

uint32_t cache_new(FuncState *fs)
{
    if (fs->cache_count >= MAX_OPERAND_INDEX)
        compile_error(fs->c, ERROR_KIND_RANGE, "Function too large to compile (too many property sites)");
    return fs->cache_count++;
}

/* ---- Function state ---- */

void func_state_init(FuncState *fs, Compiler *c, FuncState *parent, FunctionInfo *info)
{
    memset(fs, 0, sizeof *fs);
    fs->c = c;
    fs->parent = parent;
    fs->info = info;
    fs->scope = info ? info->scope : NULL;
    fs->completion_reg = NO_OPERAND;
    fs->label_pc = UINT32_MAX;
}

static void unpin_constants(FuncState *fs)
{
    for (uint32_t i = 0; i < fs->constant_count; i++)
        if (value_is_heap(fs->constants[i]))
            gc_unpin(fs->c->vm->heap, value_as_cell(fs->constants[i]));
    fs->constant_count = 0;
}

void func_state_free(FuncState *fs)
{
    unpin_constants(fs);
    free(fs->code);
    free(fs->constants);
    free(fs->constant_index);
    free(fs->lines);
    memset(fs, 0, sizeof *fs);
}

static String *function_name_atom(Compiler *c, AstName name)
{
    if (name.len == 0)
        return vm_atom(c->vm, ATOM_empty);
    String *s = string_from_utf8(c->vm, name.chars, name.len);
    return s ? atom_intern(c->vm, s) : NULL;
}

/* Moves the buffers of fs into a new FunctionCode. The caller adds the
 * result to its constants at once (it is not rooted otherwise). */
FunctionCode *func_state_finish(FuncState *fs, const Node *node, AstName name)
{
    Compiler *c = fs->c;
    if (c->failed)
        return NULL;
    VM *vm = c->vm;
    GC_SCOPE(vm->heap);
    String *name_atom = function_name_atom(c, name);
    GC_ROOT_CELL(vm->heap, name_atom);
    FunctionCode *code = name_atom ? function_code_new(vm) : NULL;
    InlineCache *caches = code ? calloc(fs->cache_count ? fs->cache_count : 1, sizeof *caches) : NULL;
    if (!code || !caches) {
        free(caches);
        if (code)
            compile_error(c, ERROR_KIND_RANGE, "Out of memory while compiling");
        else
            compile_vm_failed(c);
        GC_SCOPE_END(vm->heap);
        return NULL;
    }
    code->flags = fs->flags;
    code->register_count = fs->max_reg;
    code->code = fs->code;
    code->code_length = fs->code_length;
    code->constants = fs->constants;
    code->constant_count = fs->constant_count;
    code->caches = caches;
    code->cache_count = fs->cache_count;
    code->lines = fs->lines;
    code->line_count = fs->line_count;
    code->name = name_atom;
    code->source = c->source;
    code->source_start = node ? node->start : 0;
    code->source_end = node ? node->end : 0;
    code->env_slots = fs->info && fs->info->scope ? fs->info->scope->env_slots : 0;
    /* The code owns the arrays now; its constants are traced through it. */
    unpin_constants(fs);
    fs->code = NULL;
    fs->constants = NULL;
    fs->lines = NULL;
    GC_SCOPE_END(vm->heap);
    return code;
}

/* ---- Entry point ---- */

static void compiler_free(Compiler *c)
{
    if (c->source)
        gc_unpin(c->vm->heap, &c->source->header);
    ptr_map_free(&c->scopes);
    ptr_map_free(&c->functions);
    ptr_map_free(&c->tdz_reads);
    ptr_map_free(&c->hidden_vars);
    arena_free(&c->arena);
}

static FunctionCode *compile_tree(VM *vm, const struct Node *program, const char *source_text, uint32_t source_len,
                                  const char *source_name, const CompileOptions *options, ModuleRecord *module)
{
    Compiler c;
    memset(&c, 0, sizeof c);
    c.vm = vm;
    c.module = module;
    c.options = *options;
    c.source_chars = source_text;
    c.source_len = source_len;
    arena_init(&c.arena);
    function_code_init_type(vm);
    c.source = source_text_new(vm, source_name ? source_name : "", source_text ? source_text : "", source_len);
    if (!c.source) {
        compiler_free(&c);
        return NULL;
    }
    gc_pin(vm->heap, &c.source->header);
    c.source->module = (GCCell *)module;
    FunctionCode *code = NULL;
    Node *root = (Node *)program;
    if (scope_analyze(&c, root)) {
        FuncState fs;
        func_state_init(&fs, &c, NULL, function_info_of(&c, root));
        compile_script_body(&fs, root);
        code = func_state_finish(&fs, root, (AstName){ "", 0 });
        func_state_free(&fs);
    }
    if (c.failed && (int)c.error_kind != -1)
        vm_throw_error(vm, c.error_kind, "%s", c.error);
    bool failed = c.failed;
    compiler_free(&c);
    return failed ? NULL : code;
}

FunctionCode *compile_program_with(VM *vm, const struct Node *program, const char *source_text, uint32_t source_len,
                                   const char *source_name, const CompileOptions *options)
{
    return compile_tree(vm, program, source_text, source_len, source_name, options, NULL);
}

FunctionCode *compile_program(VM *vm, const struct Node *program, const char *source_text, uint32_t source_len,
                              const char *source_name)
{
    CompileOptions options = { 0 };
    return compile_tree(vm, program, source_text, source_len, source_name, &options, NULL);
}

/* A Module: as a program, and its entries go to module (compile_module.c). */
FunctionCode *compile_module_program(VM *vm, const struct Node *program, const char *source_text,
                                     uint32_t source_len, const char *source_name, ModuleRecord *module)
{
    CompileOptions options = { 0 };
    return compile_tree(vm, program, source_text, source_len, source_name, &options, module);
}
