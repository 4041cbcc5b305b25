// render/laptop_render.cpp - the printing half of the laptop side-by-side.
#include "render/laptop_render.hpp"

#include "render/format.hpp"
#include "analysis/laptop.hpp"
#include "render/text_table.hpp"

#include <fmt/format.h>

#include <cmath>
#include <sstream>

namespace psem::bench {
namespace {

std::string shape(const laptop_row& r) {
    return fmt::format("{} process{} x {} thread{}", r.processes, r.processes == 1 ? "" : "es", r.threads_per_process,
                       r.threads_per_process == 1 ? "" : "s");
}

// "7.8x faster" reads better than a ratio of 0.13; both are shown.
std::string speed(double ratio) {
    if (!std::isfinite(ratio) || ratio <= 0) return "";
    if (ratio < 1) return fmt::format("{:.1f}x faster", 1 / ratio);
    if (ratio > 1) return fmt::format("{:.1f}x slower", ratio);
    return "same";
}

text_table make_table(const laptop_comparison& c) {
    using a = text_table::align;
    text_table t{{{"ours", a::left}, {"shape", a::left}, {"ns/op", a::right}, {"cv%", a::right},
                  {"reference", a::left}, {"ref ns/op", a::right}, {"ours/ref", a::right}, {"", a::left}},
                 {}};
    for (const laptop_row& r : c.rows) {
        if (r.good_runs == 0) {
            t.rows.push_back({r.scenario, shape(r), "FAILED: " + r.error});
            continue;
        }
        t.rows.push_back({r.scenario, shape(r), format_ns(r.ns_per_op), format_percent(r.cv),
                          r.reference.empty() ? "-" : r.reference, format_ns(r.reference_ns_per_op),
                          format_ratio(r.ratio), speed(r.ratio)});
    }
    return t;
}

}  // namespace

void render_laptop_table(std::ostream& out, const laptop_comparison& c) {
    out << "Laptop benchmark: this run beside the published Go figures (median ns/op; ours/ref below 1 is faster)\n";
    print_aligned(out, make_table(c));
    for (const std::string& n : c.notes) out << "- " << n << '\n';
}

std::string render_laptop_table(const laptop_comparison& c) {
    std::ostringstream out;
    render_laptop_table(out, c);
    return out.str();
}

void render_laptop_markdown(std::ostream& out, const laptop_comparison& c) {
    out << "### Laptop benchmark: this run beside the published Go figures\n\n";
    print_markdown(out, make_table(c));
    out << '\n';
    for (const std::string& n : c.notes) out << "- " << n << '\n';
}

}  // namespace psem::bench
