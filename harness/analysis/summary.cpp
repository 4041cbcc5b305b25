// analysis/summary.cpp - choosing the figures of the summary tables.
#include "analysis/summary.hpp"

#include <map>

namespace psem::bench {
namespace {

std::optional<double> counter(const run_record& r, const char* name) {
    const auto it = r.counters.find(name);
    if (it == r.counters.end()) return std::nullopt;
    return it->second;
}

summary_row row_of(const run_record& r) {
    summary_row row;
    row.ns_per_op = r.real_time_ns;
    row.cpu_ns_per_op = r.cpu_time_ns;
    row.ops_per_sec = counter(r, "ops_per_sec");
    if (!row.ops_per_sec && r.real_time_ns > 0) row.ops_per_sec = 1e9 / r.real_time_ns;
    row.p50_ns = counter(r, "p50_ns");
    row.p99_ns = counter(r, "p99_ns");
    const auto vol = counter(r, "voluntary_ctxsw_per_op");
    const auto invol = counter(r, "involuntary_ctxsw_per_op");
    if (vol || invol) row.ctxsw_per_op = vol.value_or(0) + invol.value_or(0);
    row.limit_multiple = counter(r, "cacheline_multiple");
    return row;
}

struct summary_group {
    std::vector<const run_record*> iterations;
    const run_record* median = nullptr;
    const run_record* cv = nullptr;
};

}  // namespace

std::vector<summary_row> summarize(std::span<const run_record> records) {
    std::vector<std::string> order;
    std::map<std::string, summary_group> groups;
    for (const run_record& r : records) {
        auto [it, inserted] = groups.try_emplace(r.run_name);
        if (inserted) order.push_back(r.run_name);
        summary_group& g = it->second;
        if (r.run_type != "aggregate") g.iterations.push_back(&r);
        else if (r.aggregate_name == "median") g.median = &r;
        else if (r.aggregate_name == "cv") g.cv = &r;
    }
    std::vector<summary_row> rows;
    for (const std::string& name : order) {
        const summary_group& g = groups[name];
        if (g.median) {
            summary_row row = row_of(*g.median);
            row.name = name;
            row.median_of_repetitions = true;
            row.repetitions = static_cast<int>(g.median->ops);  // GB: runs summarised
            if (g.cv) row.cv = g.cv->real_time_ns;
            rows.push_back(std::move(row));
        }
        for (const run_record* r : g.iterations) {
            // With a median row, only the failures still need a line of their own.
            if (g.median && !r->error_occurred) continue;
            summary_row row = row_of(*r);
            row.name = r->name;
            row.repetitions = 1;
            if (r->error_occurred) row.error = r->error_message.empty() ? "failed" : r->error_message;
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

check_tally tally_checks(std::span<const check_record> checks) {
    check_tally t;
    for (const check_record& c : checks) {
        if (c.skipped) ++t.skipped;
        else if (c.passed) ++t.passed;
        else ++t.failed;
    }
    return t;
}

const char* check_status(const check_record& c) {
    if (c.skipped) return "SKIP";
    return c.passed ? "PASS" : "FAIL";
}

}  // namespace psem::bench
