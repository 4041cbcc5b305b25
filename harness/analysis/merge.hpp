// analysis/merge.hpp - many reports of one side pooled into one stored report: what
// `psem-bench merge` writes and `psem-bench gate --record` stores as a baseline.
#pragma once

#include "model/records.hpp"

#include <cstddef>
#include <vector>

namespace psem::bench {

/// pool_reports(inputs) (the first report's context, every benchmark record and check of
/// every report, in input order), then: the aggregates dropped (each described one run,
/// not the pool; compare and Google Benchmark's tools recompute them), each benchmark's
/// repetitions renumbered 0..n-1 in input order with `repetitions` = n (matched by
/// run_name), so the file reads as one run of n repetitions; and
/// set_recorded_runs(inputs.size()).
[[nodiscard]] report merge_reports(const std::vector<report>& inputs);

/// `context.psem.recorded_runs`: how many reports a stored baseline pools. The one place
/// it is written. Throws std::invalid_argument when the context's "psem" is not an
/// object (the message is the JSON path and what is wrong).
void set_recorded_runs(report& r, std::size_t runs);

}  // namespace psem::bench
