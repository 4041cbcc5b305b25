// run/runner.hpp - one repetition of one run point, start to finish.
//
// The parent creates the run's semaphores and control block (O_EXCL, 0600), starts one
// worker process per role, waits until every worker thread has opened everything and
// reported ready, unlinks every name (from then on nothing can leak), releases the start
// barrier, collects the figures and reaps every worker. Any worker failure, the watchdog
// (timeout_s) or SIGINT/SIGTERM stops the others (SIGTERM, then SIGKILL after a grace
// period) and reaps them before returning.
#pragma once

#include "measure/histogram.hpp"
#include "measure/interval_tracker.hpp"
#include "model/records.hpp"
#include "scenario/scenario.hpp"

#include <string>
#include <vector>

namespace psem::bench {

struct run_options {
    /// Test-only: "KIND@PROCESS" (abort, exit or hang) makes that worker process fail once
    /// the run is under way. From PSEM_BENCH_TEST_FAULT; empty in real use.
    std::string fault;
    /// How long stopped workers get between SIGTERM and SIGKILL.
    double grace_s = 1.0;
    /// Split the latency into intervals of this length (run --hlog); 0: do not.
    std::uint64_t hlog_interval_ns = 0;
};

enum class run_status { ok, failed, timed_out, interrupted };

struct run_outcome {
    run_status status = run_status::ok;
    int signal = 0;              // interrupted: SIGINT or SIGTERM
    run_record record;           // error_occurred/error_message set unless ok
    latency_histogram latency;   // all workers' latency merged (empty if not measured)
    /// With run_options::hlog_interval_ns: the workers' intervals merged by index, and the
    /// earliest start of a worker that measured latency (CLOCK_MONOTONIC), their origin.
    std::vector<latency_interval> intervals;
    std::uint64_t intervals_start_ns = 0;
};

[[nodiscard]] run_outcome run_once(const run_point& point, int repetition, const run_options& options);

/// The CPUs a worker thread is pinned to under an affinity setting ("none", "spread",
/// "compact", "0,2-3"): one entry per worker thread, -1 for no pinning. Throws
/// std::invalid_argument for a CPU list that names no CPU this process may use.
[[nodiscard]] std::vector<int> assign_cpus(const std::string& affinity, int workers);

}  // namespace psem::bench
