// analysis/gate_schedule.hpp - the order of a regression gate's runs, as a pure function.
//
// A gate job is rounds of runs. Each round runs every unit (a scenario file, or the whole
// set in one run) once per arm (the baseline build, the contender build), the arms back
// to back on a unit. Which arm goes first rotates by round and by unit, so that neither
// side of a benchmark always runs second: the host's speed steps every 0.1-1 s on a
// shared VM, two adjacent runs mostly share a step, and what drift there is falls on both
// sides alike (README, "How good the gate is, measured"). Warm-up rounds come first and
// are not recorded: a job's first runs pay for cold caches and page-ins.
//
// Nothing here runs anything: run/gate_job.hpp executes the list, and the unit tests
// pin the order.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace psem::bench {

struct gate_schedule_spec {
    /// The arms, in the order of the first recorded run; each names its report directory
    /// ("baseline", "contender"; "contender" alone against a stored baseline).
    std::vector<std::string> arms;
    /// What one run runs, by name: scenario file names without ".json", or a single
    /// empty name for "the whole set in one run".
    std::vector<std::string> units;
    int rounds = 100;         // recorded rounds, >= 1
    int warmup_rounds = 1;    // unrecorded rounds before them, >= 0
};

struct gate_run {
    int round = 0;            // 1..rounds, or 1..warmup_rounds for a warm-up run
    bool warmup = false;      // unrecorded: its report is kept apart and never compared
    std::size_t unit = 0;     // index into gate_schedule_spec::units
    std::size_t arm = 0;      // index into gate_schedule_spec::arms
    /// Where its report goes, relative to the job's work directory:
    /// "ARM/round-007-UNIT.json", or "warmup/ARM/round-001-UNIT.json" for a warm-up run
    /// ("round-007.json" for the unnamed unit). The same round and unit have the same file
    /// name in every arm's directory, and file name order is round order, so
    /// `compare --paired` pairs the same round of the same scenario.
    std::string report;
};

/// Every run of the job, in the order to run them. Round r (0-based, warm-up rounds
/// counted backwards from -1) starts its k-th unit (0-based) with arm (r + k) mod arms:
/// with two arms, round 1 runs the first unit baseline then contender, the second unit
/// contender then baseline, and round 2 the other way round; the warm-up rounds continue
/// the alternation backwards, so the job alternates without a break.
/// Throws std::invalid_argument for no arm, no unit, rounds < 1 or warmup_rounds < 0.
[[nodiscard]] std::vector<gate_run> gate_schedule(const gate_schedule_spec& spec);

/// "round-007-postwait.json": the round number zero-padded to 3 digits, or more when
/// `rounds` needs them, so that file name order stays round order; no "-UNIT" for an
/// empty unit name.
[[nodiscard]] std::string gate_report_name(int round, int rounds, const std::string& unit);

}  // namespace psem::bench
