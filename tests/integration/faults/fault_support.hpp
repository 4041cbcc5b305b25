// Fault-injection tests: start psem-bench as a real process, find its workers through
// /proc, hurt them (or it), then check what is left behind.
//
// Everything is keyed to one psem-bench pid: its objects are /dev/shm entries named
// "[sem.]psem-bench.<pid>.*", its workers carry those names in their request (argv[2]).
// Other runs on the host (other tests, other engineers) are never looked at, so these
// tests may run in parallel with anything.
#pragma once

#include "test_paths.hpp"
#include <gtest/gtest.h>

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#ifndef PSEM_BENCH_EXE
#error "PSEM_BENCH_EXE must name the psem-bench binary"
#endif

namespace fault_test {

using namespace std::chrono_literals;
using seconds = std::chrono::seconds;

/// A fresh directory under the temp dir (world-writable: a test may run psem-bench as
/// an unprivileged user), removed with everything in it.
class temp_dir {
public:
    temp_dir();
    ~temp_dir();
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    [[nodiscard]] std::string file(const std::string& name) const { return (path_ / name).string(); }
    /// Writes `text` to a file here and returns its path.
    std::string write(const std::string& name, const std::string& text) const;

private:
    std::filesystem::path path_;
};

std::string read_file(const std::filesystem::path& p);

/// How a finished psem-bench ended.
struct bench_exit {
    int code = -1;           // exit code, or 128 + signal
    bool timed_out = false;  // the test gave up and killed it
    std::string out, err;
};

/// One psem-bench process, started at construction. The destructor kills whatever is left
/// of it (the process and its run's workers), so a failed assertion cannot leak processes.
class bench_process {
public:
    struct options {
        std::vector<std::pair<std::string, std::string>> env;
        /// Runs in the child between fork and exec (set rlimits, drop privileges). Returns
        /// false to make the child exit 126 instead of exec'ing.
        std::function<bool()> in_child;
    };
    explicit bench_process(std::vector<std::string> args, options opts = {});
    ~bench_process();
    bench_process(const bench_process&) = delete;
    bench_process& operator=(const bench_process&) = delete;

    [[nodiscard]] pid_t pid() const { return pid_; }
    [[nodiscard]] bool running();

    /// Waits until `workers` worker processes exist and the run's names are unlinked (the
    /// parent unlinks them once every worker is ready, right before the start signal):
    /// the run is under way. False if psem-bench ended or `timeout` passed first.
    bool wait_until_running(int workers, seconds timeout = 60s);
    /// Waits until `workers` workers exist while the run's names are still linked (the
    /// workers are in their warm-up). False as above.
    bool wait_until_warming_up(int workers, seconds timeout = 60s);

    /// Waits for psem-bench to end; after `timeout`, kills it and says so.
    bench_exit wait(seconds timeout = 120s);

private:
    bool wait_for(const std::function<bool()>& ready, seconds timeout);
    pid_t pid_ = -1;
    bool reaped_ = false;
    int status_ = 0;
    temp_dir io_;
};

struct worker_info {
    pid_t pid = -1;
    int index = -1;  // process index in the run, as psem-bench's messages number them
    std::string role;
};
/// The live worker processes of the run that psem-bench `bench_pid` started (also after
/// psem-bench itself is gone), by process index.
std::vector<worker_info> run_workers(pid_t bench_pid);
/// "worker 2 (consumer, pid 1234)": how psem-bench names a worker in its messages.
std::string worker_label(const worker_info& w);
/// The run's /dev/shm entries (semaphores and the control block) still linked.
std::vector<std::string> run_names(pid_t bench_pid);
/// Polls until the run has no worker left; false after `timeout`.
bool wait_workers_gone(pid_t bench_pid, seconds timeout);
/// SIGKILL to every worker of the run still alive (test clean-up after a failure).
void kill_run_workers(pid_t bench_pid);

/// The checks every fault test ends with: no worker running, no name left in /dev/shm,
/// and the report either absent or complete, valid JSON (never half-written).
void expect_clean_end(pid_t bench_pid, const std::filesystem::path& report);

/// `psem-bench run SCENARIO --out REPORT --progress never` plus `extra`.
std::vector<std::string> run_args(const std::string& scenario, const std::string& report,
                                  const std::vector<std::string>& extra = {});

/// A scenario of `workload` that runs for a minute or more unless a fault ends it, with
/// `processes` worker processes (producer_consumer: 1 producer, the rest consumers).
std::string long_scenario(const std::string& workload, int processes = 3, int warmup_ops = 0);
/// One that finishes in about two seconds (no fault) so the watchdog test proves a hang.
std::string short_scenario(const std::string& workload);
/// How many worker processes long_scenario(workload, processes) starts.
int process_count(const std::string& workload, int processes = 3);
/// `haystack` contains `needle` (gtest alone, without gmock).
testing::AssertionResult contains(const std::string& haystack, const std::string& needle);

}  // namespace fault_test
