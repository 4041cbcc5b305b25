// idle_ns: the gap before each hand-off, for pingpong and producer_consumer. One row of
// the field table: accepted by both workloads (file, sweep, --set), refused elsewhere with
// both named, range-checked, exclusive with post_interval_ns (both pace the producers),
// refused when its schedule cannot end inside timeout_s, and part of the benchmark name.
#include "helpers.hpp"

#include "scenario/schema.hpp"

#include <gtest/gtest.h>

namespace psem::bench {
namespace {

using testing::doc;
using testing::messages;
using testing::names;

const char* pc = "producer_consumer";

TEST(IdleGap, DefaultsToZeroAndLeavesTheNameAlone) {
    for (const char* workload : {"pingpong", pc}) {
        const parse_result r = parse_scenario(doc("", workload), "t.json");
        ASSERT_TRUE(r.ok()) << messages(r);
        EXPECT_EQ(r.value->idle_ns, 0u);
        EXPECT_FALSE(to_json(*r.value).contains("idle_ns"));
    }
}

TEST(IdleGap, AcceptedForBothWorkloadsNamedAndRoundTripped) {
    const parse_result r = parse_scenario(doc(R"(, "idle_ns": 100000, "ops_per_worker": 1000)", "pingpong"), "t.json");
    ASSERT_TRUE(r.ok()) << messages(r);
    EXPECT_EQ(r.value->idle_ns, 100000u);
    EXPECT_EQ(names(expand_sweep(*r.value)), std::vector<std::string>{"pingpong/processes:2/threads:1/idle_ns:100000"});
    const auto j = to_json(*r.value);
    EXPECT_EQ(j.at("idle_ns"), 100000);
    const parse_result again = parse_scenario(j.dump(), "t.json");
    ASSERT_TRUE(again.ok()) << messages(again);
    EXPECT_EQ(to_json(*again.value), j);

    const parse_result p = parse_scenario(doc(R"(, "idle_ns": 2000, "ops_per_worker": 1000)", pc), "t.json");
    ASSERT_TRUE(p.ok()) << messages(p);
    EXPECT_EQ(names(expand_sweep(*p.value)),
              std::vector<std::string>{"producer_consumer/producers:1/consumers:1/idle_ns:2000"});
}

TEST(IdleGap, RangeIsZeroToTenSeconds) {
    const auto refused = [](const char* extra) { return messages(parse_scenario(doc(extra, "pingpong"), "t.json")); };
    EXPECT_EQ(refused(R"(, "idle_ns": -1)"), "t.json: /idle_ns: expected a non-negative integer, got -1");
    EXPECT_EQ(refused(R"(, "idle_ns": 10000000001, "duration_ms": 100)"),
              "t.json: /idle_ns: expected at most 10000000000, got 10000000001");
    EXPECT_TRUE(parse_scenario(doc(R"(, "idle_ns": 10000000000, "ops_per_worker": 2, "timeout_s": 60)", "pingpong"),
                               "t.json")
                    .ok());
}

TEST(IdleGap, RefusedForOtherWorkloadsNamingBoth) {
    EXPECT_EQ(messages(parse_scenario(doc(R"(, "idle_ns": 1000)"), "t.json")),
              "t.json: /idle_ns: only for workloads pingpong and producer_consumer, not postwait");
    const schema::field* idle = schema::find("idle_ns");
    const schema::field* reps = schema::find("repetitions");
    ASSERT_TRUE(idle != nullptr && reps != nullptr);
    EXPECT_FALSE(schema::applies_to(*idle, "edge_cases"));
    EXPECT_TRUE(schema::applies_to(*idle, pc));
    EXPECT_TRUE(schema::applies_to(*reps, "edge_cases"));
}

TEST(IdleGap, ExclusiveWithPostInterval) {
    EXPECT_EQ(messages(parse_scenario(
                  doc(R"(, "idle_ns": 1000, "post_interval_ns": 1000, "ops_per_worker": 100)", pc), "t.json")),
              "t.json: /idle_ns: set either post_interval_ns or idle_ns, not both");
}

TEST(IdleGap, TheScheduleMustEndInsideTheTimeout) {
    // 100000 ops (the default) x 1 ms = 100 s of gaps against timeout_s 30, for either side.
    for (const char* workload : {"pingpong", pc})
        EXPECT_EQ(messages(parse_scenario(doc(R"(, "idle_ns": 1000000, "timeout_s": 30)", workload), "t.json")),
                  "t.json: /idle_ns: ops_per_worker x idle_ns = 100 s of idle gaps, not less than timeout_s = 30 s")
            << workload;
    // A run bounded by time has no such schedule.
    EXPECT_TRUE(
        parse_scenario(doc(R"(, "idle_ns": 1000000, "duration_ms": 500, "timeout_s": 30)", "pingpong"), "t.json").ok());
}

TEST(IdleGap, SweepsAndSetOverrides) {
    const parse_result r = parse_scenario(
        doc(R"(, "duration_ms": 100, "sweep": {"idle_ns": [1000, 10000000]})", "pingpong"), "t.json");
    ASSERT_TRUE(r.ok()) << messages(r);
    EXPECT_EQ(names(expand_sweep(*r.value)),
              (std::vector<std::string>{"pingpong/idle_ns:1000/processes:2/threads:1",
                                        "pingpong/idle_ns:10000000/processes:2/threads:1"}));
    const parse_result set = apply_overrides(*r.value, {"idle_ns=5000"});
    ASSERT_TRUE(set.ok()) << messages(set);
    EXPECT_EQ(names(expand_sweep(*set.value)), std::vector<std::string>{"pingpong/processes:2/threads:1/idle_ns:5000"});
}

}  // namespace
}  // namespace psem::bench
