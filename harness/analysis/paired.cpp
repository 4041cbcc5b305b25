// analysis/paired.cpp - the verdict of an interleaved job decided round by round (see
// compare_paired_rounds in compare.hpp).
//
// Why: on a shared 2-core machine the speed drifts between rounds (a neighbour's build,
// a migration), by more than the slowdowns the gate must catch. Pooling every round's
// repetitions into one Mann-Whitney test counts that drift as noise and needs many more
// samples; the round's two arms, run back to back, share it, so their ratio does not.
#include "analysis/compare.hpp"

#include "analysis/samples.hpp"
#include "analysis/verdict.hpp"
#include "stats/signed_rank.hpp"

#include <cmath>
#include <map>

namespace psem::bench {
namespace {

using round_medians = std::map<std::string, double>;

// Each round's median ns/op per benchmark, over its good repetitions (NaN when none).
std::vector<round_medians> medians_by_round(const std::vector<report>& rounds, double max_cv) {
    std::vector<round_medians> out;
    out.reserve(rounds.size());
    for (const report& r : rounds) {
        round_medians m;
        for (const named_side& s : collect_sides(r, max_cv)) m.emplace(s.name, s.figures.median_ns);
        out.push_back(std::move(m));
    }
    return out;
}

double lookup(const round_medians& m, const std::string& name) {
    const auto it = m.find(name);
    return it == m.end() ? std::nan("") : it->second;
}

void decide_paired(benchmark_comparison& b, const std::vector<round_medians>& base,
                   const std::vector<round_medians>& cont, const compare_options& o) {
    // A failed side has nothing to pair; aggregate-only files have no rounds to pair.
    if (b.outcome == verdict::failed || b.baseline.aggregates_only || b.contender.aggregates_only) return;
    std::vector<double> x;
    std::vector<double> y;
    for (std::size_t i = 0; i < base.size() && i < cont.size(); ++i) {
        const double bx = lookup(base[i], b.name);
        const double cy = lookup(cont[i], b.name);
        if (std::isfinite(bx) && bx > 0 && std::isfinite(cy) && cy > 0) {
            x.push_back(bx);
            y.push_back(cy);
        }
    }
    b.pairs = x.size();
    b.min_p_value = signed_rank_min_p_value(b.pairs);
    b.interval = paired_ratio_interval(x, y, o.confidence);
    b.ratio = b.interval.estimate;
    b.change = b.ratio - 1;
    b.p_value.reset();
    if (!x.empty()) {
        std::vector<double> log_ratios;
        for (std::size_t i = 0; i < x.size(); ++i) log_ratios.push_back(std::log(y[i]) - std::log(x[i]));
        const signed_rank_result t = wilcoxon_signed_rank(log_ratios);
        // Every round equal on both sides: no evidence of a difference, not "no test".
        b.p_value = t.n == 0 ? 1.0 : t.p_value;
    }
    b.outcome = decide_verdict(b.change, b.p_value, b.min_p_value, o);
    b.repetitions_needed.reset();
    if (b.outcome == verdict::too_few_repetitions) b.repetitions_needed = signed_rank_pairs_needed(o.alpha);
    b.regression = b.outcome == verdict::slower;
}

}  // namespace

comparison compare_paired_rounds(const std::vector<report>& baseline_rounds,
                                 const std::vector<report>& contender_rounds, const compare_options& options) {
    comparison out = compare_reports(pool_reports(baseline_rounds), pool_reports(contender_rounds), options);
    out.paired = true;
    const std::vector<round_medians> base = medians_by_round(baseline_rounds, options.max_cv);
    const std::vector<round_medians> cont = medians_by_round(contender_rounds, options.max_cv);
    for (benchmark_comparison& b : out.benchmarks) decide_paired(b, base, cont, options);
    tally(out);
    return out;
}

}  // namespace psem::bench
