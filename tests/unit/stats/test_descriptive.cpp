// Tests of the summary statistics against values worked out by hand (or numpy's
// documented conventions, quoted where used).
#include "stats/descriptive.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace {

using namespace psem::bench;

TEST(Descriptive, MeanMedianMinMax) {
    const std::vector<double> odd{5, 1, 3};
    const std::vector<double> even{4, 1, 3, 2};
    EXPECT_DOUBLE_EQ(mean(odd), 3.0);
    EXPECT_DOUBLE_EQ(median(odd), 3.0);
    EXPECT_DOUBLE_EQ(mean(even), 2.5);
    EXPECT_DOUBLE_EQ(median(even), 2.5);
    EXPECT_DOUBLE_EQ(minimum(even), 1.0);
    EXPECT_DOUBLE_EQ(maximum(even), 4.0);
}

TEST(Descriptive, SampleStddevAndCv) {
    // Population stddev of this classic sample is 2; the sample (n - 1) one is sqrt(32/7).
    const std::vector<double> xs{2, 4, 4, 4, 5, 5, 7, 9};
    EXPECT_NEAR(stddev(xs), std::sqrt(32.0 / 7.0), 1e-12);
    EXPECT_NEAR(cv(xs), std::sqrt(32.0 / 7.0) / 5.0, 1e-12);
}

TEST(Descriptive, StddevIsStableForLargeOffsets) {
    // ns/op figures: a tiny spread around a large value must not cancel out.
    const std::vector<double> xs{1e9 + 1, 1e9 + 2, 1e9 + 3};
    EXPECT_NEAR(stddev(xs), 1.0, 1e-6);
}

TEST(Descriptive, PercentileInterpolatesLikeNumpy) {
    // numpy.percentile([1, 2, 3, 4], q) with the default 'linear' method:
    // q=25 -> 1.75, q=50 -> 2.5, q=90 -> 3.7, q=0 -> 1, q=100 -> 4.
    const std::vector<double> xs{3, 1, 4, 2};
    EXPECT_DOUBLE_EQ(percentile(xs, 25), 1.75);
    EXPECT_DOUBLE_EQ(percentile(xs, 50), 2.5);
    EXPECT_NEAR(percentile(xs, 90), 3.7, 1e-12);
    EXPECT_DOUBLE_EQ(percentile(xs, 0), 1.0);
    EXPECT_DOUBLE_EQ(percentile(xs, 100), 4.0);
    EXPECT_DOUBLE_EQ(percentile(xs, 150), 4.0);  // clamped
    EXPECT_DOUBLE_EQ(percentile(xs, -1), 1.0);
}

TEST(Descriptive, EmptyAndSingleSamples) {
    const std::vector<double> none;
    const std::vector<double> one{7};
    EXPECT_TRUE(std::isnan(mean(none)));
    EXPECT_TRUE(std::isnan(median(none)));
    EXPECT_TRUE(std::isnan(percentile(none, 50)));
    EXPECT_TRUE(std::isnan(minimum(none)));
    EXPECT_TRUE(std::isnan(maximum(none)));
    EXPECT_EQ(stddev(none), 0.0);
    EXPECT_EQ(stddev(one), 0.0);
    EXPECT_EQ(cv(one), 0.0);
    EXPECT_EQ(median(one), 7.0);
    EXPECT_EQ(cv(std::vector<double>{-1, 1}), 0.0);  // zero mean: no meaningful cv
}

TEST(Descriptive, GeometricMean) {
    EXPECT_NEAR(geometric_mean(std::vector<double>{1, 2, 4}), 2.0, 1e-12);
    EXPECT_NEAR(geometric_mean(std::vector<double>{2, 8}), 4.0, 1e-12);
    // Ratios 2 and 1/2 average to no change.
    EXPECT_NEAR(geometric_mean(std::vector<double>{2, 0.5}), 1.0, 1e-12);
    EXPECT_TRUE(std::isnan(geometric_mean(std::vector<double>{1, 0})));
    EXPECT_TRUE(std::isnan(geometric_mean(std::vector<double>{1, -2})));
    EXPECT_TRUE(std::isnan(geometric_mean(std::vector<double>{})));
}

TEST(Descriptive, JainFairness) {
    EXPECT_DOUBLE_EQ(jain_fairness(std::vector<double>{5, 5, 5, 5}), 1.0);
    EXPECT_DOUBLE_EQ(jain_fairness(std::vector<double>{1, 0, 0, 0}), 0.25);  // 1/n
    EXPECT_NEAR(jain_fairness(std::vector<double>{1, 2, 3}), 36.0 / 42.0, 1e-12);
    EXPECT_TRUE(std::isnan(jain_fairness(std::vector<double>{})));
    EXPECT_TRUE(std::isnan(jain_fairness(std::vector<double>{0, 0})));
}

TEST(Descriptive, InputOrderDoesNotMatterAndIsNotChanged) {
    const std::vector<double> xs{9, 1, 8, 2, 7};
    const std::vector<double> copy = xs;
    EXPECT_DOUBLE_EQ(median(xs), 7.0);
    EXPECT_DOUBLE_EQ(percentile(xs, 25), 2.0);
    EXPECT_EQ(xs, copy);
}

}  // namespace
