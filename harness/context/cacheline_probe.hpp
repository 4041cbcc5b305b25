// context/cacheline_probe.hpp - the hardware limit of a hand-off on this host: one cache
// line passed from one CPU to another and back. A semaphore hand-off between two
// processes cannot be faster than this; pingpong's round trips are given as multiples of
// it (the "x limit" column, counter cacheline_multiple).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace psem::bench {

struct cacheline_round_trip {
    double median_ns = 0;             // per round trip, median over the runs
    std::vector<double> runs_ns;      // each run's mean round trip
    int cpu_a = -1, cpu_b = -1;
    std::uint64_t round_trips = 0;    // per run
};

/// Two threads pinned to the first two usable CPUs (the CPUs `affinity: spread` gives a
/// pingpong pair) hand one cache line back and forth, `round_trips` times per run; the
/// result is the median of `runs` runs. None with fewer than two usable CPUs, when a
/// thread cannot be pinned, or when a run does not finish within a second (the other
/// thread was not scheduled: the host cannot give two CPUs at once).
[[nodiscard]] std::optional<cacheline_round_trip> measure_cacheline_round_trip(int runs = 21,
                                                                               std::uint64_t round_trips = 2000);

}  // namespace psem::bench
