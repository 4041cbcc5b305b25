// psem-bench compare, the real binary on fixture reports: the exit codes a CI gate relies
// on, the error messages, the output formats and --out.
#include "run_command.hpp"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace compare_itest;
namespace fs = std::filesystem;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(CompareCli, AaExitsZero) {
    const auto r = bench_compare(fixture("baseline.json"), fixture("aa.json"));
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_TRUE(has(r.out, "Result: no regression")) << r.out;
    EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST(CompareCli, SameFileAgainstItselfExitsZero) {
    const auto r = bench_compare(fixture("baseline.json"), fixture("baseline.json"));
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

TEST(CompareCli, LargeSlowdownExitsOne) {
    const auto r = bench_compare(fixture("baseline.json"), fixture("slower.json"));
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_TRUE(has(r.out, "Result: 1 regression: postwait/processes:1/threads:1")) << r.out;
}

TEST(CompareCli, SpeedUpExitsZero) {
    const auto r = bench_compare(fixture("baseline.json"), fixture("faster.json"));
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_TRUE(has(r.out, "faster")) << r.out;
}

TEST(CompareCli, ThresholdDecidesWhatCounts) {
    // The 30% slowdown is within a 50% threshold.
    const auto r = bench_compare(fixture("baseline.json"), fixture("slower.json"), "--threshold", "50");
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

TEST(CompareCli, FailedContenderRunExitsOne) {
    const auto r = bench_compare(fixture("baseline.json"), fixture("failed.json"));
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_TRUE(has(r.out, "failed (contender)")) << r.out;
}

struct malformed_case {
    const char* file;
    const char* what;  // part of the message after the file name
};

class CompareCliMalformed : public ::testing::TestWithParam<malformed_case> {};

TEST_P(CompareCliMalformed, ExitsTwoNamingTheFileAndTheProblem) {
    const auto& c = GetParam();
    for (const bool as_contender : {true, false}) {
        const auto r = as_contender ? bench_compare(fixture("baseline.json"), fixture(c.file))
                                    : bench_compare(fixture(c.file), fixture("baseline.json"));
        EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
        EXPECT_TRUE(has(r.err, fixture(c.file) + ": " + c.what)) << r.err;
        EXPECT_TRUE(r.out.empty()) << r.out;  // no half table a script could misread
    }
}

INSTANTIATE_TEST_SUITE_P(
    Files, CompareCliMalformed,
    ::testing::Values(malformed_case{"malformed_not_json.json", "not valid JSON"},
                      malformed_case{"malformed_wrong_type.json", "/benchmarks/3/real_time: expected a number, found a string"},
                      malformed_case{"malformed_missing_field.json", "/benchmarks/2/iterations: missing"},
                      malformed_case{"malformed_empty.json", "/benchmarks: empty"},
                      malformed_case{"malformed_benchmarks_object.json", "/benchmarks: expected an array"},
                      malformed_case{"no-such-file.json", "cannot open"}));

TEST(CompareCli, UsageErrorsExitTwo) {
    EXPECT_EQ(bench_compare(fixture("baseline.json")).exit_code, 2);
    EXPECT_EQ(bench_compare(fixture("baseline.json"), fixture("aa.json"), "--alpha", "0").exit_code, 2);
    EXPECT_EQ(bench_compare(fixture("baseline.json"), fixture("aa.json"), "--alpha", "0.7").exit_code, 2);
    EXPECT_EQ(bench_compare(fixture("baseline.json"), fixture("aa.json"), "--format", "html").exit_code, 2);
    EXPECT_EQ(bench_compare(fixture("baseline.json"), fixture("aa.json"), "--threshold", "-1").exit_code, 2);
}

TEST(CompareCli, MarkdownIsAPullRequestComment) {
    const auto r = bench_compare(fixture("baseline.json"), fixture("slower.json"), "--format", "markdown");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(r.out.starts_with("### psem-bench compare: REGRESSION\n")) << r.out;
    EXPECT_TRUE(has(r.out, "| benchmark | baseline ns/op | contender ns/op | change | 95% CI | p | n | verdict |"))
        << r.out;
    EXPECT_TRUE(has(r.out, "| postwait/processes:1/threads:1 | 14.0 | 18.2 | +30.2% |")) << r.out;
    EXPECT_TRUE(has(r.out, "| **slower** |")) << r.out;
    EXPECT_TRUE(has(r.out, "**Result:** 1 regression")) << r.out;
}

TEST(CompareCli, JsonToFileAndTableToStdout) {
    const scratch_dir d;
    const fs::path out = d.path() / "sub" / "diff.json";
    const auto r = bench_compare(fixture("baseline.json"), fixture("other_host.json"), "--format", "json", "--out",
                                 out.string());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(has(r.out, "Result: no regression")) << r.out;  // the log still says it
    const auto j = nlohmann::json::parse(read_file(out));
    EXPECT_EQ(j["regressions"], 0);
    EXPECT_EQ(j["benchmarks"].size(), 3u);
    EXPECT_EQ(j["context_differences"].size(), 4u);
}

TEST(CompareCli, DirectoriesPoolTheirReports) {
    // The interleaved gate writes each round to its own file: a/1.json, a/2.json, ...
    const scratch_dir d;
    fs::create_directories(d.path() / "a");
    fs::create_directories(d.path() / "b");
    fs::copy_file(fixture("five_a.json"), d.path() / "a" / "1.json");
    fs::copy_file(fixture("five_a.json"), d.path() / "a" / "2.json");
    fs::copy_file(fixture("five_b.json"), d.path() / "b" / "1.json");
    fs::copy_file(fixture("five_b.json"), d.path() / "b" / "2.json");
    const auto r = bench_compare((d.path() / "a").string(), (d.path() / "b").string(), "--format", "json");
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["benchmarks"][0]["baseline"]["repetitions"], 10);
    EXPECT_EQ(j["benchmarks"][0]["contender"]["repetitions"], 10);

    fs::create_directories(d.path() / "empty");
    const auto e = bench_compare((d.path() / "empty").string(), (d.path() / "b").string());
    EXPECT_EQ(e.exit_code, 2);
    EXPECT_TRUE(has(e.err, "holds no *.json report")) << e.err;
}

TEST(CompareCli, GoogleBenchmarkAggregatesOnlyComparesWithoutTest) {
    const auto r = bench_compare(fixture("gb_reps.json"), fixture("gb_aggregates_only.json"));
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_TRUE(has(r.out, "no test: aggregates only (need 4 each)")) << r.out;
}

}  // namespace

namespace {

// One Google Benchmark-format report holding three repetitions of one benchmark at ns.
void write_round(const fs::path& file, double ns) {
    nlohmann::json j;
    j["context"] = {{"host_name", "ci"}, {"num_cpus", 2}, {"library_build_type", "release"}};
    j["benchmarks"] = nlohmann::json::array();
    for (int i = 0; i < 3; ++i)
        j["benchmarks"].push_back({{"name", "pw"}, {"run_name", "pw"}, {"run_type", "iteration"},
                                   {"repetitions", 3}, {"repetition_index", i}, {"iterations", 1000},
                                   {"real_time", ns * (1 + 0.01 * (i - 1))}, {"cpu_time", ns},
                                   {"time_unit", "ns"}});
    std::ofstream(file) << j.dump();
}

// Twelve rounds whose machine speed drifts by up to 2.4x, the contender `factor` slower.
void write_rounds(const fs::path& dir, double factor) {
    const double drift[] = {1.0, 1.6, 0.9, 2.1, 1.2, 1.0, 1.8, 0.95, 1.4, 1.1, 2.4, 1.05};
    fs::create_directories(dir);
    for (int i = 0; i < 12; ++i)
        write_round(dir / ("round-" + std::to_string(100 + i) + ".json"),
                    100 * drift[i] * factor * (factor == 1.0 ? 1.0 : 1 + 1e-4 * i));
}

TEST(CompareCli, PairedRoundsCatchASlowdownThatDriftHidesFromPooling) {
    const scratch_dir d;
    write_rounds(d.path() / "a", 1.0);
    write_rounds(d.path() / "b", 1.08);
    const std::string a = (d.path() / "a").string();
    const std::string b = (d.path() / "b").string();
    const auto pooled = bench_compare(a, b, "--alpha", "0.01");
    EXPECT_EQ(pooled.exit_code, 0) << pooled.out << pooled.err;
    const auto paired = bench_compare(a, b, "--alpha", "0.01", "--paired", "--format", "markdown");
    EXPECT_EQ(paired.exit_code, 1) << paired.out << paired.err;
    EXPECT_TRUE(has(paired.out, "| pw |")) << paired.out;
    EXPECT_TRUE(has(paired.out, "+8.0%")) << paired.out;
    EXPECT_TRUE(has(paired.out, "36/36 (12 pairs)")) << paired.out;
    EXPECT_TRUE(has(paired.out, "Wilcoxon signed-rank")) << paired.out;
    const auto aa = bench_compare(a, a, "--alpha", "0.01", "--paired");
    EXPECT_EQ(aa.exit_code, 0) << aa.out << aa.err;
}

TEST(CompareCli, PairedNeedsTwoDirectoriesWithAsManyRounds) {
    const scratch_dir d;
    write_rounds(d.path() / "a", 1.0);
    write_rounds(d.path() / "b", 1.0);
    fs::remove(d.path() / "b" / "round-111.json");
    const auto uneven = bench_compare((d.path() / "a").string(), (d.path() / "b").string(), "--paired");
    EXPECT_EQ(uneven.exit_code, 2) << uneven.out << uneven.err;
    EXPECT_TRUE(has(uneven.err, "--paired: 11 round reports here, but 12 in the baseline")) << uneven.err;
    const auto file = bench_compare(fixture("baseline.json"), (d.path() / "a").string(), "--paired");
    EXPECT_EQ(file.exit_code, 2) << file.out << file.err;
    EXPECT_TRUE(has(file.err, "baseline.json: --paired needs two directories")) << file.err;
}

}  // namespace
