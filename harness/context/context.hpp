// context/context.hpp - the report's "context": Google Benchmark's host description plus
// our "psem" object. Gathered once per run, before any worker starts.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace psem::bench {

/// Bumped when a report's meaning changes incompatibly (context.psem.report_schema_version).
inline constexpr int report_schema_version = 1;

/// Google Benchmark's context fields (date, host_name, executable, num_cpus, mhz_per_cpu,
/// cpu_scaling_enabled, caches, load_avg, library_build_type, json_schema_version: 1),
/// with GB's types, plus "psem": {report_schema_version, version, git_revision,
/// build_type, kernel, glibc, cpu_model, sem_value_max, virtualization, clocksource,
/// governor, timer_overhead_ns, cacheline_round_trip: {ns, cpus, runs_ns,
/// round_trips_per_run} or "unknown" (context/cacheline_probe.hpp), scenarios: []}. The runner appends {file, name, sha256}
/// to psem.scenarios. Never throws: a fact that cannot be found reads "unknown" (GB's
/// numeric fields keep their type and read 0, false or [] instead, as GB writes them).
/// Takes a few tens of milliseconds (it measures the timer overhead and the cache-line
/// round trip).
[[nodiscard]] nlohmann::json collect_context(const std::string& executable);

}  // namespace psem::bench
