#include "workloads/registry.hpp"

namespace psem::bench {

const std::vector<std::unique_ptr<workload>>& all_workloads() {
    static const std::vector<std::unique_ptr<workload>> list = [] {
        std::vector<std::unique_ptr<workload>> v;
        v.push_back(make_postwait());
        v.push_back(make_pingpong());
        v.push_back(make_producer_consumer());
        return v;
    }();
    return list;
}

const workload* find_workload(std::string_view name) {
    for (const auto& w : all_workloads())
        if (w->name() == name) return w.get();
    return nullptr;
}

}  // namespace psem::bench
