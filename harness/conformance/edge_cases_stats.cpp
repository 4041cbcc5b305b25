#include "conformance/edge_stats.hpp"

#include "stats/descriptive.hpp"

#include <algorithm>

namespace psem::bench {

lateness_summary summarize_lateness(std::span<const double> lateness_ns) {
    lateness_summary s;
    s.trials = lateness_ns.size();
    if (lateness_ns.empty()) return s;
    s.p50_ns = percentile(lateness_ns, 50);
    s.p99_ns = percentile(lateness_ns, 99);
    s.max_ns = maximum(lateness_ns);
    s.min_ns = minimum(lateness_ns);
    s.mean_ns = mean(lateness_ns);
    s.early = static_cast<std::size_t>(std::count_if(lateness_ns.begin(), lateness_ns.end(),
                                                     [](double x) { return x < 0; }));
    return s;
}

void apply_lateness(const lateness_summary& s, check_record& rec) {
    if (s.trials == 0) return;
    rec.trials = static_cast<int>(s.trials);
    rec.lateness_p50_ns = s.p50_ns;
    rec.lateness_p99_ns = s.p99_ns;
    rec.lateness_max_ns = s.max_ns;
    rec.extra["lateness_min_ns"] = s.min_ns;
}

}  // namespace psem::bench
