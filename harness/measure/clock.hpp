// measure/clock.hpp - the one clock the harness times with.
//
// CLOCK_MONOTONIC never jumps with wall-clock changes and, on Linux, is read through the
// vDSO without a system call. It is shared by every process on the host, so timestamps
// taken in different workers can be compared (start barrier, per-op hand-off latency).
#pragma once

#include <cerrno>
#include <cstdint>
#include <ctime>

namespace psem::bench {

/// Nanoseconds on CLOCK_MONOTONIC. Cheap (~20-30 ns) but not free: time loops in batches.
inline std::uint64_t now_ns() noexcept {
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);  // cannot fail for this clock id
    return static_cast<std::uint64_t>(ts.tv_sec) * 1'000'000'000u + static_cast<std::uint64_t>(ts.tv_nsec);
}

/// A CLOCK_MONOTONIC time (or an interval) in ns as the kernel's timespec.
[[nodiscard]] inline timespec ns_to_timespec(std::uint64_t ns) noexcept {
    return timespec{static_cast<std::time_t>(ns / 1'000'000'000u), static_cast<long>(ns % 1'000'000'000u)};
}

/// Sleeps until now_ns() reaches `deadline_ns`; returns at once when it has passed. A
/// signal restarts the sleep (a stop request kills a worker anyway). Absolute, so a
/// schedule of deadlines does not drift by each sleep's overshoot.
inline void sleep_until_ns(std::uint64_t deadline_ns) noexcept {
    const timespec ts = ns_to_timespec(deadline_ns);
    while (::clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, nullptr) == EINTR) {
    }
}

/// The median cost of one now_ns() call, measured now (takes about a millisecond).
/// Reports quote it so a reader knows what a per-op timestamp adds.
double timer_overhead_ns() noexcept;

}  // namespace psem::bench
