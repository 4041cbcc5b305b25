// psem-bench side-by-side, the real binary on three fixture host reports: exit codes, a
// row per benchmark, the dash for a missing one, labels, --out, and malformed input.
#include "test_paths.hpp"
#include "bench_process.hpp"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <filesystem>

namespace {

using psem_test::run_process;

const std::string fixtures = std::string(PSEM_FIXTURES_DIR) + "/side_by_side/";
const std::string host_a = fixtures + "host-a.json";
const std::string host_b = fixtures + "host-b.json";
const std::string host_c = fixtures + "host-c.json";

psem_test::process_result side_by_side(std::vector<std::string> args) {
    args.insert(args.begin(), {PSEM_BENCH_EXE, "side-by-side"});
    return run_process(args);
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(SideBySideCli, ThreeHostsInMarkdownEachBenchmarkARow) {
    const auto r = side_by_side({host_a, host_b, host_c, "--format", "markdown"});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_TRUE(r.err.empty()) << r.err;
    EXPECT_TRUE(has(r.out, "| benchmark | host-a (host-a.json) ns/op | cv | host-b (host-b.json) ns/op | cv | ratio | "
                           "host-c (host-c.json) ns/op | cv | ratio |"))
        << r.out;
    EXPECT_TRUE(has(r.out, "| postwait/processes:1/threads:1 | 15.0 | 6.67% | 7.50 | 6.67% | 0.50 | 30.0 | 6.67% | 2.00 |"))
        << r.out;
    EXPECT_TRUE(has(r.out, "| pingpong/processes:2/threads:1 | 5100 |")) << r.out;
    EXPECT_TRUE(has(r.out, "| producer_consumer/producers:1/consumers:1 |")) << r.out;
    // Who is compared: one line per report with host, CPU, core count, kernel, psem version.
    EXPECT_TRUE(has(r.out, "2. host-b (host-b.json): host host-b, CPU AMD EPYC 7B13, 8 CPUs, kernel Linux 6.18.0 "
                           "x86_64, psem 0.1.0"))
        << r.out;
}

TEST(SideBySideCli, AMissingBenchmarkShowsADash) {
    const auto r = side_by_side({host_a, host_b, host_c, "--format", "markdown"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // host-c ran no pingpong; host-a and host-b ran no producer_consumer.
    EXPECT_TRUE(has(r.out, "| pingpong/processes:2/threads:1 | 5100 | 1.96% | 10200 | 1.96% | 2.00 | — | — | — |"))
        << r.out;
    EXPECT_TRUE(has(r.out, "| producer_consumer/producers:1/consumers:1 | — | — | — | — | — | 52.0 | 3.85% | - |"))
        << r.out;
}

TEST(SideBySideCli, LabelsOverrideInOrder) {
    const auto r = side_by_side({host_a, "--label", "old box", host_b, "--label", "new box"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(has(r.out, "old box ns/op")) << r.out;
    EXPECT_TRUE(has(r.out, "new box ns/op")) << r.out;
    EXPECT_TRUE(has(r.out, "1. old box: host host-a,")) << r.out;
    const auto extra = side_by_side({host_a, host_b, "--label", "x", "--label", "y", "--label", "z"});
    EXPECT_EQ(extra.exit_code, 2);
    EXPECT_TRUE(has(extra.err, "3 labels for 2 reports")) << extra.err;
}

TEST(SideBySideCli, JsonToAFileAndTheTableOnStdout) {
    const psem_test::temp_dir dir;
    const std::string out = dir.file("hosts.json");
    const auto r = side_by_side({host_a, host_c, "--format", "json", "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(has(r.out, "Reports (ratios are to the first):")) << r.out;
    const auto j = nlohmann::json::parse(psem_test::read_file(out));
    ASSERT_EQ(j.at("reports").size(), 2u);
    EXPECT_EQ(j["reports"][1]["cpu_model"], "ARM Neoverse-N1");
    EXPECT_TRUE(j["benchmarks"][1]["reports"][1].is_null());  // pingpong, not on host-c
}

TEST(SideBySideCli, MalformedReportExitsTwoNamingTheFile) {
    const std::string bad = fixtures + "malformed.json";
    const auto r = side_by_side({host_a, host_b, bad});
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    EXPECT_TRUE(has(r.err, bad + ": /benchmarks/0/real_time: expected a number")) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
    const auto missing = side_by_side({host_a, fixtures + "no-such-host.json"});
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_TRUE(has(missing.err, "no-such-host.json: cannot open")) << missing.err;
}

TEST(SideBySideCli, OneReportIsNotEnough) {
    const auto r = side_by_side({host_a});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(has(r.err, host_a + ": only one report; side-by-side needs two or more")) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST(SideBySideCli, ADirectoryPoolsItsReports) {
    // The fixture directory holds the malformed report too: refused, naming it.
    const auto r = side_by_side({host_a, fixtures});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(has(r.err, "malformed.json")) << r.err;
    const psem_test::temp_dir dir;
    std::filesystem::copy_file(host_b, dir.file("run1.json"));
    std::filesystem::copy_file(host_b, dir.file("run2.json"));
    const auto pooled = side_by_side({host_a, dir.path().string(), "--format", "json"});
    ASSERT_EQ(pooled.exit_code, 0) << pooled.err;
    const auto j = nlohmann::json::parse(pooled.out);
    EXPECT_EQ(j["benchmarks"][0]["reports"][1]["repetitions"], 6);  // 3 + 3, pooled
}

TEST(SideBySideCli, HelpTellsTheUsage) {
    const auto r = side_by_side({"--help"});
    EXPECT_EQ(r.exit_code, 0);
    for (const char* part : {"reports", "--label", "--format", "--out", "ratio to the first report", "fewer than two"})
        EXPECT_TRUE(has(r.out, part)) << part << '\n' << r.out;
}

}  // namespace
