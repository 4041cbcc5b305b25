// io/json_fields.hpp - the field names of a benchmark and a check entry that are
// not counters, shared by the writer (a counter must not shadow one) and the reader
// (anything numeric that is not one of these is a counter).
#pragma once

#include <algorithm>
#include <array>
#include <string_view>

namespace psem::bench::json_fields {

// Google Benchmark's own fields of a "benchmarks" entry, then ours.
inline constexpr std::array<std::string_view, 26> benchmark_reserved{
    "name", "family_index", "per_family_instance_index", "run_name", "run_type",
    "repetitions", "repetition_index", "threads", "aggregate_name", "aggregate_unit",
    "error_occurred", "error_message", "iterations", "real_time", "cpu_time", "time_unit",
    "label", "big_o", "rms", "cpu_coefficient", "real_coefficient",
    // psem's
    "scenario", "workload", "processes", "params", "latency_histogram",
};
// Also ours, numeric, so listed apart: the reader takes them as figures, not counters.
inline constexpr std::array<std::string_view, 2> benchmark_figures{"wall_ns", "cpu_ns"};

inline constexpr std::array<std::string_view, 10> check_reserved{
    "name", "expected", "observed", "passed", "skipped", "reason",
    "trials", "lateness_p50_ns", "lateness_p99_ns", "lateness_max_ns",
};

template <std::size_t N>
constexpr bool contains(const std::array<std::string_view, N>& names, std::string_view key) {
    return std::find(names.begin(), names.end(), key) != names.end();
}

inline bool is_benchmark_field(std::string_view key) {
    return contains(benchmark_reserved, key) || contains(benchmark_figures, key);
}

}  // namespace psem::bench::json_fields
