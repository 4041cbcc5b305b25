// render/laptop_render.hpp - the laptop comparison (analysis/laptop.hpp) as text.
#pragma once

#include "analysis/laptop.hpp"

#include <ostream>
#include <string>

namespace psem::bench {

/// A heading naming both set-ups, the table (ours, shape, ns/op, cv, reference, its ns/op,
/// ratio, "7.8x faster"), then the notes.
void render_laptop_table(std::ostream& out, const laptop_comparison& c);
[[nodiscard]] std::string render_laptop_table(const laptop_comparison& c);
void render_laptop_markdown(std::ostream& out, const laptop_comparison& c);

}  // namespace psem::bench
