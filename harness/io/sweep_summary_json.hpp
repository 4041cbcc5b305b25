// io/sweep_summary_json.hpp - a sweep summary as the JSON object the report keeps in
// context.psem.sweep_summaries (read by scripts/plot): limit, peak, knee and fall, each
// naming its point by params.
#pragma once

#include "model/sweep_summary.hpp"

#include <nlohmann/json.hpp>

namespace psem::bench {

[[nodiscard]] nlohmann::json to_json(const sweep_summary& s);

}  // namespace psem::bench
