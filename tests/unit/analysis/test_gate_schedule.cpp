// The gate's schedule: which run comes when, and where its report goes. The order is the
// one scripts/ci-gate ran in bash (each file with both builds back to back, which goes
// first alternating by round and by file), warm-up rounds unrecorded and apart.
#include "analysis/gate_schedule.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace {

using psem::bench::gate_report_name;
using psem::bench::gate_run;
using psem::bench::gate_schedule;
using psem::bench::gate_schedule_spec;

gate_schedule_spec two_builds(int rounds, int warmup, std::vector<std::string> units) {
    return {{"baseline", "contender"}, std::move(units), rounds, warmup};
}

// "r1 pw baseline" per run: round (w for a warm-up one), unit, arm.
std::vector<std::string> order(const gate_schedule_spec& spec) {
    std::vector<std::string> out;
    for (const gate_run& r : gate_schedule(spec))
        out.push_back(std::string(r.warmup ? "w" : "r")
                          .append(std::to_string(r.round))
                          .append(" ")
                          .append(spec.units[r.unit])
                          .append(" ")
                          .append(spec.arms[r.arm]));
    return out;
}

TEST(GateSchedule, EachFileRunsBothBuildsBackToBackAlternatingByRoundAndFile) {
    // The order test_ci_gate.cpp saw from the bash loop: ((round + file index) % 2) odd ->
    // baseline first, rounds from 1.
    EXPECT_EQ(order(two_builds(3, 0, {"pw", "pw2"})),
              (std::vector<std::string>{"r1 pw baseline", "r1 pw contender", "r1 pw2 contender", "r1 pw2 baseline",
                                        "r2 pw contender", "r2 pw baseline", "r2 pw2 baseline", "r2 pw2 contender",
                                        "r3 pw baseline", "r3 pw contender", "r3 pw2 contender", "r3 pw2 baseline"}));
}

TEST(GateSchedule, WarmUpRoundsComeFirstAndContinueTheAlternationBackwards) {
    const auto runs = order(two_builds(2, 2, {"a", "b", "c"}));
    EXPECT_EQ(runs, (std::vector<std::string>{
                        "w1 a baseline", "w1 a contender", "w1 b contender", "w1 b baseline", "w1 c baseline",
                        "w1 c contender",  // warm-up round 1 is two before round 1: as round 1
                        "w2 a contender", "w2 a baseline", "w2 b baseline", "w2 b contender", "w2 c contender",
                        "w2 c baseline",   // the round just before round 1: the other way round
                        "r1 a baseline", "r1 a contender", "r1 b contender", "r1 b baseline", "r1 c baseline",
                        "r1 c contender", "r2 a contender", "r2 a baseline", "r2 b baseline", "r2 b contender",
                        "r2 c contender", "r2 c baseline"}));
    // The recorded rounds do not depend on how many warm-up rounds precede them.
    std::vector<std::string> recorded(runs.begin() + 12, runs.end());
    EXPECT_EQ(recorded, order(two_builds(2, 0, {"a", "b", "c"})));
}

TEST(GateSchedule, ReportsArePerArmRoundAndFileNamedAlikeOnBothSides) {
    const auto runs = gate_schedule(two_builds(2, 1, {"pw", "pw2"}));
    ASSERT_EQ(runs.size(), 12u);
    std::vector<std::string> reports;
    for (const gate_run& r : runs) reports.push_back(r.report);
    EXPECT_EQ(reports, (std::vector<std::string>{
                           "warmup/contender/round-001-pw.json", "warmup/baseline/round-001-pw.json",
                           "warmup/baseline/round-001-pw2.json", "warmup/contender/round-001-pw2.json",
                           "baseline/round-001-pw.json", "contender/round-001-pw.json",
                           "contender/round-001-pw2.json", "baseline/round-001-pw2.json",
                           "contender/round-002-pw.json", "baseline/round-002-pw.json",
                           "baseline/round-002-pw2.json", "contender/round-002-pw2.json"}));
    for (std::size_t i = 0; i < 4; ++i) EXPECT_TRUE(runs[i].warmup) << i;
    for (std::size_t i = 4; i < runs.size(); ++i) EXPECT_FALSE(runs[i].warmup) << i;
}

TEST(GateSchedule, OneArmAndTheWholeSetAsOneUnit) {
    // A stored-baseline job: the contender alone, each round one run of every file.
    const auto runs = gate_schedule({{"contender"}, {""}, 3, 1});
    ASSERT_EQ(runs.size(), 4u);
    EXPECT_EQ(runs[0].report, "warmup/contender/round-001.json");
    EXPECT_EQ(runs[1].report, "contender/round-001.json");
    EXPECT_EQ(runs[3].report, "contender/round-003.json");
    for (const gate_run& r : runs) EXPECT_EQ(r.arm, 0u);
}

TEST(GateSchedule, MoreArmsRotate) {
    // Not what the gate runs today (two builds), but the rule holds for any number.
    const gate_schedule_spec spec{{"x", "y", "z"}, {"a", "b"}, 2, 0};
    EXPECT_EQ(order(spec), (std::vector<std::string>{"r1 a x", "r1 a y", "r1 a z", "r1 b y", "r1 b z", "r1 b x",
                                                     "r2 a y", "r2 a z", "r2 a x", "r2 b z", "r2 b x", "r2 b y"}));
}

TEST(GateSchedule, FileNameOrderIsRoundOrder) {
    EXPECT_EQ(gate_report_name(7, 100, "postwait"), "round-007-postwait.json");
    EXPECT_EQ(gate_report_name(7, 999, ""), "round-007.json");
    // Past 999 rounds the numbers widen, so that "round-1000" does not sort before "round-101".
    EXPECT_EQ(gate_report_name(7, 1000, "pw"), "round-0007-pw.json");
    EXPECT_LT(gate_report_name(101, 1000, "pw"), gate_report_name(1000, 1000, "pw"));
}

TEST(GateSchedule, RefusesAnEmptyJob) {
    EXPECT_THROW((void)gate_schedule({{}, {"a"}, 1, 0}), std::invalid_argument);
    EXPECT_THROW((void)gate_schedule({{"x"}, {}, 1, 0}), std::invalid_argument);
    EXPECT_THROW((void)gate_schedule({{"x"}, {"a"}, 0, 0}), std::invalid_argument);
    EXPECT_THROW((void)gate_schedule({{"x"}, {"a"}, 1, -1}), std::invalid_argument);
}

}  // namespace
