// psem-bench compare: read two reports (or two directories of reports, pooled or paired
// round by round), compare, render, and exit 0 (no regression), 1 (regression) or 2 (bad
// input or usage).
#include "cli/comparing.hpp"
#include "cli/report_input.hpp"
#include "analysis/compare.hpp"
#include "render/compare_render.hpp"
#include "io/report_error.hpp"

#include <filesystem>
#include <iostream>

namespace fs = std::filesystem;

namespace psem::bench::cli {
namespace {

// Pooled, a directory's rounds become one side with all their repetitions.
comparison compare_pooled(const compare_args& args, const compare_options& options) {
    return compare_reports(read_report_argument(args.baseline), read_report_argument(args.contender), options);
}

// Paired, round i of the baseline goes with round i of the contender: both must be
// directories with as many reports.
comparison compare_paired(const compare_args& args, const compare_options& options) {
    for (const std::string& a : {args.baseline, args.contender}) {
        std::error_code ec;
        if (!fs::is_directory(a, ec))
            throw report_error(a, "", "--paired needs two directories of round reports, and this is not one");
    }
    const std::vector<report> base = read_report_rounds(args.baseline);
    const std::vector<report> cont = read_report_rounds(args.contender);
    if (base.size() != cont.size())
        throw report_error(args.contender, "",
                           "--paired: " + std::to_string(cont.size()) + " round reports here, but " +
                               std::to_string(base.size()) + " in the baseline " + args.baseline);
    return compare_paired_rounds(base, cont, options);
}

}  // namespace

comparison compare_inputs(const compare_args& args) {
    compare_options options;
    options.threshold = args.threshold_percent / 100;
    options.alpha = args.alpha;
    options.max_cv = args.max_cv_percent / 100;
    return args.paired ? compare_paired(args, options) : compare_pooled(args, options);
}

std::string render_comparison(const comparison& c, const std::string& format) {
    if (format == "json") return render_comparison_json(c);
    if (format == "markdown") return render_comparison_markdown(c);
    return render_comparison_table(c);
}

int comparison_exit_code(const comparison& c) { return c.regressions == 0 ? exit_ok : exit_failed; }

int compare(const compare_args& args) {
    comparison result;
    try {
        result = compare_inputs(args);
    } catch (const std::exception& e) {
        // report_error names the file and the JSON path. Anything else is still about the
        // input, and must not exit 1, which a gate would read as "regression".
        std::cerr << "psem-bench compare: " << e.what() << '\n';
        return exit_usage;
    }
    const std::string text = render_comparison(result, args.format);
    // The file is for machines or the pull request; the log still shows the outcome.
    const std::string log_text = args.format == "table" ? text : render_comparison_table(result);
    if (const int rc = emit_output("compare", args.out, text, log_text); rc != exit_ok) return rc;
    return comparison_exit_code(result);
}

}  // namespace psem::bench::cli
