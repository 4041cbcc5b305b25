// compare_reports on the fixed fixtures of tests/fixtures/compare/: matching, figures,
// verdicts, the geomean row and the warnings' raw material.
#include "compare_fixtures.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace psem::bench;
using namespace compare_test;

namespace {

TEST(Compare, AaIsSameEverywhereAndListsOneSidedBenchmarks) {
    const comparison c = compare_reports(fixture("baseline.json"), fixture("aa.json"));
    ASSERT_EQ(c.benchmarks.size(), 3u);
    for (const auto& b : c.benchmarks) {
        EXPECT_EQ(b.outcome, verdict::same) << b.name;
        EXPECT_FALSE(b.regression);
        ASSERT_TRUE(b.p_value.has_value());
        EXPECT_GT(*b.p_value, 0.05) << b.name;
        EXPECT_LT(std::fabs(b.change), 0.02) << b.name;
        EXPECT_LE(b.interval.lower, 1.0) << b.name;
        EXPECT_GE(b.interval.upper, 1.0) << b.name;
        EXPECT_GE(b.interval.confidence, 0.95);
    }
    EXPECT_EQ(c.regressions, 0u);
    EXPECT_EQ(c.only_in_baseline, std::vector<std::string>{"edge/only-in-baseline"});
    EXPECT_EQ(c.only_in_contender, std::vector<std::string>{"edge/only-in-contender"});
    EXPECT_TRUE(c.context_differences.empty());
    EXPECT_EQ(c.geomean_count, 3u);
    EXPECT_NEAR(c.geomean_ratio, 1.0, 0.02);
}

TEST(Compare, ThirtyPercentSlowerIsARegression) {
    const comparison c = compare_reports(fixture("baseline.json"), fixture("slower.json"));
    EXPECT_EQ(c.regressions, 1u);
    const benchmark_comparison* b = &find(c, pw1);
    EXPECT_EQ(b->outcome, verdict::slower);
    EXPECT_TRUE(b->regression);
    EXPECT_NEAR(b->change, 0.30, 0.02);
    // The change is the Hodges-Lehmann estimate, the interval's own point estimate; the
    // medians' ratio is kept beside it, and here, with no slow-state runs, they agree.
    EXPECT_DOUBLE_EQ(b->ratio, b->interval.estimate);
    EXPECT_DOUBLE_EQ(b->change, b->ratio - 1);
    EXPECT_DOUBLE_EQ(b->median_ratio, b->contender.median_ns / b->baseline.median_ns);
    EXPECT_NEAR(b->ratio, b->median_ratio, 0.005);
    // Complete separation of 10 against 10: the smallest p there is, 2 / C(20, 10).
    EXPECT_NEAR(*b->p_value, 2.0 / 184756, 1e-12);
    EXPECT_LT(b->interval.lower, 1.30);
    EXPECT_GT(b->interval.lower, 1.25);
    EXPECT_GT(b->interval.upper, 1.30);
    EXPECT_EQ(find(c, pw2).outcome, verdict::same);
    EXPECT_EQ(find(c, pp).outcome, verdict::same);
    // Three ratios, one of them ~1.30: the geometric mean is ~1.3^(1/3).
    EXPECT_NEAR(c.geomean_ratio, std::cbrt(1.30), 0.02);
}

TEST(Compare, TwentyPercentFasterIsNoRegression) {
    const comparison c = compare_reports(fixture("baseline.json"), fixture("faster.json"));
    EXPECT_EQ(c.regressions, 0u);
    EXPECT_EQ(find(c, pp).outcome, verdict::faster);
    EXPECT_FALSE(find(c, pp).regression);
    EXPECT_NEAR(find(c, pp).change, -0.20, 0.02);
}

TEST(Compare, RealButSmallChangeIsSame) {
    const comparison c = compare_reports(fixture("baseline.json"), fixture("small_change.json"));
    const benchmark_comparison* b = &find(c, pw2);
    EXPECT_LT(*b->p_value, 1e-4);  // certain...
    EXPECT_GT(b->change, 0.0);
    EXPECT_LT(b->change, 0.05);    // ...but under the threshold
    EXPECT_EQ(b->outcome, verdict::same);
    EXPECT_EQ(c.regressions, 0u);
    compare_options tight;
    tight.threshold = 0.001;
    const comparison strict = compare_reports(fixture("baseline.json"), fixture("small_change.json"), tight);
    EXPECT_EQ(find(strict, pw2).outcome, verdict::slower);
}

TEST(Compare, ThreeAgainstThreeIsTooFewAndSaysHowMany) {
    const comparison c = compare_reports(fixture("few_reps.json"), fixture("few_reps.json"));
    for (const auto& b : c.benchmarks) {
        EXPECT_EQ(b.outcome, verdict::too_few_repetitions) << b.name;
        EXPECT_NEAR(b.min_p_value, 0.1, 1e-12);  // 2 / C(6, 3)
        ASSERT_TRUE(b.repetitions_needed.has_value());
        EXPECT_EQ(*b.repetitions_needed, 4u);    // 2 / C(8, 4) = 0.029 <= 0.05
        EXPECT_FALSE(b.regression);
    }
}

TEST(Compare, ThreeAgainstTenCanReachAlpha) {
    // 2 / C(13, 3) = 0.007: a clear 50% slowdown is caught with 3 contender runs.
    const comparison c = compare_reports(fixture("baseline.json"), fixture("few_reps.json"));
    EXPECT_EQ(c.regressions, 3u);
    EXPECT_EQ(find(c, pw1).outcome, verdict::slower);
    EXPECT_NEAR(find(c, pw1).min_p_value, 2.0 / 286, 1e-12);
}

TEST(Compare, KnownExactPValueFiveAgainstFive) {
    // make_fixtures.py enumerates all 252 splits: p = 4 / 252.
    const comparison c = compare_reports(fixture("five_a.json"), fixture("five_b.json"));
    ASSERT_EQ(c.benchmarks.size(), 1u);
    const auto& b = c.benchmarks[0];
    EXPECT_NEAR(*b.p_value, 4.0 / 252, 1e-12);
    EXPECT_NEAR(b.baseline.median_ns, 19.7899, 1e-9);
    EXPECT_NEAR(b.contender.median_ns, 21.3301, 1e-9);
    EXPECT_EQ(b.outcome, verdict::slower);
}

TEST(Compare, AggregatesOnlyGivesMediansButNoTest) {
    const comparison c = compare_reports(fixture("gb_reps.json"), fixture("gb_aggregates_only.json"));
    ASSERT_EQ(c.benchmarks.size(), 1u);
    const auto& b = c.benchmarks[0];
    EXPECT_TRUE(b.contender.aggregates_only);
    EXPECT_NEAR(b.baseline.median_ns, 14.1, 1e-9);  // us converted to ns
    EXPECT_NEAR(b.change, 15.4 / 14.1 - 1, 1e-9);
    EXPECT_FALSE(b.p_value.has_value());
    EXPECT_TRUE(std::isnan(b.interval.lower));
    EXPECT_EQ(b.outcome, verdict::too_few_repetitions);
    EXPECT_EQ(b.repetitions_needed, std::optional<std::size_t>(4));
    EXPECT_EQ(c.regressions, 0u);
    EXPECT_EQ(c.geomean_count, 1u);
}

TEST(Compare, DifferentSetUpIsListedFieldByField) {
    const comparison c = compare_reports(fixture("baseline.json"), fixture("other_host.json"));
    ASSERT_EQ(c.context_differences.size(), 4u);
    EXPECT_EQ(c.context_differences[0].field, "/host_name");
    EXPECT_EQ(c.context_differences[0].baseline, "ci-runner-7");
    EXPECT_EQ(c.context_differences[0].contender, "laptop");
    EXPECT_EQ(c.context_differences[1].field, "/psem/cpu_model");
    EXPECT_EQ(c.context_differences[2].field, "/num_cpus");
    EXPECT_EQ(c.context_differences[2].contender, "8");
    EXPECT_EQ(c.context_differences[3].field, "/psem/version");
    // A plain GB file has no "psem" object: absent is not different.
    EXPECT_TRUE(compare_reports(fixture("gb_reps.json"), fixture("gb_aggregates_only.json")).context_differences.empty());
}

TEST(Compare, ContenderThatFailsIsARegressionBaselineThatFailedIsNot) {
    const comparison now_fails = compare_reports(fixture("baseline.json"), fixture("failed.json"));
    EXPECT_EQ(find(now_fails, pp).outcome, verdict::failed);
    EXPECT_TRUE(find(now_fails, pp).regression);
    EXPECT_EQ(now_fails.regressions, 1u);
    EXPECT_EQ(now_fails.geomean_count, 2u);  // no ratio for the failed one

    const comparison was_failing = compare_reports(fixture("failed.json"), fixture("baseline.json"));
    EXPECT_EQ(find(was_failing, pp).outcome, verdict::failed);
    EXPECT_FALSE(find(was_failing, pp).regression);
    EXPECT_EQ(was_failing.regressions, 0u);
}

TEST(Compare, NothingInCommonComparesNothing) {
    const comparison c = compare_reports(with_samples("a", {1, 2, 3}), with_samples("b", {1, 2, 3}));
    EXPECT_TRUE(c.benchmarks.empty());
    EXPECT_EQ(c.only_in_baseline.size(), 1u);
    EXPECT_EQ(c.only_in_contender.size(), 1u);
    EXPECT_EQ(c.regressions, 0u);
    EXPECT_EQ(c.geomean_count, 0u);
    EXPECT_TRUE(std::isnan(c.geomean_ratio));
}

// What the 2-core VM does to one-repetition runs: each lands either on the host's fast
// state or on a slow one (~1.8x, a busy sibling thread), and how many land on the slow
// one varies from job to job. With about half of them there, a side's median jumps
// between the states: here the medians say the 10% slower build is 39% faster. The
// change the verdict uses, Hodges-Lehmann, is the ratio most pairs agree on: 10%.
TEST(Compare, ASlowHostStateOnHalfTheRunsMovesTheMediansNotTheChange) {
    auto runs = [](double fast_ns, int fast, int slow) {
        std::vector<double> ns;
        for (int i = 0; i < fast; ++i) ns.push_back(fast_ns * (1 + 1e-4 * i));
        for (int i = 0; i < slow; ++i) ns.push_back(1.8 * fast_ns * (1 + 1e-4 * i));
        return ns;
    };
    compare_options o;
    o.alpha = 0.01;
    const comparison c =
        compare_reports(with_samples(pw1, runs(87, 24, 26)), with_samples(pw1, runs(87 * 1.10, 30, 20)), o);
    const benchmark_comparison& b = find(c, pw1);
    EXPECT_NEAR(b.median_ratio, 0.61, 0.01);  // a fast contender median over a slow baseline one
    EXPECT_NEAR(b.change, 0.10, 0.005);
    EXPECT_LT(b.interval.lower, 1.10);
    EXPECT_GT(b.interval.upper, 1.10);
    EXPECT_NE(b.outcome, verdict::faster);
}

}  // namespace
