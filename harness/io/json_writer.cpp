// io/json_writer.cpp - see json_writer.hpp for the layout.
#include "io/json_writer.hpp"

#include "io/json_fields.hpp"
#include "io/report_error.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>
#include <utility>

namespace psem::bench {
namespace {

using ojson = nlohmann::ordered_json;

// nlohmann would write NaN as null anyway; saying so here keeps the intent visible.
ojson number(double v) { return std::isfinite(v) ? ojson(v) : ojson(nullptr); }

// Key order for the context: GB's fields in GB's order, then ours, then anything else
// alphabetically. One list serves every nesting level (the names do not collide).
constexpr std::string_view context_order[] = {
    // GB context
    "date", "host_name", "executable", "num_cpus", "mhz_per_cpu", "cpu_scaling_enabled", "caches",
    "load_avg", "library_build_type", "json_schema_version",
    // a GB cache entry
    "type", "level", "size", "num_sharing",
    // the "psem" object
    "report_schema_version", "version", "git_revision", "build_type", "kernel", "glibc", "cpu_model",
    "sem_value_max", "virtualization", "clocksource", "governor", "timer_overhead_ns", "scenarios",
    // a scenario entry
    "file", "name", "sha256",
};

std::size_t rank_of(const std::string& key) {
    const auto* it = std::find(std::begin(context_order), std::end(context_order), key);
    return static_cast<std::size_t>(it - std::begin(context_order));
}

ojson ordered(const nlohmann::json& j) {
    if (j.is_array()) {
        ojson out = ojson::array();
        for (const auto& e : j) out.push_back(ordered(e));
        return out;
    }
    if (!j.is_object()) return ojson(j);
    std::vector<std::string> keys;
    for (const auto& [k, v] : j.items()) keys.push_back(k);
    // nlohmann::json iterates keys sorted, so a stable sort by rank keeps the unknown
    // keys (all of equal rank) alphabetical.
    std::stable_sort(keys.begin(), keys.end(),
                     [](const std::string& a, const std::string& b) { return rank_of(a) < rank_of(b); });
    ojson out = ojson::object();
    for (const std::string& k : keys) out[k] = ordered(j.at(k));
    return out;
}

std::string family_key(const run_record& r) {
    if (!r.scenario.empty()) return r.scenario;
    return r.run_name.substr(0, r.run_name.find('/'));
}

}  // namespace

ojson to_json(const run_record& r, int family_index, int per_family_instance_index) {
    ojson j = ojson::object();
    j["name"] = r.name;
    j["family_index"] = family_index;
    j["per_family_instance_index"] = per_family_instance_index;
    j["run_name"] = r.run_name;
    j["run_type"] = r.run_type;
    j["repetitions"] = r.repetitions;
    const bool aggregate = r.run_type == "aggregate";
    if (!aggregate) j["repetition_index"] = r.repetition_index;
    j["threads"] = r.threads;
    if (aggregate) {
        j["aggregate_name"] = r.aggregate_name;
        j["aggregate_unit"] = r.aggregate_unit;
    }
    if (r.error_occurred) {
        j["error_occurred"] = true;
        j["error_message"] = r.error_message;
    }
    j["iterations"] = r.ops;
    j["real_time"] = number(r.real_time_ns);
    j["cpu_time"] = number(r.cpu_time_ns);
    j["time_unit"] = "ns";
    for (const auto& [name, value] : r.counters) {
        if (json_fields::is_benchmark_field(name))
            throw report_error("<report>", "/benchmarks/" + r.name,
                               "counter \"" + name + "\" has the name of a benchmark field");
        j[name] = number(value);
    }
    if (!r.scenario.empty()) j["scenario"] = r.scenario;
    if (!r.workload.empty()) j["workload"] = r.workload;
    j["processes"] = r.processes;
    if (!r.params.empty()) {
        ojson params = ojson::object();
        for (const auto& [key, value] : r.params) params[key] = ordered(value);
        j["params"] = std::move(params);
    }
    if (r.wall_ns != 0) j["wall_ns"] = number(r.wall_ns);
    if (r.cpu_ns != 0) j["cpu_ns"] = number(r.cpu_ns);
    if (!r.latency_histogram.empty()) j["latency_histogram"] = r.latency_histogram;
    return j;
}

ojson to_json(const check_record& c) {
    ojson j = ojson::object();
    j["name"] = c.name;
    j["expected"] = c.expected;
    j["observed"] = c.observed;
    j["passed"] = c.passed;
    j["skipped"] = c.skipped;
    j["reason"] = c.reason;
    if (c.trials) j["trials"] = *c.trials;
    if (c.lateness_p50_ns) j["lateness_p50_ns"] = number(*c.lateness_p50_ns);
    if (c.lateness_p99_ns) j["lateness_p99_ns"] = number(*c.lateness_p99_ns);
    if (c.lateness_max_ns) j["lateness_max_ns"] = number(*c.lateness_max_ns);
    for (const auto& [name, value] : c.extra) {
        if (json_fields::contains(json_fields::check_reserved, name))
            throw report_error("<report>", "/checks/" + c.name,
                               "extra figure \"" + name + "\" has the name of a check field");
        j[name] = number(value);
    }
    return j;
}

ojson to_json(const report& r) {
    ojson j = ojson::object();
    j["context"] = ordered(r.context.is_object() ? r.context : nlohmann::json::object());
    ojson benchmarks = ojson::array();
    std::map<std::string, int> families;                     // family key -> index
    std::map<std::string, std::map<std::string, int>> runs;  // family key -> run_name -> index
    for (const run_record& rec : r.benchmarks) {
        const std::string key = family_key(rec);
        const int family = families.try_emplace(key, static_cast<int>(families.size())).first->second;
        auto& instances = runs[key];
        const int instance = instances.try_emplace(rec.run_name, static_cast<int>(instances.size())).first->second;
        benchmarks.push_back(to_json(rec, family, instance));
    }
    j["benchmarks"] = std::move(benchmarks);
    ojson checks = ojson::array();
    for (const check_record& c : r.checks) checks.push_back(to_json(c));
    j["checks"] = std::move(checks);
    return j;
}

std::string to_json_string(const report& r) {
    // Replace invalid UTF-8 (an odd error message) rather than throw: the report matters more.
    return to_json(r).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

void write_report(std::ostream& out, const report& r) { out << to_json_string(r); }

}  // namespace psem::bench
