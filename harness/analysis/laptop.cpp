// analysis/laptop.cpp - the computing half of the laptop side-by-side (see laptop.hpp).
#include "analysis/laptop.hpp"

#include "analysis/repetitions.hpp"
#include "stats/descriptive.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace psem::bench {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

nlohmann::json::json_pointer ptr(const char* path) { return nlohmann::json::json_pointer(path); }

// A context value as text, or "" when absent, null or "unknown" (probes fail softly).
std::string text_at(const nlohmann::json& ctx, const nlohmann::json::json_pointer& ptr) {
    if (!ctx.is_object() || !ctx.contains(ptr)) return {};
    const nlohmann::json& v = ctx.at(ptr);
    if (v.is_null()) return {};
    std::string s = v.is_string() ? v.get<std::string>() : v.dump();
    return s == "unknown" ? std::string() : s;
}

void append(std::string& out, const std::string& part) {
    if (part.empty()) return;
    if (!out.empty()) out += ", ";
    out += part;
}

std::string reference_setup(const nlohmann::json& ctx) {
    std::string s = text_at(ctx, ptr("/psem/host"));
    append(s, text_at(ctx, ptr("/psem/implementation")));
    if (const std::string g = text_at(ctx, ptr("/psem/GOMAXPROCS")); !g.empty()) append(s, "GOMAXPROCS=" + g);
    return s.empty() ? "unknown" : s;
}

std::string our_setup(const nlohmann::json& ctx) {
    std::string s = text_at(ctx, ptr("/psem/cpu_model"));
    if (const std::string n = text_at(ctx, ptr("/num_cpus")); !n.empty()) append(s, n + " CPUs");
    append(s, text_at(ctx, ptr("/psem/virtualization")));
    // "Linux 6.1.0-18-amd64 #1 SMP PREEMPT_DYNAMIC ...": the release is what tells kernels apart.
    std::string kernel = text_at(ctx, ptr("/psem/kernel"));
    if (const auto sp = kernel.find(' ', kernel.find(' ') + 1); sp != std::string::npos) kernel.resize(sp);
    append(s, kernel);
    if (const std::string g = text_at(ctx, ptr("/psem/glibc")); !g.empty()) append(s, "glibc " + g);
    return s.empty() ? "unknown" : s;
}

double number_at(const nlohmann::json& ctx, const nlohmann::json::json_pointer& ptr) {
    if (!ctx.is_object() || !ctx.contains(ptr) || !ctx.at(ptr).is_number()) return nan;
    return ctx.at(ptr).get<double>();
}

laptop_row make_row(const repetition_group& g) {
    const run_record& first = g.first();
    laptop_row row;
    row.scenario = first.scenario;
    row.benchmark = first.run_name;
    row.processes = first.processes;
    row.threads_per_process = first.processes > 0 ? first.threads / first.processes : first.threads;
    row.error = g.first_error();
    const std::vector<double> ns = g.good_ns_per_op();
    row.good_runs = static_cast<int>(ns.size());
    row.ns_per_op = g.median_ns_per_op();
    row.cv = ns.empty() ? nan : cv(ns);
    row.reference_ns_per_op = row.ratio = nan;
    return row;
}

std::vector<std::string> make_notes(const laptop_comparison& c, const nlohmann::json& ours, const report& ref,
                                    int max_workers, int max_runs) {
    std::vector<std::string> notes;
    notes.push_back(fmt::format("Set-ups differ: the reference ran on {}; this run on {}.", c.reference_setup,
                                c.our_setup));
    notes.push_back(
        "The original crossed the cgo boundary twice per op (Post and Wait are each one C call from Go); psem "
        "calls sem_post and sem_wait directly, so much of the ratio is that boundary, not the host.");
    if (max_workers > 1)
        notes.push_back(
            "PostWaitParallel-8 ran 8 goroutines in one process; the threads row keeps that shape, the processes "
            "row runs 8 single-threaded processes. ns/op is wall time over all pairs in every row, as Go reports it.");
    const double cpus = number_at(ours, ptr("/num_cpus"));
    if (std::isfinite(cpus) && cpus < max_workers)
        notes.push_back(fmt::format("Here {} workers share {} CPUs, so the parallel rows measure the scheduler as "
                                    "much as the semaphore. The source does not give the W520's CPU count.",
                                    max_workers, cpus));
    const double load = number_at(ours, ptr("/load_avg/0"));
    if (std::isfinite(load) && std::isfinite(cpus) && load > cpus)
        notes.push_back(fmt::format("The host was busy: load average {:.1f} on {} CPUs when the run started; "
                                    "expect slower and noisier figures than on an idle host.",
                                    load, cpus));
    const auto ref_runs = std::count_if(ref.benchmarks.begin(), ref.benchmarks.end(),
                                        [](const run_record& r) { return r.run_type == "iteration"; });
    notes.push_back(fmt::format("The reference is one published run per benchmark ({} in all, no spread); ours are "
                                "medians of up to {} repetitions.",
                                ref_runs, max_runs));
    return notes;
}

}  // namespace

bool is_laptop_scenario(std::string_view scenario_name) { return scenario_name.starts_with(laptop_scenario_prefix); }

bool has_laptop_runs(std::span<const run_record> records) {
    return std::any_of(records.begin(), records.end(),
                       [](const run_record& r) { return r.run_type == "iteration" && is_laptop_scenario(r.scenario); });
}

bool is_reference_report(const report& r) {
    const auto flag = ptr("/psem/reference");
    return r.context.is_object() && r.context.contains(flag) && r.context.at(flag) == true;
}

laptop_comparison compare_with_reference(std::span<const run_record> ours, const nlohmann::json& our_context,
                                         const report& reference) {
    laptop_comparison c;
    c.reference_setup = reference_setup(reference.context);
    c.our_setup = our_setup(our_context);

    std::vector<run_record> laptop_runs;
    for (const run_record& r : ours)
        if (is_laptop_scenario(r.scenario)) laptop_runs.push_back(r);
    std::vector<const run_record*> refs;
    for (const run_record& r : reference.benchmarks)
        if (r.run_type == "iteration" && is_good(r)) refs.push_back(&r);

    int max_workers = 0, max_runs = 0;
    std::vector<std::pair<std::size_t, laptop_row>> ranked;  // reference index (or size()) first
    for (const repetition_group& g : group_repetitions(laptop_runs, group_key::scenario_and_run_name)) {
        laptop_row row = make_row(g);
        const run_record& first = g.first();
        std::size_t rank = refs.size();
        for (std::size_t i = 0; i < refs.size(); ++i)
            if (refs[i]->workload == first.workload && refs[i]->threads == first.threads) {
                rank = i;
                row.reference = refs[i]->scenario.empty() ? refs[i]->name : refs[i]->scenario;
                row.reference_ns_per_op = refs[i]->real_time_ns;
                row.ratio = row.ns_per_op / row.reference_ns_per_op;
                break;
            }
        max_workers = std::max(max_workers, first.threads);
        max_runs = std::max(max_runs, static_cast<int>(g.runs.size()));
        ranked.emplace_back(rank, std::move(row));
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second.processes < b.second.processes;
    });
    for (auto& [rank, row] : ranked) c.rows.push_back(std::move(row));
    c.notes = make_notes(c, our_context, reference, max_workers, max_runs);
    return c;
}

std::vector<std::filesystem::path> laptop_reference_candidates(std::span<const std::string> scenario_files,
                                                               const std::filesystem::path& installed_scenario_dir) {
    namespace fs = std::filesystem;
    const fs::path file{laptop_reference_file};
    std::vector<fs::path> out{fs::path("results") / "reference" / file};
    for (const std::string& f : scenario_files) {
        // <root>/scenarios/laptop/postwait.json -> <root>
        const fs::path root = fs::path(f).parent_path().parent_path().parent_path();
        const fs::path p = (root.empty() ? fs::path(".") : root) / "results" / "reference" / file;
        if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
    }
    if (!installed_scenario_dir.empty()) out.push_back(installed_scenario_dir.parent_path() / "reference" / file);
    return out;
}

std::optional<std::filesystem::path> first_existing(std::span<const std::filesystem::path> candidates) {
    for (const auto& p : candidates) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(p, ec)) return p;
    }
    return std::nullopt;
}

}  // namespace psem::bench
