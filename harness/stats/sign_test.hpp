// stats/sign_test.hpp - the sign test and the distribution-free interval for a median.
//
// Both rest on one fact: each value of a sample lies above its population's median with
// probability 1/2, so the number above is Binomial(n, 1/2) whatever the distribution.
// The sweep summary uses them on a point's repetitions: the interval for the peak's
// median throughput, and whether a point's p99 is over a limit with confidence.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace psem::bench {

/// P(B = k) for B ~ Binomial(n, 1/2), k = 0..n.
[[nodiscard]] std::vector<double> binomial_half_pmf(std::size_t n);

struct median_interval_result {
    double low = 0;       // NaN for an empty sample
    double high = 0;
    double coverage = 0;  // the coverage actually achieved (order statistics cannot hit any level)
};

/// The order-statistic interval [x_(k), x_(n+1-k)] for the median: the narrowest whose
/// coverage is at least `confidence` when n allows it, else the widest (min..max), with
/// the coverage it has (n = 5: 93.75%).
[[nodiscard]] median_interval_result median_interval(std::span<const double> xs, double confidence);

/// One-sided sign test of "the median is above `limit`": P(B >= number above) over the
/// values not equal to the limit. 1 when no value differs from it. Below is the mirror:
/// sign_test_above of the negated values against -limit.
[[nodiscard]] double sign_test_above(std::span<const double> xs, double limit);
[[nodiscard]] double sign_test_below(std::span<const double> xs, double limit);

}  // namespace psem::bench
