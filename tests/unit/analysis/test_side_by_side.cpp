// Side by side: small reports built in memory, lined up; the figures per cell (median, cv,
// ratio to the first report), the union of names in first-seen order, absent cells, the
// labels and host facts, and what the renderers make of them.
#include "analysis/side_by_side.hpp"
#include "compare_fixtures.hpp"
#include "render/side_by_side_render.hpp"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <cmath>

namespace {

using namespace psem::bench;
using compare_test::pp;
using compare_test::pw1;
using compare_test::pw2;
using compare_test::with_samples;

// A report of several benchmarks on one host.
report host_report(const std::string& host, const std::vector<std::pair<std::string, std::vector<double>>>& benches) {
    report r;
    r.context = {{"host_name", host},
                 {"num_cpus", 4},
                 {"psem", {{"cpu_model", "Test CPU " + host}, {"kernel", "Linux 6.1"}, {"version", "0.1.0"}}}};
    for (const auto& [name, ns] : benches) {
        const report one = with_samples(name, ns);
        r.benchmarks.insert(r.benchmarks.end(), one.benchmarks.begin(), one.benchmarks.end());
    }
    return r;
}

side_by_side three_hosts() {
    std::vector<labelled_report> in;
    in.push_back({"runs/a.json", "", host_report("a", {{pw1, {10, 11, 12}}, {pp, {5000, 5000}}})});
    in.push_back({"runs/b.json", "", host_report("b", {{pw1, {20, 22, 24}}, {pw2, {30}}, {pp, {2500, 2500}}})});
    in.push_back({"c.json", "fast box", host_report("c", {{pw2, {15, 15}}, {pw1, {5, 5.5, 6}}})});
    return line_up(in);
}

TEST(SideBySide, RowsAreTheUnionInFirstSeenOrder) {
    const side_by_side s = three_hosts();
    ASSERT_EQ(s.rows.size(), 3u);
    EXPECT_EQ(s.rows[0].name, pw1);
    EXPECT_EQ(s.rows[1].name, pp);
    EXPECT_EQ(s.rows[2].name, pw2);  // first seen in the second report
    for (const side_row& r : s.rows) EXPECT_EQ(r.cells.size(), 3u);
}

TEST(SideBySide, EachCellHasItsMedianCvAndRatioToTheFirst) {
    const side_by_side s = three_hosts();
    const side_row& pw = s.rows[0];
    EXPECT_DOUBLE_EQ(pw.cells[0].median_ns, 11);
    EXPECT_DOUBLE_EQ(pw.cells[1].median_ns, 22);
    EXPECT_DOUBLE_EQ(pw.cells[2].median_ns, 5.5);
    EXPECT_DOUBLE_EQ(pw.cells[0].ratio, 1);
    EXPECT_DOUBLE_EQ(pw.cells[1].ratio, 2);
    EXPECT_DOUBLE_EQ(pw.cells[2].ratio, 0.5);
    EXPECT_EQ(pw.cells[1].repetitions, 3u);
    // cv is the sample's: stddev / mean. The same relative spread on every host.
    EXPECT_NEAR(pw.cells[0].cv, 1.0 / 11, 1e-12);
    EXPECT_NEAR(pw.cells[1].cv, pw.cells[0].cv, 1e-12);
    EXPECT_DOUBLE_EQ(s.rows[1].cells[1].ratio, 0.5);
}

TEST(SideBySide, AMissingBenchmarkIsAnAbsentCell) {
    const side_by_side s = three_hosts();
    const side_cell& pp_on_c = s.rows[1].cells[2];
    EXPECT_FALSE(pp_on_c.present);
    EXPECT_TRUE(std::isnan(pp_on_c.median_ns));
    // pw2 is not in the first report: figures, but no ratio.
    const side_row& pw2_row = s.rows[2];
    EXPECT_FALSE(pw2_row.cells[0].present);
    EXPECT_TRUE(pw2_row.cells[1].present);
    EXPECT_DOUBLE_EQ(pw2_row.cells[1].median_ns, 30);
    EXPECT_TRUE(std::isnan(pw2_row.cells[1].cv));  // one run: no spread to speak of
    EXPECT_TRUE(std::isnan(pw2_row.cells[1].ratio));
}

TEST(SideBySide, FailedRepetitionsAreCountedNotMedianed) {
    report a = host_report("a", {{pw1, {10, 10}}});
    report b = host_report("b", {{pw1, {20, 1e9}}});
    b.benchmarks[1].error_occurred = true;
    const side_by_side s = line_up({{"a.json", "", a}, {"b.json", "", b}});
    EXPECT_DOUBLE_EQ(s.rows[0].cells[1].median_ns, 20);
    EXPECT_EQ(s.rows[0].cells[1].repetitions, 1u);
    EXPECT_EQ(s.rows[0].cells[1].failed_runs, 1u);
    EXPECT_EQ(side_by_side_notes(s), std::vector<std::string>{pw1 + ": 1 of 2 repetitions failed in b (b.json)"});
}

TEST(SideBySide, LabelsAndHostFacts) {
    const side_by_side s = three_hosts();
    ASSERT_EQ(s.hosts.size(), 3u);
    EXPECT_EQ(s.hosts[0].label, "a (a.json)");
    EXPECT_EQ(s.hosts[2].label, "fast box");  // --label wins
    EXPECT_EQ(s.hosts[1].source, "runs/b.json");
    EXPECT_EQ(s.hosts[1].cpu_model, "Test CPU b");
    EXPECT_EQ(s.hosts[1].num_cpus, "4");
    EXPECT_EQ(s.hosts[1].kernel, "Linux 6.1");
    EXPECT_EQ(s.hosts[1].psem_version, "0.1.0");
}

TEST(SideBySide, DefaultLabelWithoutAHostOrForADirectory) {
    EXPECT_EQ(default_label(nlohmann::json::object(), "x/gb.json"), "gb.json");
    EXPECT_EQ(default_label({{"host_name", "unknown"}}, "gb.json"), "gb.json");
    EXPECT_EQ(default_label({{"host_name", "h"}}, "runs/a-side/"), "h (a-side)");
    // A plain Google Benchmark file: no "psem" object, every fact unknown but the host.
    const side_by_side s = line_up({{"gb.json", "", with_samples(pw1, {1})}, {"b.json", "", with_samples(pw1, {2})}});
    EXPECT_EQ(s.hosts[0].host_name, "unknown");
    EXPECT_EQ(s.hosts[0].cpu_model, "unknown");
    EXPECT_EQ(s.hosts[0].kernel, "unknown");
}

TEST(SideBySideRender, TableNamesTheHostsAndDashesTheGaps) {
    const std::string t = render_side_by_side_table(three_hosts());
    EXPECT_NE(t.find("1. a (a.json): host a, CPU Test CPU a, 4 CPUs, kernel Linux 6.1, psem 0.1.0"), std::string::npos)
        << t;
    EXPECT_NE(t.find("3. fast box: host c,"), std::string::npos) << t;
    EXPECT_NE(t.find("a (a.json) ns/op"), std::string::npos) << t;
    EXPECT_NE(t.find("fast box ns/op"), std::string::npos) << t;
    EXPECT_NE(t.find("—"), std::string::npos) << t;
    EXPECT_NE(t.find("2.00"), std::string::npos) << t;
    EXPECT_NE(t.find("0.50"), std::string::npos) << t;
}

TEST(SideBySideRender, MarkdownRowPerBenchmark) {
    const std::string md = render_side_by_side_markdown(three_hosts());
    EXPECT_EQ(md.rfind("### psem-bench side-by-side: 3 reports\n", 0), 0u) << md;
    EXPECT_NE(md.find("| " + pw1 + " | 11.0 | 9.09% | 22.0 | 9.09% | 2.00 | 5.50 | 9.09% | 0.50 |"), std::string::npos)
        << md;
    EXPECT_NE(md.find("| " + pp + " | 5000 | 0.00% | 2500 | 0.00% | 0.50 | — | — | — |"), std::string::npos) << md;
    EXPECT_NE(md.find("| " + pw2 + " | — | — | 30.0 | - | - | 15.0 | 0.00% | - |"), std::string::npos) << md;
}

TEST(SideBySideRender, JsonHasNullForAbsentAndUnknown) {
    const auto j = nlohmann::json::parse(render_side_by_side_json(three_hosts()));
    ASSERT_EQ(j.at("reports").size(), 3u);
    EXPECT_EQ(j["reports"][2]["label"], "fast box");
    EXPECT_EQ(j["reports"][0]["host_name"], "a");
    ASSERT_EQ(j.at("benchmarks").size(), 3u);
    EXPECT_EQ(j["benchmarks"][1]["name"], pp);
    EXPECT_TRUE(j["benchmarks"][1]["reports"][2].is_null());
    EXPECT_DOUBLE_EQ(j["benchmarks"][0]["reports"][1]["ratio"].get<double>(), 2);
    EXPECT_TRUE(j["benchmarks"][2]["reports"][1]["ratio"].is_null());
    EXPECT_TRUE(j["benchmarks"][2]["reports"][1]["cv"].is_null());
}

}  // namespace

// Reports of a backend sweep: on each host, every primitive against psem on that host.
TEST(SideBySide, BackendsAreLinedUpAgainstPsemOnEachHost) {
    const std::string psem = "pingpong/backend:psem/processes:2/threads:1";
    const std::string sysv = "pingpong/backend:sysv/processes:2/threads:1";
    std::vector<labelled_report> in;
    in.push_back({"a.json", "", host_report("a", {{psem, {10, 10}}, {sysv, {30, 30}}, {pw1, {5}}})});
    in.push_back({"b.json", "", host_report("b", {{sysv, {40, 40}}, {psem, {20, 20}}})});
    const side_by_side s = line_up(in);
    ASSERT_EQ(s.rows.size(), 3u);
    EXPECT_DOUBLE_EQ(s.rows[1].cells[0].vs_psem, 3.0);
    EXPECT_DOUBLE_EQ(s.rows[1].cells[1].vs_psem, 2.0);
    EXPECT_DOUBLE_EQ(s.rows[0].cells[0].vs_psem, 1.0);
    EXPECT_TRUE(std::isnan(s.rows[2].cells[0].vs_psem)) << "no backend in the name";
    const std::string text = render_side_by_side_table(s);
    EXPECT_NE(text.find("vs psem"), std::string::npos) << text;
    EXPECT_NE(text.find("3.00x"), std::string::npos) << text;
    // Without a backend sweep, no such column (the legend still explains the word).
    const std::string plain = render_side_by_side_table(three_hosts());
    const auto header = plain.substr(plain.find("benchmark"), plain.find('\n', plain.find("benchmark")) - plain.find("benchmark"));
    EXPECT_EQ(header.find("vs psem"), std::string::npos) << header;
}
