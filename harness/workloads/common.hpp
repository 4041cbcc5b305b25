// workloads/common.hpp - what the workload loops share: the two backends (psem and raw
// glibc, so the wrapper's cost can be calibrated), the phase meter, and the loop driver
// that runs a fixed op count or a duration without reading the clock per op.
#pragma once

#include "measure/busy_work.hpp"
#include "measure/clock.hpp"
#include "workloads/workload.hpp"

#include <sys/prctl.h>
#include <sys/resource.h>

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
    [[nodiscard]] bool post() const noexcept { return !sem->post(); }
    [[nodiscard]] bool wait() const noexcept { return !sem->wait(); }
};

/// glibc directly on the same sem_t: the calibration twin.
struct raw_backend {
    sem_t* sem;
    [[nodiscard]] bool post() const noexcept { return ::sem_post(sem) == 0; }
    [[nodiscard]] bool wait() const noexcept { return ::sem_wait(sem) == 0; }
};

/// Calls f(backend) with the scenario's backend bound to semaphore `index`, so a loop is
/// compiled once per backend and the choice costs nothing per op.
template <class F>
decltype(auto) with_backend(const worker_env& env, std::size_t index, F&& f) {
    psem::semaphore& s = env.sems[index];
    if (env.config.backend == "raw") return f(raw_backend{s.native_handle()});
    return f(psem_backend{&s});
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
