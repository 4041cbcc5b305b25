// run/shared_control.hpp - the run's control_block in POSIX shared memory.
#pragma once

#include "workloads/workload.hpp"

#include <cstddef>
#include <string>
#include <system_error>

namespace psem::bench {

/// A mapping of a control_block (plus its post-time array). The creator makes the object
/// with O_EXCL and mode 0600 exactly and unlinks it once every worker has mapped it.
class shared_control {
public:
    shared_control() = default;
    ~shared_control();
    shared_control(shared_control&& o) noexcept;
    shared_control& operator=(shared_control&& o) noexcept;
    shared_control(const shared_control&) = delete;
    shared_control& operator=(const shared_control&) = delete;

    static shared_control create(const std::string& name, std::uint64_t stamp_slots, std::error_code& ec);
    static shared_control open(const std::string& name, std::error_code& ec);

    /// Removes the name (idempotent); the mappings stay valid.
    void unlink() noexcept;
    [[nodiscard]] control_block* get() const noexcept { return block_; }

private:
    control_block* block_ = nullptr;
    std::size_t size_ = 0;
    std::string name_;  // non-empty while we own a name not yet unlinked
};

}  // namespace psem::bench
