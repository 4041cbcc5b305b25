// HdrHistogram's percentile iteration, and merging histograms over good repetitions.
#include "analysis/distribution.hpp"
#include "measure/hdr_codec.hpp"

#include <gtest/gtest.h>

#include <memory>

namespace psem::bench {
namespace {

TEST(Distribution, StepsFollowHdrHistogramsPercentileIteration) {
    auto h = std::make_unique<latency_histogram>();
    for (std::uint64_t v = 1; v <= 1000; ++v) h->record(v);  // exact values: 1..1000
    const auto steps = percentile_steps(*h);
    ASSERT_GE(steps.size(), 3u);
    // Levels: 0, 10, 20, ... 50 (5 ticks per half distance), then finer: 55, 60, ...
    EXPECT_EQ(steps[0].percentile, 0.0);
    EXPECT_EQ(steps[0].value_ns, 1u);
    EXPECT_EQ(steps[1].percentile, 10.0);
    EXPECT_EQ(steps[1].value_ns, 100u);
    EXPECT_EQ(steps[5].percentile, 50.0);
    EXPECT_EQ(steps[5].value_ns, 500u);
    EXPECT_EQ(steps[6].percentile, 55.0);
    EXPECT_EQ(steps.back().percentile, 100.0);
    EXPECT_EQ(steps.back().value_ns, 1000u);
    EXPECT_EQ(steps.back().total_count, 1000u);
    for (std::size_t i = 1; i < steps.size(); ++i) {
        EXPECT_GE(steps[i].percentile, steps[i - 1].percentile);
        EXPECT_GE(steps[i].value_ns, steps[i - 1].value_ns);
    }
}

// HdrHistogram's iterator stops at the first level reached by the last counts, then adds
// the 100% line: the last recorded value appears twice, not once per remaining level.
TEST(Distribution, TheLastValueGivesOneStepAndThe100PercentLine) {
    auto h = std::make_unique<latency_histogram>();
    for (std::uint64_t v = 1; v <= 1000; ++v) h->record(v);
    const auto steps = percentile_steps(*h);
    ASSERT_GE(steps.size(), 3u);
    EXPECT_EQ(steps[steps.size() - 2].value_ns, 1000u);
    EXPECT_LT(steps[steps.size() - 3].value_ns, 1000u);

    auto one = std::make_unique<latency_histogram>();
    for (int i = 0; i < 1000; ++i) one->record(500);
    const auto single = percentile_steps(*one);
    ASSERT_EQ(single.size(), 2u);
    EXPECT_EQ(single[0].percentile, 0.0);
    EXPECT_EQ(single[0].value_ns, 500u);
    EXPECT_EQ(single[1].percentile, 100.0);
    EXPECT_EQ(single[1].total_count, 1000u);
}

run_record entry(const std::string& name, const latency_histogram& h, bool failed = false) {
    run_record r;
    r.name = r.run_name = name;
    r.real_time_ns = 10;
    r.error_occurred = failed;
    r.latency_histogram = encode_histogram(h);
    return r;
}

TEST(Distribution, MergesTheGoodRepetitionsOfEachBenchmark) {
    auto a = std::make_unique<latency_histogram>();
    auto b = std::make_unique<latency_histogram>();
    for (int i = 0; i < 10; ++i) a->record(100);
    for (int i = 0; i < 30; ++i) b->record(5000);
    const std::vector<run_record> records = {entry("x", *a), entry("y", *a), entry("x", *b), entry("x", *b, true)};
    const auto ds = distributions(records);
    ASSERT_EQ(ds.size(), 2u);
    EXPECT_EQ(ds[0].benchmark, "x");
    EXPECT_EQ(ds[0].histograms, 2);            // the failed repetition is not counted
    EXPECT_EQ(ds[0].merged->count(), 40u);
    EXPECT_EQ(distributions(records, "y").size(), 1u);
    EXPECT_TRUE(distributions(records, "z").empty());
}

TEST(Distribution, AHistogramThatDoesNotDecodeIsNamed) {
    run_record r;
    r.name = r.run_name = "x";
    r.real_time_ns = 10;
    r.latency_histogram = "HISTFAAA";
    const std::vector<run_record> records = {r};
    try {
        (void)distributions(records);
        FAIL() << "accepted a broken histogram";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("x: latency_histogram"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace psem::bench
