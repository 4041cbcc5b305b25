// stats/signed_rank.cpp - W+ statistic, exact distribution, normal approximation, and the
// paired Hodges-Lehmann interval.
#include "stats/signed_rank.hpp"

#include "stats/normal.hpp"
#include "stats/order_interval.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace psem::bench {
namespace {

constexpr double no_value = std::numeric_limits<double>::quiet_NaN();

double total_rank(std::size_t n) { return static_cast<double>(n) * static_cast<double>(n + 1) / 2.0; }

struct signed_ranks {
    double w_plus = 0;
    double tie_term = 0;  // sum over tie groups of t^3 - t
    bool ties = false;
};

// Mid-ranks of |d| over the non-zero differences.
signed_ranks rank_magnitudes(const std::vector<double>& d) {
    std::vector<double> mags(d.size());
    std::transform(d.begin(), d.end(), mags.begin(), [](double v) { return std::fabs(v); });
    std::vector<std::size_t> order(d.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return mags[a] < mags[b]; });
    signed_ranks r;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i + 1;
        while (j < order.size() && mags[order[j]] == mags[order[i]]) ++j;
        const double mid_rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2.0;
        for (std::size_t k = i; k < j; ++k)
            if (d[order[k]] > 0) r.w_plus += mid_rank;
        if (j - i > 1) {
            r.ties = true;
            const auto t = static_cast<double>(j - i);
            r.tie_term += t * t * t - t;
        }
        i = j;
    }
    return r;
}

double exact_p(double w_plus, std::size_t n) {
    const std::vector<double> pmf = signed_rank_distribution(n);
    const auto w = static_cast<std::size_t>(std::llround(w_plus));
    double lower = 0;  // P(W+ <= w)
    double upper = 0;  // P(W+ >= w)
    for (std::size_t i = 0; i < pmf.size(); ++i) {
        if (i <= w) lower += pmf[i];
        if (i >= w) upper += pmf[i];
    }
    return std::min(1.0, 2.0 * std::min(lower, upper));
}

double asymptotic_p(double w_plus, std::size_t n, double tie_term) {
    const auto m = static_cast<double>(n);
    const double mean = m * (m + 1) / 4.0;
    const double var = m * (m + 1) * (2 * m + 1) / 24.0 - tie_term / 48.0;
    if (!(var > 0)) return 1.0;
    const double dev = std::max(0.0, std::fabs(w_plus - mean) - 0.5);  // continuity correction
    return std::min(1.0, 2.0 * normal_sf(dev / std::sqrt(var)));
}

// The interval's order index k (1-based, [w_(k), w_(M+1-k)] over the M Walsh averages).
order_index choose_k(std::size_t n, double confidence) {
    if (n <= signed_rank_exact_limit) return order_index_exact(signed_rank_distribution(n), confidence);
    const auto m = static_cast<double>(n);
    return order_index_normal(static_cast<std::size_t>(total_rank(n)), std::sqrt(m * (m + 1) * (2 * m + 1) / 24.0),
                              confidence);
}

}  // namespace

std::vector<double> signed_rank_distribution(std::size_t n) {
    // W+ is the sum of a subset of the ranks 1..n, each subset equally likely: count the
    // subsets by sum (a 0/1 knapsack). Counts stay below 2^50, exact in a double.
    const auto top = static_cast<std::size_t>(total_rank(n));
    std::vector<double> ways{1.0};  // the empty subset (not ways(n)[0] = 1: GCC 12 then
    ways.resize(top + 1, 0.0);      // warns of a null dereference under -Werror)
    std::size_t reach = 0;
    for (std::size_t r = 1; r <= n; ++r) {
        reach += r;
        for (std::size_t s = reach; s >= r; --s) ways[s] += ways[s - r];
    }
    const double total = std::ldexp(1.0, static_cast<int>(n));
    for (double& w : ways) w /= total;
    return ways;
}

signed_rank_result wilcoxon_signed_rank(std::span<const double> differences, signed_rank_method method) {
    signed_rank_result r;
    std::vector<double> d;
    d.reserve(differences.size());
    for (const double v : differences)
        if (v != 0 && !std::isnan(v)) d.push_back(v);
    r.n = d.size();
    if (d.empty()) {
        r.p_value = no_value;
        return r;
    }
    const signed_ranks rk = rank_magnitudes(d);
    r.w_plus = rk.w_plus;
    r.w_minus = total_rank(r.n) - rk.w_plus;
    r.ties = rk.ties;
    r.exact = method == signed_rank_method::automatic && !rk.ties && r.n <= signed_rank_exact_limit;
    r.p_value = r.exact ? exact_p(r.w_plus, r.n) : asymptotic_p(r.w_plus, r.n, rk.tie_term);
    return r;
}

double signed_rank_min_p_value(std::size_t n) {
    if (n == 0) return 1;
    if (n <= signed_rank_exact_limit) return std::min(1.0, 2.0 / std::ldexp(1.0, static_cast<int>(n)));
    return asymptotic_p(total_rank(n), n, 0);
}

std::optional<std::size_t> signed_rank_pairs_needed(double alpha) {
    if (!(alpha > 0)) return std::nullopt;
    for (std::size_t n = 1; n <= 100000; ++n)
        if (signed_rank_min_p_value(n) <= alpha) return n;
    return std::nullopt;
}

ratio_interval paired_ratio_interval(std::span<const double> baseline, std::span<const double> contender,
                                     double confidence) {
    const ratio_interval invalid{no_value, no_value, no_value, no_value};
    if (baseline.empty() || baseline.size() != contender.size() || !(confidence > 0 && confidence < 1))
        return invalid;
    std::vector<double> logs;
    logs.reserve(baseline.size());
    for (std::size_t i = 0; i < baseline.size(); ++i) {
        const double b = baseline[i];
        const double c = contender[i];
        if (!(b > 0 && c > 0 && std::isfinite(b) && std::isfinite(c))) return invalid;
        logs.push_back(std::log(c) - std::log(b));
    }
    // Walsh averages: (d_i + d_j) / 2 for every i <= j; their median is the estimate.
    std::vector<double> walsh;
    walsh.reserve(logs.size() * (logs.size() + 1) / 2);
    for (std::size_t i = 0; i < logs.size(); ++i)
        for (std::size_t j = i; j < logs.size(); ++j) walsh.push_back((logs[i] + logs[j]) / 2.0);
    std::sort(walsh.begin(), walsh.end());
    const std::size_t m = walsh.size();
    const double hl = m % 2 == 1 ? walsh[m / 2] : (walsh[m / 2 - 1] + walsh[m / 2]) / 2.0;
    const order_index idx = choose_k(logs.size(), confidence);
    return {std::exp(hl), std::exp(walsh[idx.k - 1]), std::exp(walsh[m - idx.k]), idx.coverage};
}

}  // namespace psem::bench
