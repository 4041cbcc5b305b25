// conformance/edge_cases.hpp - the edge_cases workload: checks instead of loops. Each check
// provokes one documented error (or success) of the semaphore API, across processes
// where that is how it happens in real use, and reports expected vs observed.
#pragma once

#include "model/records.hpp"
#include "scenario/scenario.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace psem::bench {

/// Runs the scenario's checks (all when `checks` is empty), in the documented order.
/// Never throws; a check that cannot run is reported failed or skipped with a reason.
[[nodiscard]] std::vector<check_record> run_edge_cases(const scenario& sc);

/// A suite of checks that a scenario names as its workload: it runs once per point (its
/// repetitions do not apply) and gives check records instead of figures.
struct check_suite {
    std::string_view name;
    std::vector<check_record> (*run)(const scenario&);
};

/// The check suite of that name, or nullptr (the run layer asks this and the workload
/// registry; neither special-cases a name).
[[nodiscard]] const check_suite* find_check_suite(std::string_view name);

}  // namespace psem::bench
