// run/child.hpp - one command run to its end as a child process, no shell: what the
// regression gate starts for each of its `psem-bench run`s.
#pragma once

#include <string>
#include <system_error>
#include <vector>

namespace psem::bench {

struct child_outcome {
    int wait_status = 0;  // as waitpid gives it (describe_status in worker_set.hpp decodes it)
    int stop_signal = 0;  // SIGINT or SIGTERM that reached this process while the child ran
};

/// Runs `executable args...` and waits for it. The child gets stdin on /dev/null, stdout
/// onto this process's stderr (the caller's stdout carries only the caller's own output),
/// stderr inherited, every other descriptor closed, signal dispositions and mask reset,
/// and PR_SET_PDEATHSIG=SIGKILL (a `kill -9` of this process takes the child with it).
/// A SIGINT or SIGTERM to this process (signal_watch) is passed on to the child, which
/// then has `grace_s` to end before SIGKILL. The child is reaped on every path. `ec` is
/// set, and nothing runs, when it cannot be started (no such program, no descriptor or
/// process left).
[[nodiscard]] child_outcome run_child(const std::string& executable, const std::vector<std::string>& args,
                                      double grace_s, std::error_code& ec);

/// `name` as a program to start: a name with a '/' as it is, else the first file of that
/// name on PATH; empty when that is not an executable file.
[[nodiscard]] std::string find_program(const std::string& name);

}  // namespace psem::bench
