#include "run/runner.hpp"

#include "measure/hdr_codec.hpp"

#include "measure/clock.hpp"
#include "run/backend_objects.hpp"
#include "run/names.hpp"
#include "run/protocol.hpp"
#include "run/shared_control.hpp"
#include "run/signals.hpp"
#include "run/spawn.hpp"
#include "run/worker_set.hpp"
#include "workloads/workload.hpp"

#include <fmt/format.h>

#include <cstdlib>

namespace psem::bench {
namespace {

// The run's named objects. Whatever path leaves run_once, the destructor unlinks every
// name still linked (the semaphores and the shared control block).
struct run_objects {
    std::vector<psem::semaphore> sems;
    psem::semaphore ready, start;
    shared_control control;
    backend_objects backend;         // after control: released first (its slots live there)
    std::vector<std::string> names;  // semaphore names still linked

    ~run_objects() { unlink_all(); }
    void unlink_all() noexcept {
        for (const auto& n : names) (void)psem::unlink(n);
        names.clear();
        control.unlink();
    }
    psem::semaphore create(const std::string& name, unsigned value, std::error_code& ec) {
        auto s = psem::semaphore::create(name, value, psem::permissions{0600}, ec);
        if (!ec) names.push_back(name);
        return s;
    }
};

struct fault_target {
    std::string kind;
    int process = -1;
};

fault_target parse_fault(const std::string& spec) {
    const auto at = spec.find('@');
    if (spec.empty() || at == std::string::npos) return {};
    return {spec.substr(0, at), std::atoi(spec.c_str() + at + 1)};
}

run_outcome fail(run_outcome out, run_status status, std::string message) {
    out.status = status;
    out.record.error_occurred = true;
    out.record.error_message = std::move(message);
    return out;
}

// Turns the workers' figures into the record's numbers (the Go definition of ns/op:
// wall time of the whole run over the total ops).
void fill_record(const workload& wl, const scenario& sc, const std::vector<worker_result>& results,
                 run_outcome& out) {
    run_record& rec = out.record;
    std::uint64_t first = UINT64_MAX, last = 0, cpu = 0, vcs = 0, ics = 0, ops = 0;
    double per_worker_sum = 0;
    int per_worker_n = 0;
    for (const auto& r : results) {
        ops += r.ops;
        cpu += r.cpu_ns;
        vcs += r.voluntary_ctxsw;
        ics += r.involuntary_ctxsw;
        if (r.start_ns != 0) {
            first = std::min(first, r.start_ns);
            last = std::max(last, r.end_ns);
        }
        if (r.ops != 0) {
            per_worker_sum += static_cast<double>(r.end_ns - r.start_ns) / static_cast<double>(r.ops);
            ++per_worker_n;
        }
        if (r.has_latency) {
            out.latency.merge(r.latency);
            merge_intervals(out.intervals, r.intervals.intervals());
            if (r.start_ns != 0 && (out.intervals_start_ns == 0 || r.start_ns < out.intervals_start_ns))
                out.intervals_start_ns = r.start_ns;
        }
    }
    rec.ops = ops;
    wl.summarize(sc, results, rec);  // may count ops its own way (e.g. round trips)
    rec.wall_ns = last > first ? static_cast<double>(last - first) : 0;
    rec.cpu_ns = static_cast<double>(cpu);
    const double n = rec.ops ? static_cast<double>(rec.ops) : 1.0;
    rec.real_time_ns = rec.wall_ns / n;
    rec.cpu_time_ns = rec.cpu_ns / n;
    rec.counters["ops_per_sec"] = rec.wall_ns > 0 ? static_cast<double>(rec.ops) * 1e9 / rec.wall_ns : 0;
    rec.counters["ns_per_op_worker"] = per_worker_n ? per_worker_sum / per_worker_n : 0;
    rec.counters["voluntary_ctxsw_per_op"] = static_cast<double>(vcs) / n;
    rec.counters["involuntary_ctxsw_per_op"] = static_cast<double>(ics) / n;
    if (out.latency.count() != 0) {
        rec.counters["p50_ns"] = out.latency.percentile(50);
        rec.counters["p99_ns"] = out.latency.percentile(99);
        rec.counters["p999_ns"] = out.latency.percentile(99.9);
        rec.counters["max_ns"] = static_cast<double>(out.latency.max());
        rec.latency_histogram = encode_histogram(out.latency);
    }
}

}  // namespace

run_outcome run_once(const run_point& point, int repetition, const run_options& options) {
    const scenario& sc = point.config;
    run_outcome out;
    run_record& rec = out.record;
    rec.name = rec.run_name = point.benchmark_name;
    rec.scenario = sc.name;
    rec.workload = sc.workload;
    rec.repetitions = sc.repetitions;
    rec.repetition_index = repetition;
    rec.processes = sc.processes;
    rec.threads = sc.workers();
    rec.params = point.params;

    const workload* wl = find_workload(sc.workload);
    if (wl == nullptr) return fail(std::move(out), run_status::failed, "unknown workload " + sc.workload);
    const std::vector<std::string> roles = wl->roles(sc);
    const int threads = sc.threads_per_process;
    const auto total_threads = static_cast<unsigned>(roles.size()) * static_cast<unsigned>(threads);
    std::vector<int> cpus;
    try {
        cpus = assign_cpus(sc.affinity, static_cast<int>(total_threads));
    } catch (const std::exception& e) {
        return fail(std::move(out), run_status::failed, e.what());
    }

    // 1. The run's objects, created exclusively with mode 0600.
    const std::string prefix = make_run_prefix();
    run_objects objs;
    std::error_code ec;
    worker_request req;
    req.config = sc;
    for (const auto& spec : wl->semaphores(sc)) {
        const std::string name = prefix + "." + spec.role;
        objs.sems.push_back(objs.create(name, spec.initial_value, ec));
        if (ec) return fail(std::move(out), run_status::failed, fmt::format("cannot create {}: {}", name, ec.message()));
        req.sem_names.push_back(name);
    }
    req.ready_name = prefix + ".ready";
    req.start_name = prefix + ".start";
    req.control_name = prefix + ".ctl";
    objs.ready = objs.create(req.ready_name, 0, ec);
    if (!ec) objs.start = objs.create(req.start_name, 0, ec);
    if (!ec) objs.control = shared_control::create(req.control_name, wl->stamp_slots(sc), ec);
    if (ec) return fail(std::move(out), run_status::failed, "cannot create the run's objects: " + ec.message());
    objs.control.get()->total_ops = wl->total_units(sc);
    if (auto err = objs.backend.create(sc.backend, wl->semaphores(sc), *objs.control.get()))
        return fail(std::move(out), run_status::failed, *err);
    req.sysv_id = objs.backend.sysv_id();
    req.fds = objs.backend.fds();

    // 2. Start one process per role; each thread opens, warms up and reports ready.
    signal_watch& sigs = signal_watch::instance();
    const std::uint64_t t_spawn = now_ns();
    const std::uint64_t deadline = t_spawn + static_cast<std::uint64_t>(sc.timeout_s * 1e9);
    const fault_target fault = parse_fault(options.fault);
    worker_set workers(options.grace_s);
    std::vector<int> role_seen;
    for (std::size_t p = 0; p < roles.size(); ++p) {
        req.role = roles[p];
        req.process_index = static_cast<int>(p);
        req.role_index = static_cast<int>(std::count(roles.begin(), roles.begin() + static_cast<long>(p), roles[p]));
        req.cpus.assign(cpus.begin() + static_cast<long>(p) * threads, cpus.begin() + static_cast<long>(p + 1) * threads);
        req.fault = fault.process == static_cast<int>(p) ? fault.kind : std::string();
        req.hlog_interval_ns = options.hlog_interval_ns;
        if (auto err = workers.start(req, roles[p])) return fail(std::move(out), run_status::failed, *err);
        if (sigs.stop_signal() != 0) break;
    }
    unsigned ready = 0;
    while (ready < total_threads) {
        if (const int sig = sigs.stop_signal()) {
            workers.stop_all();
            out.signal = sig;
            return fail(std::move(out), run_status::interrupted, fmt::format("interrupted by signal {}", sig));
        }
        if (auto err = workers.reap_some()) {
            workers.stop_all();
            return fail(std::move(out), run_status::failed, *err + " before the start signal");
        }
        if (now_ns() >= deadline) {
            workers.stop_all();
            return fail(std::move(out), run_status::timed_out,
                        fmt::format("timed out after {} s (timeout_s) with {} of {} workers ready", sc.timeout_s, ready,
                                    total_threads));
        }
        const auto wec = objs.ready.wait_for(std::chrono::milliseconds(20));
        if (!wec) ++ready;
    }
    const std::uint64_t t_ready = now_ns();

    // 3. Everyone has opened everything: unlink, so not even a SIGKILL can leak a name.
    objs.unlink_all();
    if (auto e = objs.start.post(total_threads))
        return fail(std::move(out), run_status::failed, "cannot release the start barrier: " + e.message());

    // 4. Collect figures and exit statuses until every worker is reaped.
    auto end = workers.collect(deadline);
    if (end.status != run_status::ok) {
        out.signal = end.signal;
        return fail(std::move(out), end.status, end.message);
    }
    fill_record(*wl, sc, end.results, out);
    rec.counters["spawn_ns_per_worker"] =
        static_cast<double>(t_ready - t_spawn) / static_cast<double>(roles.size());
    return out;
}

}  // namespace psem::bench
