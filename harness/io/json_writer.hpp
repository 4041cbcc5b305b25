// io/json_writer.hpp - report -> JSON in Google Benchmark's layout, plus our fields.
//
// A "benchmarks" entry has GB's fields in GB's order (name, family_index,
// per_family_instance_index, run_name, run_type, repetitions, repetition_index or
// aggregate_name/aggregate_unit, threads, error_occurred/error_message, iterations,
// real_time, cpu_time, time_unit "ns"), then the counters as numeric fields (sorted),
// then ours: scenario, workload (when set), processes, params (an object, when set),
// wall_ns, cpu_ns (when measured). The top level adds "checks". Non-finite numbers are
// written as null (strict JSON); the reader maps null back to NaN.
#pragma once

#include "model/records.hpp"

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>

namespace psem::bench {

/// family_index / per_family_instance_index are not stored in run_record; they are
/// derived: a family is a scenario (or, for records without one, the run_name up to its
/// first '/', GB's family name), numbered in order of first appearance; an instance is a
/// distinct run_name within its family.
/// Throws report_error if a counter (or a check's extra figure) is named like a field.
[[nodiscard]] nlohmann::ordered_json to_json(const report& r);
[[nodiscard]] nlohmann::ordered_json to_json(const check_record& c);
[[nodiscard]] nlohmann::ordered_json to_json(const run_record& r, int family_index, int per_family_instance_index);

/// Pretty-printed (two-space indent, as GB), ending in a newline.
[[nodiscard]] std::string to_json_string(const report& r);
void write_report(std::ostream& out, const report& r);

}  // namespace psem::bench
