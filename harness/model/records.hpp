// model/records.hpp - the plain records that flow from measurement to reports.
//
// One run_record per (scenario, sweep point, repetition) and per aggregate. Field names
// carry their units. The JSON form is Google Benchmark's "benchmarks" entry plus our
// counters as extra numeric fields (docs/architecture.md, "Report").
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace psem::bench {

struct run_record {
    // Identity. `name` is the benchmark name ("postwait/processes:8/threads:1") for an
    // iteration, and "<name>_<aggregate>" ("..._median") for an aggregate, as Google
    // Benchmark does; `run_name` is always the bare benchmark name.
    std::string name;
    std::string run_name;
    std::string scenario;                 // the scenario's "name"
    std::string workload;
    std::string run_type = "iteration";   // "iteration" | "aggregate"
    std::string aggregate_name;           // "mean" | "median" | "stddev" | "cv" (aggregates)
    std::string aggregate_unit = "time";  // "time" | "percentage" (cv)
    int repetitions = 1;
    int repetition_index = 0;
    int threads = 1;                      // total worker threads (processes x threads)
    int processes = 1;
    std::vector<std::pair<std::string, nlohmann::json>> params;  // swept fields here

    // Figures of the run.
    std::uint64_t ops = 0;        // "iterations": total ops over all workers
    double wall_ns = 0;           // latest worker end - earliest worker start
    double cpu_ns = 0;            // user+system CPU of all workers (rusage)
    double real_time_ns = 0;      // wall_ns / ops: the Go definition of ns/op
    double cpu_time_ns = 0;       // cpu_ns / ops

    // Counters, written as extra numeric fields: ops_per_sec, ns_per_op_worker, p50_ns,
    // p99_ns, p999_ns, max_ns, voluntary_ctxsw_per_op, involuntary_ctxsw_per_op, fairness,
    // and any a workload adds. Absent = not measured for this workload.
    std::map<std::string, double> counters;

    // The run's latencies (ns) as an HdrHistogram, V2 compressed encoding in base64, as
    // HdrHistogram's libraries decode it (measure/hdr_codec); empty when not measured.
    // The p50_ns...max_ns counters are read off the same histogram.
    std::string latency_histogram;

    // A run that failed still gets a record, so the report says what happened.
    bool error_occurred = false;
    std::string error_message;
};

/// One edge-case check (the report's top-level "checks" array).
struct check_record {
    std::string name;
    std::string expected;   // "EAGAIN", "OK", ...
    std::string observed;
    bool passed = false;
    bool skipped = false;
    std::string reason;     // why skipped, or what went wrong
    // Timed waits: how far past the deadline the call returned.
    std::optional<int> trials;
    std::optional<double> lateness_p50_ns;
    std::optional<double> lateness_p99_ns;
    std::optional<double> lateness_max_ns;
    std::map<std::string, double> extra;  // other figures a check measures
};

/// A whole report: Google Benchmark's layout plus "checks".
struct report {
    nlohmann::json context = nlohmann::json::object();  // GB context + "psem" object
    std::vector<run_record> benchmarks;
    std::vector<check_record> checks;
};

}  // namespace psem::bench
