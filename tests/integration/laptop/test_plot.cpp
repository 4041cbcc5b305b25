// scripts/plot on fixture reports: it writes the charts it promises, as real PNG files
// (checked by their 8-byte signature) with SVG twins. Skipped, saying why, where Debian's
// python3-matplotlib is not installed.
#include "test_paths.hpp"
#include "run_tool.hpp"

#include <gtest/gtest.h>

#include <set>

using namespace laptop_itest;

namespace {

const std::string plot = std::string(PSEM_SOURCE_DIR) + "/scripts/plot";
const std::string fixtures = PSEM_FIXTURES_DIR;

bool matplotlib_missing() {
    return run_tool({"/usr/bin/python3", "-c", "import matplotlib"}).exit_code != 0;
}

bool is_png(const fs::path& p) {
    static const std::string signature("\x89PNG\r\n\x1a\n", 8);
    return slurp(p).compare(0, signature.size(), signature) == 0;
}

std::set<std::string> files_in(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
    return names;
}

class Plot : public ::testing::Test {
protected:
    void SetUp() override {
        if (matplotlib_missing())
            GTEST_SKIP() << "/usr/bin/python3 cannot import matplotlib: apt-get install python3-matplotlib";
    }
};

TEST_F(Plot, SweepChartsArePngAndSvg) {
    const scratch_dir out;
    const auto r = run_tool({plot, fixtures + "/sweeps/postwait-processes.json", "--out", out.path().string()});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    const auto names = files_in(out.path());
    for (const char* stem : {"sweep-postwait-processes-throughput", "sweep-postwait-processes-latency",
                             "sweep-postwait-processes-latency-cdf", "latency-cdf"}) {
        EXPECT_TRUE(names.count(std::string(stem) + ".svg")) << stem;
        ASSERT_TRUE(names.count(std::string(stem) + ".png")) << stem;
        EXPECT_TRUE(is_png(out.path() / (std::string(stem) + ".png"))) << stem;
        EXPECT_TRUE(has(r.out, std::string(stem) + ".png")) << r.out;  // it lists what it wrote
    }
}

TEST_F(Plot, LaptopChartAgainstTheShippedReference) {
    const scratch_dir out;
    const auto r = run_tool({plot, fixtures + "/laptop/laptop-run.json", "--out", out.path().string()});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_TRUE(is_png(out.path() / "laptop-vs-reference.png")) << r.out << r.err;
}

TEST_F(Plot, GridWithAFailedPoint) {
    const scratch_dir out;
    const auto r = run_tool({plot, fixtures + "/sweeps/grid.json", "--out", out.path().string()});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_TRUE(is_png(out.path() / "sweep-producer-consumer-throughput.png"));
}

TEST_F(Plot, BadInputExitsTwo) {
    const scratch_dir out;
    const auto r = run_tool({plot, fixtures + "/reports/malformed_not_json.json", "--out", out.path().string()});
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    EXPECT_TRUE(has(r.err, "malformed_not_json.json")) << r.err;
}

}  // namespace
