#include "conformance/edge_child.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>

namespace psem::bench {
namespace {

std::int64_t mono_ms() noexcept {
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1000 + ts.tv_nsec / 1'000'000;
}

// In the child, before anything else: psem-bench's handlers (SIGINT, SIGTERM and SIGCHLD
// write to the parent's self-pipe) must not run here, and a check that installs its own
// handler starts from a clean slate.
void reset_signals() noexcept {
    for (int sig = 1; sig < NSIG; ++sig) {
        struct sigaction sa {};
        if (::sigaction(sig, nullptr, &sa) != 0) continue;  // invalid or uncatchable
        if (sa.sa_handler == SIG_DFL || sa.sa_handler == SIG_IGN) continue;
        sa = {};
        sa.sa_handler = SIG_DFL;
        ::sigemptyset(&sa.sa_mask);
        (void)::sigaction(sig, &sa, nullptr);
    }
    sigset_t none;
    ::sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
}

}  // namespace

std::string child_exit::describe() const {
    if (overstayed) return "did not end in time; killed";
    if (exited) return "exited with " + std::to_string(code);
    if (signal != 0) return "killed by signal " + std::to_string(signal) + " (" + ::strsignal(signal) + ")";
    return "ended in an unknown way";
}

bool child_channel::send(std::span<const std::int64_t> values) noexcept {
    const auto* p = reinterpret_cast<const char*>(values.data());  // NOLINT: bytes of the values
    std::size_t left = values.size_bytes();
    while (left > 0) {
        const ssize_t n = ::write(fd_, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return true;
}

child_process::child_process(const body& fn) {
    int fds[2] = {-1, -1};
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        error_ = {errno, std::system_category()};
        return;
    }
    sigset_t all;
    sigset_t old;
    ::sigfillset(&all);
    ::sigprocmask(SIG_SETMASK, &all, &old);
    const pid_t pid = ::fork();
    if (pid == 0) {
        reset_signals();
        ::close(fds[0]);
        int rc = 99;
        try {
            child_channel channel(fds[1]);
            rc = fn(channel);
        } catch (...) {
            rc = 99;
        }
        ::_exit(rc);
    }
    const int fork_errno = errno;
    ::sigprocmask(SIG_SETMASK, &old, nullptr);
    ::close(fds[1]);
    if (pid < 0) {
        ::close(fds[0]);
        error_ = {fork_errno, std::system_category()};
        return;
    }
    pid_ = pid;
    read_fd_ = fds[0];
}

child_process::~child_process() {
    if (pid_ > 0) (void)finish(std::chrono::milliseconds(0));
    if (read_fd_ >= 0) ::close(read_fd_);
}

bool child_process::receive(std::span<std::int64_t> out, std::chrono::milliseconds timeout) {
    if (read_fd_ < 0) return false;
    auto* p = reinterpret_cast<char*>(out.data());  // NOLINT: bytes of the values
    std::size_t left = out.size_bytes();
    const std::int64_t deadline = mono_ms() + timeout.count();
    while (left > 0) {
        const std::int64_t remaining = deadline - mono_ms();
        if (remaining <= 0) return false;
        pollfd pfd{read_fd_, POLLIN, 0};
        const int ready = ::poll(&pfd, 1, static_cast<int>(remaining));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) return false;
        const ssize_t n = ::read(read_fd_, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;  // EOF: the child is gone
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return true;
}

child_exit child_process::finish(std::chrono::milliseconds timeout) {
    child_exit out;
    if (pid_ <= 0) return out;
    const std::int64_t deadline = mono_ms() + timeout.count();
    int status = 0;
    for (;;) {
        const pid_t r = ::waitpid(pid_, &status, WNOHANG);
        if (r == pid_) break;
        if (r < 0 && errno != EINTR) {  // ECHILD: someone else reaped it; nothing to report
            pid_ = -1;
            return out;
        }
        if (mono_ms() >= deadline) {
            out.overstayed = true;
            ::kill(pid_, SIGKILL);
            while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
            }
            break;
        }
        const timespec nap{0, 1'000'000};  // 1 ms: children here end within microseconds
        ::nanosleep(&nap, nullptr);
    }
    pid_ = -1;
    if (WIFEXITED(status)) {
        out.exited = true;
        out.code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        out.signal = WTERMSIG(status);
    }
    return out;
}

signal_block::signal_block(int sig) noexcept {
    sigset_t set;
    ::sigemptyset(&set);
    ::sigaddset(&set, sig);
    ::sigprocmask(SIG_BLOCK, &set, &old_);
}

signal_block::~signal_block() { ::sigprocmask(SIG_SETMASK, &old_, nullptr); }

}  // namespace psem::bench
