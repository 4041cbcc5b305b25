// The cross-process helpers of the edge-case checks: the child process and its pipe,
// the unique names and their guard.
#include <gtest/gtest.h>

#include "conformance/edge_child.hpp"
#include "conformance/edge_names.hpp"

#include <psem/semaphore.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <regex>
#include <string>

namespace {

using namespace std::chrono_literals;
using psem::bench::child_channel;
using psem::bench::child_process;

// After the child is reaped, no process of that pid is our child any more.
bool reaped(pid_t pid) { return ::waitpid(pid, nullptr, WNOHANG) < 0 && errno == ECHILD; }

TEST(ChildProcess, SendsValuesAndExits) {
    child_process child([](child_channel& ch) {
        return ch.send({1, -2, INT64_MAX}) && ch.send({42}) ? 0 : 3;
    });
    ASSERT_TRUE(child.started()) << child.error().message();
    std::array<std::int64_t, 3> first{};
    ASSERT_TRUE(child.receive(first, 5s));
    EXPECT_EQ(first[0], 1);
    EXPECT_EQ(first[1], -2);
    EXPECT_EQ(first[2], INT64_MAX);
    std::array<std::int64_t, 1> second{};
    ASSERT_TRUE(child.receive(second, 5s));
    EXPECT_EQ(second[0], 42);
    const pid_t pid = child.pid();
    const auto how = child.finish(5s);
    EXPECT_TRUE(how.ok()) << how.describe();
    EXPECT_EQ(child.pid(), -1);
    EXPECT_TRUE(reaped(pid));
}

TEST(ChildProcess, ReportsTheExitCode) {
    child_process child([](child_channel&) { return 7; });
    ASSERT_TRUE(child.started());
    const auto how = child.finish(5s);
    EXPECT_TRUE(how.exited);
    EXPECT_EQ(how.code, 7);
    EXPECT_FALSE(how.ok());
    EXPECT_EQ(how.describe(), "exited with 7");
}

TEST(ChildProcess, AThrowingBodyExitsWith99) {
    child_process child([](child_channel&) -> int { throw std::runtime_error("no"); });
    ASSERT_TRUE(child.started());
    const auto how = child.finish(5s);
    EXPECT_TRUE(how.exited);
    EXPECT_EQ(how.code, 99);
}

TEST(ChildProcess, ReportsDeathBySignal) {
    child_process child([](child_channel&) -> int {
        ::raise(SIGKILL);
        return 0;
    });
    ASSERT_TRUE(child.started());
    std::array<std::int64_t, 1> v{};
    EXPECT_FALSE(child.receive(v, 5s));  // EOF, not a hang
    const auto how = child.finish(5s);
    EXPECT_FALSE(how.exited);
    EXPECT_EQ(how.signal, SIGKILL);
    EXPECT_NE(how.describe().find("signal 9"), std::string::npos) << how.describe();
}

TEST(ChildProcess, ReceiveGivesUpAfterItsTimeout) {
    child_process child([](child_channel&) {
        ::pause();  // never sends; killed by finish()
        return 0;
    });
    ASSERT_TRUE(child.started());
    std::array<std::int64_t, 1> v{};
    const auto start = std::chrono::steady_clock::now();
    EXPECT_FALSE(child.receive(v, 50ms));
    EXPECT_GE(std::chrono::steady_clock::now() - start, 50ms);
    const pid_t pid = child.pid();
    const auto how = child.finish(10ms);
    EXPECT_TRUE(how.overstayed);
    EXPECT_EQ(how.describe(), "did not end in time; killed");
    EXPECT_TRUE(reaped(pid));
}

TEST(ChildProcess, DestructorKillsAndReapsAChildStillRunning) {
    pid_t pid = -1;
    {
        child_process child([](child_channel&) {
            ::pause();
            return 0;
        });
        ASSERT_TRUE(child.started());
        pid = child.pid();
    }
    EXPECT_TRUE(reaped(pid));
}

TEST(ChildProcess, ChildStartsWithDefaultHandlersAndNoBlockedSignal) {
    struct sigaction sa {};
    sa.sa_handler = [](int) {};
    ::sigemptyset(&sa.sa_mask);
    struct sigaction old {};
    ASSERT_EQ(::sigaction(SIGUSR1, &sa, &old), 0);
    {
        const psem::bench::signal_block blocked(SIGUSR2);
        child_process child([](child_channel& ch) {
            struct sigaction now {};
            ::sigaction(SIGUSR1, nullptr, &now);
            sigset_t mask;
            ::sigprocmask(SIG_SETMASK, nullptr, &mask);
            return ch.send({now.sa_handler == SIG_DFL ? 1 : 0, ::sigismember(&mask, SIGUSR2)}) ? 0 : 3;
        });
        ASSERT_TRUE(child.started());
        std::array<std::int64_t, 2> v{};
        ASSERT_TRUE(child.receive(v, 5s));
        EXPECT_EQ(v[0], 1) << "the parent's SIGUSR1 handler is still installed in the child";
        EXPECT_EQ(v[1], 0) << "SIGUSR2 is still blocked in the child";
        EXPECT_TRUE(child.finish(5s).ok());
    }
    ::sigaction(SIGUSR1, &old, nullptr);
}

TEST(SignalBlock, BlocksInScopeAndRestoresAfter) {
    sigset_t mask;
    {
        const psem::bench::signal_block blocked(SIGCHLD);
        ::sigprocmask(SIG_SETMASK, nullptr, &mask);
        EXPECT_EQ(::sigismember(&mask, SIGCHLD), 1);
    }
    ::sigprocmask(SIG_SETMASK, nullptr, &mask);
    EXPECT_EQ(::sigismember(&mask, SIGCHLD), 0);
}

TEST(EdgeNames, PrefixFollowsTheRunPrefixScheme) {
    const std::string p = psem::bench::make_run_prefix();
    const std::regex scheme("/psem-bench\\." + std::to_string(::getpid()) + "\\.[0-9a-f]{16}");
    EXPECT_TRUE(std::regex_match(p, scheme)) << p;
    EXPECT_NE(p, psem::bench::make_run_prefix());  // 64 random bits: never equal in practice
}

TEST(EdgeNames, NamesAreCheckAndRoleUnderThePrefix) {
    const psem::bench::edge_names names("/psem-bench.1.0123456789abcdef");
    EXPECT_EQ(names.make("post_overflow"), "/psem-bench.1.0123456789abcdef.post_overflow");
    EXPECT_EQ(names.make("timed_wait_posted", "go"), "/psem-bench.1.0123456789abcdef.timed_wait_posted.go");
    EXPECT_FALSE(psem::validate_name(names.make("open_permission_denied", "x")));
}

TEST(EdgeNames, GuardUnlinksWhatWasCreatedAndIgnoresWhatWasNot) {
    const psem::bench::edge_names names(psem::bench::make_run_prefix());
    const std::string created = names.make("guard_test", "made");
    {
        const psem::bench::name_guard guard(created);
        auto sem = psem::semaphore::create(created);
        const psem::bench::name_guard never(names.make("guard_test", "never"));
    }
    std::error_code ec;
    (void)psem::semaphore::open(created, ec);
    EXPECT_EQ(ec, std::errc::no_such_file_or_directory);
}

}  // namespace
