// stats/normal.cpp - the standard normal distribution through erfc.
#include "stats/normal.hpp"

#include <cmath>
#include <limits>

namespace psem::bench {

double normal_cdf(double z) noexcept { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

double normal_sf(double z) noexcept { return 0.5 * std::erfc(z / std::sqrt(2.0)); }

double normal_quantile(double p) noexcept {
    if (std::isnan(p) || p < 0 || p > 1) return std::numeric_limits<double>::quiet_NaN();
    if (p == 0) return -std::numeric_limits<double>::infinity();
    if (p == 1) return std::numeric_limits<double>::infinity();
    // Bisection: slower than a rational approximation but obviously right, and this runs
    // a handful of times per comparison, never in a measured loop.
    double lo = -40;
    double hi = 40;
    for (int i = 0; i < 200 && hi - lo > 1e-15; ++i) {
        const double mid = (lo + hi) / 2;
        (normal_cdf(mid) < p ? lo : hi) = mid;
    }
    return (lo + hi) / 2;
}

}  // namespace psem::bench
