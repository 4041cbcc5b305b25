// stats/ratio_interval.cpp - Hodges-Lehmann shift and its interval, on log values.
#include "stats/ratio_interval.hpp"

#include "stats/mann_whitney.hpp"
#include "stats/order_interval.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace psem::bench {
namespace {

// The largest k whose tail P(U <= k - 1) stays within (1 - confidence) / 2, at least 1.
order_index choose_k(std::size_t n1, std::size_t n2, double confidence) {
    if (n1 <= mann_whitney_exact_limit && n2 <= mann_whitney_exact_limit)
        return order_index_exact(mann_whitney_distribution(n1, n2), confidence);
    // Large samples: U is close to normal with mean N/2 and the variance below.
    const auto a = static_cast<double>(n1);
    const auto b = static_cast<double>(n2);
    return order_index_normal(n1 * n2, std::sqrt(a * b * (a + b + 1) / 12.0), confidence);
}

}  // namespace

ratio_interval ratio_confidence_interval(std::span<const double> baseline, std::span<const double> contender,
                                         double confidence) {
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    const ratio_interval invalid{nan, nan, nan, nan};
    if (baseline.empty() || contender.empty() || !(confidence > 0 && confidence < 1)) return invalid;
    const auto positive = [](double v) { return v > 0 && std::isfinite(v); };
    if (!std::all_of(baseline.begin(), baseline.end(), positive) ||
        !std::all_of(contender.begin(), contender.end(), positive))
        return invalid;

    std::vector<double> diffs;
    diffs.reserve(baseline.size() * contender.size());
    for (const double c : contender)
        for (const double b : baseline) diffs.push_back(std::log(c) - std::log(b));
    std::sort(diffs.begin(), diffs.end());

    const std::size_t n = diffs.size();
    const double hl = n % 2 == 1 ? diffs[n / 2] : (diffs[n / 2 - 1] + diffs[n / 2]) / 2.0;
    const order_index idx = choose_k(baseline.size(), contender.size(), confidence);
    return {std::exp(hl), std::exp(diffs[idx.k - 1]), std::exp(diffs[n - idx.k]), idx.coverage};
}

}  // namespace psem::bench
