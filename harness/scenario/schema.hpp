// scenario/schema.hpp - the scenario's fields: the struct and, beside it, the field table.
//
// A field is one member and one row. The row drives everything the scenario layer does
// with the field: reading and range-checking a value (from the file, a sweep or --set),
// whether it may be swept, which workload it belongs to, its canonical JSON (what the
// worker receives and parses back with the same code), its place in benchmark names,
// and the rule when two fields size the same thing. Rules that relate fields in other
// ways (pingpong needs 2 processes, ...) live in validate.cpp. The JSON form is
// documented field by field in scenarios/README.md.
#pragma once

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace psem::bench {

/// Everything a run point needs. Fields are the scenario's, after defaults and after any
/// sweep value or --set override has been applied. Meanings: scenarios/README.md.
struct scenario {
    int schema_version = 1;
    std::string name;         // [a-z0-9][a-z0-9._-]*: a safe file name and benchmark prefix
    std::string description;
    std::string workload;     // one of schema::workload_names
    int processes = 1;        // worker processes (pingpong: exactly 2)
    int threads_per_process = 1;
    std::optional<std::uint64_t> ops_per_worker;  // exactly one of these two is set
    std::optional<std::uint64_t> duration_ms;     //   (default: ops_per_worker = 100000)
    std::uint64_t warmup_ops = 0;
    int repetitions = 1;
    double timeout_s = 120;
    std::uint64_t critical_section_ns = 0;
    std::uint64_t critical_section_iterations = 0;  // excludes critical_section_ns
    unsigned initial_value = 0;
    std::string backend = "psem";      // one of schema::backend_names
    std::string affinity = "none";     // none | spread | compact | CPU list "0,2-3"
    int background_processes = 0;      // pingpong: load processes beside the measured pair
    int producers = 1;
    int consumers = 1;
    // Each producer thread posts on a schedule, one unit every this many ns from the start
    // signal (an offered load), instead of as fast as it can.
    std::uint64_t post_interval_ns = 0;
    // The side that starts each hand-off (pingpong's ping, each producer) sleeps this long
    // after its previous one, so the waiter is woken after a known idle time.
    std::uint64_t idle_ns = 0;
    // How the workers' waits spend the time before a unit is there (psem::wait_policy):
    // block at once, spin up to spin_ns first, or spin for a learned budget.
    std::string wait = "block";        // one of schema::wait_names
    std::uint64_t spin_ns = 0;         // wait "spin": the budget
    std::vector<std::string> checks;   // empty = all
    int trials = 0;                    // trials per timed check; 0 = the check's default

    /// The swept fields, in file order, each with its values (JSON scalars).
    std::vector<std::pair<std::string, std::vector<nlohmann::json>>> sweep;

    /// Where it came from (for the report's context): path and SHA-256 of the file bytes.
    std::string source_file;
    std::string source_sha256;

    /// Total worker threads across processes (what `ops_per_worker` multiplies).
    [[nodiscard]] int workers() const { return processes * threads_per_process; }
    /// Processes a run starts: the workers' and pingpong's background load (0 elsewhere,
    /// which validation enforces).
    [[nodiscard]] int started_processes() const { return processes + background_processes; }
};

namespace schema {

inline constexpr std::array<std::string_view, 4> workload_names = {"postwait", "pingpong", "producer_consumer",
                                                                   "edge_cases"};
// psem: libpsem; raw: glibc on the same named semaphore (the wrapper's calibration);
// the rest are other primitives doing the same job, to tell the named semaphore's cost
// from the kernel's and the scheduler's (workloads/common.hpp).
inline constexpr std::array<std::string_view, 7> backend_names = {"psem", "raw", "unnamed", "sysv", "futex", "eventfd",
                                                                  "pipe"};
inline constexpr std::array<std::string_view, 3> wait_names = {"block", "spin", "adaptive"};

/// How a value is read and checked (one reader per kind, in fields.cpp).
enum class kind {
    integer,         // a whole number in [min, max] (1e6 is accepted)
    seconds,         // a positive number of seconds, at most one day
    text,            // any string
    choice,          // one of `choices`
    schema_version,  // the number 1
    safe_name,       // a name fit for a file name and a benchmark prefix
    affinity,        // none | spread | compact | a CPU list
    check_list,      // distinct names of conformance checks
};

/// When the canonical JSON writes the field.
enum class emit { always, unless_default };

/// Where the value lives in `scenario`.
using member = std::variant<int scenario::*, unsigned scenario::*, std::uint64_t scenario::*,
                            std::optional<std::uint64_t> scenario::*, double scenario::*,
                            std::string scenario::*, std::vector<std::string> scenario::*>;

struct field {
    std::string_view name{};
    member where{};
    kind type{};
    std::uint64_t min = 0;              // integer: the accepted range
    std::uint64_t max = 0;
    std::array<std::string_view, 8> choices{};  // choice: the accepted values ("" ends the list)
    bool sweepable = true;
    std::array<std::string_view, 3> only_for{};  // the workloads it belongs to; none = every workload
    emit written = emit::always;
    std::string_view derived_for{};       // a workload that computes it: not written for that one
    std::string_view conflicts_with{};    // an earlier field sizing the same thing: set one of them
    bool named = false;                 // "/field:value" in benchmark names when not at its default
};

template <std::size_t N>
constexpr std::array<std::string_view, 8> choices_of(const std::array<std::string_view, N>& names) {
    static_assert(N <= 8);
    std::array<std::string_view, 8> out{};
    for (std::size_t i = 0; i < N; ++i) out[i] = names[i];
    return out;
}

inline constexpr std::uint64_t max_count = 1'000'000'000'000;  // ops, iterations: bounds a run's length
// 4096 processes and 256 threads each are far beyond a sane benchmark yet small enough
// that their product fits an int.
inline constexpr std::uint64_t max_processes = 4096;

/// Every field of schema version 1, in the order the README documents them. ("sweep" is
/// the document's, not a field: validate.cpp reads it.)
inline constexpr std::array<field, 25> fields = {{
    {.name = "schema_version", .where = &scenario::schema_version, .type = kind::schema_version, .sweepable = false},
    {.name = "name", .where = &scenario::name, .type = kind::safe_name, .sweepable = false},
    {.name = "description", .where = &scenario::description, .type = kind::text, .sweepable = false,
     .written = emit::unless_default},
    {.name = "workload", .where = &scenario::workload, .type = kind::choice, .choices = choices_of(workload_names),
     .sweepable = false},
    {.name = "processes", .where = &scenario::processes, .type = kind::integer, .min = 1, .max = max_processes,
     .derived_for = "producer_consumer"},
    {.name = "threads_per_process", .where = &scenario::threads_per_process, .type = kind::integer, .min = 1, .max = 256},
    {.name = "ops_per_worker", .where = &scenario::ops_per_worker, .type = kind::integer, .min = 1, .max = max_count,
     .written = emit::unless_default},
    {.name = "duration_ms", .where = &scenario::duration_ms, .type = kind::integer, .min = 1, .max = 86'400'000,
     .written = emit::unless_default, .conflicts_with = "ops_per_worker"},
    {.name = "warmup_ops", .where = &scenario::warmup_ops, .type = kind::integer, .max = max_count},
    {.name = "repetitions", .where = &scenario::repetitions, .type = kind::integer, .min = 1, .max = 1000},
    {.name = "timeout_s", .where = &scenario::timeout_s, .type = kind::seconds},
    {.name = "critical_section_ns", .where = &scenario::critical_section_ns, .type = kind::integer,
     .max = 1'000'000'000},
    {.name = "critical_section_iterations", .where = &scenario::critical_section_iterations, .type = kind::integer,
     .max = max_count, .written = emit::unless_default, .conflicts_with = "critical_section_ns"},
    {.name = "initial_value", .where = &scenario::initial_value, .type = kind::integer, .max = 2147483647},
    {.name = "backend", .where = &scenario::backend, .type = kind::choice, .choices = choices_of(backend_names),
     .named = true},
    {.name = "affinity", .where = &scenario::affinity, .type = kind::affinity},
    {.name = "background_processes", .where = &scenario::background_processes, .type = kind::integer,
     .max = max_processes, .only_for = {"pingpong"}, .written = emit::unless_default, .named = true},
    {.name = "producers", .where = &scenario::producers, .type = kind::integer, .min = 1, .max = max_processes,
     .only_for = {"producer_consumer"}},
    {.name = "consumers", .where = &scenario::consumers, .type = kind::integer, .min = 1, .max = max_processes,
     .only_for = {"producer_consumer"}},
    {.name = "post_interval_ns", .where = &scenario::post_interval_ns, .type = kind::integer, .max = max_count,
     .only_for = {"producer_consumer"}, .written = emit::unless_default, .named = true},
    {.name = "idle_ns", .where = &scenario::idle_ns, .type = kind::integer, .max = 10'000'000'000,
     .only_for = {"pingpong", "producer_consumer"}, .written = emit::unless_default,
     .conflicts_with = "post_interval_ns", .named = true},
    {.name = "wait", .where = &scenario::wait, .type = kind::choice, .choices = choices_of(wait_names),
     .only_for = {"postwait", "pingpong", "producer_consumer"}, .written = emit::unless_default, .named = true},
    {.name = "spin_ns", .where = &scenario::spin_ns, .type = kind::integer, .max = 1'000'000'000,
     .only_for = {"postwait", "pingpong", "producer_consumer"}, .written = emit::unless_default, .named = true},
    {.name = "checks", .where = &scenario::checks, .type = kind::check_list, .only_for = {"edge_cases"},
     .written = emit::unless_default},
    {.name = "trials", .where = &scenario::trials, .type = kind::integer, .min = 1, .max = 100'000,
     .only_for = {"edge_cases"}, .written = emit::unless_default},
}};

/// The row named `name`, or null.
[[nodiscard]] constexpr const field* find(std::string_view name) {
    for (const auto& f : fields)
        if (f.name == name) return &f;
    return nullptr;
}

/// Whether the field belongs to `workload` (a field with no only_for belongs to all).
[[nodiscard]] constexpr bool applies_to(const field& f, std::string_view workload) {
    if (f.only_for[0].empty()) return true;
    for (const auto w : f.only_for)
        if (w == workload) return true;
    return false;
}

/// The field's value in `sc` as JSON (null for an unset optional).
[[nodiscard]] nlohmann::json value_of(const scenario& sc, const field& f);

/// Whether `sc` holds the field's default (a default-constructed scenario's value).
[[nodiscard]] bool at_default(const scenario& sc, const field& f);

}  // namespace schema
}  // namespace psem::bench
