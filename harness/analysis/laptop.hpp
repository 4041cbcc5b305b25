// analysis/laptop.hpp - the laptop reproduction: our runs of scenarios/laptop/ beside the
// Go package's published figures (results/reference/laptop-go.json), with the ratio and
// what differs between the two set-ups.
//
// Computing and printing apart: compare_with_reference() is pure (records and contexts in,
// rows and notes out); the render_* functions only format. Finding the reference file is
// the one piece of I/O, kept to a list of candidate paths.
#pragma once

#include "model/records.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace psem::bench {

/// Scenarios whose name starts with this are laptop reproductions ("laptop-postwait").
inline constexpr std::string_view laptop_scenario_prefix = "laptop-";
/// The reference report's file name, in results/reference/ and in the installed set.
inline constexpr std::string_view laptop_reference_file = "laptop-go.json";

[[nodiscard]] bool is_laptop_scenario(std::string_view scenario_name);
/// Some iteration record comes from a laptop scenario.
[[nodiscard]] bool has_laptop_runs(std::span<const run_record> records);
/// The report says it is a published reference (context.psem.reference is true), not a run.
[[nodiscard]] bool is_reference_report(const report& r);

/// One of our laptop benchmarks beside the reference benchmark of the same workload and
/// worker count (PostWait: 1 worker; PostWaitParallel-8: 8, whatever the shape).
struct laptop_row {
    std::string scenario;           // ours: "laptop-postwait-parallel-procs"
    std::string benchmark;          // our run_name: "postwait/processes:8/threads:1"
    int processes = 1;              // the shape
    int threads_per_process = 1;
    int good_runs = 0;              // repetitions that did not fail
    double ns_per_op = 0;           // median over the good runs (NaN if none)
    double cv = 0;                  // their spread, a fraction
    std::string reference;          // the reference's benchmark ("BenchmarkPostWait-8"); empty: none
    double reference_ns_per_op = 0; // NaN when there is no reference
    double ratio = 0;               // ours / reference: below 1 means we are faster; NaN if unknown
    std::string error;              // every repetition failed: the first error
};

struct laptop_comparison {
    std::string reference_setup;     // "ThinkPad W520, Go with cgo, GOMAXPROCS=8"
    std::string our_setup;           // "Intel Xeon ..., 2 CPUs, kvm, Linux 6.1.0, glibc 2.36"
    std::vector<laptop_row> rows;    // in the reference's order, then fewer processes first
    std::vector<std::string> notes;  // what differs between the set-ups, one sentence each
};

/// `ours` may hold any records: only iterations of laptop scenarios count. `our_context`
/// is the run's context (its host facts name our set-up; missing ones read "unknown").
[[nodiscard]] laptop_comparison compare_with_reference(std::span<const run_record> ours,
                                                       const nlohmann::json& our_context, const report& reference);

/// Where the reference may be, best first: results/reference/ under the current
/// directory; the checkout a laptop scenario came from (<root>/scenarios/laptop/x.json
/// gives <root>/results/reference/); the installed copy beside the installed scenarios
/// (<datadir>/psem/scenarios gives <datadir>/psem/reference/).
[[nodiscard]] std::vector<std::filesystem::path> laptop_reference_candidates(
    std::span<const std::string> scenario_files, const std::filesystem::path& installed_scenario_dir);

/// The first candidate that is a regular file.
[[nodiscard]] std::optional<std::filesystem::path> first_existing(std::span<const std::filesystem::path> candidates);

}  // namespace psem::bench
