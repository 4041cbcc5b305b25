// run/session.cpp - the loop over points and repetitions behind `psem-bench run`.
#include "run/session.hpp"

#include "analysis/aggregate.hpp"
#include "conformance/edge_cases.hpp"
#include "io/atomic_write.hpp"
#include "io/json_writer.hpp"
#include "io/sweep_summary_json.hpp"
#include "run/signals.hpp"
#include "workloads/workload.hpp"

#include <fmt/format.h>

#include <exception>

namespace psem::bench {
namespace {

void notify(const std::function<void()>& f) {
    if (f) f();
}

// A check suite's point: its checks, once.
bool run_checks(const check_suite& suite, const run_point& point, report& rep, session_result& out) {
    auto checks = suite.run(point.config);
    if (const int sig = signal_watch::instance().stop_signal()) {
        // The checks finish their current wait first (a few ms); then stop like a run.
        out.status = session_status::interrupted;
        out.signal = sig;
        out.message = fmt::format("{}: interrupted by signal {}", point.benchmark_name, sig);
        return false;
    }
    for (auto& c : checks) {
        if (!c.passed && !c.skipped) out.status = session_status::failed;
        rep.checks.push_back(std::move(c));
    }
    return true;
}

// A measured point: its repetitions, then its aggregates. False when interrupted.
bool run_repetitions(const run_point& point, report& rep, const session_options& options,
                     const session_events& events, int index, int npoints, session_result& out) {
    const int reps = point.config.repetitions;
    std::vector<run_record> iterations;
    for (int r = 0; r < reps; ++r) {
        if (events.starting) events.starting(index, npoints, point.benchmark_name, r + 1, reps);
        run_outcome o = run_once(point, r, options.run);
        notify(events.finished_one);
        if (o.status == run_status::interrupted) {
            out.status = session_status::interrupted;
            out.signal = o.signal;
            out.message = fmt::format("{}: {}; workers stopped and reaped, names unlinked", point.benchmark_name,
                                      o.record.error_message);
            return false;
        }
        iterations.push_back(o.record);
        if (o.status != run_status::ok) {
            if (events.failed)
                events.failed(fmt::format("{} repetition {}: {}", point.benchmark_name, r + 1, o.record.error_message));
            out.status = session_status::failed;
            break;  // the remaining repetitions would fail the same way
        }
    }
    for (auto& rec : iterations) rep.benchmarks.push_back(rec);
    if (reps > 1)
        for (auto& agg : make_aggregates(iterations)) rep.benchmarks.push_back(std::move(agg));
    return true;
}

bool write(const std::string& path, const report& rep, session_result& out) {
    try {
        write_report_atomically(path, rep);
        return true;
    } catch (const std::exception& e) {
        out.status = session_status::unwritable;
        out.message = fmt::format("cannot write the report: {}", e.what());
        return false;
    }
}

}  // namespace

int count_runs(const std::vector<run_point>& points) {
    int total = 0;
    for (const auto& p : points) total += find_check_suite(p.config.workload) != nullptr ? 1 : p.config.repetitions;
    return total;
}

session_result run_session(const std::vector<run_point>& points, report& rep, const session_options& options,
                           const session_events& events) {
    session_result out;
    const int npoints = static_cast<int>(points.size());
    for (int i = 0; i < npoints; ++i) {
        const run_point& point = points[static_cast<std::size_t>(i)];
        if (const check_suite* suite = find_check_suite(point.config.workload)) {
            if (events.starting) events.starting(i + 1, npoints, point.benchmark_name, 1, 1);
            const bool go_on = run_checks(*suite, point, rep, out);
            notify(events.finished_one);
            if (!go_on) return out;
        } else if (!run_repetitions(point, rep, options, events, i + 1, npoints, out)) {
            return out;
        }
        if (!write(options.out_path, rep, out)) return out;
    }
    // The sweep summaries go into the report too (context.psem.sweep_summaries), for
    // scripts/plot and for whoever reads the file later.
    out.sweeps = summarize_sweeps(rep.benchmarks, options.latency_limit_ns);
    if (!out.sweeps.empty()) {
        for (const auto& s : out.sweeps) rep.context["psem"]["sweep_summaries"].push_back(to_json(s));
        (void)write(options.out_path, rep, out);
    }
    return out;
}

}  // namespace psem::bench
