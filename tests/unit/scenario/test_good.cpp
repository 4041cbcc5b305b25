// Accepted documents: defaults, derived fields, and the lenient corners (1e6 as an
// integer, a UTF-8 byte order mark) that a hand-written file may contain.
#include "helpers.hpp"

#include "scenario/sha256.hpp"

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

TEST(GoodScenario, CriticalSectionAsAFixedSpinCount) {
    const scenario sc = parse_ok(doc(R"(, "critical_section_iterations": 12)"));
    EXPECT_EQ(sc.critical_section_iterations, 12u);
    EXPECT_EQ(sc.critical_section_ns, 0u);
    // A zero on either side is no busy work, so it does not contradict the other.
    EXPECT_EQ(parse_ok(doc(R"(, "critical_section_ns": 0, "critical_section_iterations": 3)")).critical_section_iterations,
              3u);
    EXPECT_EQ(to_json(sc).value("critical_section_iterations", 0u), 12u);  // round-trips into the report
}

TEST(GoodScenario, MinimalPostwaitGetsDefaults) {
    const std::string text = doc();
    const scenario sc = parse_ok(text);
    EXPECT_EQ(sc.schema_version, 1);
    EXPECT_EQ(sc.name, "t");
    EXPECT_EQ(sc.workload, "postwait");
    EXPECT_EQ(sc.processes, 1);
    EXPECT_EQ(sc.threads_per_process, 1);
    EXPECT_EQ(sc.ops_per_worker, 100000u);
    EXPECT_FALSE(sc.duration_ms.has_value());
    EXPECT_EQ(sc.warmup_ops, 0u);
    EXPECT_EQ(sc.repetitions, 1);
    EXPECT_DOUBLE_EQ(sc.timeout_s, 120.0);
    EXPECT_EQ(sc.critical_section_ns, 0u);
    EXPECT_EQ(sc.critical_section_iterations, 0u);
    EXPECT_EQ(sc.initial_value, 0u);
    EXPECT_EQ(sc.backend, "psem");
    EXPECT_EQ(sc.affinity, "none");
    EXPECT_TRUE(sc.checks.empty());
    EXPECT_EQ(sc.trials, 0);
    EXPECT_TRUE(sc.sweep.empty());
    EXPECT_EQ(sc.source_file, "t.json");
    EXPECT_EQ(sc.source_sha256, sha256_hex(text));
    EXPECT_EQ(sc.workers(), 1);
}

TEST(GoodScenario, EveryFieldIsStored) {
    const scenario sc = parse_ok(doc(R"(, "description": "all of it", "processes": 3, "threads_per_process": 4,
        "duration_ms": 1500, "warmup_ops": 7, "repetitions": 9, "timeout_s": 2.5, "critical_section_ns": 100,
        "initial_value": 2147483647, "backend": "raw", "affinity": "0,2-3")"));
    EXPECT_EQ(sc.description, "all of it");
    EXPECT_EQ(sc.processes, 3);
    EXPECT_EQ(sc.threads_per_process, 4);
    EXPECT_EQ(sc.workers(), 12);
    EXPECT_FALSE(sc.ops_per_worker.has_value());
    EXPECT_EQ(sc.duration_ms, 1500u);
    EXPECT_EQ(sc.warmup_ops, 7u);
    EXPECT_EQ(sc.repetitions, 9);
    EXPECT_DOUBLE_EQ(sc.timeout_s, 2.5);
    EXPECT_EQ(sc.critical_section_ns, 100u);
    EXPECT_EQ(sc.initial_value, 2147483647u);
    EXPECT_EQ(sc.backend, "raw");
    EXPECT_EQ(sc.affinity, "0,2-3");
}

TEST(GoodScenario, WholeFloatsAreIntegers) {
    const scenario sc = parse_ok(doc(R"(, "ops_per_worker": 1e6, "processes": 4.0)"));
    EXPECT_EQ(sc.ops_per_worker, 1000000u);
    EXPECT_EQ(sc.processes, 4);
}

TEST(GoodScenario, PingpongDefaultsToTwoProcesses) {
    const scenario sc = parse_ok(doc("", "pingpong"));
    EXPECT_EQ(sc.processes, 2);
    EXPECT_EQ(sc.threads_per_process, 1);
    EXPECT_EQ(parse_ok(doc(R"(, "processes": 2)", "pingpong")).processes, 2);
}

TEST(GoodScenario, ProducerConsumerDerivesProcesses) {
    const scenario sc = parse_ok(doc(R"(, "producers": 3, "consumers": 2)", "producer_consumer"));
    EXPECT_EQ(sc.producers, 3);
    EXPECT_EQ(sc.consumers, 2);
    EXPECT_EQ(sc.processes, 5);
    EXPECT_EQ(parse_ok(doc("", "producer_consumer")).processes, 2);  // 1 + 1 by default
    EXPECT_EQ(parse_ok(doc(R"(, "producers": 3, "consumers": 2, "processes": 5)", "producer_consumer")).processes, 5);
}

TEST(GoodScenario, EdgeCasesTakeChecksAndTrials) {
    const scenario sc = parse_ok(doc(R"(, "checks": ["open_missing", "post_overflow"], "trials": 50)", "edge_cases"));
    EXPECT_EQ(sc.checks, (std::vector<std::string>{"open_missing", "post_overflow"}));
    EXPECT_EQ(sc.trials, 50);
    EXPECT_TRUE(parse_ok(doc(R"(, "checks": [])", "edge_cases")).checks.empty());  // [] = all
}

TEST(GoodScenario, AffinityKeywords) {
    for (const char* a : {"none", "spread", "compact", "0", "1023", "0-1,4,6-7"}) {
        EXPECT_EQ(parse_ok(doc(std::string(R"(, "affinity": ")") + a + "\"")).affinity, a);
    }
}

TEST(GoodScenario, ByteOrderMarkAndWhitespaceAreAccepted) {
    const scenario sc = parse_ok("\xEF\xBB\xBF\n\t " + doc() + "\n\n");
    EXPECT_EQ(sc.name, "t");
}

TEST(GoodScenario, NamesAtTheEdgesOfThePattern) {
    for (const std::string& name : std::vector<std::string>{"a", "0", "a.b_c-d", std::string(64, 'z')}) {
        const auto r = parse_scenario(R"({"schema_version": 1, "name": ")" + name + R"(", "workload": "postwait"})");
        EXPECT_TRUE(r.ok()) << name << ": " << messages(r);
    }
}

TEST(GoodScenario, KnownListsAreComplete) {
    EXPECT_EQ(known_workloads(), (std::vector<std::string>{"postwait", "pingpong", "producer_consumer", "edge_cases"}));
    EXPECT_EQ(known_checks().size(), 16u);
    for (const auto& check : known_checks()) {
        const auto r = parse_scenario(doc(R"(, "checks": [")" + check + "\"]", "edge_cases"));
        EXPECT_TRUE(r.ok()) << check << ": " << messages(r);
    }
}

TEST(GoodScenario, ToJsonParsesBackToTheSameScenario) {
    const std::string texts[] = {
        doc(R"(, "description": "d", "processes": 3, "duration_ms": 50, "backend": "raw", "affinity": "spread")"),
        doc(R"(, "producers": 2, "consumers": 3, "threads_per_process": 2)", "producer_consumer"),
        doc(R"(, "checks": ["open_missing"], "trials": 5)", "edge_cases"),
        doc(R"(, "sweep": {"processes": [1, 2], "backend": ["psem", "raw"]})"),
    };
    for (const auto& text : texts) {
        const scenario a = parse_ok(text);
        const scenario b = parse_ok(to_json(a).dump());
        EXPECT_EQ(to_json(a), to_json(b)) << text;
        EXPECT_EQ(b.processes, a.processes);
        EXPECT_EQ(b.sweep, a.sweep);
    }
}

}  // namespace
}  // namespace psem::bench
