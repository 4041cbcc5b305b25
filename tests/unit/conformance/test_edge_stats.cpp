// The lateness statistics of the timed-wait checks.
#include <gtest/gtest.h>

#include "conformance/edge_stats.hpp"

#include <algorithm>
#include <random>
#include <vector>

namespace {

using psem::bench::apply_lateness;
using psem::bench::check_record;
using psem::bench::summarize_lateness;

TEST(Lateness, EmptySampleIsAllZero) {
    const auto s = summarize_lateness({});
    EXPECT_EQ(s.trials, 0u);
    EXPECT_EQ(s.p50_ns, 0);
    EXPECT_EQ(s.p99_ns, 0);
    EXPECT_EQ(s.max_ns, 0);
    EXPECT_EQ(s.early, 0u);
}

TEST(Lateness, OneSampleIsEveryFigure) {
    const std::vector<double> v = {1234};
    const auto s = summarize_lateness(v);
    EXPECT_EQ(s.trials, 1u);
    EXPECT_DOUBLE_EQ(s.p50_ns, 1234);
    EXPECT_DOUBLE_EQ(s.p99_ns, 1234);
    EXPECT_DOUBLE_EQ(s.max_ns, 1234);
    EXPECT_DOUBLE_EQ(s.min_ns, 1234);
    EXPECT_DOUBLE_EQ(s.mean_ns, 1234);
}

TEST(Lateness, PercentilesInterpolateBetweenSamples) {
    // 1..100: rank (n-1)p/100 with linear interpolation (numpy's default).
    std::vector<double> v;
    for (int i = 1; i <= 100; ++i) v.push_back(i);
    std::shuffle(v.begin(), v.end(), std::mt19937(42));  // order must not matter
    const auto s = summarize_lateness(v);
    EXPECT_EQ(s.trials, 100u);
    EXPECT_DOUBLE_EQ(s.p50_ns, 50.5);
    EXPECT_NEAR(s.p99_ns, 99.01, 1e-9);
    EXPECT_DOUBLE_EQ(s.max_ns, 100);
    EXPECT_DOUBLE_EQ(s.min_ns, 1);
    EXPECT_DOUBLE_EQ(s.mean_ns, 50.5);
    EXPECT_EQ(s.early, 0u);
}

TEST(Lateness, OneSlowTrialMovesTheTailNotTheMedian) {
    std::vector<double> v(99, 50'000);
    v.push_back(5'000'000);
    const auto s = summarize_lateness(v);
    EXPECT_DOUBLE_EQ(s.p50_ns, 50'000);
    EXPECT_GT(s.p99_ns, 50'000);
    EXPECT_LT(s.p99_ns, 5'000'000);
    EXPECT_DOUBLE_EQ(s.max_ns, 5'000'000);
}

TEST(Lateness, ReturnsBeforeTheMomentAreCountedAsEarly) {
    const std::vector<double> v = {-20, 5, -1, 0, 7};
    const auto s = summarize_lateness(v);
    EXPECT_EQ(s.early, 2u);  // zero is on time, not early
    EXPECT_DOUBLE_EQ(s.min_ns, -20);
    EXPECT_DOUBLE_EQ(s.max_ns, 7);
}

TEST(Lateness, ApplyFillsTheRecordsTimingFields) {
    const std::vector<double> v = {10, 20, 30};
    check_record rec;
    apply_lateness(summarize_lateness(v), rec);
    ASSERT_TRUE(rec.trials.has_value());
    EXPECT_EQ(*rec.trials, 3);
    ASSERT_TRUE(rec.lateness_p50_ns.has_value());
    EXPECT_DOUBLE_EQ(*rec.lateness_p50_ns, 20);
    ASSERT_TRUE(rec.lateness_p99_ns.has_value());
    EXPECT_NEAR(*rec.lateness_p99_ns, 29.8, 1e-9);
    ASSERT_TRUE(rec.lateness_max_ns.has_value());
    EXPECT_DOUBLE_EQ(*rec.lateness_max_ns, 30);
    EXPECT_DOUBLE_EQ(rec.extra.at("lateness_min_ns"), 10);
}

TEST(Lateness, ApplyOfNothingLeavesTheRecordWithoutFigures) {
    check_record rec;
    apply_lateness(summarize_lateness({}), rec);
    EXPECT_FALSE(rec.trials.has_value());
    EXPECT_FALSE(rec.lateness_p50_ns.has_value());
    EXPECT_FALSE(rec.lateness_p99_ns.has_value());
    EXPECT_FALSE(rec.lateness_max_ns.has_value());
    EXPECT_TRUE(rec.extra.empty());
}

}  // namespace
