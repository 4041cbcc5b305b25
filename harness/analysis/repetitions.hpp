// analysis/repetitions.hpp - a benchmark's repetitions, and the one definition of a "good"
// repetition that every median, aggregate and comparison in psem-bench is taken over.
#pragma once

#include "model/records.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace psem::bench {

/// A repetition counts when it did not fail and has an ns/op to count: a positive, finite
/// real_time_ns (a run that claims success with no ops, or a hand-edited file, has none).
/// scripts/plot keeps the same rule.
[[nodiscard]] bool is_good(const run_record& r);

/// The iteration records of one benchmark, in report order.
struct repetition_group {
    std::vector<const run_record*> runs;  // every repetition, failed ones too; never empty

    [[nodiscard]] const run_record& first() const { return *runs.front(); }
    [[nodiscard]] std::vector<const run_record*> good() const;
    [[nodiscard]] int good_count() const;
    /// The first failed repetition's message ("failed" when it gave none), or "".
    [[nodiscard]] std::string first_error() const;
    /// real_time_ns of the good repetitions, in order.
    [[nodiscard]] std::vector<double> good_ns_per_op() const;
    /// The median of real_time_ns over the good repetitions; NaN when there is none.
    [[nodiscard]] double median_ns_per_op() const;
    /// A counter's values over the good repetitions that have it (NaN values left out).
    [[nodiscard]] std::vector<double> counter_values(std::string_view name) const;
    /// The median of counter_values(name); absent when none has it.
    [[nodiscard]] std::optional<double> median_counter(std::string_view name) const;
};

enum class group_key {
    run_name,               // one group per benchmark name (compare matches by name)
    scenario_and_run_name,  // also apart per scenario (two files may share a run name)
};

/// The iteration records grouped by `key`, in order of first appearance; aggregates are
/// ignored (medians are recomputed from the iterations, so a report without them works).
[[nodiscard]] std::vector<repetition_group> group_repetitions(std::span<const run_record> records,
                                                              group_key key = group_key::run_name);

}  // namespace psem::bench
