// psem-bench on scenarios/laptop/ and on a small sweep, the real binary end to end: the
// scenarios validate, run with small counts, print the side-by-side or the sweep summary,
// keep stdout machine-readable in json format, and leave nothing in /dev/shm.
#include "test_paths.hpp"
#include "run_tool.hpp"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <set>

#ifndef PSEM_BENCH_EXE
#error "PSEM_BENCH_EXE must name the psem-bench binary"
#endif

using namespace laptop_itest;

namespace {

const std::string source_dir = PSEM_SOURCE_DIR;
const std::string laptop_dir = source_dir + "/scenarios/laptop";

// Small counts: the point is that everything runs and is printed, not the figures.
std::vector<std::string> small_run(const std::vector<std::string>& paths, const std::string& report) {
    std::vector<std::string> argv{PSEM_BENCH_EXE, "run"};
    argv.insert(argv.end(), paths.begin(), paths.end());
    for (const char* a : {"--set", "ops_per_worker=2000", "--set", "warmup_ops=10", "--repetitions", "2",
                          "--progress", "never", "--out"})
        argv.emplace_back(a);
    argv.push_back(report);
    return argv;
}

TEST(LaptopScenarios, Validate) {
    const auto r = run_tool({PSEM_BENCH_EXE, "validate", laptop_dir, source_dir + "/scenarios/sweeps"});
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    for (const char* name : {"laptop-postwait", "laptop-postwait-parallel-threads", "laptop-postwait-parallel-procs",
                             "sweep-postwait-processes", "sweep-producer-consumer", "sweep-critical-section",
                             "sweep-pingpong-affinity", "sweep-pingpong-contention"})
        EXPECT_TRUE(has(r.out, std::string("(") + name + ",")) << name << '\n' << r.out;
}

TEST(LaptopScenarios, RunShowsTheSideBySide) {
    const scratch_dir dir;
    const auto r = run_tool(small_run({laptop_dir}, dir.file("laptop.json")));
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_TRUE(has(r.out, "Laptop benchmark: this run beside the published Go figures")) << r.out;
    EXPECT_TRUE(has(r.out, "BenchmarkPostWait-8")) << r.out;
    EXPECT_TRUE(has(r.out, "BenchmarkPostWaitParallel-8")) << r.out;
    EXPECT_TRUE(has(r.out, "1 process x 8 threads")) << r.out;
    EXPECT_TRUE(has(r.out, "8 processes x 1 thread")) << r.out;
    EXPECT_TRUE(has(r.out, "cgo boundary")) << r.out;
    EXPECT_TRUE(has(r.out, "ThinkPad W520")) << r.out;
    EXPECT_FALSE(has(r.err, "laptop reference")) << r.err;  // found, beside the checkout

    std::ifstream in(dir.file("laptop.json"));
    const auto report = nlohmann::json::parse(in);
    std::set<std::string> scenarios;
    int iterations = 0;
    for (const auto& b : report["benchmarks"])
        if (b["run_type"] == "iteration") {
            scenarios.insert(b["scenario"].get<std::string>());
            ++iterations;
        }
    EXPECT_EQ(scenarios.size(), 3u);
    EXPECT_EQ(iterations, 6);
    EXPECT_TRUE(leftovers(r.pid).empty());
}

TEST(LaptopScenarios, JsonOutputStaysPureJson) {
    const scratch_dir dir;
    auto argv = small_run({laptop_dir + "/postwait.json"}, dir.file("r.json"));
    argv.insert(argv.end(), {"--format", "json"});
    const auto r = run_tool(argv);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(nlohmann::json::accept(r.out)) << r.out;
    EXPECT_FALSE(has(r.out, "Laptop benchmark")) << r.out;
}

TEST(SweepRun, OneEntryPerPointAndASummary) {
    const scratch_dir dir;
    {
        std::ofstream f(dir.file("sweep.json"));
        f << R"({"schema_version": 1, "name": "itest-sweep", "workload": "postwait",
                 "ops_per_worker": 2000, "repetitions": 2, "sweep": {"processes": [1, 2, 4]}})";
    }
    const auto r = run_tool({PSEM_BENCH_EXE, "run", dir.file("sweep.json"), "--out", dir.file("r.json"),
                             "--progress", "never", "--latency-limit", "1e9"});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_TRUE(has(r.out, "Sweep summary: itest-sweep over processes, p99 limit 1.00 s")) << r.out;
    EXPECT_TRUE(has(r.out, "Peak: ")) << r.out;
    EXPECT_TRUE(has(r.out, "Knee: none; p99 stays under 1.00 s up to processes=4")) << r.out;

    std::ifstream in(dir.file("r.json"));
    const auto report = nlohmann::json::parse(in);
    std::set<std::string> points;
    for (const auto& b : report["benchmarks"])
        if (b["run_type"] == "iteration") points.insert(b["run_name"].get<std::string>());
    EXPECT_EQ(points, (std::set<std::string>{"postwait/processes:1/threads:1", "postwait/processes:2/threads:1",
                                             "postwait/processes:4/threads:1"}));
    const auto& summaries = report["context"]["psem"]["sweep_summaries"];
    ASSERT_EQ(summaries.size(), 1u);
    EXPECT_EQ(summaries[0]["scenario"], "itest-sweep");
    EXPECT_EQ(summaries[0]["points"], 3);
    EXPECT_EQ(summaries[0]["latency_limit_ns"], 1e9);
    EXPECT_TRUE(summaries[0]["peak"].is_object());
    EXPECT_TRUE(leftovers(r.pid).empty());
}

}  // namespace
