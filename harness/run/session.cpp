// run/session.cpp - the loop over points and repetitions behind `psem-bench run`.
#include "run/session.hpp"

#include "analysis/aggregate.hpp"
#include "conformance/edge_cases.hpp"
#include "io/atomic_write.hpp"
#include "io/json_writer.hpp"
#include "io/sweep_summary_json.hpp"
#include "measure/clock.hpp"
#include "measure/hdr_log.hpp"
#include "run/signals.hpp"
#include "workloads/workload.hpp"

#include <fmt/format.h>

#include <ctime>
#include <exception>
#include <memory>
#include <optional>
#include <string_view>

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

// The interval log: its header once, then each run's intervals, tagged with the run.
struct interval_log {
    std::uint64_t origin_ns = now_ns();  // the log's time zero, on the runs' clock
    std::string text = hdr_log_header(wall_seconds());

    static double wall_seconds() {
        timespec ts{};
        ::clock_gettime(CLOCK_REALTIME, &ts);
        return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
    }

    // Intervals no worker reported (a stall, or an op longer than an interval) are written
    // as empty histograms: a gap in the log would read as a gap in time.
    void add(const std::string& tag, const run_outcome& o, std::uint64_t length_ns) {
        if (o.intervals.empty()) return;
        auto h = std::make_unique<latency_histogram>();
        std::size_t next = 0;
        for (std::uint64_t k = 0; k <= o.intervals.back().index; ++k) {
            h->reset();
            if (next < o.intervals.size() && o.intervals[next].index == k) (void)to_histogram(o.intervals[next++], *h);
            const double start_s =
                (static_cast<double>(o.intervals_start_ns) - static_cast<double>(origin_ns) +
                 static_cast<double>(k) * static_cast<double>(length_ns)) / 1e9;
            text += hdr_log_line(tag, start_s, static_cast<double>(length_ns) / 1e9, *h);
        }
    }
};

// pingpong's op is a round trip: each one as a multiple of the hardware's, measured in
// the context (context/cacheline_probe.hpp). Before the aggregates, so they have it too.
void add_limit_multiples(const run_point& point, const nlohmann::json& context, std::vector<run_record>& records) {
    if (point.config.workload != "pingpong") return;
    const auto psem = context.find("psem");
    if (psem == context.end() || !psem->is_object()) return;
    const auto line = psem->find("cacheline_round_trip");
    if (line == psem->end() || !line->is_object() || !line->contains("ns") || !(*line)["ns"].is_number()) return;
    const double limit_ns = (*line)["ns"].get<double>();
    if (!(limit_ns > 0)) return;
    for (auto& rec : records)
        if (!rec.error_occurred && rec.real_time_ns > 0) rec.counters["cacheline_multiple"] = rec.real_time_ns / limit_ns;
}

// A measured point: its repetitions, then its aggregates. False when interrupted.
bool run_repetitions(const run_point& point, report& rep, const session_options& options,
                     const session_events& events, int index, int npoints, session_result& out,
                     interval_log* log) {
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
        if (log != nullptr && o.status == run_status::ok)
            log->add(fmt::format("{}/rep:{}", point.benchmark_name, r), o, options.run.hlog_interval_ns);
        iterations.push_back(o.record);
        if (o.status != run_status::ok) {
            if (events.failed)
                events.failed(fmt::format("{} repetition {}: {}", point.benchmark_name, r + 1, o.record.error_message));
            out.status = session_status::failed;
            break;  // the remaining repetitions would fail the same way
        }
    }
    add_limit_multiples(point, rep.context, iterations);
    for (auto& rec : iterations) rep.benchmarks.push_back(rec);
    if (reps > 1)
        for (auto& agg : make_aggregates(iterations)) rep.benchmarks.push_back(std::move(agg));
    return true;
}

// The report and the interval log, each replaced whole (io/atomic_write); a failure ends
// the session as unwritable, saying which file.
bool write_text(const std::string& path, std::string_view text, const char* what, session_result& out) {
    try {
        write_file_atomically(path, text);
        return true;
    } catch (const std::exception& e) {
        out.status = session_status::unwritable;
        out.message = fmt::format("cannot write the {}: {}", what, e.what());
        return false;
    }
}

bool write(const std::string& path, const report& rep, session_result& out) {
    return write_text(path, to_json_string(rep), "report", out);
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
    std::optional<interval_log> log;
    if (!options.hlog_path.empty() && options.run.hlog_interval_ns != 0) log.emplace();
    const int npoints = static_cast<int>(points.size());
    for (int i = 0; i < npoints; ++i) {
        const run_point& point = points[static_cast<std::size_t>(i)];
        if (const check_suite* suite = find_check_suite(point.config.workload)) {
            if (events.starting) events.starting(i + 1, npoints, point.benchmark_name, 1, 1);
            const bool go_on = run_checks(*suite, point, rep, out);
            notify(events.finished_one);
            if (!go_on) return out;
        } else if (!run_repetitions(point, rep, options, events, i + 1, npoints, out, log ? &*log : nullptr)) {
            if (log) (void)write_text(options.hlog_path, log->text, "interval log", out);
            return out;
        }
        if (!write(options.out_path, rep, out)) return out;
        if (log && !write_text(options.hlog_path, log->text, "interval log", out)) return out;
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
