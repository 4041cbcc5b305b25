// stats/descriptive.hpp - summary statistics over a sample of doubles.
//
// Pure functions: no state, no I/O, no formatting. Input order does not matter; the
// input is never modified (functions that need order sort a copy). An empty sample gives
// NaN where no value makes sense; the spread of fewer than two values is 0, as Google
// Benchmark reports it.
#pragma once

#include <span>

namespace psem::bench {

[[nodiscard]] double mean(std::span<const double> xs);
/// The middle value, or the mean of the two middle values.
[[nodiscard]] double median(std::span<const double> xs);
/// Sample standard deviation (divides by n - 1); 0 for fewer than two values.
[[nodiscard]] double stddev(std::span<const double> xs);
/// Coefficient of variation, stddev / mean, as a fraction (0.05 = 5%); 0 for fewer than
/// two values or a zero mean.
[[nodiscard]] double cv(std::span<const double> xs);
/// Percentile p (0..100, clamped) with linear interpolation between order statistics
/// (numpy's default, R's type 7): percentile(xs, 50) == median(xs).
[[nodiscard]] double percentile(std::span<const double> xs, double p);
[[nodiscard]] double minimum(std::span<const double> xs);
[[nodiscard]] double maximum(std::span<const double> xs);
/// exp(mean(log x)); NaN if any value is <= 0 (or NaN). For averaging ratios.
[[nodiscard]] double geometric_mean(std::span<const double> xs);
/// Jain's fairness index (sum x)^2 / (n * sum x^2): 1 when every worker got the same
/// share, 1/n when one got everything. NaN when empty or all zero (nothing to share).
[[nodiscard]] double jain_fairness(std::span<const double> xs);

}  // namespace psem::bench
