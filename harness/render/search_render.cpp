// render/search_render.cpp - see search_render.hpp.
#include "render/search_render.hpp"

#include "render/format.hpp"
#include "render/text_table.hpp"

#include <fmt/format.h>

#include <sstream>

namespace psem::bench {
namespace {

const char* verdict_text(step_verdict v) {
    switch (v) {
        case step_verdict::below: return "below";
        case step_verdict::over: return "over";
        case step_verdict::unsure: return "cannot tell";
        case step_verdict::behind: return "producers behind";
    }
    return "?";
}

std::string step_figures(const search_step& s) {
    return fmt::format("p99 {}, {} of {} repetitions over", format_opt(format_duration, s.p99_ns), s.runs_over,
                       s.runs);
}

}  // namespace

std::string search_answer(const rate_search& s) {
    const std::string target = format_duration(s.options().target_ns);
    const auto best = s.highest_passing();
    const auto fail = s.first_failing();
    if (s.steps().empty()) return "No step ran.";
    if (!best) {
        const search_step& first = s.steps().front();
        return fmt::format("Not even at the lowest rate: at {} posts/s offered p99 is not below {} with confidence "
                           "({}; {}).",
                           format_rate(first.offered_per_sec), target, step_figures(first), verdict_text(first.verdict));
    }
    const search_step& b = s.steps()[*best];
    std::string out = fmt::format(
        "Highest offered rate with p99 below {}, with confidence: {} posts/s (post_interval_ns {}; {}; sign test p = {}).",
        target, format_rate(b.offered_per_sec), b.interval_ns, step_figures(b), format_p_value(b.below_p_value));
    if (!fail)
        return out + fmt::format(" No rate tried failed: p99 stays below the target up to the highest rate tried "
                                 "(--to {}).",
                                 format_rate(s.options().to_rate));
    const search_step& f = s.steps()[*fail];
    out += fmt::format(" First rate that is not: {} posts/s (post_interval_ns {}; {}: {}).",
                       format_rate(f.offered_per_sec), f.interval_ns, verdict_text(f.verdict), step_figures(f));
    out += fmt::format(" The limit lies between them ({:.2f}x apart).", f.offered_per_sec / b.offered_per_sec);
    return out;
}

std::string render_search(const rate_search& s, bool markdown) {
    using a = text_table::align;
    text_table t{{{"step", a::right}, {"post_interval_ns", a::right}, {"offered/s", a::right},
                  {"achieved/s", a::right}, {"p50", a::right}, {"p99", a::right}, {"over", a::right},
                  {"verdict", a::left}},
                 {}};
    int n = 0;
    for (const search_step& st : s.steps())
        t.rows.push_back({std::to_string(++n), std::to_string(st.interval_ns), format_rate(st.offered_per_sec),
                          format_rate(st.achieved_per_sec), format_opt(format_duration, st.p50_ns),
                          format_opt(format_duration, st.p99_ns), fmt::format("{}/{}", st.runs_over, st.runs),
                          verdict_text(st.verdict)});
    std::ostringstream out;
    out << fmt::format("{}Search: the highest offered rate with p99 below {}\n\n", markdown ? "### " : "",
                       format_duration(s.options().target_ns));
    if (markdown) print_markdown(out, t);
    else print_aligned(out, t);
    out << '\n' << (markdown ? "- " : "") << search_answer(s) << '\n';
    return out.str();
}

nlohmann::ordered_json search_json(const rate_search& s) {
    nlohmann::ordered_json steps = nlohmann::ordered_json::array();
    for (const search_step& st : s.steps())
        steps.push_back({{"post_interval_ns", st.interval_ns},
                         {"offered_per_sec", json_number(st.offered_per_sec)},
                         {"achieved_per_sec", json_number(st.achieved_per_sec)},
                         {"p50_ns", st.p50_ns ? json_number(*st.p50_ns) : nullptr},
                         {"p99_ns", st.p99_ns ? json_number(*st.p99_ns) : nullptr},
                         {"repetitions", st.runs},
                         {"repetitions_over", st.runs_over},
                         {"below_p_value", json_number(st.below_p_value)},
                         {"verdict", verdict_text(st.verdict)}});
    const auto index = [&](const std::optional<std::size_t>& i) {
        return i ? steps[*i] : nlohmann::ordered_json(nullptr);
    };
    return {{"target_p99_ns", s.options().target_ns},
            {"test", "sign test over the repetitions' p99, one-sided"},
            {"alpha", s.options().alpha},
            {"steps", steps},
            {"highest_passing", index(s.highest_passing())},
            {"first_failing", index(s.first_failing())},
            {"answer", search_answer(s)}};
}

}  // namespace psem::bench
