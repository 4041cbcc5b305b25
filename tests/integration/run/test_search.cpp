// psem-bench search, end to end: a real producer_consumer scenario searched against a
// target every step meets and one none can, and the inputs it must refuse (exit 2).
#include "test_paths.hpp"
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bench_process.hpp"

#include <fstream>

using nlohmann::json;
using psem_test::run_process;
using psem_test::temp_dir;

namespace {

const std::string bench = PSEM_BENCH_EXE;

std::string scenario_file(const temp_dir& dir, const std::string& extra = "",
                          const std::string& workload = "producer_consumer") {
    static int n = 0;
    const std::string path = dir.file("pc" + std::to_string(++n) + ".json");
    std::ofstream(path) << R"({"schema_version": 1, "name": "it-search", "workload": ")" << workload
                        << R"(", "ops_per_worker": 400, "timeout_s": 30)" << extra << "}";
    return path;
}

bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

TEST(Search, FindsTheTopWhenEveryRatePassesAndWritesTheSteps) {
    temp_dir dir;
    const auto out = dir.file("r.json");
    const auto r = run_process({bench, "search", scenario_file(dir), "--p99-below", "1s", "--from", "1000", "--to",
                                "4000", "--out", out, "--progress", "never"});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_TRUE(has(r.out, "Highest offered rate with p99 below 1.00 s, with confidence: 4.0k posts/s")) << r.out;
    EXPECT_TRUE(has(r.out, "No rate tried failed")) << r.out;
    const json rep = json::parse(psem_test::read_file(out));
    const json& s = rep.at("context").at("psem").at("search");
    // Long enough runs (100 ms a repetition at the top) that a scheduling hiccup on a
    // loaded host cannot put the producer 5% behind its pace.
    ASSERT_EQ(s.at("steps").size(), 2u);  // 1k, 4k
    EXPECT_EQ(s.at("steps")[0].at("post_interval_ns"), 1000000);
    EXPECT_EQ(s.at("steps")[0].at("verdict"), "below");
    EXPECT_EQ(s.at("highest_passing").at("post_interval_ns"), 250000);
    EXPECT_TRUE(s.at("first_failing").is_null());
    int iterations = 0;
    for (const auto& b : rep.at("benchmarks"))
        if (b.at("run_type") == "iteration") ++iterations;
    EXPECT_EQ(iterations, 10);  // 5 repetitions a step
    EXPECT_TRUE(psem_test::bench_leftovers(r.pid).empty());
}

TEST(Search, NotEvenTheLowestRateExits1) {
    temp_dir dir;
    const auto r = run_process({bench, "search", scenario_file(dir), "--p99-below", "1ns", "--from", "5000",
                                "--out", dir.file("r.json"), "--progress", "never"});
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_TRUE(has(r.out, "Not even at the lowest rate: at 5.0k posts/s offered")) << r.out;
}

TEST(Search, BadInputExits2AndRunsNothing) {
    temp_dir dir;
    const auto run = [&](std::vector<std::string> extra, const std::string& file) {
        std::vector<std::string> argv{bench, "search", file};
        argv.insert(argv.end(), extra.begin(), extra.end());
        argv.insert(argv.end(), {"--out", dir.file("never.json"), "--progress", "never"});
        return run_process(argv);
    };
    const auto file = scenario_file(dir);
    auto r = run({"--p99-below", "fast"}, file);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(has(r.err, "--p99-below: expected a duration such as 100us")) << r.err;
    r = run({"--p99-below", "-5us"}, file);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    r = run({"--p99-below", "100us", "--from", "1000", "--to", "500"}, file);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(has(r.err, "--to (500) must be above --from (1000)")) << r.err;
    r = run({"--p99-below", "100us"}, scenario_file(dir, "", "pingpong"));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(has(r.err, "/workload: search paces producer_consumer's producers")) << r.err;
    r = run({"--p99-below", "100us"}, scenario_file(dir, R"(, "sweep": {"consumers": [1, 2]})"));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(has(r.err, "/sweep: search chooses post_interval_ns itself")) << r.err;
    // 400 ops x 1 s at 1 post/s: the first step cannot fit timeout_s.
    r = run({"--p99-below", "100us", "--from", "1"}, file);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(has(r.err, "not less than timeout_s")) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("never.json")));
}

}  // namespace
