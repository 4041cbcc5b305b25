// cli/comparing.hpp - compare's steps, for the commands that end in a comparison
// (compare itself, and gate, which compares the reports its runs wrote).
#pragma once

#include "analysis/compare.hpp"
#include "cli/commands.hpp"

#include <string>

namespace psem::bench::cli {

/// Reads the two sides (pooled, or --paired: two directories of as many round reports)
/// and compares them with the options of `args` (its format and out are not used).
/// Throws report_error naming the file and JSON path, or another exception, for bad input.
[[nodiscard]] comparison compare_inputs(const compare_args& args);

/// The comparison as "table", "markdown" or "json".
[[nodiscard]] std::string render_comparison(const comparison& c, const std::string& format);

/// The exit code a comparison gives: exit_ok, or exit_failed for a regression.
[[nodiscard]] int comparison_exit_code(const comparison& c);

}  // namespace psem::bench::cli
