// run/signals.hpp - the parent's view of SIGINT, SIGTERM and SIGCHLD.
//
// Handlers only record the signal and write a byte to a self-pipe, so the run loop's
// poll() wakes up at once; all real work happens in the loop. Installed without
// SA_RESTART, so a blocking semaphore wait in the parent returns EINTR too.
#pragma once

#include <csignal>

namespace psem::bench {

class signal_watch {
public:
    /// Installs the handlers (once per process; later calls reuse them).
    static signal_watch& instance();

    /// The fd to poll for readability; drain() empties it.
    [[nodiscard]] int fd() const noexcept { return pipe_[0]; }
    void drain() const noexcept;

    /// SIGINT or SIGTERM if one arrived (the first one), else 0.
    [[nodiscard]] int stop_signal() const noexcept;

    /// Blocks SIGINT, SIGTERM and SIGCHLD in this scope (around fork, so no handler of
    /// ours can run in a child before it execs).
    class block_scope {
    public:
        block_scope() noexcept;
        ~block_scope();
        block_scope(const block_scope&) = delete;
        block_scope& operator=(const block_scope&) = delete;

    private:
        sigset_t old_{};
    };

private:
    signal_watch();
    int pipe_[2] = {-1, -1};
};

}  // namespace psem::bench
