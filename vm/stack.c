/*
 * The interpreter's stacks: the register stack, the frames and the
 * exception handlers (layout in vm/interp_internal.h), their GC roots, and
 * the recursion limits that turn runaway recursion into a catchable
 * RangeError "Maximum call stack size exceeded" instead of a crash.
 */
#include <stdlib.h>
#include <sys/mman.h>

#include "vm/interp_internal.h"

/* Reserves size bytes of zero pages that cost nothing until touched. */
static void *reserve(size_t size)
{
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

bool interp_init(VM *vm)
{
    Interpreter *in = calloc(1, sizeof *in);
    if (!in)
        return false;
    vm->interp = in;
    in->stack_base = reserve(REGISTER_STACK_VALUES * sizeof(Value));
    in->frames = reserve(FRAME_LIMIT * sizeof(Frame));
    if (!in->stack_base || !in->frames)
        return false;
    in->stack_end = in->stack_base + REGISTER_STACK_VALUES;
    in->stack_top = in->stack_base;
    in->thrown = VALUE_UNDEFINED;
    /* The C stack limit is measured from here, where the VM is made: every
     * later call into the VM runs on this thread, deeper than this. */
    in->c_stack_limit = (uintptr_t)__builtin_frame_address(0) - C_STACK_BUDGET;
    function_register_types(vm->heap);
    return true;
}

void interp_free(VM *vm)
{
    Interpreter *in = vm->interp;
    if (!in)
        return;
    if (in->stack_base)
        munmap(in->stack_base, REGISTER_STACK_VALUES * sizeof(Value));
    if (in->frames)
        munmap(in->frames, FRAME_LIMIT * sizeof(Frame));
    free(in->handlers);
    free(in);
    vm->interp = NULL;
}

static void mark_realm(GCTracer *tracer, const Realm *realm)
{
    if (!realm)
        return;
    for (int i = 0; i < INTRINSIC__COUNT; i++)
        gc_mark_cell(tracer, (GCCell *)realm->intrinsics[i]);
    gc_mark_cell(tracer, (GCCell *)realm->global_object);
    gc_mark_cell(tracer, (GCCell *)realm->global_lexicals);
}

void interp_mark_roots(GCTracer *tracer, VM *vm)
{
    Interpreter *in = vm->interp;
    mark_realm(tracer, vm->realm);
    if (!in)
        return;
    for (Value *v = in->stack_base; v < in->stack_top; v++)
        gc_mark_value(tracer, *v);
    for (uint32_t i = 0; i < in->frame_count; i++) {
        const Frame *f = &in->frames[i];
        gc_mark_cell(tracer, (GCCell *)f->callee);
        gc_mark_cell(tracer, (GCCell *)f->code);
        gc_mark_cell(tracer, (GCCell *)f->env);
        gc_mark_cell(tracer, (GCCell *)f->generator);
        gc_mark_value(tracer, f->this_value);
        gc_mark_value(tracer, f->new_target);
    }
    gc_mark_value(tracer, in->thrown);
    gc_mark_cell(tracer, (GCCell *)in->throw_code);
    for (uint32_t i = 0; i < in->handler_count; i++)
        gc_mark_cell(tracer, (GCCell *)in->handlers[i].env);
}

Value interp_throw_stack_overflow(VM *vm)
{
    return vm_throw_range_error(vm, "Maximum call stack size exceeded");
}

bool interp_check_c_stack(VM *vm)
{
    /* The frame address, not a local's: AddressSanitizer may move locals off the stack. */
    if ((uintptr_t)__builtin_frame_address(0) >= vm->interp->c_stack_limit)
        return true;
    interp_throw_stack_overflow(vm);
    return false;
}

/* A new frame of count values above the stack top (values not filled in);
 * NULL after throwing RangeError. */
static Frame *reserve_frame(VM *vm, FunctionCode *code, uint32_t count, uint32_t argc)
{
    Interpreter *in = vm->interp;
    Value *registers = in->stack_top;
    if (in->frame_count >= FRAME_LIMIT || (size_t)(in->stack_end - registers) < count) {
        interp_throw_stack_overflow(vm);
        return NULL;
    }
    Frame *frame = &in->frames[in->frame_count++];
    *frame = (Frame){
        .code = code,
        .pc = code->code,
        .registers = registers,
        .top = registers + count,
        .this_value = VALUE_UNDEFINED,
        .new_target = VALUE_UNDEFINED,
        .argc = argc,
        .handler_base = in->handler_count,
    };
    return frame;
}

Frame *interp_push_frame(VM *vm, FunctionCode *code, uint32_t argc, const Value *argv)
{
    uint32_t formals = code->formal_count;
    uint32_t extra = argc > formals ? argc - formals : 0;
    Frame *frame = reserve_frame(vm, code, code->register_count + extra, argc);
    if (!frame)
        return NULL;
    Value *registers = frame->registers;
    uint32_t passed = argc < formals ? argc : formals;
    uint32_t i = 0;
    for (; i < passed; i++)
        registers[i] = argv[i];
    for (; i < code->register_count; i++)
        registers[i] = VALUE_UNDEFINED;
    for (uint32_t j = 0; j < extra; j++)
        registers[code->register_count + j] = argv[formals + j];
    vm->interp->stack_top = frame->top;   /* after filling: argv may lie above the old top */
    return frame;
}

Frame *interp_push_saved_frame(VM *vm, FunctionCode *code, const Value *values, uint32_t count, uint32_t argc)
{
    Frame *frame = reserve_frame(vm, code, count, argc);
    if (!frame)
        return NULL;
    for (uint32_t i = 0; i < count; i++)
        frame->registers[i] = values[i];
    vm->interp->stack_top = frame->top;
    return frame;
}

void interp_pop_frame(VM *vm)
{
    Interpreter *in = vm->interp;
    Frame *frame = &in->frames[--in->frame_count];
    in->handler_count = frame->handler_base;
    in->stack_top = frame->registers;
}

bool interp_push_handler(VM *vm, uint32_t target, uint16_t exception_register, Environment *env)
{
    Interpreter *in = vm->interp;
    if (in->handler_count == in->handler_capacity) {
        uint32_t capacity = in->handler_capacity ? in->handler_capacity * 2 : 64;
        Handler *grown = realloc(in->handlers, capacity * sizeof *grown);
        if (!grown) {
            vm_throw_out_of_memory(vm);
            return false;
        }
        in->handlers = grown;
        in->handler_capacity = capacity;
    }
    in->handlers[in->handler_count++] = (Handler){ target, exception_register, env };
    return true;
}
