// model/sweep_summary.hpp - what a sweep says about a host, as a record: the highest
// throughput and where it occurs, the knee where p99 latency crosses a limit, and how far
// throughput falls past the peak. analysis/sweep_summary computes it, io/ writes its JSON
// form into the report (context.psem.sweep_summaries), render/ prints it.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace psem::bench {

/// One sweep point: the medians over its good repetitions.
struct sweep_point {
    std::string benchmark;  // the run_name, "postwait/processes:8/threads:1"
    std::vector<std::pair<std::string, nlohmann::json>> params;  // the swept values
    int workers = 1;        // total worker threads (processes x threads)
    int good_runs = 0;      // repetitions that did not fail; 0 = the point failed
    double ns_per_op = 0;   // medians; NaN when good_runs == 0
    double ops_per_sec = 0;
    std::optional<double> p50_ns;  // absent when the workload does not measure latency
    std::optional<double> p99_ns;
    std::optional<double> p999_ns;
    std::optional<double> max_ns;
};

struct sweep_summary {
    std::string scenario;
    std::vector<std::string> swept_fields;  // in sweep order
    double latency_limit_ns = 0;
    std::vector<sweep_point> points;        // in sweep order

    /// Index of the point with the highest median throughput (absent if all failed).
    std::optional<std::size_t> peak;

    /// Index of the first point (in sweep order) whose median p99 exceeds the limit, and
    /// of the last point before it that measured p99 (absent if the knee is the first;
    /// with no knee, the last point measured: the load the host takes within the limit).
    std::optional<std::size_t> knee;
    std::optional<std::size_t> last_under_limit;
    bool latency_measured = false;  // some point has a p99: a knee could be looked for

    /// The lowest throughput past the peak (one swept field) or anywhere (a grid, whose
    /// order is not a load axis), and 1 - lowest/peak. Absent when the peak is the last
    /// point of a one-field sweep: throughput never fell.
    std::optional<std::size_t> lowest;
    double fall_fraction = 0;
};

}  // namespace psem::bench
