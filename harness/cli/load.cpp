#include "cli/load.hpp"

#include "conformance/edge_cases.hpp"
#include "workloads/workload.hpp"

#include <filesystem>

namespace psem::bench::cli {

loaded load_points(const std::vector<std::string>& paths, const std::vector<std::string>& sets,
                   int repetitions_override) {
    loaded out;
    auto add_errors = [&](const std::vector<scenario_error>& errs) {
        for (const auto& e : errs) out.errors.push_back(e.to_string());
    };
    for (const auto& path : paths) {
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) {
            out.errors.push_back(path + ": no such file or directory");
            continue;
        }
        const auto files = scenario_files(path);
        if (files.empty()) out.errors.push_back(path + ": no *.json scenario files in this directory");
        for (const auto& file : files) {
            parse_result parsed = load_scenario(file);
            if (!parsed.ok()) {
                add_errors(parsed.errors);
                continue;
            }
            if (!sets.empty()) {
                parsed = apply_overrides(*parsed.value, sets);
                if (!parsed.ok()) {
                    for (auto e : parsed.errors) {
                        if (e.file.empty() || e.file == "<string>") e.file = file.string();
                        out.errors.push_back(e.to_string());
                    }
                    continue;
                }
            }
            scenario sc = *parsed.value;
            if (repetitions_override > 0) sc.repetitions = repetitions_override;
            expand_result expanded = expand_sweep(sc);
            add_errors(expanded.errors);
            if (!expanded.errors.empty()) continue;
            for (auto& p : expanded.points) {
                const workload* wl = find_workload(p.config.workload);
                if (wl != nullptr) {
                    if (auto msg = wl->validate(p.config); !msg.empty()) {
                        out.errors.push_back(file.string() + ": " + p.benchmark_name + ": " + msg);
                        continue;
                    }
                } else if (find_check_suite(p.config.workload) == nullptr) {
                    out.errors.push_back(file.string() + ": /workload: no runner for \"" + p.config.workload + "\"");
                    continue;
                }
                out.points.push_back(std::move(p));
            }
            out.scenarios.push_back(std::move(sc));
        }
    }
    return out;
}

}  // namespace psem::bench::cli
