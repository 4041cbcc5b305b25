// stats/mann_whitney.cpp - U statistic, exact distribution and normal approximation.
#include "stats/mann_whitney.hpp"

#include "stats/normal.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>
#include <utility>

namespace psem::bench {
namespace {

struct ranked {
    double rank_sum_x = 0;      // sum of the (mid-)ranks of the first sample
    double tie_term = 0;        // sum over tie groups of t^3 - t
    bool ties = false;
};

// Mid-ranks of the pooled sample: tied values share the mean of the ranks they span.
ranked rank_pooled(std::span<const double> x, std::span<const double> y) {
    std::vector<std::pair<double, bool>> pooled;  // value, from x
    pooled.reserve(x.size() + y.size());
    for (const double v : x) pooled.emplace_back(v, true);
    for (const double v : y) pooled.emplace_back(v, false);
    std::sort(pooled.begin(), pooled.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    ranked r;
    for (std::size_t i = 0; i < pooled.size();) {
        std::size_t j = i + 1;
        while (j < pooled.size() && pooled[j].first == pooled[i].first) ++j;
        const auto t = static_cast<double>(j - i);
        const double mid_rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2.0;
        for (std::size_t k = i; k < j; ++k)
            if (pooled[k].second) r.rank_sum_x += mid_rank;
        if (j - i > 1) {
            r.ties = true;
            r.tie_term += t * t * t - t;
        }
        i = j;
    }
    return r;
}

// Two-sided p from the exact distribution: twice the upper tail at the larger U.
double exact_p(double u_max, std::size_t n1, std::size_t n2) {
    const std::vector<double> pmf = mann_whitney_distribution(n1, n2);
    // With ties U can be a half-integer; the tail starts at the next attainable value.
    const auto first = static_cast<std::size_t>(std::ceil(u_max));
    double tail = 0;
    for (std::size_t u = first; u < pmf.size(); ++u) tail += pmf[u];
    return std::min(1.0, 2.0 * tail);
}

// Two-sided p from the normal approximation, as scipy does it: z from the larger U, half
// a unit of continuity correction, variance reduced by the ties.
std::pair<double, double> asymptotic_p(double u_max, std::size_t n1, std::size_t n2, double tie_term) {
    const auto a = static_cast<double>(n1);
    const auto b = static_cast<double>(n2);
    const double n = a + b;
    const double mu = a * b / 2.0;
    const double var = a * b / 12.0 * ((n + 1) - tie_term / (n * (n - 1)));
    if (!(var > 0)) return {0.0, 1.0};  // every value equal: no evidence of a difference
    const double z = (u_max - mu - 0.5) / std::sqrt(var);
    return {z, std::min(1.0, 2.0 * normal_sf(z))};
}

bool use_exact(mann_whitney_method method, std::size_t n1, std::size_t n2, bool ties) {
    switch (method) {
        case mann_whitney_method::exact: return true;
        case mann_whitney_method::asymptotic: return false;
        case mann_whitney_method::automatic: break;
    }
    return !ties && n1 <= mann_whitney_exact_limit && n2 <= mann_whitney_exact_limit;
}

}  // namespace

std::vector<double> mann_whitney_distribution(std::size_t n1, std::size_t n2) {
    // U is the sum, over the values of the smaller sample, of how many values of the
    // other sample lie below each: a multiset of k = min(n1, n2) numbers from 0..m,
    // m = max(n1, n2). Count those multisets by sum with a knapsack over part values
    // 1..m and the number of non-zero parts (at most k). Only additions: no cancellation.
    const std::size_t k = std::min(n1, n2);
    const std::size_t m = std::max(n1, n2);
    const std::size_t top = k * m;
    std::vector<std::vector<double>> ways(k + 1, std::vector<double>(top + 1, 0.0));
    ways[0][0] = 1;
    for (std::size_t v = 1; v <= m; ++v)
        for (std::size_t j = 1; j <= k; ++j)
            for (std::size_t s = v; s <= top; ++s) ways[j][s] += ways[j - 1][s - v];
    std::vector<double> pmf(top + 1, 0.0);
    double total = 0;
    for (std::size_t s = 0; s <= top; ++s) {
        for (std::size_t j = 0; j <= k; ++j) pmf[s] += ways[j][s];
        total += pmf[s];  // = C(n1 + n2, n1)
    }
    for (double& p : pmf) p /= total;
    return pmf;
}

mann_whitney_result mann_whitney_u(std::span<const double> x, std::span<const double> y,
                                   mann_whitney_method method) {
    mann_whitney_result r;
    if (x.empty() || y.empty()) {
        r.p_value = std::numeric_limits<double>::quiet_NaN();
        return r;
    }
    const ranked rk = rank_pooled(x, y);
    const auto n1 = static_cast<double>(x.size());
    const auto n2 = static_cast<double>(y.size());
    r.u1 = rk.rank_sum_x - n1 * (n1 + 1) / 2.0;
    r.u2 = n1 * n2 - r.u1;
    r.ties = rk.ties;
    const double u_max = std::max(r.u1, r.u2);
    if (use_exact(method, x.size(), y.size(), rk.ties)) {
        r.exact = true;
        r.p_value = exact_p(u_max, x.size(), y.size());
    } else {
        std::tie(r.z, r.p_value) = asymptotic_p(u_max, x.size(), y.size(), rk.tie_term);
    }
    return r;
}

double mann_whitney_min_p_value(std::size_t n1, std::size_t n2) {
    if (n1 == 0 || n2 == 0) return 1;
    if (n1 <= mann_whitney_exact_limit && n2 <= mann_whitney_exact_limit) {
        // Complete separation is one arrangement out of C(n1 + n2, n1), on either side.
        double arrangements = 1;
        for (std::size_t i = 1; i <= n1; ++i)
            arrangements = arrangements * static_cast<double>(n2 + i) / static_cast<double>(i);
        return std::min(1.0, 2.0 / arrangements);
    }
    const double u_max = static_cast<double>(n1) * static_cast<double>(n2);
    return asymptotic_p(u_max, n1, n2, 0).second;
}

std::optional<std::size_t> mann_whitney_samples_needed(double alpha, std::size_t n_other) {
    if (!(alpha > 0)) return std::nullopt;
    constexpr std::size_t limit = 100000;
    for (std::size_t n = 1; n <= limit; ++n) {
        const std::size_t other = n_other == 0 ? n : n_other;
        if (mann_whitney_min_p_value(other, n) <= alpha) return n;
    }
    return std::nullopt;
}

}  // namespace psem::bench
