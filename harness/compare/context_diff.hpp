// compare/context_diff.hpp - set-up differences that make a comparison suspect.
#pragma once

#include "compare/compare.hpp"

#include <nlohmann/json.hpp>

#include <vector>

namespace psem::bench {

/// The context fields that change what a benchmark measures: host, CPU model, core
/// count, kernel, build type, psem version. Each one present in both contexts with
/// different values gives an entry; a field missing on either side (a plain Google
/// Benchmark file has no "psem" object) is not a difference.
[[nodiscard]] std::vector<context_difference> compare_contexts(const nlohmann::json& baseline,
                                                               const nlohmann::json& contender);

}  // namespace psem::bench
