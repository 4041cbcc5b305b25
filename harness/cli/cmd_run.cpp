// psem-bench run: load and validate everything first (exit 2, nothing started), then run
// each point's repetitions, writing the report after each point so a later failure loses
// nothing.
#include "cli/commands.hpp"
#include "cli/load.hpp"
#include "cli/progress.hpp"
#include "context/context.hpp"
#include "run/runner.hpp"
#include "run/signals.hpp"
#include "run/spawn.hpp"
#include "analysis/laptop.hpp"
#include "analysis/aggregate.hpp"
#include "io/atomic_write.hpp"
#include "io/json_reader.hpp"
#include "io/json_writer.hpp"
#include "io/report_error.hpp"
#include "render/render.hpp"
#include "render/laptop_render.hpp"
#include "render/sweep_summary_render.hpp"
#include "analysis/sweep_summary.hpp"
#include "conformance/edge_cases.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <sys/resource.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>

namespace psem::bench::cli {
namespace {

std::string default_report_path(const std::vector<scenario>& scenarios) {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    ::localtime_r(&t, &tm);
    const std::string name = scenarios.size() == 1 ? scenarios.front().name : "multi";
    return fmt::format("results/runs/{:%Y%m%d-%H%M%S}-{}.json", tm, name);
}

// Up to 512 workers each hold a pipe in the parent: lift the soft descriptor limit to
// the hard one so a large sweep point does not fail on a default of 1024.
void raise_fd_limit() {
    rlimit rl{};
    if (::getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        (void)::setrlimit(RLIMIT_NOFILE, &rl);
    }
}

void print_output(const report& rep, const std::string& format) {
    if (format == "json") {
        std::cout << to_json_string(rep);
    } else if (format == "csv") {
        std::cout << render_csv(rep.benchmarks);
    } else if (format == "markdown") {
        if (!rep.benchmarks.empty()) std::cout << render_markdown(rep.benchmarks);
        if (!rep.checks.empty()) std::cout << '\n' << render_checks_markdown(rep.checks);
    } else {
        if (!rep.benchmarks.empty()) std::cout << render_table(rep.benchmarks);
        if (!rep.checks.empty()) std::cout << (rep.benchmarks.empty() ? "" : "\n") << render_checks_table(rep.checks);
    }
    std::cout.flush();
}

// After the table: the laptop side-by-side when laptop scenarios ran, and a summary per
// sweep. Only for people (table, markdown): json and csv stay machine-readable.
void print_extras(const report& rep, const loaded& in, const run_args& args,
                  const std::vector<sweep_summary>& sweeps) {
    const bool markdown = args.format == "markdown";
    if (!markdown && args.format != "table") return;
    if (has_laptop_runs(rep.benchmarks)) {
        std::vector<std::string> files;
        for (const auto& sc : in.scenarios)
            if (is_laptop_scenario(sc.name)) files.push_back(sc.source_file);
#ifdef PSEM_SCENARIO_INSTALL_DIR
        const auto candidates = laptop_reference_candidates(files, PSEM_SCENARIO_INSTALL_DIR);
#else
        const auto candidates = laptop_reference_candidates(files, {});
#endif
        const auto where = first_existing(candidates);
        try {
            if (!where) throw report_error(candidates.front().string(), "", "not found; side-by-side skipped");
            const laptop_comparison c = compare_with_reference(rep.benchmarks, rep.context, read_report(*where));
            std::cout << '\n';
            if (markdown) render_laptop_markdown(std::cout, c);
            else render_laptop_table(std::cout, c);
        } catch (const report_error& e) {  // the run itself succeeded: a warning, not a failure
            std::cerr << "psem-bench: laptop reference: " << e.what() << '\n';
        }
    }
    for (const auto& s : sweeps) {
        std::cout << '\n';
        if (markdown) render_sweep_summary_markdown(std::cout, s);
        else render_sweep_summary(std::cout, s);
    }
    std::cout.flush();
}

}  // namespace

int run(const run_args& args) {
    loaded in = load_points(args.paths, args.sets, args.repetitions);
    if (!in.errors.empty()) {
        for (const auto& e : in.errors) std::cerr << e << '\n';
        std::cerr << "psem-bench: " << in.errors.size() << " error(s); nothing was run\n";
        return exit_usage;
    }
    raise_fd_limit();
    signal_watch::instance();  // handlers in place before the first worker starts

    report rep;
    rep.context = collect_context(self_executable());
    for (const auto& sc : in.scenarios)
        rep.context["psem"]["scenarios"].push_back(
            {{"file", sc.source_file}, {"name", sc.name}, {"sha256", sc.source_sha256}});
    const std::string out_path = args.out.empty() ? default_report_path(in.scenarios) : args.out;

    run_options options;
    if (const char* f = std::getenv("PSEM_BENCH_TEST_FAULT")) options.fault = f;

    int total_runs = 0;
    for (const auto& p : in.points) total_runs += p.config.workload == "edge_cases" ? 1 : p.config.repetitions;
    progress bar(args.progress, total_runs);
    int status = exit_ok;
    const int npoints = static_cast<int>(in.points.size());
    for (int i = 0; i < npoints; ++i) {
        const run_point& point = in.points[static_cast<std::size_t>(i)];
        const scenario& sc = point.config;
        if (sc.workload == "edge_cases") {
            bar.update(i + 1, npoints, point.benchmark_name, 1, 1);
            auto checks = run_edge_cases(sc);
            bar.done_one();
            if (const int sig = signal_watch::instance().stop_signal()) {
                // The checks finish their current wait first (a few ms); then stop like a run.
                bar.clear();
                std::cerr << "psem-bench: " << point.benchmark_name << ": interrupted by signal " << sig << '\n';
                return 128 + sig;
            }
            for (auto& c : checks) {
                if (!c.passed && !c.skipped) status = exit_failed;
                rep.checks.push_back(std::move(c));
            }
        } else {
            std::vector<run_record> iterations;
            for (int r = 0; r < sc.repetitions; ++r) {
                bar.update(i + 1, npoints, point.benchmark_name, r + 1, sc.repetitions);
                run_outcome o = run_once(point, r, options);
                bar.done_one();
                if (o.status == run_status::interrupted) {
                    bar.clear();
                    std::cerr << "psem-bench: " << point.benchmark_name << ": " << o.record.error_message
                              << "; workers stopped and reaped, names unlinked\n";
                    if (!rep.benchmarks.empty()) std::cerr << "psem-bench: report so far: " << out_path << '\n';
                    return 128 + o.signal;
                }
                iterations.push_back(o.record);
                if (o.status != run_status::ok) {
                    bar.clear();
                    std::cerr << "psem-bench: " << point.benchmark_name << " repetition " << r + 1 << ": "
                              << o.record.error_message << '\n';
                    status = exit_failed;
                    break;  // the remaining repetitions would fail the same way
                }
            }
            for (auto& rec : iterations) rep.benchmarks.push_back(rec);
            if (sc.repetitions > 1)
                for (auto& agg : make_aggregates(iterations)) rep.benchmarks.push_back(std::move(agg));
        }
        try {
            write_report_atomically(out_path, rep);
        } catch (const std::exception& e) {
            bar.clear();
            std::cerr << "psem-bench: cannot write the report: " << e.what() << '\n';
            return exit_failed;
        }
    }
    bar.clear();
    // The sweep summaries go into the report too (context.psem.sweep_summaries), for
    // scripts/plot and for whoever reads the file later.
    const std::vector<sweep_summary> sweeps = summarize_sweeps(rep.benchmarks, args.latency_limit_ns);
    if (!sweeps.empty()) {
        for (const auto& s : sweeps) rep.context["psem"]["sweep_summaries"].push_back(to_json(s));
        try {
            write_report_atomically(out_path, rep);
        } catch (const std::exception& e) {
            std::cerr << "psem-bench: cannot write the report: " << e.what() << '\n';
            return exit_failed;
        }
    }
    print_output(rep, args.format);
    print_extras(rep, in, args, sweeps);
    std::cerr << "report: " << out_path << '\n';
    return status;
}

}  // namespace psem::bench::cli
