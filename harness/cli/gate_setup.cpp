// cli/gate_setup.cpp - see gate_setup.hpp.
#include "cli/gate_setup.hpp"

#include "cli/install_paths.hpp"
#include "cli/load.hpp"
#include "run/child.hpp"
#include "run/spawn.hpp"
#include "scenario/scenario.hpp"

#include <fmt/format.h>

#include <sched.h>
#include <sys/utsname.h>

#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace psem::bench::cli {
namespace {

// ./scenarios/ci when run from a checkout, else the CI set installed with the package.
std::string default_scenarios() {
    std::error_code ec;
    if (fs::is_directory("scenarios/ci", ec)) return "scenarios/ci";
#ifdef PSEM_SCENARIO_INSTALL_DIR
    return PSEM_SCENARIO_INSTALL_DIR "/ci";
#else
    return "scenarios/ci";
#endif
}

// --contender-set / --baseline-set "[FILE:]FIELD=VALUE": FILE (before the last ':' ahead
// of the '=') picks the scenario file; a field name has neither ':' nor '='.
struct assignment {
    std::string file;  // empty: every run of the arm
    std::string text;  // FIELD=VALUE, as `run --set` takes it
};

assignment parse_assignment(const std::string& option, const std::string& s) {
    const auto eq = s.find('=');
    if (eq == std::string::npos || eq == 0)
        throw gate_usage_error(fmt::format("{} {}: expected [FILE:]FIELD=VALUE", option, s));
    const auto colon = s.rfind(':', eq);
    if (colon == std::string::npos) return {"", s};
    if (colon == 0 || colon + 1 == eq)
        throw gate_usage_error(fmt::format("{} {}: expected [FILE:]FIELD=VALUE", option, s));
    return {s.substr(0, colon), s.substr(colon + 1)};
}

// A FILE of an assignment names a scenario file by its path, its name or its name
// without ".json".
bool names_file(const std::string& file, const fs::path& path) {
    if (file == path.filename().string() || file == path.stem().string()) return true;
    std::error_code ec;
    return fs::equivalent(file, path, ec);
}

// Each unit's `run --set` list: the assignments for every run first, then those for its
// file, each group in command-line order (a later --set wins, so a FILE: one wins).
std::vector<std::vector<std::string>> sets_per_unit(const std::string& option, const std::vector<std::string>& given,
                                                    const std::vector<fs::path>& files, bool by_file,
                                                    const std::string& scenarios) {
    std::vector<assignment> parsed;
    for (const std::string& s : given) parsed.push_back(parse_assignment(option, s));
    std::vector<std::vector<std::string>> out(files.size());
    for (const assignment& a : parsed)
        if (a.file.empty())
            for (auto& unit : out) unit.push_back(a.text);
    for (const assignment& a : parsed) {
        if (a.file.empty()) continue;
        if (!by_file)
            throw gate_usage_error(fmt::format(
                "{} {}:{}: a FILE: assignment applies to an interleaved job's runs of that file (--baseline-cmd); "
                "here a round runs the whole set at once",
                option, a.file, a.text));
        bool found = false;
        for (std::size_t u = 0; u < files.size(); ++u)
            if (names_file(a.file, files[u])) {
                out[u].push_back(a.text);
                found = true;
            }
        if (!found)
            throw gate_usage_error(fmt::format("{} {}:{}: {} is not a scenario file of {}", option, a.file, a.text,
                                               a.file, scenarios));
    }
    return out;
}

std::string program(const std::string& option, const std::string& name) {
    std::string path = find_program(name);
    if (path.empty()) throw gate_usage_error(fmt::format("{} {}: not an executable", option, name));
    return path;
}

bool is_this_program(const std::string& path) {
    std::error_code ec;
    return fs::equivalent(path, self_executable(), ec);
}

// An arm this psem-bench runs is checked as `run` would check it, before anything runs:
// a broken scenario or assignment is then a usage error, not a failed job an hour in.
// (Another build may know other fields: its runs check themselves.)
void validate_arm(const std::string& name, const gate_arm_command& arm, const std::vector<std::string>& unit_paths) {
    if (!is_this_program(arm.executable)) return;
    std::string problems;
    std::size_t count = 0;
    for (std::size_t u = 0; u < unit_paths.size(); ++u) {
        const loaded in = load_points({unit_paths[u]}, arm.sets[u], 0);
        for (const std::string& e : in.errors) {
            problems += fmt::format("\n  the {}'s run of {}: {}", name, unit_paths[u], e);
            ++count;
        }
    }
    if (count > 0) throw gate_usage_error(fmt::format("{} error(s); nothing was run:{}", count, problems));
}

}  // namespace

std::string host_class() {
    utsname u{};
    const std::string machine = ::uname(&u) == 0 ? u.machine : "unknown";
    cpu_set_t set;
    CPU_ZERO(&set);
    const int cpus = ::sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : 1;
    return fmt::format("ci-{}-{}cpu", machine, cpus);
}

gate_plan plan_gate(const gate_args& args) {
    gate_plan plan;
    plan.host_class = host_class();
    if (args.record) plan.mode = gate_mode::record;
    else if (!args.baseline_cmd.empty()) plan.mode = gate_mode::interleaved;
    else plan.mode = gate_mode::stored;
    if (args.paired && plan.mode != gate_mode::interleaved)
        throw gate_usage_error("--paired needs --baseline-cmd (a stored baseline has no rounds to pair)");
    if (!args.baseline_sets.empty() && plan.mode != gate_mode::interleaved)
        throw gate_usage_error("--baseline-set needs --baseline-cmd (a stored baseline is not run)");

    const std::string scenarios = args.scenarios.empty() ? default_scenarios() : args.scenarios;
    std::error_code ec;
    if (!fs::exists(scenarios, ec)) throw gate_usage_error(scenarios + ": not a directory of scenarios");
    const std::vector<fs::path> files = scenario_files(scenarios);
    if (files.empty()) throw gate_usage_error(scenarios + ": no *.json scenarios");

    // Interleaved, a run is one scenario file; otherwise a round is one run of the whole
    // set, as the stored baselines were recorded.
    const bool by_file = plan.mode == gate_mode::interleaved;
    std::vector<fs::path> units = by_file ? files : std::vector<fs::path>{fs::path(scenarios)};
    for (const fs::path& u : units) {
        plan.spec.units.push_back(by_file ? u.stem().string() : "");
        plan.job.unit_paths.push_back(u.string());
    }
    plan.spec.rounds = args.rounds;
    plan.spec.warmup_rounds = args.warmup_rounds;
    plan.job.repetitions = args.repetitions;

    gate_arm_command contender;
    contender.executable =
        args.contender_cmd.empty() ? self_executable() : program("--contender-cmd", args.contender_cmd);
    contender.sets = sets_per_unit("--contender-set", args.contender_sets, units, by_file, scenarios);
    if (plan.mode == gate_mode::interleaved) {
        gate_arm_command baseline;
        baseline.executable = program("--baseline-cmd", args.baseline_cmd);
        baseline.sets = sets_per_unit("--baseline-set", args.baseline_sets, units, by_file, scenarios);
        plan.spec.arms = {"baseline", "contender"};
        plan.job.arms = {baseline, contender};
    } else {
        plan.spec.arms = {plan.mode == gate_mode::record ? "record" : "contender"};
        plan.job.arms = {contender};
    }
    for (std::size_t a = 0; a < plan.job.arms.size(); ++a)
        validate_arm(plan.spec.arms[a], plan.job.arms[a], plan.job.unit_paths);

    const std::string stored = (fs::path(args.baseline_dir) / (plan.host_class + ".json")).string();
    if (plan.mode == gate_mode::record) plan.record_file = args.record_file.empty() ? stored : args.record_file;
    if (plan.mode == gate_mode::stored) {
        plan.baseline_report = args.baseline.empty() ? stored : args.baseline;
        if (!fs::is_regular_file(plan.baseline_report, ec))
            throw gate_usage_error(fmt::format(
                "no baseline {} (this host's class: {}).\npsem-bench gate: record one on such a host with "
                "'psem-bench gate --record', or use --baseline-cmd.",
                plan.baseline_report, plan.host_class));
    }
    return plan;
}

std::string make_work_dir(const std::string& work) {
    std::error_code ec;
    if (!work.empty()) {
        fs::create_directories(work, ec);
        if (ec || !fs::is_directory(work, ec)) throw gate_usage_error(fmt::format("--work {}: cannot create it", work));
        return work;
    }
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = (fs::path(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") / "psem-gate.XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr)
        throw gate_usage_error(fmt::format("cannot create a work directory {}", pattern));
    return pattern;
}

}  // namespace psem::bench::cli
