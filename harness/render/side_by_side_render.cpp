// render/side_by_side_render.cpp - see side_by_side_render.hpp.
#include "render/side_by_side_render.hpp"

#include "render/format.hpp"
#include "render/text_table.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace psem::bench {
namespace {

using align = text_table::align;

// An em dash, not format.hpp's "-": "this host has no such benchmark" must not read like
// "this figure is unknown" (a cv of one repetition).
constexpr const char* absent = "—";

std::string host_line(std::size_t index, const side_host& h) {
    return fmt::format("{}. {}: host {}, CPU {}, {} CPUs, kernel {}, psem {}", index + 1, h.label, h.host_name,
                       h.cpu_model, h.num_cpus, h.kernel, h.psem_version);
}

std::string median_text(const side_cell& c) {
    if (!c.present) return absent;
    if (!std::isfinite(c.median_ns) && c.failed_runs > 0) return "failed";
    return format_ns(c.median_ns);
}

std::string ratio_text(const side_cell& c) {
    if (!c.present) return absent;
    return std::isfinite(c.ratio) ? fmt::format("{:.2f}", c.ratio) : "-";
}

std::string vs_psem_text(const side_cell& c) {
    if (!c.present) return absent;
    return std::isfinite(c.vs_psem) ? fmt::format("{:.2f}x", c.vs_psem) : "-";
}

text_table figures_table(const side_by_side& s) {
    // Reports of a backend sweep get, per host, each primitive against psem on that host.
    const bool backends = std::any_of(s.rows.begin(), s.rows.end(), [](const side_row& r) {
        return std::any_of(r.cells.begin(), r.cells.end(), [](const side_cell& c) { return std::isfinite(c.vs_psem); });
    });
    text_table t;
    t.columns.push_back({"benchmark", align::left});
    for (std::size_t i = 0; i < s.hosts.size(); ++i) {
        t.columns.push_back({s.hosts[i].label + " ns/op", align::right});
        t.columns.push_back({"cv", align::right});
        if (backends) t.columns.push_back({"vs psem", align::right});
        if (i != 0) t.columns.push_back({"ratio", align::right});
    }
    for (const side_row& row : s.rows) {
        std::vector<std::string> cells{row.name};
        for (std::size_t i = 0; i < row.cells.size(); ++i) {
            const side_cell& c = row.cells[i];
            cells.push_back(median_text(c));
            cells.push_back(c.present ? format_percent(c.cv) : absent);
            if (backends) cells.push_back(vs_psem_text(c));
            if (i != 0) cells.push_back(ratio_text(c));
        }
        t.rows.push_back(std::move(cells));
    }
    return t;
}

constexpr const char* legend =
    "ns/op: median real_time over each report's good repetitions; cv: their spread; ratio: that median over "
    "the first report's (below 1 is faster); vs psem (backend sweeps): that median over the same report's "
    "backend:psem benchmark; —: the report has no such benchmark.";

using ojson = nlohmann::ordered_json;


}  // namespace

std::vector<std::string> side_by_side_notes(const side_by_side& s) {
    std::vector<std::string> out;
    for (const side_row& row : s.rows)
        for (std::size_t i = 0; i < row.cells.size(); ++i) {
            const side_cell& c = row.cells[i];
            if (c.failed_runs > 0)
                out.push_back(fmt::format("{}: {} of {} repetitions failed in {}", row.name, c.failed_runs,
                                          c.failed_runs + c.repetitions, s.hosts[i].label));
        }
    return out;
}

void render_side_by_side_table(std::ostream& out, const side_by_side& s) {
    out << "Reports (ratios are to the first):\n";
    for (std::size_t i = 0; i < s.hosts.size(); ++i) out << "  " << host_line(i, s.hosts[i]) << '\n';
    out << '\n';
    print_aligned(out, figures_table(s));
    out << legend << '\n';
    for (const std::string& n : side_by_side_notes(s)) out << "note: " << n << '\n';
}

void render_side_by_side_markdown(std::ostream& out, const side_by_side& s) {
    out << "### psem-bench side-by-side: " << s.hosts.size() << " reports\n\n";
    for (std::size_t i = 0; i < s.hosts.size(); ++i) out << host_line(i, s.hosts[i]) << '\n';
    out << '\n';
    print_markdown(out, figures_table(s));
    out << '\n' << legend << '\n';
    const std::vector<std::string> notes = side_by_side_notes(s);
    if (!notes.empty()) {
        out << "\n**Notes**\n\n";
        for (const std::string& n : notes) out << "- " << n << '\n';
    }
}

std::string render_side_by_side_table(const side_by_side& s) {
    std::ostringstream o;
    render_side_by_side_table(o, s);
    return o.str();
}

std::string render_side_by_side_markdown(const side_by_side& s) {
    std::ostringstream o;
    render_side_by_side_markdown(o, s);
    return o.str();
}

std::string render_side_by_side_json(const side_by_side& s) {
    ojson j;
    j["reports"] = ojson::array();
    for (const side_host& h : s.hosts)
        j["reports"].push_back({{"label", h.label},
                                {"source", h.source},
                                {"host_name", h.host_name},
                                {"cpu_model", h.cpu_model},
                                {"num_cpus", h.num_cpus},
                                {"kernel", h.kernel},
                                {"psem_version", h.psem_version}});
    j["benchmarks"] = ojson::array();
    for (const side_row& row : s.rows) {
        ojson cells = ojson::array();
        for (const side_cell& c : row.cells) {
            if (!c.present) {
                cells.push_back(nullptr);
                continue;
            }
            cells.push_back({{"median_ns", json_number(c.median_ns)},
                             {"cv", json_number(c.cv)},
                             {"repetitions", c.repetitions},
                             {"failed_runs", c.failed_runs},
                             {"ratio", json_number(c.ratio)},
                             {"vs_psem", json_number(c.vs_psem)}});
        }
        j["benchmarks"].push_back({{"name", row.name}, {"reports", std::move(cells)}});
    }
    j["notes"] = side_by_side_notes(s);
    // Names and labels come from the input files: replace invalid UTF-8 rather than throw.
    return j.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

}  // namespace psem::bench
