// cli/report_input.cpp - see report_input.hpp.
#include "cli/report_input.hpp"

#include "cli/commands.hpp"
#include "analysis/compare.hpp"
#include "io/atomic_write.hpp"
#include "io/json_reader.hpp"
#include "io/report_error.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <vector>

namespace fs = std::filesystem;

namespace psem::bench::cli {

report read_report_file(const fs::path& file) {
    report r = read_report(file);
    // An empty list would compare nothing and pass the gate: that is a broken input.
    if (r.benchmarks.empty()) throw report_error(file.string(), "/benchmarks", "empty: no benchmark to compare");
    return r;
}

std::vector<fs::path> report_files(const std::string& arg) {
    const fs::path path(arg);
    std::error_code ec;
    if (!fs::is_directory(path, ec)) return {path};
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(path, ec))
        if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
    if (ec) throw report_error(arg, "", "cannot list the directory: " + ec.message());
    if (files.empty()) throw report_error(arg, "", "directory holds no *.json report");
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<report> read_report_rounds(const std::string& arg) {
    std::vector<report> reports;
    for (const fs::path& f : report_files(arg)) reports.push_back(read_report_file(f));
    return reports;
}

report read_report_argument(const std::string& arg) { return pool_reports(read_report_rounds(arg)); }

int emit_output(const char* command, const std::string& out, const std::string& text, const std::string& log_text) {
    if (out.empty()) {
        std::cout << text;
        return exit_ok;
    }
    try {
        write_file_atomically(out, text);
    } catch (const report_error& e) {
        std::cerr << "psem-bench " << command << ": " << e.what() << '\n';
        return exit_usage;
    }
    std::cout << log_text;
    return exit_ok;
}

}  // namespace psem::bench::cli
