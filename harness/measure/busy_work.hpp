// measure/busy_work.hpp - calibrated busy work for critical sections.
//
// A scenario's `critical_section_ns` holds the semaphore for a given time. Reading the
// clock in that loop would cost as much as the work itself (and disturb what we measure),
// so the spin is a counted loop whose rate (iterations per ns) is measured once, before
// any timed loop; workers forked after calibration inherit the figure.
#pragma once

#include <cstdint>

namespace psem::bench {

/// Runs n iterations of a loop the compiler must keep (the asm barrier hides the counter
/// from the optimiser). No clock read, no memory traffic, no allocation.
inline void spin_iterations(std::uint64_t n) noexcept {
    for (std::uint64_t i = 0; i < n; ++i) asm volatile("" : "+r"(i));
}

/// Measures the spin rate now (a few milliseconds), stores it for busy_for_ns, returns
/// it in iterations per nanosecond. Call before forking workers and before timing.
double calibrate_busy_work() noexcept;

/// The stored spin rate; calibrates on first use if nobody did.
double busy_iterations_per_ns() noexcept;

/// Iterations that take about `ns`; compute once outside a timed loop, then spin.
std::uint64_t busy_iterations_for(std::uint64_t ns) noexcept;

/// Busy for about `ns` nanoseconds (0 = return at once).
inline void busy_for_ns(std::uint64_t ns) noexcept {
    if (ns != 0) spin_iterations(busy_iterations_for(ns));
}

}  // namespace psem::bench
