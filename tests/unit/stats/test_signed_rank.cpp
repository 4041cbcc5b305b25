// Tests of the Wilcoxon signed-rank test and the paired ratio interval: a published value,
// and exact cases checked by enumerating every assignment of signs to the differences.
#include "stats/signed_rank.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <vector>

namespace {

using namespace psem::bench;

// W+ by definition over distinct magnitudes: rank of |d| among all, summed over d > 0.
double w_plus_by_ranks(const std::vector<double>& d) {
    double w = 0;
    for (const double v : d) {
        if (v <= 0) continue;
        w += 1 + static_cast<double>(std::count_if(d.begin(), d.end(),
                                                   [&](double u) { return std::fabs(u) < std::fabs(v); }));
    }
    return w;
}

// Exact two-sided p by enumeration: under the null every sign pattern is equally likely;
// the p is twice the smaller tail at the observed W+.
double brute_force_p(const std::vector<double>& d) {
    const double observed = w_plus_by_ranks(d);
    const std::size_t n = d.size();
    double lower = 0;
    double upper = 0;
    for (std::size_t mask = 0; mask < (std::size_t{1} << n); ++mask) {
        std::vector<double> flipped(d);
        for (std::size_t i = 0; i < n; ++i) flipped[i] = (mask >> i & 1U) ? std::fabs(d[i]) : -std::fabs(d[i]);
        const double w = w_plus_by_ranks(flipped);
        lower += w <= observed;
        upper += w >= observed;
    }
    const double total = std::ldexp(1.0, static_cast<int>(n));
    return std::min(1.0, 2.0 * std::min(lower, upper) / total);
}

TEST(SignedRank, ScipyDocumentationExample) {
    // scipy.stats.wilcoxon's documentation: Darwin's height differences of cross- and
    // self-fertilised plants; it reports statistic 24.0 (the smaller of W+ and W-) and
    // p 0.041259765625 (exact, two-sided).
    const std::vector<double> d{6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75};
    const auto r = wilcoxon_signed_rank(d);
    EXPECT_TRUE(r.exact);
    EXPECT_FALSE(r.ties);
    EXPECT_EQ(r.n, 15u);
    EXPECT_DOUBLE_EQ(r.w_minus, 24.0);
    EXPECT_DOUBLE_EQ(r.w_plus, 96.0);
    EXPECT_NEAR(r.p_value, 0.041259765625, 1e-12);
}

TEST(SignedRank, ExactPMatchesEnumerationOfSigns) {
    std::mt19937 rng(7);
    std::normal_distribution<double> noise(0.3, 1.0);
    for (std::size_t n = 1; n <= 12; ++n) {
        std::vector<double> d(n);
        for (double& v : d) v = noise(rng);
        const auto r = wilcoxon_signed_rank(d);
        ASSERT_TRUE(r.exact) << n;
        EXPECT_DOUBLE_EQ(r.w_plus, w_plus_by_ranks(d)) << n;
        EXPECT_NEAR(r.p_value, brute_force_p(d), 1e-12) << "n = " << n;
    }
}

TEST(SignedRank, DistributionIsSymmetricAndSumsToOne) {
    // n = 3: subsets of {1, 2, 3} by sum 0..6 are 1, 1, 1, 2, 1, 1, 1 out of 8.
    const auto p3 = signed_rank_distribution(3);
    const std::vector<double> expected{1, 1, 1, 2, 1, 1, 1};
    ASSERT_EQ(p3.size(), expected.size());
    for (std::size_t i = 0; i < p3.size(); ++i) EXPECT_DOUBLE_EQ(p3[i], expected[i] / 8.0) << i;
    for (const std::size_t n : {1U, 10U, 30U, 50U}) {
        const auto p = signed_rank_distribution(n);
        EXPECT_NEAR(std::accumulate(p.begin(), p.end(), 0.0), 1.0, 1e-12) << n;
        for (std::size_t i = 0; i < p.size(); ++i) EXPECT_DOUBLE_EQ(p[i], p[p.size() - 1 - i]) << n;
    }
}

TEST(SignedRank, ZeroDifferencesAreDroppedAndAllZeroHasNoTest) {
    const auto r = wilcoxon_signed_rank(std::vector<double>{0, 0.5, -0.25, 1, 0});
    EXPECT_EQ(r.n, 3u);
    EXPECT_NEAR(r.p_value, brute_force_p({0.5, -0.25, 1}), 1e-12);
    const auto none = wilcoxon_signed_rank(std::vector<double>{0, 0, 0});
    EXPECT_EQ(none.n, 0u);
    EXPECT_TRUE(std::isnan(none.p_value));
    EXPECT_TRUE(std::isnan(wilcoxon_signed_rank(std::vector<double>{}).p_value));
}

TEST(SignedRank, TiesUseTheCorrectedNormalApproximation) {
    // Four magnitudes tied at 1 (mid-rank 2.5) and one 2 (rank 5), all positive but one:
    // W+ = 2.5 * 3 + 5 = 12.5. The approximation's z = (|12.5 - 7.5| - 0.5) / sqrt(13.75 -
    // 60/48) = 4.5 / sqrt(12.5), p = 2 * P(Z > 1.2728) = 0.2031 (normal table).
    const auto r = wilcoxon_signed_rank(std::vector<double>{1, 1, 1, -1, 2});
    EXPECT_TRUE(r.ties);
    EXPECT_FALSE(r.exact);
    EXPECT_DOUBLE_EQ(r.w_plus, 12.5);
    EXPECT_NEAR(r.p_value, 0.2031, 5e-4);
    // Flipping every sign swaps W+ and W- and keeps the two-sided p.
    const auto flipped = wilcoxon_signed_rank(std::vector<double>{-1, -1, -1, 1, -2});
    EXPECT_DOUBLE_EQ(flipped.w_plus, r.w_minus);
    EXPECT_DOUBLE_EQ(flipped.p_value, r.p_value);
}

TEST(SignedRank, LargeSamplesUseTheApproximationWhichAgreesWithExact) {
    std::mt19937 rng(11);
    std::normal_distribution<double> noise(0.2, 1.0);
    std::vector<double> d(60);
    for (double& v : d) v = noise(rng);
    const auto big = wilcoxon_signed_rank(d);
    EXPECT_FALSE(big.exact);
    EXPECT_GT(big.p_value, 0);
    EXPECT_LE(big.p_value, 1);
    // At the exact limit both methods apply to the same data and must nearly agree.
    const std::vector<double> first50(d.begin(), d.begin() + 50);
    const auto exact = wilcoxon_signed_rank(first50);
    const auto approx = wilcoxon_signed_rank(first50, signed_rank_method::asymptotic);
    ASSERT_TRUE(exact.exact);
    ASSERT_FALSE(approx.exact);
    EXPECT_DOUBLE_EQ(exact.w_plus, approx.w_plus);
    EXPECT_NEAR(approx.p_value, exact.p_value, 0.01);
    // The Darwin data's approximate p. scipy's method="approx" documents 0.04088813291185591
    // without continuity correction, z = 36 / sqrt(310); with it (correction=True, ours),
    // z = 35.5 / sqrt(310) and p = 0.0437723.
    const std::vector<double> darwin{6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75};
    EXPECT_NEAR(wilcoxon_signed_rank(darwin, signed_rank_method::asymptotic).p_value, 0.0437723, 1e-6);
}

TEST(SignedRank, MinimumPAndPairsNeeded) {
    EXPECT_DOUBLE_EQ(signed_rank_min_p_value(0), 1.0);
    EXPECT_DOUBLE_EQ(signed_rank_min_p_value(1), 1.0);
    EXPECT_DOUBLE_EQ(signed_rank_min_p_value(8), 2.0 / 256);
    // Every difference of one sign is what the minimum means.
    EXPECT_DOUBLE_EQ(wilcoxon_signed_rank(std::vector<double>{1, 2, 3, 4, 5, 6, 7, 8}).p_value, 2.0 / 256);
    EXPECT_EQ(signed_rank_pairs_needed(0.05), 6u);   // 2/64 = 0.031; 5 pairs give 0.0625
    EXPECT_EQ(signed_rank_pairs_needed(0.01), 8u);   // 2/256 = 0.0078; 7 give 0.0156
    EXPECT_EQ(signed_rank_pairs_needed(0.001), 11u); // 2/2048 = 0.00098
    EXPECT_FALSE(signed_rank_pairs_needed(0).has_value());
}

TEST(PairedRatioInterval, ConstantRatioIsExact) {
    const std::vector<double> base{10, 20, 15, 12, 30};
    std::vector<double> cont;
    for (const double b : base) cont.push_back(b * 1.1);
    const auto ci = paired_ratio_interval(base, cont);
    EXPECT_NEAR(ci.estimate, 1.1, 1e-12);
    EXPECT_NEAR(ci.lower, 1.1, 1e-12);
    EXPECT_NEAR(ci.upper, 1.1, 1e-12);
}

TEST(PairedRatioInterval, EstimateAndBoundsAreWalshOrderStatistics) {
    // Ten log ratios 0.01 .. 0.10. The 55 Walsh averages' median is their centre, 0.055;
    // for 95% the exact signed-rank table for n = 10 gives critical value 8 (P(W+ <= 8)
    // = 25/1024), so the bounds are the 9th and 47th Walsh averages.
    std::vector<double> logs;
    for (int i = 1; i <= 10; ++i) logs.push_back(0.01 * i);
    std::vector<double> base;
    std::vector<double> cont;
    for (std::size_t i = 0; i < logs.size(); ++i) {
        base.push_back(100.0 + static_cast<double>(i));
        cont.push_back(base.back() * std::exp(logs[i]));
    }
    std::vector<double> walsh;
    for (std::size_t i = 0; i < logs.size(); ++i)
        for (std::size_t j = i; j < logs.size(); ++j) walsh.push_back((logs[i] + logs[j]) / 2);
    std::sort(walsh.begin(), walsh.end());
    const auto ci = paired_ratio_interval(base, cont, 0.95);
    EXPECT_NEAR(std::log(ci.estimate), 0.055, 1e-12);
    EXPECT_NEAR(std::log(ci.lower), walsh[8], 1e-12);
    EXPECT_NEAR(std::log(ci.upper), walsh[46], 1e-12);
    EXPECT_NEAR(ci.confidence, 1 - 2 * 25.0 / 1024, 1e-12);
}

TEST(PairedRatioInterval, InvalidInputGivesNaN) {
    const std::vector<double> a{1, 2};
    const std::vector<double> b{1, 2, 3};
    EXPECT_TRUE(std::isnan(paired_ratio_interval(a, b).estimate));
    EXPECT_TRUE(std::isnan(paired_ratio_interval({}, {}).estimate));
    EXPECT_TRUE(std::isnan(paired_ratio_interval(std::vector<double>{1, 0}, a).estimate));
}

}  // namespace
