// render/render_csv.cpp - every record as CSV (RFC 4180), for spreadsheets and scripts.
#include "render/render.hpp"

#include <fmt/format.h>

#include <cmath>
#include <set>
#include <sstream>
#include <vector>

namespace psem::bench {
namespace {

// Quoted only when needed: a comma, a quote or a line break; quotes doubled.
std::string csv_cell(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

// Shortest text that reads back as the same double; empty for NaN (a missing figure).
std::string csv_number(double v) { return std::isnan(v) ? std::string() : fmt::format("{}", v); }

std::string params_json(const run_record& r) {
    if (r.params.empty()) return "";
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (const auto& [k, v] : r.params) j[k] = v;
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace

void render_csv(std::ostream& out, std::span<const run_record> records) {
    std::set<std::string> counter_names;
    for (const run_record& r : records)
        for (const auto& [name, value] : r.counters) counter_names.insert(name);

    std::vector<std::string> header{"name", "run_name", "run_type", "aggregate_name", "scenario", "workload",
                                    "processes", "threads", "repetitions", "repetition_index", "iterations",
                                    "real_time", "cpu_time", "time_unit", "wall_ns", "cpu_ns",
                                    "error_occurred", "error_message", "params"};
    header.insert(header.end(), counter_names.begin(), counter_names.end());
    for (std::size_t i = 0; i < header.size(); ++i) out << (i ? "," : "") << csv_cell(header[i]);
    out << "\r\n";

    for (const run_record& r : records) {
        std::vector<std::string> cells{r.name,
                                       r.run_name,
                                       r.run_type,
                                       r.aggregate_name,
                                       r.scenario,
                                       r.workload,
                                       std::to_string(r.processes),
                                       std::to_string(r.threads),
                                       std::to_string(r.repetitions),
                                       std::to_string(r.repetition_index),
                                       std::to_string(r.ops),
                                       csv_number(r.real_time_ns),
                                       csv_number(r.cpu_time_ns),
                                       "ns",
                                       csv_number(r.wall_ns),
                                       csv_number(r.cpu_ns),
                                       r.error_occurred ? "true" : "false",
                                       r.error_message,
                                       params_json(r)};
        for (const std::string& name : counter_names) {
            const auto it = r.counters.find(name);
            cells.push_back(it == r.counters.end() ? std::string() : csv_number(it->second));
        }
        for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << csv_cell(cells[i]);
        out << "\r\n";
    }
}

std::string render_csv(std::span<const run_record> records) {
    std::ostringstream out;
    render_csv(out, records);
    return out.str();
}

}  // namespace psem::bench
