// stats/order_interval.hpp - which order statistics bound a distribution-free interval.
//
// Both Hodges-Lehmann intervals (two-sample, stats/ratio_interval; paired,
// stats/signed_rank) take the interval [d_(k), d_(N+1-k)] over their N sorted pairwise
// values, with k read off the null distribution of their rank statistic (Mann-Whitney U
// or Wilcoxon W+), which is symmetric over 0..N. Only that distribution differs.
#pragma once

#include <cstddef>
#include <span>

namespace psem::bench {

struct order_index {
    std::size_t k;      // 1-based: the interval is [d_(k), d_(N+1-k)]
    double coverage;    // 1 - 2 P(T <= k - 1), the coverage actually achieved
};

/// From the exact null distribution, pmf[t] = P(T = t) for t = 0..N: the largest k whose
/// tail P(T <= k - 1) stays within (1 - confidence) / 2, at least 1, at most (N + 1) / 2.
[[nodiscard]] order_index order_index_exact(std::span<const double> pmf, double confidence);

/// The same from the normal approximation of T (mean N / 2, standard deviation sigma),
/// with continuity correction.
[[nodiscard]] order_index order_index_normal(std::size_t n_values, double sigma, double confidence);

}  // namespace psem::bench
