// run_child: what a gate's run finds when it starts (stdin /dev/null, its stdout on our
// stderr), its exit status, a start that fails, and SIGTERM passed on, then SIGKILL after
// the grace period. find_program: PATH lookup. /bin/sh stands in for psem-bench run.
#include "run/child.hpp"
#include "run/signals.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

namespace {

using psem::bench::find_program;
using psem::bench::run_child;

// Runs `script` with our stderr going to a file, and returns what landed there.
std::string stderr_of(const std::string& script, int& wait_status) {
    char path[] = "/tmp/psem-child-XXXXXX";
    const int fd = ::mkstemp(path);
    EXPECT_GE(fd, 0);
    std::fflush(stderr);
    const int saved = ::dup(STDERR_FILENO);
    ::dup2(fd, STDERR_FILENO);
    std::error_code ec;
    const auto out = run_child("/bin/sh", {"-c", script}, 1.0, ec);
    ::dup2(saved, STDERR_FILENO);
    ::close(saved);
    ::close(fd);
    EXPECT_FALSE(ec) << ec.message();
    wait_status = out.wait_status;
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    ::unlink(path);
    return s.str();
}

TEST(Child, StdoutGoesToOurStderrAndStdinIsDevNull) {
    int status = 0;
    const std::string err = stderr_of("echo out; echo err >&2; read line; echo \"read:$?\"", status);
    EXPECT_EQ(err, "out\nerr\nread:1\n");  // read hit end of file at once
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(Child, ReportsTheExitStatus) {
    int status = 0;
    (void)stderr_of("exit 7", status);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 7);
}

TEST(Child, AProgramThatCannotStartIsAnError) {
    std::error_code ec;
    (void)run_child("/nonexistent/psem-bench", {"run"}, 1.0, ec);
    EXPECT_TRUE(ec);
}

// The stop signal stays recorded in this process, so these run last in their binary
// (ctest runs each test in a process of its own).
TEST(ChildStop, SigtermIsPassedOn) {
    psem::bench::signal_watch::instance();
    std::thread killer([] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        ::kill(::getpid(), SIGTERM);
    });
    std::error_code ec;
    const auto start = std::chrono::steady_clock::now();
    const auto out = run_child("/bin/sh", {"-c", "exec sleep 30"}, 10.0, ec);
    killer.join();
    ASSERT_FALSE(ec);
    EXPECT_EQ(out.stop_signal, SIGTERM);
    ASSERT_TRUE(WIFSIGNALED(out.wait_status));
    EXPECT_EQ(WTERMSIG(out.wait_status), SIGTERM);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

TEST(ChildStop, AChildThatIgnoresItIsKilledAfterTheGrace) {
    psem::bench::signal_watch::instance();
    char dir[] = "/tmp/psem-child-XXXXXX";
    ASSERT_NE(::mkdtemp(dir), nullptr);
    const std::string ready = std::string(dir) + "/ready";
    // The signal goes once the child ignores it, however slow the host.
    std::thread killer([&] {
        while (::access(ready.c_str(), F_OK) != 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        ::kill(::getpid(), SIGINT);
    });
    std::error_code ec;
    const auto out = run_child("/bin/sh", {"-c", "trap '' INT; : > " + ready + "; exec sleep 30"}, 0.3, ec);
    ::unlink(ready.c_str());
    ::rmdir(dir);
    killer.join();
    ASSERT_FALSE(ec);
    EXPECT_EQ(out.stop_signal, SIGINT);
    ASSERT_TRUE(WIFSIGNALED(out.wait_status));
    EXPECT_EQ(WTERMSIG(out.wait_status), SIGKILL);
}

TEST(FindProgram, LooksUpPathLikeExecvp) {
    const std::string sh = find_program("sh");
    EXPECT_FALSE(sh.empty());
    EXPECT_EQ(sh.substr(sh.size() - 3), "/sh");
    EXPECT_EQ(find_program("/bin/sh"), "/bin/sh");
    EXPECT_EQ(find_program("psem-no-such-program"), "");
    EXPECT_EQ(find_program("/tmp"), "");  // a directory is not a program
    EXPECT_EQ(find_program(""), "");
}

}  // namespace
