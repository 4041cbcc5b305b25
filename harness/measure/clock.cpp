// measure/clock.cpp - measuring what a clock read costs.
#include "measure/clock.hpp"

#include <algorithm>
#include <array>

namespace psem::bench {

double timer_overhead_ns() noexcept {
    // One read is too short to time on its own, so time batches of back-to-back reads
    // and take the median batch: robust against a batch hit by an interrupt or preemption.
    constexpr int rounds = 31;
    constexpr int reads_per_round = 256;
    std::array<double, rounds> per_read{};
    for (double& slot : per_read) {
        volatile std::uint64_t sink = 0;  // keeps the reads in the loop observable
        const std::uint64_t start = now_ns();
        for (int i = 0; i < reads_per_round; ++i) sink = now_ns();
        const std::uint64_t end = now_ns();
        (void)sink;
        slot = static_cast<double>(end - start) / reads_per_round;
    }
    std::nth_element(per_read.begin(), per_read.begin() + rounds / 2, per_read.end());
    return per_read[rounds / 2];
}

}  // namespace psem::bench
