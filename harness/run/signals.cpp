#include "run/signals.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>

namespace psem::bench {
namespace {

std::atomic<int> g_stop_signal{0};
int g_wake_fd = -1;

extern "C" void on_signal(int sig) {
    const int saved = errno;
    if (sig != SIGCHLD) {
        int expected = 0;
        g_stop_signal.compare_exchange_strong(expected, sig);
    }
    const char byte = 1;
    (void)!::write(g_wake_fd, &byte, 1);  // non-blocking: a full pipe already wakes poll
    errno = saved;
}

}  // namespace

signal_watch& signal_watch::instance() {
    static signal_watch w;
    return w;
}

signal_watch::signal_watch() {
    if (::pipe2(pipe_, O_CLOEXEC | O_NONBLOCK) != 0) pipe_[0] = pipe_[1] = -1;
    g_wake_fd = pipe_[1];
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_NOCLDSTOP;  // no SA_RESTART: blocking waits must notice a stop
    for (int sig : {SIGINT, SIGTERM, SIGCHLD}) ::sigaction(sig, &sa, nullptr);
}

void signal_watch::drain() const noexcept {
    char buf[64];
    while (::read(pipe_[0], buf, sizeof buf) > 0) {
    }
}

int signal_watch::stop_signal() const noexcept { return g_stop_signal.load(); }

signal_watch::block_scope::block_scope() noexcept {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : {SIGINT, SIGTERM, SIGCHLD}) sigaddset(&set, sig);
    ::pthread_sigmask(SIG_BLOCK, &set, &old_);
}

signal_watch::block_scope::~block_scope() { ::pthread_sigmask(SIG_SETMASK, &old_, nullptr); }

}  // namespace psem::bench
