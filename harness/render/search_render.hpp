// render/search_render.hpp - `psem-bench search`'s steps and answer: a table and sentences
// for people, and the JSON object the report keeps in context.psem.search.
#pragma once

#include "analysis/rate_search.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace psem::bench {

/// The steps in the order they ran, then the answer.
[[nodiscard]] std::string render_search(const rate_search& s, bool markdown = false);
/// The answer alone, one or two sentences.
[[nodiscard]] std::string search_answer(const rate_search& s);
[[nodiscard]] nlohmann::ordered_json search_json(const rate_search& s);

}  // namespace psem::bench
