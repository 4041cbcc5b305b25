// helpers.hpp - small builders shared by the scenario tests.
#pragma once

#include "scenario/scenario.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace psem::bench::testing {

/// A valid scenario document of `workload` with `extra` fields appended (",\"processes\": 2").
inline std::string doc(std::string_view extra = "", std::string_view workload = "postwait") {
    return std::string(R"({"schema_version": 1, "name": "t", "workload": ")") + std::string(workload) + "\"" +
           std::string(extra) + "}";
}

/// Every error as the user sees it, one per line.
inline std::string messages(const std::vector<scenario_error>& errors) {
    std::string out;
    for (const auto& e : errors) {
        if (!out.empty()) out += '\n';
        out += e.to_string();
    }
    return out;
}

inline std::string messages(const parse_result& r) { return messages(r.errors); }

/// The benchmark names of a sweep's points, in order.
inline std::vector<std::string> names(const expand_result& r) {
    std::vector<std::string> out;
    for (const auto& p : r.points) out.push_back(p.benchmark_name);
    return out;
}

}  // namespace psem::bench::testing
