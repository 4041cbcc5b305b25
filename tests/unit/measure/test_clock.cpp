// Tests of the clock and the calibrated busy loop. Timing assertions have wide margins:
// these machines are shared and noisy (docs/architecture.md, "Measuring rules").
#include "measure/busy_work.hpp"
#include "measure/clock.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace {

using namespace psem::bench;

TEST(Clock, IsMonotonicAndAdvances) {
    std::uint64_t prev = now_ns();
    for (int i = 0; i < 10000; ++i) {
        const std::uint64_t t = now_ns();
        ASSERT_GE(t, prev);
        prev = t;
    }
    const std::uint64_t before = now_ns();
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    EXPECT_GE(now_ns() - before, 2'000'000u);
}

TEST(Clock, AgreesWithSteadyClock) {
    // Both are CLOCK_MONOTONIC on Linux with libstdc++.
    const auto steady = std::chrono::duration_cast<std::chrono::nanoseconds>(
                            std::chrono::steady_clock::now().time_since_epoch())
                            .count();
    const auto ours = static_cast<long long>(now_ns());
    EXPECT_LT(std::abs(ours - steady), 50'000'000LL);
}

TEST(Clock, OverheadIsPositiveAndPlausible) {
    const double overhead = timer_overhead_ns();
    EXPECT_GT(overhead, 0.0);
    EXPECT_LT(overhead, 100'000.0);  // even a trapping clocksource stays far below this
}

TEST(BusyWork, CalibrationGivesAPositiveRate) {
    const double rate = calibrate_busy_work();
    EXPECT_GT(rate, 0.0);
    EXPECT_EQ(busy_iterations_per_ns(), rate);
    EXPECT_EQ(busy_iterations_for(0), 0u);
    EXPECT_GE(busy_iterations_for(1), 1u);
    EXPECT_GT(busy_iterations_for(1'000'000), busy_iterations_for(1'000));
}

TEST(BusyWork, SpinsForRoughlyTheAskedTime) {
    calibrate_busy_work();
    const std::uint64_t n = busy_iterations_for(2'000'000);  // 2 ms
    // Best of a few tries: preemption can only make a try longer.
    std::uint64_t best = UINT64_MAX;
    for (int i = 0; i < 5; ++i) {
        const std::uint64_t start = now_ns();
        spin_iterations(n);
        best = std::min(best, now_ns() - start);
    }
    // Wide: a calibration taken while the machine was busy makes the spin run short.
    EXPECT_GT(best, 250'000u);
    EXPECT_LT(best, 40'000'000u);
}

TEST(BusyWork, ZeroReturnsAtOnce) {
    const std::uint64_t start = now_ns();
    busy_for_ns(0);
    EXPECT_LT(now_ns() - start, 10'000'000u);
}

}  // namespace
