// analysis/summary.hpp - the figures a person looks at first, picked from the records.
//
// This is the computing half of the terminal and Markdown tables (render.hpp prints):
// one row per benchmark with the median over repetitions when there were several, one
// row per iteration record otherwise, and failed runs as rows of their own.
#pragma once

#include "model/records.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace psem::bench {

struct summary_row {
    std::string name;                 // run_name for a median row, the record's name otherwise
    bool median_of_repetitions = false;
    int repetitions = 1;              // runs behind the row (the aggregate's count)
    double ns_per_op = 0;             // real_time_ns
    double cpu_ns_per_op = 0;         // cpu_time_ns
    std::optional<double> ops_per_sec;   // counter, else 1e9 / ns_per_op
    std::optional<double> p50_ns;
    std::optional<double> p99_ns;
    std::optional<double> cv;            // fraction, from the "cv" aggregate (median rows)
    std::optional<double> ctxsw_per_op;  // voluntary + involuntary context switches per op
    std::optional<double> limit_multiple;  // pingpong: round trip / the host's cache-line round trip
    std::optional<std::string> error;    // set for a failed run: the other figures mean nothing
};

[[nodiscard]] std::vector<summary_row> summarize(std::span<const run_record> records);

struct check_tally {
    int passed = 0;
    int failed = 0;
    int skipped = 0;
};

/// A skipped check counts as skipped whatever its `passed` says.
[[nodiscard]] check_tally tally_checks(std::span<const check_record> checks);

/// "PASS", "FAIL" or "SKIP".
[[nodiscard]] const char* check_status(const check_record& c);

}  // namespace psem::bench
