// Google Benchmark's own tools/compare.py (Debian: libbenchmark-tools) must read two real
// psem-bench reports and list their benchmarks. Where its modules do not import (it needs
// scipy, and on Debian 12 python3-scipy cannot be installed beside libboost1.81-dev), the
// test says so and skips. A second test runs compare.py with a stand-in for scipy, to
// check the part that matters to us, reading our JSON, wherever numpy is there.
#include "test_paths.hpp"
#include "run_command.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace compare_itest;
namespace fs = std::filesystem;

namespace {

fs::path compare_py() {
    if (const char* env = std::getenv("PSEM_GBENCH_COMPARE")) return env;
    for (const char* p : {"/usr/share/benchmark/compare.py", "/usr/share/benchmark/tools/compare.py"})
        if (fs::exists(p)) return p;
    return {};
}

// Debian's python modules are for Debian's interpreter, which may not be first on PATH
// (and the helper runs an absolute path, with no shell to search PATH).
std::string python() {
    for (const char* p : {"/usr/bin/python3", "/usr/local/bin/python3"})
        if (fs::exists(p)) return p;
    return "/usr/bin/python3";
}

// Two real reports of the fastest CI scenario, made once for the whole suite.
class GbenchCompat : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new scratch_dir;
        const std::string scenario = std::string(PSEM_SOURCE_DIR) + "/scenarios/ci/postwait.json";
        for (const char* side : {"a", "b"}) {
            const auto r = run_process({PSEM_BENCH_EXE, "run", scenario, "--repetitions", "3", "--progress", "never",
                                        "--out", (dir_->path() / (std::string(side) + ".json")).string()});
            run_ok_ = run_ok_ && r.exit_code == 0;
            run_log_ += r.out + r.err;
        }
    }
    static void TearDownTestSuite() {
        delete dir_;
        dir_ = nullptr;
    }
    void SetUp() override { ASSERT_TRUE(run_ok_) << run_log_; }

    static std::string report(const char* side) { return (dir_->path() / (std::string(side) + ".json")).string(); }

    static command_result run_compare_py(const std::string& pythonpath) {
        const fs::path script = compare_py();
        return run_process({python(), script.string(), "benchmarks", report("a"), report("b")},
                           {{"PYTHONPATH", pythonpath}});
    }

    static void expect_lists_benchmarks(const command_result& r) {
        EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
        EXPECT_NE(r.out.find("postwait/processes:1/threads:1"), std::string::npos) << r.out;
        EXPECT_NE(r.out.find("postwait/processes:1/threads:1_median"), std::string::npos) << r.out;
        EXPECT_NE(r.out.find("OVERALL_GEOMEAN"), std::string::npos) << r.out;
    }

    static inline scratch_dir* dir_ = nullptr;
    static inline bool run_ok_ = true;
    static inline std::string run_log_;
};

TEST_F(GbenchCompat, ComparePyReadsTwoReports) {
    const fs::path script = compare_py();
    if (script.empty()) GTEST_SKIP() << "compare.py not found (install libbenchmark-tools, or set PSEM_GBENCH_COMPARE)";
    const auto probe = run_process({python(), "-c",
                                    "import sys; sys.path.insert(0, '" + script.parent_path().string() +
                                        "'); import gbench.report"});
    if (probe.exit_code != 0)
        GTEST_SKIP() << "compare.py's modules do not import here (it needs scipy; on Debian 12 python3-scipy "
                        "conflicts with libboost1.81-dev through python3-pythran): "
                     << probe.err.substr(probe.err.rfind('\n', probe.err.size() - 2) + 1);
    expect_lists_benchmarks(run_compare_py(script.parent_path().string()));
}

TEST_F(GbenchCompat, ComparePyParsesOurJsonWithScipyStubbed) {
    const fs::path script = compare_py();
    if (script.empty()) GTEST_SKIP() << "compare.py not found (install libbenchmark-tools, or set PSEM_GBENCH_COMPARE)";
    if (run_process({python(), "-c", "import numpy"}).exit_code != 0) GTEST_SKIP() << "numpy not importable";
    // Only the two scipy functions compare.py uses; their figures are not checked.
    const scratch_dir stub;
    fs::create_directories(stub.path() / "scipy");
    std::ofstream(stub.path() / "scipy" / "__init__.py") << "";
    std::ofstream(stub.path() / "scipy" / "stats.py")
        << "import collections, numpy\n"
           "_R = collections.namedtuple('MannwhitneyuResult', 'statistic pvalue')\n"
           "def mannwhitneyu(x, y, alternative='two-sided', **kw):\n"
           "    return _R(0.0, 0.5)\n"
           "def gmean(a, axis=0, **kw):\n"
           "    with numpy.errstate(divide='ignore'):\n"
           "        return numpy.exp(numpy.mean(numpy.log(numpy.asarray(a, dtype=float)), axis=axis))\n";
    expect_lists_benchmarks(run_compare_py(stub.path().string()));
}

}  // namespace
