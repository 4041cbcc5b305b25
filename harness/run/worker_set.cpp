#include "run/worker_set.hpp"

#include "measure/clock.hpp"
#include "run/signals.hpp"
#include "run/spawn.hpp"

#include <fmt/format.h>

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <thread>

namespace psem::bench {

std::string describe_status(int st) {
    if (WIFEXITED(st)) return fmt::format("exited with code {}", WEXITSTATUS(st));
    if (WIFSIGNALED(st)) return fmt::format("killed by signal {} ({})", WTERMSIG(st), ::strsignal(WTERMSIG(st)));
    return fmt::format("ended with wait status {:#x}", st);
}

worker_set::~worker_set() { stop_all(); }

std::optional<std::string> worker_set::start(const worker_request& req, const std::string& role) {
    std::error_code ec;
    spawned_worker w;
    {
        signal_watch::block_scope blocked;  // no handler of ours may run in the child
        w = spawn_worker(self_executable(), {"__worker", encode_request(req)}, req.fds, ec);
    }
    if (ec) {
        std::string hint;
        if (ec == std::errc::resource_unavailable_try_again)
            hint = " (the process limit, RLIMIT_NPROC / ulimit -u, is too low for this scenario?)";
        else if (ec == std::errc::too_many_files_open)
            hint = " (the descriptor limit, RLIMIT_NOFILE / ulimit -n, is too low for this scenario?)";
        return fmt::format("cannot start worker {} ({}) of {} processes: {}{}", req.process_index, role,
                           req.config.started_processes(), ec.message(), hint);
    }
    children_.push_back(child{w.pid, w.result_fd, req.process_index, role, {}, false, false, 0});
    return std::nullopt;
}

std::string worker_set::name_of(const child& c) const { return fmt::format("worker {} ({}, pid {})", c.index, c.role, c.pid); }

worker_set::child* worker_set::find(pid_t pid) {
    for (auto& c : children_)
        if (c.pid == pid) return &c;
    return nullptr;
}

void worker_set::read_available(child& c) {
    if (c.eof) return;
    char buf[65536];
    for (;;) {
        const ssize_t n = ::read(c.fd, buf, sizeof buf);
        if (n > 0) {
            c.data.append(buf, static_cast<std::size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno == EAGAIN) return;
        c.eof = true;  // EOF, or an error: either way nothing more will come
        ::close(c.fd);
        c.fd = -1;
        return;
    }
}

std::optional<std::string> worker_set::reap_pass(bool any_exit_is_failure) {
    std::optional<std::string> first;
    for (;;) {
        int st = 0;
        const pid_t pid = ::waitpid(-1, &st, WNOHANG);
        if (pid <= 0) break;
        child* c = find(pid);
        if (c == nullptr) continue;  // not one of this run's workers
        c->reaped = true;
        c->status = st;
        const bool clean = WIFEXITED(st) && WEXITSTATUS(st) == 0;
        if (!first && (any_exit_is_failure || !clean)) first = name_of(*c) + " " + describe_status(st);
    }
    return first;
}

std::optional<std::string> worker_set::reap_some() { return reap_pass(true); }

void worker_set::stop_all() noexcept {
    auto live = [&] {
        int n = 0;
        for (const auto& c : children_) n += c.reaped ? 0 : 1;
        return n;
    };
    for (const auto& c : children_)
        if (!c.reaped) ::kill(c.pid, SIGTERM);
    const std::uint64_t until = now_ns() + static_cast<std::uint64_t>(grace_s_ * 1e9);
    while (live() > 0 && now_ns() < until) {
        (void)reap_pass(false);
        if (live() > 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    for (auto& c : children_) {
        if (c.reaped) continue;
        ::kill(c.pid, SIGKILL);  // also ends a SIGSTOPped worker, which SIGTERM cannot
        c.status = reap_blocking(c.pid);
        c.reaped = true;
    }
    for (auto& c : children_)
        if (c.fd >= 0) {
            ::close(c.fd);
            c.fd = -1;
            c.eof = true;
        }
}

namespace {

// Whether a process is in the stopped state (SIGSTOP, SIGTSTP, a debugger): the third field
// of /proc/PID/stat, after the parenthesised command name.
bool is_stopped(pid_t pid) {
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/stat", static_cast<int>(pid));
    std::FILE* f = std::fopen(path, "re");
    if (f == nullptr) return false;
    char buf[512];
    const std::size_t n = std::fread(buf, 1, sizeof buf - 1, f);
    std::fclose(f);
    buf[n] = '\0';
    const char* close = std::strrchr(buf, ')');
    return close != nullptr && close[1] == ' ' && (close[2] == 'T' || close[2] == 't');
}

}  // namespace

// "2 of 8 workers still running: worker 3 (consumer, pid 123, stopped by a signal), ...":
// a hang is easier to chase when the message says who hung, and a stopped worker (a
// SIGSTOP, a debugger) is told apart from one that is busy or blocked.
std::string worker_set::describe_running() const {
    constexpr int max_named = 5;
    std::string names;
    int running = 0;
    for (const auto& c : children_) {
        if (c.reaped) continue;
        if (++running > max_named) continue;
        names += fmt::format("{}worker {} ({}, pid {}{})", names.empty() ? "" : ", ", c.index, c.role, c.pid,
                             is_stopped(c.pid) ? ", stopped by a signal" : "");
    }
    if (running > max_named) names += fmt::format(" and {} more", running - max_named);
    return fmt::format("{} of {} workers still running: {}", running, children_.size(), names);
}

worker_set::outcome worker_set::collect(std::uint64_t deadline_ns) {
    outcome out;
    signal_watch& sigs = signal_watch::instance();
    std::vector<pollfd> pfds;
    for (;;) {
        if (const int sig = sigs.stop_signal()) {
            stop_all();
            out.status = run_status::interrupted;
            out.signal = sig;
            out.message = fmt::format("interrupted by signal {} ({})", sig, ::strsignal(sig));
            return out;
        }
        if (auto failure = reap_pass(false)) {
            // Keep what the failed worker said about itself, if anything.
            stop_all();
            out.status = run_status::failed;
            out.message = *failure;
            return out;
        }
        bool done = true;
        for (auto& c : children_) {
            read_available(c);
            done = done && c.eof && c.reaped;
        }
        if (done) break;
        const std::uint64_t now = now_ns();
        if (now >= deadline_ns) {
            const std::string running = describe_running();
            stop_all();
            out.status = run_status::timed_out;
            out.message = fmt::format("timed out (timeout_s) with {}; stopped them", running);
            return out;
        }
        pfds.clear();
        pfds.push_back({sigs.fd(), POLLIN, 0});
        for (const auto& c : children_)
            if (!c.eof) pfds.push_back({c.fd, POLLIN, 0});
        const auto wait_ms = std::min<std::uint64_t>((deadline_ns - now) / 1'000'000 + 1, 100);
        ::poll(pfds.data(), pfds.size(), static_cast<int>(wait_ms));
        sigs.drain();
    }
    for (const auto& c : children_) {
        try {
            auto rs = decode_results(c.data);
            for (auto& r : rs) out.results.push_back(std::move(r));
        } catch (const std::exception& e) {
            out.status = run_status::failed;
            out.message = fmt::format("{} sent unreadable results: {}", name_of(c), e.what());
            return out;
        }
    }
    return out;
}

}  // namespace psem::bench
