// conformance/edge_time.hpp - CLOCK_MONOTONIC nanoseconds as the timed checks use them:
// signed (a lateness can be negative), and convertible to the steady_clock deadlines the
// library takes and to the timespecs the kernel takes.
#pragma once

#include "measure/clock.hpp"

#include <chrono>
#include <cstdint>
#include <ctime>

namespace psem::bench::edge {

inline constexpr std::int64_t ms_ns = 1'000'000;

/// A CLOCK_MONOTONIC reading as a steady_clock time point. libstdc++'s steady_clock is
/// CLOCK_MONOTONIC; the library promises its steady_clock deadlines run on that clock,
/// and a check that built them otherwise could not test that promise.
using mono_point = std::chrono::time_point<std::chrono::steady_clock, std::chrono::nanoseconds>;

[[nodiscard]] inline std::int64_t mono_now() noexcept { return static_cast<std::int64_t>(now_ns()); }
[[nodiscard]] inline mono_point at(std::int64_t mono_ns) noexcept {
    return mono_point(std::chrono::nanoseconds(mono_ns));
}
/// For non-negative values (absolute CLOCK_MONOTONIC times and intervals).
[[nodiscard]] inline timespec to_timespec(std::int64_t ns) noexcept {
    return ns_to_timespec(static_cast<std::uint64_t>(ns));
}

}  // namespace psem::bench::edge
