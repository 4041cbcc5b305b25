// scenario/validate.cpp - document-level validation: each field through the field table,
// then the rules that relate fields, then the sweep's shape and each of its points.
#include "scenario/validate.hpp"

#include "scenario/json_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>
#include <set>

namespace psem::bench::detail {

origin origins::of(const std::string& field) const {
    if (const auto it = special_.find(field); it != special_.end()) return it->second;
    return {file_, fmt::format("/{}", pointer_token(field)), false, {}};
}

namespace {

constexpr std::uint64_t default_ops_per_worker = 100000;
constexpr int max_processes = static_cast<int>(schema::max_processes);
constexpr unsigned sysv_value_max = 32767;   // SEMVMX on Linux
constexpr unsigned pipe_value_max = 65536;   // a pipe's default capacity (16 pages)

// Errors are collected from the base document and from every sweep point; the same
// mistake seen at many points is reported once.
void add_error(std::vector<scenario_error>& errors, scenario_error e) {
    const auto same = [&](const scenario_error& x) {
        return x.file == e.file && x.json_path == e.json_path && x.message == e.message;
    };
    if (std::none_of(errors.begin(), errors.end(), same)) errors.push_back(std::move(e));
}

struct field_result {
    scenario value;
    std::vector<scenario_error> errors;
};

// Checks the rules between fields. `given` are the fields present, `bad` those whose
// value was refused (a rule about them would only repeat the error or mislead).
class rule_checker {
public:
    rule_checker(field_result& out, const origins& where, const std::set<std::string>& given,
                 const std::set<std::string>& bad, const headroom_source& headroom)
        : out_(out), sc_(out.value), where_(where), given_(given), bad_(bad), headroom_(headroom) {}

    void run() {
        conflicts();
        run_length();
        if (bad_.contains("workload") || !given_.contains("workload")) return;
        only_for();
        wait_policy();
        backend();
        if (sc_.workload == "pingpong") pingpong();
        if (sc_.workload == "producer_consumer") producer_consumer();
        host_limit();
    }

private:
    bool good(const std::string& f) const { return given_.contains(f) && !bad_.contains(f); }

    // The error goes to the first field that was varied (a sweep value or an override),
    // since that is what made a valid file invalid; else to the first field named.
    void fail(std::initializer_list<std::string> fields, std::string message) {
        origin chosen = where_.of(*fields.begin());
        for (const auto& f : fields) {
            if (const origin o = where_.of(f); o.varied) {
                chosen = o;
                break;
            }
        }
        add_error(out_.errors, {chosen.file, chosen.path, std::move(message) + chosen.note, 0, 0});
    }

    // Two fields that size the same thing (the table's conflicts_with): one of them.
    // A refused value counts as set: the author meant to set it.
    void conflicts() {
        const auto set = [&](const schema::field& f) {
            return given_.contains(std::string(f.name)) &&
                   (bad_.contains(std::string(f.name)) || !schema::at_default(sc_, f));
        };
        for (const auto& f : schema::fields) {
            if (f.conflicts_with.empty()) continue;
            const schema::field* other = schema::find(f.conflicts_with);
            if (set(f) && set(*other))
                fail({std::string(f.name), std::string(other->name)},
                     fmt::format("set either {} or {}, not both", other->name, f.name));
        }
    }

    void run_length() {
        if (!given_.contains("ops_per_worker") && !given_.contains("duration_ms"))
            sc_.ops_per_worker = default_ops_per_worker;
    }

    // A field that belongs to one workload, given for another.
    void only_for() {
        for (const auto& f : schema::fields) {
            if (schema::applies_to(f, sc_.workload) || !given_.contains(std::string(f.name))) continue;
            std::vector<std::string_view> names;
            for (const auto w : f.only_for)
                if (!w.empty()) names.push_back(w);
            const std::string list =
                names.size() == 1 ? std::string(names[0])
                                  : fmt::format("{} and {}",
                                                fmt::join(names.begin(), names.end() - 1, ", "), names.back());
            fail({std::string(f.name)}, fmt::format("only for workload{} {}, not {}", names.size() == 1 ? "" : "s",
                                                    list, sc_.workload));
        }
    }

    // The wait policies are libpsem's: every other backend is its own primitive's wait.
    void wait_policy() {
        if (bad_.contains("wait") || sc_.wait == "block") return;
        if (!bad_.contains("backend") && sc_.backend != "psem")
            fail({"wait", "backend"}, fmt::format("wait \"{}\" is libpsem's; the {} backend waits with its own "
                                                  "primitive (use backend \"psem\")",
                                                  sc_.wait, sc_.backend));
        if (sc_.wait == "spin" && sc_.spin_ns == 0 && !bad_.contains("spin_ns"))
            fail({"wait", "spin_ns"}, "wait \"spin\" needs spin_ns, the spin budget in ns (1 to 1000000000)");
    }

    // What a backend cannot express. The edge_cases checks are libpsem's errors (try_wait,
    // timed waits, overflow, names); a SysV semaphore holds at most SEMVMX; a pipe holds
    // its capacity, which the parent fills with the initial value before any reader runs.
    void backend() {
        if (bad_.contains("backend") || sc_.backend == "psem") return;
        if (sc_.workload == "edge_cases") {
            if (sc_.backend != "raw")
                fail({"backend"}, fmt::format("the edge_cases checks are libpsem's own errors (try_wait, timed "
                                              "waits, overflow, names), which backend \"{}\" does not have; "
                                              "use backend \"psem\"",
                                              sc_.backend));
            return;
        }
        if (bad_.contains("initial_value")) return;
        if (sc_.backend == "sysv" && sc_.initial_value > sysv_value_max)
            fail({"initial_value", "backend"}, fmt::format("a SysV semaphore holds at most {} (SEMVMX), got "
                                                           "initial_value {}",
                                                           sysv_value_max, sc_.initial_value));
        // Every worker may post once more before it waits (postwait): leave them room.
        const auto pipe_room = pipe_value_max - static_cast<unsigned>(std::min(sc_.workers(), 4096));
        if (sc_.backend == "pipe" && sc_.initial_value > pipe_room)
            fail({"initial_value", "backend"}, fmt::format("a pipe holds {} units (its default capacity in "
                                                           "bytes), less one per worker: initial_value at most "
                                                           "{}, got {}",
                                                           pipe_value_max, pipe_room, sc_.initial_value));
    }

    void pingpong() {
        if (!given_.contains("processes")) sc_.processes = 2;  // the only valid count
        if (good("processes") && sc_.processes != 2) {
            fail({"processes"}, fmt::format("pingpong runs exactly 2 processes, got {}", sc_.processes));
        }
        if (good("threads_per_process") && sc_.threads_per_process != 1) {
            fail({"threads_per_process"},
                 fmt::format("pingpong runs exactly 1 thread per process, got {}", sc_.threads_per_process));
        }
        schedule_fits("idle_ns", sc_.idle_ns, "of idle gaps");
    }

    // processes is derived; a "processes" that disagrees means the author miscounted.
    void producer_consumer() {
        if (bad_.contains("producers") || bad_.contains("consumers")) return;
        const int derived = sc_.producers + sc_.consumers;
        if (derived > max_processes) {
            fail({"producers", "consumers"},
                 fmt::format("producers + consumers = {} processes, more than the limit of {}", derived,
                             max_processes));
            counts_refused_ = true;
        } else if (good("processes") && sc_.processes != derived) {
            fail({"processes", "producers", "consumers"},
                 fmt::format("producer_consumer runs producers + consumers = {} processes, got {} "
                             "(leave \"processes\" out)",
                             derived, sc_.processes));
        }
        sc_.processes = derived;
        schedule_fits("post_interval_ns", sc_.post_interval_ns, "of posting");
        schedule_fits("idle_ns", sc_.idle_ns, "of idle gaps");
    }

    // A paced or idling worker cannot finish before its schedule does: say so now, not
    // after timeout_s of waiting.
    void schedule_fits(const char* field, std::uint64_t gap_ns, const char* what) {
        if (gap_ns == 0 || !sc_.ops_per_worker || bad_.contains("timeout_s")) return;
        const double schedule_s = static_cast<double>(*sc_.ops_per_worker) * static_cast<double>(gap_ns) / 1e9;
        if (schedule_s >= sc_.timeout_s)
            fail({field, "ops_per_worker", "timeout_s"},
                 fmt::format("ops_per_worker x {} = {:g} s {}, not less than timeout_s = {:g} s", field, schedule_s,
                             what, sc_.timeout_s));
    }

    void host_limit() {
        if (counts_refused_) return;
        for (const char* f : {"processes", "threads_per_process", "producers", "consumers", "background_processes"}) {
            if (bad_.contains(f)) return;
        }
        // pingpong's background load is started like any worker, so it counts the same.
        const long background = sc_.workload == "pingpong" ? sc_.background_processes : 0;
        const long workers = sc_.workers() + background;
        if (workers <= 1) return;  // never worth reading /proc for
        const auto room = headroom_();
        if (!room || workers <= *room) return;
        const std::string shape =
            background != 0 ? fmt::format("{} processes x {} threads + {} background processes", sc_.processes,
                                          sc_.threads_per_process, background)
                            : fmt::format("{} processes x {} threads", sc_.processes, sc_.threads_per_process);
        const std::string message =
            fmt::format("{} workers ({}) exceed what this host can still start "
                        "({} more processes/threads: RLIMIT_NPROC and the kernel's thread and pid "
                        "limits, minus those running)",
                        workers, shape, *room);
        if (sc_.workload == "producer_consumer") {
            fail({"producers", "consumers", "threads_per_process"}, message);
        } else if (background != 0) {
            fail({"background_processes", "processes", "threads_per_process"}, message);
        } else {
            fail({"processes", "threads_per_process"}, message);
        }
    }

    field_result& out_;
    scenario& sc_;
    const origins& where_;
    const std::set<std::string>& given_;
    const std::set<std::string>& bad_;
    const headroom_source& headroom_;
    bool counts_refused_ = false;  // a rule already refused the worker count
};

// One document without the sweep: every field, required fields, then the rules.
field_result check_fields(const ojson& doc, const origins& where, const headroom_source& headroom) {
    field_result out;
    std::set<std::string> given;
    std::set<std::string> bad;
    for (const auto& [key, value] : doc.items()) {
        const origin o = where.of(key);
        const schema::field* f = schema::find(key);
        if (f == nullptr) {
            add_error(out.errors, {o.file, o.path, unknown_field_message(key) + o.note, 0, 0});
            continue;
        }
        given.insert(key);
        std::vector<issue> issues;
        store(*f, value, out.value, issues);
        if (!issues.empty()) bad.insert(key);
        for (auto& i : issues) add_error(out.errors, {o.file, o.path + i.subpath, std::move(i.message) + o.note, 0, 0});
    }
    for (const char* required : {"schema_version", "name", "workload"}) {
        if (!given.contains(required)) {
            add_error(out.errors, {where.file(), fmt::format("/{}", required), "missing required field", 0, 0});
        }
    }
    rule_checker(out, where, given, bad, headroom).run();
    return out;
}

using sweep_list = std::vector<std::pair<std::string, std::vector<nlohmann::json>>>;

// The sweep's shape: an object of known, sweepable fields absent from the top level, each
// with a non-empty list of distinct values. Values themselves are judged per point.
bool read_sweep(const ojson& sweep, const ojson& base, const origins& where, sweep_list& out,
                std::vector<scenario_error>& errors) {
    const std::string& file = where.file();
    const auto error = [&](std::string path, std::string message) {
        add_error(errors, {file, std::move(path), std::move(message), 0, 0});
    };
    if (!sweep.is_object() || sweep.empty()) {
        error("/sweep", fmt::format("expected an object mapping fields to lists of values, got {}",
                                    sweep.is_object() ? "an empty object" : describe(sweep)));
        return false;
    }
    bool ok = true;
    for (const auto& [key, values] : sweep.items()) {
        const std::string path = fmt::format("/sweep/{}", pointer_token(key));
        const schema::field* f = schema::find(key);
        if (f == nullptr && key != sweep_key) {
            error(path, unknown_field_message(key));
        } else if (f == nullptr || !f->sweepable) {
            error(path, fmt::format("\"{}\" cannot be swept", key));
        } else if (!values.is_array() || values.empty()) {
            error(path, fmt::format("expected a non-empty array of values, got {}",
                                    values.is_array() ? "[]" : describe(values)));
        } else if (base.contains(key)) {
            error(path, fmt::format("also set at the top level (/{}); keep one of the two", key));
        } else {
            std::vector<nlohmann::json> list;
            bool distinct = true;
            for (std::size_t i = 0; i < values.size(); ++i) {
                const auto first = std::find(values.begin(), values.begin() + static_cast<long>(i), values[i]);
                if (first != values.begin() + static_cast<long>(i)) {
                    error(fmt::format("{}/{}", path, i),
                          fmt::format("duplicate value {} (also at index {})", describe(values[i]),
                                      first - values.begin()));
                    distinct = false;
                }
                list.emplace_back(values[i]);
            }
            if (distinct) {
                out.emplace_back(key, std::move(list));
                continue;
            }
        }
        ok = false;
    }
    return ok;
}

}  // namespace

std::string benchmark_name(const scenario& sc, const std::vector<std::pair<std::string, nlohmann::json>>& params) {
    std::string out = sc.workload;
    const auto swept = [&](std::string_view f) {
        return std::any_of(params.begin(), params.end(), [&](const auto& p) { return p.first == f; });
    };
    for (const auto& [field, value] : params) out += fmt::format("/{}:{}", field, name_fragment(value));
    const auto tail = [&](std::string_view label, std::string_view field, const auto& value) {
        if (!swept(field)) out += fmt::format("/{}:{}", label, value);
    };
    if (sc.workload == "producer_consumer") {
        tail("producers", "producers", sc.producers);
        tail("consumers", "consumers", sc.consumers);
        if (sc.threads_per_process != 1) tail("threads", "threads_per_process", sc.threads_per_process);
    } else {
        tail("processes", "processes", sc.processes);
        tail("threads", "threads_per_process", sc.threads_per_process);
    }
    // The named fields away from their defaults: the raw-glibc calibration run must not
    // share a name with the psem run it calibrates, nor a loaded pingpong a quiet one.
    for (const auto& f : schema::fields)
        if (f.named && !schema::at_default(sc, f)) tail(f.name, f.name, name_fragment(schema::value_of(sc, f)));
    return out;
}

document_result check_document(const ojson& doc, const origins& where, const headroom_source& headroom) {
    document_result result;
    if (!doc.is_object()) {
        result.errors.push_back({where.file(), "",
                                 fmt::format("expected a JSON object at the top level, got {}", describe(doc)), 0, 0});
        return result;
    }
    std::optional<std::optional<long>> cached;  // /proc is read once, and only if needed
    const headroom_source once = [&] {
        if (!cached) cached = headroom();
        return *cached;
    };

    ojson base = doc;
    const std::string sweep_name(sweep_key);
    base.erase(sweep_name);
    field_result top = check_fields(base, where, once);
    result.errors = std::move(top.errors);

    sweep_list sweep;
    if (doc.contains(sweep_name) && !read_sweep(doc[sweep_name], base, where, sweep, result.errors)) {
        return result;
    }

    std::size_t count = 1;
    for (const auto& [field, values] : sweep) {
        // count * size > limit, written so that it cannot overflow; count stays at limit + 1.
        count = values.size() > max_sweep_points / count ? max_sweep_points + 1 : count * values.size();
    }
    if (count > max_sweep_points) {
        add_error(result.errors, {where.file(), "/sweep",
                                  fmt::format("expands to more than {} runs", max_sweep_points), 0, 0});
        return result;
    }

    // Odometer over the value indices, last field fastest.
    std::vector<std::size_t> index(sweep.size(), 0);
    for (std::size_t n = 0; n < count; ++n) {
        ojson point_doc = base;
        origins point_where = where;
        std::vector<std::pair<std::string, nlohmann::json>> params;
        for (std::size_t k = 0; k < sweep.size(); ++k) {
            const auto& [field, values] = sweep[k];
            point_doc[field] = ojson(values[index[k]]);
            point_where.set(field, {where.file(), fmt::format("/sweep/{}/{}", pointer_token(field), index[k]), true, {}});
            params.emplace_back(field, values[index[k]]);
        }
        field_result point = check_fields(point_doc, point_where, once);
        for (auto& e : point.errors) add_error(result.errors, std::move(e));
        point.value.sweep.clear();
        std::string name = benchmark_name(point.value, params);
        result.points.push_back({std::move(point.value), std::move(name), std::move(params)});
        for (std::size_t k = sweep.size(); k-- > 0;) {
            if (++index[k] < sweep[k].second.size()) break;
            index[k] = 0;
        }
    }

    if (!result.errors.empty()) {
        result.points.clear();
        return result;
    }
    top.value.sweep = std::move(sweep);
    result.value = std::move(top.value);
    return result;
}

}  // namespace psem::bench::detail
