// run/gate_job.hpp - a regression gate's runs (analysis/gate_schedule.hpp), executed:
// one `psem-bench run` child per scheduled run, each checked for the report it must write.
#pragma once

#include "analysis/gate_schedule.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace psem::bench {

/// How one arm of the job runs its units.
struct gate_arm_command {
    std::string executable;                      // the psem-bench of this arm
    std::vector<std::vector<std::string>> sets;  // per unit: its `run --set` assignments, in order
};

struct gate_job {
    std::filesystem::path work;                  // the reports go under it
    std::vector<gate_arm_command> arms;          // in the schedule's arm order
    std::vector<std::string> unit_paths;         // per unit: the file or directory `run` gets
    int repetitions = 1;                         // of a recorded run; a warm-up run has 1
    double grace_s = 10;                         // after a passed-on stop signal, before SIGKILL
};

/// `EXE run UNIT --repetitions N --progress never --out WORK/REPORT [--set S]...`, argv[0]
/// included: what run_gate_job starts for `run`.
[[nodiscard]] std::vector<std::string> gate_run_command(const gate_job& job, const gate_run& run);

enum class gate_job_status {
    ok,           // every run wrote its report
    no_report,    // a run could not start, or ended without writing its report
    interrupted,  // SIGINT or SIGTERM: the run under way was stopped, the rest not started
};

struct gate_job_outcome {
    gate_job_status status = gate_job_status::ok;
    int signal = 0;       // interrupted: the signal
    std::string message;  // what went wrong, naming the command and the report
};

/// Runs `runs` in order (run/child.hpp: no shell, the runs' tables on stderr). First, so
/// that no report of an earlier job in the same work directory is taken for one of this
/// job's, it creates each report directory the runs use and removes the *.json files in
/// it (only those, and only there). `on_run` is called before each run starts (the
/// caller's progress line). A run that exits non-zero but wrote its report does not end
/// the job: compare marks its failed benchmarks, and the gate fails on them.
[[nodiscard]] gate_job_outcome run_gate_job(const gate_job& job, const std::vector<gate_run>& runs,
                                            const std::function<void(const gate_run&)>& on_run);

}  // namespace psem::bench
