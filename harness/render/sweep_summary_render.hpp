// render/sweep_summary_render.hpp - a sweep summary (analysis/sweep_summary.hpp) as text,
// and as the JSON object the report keeps.
#pragma once

#include "analysis/sweep_summary.hpp"

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>

namespace psem::bench {

/// The summary as JSON, for the report's context (context.psem.sweep_summaries) and for
/// scripts/plot: limit, peak, knee and fall, each naming its point by params.
[[nodiscard]] nlohmann::json to_json(const sweep_summary& s);

/// A few sentences under a heading: peak, knee, fall. For the terminal.
void render_sweep_summary(std::ostream& out, const sweep_summary& s);
[[nodiscard]] std::string render_sweep_summary(const sweep_summary& s);
/// The same with the per-point figures as a Markdown table.
void render_sweep_summary_markdown(std::ostream& out, const sweep_summary& s);

}  // namespace psem::bench
