// cli/gate_setup.hpp - psem-bench gate's command line, checked and turned into a job:
// which mode, which builds, which files, which `run --set` for which run, where the
// reports go. Nothing runs here; every usage error is found before the first run.
#pragma once

#include "analysis/gate_schedule.hpp"
#include "cli/commands.hpp"
#include "run/gate_job.hpp"

#include <stdexcept>
#include <string>

namespace psem::bench::cli {

/// Bad usage of the gate: the message, without the "psem-bench gate: " prefix.
class gate_usage_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class gate_mode {
    interleaved,  // --baseline-cmd: both builds, scenario file by scenario file
    stored,       // the contender against a stored baseline report
    record,       // --record: this build's rounds stored as a baseline
};

struct gate_plan {
    gate_mode mode = gate_mode::stored;
    gate_schedule_spec spec;
    gate_job job;                 // job.work is empty until make_work_dir()
    std::string baseline_report;  // stored: the report compared against
    std::string record_file;      // record: where the baseline goes
    std::string host_class;       // "ci-x86_64-2cpu"
};

/// Checks `args` and plans the job. Throws gate_usage_error.
[[nodiscard]] gate_plan plan_gate(const gate_args& args);

/// --work DIR (created), or a new psem-gate.XXXXXX under $TMPDIR, kept for the reports.
/// Throws gate_usage_error.
[[nodiscard]] std::string make_work_dir(const std::string& work);

/// "ci-<arch>-<n>cpu": the machine (uname -m) and the CPUs this process may use (nproc),
/// the name of this host class's stored baseline.
[[nodiscard]] std::string host_class();

}  // namespace psem::bench::cli
