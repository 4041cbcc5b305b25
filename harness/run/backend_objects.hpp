// run/backend_objects.hpp - the kernel objects of the backends that are not named
// semaphores: a SysV set, eventfds, pipes, and the shared-memory semaphores (unnamed
// sem_t, futex words) that live in the control block. The parent makes them before the
// workers start and hands them down (the set's id and the descriptors' numbers in the
// worker request; the descriptors are inherited); the destructor removes the set and
// closes the descriptors on every path out of a run. A SysV set cannot be unlinked while
// it is in use, as a name can: it lives until the run ends (a SIGKILL of psem-bench itself
// between start and end would leave it; `ipcs -s` shows it, mode 0600, owned by the user).
#pragma once

#include "workloads/workload.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace psem::bench {

class backend_objects {
public:
    backend_objects() = default;
    ~backend_objects() { release(); }
    backend_objects(const backend_objects&) = delete;
    backend_objects& operator=(const backend_objects&) = delete;

    /// Makes what `backend` needs for `specs`, with their initial values; the message on
    /// failure. psem and raw need nothing here.
    [[nodiscard]] std::optional<std::string> create(const std::string& backend, std::span<const semaphore_spec> specs,
                                                    control_block& control);
    void release() noexcept;

    [[nodiscard]] int sysv_id() const noexcept { return sysv_id_; }
    [[nodiscard]] const std::vector<int>& fds() const noexcept { return fds_; }

private:
    int sysv_id_ = -1;
    std::vector<int> fds_;
};

}  // namespace psem::bench
