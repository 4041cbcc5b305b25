#include "orchestrate/spawn.hpp"

#include "orchestrate/protocol.hpp"

// GCC 12's flow analysis reports "potential null pointer dereference" inside Boost.Asio's
// scheduler at -O2 (a false positive in code we do not own): keep -Werror usable.
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <boost/asio/io_context.hpp>
#include <boost/process/v2.hpp>

#include <fcntl.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>

namespace bp = boost::process::v2;

namespace psem::bench {
namespace {

// A Boost.Process v2 initializer: on_setup runs in the parent before fork, on_exec_setup
// in the child between fork and exec (only async-signal-safe calls there).
struct worker_init {
    int pipe_write = -1;
    pid_t parent = -1;

    template <class Launcher>
    bp::error_code on_setup(Launcher& launcher, const bp::filesystem::path&, const char* const*&) {
        launcher.fd_whitelist.push_back(result_fd);  // survive the launcher's close-all
        return {};
    }

    template <class Launcher>
    bp::error_code on_exec_setup(Launcher&, const bp::filesystem::path&, const char* const*&) {
        if (::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || ::getppid() != parent)
            ::_exit(127);  // the parent is already gone: nobody will read our results
        if (pipe_write == result_fd) {
            if (::fcntl(result_fd, F_SETFD, 0) != 0) return {errno, bp::system_category()};
        } else if (::dup2(pipe_write, result_fd) < 0) {
            return {errno, bp::system_category()};
        }
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
};

}  // namespace

const std::string& self_executable() {
    static const std::string path = [] {
        std::error_code ec;
        auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
        return ec ? std::string("/proc/self/exe") : p.string();
    }();
    return path;
}

spawned_worker spawn_worker(const std::string& executable, const std::vector<std::string>& args,
                            std::error_code& ec) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        ec.assign(errno, std::system_category());
        return {};
    }
    // One io_context per process is enough: Boost.Process only needs it for notify_fork.
    static boost::asio::io_context ctx;
    bp::error_code bec;
    bp::process proc = bp::posix::default_launcher{}(ctx.get_executor(), bec, executable, args,
                                              worker_init{fds[1], ::getpid()});
    ::close(fds[1]);
    if (bec) {
        ::close(fds[0]);
        ec.assign(bec.value(), std::system_category());
        return {};
    }
    spawned_worker w{proc.id(), fds[0]};
    // We reap with wait4 ourselves (for the exit status and rusage): detach, so Boost's
    // destructor neither waits nor kills.
    proc.detach();
    ::fcntl(w.result_fd, F_SETFL, ::fcntl(w.result_fd, F_GETFL) | O_NONBLOCK);
    ec.clear();
    return w;
}

}  // namespace psem::bench
