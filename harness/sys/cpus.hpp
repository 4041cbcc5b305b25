// sys/cpus.hpp - the CPUs this process may run on, and pinning a thread to one. In sys/
// because run/ places workers on them and context/ measures between two of them.
#pragma once

#include <vector>

namespace psem::bench {

/// The CPUs in this process's affinity mask, ascending; empty when the kernel does not say.
[[nodiscard]] std::vector<int> usable_cpus();

/// Pins the calling thread to `cpu`; false when the kernel refuses.
[[nodiscard]] bool pin_this_thread(int cpu) noexcept;

}  // namespace psem::bench
