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

    // The repetitions behind the medians, and what they say against the peak and the limit.
    std::vector<double> ops_per_sec_runs;  // one per good repetition
    std::vector<double> p99_runs;          // one per good repetition that measured p99
    double peak_p_value = 1;               // Mann-Whitney, two-sided, against the peak's runs (the peak: 1)
    int p99_runs_over = 0;                 // repetitions whose p99 is over the limit
    double over_p_value = 1;               // sign test, one-sided: p99's median is over the limit

    // When `backend` is swept: this point's ns/op against the psem point with the same other
    // swept values (Hodges-Lehmann ratio over the repetitions, with its 95% interval).
    std::vector<double> ns_per_op_runs;    // one per good repetition
    std::optional<double> vs_psem;         // 2.0: twice psem's time per op
    std::optional<double> vs_psem_low, vs_psem_high;
};

/// "processes=8" or "producers=2, consumers=4": a point named by its swept values.
[[nodiscard]] inline std::string point_label(const sweep_point& p) {
    std::string s;
    for (const auto& [field, value] : p.params) {
        if (!s.empty()) s += ", ";
        s += field + "=" + (value.is_string() ? value.get<std::string>() : value.dump());
    }
    return s;
}

/// Where a point's p99 stands against the limit, over its repetitions.
enum class limit_side {
    under,      // no repetition over the limit
    maybe_over, // some over, not enough to say the median is (too few, or not all)
    over,       // the median is over, with confidence (sign test p < alpha)
};

/// An order-statistic interval for a median, with the coverage it achieves.
struct median_interval_figures {
    double low = 0;
    double high = 0;
    double coverage = 0;
    int runs = 0;
};

struct sweep_summary {
    std::string scenario;
    std::vector<std::string> swept_fields;  // in sweep order
    double latency_limit_ns = 0;
    std::vector<sweep_point> points;        // in sweep order

    /// Index of the point with the highest median throughput (absent if all failed).
    std::optional<std::size_t> peak;

    /// How sure the summary is. alpha: the level of every test below. min_runs: the good
    /// repetitions a point needs before it can be told apart from another (and before its
    /// p99 can be over the limit with confidence); comparable: every point that ran has
    /// them. Fewer, and the summary says it cannot tell rather than name noise.
    double alpha = 0.05;
    int min_runs = 5;
    int fewest_runs = 0;       // over the points with any good repetition
    bool comparable = false;

    /// The peak's median throughput as an interval over its repetitions, and the points
    /// whose throughput cannot be told from the peak's (Mann-Whitney p >= alpha), in sweep
    /// order. With `comparable` false every other point is listed: none can be told apart.
    std::optional<median_interval_figures> peak_interval;
    std::vector<std::size_t> indistinguishable;

    /// Index of the first point (in sweep order) whose p99 is over the limit with confidence
    /// (the knee), and of the last point before it with no repetition over the limit
    /// (absent if there is none; with no knee, the last such point of the sweep: the load
    /// the host takes within the limit). maybe_over: the points before the knee (or
    /// anywhere, with no knee) whose p99 may be over: some repetitions over, not enough.
    std::vector<limit_side> sides;  // one per point (under for a point without p99)
    std::optional<std::size_t> knee;
    std::optional<std::size_t> last_under_limit;
    std::vector<std::size_t> maybe_over;
    bool latency_measured = false;  // some point has a p99: a knee could be looked for

    /// The lowest throughput past the peak (one swept field) or anywhere (a grid, whose
    /// order is not a load axis), and 1 - lowest/peak. Absent when the peak is the last
    /// point of a one-field sweep: throughput never fell.
    std::optional<std::size_t> lowest;
    double fall_fraction = 0;
};

}  // namespace psem::bench
