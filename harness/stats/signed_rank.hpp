// stats/signed_rank.hpp - the Wilcoxon signed-rank test and the paired ratio interval.
//
// For paired data: an interleaved gate runs the baseline and the contender side by side
// in rounds, and each round's two figures saw the same machine state. Testing the
// per-round differences cancels the drift between rounds that a pooled two-sample test
// (Mann-Whitney) must count as noise. Conventions follow scipy.stats.wilcoxon
// (zero_method "wilcox": zero differences are dropped; two-sided): W+ is the sum of the
// (mid-)ranks of |d| over the positive differences; the p-value is from the exact null
// distribution for small samples without ties, else from the normal approximation with
// tie and continuity corrections (scipy's correction=True; its default is False).
#pragma once

#include "stats/ratio_interval.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace psem::bench {

struct signed_rank_result {
    double w_plus = 0;    // sum of the ranks of the positive differences
    double w_minus = 0;   // n (n + 1) / 2 - w_plus
    std::size_t n = 0;    // non-zero differences: the test's sample size
    double p_value = 1;   // two-sided; NaN when every difference is zero or there is none
    bool exact = false;   // which method produced p_value
    bool ties = false;    // whether two |d| are equal
};

/// Non-zero differences up to which the exact distribution is used (when there are no ties).
inline constexpr std::size_t signed_rank_exact_limit = 50;

enum class signed_rank_method {
    automatic,   // exact up to signed_rank_exact_limit differences when there are no ties
    asymptotic,  // normal approximation with tie and continuity corrections
};

[[nodiscard]] signed_rank_result wilcoxon_signed_rank(std::span<const double> differences,
                                                      signed_rank_method method = signed_rank_method::automatic);

/// The exact null distribution of W+ for n non-zero differences without ties: element w
/// is P(W+ = w), for w = 0 .. n (n + 1) / 2.
[[nodiscard]] std::vector<double> signed_rank_distribution(std::size_t n);

/// The smallest two-sided p any n pairs can give (every difference the same sign): 2 / 2^n
/// where the exact distribution applies. Above alpha, add rounds.
[[nodiscard]] double signed_rank_min_p_value(std::size_t n);

/// The smallest n with signed_rank_min_p_value(n) <= alpha; nullopt for alpha <= 0.
[[nodiscard]] std::optional<std::size_t> signed_rank_pairs_needed(double alpha);

/// Paired figures, baseline[i] beside contender[i] (positive, same length): the
/// Hodges-Lehmann estimate of the typical ratio contender / baseline (the median of the
/// Walsh averages of the log ratios, exponentiated) and its order-statistic interval,
/// inverted from the signed-rank distribution. All NaN when the spans are empty, differ
/// in length or hold a value <= 0.
[[nodiscard]] ratio_interval paired_ratio_interval(std::span<const double> baseline,
                                                   std::span<const double> contender, double confidence = 0.95);

}  // namespace psem::bench
