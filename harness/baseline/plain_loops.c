/* psem-plain: the same loops as psem-bench's postwait and pingpong workloads, written as
 * plain C over glibc with nothing else around them. It is the yardstick psem-bench's own
 * figures are checked against (scripts/speed-check): if psem-bench adds cost of its own,
 * the ratio shows it.
 *
 *   psem-plain postwait PROCESSES OPS_PER_PROCESS   -> ns/op = wall / (PROCESSES * OPS)
 *   psem-plain pingpong ROUND_TRIPS                 -> ns per round trip
 *
 * Workers are forked, open the semaphore, report ready through a pipe, and start together
 * on one byte per worker from the parent; each times its own loop on CLOCK_MONOTONIC and
 * sends its start and end times back. Wall = latest end - earliest start, as in psem-bench.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <semaphore.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct times {
    uint64_t start, end;
};

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void die(const char* what) {
    fprintf(stderr, "psem-plain: %s: %s\n", what, strerror(errno));
    exit(1);
}

static void make_name(char* buf, size_t len, const char* role) {
    uint64_t r = 0;
    if (getrandom(&r, sizeof r, 0) != (ssize_t)sizeof r) die("getrandom");
    snprintf(buf, len, "/psem-bench.%d.%016llx.plain-%s", (int)getpid(), (unsigned long long)r, role);
}

static sem_t* create(const char* name) {
    sem_t* s = sem_open(name, O_CREAT | O_EXCL, 0600, 0);
    if (s == SEM_FAILED) die("sem_open");
    return s;
}

/* Worker body: fd_go delivers the start byte, fd_out takes the times. */
typedef void (*loop_fn)(int index, uint64_t ops, void* arg);

static void run_workers(int n, uint64_t ops, loop_fn loop, void* arg, const char** names, int nnames,
                        uint64_t total_ops) {
    int go[2], out[2];
    if (pipe(go) != 0 || pipe(out) != 0) die("pipe");
    pid_t* pids = calloc((size_t)n, sizeof *pids);
    for (int i = 0; i < n; ++i) {
        pids[i] = fork();
        if (pids[i] < 0) die("fork");
        if (pids[i] == 0) {
            char byte;
            if (read(go[0], &byte, 1) != 1) _exit(2);
            struct times t;
            t.start = now_ns();
            loop(i, ops, arg);
            t.end = now_ns();
            if (write(out[1], &t, sizeof t) != (ssize_t)sizeof t) _exit(3);
            _exit(0);
        }
    }
    /* Every child has the semaphores mapped (inherited): the names can go now. */
    for (int i = 0; i < nnames; ++i) sem_unlink(names[i]);
    for (int i = 0; i < n; ++i)
        if (write(go[1], "g", 1) != 1) die("write");
    uint64_t first = UINT64_MAX, last = 0;
    for (int i = 0; i < n; ++i) {
        struct times t;
        if (read(out[0], &t, sizeof t) != (ssize_t)sizeof t) die("read");
        if (t.start < first) first = t.start;
        if (t.end > last) last = t.end;
    }
    int failed = 0;
    for (int i = 0; i < n; ++i) {
        int st = 0;
        waitpid(pids[i], &st, 0);
        failed |= !(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    }
    free(pids);
    if (failed) {
        fprintf(stderr, "psem-plain: a worker failed\n");
        exit(1);
    }
    printf("%.3f\n", (double)(last - first) / (double)total_ops);
}

static sem_t* g_work;
static sem_t *g_ping, *g_pong;

static void postwait_loop(int index, uint64_t ops, void* arg) {
    (void)index;
    (void)arg;
    for (uint64_t i = 0; i < ops; ++i)
        if (sem_post(g_work) != 0 || sem_wait(g_work) != 0) _exit(4);
}

static void pingpong_loop(int index, uint64_t ops, void* arg) {
    (void)arg;
    for (uint64_t i = 0; i < ops; ++i) {
        if (index == 0) {
            if (sem_post(g_ping) != 0 || sem_wait(g_pong) != 0) _exit(4);
        } else {
            if (sem_wait(g_ping) != 0 || sem_post(g_pong) != 0) _exit(4);
        }
    }
}

int main(int argc, char** argv) {
    if (argc == 4 && strcmp(argv[1], "postwait") == 0) {
        const int procs = atoi(argv[2]);
        const uint64_t ops = strtoull(argv[3], NULL, 10);
        if (procs < 1 || ops < 1) goto usage;
        char name[96];
        make_name(name, sizeof name, "work");
        g_work = create(name);
        const char* names[] = {name};
        run_workers(procs, ops, postwait_loop, NULL, names, 1, (uint64_t)procs * ops);
        return 0;
    }
    if (argc == 3 && strcmp(argv[1], "pingpong") == 0) {
        const uint64_t ops = strtoull(argv[2], NULL, 10);
        if (ops < 1) goto usage;
        char ping[96], pong[96];
        make_name(ping, sizeof ping, "ping");
        make_name(pong, sizeof pong, "pong");
        g_ping = create(ping);
        g_pong = create(pong);
        const char* names[] = {ping, pong};
        run_workers(2, ops, pingpong_loop, NULL, names, 2, ops);
        return 0;
    }
usage:
    fprintf(stderr, "usage: psem-plain postwait PROCESSES OPS | psem-plain pingpong ROUND_TRIPS\n");
    return 2;
}
