// render/distribution_render.cpp - see distribution_render.hpp.
#include "render/distribution_render.hpp"

#include "measure/hdr_codec.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>

namespace psem::bench {

std::string render_distribution_table(const std::vector<distribution>& ds) {
    std::string out;
    for (const distribution& d : ds) {
        if (!out.empty()) out += '\n';
        out += fmt::format("# {}: {} histogram{} merged\n", d.benchmark, d.histograms, d.histograms == 1 ? "" : "s");
        out += fmt::format("{:>12} {:>14} {:>10} {:>14}\n\n", "Value", "Percentile", "TotalCount", "1/(1-Percentile)");
        for (const distribution_step& s : d.steps) {
            const double p = s.percentile / 100.0;
            if (s.percentile < 100.0)
                out += fmt::format("{:12.3f} {:2.12f} {:10d} {:14.2f}\n", static_cast<double>(s.value_ns), p,
                                   s.total_count, 1.0 / (1.0 - p));
            else
                out += fmt::format("{:12.3f} {:2.12f} {:10d}\n", static_cast<double>(s.value_ns), p, s.total_count);
        }
        const latency_histogram& h = *d.merged;
        out += fmt::format("#[Mean    = {:12.3f}, StdDeviation   = {:12.3f}]\n", h.mean(), h.stddev());
        out += fmt::format("#[Max     = {:12.3f}, Total count    = {:12d}]\n", static_cast<double>(h.max()), h.count());
        out += fmt::format("#[Buckets = {:12d}, SubBuckets     = {:12d}]\n", latency_histogram::magnitudes,
                           2 * latency_histogram::sub_count);
    }
    return out;
}

std::string render_distribution_json(const std::vector<distribution>& ds) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const distribution& d : ds) {
        nlohmann::ordered_json steps = nlohmann::ordered_json::array();
        for (const distribution_step& s : d.steps)
            steps.push_back({{"value_ns", s.value_ns}, {"percentile", s.percentile}, {"total_count", s.total_count}});
        list.push_back({{"name", d.benchmark},
                        {"histograms", d.histograms},
                        {"total_count", d.merged->count()},
                        {"mean_ns", d.merged->mean()},
                        {"max_ns", d.merged->max()},
                        {"percentiles", std::move(steps)},
                        {"latency_histogram", encode_histogram(*d.merged)}});
    }
    return nlohmann::ordered_json{{"benchmarks", std::move(list)}}.dump(2) + "\n";
}

}  // namespace psem::bench
