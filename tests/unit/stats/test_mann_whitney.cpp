// Tests of the Mann-Whitney U test: published values, and exact cases checked by
// enumerating every assignment of the pooled values to the two samples.
#include "stats/mann_whitney.hpp"
#include "stats/normal.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <vector>

namespace {

using namespace psem::bench;

// U of x by definition: pairs with x > y, ties one half.
double u_by_pairs(const std::vector<double>& x, const std::vector<double>& y) {
    double u = 0;
    for (const double a : x)
        for (const double b : y) u += a > b ? 1.0 : a == b ? 0.5 : 0.0;
    return u;
}

// Exact two-sided p by enumeration: over every way to split the pooled values into
// samples of the same sizes, the share whose larger U is at least the observed one.
double brute_force_p(const std::vector<double>& x, const std::vector<double>& y) {
    std::vector<double> pooled = x;
    pooled.insert(pooled.end(), y.begin(), y.end());
    const double n1n2 = static_cast<double>(x.size() * y.size());
    const double observed = std::max(u_by_pairs(x, y), n1n2 - u_by_pairs(x, y));
    std::vector<bool> pick(pooled.size(), false);
    std::fill(pick.begin(), pick.begin() + static_cast<std::ptrdiff_t>(x.size()), true);
    std::sort(pick.begin(), pick.end());
    double hits = 0;
    double total = 0;
    do {
        std::vector<double> a;
        std::vector<double> b;
        for (std::size_t i = 0; i < pooled.size(); ++i) (pick[i] ? a : b).push_back(pooled[i]);
        const double u = u_by_pairs(a, b);
        // The two-sided p doubles the upper tail of the symmetric distribution.
        hits += u >= observed ? 1 : 0;
        total += 1;
    } while (std::next_permutation(pick.begin(), pick.end()));
    return std::min(1.0, 2.0 * hits / total);
}

TEST(MannWhitney, ScipyDocumentationExample) {
    // scipy.stats.mannwhitneyu documentation: ages of males and females; it reports
    // statistic 17.0 and p 0.1111111111111111 (exact), 0.11134688653314041 (asymptotic).
    const std::vector<double> males{19, 22, 16, 29, 24};
    const std::vector<double> females{20, 11, 17, 12};
    const auto exact = mann_whitney_u(males, females);
    EXPECT_TRUE(exact.exact);
    EXPECT_DOUBLE_EQ(exact.u1, 17.0);
    EXPECT_DOUBLE_EQ(exact.u2, 3.0);
    EXPECT_NEAR(exact.p_value, 0.1111111111111111, 1e-12);
    const auto approx = mann_whitney_u(males, females, mann_whitney_method::asymptotic);
    EXPECT_FALSE(approx.exact);
    EXPECT_NEAR(approx.p_value, 0.11134688653314041, 1e-9);
}

TEST(MannWhitney, RDocumentationExample) {
    // R's ?wilcox.test (Hollander & Wolfe): W = 35, p = 0.1272 for alternative "greater";
    // the two-sided exact p is twice that, 764/3003.
    const std::vector<double> x{0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
    const std::vector<double> y{1.15, 0.88, 0.90, 0.74, 1.21};
    const auto r = mann_whitney_u(x, y);
    EXPECT_DOUBLE_EQ(r.u1, 35.0);
    EXPECT_NEAR(r.p_value, 764.0 / 3003.0, 1e-12);
}

TEST(MannWhitney, CompleteSeparation) {
    const std::vector<double> low{1, 2, 3};
    const std::vector<double> high{4, 5, 6};
    const auto r = mann_whitney_u(low, high);
    EXPECT_EQ(r.u1, 0.0);
    EXPECT_EQ(r.u2, 9.0);
    EXPECT_NEAR(r.p_value, 2.0 / 20.0, 1e-12);  // 1 arrangement of C(6,3) = 20, both tails
    EXPECT_NEAR(r.p_value, mann_whitney_min_p_value(3, 3), 1e-12);
}

TEST(MannWhitney, DistributionMatchesEnumeration) {
    for (std::size_t n1 = 1; n1 <= 6; ++n1) {
        for (std::size_t n2 = 1; n2 <= 6; ++n2) {
            // Count U over every choice of which ranks belong to the first sample.
            std::map<std::size_t, double> counts;
            double total = 0;
            std::vector<bool> pick(n1 + n2, false);
            std::fill(pick.begin(), pick.begin() + static_cast<std::ptrdiff_t>(n1), true);
            std::sort(pick.begin(), pick.end());
            do {
                std::size_t u = 0;
                std::size_t ys_below = 0;
                for (const bool is_x : pick) {
                    if (is_x)
                        u += ys_below;
                    else
                        ++ys_below;
                }
                counts[u] += 1;
                total += 1;
            } while (std::next_permutation(pick.begin(), pick.end()));
            const std::vector<double> pmf = mann_whitney_distribution(n1, n2);
            ASSERT_EQ(pmf.size(), n1 * n2 + 1);
            for (std::size_t u = 0; u < pmf.size(); ++u)
                EXPECT_NEAR(pmf[u], counts[u] / total, 1e-12) << n1 << "x" << n2 << " U=" << u;
        }
    }
}

TEST(MannWhitney, ExactPMatchesBruteForceOnRandomSamples) {
    std::mt19937 rng{2024};
    std::uniform_real_distribution<double> base{10, 20};
    for (int trial = 0; trial < 20; ++trial) {
        const std::size_t n1 = 2 + static_cast<std::size_t>(trial % 6);
        const std::size_t n2 = 3 + static_cast<std::size_t>(trial % 5);
        std::vector<double> x;
        std::vector<double> y;
        for (std::size_t i = 0; i < n1; ++i) x.push_back(base(rng));
        for (std::size_t i = 0; i < n2; ++i) y.push_back(base(rng) + 2.0);  // a small shift
        const auto r = mann_whitney_u(x, y);
        ASSERT_TRUE(r.exact);
        EXPECT_DOUBLE_EQ(r.u1, u_by_pairs(x, y));
        EXPECT_NEAR(r.p_value, brute_force_p(x, y), 1e-12) << "trial " << trial;
    }
}

TEST(MannWhitney, TiesUseTheCorrectedNormalApproximation) {
    const std::vector<double> x{1, 2, 2, 3, 4};
    const std::vector<double> y{2, 3, 5, 6, 6, 7};
    const auto r = mann_whitney_u(x, y);
    EXPECT_TRUE(r.ties);
    EXPECT_FALSE(r.exact);
    EXPECT_DOUBLE_EQ(r.u1, u_by_pairs(x, y));  // 4.5: three half-pairs from the ties
    // By hand: n = 11, tie groups {2,2,2} and {3,3} and {6,6}: sum t^3 - t = 24 + 6 + 6.
    const double var = 5.0 * 6.0 / 12.0 * (12.0 - 36.0 / (11.0 * 10.0));
    const double z = (30.0 - 4.5 - 15.0 - 0.5) / std::sqrt(var);
    EXPECT_NEAR(r.z, z, 1e-12);
    EXPECT_NEAR(r.p_value, 2.0 * normal_sf(z), 1e-12);
}

TEST(MannWhitney, LargeSamplesUseTheNormalApproximation) {
    std::vector<double> x;
    std::vector<double> y;
    for (int i = 0; i < 30; ++i) {
        x.push_back(i);
        y.push_back(30 + i);
    }
    const auto r = mann_whitney_u(x, y);
    EXPECT_FALSE(r.exact);
    // z = (900 - 450 - 0.5) / sqrt(30 * 30 * 61 / 12).
    EXPECT_NEAR(r.z, 449.5 / std::sqrt(4575.0), 1e-12);
    EXPECT_LT(r.p_value, 1e-9);
}

TEST(MannWhitney, IdenticalSamplesAndDegenerateInput) {
    const std::vector<double> same{5, 5, 5};
    const auto r = mann_whitney_u(same, same);
    EXPECT_EQ(r.p_value, 1.0);  // every value tied: no evidence of any difference
    const std::vector<double> none;
    EXPECT_TRUE(std::isnan(mann_whitney_u(none, same).p_value));
}

TEST(MannWhitney, SymmetricInItsArguments) {
    const std::vector<double> x{1.1, 2.5, 3.3, 0.4};
    const std::vector<double> y{2.2, 4.1, 5.0, 3.9, 6.6};
    const auto xy = mann_whitney_u(x, y);
    const auto yx = mann_whitney_u(y, x);
    EXPECT_DOUBLE_EQ(xy.u1, yx.u2);
    EXPECT_DOUBLE_EQ(xy.p_value, yx.p_value);
}

TEST(MannWhitney, MinimumPValueAndSamplesNeeded) {
    EXPECT_NEAR(mann_whitney_min_p_value(4, 4), 2.0 / 70.0, 1e-12);   // C(8,4) = 70
    EXPECT_NEAR(mann_whitney_min_p_value(5, 5), 2.0 / 252.0, 1e-12);  // C(10,5) = 252
    EXPECT_EQ(mann_whitney_min_p_value(1, 1), 1.0);
    EXPECT_EQ(mann_whitney_min_p_value(0, 9), 1.0);
    EXPECT_EQ(mann_whitney_samples_needed(0.05), 4u);  // 3 each reach only 0.1
    EXPECT_EQ(mann_whitney_samples_needed(0.01), 5u);
    // Against 3 baseline runs: C(7,3) = 35 gives 0.057, C(8,3) = 56 gives 0.036.
    EXPECT_EQ(mann_whitney_samples_needed(0.05, 3), 5u);
    // One baseline run can never reach 1%: the approximation's floor is 2 sf(sqrt 3).
    EXPECT_FALSE(mann_whitney_samples_needed(0.01, 1).has_value());
    EXPECT_FALSE(mann_whitney_samples_needed(0.0).has_value());
    // Large samples: the asymptotic floor keeps falling.
    EXPECT_LT(mann_whitney_min_p_value(30, 30), 1e-9);
}

TEST(Normal, CdfSfAndQuantile) {
    EXPECT_NEAR(normal_cdf(0), 0.5, 1e-15);
    EXPECT_NEAR(normal_cdf(1.959963984540054), 0.975, 1e-12);  // the textbook 1.96
    EXPECT_NEAR(normal_sf(3), 0.0013498980316301, 1e-14);
    EXPECT_NEAR(normal_quantile(0.975), 1.959963984540054, 1e-9);
    EXPECT_NEAR(normal_quantile(0.5), 0.0, 1e-12);
    EXPECT_NEAR(normal_quantile(0.001), -3.090232306167813, 1e-9);
    EXPECT_TRUE(std::isinf(normal_quantile(1.0)));
    EXPECT_TRUE(std::isnan(normal_quantile(1.5)));
}

}  // namespace
