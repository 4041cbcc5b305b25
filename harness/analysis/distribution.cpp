// analysis/distribution.cpp - see distribution.hpp.
#include "analysis/distribution.hpp"

#include "analysis/repetitions.hpp"
#include "measure/hdr_codec.hpp"

#include <cmath>
#include <stdexcept>

namespace psem::bench {

std::vector<distribution_step> percentile_steps(const latency_histogram& h, int ticks_per_half_distance) {
    std::vector<distribution_step> out;
    const std::uint64_t total = h.count();
    if (total == 0) return out;
    const auto counts = h.counts();
    double level = 0;  // the percentile level to iterate to next
    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (counts[i] == 0) continue;
        seen += counts[i];
        const double reached = 100.0 * static_cast<double>(seen) / static_cast<double>(total);
        const std::uint64_t value = latency_histogram::upper_bound(i);
        while (reached >= level && level < 100.0) {
            out.push_back({value, level, seen});
            // As HdrHistogram's iterator: once every count is seen, one step, then the 100% line.
            if (seen == total) break;
            // Finer as the tail thins: ticks x 2^(floor(log2(100 / (100 - level))) + 1).
            const double halvings = std::floor(std::log2(100.0 / (100.0 - level)));
            const double ticks = ticks_per_half_distance * std::pow(2.0, halvings + 1);
            level += 100.0 / ticks;
            if (out.size() > 100000) break;  // cannot happen short of a broken level
        }
        if (seen == total) break;
    }
    // HdrHistogram's one extra step: 100% at the last recorded value.
    for (std::size_t i = counts.size(); i-- > 0;)
        if (counts[i] != 0) {
            out.push_back({latency_histogram::upper_bound(i), 100.0, total});
            break;
        }
    return out;
}

std::vector<distribution> distributions(std::span<const run_record> records, const std::string& only) {
    std::vector<distribution> out;
    for (const repetition_group& g : group_repetitions(records)) {
        if (!only.empty() && g.first().run_name != only) continue;
        auto merged = std::make_shared<latency_histogram>();
        int n = 0;
        for (const run_record* r : g.good()) {
            if (r->latency_histogram.empty()) continue;
            const auto h = decode_histogram(r->latency_histogram);
            if (!h)
                throw std::invalid_argument(r->name + ": latency_histogram is not an HdrHistogram this psem-bench "
                                            "reads (V2 compressed, base64)");
            merged->merge(*h);
            ++n;
        }
        if (n == 0) continue;
        distribution d;
        d.benchmark = g.first().run_name;
        d.histograms = n;
        d.steps = percentile_steps(*merged);
        d.merged = std::move(merged);
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace psem::bench
