// measure/clock.hpp - the one clock the harness times with.
//
// CLOCK_MONOTONIC never jumps with wall-clock changes and, on Linux, is read through the
// vDSO without a system call. It is shared by every process on the host, so timestamps
// taken in different workers can be compared (start barrier, per-op hand-off latency).
#pragma once

#include <cstdint>
#include <ctime>

namespace psem::bench {

/// Nanoseconds on CLOCK_MONOTONIC. Cheap (~20-30 ns) but not free: time loops in batches.
inline std::uint64_t now_ns() noexcept {
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);  // cannot fail for this clock id
    return static_cast<std::uint64_t>(ts.tv_sec) * 1'000'000'000u + static_cast<std::uint64_t>(ts.tv_nsec);
}

/// The median cost of one now_ns() call, measured now (takes about a millisecond).
/// Reports quote it so a reader knows what a per-op timestamp adds.
double timer_overhead_ns() noexcept;

}  // namespace psem::bench
