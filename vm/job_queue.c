/*
 * The job queue (ES2025 9.5.5 HostEnqueuePromiseJob): a FIFO of jobs, each
 * a C function with a few Values, drained by vm_run_jobs after the script
 * (runtime/main.c, the test262 runner), as node drains its microtask queue.
 */
#include <stdlib.h>
#include <string.h>

#include "vm/function.h"
#include "vm/job_queue.h"

typedef struct Job {
    JobFunction function;
    uintptr_t data;
    Value values[JOB_VALUE_COUNT];
} Job;

struct JobQueue {
    Job *jobs;
    uint32_t head, count, capacity;   /* jobs[head .. count) are pending */
    Value *rejected;                  /* promises rejected with no handler yet */
    uint32_t rejected_count, rejected_capacity;
};

static struct JobQueue *queue_of(VM *vm)
{
    if (!vm->jobs)
        vm->jobs = calloc(1, sizeof *vm->jobs);
    return vm->jobs;
}

bool job_queue_enqueue(VM *vm, JobFunction function, uintptr_t data, const Value values[JOB_VALUE_COUNT])
{
    struct JobQueue *q = queue_of(vm);
    if (!q) {
        vm_throw_out_of_memory(vm);
        return false;
    }
    if (q->count == q->capacity) {
        if (q->head > 0) {   /* slide the pending jobs down first */
            memmove(q->jobs, q->jobs + q->head, (q->count - q->head) * sizeof(Job));
            q->count -= q->head;
            q->head = 0;
        }
        if (q->count == q->capacity) {
            uint32_t capacity = q->capacity ? q->capacity * 2 : 64;
            Job *jobs = realloc(q->jobs, capacity * sizeof(Job));
            if (!jobs) {
                vm_throw_out_of_memory(vm);
                return false;
            }
            q->jobs = jobs;
            q->capacity = capacity;
        }
    }
    Job *job = &q->jobs[q->count++];
    job->function = function;
    job->data = data;
    memcpy(job->values, values, sizeof job->values);
    return true;
}

bool job_queue_is_empty(VM *vm) { return !vm->jobs || vm->jobs->head == vm->jobs->count; }

void job_queue_mark(GCTracer *tracer, VM *vm)
{
    struct JobQueue *q = vm->jobs;
    if (!q)
        return;
    for (uint32_t i = q->head; i < q->count; i++)
        for (int k = 0; k < JOB_VALUE_COUNT; k++)
            gc_mark_value(tracer, q->jobs[i].values[k]);
    for (uint32_t i = 0; i < q->rejected_count; i++)
        gc_mark_value(tracer, q->rejected[i]);
}

bool job_queue_track_rejection(VM *vm, Value promise, bool handled)
{
    struct JobQueue *q = queue_of(vm);
    if (!q) {
        vm_throw_out_of_memory(vm);
        return false;
    }
    if (handled) {
        for (uint32_t i = 0; i < q->rejected_count; i++) {
            if (value_as_object(q->rejected[i]) == value_as_object(promise)) {
                memmove(&q->rejected[i], &q->rejected[i + 1], (q->rejected_count - i - 1) * sizeof(Value));
                q->rejected_count--;
                break;
            }
        }
        return true;
    }
    if (q->rejected_count == q->rejected_capacity) {
        uint32_t capacity = q->rejected_capacity ? q->rejected_capacity * 2 : 16;
        Value *grown = realloc(q->rejected, capacity * sizeof(Value));
        if (!grown) {
            vm_throw_out_of_memory(vm);
            return false;
        }
        q->rejected = grown;
        q->rejected_capacity = capacity;
    }
    q->rejected[q->rejected_count++] = promise;
    return true;
}

bool job_queue_take_rejection(VM *vm, Value *promise)
{
    struct JobQueue *q = vm->jobs;
    if (!q || !q->rejected_count)
        return false;
    *promise = q->rejected[0];
    memmove(&q->rejected[0], &q->rejected[1], (q->rejected_count - 1) * sizeof(Value));
    q->rejected_count--;
    return true;
}

void job_queue_free(VM *vm)
{
    if (vm->jobs) {
        free(vm->jobs->jobs);
        free(vm->jobs->rejected);
    }
    free(vm->jobs);
    vm->jobs = NULL;
}

/* Runs jobs until the queue is empty (ES2025 9.5: each job runs when no
 * other execution context is running). A job that throws stops the
 * draining with the exception pending: node reports it as uncaught. */
bool vm_run_jobs(VM *vm)
{
    Value values[JOB_VALUE_COUNT];
    GC_SCOPE(vm->heap);
    for (int k = 0; k < JOB_VALUE_COUNT; k++) {
        values[k] = VALUE_UNDEFINED;
        GC_ROOT(vm->heap, values[k]);
    }
    bool ok = true;
    while (!job_queue_is_empty(vm)) {
        struct JobQueue *q = vm->jobs;
        Job job = q->jobs[q->head++];
        if (q->head == q->count)
            q->head = q->count = 0;
        memcpy(values, job.values, sizeof values);
        if (!job.function(vm, values, job.data)) {
            ok = false;
            break;
        }
    }
    GC_SCOPE_END(vm->heap);
    return ok;
}
