// psem-bench import go: Go's benchmark output (`go test -bench`) as a report, so that the
// Go twin of the original benchmark (reference/go-twin) can be compared, lined up and put
// in the laptop table beside our runs.
#include "cli/commands.hpp"
#include "analysis/aggregate.hpp"
#include "io/atomic_write.hpp"
#include "io/go_bench_reader.hpp"
#include "io/json_writer.hpp"
#include "io/report_error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <stdexcept>
#include <sstream>

namespace psem::bench::cli {
namespace {

std::string read_go_input(const std::string& file) {
    std::ostringstream text;
    if (file == "-") {
        text << std::cin.rdbuf();
        if (std::cin.bad()) throw report_error("<stdin>", "", "cannot read standard input");
        return text.str();
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) throw report_error(file, "", fmt::format("cannot open: {}", std::strerror(errno)));
    text << in.rdbuf();
    if (in.bad()) throw report_error(file, "", "cannot read");
    return text.str();
}

// --rename GO_NAME=NAME: each must name a benchmark of the input (a typo would otherwise
// leave the Go name and the comparison would silently miss it), and no two Go names may
// end up as one.
void apply_renames(report& r, const std::vector<std::string>& renames) {
    std::map<std::string, std::string> to;
    for (const std::string& spec : renames) {
        const std::size_t eq = spec.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size())
            throw std::invalid_argument(fmt::format("--rename {}: expected GO_NAME=NAME", spec));
        if (!to.emplace(spec.substr(0, eq), spec.substr(eq + 1)).second)
            throw std::invalid_argument(fmt::format("--rename {}: {} renamed twice", spec, spec.substr(0, eq)));
    }
    std::set<std::string> go_names;
    for (const run_record& b : r.benchmarks) go_names.insert(b.run_name);
    for (const auto& [from, target] : to)
        if (!go_names.contains(from))
            throw std::invalid_argument(fmt::format("--rename {}={}: the input has no benchmark {}", from, target, from));
    std::map<std::string, std::string> origin;  // final name -> Go name
    for (const std::string& g : go_names) {
        const auto it = to.find(g);
        const std::string final_name = it == to.end() ? g : it->second;
        if (const auto [o, fresh] = origin.emplace(final_name, g); !fresh)
            throw std::invalid_argument(
                fmt::format("--rename: {} and {} would both be called {}", o->second, g, final_name));
    }
    for (run_record& b : r.benchmarks)
        if (const auto it = to.find(b.run_name); it != to.end()) b.name = b.run_name = it->second;
}

}  // namespace

int import_go(const import_go_args& args) {
    report rep;
    try {
        const std::string source = args.file == "-" ? "<stdin>" : args.file;
        rep = parse_go_bench(read_go_input(args.file), source);
        apply_renames(rep, args.renames);
        rep.benchmarks = with_aggregates(rep.benchmarks);
        if (args.out.empty())
            std::cout << to_json_string(rep);
        else
            write_report_atomically(args.out, rep);
    } catch (const std::exception& e) {
        std::cerr << "psem-bench import go: " << e.what() << '\n';
        return exit_usage;
    }
    const auto failed = std::count_if(rep.benchmarks.begin(), rep.benchmarks.end(),
                                      [](const run_record& b) { return b.error_occurred; });
    const auto iterations = std::count_if(rep.benchmarks.begin(), rep.benchmarks.end(),
                                          [](const run_record& b) { return b.run_type == "iteration"; });
    if (!args.out.empty())
        std::cerr << fmt::format("psem-bench import go: {} results ({} failed) written to {}\n", iterations, failed,
                                 args.out);
    if (failed > 0) {
        std::cerr << fmt::format("psem-bench import go: {} result(s) Go reported as failed (--- FAIL)\n", failed);
        return exit_failed;
    }
    return exit_ok;
}

}  // namespace psem::bench::cli
