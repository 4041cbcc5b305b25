// render/sweep_summary_render.hpp - a sweep summary (analysis/sweep_summary.hpp) as text
// (its JSON form is io/sweep_summary_json.hpp).
#pragma once

#include "analysis/sweep_summary.hpp"

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>

namespace psem::bench {

/// A few sentences under a heading: peak, knee, fall. For the terminal.
void render_sweep_summary(std::ostream& out, const sweep_summary& s);
[[nodiscard]] std::string render_sweep_summary(const sweep_summary& s);
/// The same with the per-point figures as a Markdown table.
void render_sweep_summary_markdown(std::ostream& out, const sweep_summary& s);

}  // namespace psem::bench
