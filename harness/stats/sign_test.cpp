// stats/sign_test.cpp - see sign_test.hpp.
#include "stats/sign_test.hpp"

#include "stats/order_interval.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace psem::bench {
namespace {

double upper_tail(std::size_t n, std::size_t at_least) {
    const std::vector<double> pmf = binomial_half_pmf(n);
    double p = 0;
    for (std::size_t k = at_least; k <= n; ++k) p += pmf[k];
    return std::min(1.0, p);
}

}  // namespace

std::vector<double> binomial_half_pmf(std::size_t n) {
    std::vector<double> pmf(n + 1);
    const double nd = static_cast<double>(n);
    // In logs: C(n, k) / 2^n overflows a double's exponent long before n = 1000.
    for (std::size_t k = 0; k <= n; ++k) {
        const double kd = static_cast<double>(k);
        pmf[k] = std::exp(std::lgamma(nd + 1) - std::lgamma(kd + 1) - std::lgamma(nd - kd + 1) - nd * std::log(2.0));
    }
    return pmf;
}

median_interval_result median_interval(std::span<const double> xs, double confidence) {
    if (xs.empty()) {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        return {nan, nan, 0};
    }
    std::vector<double> sorted(xs.begin(), xs.end());
    std::sort(sorted.begin(), sorted.end());
    const std::vector<double> pmf = binomial_half_pmf(sorted.size());
    const order_index k = order_index_exact(pmf, confidence);
    return {sorted[k.k - 1], sorted[sorted.size() - k.k], k.coverage};
}

double sign_test_above(std::span<const double> xs, double limit) {
    std::size_t above = 0, differ = 0;
    for (const double x : xs) {
        if (x == limit || std::isnan(x)) continue;
        ++differ;
        if (x > limit) ++above;
    }
    return differ == 0 ? 1.0 : upper_tail(differ, above);
}

double sign_test_below(std::span<const double> xs, double limit) {
    std::vector<double> negated;
    for (const double x : xs) negated.push_back(-x);
    return sign_test_above(negated, -limit);
}

}  // namespace psem::bench
