// psem-bench compare: read two reports (or two directories of reports, pooled), compare,
// render, and exit 0 (no regression), 1 (regression) or 2 (bad input or usage).
#include "cli/commands.hpp"
#include "cli/report_input.hpp"
#include "compare/compare.hpp"
#include "report/compare_render.hpp"

#include <iostream>

namespace psem::bench::cli {
namespace {

std::string render(const comparison& c, const std::string& format) {
    if (format == "json") return render_comparison_json(c);
    if (format == "markdown") return render_comparison_markdown(c);
    return render_comparison_table(c);
}

}  // namespace

int compare(const compare_args& args) {
    comparison result;
    try {
        const report baseline = read_report_argument(args.baseline);
        const report contender = read_report_argument(args.contender);
        compare_options options;
        options.threshold = args.threshold_percent / 100;
        options.alpha = args.alpha;
        options.max_cv = args.max_cv_percent / 100;
        result = compare_reports(baseline, contender, options);
    } catch (const std::exception& e) {
        // report_error names the file and the JSON path. Anything else is still about the
        // input, and must not exit 1, which a gate would read as "regression".
        std::cerr << "psem-bench compare: " << e.what() << '\n';
        return exit_usage;
    }
    const std::string text = render(result, args.format);
    // The file is for machines or the pull request; the log still shows the outcome.
    const std::string log_text = args.format == "table" ? text : render_comparison_table(result);
    if (const int rc = emit_output("compare", args.out, text, log_text); rc != exit_ok) return rc;
    return result.regressions == 0 ? exit_ok : exit_failed;
}

}  // namespace psem::bench::cli
