// psem-bench run scenarios/edge-cases.json, end to end: exit status, the report's
// "checks" array, the table on stdout, and nothing left in /dev/shm.
#include "test_paths.hpp"
#include <gtest/gtest.h>

#include "scenario/scenario.hpp"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#ifndef PSEM_BENCH_EXE
#error "PSEM_BENCH_EXE must name the psem-bench binary"
#endif

namespace {

namespace fs = std::filesystem;

struct bench_run {
    int exit_code = -1;     // 128 + signal if it was killed
    pid_t pid = -1;         // psem-bench's pid: the prefix of every name it made
    std::string out;        // stdout
    nlohmann::json report;  // the --out file, parsed (null if missing or unreadable)
};

// Runs psem-bench with `args`, stdout captured, the report written to a file of its own.
bench_run run_bench(std::vector<std::string> args) {
    const fs::path report = fs::temp_directory_path() /
                            ("psem-itest-edge." + std::to_string(::getpid()) + "." +
                             std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "." +
                             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".json");
    args.insert(args.begin(), PSEM_BENCH_EXE);
    args.push_back("--out");
    args.push_back(report.string());
    args.push_back("--progress");
    args.push_back("never");

    bench_run r;
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return r;
    std::fflush(nullptr);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(fds[1], STDOUT_FILENO);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(fds[1]);
    r.pid = pid;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(fds[0], buf, sizeof buf);
        if (n > 0) r.out.append(buf, static_cast<std::size_t>(n));
        else if (n == 0 || errno != EINTR) break;
    }
    ::close(fds[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    std::ifstream in(report);
    if (in) r.report = nlohmann::json::parse(in, nullptr, false);
    std::error_code ec;
    fs::remove(report, ec);
    return r;
}

std::string scenario_file() { return std::string(PSEM_SOURCE_DIR).append("/scenarios/edge-cases.json"); }

// /dev/shm entries of that psem-bench process: glibc keeps "/x" as /dev/shm/sem.x.
std::vector<std::string> leftovers(pid_t pid) {
    const std::string mine = "sem.psem-bench." + std::to_string(pid) + ".";
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator("/dev/shm", ec)) {
        const auto n = e.path().filename().string();
        if (n.starts_with(mine)) out.push_back(n);
    }
    return out;
}

const nlohmann::json* find_check(const nlohmann::json& checks, const std::string& name) {
    for (const auto& c : checks)
        if (c.value("name", "") == name) return &c;
    return nullptr;
}

bool is_timed(const std::string& name) {
    return name.starts_with("timed_wait_") || name == "wait_interrupted";
}

TEST(EdgeCasesRun, EveryCheckPassesOrIsSkippedForAReason) {
    const bench_run r = run_bench({"run", scenario_file()});
    ASSERT_TRUE(r.report.is_object()) << "no report; stdout:\n" << r.out;
    ASSERT_TRUE(r.report.contains("checks")) << r.report.dump(2);
    const auto& checks = r.report["checks"];

    // Every check of the issue's table has its row(s); the timeout one per length.
    std::vector<std::string> expected_rows;
    for (const auto& name : psem::bench::known_checks()) {
        if (name == "timed_wait_timeout") {
            for (const char* len : {"1ms", "10ms", "100ms"}) expected_rows.push_back(name + "/" + len);
        } else {
            expected_rows.push_back(name);
        }
    }
    EXPECT_EQ(checks.size(), expected_rows.size()) << checks.dump(2);
    for (const auto& name : expected_rows) {
        const auto* c = find_check(checks, name);
        ASSERT_NE(c, nullptr) << "no row for " << name;
        const bool passed = c->value("passed", false);
        const bool skipped = c->value("skipped", false);
        EXPECT_FALSE((*c)["expected"].get<std::string>().empty()) << name;
        if (skipped) {
            // The only justified skip: EACCES needs two users, so root.
            EXPECT_EQ(name, "open_permission_denied") << c->dump();
            EXPECT_NE(::geteuid(), 0u) << "skipped although running as root: " << c->dump();
            EXPECT_FALSE((*c)["reason"].get<std::string>().empty()) << c->dump();
        } else {
            EXPECT_TRUE(passed) << c->dump();
            EXPECT_EQ((*c)["observed"], (*c)["expected"]) << c->dump();
        }
        if (is_timed(name)) {
            for (const char* field : {"trials", "lateness_p50_ns", "lateness_p99_ns", "lateness_max_ns"})
                EXPECT_TRUE(c->contains(field) && (*c)[field].is_number()) << name << " lacks " << field;
            if (c->contains("lateness_p50_ns") && c->contains("lateness_max_ns")) {
                EXPECT_LE((*c)["lateness_p50_ns"].get<double>(), (*c)["lateness_max_ns"].get<double>()) << name;
            }
        }
    }
    EXPECT_EQ(r.exit_code, 0) << "stdout:\n" << r.out;

    // The table on stdout: one line per row, its result and both errno columns.
    for (const auto& name : expected_rows) {
        const auto* c = find_check(checks, name);
        if (c == nullptr) continue;
        const std::string result = c->value("skipped", false) ? "SKIP" : "PASS";
        const auto at = r.out.find(name + " ");
        ASSERT_NE(at, std::string::npos) << name << " not in the table:\n" << r.out;
        const std::string line = r.out.substr(at, r.out.find('\n', at) - at);
        EXPECT_NE(line.find(result), std::string::npos) << line;
        EXPECT_NE(line.find((*c)["expected"].get<std::string>()), std::string::npos) << line;
    }

    EXPECT_TRUE(leftovers(r.pid).empty()) << leftovers(r.pid).front();
}

TEST(EdgeCasesRun, ChecksAndTrialsCanBeChosenFromTheCommandLine) {
    const bench_run r = run_bench({"run", scenario_file(), "--set", R"(checks=["open_missing","timed_wait_posted"])",
                                   "--set", "trials=4"});
    EXPECT_EQ(r.exit_code, 0) << r.out;
    ASSERT_TRUE(r.report.is_object()) << r.out;
    const auto& checks = r.report["checks"];
    ASSERT_EQ(checks.size(), 2u) << checks.dump(2);
    EXPECT_EQ(checks[0]["name"], "timed_wait_posted");  // the documented order, not the listed one
    EXPECT_EQ(checks[0]["trials"], 4);
    EXPECT_EQ(checks[1]["name"], "open_missing");
    EXPECT_TRUE(leftovers(r.pid).empty());
}

TEST(EdgeCasesRun, AnUnknownCheckNameIsRefusedBeforeAnythingRuns) {
    const bench_run r = run_bench({"run", scenario_file(), "--set", R"(checks=["open_mising"])"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(r.report.is_null()) << "a report was written for a refused scenario";
}

}  // namespace
