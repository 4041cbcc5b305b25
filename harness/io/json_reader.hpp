// io/json_reader.hpp - JSON -> report, for psem-bench reports and plain Google
// Benchmark output (psem-micro --benchmark_out, or any GB binary).
//
// Lenient where GB versions differ (missing json_schema_version, aggregate_unit,
// family_index; time units other than ns, converted to ns; GB's bare NaN/Infinity
// tokens; BigO/RMS entries, which are skipped), strict where a wrong value would
// mislead: a missing or mistyped figure is an error naming the file and JSON path.
#pragma once

#include "io/report_error.hpp"
#include "model/records.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace psem::bench {

/// Parses report text; `source` names it in errors. Throws report_error.
[[nodiscard]] report parse_report(std::string_view text, const std::string& source = "<string>");

/// Reads and parses a report file. Throws report_error (also when it cannot be read).
[[nodiscard]] report read_report(const std::filesystem::path& path);

}  // namespace psem::bench
