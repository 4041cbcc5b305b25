// psem-bench merge: pool reports into one stored report, written atomically.
#include "cli/commands.hpp"
#include "cli/merging.hpp"
#include "cli/report_input.hpp"
#include "analysis/merge.hpp"
#include "io/atomic_write.hpp"
#include "io/report_error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace psem::bench::cli {

report merge_report_arguments(const std::vector<std::string>& args) {
    std::vector<report> inputs;
    std::vector<fs::path> files;
    for (const std::string& a : args)
        for (const fs::path& f : report_files(a)) {
            report r = read_report_file(f);
            // A Google Benchmark file of aggregates only has no repetition to pool.
            if (std::none_of(r.benchmarks.begin(), r.benchmarks.end(),
                             [](const run_record& b) { return b.run_type == "iteration"; }))
                throw report_error(f.string(), "/benchmarks",
                                   "no repetition to merge, only aggregates (--benchmark_report_aggregates_only?)");
            inputs.push_back(std::move(r));
            files.push_back(f);
        }
    try {
        return merge_reports(inputs);
    } catch (const std::invalid_argument& e) {  // the first report's context, which the merge keeps
        throw report_error(files.front().string(), "", e.what());
    }
}

int merge(const merge_args& args) {
    report merged;
    try {
        merged = merge_report_arguments(args.reports);
        write_report_atomically(args.out, merged);
    } catch (const std::exception& e) {
        std::cerr << "psem-bench merge: " << e.what() << '\n';
        return exit_usage;
    }
    std::cerr << fmt::format("psem-bench merge: {} benchmark records written to {}\n", merged.benchmarks.size(),
                             args.out);
    return exit_ok;
}

}  // namespace psem::bench::cli
