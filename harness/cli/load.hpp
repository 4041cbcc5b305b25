// cli/load.hpp - from command-line paths to validated run points: files and directories
// are read, --set overrides applied, sweeps expanded and each workload's own rules
// checked. Every error is collected, so one invocation reports them all.
#pragma once

#include "scenario/scenario.hpp"

#include <string>
#include <vector>

namespace psem::bench::cli {

struct loaded {
    std::vector<scenario> scenarios;   // one per file, after overrides
    std::vector<run_point> points;     // every sweep point of every scenario, in order
    std::vector<std::string> errors;   // formatted, each naming its file and JSON path
};

[[nodiscard]] loaded load_points(const std::vector<std::string>& paths, const std::vector<std::string>& sets,
                                 int repetitions_override);

}  // namespace psem::bench::cli
