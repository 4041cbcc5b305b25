// The laptop tests' names for the shared process helpers (tests/support/bench_process.hpp):
// argv without a shell, stdout and stderr apart, a kill after a generous timeout.
#pragma once

#include "bench_process.hpp"

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace laptop_itest {

namespace fs = std::filesystem;

using scratch_dir = psem_test::temp_dir;
using tool_result = psem_test::process_result;

inline std::string slurp(const fs::path& p) { return psem_test::read_file(p); }

inline tool_result run_tool(const std::vector<std::string>& argv,
                            std::chrono::seconds timeout = std::chrono::seconds(240)) {
    return psem_test::run_process(argv, {}, timeout);
}

/// What the psem-bench process `pid` left in /dev/shm.
inline std::vector<std::string> leftovers(pid_t pid) { return psem_test::bench_leftovers(pid); }

inline bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace laptop_itest
