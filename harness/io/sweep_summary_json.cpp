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
    j["good_runs"] = p.good_runs;
    j["ns_per_op"] = num(p.ns_per_op);
    j["ops_per_sec"] = num(p.ops_per_sec);
    if (p.p99_ns) j["p99_ns"] = num(*p.p99_ns);
    if (!p.p99_runs.empty()) j["p99_runs_over"] = p.p99_runs_over;
    if (p.vs_psem) j["vs_psem"] = num(*p.vs_psem);
    if (p.vs_psem_low && p.vs_psem_high) j["vs_psem_interval"] = {num(*p.vs_psem_low), num(*p.vs_psem_high)};
    return j;
}

nlohmann::json labels_json(const sweep_summary& s, const std::vector<std::size_t>& xs) {
    nlohmann::json out = nlohmann::json::array();
    for (const std::size_t i : xs) out.push_back(point_label(s.points[i]));
    return out;
}

nlohmann::json interval_json(const std::optional<median_interval_figures>& ci) {
    if (!ci) return nullptr;
    return {{"low_ops_per_sec", ci->low}, {"high_ops_per_sec", ci->high}, {"coverage", ci->coverage},
            {"repetitions", ci->runs}};
}

nlohmann::json index_json(const sweep_summary& s, const std::optional<std::size_t>& i) {
    return i ? point_json(s.points[*i]) : nlohmann::json(nullptr);
}

}  // namespace

static nlohmann::json summary_fields(const sweep_summary& s) {
    return {{"scenario", s.scenario},
            {"swept_fields", s.swept_fields},
            {"points", s.points.size()},
            {"latency_limit_ns", s.latency_limit_ns},
            {"alpha", s.alpha},
            {"min_repetitions", s.min_runs},
            {"fewest_repetitions", s.fewest_runs},
            {"comparable", s.comparable},
            {"peak", index_json(s, s.peak)},
            {"peak_interval", interval_json(s.peak_interval)},
            {"peak_test", "Mann-Whitney U over the repetitions' throughput, two-sided"},
            {"indistinguishable", labels_json(s, s.indistinguishable)},
            {"latency_measured", s.latency_measured},
            {"knee_test", "sign test over the repetitions' p99, one-sided"},
            {"knee", index_json(s, s.knee)},
            {"maybe_over", labels_json(s, s.maybe_over)},
            {"last_under_limit", index_json(s, s.last_under_limit)},
            {"lowest", index_json(s, s.lowest)},
            {"fall_fraction", s.fall_fraction}};
}

nlohmann::json to_json(const sweep_summary& s) {
    nlohmann::json j = summary_fields(s);
    // A backend sweep: every point against psem (Hodges-Lehmann ratio of ns/op, 95%).
    nlohmann::json vs = nlohmann::json::array();
    for (const sweep_point& p : s.points)
        if (p.vs_psem) vs.push_back({{"point", point_label(p)}, {"ratio", *p.vs_psem}, {"detail", point_json(p)}});
    if (!vs.empty()) j["vs_psem"] = std::move(vs);
    return j;
}

}  // namespace psem::bench
