// --set overrides: JSON-or-string values, unknown fields, sweeps replaced, and errors that
// name the assignment as well as the file (the file did not say -3; the command did).
#include "helpers.hpp"

#include <gtest/gtest.h>

namespace psem::bench {
namespace {

using testing::doc;
using testing::messages;

scenario parse_ok(const std::string& text) {
    parse_result r = parse_scenario(text, "t.json");
    EXPECT_TRUE(r.ok()) << messages(r);
    return r.value.value_or(scenario{});
}

TEST(Overrides, NumberOverride) {
    const scenario base = parse_ok(doc(R"(, "processes": 2)"));
    const auto r = apply_overrides(base, {"processes=4", "repetitions=3"});
    ASSERT_TRUE(r.ok()) << messages(r);
    EXPECT_EQ(r.value->processes, 4);
    EXPECT_EQ(r.value->repetitions, 3);
    EXPECT_EQ(r.value->source_file, "t.json");
    EXPECT_EQ(r.value->source_sha256, base.source_sha256);  // the file's hash, not the result's
}

TEST(Overrides, NoAssignmentsIsIdentity) {
    const scenario base = parse_ok(doc(R"(, "processes": 2, "sweep": {"warmup_ops": [0, 5]})"));
    const auto r = apply_overrides(base, {});
    ASSERT_TRUE(r.ok()) << messages(r);
    EXPECT_EQ(to_json(*r.value), to_json(base));
}

TEST(Overrides, UnknownFieldSuggestsTheKnownOne) {
    const auto r = apply_overrides(parse_ok(doc()), {"proceses=4"});
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(messages(r), "--set proceses=4: unknown field \"proceses\" (did you mean \"processes\"?)");
}

TEST(Overrides, BadValueNamesTheAssignment) {
    const auto r = apply_overrides(parse_ok(doc()), {"processes=-3"});
    EXPECT_EQ(messages(r), "t.json: /processes: expected a positive integer, got -3 (from --set processes=-3)");
}

TEST(Overrides, NonJsonTextIsAString) {
    const auto r = apply_overrides(parse_ok(doc()), {"affinity=0,2-3", "name=other", "backend=raw"});
    ASSERT_TRUE(r.ok()) << messages(r);
    EXPECT_EQ(r.value->affinity, "0,2-3");
    EXPECT_EQ(r.value->name, "other");
    EXPECT_EQ(r.value->backend, "raw");
    EXPECT_EQ(messages(apply_overrides(parse_ok(doc()), {"processes=four"})),
              "t.json: /processes: expected a positive integer, got \"four\" (a string) (from --set processes=four)");
}

TEST(Overrides, JsonArrayValue) {
    const auto r = apply_overrides(parse_ok(doc("", "edge_cases")), {R"(checks=["open_missing","unlink_missing"])"});
    ASSERT_TRUE(r.ok()) << messages(r);
    EXPECT_EQ(r.value->checks, (std::vector<std::string>{"open_missing", "unlink_missing"}));
}

TEST(Overrides, OverridingASweptFieldReplacesItsSweep) {
    const scenario base = parse_ok(doc(R"(, "sweep": {"processes": [1, 2, 4], "warmup_ops": [0, 10]})"));
    const auto r = apply_overrides(base, {"processes=16"});
    ASSERT_TRUE(r.ok()) << messages(r);
    EXPECT_EQ(r.value->processes, 16);
    ASSERT_EQ(r.value->sweep.size(), 1u);
    EXPECT_EQ(r.value->sweep[0].first, "warmup_ops");
    EXPECT_EQ(expand_sweep(*r.value).points.size(), 2u);

    const auto whole = apply_overrides(base, {"processes=16", "warmup_ops=5"});
    ASSERT_TRUE(whole.ok()) << messages(whole);
    EXPECT_TRUE(whole.value->sweep.empty());
}

TEST(Overrides, RunLengthOverrideReplacesTheOther) {
    const scenario base = parse_ok(doc(R"(, "ops_per_worker": 500)"));
    const auto r = apply_overrides(base, {"duration_ms=2000"});
    ASSERT_TRUE(r.ok()) << messages(r);
    EXPECT_EQ(r.value->duration_ms, 2000u);
    EXPECT_FALSE(r.value->ops_per_worker.has_value());
    const auto back = apply_overrides(*r.value, {"ops_per_worker=7"});
    ASSERT_TRUE(back.ok()) << messages(back);
    EXPECT_EQ(back.value->ops_per_worker, 7u);
    EXPECT_FALSE(back.value->duration_ms.has_value());
}

// The same holds for the busy work's two sizes: an override of one drops the other, in the
// file and in the sweep (the table's conflicts_with, not a rule of its own).
TEST(Overrides, BusyWorkOverrideReplacesTheOther) {
    const scenario base = parse_ok(doc(R"(, "critical_section_ns": 500)"));
    const auto r = apply_overrides(base, {"critical_section_iterations=310"});
    ASSERT_TRUE(r.ok()) << messages(r);
    EXPECT_EQ(r.value->critical_section_iterations, 310u);
    EXPECT_EQ(r.value->critical_section_ns, 0u);
    const scenario swept = parse_ok(doc(R"(, "sweep": {"critical_section_iterations": [0, 10]})"));
    const auto s = apply_overrides(swept, {"critical_section_ns=100"});
    ASSERT_TRUE(s.ok()) << messages(s);
    EXPECT_TRUE(s.value->sweep.empty());
    EXPECT_EQ(s.value->critical_section_ns, 100u);
    EXPECT_EQ(s.value->critical_section_iterations, 0u);
}

TEST(Overrides, ContradictionNamesTheAssignment) {
    const auto r = apply_overrides(parse_ok(doc("", "pingpong")), {"processes=3"});
    EXPECT_EQ(messages(r), "t.json: /processes: pingpong runs exactly 2 processes, got 3 (from --set processes=3)");
}

TEST(Overrides, ProducerCountRederivesProcesses) {
    const auto r = apply_overrides(parse_ok(doc(R"(, "producers": 2, "consumers": 2)", "producer_consumer")),
                                   {"producers=3"});
    ASSERT_TRUE(r.ok()) << messages(r);
    EXPECT_EQ(r.value->processes, 5);
}

TEST(Overrides, MalformedAssignments) {
    const auto r = apply_overrides(parse_ok(doc()), {"processes", "=4", "sweep={}", "processes=2"});
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(messages(r), "--set processes: expected FIELD=VALUE\n"
                           "--set =4: expected FIELD=VALUE\n"
                           "--set sweep={}: the sweep cannot be set from the command line; edit the file");
}

TEST(Overrides, EveryErrorIsCollected) {
    const auto r = apply_overrides(parse_ok(doc()), {"threds=2", "processes=0", "timeout_s=-1"});
    EXPECT_EQ(messages(r), "--set threds=2: unknown field \"threds\" (did you mean \"threads_per_process\"?)"
                           "\nt.json: /processes: expected a positive integer, got 0 (from --set processes=0)"
                           "\nt.json: /timeout_s: expected a positive number of seconds, got -1 (from --set timeout_s=-1)");
}

TEST(Overrides, EmptyValueIsAnEmptyString) {
    EXPECT_EQ(messages(apply_overrides(parse_ok(doc()), {"backend="})),
              "t.json: /backend: expected \"psem\", \"raw\", \"unnamed\", \"sysv\", \"futex\", \"eventfd\" or \"pipe\", got \"\" (a string) (from --set backend=)");
}

TEST(Overrides, DurationOverrideDropsASweptOpCount) {
    const scenario base = parse_ok(doc(R"(, "sweep": {"ops_per_worker": [10, 20], "processes": [1, 2]})"));
    const auto r = apply_overrides(base, {"duration_ms=100"});
    ASSERT_TRUE(r.ok()) << messages(r);
    ASSERT_EQ(r.value->sweep.size(), 1u);
    EXPECT_EQ(r.value->sweep[0].first, "processes");
    const auto points = expand_sweep(*r.value);
    ASSERT_EQ(points.points.size(), 2u) << messages(points.errors);
    EXPECT_EQ(points.points[0].config.duration_ms, 100u);
    EXPECT_FALSE(points.points[0].config.ops_per_worker.has_value());
}

TEST(Overrides, SweptValueAgainstOverriddenField) {
    // The override is what broke the file, so it is blamed, and once.
    const scenario base = parse_ok(doc(R"(, "sweep": {"warmup_ops": [0, 10]})", "pingpong"));
    EXPECT_EQ(messages(apply_overrides(base, {"threads_per_process=2"})),
              "t.json: /threads_per_process: pingpong runs exactly 1 thread per process, got 2 "
              "(from --set threads_per_process=2)");
}

}  // namespace
}  // namespace psem::bench
