// Tests of the JSON writer: Google Benchmark's layout, our fields, and round trips.
#include "analysis/aggregate.hpp"
#include "io/json_reader.hpp"
#include "io/json_writer.hpp"
#include "record_builders.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <limits>
#include <sstream>

namespace {

using namespace psem::bench;
using report_test::expect_same;
using report_test::postwait_run;

std::vector<std::string> keys_of(const nlohmann::ordered_json& j) {
    std::vector<std::string> keys;
    for (const auto& [k, v] : j.items()) keys.push_back(k);
    return keys;
}

TEST(JsonWriter, IterationEntryHasGoogleBenchmarkFieldsInOrder) {
    run_record r = postwait_run(1, 14.5);
    const auto j = to_json(r, 0, 0);
    const std::vector<std::string> expected{
        "name", "family_index", "per_family_instance_index", "run_name", "run_type", "repetitions",
        "repetition_index", "threads", "iterations", "real_time", "cpu_time", "time_unit",
        // counters, sorted
        "ops_per_sec", "voluntary_ctxsw_per_op",
        // ours
        "scenario", "workload", "processes", "params", "wall_ns", "cpu_ns"};
    EXPECT_EQ(keys_of(j), expected);
    EXPECT_EQ(j["time_unit"], "ns");
    EXPECT_EQ(j["iterations"], 4'000'000u);
    EXPECT_EQ(j["real_time"], 14.5);
    EXPECT_EQ(j["run_type"], "iteration");
    EXPECT_TRUE(j["params"].is_object());
}

TEST(JsonWriter, AggregateAndErrorEntriesFollowGoogleBenchmark) {
    const std::vector<run_record> runs{postwait_run(0, 10), postwait_run(1, 12)};
    const auto cv = to_json(make_aggregates(runs)[3], 0, 0);
    EXPECT_FALSE(cv.contains("repetition_index"));  // GB omits it for aggregates
    EXPECT_EQ(cv["aggregate_name"], "cv");
    EXPECT_EQ(cv["aggregate_unit"], "percentage");
    const auto keys = keys_of(cv);
    EXPECT_EQ(std::vector<std::string>(keys.begin(), keys.begin() + 10),
              (std::vector<std::string>{"name", "family_index", "per_family_instance_index", "run_name", "run_type",
                                        "repetitions", "threads", "aggregate_name", "aggregate_unit", "iterations"}));

    run_record failed = postwait_run(0, 0);
    failed.error_occurred = true;
    failed.error_message = "worker 2 exited with status 1";
    const auto e = to_json(failed, 0, 0);
    EXPECT_EQ(e["error_occurred"], true);
    EXPECT_EQ(e["error_message"], "worker 2 exited with status 1");
    EXPECT_FALSE(to_json(postwait_run(0, 1), 0, 0).contains("error_occurred"));
}

TEST(JsonWriter, FamiliesAreScenariosAndInstancesAreRunNames) {
    report rep;
    run_record a1 = postwait_run(0, 10, 1);
    run_record a2 = postwait_run(0, 10, 1);
    a2.name = a2.run_name = "postwait/processes:8/threads:1";
    run_record b = postwait_run(0, 10, 1);
    b.scenario = "pingpong";
    b.name = b.run_name = "pingpong/processes:2/threads:1";
    run_record gb;  // a record from a plain GB file: no scenario, family from the name
    gb.name = gb.run_name = "BM_raw_post_wait/repeats:3";
    rep.benchmarks = {a1, a2, b, a1, gb};
    const auto j = to_json(rep);
    const auto& list = j["benchmarks"];
    EXPECT_EQ(list[0]["family_index"], 0);
    EXPECT_EQ(list[1]["family_index"], 0);
    EXPECT_EQ(list[1]["per_family_instance_index"], 1);
    EXPECT_EQ(list[2]["family_index"], 1);
    EXPECT_EQ(list[2]["per_family_instance_index"], 0);
    EXPECT_EQ(list[3]["per_family_instance_index"], 0);
    EXPECT_EQ(list[4]["family_index"], 2);
    EXPECT_FALSE(list[4].contains("scenario"));
}

TEST(JsonWriter, ContextKeepsGoogleBenchmarkOrderThenOurs) {
    report rep;
    rep.context = {{"psem", {{"version", "0.1.0"}, {"report_schema_version", 1}}},
                   {"zzz_custom", 1},
                   {"date", "2025-01-01T00:00:00+00:00"},
                   {"json_schema_version", 1},
                   {"host_name", "h"}};
    const auto j = to_json(rep);
    EXPECT_EQ(keys_of(j), (std::vector<std::string>{"context", "benchmarks", "checks"}));
    EXPECT_EQ(keys_of(j["context"]),
              (std::vector<std::string>{"date", "host_name", "json_schema_version", "psem", "zzz_custom"}));
    EXPECT_EQ(keys_of(j["context"]["psem"]), (std::vector<std::string>{"report_schema_version", "version"}));
}

TEST(JsonWriter, CounterNamedLikeAFieldIsRefused) {
    run_record r = postwait_run(0, 10);
    r.counters["real_time"] = 1;
    EXPECT_THROW((void)to_json(r, 0, 0), report_error);
    check_record c;
    c.name = "x";
    c.extra["passed"] = 1;
    EXPECT_THROW((void)to_json(c), report_error);
}

TEST(JsonWriter, NonFiniteNumbersAreNullAndReadBackAsNaN) {
    report rep;
    run_record r = postwait_run(0, 10, 1);
    r.counters["fairness"] = std::numeric_limits<double>::quiet_NaN();
    rep.benchmarks = {r};
    const std::string text = to_json_string(rep);
    EXPECT_NE(text.find("\"fairness\": null"), std::string::npos);
    const report back = parse_report(text);
    EXPECT_TRUE(std::isnan(back.benchmarks.at(0).counters.at("fairness")));
}

TEST(JsonWriter, RoundTripGivesTheSameRecords) {
    report rep;
    rep.context = {{"date", "2025-03-14T09:26:53+01:00"}, {"num_cpus", 2}, {"psem", {{"scenarios", nlohmann::json::array()}}}};
    std::vector<run_record> runs{postwait_run(0, 14.21), postwait_run(1, 13.87), postwait_run(2, 1.0 / 3.0)};
    runs[1].params = {{"processes", 4}, {"affinity", {0, 1}}, {"backend", "raw"}, {"critical_section_ns", 250.5}};
    runs[2].counters["p999_ns"] = 123456789.125;
    run_record failed = postwait_run(0, 1, 1);
    failed.name = failed.run_name = "postwait/processes:64/threads:1";
    failed.real_time_ns = failed.cpu_time_ns = failed.wall_ns = failed.cpu_ns = 0;
    failed.counters.clear();
    failed.error_occurred = true;
    failed.error_message = "sem_open: \"quoted\", unicode \u00e9, tab\t";
    runs.push_back(failed);
    rep.benchmarks = with_aggregates(runs);

    check_record plain;
    plain.name = "try_wait_on_zero";
    plain.expected = plain.observed = "EAGAIN";
    plain.passed = true;
    check_record timed;
    timed.name = "timed_wait_expires";
    timed.expected = timed.observed = "ETIMEDOUT";
    timed.passed = true;
    timed.trials = 20;
    timed.lateness_p50_ns = 51234.5;
    timed.lateness_p99_ns = 99000;
    timed.lateness_max_ns = 250000;
    timed.extra = {{"timeout_ns", 1e6}};
    check_record skipped;
    skipped.name = "eacces";
    skipped.skipped = true;
    skipped.reason = "running as root";
    rep.checks = {plain, timed, skipped};

    const report back = parse_report(to_json_string(rep), "roundtrip");
    EXPECT_EQ(back.context, rep.context);
    ASSERT_EQ(back.benchmarks.size(), rep.benchmarks.size());
    for (std::size_t i = 0; i < rep.benchmarks.size(); ++i) expect_same(rep.benchmarks[i], back.benchmarks[i]);
    ASSERT_EQ(back.checks.size(), rep.checks.size());
    for (std::size_t i = 0; i < rep.checks.size(); ++i) expect_same(rep.checks[i], back.checks[i]);
}

TEST(JsonWriter, FixtureIsReproducedByteForByte) {
    // psem_small.json is the writer's own output: reading and writing it again must not
    // change a byte (field order, number format, indentation).
    std::ifstream in(report_test::fixture("psem_small.json"));
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(to_json_string(parse_report(text.str())), text.str());
}

TEST(JsonWriter, WriteReportToStream) {
    report rep;
    rep.benchmarks = {postwait_run(0, 10, 1)};
    std::ostringstream out;
    write_report(out, rep);
    EXPECT_EQ(out.str(), to_json_string(rep));
    EXPECT_EQ(out.str().back(), '\n');
}

}  // namespace
