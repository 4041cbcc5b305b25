// run/gate_job.cpp - see gate_job.hpp.
#include "run/gate_job.hpp"

#include "run/child.hpp"
#include "run/signals.hpp"
#include "run/worker_set.hpp"

#include <fmt/format.h>

#include <set>

namespace fs = std::filesystem;

namespace psem::bench {
namespace {

// Creates `dir` and removes the *.json files in it: the reports of an earlier job.
std::string clear_report_dir(const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return fmt::format("cannot create {}: {}", dir.string(), ec.message());
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        if (e.path().extension() != ".json" || !e.is_regular_file()) continue;
        std::error_code rm;
        if (!fs::remove(e.path(), rm) && rm) return fmt::format("cannot remove {}: {}", e.path().string(), rm.message());
    }
    if (ec) return fmt::format("cannot list {}: {}", dir.string(), ec.message());
    return {};
}

std::string quoted(const std::vector<std::string>& argv) {
    std::string s;
    for (std::size_t i = 0; i < argv.size() && i < 3; ++i) s += (i ? " " : "") + argv[i];
    return fmt::format("'{}{}'", s, argv.size() > 3 ? " ..." : "");
}

}  // namespace

std::vector<std::string> gate_run_command(const gate_job& job, const gate_run& run) {
    const gate_arm_command& arm = job.arms.at(run.arm);
    std::vector<std::string> argv{arm.executable,
                                  "run",
                                  job.unit_paths.at(run.unit),
                                  "--repetitions",
                                  std::to_string(run.warmup ? 1 : job.repetitions),
                                  "--progress",
                                  "never",
                                  "--out",
                                  (job.work / run.report).string()};
    if (run.unit < arm.sets.size())
        for (const std::string& s : arm.sets[run.unit]) {
            argv.emplace_back("--set");
            argv.push_back(s);
        }
    return argv;
}

gate_job_outcome run_gate_job(const gate_job& job, const std::vector<gate_run>& runs,
                              const std::function<void(const gate_run&)>& on_run) {
    gate_job_outcome out;
    std::set<fs::path> dirs;
    for (const gate_run& r : runs) dirs.insert((job.work / r.report).parent_path());
    for (const fs::path& d : dirs)
        if (std::string problem = clear_report_dir(d); !problem.empty()) {
            out.status = gate_job_status::no_report;
            out.message = problem;
            return out;
        }
    signal_watch& sigs = signal_watch::instance();
    for (const gate_run& r : runs) {
        if (const int sig = sigs.stop_signal()) {
            out.status = gate_job_status::interrupted;
            out.signal = sig;
            return out;
        }
        if (on_run) on_run(r);
        std::vector<std::string> argv = gate_run_command(job, r);
        const std::string exe = argv.front();
        const std::string shown = quoted(argv);
        argv.erase(argv.begin());
        std::error_code ec;
        const child_outcome c = run_child(exe, argv, job.grace_s, ec);
        const fs::path report = job.work / r.report;
        if (ec) {
            out.status = gate_job_status::no_report;
            out.message = fmt::format("cannot start {}: {}", shown, ec.message());
            return out;
        }
        if (c.stop_signal != 0) {
            out.status = gate_job_status::interrupted;
            out.signal = c.stop_signal;
            return out;
        }
        std::error_code fe;
        if (!fs::is_regular_file(report, fe) || fs::file_size(report, fe) == 0 || fe) {
            out.status = gate_job_status::no_report;
            out.message = fmt::format("{} {} without a report ({})", shown, describe_status(c.wait_status),
                                      report.string());
            return out;
        }
    }
    return out;
}

}  // namespace psem::bench
