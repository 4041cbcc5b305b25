// scenario/json_text.hpp - JSON text to a document, stricter than nlohmann's defaults:
// duplicate keys, NUL bytes and deep nesting are errors, and syntax errors carry a line
// and column computed from the byte offset. Internal to harness/scenario.
#pragma once

#include "scenario/scenario.hpp"

#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace psem::bench::detail {

/// Deepest nesting of arrays and objects accepted; a scenario needs 3 (/sweep/FIELD/i).
inline constexpr int max_json_depth = 64;

struct json_text_result {
    std::optional<nlohmann::ordered_json> value;  // set when the text is valid JSON
    std::vector<scenario_error> errors;           // syntax errors and duplicate keys
};

/// Parses `text` keeping the file's key order (the sweep runs in file order).
[[nodiscard]] json_text_result parse_json_text(std::string_view text, std::string_view file);

/// 1-based line and column (in bytes) of byte `offset` of `text`; an offset past the end
/// names the position just after the last byte.
[[nodiscard]] std::pair<int, int> line_column(std::string_view text, std::size_t offset);

/// "/a/b~1c": a JSON pointer token, escaped per RFC 6901.
[[nodiscard]] std::string pointer_token(std::string_view key);

}  // namespace psem::bench::detail
