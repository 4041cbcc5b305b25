// wait and spin_ns: the workers' wait policy. Accepted by the three timed workloads (file,
// sweep), refused for edge_cases naming all three, choices checked; "spin" needs its
// budget; the raw backend refuses any policy but block (it is glibc's sem_wait alone);
// both fields are part of the benchmark name and survive the canonical JSON.
#include "helpers.hpp"

#include "scenario/schema.hpp"
#include "workloads/workload.hpp"

#include <gtest/gtest.h>

namespace psem::bench {
namespace {

using namespace std::chrono_literals;
using testing::doc;
using testing::messages;
using testing::names;

TEST(WaitField, DefaultsToBlockAndLeavesTheNameAlone) {
    const parse_result r = parse_scenario(doc("", "pingpong"), "t.json");
    ASSERT_TRUE(r.ok()) << messages(r);
    EXPECT_EQ(r.value->wait, "block");
    EXPECT_FALSE(to_json(*r.value).contains("wait"));
    EXPECT_EQ(wait_policy_of(*r.value), psem::wait_policy::block());
}

TEST(WaitField, EachPolicyIsAcceptedNamedAndMapsToLibpsems) {
    const parse_result r =
        parse_scenario(doc(R"(, "spin_ns": 20000, "sweep": {"wait": ["block", "spin", "adaptive"]})", "pingpong"),
                       "t.json");
    ASSERT_TRUE(r.ok()) << messages(r);
    const expand_result expanded = expand_sweep(*r.value);
    const auto& points = expanded.points;
    EXPECT_EQ(names(expanded), (std::vector<std::string>{"pingpong/wait:block/processes:2/threads:1/spin_ns:20000",
                                                       "pingpong/wait:spin/processes:2/threads:1/spin_ns:20000",
                                                       "pingpong/wait:adaptive/processes:2/threads:1/spin_ns:20000"}));
    ASSERT_EQ(points.size(), 3u);
    EXPECT_EQ(wait_policy_of(points[1].config), psem::wait_policy::spin(20us));
    EXPECT_EQ(wait_policy_of(points[2].config), psem::wait_policy::adaptive());
    const auto j = to_json(points[1].config);
    EXPECT_EQ(j.at("wait"), "spin");
    EXPECT_EQ(j.at("spin_ns"), 20000);
    const parse_result again = parse_scenario(j.dump(), "t.json");
    ASSERT_TRUE(again.ok()) << messages(again);
    EXPECT_EQ(to_json(*again.value), j);
    for (const char* workload : {"postwait", "producer_consumer"})
        EXPECT_TRUE(parse_scenario(doc(R"(, "wait": "adaptive")", workload), "t.json").ok()) << workload;
}

TEST(WaitField, BadValuesAndCombinationsAreRefused) {
    const auto refused = [](const char* extra, const char* workload = "pingpong") {
        return messages(parse_scenario(doc(extra, workload), "t.json"));
    };
    EXPECT_EQ(refused(R"(, "wait": "yield")"),
              "t.json: /wait: expected \"block\", \"spin\" or \"adaptive\", got \"yield\" (a string)");
    EXPECT_EQ(refused(R"(, "wait": "spin")"),
              "t.json: /wait: wait \"spin\" needs spin_ns, the spin budget in ns (1 to 1000000000)");
    EXPECT_EQ(refused(R"(, "wait": "adaptive", "backend": "raw")"),
              "t.json: /wait: wait \"adaptive\" is libpsem's; the raw backend waits with its own primitive "
              "(use backend \"psem\")");
    EXPECT_EQ(refused(R"(, "spin_ns": 1000000001)"), "t.json: /spin_ns: expected at most 1000000000, got 1000000001");
    EXPECT_EQ(refused(R"(, "wait": "spin", "spin_ns": 1000)", "edge_cases"),
              "t.json: /wait: only for workloads postwait, pingpong and producer_consumer, not edge_cases\n"
              "t.json: /spin_ns: only for workloads postwait, pingpong and producer_consumer, not edge_cases");
}

}  // namespace
}  // namespace psem::bench
