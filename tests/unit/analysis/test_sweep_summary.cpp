// The sweep summary against fixture sweeps whose peak, knee and fall are known by
// construction (tests/fixtures/sweeps/make_fixtures.py), plus the edge cases built here.
#include "io/json_reader.hpp"
#include "analysis/sweep_summary.hpp"
#include "io/sweep_summary_json.hpp"
#include "render/sweep_summary_render.hpp"

#include <gtest/gtest.h>

#include <cmath>
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
        EXPECT_EQ(s.points[i].good_runs, 3);
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

run_record point_run(int processes, double ns, bool failed = false) {
    run_record r;
    r.name = r.run_name = "postwait/processes:" + std::to_string(processes) + "/threads:1";
    r.scenario = "s";
    r.workload = "postwait";
    r.threads = r.processes = processes;
    r.params = {{"processes", processes}};
    r.real_time_ns = ns;
    r.error_occurred = failed;
    return r;
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
    EXPECT_NE(text.find("Peak: 71.4M ops/s at processes=2 (14.0 ns/op)."), std::string::npos) << text;
    EXPECT_NE(text.find("Knee: p99 crosses 100.0 us between processes=16 (p99 80.0 us) and processes=32 (p99 250.0 us)."),
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
