// io/sweep_summary_json.cpp - the JSON form of a sweep summary.
#include "io/sweep_summary_json.hpp"

#include <cmath>
#include <optional>

namespace psem::bench {
namespace {

// A point in the JSON summary: named by its values, with the figures the verdict rests on.
nlohmann::json point_json(const sweep_point& p) {
    nlohmann::json params = nlohmann::json::object();
    for (const auto& [field, value] : p.params) params[field] = value;
    nlohmann::json j{{"benchmark", p.benchmark}, {"params", params}, {"workers", p.workers}};
    // NaN would be written as null anyway; saying so keeps the intent visible.
    const auto num = [](double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); };
    j["ns_per_op"] = num(p.ns_per_op);
    j["ops_per_sec"] = num(p.ops_per_sec);
    if (p.p99_ns) j["p99_ns"] = num(*p.p99_ns);
    return j;
}

nlohmann::json index_json(const sweep_summary& s, const std::optional<std::size_t>& i) {
    return i ? point_json(s.points[*i]) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json to_json(const sweep_summary& s) {
    return {{"scenario", s.scenario},
            {"swept_fields", s.swept_fields},
            {"points", s.points.size()},
            {"latency_limit_ns", s.latency_limit_ns},
            {"peak", index_json(s, s.peak)},
            {"latency_measured", s.latency_measured},
            {"knee", index_json(s, s.knee)},
            {"last_under_limit", index_json(s, s.last_under_limit)},
            {"lowest", index_json(s, s.lowest)},
            {"fall_fraction", s.fall_fraction}};
}

}  // namespace psem::bench
