// analysis/samples.cpp - see samples.hpp.
#include "analysis/samples.hpp"

#include "analysis/repetitions.hpp"
#include "stats/descriptive.hpp"

#include <cmath>
#include <map>

namespace psem::bench {
namespace {

struct sample_group {
    std::vector<const run_record*> iterations;
    std::vector<const run_record*> medians;  // several when aggregate-only files were pooled
    std::vector<const run_record*> means;
    std::vector<const run_record*> stddevs;
};

side_figures from_iterations(const sample_group& g) {
    side_figures s;
    for (const run_record* r : g.iterations) {
        if (is_good(*r)) s.samples_ns.push_back(r->real_time_ns);
        else ++s.failed_runs;
    }
    s.repetitions = s.samples_ns.size();
    if (!s.samples_ns.empty()) s.median_ns = median(s.samples_ns);
    // One run has no spread to speak of: leave cv unknown rather than claim 0.
    if (s.samples_ns.size() >= 2) s.cv = cv(s.samples_ns);
    return s;
}

side_figures from_aggregates(const sample_group& g) {
    side_figures s;
    s.aggregates_only = true;
    std::vector<double> medians;
    for (const run_record* r : g.medians) {
        if (!is_good(*r)) continue;
        medians.push_back(r->real_time_ns);
        s.repetitions += static_cast<std::size_t>(r->ops);  // GB: an aggregate's runs
    }
    if (!medians.empty()) s.median_ns = median(medians);
    // cv from stddev / mean, both in time units: GB's own "cv" entry carries the time_unit
    // of its file although its value is a fraction, so a reader may have scaled it.
    if (g.means.size() == 1 && g.stddevs.size() == 1 && g.means[0]->real_time_ns > 0)
        s.cv = g.stddevs[0]->real_time_ns / g.means[0]->real_time_ns;
    return s;
}

}  // namespace

std::vector<named_side> collect_sides(const report& r, double max_cv) {
    std::vector<std::string> order;
    std::map<std::string, sample_group> groups;
    for (const run_record& rec : r.benchmarks) {
        const std::string& key = rec.run_name.empty() ? rec.name : rec.run_name;
        auto [it, inserted] = groups.try_emplace(key);
        if (inserted) order.push_back(key);
        sample_group& g = it->second;
        if (rec.run_type != "aggregate") g.iterations.push_back(&rec);
        else if (rec.aggregate_name == "median") g.medians.push_back(&rec);
        else if (rec.aggregate_name == "mean") g.means.push_back(&rec);
        else if (rec.aggregate_name == "stddev") g.stddevs.push_back(&rec);
    }
    std::vector<named_side> out;
    out.reserve(order.size());
    for (const std::string& name : order) {
        const sample_group& g = groups.at(name);
        side_figures s = g.iterations.empty() && !g.medians.empty() ? from_aggregates(g) : from_iterations(g);
        s.spread_too_wide = std::isfinite(s.cv) && s.cv > max_cv;
        out.push_back({name, std::move(s)});
    }
    return out;
}

}  // namespace psem::bench
