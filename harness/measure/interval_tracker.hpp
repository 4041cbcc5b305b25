// measure/interval_tracker.hpp - a timed thread's latency split into fixed intervals, for
// HdrHistogram interval logs (`run --hlog`).
//
// The thread keeps recording into its one run histogram; the tracker only notices, after a
// recorded op, that an interval boundary has passed, and then takes the difference between
// the histogram now and at the last boundary (the counts of the interval just closed,
// sparse). Per op that is one comparison; once per interval a pass over the buckets and a
// copy, about 30-60 us, made after the op's latency was recorded, outside its timed span.
// Without intervals (length 0) the comparison is never true and nothing is allocated.
#pragma once

#include "measure/histogram.hpp"

#include <cstdint>
#include <utility>
#include <vector>

namespace psem::bench {

/// One interval's counts: interval k covers [start + k x length, start + (k+1) x length)
/// of the thread's measured phase; counts holds the non-zero buckets (index, count).
struct latency_interval {
    std::uint64_t index = 0;
    std::vector<std::pair<std::uint32_t, std::uint64_t>> counts;
};

class interval_tracker {
public:
    /// Before the timed loop: the phase's start and the interval length (0: no intervals).
    void start(std::uint64_t start_ns, std::uint64_t interval_ns);
    /// After each recorded op, with the time it ended.
    void after_record(const latency_histogram& total, std::uint64_t now_ns) {
        if (now_ns >= next_ns_) [[unlikely]]
            close(total, now_ns);
    }
    /// After the loop: closes the last, partial interval.
    void finish(const latency_histogram& total);

    [[nodiscard]] const std::vector<latency_interval>& intervals() const { return intervals_; }
    std::vector<latency_interval>& intervals() { return intervals_; }

private:
    void close(const latency_histogram& total, std::uint64_t now_ns);
    std::uint64_t start_ns_ = 0;
    std::uint64_t interval_ns_ = 0;
    std::uint64_t next_ns_ = UINT64_MAX;
    std::uint64_t current_ = 0;              // the open interval's index
    std::vector<std::uint64_t> previous_;    // the run histogram's counts at the last boundary
    std::vector<latency_interval> intervals_;
};

/// Adds `from` into `into`, interval by interval (both sorted by index; the result is).
void merge_intervals(std::vector<latency_interval>& into, const std::vector<latency_interval>& from);

/// An interval's counts as a histogram (for encoding); false when an index is out of range.
bool to_histogram(const latency_interval& in, latency_histogram& out);

}  // namespace psem::bench
