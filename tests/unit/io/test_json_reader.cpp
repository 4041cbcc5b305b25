// Tests of the JSON reader: real Google Benchmark output, our fixture, and errors that
// name the file, the JSON path and what is wrong.
#include "test_paths.hpp"
#include "io/json_reader.hpp"
#include "record_builders.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>

namespace {

using namespace psem::bench;
using report_test::fixture;

// The message of the report_error that reading `file` throws ("" if none).
std::string error_reading(const std::string& file) {
    try {
        (void)read_report(file);
    } catch (const report_error& e) {
        return e.what();
    }
    return "";
}

std::string error_parsing(const std::string& text) {
    try {
        (void)parse_report(text, "inline.json");
    } catch (const report_error& e) {
        return e.what();
    }
    return "";
}

TEST(JsonReader, ReadsPlainGoogleBenchmarkOutput) {
    const report rep = read_report(fixture("gbench_plain.json"));
    EXPECT_EQ(rep.context.at("host_name"), "vm");
    EXPECT_EQ(rep.context.at("num_cpus"), 2);
    ASSERT_EQ(rep.benchmarks.size(), 9u);
    const run_record& first = rep.benchmarks[0];
    EXPECT_EQ(first.name, "BM_raw_post_wait/repeats:3");
    EXPECT_EQ(first.run_type, "iteration");
    EXPECT_EQ(first.repetitions, 3);
    EXPECT_EQ(first.ops, 5698628u);
    EXPECT_DOUBLE_EQ(first.real_time_ns, 1.2309885818137058e+01);
    EXPECT_DOUBLE_EQ(first.counters.at("ops_per_sec"), 8.1301697323311776e+07);
    EXPECT_EQ(first.counters.size(), 1u);  // family_index & co. are not counters
    EXPECT_TRUE(first.scenario.empty());
    const run_record& cv = rep.benchmarks[6];
    EXPECT_EQ(cv.name, "BM_raw_post_wait/repeats:3_cv");
    EXPECT_EQ(cv.run_name, "BM_raw_post_wait/repeats:3");
    EXPECT_EQ(cv.aggregate_name, "cv");
    EXPECT_EQ(cv.aggregate_unit, "percentage");
    const run_record& failed = rep.benchmarks[8];
    EXPECT_TRUE(failed.error_occurred);
    EXPECT_EQ(failed.error_message, "no such semaphore");
    EXPECT_TRUE(rep.checks.empty());
}

TEST(JsonReader, ConvertsTimeUnitsAndAcceptsGoogleBenchmarkNaN) {
    const report rep = read_report(fixture("gbench_us_nan.json"));
    ASSERT_FALSE(rep.benchmarks.empty());
    EXPECT_NEAR(rep.benchmarks[0].real_time_ns, 1.7734249426028042, 1e-12);  // 1.77e-3 us
    const run_record& cv = rep.benchmarks.back();
    EXPECT_EQ(cv.aggregate_name, "cv");
    EXPECT_NEAR(cv.real_time_ns, 0.020801105185775468, 1e-15);  // GB leaves cv unscaled
    EXPECT_TRUE(std::isnan(cv.counters.at("successes")));
}

TEST(JsonReader, ReadsOurFixtureWithChecksAndParams) {
    const report rep = read_report(fixture("psem_small.json"));
    ASSERT_EQ(rep.benchmarks.size(), 9u);
    const run_record& r = rep.benchmarks[0];
    EXPECT_EQ(r.scenario, "postwait-parallel");
    EXPECT_EQ(r.workload, "postwait");
    EXPECT_EQ(r.processes, 8);
    ASSERT_EQ(r.params.size(), 2u);
    EXPECT_EQ(r.params[0].first, "processes");  // document order kept
    EXPECT_EQ(r.params[1].second, "psem");
    EXPECT_DOUBLE_EQ(r.wall_ns, 113680000.0);
    EXPECT_EQ(rep.context.at("psem").at("report_schema_version"), 1);
    ASSERT_EQ(rep.checks.size(), 4u);
    EXPECT_EQ(rep.checks[1].trials, 50);
    EXPECT_EQ(rep.checks[1].lateness_p99_ns, 180511.0);
    EXPECT_EQ(rep.checks[1].extra.at("timeout_ns"), 1e6);
    EXPECT_FALSE(rep.checks[0].trials.has_value());
    EXPECT_TRUE(rep.checks[3].skipped);
}

TEST(JsonReader, NotJsonNamesFileAndLine) {
    const std::string msg = error_reading(fixture("malformed_not_json.json"));
    EXPECT_NE(msg.find("malformed_not_json.json: not valid JSON"), std::string::npos) << msg;
    EXPECT_NE(msg.find("line"), std::string::npos) << msg;
    EXPECT_NE(error_parsing("").find("not valid JSON"), std::string::npos);
}

TEST(JsonReader, NumberOutOfRangeIsAReportError) {
    // nlohmann reports 1e400 as out_of_range, not parse_error: still "not valid JSON" here.
    const std::string msg = error_parsing(R"({"benchmarks": [{"name": "x", "iterations": 1, "real_time": 1e400}]})");
    EXPECT_NE(msg.find("inline.json: not valid JSON"), std::string::npos) << msg;
}

TEST(JsonReader, MissingBenchmarks) {
    const std::string msg = error_reading(fixture("malformed_no_benchmarks.json"));
    EXPECT_NE(msg.find("malformed_no_benchmarks.json: missing \"benchmarks\""), std::string::npos) << msg;
    EXPECT_NE(error_parsing("[1, 2]").find("expected a JSON object at the top, found an array"), std::string::npos);
}

TEST(JsonReader, BenchmarksNotAnArray) {
    const std::string msg = error_reading(fixture("malformed_benchmarks_not_array.json"));
    EXPECT_NE(msg.find(": /benchmarks: expected an array, found an object"), std::string::npos) << msg;
}

TEST(JsonReader, MissingFieldNamesItsPath) {
    const std::string msg = error_reading(fixture("malformed_missing_real_time.json"));
    EXPECT_NE(msg.find("malformed_missing_real_time.json: /benchmarks/1/real_time: missing (expected a number)"),
              std::string::npos)
        << msg;
}

TEST(JsonReader, WrongTypeNamesWhatWasFound) {
    const std::string msg = error_reading(fixture("malformed_wrong_types.json"));
    EXPECT_NE(msg.find("/benchmarks/0/iterations: expected a non-negative integer, found a string"), std::string::npos)
        << msg;
    const std::string base = R"({"benchmarks": [{"name": "x", "iterations": 1, "real_time": 1, "cpu_time": 1)";
    EXPECT_NE(error_parsing(base + R"(, "time_unit": "fortnights"}]})").find("/benchmarks/0/time_unit: unknown time unit"),
              std::string::npos);
    EXPECT_NE(error_parsing(base + R"(, "run_type": "warmup"}]})").find("/benchmarks/0/run_type: expected"),
              std::string::npos);
    EXPECT_NE(error_parsing(base + R"(, "threads": 1.5}]})").find("/benchmarks/0/threads: expected an integer, found a number"),
              std::string::npos);
    EXPECT_NE(error_parsing(base + R"(, "params": [1]}]})").find("/benchmarks/0/params: expected an object"),
              std::string::npos);
    EXPECT_NE(error_parsing(R"({"benchmarks": [], "checks": [{"passed": true}]})").find("/checks/0/name: missing"),
              std::string::npos);
    EXPECT_NE(error_parsing(R"({"benchmarks": [7]})").find("/benchmarks/0: expected an object, found an integer"),
              std::string::npos);
    EXPECT_NE(error_parsing(R"({"context": 3, "benchmarks": []})").find("/context: expected an object"),
              std::string::npos);
}

TEST(JsonReader, ErrorTypeCarriesTheParts) {
    try {
        (void)read_report(fixture("malformed_missing_real_time.json"));
        FAIL() << "no exception";
    } catch (const report_error& e) {
        EXPECT_EQ(e.json_path(), "/benchmarks/1/real_time");
        EXPECT_EQ(e.message(), "missing (expected a number)");
        EXPECT_NE(e.file().find("malformed_missing_real_time.json"), std::string::npos);
    }
}

TEST(JsonReader, MissingFileAndDirectory) {
    const std::string missing = error_reading("/nonexistent/psem/report.json");
    EXPECT_NE(missing.find("/nonexistent/psem/report.json: cannot open: No such file or directory"), std::string::npos)
        << missing;
    const std::string dir = error_reading(std::string(PSEM_FIXTURES_DIR));
    EXPECT_NE(dir.find("is a directory"), std::string::npos) << dir;
}

TEST(JsonReader, OlderGoogleBenchmarkFieldsAreOptional) {
    // GB before 1.7: no run_name, no aggregate_unit, no family indices; plus a BigO entry.
    const report rep = parse_report(R"({"benchmarks": [
        {"name": "BM_a/8_mean", "run_type": "aggregate", "aggregate_name": "mean",
         "iterations": 3, "real_time": 5, "cpu_time": 5, "time_unit": "ms"},
        {"name": "BM_a/8_cv", "run_type": "aggregate", "aggregate_name": "cv",
         "iterations": 3, "real_time": 0.01, "cpu_time": 0.01, "time_unit": "ms"},
        {"name": "BM_a_BigO", "run_type": "aggregate", "aggregate_name": "BigO",
         "cpu_coefficient": 1.5, "real_coefficient": 1.5, "big_o": "N", "time_unit": "ns"}]})");
    ASSERT_EQ(rep.benchmarks.size(), 2u);  // the BigO fit is skipped
    EXPECT_EQ(rep.benchmarks[0].run_name, "BM_a/8");
    EXPECT_DOUBLE_EQ(rep.benchmarks[0].real_time_ns, 5e6);
    EXPECT_EQ(rep.benchmarks[1].aggregate_unit, "percentage");
    EXPECT_EQ(rep.benchmarks[1].real_time_ns, 0.01);  // a fraction: not scaled by the unit
}

TEST(JsonReader, NaNInsideStringsIsLeftAlone) {
    const report rep = parse_report(R"({"benchmarks": [
        {"name": "NaN \"Infinity\" x", "iterations": 1, "real_time": NaN, "cpu_time": -Infinity,
         "error_message": "Infinity", "c": Infinity}]})");
    ASSERT_EQ(rep.benchmarks.size(), 1u);
    EXPECT_EQ(rep.benchmarks[0].name, "NaN \"Infinity\" x");
    EXPECT_TRUE(std::isnan(rep.benchmarks[0].real_time_ns));
    EXPECT_TRUE(std::isinf(rep.benchmarks[0].cpu_time_ns));
    EXPECT_EQ(rep.benchmarks[0].error_message, "Infinity");
    EXPECT_TRUE(std::isinf(rep.benchmarks[0].counters.at("c")));
}

}  // namespace
