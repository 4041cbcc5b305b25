// analysis/samples.hpp - from a report's records to one side_figures per benchmark.
#pragma once

#include "analysis/compare.hpp"

#include <string>
#include <vector>

namespace psem::bench {

struct named_side {
    std::string name;     // run_name
    side_figures figures;
};

/// One entry per run_name, in order of first appearance. The iteration records give the
/// samples (their real_time_ns); a run_name with no iteration record but Google
/// Benchmark's aggregates (--benchmark_report_aggregates_only) takes the "median"
/// aggregate, with cv from "stddev" / "mean", and is marked aggregates_only. Failed
/// repetitions are counted, not sampled. spread_too_wide is set against max_cv.
[[nodiscard]] std::vector<named_side> collect_sides(const report& r, double max_cv);

/// Counts the regressions and computes the geometric mean of the ratios, from
/// c.benchmarks: shared by the pooled and the paired comparison.
void tally(comparison& c);

}  // namespace psem::bench
