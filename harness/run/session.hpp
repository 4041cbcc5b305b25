// run/session.hpp - a whole `psem-bench run`: every point's repetitions (or its checks),
// the aggregates, the report written atomically after every point so that a later
// failure loses nothing, and the sweep summaries at the end. The command line only loads
// the points before and prints the tables after; progress reaches it through callbacks.
#pragma once

#include "analysis/sweep_summary.hpp"
#include "model/records.hpp"
#include "run/runner.hpp"
#include "scenario/scenario.hpp"

#include <functional>
#include <string>
#include <vector>

namespace psem::bench {

struct session_options {
    std::string out_path;          // the report, rewritten after every point
    run_options run;
    double latency_limit_ns = 100'000;  // the sweep summaries' latency limit
    /// An HdrHistogram interval log of every run's latency (measure/hdr_log), rewritten
    /// atomically after every point as the report is; empty: none. The interval length is
    /// run.hlog_interval_ns.
    std::string hlog_path;
};

/// Callbacks for a progress display and messages; any may be empty. `point` is 1-based.
struct session_events {
    std::function<void(int point, int points, const std::string& name, int repetition, int repetitions)> starting;
    std::function<void()> finished_one;
    /// A repetition failed (the point's remaining repetitions are skipped); the message
    /// says which and why.
    std::function<void(const std::string& message)> failed;
};

enum class session_status {
    ok,           // every run and check passed
    failed,       // a run failed or a check did not pass; the report has the rest
    interrupted,  // SIGINT/SIGTERM: workers stopped and reaped, names unlinked
    unwritable,   // the report could not be written
};

struct session_result {
    session_status status = session_status::ok;
    int signal = 0;               // interrupted: which
    std::string message;          // interrupted or unwritable: what happened
    std::vector<sweep_summary> sweeps;
};

/// The number of runs the points make (a check suite's point counts once), for progress.
[[nodiscard]] int count_runs(const std::vector<run_point>& points);

/// Runs `points` into `rep` (whose context the caller has filled). Points whose workload
/// is neither a registered workload nor a check suite must have been refused before.
[[nodiscard]] session_result run_session(const std::vector<run_point>& points, report& rep,
                                         const session_options& options, const session_events& events);

}  // namespace psem::bench
