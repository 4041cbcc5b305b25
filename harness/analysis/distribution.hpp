// analysis/distribution.hpp - a benchmark's whole latency distribution: the histograms of
// its repetitions (in one report or several: hosts, rounds) decoded and merged exactly,
// and HdrHistogram's percentile iteration over the result.
#pragma once

#include "measure/histogram.hpp"
#include "model/records.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace psem::bench {

/// One line of HdrHistogram's percentile distribution: the highest value equivalent to
/// the one reached, the percentile level iterated to (0..100), and the count up to it.
struct distribution_step {
    std::uint64_t value_ns = 0;
    double percentile = 0;
    std::uint64_t total_count = 0;
};

struct distribution {
    std::string benchmark;                        // run_name
    int histograms = 0;                           // repetitions merged
    std::shared_ptr<const latency_histogram> merged;  // shared: a histogram is 270 KB
    std::vector<distribution_step> steps;
};

/// HdrHistogram's percentile iteration (PercentileIterator, as its
/// outputPercentileDistribution prints it): levels every 100/(2 x ticks) percent at first,
/// twice as fine each time the remaining tail halves, and a last step at 100%.
[[nodiscard]] std::vector<distribution_step> percentile_steps(const latency_histogram& h,
                                                              int ticks_per_half_distance = 5);

/// One distribution per benchmark that has histograms, in order of first appearance,
/// merging every good repetition's histogram (a failed one's is not counted). `only`
/// keeps one benchmark (empty: all). Throws std::invalid_argument naming the entry when a
/// histogram does not decode.
[[nodiscard]] std::vector<distribution> distributions(std::span<const run_record> records,
                                                      const std::string& only = {});

}  // namespace psem::bench
