// The comparison rendered: terminal table, Markdown for a pull request, JSON for machines.
#include "compare_fixtures.hpp"
#include "render/compare_render.hpp"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

using namespace psem::bench;
using namespace compare_test;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(CompareRender, TableShowsFiguresVerdictsAndResult) {
    const std::string t = render_comparison_table(compare_reports(fixture("baseline.json"), fixture("slower.json")));
    EXPECT_TRUE(has(t, "benchmark")) << t;
    EXPECT_TRUE(has(t, "95% CI")) << t;
    EXPECT_TRUE(has(t, pw1)) << t;
    EXPECT_TRUE(has(t, "slower")) << t;
    EXPECT_TRUE(has(t, "+30.")) << t;          // the change
    EXPECT_TRUE(has(t, "1.1e-05")) << t;       // p = 2 / C(20, 10)
    EXPECT_TRUE(has(t, "10/10")) << t;
    EXPECT_TRUE(has(t, "geomean (3 benchmarks)")) << t;
    EXPECT_TRUE(has(t, "Result: 1 regression")) << t;
    EXPECT_TRUE(has(t, "warning: only in the baseline: edge/only-in-baseline")) << t;
    EXPECT_FALSE(has(t, "**")) << t;           // no Markdown on a terminal
}

TEST(CompareRender, SameIsShownAsTilde) {
    const std::string t = render_comparison_table(compare_reports(fixture("baseline.json"), fixture("aa.json")));
    EXPECT_TRUE(has(t, "  ~\n")) << t;
    EXPECT_TRUE(has(t, "Result: no regression (slower by more than 5% with p <= 0.05)")) << t;
}

TEST(CompareRender, MarkdownIsAPullRequestTable) {
    const std::string md = render_comparison_markdown(compare_reports(fixture("baseline.json"), fixture("slower.json")));
    EXPECT_TRUE(has(md, "### psem-bench compare: REGRESSION\n")) << md;
    EXPECT_TRUE(has(md, "| benchmark | baseline ns/op | contender ns/op | change | 95% CI | p | n | verdict |")) << md;
    EXPECT_TRUE(has(md, "| --- | --: | --: | --: | --: | --: | --: | --- |")) << md;
    EXPECT_TRUE(has(md, "| **slower** |")) << md;
    EXPECT_TRUE(has(md, "| **geomean (3 benchmarks)** |")) << md;
    EXPECT_TRUE(has(md, "**Warnings**")) << md;
    EXPECT_TRUE(has(md, "- only in the baseline: edge/only-in-baseline")) << md;
    EXPECT_TRUE(has(md, "**Result:** 1 regression")) << md;
}

TEST(CompareRender, NotesCoverSetUpSpreadFailuresAndAggregates) {
    const auto host = comparison_notes(compare_reports(fixture("baseline.json"), fixture("other_host.json")));
    ASSERT_FALSE(host.empty());
    EXPECT_EQ(host[0], "different set-up: /host_name is \"ci-runner-7\" in the baseline, \"laptop\" in the contender");

    const std::string noisy = render_comparison_table(compare_reports(fixture("baseline.json"), fixture("noisy.json")));
    EXPECT_TRUE(has(noisy, "contender spread too wide to judge: cv ")) << noisy;
    EXPECT_TRUE(has(noisy, "over the 10.00% limit")) << noisy;

    const std::string failed = render_comparison_table(compare_reports(fixture("baseline.json"), fixture("failed.json")));
    EXPECT_TRUE(has(failed, "failed (contender)")) << failed;
    EXPECT_TRUE(has(failed, "10 of 10 contender repetitions failed")) << failed;

    const std::string agg = render_comparison_table(compare_reports(fixture("gb_reps.json"), fixture("gb_aggregates_only.json")));
    EXPECT_TRUE(has(agg, "no test: aggregates only (need 4 each)")) << agg;
    EXPECT_TRUE(has(agg, "5/5*")) << agg;
    EXPECT_TRUE(has(agg, "the contender has only aggregates")) << agg;

    const std::string few = render_comparison_table(compare_reports(fixture("few_reps.json"), fixture("few_reps.json")));
    EXPECT_TRUE(has(few, "too few repetitions (need 4 each)")) << few;
}

TEST(CompareRender, JsonIsTheDifferenceReport) {
    const auto j = nlohmann::json::parse(render_comparison_json(compare_reports(fixture("baseline.json"), fixture("slower.json"))));
    EXPECT_EQ(j["regressions"], 1);
    EXPECT_EQ(j["options"]["threshold_percent"], 5.0);
    EXPECT_EQ(j["options"]["alpha"], 0.05);
    ASSERT_EQ(j["benchmarks"].size(), 3u);
    const auto& b = j["benchmarks"][0];
    EXPECT_EQ(b["name"], pw1);
    EXPECT_EQ(b["verdict"], "slower");
    EXPECT_EQ(b["regression"], true);
    EXPECT_NEAR(b["change_percent"].get<double>(), 30.0, 2.0);
    EXPECT_EQ(b["baseline"]["repetitions"], 10);
    EXPECT_EQ(b["baseline"]["samples_ns"].size(), 10u);
    EXPECT_LT(b["ratio_ci"]["lower"].get<double>(), b["ratio_ci"]["upper"].get<double>());
    EXPECT_TRUE(b["repetitions_needed"].is_null());
    EXPECT_EQ(j["geomean"]["benchmarks"], 3);
    EXPECT_EQ(j["only_in_baseline"][0], "edge/only-in-baseline");
    EXPECT_TRUE(j["warnings"].is_array());
}

TEST(CompareRender, JsonWritesUnknownFiguresAsNull) {
    const auto j = nlohmann::json::parse(
        render_comparison_json(compare_reports(fixture("gb_reps.json"), fixture("gb_aggregates_only.json"))));
    const auto& b = j["benchmarks"][0];
    EXPECT_EQ(b["verdict"], "too few repetitions");
    EXPECT_TRUE(b["p_value"].is_null());
    EXPECT_TRUE(b["ratio_ci"]["lower"].is_null());
    EXPECT_EQ(b["repetitions_needed"], 4);
    EXPECT_EQ(b["contender"]["aggregates_only"], true);
}

}  // namespace
