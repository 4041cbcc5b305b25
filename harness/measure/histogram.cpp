// measure/histogram.cpp - the parts of latency_histogram that are not on the hot path.
#include "measure/histogram.hpp"

#include <algorithm>
#include <cmath>

namespace psem::bench {

void latency_histogram::merge(const latency_histogram& other) noexcept {
    for (std::size_t i = 0; i < bucket_count; ++i) counts_[i] += other.counts_[i];
    total_ += other.total_;
    // Empty histograms keep min_ at UINT64_MAX and max_ at 0, so these are no-ops for them.
    max_ = std::max(max_, other.max_);
    min_ = std::min(min_, other.min_);
}

bool latency_histogram::merge_counts(std::span<const std::uint64_t> counts, std::uint64_t min_ns,
                                     std::uint64_t max_ns) noexcept {
    if (counts.size() != bucket_count) return false;
    std::uint64_t added = 0;
    for (std::size_t i = 0; i < bucket_count; ++i) {
        counts_[i] += counts[i];
        added += counts[i];
    }
    // A worker that recorded nothing sends min/max of an empty histogram (0 and 0, or
    // UINT64_MAX): they must not move ours.
    if (added == 0) return true;
    total_ += added;
    max_ = std::max(max_, max_ns);
    min_ = std::min(min_, min_ns);
    return true;
}

double latency_histogram::percentile(double p) const noexcept {
    if (total_ == 0) return 0;
    if (!(p > 0)) p = 0;  // also maps NaN to 0
    if (p > 100) p = 100;
    // Rank of the wanted value, 1-based: the smallest value with at least p% of the
    // samples at or below it (nearest-rank definition).
    auto rank = static_cast<std::uint64_t>(std::ceil(p / 100.0 * static_cast<double>(total_)));
    rank = std::clamp<std::uint64_t>(rank, 1, total_);
    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < bucket_count; ++i) {
        seen += counts_[i];
        if (seen < rank) continue;
        // The last bucket is open-ended (it also holds values past max_magnitude): its
        // upper edge means nothing there, the recorded max does.
        if (i == bucket_count - 1) return static_cast<double>(max_);
        return static_cast<double>(std::min(upper_bound(i), max_));
    }
    return static_cast<double>(max_);  // unreachable while counts and total agree
}

namespace {
// Midpoint of bucket i: exact for the first sub_count buckets (width 1).
double bucket_mid(std::size_t i) noexcept {
    return (static_cast<double>(latency_histogram::lower_bound(i)) +
            static_cast<double>(latency_histogram::upper_bound(i))) / 2.0;
}
}  // namespace

double latency_histogram::mean() const noexcept {
    if (total_ == 0) return 0;
    double sum = 0;
    for (std::size_t i = 0; i < bucket_count; ++i)
        if (counts_[i] != 0) sum += bucket_mid(i) * static_cast<double>(counts_[i]);
    // The overflow bucket's midpoint can lie outside what was recorded; stay within it.
    return std::clamp(sum / static_cast<double>(total_), static_cast<double>(min()),
                      static_cast<double>(max_));
}

double latency_histogram::stddev() const noexcept {
    if (total_ == 0) return 0;
    const double m = mean();
    double sum = 0;
    for (std::size_t i = 0; i < bucket_count; ++i)
        if (counts_[i] != 0) sum += (bucket_mid(i) - m) * (bucket_mid(i) - m) * static_cast<double>(counts_[i]);
    return std::sqrt(sum / static_cast<double>(total_));
}

}  // namespace psem::bench
