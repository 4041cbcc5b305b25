// The edge_cases workload's entry point: which checks run, in what order, and the
// guarantee that none of them can throw past run_edge_cases or leave a name behind.
#include "conformance/edge_cases.hpp"

#include "conformance/edge_checks.hpp"
#include "conformance/edge_child.hpp"
#include "conformance/edge_errno.hpp"

#include <algorithm>
#include <array>
#include <csignal>
#include <exception>

namespace psem::bench {
namespace edge {
namespace {

constexpr std::array<check_def, 16> checks = {{
    {"try_wait_zero", try_wait_zero},
    {"try_wait_after_take", try_wait_after_take},
    {"timed_wait_timeout", timed_wait_timeout},
    {"timed_wait_posted", timed_wait_posted},
    {"timed_wait_past_deadline", timed_wait_past_deadline},
    {"post_overflow", post_overflow},
    {"create_value_too_large", create_value_too_large},
    {"create_exclusive_exists", create_exclusive_exists},
    {"open_missing", open_missing},
    {"open_not_a_semaphore", open_not_a_semaphore},
    {"unlink_missing", unlink_missing},
    {"name_invalid", name_invalid},
    {"name_too_long", name_too_long},
    {"open_permission_denied", open_permission_denied},
    {"wait_interrupted", wait_interrupted},
    {"open_no_descriptors", open_no_descriptors},
}};

}  // namespace

std::span<const check_def> check_table() noexcept { return checks; }

psem::semaphore create_or_fail(check_record& row, const std::string& name, unsigned value) {
    std::error_code ec;
    auto sem = psem::semaphore::create(name, value, owner_only, ec);
    if (ec) setup_failed(row, "cannot create " + name, ec);
    return sem;
}

check_record make_row(std::string name, std::string expected) {
    check_record row;
    row.name = std::move(name);
    row.expected = std::move(expected);
    return row;
}

void setup_failed(check_record& row, const std::string& what, std::error_code ec) {
    row.passed = false;
    row.observed = "setup failed";
    add_note(row, ec ? what + ": " + code_name(ec) + " (" + ec.message() + ")" : what);
}

void add_note(check_record& row, const std::string& text) {
    if (!row.reason.empty()) row.reason += "; ";
    row.reason += text;
}

bool receive_or_fail(child_process& child, std::span<std::int64_t> values, check_record& row,
                     const std::string& what) {
    if (child.receive(values, child_timeout)) return true;
    const child_exit how = child.finish(child_timeout);
    setup_failed(row, "the other process sent no " + what + " (" + how.describe() + ")");
    return false;
}

bool finish_or_fail(child_process& child, check_record& row) {
    const child_exit how = child.finish(child_timeout);
    if (how.ok()) return true;
    row.passed = false;
    add_note(row, "the other process " + how.describe());
    return false;
}

bool started_or_fail(const child_process& child, check_record& row) {
    if (child.started()) return true;
    setup_failed(row, "cannot start the other process", child.error());
    return false;
}

}  // namespace edge

std::vector<check_record> run_edge_cases(const scenario& sc) {
    std::vector<check_record> out;
    // The documented order, whatever order the scenario lists them in.
    std::vector<const edge::check_def*> selected;
    for (const auto& def : edge::check_table()) {
        const bool wanted = sc.checks.empty() ||
                            std::find(sc.checks.begin(), sc.checks.end(), def.name) != sc.checks.end();
        if (wanted) selected.push_back(&def);
    }
    // The parser refuses unknown names; a caller that bypassed it still gets a row.
    for (const auto& name : sc.checks) {
        const auto table = edge::check_table();
        if (std::none_of(table.begin(), table.end(), [&](const auto& d) { return d.name == name; })) {
            auto row = edge::make_row(name, "");
            edge::setup_failed(row, "no such check");
            out.push_back(std::move(row));
        }
    }

    std::string prefix;
    try {
        prefix = make_run_prefix();
    } catch (const std::exception& e) {
        for (const auto* def : selected) {
            auto row = edge::make_row(std::string(def->name), "");
            edge::setup_failed(row, std::string("cannot make unique names: ") + e.what());
            out.push_back(std::move(row));
        }
        return out;
    }
    const edge_names names(prefix);
    const edge::context cx{names, sc.trials};
    const signal_block no_sigchld(SIGCHLD);
    for (const auto* def : selected) {
        const std::size_t before = out.size();
        try {
            def->run(cx, out);
        } catch (const std::exception& e) {
            // Rows the check had finished stay; the unfinished one is reported failed.
            auto row = edge::make_row(std::string(def->name), "");
            edge::setup_failed(row, std::string("the check threw: ") + e.what());
            out.push_back(std::move(row));
        }
        if (out.size() == before) {
            auto row = edge::make_row(std::string(def->name), "");
            edge::setup_failed(row, "the check reported nothing");
            out.push_back(std::move(row));
        }
    }
    return out;
}

const check_suite* find_check_suite(std::string_view name) {
    static constexpr std::array<check_suite, 1> suites = {{{"edge_cases", run_edge_cases}}};
    for (const auto& s : suites)
        if (s.name == name) return &s;
    return nullptr;
}

}  // namespace psem::bench
