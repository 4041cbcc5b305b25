// workloads/common.hpp - what the workload loops share: the two backends (psem and raw
// glibc, so the wrapper's cost can be calibrated), the phase meter, and the loop driver
// that runs a fixed op count or a duration without reading the clock per op.
#pragma once

#include "measure/busy_work.hpp"
#include "measure/clock.hpp"
#include "workloads/workload.hpp"

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/sem.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <ctime>
#include <string>

namespace psem::bench::detail {

/// The busy-work loop's iteration count per op: the scenario's fixed count, else its
/// critical_section_ns at the rate calibrated in this process (0: no busy work). Call it
/// before the start barrier, never inside a timed loop.
[[nodiscard]] inline std::uint64_t spin_count(const scenario& sc) noexcept {
    if (sc.critical_section_iterations != 0) return sc.critical_section_iterations;
    return sc.critical_section_ns != 0 ? busy_iterations_for(sc.critical_section_ns) : 0;
}

/// The psem wrapper, as a user of the library would call it. The wait policy is the
/// handle's (set once before the start barrier), so the loop is the same for all three.
struct psem_backend {
    psem::semaphore* sem;
    static psem_backend make(const worker_env& env, std::size_t i) { return {&env.sems[i]}; }
    [[nodiscard]] bool post() const noexcept { return !sem->post(); }
    [[nodiscard]] bool wait() const noexcept { return !sem->wait(); }
};

/// glibc directly on a sem_t: the named one (`raw`, the calibration twin) or the
/// process-shared unnamed one in the control block (`unnamed`).
struct raw_backend {
    sem_t* sem;
    static raw_backend make(const worker_env& env, std::size_t i) { return {env.sems[i].native_handle()}; }
    [[nodiscard]] bool post() const noexcept { return ::sem_post(sem) == 0; }
    [[nodiscard]] bool wait() const noexcept { return ::sem_wait(sem) == 0; }
};
struct unnamed_backend : raw_backend {
    static unnamed_backend make(const worker_env& env, std::size_t i) {
        return {{&env.control->primitives[i].unnamed}};
    }
};

/// A SysV semaphore set: one semop per post or wait (no SEM_UNDO: a unit outlives its poster).
struct sysv_backend {
    int id;
    unsigned short num;
    static sysv_backend make(const worker_env& env, std::size_t i) { return {env.sysv_id, static_cast<unsigned short>(i)}; }
    [[nodiscard]] bool post() const noexcept { return op(1); }
    [[nodiscard]] bool wait() const noexcept { return op(-1); }
    [[nodiscard]] bool op(short delta) const noexcept {
        sembuf b{num, delta, 0};
        return ::semop(id, &b, 1) == 0;
    }
};

/// The futex word of workloads/futex_sem.hpp.
struct futex_backend {
    futex_words* words;
    static futex_backend make(const worker_env& env, std::size_t i) { return {&env.control->primitives[i].futex}; }
    [[nodiscard]] bool post() const noexcept { return futex_sem::post(*words); }
    [[nodiscard]] bool wait() const noexcept { return futex_sem::wait(*words); }
};

/// eventfd(EFD_SEMAPHORE): a post adds 1, a read takes 1.
struct eventfd_backend {
    int fd;
    static eventfd_backend make(const worker_env& env, std::size_t i) { return {env.fds[i]}; }
    [[nodiscard]] bool post() const noexcept {
        const std::uint64_t one = 1;
        return ::write(fd, &one, sizeof one) == static_cast<ssize_t>(sizeof one);
    }
    [[nodiscard]] bool wait() const noexcept {
        std::uint64_t v = 0;
        return ::read(fd, &v, sizeof v) == static_cast<ssize_t>(sizeof v);
    }
};

/// A pipe, one byte per unit (its capacity, 64 KiB by default, bounds the value: a post
/// beyond it blocks until a unit is taken).
struct pipe_backend {
    int read_fd, write_fd;
    static pipe_backend make(const worker_env& env, std::size_t i) { return {env.fds[2 * i], env.fds[2 * i + 1]}; }
    [[nodiscard]] bool post() const noexcept {
        const char unit = 1;
        return ::write(write_fd, &unit, 1) == 1;
    }
    [[nodiscard]] bool wait() const noexcept {
        char unit = 0;
        return ::read(read_fd, &unit, 1) == 1;
    }
};

/// Calls f.template operator()<Backend>() with the scenario's backend type, so a loop is
/// compiled once per backend and the choice costs nothing per op.
template <class F>
decltype(auto) with_backend_type(const worker_env& env, F&& f) {
    const std::string& b = env.config.backend;
    if (b == "raw") return f.template operator()<raw_backend>();
    if (b == "unnamed") return f.template operator()<unnamed_backend>();
    if (b == "sysv") return f.template operator()<sysv_backend>();
    if (b == "futex") return f.template operator()<futex_backend>();
    if (b == "eventfd") return f.template operator()<eventfd_backend>();
    if (b == "pipe") return f.template operator()<pipe_backend>();
    return f.template operator()<psem_backend>();
}

/// Calls f(backend) with the scenario's backend bound to semaphore `index`.
template <class F>
decltype(auto) with_backend(const worker_env& env, std::size_t index, F&& f) {
    return with_backend_type(env, [&]<class B>() { return f(B::make(env, index)); });
}

/// Reports ready and waits for the start signal (after the warm-up, before the clock).
/// False, with r.error set, when the run was aborted meanwhile.
[[nodiscard]] inline bool pass_start_barrier(worker_env& env, worker_result& r) {
    if (env.ready_and_wait_start(env.barrier)) return true;
    r.error = "aborted before the start signal";
    return false;
}

/// CPU time and context switches of the calling thread over the measured phase. The CPU
/// time is the thread's CPU clock (the scheduler's exact runtime): rusage's user and
/// system times are tick samples scaled to it and read 0 for a phase of a millisecond.
class phase_meter {
public:
    void begin() noexcept {
        ::getrusage(RUSAGE_THREAD, &ru0_);
        cpu0_ns_ = thread_cpu_ns();
        start_ns_ = now_ns();
    }
    void end(worker_result& r) noexcept {
        r.end_ns = now_ns();
        r.start_ns = start_ns_;
        r.cpu_ns = thread_cpu_ns() - cpu0_ns_;
        rusage ru1{};
        ::getrusage(RUSAGE_THREAD, &ru1);
        r.voluntary_ctxsw = static_cast<std::uint64_t>(ru1.ru_nvcsw - ru0_.ru_nvcsw);
        r.involuntary_ctxsw = static_cast<std::uint64_t>(ru1.ru_nivcsw - ru0_.ru_nivcsw);
        r.intervals.finish(r.latency);  // the last, partial interval (when intervals were asked for)
    }
    [[nodiscard]] std::uint64_t start_ns() const noexcept { return start_ns_; }

private:
    static std::uint64_t thread_cpu_ns() noexcept {
        timespec ts{};
        ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return static_cast<std::uint64_t>(ts.tv_sec) * 1'000'000'000u + static_cast<std::uint64_t>(ts.tv_nsec);
    }
    rusage ru0_{};
    std::uint64_t cpu0_ns_ = 0;
    std::uint64_t start_ns_ = 0;
};

/// How many ops between clock reads in duration mode: small enough to stop within a few
/// microseconds of the deadline, large enough that the read is lost in the noise.
inline constexpr std::uint64_t duration_batch = 256;

/// Runs `op(i)` for the scenario's op count, or until its duration has passed since
/// `start_ns` (checking the clock once per `batch` ops: a loop whose ops sleep passes 1).
/// `op` returns false on failure, which stops the loop. Returns the number of ops completed.
template <class Op>
std::uint64_t drive(const scenario& sc, std::uint64_t start_ns, Op&& op, std::uint64_t batch = duration_batch) {
    if (sc.ops_per_worker) {
        const std::uint64_t n = *sc.ops_per_worker;
        for (std::uint64_t i = 0; i < n; ++i)
            if (!op(i)) return i;
        return n;
    }
    const std::uint64_t deadline = start_ns + *sc.duration_ms * 1'000'000u;
    std::uint64_t i = 0;
    for (;;) {
        for (std::uint64_t b = 0; b < batch; ++b, ++i)
            if (!op(i)) return i;
        if (now_ns() >= deadline) return i;
    }
}

/// Sleeping to a deadline: without this, the default 50 us timer slack lets every sleep
/// overshoot by up to that.
inline void tight_timer_slack() noexcept { ::prctl(PR_SET_TIMERSLACK, 1UL, 0UL, 0UL, 0UL); }

/// "wait on ping failed: Interrupted system call" for a worker's error field.
inline std::string op_error(const char* what, int err) {
    return std::string(what) + " failed: " + std::strerror(err);
}

}  // namespace psem::bench::detail
