// render/side_by_side_render.hpp - reports lined up side by side (analysis/side_by_side.hpp)
// as a terminal table, Markdown, or JSON.
//
// Pure: the plain records in, text out.
#pragma once

#include "analysis/side_by_side.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace psem::bench {

/// One line per report naming its host: "1. host-a (host-a.json): host host-a, CPU ...,
/// 2 CPUs, kernel ..., psem 0.1.0"; then per benchmark a row with each report's median
/// ns/op and cv, and for the second report on the ratio to the first; "—" where a report
/// lacks the benchmark.
void render_side_by_side_table(std::ostream& out, const side_by_side& s);
[[nodiscard]] std::string render_side_by_side_table(const side_by_side& s);

/// The same as GitHub-flavoured Markdown under a "### psem-bench side-by-side" heading.
void render_side_by_side_markdown(std::ostream& out, const side_by_side& s);
[[nodiscard]] std::string render_side_by_side_markdown(const side_by_side& s);

/// For machines: "reports" (label, source and host facts) and "benchmarks" (name, and per
/// report null when absent, else median_ns, cv, repetitions, failed_runs, ratio; NaN as
/// null). 2-space indented, ends in '\n'.
[[nodiscard]] std::string render_side_by_side_json(const side_by_side& s);

/// "postwait/...: 2 of 5 repetitions failed in host-b (host-b.json)", one per such cell.
[[nodiscard]] std::vector<std::string> side_by_side_notes(const side_by_side& s);

}  // namespace psem::bench
