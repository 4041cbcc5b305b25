// The fault paths for every backend that makes objects of its own (a SysV set, eventfds,
// pipes, the shared-memory semaphores): a killed worker and an interrupted psem-bench end
// the run as with the named semaphores (exit 1, 130), every worker reaped, nothing in
// /dev/shm, and the run's SysV set removed (its id read from a worker's request, so no
// other test's set is mistaken for it). The descriptors die with psem-bench's processes;
// that the parent closes its own on every path out of a run is tests/unit/run's
// BackendObjects.
#include "fault_support.hpp"

#include <nlohmann/json.hpp>

#include <signal.h>

#include <fstream>
#include <functional>
#include <vector>
#include <string>

namespace fault_test {
namespace {

// The SysV set id in the worker's request (its argv[2]), -1 for other backends.
int sysv_id_of(pid_t worker) {
    const std::string all = read_file("/proc/" + std::to_string(worker) + "/cmdline");
    std::vector<std::string> args;
    for (std::size_t start = 0; start < all.size();) {
        const std::size_t end = all.find('\0', start);
        args.push_back(all.substr(start, end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    if (args.size() < 3) return -2;
    const auto req = nlohmann::json::parse(args[2], nullptr, false);
    return req.is_object() ? req.value("sysv_id", -2) : -2;
}

bool sysv_set_exists(int id) {
    std::ifstream in("/proc/sysvipc/sem");
    std::string line;
    std::getline(in, line);
    long key = 0, sid = 0;
    while (in >> key >> sid && std::getline(in, line))
        if (sid == id) return true;
    return false;
}

class BackendFault : public testing::TestWithParam<std::string> {
protected:
    [[nodiscard]] const std::string& backend() const { return GetParam(); }

    std::string scenario() const {
        auto j = nlohmann::json::parse(long_scenario("pingpong"));
        j["backend"] = backend();
        return j.dump();
    }

    // Starts the run, applies `fault` once it is under way, and checks the end.
    void run_with(const std::function<void(bench_process&, const std::vector<worker_info>&)>& fault, int code,
                  const std::string& said) {
        const auto file = dir_.write("s.json", scenario());
        const auto report = dir_.file("report.json");
        bench_process bench(run_args(file, report));
        ASSERT_TRUE(bench.wait_until_running(process_count("pingpong"))) << bench.wait(1s).err;
        const auto workers = run_workers(bench.pid());
        ASSERT_FALSE(workers.empty());
        const int set = sysv_id_of(workers.front().pid);
        EXPECT_EQ(set >= 0, backend() == "sysv") << "sysv_id " << set;
        if (set >= 0) {
            EXPECT_TRUE(sysv_set_exists(set));
        }
        fault(bench, workers);
        const auto r = bench.wait();
        ASSERT_FALSE(r.timed_out) << r.err;
        EXPECT_EQ(r.code, code) << r.err;
        EXPECT_TRUE(contains(r.err, said));
        expect_clean_end(bench.pid(), report);
        if (set >= 0) {
            EXPECT_FALSE(sysv_set_exists(set)) << "the run's SysV set " << set << " is still there";
        }
    }

    temp_dir dir_;
};

TEST_P(BackendFault, KilledWorkerEndsTheRunAndLeavesNothing) {
    run_with([](bench_process&, const std::vector<worker_info>& w) { ::kill(w.back().pid, SIGKILL); }, 1,
             "killed by signal 9");
}

TEST_P(BackendFault, SigintEndsTheRunAndLeavesNothing) {
    run_with([](bench_process& b, const std::vector<worker_info>&) { ::kill(b.pid(), SIGINT); }, 130,
             "interrupted by signal 2");
}

INSTANTIATE_TEST_SUITE_P(Backends, BackendFault, testing::Values("unnamed", "sysv", "futex", "eventfd", "pipe"));

}  // namespace
}  // namespace fault_test
