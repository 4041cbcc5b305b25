// run/child.cpp - see child.hpp.
#include "run/child.hpp"

#include "run/launcher.hpp"
#include "run/signals.hpp"
#include "run/spawn.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <csignal>

namespace psem::bench {
namespace {

// A Boost.Process v2 initializer; on_exec_setup runs in the child between vfork and exec,
// in memory it shares with the parent: system calls only.
struct child_init {
    pid_t parent = -1;

    template <class Launcher>
    bp::error_code on_exec_setup(Launcher&, const bp::filesystem::path&, const char* const*&) {
        if (::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || ::getppid() != parent) ::_exit(127);
        if (::dup2(STDERR_FILENO, STDOUT_FILENO) < 0) return {errno, bp::system_category()};
        const int devnull = ::open("/dev/null", O_RDONLY);
        if (devnull >= 0) {
            ::dup2(devnull, STDIN_FILENO);
            if (devnull != STDIN_FILENO) ::close(devnull);
        }
        for (int sig : {SIGINT, SIGTERM, SIGCHLD, SIGPIPE, SIGHUP, SIGQUIT}) ::signal(sig, SIG_DFL);
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        return {};
    }

    // As in spawn.cpp: a failed exec must not run the parent's atexit handlers.
    template <class... Args>
    void on_exec_error(Args&&...) {
        ::_exit(127);
    }
};

pid_t start(const std::string& executable, const std::vector<std::string>& args, std::error_code& ec) {
    boost::asio::io_context ctx;
    bp::error_code bec;
    launcher_type launcher;
    pid_t pid = -1;
    {
        signal_watch::block_scope blocked;  // no handler of ours may run in the child
        try {
            bp::process proc = launcher(ctx.get_executor(), bec, executable, args, child_init{::getpid()});
            if (!bec) {
                pid = proc.id();
                proc.detach();  // reaped below, for the exit status
            }
        } catch (const boost::system::system_error& e) {
            // Started, but Boost could not track it (no descriptor for its pidfd): end it.
            if (launcher.pid > 0) ::kill(launcher.pid, SIGKILL);
            bec = e.code();
        }
    }
    if (bec) {
        if (launcher.pid > 0) (void)reap_blocking(launcher.pid);
        ec.assign(bec.value(), std::system_category());
        return -1;
    }
    ec.clear();
    return pid;
}

}  // namespace

child_outcome run_child(const std::string& executable, const std::vector<std::string>& args, double grace_s,
                        std::error_code& ec) {
    signal_watch& sigs = signal_watch::instance();
    child_outcome out;
    const pid_t pid = start(executable, args, ec);
    if (pid < 0) return out;
    using clock = std::chrono::steady_clock;
    clock::time_point kill_at{};
    bool killed = false;
    for (;;) {
        int st = 0;
        const pid_t w = ::waitpid(pid, &st, WNOHANG);
        if (w == pid) {
            out.wait_status = st;
            return out;
        }
        if (w < 0 && errno != EINTR) {  // cannot happen for our own child; never spin on it
            out.wait_status = reap_blocking(pid);
            return out;
        }
        if (out.stop_signal == 0 && sigs.stop_signal() != 0) {
            out.stop_signal = sigs.stop_signal();
            ::kill(pid, out.stop_signal);
            kill_at = clock::now() + std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(grace_s));
        }
        if (out.stop_signal != 0 && !killed && clock::now() >= kill_at) {
            ::kill(pid, SIGKILL);  // also ends a stopped child, which the signal could not
            killed = true;
        }
        pollfd p{sigs.fd(), POLLIN, 0};
        ::poll(&p, 1, 100);  // SIGCHLD and the stop signals write to this pipe
        sigs.drain();
    }
}

namespace {

bool is_executable_file(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

}  // namespace

// By hand, as execvp searches: Boost.Process's find_executable needs the compiled
// Boost.Filesystem, which psem-bench does not link.
std::string find_program(const std::string& name) {
    if (name.empty()) return {};
    if (name.find('/') != std::string::npos) return is_executable_file(name) ? name : std::string();
    const char* env = std::getenv("PATH");
    const std::string path = env != nullptr ? env : "/usr/local/bin:/usr/bin:/bin";
    for (std::size_t start = 0;;) {
        const std::size_t end = path.find(':', start);
        std::string candidate = path.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (candidate.empty()) candidate.push_back('.');  // an empty entry is the current directory
        candidate.append("/").append(name);
        if (is_executable_file(candidate)) return candidate;
        if (end == std::string::npos) return {};
        start = end + 1;
    }
}

}  // namespace psem::bench
