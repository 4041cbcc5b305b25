// Command-line misuse: unknown commands and options, missing arguments and values,
// values out of range, --set on fields that do not exist or cannot be set. Each exits
// exactly 2, says what was wrong, and (for the parser's errors) points at --help.
#include "test_paths.hpp"
#include "bad_input_support.hpp"

namespace bad_input {
namespace {

const std::string scenario = (fs::path(PSEM_SOURCE_DIR) / "scenarios" / "ci" / "postwait.json").string();
const std::string report = (fs::path(PSEM_FIXTURES_DIR) / "reports" / "psem_small.json").string();
const std::string help_hint = "Run 'psem-bench --help'";

struct misuse {
    std::vector<std::string> args;
    std::string says;  // a fragment of the message
    bool hint;         // the usage hint must follow
};

void PrintTo(const misuse& m, std::ostream* os) { *os << testing::PrintToString(m.args); }

class Misuse : public testing::TestWithParam<misuse> {};

TEST_P(Misuse, Exits2AndSaysWhatWasWrong) {
    const temp_dir dir;  // a run that wrongly starts would write its report here
    const auto r = bench(GetParam().args, dir.path().string());
    ASSERT_FALSE(r.timed_out);
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_TRUE(contains(r.err, GetParam().says));
    if (GetParam().hint) {
        EXPECT_TRUE(contains(r.err, help_hint));
    }
    EXPECT_TRUE(dir.entries().empty()) << testing::PrintToString(dir.entries());
    EXPECT_TRUE(names_of(r.pid).empty());
}

const misuse parser_errors[] = {
    {{}, "A subcommand is required", true},
    {{"--bogus"}, "A subcommand is required", true},  // CLI11 names the missing command, not --bogus
    {{"run"}, "scenarios is required", true},
    {{"run", scenario, "--bogus"}, "--bogus", true},
    {{"run", scenario, "--out"}, "--out", true},
    {{"run", scenario, "--set"}, "--set", true},
    {{"run", scenario, "--repetitions", "0"}, "--repetitions", true},
    {{"run", scenario, "--repetitions", "many"}, "--repetitions", true},
    {{"run", scenario, "--format", "xml"}, "xml", true},
    {{"run", scenario, "--progress", "sometimes"}, "sometimes", true},
    {{"run", scenario, "--latency-limit", "-5"}, "--latency-limit", true},
    {{"compare"}, "baseline is required", true},
    {{"compare", report}, "contender is required", true},
    {{"compare", report, report, "--threshold", "abc"}, "--threshold", true},
    {{"compare", report, report, "--alpha", "0.9"}, "--alpha", true},
    {{"compare", report, report, "--format", "csv"}, "csv", true},
    {{"validate"}, "scenarios is required", true},
    {{"cleanup", "extra"}, "extra", true},
    {{"context", "--verbose"}, "--verbose", true},
};
INSTANTIATE_TEST_SUITE_P(Parser, Misuse, testing::ValuesIn(parser_errors));

// --set is checked like the file: the message names the assignment (and suggests the
// field meant, when a known one is close).
const misuse set_errors[] = {
    {{"run", scenario, "--set", "processs=2"},
     R"(--set processs=2: unknown field "processs" (did you mean "processes"?))",
     false},
    {{"run", scenario, "--set", "nosuchfield=1"}, R"(--set nosuchfield=1: unknown field "nosuchfield")", false},
    {{"validate", scenario, "--set", "wokload=pingpong"}, R"(did you mean "workload"?)", false},
    {{"run", scenario, "--set", "=3"}, "--set =3: expected FIELD=VALUE", false},
    {{"run", scenario, "--set", "processes"}, "--set processes: expected FIELD=VALUE", false},
    {{"run", scenario, "--set", "processes=-1"}, "(from --set processes=-1)", false},
    {{"run", scenario, "--set", "processes=many"}, "/processes", false},
    {{"run", scenario, "--set", "sweep={}"}, "the sweep cannot be set from the command line", false},
    {{"run", scenario, "--set", "workload=postwiat"}, "/workload", false},
};
INSTANTIATE_TEST_SUITE_P(Set, Misuse, testing::ValuesIn(set_errors));

// Paths that are not scenario files.
const misuse path_errors[] = {
    {{"run", "/nonexistent/psem.json"}, "/nonexistent/psem.json: no such file or directory", false},
    {{"run", "/dev/null"}, "/dev/null: not a regular file", false},
    {{"validate", "/nonexistent/psem.json"}, "no such file or directory", false},
    {{"list", "/nonexistent"}, "not a directory", false},
};
INSTANTIATE_TEST_SUITE_P(Paths, Misuse, testing::ValuesIn(path_errors));

TEST(MisuseExtra, ADirectoryWithoutScenariosIsAnError) {
    const temp_dir empty;
    const auto r = bench({"run", empty.path().string()});
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_TRUE(contains(r.err, "no *.json scenario files"));
}

}  // namespace
}  // namespace bad_input
