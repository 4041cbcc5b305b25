// The one definition of a good repetition, and the groups every median is taken over.
#include "analysis/aggregate.hpp"
#include "analysis/repetitions.hpp"
#include "analysis/sweep_summary.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace psem::bench {
namespace {

run_record rep(const std::string& run_name, double ns, const std::string& scenario = "s") {
    run_record r;
    r.run_name = r.name = run_name;
    r.scenario = scenario;
    r.real_time_ns = ns;
    r.ops = 10;
    r.counters["p99_ns"] = ns * 2;
    return r;
}

run_record failed(const std::string& run_name, const std::string& message) {
    run_record r = rep(run_name, 0);
    r.error_occurred = true;
    r.error_message = message;
    return r;
}

TEST(Repetitions, AGoodRepetitionDidNotFailAndHasAPositiveFiniteNsPerOp) {
    EXPECT_TRUE(is_good(rep("a", 5)));
    EXPECT_FALSE(is_good(failed("a", "x")));
    EXPECT_FALSE(is_good(rep("a", 0)));   // success claimed, no ops timed
    EXPECT_FALSE(is_good(rep("a", -1)));
    EXPECT_FALSE(is_good(rep("a", std::numeric_limits<double>::quiet_NaN())));
    EXPECT_FALSE(is_good(rep("a", std::numeric_limits<double>::infinity())));
}

TEST(Repetitions, GroupsFollowFirstAppearanceAndSkipAggregates) {
    std::vector<run_record> records = {rep("b", 1), rep("a", 2), rep("b", 3)};
    run_record agg = rep("b", 9);
    agg.run_type = "aggregate";
    records.push_back(agg);
    const auto groups = group_repetitions(records);
    ASSERT_EQ(groups.size(), 2u);
    EXPECT_EQ(groups[0].first().run_name, "b");
    EXPECT_EQ(groups[0].runs.size(), 2u);
    EXPECT_EQ(groups[1].first().run_name, "a");
}

TEST(Repetitions, ScenariosApartWhenAsked) {
    const std::vector<run_record> records = {rep("a", 1, "x"), rep("a", 2, "y")};
    EXPECT_EQ(group_repetitions(records).size(), 1u);
    EXPECT_EQ(group_repetitions(records, group_key::scenario_and_run_name).size(), 2u);
}

TEST(Repetitions, MediansAreOverGoodRepetitionsOnly) {
    const std::vector<run_record> records = {rep("a", 10), failed("a", "boom"), rep("a", 0), rep("a", 30),
                                             rep("a", 20)};
    const repetition_group g = group_repetitions(records).front();
    EXPECT_EQ(g.good_count(), 3);
    EXPECT_EQ(g.median_ns_per_op(), 20);
    EXPECT_EQ(g.median_counter("p99_ns"), 40);
    EXPECT_FALSE(g.median_counter("absent").has_value());
    EXPECT_EQ(g.first_error(), "boom");
}

TEST(Repetitions, NoGoodRepetitionHasNoMedian) {
    const std::vector<run_record> records = {failed("a", ""), rep("a", 0)};
    const repetition_group g = group_repetitions(records).front();
    EXPECT_EQ(g.good_count(), 0);
    EXPECT_TRUE(std::isnan(g.median_ns_per_op()));
    EXPECT_EQ(g.first_error(), "failed");
}

// The aggregates and the sweep summary take the same repetitions: a success with no ns/op
// moves neither.
TEST(Repetitions, AggregatesAndSweepSummariesAgreeOnGood) {
    std::vector<run_record> records = {rep("a", 10), rep("a", 0), rep("a", 30)};
    for (auto& r : records) r.params = {{"processes", 1}};
    const auto aggregates = make_aggregates(records);
    ASSERT_FALSE(aggregates.empty());
    EXPECT_EQ(aggregates[1].aggregate_name, "median");
    EXPECT_EQ(aggregates[1].real_time_ns, 20);
    EXPECT_EQ(aggregates[1].ops, 2u);
    const auto sweeps = summarize_sweeps(records, 1e6);
    ASSERT_EQ(sweeps.size(), 1u);
    EXPECT_EQ(sweeps[0].points[0].good_runs, 2);
    EXPECT_EQ(sweeps[0].points[0].ns_per_op, 20);
}

}  // namespace
}  // namespace psem::bench
