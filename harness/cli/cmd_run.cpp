// psem-bench run: load and validate everything first (exit 2, nothing started), run the
// session (run/session: the points, the report after each one), then print the tables.
#include "cli/commands.hpp"
#include "cli/install_paths.hpp"
#include "cli/load.hpp"
#include "cli/progress.hpp"
#include "analysis/laptop.hpp"
#include "context/context.hpp"
#include "io/json_reader.hpp"
#include "io/json_writer.hpp"
#include "io/report_error.hpp"
#include "render/laptop_render.hpp"
#include "render/render.hpp"
#include "render/sweep_summary_render.hpp"
#include "run/session.hpp"
#include "run/signals.hpp"
#include "run/spawn.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <sys/resource.h>

#include <cmath>
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

    session_options options;
    options.out_path = args.out.empty() ? default_report_path(in.scenarios) : args.out;
    options.latency_limit_ns = args.latency_limit_ns;
    options.hlog_path = args.hlog;
    if (!args.hlog.empty()) options.run.hlog_interval_ns = static_cast<std::uint64_t>(std::llround(args.hlog_interval_s * 1e9));
    if (const char* f = std::getenv("PSEM_BENCH_TEST_FAULT")) options.run.fault = f;

    progress bar(args.progress, count_runs(in.points));
    session_events events;
    events.starting = [&](int point, int points, const std::string& name, int rep_no, int reps) {
        bar.update(point, points, name, rep_no, reps);
    };
    events.finished_one = [&] { bar.done_one(); };
    events.failed = [&](const std::string& message) {
        bar.clear();
        std::cerr << "psem-bench: " << message << '\n';
    };
    const session_result result = run_session(in.points, rep, options, events);
    bar.clear();
    switch (result.status) {
        case session_status::interrupted:
            std::cerr << "psem-bench: " << result.message << '\n';
            if (!rep.benchmarks.empty()) std::cerr << "psem-bench: report so far: " << options.out_path << '\n';
            return 128 + result.signal;
        case session_status::unwritable:
            std::cerr << "psem-bench: " << result.message << '\n';
            return exit_failed;
        case session_status::ok:
        case session_status::failed:
            break;
    }
    print_output(rep, args.format);
    print_extras(rep, in, args, result.sweeps);
    std::cerr << "report: " << options.out_path << '\n';
    if (!args.hlog.empty()) std::cerr << "interval log: " << args.hlog << '\n';
    return result.status == session_status::ok ? exit_ok : exit_failed;
}

}  // namespace psem::bench::cli
