// HdrHistogram's V2 compressed encoding: what encode_histogram writes decodes to the same
// counts, the header is HdrHistogram's, and malformed input is refused, never trusted.
// (The reference decoder, hdr-histogram-js, reads our reports in tests/scripts/
// test-hdr-reference.sh.)
#include "measure/hdr_codec.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <random>
#include <string>

namespace psem::bench {
namespace {

std::unique_ptr<latency_histogram> sample(std::uint64_t seed, int n) {
    auto h = std::make_unique<latency_histogram>();
    std::mt19937_64 rng(seed);
    for (int i = 0; i < n; ++i) {
        const int bits = 1 + static_cast<int>(rng() % 40);  // 1..40: a shift of 64 is undefined
        h->record((rng() >> (64 - bits)) + 1);
    }
    h->record(3);
    h->record(3);  // a count above one
    return h;
}

void expect_same_counts(const latency_histogram& a, const latency_histogram& b) {
    ASSERT_EQ(a.count(), b.count());
    const auto ca = a.counts();
    const auto cb = b.counts();
    for (std::size_t i = 0; i < ca.size(); ++i) ASSERT_EQ(ca[i], cb[i]) << "bucket " << i;
}

TEST(HdrCodec, RoundTripKeepsEveryCount) {
    for (std::uint64_t seed : {1u, 2u, 3u}) {
        const auto h = sample(seed, 5000);
        const auto back = decode_histogram(encode_histogram(*h));
        ASSERT_TRUE(back.has_value());
        expect_same_counts(*h, *back);
        // The same bucket: the decoded histogram knows its extremes only to a bucket.
        for (double p : {50.0, 99.0, 99.9})
            EXPECT_EQ(latency_histogram::index_of(static_cast<std::uint64_t>(back->percentile(p))),
                      latency_histogram::index_of(static_cast<std::uint64_t>(h->percentile(p))))
                << "p" << p;
    }
}

TEST(HdrCodec, AnEmptyHistogramEncodesAndDecodesEmpty) {
    const auto h = std::make_unique<latency_histogram>();
    const auto back = decode_histogram(encode_histogram(*h));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->count(), 0u);
}

TEST(HdrCodec, ValuesPastTheRangeLandInTheLastBucket) {
    auto h = std::make_unique<latency_histogram>();
    h->record(UINT64_MAX);
    h->record(latency_histogram::highest_trackable);
    const auto back = decode_histogram(encode_histogram(*h));
    ASSERT_TRUE(back.has_value());
    expect_same_counts(*h, *back);
}

// The first bytes are HdrHistogram's compressed V2 cookie, big-endian: 0x1c849314, which
// base64 starts as "HISTF" (as every HdrHistogram log line does).
TEST(HdrCodec, TheEncodingStartsWithHdrHistogramsCompressedCookie) {
    const std::string b64 = encode_histogram(*sample(4, 10));
    EXPECT_EQ(b64.substr(0, 5), "HISTF");
    EXPECT_EQ(b64.size() % 4, 0u);
}

TEST(HdrCodec, MalformedInputIsRefused) {
    const std::string good = encode_histogram(*sample(5, 100));
    EXPECT_FALSE(decode_histogram(""));
    EXPECT_FALSE(decode_histogram("HISTF"));                 // not a multiple of 4
    EXPECT_FALSE(decode_histogram("!!!!"));                  // not base64
    EXPECT_FALSE(decode_histogram(good.substr(0, good.size() - 8)));  // truncated
    std::string flipped = good;
    flipped[0] = 'A';                                         // another cookie
    EXPECT_FALSE(decode_histogram(flipped));
    std::string inner = good;
    inner[20] = inner[20] == 'A' ? 'B' : 'A';                 // corrupt the deflate stream
    EXPECT_FALSE(decode_histogram(inner));
    EXPECT_TRUE(decode_histogram(good));
}

}  // namespace
}  // namespace psem::bench
