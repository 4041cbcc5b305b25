// workloads/registry.hpp - the list of workloads. Adding one: write its file with a
// make_<name>() factory and add that factory to the list in registry.cpp. (An explicit
// list, not self-registration: a static library drops object files nothing refers to.)
#pragma once

#include "workloads/workload.hpp"

#include <memory>
#include <vector>

namespace psem::bench {

[[nodiscard]] const std::vector<std::unique_ptr<workload>>& all_workloads();

std::unique_ptr<workload> make_postwait();
std::unique_ptr<workload> make_pingpong();
std::unique_ptr<workload> make_producer_consumer();

}  // namespace psem::bench
