// analysis/aggregate.cpp - Google Benchmark style aggregates of repetitions.
#include "analysis/aggregate.hpp"

#include "analysis/repetitions.hpp"
#include "stats/descriptive.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <string>

namespace psem::bench {
namespace {

struct statistic {
    const char* name;
    const char* unit;
    double (*compute)(std::span<const double>);
};

// GB's default statistics, in its order.
const statistic statistics[] = {
    {"mean", "time", [](std::span<const double> xs) { return mean(xs); }},
    {"median", "time", [](std::span<const double> xs) { return median(xs); }},
    {"stddev", "time", [](std::span<const double> xs) { return stddev(xs); }},
    {"cv", "percentage", [](std::span<const double> xs) { return cv(xs); }},
};

std::vector<double> column(const std::vector<const run_record*>& runs, double run_record::*field) {
    std::vector<double> v;
    v.reserve(runs.size());
    for (const run_record* r : runs) v.push_back(r->*field);
    return v;
}

}  // namespace

std::vector<run_record> make_aggregates(std::span<const run_record> runs) {
    std::vector<const run_record*> good;
    for (const run_record& r : runs)
        if (r.run_type == "iteration" && is_good(r)) good.push_back(&r);
    if (good.size() < 2) return {};

    // Every counter name any good run has, each with the values of the runs that have it.
    std::map<std::string, std::vector<double>> counters;
    for (const run_record* r : good)
        for (const auto& [name, value] : r->counters) counters[name].push_back(value);

    const std::vector<double> real = column(good, &run_record::real_time_ns);
    const std::vector<double> cpu = column(good, &run_record::cpu_time_ns);
    const std::vector<double> wall = column(good, &run_record::wall_ns);
    const std::vector<double> cpu_total = column(good, &run_record::cpu_ns);

    const run_record& first = *good.front();
    std::vector<run_record> out;
    for (const statistic& s : statistics) {
        run_record a;
        a.run_name = first.run_name;
        a.name = first.run_name + "_" + s.name;
        a.scenario = first.scenario;
        a.workload = first.workload;
        a.run_type = "aggregate";
        a.aggregate_name = s.name;
        a.aggregate_unit = s.unit;
        a.repetitions = first.repetitions;
        a.repetition_index = 0;
        a.threads = first.threads;
        a.processes = first.processes;
        a.params = first.params;
        a.ops = good.size();
        a.real_time_ns = s.compute(real);
        a.cpu_time_ns = s.compute(cpu);
        a.wall_ns = s.compute(wall);
        a.cpu_ns = s.compute(cpu_total);
        for (const auto& [name, values] : counters) a.counters[name] = s.compute(values);
        out.push_back(std::move(a));
    }
    return out;
}

std::vector<run_record> with_aggregates(std::span<const run_record> records) {
    std::vector<std::string> order;
    std::map<std::string, std::vector<run_record>> groups;
    for (const run_record& r : records) {
        if (r.run_type == "aggregate") continue;
        auto [it, inserted] = groups.try_emplace(r.run_name);
        if (inserted) order.push_back(r.run_name);
        it->second.push_back(r);
    }
    std::vector<run_record> out;
    out.reserve(records.size());
    for (const std::string& name : order) {
        std::vector<run_record>& group = groups[name];
        std::vector<run_record> aggregates = make_aggregates(group);
        std::move(group.begin(), group.end(), std::back_inserter(out));
        std::move(aggregates.begin(), aggregates.end(), std::back_inserter(out));
    }
    return out;
}

}  // namespace psem::bench
