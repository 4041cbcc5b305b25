// Helpers shared by the report tests: sample records and field-by-field comparison
// (run_record has no operator==, and NaN must compare equal to NaN here).
#pragma once

#include "test_paths.hpp"
#include "model/records.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace report_test {

inline void expect_same_number(double a, double b, const std::string& what) {
    if (std::isnan(a) && std::isnan(b)) return;
    EXPECT_EQ(a, b) << what;
}

inline void expect_same(const psem::bench::run_record& a, const psem::bench::run_record& b) {
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.run_name, b.run_name) << a.name;
    EXPECT_EQ(a.scenario, b.scenario) << a.name;
    EXPECT_EQ(a.workload, b.workload) << a.name;
    EXPECT_EQ(a.run_type, b.run_type) << a.name;
    EXPECT_EQ(a.aggregate_name, b.aggregate_name) << a.name;
    EXPECT_EQ(a.aggregate_unit, b.aggregate_unit) << a.name;
    EXPECT_EQ(a.repetitions, b.repetitions) << a.name;
    EXPECT_EQ(a.threads, b.threads) << a.name;
    EXPECT_EQ(a.processes, b.processes) << a.name;
    if (a.run_type == "iteration") {
        EXPECT_EQ(a.repetition_index, b.repetition_index) << a.name;
    }
    EXPECT_EQ(a.params, b.params) << a.name;
    EXPECT_EQ(a.ops, b.ops) << a.name;
    expect_same_number(a.wall_ns, b.wall_ns, a.name + " wall_ns");
    expect_same_number(a.cpu_ns, b.cpu_ns, a.name + " cpu_ns");
    expect_same_number(a.real_time_ns, b.real_time_ns, a.name + " real_time_ns");
    expect_same_number(a.cpu_time_ns, b.cpu_time_ns, a.name + " cpu_time_ns");
    ASSERT_EQ(a.counters.size(), b.counters.size()) << a.name;
    for (const auto& [k, v] : a.counters) {
        ASSERT_TRUE(b.counters.count(k)) << a.name << " lacks " << k;
        expect_same_number(v, b.counters.at(k), a.name + " " + k);
    }
    EXPECT_EQ(a.error_occurred, b.error_occurred) << a.name;
    EXPECT_EQ(a.error_message, b.error_message) << a.name;
    EXPECT_EQ(a.latency_histogram, b.latency_histogram) << a.name;
}

inline void expect_same(const psem::bench::check_record& a, const psem::bench::check_record& b) {
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.expected, b.expected) << a.name;
    EXPECT_EQ(a.observed, b.observed) << a.name;
    EXPECT_EQ(a.passed, b.passed) << a.name;
    EXPECT_EQ(a.skipped, b.skipped) << a.name;
    EXPECT_EQ(a.reason, b.reason) << a.name;
    EXPECT_EQ(a.trials, b.trials) << a.name;
    EXPECT_EQ(a.lateness_p50_ns, b.lateness_p50_ns) << a.name;
    EXPECT_EQ(a.lateness_p99_ns, b.lateness_p99_ns) << a.name;
    EXPECT_EQ(a.lateness_max_ns, b.lateness_max_ns) << a.name;
    EXPECT_EQ(a.extra, b.extra) << a.name;
}

/// One repetition of a postwait run with the usual counters.
inline psem::bench::run_record postwait_run(int index, double ns_per_op, int repetitions = 3) {
    psem::bench::run_record r;
    r.name = r.run_name = "postwait/processes:4/threads:1";
    r.scenario = "postwait-parallel";
    r.workload = "postwait";
    r.repetitions = repetitions;
    r.repetition_index = index;
    r.threads = 4;
    r.processes = 4;
    r.params = {{"processes", 4}};
    r.ops = 4'000'000;
    r.real_time_ns = ns_per_op;
    r.cpu_time_ns = ns_per_op * 3.5;
    r.wall_ns = ns_per_op * 4e6;
    r.cpu_ns = r.cpu_time_ns * 4e6;
    r.counters = {{"ops_per_sec", 1e9 / ns_per_op}, {"voluntary_ctxsw_per_op", 0.02}};
    // io/ keeps the histogram as written (measure/hdr_codec decodes it): any text will do.
    if (index == 0) r.latency_histogram = "HISTFAAAACB4nJNpmSzMwMDAxAABzFCaEUzOAQAS6gJs";
    return r;
}

// Appended piecewise: GCC 12 warns falsely (-Warray-bounds) on std::string(lit) + "..." + s.
inline std::string fixture(const std::string& name) {
    std::string path = PSEM_FIXTURES_DIR;
    path.append("/reports/").append(name);
    return path;
}

}  // namespace report_test
