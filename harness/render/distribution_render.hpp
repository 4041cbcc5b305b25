// render/distribution_render.hpp - a merged latency distribution as HdrHistogram prints
// it (outputPercentileDistribution: the table its plotters read), and as JSON.
#pragma once

#include "analysis/distribution.hpp"

#include <string>
#include <vector>

namespace psem::bench {

/// Per benchmark: a "# NAME: N histograms" line, then HdrHistogram's table
/// ("Value Percentile TotalCount 1/(1-Percentile)", values in ns with 3 decimals as its
/// own output has for 3 significant digits) and its #[Mean...] #[Max...] #[Buckets...] footer.
[[nodiscard]] std::string render_distribution_table(const std::vector<distribution>& ds);

/// {"benchmarks": [{"name", "histograms", "total_count", "mean_ns", "max_ns",
/// "percentiles": [{"value_ns", "percentile", "total_count"}], "latency_histogram"}]}.
[[nodiscard]] std::string render_distribution_json(const std::vector<distribution>& ds);

}  // namespace psem::bench
