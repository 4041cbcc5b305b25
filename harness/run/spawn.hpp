// run/spawn.hpp - starting one worker process (Boost.Process v2, no shell).
#pragma once

#include <sys/types.h>

#include <span>
#include <string>
#include <system_error>
#include <vector>

namespace psem::bench {

struct spawned_worker {
    pid_t pid = -1;
    int result_fd = -1;  // read end of the worker's result pipe (non-blocking, CLOEXEC)
};

/// Starts `executable args...` with: stdin on /dev/null, stdout/stderr inherited, the
/// write end of a fresh pipe as fd 3, every other descriptor closed, signal dispositions
/// and mask reset, and PR_SET_PDEATHSIG=SIGKILL so the worker dies with psem-bench (a
/// `kill -9` of the parent leaves no worker running). Call it with SIGINT, SIGTERM and
/// SIGCHLD blocked (see signals.hpp) so no handler of ours runs in the child before exec.
/// `inherited` descriptors (close-on-exec in the parent) stay open in the child at the
/// same numbers.
[[nodiscard]] spawned_worker spawn_worker(const std::string& executable, const std::vector<std::string>& args,
                                          std::span<const int> inherited, std::error_code& ec);

/// Waits for `pid` to end (retrying on EINTR) and returns its wait status: the one place a
/// worker, started or failed, is reaped without WNOHANG.
int reap_blocking(pid_t pid) noexcept;

/// This program's own path (/proc/self/exe), for starting workers from the same binary.
[[nodiscard]] const std::string& self_executable();

}  // namespace psem::bench
