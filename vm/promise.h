/*
 * Promise objects and their abstract operations (ES2025 27.2.1, 27.2.2,
 * 27.2.4.7.1, 27.2.5.4.1): what the Promise built-ins (stdlib/es/promise.c),
 * await and async generators share.
 */
#ifndef NODUS_VM_PROMISE_H
#define NODUS_VM_PROMISE_H

#include "vm/function.h"

typedef enum PromiseState { PROMISE_PENDING, PROMISE_FULFILLED, PROMISE_REJECTED } PromiseState;

/* A PromiseCapability Record (27.2.1.1). The caller roots its three
 * values while it holds the record: PROMISE_ROOT_CAPABILITY. */
typedef struct PromiseCapability {
    Value promise, resolve, reject;
} PromiseCapability;

#define PROMISE_ROOT_CAPABILITY(heap, cap) \
    (gc_root_value((heap), &(cap).promise), gc_root_value((heap), &(cap).resolve), \
     gc_root_value((heap), &(cap).reject))

/* A reaction handler written in C: the abstract closures of Await, of
 * AsyncGeneratorAwaitReturn and of the async-from-sync iterator, which the
 * spec makes into functions nobody else can see. Returns the handler's
 * result (or VALUE_EXCEPTION: an abrupt completion). */
typedef Value (*PromiseInternalHandler)(VM *vm, Value data, Value argument, bool rejected);

/* IsPromise (27.2.1.6) */
bool promise_is(Value value);
PromiseState promise_state(Object *promise);
Value promise_result(Object *promise);
/* A pending promise with the given [[Prototype]]. NULL after throwing. */
Object *promise_new(VM *vm, Object *prototype) NODUS_MUST_CHECK;

/* CreateResolvingFunctions (27.2.1.3) into out[0] (resolve), out[1]
 * (reject), which must be rooted. false after throwing. */
bool promise_create_resolving_functions(VM *vm, Object *promise, Value out[2]) NODUS_MUST_CHECK;
/* NewPromiseCapability (27.2.1.5); cap must be rooted. */
bool promise_new_capability(VM *vm, Value constructor, PromiseCapability *cap) NODUS_MUST_CHECK;
/* PromiseResolve (27.2.4.7.1) */
Value promise_resolve(VM *vm, Value constructor, Value x);
/* The steps of a promise resolve function (27.2.1.3.2) and of reject
 * (27.2.1.3.1) on a promise whose resolving functions nobody holds. */
bool promise_resolve_with(VM *vm, Object *promise, Value resolution) NODUS_MUST_CHECK;
bool promise_reject_with(VM *vm, Object *promise, Value reason) NODUS_MUST_CHECK;
/* PerformPromiseThen (27.2.5.4.1); cap NULL: no result capability. */
bool promise_perform_then(VM *vm, Object *promise, Value on_fulfilled, Value on_rejected,
                          const PromiseCapability *cap) NODUS_MUST_CHECK;
/* PerformPromiseThen with a C handler for both outcomes. */
bool promise_then_internal(VM *vm, Object *promise, PromiseInternalHandler handler, Value data,
                           const PromiseCapability *cap) NODUS_MUST_CHECK;
/* Calls cap's resolve or reject with value: false after throwing. */
bool promise_capability_settle(VM *vm, const PromiseCapability *cap, bool reject, Value value) NODUS_MUST_CHECK;
/* IfAbruptRejectPromise (27.2.1.1.1) for the pending exception: rejects
 * cap's promise with it and returns the promise (or VALUE_EXCEPTION). */
Value promise_reject_pending_exception(VM *vm, const PromiseCapability *cap);

/* HostPromiseRejectionTracker (27.2.1.9): promises rejected with no
 * handler, for the host to report after the job queue drains. The first
 * unhandled one left: true and *reason set. */
bool promise_take_unhandled_rejection(VM *vm, Value *reason);

#endif
