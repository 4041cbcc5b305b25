// measure/histogram.hpp - the latency histogram: HdrHistogram's own layout.
//
// Lowest discernible value 1 ns, 3 significant decimal digits, highest trackable at least
// one hour: values below 2048 are exact, and above, each power of two is split into 1024
// equal buckets, so a value is known to within 1/1024. The layout (and so the index of
// every count) is HdrHistogram's, so measure/hdr_codec can write it in HdrHistogram's V2
// encoding for its decoders, and histograms from different workers, runs and hosts merge
// exactly by adding counts. Fixed size, no allocation: record() is safe inside a timed
// loop (one count-leading-zeros, two shifts).
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <span>

namespace psem::bench {

class latency_histogram {
public:
    // HdrHistogram's parameters for (lowest 1, highest >= 1 hour in ns, 3 digits).
    static constexpr int significant_digits = 3;
    static constexpr std::uint64_t lowest_discernible = 1;
    static constexpr std::uint64_t highest_trackable = 3'600'000'000'000;   // one hour in ns
    static constexpr int sub_half_magnitude = 10;                          // 2^11 >= 2 * 10^3
    static constexpr std::uint64_t sub_count = std::uint64_t{1} << sub_half_magnitude;  // buckets per power of two
    static constexpr std::uint64_t sub_bucket_mask = 2 * sub_count - 1;   // values below 2048 are exact
    static constexpr int magnitudes = 32;                                  // HdrHistogram's bucketCount
    static constexpr int max_magnitude = sub_half_magnitude + magnitudes - 1;  // values < 2^42 are tracked
    static constexpr std::size_t bucket_count = (magnitudes + 1) * sub_count;  // counts, as HdrHistogram's

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
    /// Mean and standard deviation over the buckets' midpoints (HdrHistogram's "median
    /// equivalent value"), as HdrHistogram computes its own.
    [[nodiscard]] double mean() const noexcept;
    [[nodiscard]] double stddev() const noexcept;
    [[nodiscard]] std::span<const std::uint64_t> counts() const noexcept { return counts_; }

    /// Bucket arithmetic (HdrHistogram's countsArrayIndex, valueFromIndex and
    /// highestEquivalentValue), public for tests and the codec. Values past the highest
    /// trackable one count in the last bucket; the recorded max keeps their size.
    static constexpr std::size_t index_of(std::uint64_t v) noexcept {
        if (v >> (max_magnitude + 1) != 0) return bucket_count - 1;
        const int magnitude = 64 - sub_half_magnitude - 1 - std::countl_zero(v | sub_bucket_mask);
        const std::uint64_t sub = v >> magnitude;  // sub_count .. 2*sub_count-1 (0.. for magnitude 0)
        return static_cast<std::size_t>((static_cast<std::uint64_t>(magnitude + 1) << sub_half_magnitude) + sub -
                                        sub_count);
    }
    /// Smallest value that maps to bucket i.
    static constexpr std::uint64_t lower_bound(std::size_t i) noexcept {
        int magnitude = static_cast<int>(i >> sub_half_magnitude) - 1;
        std::uint64_t sub = (i & (sub_count - 1)) + sub_count;
        if (magnitude < 0) {
            sub -= sub_count;
            magnitude = 0;
        }
        return sub << magnitude;
    }
    /// Largest value that maps to bucket i.
    static constexpr std::uint64_t upper_bound(std::size_t i) noexcept {
        const int magnitude = i < 2 * sub_count ? 0 : static_cast<int>(i >> sub_half_magnitude) - 1;
        return lower_bound(i) + (std::uint64_t{1} << magnitude) - 1;
    }

private:
    std::array<std::uint64_t, bucket_count> counts_{};
    std::uint64_t total_ = 0;
    std::uint64_t max_ = 0;
    std::uint64_t min_ = UINT64_MAX;
};

}  // namespace psem::bench
