// Tests of the distribution-free confidence interval for a ratio of timings.
#include "stats/ratio_interval.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace {

using namespace psem::bench;

std::vector<double> sorted_log_diffs(const std::vector<double>& base, const std::vector<double>& cont) {
    std::vector<double> d;
    for (const double c : cont)
        for (const double b : base) d.push_back(std::log(c) - std::log(b));
    std::sort(d.begin(), d.end());
    return d;
}

TEST(RatioInterval, FiveAgainstFiveUsesTheThirdOrderStatistic) {
    // For n1 = n2 = 5 the tables give k = 3: P(U <= 2) = 4/252 <= 0.025 < P(U <= 3) = 7/252,
    // so the interval is [d(3), d(23)] of the 25 sorted differences, coverage 1 - 8/252.
    const std::vector<double> base{100, 104, 98, 101, 97};
    const std::vector<double> cont{121, 109, 113, 118, 110};
    const auto ci = ratio_confidence_interval(base, cont);
    const auto d = sorted_log_diffs(base, cont);
    EXPECT_NEAR(ci.lower, std::exp(d[2]), 1e-12);
    EXPECT_NEAR(ci.upper, std::exp(d[22]), 1e-12);
    EXPECT_NEAR(ci.estimate, std::exp(d[12]), 1e-12);
    EXPECT_NEAR(ci.confidence, 1.0 - 8.0 / 252.0, 1e-12);
    EXPECT_GT(ci.lower, 1.0);  // clearly slower
}

TEST(RatioInterval, ScaledSampleGivesTheScale) {
    const std::vector<double> base{50, 52, 49, 55, 51, 53, 48, 54};
    std::vector<double> cont;
    for (const double b : base) cont.push_back(b * 1.25);
    const auto ci = ratio_confidence_interval(base, cont);
    EXPECT_NEAR(ci.estimate, 1.25, 1e-12);
    EXPECT_LT(ci.lower, 1.25);
    EXPECT_GT(ci.upper, 1.25);
    EXPECT_GE(ci.confidence, 0.95);
}

TEST(RatioInterval, SameDataContainsOne) {
    const std::vector<double> x{10, 11, 12, 13, 14, 15};
    const auto ci = ratio_confidence_interval(x, x);
    EXPECT_NEAR(ci.estimate, 1.0, 1e-12);
    EXPECT_LE(ci.lower, 1.0);
    EXPECT_GE(ci.upper, 1.0);
}

TEST(RatioInterval, TooFewSamplesSayWhatTheyAchieve) {
    // Two against two: P(U = 0) = 1/6 already exceeds 2.5%, so the widest interval
    // [min, max] is all there is, with coverage 1 - 2/6.
    const std::vector<double> base{10, 12};
    const std::vector<double> cont{11, 15};
    const auto ci = ratio_confidence_interval(base, cont);
    EXPECT_NEAR(ci.confidence, 2.0 / 3.0, 1e-12);
    EXPECT_NEAR(ci.lower, 11.0 / 12.0, 1e-12);
    EXPECT_NEAR(ci.upper, 15.0 / 10.0, 1e-12);
}

TEST(RatioInterval, InvalidInputIsNaN) {
    const std::vector<double> ok{1, 2, 3};
    const std::vector<double> zero{1, 0, 3};
    const std::vector<double> none;
    EXPECT_TRUE(std::isnan(ratio_confidence_interval(ok, zero).estimate));
    EXPECT_TRUE(std::isnan(ratio_confidence_interval(none, ok).lower));
    EXPECT_TRUE(std::isnan(ratio_confidence_interval(ok, ok, 1.5).upper));
}

// Coverage by simulation: log-normal timings with a known true ratio of medians. The
// interval should hold it in about 95% of the trials (at least, by construction).
double simulated_coverage(std::size_t n, int trials, std::uint32_t seed) {
    std::mt19937 rng{seed};
    std::lognormal_distribution<double> noise{0.0, 0.1};
    const double true_ratio = 1.3;
    int covered = 0;
    for (int t = 0; t < trials; ++t) {
        std::vector<double> base;
        std::vector<double> cont;
        for (std::size_t i = 0; i < n; ++i) {
            base.push_back(100 * noise(rng));
            cont.push_back(100 * true_ratio * noise(rng));
        }
        const auto ci = ratio_confidence_interval(base, cont);
        covered += ci.lower <= true_ratio && true_ratio <= ci.upper ? 1 : 0;
    }
    return static_cast<double>(covered) / trials;
}

TEST(RatioInterval, CoverageIsAboutNinetyFivePercentExact) {
    const double c = simulated_coverage(8, 2000, 1);
    EXPECT_GT(c, 0.93);
    EXPECT_LT(c, 0.99);
}

TEST(RatioInterval, CoverageIsAboutNinetyFivePercentAsymptotic) {
    const double c = simulated_coverage(30, 600, 2);
    EXPECT_GT(c, 0.92);
    EXPECT_LT(c, 0.985);
}

}  // namespace
