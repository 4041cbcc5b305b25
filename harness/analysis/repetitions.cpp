// analysis/repetitions.cpp - see repetitions.hpp.
#include "analysis/repetitions.hpp"

#include "stats/descriptive.hpp"

#include <cmath>
#include <limits>
#include <map>

namespace psem::bench {

bool is_good(const run_record& r) {
    return !r.error_occurred && std::isfinite(r.real_time_ns) && r.real_time_ns > 0;
}

std::vector<const run_record*> repetition_group::good() const {
    std::vector<const run_record*> out;
    for (const run_record* r : runs)
        if (is_good(*r)) out.push_back(r);
    return out;
}

int repetition_group::good_count() const { return static_cast<int>(good().size()); }

std::string repetition_group::first_error() const {
    for (const run_record* r : runs)
        if (r->error_occurred) return r->error_message.empty() ? "failed" : r->error_message;
    return {};
}

std::vector<double> repetition_group::good_ns_per_op() const {
    std::vector<double> out;
    for (const run_record* r : good()) out.push_back(r->real_time_ns);
    return out;
}

double repetition_group::median_ns_per_op() const {
    const std::vector<double> ns = good_ns_per_op();
    return ns.empty() ? std::numeric_limits<double>::quiet_NaN() : median(ns);
}

std::vector<double> repetition_group::counter_values(std::string_view name) const {
    std::vector<double> xs;
    for (const run_record* r : good())
        if (const auto it = r->counters.find(std::string(name)); it != r->counters.end() && !std::isnan(it->second))
            xs.push_back(it->second);
    return xs;
}

std::optional<double> repetition_group::median_counter(std::string_view name) const {
    const std::vector<double> xs = counter_values(name);
    if (xs.empty()) return std::nullopt;
    return median(xs);
}

std::vector<repetition_group> group_repetitions(std::span<const run_record> records, group_key key) {
    std::vector<repetition_group> out;
    std::map<std::string, std::size_t> index;
    for (const run_record& r : records) {
        if (r.run_type != "iteration") continue;
        const std::string k = key == group_key::run_name ? r.run_name : r.scenario + '\n' + r.run_name;
        const auto [it, inserted] = index.try_emplace(k, out.size());
        if (inserted) out.emplace_back();
        out[it->second].runs.push_back(&r);
    }
    return out;
}

}  // namespace psem::bench
