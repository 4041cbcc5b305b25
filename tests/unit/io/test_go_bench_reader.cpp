// Tests of parse_go_bench: Go's benchmark output -> iteration records and context.
#include "io/go_bench_reader.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace {

using namespace psem::bench;

// What `go test -bench . -benchmem -count 2` prints, with -v's bare name line and the
// trailer lines that are not results.
constexpr const char* two_counts =
    "goos: linux\n"
    "goarch: amd64\n"
    "pkg: psem.invalid/gotwin\n"
    "cpu: AMD EPYC\n"
    "BenchmarkPostWait\n"
    "BenchmarkPostWait-2           \t 8456912\t       176.4 ns/op\t       0 B/op\t       0 allocs/op\n"
    "BenchmarkPostWait-2           \t 8740778\t       124.8 ns/op\t       0 B/op\t       0 allocs/op\n"
    "BenchmarkPostWaitParallel-2   \t 9803017\t       130.9 ns/op\t       0 B/op\t       0 allocs/op\n"
    "BenchmarkPostWaitParallel-2   \t12025065\t       110.3 ns/op\t       0 B/op\t       0 allocs/op\n"
    "PASS\n"
    "ok  \tpsem.invalid/gotwin\t26.628s\n";

TEST(GoBenchReader, ResultLinesBecomeRepetitions) {
    const report r = parse_go_bench(two_counts, "go.txt");
    ASSERT_EQ(r.benchmarks.size(), 4U);
    const run_record& a = r.benchmarks[0];
    EXPECT_EQ(a.name, "BenchmarkPostWait-2");
    EXPECT_EQ(a.run_name, "BenchmarkPostWait-2");
    EXPECT_EQ(a.run_type, "iteration");
    EXPECT_EQ(a.scenario, "psem.invalid/gotwin");
    EXPECT_EQ(a.ops, 8456912U);
    EXPECT_DOUBLE_EQ(a.real_time_ns, 176.4);
    EXPECT_DOUBLE_EQ(a.wall_ns, 176.4 * 8456912);
    EXPECT_TRUE(std::isnan(a.cpu_time_ns));
    EXPECT_EQ(a.repetition_index, 0);
    EXPECT_EQ(a.repetitions, 2);
    EXPECT_EQ(a.counters.at("B/op"), 0);
    EXPECT_EQ(a.counters.at("allocs/op"), 0);
    EXPECT_EQ(r.benchmarks[1].repetition_index, 1);
    EXPECT_DOUBLE_EQ(r.benchmarks[1].real_time_ns, 124.8);
    EXPECT_EQ(r.benchmarks[2].name, "BenchmarkPostWaitParallel-2");
    EXPECT_EQ(r.benchmarks[2].repetition_index, 0);
    EXPECT_EQ(r.benchmarks[3].repetition_index, 1);
    EXPECT_DOUBLE_EQ(r.benchmarks[3].real_time_ns, 110.3);
    EXPECT_FALSE(a.error_occurred);
}

TEST(GoBenchReader, ConfigurationLinesGoToTheContext) {
    const report r = parse_go_bench(two_counts, "go.txt");
    const auto& p = r.context.at("psem");
    EXPECT_EQ(p.at("imported_from"), "go test -bench");
    EXPECT_EQ(p.at("source"), "go.txt");
    EXPECT_EQ(p.at("cpu_model"), "AMD EPYC");
    EXPECT_EQ(p.at("go_config").at("goos"), "linux");
    EXPECT_EQ(p.at("go_config").at("goarch"), "amd64");
    EXPECT_EQ(p.at("go_config").at("pkg"), "psem.invalid/gotwin");
}

TEST(GoBenchReader, SeveralCountsInterleavedKeepTheirOrderPerName) {
    // -count 3 with two -cpu values: the names interleave, each numbered on its own.
    const report r = parse_go_bench("BenchmarkA 10 1 ns/op\nBenchmarkA-2 10 2 ns/op\nBenchmarkA 10 3 ns/op\n"
                                    "BenchmarkA-2 10 4 ns/op\nBenchmarkA 10 5 ns/op\n",
                                    "x");
    ASSERT_EQ(r.benchmarks.size(), 5U);
    EXPECT_EQ(r.benchmarks[4].name, "BenchmarkA");
    EXPECT_EQ(r.benchmarks[4].repetition_index, 2);
    EXPECT_EQ(r.benchmarks[4].repetitions, 3);
    EXPECT_EQ(r.benchmarks[3].name, "BenchmarkA-2");
    EXPECT_EQ(r.benchmarks[3].repetition_index, 1);
    EXPECT_EQ(r.benchmarks[3].repetitions, 2);
}

TEST(GoBenchReader, SubBenchmarksAndOtherUnits) {
    const report r = parse_go_bench("BenchmarkCopy/size=4KiB-8   \t  500000\t      2400 ns/op\t1706.67 MB/s\r\n", "x");
    ASSERT_EQ(r.benchmarks.size(), 1U);
    EXPECT_EQ(r.benchmarks[0].name, "BenchmarkCopy/size=4KiB-8");
    EXPECT_DOUBLE_EQ(r.benchmarks[0].counters.at("MB/s"), 1706.67);
}

TEST(GoBenchReader, FailedAndSkippedBenchmarks) {
    const report r = parse_go_bench("BenchmarkOk-2 10 1.5 ns/op\n"
                                    "BenchmarkBad-2   \t--- FAIL: BenchmarkBad-2\n"
                                    "    x_test.go:4: boom\n"
                                    "BenchmarkGone-2  \t--- SKIP: BenchmarkGone-2\n"
                                    "--- BENCH: BenchmarkOk-2\n"
                                    "    x_test.go:5: hello\n"
                                    "FAIL\n",
                                    "x");
    ASSERT_EQ(r.benchmarks.size(), 2U);
    EXPECT_FALSE(r.benchmarks[0].error_occurred);
    EXPECT_EQ(r.benchmarks[1].name, "BenchmarkBad-2");
    EXPECT_TRUE(r.benchmarks[1].error_occurred);
    EXPECT_NE(r.benchmarks[1].error_message.find("FAIL"), std::string::npos);
}

TEST(GoBenchReader, ProseThatMentionsBenchmarksIsNotAResult) {
    const report r = parse_go_bench("Benchmarks follow\n  BenchmarkIndented 1 2 ns/op\nBenchmarkA 10 1 ns/op\n", "x");
    ASSERT_EQ(r.benchmarks.size(), 1U);
}

// The error names the file and the line, and says what was expected.
void expect_error(const std::string& text, const std::string& where, const std::string& what) {
    try {
        (void)parse_go_bench(text, "bench.txt");
        FAIL() << "accepted: " << text;
    } catch (const report_error& e) {
        const std::string msg = e.what();
        EXPECT_EQ(e.file(), "bench.txt");
        EXPECT_NE(msg.find(where), std::string::npos) << msg;
        EXPECT_NE(msg.find(what), std::string::npos) << msg;
    }
}

TEST(GoBenchReader, MalformedResultLinesNameTheLine) {
    const std::string head = "goos: linux\nBenchmarkA 10 1 ns/op\n";
    expect_error(head + "BenchmarkB-2 ten 1 ns/op\n", "line 3", "iteration count");
    expect_error(head + "BenchmarkB-2 0 1 ns/op\n", "line 3", "iteration count");
    expect_error(head + "BenchmarkB-2 10\n", "line 3", "value/unit pairs");
    expect_error(head + "BenchmarkB-2 10 1 ns/op 5\n", "line 3", "value/unit pairs");
    expect_error(head + "BenchmarkB-2 10 fast ns/op\n", "line 3", "expected a number");
    expect_error(head + "BenchmarkB-2 10 nan ns/op\n", "line 3", "expected a number");
    expect_error(head + "BenchmarkB-2 10 0 ns/op\n", "line 3", "above 0");
    expect_error(head + "BenchmarkB-2 10 5 B/op\n", "line 3", "no ns/op");
    expect_error(head + "BenchmarkB-2 10 5 ns/op 6 ns/op\n", "line 3", "twice");
    expect_error(head + "BenchmarkB-2 10 5 ns/op 6 real_time\n", "line 3", "report field");
    expect_error(head + "BenchmarkB-2\t--- PASS: BenchmarkB-2\n", "line 3", "--- FAIL:");
}

TEST(GoBenchReader, OneNameUnderTwoPackagesIsRefused) {
    expect_error("pkg: a\nBenchmarkA 10 1 ns/op\npkg: b\nBenchmarkA 10 1 ns/op\n", "line 4", "one package at a time");
}

TEST(GoBenchReader, InputWithoutResultsIsRefused) {
    expect_error("", "bench.txt", "no benchmark result line");
    expect_error("PASS\nok  \tx\t0.1s\n", "bench.txt", "no benchmark result line");
}

}  // namespace
