// background_processes: pingpong's load beside the measured pair. Accepted for pingpong
// (file, sweep, --set), refused elsewhere and out of range with the JSON path, counted
// against the host's headroom, and part of the benchmark name so that a loaded run never
// shares a name with a quiet one.
#include "helpers.hpp"

#include "scenario/validate.hpp"

#include <gtest/gtest.h>

namespace psem::bench {
namespace {

using testing::doc;
using testing::messages;
using testing::names;

TEST(BackgroundProcesses, DefaultsToZeroAndLeavesTheNameAlone) {
    const parse_result r = parse_scenario(doc("", "pingpong"), "t.json");
    ASSERT_TRUE(r.ok()) << messages(r);
    EXPECT_EQ(r.value->background_processes, 0);
    EXPECT_FALSE(to_json(*r.value).contains("background_processes"));
    EXPECT_EQ(names(expand_sweep(*r.value)), std::vector<std::string>{"pingpong/processes:2/threads:1"});
}

TEST(BackgroundProcesses, AcceptedForPingpongAndNamed) {
    const parse_result r = parse_scenario(doc(R"(, "background_processes": 4)", "pingpong"), "t.json");
    ASSERT_TRUE(r.ok()) << messages(r);
    EXPECT_EQ(r.value->background_processes, 4);
    EXPECT_EQ(r.value->processes, 2);  // the measured pair; the load is not "processes"
    EXPECT_EQ(names(expand_sweep(*r.value)),
              std::vector<std::string>{"pingpong/processes:2/threads:1/background_processes:4"});
    // The canonical form keeps it and parses back to the same scenario.
    const auto j = to_json(*r.value);
    EXPECT_EQ(j.at("background_processes"), 4);
    const parse_result again = parse_scenario(j.dump(), "t.json");
    ASSERT_TRUE(again.ok()) << messages(again);
    EXPECT_EQ(to_json(*again.value), j);
}

TEST(BackgroundProcesses, BoundsAreZeroAndFourThousandNinetySix) {
    // 4096 + 2 workers may be more than this host can start: judge the range alone.
    for (const char* ok : {R"(, "background_processes": 0)", R"(, "background_processes": 4096)",
                           R"(, "background_processes": 1e3)"}) {
        const auto r = detail::check_document(nlohmann::ordered_json::parse(doc(ok, "pingpong")),
                                              detail::origins("t.json"), [] { return std::optional<long>(); });
        EXPECT_TRUE(r.errors.empty()) << ok << ": " << messages(r.errors);
    }
    const auto refused = [](const char* extra) { return messages(parse_scenario(doc(extra, "pingpong"), "t.json")); };
    EXPECT_EQ(refused(R"(, "background_processes": -1)"),
              "t.json: /background_processes: expected a non-negative integer, got -1");
    EXPECT_EQ(refused(R"(, "background_processes": 4097)"),
              "t.json: /background_processes: expected at most 4096, got 4097");
    EXPECT_EQ(refused(R"(, "background_processes": 2.5)"),
              "t.json: /background_processes: expected a non-negative integer, got 2.5");
    EXPECT_EQ(refused(R"(, "background_processes": "2")"),
              "t.json: /background_processes: expected a non-negative integer, got \"2\" (a string)");
}

TEST(BackgroundProcesses, RefusedForOtherWorkloads) {
    EXPECT_EQ(messages(parse_scenario(doc(R"(, "background_processes": 2)"), "t.json")),
              "t.json: /background_processes: only for workload pingpong, not postwait");
    EXPECT_EQ(messages(parse_scenario(doc(R"(, "background_processes": 0)", "producer_consumer"), "t.json")),
              "t.json: /background_processes: only for workload pingpong, not producer_consumer");
    EXPECT_EQ(messages(parse_scenario(doc(R"(, "sweep": {"background_processes": [0, 1]})"), "t.json")),
              "t.json: /sweep/background_processes/0: only for workload pingpong, not postwait\n"
              "t.json: /sweep/background_processes/1: only for workload pingpong, not postwait");
}

TEST(BackgroundProcesses, SweepsWithOneNamePerPoint) {
    const parse_result r =
        parse_scenario(doc(R"(, "sweep": {"background_processes": [0, 1, 2, 4, 8]})", "pingpong"), "t.json");
    ASSERT_TRUE(r.ok()) << messages(r);
    const expand_result e = expand_sweep(*r.value);
    ASSERT_EQ(e.points.size(), 5u);
    EXPECT_EQ(e.points[3].config.background_processes, 4);
    EXPECT_EQ(e.points[3].benchmark_name, "pingpong/background_processes:4/processes:2/threads:1");
    EXPECT_EQ(e.points[0].benchmark_name, "pingpong/background_processes:0/processes:2/threads:1");
}

TEST(BackgroundProcesses, SetOverridesTheFileAndItsSweep) {
    const parse_result base =
        parse_scenario(doc(R"(, "sweep": {"background_processes": [0, 8]})", "pingpong"), "t.json");
    ASSERT_TRUE(base.ok()) << messages(base);
    const parse_result r = apply_overrides(*base.value, {"background_processes=3"});
    ASSERT_TRUE(r.ok()) << messages(r);
    EXPECT_EQ(r.value->background_processes, 3);
    EXPECT_EQ(names(expand_sweep(*r.value)),
              std::vector<std::string>{"pingpong/processes:2/threads:1/background_processes:3"});

    const parse_result pw = parse_scenario(doc(), "t.json");
    ASSERT_TRUE(pw.ok());
    EXPECT_EQ(messages(apply_overrides(*pw.value, {"background_processes=3"})),
              "t.json: /background_processes: only for workload pingpong, not postwait "
              "(from --set background_processes=3)");
}

TEST(BackgroundProcesses, CountAgainstTheHostHeadroom) {
    // 2 measured + 8 background = 10 workers against a stand-in headroom of 6.
    const auto json = nlohmann::ordered_json::parse(doc(R"(, "sweep": {"background_processes": [2, 8]})", "pingpong"));
    const auto r = detail::check_document(json, detail::origins("t.json"), [] { return std::optional<long>(6); });
    EXPECT_TRUE(r.points.empty());
    EXPECT_EQ(messages(r.errors),
              "t.json: /sweep/background_processes/1: 10 workers (2 processes x 1 threads + 8 background processes) "
              "exceed what this host can still start (6 more processes/threads: RLIMIT_NPROC and the kernel's "
              "thread and pid limits, minus those running)");
}

}  // namespace
}  // namespace psem::bench
