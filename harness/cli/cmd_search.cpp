// psem-bench search: the highest offered rate at which a producer_consumer scenario keeps
// its p99 wake-up latency below a target, with confidence. Each step runs the scenario at
// one post_interval_ns (a point as `run` would run it, into one report); analysis/
// rate_search judges the step and picks the next rate: bracketing upwards from --from,
// then bisection between the highest rate that passed and the lowest that did not.
#include "cli/commands.hpp"
#include "cli/load.hpp"
#include "cli/progress.hpp"
#include "analysis/aggregate.hpp"
#include "analysis/rate_search.hpp"
#include "context/context.hpp"
#include "io/atomic_write.hpp"
#include "render/format.hpp"
#include "render/search_render.hpp"
#include "run/session.hpp"
#include "run/signals.hpp"
#include "run/spawn.hpp"
#include "workloads/workload.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <unistd.h>

#include <cmath>
#include <ctime>
#include <iostream>

namespace psem::bench::cli {

std::optional<double> parse_duration_ns(const std::string& text) {
    std::size_t used = 0;
    double value = 0;
    try {
        value = std::stod(text, &used);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    const std::string unit = text.substr(used);
    double scale = 0;
    if (unit.empty() || unit == "ns") scale = 1;
    else if (unit == "us") scale = 1e3;
    else if (unit == "ms") scale = 1e6;
    else if (unit == "s") scale = 1e9;
    const double ns = value * scale;
    if (scale == 0 || !std::isfinite(ns) || ns <= 0 || ns > 3.6e12) return std::nullopt;
    return ns;
}

namespace {

int refuse(const std::string& message) {
    std::cerr << "psem-bench search: " << message << '\n';
    return exit_usage;
}

std::string default_report_path(const scenario& sc) {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    ::localtime_r(&t, &tm);
    return fmt::format("results/runs/{:%Y%m%d-%H%M%S}-search-{}.json", tm, sc.name);
}

// The scenario at one pace: the point `run --set post_interval_ns=I` would run.
std::optional<run_point> point_at(const scenario& sc, std::uint64_t interval, int repetitions,
                                  std::vector<std::string>& errors) {
    parse_result p = apply_overrides(sc, {fmt::format("post_interval_ns={}", interval)});
    if (!p.ok()) {
        for (auto e : p.errors) {
            if (e.file.empty() || e.file == "<string>") e.file = sc.source_file;
            errors.push_back(e.to_string());
        }
        return std::nullopt;
    }
    p.value->repetitions = repetitions;
    expand_result points = expand_sweep(*p.value);
    for (const auto& e : points.errors) errors.push_back(e.to_string());
    if (points.points.size() != 1) return std::nullopt;
    if (auto msg = find_workload("producer_consumer")->validate(points.points.front().config); !msg.empty()) {
        errors.push_back(sc.source_file + ": " + msg);
        return std::nullopt;
    }
    return std::move(points.points.front());
}

// The iterations of `name` renumbered and their aggregates recomputed: a step that ran a
// second batch of repetitions is one benchmark in the report, not two.
void regroup(report& rep, const std::string& name) {
    std::vector<run_record> mine, rest;
    for (auto& r : rep.benchmarks) (r.run_name == name ? mine : rest).push_back(std::move(r));
    std::vector<run_record> iterations;
    for (auto& r : mine)
        if (r.run_type == "iteration") iterations.push_back(std::move(r));
    for (std::size_t i = 0; i < iterations.size(); ++i) {
        iterations[i].repetition_index = static_cast<int>(i);
        iterations[i].repetitions = static_cast<int>(iterations.size());
    }
    rest.insert(rest.end(), iterations.begin(), iterations.end());
    if (iterations.size() > 1)
        for (auto& a : make_aggregates(iterations)) rest.push_back(std::move(a));
    rep.benchmarks = std::move(rest);
}

std::vector<run_record> iterations_of(const report& rep, const std::string& name) {
    std::vector<run_record> out;
    for (const auto& r : rep.benchmarks)
        if (r.run_name == name && r.run_type == "iteration") out.push_back(r);
    return out;
}

}  // namespace

int search(const search_args& args) {
    const auto target = parse_duration_ns(args.p99_below);
    if (!target)
        return refuse(fmt::format("--p99-below: expected a duration such as 100us, 2ms, 500ns or a number of ns "
                                  "(above 0, at most one hour), got '{}'",
                                  args.p99_below));
    if (!(args.to_rate > args.from_rate))
        return refuse(fmt::format("--to ({:g}) must be above --from ({:g})", args.to_rate, args.from_rate));
    loaded in = load_points({args.scenario}, args.sets, 0);
    if (in.errors.empty() && in.scenarios.size() != 1)
        in.errors.push_back(args.scenario + ": search takes one scenario file, not a directory of " +
                            std::to_string(in.scenarios.size()));
    if (in.errors.empty()) {
        const scenario& sc = in.scenarios.front();
        if (sc.workload != "producer_consumer")
            in.errors.push_back(sc.source_file + ": /workload: search paces producer_consumer's producers "
                                "(post_interval_ns); this scenario's workload is " + sc.workload);
        else if (!sc.sweep.empty())
            in.errors.push_back(sc.source_file + ": /sweep: search chooses post_interval_ns itself; remove the sweep");
        else if (sc.idle_ns != 0)
            in.errors.push_back(sc.source_file + ": /idle_ns: search paces the producers with post_interval_ns, "
                                "which excludes idle_ns");
        else if (sc.duration_ms)
            in.errors.push_back(sc.source_file + ": /duration_ms: producer_consumer needs ops_per_worker");
    }
    if (!in.errors.empty()) {
        for (const auto& e : in.errors) std::cerr << e << '\n';
        std::cerr << "psem-bench: " << in.errors.size() << " error(s); nothing was run\n";
        return exit_usage;
    }
    const scenario& sc = in.scenarios.front();
    rate_search_options opts;
    opts.target_ns = *target;
    opts.from_rate = args.from_rate;
    opts.to_rate = args.to_rate;
    opts.max_steps = args.max_steps;
    opts.producer_threads = sc.producers * sc.threads_per_process;
    rate_search s(opts);

    // The first step is the slowest pace, so the longest schedule: refuse it now if it
    // cannot fit timeout_s, before anything runs.
    std::vector<std::string> errors;
    if (!point_at(sc, *s.next(), args.repetitions, errors)) {
        for (const auto& e : errors) std::cerr << e << '\n';
        std::cerr << "psem-bench: the lowest rate (--from " << args.from_rate << ") cannot run; nothing was run\n";
        return exit_usage;
    }
    signal_watch::instance();

    report rep;
    rep.context = collect_context(self_executable());
    rep.context["psem"]["scenarios"].push_back(
        {{"file", sc.source_file}, {"name", sc.name}, {"sha256", sc.source_sha256}});
    session_options options;
    options.out_path = args.out.empty() ? default_report_path(sc) : args.out;
    const bool show = args.progress == "always" || (args.progress == "auto" && ::isatty(2));
    progress bar(args.progress, 0);  // the step count is not known ahead: no ETA

    while (const auto interval = s.next()) {
        const int step = static_cast<int>(s.steps().size()) + 1;
        const std::optional<run_point> point = point_at(sc, *interval, args.repetitions, errors);
        if (!point) {
            for (const auto& e : errors) std::cerr << e << '\n';
            return exit_usage;
        }
        search_step judged;
        // Enough repetitions to decide: a step that cannot tell runs another batch, up to three.
        for (int batch = 0; batch < 3; ++batch) {
            session_events events;
            events.starting = [&](int, int, const std::string& name, int r, int reps) {
                bar.update(step, args.max_steps, name, r + batch * args.repetitions, reps * (batch + 1));
            };
            events.failed = [&](const std::string& message) {
                bar.clear();
                std::cerr << "psem-bench: " << message << '\n';
            };
            const session_result res = run_session({*point}, rep, options, events);
            bar.clear();
            if (res.status == session_status::interrupted) {
                std::cerr << "psem-bench: " << res.message << "\npsem-bench: report so far: " << options.out_path << '\n';
                return 128 + res.signal;
            }
            if (res.status != session_status::ok) {
                if (!res.message.empty()) std::cerr << "psem-bench: " << res.message << '\n';
                std::cerr << "psem-bench search: step " << step << " failed; report so far: " << options.out_path << '\n';
                return exit_failed;
            }
            regroup(rep, point->benchmark_name);
            judged = judge_step(iterations_of(rep, point->benchmark_name), *interval, s.rate_of(*interval), opts.target_ns,
                                opts.alpha);
            if (judged.verdict != step_verdict::unsure) break;
        }
        if (show)
            std::cerr << fmt::format("search: step {}: {} posts/s offered, p99 {}: {}\n", step,
                                     format_rate(judged.offered_per_sec), format_opt(format_duration, judged.p99_ns),
                                     judged.verdict == step_verdict::below ? "below" : "not below");
        s.add(judged);
    }
    rep.context["psem"]["search"] = search_json(s);
    try {
        write_report_atomically(options.out_path, rep);
    } catch (const std::exception& e) {
        std::cerr << "psem-bench: cannot write the report: " << e.what() << '\n';
        return exit_failed;
    }
    if (args.format == "json") std::cout << search_json(s).dump(2) << '\n';
    else std::cout << render_search(s, args.format == "markdown");
    std::cerr << "report: " << options.out_path << '\n';
    return s.highest_passing() ? exit_ok : exit_failed;
}

}  // namespace psem::bench::cli
