// analysis/sweep_summary.cpp - the computing half of the sweep summary (see the header).
#include "analysis/sweep_summary.hpp"

#include "analysis/repetitions.hpp"
#include "stats/descriptive.hpp"
#include "stats/mann_whitney.hpp"
#include "stats/ratio_interval.hpp"
#include "stats/sign_test.hpp"

#include <algorithm>
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
    p.ns_per_op_runs = g.good_ns_per_op();
    // Throughput: the measured counter when there is one (producer_consumer counts only
    // what consumers took), else the inverse of ns/op, which is what postwait's means.
    for (const run_record* r : g.good()) {
        const auto it = r->counters.find("ops_per_sec");
        p.ops_per_sec_runs.push_back(it != r->counters.end() && std::isfinite(it->second) ? it->second
                                                                                        : 1e9 / r->real_time_ns);
    }
    p.ops_per_sec = median(p.ops_per_sec_runs);
    p.p99_runs = g.counter_values("p99_ns");
    p.p50_ns = g.median_counter("p50_ns");
    p.p99_ns = g.median_counter("p99_ns");
    p.p999_ns = g.median_counter("p999_ns");
    p.max_ns = g.median_counter("max_ns");
    return p;
}

// How many repetitions the points have, and so whether any two can be told apart:
// Mann-Whitney's smallest p-value with 4 against 4 is 0.029, but the knee's sign test
// needs 5 (all over: p = 1/32), and one rule for both reads better than two.
void count_runs(sweep_summary& s) {
    bool any = false;
    for (const sweep_point& p : s.points) {
        if (p.good_runs == 0) continue;
        s.fewest_runs = any ? std::min(s.fewest_runs, p.good_runs) : p.good_runs;
        any = true;
    }
    s.comparable = any && s.fewest_runs >= s.min_runs;
}

// The peak's interval, and the points that are not distinguishable from it.
void peak_uncertainty(sweep_summary& s) {
    const sweep_point& peak = s.points[*s.peak];
    const median_interval_result ci = median_interval(peak.ops_per_sec_runs, 1 - s.alpha);
    s.peak_interval = median_interval_figures{ci.low, ci.high, ci.coverage, peak.good_runs};
    for (std::size_t i = 0; i < s.points.size(); ++i) {
        sweep_point& p = s.points[i];
        if (i == *s.peak || p.good_runs == 0) continue;
        p.peak_p_value = mann_whitney_u(p.ops_per_sec_runs, peak.ops_per_sec_runs).p_value;
        if (!s.comparable || !(p.peak_p_value < s.alpha)) s.indistinguishable.push_back(i);
    }
}

void find_peak_and_fall(sweep_summary& s) {
    for (std::size_t i = 0; i < s.points.size(); ++i) {
        const double t = s.points[i].ops_per_sec;
        if (std::isfinite(t) && (!s.peak || t > s.points[*s.peak].ops_per_sec)) s.peak = i;
    }
    if (!s.peak) return;
    peak_uncertainty(s);
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

limit_side side_of(sweep_point& p, const sweep_summary& s) {
    for (const double v : p.p99_runs)
        if (v > s.latency_limit_ns) ++p.p99_runs_over;
    if (p.p99_runs_over == 0) return limit_side::under;
    p.over_p_value = sign_test_above(p.p99_runs, s.latency_limit_ns);
    return p.over_p_value < s.alpha ? limit_side::over : limit_side::maybe_over;
}

void find_knee(sweep_summary& s) {
    for (std::size_t i = 0; i < s.points.size(); ++i) {
        sweep_point& p = s.points[i];
        s.sides.push_back(p.p99_runs.empty() ? limit_side::under : side_of(p, s));
        if (p.p99_runs.empty()) continue;
        s.latency_measured = true;
        if (s.knee) continue;
        switch (s.sides.back()) {
            case limit_side::over: s.knee = i; break;
            case limit_side::maybe_over: s.maybe_over.push_back(i); break;
            case limit_side::under: s.last_under_limit = i; break;
        }
    }
}

// A backend sweep lines every primitive up against psem: each point against the psem
// point whose other swept values are the same.
void compare_backends(sweep_summary& s) {
    const auto backend_of = [](const sweep_point& p) -> const nlohmann::json* {
        for (const auto& [field, value] : p.params)
            if (field == "backend") return &value;
        return nullptr;
    };
    const auto others = [](const sweep_point& p) {
        auto rest = p.params;
        std::erase_if(rest, [](const auto& kv) { return kv.first == "backend"; });
        return rest;
    };
    for (sweep_point& p : s.points) {
        const nlohmann::json* b = backend_of(p);
        if (b == nullptr || p.ns_per_op_runs.empty()) continue;
        for (const sweep_point& base : s.points) {
            const nlohmann::json* bb = backend_of(base);
            if (bb == nullptr || *bb != "psem" || base.ns_per_op_runs.empty() || others(base) != others(p)) continue;
            if (&base == &p) {  // psem itself: the reference, no interval to give
                p.vs_psem = 1.0;
                break;
            }
            const ratio_interval r = ratio_confidence_interval(base.ns_per_op_runs, p.ns_per_op_runs);
            if (!std::isfinite(r.estimate)) break;
            p.vs_psem = r.estimate;
            if (std::isfinite(r.lower) && std::isfinite(r.upper) && p.ns_per_op_runs.size() >= 2 &&
                base.ns_per_op_runs.size() >= 2) {
                p.vs_psem_low = r.lower;
                p.vs_psem_high = r.upper;
            }
            break;
        }
    }
}

sweep_summary summarize_one(const std::string& scenario, const std::vector<run_record>& records,
                            double latency_limit_ns) {
    sweep_summary s;
    s.scenario = scenario;
    s.latency_limit_ns = latency_limit_ns;
    for (const auto& [field, value] : records.front().params) s.swept_fields.push_back(field);
    for (const repetition_group& g : group_repetitions(records)) s.points.push_back(make_point(g));
    count_runs(s);
    find_peak_and_fall(s);
    find_knee(s);
    compare_backends(s);
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

}  // namespace psem::bench
