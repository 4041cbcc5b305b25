// stats/descriptive.cpp - summary statistics (see descriptive.hpp for the conventions).
#include "stats/descriptive.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

namespace psem::bench {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

std::vector<double> sorted_copy(std::span<const double> xs) {
    std::vector<double> v(xs.begin(), xs.end());
    std::sort(v.begin(), v.end());
    return v;
}

}  // namespace

double mean(std::span<const double> xs) {
    if (xs.empty()) return nan;
    return std::accumulate(xs.begin(), xs.end(), 0.0) / static_cast<double>(xs.size());
}

double median(std::span<const double> xs) { return percentile(xs, 50); }

double stddev(std::span<const double> xs) {
    if (xs.size() < 2) return 0;
    // Two passes: subtracting the mean first avoids the cancellation of sum(x^2) - n*m^2,
    // which matters for ns/op figures with a tiny spread around a large value.
    const double m = mean(xs);
    double ss = 0;
    for (const double x : xs) ss += (x - m) * (x - m);
    return std::sqrt(ss / static_cast<double>(xs.size() - 1));
}

double cv(std::span<const double> xs) {
    if (xs.size() < 2) return 0;
    const double m = mean(xs);
    return m == 0 ? 0 : stddev(xs) / m;
}

double percentile(std::span<const double> xs, double p) {
    if (xs.empty()) return nan;
    const std::vector<double> v = sorted_copy(xs);
    p = std::isnan(p) ? 0 : std::clamp(p, 0.0, 100.0);
    const double pos = p / 100.0 * static_cast<double>(v.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, v.size() - 1);
    const double frac = pos - static_cast<double>(lo);
    return v[lo] + (v[hi] - v[lo]) * frac;
}

double minimum(std::span<const double> xs) {
    return xs.empty() ? nan : *std::min_element(xs.begin(), xs.end());
}

double maximum(std::span<const double> xs) {
    return xs.empty() ? nan : *std::max_element(xs.begin(), xs.end());
}

double geometric_mean(std::span<const double> xs) {
    if (xs.empty()) return nan;
    double log_sum = 0;
    for (const double x : xs) {
        if (!(x > 0)) return nan;
        log_sum += std::log(x);
    }
    return std::exp(log_sum / static_cast<double>(xs.size()));
}

double jain_fairness(std::span<const double> xs) {
    if (xs.empty()) return nan;
    double sum = 0;
    double sum_sq = 0;
    for (const double x : xs) {
        sum += x;
        sum_sq += x * x;
    }
    if (sum_sq == 0) return nan;
    return sum * sum / (static_cast<double>(xs.size()) * sum_sq);
}

}  // namespace psem::bench
