#include "run/spawn.hpp"

#include "run/protocol.hpp"

#include "run/launcher.hpp"

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <filesystem>

namespace psem::bench {
namespace {

// A Boost.Process v2 initializer: on_setup runs in the parent before vfork, on_exec_setup
// in the child between vfork and exec. The child shares the parent's memory until it
// execs: only system calls there, nothing that allocates or touches parent state.
struct worker_init {
    int pipe_write = -1;
    pid_t parent = -1;
    std::span<const int> inherited;  // the backend's descriptors, at their own numbers

    template <class Launcher>
    bp::error_code on_setup(Launcher& launcher, const bp::filesystem::path&, const char* const*&) {
        launcher.fd_whitelist.push_back(result_fd);  // survive the launcher's close-all
        for (const int fd : inherited) launcher.fd_whitelist.push_back(fd);
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
        for (const int fd : inherited)
            if (::fcntl(fd, F_SETFD, 0) != 0) return {errno, bp::system_category()};
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

    // Boost ends a child whose exec failed with exit(), which would run the parent's atexit
    // handlers and flush its stdio buffers in the shared memory. The launcher has already
    // recorded errno for the parent by now. (Variadic: Boost 1.81 detects this hook with a
    // different argument list from the one it calls it with.)
    template <class... Args>
    void on_exec_error(Args&&...) {
        ::_exit(127);
    }
};

}  // namespace

int reap_blocking(pid_t pid) noexcept {
    int st = 0;
    while (::waitpid(pid, &st, 0) < 0 && errno == EINTR) {
    }
    return st;
}

const std::string& self_executable() {
    static const std::string path = [] {
        std::error_code ec;
        auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
        return ec ? std::string("/proc/self/exe") : p.string();
    }();
    return path;
}

spawned_worker spawn_worker(const std::string& executable, const std::vector<std::string>& args,
                            std::span<const int> inherited, std::error_code& ec) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        ec.assign(errno, std::system_category());
        return {};
    }
    // Boost needs four more descriptors once the child has started (the reactor's epoll,
    // eventfd and timerfd, and a pidfd) and throws without them; under UBSan the throw
    // itself misfires with no descriptor free. Make sure they are there first, so a low
    // RLIMIT_NOFILE is a plain error before any child exists.
    int spare[4] = {-1, -1, -1, -1};
    int spare_errno = 0;
    for (int& fd : spare)
        if ((fd = ::fcntl(fds[0], F_DUPFD_CLOEXEC, 0)) < 0) {
            spare_errno = errno;
            break;
        }
    for (const int fd : spare)
        if (fd >= 0) ::close(fd);
    if (spare_errno != 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        ec.assign(spare_errno, std::system_category());
        return {};
    }
    // launcher_type (run/launcher.hpp) is the vfork launcher. It calls notify_fork on the
    // io_context from the child; a fresh one per worker has no reactor yet, so the child
    // changes nothing the parent goes on to use.
    boost::asio::io_context ctx;
    bp::error_code bec;
    launcher_type launcher;
    pid_t pid = -1;
    try {
        bp::process proc = launcher(ctx.get_executor(), bec, executable, args, worker_init{fds[1], ::getpid(), inherited});
        if (!bec) {
            // worker_set reaps its workers itself (for the exit status): detach, so Boost's
            // destructor neither waits nor kills.
            pid = proc.id();
            proc.detach();
        }
    } catch (const boost::system::system_error& e) {
        // Boost opens a pidfd and an epoll reactor for a child that has already started, and
        // throws when no descriptor is left for them (a low RLIMIT_NOFILE): end that child.
        if (launcher.pid > 0) ::kill(launcher.pid, SIGKILL);
        // Free two descriptors before touching the exception: UBSan's type check needs a
        // pipe, and without one it reports a bad vptr where there is none.
        ::close(fds[0]);
        ::close(fds[1]);
        fds[0] = fds[1] = -1;
        bec = e.code();
    }
    if (fds[1] >= 0) ::close(fds[1]);
    if (bec) {
        // A child whose exec failed has exited, and one we could not track was killed above,
        // but Boost leaves either unreaped: reap it here so no zombie outlives the error.
        if (launcher.pid > 0) (void)reap_blocking(launcher.pid);
        if (fds[0] >= 0) ::close(fds[0]);
        ec.assign(bec.value(), std::system_category());
        return {};
    }
    spawned_worker w{pid, fds[0]};
    ::fcntl(w.result_fd, F_SETFL, ::fcntl(w.result_fd, F_GETFL) | O_NONBLOCK);
    ec.clear();
    return w;
}

}  // namespace psem::bench
