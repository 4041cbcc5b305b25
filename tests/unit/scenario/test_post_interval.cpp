// post_interval_ns: producer_consumer's paced producers (an offered load). Accepted for
// producer_consumer (file, sweep, --set), refused elsewhere and out of range with the JSON
// path, refused when the schedule cannot end inside timeout_s, and part of the benchmark
// name so that a paced run never shares a name with an unpaced one. (The worker request
// carries it: tests/unit/run/test_protocol.cpp.)
#include "helpers.hpp"

#include "scenario/validate.hpp"

#include <gtest/gtest.h>

namespace psem::bench {
namespace {

using testing::doc;
using testing::messages;
using testing::names;

const char* pc = "producer_consumer";

TEST(PostInterval, DefaultsToZeroAndLeavesTheNameAlone) {
    const parse_result r = parse_scenario(doc("", pc), "t.json");
    ASSERT_TRUE(r.ok()) << messages(r);
    EXPECT_EQ(r.value->post_interval_ns, 0u);
    EXPECT_FALSE(to_json(*r.value).contains("post_interval_ns"));
    EXPECT_EQ(names(expand_sweep(*r.value)), std::vector<std::string>{"producer_consumer/producers:1/consumers:1"});
}

TEST(PostInterval, AcceptedForProducerConsumerNamedAndRoundTripped) {
    const parse_result r = parse_scenario(doc(R"(, "post_interval_ns": 50000)", pc), "t.json");
    ASSERT_TRUE(r.ok()) << messages(r);
    EXPECT_EQ(r.value->post_interval_ns, 50000u);
    EXPECT_EQ(names(expand_sweep(*r.value)),
              std::vector<std::string>{"producer_consumer/producers:1/consumers:1/post_interval_ns:50000"});
    const auto j = to_json(*r.value);
    EXPECT_EQ(j.at("post_interval_ns"), 50000);
    const parse_result again = parse_scenario(j.dump(), "t.json");
    ASSERT_TRUE(again.ok()) << messages(again);
    EXPECT_EQ(to_json(*again.value), j);
}

TEST(PostInterval, RangeAndType) {
    const auto refused = [](const char* extra) { return messages(parse_scenario(doc(extra, pc), "t.json")); };
    EXPECT_EQ(refused(R"(, "post_interval_ns": -1)"),
              "t.json: /post_interval_ns: expected a non-negative integer, got -1");
    EXPECT_EQ(refused(R"(, "post_interval_ns": 1000000000001)"),
              "t.json: /post_interval_ns: expected at most 1000000000000, got 1000000000001");
    EXPECT_EQ(refused(R"(, "post_interval_ns": "1us")"),
              "t.json: /post_interval_ns: expected a non-negative integer, got \"1us\" (a string)");
}

TEST(PostInterval, RefusedForOtherWorkloads) {
    EXPECT_EQ(messages(parse_scenario(doc(R"(, "post_interval_ns": 1000)"), "t.json")),
              "t.json: /post_interval_ns: only for workload producer_consumer, not postwait");
    EXPECT_EQ(messages(parse_scenario(doc(R"(, "post_interval_ns": 1000)", "pingpong"), "t.json")),
              "t.json: /post_interval_ns: only for workload producer_consumer, not pingpong");
}

TEST(PostInterval, TheScheduleMustEndInsideTheTimeout) {
    // 100000 ops (the default) x 1 ms = 100 s of posting against timeout_s 30.
    EXPECT_EQ(messages(parse_scenario(doc(R"(, "post_interval_ns": 1000000, "timeout_s": 30)", pc), "t.json")),
              "t.json: /post_interval_ns: ops_per_worker x post_interval_ns = 100 s of posting, not less than "
              "timeout_s = 30 s");
    EXPECT_TRUE(
        parse_scenario(doc(R"(, "post_interval_ns": 1000000, "ops_per_worker": 1000, "timeout_s": 30)", pc), "t.json")
            .ok());
    // The value that made it too long is the one blamed: here the sweep's second point.
    EXPECT_EQ(messages(parse_scenario(
                  doc(R"(, "ops_per_worker": 1000, "timeout_s": 30, "sweep": {"post_interval_ns": [1000, 50000000]})", pc),
                  "t.json")),
              "t.json: /sweep/post_interval_ns/1: ops_per_worker x post_interval_ns = 50 s of posting, not less "
              "than timeout_s = 30 s");
}

TEST(PostInterval, SweepsAndSetOverrides) {
    const parse_result r =
        parse_scenario(doc(R"(, "ops_per_worker": 1000, "sweep": {"post_interval_ns": [0, 10000, 100000]})", pc),
                       "t.json");
    ASSERT_TRUE(r.ok()) << messages(r);
    EXPECT_EQ(names(expand_sweep(*r.value)),
              (std::vector<std::string>{"producer_consumer/post_interval_ns:0/producers:1/consumers:1",
                                        "producer_consumer/post_interval_ns:10000/producers:1/consumers:1",
                                        "producer_consumer/post_interval_ns:100000/producers:1/consumers:1"}));
    const parse_result set = apply_overrides(*r.value, {"post_interval_ns=2000"});
    ASSERT_TRUE(set.ok()) << messages(set);
    EXPECT_EQ(names(expand_sweep(*set.value)),
              std::vector<std::string>{"producer_consumer/producers:1/consumers:1/post_interval_ns:2000"});
}

}  // namespace
}  // namespace psem::bench
