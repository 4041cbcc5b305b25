// Signals to psem-bench itself while a run is under way, for every workload: SIGINT and
// SIGTERM stop and reap the workers, unlink what is linked and exit 128 + signal; after a
// SIGKILL, which psem-bench cannot catch, the workers die on their own (PR_SET_PDEATHSIG)
// and `psem-bench cleanup` removes the names the run had not yet unlinked.
#include "test_paths.hpp"
#include "fault_support.hpp"

#include <signal.h>

#include <algorithm>
#include <chrono>
#include <string>

namespace fault_test {
namespace {

class ParentSignal : public testing::TestWithParam<std::string> {
protected:
    [[nodiscard]] const std::string& workload() const { return GetParam(); }

    // SIGINT or SIGTERM once the run is under way (or, `warm_up`, while the workers are
    // still warming up and every name is still linked).
    void interrupt(int sig, bool warm_up) {
        const auto scenario = dir_.write("s.json", long_scenario(workload(), 3, warm_up ? 1'000'000'000 : 0));
        const auto report = dir_.file("report.json");
        bench_process bench(run_args(scenario, report));
        const int n = process_count(workload());
        ASSERT_TRUE(warm_up ? bench.wait_until_warming_up(n) : bench.wait_until_running(n)) << bench.wait(1s).err;
        ASSERT_EQ(::kill(bench.pid(), sig), 0);
        const auto r = bench.wait();
        ASSERT_FALSE(r.timed_out) << r.err;
        EXPECT_EQ(r.code, 128 + sig) << r.err;
        EXPECT_TRUE(contains(r.err, "interrupted by signal " + std::to_string(sig)));
        EXPECT_TRUE(contains(r.err, "workers stopped and reaped"));
        expect_clean_end(bench.pid(), report);
    }

    struct names_left {
        std::vector<std::string> at_kill;  // linked when the SIGKILL was sent
        std::vector<std::string> after;    // still linked once the workers had died
    };

    // SIGKILL to psem-bench; returns the names the run had linked (after checking that its
    // workers ended by themselves and that cleanup removed what was left).
    names_left kill_parent(bool warm_up) {
        const auto scenario = dir_.write("s.json", long_scenario(workload(), 3, warm_up ? 1'000'000'000 : 0));
        const auto report = dir_.file("report.json");
        bench_process bench(run_args(scenario, report));
        const int n = process_count(workload());
        const bool started = warm_up ? bench.wait_until_warming_up(n) : bench.wait_until_running(n);
        EXPECT_TRUE(started) << bench.wait(1s).err;
        if (!started) return {};
        names_left names{run_names(bench.pid()), {}};
        EXPECT_EQ(::kill(bench.pid(), SIGKILL), 0);
        const auto r = bench.wait();
        EXPECT_EQ(r.code, 128 + SIGKILL);
        // Nobody reaps or signals them: only the parent-death signal can end them. "Within
        // a second or two" in practice; the margin is for a loaded CI machine.
        const auto t0 = std::chrono::steady_clock::now();
        EXPECT_TRUE(wait_workers_gone(bench.pid(), 15s)) << "workers outlived psem-bench";
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);
        RecordProperty("workers_gone_ms", static_cast<int>(ms.count()));
        // (Another test's `psem-bench cleanup`, run at the same time, may already have
        // removed some of them: what is left is a subset of what was linked.)
        names.after = run_names(bench.pid());
        for (const auto& name : names.after)
            if (std::find(names.at_kill.begin(), names.at_kill.end(), name) == names.at_kill.end())
                ADD_FAILURE() << name << " appeared after the SIGKILL";

        // `psem-bench cleanup` removes exactly what a dead run left (another test's
        // cleanup running at the same time may have beaten it to some names).
        bench_process cleanup({PSEM_BENCH_EXE, "cleanup"});
        const auto c = cleanup.wait(60s);
        EXPECT_EQ(c.code, 0) << c.out << c.err;
        EXPECT_TRUE(run_names(bench.pid()).empty()) << c.out;
        for (const auto& name : names.after)
            if (std::filesystem::exists("/dev/shm/" + name)) ADD_FAILURE() << "cleanup kept " << name;
        expect_clean_end(bench.pid(), report);
        return names;
    }

    temp_dir dir_;
};

TEST_P(ParentSignal, SigintStopsTheRunWithExit130) { interrupt(SIGINT, false); }
TEST_P(ParentSignal, SigtermStopsTheRunWithExit143) { interrupt(SIGTERM, false); }

// Mid-run the names are already unlinked: the SIGKILL leaves nothing for cleanup.
TEST_P(ParentSignal, SigkillLeavesNoWorkerRunning) { EXPECT_TRUE(kill_parent(false).after.empty()); }

INSTANTIATE_TEST_SUITE_P(Workloads, ParentSignal, testing::Values("postwait", "pingpong", "producer_consumer"));

// Workloads with a warm-up: the workers hold the names open before the start signal, so
// the parent has not unlinked them yet when the signal comes.
class ParentSignalInWarmUp : public ParentSignal {};

TEST_P(ParentSignalInWarmUp, SigtermUnlinksTheNamesStillLinked) { interrupt(SIGTERM, true); }

TEST_P(ParentSignalInWarmUp, SigkillLeavesNamesThatCleanupRemoves) {
    const auto names = kill_parent(true);
    EXPECT_FALSE(names.at_kill.empty()) << "the run's names should still have been linked during the warm-up";
}

INSTANTIATE_TEST_SUITE_P(Workloads, ParentSignalInWarmUp, testing::Values("postwait", "pingpong"));

}  // namespace
}  // namespace fault_test
