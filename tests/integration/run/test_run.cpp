// psem-bench run, end to end: tiny scenarios of every workload through the real binary,
// and the report checked field by field.
#include "test_paths.hpp"
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bench_process.hpp"

#include <sched.h>

#include <fstream>
#include <map>

using nlohmann::json;
using psem_test::run_process;
using psem_test::temp_dir;

namespace {

const std::string bench = PSEM_BENCH_EXE;

std::string write_scenario(const temp_dir& dir, const std::string& name, const json& j) {
    const std::string path = dir.file(name + ".json");
    std::ofstream(path) << j.dump(2);
    return path;
}

json scenario_of(const std::string& name, const std::string& workload, int processes, int ops) {
    return {{"schema_version", 1}, {"name", name},          {"description", "integration test"},
            {"workload", workload}, {"processes", processes}, {"ops_per_worker", ops},
            {"repetitions", 2},    {"timeout_s", 60}};
}

json read_json(const std::string& path) { return json::parse(psem_test::read_file(path)); }

// The iteration records of a report, by repetition.
std::vector<json> iterations(const json& report) {
    std::vector<json> out;
    for (const auto& b : report.at("benchmarks"))
        if (b.at("run_type") == "iteration") out.push_back(b);
    return out;
}

// A pingpong run under background load: the scenario written, run, its iterations read.
struct loaded_run {
    psem_test::process_result process;
    std::vector<json> iterations;
};
loaded_run run_loaded(const json& sc, const std::vector<std::string>& extra = {},
                      const std::vector<std::pair<std::string, std::string>>& env = {}) {
    temp_dir dir;
    const auto out = dir.file("report.json");
    std::vector<std::string> argv{bench, "run", write_scenario(dir, "bg", sc), "--out", out, "--progress", "never"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    loaded_run r{run_process(argv, env), {}};
    if (std::filesystem::exists(out) && r.process.exit_code == 0) r.iterations = iterations(read_json(out));
    return r;
}

void expect_gb_shape(const json& b) {
    for (const char* k : {"name", "run_name", "run_type", "repetitions", "threads", "iterations", "real_time",
                          "cpu_time", "time_unit"})
        EXPECT_TRUE(b.contains(k)) << "missing " << k << " in " << b.dump();
    EXPECT_EQ(b.at("time_unit"), "ns");
}

}  // namespace

TEST(Run, PostwaitCountsEveryOpOfEveryProcess) {
    temp_dir dir;
    json sc = scenario_of("it-postwait", "postwait", 3, 5000);
    sc["threads_per_process"] = 2;
    const auto file = write_scenario(dir, "pw", sc);
    const auto out = dir.file("report.json");
    const auto r = run_process({bench, "run", file, "--out", out, "--progress", "never"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json rep = read_json(out);
    const auto its = iterations(rep);
    ASSERT_EQ(its.size(), 2u);
    for (const auto& b : its) {
        expect_gb_shape(b);
        EXPECT_EQ(b.at("name"), "postwait/processes:3/threads:2");
        EXPECT_EQ(b.at("iterations").get<std::uint64_t>(), 3u * 2u * 5000u);
        EXPECT_EQ(b.at("threads"), 6);
        EXPECT_GT(b.at("real_time").get<double>(), 0);
        for (const char* c : {"ops_per_sec", "ns_per_op_worker", "p50_ns", "p99_ns", "p999_ns", "max_ns",
                              "voluntary_ctxsw_per_op", "involuntary_ctxsw_per_op"})
            EXPECT_TRUE(b.contains(c)) << c;
        // real_time is wall/ops, so ops_per_sec is its inverse.
        EXPECT_NEAR(b.at("ops_per_sec").get<double>() * b.at("real_time").get<double>(), 1e9, 1e9 * 1e-6);
    }
    bool has_median = false;
    for (const auto& b : rep.at("benchmarks"))
        has_median = has_median || (b.at("run_type") == "aggregate" && b.at("aggregate_name") == "median");
    EXPECT_TRUE(has_median);
    EXPECT_TRUE(rep.at("context").contains("psem"));
    EXPECT_EQ(rep.at("context").at("psem").at("scenarios").at(0).at("name"), "it-postwait");
    EXPECT_EQ(rep.at("context").at("psem").at("scenarios").at(0).at("sha256").get<std::string>().size(), 64u);
    EXPECT_TRUE(psem_test::bench_leftovers(r.pid).empty());
    EXPECT_NE(r.out.find("postwait/processes:3/threads:2"), std::string::npos) << "table on stdout";
}

TEST(Run, PingpongCountsRoundTripsAndLatency) {
    temp_dir dir;
    const auto file = write_scenario(dir, "pp", scenario_of("it-pingpong", "pingpong", 2, 300));
    const auto out = dir.file("report.json");
    const auto r = run_process({bench, "run", file, "--out", out, "--progress", "never"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const auto& b : iterations(read_json(out))) {
        expect_gb_shape(b);
        EXPECT_EQ(b.at("iterations").get<std::uint64_t>(), 300u);  // round trips
        EXPECT_GT(b.at("p50_ns").get<double>(), 0);
        EXPECT_LE(b.at("p50_ns").get<double>(), b.at("p99_ns").get<double>());
        EXPECT_LE(b.at("p99_ns").get<double>(), b.at("max_ns").get<double>());
    }
    EXPECT_TRUE(psem_test::bench_leftovers(r.pid).empty());
}

// The background load runs beside the pair and stops with it: the record counts the
// pair's round trips only, names the load, and every process and name is gone after.
TEST(Run, PingpongUnderBackgroundLoadCountsOnlyThePair) {
    json sc = scenario_of("it-pingpong-bg", "pingpong", 2, 300);
    sc["background_processes"] = 2;
    sc["timeout_s"] = 30;  // a background worker that missed the stop flag would hang here
    const auto r = run_loaded(sc);
    ASSERT_EQ(r.process.exit_code, 0) << r.process.err;
    ASSERT_EQ(r.iterations.size(), 2u);
    for (const auto& b : r.iterations) {
        EXPECT_EQ(b.at("run_name"), "pingpong/processes:2/threads:1/background_processes:2");
        EXPECT_EQ(b.at("iterations").get<std::uint64_t>(), 300u);  // round trips of the pair alone
        EXPECT_EQ(b.at("threads").get<int>(), 2);
        EXPECT_FALSE(b.value("error_occurred", false));
        EXPECT_GT(b.at("p50_ns").get<double>(), 0);
    }
    EXPECT_TRUE(psem_test::bench_leftovers(r.process.pid).empty());
}

TEST(Run, BackgroundLoadSweepsAndStopsInDurationMode) {
    json sc = scenario_of("it-pingpong-bg-sweep", "pingpong", 2, 1);
    sc.erase("ops_per_worker");
    sc["duration_ms"] = 100;
    sc["repetitions"] = 1;
    sc["timeout_s"] = 30;
    sc["sweep"] = {{"background_processes", {0, 3}}};
    const auto r = run_loaded(sc);
    ASSERT_EQ(r.process.exit_code, 0) << r.process.err;
    ASSERT_EQ(r.iterations.size(), 2u);
    EXPECT_EQ(r.iterations[0].at("run_name"), "pingpong/background_processes:0/processes:2/threads:1");
    EXPECT_EQ(r.iterations[1].at("run_name"), "pingpong/background_processes:3/processes:2/threads:1");
    for (const auto& b : r.iterations) EXPECT_GT(b.at("iterations").get<std::uint64_t>(), 0u);
    EXPECT_TRUE(psem_test::bench_leftovers(r.process.pid).empty());
}

TEST(Run, CrashingBackgroundWorkerFailsTheRunAndLeavesNothing) {
    json sc = scenario_of("it-pingpong-bg-crash", "pingpong", 2, 200000);
    sc["repetitions"] = 1;
    // Process 3 is the second background worker (0 ping, 1 pong); the load comes from --set.
    const auto r = run_loaded(sc, {"--set", "background_processes=2"}, {{"PSEM_BENCH_TEST_FAULT", "abort@3"}});
    EXPECT_EQ(r.process.exit_code, 1) << r.process.err;
    EXPECT_NE(r.process.err.find("worker 3 (background,"), std::string::npos) << r.process.err;
    EXPECT_TRUE(psem_test::bench_leftovers(r.process.pid).empty());
}

TEST(Run, ProducerConsumerTakesEveryUnitOnce) {
    temp_dir dir;
    json sc = scenario_of("it-pc", "producer_consumer", 5, 2000);
    sc.erase("processes");
    sc["producers"] = 2;
    sc["consumers"] = 3;
    const auto file = write_scenario(dir, "pc", sc);
    const auto out = dir.file("report.json");
    const auto r = run_process({bench, "run", file, "--out", out, "--progress", "never"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const auto& b : iterations(read_json(out))) {
        EXPECT_EQ(b.at("iterations").get<std::uint64_t>(), 2u * 2000u) << "every posted unit taken, once";
        const double fairness = b.at("fairness").get<double>();
        EXPECT_GT(fairness, 0.0);
        EXPECT_LE(fairness, 1.0 + 1e-9);
    }
    EXPECT_TRUE(psem_test::bench_leftovers(r.pid).empty());
}

// Paced producers keep their schedule: no run ends before its last post is due, the
// achieved rate never beats the offered one, every unit is still taken once, and an
// unpaced run carries no pacing counters.
TEST(Run, PacedProducersPostOnTheirSchedule) {
    json sc = scenario_of("it-pc-paced", "producer_consumer", 3, 200);
    sc.erase("processes");
    sc["producers"] = 2;
    sc["consumers"] = 1;
    sc["post_interval_ns"] = 500000;  // 2 x 2000 posts/s; 199 intervals = 99.5 ms a repetition
    sc["timeout_s"] = 30;
    const auto r = run_loaded(sc);
    ASSERT_EQ(r.process.exit_code, 0) << r.process.err;
    ASSERT_EQ(r.iterations.size(), 2u);
    for (const auto& b : r.iterations) {
        EXPECT_EQ(b.at("run_name"), "producer_consumer/producers:2/consumers:1/post_interval_ns:500000");
        EXPECT_EQ(b.at("iterations").get<std::uint64_t>(), 400u) << "every posted unit taken, once";
        EXPECT_GE(b.at("wall_ns").get<double>(), 199 * 500000.0);
        EXPECT_DOUBLE_EQ(b.at("offered_posts_per_sec").get<double>(), 4000.0);
        const double achieved = b.at("posts_per_sec").get<double>();
        EXPECT_LE(achieved, 4000.0 * 1.0001);
        EXPECT_GT(achieved, 4000.0 * 0.25);  // wide: a sanitizer build on a loaded host
        EXPECT_GT(b.at("p50_ns").get<double>(), 0);
    }
    EXPECT_TRUE(psem_test::bench_leftovers(r.process.pid).empty());

    sc.erase("post_interval_ns");
    const auto unpaced = run_loaded(sc);
    ASSERT_EQ(unpaced.process.exit_code, 0) << unpaced.process.err;
    for (const auto& b : unpaced.iterations) {
        EXPECT_FALSE(b.contains("posts_per_sec"));
        EXPECT_FALSE(b.contains("offered_posts_per_sec"));
    }
}

// idle_ns: the starting side sleeps before each hand-off, outside the timed span, so
// the run lasts at least ops x idle_ns while each latency stays a hand-off's; in duration
// mode the clock is read after every op (a batch of 256 sleeps would overrun by seconds).
TEST(Run, IdleGapsComeBeforeEachHandOffAndAreNotTimed) {
    json sc = scenario_of("it-idle", "pingpong", 2, 30);
    sc["idle_ns"] = 5000000;
    sc["timeout_s"] = 30;
    auto r = run_loaded(sc);
    ASSERT_EQ(r.process.exit_code, 0) << r.process.err;
    ASSERT_EQ(r.iterations.size(), 2u);
    for (const auto& b : r.iterations) {
        EXPECT_EQ(b.at("run_name"), "pingpong/processes:2/threads:1/idle_ns:5000000");
        EXPECT_EQ(b.at("iterations").get<std::uint64_t>(), 30u);
        EXPECT_GE(b.at("wall_ns").get<double>(), 30 * 5e6);
        EXPECT_LT(b.at("p50_ns").get<double>(), 5e6) << "the sleep is not part of the round trip";
    }

    json pc = scenario_of("it-idle-pc", "producer_consumer", 2, 40);
    pc.erase("processes");
    pc["idle_ns"] = 2500000;
    pc["timeout_s"] = 30;
    r = run_loaded(pc);
    ASSERT_EQ(r.process.exit_code, 0) << r.process.err;
    for (const auto& b : r.iterations) {
        EXPECT_EQ(b.at("run_name"), "producer_consumer/producers:1/consumers:1/idle_ns:2500000");
        EXPECT_EQ(b.at("iterations").get<std::uint64_t>(), 40u) << "every posted unit taken, once";
        EXPECT_GE(b.at("wall_ns").get<double>(), 40 * 2.5e6);
        EXPECT_LT(b.at("p50_ns").get<double>(), 2.5e6);
        EXPECT_FALSE(b.contains("offered_posts_per_sec"));
    }

    sc.erase("ops_per_worker");
    sc["duration_ms"] = 200;
    sc["idle_ns"] = 50000000;
    sc["repetitions"] = 1;
    r = run_loaded(sc);
    ASSERT_EQ(r.process.exit_code, 0) << r.process.err;
    ASSERT_EQ(r.iterations.size(), 1u);
    EXPECT_GE(r.iterations[0].at("iterations").get<std::uint64_t>(), 1u);
    EXPECT_LE(r.iterations[0].at("iterations").get<std::uint64_t>(), 5u);
    EXPECT_LT(r.iterations[0].at("wall_ns").get<double>(), 2e9);
    EXPECT_TRUE(psem_test::bench_leftovers(r.process.pid).empty());
}

// --hlog: the interval log beside the report (its format is checked with HdrHistogram's
// own reader by the hdr_reference test); a log that cannot be written fails the run with
// its name, and --hlog-interval alone is a usage error.
TEST(Run, IntervalLogIsWrittenAndAnUnwritableOneFailsTheRun) {
    temp_dir dir;
    const auto file = write_scenario(dir, "pp", scenario_of("it-hlog", "pingpong", 2, 300));
    const auto log = dir.file("run.hlog");
    auto r = run_process({bench, "run", file, "--out", dir.file("r.json"), "--progress", "never", "--hlog", log,
                          "--hlog-interval", "0.001"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string text = psem_test::read_file(log);
    EXPECT_EQ(text.rfind("#[Histogram log format version 1.3]\n#[StartTime: ", 0), 0u) << text.substr(0, 200);
    EXPECT_NE(text.find("\nTag=pingpong/processes:2/threads:1/rep:1,"), std::string::npos);

    r = run_process({bench, "run", file, "--out", dir.file("r2.json"), "--progress", "never", "--hlog",
                     "/proc/psem-no-such-dir/run.hlog"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("cannot write the interval log"), std::string::npos) << r.err;
    EXPECT_TRUE(psem_test::bench_leftovers(r.pid).empty());

    r = run_process({bench, "run", file, "--out", dir.file("r3.json"), "--hlog-interval", "2"});
    EXPECT_EQ(r.exit_code, 2) << r.err;
}

TEST(Run, DurationModeStopsOnTime) {
    temp_dir dir;
    json sc = scenario_of("it-duration", "pingpong", 2, 1);
    sc.erase("ops_per_worker");
    sc["duration_ms"] = 200;
    sc["repetitions"] = 1;
    const auto file = write_scenario(dir, "dur", sc);
    const auto out = dir.file("report.json");
    const auto r = run_process({bench, "run", file, "--out", out, "--progress", "never"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto its = iterations(read_json(out));
    ASSERT_EQ(its.size(), 1u);
    EXPECT_GT(its[0].at("iterations").get<std::uint64_t>(), 0u);
    EXPECT_GE(its[0].at("wall_ns").get<double>(), 150e6);  // wide margins: a noisy host
    EXPECT_LT(its[0].at("wall_ns").get<double>(), 30e9);
}

TEST(Run, SweepGivesOnePointPerValueWithStableNames) {
    temp_dir dir;
    json sc = scenario_of("it-sweep", "postwait", 1, 1000);
    sc["repetitions"] = 1;
    sc.erase("processes");  // a swept field must not also be set at the top level
    sc["sweep"] = {{"processes", {1, 2}}, {"threads_per_process", {1, 2}}};
    const auto file = write_scenario(dir, "sw", sc);
    const auto out = dir.file("report.json");
    const auto r = run_process({bench, "run", file, "--out", out, "--progress", "never"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::vector<std::string> names;
    for (const auto& b : iterations(read_json(out))) names.push_back(b.at("name"));
    const std::vector<std::string> expected = {
        "postwait/processes:1/threads_per_process:1", "postwait/processes:1/threads_per_process:2",
        "postwait/processes:2/threads_per_process:1", "postwait/processes:2/threads_per_process:2"};
    EXPECT_EQ(names.size(), 4u);
    for (const auto& n : expected) EXPECT_NE(std::find(names.begin(), names.end(), n), names.end()) << n;
}

TEST(Run, RawBackendRunsTheSameLoop) {
    temp_dir dir;
    json sc = scenario_of("it-raw", "postwait", 1, 10000);
    sc["backend"] = "raw";
    const auto file = write_scenario(dir, "raw", sc);
    const auto out = dir.file("report.json");
    const auto r = run_process({bench, "run", file, "--out", out, "--progress", "never"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const auto& b : iterations(read_json(out))) EXPECT_EQ(b.at("iterations").get<std::uint64_t>(), 10000u);
}

TEST(Run, SetOverridesAFieldFromTheCommandLine) {
    temp_dir dir;
    const auto file = write_scenario(dir, "set", scenario_of("it-set", "postwait", 1, 1000));
    const auto out = dir.file("report.json");
    const auto r = run_process({bench, "run", file, "--out", out, "--progress", "never", "--set", "processes=2",
                                "--set", "ops_per_worker=700", "--repetitions", "1"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto its = iterations(read_json(out));
    ASSERT_EQ(its.size(), 1u);
    EXPECT_EQ(its[0].at("iterations").get<std::uint64_t>(), 1400u);
}

TEST(Run, CrashingWorkerFailsTheRunAndLeavesNothing) {
    temp_dir dir;
    const auto file = write_scenario(dir, "crash", scenario_of("it-crash", "postwait", 3, 2'000'000));
    const auto out = dir.file("report.json");
    const auto r = run_process({bench, "run", file, "--out", out, "--progress", "never"},
                               {{"PSEM_BENCH_TEST_FAULT", "abort@1"}});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find("worker 1"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("signal 6"), std::string::npos) << r.err;
    EXPECT_TRUE(psem_test::bench_leftovers(r.pid).empty());
    // The report exists and is complete: the failed run is recorded as an error.
    const json rep = read_json(out);
    ASSERT_FALSE(rep.at("benchmarks").empty());
    EXPECT_TRUE(rep.at("benchmarks").at(0).at("error_occurred").get<bool>());
}

TEST(Run, HangingWorkerIsStoppedByTheWatchdog) {
    temp_dir dir;
    json sc = scenario_of("it-hang", "postwait", 2, 1000);
    sc["timeout_s"] = 2;
    sc["repetitions"] = 1;
    const auto file = write_scenario(dir, "hang", sc);
    const auto r = run_process({bench, "run", file, "--out", dir.file("r.json"), "--progress", "never"},
                               {{"PSEM_BENCH_TEST_FAULT", "hang@0"}});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find("timed out"), std::string::npos) << r.err;
    EXPECT_TRUE(psem_test::bench_leftovers(r.pid).empty());
}

TEST(Run, UnknownFieldIsBadInputAndRunsNothing) {
    temp_dir dir;
    json sc = scenario_of("it-typo", "postwait", 1, 1000);
    sc["proceses"] = 4;
    const auto file = write_scenario(dir, "typo", sc);
    const auto out = dir.file("report.json");
    const auto r = run_process({bench, "run", file, "--out", out, "--progress", "never"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("proceses"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(out));
    EXPECT_TRUE(psem_test::bench_leftovers(r.pid).empty());
}

TEST(Run, MissingPathIsBadInput) {
    const auto r = run_process({bench, "run", "/nonexistent/scenario.json", "--progress", "never"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("/nonexistent/scenario.json"), std::string::npos) << r.err;
}

TEST(Run, DirectoryRunsEveryScenarioInNameOrderIntoOneReport) {
    temp_dir dir;
    std::filesystem::create_directory(dir.path() / "set");
    json a = scenario_of("b-second", "postwait", 1, 500);
    json b = scenario_of("a-first", "postwait", 2, 500);
    a["repetitions"] = b["repetitions"] = 1;
    std::ofstream(dir.path() / "set" / "2.json") << a.dump();
    std::ofstream(dir.path() / "set" / "1.json") << b.dump();
    const auto out = dir.file("report.json");
    const auto r = run_process({bench, "run", (dir.path() / "set").string(), "--out", out, "--progress", "never"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto its = iterations(read_json(out));
    ASSERT_EQ(its.size(), 2u);
    EXPECT_EQ(its[0].at("scenario"), "a-first");
    EXPECT_EQ(its[1].at("scenario"), "b-second");
}

TEST(Run, FormatsOnStdout) {
    temp_dir dir;
    json sc = scenario_of("it-fmt", "postwait", 1, 500);
    sc["repetitions"] = 1;
    const auto file = write_scenario(dir, "fmt", sc);
    const auto csv = run_process({bench, "run", file, "--out", dir.file("a.json"), "--format", "csv"});
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    EXPECT_NE(csv.out.find("postwait/processes:1/threads:1"), std::string::npos);
    EXPECT_NE(csv.out.find(','), std::string::npos);
    const auto md = run_process({bench, "run", file, "--out", dir.file("b.json"), "--format", "markdown"});
    ASSERT_EQ(md.exit_code, 0) << md.err;
    EXPECT_NE(md.out.find("|"), std::string::npos);
    const auto js = run_process({bench, "run", file, "--out", dir.file("c.json"), "--format", "json"});
    ASSERT_EQ(js.exit_code, 0) << js.err;
    EXPECT_TRUE(json::parse(js.out).contains("benchmarks"));
}

TEST(Run, DefaultReportGoesUnderResultsRuns) {
    temp_dir dir;
    json sc = scenario_of("it-default-out", "postwait", 1, 500);
    sc["repetitions"] = 1;
    const auto file = write_scenario(dir, "d", sc);
    const auto cwd = std::filesystem::current_path();
    std::filesystem::current_path(dir.path());
    const auto r = run_process({bench, "run", file, "--progress", "never"});
    std::filesystem::current_path(cwd);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto pos = r.err.find("report: results/runs/");
    ASSERT_NE(pos, std::string::npos) << r.err;
    std::string path = r.err.substr(pos + 8);
    path = path.substr(0, path.find('\n'));
    EXPECT_TRUE(std::filesystem::exists(dir.path() / path)) << path;
}

// wait: the workers' semaphores wait as the scenario says. Spinning (a budget of 10 ms,
// far above a hand-off) takes the token without sleeping, so the pair's voluntary context
// switches drop from about two per round trip to almost none; every entry carries its CPU
// time per op, and pingpong's its multiple of the context's cache-line round trip.
TEST(Run, WaitPoliciesShowInTheContextSwitchesAndEachRoundTripHasItsLimitMultiple) {
    cpu_set_t set;
    CPU_ZERO(&set);
    ASSERT_EQ(::sched_getaffinity(0, sizeof set, &set), 0);
    if (CPU_COUNT(&set) < 2) GTEST_SKIP() << "spinning needs the other side on another CPU";
    json sc = scenario_of("it-wait", "pingpong", 2, 2000);
    sc["repetitions"] = 1;
    sc["affinity"] = "spread";
    sc["spin_ns"] = 10000000;
    sc["sweep"] = {{"wait", {"block", "spin", "adaptive"}}};
    temp_dir dir;
    const auto out = dir.file("report.json");
    const auto p = run_process({bench, "run", write_scenario(dir, "w", sc), "--out", out, "--progress", "never"});
    ASSERT_EQ(p.exit_code, 0) << p.err;
    const json report = read_json(out);
    const auto runs = iterations(report);
    ASSERT_EQ(runs.size(), 3u);
    std::map<std::string, double> switches;
    for (const auto& b : runs) {
        EXPECT_EQ(b.at("iterations").get<std::uint64_t>(), 2000u) << b.at("name");
        EXPECT_GT(b.at("cpu_time").get<double>(), 0) << b.at("name");
        switches[b.at("name").get<std::string>()] = b.at("voluntary_ctxsw_per_op").get<double>();
        const auto& line = report.at("context").at("psem").at("cacheline_round_trip");
        if (line.is_object()) {
            EXPECT_NEAR(b.at("cacheline_multiple").get<double>(),
                        b.at("real_time").get<double>() / line.at("ns").get<double>(), 1e-6 * b.at("real_time").get<double>());
        } else {
            EXPECT_FALSE(b.contains("cacheline_multiple"));
        }
    }
    const double block = switches.at("pingpong/wait:block/processes:2/threads:1/spin_ns:10000000");
    const double spin = switches.at("pingpong/wait:spin/processes:2/threads:1/spin_ns:10000000");
    EXPECT_GT(block, 1.0) << "a blocking hand-off sleeps on each side";
    EXPECT_LT(spin, 0.5) << "a 10 ms spin should catch nearly every hand-off";
    EXPECT_TRUE(psem_test::bench_leftovers(p.pid).empty());
}
