// analysis/side_by_side.hpp - two or more reports (hosts, usually) lined up per benchmark:
// each report's median ns/op and spread, and its ratio to the first report's median.
//
// Computing only, no verdict: side by side answers "how do these hosts differ", not "did
// this change regress". render/side_by_side_render.hpp prints the records, which are
// plain structs, so the renderers need only this header.
#pragma once

#include "model/records.hpp"

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace psem::bench {

/// One report to line up and where it came from (a file, or a directory pooled).
struct labelled_report {
    std::string source;  // as given on the command line
    std::string label;   // empty: default_label()
    report data;
};

/// What a reader needs to know about one report's host, from its context. A field the
/// report does not have (a plain Google Benchmark file has no "psem" object) is "unknown".
struct side_host {
    std::string label;
    std::string source;
    std::string host_name;
    std::string cpu_model;
    std::string num_cpus;
    std::string kernel;
    std::string psem_version;
};

/// One report's figures for one benchmark.
struct side_cell {
    static constexpr double nan = std::numeric_limits<double>::quiet_NaN();

    bool present = false;         // false: this report has no such benchmark
    double median_ns = nan;       // median real_time over the good repetitions
    double cv = nan;              // fraction; NaN with fewer than two repetitions
    std::size_t repetitions = 0;  // behind the median
    std::size_t failed_runs = 0;
    double ratio = nan;           // median_ns / the first report's median_ns
    double vs_psem = nan;         // a "backend:X" benchmark: median_ns / the same report's
                                  // "backend:psem" one (the same name otherwise)
};

struct side_row {
    std::string name;             // run_name
    std::vector<side_cell> cells; // one per report, in argument order
};

struct side_by_side {
    std::vector<side_host> hosts;  // one per report, in argument order
    std::vector<side_row> rows;    // union of the benchmark names, in first-seen order
};

/// "host-a (host-a.json)": the context's host_name and the source's file name; the file
/// name alone when the host is unknown.
[[nodiscard]] std::string default_label(const nlohmann::json& context, const std::string& source);

/// Lines the reports up. Benchmarks are matched by run_name; the first report is the
/// reference of every ratio (no ratio where it lacks the benchmark or has no median).
[[nodiscard]] side_by_side line_up(const std::vector<labelled_report>& reports);

}  // namespace psem::bench
