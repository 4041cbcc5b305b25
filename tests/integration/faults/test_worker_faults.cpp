// A worker that dies (SIGKILL, abort, a non-zero exit) or hangs (SIGSTOP) while a run is
// under way, for every workload: the run ends at once with exit 1 and a message naming the
// worker and what happened to it (or the watchdog ends a hang); the other workers are
// stopped and reaped, nothing stays in /dev/shm, and the report is whole.
#include "fault_support.hpp"

#include <nlohmann/json.hpp>

#include <signal.h>

#include <string>

namespace fault_test {
namespace {

class WorkerFault : public testing::TestWithParam<std::string> {
protected:
    [[nodiscard]] const std::string& workload() const { return GetParam(); }

    // The report must record the failed run as such, with the same message.
    void expect_failed_record(const std::string& report, const std::string& message) {
        const auto doc = nlohmann::json::parse(read_file(report), nullptr, false);
        ASSERT_TRUE(doc.is_object()) << "no report at " << report;
        ASSERT_EQ(doc["benchmarks"].size(), 1u) << doc.dump(2);
        const auto& b = doc["benchmarks"][0];
        EXPECT_EQ(b.value("error_occurred", false), true) << b.dump(2);
        EXPECT_TRUE(contains(b.value("error_message", ""), message));
    }

    temp_dir dir_;
};

TEST_P(WorkerFault, SigkilledWorkerFailsTheRunAndIsNamed) {
    const auto scenario = dir_.write("s.json", long_scenario(workload()));
    const auto report = dir_.file("report.json");
    bench_process bench(run_args(scenario, report));
    ASSERT_TRUE(bench.wait_until_running(process_count(workload()))) << bench.wait(1s).err;

    // The last worker: for producer_consumer a consumer (the producer may be done posting).
    const worker_info victim = run_workers(bench.pid()).back();
    ASSERT_EQ(::kill(victim.pid, SIGKILL), 0);
    const auto r = bench.wait();
    ASSERT_FALSE(r.timed_out) << r.err;
    EXPECT_EQ(r.code, 1) << r.err;
    const std::string what = worker_label(victim) + " killed by signal 9";
    EXPECT_TRUE(contains(r.err, what));
    expect_failed_record(report, what);
    expect_clean_end(bench.pid(), report);
}

TEST_P(WorkerFault, AbortingWorkerFailsTheRunAndIsNamed) {
    const auto scenario = dir_.write("s.json", long_scenario(workload()));
    const auto report = dir_.file("report.json");
    bench_process bench(run_args(scenario, report), {{{"PSEM_BENCH_TEST_FAULT", "abort@1"}}, {}});
    const auto r = bench.wait();
    ASSERT_FALSE(r.timed_out) << r.err;
    EXPECT_EQ(r.code, 1) << r.err;
    const std::string role = workload() == "pingpong" ? "pong" : workload() == "postwait" ? "worker" : "consumer";
    EXPECT_TRUE(contains(r.err, "worker 1 (" + role + ", pid "));
    EXPECT_TRUE(contains(r.err, "killed by signal 6"));
    expect_failed_record(report, "killed by signal 6");
    expect_clean_end(bench.pid(), report);
}

TEST_P(WorkerFault, WorkerExitingNonZeroFailsTheRun) {
    const auto scenario = dir_.write("s.json", long_scenario(workload()));
    const auto report = dir_.file("report.json");
    bench_process bench(run_args(scenario, report), {{{"PSEM_BENCH_TEST_FAULT", "exit@0"}}, {}});
    const auto r = bench.wait();
    ASSERT_FALSE(r.timed_out) << r.err;
    EXPECT_EQ(r.code, 1) << r.err;
    EXPECT_TRUE(contains(r.err, "worker 0 ("));
    EXPECT_TRUE(contains(r.err, "exited with code 3"));
    expect_clean_end(bench.pid(), report);
}

// A stopped worker neither exits nor makes progress: only the watchdog can end the run.
// The scenario would finish in about a second; timeout_s=3 must end it instead.
TEST_P(WorkerFault, StoppedWorkerIsEndedByTheWatchdog) {
    const auto scenario = dir_.write("s.json", short_scenario(workload()));
    const auto report = dir_.file("report.json");
    bench_process bench(run_args(scenario, report, {"--set", "timeout_s=3"}));
    // producer_consumer: the producer posts its 100k units in milliseconds and exits, so
    // both workers may never be seen running at once; the consumer works for seconds.
    // Wait for a running consumer and stop that one.
    const bool pc = workload() == "producer_consumer";
    ASSERT_TRUE(bench.wait_until_running(pc ? 1 : 2)) << bench.wait(1s).err;
    const auto workers = run_workers(bench.pid());
    ASSERT_FALSE(workers.empty()) << "no worker left running";
    const worker_info victim = workers.back();
    if (pc) {
        ASSERT_EQ(victim.role, "consumer");
    }
    ASSERT_EQ(::kill(victim.pid, SIGSTOP), 0);
    const auto r = bench.wait(60s);
    ASSERT_FALSE(r.timed_out) << "the watchdog did not end the run:\n" << r.err;
    EXPECT_EQ(r.code, 1) << r.err;
    EXPECT_TRUE(contains(r.err, "timed out"));
    EXPECT_TRUE(contains(r.err, "timeout_s"));
    // Which worker hung, and that it was stopped rather than busy or blocked.
    EXPECT_TRUE(contains(r.err, "worker " + std::to_string(victim.index) + " (" + victim.role + ", pid " +
                                    std::to_string(victim.pid) + ", stopped by a signal)"));
    expect_failed_record(report, "timed out");
    expect_clean_end(bench.pid(), report);  // the stopped worker too (SIGKILL ends it)
}

INSTANTIATE_TEST_SUITE_P(Workloads, WorkerFault, testing::Values("postwait", "pingpong", "producer_consumer"));

}  // namespace
}  // namespace fault_test
