// analysis/side_by_side.cpp - see side_by_side.hpp.
#include "analysis/side_by_side.hpp"

#include "analysis/context_diff.hpp"
#include "analysis/samples.hpp"

#include <cmath>
#include <filesystem>
#include <map>

namespace psem::bench {
namespace {

// The probes' own word for a fact they could not read.
std::string context_text(const nlohmann::json& context, std::string_view pointer) {
    return known_context_value(context, pointer).value_or("unknown");
}

side_host host_of(const labelled_report& r) {
    const nlohmann::json& c = r.data.context;
    return {r.label.empty() ? default_label(c, r.source) : r.label,
            r.source,
            context_text(c, "/host_name"),
            context_text(c, "/psem/cpu_model"),
            context_text(c, "/num_cpus"),
            context_text(c, "/psem/kernel"),
            context_text(c, "/psem/version")};
}

side_cell cell_of(const side_figures& f) {
    side_cell c;
    c.present = true;
    c.median_ns = f.median_ns;
    c.cv = f.cv;
    c.repetitions = f.repetitions;
    c.failed_runs = f.failed_runs;
    return c;
}

}  // namespace

std::string default_label(const nlohmann::json& context, const std::string& source) {
    // "reports/" and "reports" name the same directory.
    std::filesystem::path p(source);
    if (!p.has_filename()) p = p.parent_path();
    const std::string file = p.filename().string();
    const std::string host = context_text(context, "/host_name");
    if (host == "unknown") return file;
    return host + " (" + file + ")";
}

// The name of the same benchmark on the psem backend ("" when `name` names no backend).
static std::string psem_twin(const std::string& name) {
    static constexpr std::string_view key = "/backend:";
    const auto at = name.find(key);
    if (at == std::string::npos) return {};
    const auto end = name.find('/', at + key.size());
    std::string out = name.substr(0, at + key.size()) + "psem";
    if (end != std::string::npos) out += name.substr(end);
    return out;
}

side_by_side line_up(const std::vector<labelled_report>& reports) {
    side_by_side out;
    std::map<std::string, std::size_t> row_of;  // run_name -> index in out.rows
    for (std::size_t i = 0; i < reports.size(); ++i) {
        out.hosts.push_back(host_of(reports[i]));
        // max_cv only sets a flag that side by side does not show.
        for (named_side& s : collect_sides(reports[i].data, std::numeric_limits<double>::infinity())) {
            auto [it, inserted] = row_of.try_emplace(s.name, out.rows.size());
            if (inserted) out.rows.push_back({s.name, std::vector<side_cell>(reports.size())});
            out.rows[it->second].cells[i] = cell_of(s.figures);
        }
    }
    for (side_row& row : out.rows) {
        const double reference = row.cells.empty() ? side_cell::nan : row.cells.front().median_ns;
        for (side_cell& c : row.cells)
            if (c.present && std::isfinite(reference) && reference > 0) c.ratio = c.median_ns / reference;
    }
    // Other primitives against psem on each host: "pingpong/backend:sysv/..." over
    // "pingpong/backend:psem/..." of the same report.
    for (side_row& row : out.rows) {
        const std::string psem_name = psem_twin(row.name);
        const auto it = row_of.find(psem_name);
        if (psem_name.empty() || it == row_of.end()) continue;
        const side_row& base = out.rows[it->second];
        for (std::size_t i = 0; i < row.cells.size(); ++i) {
            const side_cell& b = base.cells[i];
            side_cell& c = row.cells[i];
            if (c.present && b.present && std::isfinite(b.median_ns) && b.median_ns > 0) c.vs_psem = c.median_ns / b.median_ns;
        }
    }
    return out;
}

}  // namespace psem::bench
