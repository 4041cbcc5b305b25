// The table of refused documents and the exact text the user is shown for each. A change
// of wording must be deliberate: these strings are the interface for a human.
#include "helpers.hpp"

#include <gtest/gtest.h>

namespace psem::bench {
namespace {

using testing::doc;
using testing::messages;

struct bad_case {
    const char* label;
    std::string text;
    std::string expected;  // every error's to_string(), one per line
};

void PrintTo(const bad_case& c, std::ostream* os) { *os << c.label; }

class BadScenario : public ::testing::TestWithParam<bad_case> {};

TEST_P(BadScenario, IsRefusedWithThisMessage) {
    const auto& c = GetParam();
    const parse_result r = parse_scenario(c.text, "t.json");
    EXPECT_FALSE(r.ok());
    EXPECT_FALSE(r.value.has_value());
    EXPECT_EQ(messages(r), c.expected);
}

const std::string pc = "producer_consumer";

INSTANTIATE_TEST_SUITE_P(Counts, BadScenario, ::testing::Values(
    bad_case{"negative", doc(R"(, "processes": -3)"), "t.json: /processes: expected a positive integer, got -3"},
    bad_case{"zero", doc(R"(, "processes": 0)"), "t.json: /processes: expected a positive integer, got 0"},
    bad_case{"fractional", doc(R"(, "processes": 2.5)"), "t.json: /processes: expected a positive integer, got 2.5"},
    bad_case{"string", doc(R"(, "processes": "8")"), "t.json: /processes: expected a positive integer, got \"8\" (a string)"},
    bad_case{"too_large", doc(R"(, "processes": 5000)"), "t.json: /processes: expected at most 4096, got 5000"},
    bad_case{"huge_float", doc(R"(, "processes": 1e30)"), "t.json: /processes: expected at most 4096, got 1e+30"},
    bad_case{"beyond_uint64", doc(R"(, "ops_per_worker": 18446744073709551616)"),
             "t.json: /ops_per_worker: expected at most 1000000000000, got 1.8446744073709552e+19"},
    bad_case{"bool", doc(R"(, "threads_per_process": true)"), "t.json: /threads_per_process: expected a positive integer, got true"},
    bad_case{"threads_too_many", doc(R"(, "threads_per_process": 257)"), "t.json: /threads_per_process: expected at most 256, got 257"},
    bad_case{"null", doc(R"(, "repetitions": null)"), "t.json: /repetitions: expected a positive integer, got null"},
    bad_case{"repetitions_too_many", doc(R"(, "repetitions": 1001)"), "t.json: /repetitions: expected at most 1000, got 1001"},
    bad_case{"array_for_number", doc(R"(, "repetitions": [3])"), "t.json: /repetitions: expected a positive integer, got an array"},
    bad_case{"negative_warmup", doc(R"(, "warmup_ops": -1)"), "t.json: /warmup_ops: expected a non-negative integer, got -1"},
    bad_case{"zero_duration", doc(R"(, "duration_ms": 0)"), "t.json: /duration_ms: expected a positive integer, got 0"},
    bad_case{"duration_over_a_day", doc(R"(, "duration_ms": 86400001)"), "t.json: /duration_ms: expected at most 86400000, got 86400001"},
    bad_case{"zero_timeout", doc(R"(, "timeout_s": 0)"), "t.json: /timeout_s: expected a positive number of seconds, got 0"},
    bad_case{"long_timeout", doc(R"(, "timeout_s": 100000)"), "t.json: /timeout_s: expected at most 86400 (one day), got 100000"},
    bad_case{"string_timeout", doc(R"(, "timeout_s": "10s")"), "t.json: /timeout_s: expected a positive number of seconds, got \"10s\" (a string)"},
    bad_case{"critical_section", doc(R"(, "critical_section_ns": 2e9)"), "t.json: /critical_section_ns: expected at most 1000000000, got 2000000000.0"},
    bad_case{"initial_value", doc(R"(, "initial_value": 2147483648)"), "t.json: /initial_value: expected at most 2147483647, got 2147483648"},
    bad_case{"zero_trials", doc(R"(, "trials": 0)", "edge_cases"), "t.json: /trials: expected a positive integer, got 0"}));

INSTANTIATE_TEST_SUITE_P(Strings, BadScenario, ::testing::Values(
    bad_case{"schema_2", R"({"schema_version": 2, "name": "t", "workload": "postwait"})",
             "t.json: /schema_version: unsupported schema version 2; this psem-bench reads version 1"},
    bad_case{"schema_string", R"({"schema_version": "1", "name": "t", "workload": "postwait"})",
             "t.json: /schema_version: expected the number 1, got \"1\" (a string)"},
    bad_case{"name_escape", R"({"schema_version": 1, "name": "../etc", "workload": "postwait"})",
             "t.json: /name: expected a name of 1 to 64 characters a-z 0-9 . _ - starting with a letter or digit "
             "(a safe file name), got \"../etc\" (a string)"},
    bad_case{"name_upper", R"({"schema_version": 1, "name": "Post", "workload": "postwait"})",
             "t.json: /name: expected a name of 1 to 64 characters a-z 0-9 . _ - starting with a letter or digit "
             "(a safe file name), got \"Post\" (a string)"},
    bad_case{"name_too_long", R"({"schema_version": 1, "name": ")" + std::string(65, 'a') + R"(", "workload": "postwait"})",
             "t.json: /name: expected a name of 1 to 64 characters a-z 0-9 . _ - starting with a letter or digit "
             "(a safe file name), got \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...\" (a string)"},
    bad_case{"description_number", doc(R"(, "description": 3)"), "t.json: /description: expected a string, got 3"},
    bad_case{"workload_typo", doc("", "pingpon"),
             "t.json: /workload: expected \"postwait\", \"pingpong\", \"producer_consumer\" or \"edge_cases\", "
             "got \"pingpon\" (a string) (did you mean \"pingpong\"?)"},
    bad_case{"workload_unknown", doc("", "mutex"),
             "t.json: /workload: expected \"postwait\", \"pingpong\", \"producer_consumer\" or \"edge_cases\", "
             "got \"mutex\" (a string)"},
    bad_case{"backend", doc(R"(, "backend": "glibc")"), "t.json: /backend: expected \"psem\", \"raw\", \"unnamed\", \"sysv\", \"futex\", \"eventfd\" or \"pipe\", got \"glibc\" (a string)"},
    bad_case{"affinity_word", doc(R"(, "affinity": "fast")"),
             "t.json: /affinity: expected \"none\", \"spread\", \"compact\" or a CPU list like \"0,2-3\", got \"fast\" (a string)"},
    bad_case{"affinity_backwards", doc(R"(, "affinity": "0,3-1")"), "t.json: /affinity: CPU range 3-1 in \"0,3-1\" runs backwards"},
    bad_case{"affinity_malformed", doc(R"(, "affinity": "0,,1")"),
             "t.json: /affinity: malformed CPU list \"0,,1\"; expected numbers and ranges like \"0,2-3\""},
    bad_case{"affinity_cpu_too_big", doc(R"(, "affinity": "0-4096")"),
             "t.json: /affinity: CPU 4096 in \"0-4096\" is beyond the largest supported CPU, 1023"},
    bad_case{"check_typo", doc(R"(, "checks": ["try_wait_zeroo"])", "edge_cases"),
             "t.json: /checks/0: unknown check \"try_wait_zeroo\" (did you mean \"try_wait_zero\"?)"},
    bad_case{"check_duplicate", doc(R"(, "checks": ["open_missing", "post_overflow", "open_missing"])", "edge_cases"),
             "t.json: /checks/2: duplicate check \"open_missing\""},
    bad_case{"checks_not_array", doc(R"(, "checks": "open_missing")", "edge_cases"),
             "t.json: /checks: expected an array of check names, got \"open_missing\" (a string)"}));

INSTANTIATE_TEST_SUITE_P(Structure, BadScenario, ::testing::Values(
    bad_case{"unknown_field_typo", doc(R"(, "proceses": 4)"), "t.json: /proceses: unknown field \"proceses\" (did you mean \"processes\"?)"},
    bad_case{"unknown_field_prefix", doc(R"(, "threads": 4)"), "t.json: /threads: unknown field \"threads\" (did you mean \"threads_per_process\"?)"},
    bad_case{"unknown_field_transposed", doc(R"(, "porcesses": 4)"), "t.json: /porcesses: unknown field \"porcesses\" (did you mean \"processes\"?)"},
    bad_case{"unknown_field_far", doc(R"(, "colour": "blue")"), "t.json: /colour: unknown field \"colour\""},
    bad_case{"missing_name", R"({"schema_version": 1, "workload": "postwait"})", "t.json: /name: missing required field"},
    bad_case{"empty_object", "{}",
             "t.json: /schema_version: missing required field\nt.json: /name: missing required field\n"
             "t.json: /workload: missing required field"},
    bad_case{"several_errors", doc(R"(, "processes": -1, "threads_per_process": 0, "backend": "x")"),
             "t.json: /processes: expected a positive integer, got -1\n"
             "t.json: /threads_per_process: expected a positive integer, got 0\n"
             "t.json: /backend: expected \"psem\", \"raw\", \"unnamed\", \"sysv\", \"futex\", \"eventfd\" or \"pipe\", got \"x\" (a string)"},
    bad_case{"top_level_array", "[1, 2]", "t.json: expected a JSON object at the top level, got an array"},
    bad_case{"top_level_string", "\"postwait\"", "t.json: expected a JSON object at the top level, got \"postwait\" (a string)"}));

INSTANTIATE_TEST_SUITE_P(Contradictions, BadScenario, ::testing::Values(
    bad_case{"ops_and_duration", doc(R"(, "ops_per_worker": 10, "duration_ms": 10)"),
             "t.json: /duration_ms: set either ops_per_worker or duration_ms, not both"},
    bad_case{"critical_section_ns_and_iterations", doc(R"(, "critical_section_ns": 10, "critical_section_iterations": 4)"),
             "t.json: /critical_section_iterations: set either critical_section_ns or critical_section_iterations, not both"},
    bad_case{"critical_section_iterations_negative", doc(R"(, "critical_section_iterations": -4)"),
             "t.json: /critical_section_iterations: expected a non-negative integer, got -4"},
    bad_case{"pingpong_three", doc(R"(, "processes": 3)", "pingpong"), "t.json: /processes: pingpong runs exactly 2 processes, got 3"},
    bad_case{"pingpong_threads", doc(R"(, "threads_per_process": 2)", "pingpong"),
             "t.json: /threads_per_process: pingpong runs exactly 1 thread per process, got 2"},
    bad_case{"producers_for_postwait", doc(R"(, "producers": 2)"), "t.json: /producers: only for workload producer_consumer, not postwait"},
    bad_case{"checks_for_postwait", doc(R"(, "checks": [])"), "t.json: /checks: only for workload edge_cases, not postwait"},
    bad_case{"trials_for_pingpong", doc(R"(, "trials": 3)", "pingpong"), "t.json: /trials: only for workload edge_cases, not pingpong"},
    bad_case{"pc_processes_mismatch", doc(R"(, "producers": 2, "consumers": 2, "processes": 3)", pc),
             "t.json: /processes: producer_consumer runs producers + consumers = 4 processes, got 3 (leave \"processes\" out)"},
    bad_case{"pc_too_many", doc(R"(, "producers": 4000, "consumers": 200)", pc),
             "t.json: /producers: producers + consumers = 4200 processes, more than the limit of 4096"}));

}  // namespace
}  // namespace psem::bench
