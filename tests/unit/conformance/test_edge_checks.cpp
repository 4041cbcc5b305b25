// The checks themselves, each run alone through run_edge_cases in this process (the
// integration test runs them all through psem-bench). Only few trials: this is about
// outcomes, not figures.
#include <gtest/gtest.h>

#include "conformance/edge_cases.hpp"
#include "conformance/edge_checks.hpp"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace {

using psem::bench::check_record;
using psem::bench::known_checks;
using psem::bench::run_edge_cases;
using psem::bench::scenario;

scenario edge_scenario(std::vector<std::string> checks, int trials) {
    scenario sc;
    sc.name = "edge-cases-test";
    sc.workload = "edge_cases";
    sc.checks = std::move(checks);
    sc.trials = trials;
    return sc;
}

// Entries this process left in /dev/shm: glibc keeps "/x" as /dev/shm/sem.x.
std::vector<std::string> our_leftovers() {
    const std::string mine = "sem.psem-bench." + std::to_string(::getpid()) + ".";
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator("/dev/shm", ec)) {
        const auto n = e.path().filename().string();
        if (n.starts_with(mine)) out.push_back(n);
    }
    return out;
}

std::string describe(const check_record& r) {
    return r.name + ": expected " + r.expected + ", observed " + r.observed + (r.skipped ? " (skipped)" : "") +
           " - " + r.reason;
}

TEST(EdgeCheckTable, MatchesTheNamesTheScenarioParserAccepts) {
    const auto table = psem::bench::edge::check_table();
    const auto& names = known_checks();
    ASSERT_EQ(table.size(), names.size());
    for (std::size_t i = 0; i < names.size(); ++i) EXPECT_EQ(table[i].name, names[i]) << "at " << i;
}

TEST(RunEdgeCases, RunsOnlyTheListedChecksInTheDocumentedOrder) {
    const auto rows = run_edge_cases(edge_scenario({"unlink_missing", "open_missing"}, 1));
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].name, "open_missing");
    EXPECT_EQ(rows[1].name, "unlink_missing");
}

TEST(RunEdgeCases, AnUnknownCheckIsAFailedRowNotAnException) {
    const auto rows = run_edge_cases(edge_scenario({"no_such_check"}, 1));
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].name, "no_such_check");
    EXPECT_FALSE(rows[0].passed);
    EXPECT_FALSE(rows[0].skipped);
    EXPECT_FALSE(rows[0].reason.empty());
}

TEST(RunEdgeCases, TimedWaitTimeoutGivesOneRowPerLengthWithLateness) {
    const auto rows = run_edge_cases(edge_scenario({"timed_wait_timeout"}, 3));
    ASSERT_EQ(rows.size(), 3u);
    const std::vector<std::string> names = {"timed_wait_timeout/1ms", "timed_wait_timeout/10ms",
                                            "timed_wait_timeout/100ms"};
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        EXPECT_EQ(r.name, names[i]);
        EXPECT_TRUE(r.passed) << describe(r);
        EXPECT_EQ(r.expected, "ETIMEDOUT");
        ASSERT_TRUE(r.trials.has_value());
        EXPECT_EQ(*r.trials, 3);
        ASSERT_TRUE(r.lateness_p50_ns && r.lateness_p99_ns && r.lateness_max_ns) << describe(r);
        // Never early; the upper bound is only a sanity check for a loaded runner.
        EXPECT_GE(*r.lateness_p50_ns, 0);
        EXPECT_LE(*r.lateness_p50_ns, *r.lateness_max_ns);
        EXPECT_LT(*r.lateness_max_ns, 2e9);
    }
    EXPECT_TRUE(our_leftovers().empty());
}

// Every check on its own: passes (or, for EACCES when not root, is skipped with a
// reason), has the expected errno in both columns, and leaves no semaphore behind.
class EachCheck : public ::testing::TestWithParam<std::string> {};

TEST_P(EachCheck, PassesAndLeavesNothingBehind) {
    const auto rows = run_edge_cases(edge_scenario({GetParam()}, 3));
    ASSERT_FALSE(rows.empty());
    for (const auto& r : rows) {
        EXPECT_TRUE(r.name == GetParam() || r.name.starts_with(GetParam() + "/")) << r.name;
        EXPECT_FALSE(r.expected.empty());
        if (r.skipped) {
            EXPECT_EQ(GetParam(), "open_permission_denied") << describe(r);
            EXPECT_NE(::geteuid(), 0u) << "skipped as root: " << describe(r);
            EXPECT_FALSE(r.reason.empty());
            continue;
        }
        EXPECT_TRUE(r.passed) << describe(r);
        EXPECT_EQ(r.observed, r.expected) << describe(r);
    }
    EXPECT_TRUE(our_leftovers().empty()) << our_leftovers().front();
}

INSTANTIATE_TEST_SUITE_P(EdgeCases, EachCheck, ::testing::ValuesIn(known_checks()),
                         [](const ::testing::TestParamInfo<std::string>& p) { return p.param; });

TEST(RunEdgeCases, TimedRowsCarryLatenessAndOthersDoNot) {
    const auto rows = run_edge_cases(
        edge_scenario({"timed_wait_posted", "timed_wait_past_deadline", "wait_interrupted", "post_overflow"}, 3));
    ASSERT_EQ(rows.size(), 4u);
    for (const auto& r : rows) {
        const bool timed = r.name != "post_overflow";
        EXPECT_EQ(r.lateness_p50_ns.has_value(), timed) << r.name;
        EXPECT_EQ(r.lateness_p99_ns.has_value(), timed) << r.name;
        EXPECT_EQ(r.lateness_max_ns.has_value(), timed) << r.name;
        EXPECT_EQ(r.trials.has_value(), timed) << r.name;
        if (timed) {
            EXPECT_EQ(*r.trials, 3) << r.name;
        }
    }
}

}  // namespace
