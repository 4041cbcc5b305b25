// The sign test and the order-statistic interval for a median, against the binomial
// values any table gives (n = 5: 1/32; n = 20: ranks 6 and 15 for 95%).
#include "stats/sign_test.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <vector>

namespace psem::bench {
namespace {

TEST(SignTest, BinomialHalfPmf) {
    const auto five = binomial_half_pmf(5);
    ASSERT_EQ(five.size(), 6u);
    const double expected[] = {1, 5, 10, 10, 5, 1};
    for (std::size_t k = 0; k < 6; ++k) EXPECT_NEAR(five[k], expected[k] / 32.0, 1e-15) << k;
    // Large n stays finite and sums to one.
    const auto big = binomial_half_pmf(1000);
    EXPECT_NEAR(std::accumulate(big.begin(), big.end(), 0.0), 1.0, 1e-9);
    EXPECT_NEAR(big[500], 0.025225018178, 1e-9);
}

TEST(SignTest, MedianIntervalTakesTheTabulatedRanks) {
    const std::vector<double> five = {5, 1, 4, 2, 3};
    const auto ci5 = median_interval(five, 0.95);
    EXPECT_EQ(ci5.low, 1);  // n = 5 cannot reach 95%: the widest interval, and what it covers
    EXPECT_EQ(ci5.high, 5);
    EXPECT_DOUBLE_EQ(ci5.coverage, 1 - 2.0 / 32);

    std::vector<double> twenty(20);
    std::iota(twenty.begin(), twenty.end(), 1.0);
    const auto ci20 = median_interval(twenty, 0.95);
    EXPECT_EQ(ci20.low, 6);
    EXPECT_EQ(ci20.high, 15);
    EXPECT_NEAR(ci20.coverage, 1 - 2 * 0.020694732666, 1e-9);

    const auto none = median_interval(std::vector<double>{}, 0.95);
    EXPECT_TRUE(std::isnan(none.low));
    EXPECT_EQ(none.coverage, 0);
}

TEST(SignTest, OneSidedPValues) {
    const std::vector<double> all_over = {11, 12, 13, 14, 15};
    EXPECT_DOUBLE_EQ(sign_test_above(all_over, 10), 1.0 / 32);
    EXPECT_DOUBLE_EQ(sign_test_below(all_over, 10), 1.0);
    const std::vector<double> four_of_five = {9, 12, 13, 14, 15};
    EXPECT_DOUBLE_EQ(sign_test_above(four_of_five, 10), 6.0 / 32);
    // A value at the limit says nothing either way: dropped, as the sign test does.
    const std::vector<double> tie = {10, 12, 13, 14, 15};
    EXPECT_DOUBLE_EQ(sign_test_above(tie, 10), 1.0 / 16);
    EXPECT_DOUBLE_EQ(sign_test_above(std::vector<double>{10, 10}, 10), 1.0);
    EXPECT_DOUBLE_EQ(sign_test_below(std::vector<double>{1, 2, 3, 4, 5}, 10), 1.0 / 32);
}

}  // namespace
}  // namespace psem::bench
