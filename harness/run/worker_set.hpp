// run/worker_set.hpp - the worker processes of one run: start, watch, stop, reap.
//
// Exit statuses are decoded in one place (describe_status). Stopping escalates: SIGTERM,
// then SIGKILL once the grace period is over; every started process is reaped before the
// set is destroyed, on every path.
#pragma once

#include "run/protocol.hpp"
#include "run/runner.hpp"

#include <sys/resource.h>
#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace psem::bench {

/// "exited with code 3", "killed by signal 6 (Aborted)".
[[nodiscard]] std::string describe_status(int wait_status);

class worker_set {
public:
    explicit worker_set(double grace_s) : grace_s_(grace_s) {}
    ~worker_set();
    worker_set(const worker_set&) = delete;
    worker_set& operator=(const worker_set&) = delete;

    /// Starts one worker process; an error message if it could not be started.
    [[nodiscard]] std::optional<std::string> start(const worker_request& req, const std::string& role);

    /// Reaps workers that have exited, without blocking. Before the start signal any exit
    /// is a failure: returns its description.
    [[nodiscard]] std::optional<std::string> reap_some();

    /// SIGTERM to every live worker, SIGKILL after the grace period, reap all.
    void stop_all() noexcept;

    struct outcome {
        run_status status = run_status::ok;
        int signal = 0;
        std::string message;
        std::vector<worker_result> results;  // every thread of every worker, in order
    };
    /// Reads results and reaps until every worker is done, the deadline passes, a worker
    /// fails, or SIGINT/SIGTERM arrives (then the others are stopped).
    [[nodiscard]] outcome collect(std::uint64_t deadline_ns);

private:
    struct child {
        pid_t pid = -1;
        int fd = -1;
        int index = 0;
        std::string role;
        std::string data;
        bool eof = false;
        bool reaped = false;
        int status = 0;
    };
    void read_available(child& c);
    child* find(pid_t pid);
    std::string name_of(const child& c) const;
    /// "2 of 8 workers still running: worker 3 (consumer, pid 123, stopped by a signal), ..."
    std::string describe_running() const;
    /// One non-blocking reap pass; the first abnormal exit's description, if any.
    std::optional<std::string> reap_pass(bool any_exit_is_failure);

    std::vector<child> children_;
    double grace_s_;
};

}  // namespace psem::bench
