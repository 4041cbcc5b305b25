// psem-bench side-by-side: two or more reports (a host each, usually) lined up per
// benchmark. Exit 0, or 2 for fewer than two reports, more labels than reports, or a
// report that cannot be read.
#include "cli/commands.hpp"
#include "cli/report_input.hpp"
#include "analysis/side_by_side.hpp"
#include "render/side_by_side_render.hpp"

#include <fmt/format.h>

#include <iostream>

namespace psem::bench::cli {
namespace {

std::string render(const side_by_side& s, const std::string& format) {
    if (format == "json") return render_side_by_side_json(s);
    if (format == "markdown") return render_side_by_side_markdown(s);
    return render_side_by_side_table(s);
}

}  // namespace

int side_by_side_cmd(const side_by_side_args& args) {
    side_by_side result;
    try {
        if (args.reports.size() < 2)
            throw std::invalid_argument(fmt::format("{}: only one report; side-by-side needs two or more",
                                                    args.reports.empty() ? "" : args.reports.front()));
        if (args.labels.size() > args.reports.size())
            throw std::invalid_argument(fmt::format("{} labels for {} reports: --label names the reports in order",
                                                    args.labels.size(), args.reports.size()));
        std::vector<labelled_report> reports;
        for (std::size_t i = 0; i < args.reports.size(); ++i)
            reports.push_back({args.reports[i], i < args.labels.size() ? args.labels[i] : std::string(),
                               read_report_argument(args.reports[i])});
        result = line_up(reports);
    } catch (const std::exception& e) {
        std::cerr << "psem-bench side-by-side: " << e.what() << '\n';
        return exit_usage;
    }
    const std::string text = render(result, args.format);
    const std::string log_text = args.format == "table" ? text : render_side_by_side_table(result);
    return emit_output("side-by-side", args.out, text, log_text);
}

}  // namespace psem::bench::cli
