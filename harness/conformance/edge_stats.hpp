// conformance/edge_stats.hpp - the lateness figures of the timed-wait checks.
//
// Lateness is how far past the moment it should have returned a call did return, in
// nanoseconds on CLOCK_MONOTONIC: past its deadline for a timeout, past the other
// process's post for a wake-up, past the timer's expiry for an interrupted wait. It is
// signed: a negative value means the call returned before that moment, which for a
// timeout is a bug the check must report, not hide.
#pragma once

#include "model/records.hpp"

#include <cstddef>
#include <span>

namespace psem::bench {

struct lateness_summary {
    std::size_t trials = 0;
    double p50_ns = 0;   // percentiles interpolate between samples (stats::percentile)
    double p99_ns = 0;
    double max_ns = 0;
    double min_ns = 0;
    double mean_ns = 0;
    std::size_t early = 0;  // samples below zero
};

/// Summarises a sample of lateness values; all figures are 0 for an empty sample.
[[nodiscard]] lateness_summary summarize_lateness(std::span<const double> lateness_ns);

/// Writes trials, lateness p50/p99/max and the extra figure lateness_min_ns into `rec`.
/// An empty summary writes nothing: a row without figures is better than zeros that
/// look measured.
void apply_lateness(const lateness_summary& s, check_record& rec);

}  // namespace psem::bench
