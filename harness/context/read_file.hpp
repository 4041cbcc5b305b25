// context/read_file.hpp - small text files from /proc and /sys, failing softly.
#pragma once

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "context/text_parse.hpp"

namespace psem::bench::context_detail {

/// The whole file, or nullopt if it cannot be read (absent, no permission, a directory).
inline std::optional<std::string> read_text(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
    std::ifstream in(path);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return s.str();
}

/// The file's content trimmed, or nullopt if unreadable or blank.
inline std::optional<std::string> read_trimmed(const std::filesystem::path& path) {
    auto text = read_text(path);
    if (!text) return std::nullopt;
    std::string t = context_parse::trim(*text);
    if (t.empty()) return std::nullopt;
    return t;
}

}  // namespace psem::bench::context_detail
