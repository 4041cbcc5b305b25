// scenario/scenario.hpp - a validated scenario (schema version 1) and its sweep points.
//
// The JSON form is documented field by field in scenarios/README.md. Parsing refuses
// unknown fields, wrong types, out-of-range and contradictory values; every error names
// the file and the JSON path ("/sweep/processes/2: expected a positive integer").
#pragma once

#include "scenario/schema.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace psem::bench {

/// One field's error: where (file and JSON pointer) and what was expected.
struct scenario_error {
    std::string file;       // as given on the command line, or "<string>"
    std::string json_path;  // JSON pointer: "" for the whole document, "/sweep/processes/2"
    std::string message;    // "expected a positive integer"
    int line = 0;           // for syntax errors: 1-based line and column; 0 when unknown
    int column = 0;

    /// "FILE:LINE:COL: message" for syntax errors, "FILE: /path: message" otherwise.
    [[nodiscard]] std::string to_string() const;
};

/// One concrete run: the scenario with sweep values applied and a stable name.
struct run_point {
    scenario config;
    /// "postwait/processes:8/threads:1": workload, then the swept fields, then processes
    /// and threads where not already named. Stable across runs and hosts.
    std::string benchmark_name;
    /// The swept fields and their values at this point, in sweep order.
    std::vector<std::pair<std::string, nlohmann::json>> params;
};

/// Parse result: a scenario or every error found (not only the first).
struct parse_result {
    std::optional<scenario> value;
    std::vector<scenario_error> errors;
    [[nodiscard]] bool ok() const { return value.has_value() && errors.empty(); }
};

/// Parses and validates scenario text. `file` only labels the errors.
[[nodiscard]] parse_result parse_scenario(std::string_view text, std::string_view file = "<string>");

/// Reads and parses a file (an unreadable file is an error naming it).
[[nodiscard]] parse_result load_scenario(const std::filesystem::path& file);

/// Applies "--set field=value" overrides (value parsed as JSON, else taken as a string);
/// an override replaces that field's sweep, if any. Errors name the field.
[[nodiscard]] parse_result apply_overrides(const scenario& base,
                                           const std::vector<std::string>& assignments);

/// The cartesian product of the sweep, in file order (last field varies fastest); one
/// point when there is no sweep. Each point is validated again (a swept value can break a
/// rule, e.g. pingpong with 3 processes): errors name "/sweep/FIELD/INDEX".
/// When there are errors, `points` is empty: half a sweep is never run.
struct expand_result {
    std::vector<run_point> points;
    std::vector<scenario_error> errors;
};
[[nodiscard]] expand_result expand_sweep(const scenario& sc);

/// Scenario files under a directory (*.json, sorted by name); a file path is returned as is.
/// A missing path, or one that cannot be listed, gives an empty list: the caller reports it.
[[nodiscard]] std::vector<std::filesystem::path> scenario_files(const std::filesystem::path& path);

/// The host's process limit (RLIMIT_NPROC soft, minus what this user already runs), used
/// to refuse a worker count the host cannot start. Also bounded by the kernel's threads-max
/// and pid_max minus the tasks running, which bind root too (RLIMIT_NPROC does not), so it
/// is nullopt only when nothing could be read.
[[nodiscard]] std::optional<long> process_headroom();

/// The names of the known workloads, for messages and `psem-bench list`.
[[nodiscard]] const std::vector<std::string>& known_workloads();

/// The names of the edge_cases checks, in the order they run when "checks" is empty.
[[nodiscard]] const std::vector<std::string>& known_checks();

/// The scenario in its canonical JSON form (table order, no derived or defaulted-away
/// fields, the sweep included): what overrides and sweeps start from, what a worker is
/// handed, and what parses back to `sc`.
[[nodiscard]] nlohmann::ordered_json to_json(const scenario& sc);

/// A run point's canonical JSON (no sweep) back to its scenario, by the same validation
/// as a file but without the host's process headroom (a worker is already started).
/// `label` names the source in errors.
[[nodiscard]] parse_result parse_point(const nlohmann::ordered_json& canonical, std::string_view label);

}  // namespace psem::bench
