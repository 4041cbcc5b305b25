// psem-bench compare: read two reports (or two directories of reports, pooled or paired
// round by round), compare, render, and exit 0 (no regression), 1 (regression) or 2 (bad input or usage).
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

// A directory stands for every *.json in it, in file name order: the A (or B) runs of an
// interleaved job, one report per round.
std::vector<report> read_rounds(const std::string& arg) {
    const fs::path path(arg);
    std::error_code ec;
    if (!fs::is_directory(path, ec)) return {read_one(path)};
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(path, ec))
        if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
    if (ec) throw report_error(arg, "", "cannot list the directory: " + ec.message());
    if (files.empty()) throw report_error(arg, "", "directory holds no *.json report");
    std::sort(files.begin(), files.end());
    std::vector<report> reports;
    for (const fs::path& f : files) reports.push_back(read_one(f));
    return reports;
}

// Pooled, a directory's rounds become one side with all their repetitions.
comparison compare_pooled(const compare_args& args, const compare_options& options) {
    return compare_reports(pool_reports(read_rounds(args.baseline)), pool_reports(read_rounds(args.contender)),
                           options);
}

// Paired, round i of the baseline goes with round i of the contender: both must be
// directories with as many reports.
comparison compare_paired(const compare_args& args, const compare_options& options) {
    for (const std::string& a : {args.baseline, args.contender}) {
        std::error_code ec;
        if (!fs::is_directory(a, ec))
            throw report_error(a, "", "--paired needs two directories of round reports, and this is not one");
    }
    const std::vector<report> base = read_rounds(args.baseline);
    const std::vector<report> cont = read_rounds(args.contender);
    if (base.size() != cont.size())
        throw report_error(args.contender, "",
                           "--paired: " + std::to_string(cont.size()) + " round reports here, but " +
                               std::to_string(base.size()) + " in the baseline " + args.baseline);
    return compare_paired_rounds(base, cont, options);
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
        compare_options options;
        options.threshold = args.threshold_percent / 100;
        options.alpha = args.alpha;
        options.max_cv = args.max_cv_percent / 100;
        result = args.paired ? compare_paired(args, options) : compare_pooled(args, options);
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
