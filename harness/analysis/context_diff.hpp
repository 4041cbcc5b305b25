// analysis/context_diff.hpp - set-up differences that make a comparison suspect.
#pragma once

#include "analysis/compare.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace psem::bench {

/// The context fields that change what a benchmark measures: host, CPU model, core
/// count, kernel, build type, psem version. Each one present in both contexts with
/// different values gives an entry; a field missing on either side (a plain Google
/// Benchmark file has no "psem" object) is not a difference.
[[nodiscard]] std::vector<context_difference> compare_contexts(const nlohmann::json& baseline,
                                                               const nlohmann::json& contender);

/// A context field's value as text (a string as it is, anything else as compact JSON), or
/// nullopt when the report does not know it: absent, null, empty, or "unknown" (what the
/// context probes write when they could not tell). `pointer` is a JSON pointer.
[[nodiscard]] std::optional<std::string> known_context_value(const nlohmann::json& context,
                                                             std::string_view pointer);

}  // namespace psem::bench
