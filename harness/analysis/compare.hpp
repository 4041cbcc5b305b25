// analysis/compare.hpp - baseline report vs contender report: one plain difference record
// per benchmark, with a verdict, and what a reader must be warned about.
//
// Computing only. Nothing here formats or prints: render/compare_render.hpp turns a
// `comparison` into a table, Markdown or JSON. The records are plain structs (no member
// functions defined in a .cpp), so the renderers need only this header, not this library.
#pragma once

#include "model/records.hpp"
#include "stats/ratio_interval.hpp"

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace psem::bench {

struct compare_options {
    double threshold = 0.05;   // fraction: changes within +-5% never count, however certain
    double alpha = 0.05;       // significance level of the Mann-Whitney U test
    double max_cv = 0.10;      // a side whose repetitions spread wider than this is flagged
    double confidence = 0.95;  // of the interval for the ratio of medians
};

enum class verdict {
    faster,               // significant, and faster by more than the threshold
    slower,               // significant, and slower by more than the threshold: a regression
    same,                 // not significant, or within the threshold ("~")
    too_few_repetitions,  // the U test cannot reach alpha with these sample sizes
    failed,               // a side has no usable run (every repetition failed)
};

/// One side of one benchmark: the repetitions' ns/op (real_time) and what they say.
struct side_figures {
    static constexpr double nan = std::numeric_limits<double>::quiet_NaN();

    std::vector<double> samples_ns;  // real_time_ns of the good repetitions
    std::size_t repetitions = 0;     // runs behind median_ns (an aggregate's count, if only that)
    double median_ns = nan;
    double cv = nan;                 // fraction; NaN when unknown (one run, no aggregates)
    bool aggregates_only = false;    // no repetitions in the file, only GB's aggregates
    std::size_t failed_runs = 0;     // repetitions with error_occurred (not in samples_ns)
    bool spread_too_wide = false;    // cv > compare_options::max_cv
};

struct benchmark_comparison {
    static constexpr double nan = std::numeric_limits<double>::quiet_NaN();

    std::string name;            // run_name, the key the two reports are matched on
    side_figures baseline;
    side_figures contender;
    // The change the verdict is decided on: the Hodges-Lehmann estimate of the ratio
    // (1.10 = 10% more time), the point estimate of `interval`; the ratio of the medians
    // when no interval can be had (aggregate-only files). Why not the medians' ratio: on
    // a shared host a share of runs land on a slow state (1.5-2x), and when that share
    // is near a third a median jumps between the two states; the medians' ratio of a 10%
    // slowdown then read +2% to +13.5% over 20 blocks of 50 rounds, the estimate +9.2%
    // to +11.3% (README, "How good the gate is").
    double ratio = nan;
    double change = nan;         // ratio - 1
    double median_ratio = nan;   // contender median / baseline median, shown beside it
    ratio_interval interval{nan, nan, nan, nan};  // NaN when the test cannot run
    std::optional<double> p_value;                // two-sided U test; absent when it cannot run
    double min_p_value = 1;      // the smallest p these sample sizes can ever give
    std::optional<std::size_t> repetitions_needed;  // per side, for min_p_value <= alpha
    verdict outcome = verdict::same;
    bool regression = false;     // fails the gate: slower, or the contender's runs all failed
    // Paired comparisons (compare_paired_rounds) only: rounds with a figure on both sides.
    // Then ratio, interval and p come from the per-round medians (Hodges-Lehmann estimate
    // of the per-round ratio, Wilcoxon signed-rank test), and repetitions_needed counts
    // rounds. 0 for a pooled comparison (Mann-Whitney over the repetitions).
    std::size_t pairs = 0;
};

/// A context field that differs between the two reports (e.g. another CPU model).
struct context_difference {
    std::string field;           // JSON path in the context, e.g. "/psem/cpu_model"
    std::string baseline;        // the value as compact JSON text, strings unquoted
    std::string contender;
};

struct comparison {
    static constexpr double nan = std::numeric_limits<double>::quiet_NaN();

    compare_options options;
    bool paired = false;          // made by compare_paired_rounds
    std::vector<benchmark_comparison> benchmarks;  // in the baseline's order
    std::vector<std::string> only_in_baseline;
    std::vector<std::string> only_in_contender;
    std::vector<context_difference> context_differences;
    double geomean_ratio = nan;   // geometric mean of the ratios of medians
    std::size_t geomean_count = 0;  // benchmarks behind it
    std::size_t regressions = 0;  // benchmarks with regression == true
};

/// Matches benchmarks by run_name and compares each pair. Reports with no benchmark in
/// common give an empty `benchmarks` list (and no regression).
[[nodiscard]] comparison compare_reports(const report& baseline, const report& contender,
                                         const compare_options& options = {});

/// The rounds of an interleaved job: baseline_rounds[i] ran beside contender_rounds[i],
/// so the two saw the same machine state. The figures shown (medians, samples, cv, notes)
/// are the pooled comparison's; each benchmark's verdict is decided on its per-round
/// medians, paired, so that drift between rounds cancels instead of counting as noise.
/// Rounds beyond the shorter list are ignored (the caller checks that the counts match).
[[nodiscard]] comparison compare_paired_rounds(const std::vector<report>& baseline_rounds,
                                               const std::vector<report>& contender_rounds,
                                               const compare_options& options = {});

/// Several reports of one side (e.g. the A runs of an interleaved A B A B job) as one:
/// the first context, every benchmark record. Repetitions with the same name then pool.
[[nodiscard]] report pool_reports(const std::vector<report>& reports);

}  // namespace psem::bench
