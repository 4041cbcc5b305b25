// render/compare_render.cpp - the comparison as a terminal table and as Markdown (the
// JSON form is in compare_render_json.cpp).
#include "render/compare_render.hpp"

#include "render/format.hpp"
#include "render/text_table.hpp"

#include <fmt/format.h>

#include <cmath>
#include <sstream>

namespace psem::bench {
namespace {

using align = text_table::align;

std::string signed_percent(double fraction) {
    if (!std::isfinite(fraction)) return "-";
    const double percent = std::fabs(fraction) < 0.0005 ? 0.0 : fraction * 100;  // no "-0.0%"
    return fmt::format("{:+.1f}%", percent);
}

std::string interval_text(const ratio_interval& ci) {
    if (!std::isfinite(ci.lower) || !std::isfinite(ci.upper)) return "-";
    return fmt::format("[{}, {}]", signed_percent(ci.lower - 1), signed_percent(ci.upper - 1));
}

std::string p_text(const std::optional<double>& p) {
    return p ? format_p_value(*p) : "-";
}

std::string count_text(const side_figures& s) {
    return s.aggregates_only ? fmt::format("{}*", s.repetitions) : std::to_string(s.repetitions);
}

// `paired`: the comparison's, not b.pairs > 0, so that a paired comparison with no round
// to pair still asks for rounds.
std::string verdict_text(const benchmark_comparison& b, bool paired) {
    switch (b.outcome) {
        case verdict::same: return "~";
        case verdict::too_few_repetitions: {
            // A paired comparison needs more rounds, not more repetitions within a round.
            std::string s = b.baseline.aggregates_only || b.contender.aggregates_only ? "no test: aggregates only"
                            : paired                                                 ? "too few rounds"
                                                                                     : "too few repetitions";
            if (b.repetitions_needed)
                s += paired ? fmt::format(" (need {})", *b.repetitions_needed)
                                 : fmt::format(" (need {} each)", *b.repetitions_needed);
            return s;
        }
        case verdict::failed:
            return std::isfinite(b.contender.median_ns) ? "failed (baseline)" : "failed (contender)";
        case verdict::faster:
        case verdict::slower: break;
    }
    return verdict_name(b.outcome);
}

text_table comparison_table(const comparison& c, bool markdown) {
    text_table t;
    t.columns = {{"benchmark", align::left}, {"baseline ns/op", align::right}, {"contender ns/op", align::right},
                 {"change", align::right},   {"95% CI", align::right},         {"p", align::right},
                 {"n", align::right},        {"verdict", align::left}};
    for (const benchmark_comparison& b : c.benchmarks) {
        std::string v = verdict_text(b, c.paired);
        if (markdown && b.regression) v = "**" + v + "**";
        t.rows.push_back({b.name, format_ns(b.baseline.median_ns), format_ns(b.contender.median_ns),
                          signed_percent(b.change), interval_text(b.interval), p_text(b.p_value),
                          count_text(b.baseline) + "/" + count_text(b.contender) +
                              (c.paired ? fmt::format(" ({} pairs)", b.pairs) : ""),
                          std::move(v)});
    }
    if (c.geomean_count > 0) {
        const std::string label = fmt::format("geomean ({} benchmark{})", c.geomean_count,
                                              c.geomean_count == 1 ? "" : "s");
        t.rows.push_back({markdown ? "**" + label + "**" : label, "", "", signed_percent(c.geomean_ratio - 1), "", "",
                          "", ""});
    }
    return t;
}

std::string result_line(const comparison& c) {
    const auto& o = c.options;
    const std::string rule = fmt::format("slower by more than {:g}% with p <= {:g}", o.threshold * 100, o.alpha);
    if (c.benchmarks.empty()) return "no benchmark in common: nothing compared";
    if (c.regressions == 0) return fmt::format("no regression ({})", rule);
    std::string names;
    for (const benchmark_comparison& b : c.benchmarks)
        if (b.regression) names += (names.empty() ? "" : ", ") + b.name;
    return fmt::format("{} regression{}: {} ({}, or a contender run failed)", c.regressions,
                       c.regressions == 1 ? "" : "s", names, rule);
}

std::string method_line(const comparison& c) {
    if (c.paired)
        return "Change = contender / baseline ns/op - 1 (negative is faster), the Hodges-Lehmann estimate of the "
               "per-round ratio of medians over the interleaved rounds; 95% CI of that ratio; p = Wilcoxon "
               "signed-rank over the rounds, two-sided; n = repetitions baseline/contender (rounds paired).";
    return "Change = contender / baseline ns/op - 1 (negative is faster), the Hodges-Lehmann estimate of the "
           "ratio (the median of every contender/baseline pair of repetitions), with its 95% CI; p = "
           "Mann-Whitney U, two-sided; n = repetitions baseline/contender.";
}

std::string side_name(bool baseline) { return baseline ? "baseline" : "contender"; }

void side_notes(std::vector<std::string>& out, const benchmark_comparison& b, const compare_options& o) {
    for (const bool is_base : {true, false}) {
        const side_figures& s = is_base ? b.baseline : b.contender;
        if (s.spread_too_wide)
            out.push_back(fmt::format("{}: {} spread too wide to judge: cv {} over the {} limit", b.name,
                                      side_name(is_base), format_percent(s.cv), format_percent(o.max_cv)));
        if (s.failed_runs > 0)
            out.push_back(fmt::format("{}: {} of {} {} repetitions failed", b.name, s.failed_runs,
                                      s.failed_runs + s.samples_ns.size(), side_name(is_base)));
        if (s.aggregates_only)
            out.push_back(fmt::format("{}: the {} has only aggregates (median of {} runs, marked *): "
                                      "the U test needs the repetitions",
                                      b.name, side_name(is_base), s.repetitions));
    }
}

}  // namespace

const char* verdict_name(verdict v) {
    switch (v) {
        case verdict::faster: return "faster";
        case verdict::slower: return "slower";
        case verdict::same: return "same";
        case verdict::too_few_repetitions: return "too few repetitions";
        case verdict::failed: return "failed";
    }
    return "?";
}

std::vector<std::string> comparison_notes(const comparison& c) {
    std::vector<std::string> out;
    for (const context_difference& d : c.context_differences)
        out.push_back(fmt::format("different set-up: {} is \"{}\" in the baseline, \"{}\" in the contender", d.field,
                                  d.baseline, d.contender));
    for (const benchmark_comparison& b : c.benchmarks) side_notes(out, b, c.options);
    for (const std::string& n : c.only_in_baseline) out.push_back(fmt::format("only in the baseline: {}", n));
    for (const std::string& n : c.only_in_contender) out.push_back(fmt::format("only in the contender: {}", n));
    return out;
}

void render_comparison_table(std::ostream& out, const comparison& c) {
    print_aligned(out, comparison_table(c, false));
    if (c.paired) out << method_line(c) << '\n';
    for (const std::string& n : comparison_notes(c)) out << "warning: " << n << '\n';
    out << "Result: " << result_line(c) << '\n';
}

void render_comparison_markdown(std::ostream& out, const comparison& c) {
    out << "### psem-bench compare: " << (c.regressions == 0 ? "no regression" : "REGRESSION") << "\n\n";
    print_markdown(out, comparison_table(c, true));
    out << '\n' << method_line(c) << '\n';
    const std::vector<std::string> notes = comparison_notes(c);
    if (!notes.empty()) {
        out << "\n**Warnings**\n\n";
        for (const std::string& n : notes) out << "- " << n << '\n';
    }
    out << "\n**Result:** " << result_line(c) << '\n';
}

std::string render_comparison_table(const comparison& c) {
    std::ostringstream s;
    render_comparison_table(s, c);
    return s.str();
}

std::string render_comparison_markdown(const comparison& c) {
    std::ostringstream s;
    render_comparison_markdown(s, c);
    return s.str();
}

}  // namespace psem::bench
