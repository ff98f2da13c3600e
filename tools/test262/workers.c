/*
 * The worker pool (see workers.h for the design).
 */
#include "tools/test262/workers.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Parent to worker: judge this test from this variant slot on. */
typedef struct Request {
    uint32_t test;
    uint32_t first_slot;
} Request;

typedef enum RecordType { RECORD_HEADER, RECORD_RESULT } RecordType;

/* Worker to parent. A result record is followed by message_length bytes. */
typedef struct Record {
    uint32_t test;
    uint8_t type;                    /* RecordType */
    uint8_t kind;                    /* header: TestKind */
    uint8_t variant_count;           /* header */
    uint8_t variants[MAX_VARIANTS];  /* header: Variant each */
    uint8_t slot;                    /* result: index into variants */
    uint8_t outcome;                 /* result: Outcome */
    uint16_t message_length;         /* result */
} Record;

enum { READ_BUFFER_SIZE = 16384 };

typedef struct Worker {
    pid_t pid;
    int request_fd;           /* parent writes Requests here */
    int result_fd;            /* and reads Records here */
    bool busy;
    uint32_t test;            /* while busy: the test it is judging */
    int slot;                 /* while busy: the variant slot it is on */
    double deadline;          /* while busy: when to kill it */
    bool has_queued;          /* a second request is already in its pipe, */
    Request queued;           /* so that it never waits for the parent */
    size_t buffered;
    char buffer[READ_BUFFER_SIZE];
} Worker;

typedef struct Pool {
    const RunConfig *config;
    const PoolOptions *options;
    TestResult *results;
    size_t count;
    size_t next_test;         /* the next test never handed out */
    Request *retries;         /* tests to resume after a crash or timeout */
    size_t retry_count;
    size_t finished;          /* tests with every variant judged */
    Worker *workers;
    int worker_count;
} Pool;

static void out_of_memory(void)
{
    fprintf(stderr, "test262: out of memory\n");
    exit(2);
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static bool write_all(int fd, const void *data, size_t size)
{
    const char *bytes = data;
    while (size > 0) {
        ssize_t wrote = write(fd, bytes, size);
        if (wrote < 0 && errno == EINTR)
            continue;
        if (wrote <= 0)
            return false;
        bytes += wrote;
        size -= (size_t)wrote;
    }
    return true;
}

/* Returns false at end of file or on error. */
static bool read_all(int fd, void *data, size_t size)
{
    char *bytes = data;
    while (size > 0) {
        ssize_t got = read(fd, bytes, size);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return false;
        bytes += got;
        size -= (size_t)got;
    }
    return true;
}

/* ---- the worker process ---- */

typedef struct PipeReporter {
    int fd;
    uint32_t test;
} PipeReporter;

static void send_header(void *context, TestKind kind, int variant_count, const Variant *variants)
{
    PipeReporter *pipe_reporter = context;
    Record record = {.test = pipe_reporter->test, .type = RECORD_HEADER, .kind = (uint8_t)kind,
                     .variant_count = (uint8_t)variant_count};
    for (int i = 0; i < variant_count; i++)
        record.variants[i] = (uint8_t)variants[i];
    if (!write_all(pipe_reporter->fd, &record, sizeof record))
        _exit(3);   /* the parent is gone */
}

static void send_result(void *context, int slot, Outcome outcome, const char *message)
{
    PipeReporter *pipe_reporter = context;
    size_t length = message ? strnlen(message, MESSAGE_SIZE) : 0;
    char packet[sizeof(Record) + MESSAGE_SIZE];
    Record record = {.test = pipe_reporter->test, .type = RECORD_RESULT, .slot = (uint8_t)slot,
                     .outcome = (uint8_t)outcome, .message_length = (uint16_t)length};
    memcpy(packet, &record, sizeof record);
    if (length > 0)
        memcpy(packet + sizeof record, message, length);
    if (!write_all(pipe_reporter->fd, packet, sizeof record + length))
        _exit(3);
}

static _Noreturn void worker_main(const Pool *pool, int request_fd, int result_fd)
{
    signal(SIGPIPE, SIG_DFL);
    PipeReporter pipe_reporter = {.fd = result_fd};
    TestReporter reporter = {send_header, send_result, &pipe_reporter};
    Request request;
    while (read_all(request_fd, &request, sizeof request)) {
        pipe_reporter.test = request.test;
        run_test_file(pool->config, pool->results[request.test].path, (int)request.first_slot, &reporter);
    }
    /* _exit: stdio buffers and atexit handlers belong to the parent. */
    _exit(0);
}

/* ---- starting and stopping workers ---- */

static void spawn_worker(Pool *pool, int index)
{
    Worker *worker = &pool->workers[index];
    int request_pipe[2], result_pipe[2];
    if (pipe(request_pipe) != 0 || pipe(result_pipe) != 0) {
        perror("test262: pipe");
        exit(2);
    }
    fflush(NULL);   /* or the child would inherit, and maybe repeat, pending output */
    pid_t pid = fork();
    if (pid < 0) {
        perror("test262: fork");
        exit(2);
    }
    if (pid == 0) {
        /* Other workers' pipe ends must close here, or their deaths would go unseen. */
        for (int i = 0; i < pool->worker_count; i++) {
            if (i != index && pool->workers[i].pid > 0) {
                close(pool->workers[i].request_fd);
                close(pool->workers[i].result_fd);
            }
        }
        close(request_pipe[1]);
        close(result_pipe[0]);
        worker_main(pool, request_pipe[0], result_pipe[1]);
    }
    close(request_pipe[0]);
    close(result_pipe[1]);
    *worker = (Worker){.pid = pid, .request_fd = request_pipe[1], .result_fd = result_pipe[0]};
}

/* Closes a worker's pipes and reaps it. Returns its wait status. */
static int reap_worker(Worker *worker)
{
    close(worker->request_fd);
    close(worker->result_fd);
    int status = 0;
    while (waitpid(worker->pid, &status, 0) < 0 && errno == EINTR) {
    }
    worker->pid = -1;
    return status;
}

static void describe_death(int status, char *message, size_t size)
{
    if (WIFSIGNALED(status))
        snprintf(message, size, "worker killed by signal %d (%s)", WTERMSIG(status), strsignal(WTERMSIG(status)));
    else
        snprintf(message, size, "worker exited with status %d", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

/* ---- bookkeeping ---- */

static void push_retry(Pool *pool, uint32_t test, int first_slot)
{
    Request *retries = realloc(pool->retries, (pool->retry_count + 1) * sizeof *retries);
    if (!retries)
        out_of_memory();
    pool->retries = retries;
    pool->retries[pool->retry_count++] = (Request){test, (uint32_t)first_slot};
}

static void set_variant_result(TestResult *result, int slot, Outcome outcome, const char *message, size_t length)
{
    VariantResult *variant = &result->variants[slot];
    variant->outcome = outcome;
    free(variant->message);
    variant->message = NULL;
    if (length > 0) {
        variant->message = strndup(message, length);
        if (!variant->message)
            out_of_memory();
    }
}

/* The worker is now judging request (it reads its pipe in order). */
static void start_request(Pool *pool, Worker *worker, const Request *request)
{
    worker->busy = true;
    worker->test = request->test;
    worker->slot = (int)request->first_slot;
    worker->deadline = now_seconds() + pool->options->timeout_seconds;
}

static void test_finished(Pool *pool, Worker *worker)
{
    worker->busy = false;
    if (worker->has_queued) {
        start_request(pool, worker, &worker->queued);
        worker->has_queued = false;
    }
    pool->finished++;
    if (pool->options->show_progress && (pool->finished % 500 == 0 || pool->finished == pool->count))
        fprintf(stderr, "\r%zu/%zu tests", pool->finished, pool->count);
}

/*
 * The busy worker died or was killed: its current variant gets outcome, and
 * the variants after it go to a fresh worker.
 */
static void abandon_test(Pool *pool, Worker *worker, Outcome outcome, const char *message)
{
    TestResult *result = &pool->results[worker->test];
    if (worker->has_queued) {
        /* Never started: hand it to another worker. */
        push_retry(pool, worker->queued.test, (int)worker->queued.first_slot);
        worker->has_queued = false;
    }
    if (result->variant_count == 0) {
        /* Died before even reading the frontmatter: record one variant. */
        result->variant_count = 1;
        result->variants[0].variant = VARIANT_SLOPPY;
    }
    set_variant_result(result, worker->slot, outcome, message, strlen(message));
    if (worker->slot + 1 < result->variant_count) {
        push_retry(pool, worker->test, worker->slot + 1);
        worker->busy = false;
    } else {
        test_finished(pool, worker);
    }
}

static void handle_record(Pool *pool, Worker *worker, const Record *record, const char *message)
{
    TestResult *result = &pool->results[record->test];
    if (record->type == RECORD_HEADER) {
        result->kind = (TestKind)record->kind;
        result->variant_count = record->variant_count;
        for (int i = 0; i < record->variant_count; i++)
            result->variants[i].variant = (Variant)record->variants[i];
        return;
    }
    set_variant_result(result, record->slot, (Outcome)record->outcome, message, record->message_length);
    worker->slot = record->slot + 1;
    worker->deadline = now_seconds() + pool->options->timeout_seconds;
    if (worker->slot >= result->variant_count)
        test_finished(pool, worker);
}

/*
 * Whether a record is one this worker could have sent: the parent indexes
 * arrays with its fields, so a garbled stream (something in the worker
 * writing to the wrong descriptor) must not be trusted.
 */
static bool record_is_valid(const Pool *pool, const Worker *worker, const Record *record)
{
    if (!worker->busy || record->test != worker->test)
        return false;
    if (record->type == RECORD_HEADER)
        return record->variant_count >= 1 && record->variant_count <= MAX_VARIANTS &&
               record->kind < TEST_KIND__COUNT;
    const TestResult *result = &pool->results[record->test];
    return record->type == RECORD_RESULT && record->slot < result->variant_count &&
           record->outcome < OUTCOME__COUNT && record->message_length <= MESSAGE_SIZE;
}

/* Handles every complete record in the worker's buffer. False on a garbled record. */
static bool drain_buffer(Pool *pool, Worker *worker)
{
    size_t at = 0;
    bool valid = true;
    while (worker->buffered - at >= sizeof(Record)) {
        Record record;
        memcpy(&record, worker->buffer + at, sizeof record);
        if (!(valid = record_is_valid(pool, worker, &record)))
            break;
        size_t size = sizeof record + (record.type == RECORD_RESULT ? record.message_length : 0);
        if (worker->buffered - at < size)
            break;
        handle_record(pool, worker, &record, worker->buffer + at + sizeof record);
        at += size;
    }
    memmove(worker->buffer, worker->buffer + at, worker->buffered - at);
    worker->buffered -= at;
    return valid;
}

/* ---- the parent's loop ---- */

/* Takes the next task: a retry first, else the next test. False when none is left. */
static bool next_request(Pool *pool, Request *request)
{
    if (pool->retry_count > 0) {
        *request = pool->retries[--pool->retry_count];
        return true;
    }
    if (pool->next_test < pool->count) {
        *request = (Request){(uint32_t)pool->next_test++, 0};
        return true;
    }
    return false;
}

/* Sends request to the worker. False if it cannot (the worker is dead; polling will notice). */
static bool assign(Pool *pool, Worker *worker, const Request *request)
{
    if (!write_all(worker->request_fd, request, sizeof *request)) {
        push_retry(pool, request->test, (int)request->first_slot);
        return false;
    }
    if (!worker->busy) {
        start_request(pool, worker, request);
    } else {
        worker->queued = *request;
        worker->has_queued = true;
    }
    return true;
}

static void assign_idle_workers(Pool *pool)
{
    for (int i = 0; i < pool->worker_count; i++) {
        Worker *worker = &pool->workers[i];
        Request request;
        while (!(worker->busy && worker->has_queued) && next_request(pool, &request)) {
            if (!assign(pool, worker, &request))
                break;
        }
    }
}

/* The busy worker is gone or unusable: record why, and start a fresh one. */
static void replace_worker(Pool *pool, int index, const char *message)
{
    Worker *worker = &pool->workers[index];
    if (worker->busy)
        abandon_test(pool, worker, OUTCOME_CRASH, message);
    spawn_worker(pool, index);
}

/* Reads what the worker sent. At end of file the worker is dead: replace it. */
static void read_from_worker(Pool *pool, int index)
{
    Worker *worker = &pool->workers[index];
    char message[MESSAGE_SIZE];
    ssize_t got = read(worker->result_fd, worker->buffer + worker->buffered, READ_BUFFER_SIZE - worker->buffered);
    if (got < 0 && errno == EINTR)
        return;
    if (got > 0) {
        worker->buffered += (size_t)got;
        if (drain_buffer(pool, worker))
            return;
        kill(worker->pid, SIGKILL);
        reap_worker(worker);
        replace_worker(pool, index, "garbled output from the worker (something wrote to its result pipe)");
        return;
    }
    describe_death(reap_worker(worker), message, sizeof message);
    replace_worker(pool, index, message);
}

static void kill_overdue_workers(Pool *pool)
{
    double now = now_seconds();
    for (int i = 0; i < pool->worker_count; i++) {
        Worker *worker = &pool->workers[i];
        if (!worker->busy || now < worker->deadline)
            continue;
        kill(worker->pid, SIGKILL);
        reap_worker(worker);
        char message[MESSAGE_SIZE];
        snprintf(message, sizeof message, "no result within %u s (--timeout)", pool->options->timeout_seconds);
        abandon_test(pool, worker, OUTCOME_TIMEOUT, message);
        spawn_worker(pool, i);
    }
}

/* Milliseconds until the earliest deadline of a busy worker. */
static int poll_timeout(const Pool *pool)
{
    double earliest = -1, now = now_seconds();
    for (int i = 0; i < pool->worker_count; i++) {
        const Worker *worker = &pool->workers[i];
        if (worker->busy && (earliest < 0 || worker->deadline < earliest))
            earliest = worker->deadline;
    }
    if (earliest < 0)
        return -1;
    double wait_ms = (earliest - now) * 1000.0 + 1;
    return wait_ms < 0 ? 0 : (int)wait_ms;
}

static void wait_for_workers(Pool *pool, struct pollfd *fds)
{
    for (int i = 0; i < pool->worker_count; i++)
        fds[i] = (struct pollfd){.fd = pool->workers[i].result_fd, .events = POLLIN};
    int ready = poll(fds, (nfds_t)pool->worker_count, poll_timeout(pool));
    if (ready < 0 && errno != EINTR) {
        perror("test262: poll");
        exit(2);
    }
    for (int i = 0; ready > 0 && i < pool->worker_count; i++) {
        if (fds[i].revents & (POLLIN | POLLHUP | POLLERR))
            read_from_worker(pool, i);
    }
    kill_overdue_workers(pool);
}

int pool_run(const RunConfig *config, const PoolOptions *options, TestResult *results, size_t count)
{
    Pool pool = {.config = config, .options = options, .results = results, .count = count};
    pool.worker_count = options->jobs < 1 ? 1 : options->jobs;
    if ((size_t)pool.worker_count > count)
        pool.worker_count = count > 0 ? (int)count : 1;
    pool.workers = calloc((size_t)pool.worker_count, sizeof *pool.workers);
    struct pollfd *fds = calloc((size_t)pool.worker_count, sizeof *fds);
    if (!pool.workers || !fds)
        out_of_memory();
    /* A worker that dies makes writes to its pipe fail; that must not kill us. */
    signal(SIGPIPE, SIG_IGN);
    for (int i = 0; i < pool.worker_count; i++)
        pool.workers[i].pid = -1;
    for (int i = 0; i < pool.worker_count; i++)
        spawn_worker(&pool, i);
    while (pool.finished < count) {
        assign_idle_workers(&pool);
        wait_for_workers(&pool, fds);
    }
    if (options->show_progress)
        fputc('\n', stderr);
    for (int i = 0; i < pool.worker_count; i++)
        reap_worker(&pool.workers[i]);   /* closing its requests pipe ends it */
    free(fds);
    free(pool.workers);
    free(pool.retries);
    return pool.worker_count;
}
