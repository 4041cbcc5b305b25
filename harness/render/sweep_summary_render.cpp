// render/sweep_summary_render.cpp - the printing half of the sweep summary: a per-point
// table with the peak and knee marked, then one sentence each for peak, knee and fall.
#include "render/sweep_summary_render.hpp"

#include "render/format.hpp"
#include "analysis/sweep_summary.hpp"
#include "render/text_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace psem::bench {
namespace {

std::string fields_text(const sweep_summary& s) {
    std::string out;
    for (const auto& f : s.swept_fields) out += (out.empty() ? "" : " x ") + f;
    return out;
}

bool listed(const std::vector<std::size_t>& xs, std::size_t i) { return std::find(xs.begin(), xs.end(), i) != xs.end(); }

std::string labels(const sweep_summary& s, const std::vector<std::size_t>& xs, const auto& detail) {
    std::string out;
    for (const std::size_t i : xs) out += (out.empty() ? "" : ", ") + point_label(s.points[i]) + detail(s.points[i]);
    return out;
}

// "2.31x (2.05-2.60)": time per op against psem's, with its 95% interval when there is one.
std::string vs_psem_cell(const sweep_point& p) {
    if (!p.vs_psem) return "-";
    if (!p.vs_psem_low || !p.vs_psem_high) return fmt::format("{:.2f}x", *p.vs_psem);
    return fmt::format("{:.2f}x ({:.2f}-{:.2f})", *p.vs_psem, *p.vs_psem_low, *p.vs_psem_high);
}

text_table point_table(const sweep_summary& s) {
    using a = text_table::align;
    const bool backends = std::any_of(s.points.begin(), s.points.end(), [](const sweep_point& p) { return p.vs_psem; });
    text_table t{{{"point", a::left}, {"workers", a::right}, {"ns/op", a::right}, {"ops/s", a::right},
                  {"of peak", a::right}, {"p50", a::right}, {"p99", a::right}},
                 {}};
    if (backends) t.columns.push_back({"vs psem", a::right});
    t.columns.push_back({"", a::left});
    const double peak = s.peak ? s.points[*s.peak].ops_per_sec : std::nan("");
    for (std::size_t i = 0; i < s.points.size(); ++i) {
        const sweep_point& p = s.points[i];
        if (p.good_runs == 0) {
            t.rows.push_back({point_label(p), std::to_string(p.workers), "FAILED: every repetition failed"});
            continue;
        }
        std::vector<std::string> marks;
        if (s.peak == i) marks.emplace_back("peak");
        if (s.comparable && listed(s.indistinguishable, i)) marks.emplace_back("~peak");
        if (s.knee == i) marks.emplace_back("knee");
        if (listed(s.maybe_over, i)) marks.emplace_back("p99 maybe over");
        std::string mark;
        for (const auto& m : marks) mark += (mark.empty() ? "" : ", ") + m;
        std::vector<std::string> row{point_label(p),
                                     std::to_string(p.workers),
                                     format_ns(p.ns_per_op),
                                     format_rate(p.ops_per_sec),
                                     fmt::format("{:.0f}%", 100 * p.ops_per_sec / peak),
                                     format_opt(format_duration, p.p50_ns),
                                     format_opt(format_duration, p.p99_ns)};
        if (backends) row.push_back(vs_psem_cell(p));
        row.push_back(mark);
        t.rows.push_back(std::move(row));
    }
    return t;
}

std::string peak_sentence(const sweep_summary& s) {
    if (!s.peak) return "Peak: none, every point failed.";
    const sweep_point& p = s.points[*s.peak];
    std::string out = fmt::format("Peak: {} ops/s at {} ({} ns/op)", format_rate(p.ops_per_sec), point_label(p),
                                  format_ns(p.ns_per_op));
    const median_interval_figures& ci = *s.peak_interval;
    if (ci.runs >= 2)
        out += fmt::format("; {:.1f}% interval {}..{} ops/s over its {} repetitions", 100 * ci.coverage,
                           format_rate(ci.low), format_rate(ci.high), ci.runs);
    out += '.';
    if (s.points.size() < 2) return out;
    if (!s.comparable)
        return out + fmt::format(" With {} good repetition{} at the fewest, no point can be told apart from another: "
                                 "{} per point are needed (--set repetitions={}).",
                                 s.fewest_runs, s.fewest_runs == 1 ? "" : "s", s.min_runs, s.min_runs);
    if (s.indistinguishable.empty())
        return out + fmt::format(" Every other point is below it (Mann-Whitney U over the repetitions, two-sided, "
                                 "p < {:g}).", s.alpha);
    return out + fmt::format(" Not distinguishable from it (Mann-Whitney U, two-sided, p >= {:g}): {}.", s.alpha,
                             labels(s, s.indistinguishable, [](const sweep_point& q) {
                                 return fmt::format(" (p = {})", format_p_value(q.peak_p_value));
                             }));
}

std::string knee_sentence(const sweep_summary& s) {
    const std::string limit = format_duration(s.latency_limit_ns);
    if (!s.latency_measured) return "Knee: not measured (no point recorded p99 latency).";
    const auto runs_over = [](const sweep_point& q) {
        return fmt::format(" ({} of {} repetitions over)", q.p99_runs_over, q.p99_runs.size());
    };
    const std::string maybe =
        s.maybe_over.empty() ? "" : fmt::format(" Maybe over at: {}.", labels(s, s.maybe_over, runs_over));
    if (s.knee) {
        const sweep_point& k = s.points[*s.knee];
        std::string out = fmt::format("Knee: p99 is over {} with confidence from {} (p99 {}; {} of {} repetitions over, "
                                      "sign test p = {})",
                                      limit, point_label(k), format_duration(*k.p99_ns), k.p99_runs_over,
                                      k.p99_runs.size(), format_p_value(k.over_p_value));
        if (s.last_under_limit) {
            const sweep_point& before = s.points[*s.last_under_limit];
            out += fmt::format("; the last point under it: {} (p99 {})", point_label(before),
                               format_duration(*before.p99_ns));
        }
        return out + '.' + maybe;
    }
    if (!s.maybe_over.empty())
        return fmt::format("Knee: cannot tell. No point is over {} with confidence (sign test, p < {:g}: at least {} "
                           "repetitions, all over), but some may be.{}",
                           limit, s.alpha, s.min_runs, maybe);
    const sweep_point& p = s.points[*s.last_under_limit];
    return fmt::format("Knee: none; p99 stays under {} up to {} (p99 {}), in every repetition.", limit,
                       point_label(p), format_duration(*p.p99_ns));
}

std::string fall_sentence(const sweep_summary& s) {
    if (!s.peak) return {};
    const bool axis = s.swept_fields.size() == 1;
    if (!s.lowest)
        return axis ? "Past the peak: nothing yet; throughput is highest at the last point, so sweep further."
                    : "Lowest: only one point succeeded.";
    const sweep_point& p = s.points[*s.lowest];
    // Whole percents, but never round a 99.8% fall up to a "100%" that reads as zero throughput.
    const int decimals = s.fall_fraction > 0.99 ? 1 : 0;
    return fmt::format("{}: {:.{}f}% below the peak at {} ({} ops/s).", axis ? "Past the peak" : "Lowest",
                       100 * s.fall_fraction, decimals, point_label(p), format_rate(p.ops_per_sec));
}

}  // namespace

void render_sweep_summary(std::ostream& out, const sweep_summary& s) {
    out << fmt::format("Sweep summary: {} over {}, p99 limit {}\n", s.scenario, fields_text(s),
                       format_duration(s.latency_limit_ns));
    print_aligned(out, point_table(s));
    out << peak_sentence(s) << '\n' << knee_sentence(s) << '\n';
    if (const std::string f = fall_sentence(s); !f.empty()) out << f << '\n';
}

std::string render_sweep_summary(const sweep_summary& s) {
    std::ostringstream out;
    render_sweep_summary(out, s);
    return out.str();
}

void render_sweep_summary_markdown(std::ostream& out, const sweep_summary& s) {
    out << fmt::format("### Sweep summary: {} over {} (p99 limit {})\n\n", s.scenario, fields_text(s),
                       format_duration(s.latency_limit_ns));
    print_markdown(out, point_table(s));
    out << "\n- " << peak_sentence(s) << "\n- " << knee_sentence(s) << '\n';
    if (const std::string f = fall_sentence(s); !f.empty()) out << "- " << f << '\n';
}

}  // namespace psem::bench
