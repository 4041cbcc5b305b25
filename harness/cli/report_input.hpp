// cli/report_input.hpp - what compare and side-by-side share at their two ends: reading a
// report argument (a file, or a directory whose reports are pooled) and writing the
// rendered text to stdout or to --out.
#pragma once

#include "model/records.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace psem::bench::cli {

/// The files a report argument stands for: a file itself, or a directory's *.json in file
/// name order. Throws report_error for a directory that cannot be listed or holds none.
[[nodiscard]] std::vector<std::filesystem::path> report_files(const std::string& arg);

/// One report file, read and parsed; throws report_error naming it when it cannot be read,
/// is malformed, or has no benchmark.
[[nodiscard]] report read_report_file(const std::filesystem::path& file);

/// A report file, or a directory standing for every *.json in it, pooled (the A or B runs
/// of an interleaved job). Throws report_error naming the file: unreadable, malformed, no
/// benchmark, an empty directory.
[[nodiscard]] report read_report_argument(const std::string& arg);

/// The same argument unpooled: one report for a file, a directory's reports in file name
/// order (the rounds of an interleaved job, for compare --paired).
[[nodiscard]] std::vector<report> read_report_rounds(const std::string& arg);

/// Prints `text`, or writes it atomically to `out` and then prints `log_text` (what a
/// person reading the job's log needs: the table). Returns exit_ok, or exit_usage when
/// the file cannot be written (the message, prefixed with `command`, on stderr).
[[nodiscard]] int emit_output(const char* command, const std::string& out, const std::string& text,
                              const std::string& log_text);

}  // namespace psem::bench::cli
