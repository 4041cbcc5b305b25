// Tests of the Google Benchmark style aggregates.
#include "analysis/aggregate.hpp"
#include "record_builders.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace {

using namespace psem::bench;
using report_test::postwait_run;

TEST(Aggregate, MeanMedianStddevCvLikeGoogleBenchmark) {
    const std::vector<run_record> runs{postwait_run(0, 10), postwait_run(1, 12), postwait_run(2, 20)};
    const auto aggs = make_aggregates(runs);
    ASSERT_EQ(aggs.size(), 4u);
    const char* names[] = {"mean", "median", "stddev", "cv"};
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(aggs[i].aggregate_name, names[i]);
        EXPECT_EQ(aggs[i].name, std::string("postwait/processes:4/threads:1_") + names[i]);
        EXPECT_EQ(aggs[i].run_name, "postwait/processes:4/threads:1");
        EXPECT_EQ(aggs[i].run_type, "aggregate");
        EXPECT_EQ(aggs[i].ops, 3u);  // GB: iterations of an aggregate = runs summarised
        EXPECT_EQ(aggs[i].repetitions, 3);
        EXPECT_EQ(aggs[i].scenario, "postwait-parallel");
        EXPECT_EQ(aggs[i].processes, 4);
        EXPECT_EQ(aggs[i].params, runs[0].params);
    }
    EXPECT_DOUBLE_EQ(aggs[0].real_time_ns, 14.0);
    EXPECT_DOUBLE_EQ(aggs[1].real_time_ns, 12.0);
    EXPECT_NEAR(aggs[2].real_time_ns, std::sqrt(28.0), 1e-12);  // ((-4)^2 + (-2)^2 + 6^2) / 2
    EXPECT_NEAR(aggs[3].real_time_ns, std::sqrt(28.0) / 14.0, 1e-12);
    EXPECT_EQ(aggs[0].aggregate_unit, "time");
    EXPECT_EQ(aggs[3].aggregate_unit, "percentage");
    // Counters and the other figures are aggregated too.
    EXPECT_DOUBLE_EQ(aggs[1].counters.at("ops_per_sec"), 1e9 / 12);
    EXPECT_DOUBLE_EQ(aggs[0].counters.at("voluntary_ctxsw_per_op"), 0.02);
    EXPECT_DOUBLE_EQ(aggs[1].cpu_time_ns, 42.0);
    EXPECT_DOUBLE_EQ(aggs[1].wall_ns, 48e6);
}

TEST(Aggregate, FailedRunsAreLeftOutAndOneGoodRunGivesNone) {
    run_record failed = postwait_run(1, 1000);
    failed.error_occurred = true;
    const std::vector<run_record> some{postwait_run(0, 10), failed, postwait_run(2, 20)};
    const auto aggs = make_aggregates(some);
    ASSERT_EQ(aggs.size(), 4u);
    EXPECT_DOUBLE_EQ(aggs[0].real_time_ns, 15.0);
    EXPECT_EQ(aggs[0].ops, 2u);

    const std::vector<run_record> one{postwait_run(0, 10, 1)};
    EXPECT_TRUE(make_aggregates(one).empty());
    const std::vector<run_record> one_good{postwait_run(0, 10), failed};
    EXPECT_TRUE(make_aggregates(one_good).empty());
}

TEST(Aggregate, CounterMissingFromSomeRunsUsesTheRunsThatHaveIt) {
    std::vector<run_record> runs{postwait_run(0, 10), postwait_run(1, 12), postwait_run(2, 14)};
    runs[2].counters["fairness"] = 0.9;
    runs[1].counters["fairness"] = 0.7;
    const auto aggs = make_aggregates(runs);
    EXPECT_DOUBLE_EQ(aggs[0].counters.at("fairness"), 0.8);
}

TEST(Aggregate, WithAggregatesGroupsInGoogleBenchmarkOrder) {
    run_record other = postwait_run(0, 30, 1);
    other.name = other.run_name = "pingpong/processes:2/threads:1";
    run_record stale = postwait_run(0, 999);
    stale.run_type = "aggregate";
    stale.aggregate_name = "mean";
    const std::vector<run_record> input{postwait_run(0, 10), other, postwait_run(1, 12), stale, postwait_run(2, 14)};
    const auto all = with_aggregates(input);
    ASSERT_EQ(all.size(), 8u);  // 3 runs + 4 aggregates, then the single run
    EXPECT_EQ(all[0].repetition_index, 0);
    EXPECT_EQ(all[2].repetition_index, 2);
    EXPECT_EQ(all[3].name, "postwait/processes:4/threads:1_mean");
    EXPECT_DOUBLE_EQ(all[3].real_time_ns, 12.0);  // recomputed, the stale one is gone
    EXPECT_EQ(all[6].name, "postwait/processes:4/threads:1_cv");
    EXPECT_EQ(all[7].name, "pingpong/processes:2/threads:1");
}

}  // namespace
