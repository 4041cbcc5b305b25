// cli/merging.hpp - the reports of command-line arguments merged into one: what
// `psem-bench merge` writes and `psem-bench gate --record` stores.
#pragma once

#include "model/records.hpp"

#include <string>
#include <vector>

namespace psem::bench::cli {

/// Every report the arguments stand for (a directory: its *.json in file name order, as
/// for compare), merged by analysis/merge.hpp's merge_reports: recorded_runs counts those
/// files. Throws report_error naming the file (and JSON path): unreadable, malformed, no
/// benchmark, or only aggregates (nothing to pool).
[[nodiscard]] report merge_report_arguments(const std::vector<std::string>& args);

}  // namespace psem::bench::cli
