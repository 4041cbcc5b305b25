// merge_reports: what a stored baseline holds (psem-bench merge, gate --record).
#include "analysis/merge.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace {

using psem::bench::check_record;
using psem::bench::merge_reports;
using psem::bench::report;
using psem::bench::run_record;
using psem::bench::set_recorded_runs;

run_record rep(const std::string& name, double ns, int index, int of) {
    run_record r;
    r.name = r.run_name = name;
    r.real_time_ns = ns;
    r.repetition_index = index;
    r.repetitions = of;
    return r;
}

run_record aggregate(const std::string& name, const std::string& which) {
    run_record r = rep(name + "_" + which, 1, 0, 2);
    r.run_name = name;
    r.run_type = "aggregate";
    r.aggregate_name = which;
    return r;
}

TEST(Merge, DropsAggregatesAndRenumbersEachBenchmarkInInputOrder) {
    report a;
    a.context["host_name"] = "first";
    a.benchmarks = {rep("x", 10, 0, 2), rep("x", 11, 1, 2), aggregate("x", "median"), rep("y", 5, 0, 1)};
    report b;
    b.context["host_name"] = "second";
    b.benchmarks = {rep("y", 6, 0, 1), rep("x", 12, 0, 2), rep("x", 13, 1, 2), aggregate("x", "mean")};
    const report m = merge_reports({a, b});
    EXPECT_EQ(m.context["host_name"], "first");
    EXPECT_EQ(m.context["psem"]["recorded_runs"], 2);
    ASSERT_EQ(m.benchmarks.size(), 6u);
    const std::vector<std::pair<std::string, double>> expected{{"x", 10}, {"x", 11}, {"y", 5},
                                                               {"y", 6},  {"x", 12}, {"x", 13}};
    const std::vector<int> index{0, 1, 0, 1, 2, 3};
    for (std::size_t i = 0; i < m.benchmarks.size(); ++i) {
        EXPECT_EQ(m.benchmarks[i].run_type, "iteration") << i;
        EXPECT_EQ(m.benchmarks[i].run_name, expected[i].first) << i;
        EXPECT_EQ(m.benchmarks[i].real_time_ns, expected[i].second) << i;
        EXPECT_EQ(m.benchmarks[i].repetition_index, index[i]) << i;
        EXPECT_EQ(m.benchmarks[i].repetitions, m.benchmarks[i].run_name == "x" ? 4 : 2) << i;
    }
}

TEST(Merge, KeepsFailedRepetitionsAndEveryCheck) {
    report a;
    run_record failed = rep("x", 0, 0, 1);
    failed.error_occurred = true;
    failed.error_message = "worker 0 exited with code 1";
    a.benchmarks = {failed};
    check_record c;
    c.name = "post_overflow";
    a.checks = {c};
    report b = a;
    b.benchmarks = {rep("x", 9, 0, 1)};
    const report m = merge_reports({a, b});
    ASSERT_EQ(m.benchmarks.size(), 2u);
    EXPECT_TRUE(m.benchmarks[0].error_occurred);
    EXPECT_EQ(m.benchmarks[0].error_message, "worker 0 exited with code 1");
    EXPECT_EQ(m.benchmarks[1].repetition_index, 1);
    EXPECT_EQ(m.checks.size(), 2u);
}

TEST(Merge, RecordedRunsKeepsTheRestOfThePsemContext) {
    report r;
    r.context["psem"]["version"] = "0.1.0";
    set_recorded_runs(r, 100);
    EXPECT_EQ(r.context["psem"]["version"], "0.1.0");
    EXPECT_EQ(r.context["psem"]["recorded_runs"], 100);
    report odd;
    odd.context["psem"] = "not an object";
    EXPECT_THROW(set_recorded_runs(odd, 1), std::invalid_argument);
}

}  // namespace
