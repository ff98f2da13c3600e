/*
 * The job queue (ES2025 9.5 Jobs and Host Operations to Enqueue Jobs):
 * promise reaction jobs and promise resolve thenable jobs, run in FIFO
 * order by the host (vm_run_jobs) when the script or the current job is
 * done. The queue is a GC root: a job's values stay alive until it runs.
 */
#ifndef NODUS_VM_JOB_QUEUE_H
#define NODUS_VM_JOB_QUEUE_H

#include "vm/vm.h"

enum { JOB_VALUE_COUNT = 6 };

/* A job's code: runs with the job's values (rooted by the caller) and
 * returns false after throwing. */
typedef bool (*JobFunction)(VM *vm, Value *values, uintptr_t data);

/* HostEnqueuePromiseJob: appends a job (values[0 .. JOB_VALUE_COUNT) are
 * copied; absent ones may be undefined). false after throwing (out of
 * memory). */
bool job_queue_enqueue(VM *vm, JobFunction function, uintptr_t data, const Value values[JOB_VALUE_COUNT]) NODUS_MUST_CHECK;
bool job_queue_is_empty(VM *vm);
/* HostPromiseRejectionTracker's list (ES2025 27.2.1.9): a promise rejected
 * without a handler is added ("reject"), removed when one is added later
 * ("handle"). false after throwing (out of memory). */
bool job_queue_track_rejection(VM *vm, Value promise, bool handled) NODUS_MUST_CHECK;
/* Takes the oldest promise of that list: false when it is empty. */
bool job_queue_take_rejection(VM *vm, Value *promise);
/* Marks every queued job's values (the VM's root callback). */
void job_queue_mark(GCTracer *tracer, VM *vm);
void job_queue_free(VM *vm);

#endif
