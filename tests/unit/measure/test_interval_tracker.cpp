// The interval tracker: a run's histogram split at boundaries without a second recording,
// intervals merged across threads, and the interval log's lines (read back by
// hdr-histogram-js's log reader in the hdr_reference test).
#include "measure/hdr_codec.hpp"
#include "measure/hdr_log.hpp"
#include "measure/interval_tracker.hpp"

#include <gtest/gtest.h>

#include <memory>

namespace psem::bench {
namespace {

std::uint64_t count_of(const latency_interval& iv) {
    std::uint64_t n = 0;
    for (const auto& [bucket, c] : iv.counts) n += c;
    return n;
}

TEST(IntervalTracker, SplitsTheRunHistogramAtEachBoundary) {
    auto total = std::make_unique<latency_histogram>();
    interval_tracker t;
    t.start(1000, 100);  // intervals of 100 ns from t = 1000
    const auto op = [&](std::uint64_t value, std::uint64_t at) {
        total->record(value);
        t.after_record(*total, at);
    };
    op(5, 1010);
    op(6, 1050);
    op(7, 1100);  // ends on the boundary: closes interval 0 (the op counts in it)
    op(8, 1120);
    op(9, 1450);  // past three boundaries: closes interval 1; 2 and 3 saw nothing
    op(10, 1460);
    t.finish(*total);
    const auto& iv = t.intervals();
    ASSERT_EQ(iv.size(), 3u);
    EXPECT_EQ(iv[0].index, 0u);
    EXPECT_EQ(count_of(iv[0]), 3u);
    EXPECT_EQ(iv[1].index, 1u);
    EXPECT_EQ(count_of(iv[1]), 2u);
    EXPECT_EQ(iv[2].index, 4u);
    EXPECT_EQ(count_of(iv[2]), 1u);
    EXPECT_EQ(iv[2].counts.front().first, latency_histogram::index_of(10));
}

TEST(IntervalTracker, WithoutAnIntervalNothingIsKept) {
    auto total = std::make_unique<latency_histogram>();
    interval_tracker t;
    t.start(0, 0);
    for (std::uint64_t i = 0; i < 1000; ++i) {
        total->record(i);
        t.after_record(*total, i * 1'000'000'000);
    }
    t.finish(*total);
    EXPECT_TRUE(t.intervals().empty());
}

TEST(IntervalTracker, MergeAddsByIntervalAndBucket) {
    std::vector<latency_interval> a = {{0, {{1, 2}}}, {2, {{3, 1}}}};
    const std::vector<latency_interval> b = {{0, {{1, 1}, {4, 1}}}, {1, {}}};
    merge_intervals(a, b);
    ASSERT_EQ(a.size(), 3u);
    EXPECT_EQ(a[0].counts, (std::vector<std::pair<std::uint32_t, std::uint64_t>>{{1, 3}, {4, 1}}));
    EXPECT_EQ(a[1].index, 1u);
    EXPECT_TRUE(a[1].counts.empty());
    EXPECT_EQ(a[2].index, 2u);

    auto h = std::make_unique<latency_histogram>();
    ASSERT_TRUE(to_histogram(a[0], *h));
    EXPECT_EQ(h->count(), 4u);
    EXPECT_EQ(h->max(), 4u);
    EXPECT_FALSE(to_histogram({0, {{latency_histogram::bucket_count, 1}}}, *h));
}

TEST(HdrLog, HeaderAndLineFollowFormat13) {
    const std::string header = hdr_log_header(1764730912.5);
    EXPECT_EQ(header,
              "#[Histogram log format version 1.3]\n"
              "#[StartTime: 1764730912.500 (seconds since epoch), 2025-12-03T03:01:52Z]\n"
              "#[BaseTime: 1764730912.500 (seconds since epoch)]\n"
              "\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\",\"Interval_Compressed_Histogram\"\n");
    auto h = std::make_unique<latency_histogram>();
    h->record(1500000);
    const std::string line = hdr_log_line("x/rep:0", 0.25, 0.5, *h);
    const std::string prefix = "Tag=x/rep:0,0.250,0.500,1.500,";
    ASSERT_EQ(line.substr(0, prefix.size()), prefix);
    const auto back = decode_histogram(line.substr(prefix.size(), line.size() - prefix.size() - 1));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->count(), 1u);
    EXPECT_EQ(hdr_log_line("", 1, 1, *h).substr(0, 12), "1.000,1.000,");
}

}  // namespace
}  // namespace psem::bench
