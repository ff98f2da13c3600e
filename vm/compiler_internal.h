/*
 * The bytecode compiler's internals, shared by vm/compile*.c.
 *
 * Compiling a program is two passes over the AST:
 *
 *   1. Scope analysis (compile_scope.c) walks the whole tree once and
 *      decides where every variable lives: in a register of its function's
 *      frame, in a slot of an Environment when a nested function refers to
 *      it ("captured"), or in the global environment (script top level and
 *      unresolved names). It also notes which reads may happen before a
 *      let/const/class binding is initialized and so need CHECK_HOLE.
 *   2. Code generation (compile_expr.c, compile_stmt.c, compile_pattern.c,
 *      compile_function.c, compile_class.c) walks each function's body and
 *      emits instructions through the emitter of compile.c, which owns the
 *      per-function state: the code buffer with jump patching, the constant
 *      pool, registers and the line table.
 *
 * Errors (out of memory, limits, constructs not supported yet) do not
 * unwind: the first one is recorded in the Compiler and later emission goes
 * on harmlessly; compile_program throws it at the end. This keeps every
 * compile function free of error plumbing.
 */
#ifndef NODUS_VM_COMPILER_INTERNAL_H
#define NODUS_VM_COMPILER_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "lexer/arena.h"
#include "parser/ast.h"
#include "parser/scope.h"
#include "vm/bytecode.h"
#include "vm/module.h"

typedef struct Compiler Compiler;
typedef struct FuncState FuncState;
typedef struct ScopeInfo ScopeInfo;
typedef struct FunctionInfo FunctionInfo;
typedef struct VarInfo VarInfo;

/* The largest register or constant index an operand holds; 0xFFFF itself
 * means "none" in a few instructions (HAS_PRIVATE, CREATE_CLASS). */
enum { MAX_OPERAND_INDEX = 0xFFFE, NO_OPERAND = 0xFFFF };

/* ---- Pointer maps (compile.c) ---- */
typedef struct PtrMap {
    const void **keys;
    void **values;
    uint32_t count, capacity;   /* capacity: a power of two, or 0 */
} PtrMap;

void *ptr_map_get(const PtrMap *map, const void *key);
bool ptr_map_put(PtrMap *map, const void *key, void *value);   /* false: out of memory */
void ptr_map_free(PtrMap *map);

/* ---- Scope analysis results (compile_scope.c) ---- */

typedef enum VarLocation {
    VAR_NOWHERE,        /* not a binding (a var passing through a block) */
    VAR_REGISTER,       /* a register of the declaring function's frame */
    VAR_ENV,            /* a slot of its scope's Environment */
    VAR_GLOBAL,         /* a global binding: LOAD_GLOBAL / STORE_GLOBAL by name */
} VarLocation;

/* Bindings the parser does not declare. */
enum {
    VAR_KIND_ARGUMENTS = 100,   /* a function's arguments object */
    VAR_KIND_SELF_NAME,         /* a named function expression's own name */
    VAR_KIND_HIDDEN,            /* class internals: computed field keys, private methods */
    VAR_KIND_PRIVATE,           /* a private name #x declared by a class (name without '#') */
    VAR_KIND_EVAL_VARS,         /* a sloppy function's object of the vars its direct evals declare */
};

struct VarInfo {
    AstName name;
    uint8_t kind;               /* DeclKind or VAR_KIND_* above */
    uint8_t location;           /* VarLocation */
    bool captured;              /* referenced by a nested function */
    bool needs_tdz;             /* some read may come before its initialization */
    bool initialized;           /* analysis only: its initialization was walked */
    uint32_t index;             /* register or environment slot */
    ScopeInfo *scope;           /* where it is declared */
    VarInfo *next_extra;        /* the next synthetic binding of the same scope */
};

struct ScopeInfo {
    const Scope *scope;         /* the parser's declarations; NULL for a synthetic scope */
    ScopeInfo *parent;          /* lexically enclosing scope, across functions */
    FunctionInfo *function;     /* the function whose code runs in this scope */
    VarInfo *vars;              /* parallel to scope->decls */
    VarInfo *extra;             /* synthetic bindings (arguments, self name, hidden) */
    uint32_t env_slots;         /* size of its Environment; 0: it has none */
    bool is_var_scope;          /* function, script, module, static block: DECL_VAR binds here */
    bool is_switch;             /* a switch's scope: case order makes TDZ unknowable */
    bool sees_direct_eval;      /* a direct eval call is inside it: its bindings live in its Environment */
    bool is_eval_outer;         /* eval code: a scope of the caller, made from the eval scope
                                   descriptor (compile_eval_scope.c); its bindings are in extra */
    uint8_t eval_record_flags;  /* EVAL_RECORD_* of that descriptor record */
    ScopeInfo *next_all;        /* every ScopeInfo, for slot assignment */
};

struct FunctionInfo {
    Node *node;                 /* FUNCTION node, PROGRAM, CLASS_STATIC_BLOCK, or the class
                                   (instance fields) / CLASS_MEMBER (a static field) */
    FunctionInfo *parent;
    ScopeInfo *scope;           /* its var scope */
    bool is_arrow;              /* no own this/arguments */
    bool is_hoisted;            /* a function declaration: exists before its text runs */
    bool has_direct_eval;
    uint32_t enter_seq;         /* analysis: when the walk entered it */
    VarInfo *arguments_var;     /* the binding that receives the arguments object, or NULL */
    VarInfo *self_var;          /* the function expression's own name, when referenced */
    VarInfo *eval_vars;         /* sloppy, with a direct eval: VAR_KIND_EVAL_VARS of its var scope */
};

bool scope_analyze(Compiler *c, Node *program);

/* ---- Direct eval (compile_eval_scope.c) ---- */
enum {
    EVAL_RECORD_VAR_SCOPE = 1,             /* the record is a variable environment */
    EVAL_RECORD_IN_PARAMETERS = 2,         /* the eval is in the function's parameter list: its
                                              parameters and arguments are in a scope between
                                              (ES2025 10.2.11 step 20) */
    EVAL_RECORD_ARGUMENTS_OBJECT = 4,      /* with IN_PARAMETERS: a non-arrow function, whose
                                              arguments object is in that scope (step 18) */
};
enum { EVAL_CONTEXT_NEW_TARGET = 1 };      /* new.target is allowed in the eval code */
/* Environments between the current scope and target's (compile_var.c). */
uint32_t env_depth_of(const FuncState *fs, const ScopeInfo *target);
/* The eval-vars binding of scope (a function var scope, or a caller's
 * scope seen by eval code), or NULL. */
VarInfo *scope_eval_vars(const ScopeInfo *scope);
/* The eval scope descriptor of a direct eval call site: a constant index. */
uint32_t compile_eval_scope_constant(FuncState *fs, const Node *call);
/* The caller's scopes as synthetic ScopeInfos, innermost first (NULL when
 * there are none, or after an error). */
ScopeInfo *eval_outer_scopes(Compiler *c, Object *descriptor);
/* Calls visit on each direct child node of node (any kind, from ast.def);
 * stops and returns true as soon as visit does. */
bool ast_any_child(Node *node, bool (*visit)(void *data, Node *child), void *data);
ScopeInfo *scope_info_of(Compiler *c, const void *owner);
FunctionInfo *function_info_of(Compiler *c, const void *owner);
/* The binding name resolves to from scope, or NULL for a global lookup. */
VarInfo *scope_resolve(ScopeInfo *from, AstName name);
/* Does this read of an identifier need CHECK_HOLE? */
bool reference_needs_tdz_check(Compiler *c, const Node *identifier);
/* The binding a declaration's identifier declares in scope (or NULL). */
VarInfo *scope_declared_var(ScopeInfo *scope, AstName name);
/* The private name #name visible from scope, or NULL. */
VarInfo *scope_resolve_private(Compiler *c, ScopeInfo *from, AstName name);
/* The hidden binding of a class member (a computed instance field's key, a
 * private method's function), or NULL. */
VarInfo *class_member_hidden_var(Compiler *c, const Node *member);
/* The var binding a sloppy block function declaration is also assigned to
 * (Annex B.3.2.1), or NULL. */
VarInfo *annex_b_var(Compiler *c, const Node *function_declaration);

/* ---- The compiler and the per-function state (compile.c) ---- */

struct Compiler {
    VM *vm;
    Arena arena;                /* analysis records */
    PtrMap scopes;              /* scope owner node -> ScopeInfo */
    PtrMap functions;           /* function owner node -> FunctionInfo */
    PtrMap tdz_reads;           /* identifier node -> non-NULL: needs CHECK_HOLE */
    PtrMap hidden_vars;         /* class member node -> its hidden VarInfo; sloppy block
                                   function -> its Annex B var binding */
    ScopeInfo *all_scopes;
    /* The class scope whose own private names are out of sight while its
     * ClassHeritage is analyzed and compiled (ES2025 15.7.14 step 8.a: the
     * heritage sees the outer PrivateEnvironment), or NULL. */
    ScopeInfo *heritage_class_scope;
    uint32_t seq;               /* analysis walk clock */
    CompileOptions options;     /* eval code, dynamic functions */
    SourceText *source;         /* pinned while compiling */
    const char *source_chars;
    uint32_t source_len;
    struct ModuleRecord *module;   /* compiling a Module: where its entries go (else NULL) */
    VarInfo *module_default_var;   /* a Module's "*default*" binding (export default) */
    bool failed;
    ErrorKind error_kind;
    char error[256];
};

void compile_error(Compiler *c, ErrorKind kind, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void compile_error_at(Compiler *c, const Node *node, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

typedef struct JumpList {
    uint32_t *sites;            /* instruction starts of jumps to patch */
    uint32_t count, capacity;
} JumpList;

typedef enum ControlKind {
    CONTROL_BREAKABLE,          /* a loop, switch or labeled statement */
    CONTROL_ENV,                /* a pushed Environment: POP_ENV when jumping out */
    CONTROL_HANDLER,            /* a try region: POP_HANDLER when jumping out */
    CONTROL_FINALLY,            /* a try..finally region: jumps out run the finally */
} ControlKind;

typedef struct LabelSet {
    AstName name;
    struct LabelSet *next;
} LabelSet;

typedef struct FinallyExit {
    struct ControlEntry *target;   /* NULL: return */
    bool is_continue;
} FinallyExit;

typedef struct ControlEntry {
    ControlKind kind;
    struct ControlEntry *outer;
    /* CONTROL_BREAKABLE */
    LabelSet *labels;
    bool is_loop;               /* continue may target it */
    bool takes_plain_break;     /* loops and switch: an unlabeled break targets it */
    JumpList breaks, continues;
    uint32_t iterator_reg;      /* for-of, or the HANDLER of an array pattern: closed when
                                 * a jump leaves it; NO_OPERAND */
    bool is_async_iterator;     /* for await: closing calls return() and awaits it */
    /* CONTROL_FINALLY */
    uint32_t kind_reg, value_reg;
    JumpList to_finally;
    bool returns_through;       /* some return leaves through this finally */
    FinallyExit *exits;
    uint32_t exit_count, exit_capacity;
} ControlEntry;

/* Completion kinds of a finally block's kind register: 0 normal, 1 throw,
 * 2 return, 3 + i the i-th break/continue leaving through it. */
enum { COMPLETION_NORMAL, COMPLETION_THROW, COMPLETION_RETURN, COMPLETION_JUMP_BASE };

struct FuncState {
    Compiler *c;
    FuncState *parent;
    FunctionInfo *info;
    ScopeInfo *scope;           /* the scope of the code being compiled */
    uint32_t flags;             /* CODE_* */
    /* code */
    uint8_t *code;
    uint32_t code_length, code_capacity;
    uint32_t last_op_pc;        /* start of the last instruction emitted */
    uint32_t label_pc;          /* the latest jump target: no peephole looks back across it */
    /* constants, pinned until the FunctionCode owns them */
    Value *constants;
    uint32_t constant_count, constant_capacity;
    uint32_t *constant_index;   /* open addressing: constant index + 1 */
    uint32_t constant_index_capacity;
    uint32_t cache_count;
    /* line table */
    LineTableEntry *lines;
    uint32_t line_count, line_capacity;
    uint32_t position_line, position_column;   /* of the node being compiled */
    /* registers: r0.. formals, then locals and temporaries as a stack */
    uint32_t next_reg, max_reg;
    uint32_t completion_reg;    /* script completion value, or NO_OPERAND */
    ControlEntry *control;      /* innermost first */
    const LabelSet *pending_labels;   /* labels for the next loop statement */
    JumpList *optional_exits;   /* inside an optional chain: where ?. short-circuits to */
    /* inside a scope with using declarations: the register of its
     * DisposeCapability (vm/compile_using.c) */
    bool in_using_scope;
    uint32_t dispose_reg;
};

/* Emitting (compile.c) */
void emit(FuncState *fs, Opcode op, ...);
uint32_t emit_jump(FuncState *fs, Opcode op);          /* forward jump: returns its site */
void emit_jump_to(FuncState *fs, Opcode op, uint32_t target);   /* backward jump */
uint32_t emit_push_handler(FuncState *fs, uint32_t exception_reg);
void patch_jump(FuncState *fs, uint32_t site, uint32_t target);
void patch_jump_here(FuncState *fs, uint32_t site);
uint32_t code_here(const FuncState *fs);
void jump_list_add(FuncState *fs, JumpList *list, uint32_t site);
void jump_list_patch(FuncState *fs, JumpList *list, uint32_t target);
void jump_list_free(JumpList *list);
void set_position(FuncState *fs, const Node *node);
/* The last emitted opcode, or OP__COUNT when the last instruction is a jump
 * target (so peephole decisions never cross a label). */
Opcode last_opcode(const FuncState *fs);
void mark_label(FuncState *fs);
/* Can control reach the next instruction from the last one? (false after
 * RETURN, THROW, JUMP, unless a label intervened) */
bool code_falls_through(const FuncState *fs);
/* Marks the current pc as a jump target and returns it (loop heads). */
uint32_t label_here(FuncState *fs);

/* The control stack (compile.c): what jumps out of a region must undo */
ControlEntry *control_push(FuncState *fs, ControlKind kind);
void control_pop(FuncState *fs, ControlEntry *entry);
/* After a try..finally's finally code: goes on with the saved completion
 * (compile_stmt.c). */
void compile_finally_dispatch(FuncState *fs, ControlEntry *finally);

/* using declarations (compile_using.c) */
/* Whether a statement list declares using or await using bindings directly. */
bool stmt_list_has_using(const NodeList *list);
/* Compiles body(fs, context) as a scope whose resources are disposed on
 * every exit from it (ES2026 DisposeResources at the end of Block,
 * FunctionBody, ... evaluation); is_async: with await using declarations,
 * whose disposal Awaits. */
void compile_using_scope(FuncState *fs, bool is_async, void (*body)(FuncState *fs, void *context), void *context);
/* compile_stmt_list, wrapped in compile_using_scope when the list has
 * using declarations. */
void compile_stmt_list_disposing(FuncState *fs, const NodeList *list);
/* AddDisposableResource for the value in acc (acc unchanged). */
void compile_add_disposable(FuncState *fs, Node *decl);

/* Registers (compile.c) */
uint32_t reg_alloc(FuncState *fs);
uint32_t reg_alloc_n(FuncState *fs, uint32_t n);
void reg_free_to(FuncState *fs, uint32_t mark);

/* Constants (compile.c); 0 after an error */
uint32_t const_add(FuncState *fs, Value value);
uint32_t const_number(FuncState *fs, double number);
uint32_t const_name(FuncState *fs, AstName name);       /* an atom */
uint32_t const_string(FuncState *fs, AstString string); /* an atom */
uint32_t const_cstr(FuncState *fs, const char *cstr);   /* an atom */
uint32_t cache_new(FuncState *fs);

/* Compiles a function-like node into a FunctionCode and returns its
 * constant index in fs (compile_function.c). name: the function's name
 * (its id, or the name NamedEvaluation gives it; empty when none). */
uint32_t compile_function_constant(FuncState *fs, Node *function);
uint32_t compile_function_constant_named(FuncState *fs, Node *function, AstName name);
/* A name made in the compiler's arena ("get x", ...). */
AstName compile_name_concat(Compiler *c, const char *prefix, AstName name);
/* Makes a FunctionCode from a finished FuncState (compile.c); NULL on error. */
FunctionCode *func_state_finish(FuncState *fs, const Node *node, AstName name);
void func_state_init(FuncState *fs, Compiler *c, FuncState *parent, FunctionInfo *info);
void func_state_free(FuncState *fs);
/* Adds a finished nested FunctionCode to fs's constants. */
uint32_t const_function_code(FuncState *fs, FunctionCode *code);

/* Modules (compile_module.c): ParseModule's entries into c->module, and
 * the export declarations. */
void compile_module_entries(FuncState *fs, Node *program);
void compile_module_hoist_default(FuncState *fs, const NodeList *body);
void compile_export_default(FuncState *fs, Node *node);

/* Variables (compile_var.c) */
void compile_load_var(FuncState *fs, Node *identifier);
void compile_typeof_var(FuncState *fs, Node *identifier);
/* Stores acc into the binding identifier names. is_init: the declaration's
 * own initialization (ends TDZ, allowed for const). acc is preserved. */
void compile_store_var(FuncState *fs, Node *identifier, bool is_init);
void compile_store_binding(FuncState *fs, VarInfo *var, bool is_init, AstName name, bool check_hole);
void compile_load_binding(FuncState *fs, VarInfo *var, AstName name, bool check_hole);
void compile_delete_var(FuncState *fs, Node *identifier);
/* Entering and leaving a block-like scope: registers, Environment, TDZ
 * holes, hoisted function declarations. */
typedef struct ScopeEntry {
    ScopeInfo *saved_scope;     /* to restore */
    ScopeInfo *scope;           /* NULL: nothing was entered */
    ControlEntry *env;          /* the CONTROL_ENV entry when an Environment was pushed */
    uint32_t reg_mark;
} ScopeEntry;
/* owner: the node that owns the parser scope (block, loop, switch, catch,
 * class); nothing is entered when it has no scope of its own. */
void compile_enter_scope(FuncState *fs, const void *owner, ScopeEntry *entry);
void compile_leave_scope(FuncState *fs, ScopeEntry *entry);
/* Environment push/pop for an entered scope whose bindings are fresh per
 * loop iteration (for-in/of heads). */
void compile_push_scope_env(FuncState *fs, ScopeEntry *entry);
void compile_pop_scope_env(FuncState *fs, ScopeEntry *entry);
/* Allocates registers for the scope's non-captured bindings and sets
 * those that need it to the hole. */
void compile_place_registers(FuncState *fs, ScopeInfo *scope, bool include_vars);
void compile_hoist_functions(FuncState *fs, const NodeList *body);
bool scope_needs_env(const ScopeInfo *scope);

/* Expressions (compile_expr.c): the value ends in acc */
void compile_expr(FuncState *fs, Node *node);
/* For effect only: the value in acc afterwards is unspecified. */
void compile_effect(FuncState *fs, Node *node);
/* Compiles into a register: the variable's own register when node is a
 * local that nothing can change before use, else a new temporary. */
uint32_t compile_expr_to_reg(FuncState *fs, Node *node);
void compile_expr_into(FuncState *fs, Node *node, uint32_t reg);
/* As compile_expr_to_reg, when `later` is evaluated before the register is
 * used: a local's own register only if later cannot assign it. */
uint32_t compile_operand(FuncState *fs, Node *node, Node *later);
/* Jumps to the returned site when node is falsy (truthy when jump_if_true). */
void compile_condition(FuncState *fs, Node *node, bool jump_if_true, JumpList *jumps);
void compile_named_value(FuncState *fs, Node *value, AstName name);
void compile_call_args(FuncState *fs, const NodeList *args, uint32_t *first_reg, uint32_t *count, bool *spread);
bool expr_is_anonymous_function(const Node *node);
/* Could evaluating node assign a variable of this function? (NULL: no) */
bool expr_may_assign(Node *node);
void compile_property_key(FuncState *fs, Node *key, bool is_computed);
void compile_template_literal(FuncState *fs, Node *node);
void compile_tagged_template(FuncState *fs, Node *node);
void compile_yield(FuncState *fs, Node *node);
void compile_await(FuncState *fs);
/* AsyncIteratorClose for a normal completion (ES2025 7.4.13): calls
 * return() of the iterator in iterator_reg, if any, and awaits it. */
void compile_async_iterator_close(FuncState *fs, uint32_t iterator_reg);
void compile_resume(FuncState *fs, bool is_await);

/* Property access and calls (compile_call.c) */
void compile_member(FuncState *fs, Node *node);
void compile_call(FuncState *fs, Node *node);
void compile_new(FuncState *fs, Node *node);
void compile_optional_chain(FuncState *fs, Node *node);
void compile_optional_delete(FuncState *fs, Node *node);
/* Evaluates a member expression's object (and its key when computed) into
 * registers, as the first half of a get or a set. */
typedef struct MemberRef {
    uint32_t object;            /* register of the object (this for super) */
    uint32_t key;               /* register of a computed key or super key, or NO_OPERAND */
    uint32_t atom;              /* constant of a named key when key is NO_OPERAND */
    bool is_super;
    bool is_private;
    Node *private_name;
} MemberRef;
void compile_member_ref(FuncState *fs, Node *member, Node *later, MemberRef *ref);
void compile_member_ref_get(FuncState *fs, const MemberRef *ref);   /* acc = the value */
void compile_member_ref_set(FuncState *fs, const MemberRef *ref);   /* the value = acc; acc kept */

/* Statements (compile_stmt.c) */
void compile_stmt(FuncState *fs, Node *node);
void compile_stmt_list(FuncState *fs, const NodeList *list);
void compile_return(FuncState *fs);        /* returns acc, through finally blocks */
void compile_var_decl(FuncState *fs, Node *decl);

/* Patterns and assignment targets (compile_pattern.c) */
/* Binds or assigns acc to target: an identifier, member expression or
 * pattern. is_declaration: a binding (let/const/var/param) initialization. */
void compile_assign_target(FuncState *fs, Node *target, bool is_declaration);
void compile_assignment(FuncState *fs, Node *node);
void compile_update(FuncState *fs, Node *node);
void compile_update_value(FuncState *fs, Node *node, bool value_used);

/* Classes (compile_class.c) */
void compile_class(FuncState *fs, Node *node);
void compile_class_named(FuncState *fs, Node *node, AstName name);
/* #x in obj */
void compile_private_in(FuncState *fs, Node *private_name, Node *object);
/* acc = the Private Name #x (from its class scope's Environment) */
void compile_load_private_name(FuncState *fs, Node *private_name);

/* Functions (compile_function.c) */
/* FunctionDeclarationInstantiation (ES2025 10.2.11) for fs's function. */
void compile_function_prologue(FuncState *fs, Node *function);
void compile_function_epilogue(FuncState *fs);
void compile_var_scope_prologue(FuncState *fs, const NodeList *body);
uint32_t function_code_flags(const Node *function);
void compile_script_body(FuncState *fs, Node *program);

/* Disassembly helpers (disasm.c) */
void bytecode_dump_function(FILE *out, VM *vm, const FunctionCode *code, bool recurse);

#endif
