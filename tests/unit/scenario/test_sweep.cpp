// Sweep expansion: order (file order, last field fastest), names, the cartesian product,
// and errors that only appear at one point of the sweep.
#include "helpers.hpp"

#include "scenario/validate.hpp"

#include <gtest/gtest.h>

namespace psem::bench {
namespace {

using testing::doc;
using testing::messages;
using testing::names;

scenario parse_ok(const std::string& text) {
    parse_result r = parse_scenario(text, "t.json");
    EXPECT_TRUE(r.ok()) << messages(r);
    return r.value.value_or(scenario{});
}

TEST(Sweep, NoSweepIsOnePoint) {
    const auto r = expand_sweep(parse_ok(doc(R"(, "processes": 8)")));
    EXPECT_TRUE(r.errors.empty()) << messages(r.errors);
    EXPECT_EQ(names(r), std::vector<std::string>{"postwait/processes:8/threads:1"});
    EXPECT_TRUE(r.points[0].params.empty());
}

TEST(Sweep, ContentionSweepKeepsFileOrderOfValues) {
    const scenario sc = parse_ok(doc(R"(, "sweep": {"processes": [1, 2, 4, 8, 16, 32, 64]})"));
    ASSERT_EQ(sc.sweep.size(), 1u);
    EXPECT_EQ(sc.sweep[0].first, "processes");
    const auto r = expand_sweep(sc);
    EXPECT_TRUE(r.errors.empty()) << messages(r.errors);
    EXPECT_EQ(names(r), (std::vector<std::string>{
                            "postwait/processes:1/threads:1", "postwait/processes:2/threads:1",
                            "postwait/processes:4/threads:1", "postwait/processes:8/threads:1",
                            "postwait/processes:16/threads:1", "postwait/processes:32/threads:1",
                            "postwait/processes:64/threads:1"}));
    EXPECT_EQ(r.points[3].config.processes, 8);
    EXPECT_EQ(r.points[3].params, (std::vector<std::pair<std::string, nlohmann::json>>{{"processes", 8}}));
}

TEST(Sweep, CartesianProductLastFieldFastest) {
    const auto r = expand_sweep(parse_ok(doc(R"(, "sweep": {"threads_per_process": [1, 4], "processes": [1, 2, 3]})")));
    EXPECT_TRUE(r.errors.empty()) << messages(r.errors);
    EXPECT_EQ(names(r), (std::vector<std::string>{
                            "postwait/threads_per_process:1/processes:1", "postwait/threads_per_process:1/processes:2",
                            "postwait/threads_per_process:1/processes:3", "postwait/threads_per_process:4/processes:1",
                            "postwait/threads_per_process:4/processes:2", "postwait/threads_per_process:4/processes:3"}));
    EXPECT_EQ(r.points[5].config.workers(), 12);
    for (const auto& p : r.points) EXPECT_TRUE(p.config.sweep.empty());
}

TEST(Sweep, StringAndFloatValuesInNames) {
    const auto r = expand_sweep(parse_ok(doc(R"(, "sweep": {"backend": ["psem", "raw"], "ops_per_worker": [1e3]})")));
    EXPECT_EQ(names(r), (std::vector<std::string>{"postwait/backend:psem/ops_per_worker:1000/processes:1/threads:1",
                                                  "postwait/backend:raw/ops_per_worker:1000/processes:1/threads:1"}));
    EXPECT_EQ(r.points[1].config.backend, "raw");
}

TEST(Sweep, RawBackendIsNamedEvenWithoutSweep) {
    EXPECT_EQ(names(expand_sweep(parse_ok(doc(R"(, "backend": "raw")")))),
              std::vector<std::string>{"postwait/processes:1/threads:1/backend:raw"});
}

TEST(Sweep, ProducerConsumerNames) {
    const auto r = expand_sweep(parse_ok(doc(R"(, "consumers": 2, "sweep": {"producers": [1, 2]})", "producer_consumer")));
    EXPECT_TRUE(r.errors.empty()) << messages(r.errors);
    EXPECT_EQ(names(r), (std::vector<std::string>{"producer_consumer/producers:1/consumers:2",
                                                  "producer_consumer/producers:2/consumers:2"}));
    EXPECT_EQ(r.points[0].config.processes, 3);
    EXPECT_EQ(r.points[1].config.processes, 4);
    EXPECT_EQ(names(expand_sweep(parse_ok(doc(R"(, "producers": 2, "consumers": 2)", "producer_consumer")))),
              std::vector<std::string>{"producer_consumer/producers:2/consumers:2"});
}

TEST(Sweep, DurationSweepReplacesDefaultOpCount) {
    const auto r = expand_sweep(parse_ok(doc(R"(, "sweep": {"duration_ms": [100, 200]})")));
    ASSERT_EQ(r.points.size(), 2u) << messages(r.errors);
    EXPECT_EQ(r.points[1].config.duration_ms, 200u);
    EXPECT_FALSE(r.points[1].config.ops_per_worker.has_value());
}

TEST(Sweep, PointsKeepTheSource) {
    const std::string text = doc(R"(, "sweep": {"processes": [1, 2]})");
    const auto r = expand_sweep(parse_ok(text));
    ASSERT_EQ(r.points.size(), 2u);
    EXPECT_EQ(r.points[1].config.source_file, "t.json");
    EXPECT_EQ(r.points[1].config.source_sha256.size(), 64u);
}

// "[from,...,to]"
std::string number_list(int from, int to) {
    std::string list = "[";
    for (int i = from; i <= to; ++i) {
        if (i > from) list += ',';
        list += std::to_string(i);
    }
    return list + "]";
}

struct sweep_error_case {
    const char* label;
    std::string text;
    std::string expected;
};
void PrintTo(const sweep_error_case& c, std::ostream* os) { *os << c.label; }

class BadSweep : public ::testing::TestWithParam<sweep_error_case> {};

TEST_P(BadSweep, IsRefusedWithThisMessage) {
    const auto r = parse_scenario(GetParam().text, "t.json");
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(messages(r), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Cases, BadSweep, ::testing::Values(
    sweep_error_case{"bad_value", doc(R"(, "sweep": {"processes": [1, -2, 3]})"),
                     "t.json: /sweep/processes/1: expected a positive integer, got -2"},
    sweep_error_case{"bad_values_each_reported", doc(R"(, "sweep": {"processes": [0, 2, 2.5]})"),
                     "t.json: /sweep/processes/0: expected a positive integer, got 0\n"
                     "t.json: /sweep/processes/2: expected a positive integer, got 2.5"},
    sweep_error_case{"pingpong_point", doc(R"(, "sweep": {"processes": [2, 3]})", "pingpong"),
                     "t.json: /sweep/processes/1: pingpong runs exactly 2 processes, got 3"},
    sweep_error_case{"unknown_field", doc(R"(, "sweep": {"proceses": [1]})"),
                     "t.json: /sweep/proceses: unknown field \"proceses\" (did you mean \"processes\"?)"},
    sweep_error_case{"not_sweepable", doc(R"(, "sweep": {"workload": ["postwait", "pingpong"]})"),
                     "t.json: /sweep/workload: \"workload\" cannot be swept"},
    sweep_error_case{"sweep_in_sweep", doc(R"(, "sweep": {"sweep": [{}]})"), "t.json: /sweep/sweep: \"sweep\" cannot be swept"},
    sweep_error_case{"empty_list", doc(R"(, "sweep": {"processes": []})"),
                     "t.json: /sweep/processes: expected a non-empty array of values, got []"},
    sweep_error_case{"scalar_list", doc(R"(, "sweep": {"processes": 8})"),
                     "t.json: /sweep/processes: expected a non-empty array of values, got 8"},
    sweep_error_case{"not_object", doc(R"(, "sweep": [1, 2])"),
                     "t.json: /sweep: expected an object mapping fields to lists of values, got an array"},
    sweep_error_case{"empty_object", doc(R"(, "sweep": {})"),
                     "t.json: /sweep: expected an object mapping fields to lists of values, got an empty object"},
    sweep_error_case{"duplicate_value", doc(R"(, "sweep": {"processes": [1, 4, 4.0]})"),
                     "t.json: /sweep/processes/2: duplicate value 4.0 (also at index 1)"},
    sweep_error_case{"also_top_level", doc(R"(, "processes": 2, "sweep": {"processes": [1, 2]})"),
                     "t.json: /sweep/processes: also set at the top level (/processes); keep one of the two"},
    sweep_error_case{"run_length_conflict", doc(R"(, "duration_ms": 100, "sweep": {"ops_per_worker": [10, 20]})"),
                     "t.json: /sweep/ops_per_worker/0: set either ops_per_worker or duration_ms, not both\n"
                     "t.json: /sweep/ops_per_worker/1: set either ops_per_worker or duration_ms, not both"},
    sweep_error_case{"producers_for_postwait", doc(R"(, "sweep": {"producers": [1, 2]})"),
                     "t.json: /sweep/producers/0: only for workload producer_consumer, not postwait\n"
                     "t.json: /sweep/producers/1: only for workload producer_consumer, not postwait"},
    sweep_error_case{"check_inside_swept_list", doc(R"(, "sweep": {"checks": [["open_missing"], ["nope"]]})", "edge_cases"),
                     "t.json: /sweep/checks/1/0: unknown check \"nope\""},
    sweep_error_case{"too_many_points",
                     doc(R"(, "sweep": {"processes": )" + number_list(1, 101) + R"(, "warmup_ops": )" +
                         number_list(0, 99) + "}"),
                     "t.json: /sweep: expands to more than 10000 runs"}));

TEST(Sweep, ErrorsBlameTheSweptValue) {
    // Two fields swept: the contradiction is the processes value's doing, at every point.
    const auto r = parse_scenario(doc(R"(, "sweep": {"warmup_ops": [0, 10], "processes": [2, 3]})", "pingpong"), "t.json");
    EXPECT_EQ(messages(r), "t.json: /sweep/processes/1: pingpong runs exactly 2 processes, got 3");
}

TEST(Sweep, ExpandRefusesAnInvalidStructAndRunsNothing) {
    scenario sc = parse_ok(doc("", "pingpong"));
    sc.sweep = {{"processes", {2, 3}}};
    const auto r = expand_sweep(sc);
    EXPECT_TRUE(r.points.empty());
    EXPECT_EQ(messages(r.errors), "t.json: /sweep/processes/1: pingpong runs exactly 2 processes, got 3");

    sc.sweep = {{"nope", {1}}};
    EXPECT_EQ(messages(expand_sweep(sc).errors), "t.json: /sweep/nope: unknown field \"nope\"");
}

TEST(Sweep, HeadroomIsCheckedPerPoint) {
    // A stand-in headroom of 6 makes the 8-process point too large on any host.
    const auto json = nlohmann::ordered_json::parse(doc(R"(, "sweep": {"processes": [1, 4, 8]})"));
    const auto r = detail::check_document(json, detail::origins("t.json"), [] { return std::optional<long>(6); });
    EXPECT_TRUE(r.points.empty());
    EXPECT_EQ(messages(r.errors),
              "t.json: /sweep/processes/2: 8 workers (8 processes x 1 threads) exceed what this host can still start "
              "(6 more processes/threads: RLIMIT_NPROC and the kernel's thread and pid limits, minus those running)");
    const auto unlimited = detail::check_document(json, detail::origins("t.json"), [] { return std::optional<long>(); });
    EXPECT_EQ(unlimited.points.size(), 3u);
}

TEST(Sweep, HeadroomIsReadAtMostOnce) {
    int calls = 0;
    const auto json = nlohmann::ordered_json::parse(doc(R"(, "sweep": {"processes": [2, 4, 8, 16]})"));
    const auto r = detail::check_document(json, detail::origins("t.json"), [&] {
        ++calls;
        return std::optional<long>(100);
    });
    EXPECT_EQ(r.points.size(), 4u);
    EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace psem::bench
