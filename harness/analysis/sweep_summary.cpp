// analysis/sweep_summary.cpp - the computing half of the sweep summary (see the header).
#include "analysis/sweep_summary.hpp"

#include "analysis/repetitions.hpp"

#include <cmath>
#include <limits>
#include <map>

namespace psem::bench {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

sweep_point make_point(const repetition_group& g) {
    sweep_point p;
    p.benchmark = g.first().run_name;
    p.params = g.first().params;
    p.workers = g.first().threads;
    p.good_runs = g.good_count();
    if (p.good_runs == 0) {
        p.ns_per_op = p.ops_per_sec = nan;
        return p;
    }
    p.ns_per_op = g.median_ns_per_op();
    // Throughput: the measured counter when there is one (producer_consumer counts only
    // what consumers took), else the inverse of ns/op, which is what postwait's means.
    p.ops_per_sec = g.median_counter("ops_per_sec").value_or(1e9 / p.ns_per_op);
    p.p50_ns = g.median_counter("p50_ns");
    p.p99_ns = g.median_counter("p99_ns");
    p.p999_ns = g.median_counter("p999_ns");
    p.max_ns = g.median_counter("max_ns");
    return p;
}

void find_peak_and_fall(sweep_summary& s) {
    for (std::size_t i = 0; i < s.points.size(); ++i) {
        const double t = s.points[i].ops_per_sec;
        if (std::isfinite(t) && (!s.peak || t > s.points[*s.peak].ops_per_sec)) s.peak = i;
    }
    if (!s.peak) return;
    // One field: a load axis, so what matters is the loss beyond the best load. A grid has
    // no single axis: its worst cell is the useful contrast.
    const std::size_t from = s.swept_fields.size() == 1 ? *s.peak + 1 : 0;
    for (std::size_t i = from; i < s.points.size(); ++i) {
        const double t = s.points[i].ops_per_sec;
        if (i != *s.peak && std::isfinite(t) && (!s.lowest || t < s.points[*s.lowest].ops_per_sec)) s.lowest = i;
    }
    const double peak = s.points[*s.peak].ops_per_sec;
    if (s.lowest && peak > 0) s.fall_fraction = 1 - s.points[*s.lowest].ops_per_sec / peak;
}

void find_knee(sweep_summary& s) {
    for (std::size_t i = 0; i < s.points.size(); ++i) {
        const auto& p99 = s.points[i].p99_ns;
        if (!p99) continue;
        s.latency_measured = true;
        if (*p99 > s.latency_limit_ns) {
            s.knee = i;
            return;
        }
        s.last_under_limit = i;
    }
}

sweep_summary summarize_one(const std::string& scenario, const std::vector<run_record>& records,
                            double latency_limit_ns) {
    sweep_summary s;
    s.scenario = scenario;
    s.latency_limit_ns = latency_limit_ns;
    for (const auto& [field, value] : records.front().params) s.swept_fields.push_back(field);
    for (const repetition_group& g : group_repetitions(records)) s.points.push_back(make_point(g));
    find_peak_and_fall(s);
    find_knee(s);
    return s;
}

}  // namespace

std::vector<sweep_summary> summarize_sweeps(std::span<const run_record> records, double latency_limit_ns) {
    std::vector<std::string> order;
    std::map<std::string, std::vector<run_record>> by_scenario;
    for (const run_record& r : records) {
        if (r.run_type == "aggregate" || r.params.empty()) continue;
        auto [it, inserted] = by_scenario.try_emplace(r.scenario);
        if (inserted) order.push_back(r.scenario);
        it->second.push_back(r);
    }
    std::vector<sweep_summary> out;
    for (const std::string& sc : order) out.push_back(summarize_one(sc, by_scenario[sc], latency_limit_ns));
    return out;
}

std::string point_label(const sweep_point& p) {
    std::string s;
    for (const auto& [field, value] : p.params) {
        if (!s.empty()) s += ", ";
        s += field + "=" + (value.is_string() ? value.get<std::string>() : value.dump());
    }
    return s;
}

}  // namespace psem::bench
