// psem-bench gate: the regression gate. Plans the job (cli/gate_setup.hpp; usage errors
// before anything runs), runs its schedule (analysis/gate_schedule.hpp) as `psem-bench
// run` children (run/gate_job.hpp), then either stores the rounds as a baseline
// (--record) or compares and prints the Markdown, exiting with compare's code.
#include "cli/commands.hpp"
#include "cli/comparing.hpp"
#include "cli/gate_setup.hpp"
#include "cli/merging.hpp"
#include "cli/progress.hpp"
#include "io/atomic_write.hpp"
#include "run/signals.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>

namespace fs = std::filesystem;

namespace psem::bench::cli {
namespace {

constexpr const char* prefix = "psem-bench gate: ";

// "round 3/100, postwait, baseline", "warm-up round 1/1, postwait, contender".
std::string describe(const gate_plan& plan, const gate_run& r) {
    const std::string& unit = plan.spec.units[r.unit];
    return fmt::format("{}round {}/{}{}{}, {}", r.warmup ? "warm-up " : "", r.round,
                       r.warmup ? plan.spec.warmup_rounds : plan.spec.rounds, unit.empty() ? "" : ", ", unit,
                       plan.spec.arms[r.arm]);
}

// The job's runs, a line each on stderr (a CI log wants every one), and between rounds
// how far the job is, with its ETA: after each round of several runs, every 10 rounds of
// one run.
gate_job_outcome run_job(const gate_plan& plan) {
    const std::vector<gate_run> runs = gate_schedule(plan.spec);
    progress timing("never", static_cast<int>(runs.size()));
    std::size_t started = 0;
    const std::size_t round_runs = plan.spec.units.size() * plan.spec.arms.size();
    const std::size_t progress_every = round_runs > 1 ? round_runs : 10;
    const gate_job_outcome out = run_gate_job(plan.job, runs, [&](const gate_run& r) {
        if (started > 0) timing.done_one();
        if (started > 0 && started % progress_every == 0)
            std::cerr << prefix << fmt::format("{}/{} runs done, {}\n", started, runs.size(), timing.timing());
        ++started;
        std::cerr << prefix << describe(plan, r) << '\n';
    });
    return out;
}

// $GITHUB_STEP_SUMMARY, when set: the job's summary page on GitHub Actions.
void append_step_summary(const std::string& text) {
    const char* path = std::getenv("GITHUB_STEP_SUMMARY");
    if (path == nullptr || *path == '\0' || text.empty()) return;
    const int fd = ::open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    bool ok = fd >= 0;
    for (std::string_view rest = text; ok && !rest.empty();) {
        const ssize_t n = ::write(fd, rest.data(), rest.size());
        if (n < 0 && errno == EINTR) continue;
        ok = n > 0;
        if (ok) rest.remove_prefix(static_cast<std::size_t>(n));
    }
    if (fd >= 0 && ::close(fd) != 0) ok = false;
    if (!ok) std::cerr << prefix << "warning: cannot append to $GITHUB_STEP_SUMMARY " << path << ": " << std::strerror(errno) << '\n';
}

int record(const gate_plan& plan) {
    try {
        const report merged = merge_report_arguments({(plan.job.work / plan.spec.arms.front()).string()});
        write_report_atomically(plan.record_file, merged);
        std::size_t failed = 0;
        for (const run_record& b : merged.benchmarks) failed += b.error_occurred ? 1 : 0;
        if (failed > 0)
            std::cerr << prefix << "warning: " << failed << " recorded repetition(s) failed; the baseline keeps them "
                                                           "as failed\n";
    } catch (const std::exception& e) {
        std::cerr << prefix << e.what() << '\n';
        return exit_usage;
    }
    std::cerr << prefix << fmt::format("baseline for {} ({} runs) written to {}\n", plan.host_class, plan.spec.rounds,
                                       plan.record_file);
    return exit_ok;
}

int verdict(const gate_plan& plan, const gate_args& args) {
    const fs::path& work = plan.job.work;
    compare_args c;
    c.baseline = plan.mode == gate_mode::interleaved ? (work / "baseline").string() : plan.baseline_report;
    c.contender = (work / "contender").string();
    c.threshold_percent = args.threshold_percent;
    c.alpha = args.alpha;
    c.max_cv_percent = args.max_cv_percent;
    c.paired = args.paired;
    int rc = exit_ok;
    std::string markdown;
    try {
        const comparison result = compare_inputs(c);
        markdown = render_comparison(result, "markdown");
        write_file_atomically(work / "compare.md", markdown);
        write_file_atomically(work / "compare.json", render_comparison(result, "json"));
        rc = comparison_exit_code(result);
    } catch (const std::exception& e) {
        std::cerr << prefix << e.what() << '\n';
        std::cerr << prefix << "exit 2; reports in " << work.string() << '\n';
        return exit_usage;
    }
    std::cout << markdown << std::flush;
    append_step_summary(markdown);
    std::cerr << prefix << "exit " << rc << "; reports, compare.md and compare.json in " << work.string() << '\n';
    return rc;
}

}  // namespace

int gate(const gate_args& args) {
    gate_plan plan;
    try {
        plan = plan_gate(args);
        plan.job.work = make_work_dir(args.work);
    } catch (const gate_usage_error& e) {
        std::cerr << prefix << e.what() << '\n';
        return exit_usage;
    }
    signal_watch::instance();  // handlers in place before the first child starts
    const gate_job_outcome job = run_job(plan);
    if (job.status == gate_job_status::interrupted) {
        std::cerr << prefix
                  << fmt::format("interrupted by signal {} ({}): the run under way was stopped; reports so far in {}\n",
                                 job.signal, ::strsignal(job.signal), plan.job.work.string());
        return 128 + job.signal;
    }
    if (job.status == gate_job_status::no_report) {
        std::cerr << prefix << job.message << '\n' << prefix << "exit 2; reports so far in " << plan.job.work.string() << '\n';
        return exit_usage;
    }
    return plan.mode == gate_mode::record ? record(plan) : verdict(plan, args);
}

}  // namespace psem::bench::cli
