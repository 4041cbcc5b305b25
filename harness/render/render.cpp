// render/render.cpp - summary tables and the checks table (CSV is in render_csv.cpp).
#include "render/render.hpp"

#include "render/format.hpp"
#include "analysis/summary.hpp"
#include "render/text_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

namespace psem::bench {
namespace {

using align = text_table::align;

// "3.1x": a round trip as a multiple of the cache-line limit.
std::string format_multiple(double x) { return fmt::format("{:.1f}x", x); }

text_table summary_table(std::span<const run_record> records) {
    const std::vector<summary_row> rows = summarize(records);
    // CPU per op beside the latency: what a faster hand-off costs (a spinning wait burns
    // its CPU). The cache-line column only where a row has it (pingpong).
    const bool limit = std::any_of(rows.begin(), rows.end(), [](const summary_row& r) { return r.limit_multiple; });
    text_table t;
    t.columns = {{"benchmark", align::left}, {"ns/op", align::right},  {"ops/s", align::right},
                 {"p50", align::right},      {"p99", align::right},    {"cpu/op", align::right},
                 {"cv%", align::right},      {"ctxsw/op", align::right}};
    if (limit) t.columns.push_back({"x limit", align::right});
    for (const summary_row& row : rows) {
        if (row.error) {
            t.rows.push_back({row.name, "ERROR: " + *row.error});
            continue;
        }
        // Percentiles are per-op latencies: ns with a unit reads better than a bare count.
        std::vector<std::string> cells{row.name,
                                       format_ns(row.ns_per_op),
                                       format_opt(format_rate, row.ops_per_sec),
                                       format_opt(format_duration, row.p50_ns),
                                       format_opt(format_duration, row.p99_ns),
                                       row.cpu_ns_per_op > 0 ? format_duration(row.cpu_ns_per_op) : "-",
                                       format_opt(format_percent, row.cv),
                                       format_opt(format_ratio, row.ctxsw_per_op)};
        if (limit) cells.push_back(format_opt(format_multiple, row.limit_multiple));
        t.rows.push_back(std::move(cells));
    }
    return t;
}

text_table checks_table(std::span<const check_record> checks) {
    const bool lateness = std::any_of(checks.begin(), checks.end(), [](const check_record& c) {
        return c.lateness_p50_ns.has_value() || c.lateness_p99_ns.has_value();
    });
    text_table t;
    t.columns = {{"check", align::left}, {"result", align::left}, {"expected", align::left},
                 {"observed", align::left}};
    if (lateness) {
        t.columns.push_back({"late p50", align::right});
        t.columns.push_back({"late p99", align::right});
    }
    t.columns.push_back({"note", align::left});
    for (const check_record& c : checks) {
        std::vector<std::string> row{c.name, check_status(c), c.expected, c.observed};
        if (lateness) {
            row.push_back(format_opt(format_duration, c.lateness_p50_ns));
            row.push_back(format_opt(format_duration, c.lateness_p99_ns));
        }
        row.push_back(c.reason);
        t.rows.push_back(std::move(row));
    }
    return t;
}

std::string tally_line(std::span<const check_record> checks) {
    const check_tally t = tally_checks(checks);
    return fmt::format("{} passed, {} failed, {} skipped", t.passed, t.failed, t.skipped);
}

template <class F, class T>
std::string to_string(F render, std::span<const T> items) {
    std::ostringstream out;
    render(out, items);
    return out.str();
}

}  // namespace

void render_table(std::ostream& out, std::span<const run_record> records) {
    print_aligned(out, summary_table(records));
}

std::string render_table(std::span<const run_record> records) {
    return to_string<void (*)(std::ostream&, std::span<const run_record>)>(render_table, records);
}

void render_markdown(std::ostream& out, std::span<const run_record> records) {
    print_markdown(out, summary_table(records));
}

std::string render_markdown(std::span<const run_record> records) {
    return to_string<void (*)(std::ostream&, std::span<const run_record>)>(render_markdown, records);
}

void render_checks_table(std::ostream& out, std::span<const check_record> checks) {
    print_aligned(out, checks_table(checks));
    out << tally_line(checks) << '\n';
}

std::string render_checks_table(std::span<const check_record> checks) {
    return to_string<void (*)(std::ostream&, std::span<const check_record>)>(render_checks_table, checks);
}

void render_checks_markdown(std::ostream& out, std::span<const check_record> checks) {
    print_markdown(out, checks_table(checks));
    out << '\n' << tally_line(checks) << '\n';
}

std::string render_checks_markdown(std::span<const check_record> checks) {
    return to_string<void (*)(std::ostream&, std::span<const check_record>)>(render_checks_markdown, checks);
}

}  // namespace psem::bench
