// workloads/workload.hpp - the one small interface every workload implements.
//
// A workload says which semaphores a run needs, which role each worker process plays,
// what one worker thread does (in the child process, between the start barrier and the
// end of its measured phase), and how the workers' figures become a run_record. The
// orchestrator does everything else: names, spawning, the barrier, the watchdog, reaping.
#pragma once

#include "measure/histogram.hpp"
#include "measure/interval_tracker.hpp"
#include "model/records.hpp"
#include "scenario/scenario.hpp"
#include "workloads/futex_sem.hpp"

#include <psem/semaphore.hpp>

#include <semaphore.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace psem::bench {

/// A semaphore the parent creates for a run (O_EXCL, 0600) before starting workers.
struct semaphore_spec {
    std::string role;         // "work", "ping", "pong", "items"...: the name's last part
    unsigned initial_value = 0;
};

/// The shared-memory semaphores of the `unnamed` and `futex` backends, one slot per
/// semaphore_spec, each on a cache line of its own. The parent initialises the one the
/// run's backend uses (sem_init with pshared = 1, or the futex word's value).
struct alignas(64) primitive_slot {
    sem_t unnamed;
    futex_words futex;
};
inline constexpr std::size_t max_primitive_slots = 4;

/// A small block of shared memory every worker maps: run-wide counters and flags that
/// semaphores alone cannot express (who took the last unit, when to stop), and the
/// shared-memory backends' semaphores.
struct control_block {
    primitive_slot primitives[max_primitive_slots];
    std::atomic<std::uint64_t> taken{0};     // producer_consumer: units taken so far
    std::atomic<std::uint64_t> posted{0};    // producer_consumer: units posted so far
    std::atomic<std::uint32_t> stop{0};      // duration mode: set once time is up
    std::uint64_t total_ops = 0;             // set by the parent before spawning
    std::uint64_t post_stamps_len = 0;       // entries in the post-time array that follows
    // std::uint64_t post_stamps[post_stamps_len] follows (CLOCK_MONOTONIC ns per post)
    [[nodiscard]] std::atomic<std::uint64_t>* post_stamps() noexcept {
        return reinterpret_cast<std::atomic<std::uint64_t>*>(this + 1);  // NOLINT
    }
};
static_assert(std::atomic<std::uint64_t>::is_always_lock_free);

/// What a worker thread sees: its place in the run and the run's objects.
struct worker_env {
    const scenario& config;
    std::string_view role;
    int process_index = 0;                 // 0 .. processes-1
    int thread_index = 0;                  // 0 .. threads_per_process-1
    int worker_index = 0;                  // process_index * threads + thread_index
    int role_index = 0;                    // index among the processes of the same role
    std::span<psem::semaphore> sems;       // in semaphore_spec order
    control_block* control = nullptr;
    // The kernel objects of the sysv, eventfd and pipe backends, handed down by the parent:
    // the SysV set's id (semaphore i is number i in it); one eventfd per semaphore; a pipe
    // per semaphore (read end 2i, write end 2i + 1).
    int sysv_id = -1;
    std::span<const int> fds;
    /// Reports ready and blocks until the parent's start signal; returns false if the run
    /// was aborted meanwhile. The workload calls it after its warm-up.
    bool (*ready_and_wait_start)(void* barrier) = nullptr;
    void* barrier = nullptr;
    /// Split the latency into intervals of this length (`run --hlog`); 0: do not.
    std::uint64_t hlog_interval_ns = 0;
};

/// One worker thread's figures, sent to the parent.
struct worker_result {
    std::uint64_t ops = 0;
    std::uint64_t start_ns = 0;        // CLOCK_MONOTONIC when the measured phase began
    std::uint64_t end_ns = 0;
    std::uint64_t cpu_ns = 0;          // this thread's user+system time in the phase
    std::uint64_t voluntary_ctxsw = 0;
    std::uint64_t involuntary_ctxsw = 0;
    bool has_latency = false;
    latency_histogram latency;         // per-op (or sampled per-op) latency, ns
    interval_tracker intervals;        // the same latency per interval, when asked for
    std::string role;
    std::string error;                 // non-empty: the worker failed, and why
};

class workload {
public:
    virtual ~workload() = default;
    [[nodiscard]] virtual std::string_view name() const = 0;
    /// Rules of this workload beyond the scenario schema: an empty string if `sc` is
    /// fine, else the message (the caller adds the file and path).
    [[nodiscard]] virtual std::string validate(const scenario&) const { return {}; }
    /// The semaphores the parent creates, in the order worker_env::sems holds them.
    [[nodiscard]] virtual std::vector<semaphore_spec> semaphores(const scenario& sc) const = 0;
    /// One role per worker process, in process order.
    [[nodiscard]] virtual std::vector<std::string> roles(const scenario& sc) const = 0;
    /// The number of units the run hands over in all, when the workload ends by count
    /// (control_block::total_ops); 0 if it does not.
    [[nodiscard]] virtual std::uint64_t total_units(const scenario&) const { return 0; }
    /// Post-time slots the control block needs (producer_consumer's latency); 0 if none.
    [[nodiscard]] virtual std::uint64_t stamp_slots(const scenario&) const { return 0; }
    /// The measured loop of one worker thread, in the child. Must call
    /// env.ready_and_wait_start() exactly once, after its warm-up and before timing.
    [[nodiscard]] virtual worker_result run_worker(worker_env& env) const = 0;
    /// Fills the workload-specific parts of a record from all workers' results (ops,
    /// wall time and rusage sums are already filled in by the orchestrator).
    virtual void summarize(const scenario& sc, std::span<const worker_result> results,
                           run_record& record) const = 0;
};

/// The scenario's wait policy (`wait`, `spin_ns`) as libpsem's. Validation has refused
/// anything else, so an unknown name cannot reach here; it would read as block.
[[nodiscard]] inline psem::wait_policy wait_policy_of(const scenario& sc) noexcept {
    if (sc.wait == "spin") return psem::wait_policy::spin(std::chrono::nanoseconds(sc.spin_ns));
    if (sc.wait == "adaptive") return psem::wait_policy::adaptive();
    return psem::wait_policy::block();
}

/// The workload of that name, or nullptr.
[[nodiscard]] const workload* find_workload(std::string_view name);

}  // namespace psem::bench
