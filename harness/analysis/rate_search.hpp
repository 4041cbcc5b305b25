// analysis/rate_search.hpp - `psem-bench search`'s reasoning, apart from the running: which
// offered rate to try next (bracketing, then bisection) and what a step's repetitions say
// against the latency target. cli/cmd_search runs the steps; render/ prints them.
//
// A step passes when its p99 is below the target with confidence (one-sided sign test over
// its repetitions' p99, p < alpha: at least 5 repetitions, all below) and the producers
// kept the pace (median achieved rate at least 95% of the offered one: a host that cannot
// offer the rate does not sustain it, whatever the latency). The search assumes that a
// rate that fails makes every higher rate fail, as queueing does.
#pragma once

#include "model/records.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace psem::bench {

enum class step_verdict {
    below,   // p99 below the target with confidence, pace kept: passes
    over,    // p99 over the target with confidence
    unsure,  // neither, with the repetitions run
    behind,  // the producers could not offer the rate
};

struct search_step {
    std::uint64_t interval_ns = 0;  // post_interval_ns: each producer thread's pace
    double offered_per_sec = 0;     // all producer threads together
    double achieved_per_sec = 0;    // median over the repetitions
    std::optional<double> p50_ns;   // medians
    std::optional<double> p99_ns;
    int runs = 0;                   // good repetitions
    int runs_over = 0;              // repetitions whose p99 is over the target
    double below_p_value = 1;       // sign test: p99's median is below the target
    double over_p_value = 1;        // and over it
    step_verdict verdict = step_verdict::unsure;
};

/// What a step's repetitions (the iteration records of one point; failed ones are left
/// out) say against `target_ns`.
[[nodiscard]] search_step judge_step(std::span<const run_record> records, std::uint64_t interval_ns,
                                     double offered_per_sec, double target_ns, double alpha);

struct rate_search_options {
    double target_ns = 0;
    double from_rate = 1000;   // offered posts/s of the first step: the lowest rate asked
    double to_rate = 1e7;      // the highest rate tried
    double factor = 4;         // bracketing: each step's rate this many times the last passing one
    double resolution = 1.1;   // bisection stops when first failing / highest passing <= this
    int max_steps = 16;
    int producer_threads = 1;  // producers x threads_per_process: rate = threads x 1e9 / interval
    double alpha = 0.05;
};

class rate_search {
public:
    explicit rate_search(const rate_search_options& options) : options_(options) {}

    /// The interval to run next, or none: the search is over.
    [[nodiscard]] std::optional<std::uint64_t> next() const;
    /// The offered rate that interval gives.
    [[nodiscard]] double rate_of(std::uint64_t interval_ns) const;
    void add(search_step step) { steps_.push_back(std::move(step)); }

    [[nodiscard]] const std::vector<search_step>& steps() const { return steps_; }
    /// The highest rate that passed, and the lowest rate above it that did not.
    [[nodiscard]] std::optional<std::size_t> highest_passing() const;
    [[nodiscard]] std::optional<std::size_t> first_failing() const;
    [[nodiscard]] const rate_search_options& options() const { return options_; }

private:
    [[nodiscard]] std::uint64_t interval_for(double rate) const;
    rate_search_options options_;
    std::vector<search_step> steps_;
};

}  // namespace psem::bench
