// analysis/rate_search.cpp - see rate_search.hpp.
#include "analysis/rate_search.hpp"

#include "analysis/repetitions.hpp"
#include "stats/descriptive.hpp"
#include "stats/sign_test.hpp"

#include <algorithm>
#include <cmath>

namespace psem::bench {

search_step judge_step(std::span<const run_record> records, std::uint64_t interval_ns, double offered_per_sec,
                       double target_ns, double alpha) {
    search_step s;
    s.interval_ns = interval_ns;
    s.offered_per_sec = offered_per_sec;
    repetition_group g;
    for (const run_record& r : records)
        if (r.run_type == "iteration") g.runs.push_back(&r);
    if (g.runs.empty()) return s;
    s.runs = g.good_count();
    const std::vector<double> achieved = g.counter_values("posts_per_sec");
    s.achieved_per_sec = achieved.empty() ? 0 : median(achieved);
    s.p50_ns = g.median_counter("p50_ns");
    s.p99_ns = g.median_counter("p99_ns");
    const std::vector<double> p99s = g.counter_values("p99_ns");
    for (const double v : p99s)
        if (v > target_ns) ++s.runs_over;
    s.below_p_value = sign_test_below(p99s, target_ns);
    s.over_p_value = sign_test_above(p99s, target_ns);
    if (s.runs > 0 && s.achieved_per_sec < 0.95 * offered_per_sec) s.verdict = step_verdict::behind;
    else if (s.below_p_value < alpha) s.verdict = step_verdict::below;
    else if (s.over_p_value < alpha) s.verdict = step_verdict::over;
    else s.verdict = step_verdict::unsure;
    return s;
}

double rate_search::rate_of(std::uint64_t interval_ns) const {
    return static_cast<double>(options_.producer_threads) * 1e9 / static_cast<double>(interval_ns);
}

std::uint64_t rate_search::interval_for(double rate) const {
    const double ns = static_cast<double>(options_.producer_threads) * 1e9 / rate;
    return static_cast<std::uint64_t>(std::max(1.0, std::round(ns)));
}

std::optional<std::size_t> rate_search::highest_passing() const {
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < steps_.size(); ++i)
        if (steps_[i].verdict == step_verdict::below &&
            (!best || steps_[i].offered_per_sec > steps_[*best].offered_per_sec))
            best = i;
    return best;
}

std::optional<std::size_t> rate_search::first_failing() const {
    const auto best = highest_passing();
    const double floor = best ? steps_[*best].offered_per_sec : 0;
    std::optional<std::size_t> out;
    for (std::size_t i = 0; i < steps_.size(); ++i)
        if (steps_[i].verdict != step_verdict::below && steps_[i].offered_per_sec > floor &&
            (!out || steps_[i].offered_per_sec < steps_[*out].offered_per_sec))
            out = i;
    return out;
}

std::optional<std::uint64_t> rate_search::next() const {
    if (steps_.empty()) return interval_for(options_.from_rate);
    if (static_cast<int>(steps_.size()) >= options_.max_steps) return std::nullopt;
    const auto lo = highest_passing();
    if (!lo) return std::nullopt;  // not even the lowest rate
    const auto hi = first_failing();
    const double lo_rate = steps_[*lo].offered_per_sec;
    std::uint64_t interval = 0;
    if (!hi) {
        if (lo_rate >= options_.to_rate * 0.999) return std::nullopt;  // passes at the top: nothing left to find
        interval = interval_for(std::min(lo_rate * options_.factor, options_.to_rate));
    } else {
        const double hi_rate = steps_[*hi].offered_per_sec;
        if (hi_rate / lo_rate <= options_.resolution) return std::nullopt;
        interval = interval_for(std::sqrt(lo_rate * hi_rate));
    }
    // Whole nanoseconds: at high rates the bisection can run out of distinct intervals.
    for (const search_step& s : steps_)
        if (s.interval_ns == interval) return std::nullopt;
    return interval;
}

}  // namespace psem::bench
