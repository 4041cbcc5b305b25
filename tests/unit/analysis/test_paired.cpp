// compare_paired_rounds: an interleaved job's rounds, decided round by round. The case it
// exists for: the machine's speed drifts between rounds by more than the slowdown, which
// hides the slowdown from the pooled U test but not from the paired one.
#include "compare_fixtures.hpp"
#include "render/compare_render.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace psem::bench;
using namespace compare_test;

namespace {

// Round speed factors: a 2-core machine whose neighbours come and go.
const std::vector<double> drift{1.0, 1.6, 0.9, 2.1, 1.2, 1.0, 1.8, 0.95, 1.4, 1.1, 2.4, 1.05};

// `rounds` reports of three repetitions each, at base_ns x the round's drift x factor,
// with a small spread inside the round. A factor other than 1 also grows by 0.01% a
// round, so that no two rounds' ratios tie (ties would switch the test to its
// approximation, and real timings do not tie).
std::vector<report> rounds_of(std::size_t rounds, double factor, const std::string& name = pw1) {
    std::vector<report> out;
    for (std::size_t i = 0; i < rounds; ++i) {
        const double wobble = factor == 1.0 ? 1.0 : 1.0 + 1e-4 * static_cast<double>(i);
        const double ns = 100.0 * drift[i % drift.size()] * factor * wobble;
        out.push_back(with_samples(name, {ns * 0.99, ns, ns * 1.01}));
    }
    return out;
}

compare_options gate_options() {
    compare_options o;
    o.alpha = 0.01;
    o.threshold = 0.05;
    return o;
}

TEST(Paired, DriftHidesAnEightPercentSlowdownFromThePooledTestButNotFromThePairedOne) {
    const auto base = rounds_of(12, 1.0);
    const auto cont = rounds_of(12, 1.08);
    const comparison pooled = compare_reports(pool_reports(base), pool_reports(cont), gate_options());
    EXPECT_EQ(find(pooled, pw1).outcome, verdict::same) << *find(pooled, pw1).p_value;
    EXPECT_FALSE(pooled.paired);

    const comparison paired = compare_paired_rounds(base, cont, gate_options());
    EXPECT_TRUE(paired.paired);
    const benchmark_comparison& b = find(paired, pw1);
    EXPECT_EQ(b.pairs, 12u);
    EXPECT_EQ(b.outcome, verdict::slower);
    EXPECT_TRUE(b.regression);
    EXPECT_EQ(paired.regressions, 1u);
    EXPECT_NEAR(b.change, 0.08, 0.001);  // every round 8% slower
    EXPECT_NEAR(*b.p_value, 2.0 / 4096, 1e-12);  // all 12 rounds one way
    EXPECT_NEAR(paired.geomean_ratio, 1.08, 0.001);
    // The figures shown stay the pooled ones.
    EXPECT_EQ(b.baseline.samples_ns.size(), 36u);
    EXPECT_DOUBLE_EQ(b.baseline.median_ns, find(pooled, pw1).baseline.median_ns);
}

TEST(Paired, AaWithDriftIsSame) {
    auto base = rounds_of(12, 1.0);
    auto cont = rounds_of(12, 1.0);
    // Round-to-round jitter of about 1% either way, no trend.
    for (std::size_t i = 0; i < cont.size(); ++i) {
        const double jitter = (i % 2 ? 0.01 : -0.01) * (1 + 0.01 * static_cast<double>(i));
        for (auto& rec : cont[i].benchmarks) rec.real_time_ns *= 1 + jitter;
    }
    const comparison c = compare_paired_rounds(base, cont, gate_options());
    const benchmark_comparison& b = find(c, pw1);
    EXPECT_EQ(b.outcome, verdict::same);
    EXPECT_FALSE(b.regression);
    EXPECT_GT(*b.p_value, 0.5);
    EXPECT_LT(std::fabs(b.change), 0.011);
}

TEST(Paired, BelowTheThresholdIsSameEvenWhenCertain) {
    const comparison c = compare_paired_rounds(rounds_of(12, 1.0), rounds_of(12, 1.03), gate_options());
    EXPECT_EQ(find(c, pw1).outcome, verdict::same);
    EXPECT_NEAR(*find(c, pw1).p_value, 2.0 / 4096, 1e-12);
}

TEST(Paired, TooFewRoundsSaysHowManyAreNeeded) {
    const comparison c = compare_paired_rounds(rounds_of(4, 1.0), rounds_of(4, 1.5), gate_options());
    const benchmark_comparison& b = find(c, pw1);
    EXPECT_EQ(b.pairs, 4u);
    EXPECT_EQ(b.outcome, verdict::too_few_repetitions);
    EXPECT_FALSE(b.regression);
    ASSERT_TRUE(b.repetitions_needed.has_value());
    EXPECT_EQ(*b.repetitions_needed, 8u);  // 2 / 2^8 <= 0.01
    EXPECT_NE(render_comparison_table(c).find("too few rounds (need 8)"), std::string::npos);
}

TEST(Paired, RoundsMissingTheBenchmarkOrFailedAreNotPaired) {
    auto base = rounds_of(12, 1.0);
    auto cont = rounds_of(12, 1.2);
    cont[3] = with_samples("other/benchmark", {1, 2, 3});
    for (auto& rec : base[5].benchmarks) rec.error_occurred = true;
    const comparison c = compare_paired_rounds(base, cont, gate_options());
    const benchmark_comparison& b = find(c, pw1);
    EXPECT_EQ(b.pairs, 10u);
    EXPECT_EQ(b.outcome, verdict::slower);
    EXPECT_NEAR(*b.p_value, 2.0 / 1024, 1e-12);
}

TEST(Paired, ContenderThatFailsEveryRoundIsARegression) {
    auto cont = rounds_of(12, 1.0);
    for (auto& r : cont)
        for (auto& rec : r.benchmarks) rec.error_occurred = true;
    const comparison c = compare_paired_rounds(rounds_of(12, 1.0), cont, gate_options());
    EXPECT_EQ(find(c, pw1).outcome, verdict::failed);
    EXPECT_TRUE(find(c, pw1).regression);
    EXPECT_EQ(c.regressions, 1u);
}

TEST(Paired, RenderersNameThePairedTest) {
    const comparison c = compare_paired_rounds(rounds_of(12, 1.0), rounds_of(12, 1.08), gate_options());
    const std::string md = render_comparison_markdown(c);
    EXPECT_NE(md.find("Wilcoxon signed-rank"), std::string::npos) << md;
    EXPECT_NE(md.find("36/36 (12 pairs)"), std::string::npos) << md;
    EXPECT_EQ(md.find("Mann-Whitney"), std::string::npos) << md;
    const std::string json = render_comparison_json(c);
    EXPECT_NE(json.find("\"pairs\": 12"), std::string::npos) << json;
    EXPECT_NE(json.find("\"test\": \"wilcoxon-signed-rank (paired rounds)\""), std::string::npos) << json;
}

}  // namespace
