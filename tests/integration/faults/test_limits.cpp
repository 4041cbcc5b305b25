// Resource limits too low for the scenario: the process limit (RLIMIT_NPROC), refused up
// front when it is already too low and failing the run cleanly when it runs out midway,
// and the descriptor limit (RLIMIT_NOFILE). Every message names the limit.
//
// RLIMIT_NPROC does not bind root (the kernel exempts uid 0 and CAP_SYS_RESOURCE), so
// those tests run psem-bench as the unprivileged uid 65534 ("nobody"), whose process
// count nothing else on the host touches; not being root, they cannot switch uid and skip.
#include "fault_support.hpp"

#include <nlohmann/json.hpp>

#include <grp.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fault_test {
namespace {

constexpr uid_t nobody = 65534;

// Tasks (threads included: RLIMIT_NPROC counts them) whose real uid is `uid`.
long tasks_of(uid_t uid) {
    long count = 0;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator("/proc", ec)) {
        std::ifstream status(e.path() / "status");
        std::string line;
        long real_uid = -1, threads = 0;
        while (std::getline(status, line)) {
            std::istringstream fields(line);
            std::string key;
            fields >> key;
            if (key == "Uid:") fields >> real_uid;
            if (key == "Threads:") fields >> threads;
        }
        if (real_uid == static_cast<long>(uid)) count += threads;
    }
    return count;
}

// In a forked child: the process limit, then uid/gid nobody (which drops every capability).
bool become_nobody(long nproc) {
    const rlimit rl{static_cast<rlim_t>(nproc), static_cast<rlim_t>(nproc)};
    return ::setrlimit(RLIMIT_NPROC, &rl) == 0 && ::setgroups(0, nullptr) == 0 && ::setgid(nobody) == 0 &&
           ::setuid(nobody) == 0;
}

// Processes of uid nobody that use up its process limit, all but one slot, until
// destroyed. One keeper process forks idle children until fork fails with EAGAIN, so the
// count is right whatever threads the sanitizer runtimes add to each process; it reaps
// them itself when the test closes its pipe (also if the test dies).
class process_hog {
public:
    explicit process_hog(long nproc) {
        int ready[2], done[2];
        if (::pipe(ready) != 0 || ::pipe(done) != 0) throw std::runtime_error("pipe failed");
        std::fflush(nullptr);
        keeper_ = ::fork();
        if (keeper_ == 0) {
            ::close(ready[0]);
            ::close(done[1]);
            if (!become_nobody(nproc)) ::_exit(126);
            std::vector<pid_t> kids;
            for (;;) {
                const pid_t p = ::fork();
                if (p == 0) {
                    ::pause();
                    ::_exit(0);
                }
                if (p < 0) break;
                kids.push_back(p);
            }
            const int why = errno;
            if (!kids.empty()) {  // leave one slot: psem-bench can start a worker, not all
                ::kill(kids.back(), SIGKILL);
                ::waitpid(kids.back(), nullptr, 0);
                kids.pop_back();
            }
            const int n = why == EAGAIN ? static_cast<int>(kids.size()) : -why;
            (void)!::write(ready[1], &n, sizeof n);
            char c;
            while (::read(done[0], &c, 1) != 0 && errno == EINTR) {
            }
            for (const pid_t k : kids) ::kill(k, SIGKILL);
            for (const pid_t k : kids) ::waitpid(k, nullptr, 0);
            ::_exit(0);
        }
        ::close(ready[1]);
        ::close(done[0]);
        done_ = done[1];
        if (::read(ready[0], &held_, sizeof held_) != static_cast<ssize_t>(sizeof held_)) held_ = -1;
        ::close(ready[0]);
    }
    ~process_hog() {
        ::close(done_);
        ::waitpid(keeper_, nullptr, 0);
    }
    process_hog(const process_hog&) = delete;
    process_hog& operator=(const process_hog&) = delete;
    /// Idle processes holding the limit, or -errno if fork failed otherwise than EAGAIN.
    [[nodiscard]] int held() const { return held_; }

private:
    pid_t keeper_ = -1;
    int done_ = -1;
    int held_ = -1;
};

class Limits : public testing::Test {
protected:
    void SetUp() override {
        if (::geteuid() != 0)
            GTEST_SKIP() << "RLIMIT_NPROC tests switch to uid " << nobody
                         << " to get a process count no other process touches; that needs root";
    }
    temp_dir dir_;
};

TEST_F(Limits, ProcessLimitTooLowIsRefusedBeforeAnythingStarts) {
    const auto scenario = dir_.write(
        "s.json", R"({"schema_version": 1, "name": "nproc", "workload": "postwait", "processes": 8,
                      "ops_per_worker": 1000})");
    const auto report = dir_.file("report.json");
    const long limit = tasks_of(nobody) + 3;
    bench_process bench(run_args(scenario, report), {{}, [&] { return become_nobody(limit); }});
    const auto r = bench.wait();
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_TRUE(contains(r.err, "/processes: 8 workers"));
    EXPECT_TRUE(contains(r.err, "RLIMIT_NPROC"));
    EXPECT_TRUE(contains(r.err, "nothing was run"));
    EXPECT_FALSE(std::filesystem::exists(report));
    expect_clean_end(bench.pid(), report);
}

// Validation passes (the limit has room for the sweep's largest point), then other
// processes of the same user use the room up while the first point runs: starting the
// second point's workers fails with EAGAIN, the run fails with exit 1 naming the limit.
TEST_F(Limits, ProcessLimitRunningOutMidwayFailsTheRun) {
    const auto scenario = dir_.write(
        "s.json", R"({"schema_version": 1, "name": "nproc-midway", "workload": "postwait",
                      "duration_ms": 5000, "sweep": {"processes": [1, 4]}})");
    const auto report = dir_.file("report.json");
    const long limit = tasks_of(nobody) + 10;
    bench_process bench(run_args(scenario, report), {{}, [&] { return become_nobody(limit); }});
    ASSERT_TRUE(bench.wait_until_running(1)) << bench.wait(1s).err;
    const process_hog hog(limit);
    ASSERT_GT(hog.held(), 0) << "could not fill the process limit";
    const auto r = bench.wait();
    ASSERT_FALSE(r.timed_out) << r.err;
    EXPECT_EQ(r.code, 1) << r.err;
    EXPECT_TRUE(contains(r.err, "postwait/processes:4/threads:1"));
    EXPECT_TRUE(contains(r.err, "cannot start worker"));
    EXPECT_TRUE(contains(r.err, "RLIMIT_NPROC"));
    expect_clean_end(bench.pid(), report);
    // The first point's figures survive the second point's failure.
    const auto doc = nlohmann::json::parse(read_file(report), nullptr, false);
    ASSERT_TRUE(doc.is_object());
    ASSERT_EQ(doc["benchmarks"].size(), 2u) << doc.dump(2);
    EXPECT_FALSE(doc["benchmarks"][0].value("error_occurred", false));
    EXPECT_TRUE(doc["benchmarks"][1].value("error_occurred", false));
}

// psem-bench lifts its soft descriptor limit to the hard one; with both low, the parent
// runs out of descriptors (one result pipe per worker) before every worker has started.
// Runs as root too: RLIMIT_NOFILE binds everyone.
TEST(DescriptorLimit, TooLowFailsTheRunAndNamesTheLimit) {
    temp_dir dir;
    const auto scenario = dir.write(
        "s.json", R"({"schema_version": 1, "name": "nofile", "workload": "postwait", "processes": 64,
                      "ops_per_worker": 1000})");
    const auto report = dir.file("report.json");
    const auto low_nofile = [] {
        const rlimit rl{16, 16};
        return ::setrlimit(RLIMIT_NOFILE, &rl) == 0;
    };
    bench_process bench(run_args(scenario, report), {{}, low_nofile});
    const auto r = bench.wait();
    ASSERT_FALSE(r.timed_out) << r.err;
    EXPECT_EQ(r.code, 1) << r.err;
    EXPECT_TRUE(contains(r.err, "cannot start worker"));
    EXPECT_TRUE(contains(r.err, "of 64 processes"));
    EXPECT_TRUE(contains(r.err, "RLIMIT_NOFILE"));
    expect_clean_end(bench.pid(), report);
}

}  // namespace
}  // namespace fault_test
