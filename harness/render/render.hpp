// render/render.hpp - reports as text: a terminal table, Markdown, CSV, and the checks.
//
// Pure: records in, text out (to a stream, or as a string). What goes in the summary
// tables is chosen by summarize() (summary.hpp); how numbers look, by format.hpp.
#pragma once

#include "model/records.hpp"

#include <ostream>
#include <span>
#include <string>

namespace psem::bench {

/// Columns: benchmark, ns/op (median of repetitions, or of the one run), ops/s, p50, p99,
/// cv%, ctxsw/op; fixed-width, aligned. Failed runs show their error message.
void render_table(std::ostream& out, std::span<const run_record> records);
[[nodiscard]] std::string render_table(std::span<const run_record> records);

/// The same table in GitHub-flavoured Markdown (for CI summaries and pull requests).
void render_markdown(std::ostream& out, std::span<const run_record> records);
[[nodiscard]] std::string render_markdown(std::span<const run_record> records);

/// Every record, one line each (RFC 4180): identity, figures in ns, every counter any
/// record has (empty where a record lacks it), params as compact JSON. For spreadsheets.
void render_csv(std::ostream& out, std::span<const run_record> records);
[[nodiscard]] std::string render_csv(std::span<const run_record> records);

/// Columns: check, result (PASS/FAIL/SKIP), expected, observed, lateness p50/p99 (only
/// when some check measured them), note; then a tally line ("5 passed, 1 failed").
void render_checks_table(std::ostream& out, std::span<const check_record> checks);
[[nodiscard]] std::string render_checks_table(std::span<const check_record> checks);
void render_checks_markdown(std::ostream& out, std::span<const check_record> checks);
[[nodiscard]] std::string render_checks_markdown(std::span<const check_record> checks);

}  // namespace psem::bench
