// measure/histogram.hpp - a log-linear latency histogram (HdrHistogram-like).
//
// Values (nanoseconds) below 2^sub_bits are exact; above, each power of two is split into
// 2^sub_bits equal buckets, so a recorded value is known to within 1/2^sub_bits (~3%).
// Fixed size, no allocation: record() is safe inside a timed loop. Histograms from
// different workers merge by adding bucket counts.
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <span>

namespace psem::bench {

class latency_histogram {
public:
    static constexpr int sub_bits = 5;
    static constexpr std::uint64_t sub_count = 1u << sub_bits;  // buckets per power of two
    static constexpr int max_magnitude = 44;                      // up to ~4.9 hours in ns
    static constexpr std::size_t bucket_count = (max_magnitude - sub_bits + 2) * sub_count;

    void record(std::uint64_t ns) noexcept {
        ++counts_[index_of(ns)];
        ++total_;
        if (ns > max_) max_ = ns;
        if (ns < min_) min_ = ns;
    }

    void merge(const latency_histogram& other) noexcept;
    /// Adds raw bucket counts (as sent by a worker); false if the size is wrong.
    bool merge_counts(std::span<const std::uint64_t> counts, std::uint64_t min_ns, std::uint64_t max_ns) noexcept;
    void reset() noexcept { *this = latency_histogram{}; }

    [[nodiscard]] std::uint64_t count() const noexcept { return total_; }
    [[nodiscard]] std::uint64_t max() const noexcept { return max_; }
    [[nodiscard]] std::uint64_t min() const noexcept { return total_ ? min_ : 0; }
    /// The value at percentile p (0..100): the upper edge of the bucket holding that rank,
    /// clamped to the recorded max. 0 when empty.
    [[nodiscard]] double percentile(double p) const noexcept;
    [[nodiscard]] double mean() const noexcept;
    [[nodiscard]] std::span<const std::uint64_t> counts() const noexcept { return counts_; }

    /// Bucket arithmetic, public for tests and for the report's CDF.
    static constexpr std::size_t index_of(std::uint64_t v) noexcept {
        if (v < sub_count) return static_cast<std::size_t>(v);
        const int magnitude = static_cast<int>(std::bit_width(v)) - 1;  // >= sub_bits
        if (magnitude > max_magnitude) return bucket_count - 1;
        const int shift = magnitude - sub_bits;
        const std::uint64_t sub = (v >> shift) - sub_count;  // 0 .. sub_count-1
        return static_cast<std::size_t>(static_cast<std::uint64_t>(shift + 1) * sub_count + sub);
    }
    /// Smallest value that maps to bucket i.
    static constexpr std::uint64_t lower_bound(std::size_t i) noexcept {
        if (i < sub_count) return i;
        const std::uint64_t shift = i / sub_count - 1;
        const std::uint64_t sub = i % sub_count;
        return (sub_count + sub) << shift;
    }
    /// Largest value that maps to bucket i.
    static constexpr std::uint64_t upper_bound(std::size_t i) noexcept {
        if (i < sub_count) return i;
        const std::uint64_t shift = i / sub_count - 1;
        return lower_bound(i) + (std::uint64_t{1} << shift) - 1;
    }

private:
    std::array<std::uint64_t, bucket_count> counts_{};
    std::uint64_t total_ = 0;
    std::uint64_t max_ = 0;
    std::uint64_t min_ = UINT64_MAX;
};

}  // namespace psem::bench
