// render/compare_render.hpp - a comparison (analysis/compare.hpp) as text: a terminal
// table, a Markdown block for a pull-request comment, or the JSON difference report.
//
// Pure: the comparison's plain records in, text out. Nothing is computed here beyond
// formatting.
#pragma once

#include "analysis/compare.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace psem::bench {

/// Columns: benchmark, baseline and contender median ns/op, change, 95% CI of the change,
/// p, repetitions (baseline/contender), verdict; a geomean row; then the notes and a
/// closing "Result:" line.
void render_comparison_table(std::ostream& out, const comparison& c);
[[nodiscard]] std::string render_comparison_table(const comparison& c);

/// The same as GitHub-flavoured Markdown under a "### psem-bench compare" heading, with
/// regressions in bold and the notes as a list.
void render_comparison_markdown(std::ostream& out, const comparison& c);
[[nodiscard]] std::string render_comparison_markdown(const comparison& c);

/// The difference report for machines (2-space indented, NaN as null, ends in '\n').
[[nodiscard]] std::string render_comparison_json(const comparison& c);

/// "faster", "slower", "same", "too few repetitions" or "failed": stable words, used in
/// the JSON and (except "same", shown as "~") in the tables.
[[nodiscard]] const char* verdict_name(verdict v);

/// The warnings and notes, one sentence each: benchmarks on one side only, set-up
/// differences, spread over the limit, failed repetitions, aggregate-only sides.
[[nodiscard]] std::vector<std::string> comparison_notes(const comparison& c);

}  // namespace psem::bench
