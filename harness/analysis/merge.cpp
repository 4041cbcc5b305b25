// analysis/merge.cpp - see merge.hpp.
#include "analysis/merge.hpp"

#include "analysis/compare.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>

namespace psem::bench {

void set_recorded_runs(report& r, std::size_t runs) {
    if (!r.context.is_object()) r.context = nlohmann::json::object();
    nlohmann::json& psem = r.context["psem"];
    if (!psem.is_null() && !psem.is_object()) throw std::invalid_argument("/context/psem: expected an object");
    psem["recorded_runs"] = runs;
}

report merge_reports(const std::vector<report>& inputs) {
    report out = pool_reports(inputs);
    std::erase_if(out.benchmarks, [](const run_record& b) { return b.run_type != "iteration"; });
    std::map<std::string, int> seen;  // run_name -> repetitions so far
    for (run_record& b : out.benchmarks) b.repetition_index = seen[b.run_name]++;
    for (run_record& b : out.benchmarks) b.repetitions = seen[b.run_name];
    set_recorded_runs(out, inputs.size());
    return out;
}

}  // namespace psem::bench
