// analysis/aggregate.hpp - repetitions -> mean/median/stddev/cv records, as Google Benchmark
// makes them, so its tools read our reports unchanged.
//
// Statistics come from stats/; this file only decides which figures get aggregated and
// how the resulting records are named.
#pragma once

#include "model/records.hpp"

#include <span>
#include <vector>

namespace psem::bench {

/// The aggregates of one benchmark's repetitions (records sharing one run_name): records
/// "<run_name>_mean", "_median", "_stddev", "_cv" with run_type "aggregate", over
/// real_time_ns, cpu_time_ns, wall_ns, cpu_ns and every counter (each over the runs that
/// have it). "iterations" (ops) of an aggregate is the number of runs it summarises and cv
/// is a fraction with aggregate_unit "percentage", as in Google Benchmark. Failed runs do
/// not count; fewer than two good runs give no aggregates (empty result).
[[nodiscard]] std::vector<run_record> make_aggregates(std::span<const run_record> runs);

/// All records in Google Benchmark's order: for each run_name (in order of first
/// appearance) its iteration records, then its aggregates. Aggregate records in the
/// input are dropped and recomputed.
[[nodiscard]] std::vector<run_record> with_aggregates(std::span<const run_record> records);

}  // namespace psem::bench
