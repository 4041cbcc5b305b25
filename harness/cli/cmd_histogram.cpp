// psem-bench histogram: whole latency distributions from reports. Every histogram is
// decoded where it is read, so a bad one is named by its file and entry; then each
// benchmark's are merged over repetitions and reports (analysis/distribution).
#include "analysis/distribution.hpp"
#include "cli/commands.hpp"
#include "cli/report_input.hpp"
#include "io/report_error.hpp"
#include "measure/hdr_codec.hpp"
#include "render/distribution_render.hpp"

#include <fmt/format.h>

#include <iostream>
#include <stdexcept>

namespace psem::bench::cli {
namespace {

// Every histogram of the file decodes, or the file and the entry are named.
void check_histograms(const std::string& file, const report& rep) {
    for (std::size_t i = 0; i < rep.benchmarks.size(); ++i) {
        const run_record& r = rep.benchmarks[i];
        if (!r.latency_histogram.empty() && !decode_histogram(r.latency_histogram))
            throw report_error(file, fmt::format("/benchmarks/{}/latency_histogram", i),
                               "not an HdrHistogram this psem-bench reads (V2 compressed, base64, 1 ns, 3 digits)");
    }
}

}  // namespace

int histogram(const histogram_args& args) {
    std::vector<distribution> result;
    try {
        std::vector<run_record> records;
        for (const std::string& arg : args.reports) {
            for (const auto& file : report_files(arg)) {
                report rep = read_report_file(file);
                check_histograms(file.string(), rep);
                for (auto& r : rep.benchmarks) records.push_back(std::move(r));
            }
        }
        result = distributions(records, args.benchmark);
        if (result.empty())
            throw std::invalid_argument(args.benchmark.empty()
                                            ? "no latency_histogram in these reports (written by psem-bench 0.1.0 "
                                              "from this version on, for workloads that time operations)"
                                            : fmt::format("no benchmark \"{}\" with a latency_histogram", args.benchmark));
    } catch (const std::exception& e) {
        std::cerr << "psem-bench histogram: " << e.what() << '\n';
        return exit_usage;
    }
    const std::string table = render_distribution_table(result);
    const std::string text = args.format == "json" ? render_distribution_json(result) : table;
    return emit_output("histogram", args.out, text, table);
}

}  // namespace psem::bench::cli
