// From report records to per-benchmark samples: grouping, failed runs, aggregates only,
// pooling several reports of one side.
#include "analysis/samples.hpp"
#include "compare_fixtures.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace psem::bench;
using namespace compare_test;

namespace {

TEST(Samples, GroupsIterationsByRunNameInOrderOfAppearance) {
    const auto sides = collect_sides(fixture("baseline.json"), 0.10);
    ASSERT_EQ(sides.size(), 4u);
    EXPECT_EQ(sides[0].name, pw1);
    EXPECT_EQ(sides[1].name, pw2);
    EXPECT_EQ(sides[2].name, pp);
    EXPECT_EQ(sides[3].name, "edge/only-in-baseline");
    for (const auto& s : sides) {
        EXPECT_EQ(s.figures.samples_ns.size(), 10u) << s.name;
        EXPECT_EQ(s.figures.repetitions, 10u);
        EXPECT_FALSE(s.figures.aggregates_only);
        EXPECT_LT(s.figures.cv, 0.05);
        EXPECT_FALSE(s.figures.spread_too_wide);
    }
    EXPECT_NEAR(sides[0].figures.median_ns, 14.0, 0.3);
}

TEST(Samples, AggregatesAreIgnoredWhenRepetitionsArePresent) {
    report r = with_samples("b", {10, 11, 12});
    run_record agg = r.benchmarks.front();
    agg.name = "b_median";
    agg.run_type = "aggregate";
    agg.aggregate_name = "median";
    agg.real_time_ns = 1000;  // would be absurd if used
    r.benchmarks.push_back(agg);
    const auto sides = collect_sides(r, 0.10);
    ASSERT_EQ(sides.size(), 1u);
    EXPECT_DOUBLE_EQ(sides[0].figures.median_ns, 11);
    EXPECT_EQ(sides[0].figures.samples_ns.size(), 3u);
}

TEST(Samples, FailedRepetitionsAreCountedNotSampled) {
    const auto sides = collect_sides(fixture("failed.json"), 0.10);
    ASSERT_EQ(sides.size(), 3u);
    EXPECT_EQ(sides[2].name, pp);
    EXPECT_EQ(sides[2].figures.failed_runs, 10u);
    EXPECT_TRUE(sides[2].figures.samples_ns.empty());
    EXPECT_TRUE(std::isnan(sides[2].figures.median_ns));
}

TEST(Samples, AggregatesOnlyTakesTheMedianAndCvFromStddevOverMean) {
    const auto sides = collect_sides(fixture("gb_aggregates_only.json"), 0.10);
    ASSERT_EQ(sides.size(), 1u);
    const side_figures& s = sides[0].figures;
    EXPECT_TRUE(s.aggregates_only);
    EXPECT_TRUE(s.samples_ns.empty());
    EXPECT_NEAR(s.median_ns, 15.4, 1e-9);  // 0.0154 us
    EXPECT_EQ(s.repetitions, 5u);          // the aggregate's "iterations"
    EXPECT_NEAR(s.cv, 0.02, 1e-6);
}

TEST(Samples, OneRunHasUnknownSpread) {
    const auto sides = collect_sides(with_samples("b", {10}), 0.10);
    EXPECT_TRUE(std::isnan(sides[0].figures.cv));
    EXPECT_FALSE(sides[0].figures.spread_too_wide);
}

TEST(Samples, WideSpreadIsFlaggedAgainstTheLimit) {
    const auto sides = collect_sides(fixture("noisy.json"), 0.10);
    for (const auto& s : sides) {
        EXPECT_GT(s.figures.cv, 0.10) << s.name;
        EXPECT_TRUE(s.figures.spread_too_wide) << s.name;
    }
    for (const auto& s : collect_sides(fixture("noisy.json"), 10.0)) EXPECT_FALSE(s.figures.spread_too_wide);
}

TEST(Samples, PoolingJoinsRepetitionsAndKeepsTheFirstContext) {
    report a = with_samples("b", {10, 11});
    a.context["host_name"] = "first";
    report b = with_samples("b", {12, 13, 14});
    b.context["host_name"] = "second";
    const report pooled = pool_reports({a, b});
    EXPECT_EQ(pooled.context["host_name"], "first");
    const auto sides = collect_sides(pooled, 0.10);
    ASSERT_EQ(sides.size(), 1u);
    EXPECT_EQ(sides[0].figures.samples_ns.size(), 5u);
    EXPECT_DOUBLE_EQ(sides[0].figures.median_ns, 12);
    EXPECT_TRUE(pool_reports({}).benchmarks.empty());
}

}  // namespace
