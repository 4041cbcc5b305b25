// context/context.cpp - assembling the probes into the report's context object.
#include "context/context.hpp"

#include "context/cacheline_probe.hpp"
#include "context/probes.hpp"
#include "context/soft.hpp"
#include "measure/clock.hpp"

#include <psem/version.hpp>

#include <cmath>

namespace psem::bench {
namespace {

nlohmann::json caches_json() {
    nlohmann::json list = nlohmann::json::array();
    for (const cache_info& c : caches())
        list.push_back({{"type", c.type}, {"level", c.level}, {"size", c.size}, {"num_sharing", c.num_sharing}});
    return list;
}

// What GB would write: its fields and their types (integers, bool, arrays), so tools
// reading GB's context read ours.
nlohmann::json google_benchmark_fields(const std::string& executable) {
    nlohmann::json j = nlohmann::json::object();
    j["date"] = local_date();
    j["host_name"] = host_name();
    j["executable"] = executable.empty() ? std::string(unknown_value) : executable;
    j["num_cpus"] = num_cpus();
    j["mhz_per_cpu"] = static_cast<long long>(std::llround(mhz_per_cpu()));
    j["cpu_scaling_enabled"] = cpu_scaling_enabled();
    j["caches"] = caches_json();
    j["load_avg"] = load_avg();
    j["library_build_type"] = build_type();
    j["json_schema_version"] = 1;
    return j;
}

nlohmann::json psem_fields() {
    nlohmann::json p = nlohmann::json::object();
    p["report_schema_version"] = report_schema_version;
    p["version"] = psem::version;
    p["git_revision"] = psem::git_revision;
    p["build_type"] = build_type();
    p["kernel"] = kernel_version();
    p["glibc"] = glibc_version();
    p["cpu_model"] = cpu_model();
    p["sem_value_max"] = sem_value_max();
    p["virtualization"] = virtualization();
    p["clocksource"] = clocksource();
    p["governor"] = cpu_governor();
    // Measured now, on this host and load: what one clock read adds to a timed op.
    const double overhead = timer_overhead_ns();
    p["timer_overhead_ns"] = std::isfinite(overhead) ? nlohmann::json(std::round(overhead * 10) / 10)
                                                     : nlohmann::json(unknown_value);
    // The hardware limit of a hand-off between two CPUs, measured now (a few tens of ms).
    if (const auto line = measure_cacheline_round_trip()) {
        p["cacheline_round_trip"] = {{"ns", std::round(line->median_ns * 10) / 10},
                                     {"cpus", {line->cpu_a, line->cpu_b}},
                                     {"runs_ns", line->runs_ns},
                                     {"round_trips_per_run", line->round_trips}};
    } else {
        p["cacheline_round_trip"] = unknown_value;
    }
    p["scenarios"] = nlohmann::json::array();
    return p;
}

}  // namespace

nlohmann::json collect_context(const std::string& executable) {
    // Each part fails softly on its own; the outer guard only covers running out of memory.
    nlohmann::json ctx =
        context_detail::soft([&] { return google_benchmark_fields(executable); }, nlohmann::json::object());
    ctx["psem"] = context_detail::soft(psem_fields, nlohmann::json::object());
    return ctx;
}

}  // namespace psem::bench
