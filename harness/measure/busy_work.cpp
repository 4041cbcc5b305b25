// measure/busy_work.cpp - calibrating the spin loop of busy_work.hpp.
#include "measure/busy_work.hpp"

#include "measure/clock.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>

namespace psem::bench {
namespace {

// 0 = not calibrated yet. Relaxed is enough: any calibrated value is a valid answer, and
// two threads calibrating at once only measure twice.
std::atomic<double> g_iterations_per_ns{0.0};

// One timed spin of n iterations, in iterations per ns.
double spin_rate(std::uint64_t n) noexcept {
    const std::uint64_t start = now_ns();
    spin_iterations(n);
    const std::uint64_t elapsed = std::max<std::uint64_t>(now_ns() - start, 1);
    return static_cast<double>(n) / static_cast<double>(elapsed);
}

}  // namespace

double calibrate_busy_work() noexcept {
    // Grow the batch until one spin lasts ~200 us: long against the clock's cost and
    // resolution, short enough that a whole calibration stays in the milliseconds.
    std::uint64_t n = 1u << 12;
    while (n < (std::uint64_t{1} << 34)) {
        const std::uint64_t start = now_ns();
        spin_iterations(n);
        if (now_ns() - start >= 200'000) break;
        n *= 2;
    }
    // Median of several batches: a preempted batch looks slow, a frequency boost fast.
    std::array<double, 9> rates{};
    for (double& r : rates) r = spin_rate(n);
    std::nth_element(rates.begin(), rates.begin() + rates.size() / 2, rates.end());
    const double rate = rates[rates.size() / 2];
    g_iterations_per_ns.store(rate, std::memory_order_relaxed);
    return rate;
}

double busy_iterations_per_ns() noexcept {
    const double rate = g_iterations_per_ns.load(std::memory_order_relaxed);
    return rate > 0 ? rate : calibrate_busy_work();
}

std::uint64_t busy_iterations_for(std::uint64_t ns) noexcept {
    const double n = std::round(static_cast<double>(ns) * busy_iterations_per_ns());
    return n < 1 ? (ns == 0 ? 0 : 1) : static_cast<std::uint64_t>(n);
}

}  // namespace psem::bench
