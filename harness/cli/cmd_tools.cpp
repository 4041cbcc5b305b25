// psem-bench validate | list | context | cleanup.
#include "cli/commands.hpp"
#include "cli/install_paths.hpp"
#include "cli/load.hpp"
#include "context/context.hpp"
#include "run/names.hpp"
#include "run/spawn.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>

namespace fs = std::filesystem;

namespace psem::bench::cli {

int validate(const std::vector<std::string>& paths, const std::vector<std::string>& sets) {
    const loaded in = load_points(paths, sets, 0);
    for (const auto& e : in.errors) std::cerr << e << '\n';
    for (const auto& sc : in.scenarios) {
        std::size_t n = 0;
        for (const auto& p : in.points) if (p.config.source_file == sc.source_file) ++n;
        std::cout << fmt::format("ok: {} ({}, {} run point{})\n", sc.source_file, sc.name, n, n == 1 ? "" : "s");
    }
    return in.errors.empty() ? exit_ok : exit_usage;
}

namespace {

// ./scenarios when run from a checkout, else the set installed with the package.
fs::path default_scenario_dir() {
    std::error_code ec;
    if (fs::is_directory("scenarios", ec)) return "scenarios";
#ifdef PSEM_SCENARIO_INSTALL_DIR
    return PSEM_SCENARIO_INSTALL_DIR;
#else
    return "scenarios";
#endif
}

void list_dir(const fs::path& dir, int& count, int& bad) {
    for (const auto& file : scenario_files(dir)) {
        const parse_result r = load_scenario(file);
        if (r.ok()) {
            const scenario& sc = *r.value;
            std::cout << fmt::format("{:<40} {:<18} {}\n", file.string(), sc.workload, sc.description);
        } else {
            std::cout << fmt::format("{:<40} {:<18} INVALID: {}\n", file.string(), "?",
                                     r.errors.empty() ? "" : r.errors.front().to_string());
            ++bad;
        }
        ++count;
    }
}

}  // namespace

int list(const std::string& dir_arg) {
    const fs::path dir = dir_arg.empty() ? default_scenario_dir() : fs::path(dir_arg);
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        std::cerr << "psem-bench list: " << dir.string() << ": not a directory\n";
        return exit_usage;
    }
    int count = 0, bad = 0;
    list_dir(dir, count, bad);
    std::vector<fs::path> subdirs;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.is_directory()) subdirs.push_back(e.path());
    std::sort(subdirs.begin(), subdirs.end());
    for (const auto& d : subdirs) list_dir(d, count, bad);
    if (count == 0) std::cerr << "psem-bench list: no scenarios under " << dir.string() << '\n';
    return bad == 0 ? exit_ok : exit_usage;
}

int context() {
    std::cout << collect_context(self_executable()).dump(2) << '\n';
    return exit_ok;
}

int cleanup() {
    const cleanup_result r = cleanup_stale_objects();
    for (const auto& n : r.removed) std::cout << "removed /dev/shm/" << n << '\n';
    for (const auto& n : r.kept) std::cout << "kept /dev/shm/" << n << " (its run is still going)\n";
    for (const auto& n : r.failed) std::cerr << "psem-bench cleanup: " << n << '\n';
    if (r.removed.empty() && r.failed.empty()) std::cout << "nothing to clean up\n";
    return r.failed.empty() ? exit_ok : exit_failed;
}

}  // namespace psem::bench::cli
