// psem-bench gate end to end, on scenarios small enough for every sanitizer build: the
// exit code (0, 1 regression, 2 bad usage or a run without a report, 143 stopped), stdout
// carrying only the Markdown, the reports and their names, --contender-set on one file,
// --paired, --record then --baseline, stale reports, $GITHUB_STEP_SUMMARY. The A/A jobs
// run at a 100% threshold (300% against a stored baseline): they test the plumbing, not
// the host's stability, which over 8 rounds can move a 15 ns op by more than 5% (see
// test_ci_gate.cpp). The slowdowns are 300 ns of busy work on that op, some 20x.
#include "test_paths.hpp"
#include "bench_process.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

namespace {

using namespace psem_test;
namespace fs = std::filesystem;
using nlohmann::json;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

constexpr const char* slow_pw = "pw:critical_section_ns=300";

class Gate : public testing::Test {
protected:
    void SetUp() override {
        fs::create_directories(dir_.path() / "scenarios");
        scenario("pw.json", "gate-pw", 1);
        scenario("pw2.json", "gate-pw2", 2);
    }

    void scenario(const std::string& file, const std::string& name, int processes) const {
        std::ofstream(dir_.path() / "scenarios" / file)
            << R"({"schema_version": 1, "name": ")" << name << R"(", "workload": "postwait", "processes": )"
            << processes << R"(, "ops_per_worker": 20000, "warmup_ops": 100, "repetitions": 2, "timeout_s": 60})";
    }

    // psem-bench gate on the two files, 8 rounds of 2 repetitions, then `args`.
    process_result gate(const std::vector<std::string>& args,
                        const std::vector<std::pair<std::string, std::string>>& env = {}) const {
        std::vector<std::string> argv{PSEM_BENCH_EXE, "gate", "--scenarios", dir_.file("scenarios"), "--work", work(),
                                      "--rounds", "8", "--repetitions", "2"};
        argv.insert(argv.end(), args.begin(), args.end());
        return run_process(argv, env, std::chrono::seconds(600));
    }

    [[nodiscard]] std::string work() const { return dir_.file("work"); }
    [[nodiscard]] json verdict() const { return json::parse(read_file(work() + "/compare.json")); }
    [[nodiscard]] static const json& entry(const json& v, const std::string& name) {
        for (const auto& b : v["benchmarks"])
            if (b["name"] == name) return b;
        throw std::runtime_error("no " + name);
    }

    temp_dir dir_;
};

TEST_F(Gate, InterleavedAaPassesAndStdoutIsTheMarkdownAlone) {
    const auto r = gate({"--baseline-cmd", PSEM_BENCH_EXE, "--threshold", "1000"});
    ASSERT_FALSE(r.timed_out);
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_EQ(r.out.rfind("### psem-bench compare: no regression", 0), 0u) << r.out;
    EXPECT_TRUE(has(r.out, "| postwait/processes:1/threads:1 |")) << r.out;
    EXPECT_TRUE(has(r.out, "| postwait/processes:2/threads:1 |")) << r.out;
    EXPECT_TRUE(has(r.out, "16/16")) << r.out;  // 8 rounds x 2 repetitions a side, pooled
    EXPECT_EQ(read_file(work() + "/compare.md"), r.out);
    EXPECT_EQ(verdict()["regressions"], 0);
    EXPECT_EQ(verdict()["options"]["alpha"], 0.01);  // the gate's, not compare's 0.05
    // The runs' tables went to stderr, with a line naming each run.
    EXPECT_FALSE(has(r.out, "ns/op  ops/s"));
    EXPECT_TRUE(has(r.err, "ns/op  ops/s")) << r.err;
    EXPECT_TRUE(has(r.err, "psem-bench gate: warm-up round 1/1, pw, contender\n")) << r.err;
    EXPECT_TRUE(has(r.err, "psem-bench gate: round 8/8, pw2, baseline\n")) << r.err;
    // Between rounds, how far the job is: 4 runs a round, 9 rounds with the warm-up one.
    EXPECT_TRUE(has(r.err, "psem-bench gate: 4/36 runs done, ")) << r.err;
    EXPECT_TRUE(has(r.err, "psem-bench gate: 32/36 runs done, ")) << r.err;
    EXPECT_TRUE(has(r.err, " elapsed  ETA ")) << r.err;
    // One report per round and file on each side, the warm-up round's apart.
    for (const char* side : {"baseline", "contender"}) {
        EXPECT_TRUE(fs::exists(work() + "/" + side + "/round-008-pw2.json")) << side;
        EXPECT_TRUE(fs::exists(work() + "/warmup/" + side + "/round-001-pw.json")) << side;
        EXPECT_FALSE(fs::exists(work() + "/" + side + "/round-009-pw.json")) << side;
    }
}

TEST_F(Gate, AContenderSlowedOnOneFileFailsOnThatFileAlone) {
    const auto r = gate({"--baseline-cmd", PSEM_BENCH_EXE, "--contender-set", slow_pw, "--threshold", "100"});
    ASSERT_FALSE(r.timed_out);
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_TRUE(has(r.out, "### psem-bench compare: REGRESSION")) << r.out;
    EXPECT_TRUE(has(r.out, "Mann-Whitney")) << r.out;
    const json v = verdict();
    EXPECT_EQ(v["regressions"], 1);
    EXPECT_TRUE(entry(v, "postwait/processes:1/threads:1")["regression"]);
    // 300 ns on a ~15 ns op is some 20x in Release; a sanitizer build's op is slower, so
    // the ratio is smaller (2.9 measured under CI's sanitizers): bound it well below that.
    const double slowed = entry(v, "postwait/processes:1/threads:1")["ratio"].get<double>();
    EXPECT_GT(slowed, 1.5);
    EXPECT_FALSE(entry(v, "postwait/processes:2/threads:1")["regression"]);
    EXPECT_LT(entry(v, "postwait/processes:2/threads:1")["ratio"].get<double>(), slowed);
}

TEST_F(Gate, TheBaselineCanBeSlowedToo) {
    // A slower baseline makes the contender faster there (no regression), and only there.
    const auto r = gate({"--baseline-cmd", PSEM_BENCH_EXE, "--baseline-set", "pw.json:critical_section_ns=300",
                         "--threshold", "100"});
    ASSERT_FALSE(r.timed_out);
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    const json v = verdict();
    const double faster = entry(v, "postwait/processes:1/threads:1")["ratio"].get<double>();
    EXPECT_LT(faster, 1.0 / 1.5) << r.out;  // 0.42 measured under CI's sanitizers
    EXPECT_GT(entry(v, "postwait/processes:2/threads:1")["ratio"].get<double>(), faster) << r.out;
}

TEST_F(Gate, PairedDecidesRoundByRound) {
    const auto r = gate({"--baseline-cmd", PSEM_BENCH_EXE, "--contender-set", slow_pw, "--paired"});
    ASSERT_FALSE(r.timed_out);
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_TRUE(has(r.out, "(8 pairs)")) << r.out;
    EXPECT_TRUE(has(r.out, "Wilcoxon signed-rank")) << r.out;
    EXPECT_EQ(verdict()["test"], "wilcoxon-signed-rank (paired rounds)");
}

TEST_F(Gate, RecordThenGateAgainstTheStoredBaseline) {
    const std::string baseline = dir_.file("baseline.json");
    const auto rec = gate({"--record", baseline});
    ASSERT_FALSE(rec.timed_out);
    ASSERT_EQ(rec.exit_code, 0) << rec.err;
    EXPECT_EQ(rec.out, "");
    EXPECT_TRUE(has(rec.err, "(8 runs) written to " + baseline)) << rec.err;
    const json doc = json::parse(read_file(baseline));
    EXPECT_EQ(doc["context"]["psem"]["recorded_runs"], 8);
    EXPECT_EQ(doc["benchmarks"].size(), 32u);  // 8 runs of the whole set x 2 files x 2 repetitions
    for (const auto& b : doc["benchmarks"]) EXPECT_EQ(b["repetitions"], 16);
    EXPECT_TRUE(fs::exists(work() + "/record/round-008.json"));  // a round is one run of the set

    const auto aa = gate({"--baseline", baseline, "--threshold", "300"});
    EXPECT_EQ(aa.exit_code, 0) << aa.out << aa.err;
    EXPECT_TRUE(has(aa.out, "16/16")) << aa.out;
    const auto slow = gate({"--baseline", baseline, "--contender-set", "critical_section_ns=300"});
    EXPECT_EQ(slow.exit_code, 1) << slow.out << slow.err;
    EXPECT_TRUE(has(slow.out, "**slower**")) << slow.out;
}

TEST_F(Gate, DefaultPathsFollowTheHostClass) {
    // Without --baseline the stored baseline is BASELINE_DIR/ci-<arch>-<ncpu>cpu.json.
    const auto r = gate({"--baseline-dir", dir_.file("baselines")});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_TRUE(has(r.err, "psem-bench gate: no baseline " + dir_.file("baselines") + "/ci-")) << r.err;
    EXPECT_TRUE(has(r.err, "record one on such a host with 'psem-bench gate --record'")) << r.err;
    const auto rec = gate({"--baseline-dir", dir_.file("baselines"), "--record", "--rounds", "2"});
    ASSERT_EQ(rec.exit_code, 0) << rec.err;
    const auto again = gate({"--baseline-dir", dir_.file("baselines"), "--rounds", "2", "--threshold", "300"});
    EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
}

// The A/A jobs here check the gate's plumbing, not the host's stability: a 1000% threshold
// (a 2-process postwait measured twice as slow in an A/A job while a build ran beside it).
TEST_F(Gate, ReportsOfAnEarlierJobInTheWorkDirectoryAreNotPooled) {
    const auto first = gate({"--baseline-cmd", PSEM_BENCH_EXE, "--threshold", "1000", "--rounds", "3"});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    fs::copy_file(work() + "/contender/round-001-pw.json", work() + "/contender/round-050-pw.json");
    const auto second = gate({"--baseline-cmd", PSEM_BENCH_EXE, "--threshold", "1000", "--rounds", "2"});
    ASSERT_EQ(second.exit_code, 0) << second.err;
    EXPECT_TRUE(has(second.out, "4/4")) << second.out;  // 2 rounds x 2 repetitions, nothing older
    EXPECT_FALSE(fs::exists(work() + "/contender/round-050-pw.json"));
    EXPECT_FALSE(fs::exists(work() + "/contender/round-003-pw.json"));
}

TEST_F(Gate, AppendsTheMarkdownToTheStepSummary) {
    const std::string summary = dir_.file("summary.md");
    std::ofstream(summary) << "earlier step\n";
    const auto r = gate({"--baseline-cmd", PSEM_BENCH_EXE, "--threshold", "1000", "--rounds", "2"},
                        {{"GITHUB_STEP_SUMMARY", summary}});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(read_file(summary), "earlier step\n" + r.out);
}

TEST_F(Gate, ARunWithoutAReportExitsTwo) {
    const std::string broken = dir_.file("broken-psem-bench");
    std::ofstream(broken) << "#!/bin/sh\nexit 3\n";
    ::chmod(broken.c_str(), 0700);
    const auto r = gate({"--baseline-cmd", broken});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_TRUE(has(r.err, "psem-bench gate: '" + broken + " run ")) << r.err;
    EXPECT_TRUE(has(r.err, "exited with code 3 without a report (" + work() + "/warmup/")) << r.err;
    EXPECT_FALSE(fs::exists(work() + "/compare.md"));
}

TEST_F(Gate, BadUsageExitsTwoBeforeAnythingRuns) {
    const std::string none = dir_.file("none.json");
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
        {{"--frobnicate"}, "psem-bench gate: unknown argument '--frobnicate'"},
        {{"--baseline", none, "--paired"}, "--paired needs --baseline-cmd"},
        {{"--record", "--paired"}, "--paired needs --baseline-cmd"},
        {{"--baseline", none, "--baseline-set", "warmup_ops=1"}, "--baseline-set needs --baseline-cmd"},
        {{"--baseline", none, "--contender-set", slow_pw}, "a FILE: assignment applies to an interleaved job"},
        {{"--baseline-cmd", PSEM_BENCH_EXE, "--contender-set", "nope.json:warmup_ops=1"},
         "nope.json is not a scenario file of"},
        {{"--baseline-cmd", PSEM_BENCH_EXE, "--contender-set", "warmup_ops"}, "expected [FILE:]FIELD=VALUE"},
        {{"--baseline-cmd", PSEM_BENCH_EXE, "--contender-set", "pw:warmup_opz=1"},
         "the contender's run of " + dir_.file("scenarios") + "/pw.json: --set warmup_opz=1: unknown field"},
        {{"--baseline-cmd", dir_.file("no-such-psem-bench")}, "not an executable"},
        {{"--baseline-cmd", PSEM_BENCH_EXE, "--baseline", none}, "excludes"},
        {{"--baseline", none}, "psem-bench gate: no baseline " + none},
        {{"--scenarios", dir_.file("nowhere")}, "nowhere: not a directory of scenarios"},
        {{"--rounds", "0"}, "--rounds"},
        {{"--alpha", "0.7"}, "--alpha"},
    };
    for (const auto& [args, message] : cases) {
        const auto r = gate(args);
        EXPECT_EQ(r.exit_code, 2) << testing::PrintToString(args) << "\n" << r.err;
        EXPECT_TRUE(has(r.err, message)) << testing::PrintToString(args) << "\n" << r.err;
        EXPECT_EQ(r.out, "") << testing::PrintToString(args);
        EXPECT_FALSE(fs::exists(work() + "/contender")) << testing::PrintToString(args);
    }
}

// Whether any process's command line still names `part` (the gate's runs name the work
// directory in their --out).
bool process_naming(const std::string& part) {
    for (const auto& e : fs::directory_iterator("/proc")) {
        const std::string cmdline = read_file(e.path() / "cmdline");
        if (has(cmdline, part)) return true;
    }
    return false;
}

TEST_F(Gate, SigtermStopsTheRunUnderWayAndExits143) {
    std::ofstream(dir_.path() / "scenarios" / "pw.json")
        << R"({"schema_version": 1, "name": "gate-long", "workload": "postwait", "processes": 2,)"
           R"( "duration_ms": 20000, "repetitions": 1, "timeout_s": 60})";
    const std::string err = dir_.file("err");
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        if (!std::freopen(err.c_str(), "w", stderr) || !std::freopen("/dev/null", "w", stdout)) ::_exit(126);
        const std::string scenarios = dir_.file("scenarios"), w = work();
        ::execl(PSEM_BENCH_EXE, PSEM_BENCH_EXE, "gate", "--baseline-cmd", PSEM_BENCH_EXE, "--scenarios",
                scenarios.c_str(), "--work", w.c_str(), "--warmup-rounds", "0", static_cast<char*>(nullptr));
        ::_exit(127);
    }
    // Until the first run is under way (its line printed, its child started).
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!has(read_file(err), "round 1/100, pw, baseline") && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    ::kill(pid, SIGTERM);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status)) << read_file(err);
    EXPECT_EQ(WEXITSTATUS(status), 143) << read_file(err);
    EXPECT_TRUE(has(read_file(err), "psem-bench gate: interrupted by signal 15")) << read_file(err);
    EXPECT_FALSE(process_naming(work())) << "a run outlived the gate";
    EXPECT_FALSE(fs::exists(work() + "/contender/round-001-pw.json"));  // never started
}

}  // namespace
