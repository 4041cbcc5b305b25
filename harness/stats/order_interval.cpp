// stats/order_interval.cpp - see order_interval.hpp.
#include "stats/order_interval.hpp"

#include "stats/normal.hpp"

#include <algorithm>
#include <cmath>

namespace psem::bench {

order_index order_index_exact(std::span<const double> pmf, double confidence) {
    const double half_alpha = (1.0 - confidence) / 2.0;
    const std::size_t n_values = pmf.size() - 1;
    // Grow k while the next tail still fits; k <= (N + 1) / 2 keeps lower <= upper.
    std::size_t k = 1;
    double below = pmf[0];  // P(T <= k - 1)
    while (k + 1 <= (n_values + 1) / 2 && below + pmf[k] <= half_alpha) below += pmf[k++];
    return {k, std::max(0.0, 1.0 - 2.0 * below)};
}

order_index order_index_normal(std::size_t n_values, double sigma, double confidence) {
    const double half_alpha = (1.0 - confidence) / 2.0;
    const double mid = static_cast<double>(n_values) / 2.0;
    const double raw = std::floor(mid + 0.5 - normal_quantile(1.0 - half_alpha) * sigma);
    const auto k = std::min(static_cast<std::size_t>(std::max(1.0, raw)), (n_values + 1) / 2);
    // P(T <= k - 1) with continuity correction.
    const double below = normal_cdf((static_cast<double>(k) - 0.5 - mid) / sigma);
    return {k, std::max(0.0, 1.0 - 2.0 * below)};
}

}  // namespace psem::bench
