// Runs programs for the compare integration tests through the shared, shell-free helper
// (tests/support/bench_process.hpp): argv as a vector, exit code, stdout and stderr apart
// (the gate reads the exit code; people read the text).
#pragma once

#include "test_paths.hpp"
#include "bench_process.hpp"

#include <string>
#include <vector>

namespace compare_itest {

using command_result = psem_test::process_result;
using scratch_dir = psem_test::temp_dir;
using psem_test::read_file;
using psem_test::run_process;

inline std::string fixture(const std::string& name) {
    std::string path = PSEM_FIXTURES_DIR;  // piecewise: GCC 12 warns falsely on literal + string
    return path.append("/compare/").append(name);
}

/// `psem-bench compare` with these arguments.
template <class... Args>
command_result bench_compare(const Args&... args) {
    return run_process({PSEM_BENCH_EXE, "compare", std::string(args)...});
}

}  // namespace compare_itest
