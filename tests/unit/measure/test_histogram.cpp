// Tests of latency_histogram: bucket arithmetic, percentiles against exact order
// statistics, merging.
#include "measure/histogram.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace {

using psem::bench::latency_histogram;

// Values to probe the bucket arithmetic with: every small value, every power of two and
// its neighbours, and a spread of random magnitudes.
std::vector<std::uint64_t> probe_values() {
    std::vector<std::uint64_t> v;
    for (std::uint64_t i = 0; i < 4096; ++i) v.push_back(i);
    for (int b = 0; b <= latency_histogram::max_magnitude; ++b) {
        const std::uint64_t p = std::uint64_t{1} << b;
        v.insert(v.end(), {p - 1, p, p + 1, p + p / 3});
    }
    std::mt19937_64 rng{42};
    for (int i = 0; i < 20000; ++i) {
        const int bits = static_cast<int>(rng() % static_cast<std::uint64_t>(latency_histogram::max_magnitude + 1));
        v.push_back(rng() >> (63 - bits));
    }
    return v;
}

TEST(Histogram, IndexAndBoundsRoundTrip) {
    for (const std::uint64_t v : probe_values()) {
        const std::size_t i = latency_histogram::index_of(v);
        ASSERT_LT(i, latency_histogram::bucket_count) << v;
        EXPECT_LE(latency_histogram::lower_bound(i), v) << v;
        EXPECT_GE(latency_histogram::upper_bound(i), v) << v;
        // Both edges of a bucket map back to it.
        EXPECT_EQ(latency_histogram::index_of(latency_histogram::lower_bound(i)), i) << v;
        EXPECT_EQ(latency_histogram::index_of(latency_histogram::upper_bound(i)), i) << v;
    }
}

TEST(Histogram, BucketsAreContiguousAndPreciseToOnePartIn1024) {
    for (std::size_t i = 1; i < latency_histogram::bucket_count; ++i) {
        ASSERT_EQ(latency_histogram::lower_bound(i), latency_histogram::upper_bound(i - 1) + 1) << i;
        // Anything in the bucket is within 1/sub_count of its lower edge.
        const double lo = static_cast<double>(latency_histogram::lower_bound(i));
        const double spread = static_cast<double>(latency_histogram::upper_bound(i)) - lo;
        EXPECT_LT(spread / lo, 1.0 / latency_histogram::sub_count) << i;
    }
}

TEST(Histogram, SmallValuesAreExact) {
    for (std::uint64_t v = 0; v < 2 * latency_histogram::sub_count; ++v) {
        EXPECT_EQ(latency_histogram::index_of(v), v);
        EXPECT_EQ(latency_histogram::upper_bound(latency_histogram::index_of(v)), v);
    }
}

// HdrHistogram's own layout for (1, one hour, 3 digits): 32 buckets of 1024, 33792 counts,
// so that its libraries decode what measure/hdr_codec writes index for index.
TEST(Histogram, TheLayoutIsHdrHistograms) {
    EXPECT_EQ(latency_histogram::bucket_count, 33792u);
    EXPECT_EQ(latency_histogram::index_of(2047), 2047u);
    EXPECT_EQ(latency_histogram::index_of(2048), 2048u);   // first bucket of width 2
    EXPECT_EQ(latency_histogram::index_of(2049), 2048u);
    EXPECT_EQ(latency_histogram::index_of(4096), 3072u);   // first bucket of width 4
    EXPECT_EQ(latency_histogram::upper_bound(3072), 4099u);
    EXPECT_GE((std::uint64_t{1} << (latency_histogram::max_magnitude + 1)) - 1, latency_histogram::highest_trackable);
}

TEST(Histogram, HugeValuesGoToTheLastBucket) {
    EXPECT_EQ(latency_histogram::index_of(UINT64_MAX), latency_histogram::bucket_count - 1);
    latency_histogram h;
    h.record(UINT64_MAX);
    EXPECT_EQ(h.count(), 1u);
    EXPECT_EQ(h.max(), UINT64_MAX);
    EXPECT_EQ(h.percentile(50), static_cast<double>(UINT64_MAX));
}

TEST(Histogram, EmptyIsZero) {
    const latency_histogram h;
    EXPECT_EQ(h.count(), 0u);
    EXPECT_EQ(h.min(), 0u);
    EXPECT_EQ(h.max(), 0u);
    EXPECT_EQ(h.percentile(50), 0.0);
    EXPECT_EQ(h.mean(), 0.0);
}

// The exact nearest-rank percentile of a sorted sample.
double exact_percentile(const std::vector<std::uint64_t>& sorted, double p) {
    const auto n = static_cast<double>(sorted.size());
    auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * n));
    rank = std::clamp<std::size_t>(rank, 1, sorted.size());
    return static_cast<double>(sorted[rank - 1]);
}

TEST(Histogram, PercentilesMatchSortedSampleWithinBucketPrecision) {
    std::mt19937_64 rng{7};
    std::lognormal_distribution<double> latency{std::log(400.0), 1.0};  // ns, long tail
    std::vector<std::uint64_t> values;
    latency_histogram h;
    for (int i = 0; i < 100000; ++i) {
        const auto v = static_cast<std::uint64_t>(latency(rng));
        values.push_back(v);
        h.record(v);
    }
    std::sort(values.begin(), values.end());
    for (const double p : {0.0, 1.0, 10.0, 25.0, 50.0, 75.0, 90.0, 99.0, 99.9, 99.99, 100.0}) {
        const double exact = exact_percentile(values, p);
        const double got = h.percentile(p);
        // Upper edge of the right bucket: never below the truth, at most one bucket above.
        EXPECT_GE(got, exact) << "p" << p;
        EXPECT_LE(got, exact * (1.0 + 1.0 / latency_histogram::sub_count) + 1) << "p" << p;
    }
    EXPECT_EQ(h.percentile(100), static_cast<double>(values.back()));
    EXPECT_EQ(h.min(), values.front());
    EXPECT_EQ(h.max(), values.back());
}

TEST(Histogram, PercentileIsClampedToMaxAndHandlesOutOfRangeP) {
    latency_histogram h;
    h.record(1000);  // bucket [992, 1023]: the upper edge would overstate the only sample
    EXPECT_EQ(h.percentile(50), 1000.0);
    EXPECT_EQ(h.percentile(-5), 1000.0);
    EXPECT_EQ(h.percentile(250), 1000.0);
    EXPECT_EQ(h.percentile(std::nan("")), 1000.0);
}

TEST(Histogram, MeanFromBucketMidpoints) {
    latency_histogram h;
    for (std::uint64_t v = 0; v < 10; ++v) h.record(v);  // exact buckets
    EXPECT_DOUBLE_EQ(h.mean(), 4.5);

    std::mt19937_64 rng{3};
    latency_histogram g;
    double sum = 0;
    for (int i = 0; i < 50000; ++i) {
        const std::uint64_t v = 100 + rng() % 100000;
        sum += static_cast<double>(v);
        g.record(v);
    }
    EXPECT_NEAR(g.mean(), sum / 50000.0, sum / 50000.0 / latency_histogram::sub_count);
}

TEST(Histogram, StddevFromBucketMidpoints) {
    latency_histogram h;
    EXPECT_EQ(h.stddev(), 0.0);
    for (std::uint64_t v = 0; v < 10; ++v) h.record(v);  // exact buckets: the population stddev
    EXPECT_DOUBLE_EQ(h.stddev(), std::sqrt(8.25));

    std::mt19937_64 rng{5};
    std::vector<double> values;
    latency_histogram g;
    for (int i = 0; i < 50000; ++i) {
        const std::uint64_t v = 100 + rng() % 100000;
        values.push_back(static_cast<double>(v));
        g.record(v);
    }
    double mean = 0, sq = 0;
    for (const double v : values) mean += v / static_cast<double>(values.size());
    for (const double v : values) sq += (v - mean) * (v - mean);
    const double exact = std::sqrt(sq / static_cast<double>(values.size()));
    EXPECT_NEAR(g.stddev(), exact, exact / latency_histogram::sub_count);
}

TEST(Histogram, MergeEqualsRecordingEverything) {
    std::mt19937_64 rng{11};
    latency_histogram all;
    latency_histogram a;
    latency_histogram b;
    for (int i = 0; i < 30000; ++i) {
        const std::uint64_t v = rng() % 5'000'000;
        all.record(v);
        (i % 3 == 0 ? a : b).record(v);
    }
    latency_histogram merged = a;
    merged.merge(b);
    EXPECT_EQ(merged.count(), all.count());
    EXPECT_EQ(merged.min(), all.min());
    EXPECT_EQ(merged.max(), all.max());
    EXPECT_TRUE(std::ranges::equal(merged.counts(), all.counts()));
    for (const double p : {50.0, 99.0, 99.9}) EXPECT_EQ(merged.percentile(p), all.percentile(p));
}

TEST(Histogram, MergeWithEmptyChangesNothing) {
    latency_histogram h;
    h.record(5);
    h.record(500);
    latency_histogram copy = h;
    copy.merge(latency_histogram{});
    EXPECT_EQ(copy.count(), 2u);
    EXPECT_EQ(copy.min(), 5u);
    EXPECT_EQ(copy.max(), 500u);
    latency_histogram empty;
    empty.merge(h);
    EXPECT_EQ(empty.min(), 5u);
    EXPECT_EQ(empty.max(), 500u);
}

TEST(Histogram, MergeCountsFromAWorker) {
    latency_histogram worker;
    for (std::uint64_t v : {40u, 41u, 9000u}) worker.record(v);
    latency_histogram parent;
    parent.record(7);
    ASSERT_TRUE(parent.merge_counts(worker.counts(), worker.min(), worker.max()));
    EXPECT_EQ(parent.count(), 4u);
    EXPECT_EQ(parent.min(), 7u);
    EXPECT_EQ(parent.max(), 9000u);

    // An empty worker's min/max (0, 0) must not drag the minimum down.
    const latency_histogram idle;
    ASSERT_TRUE(parent.merge_counts(idle.counts(), idle.min(), idle.max()));
    EXPECT_EQ(parent.min(), 7u);
    EXPECT_EQ(parent.count(), 4u);
}

TEST(Histogram, MergeCountsRejectsWrongSize) {
    latency_histogram h;
    const std::vector<std::uint64_t> short_counts(latency_histogram::bucket_count - 1, 1);
    EXPECT_FALSE(h.merge_counts(short_counts, 1, 2));
    EXPECT_EQ(h.count(), 0u);
}

TEST(Histogram, ResetEmpties) {
    latency_histogram h;
    h.record(123);
    h.reset();
    EXPECT_EQ(h.count(), 0u);
    EXPECT_EQ(h.min(), 0u);
    EXPECT_EQ(h.percentile(99), 0.0);
}

}  // namespace
