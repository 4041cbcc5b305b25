// The sweep summary against fixture sweeps whose peak, knee and fall are known by
// construction (tests/fixtures/sweeps/make_fixtures.py), plus the edge cases built here.
#include "test_paths.hpp"
#include "io/json_reader.hpp"
#include "analysis/sweep_summary.hpp"
#include "io/sweep_summary_json.hpp"
#include "render/sweep_summary_render.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <string>

using namespace psem::bench;

namespace {

std::string sweep_fixture(const std::string& name) { return std::string(PSEM_FIXTURES_DIR) + "/sweeps/" + name; }

std::vector<sweep_summary> summaries_of(const std::string& file, double limit_ns = 100'000) {
    const report rep = read_report(sweep_fixture(file));
    return summarize_sweeps(rep.benchmarks, limit_ns);
}

TEST(SweepSummary, OneEntryPerPointInSweepOrderIgnoringAggregatesAndPlainRuns) {
    const auto all = summaries_of("postwait-processes.json");
    ASSERT_EQ(all.size(), 1u);  // the plain "postwait" run is not a sweep
    const sweep_summary& s = all.front();
    EXPECT_EQ(s.scenario, "sweep-postwait-processes");
    EXPECT_EQ(s.swept_fields, std::vector<std::string>{"processes"});
    ASSERT_EQ(s.points.size(), 7u);
    const int expected[] = {1, 2, 4, 8, 16, 32, 64};
    for (std::size_t i = 0; i < 7; ++i) {
        EXPECT_EQ(s.points[i].workers, expected[i]);
        EXPECT_EQ(s.points[i].good_runs, 5);
        EXPECT_EQ(point_label(s.points[i]), "processes=" + std::to_string(expected[i]));
    }
}

TEST(SweepSummary, MediansComeFromTheRepetitions) {
    const sweep_summary s = summaries_of("postwait-processes.json").front();
    EXPECT_DOUBLE_EQ(s.points[1].ns_per_op, 14.0);
    EXPECT_NEAR(s.points[1].ops_per_sec, 1e9 / 14.0, 1);
    ASSERT_TRUE(s.points[4].p99_ns.has_value());
    EXPECT_DOUBLE_EQ(*s.points[4].p99_ns, 80'000);
    EXPECT_DOUBLE_EQ(*s.points[4].p50_ns, 120);
}

TEST(SweepSummary, PeakKneeAndFall) {
    const sweep_summary s = summaries_of("postwait-processes.json").front();
    ASSERT_TRUE(s.peak.has_value());
    EXPECT_EQ(point_label(s.points[*s.peak]), "processes=2");
    ASSERT_TRUE(s.latency_measured);
    ASSERT_TRUE(s.knee.has_value());
    EXPECT_EQ(point_label(s.points[*s.knee]), "processes=32");
    ASSERT_TRUE(s.last_under_limit.has_value());
    EXPECT_EQ(point_label(s.points[*s.last_under_limit]), "processes=16");
    ASSERT_TRUE(s.lowest.has_value());
    EXPECT_EQ(point_label(s.points[*s.lowest]), "processes=64");
    EXPECT_NEAR(s.fall_fraction, 1 - 14.0 / 80.0, 1e-9);
}

TEST(SweepSummary, TheLimitMovesTheKnee) {
    const sweep_summary tight = summaries_of("postwait-processes.json", 1'000).front();
    EXPECT_EQ(point_label(tight.points[*tight.knee]), "processes=4");
    const sweep_summary loose = summaries_of("postwait-processes.json", 10'000'000).front();
    EXPECT_FALSE(loose.knee.has_value());
    ASSERT_TRUE(loose.last_under_limit.has_value());  // the most load within the limit
    EXPECT_EQ(point_label(loose.points[*loose.last_under_limit]), "processes=64");
    const sweep_summary at_once = summaries_of("postwait-processes.json", 10).front();
    EXPECT_EQ(*at_once.knee, 0u);
    EXPECT_FALSE(at_once.last_under_limit.has_value());
}

TEST(SweepSummary, GridFailedPointAndLowestCell) {
    const auto all = summaries_of("grid.json");
    ASSERT_EQ(all.size(), 1u);
    const sweep_summary& s = all.front();
    EXPECT_EQ(s.swept_fields, (std::vector<std::string>{"producers", "consumers"}));
    ASSERT_EQ(s.points.size(), 4u);
    EXPECT_EQ(point_label(s.points[3]), "producers=2, consumers=2");
    EXPECT_EQ(s.points[3].good_runs, 0);
    EXPECT_TRUE(std::isnan(s.points[3].ns_per_op));
    EXPECT_EQ(point_label(s.points[*s.peak]), "producers=1, consumers=1");
    // A grid has no load axis: the contrast is its worst cell, wherever it is.
    EXPECT_EQ(point_label(s.points[*s.lowest]), "producers=2, consumers=1");
    EXPECT_NEAR(s.fall_fraction, 1 - 65.0 / 75.0, 1e-9);
    EXPECT_FALSE(s.knee.has_value());
}

run_record point_run(int processes, double ns, bool failed = false, std::optional<double> p99 = std::nullopt) {
    run_record r;
    r.name = r.run_name = "postwait/processes:" + std::to_string(processes) + "/threads:1";
    r.scenario = "s";
    r.workload = "postwait";
    r.threads = r.processes = processes;
    r.params = {{"processes", processes}};
    r.real_time_ns = ns;
    r.error_occurred = failed;
    if (p99) r.counters["p99_ns"] = *p99;
    return r;
}

// Repetitions of points by processes count: {processes, {ns per repetition}}.
std::vector<run_record> runs_of(const std::vector<std::pair<int, std::vector<double>>>& points) {
    std::vector<run_record> out;
    for (const auto& [processes, times] : points)
        for (const double ns : times) out.push_back(point_run(processes, ns));
    return out;
}

std::vector<std::string> labels(const sweep_summary& s, const std::vector<std::size_t>& xs) {
    std::vector<std::string> out;
    for (const std::size_t i : xs) out.push_back(point_label(s.points[i]));
    return out;
}

// A point whose repetitions overlap the peak's cannot be told from it; one clearly slower
// can. The peak's interval is the order-statistic interval of its throughput.
TEST(SweepSummary, PointsIndistinguishableFromThePeakAreListed) {
    const auto recs = runs_of({{1, {10, 11, 12, 13, 14}}, {2, {9.5, 10.5, 11.5, 12.5, 13.5}}, {4, {20, 21, 22, 23, 24}}});
    const sweep_summary s = summarize_sweeps(recs, 100'000).front();
    ASSERT_TRUE(s.comparable);
    EXPECT_EQ(s.fewest_runs, 5);
    EXPECT_EQ(point_label(s.points[*s.peak]), "processes=2");
    EXPECT_EQ(labels(s, s.indistinguishable), std::vector<std::string>{"processes=1"});
    EXPECT_GT(s.points[0].peak_p_value, 0.05);
    EXPECT_LT(s.points[2].peak_p_value, 0.05);
    ASSERT_TRUE(s.peak_interval.has_value());
    EXPECT_DOUBLE_EQ(s.peak_interval->low, 1e9 / 13.5);
    EXPECT_DOUBLE_EQ(s.peak_interval->high, 1e9 / 9.5);
    EXPECT_DOUBLE_EQ(s.peak_interval->coverage, 1 - 2.0 / 32);
    const std::string text = render_sweep_summary(s);
    EXPECT_NE(text.find("Not distinguishable from it (Mann-Whitney U, two-sided, p >= 0.05): processes=1 (p = "),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("~peak"), std::string::npos) << text;
    const nlohmann::json j = to_json(s);
    EXPECT_EQ(j["indistinguishable"], nlohmann::json::array({"processes=1"}));
    EXPECT_EQ(j["comparable"], true);
    EXPECT_DOUBLE_EQ(j["peak_interval"]["high_ops_per_sec"].get<double>(), 1e9 / 9.5);
}

// With fewer than 5 repetitions a point cannot be told from another, however far apart
// its medians: the summary says so and lists every point as indistinguishable.
TEST(SweepSummary, FewerThanFiveRepetitionsCannotTellPointsApart) {
    const auto recs = runs_of({{1, {10, 11, 12}}, {2, {50, 51, 52}}});
    const sweep_summary s = summarize_sweeps(recs, 100'000).front();
    EXPECT_FALSE(s.comparable);
    EXPECT_EQ(s.fewest_runs, 3);
    EXPECT_EQ(labels(s, s.indistinguishable), std::vector<std::string>{"processes=2"});
    const std::string text = render_sweep_summary(s);
    EXPECT_NE(text.find("With 3 good repetitions at the fewest, no point can be told apart from another: 5 per "
                        "point are needed (--set repetitions=5)."),
              std::string::npos)
        << text;
    EXPECT_EQ(text.find("~peak"), std::string::npos) << text;
    EXPECT_EQ(to_json(s)["comparable"], false);
}

// The knee is the first point over the limit with confidence; a point with some
// repetitions over, not enough, is "maybe over", and with too few repetitions no knee
// can be named at all.
TEST(SweepSummary, KneeNeedsConfidenceAndMaybeIsNamed) {
    std::vector<run_record> recs;
    const auto add = [&](int processes, const std::vector<double>& p99s) {
        for (const double p : p99s) recs.push_back(point_run(processes, 10, false, p));
    };
    add(1, {50, 60, 70, 80, 90});
    add(2, {90, 110, 120, 130, 95});  // 3 of 5 over 100: maybe
    add(4, {200, 210, 220, 230, 240});
    add(8, {500, 510, 520, 530, 540});
    const sweep_summary s = summarize_sweeps(recs, 100).front();
    ASSERT_TRUE(s.knee.has_value());
    EXPECT_EQ(point_label(s.points[*s.knee]), "processes=4");
    EXPECT_EQ(labels(s, s.maybe_over), std::vector<std::string>{"processes=2"});
    EXPECT_EQ(point_label(s.points[*s.last_under_limit]), "processes=1");
    EXPECT_EQ(s.sides[1], limit_side::maybe_over);
    EXPECT_EQ(s.sides[3], limit_side::over);
    const std::string text = render_sweep_summary(s);
    EXPECT_NE(text.find("Maybe over at: processes=2 (3 of 5 repetitions over)."), std::string::npos) << text;
    EXPECT_EQ(to_json(s)["maybe_over"], nlohmann::json::array({"processes=2"}));

    std::vector<run_record> few;
    for (const double p : {200.0, 210.0, 220.0}) few.push_back(point_run(1, 10, false, p));
    const sweep_summary t = summarize_sweeps(few, 100).front();
    EXPECT_FALSE(t.knee.has_value());
    EXPECT_EQ(labels(t, t.maybe_over), std::vector<std::string>{"processes=1"});
    EXPECT_NE(render_sweep_summary(t).find("Knee: cannot tell."), std::string::npos) << render_sweep_summary(t);
}

TEST(SweepSummary, NoLatencyNoKneeAndThroughputFromNsPerOp) {
    const std::vector<run_record> recs{point_run(1, 10), point_run(2, 5)};
    const sweep_summary s = summarize_sweeps(recs, 100'000).front();
    EXPECT_FALSE(s.latency_measured);
    EXPECT_FALSE(s.knee.has_value());
    EXPECT_DOUBLE_EQ(s.points[1].ops_per_sec, 2e8);
    EXPECT_EQ(*s.peak, 1u);
    EXPECT_FALSE(s.lowest.has_value());  // still rising at the last point
    EXPECT_EQ(s.fall_fraction, 0);
    const std::string text = render_sweep_summary(s);
    EXPECT_NE(text.find("Knee: not measured"), std::string::npos) << text;
    EXPECT_NE(text.find("sweep further"), std::string::npos) << text;
}

TEST(SweepSummary, AllFailedHasNoPeak) {
    const std::vector<run_record> recs{point_run(1, 0, true), point_run(2, 0, true)};
    const sweep_summary s = summarize_sweeps(recs, 100'000).front();
    EXPECT_FALSE(s.peak.has_value());
    EXPECT_NE(render_sweep_summary(s).find("Peak: none"), std::string::npos);
}

TEST(SweepSummary, RenderedSentencesNameThePoints) {
    const sweep_summary s = summaries_of("postwait-processes.json").front();
    const std::string text = render_sweep_summary(s);
    EXPECT_NE(text.find("Peak: 71.4M ops/s at processes=2 (14.0 ns/op); 93.8% interval 68.7M..73.6M ops/s over its 5 "
                        "repetitions. Every other point is below it (Mann-Whitney U over the repetitions, two-sided, "
                        "p < 0.05)."),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("Knee: p99 is over 100.0 us with confidence from processes=32 (p99 250.0 us; 5 of 5 "
                        "repetitions over, sign test p = 0.031); the last point under it: processes=16 (p99 80.0 us)."),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("Past the peak: "), std::string::npos) << text;
    EXPECT_NE(text.find("% below the peak at processes=64 (12.5M ops/s)."), std::string::npos) << text;
}

TEST(SweepSummary, JsonNamesPeakAndKneeByParams) {
    const sweep_summary s = summaries_of("postwait-processes.json").front();
    const nlohmann::json j = to_json(s);
    EXPECT_EQ(j["peak"]["params"]["processes"], 2);
    EXPECT_EQ(j["knee"]["params"]["processes"], 32);
    EXPECT_EQ(j["lowest"]["params"]["processes"], 64);
    EXPECT_EQ(j["latency_limit_ns"], 100'000.0);
    EXPECT_EQ(j["points"], 7);
}

}  // namespace

namespace {

// A backend x processes grid: each backend's point against psem's at the same processes.
run_record backend_run(const std::string& backend, int processes, double ns) {
    run_record r = point_run(processes, ns);
    r.name = r.run_name = "postwait/backend:" + backend + "/processes:" + std::to_string(processes) + "/threads:1";
    r.params = {{"backend", backend}, {"processes", processes}};
    return r;
}

}  // namespace

TEST(SweepSummary, BackendsAreLinedUpAgainstPsemAtTheSameOtherValues) {
    std::vector<run_record> recs;
    for (const double ns : {10.0, 11.0, 12.0, 13.0, 14.0}) {
        recs.push_back(backend_run("psem", 1, ns));
        recs.push_back(backend_run("sysv", 1, 2 * ns));
        recs.push_back(backend_run("psem", 2, 10 * ns));
        recs.push_back(backend_run("sysv", 2, 5 * ns));
    }
    const sweep_summary s = summarize_sweeps(recs, 100'000).front();
    ASSERT_EQ(s.points.size(), 4u);
    EXPECT_EQ(point_label(s.points[1]), "backend=sysv, processes=1");
    ASSERT_TRUE(s.points[0].vs_psem.has_value());
    EXPECT_DOUBLE_EQ(*s.points[0].vs_psem, 1.0);
    // Every pairwise log ratio of 2x against the same spread: the estimate is about 2, and
    // the interval holds it.
    ASSERT_TRUE(s.points[1].vs_psem.has_value());
    EXPECT_NEAR(*s.points[1].vs_psem, 2.0, 0.3);
    ASSERT_TRUE(s.points[1].vs_psem_low && s.points[1].vs_psem_high);
    EXPECT_LT(*s.points[1].vs_psem_low, *s.points[1].vs_psem);
    EXPECT_GT(*s.points[1].vs_psem_high, *s.points[1].vs_psem);
    // processes=2: against psem at processes=2 (100..140 ns), not at processes=1.
    EXPECT_NEAR(*s.points[3].vs_psem, 0.5, 0.1);
    const std::string text = render_sweep_summary(s);
    EXPECT_NE(text.find("vs psem"), std::string::npos) << text;
    EXPECT_NE(text.find("1.00x"), std::string::npos) << text;
    const nlohmann::json j = to_json(s);
    ASSERT_EQ(j["vs_psem"].size(), 4u);
    EXPECT_EQ(j["vs_psem"][1]["point"], "backend=sysv, processes=1");
    EXPECT_NEAR(j["vs_psem"][1]["ratio"].get<double>(), 2.0, 0.3);
    EXPECT_EQ(j["vs_psem"][1]["detail"]["vs_psem_interval"].size(), 2u);

    // Without a backend sweep there is no such column.
    const auto plain = runs_of({{1, {10, 11, 12, 13, 14}}, {2, {20, 21, 22, 23, 24}}});
    EXPECT_EQ(render_sweep_summary(summarize_sweeps(plain, 100'000).front()).find("vs psem"), std::string::npos);
}
