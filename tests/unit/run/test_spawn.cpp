// spawn_worker: what a worker finds when it starts (fd 3 is the result pipe, stdin is
// /dev/null, nothing else of the parent's is open) and what is left when exec fails.
// /bin/sh stands in for the worker binary here: the test needs a program that reports on
// its own descriptors, and psem-bench's worker mode only speaks the run protocol.
#include <gtest/gtest.h>

#include "run/spawn.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <string>

namespace {

using psem::bench::spawn_worker;
using psem::bench::spawned_worker;

// Everything the worker writes to its result pipe, until it closes it.
std::string read_all(int fd) {
    std::string out;
    char buf[256];
    for (;;) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 10'000) <= 0) break;  // 10 s: the child is gone or hung
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n > 0) {
            out.append(buf, static_cast<std::size_t>(n));
        } else if (n == 0 || errno != EINTR) {
            break;
        }
    }
    return out;
}

int reap(pid_t pid) {
    int st = 0;
    while (::waitpid(pid, &st, 0) < 0 && errno == EINTR) {
    }
    return st;
}

TEST(Spawn, WorkerWritesToFdThreeAndReadsNothingFromStdin) {
    // A descriptor the parent holds without CLOEXEC must not reach the worker.
    // (Well above 3, which the worker's result pipe takes over.)
    const int opened = ::open("/dev/null", O_RDONLY);
    ASSERT_GE(opened, 0);
    const int leaked = ::fcntl(opened, F_DUPFD, 20);
    ::close(opened);
    ASSERT_GE(leaked, 20);
    std::error_code ec;
    const std::string script = "read line; echo \"stdin:[$line] rc:$?\" >&3; "
                               "if [ -e /proc/self/fd/" + std::to_string(leaked) + " ]; then echo leaked >&3; fi";
    const spawned_worker w = spawn_worker("/bin/sh", {"-c", script}, {}, ec);
    ::close(leaked);
    ASSERT_FALSE(ec) << ec.message();
    ASSERT_GT(w.pid, 0);
    const std::string said = read_all(w.result_fd);
    ::close(w.result_fd);
    const int st = reap(w.pid);
    EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0) << st;
    EXPECT_EQ(said, "stdin:[] rc:1\n");  // read hit end of file at once: /dev/null
}

// The backends' descriptors (eventfd, pipe) are handed down at their own numbers; the
// parent's other close-on-exec descriptors are not, and the parent's copies stay
// close-on-exec.
TEST(Spawn, InheritedDescriptorsReachTheWorkerAtTheirNumbers) {
    const int given = ::fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 30);
    const int kept = ::fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 40);
    ASSERT_GE(given, 30);
    ASSERT_GE(kept, 40);
    std::error_code ec;
    const std::string script = "for fd in " + std::to_string(given) + " " + std::to_string(kept) +
                               "; do if [ -e /proc/self/fd/$fd ]; then echo open:$fd >&3; fi; done";
    const int inherited[] = {given};
    const spawned_worker w = spawn_worker("/bin/sh", {"-c", script}, inherited, ec);
    ASSERT_FALSE(ec) << ec.message();
    const std::string said = read_all(w.result_fd);
    ::close(w.result_fd);
    EXPECT_NE(::fcntl(given, F_GETFD) & FD_CLOEXEC, 0) << "the parent's copy must stay close-on-exec";
    ::close(given);
    ::close(kept);
    const int st = reap(w.pid);
    EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0) << st;
    EXPECT_EQ(said, "open:" + std::to_string(given) + "\n");
}

TEST(Spawn, ResultPipeIsNonBlockingAndCloseOnExec) {
    std::error_code ec;
    const spawned_worker w = spawn_worker("/bin/sh", {"-c", "exit 0"}, {}, ec);
    ASSERT_FALSE(ec) << ec.message();
    EXPECT_NE(::fcntl(w.result_fd, F_GETFL) & O_NONBLOCK, 0);
    EXPECT_NE(::fcntl(w.result_fd, F_GETFD) & FD_CLOEXEC, 0);
    ::close(w.result_fd);
    const int st = reap(w.pid);
    EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0) << st;
}

TEST(Spawn, AMissingExecutableIsEnoentAndLeavesNoChild) {
    std::error_code ec;
    const spawned_worker w = spawn_worker("/nonexistent/psem-worker", {}, {}, ec);
    EXPECT_EQ(ec, std::errc::no_such_file_or_directory) << ec.message();
    EXPECT_EQ(w.pid, -1);
    EXPECT_EQ(w.result_fd, -1);
    // The child that failed to exec is already reaped: no zombie, no child at all.
    int st = 0;
    EXPECT_EQ(::waitpid(-1, &st, WNOHANG), -1);
    EXPECT_EQ(errno, ECHILD);
}

}  // namespace
