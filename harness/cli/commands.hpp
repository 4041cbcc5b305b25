// cli/commands.hpp - one function per psem-bench command. main.cpp parses the command
// line into these option structs; nothing after parsing sees raw flags.
#pragma once

#include <string>
#include <vector>

namespace psem::bench::cli {

/// Exit codes, for every command.
enum exit_code : int { exit_ok = 0, exit_failed = 1, exit_usage = 2 };

struct run_args {
    std::vector<std::string> paths;
    std::string out;                  // empty: results/runs/<date>-<name>.json
    int repetitions = 0;              // 0: the scenario's own
    std::vector<std::string> sets;    // "field=value"
    std::string format = "table";     // table | json | csv | markdown
    std::string progress = "auto";    // auto | always | never
    double latency_limit_ns = 100'000;
};
int run(const run_args& args);

int validate(const std::vector<std::string>& paths, const std::vector<std::string>& sets);
int list(const std::string& dir);
int context();
int cleanup();

}  // namespace psem::bench::cli
