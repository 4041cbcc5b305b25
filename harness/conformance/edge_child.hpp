// conformance/edge_child.hpp - the other process of a cross-process check.
//
// A check forks a child (the psem-bench process is single-threaded while checks run, so
// the child may call anything the parent could), the child does one small job with the
// library and reports numbers back through a pipe, then leaves with _exit so nothing of
// the parent's (stdio buffers, atexit handlers, destructors) runs twice. The parent
// always reaps it: on every path, and by SIGKILL if it overstays.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <csignal>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <span>
#include <string>
#include <system_error>

namespace psem::bench {

/// How a child ended.
struct child_exit {
    bool exited = false;     // returned or called _exit: `code` is valid
    int code = 0;
    int signal = 0;          // killed by this signal
    bool overstayed = false; // did not end in time; we killed it
    [[nodiscard]] bool ok() const noexcept { return exited && code == 0; }
    /// "exited with 3", "killed by signal 11 (Segmentation fault)", "did not end in
    /// time; killed".
    [[nodiscard]] std::string describe() const;
};

/// The child's end of the pipe: messages of 64-bit integers (errno values, CLOCK_MONOTONIC
/// nanoseconds), written whole (a pipe write of up to PIPE_BUF bytes is atomic).
class child_channel {
public:
    explicit child_channel(int fd) noexcept : fd_(fd) {}
    bool send(std::span<const std::int64_t> values) noexcept;
    bool send(std::initializer_list<std::int64_t> values) noexcept {
        return send(std::span<const std::int64_t>(values.begin(), values.size()));
    }

private:
    int fd_;
};

class child_process {
public:
    using body = std::function<int(child_channel&)>;

    /// Forks; the child resets every signal handler to its default, unblocks all signals,
    /// runs `fn` and leaves with _exit(its return value), or 99 if it throws. Signals are
    /// blocked in the parent across fork, so no handler of psem-bench runs in the child.
    explicit child_process(const body& fn);
    ~child_process();  // a child still running is killed (SIGKILL) and reaped
    child_process(const child_process&) = delete;
    child_process& operator=(const child_process&) = delete;

    /// False if pipe or fork failed; error() says why.
    [[nodiscard]] bool started() const noexcept { return pid_ > 0; }
    [[nodiscard]] std::error_code error() const noexcept { return error_; }
    /// The child's pid while it has not been reaped; -1 after finish() (or if not started).
    [[nodiscard]] pid_t pid() const noexcept { return pid_; }

    /// Reads exactly out.size() values, waiting at most `timeout` in all. False if the
    /// child closed the pipe first (it ended or crashed: see finish()) or time ran out.
    [[nodiscard]] bool receive(std::span<std::int64_t> out, std::chrono::milliseconds timeout);

    /// Waits at most `timeout` for the child to end, then kills and reaps it.
    child_exit finish(std::chrono::milliseconds timeout);

private:
    pid_t pid_ = -1;
    int read_fd_ = -1;
    std::error_code error_;
};

/// Blocks one signal in this scope and restores the previous mask after. run_edge_cases
/// blocks SIGCHLD: psem-bench catches it without SA_RESTART, and a check's child ending
/// while the parent sits in a timed wait would otherwise cut that wait short with EINTR.
class signal_block {
public:
    explicit signal_block(int sig) noexcept;
    ~signal_block();
    signal_block(const signal_block&) = delete;
    signal_block& operator=(const signal_block&) = delete;

private:
    sigset_t old_{};
};

}  // namespace psem::bench
