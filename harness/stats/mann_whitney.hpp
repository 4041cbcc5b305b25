// stats/mann_whitney.hpp - the Mann-Whitney U test (Wilcoxon rank-sum), two-sided.
//
// Used by `psem-bench compare` to tell a real difference between two sets of repetitions
// from noise without assuming normal timings. Conventions follow scipy.stats.mannwhitneyu
// (two-sided, continuity correction on): U1 counts the pairs (x, y) with x > y, ties
// counting one half; the p-value is from the exact null distribution for small samples
// without ties, and from the normal approximation with tie correction otherwise.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace psem::bench {

enum class mann_whitney_method {
    automatic,   // exact when both samples have <= exact_limit values and there are no ties
    exact,       // exact distribution even with ties (ties then make it approximate)
    asymptotic,  // normal approximation with tie and continuity corrections
};

struct mann_whitney_result {
    double u1 = 0;        // U of the first sample
    double u2 = 0;        // n1 * n2 - u1
    double p_value = 1;   // two-sided; NaN when a sample is empty
    double z = 0;         // the approximation's z score (0 for the exact method)
    bool exact = false;   // which method produced p_value
    bool ties = false;    // whether any value occurs in both samples or twice
};

/// Sample sizes up to which `automatic` uses the exact distribution.
inline constexpr std::size_t mann_whitney_exact_limit = 20;

[[nodiscard]] mann_whitney_result mann_whitney_u(std::span<const double> x, std::span<const double> y,
                                                 mann_whitney_method method = mann_whitney_method::automatic);

/// The exact null distribution of U for sample sizes n1, n2 (no ties): element u is
/// P(U = u), for u = 0 .. n1 * n2. Cost O((n1 * n2)^2): meant for small samples.
[[nodiscard]] std::vector<double> mann_whitney_distribution(std::size_t n1, std::size_t n2);

/// The smallest two-sided p-value any data can reach with these sample sizes (complete
/// separation, no ties), by the method `automatic` would use. If it exceeds alpha, no
/// difference can ever be called significant: add repetitions.
[[nodiscard]] double mann_whitney_min_p_value(std::size_t n1, std::size_t n2);

/// The smallest n for the second sample such that mann_whitney_min_p_value(n_other, n)
/// <= alpha; with n_other == 0, the smallest n for two samples of n each. nullopt if no
/// n up to 100000 can do it (alpha <= 0, or n_other too small for this alpha).
[[nodiscard]] std::optional<std::size_t> mann_whitney_samples_needed(double alpha, std::size_t n_other = 0);

}  // namespace psem::bench
