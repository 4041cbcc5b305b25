// analysis/sweep_summary.hpp - what a sweep says about a host, in a few figures a person can
// act on: the highest throughput and where it occurs, the knee where p99 latency crosses
// a limit, and how far throughput falls past the peak.
//
// Computing and printing apart: summarize_sweeps() is pure (records in, figures out);
// the render_* functions only format. Points are taken in sweep order (the order the
// runner ran them, which is the file's order), so "past the peak" and "the first point
// over the limit" follow the values as the scenario lists them.
#pragma once

#include "model/records.hpp"
#include "model/sweep_summary.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace psem::bench {

/// One summary per scenario that has swept points (records with params), in order of
/// first appearance. Failed repetitions do not count; aggregates are ignored (the medians
/// are recomputed from the iterations, so a report without aggregates works too).
[[nodiscard]] std::vector<sweep_summary> summarize_sweeps(std::span<const run_record> records,
                                                          double latency_limit_ns);

}  // namespace psem::bench
