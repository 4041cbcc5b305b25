// io/atomic_write.hpp - replace a file all at once, so a crash, a full disk or a
// kill never leaves half a report: readers see the old file or the new one.
#pragma once

#include "model/records.hpp"

#include <filesystem>
#include <string_view>

namespace psem::bench {

/// Writes `content` to a temporary file next to `path` (same directory, so the rename
/// cannot cross file systems), fsyncs it, renames it over `path` and fsyncs the
/// directory. Creates missing parent directories. On failure the temporary file is
/// removed, any old file at `path` is untouched, and report_error says what failed.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

/// write_file_atomically(path, to_json_string(r)).
void write_report_atomically(const std::filesystem::path& path, const report& r);

}  // namespace psem::bench
