// psem-bench compare: read two reports (or two directories of reports, pooled), compare,
// render, and exit 0 (no regression), 1 (regression) or 2 (bad input or usage).
#include "cli/commands.hpp"
#include "compare/compare.hpp"
#include "report/atomic_write.hpp"
#include "report/compare_render.hpp"
#include "report/json_reader.hpp"
#include "report/report_error.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <sstream>

namespace fs = std::filesystem;

namespace psem::bench::cli {
namespace {

report read_one(const fs::path& file) {
    report r = read_report(file);
    // An empty list would compare nothing and pass the gate: that is a broken input.
    if (r.benchmarks.empty()) throw report_error(file.string(), "/benchmarks", "empty: no benchmark to compare");
    return r;
}

// A directory stands for every *.json in it, pooled: the A (or B) runs of an interleaved
// job, each a separate report, become one side with all their repetitions.
report read_side(const std::string& arg) {
    const fs::path path(arg);
    std::error_code ec;
    if (!fs::is_directory(path, ec)) return read_one(path);
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(path, ec))
        if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
    if (ec) throw report_error(arg, "", "cannot list the directory: " + ec.message());
    if (files.empty()) throw report_error(arg, "", "directory holds no *.json report");
    std::sort(files.begin(), files.end());
    std::vector<report> reports;
    for (const fs::path& f : files) reports.push_back(read_one(f));
    return pool_reports(reports);
}

std::string render(const comparison& c, const std::string& format) {
    if (format == "json") return render_comparison_json(c);
    if (format == "markdown") return render_comparison_markdown(c);
    return render_comparison_table(c);
}

}  // namespace

int compare(const compare_args& args) {
    comparison result;
    try {
        const report baseline = read_side(args.baseline);
        const report contender = read_side(args.contender);
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
    if (args.out.empty()) {
        std::cout << text;
    } else {
        try {
            write_file_atomically(args.out, text);
        } catch (const report_error& e) {
            std::cerr << "psem-bench compare: " << e.what() << '\n';
            return exit_usage;
        }
        // The file is for machines or the pull request; the log still shows the outcome.
        if (args.format != "table") std::cout << render_comparison_table(result);
        else std::cout << text;
    }
    return result.regressions == 0 ? exit_ok : exit_failed;
}

}  // namespace psem::bench::cli
