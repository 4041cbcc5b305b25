// analysis/compare.cpp - matching, per-benchmark figures and the summary (see compare.hpp).
#include "analysis/compare.hpp"

#include "analysis/context_diff.hpp"
#include "analysis/samples.hpp"
#include "analysis/verdict.hpp"
#include "stats/descriptive.hpp"
#include "stats/mann_whitney.hpp"

#include <cmath>
#include <map>

namespace psem::bench {
namespace {

benchmark_comparison compare_one(std::string name, side_figures base, side_figures cont,
                                 const compare_options& o) {
    benchmark_comparison c;
    c.name = std::move(name);
    c.baseline = std::move(base);
    c.contender = std::move(cont);
    c.median_ratio = c.contender.median_ns / c.baseline.median_ns;
    c.ratio = c.median_ratio;  // NaN when a side failed; the estimate replaces it below
    c.change = c.ratio - 1;

    if (!std::isfinite(c.baseline.median_ns) || !std::isfinite(c.contender.median_ns)) {
        c.outcome = verdict::failed;
        // A benchmark that ran before and fails now is as bad as a slowdown.
        c.regression = !std::isfinite(c.contender.median_ns);
        return c;
    }
    const std::size_t n1 = c.baseline.samples_ns.size();
    const std::size_t n2 = c.contender.samples_ns.size();
    const bool testable = !c.baseline.aggregates_only && !c.contender.aggregates_only;
    c.min_p_value = testable ? mann_whitney_min_p_value(n1, n2) : 1.0;
    if (testable && n1 > 0 && n2 > 0) {
        c.p_value = mann_whitney_u(c.baseline.samples_ns, c.contender.samples_ns).p_value;
        c.interval = ratio_confidence_interval(c.baseline.samples_ns, c.contender.samples_ns, o.confidence);
        if (std::isfinite(c.interval.estimate)) {
            c.ratio = c.interval.estimate;
            c.change = c.ratio - 1;
        }
    }
    c.outcome = decide_verdict(c.change, c.p_value, c.min_p_value, o);
    if (c.outcome == verdict::too_few_repetitions) c.repetitions_needed = mann_whitney_samples_needed(o.alpha);
    c.regression = c.outcome == verdict::slower;
    return c;
}

}  // namespace

comparison compare_reports(const report& baseline, const report& contender, const compare_options& options) {
    comparison out;
    out.options = options;
    out.context_differences = compare_contexts(baseline.context, contender.context);

    std::vector<named_side> base = collect_sides(baseline, options.max_cv);
    std::vector<named_side> cont = collect_sides(contender, options.max_cv);
    std::map<std::string, side_figures*> cont_by_name;
    for (named_side& s : cont) cont_by_name.emplace(s.name, &s.figures);

    for (named_side& b : base) {
        const auto it = cont_by_name.find(b.name);
        if (it == cont_by_name.end()) {
            out.only_in_baseline.push_back(b.name);
            continue;
        }
        benchmark_comparison c = compare_one(b.name, std::move(b.figures), std::move(*it->second), options);
        cont_by_name.erase(it);
        out.benchmarks.push_back(std::move(c));
    }
    for (const named_side& c : cont)
        if (cont_by_name.contains(c.name)) out.only_in_contender.push_back(c.name);
    tally(out);
    return out;
}

void tally(comparison& c) {
    std::vector<double> ratios;
    c.regressions = 0;
    for (const benchmark_comparison& b : c.benchmarks) {
        if (std::isfinite(b.ratio) && b.ratio > 0) ratios.push_back(b.ratio);
        if (b.regression) ++c.regressions;
    }
    // The geometric mean is the one average of ratios that treats 2x and 0.5x as
    // opposite and equal, whatever each benchmark's absolute scale.
    c.geomean_count = ratios.size();
    c.geomean_ratio = ratios.empty() ? comparison::nan : geometric_mean(ratios);
}

report pool_reports(const std::vector<report>& reports) {
    report out;
    if (reports.empty()) return out;
    out.context = reports.front().context;
    for (const report& r : reports) {
        out.benchmarks.insert(out.benchmarks.end(), r.benchmarks.begin(), r.benchmarks.end());
        out.checks.insert(out.checks.end(), r.checks.begin(), r.checks.end());
    }
    return out;
}

}  // namespace psem::bench
