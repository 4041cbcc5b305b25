// Tests of the summary selection and the text renderers (terminal, Markdown, CSV, checks).
#include "render/format.hpp"
#include "io/json_reader.hpp"
#include "render/render.hpp"
#include "analysis/summary.hpp"
#include "render/text_table.hpp"
#include "record_builders.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <sstream>

namespace {

using namespace psem::bench;
using report_test::fixture;

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

TEST(Format, Numbers) {
    EXPECT_EQ(format_ns(1.234), "1.23");
    EXPECT_EQ(format_ns(14.21), "14.2");
    EXPECT_EQ(format_ns(416.4), "416.4");
    EXPECT_EQ(format_ns(12345.6), "12346");
    EXPECT_EQ(format_duration(850), "850 ns");
    EXPECT_EQ(format_duration(2944), "2.94 us");
    EXPECT_EQ(format_duration(180511), "180.5 us");
    EXPECT_EQ(format_duration(1.2e6), "1.20 ms");
    EXPECT_EQ(format_duration(2e9), "2.00 s");
    EXPECT_EQ(format_rate(950), "950");
    EXPECT_EQ(format_rate(12345), "12.3k");
    EXPECT_EQ(format_rate(70372976.8), "70.4M");
    EXPECT_EQ(format_rate(1.2e9), "1.20G");
    EXPECT_EQ(format_percent(0.027456), "2.75%");
    EXPECT_EQ(format_ratio(0.0124), "0.01");
    EXPECT_EQ(format_ns(std::numeric_limits<double>::quiet_NaN()), "-");
    EXPECT_EQ(format_opt(format_rate, std::nullopt), "-");
}

TEST(Summary, MediansWhenRepeatedIterationsOtherwiseAndErrorsApart) {
    const report rep = read_report(fixture("psem_small.json"));
    const auto rows = summarize(rep.benchmarks);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].name, "postwait/processes:8/threads:1");
    EXPECT_TRUE(rows[0].median_of_repetitions);
    EXPECT_EQ(rows[0].repetitions, 3);
    EXPECT_DOUBLE_EQ(rows[0].ns_per_op, 14.21);
    ASSERT_TRUE(rows[0].cv.has_value());
    EXPECT_NEAR(*rows[0].cv, 0.0274561, 1e-6);
    EXPECT_NEAR(*rows[0].ctxsw_per_op, 0.0134, 1e-12);
    EXPECT_FALSE(rows[1].median_of_repetitions);
    EXPECT_EQ(rows[1].p50_ns, 2944.0);
    EXPECT_FALSE(rows[1].cv.has_value());
    ASSERT_TRUE(rows[2].error.has_value());
    EXPECT_NE(rows[2].error->find("SIGKILL"), std::string::npos);
}

TEST(Summary, FailedRepetitionStillShowsNextToTheMedian) {
    std::vector<run_record> recs{report_test::postwait_run(0, 10), report_test::postwait_run(1, 12)};
    recs.push_back(report_test::postwait_run(2, 0));
    recs.back().error_occurred = true;
    run_record median = recs[0];
    median.run_type = "aggregate";
    median.aggregate_name = "median";
    median.name += "_median";
    median.ops = 2;
    recs.push_back(median);
    const auto rows = summarize(recs);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_TRUE(rows[0].median_of_repetitions);
    EXPECT_EQ(rows[1].error, "failed");
    // Without a counter, ops/s comes from ns/op.
    recs[0].counters.clear();
    EXPECT_DOUBLE_EQ(*summarize(std::span(recs.data(), 1))[0].ops_per_sec, 1e8);
}

TEST(Render, TerminalTableIsAligned) {
    const report rep = read_report(fixture("psem_small.json"));
    const std::string text = render_table(rep.benchmarks);
    const auto lines = lines_of(text);
    ASSERT_EQ(lines.size(), 5u);  // header, rule, three rows
    EXPECT_EQ(lines[0].rfind("benchmark", 0), 0u);
    for (const char* col : {"ns/op", "ops/s", "p50", "p99", "cv%", "ctxsw/op"})
        EXPECT_NE(lines[0].find(col), std::string::npos) << col;
    // Right-aligned columns end where their header ends.
    const std::size_t ns_end = lines[0].find("ns/op") + 5;
    EXPECT_EQ(lines[2].substr(ns_end - 4, 4), "14.2");
    EXPECT_EQ(lines[3].substr(ns_end - 5, 5), " 3120");  // no decimals from 1000 ns up
    // Full rows have the header's width; nothing trails.
    EXPECT_EQ(lines[1].size(), lines[0].size());
    EXPECT_EQ(lines[2].size(), lines[0].size());
    for (const auto& l : lines) EXPECT_NE(l.back(), ' ');
    EXPECT_NE(lines[2].find("70.4M"), std::string::npos);
    EXPECT_NE(lines[2].find("2.75%"), std::string::npos);
    EXPECT_NE(lines[3].find("2.94 us"), std::string::npos);
    EXPECT_NE(lines[3].find("7.17 us"), std::string::npos);
    EXPECT_NE(lines[4].find("ERROR: worker 3 killed"), std::string::npos);
}

TEST(Render, MarkdownTable) {
    run_record r = report_test::postwait_run(0, 14.21, 1);
    r.name = r.run_name = "odd|name";
    const std::vector<run_record> recs{r};
    const auto lines = lines_of(render_markdown(recs));
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0], "| benchmark | ns/op | ops/s | p50 | p99 | cpu/op | cv% | ctxsw/op |");
    EXPECT_EQ(lines[1], "| --- | --: | --: | --: | --: | --: | --: | --: |");
    // cpu/op: the record's cpu_time (3.5 x 14.21 ns), beside the latency.
    EXPECT_EQ(lines[2], "| odd\\|name | 14.2 | 70.4M | - | - | 50 ns | - | 0.02 |");
}

// pingpong's round trips as multiples of the cache-line limit: a column only when some
// row has the figure, "-" in the rows that do not.
TEST(Render, LimitMultipleColumnOnlyWhereMeasured) {
    run_record pp = report_test::postwait_run(0, 3140, 1);
    pp.name = pp.run_name = "pingpong";
    pp.counters["cacheline_multiple"] = 3.14;
    run_record pw = report_test::postwait_run(0, 14.21, 1);
    pw.name = pw.run_name = "postwait";
    const std::vector<run_record> both{pp, pw};
    const auto lines = lines_of(render_markdown(both));
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0], "| benchmark | ns/op | ops/s | p50 | p99 | cpu/op | cv% | ctxsw/op | x limit |");
    EXPECT_NE(lines[2].find("| 3.1x |"), std::string::npos) << lines[2];
    EXPECT_EQ(lines[3].substr(lines[3].size() - 5), "| - |") << lines[3];
    const std::vector<run_record> alone{pw};
    EXPECT_EQ(render_markdown(alone).find("x limit"), std::string::npos);
}

TEST(Render, CsvHasEveryRecordAndCounter) {
    const report rep = read_report(fixture("psem_small.json"));
    const std::string csv = render_csv(rep.benchmarks);
    const auto lines = lines_of(csv);
    ASSERT_EQ(lines.size(), rep.benchmarks.size() + 1);
    EXPECT_EQ(lines[0].rfind("name,run_name,run_type,aggregate_name,scenario,workload,processes,threads,", 0), 0u);
    EXPECT_NE(lines[0].find(",fairness,"), std::string::npos);
    EXPECT_NE(lines[0].find(",p999_ns,"), std::string::npos);
    EXPECT_NE(lines[1].find(",14.21,"), std::string::npos);
    EXPECT_NE(lines[1].find(R"("{""processes"":8,""backend"":""psem""}")"), std::string::npos) << lines[1];
    EXPECT_EQ(csv.find("\r\n") != std::string::npos, true);  // RFC 4180 line ends

    run_record r = report_test::postwait_run(0, 1, 1);
    r.error_occurred = true;
    r.error_message = "bad, \"very\" bad";
    const std::vector<run_record> recs{r};
    EXPECT_NE(render_csv(recs).find(R"(,true,"bad, ""very"" bad",)"), std::string::npos);
}

TEST(Render, ChecksTableWithLateness) {
    const report rep = read_report(fixture("psem_small.json"));
    const auto lines = lines_of(render_checks_table(rep.checks));
    ASSERT_EQ(lines.size(), 7u);  // header, rule, 4 checks, tally
    EXPECT_NE(lines[0].find("late p50"), std::string::npos);
    EXPECT_NE(lines[2].find("PASS"), std::string::npos);
    EXPECT_NE(lines[3].find("61.2 us"), std::string::npos);
    EXPECT_NE(lines[3].find("180.5 us"), std::string::npos);
    EXPECT_NE(lines[4].find("FAIL"), std::string::npos);
    EXPECT_NE(lines[4].find("EOVERFLOW"), std::string::npos);
    EXPECT_NE(lines[5].find("SKIP"), std::string::npos);
    EXPECT_NE(lines[5].find("running as root"), std::string::npos);
    EXPECT_EQ(lines[6], "2 passed, 1 failed, 1 skipped");
}

TEST(Render, ChecksWithoutLatenessHaveNoLatenessColumns) {
    check_record c;
    c.name = "try_wait_on_zero";
    c.expected = c.observed = "EAGAIN";
    c.passed = true;
    const std::vector<check_record> checks{c};
    const std::string text = render_checks_table(checks);
    EXPECT_EQ(text.find("late"), std::string::npos);
    const auto md = lines_of(render_checks_markdown(checks));
    EXPECT_EQ(md[0], "| check | result | expected | observed | note |");
    EXPECT_EQ(md[2], "| try_wait_on_zero | PASS | EAGAIN | EAGAIN |  |");
    EXPECT_EQ(md.back(), "1 passed, 0 failed, 0 skipped");
}

TEST(TextTable, SpanningCellDoesNotWidenColumns) {
    text_table t;
    t.columns = {{"a", text_table::align::left}, {"b", text_table::align::right}, {"c", text_table::align::right}};
    t.rows = {{"x", "1", "2"}, {"yy", "a very long message that spans"}};
    std::ostringstream out;
    print_aligned(out, t);
    const auto lines = lines_of(out.str());
    EXPECT_EQ(lines[0], "a   b  c");
    EXPECT_EQ(lines[1], "--  -  -");
    EXPECT_EQ(lines[2], "x   1  2");
    EXPECT_EQ(lines[3], "yy  a very long message that spans");
}

TEST(TextTable, WidthCountsCodePoints) {
    text_table t;
    t.columns = {{"name", text_table::align::left}, {"v", text_table::align::right}};
    t.rows = {{"\u00e9t\u00e9", "1"}, {"abcd", "22"}};
    std::ostringstream out;
    print_aligned(out, t);
    const auto lines = lines_of(out.str());
    EXPECT_EQ(lines[2], "\u00e9t\u00e9    1");
    EXPECT_EQ(lines[3], "abcd  22");
}

}  // namespace
