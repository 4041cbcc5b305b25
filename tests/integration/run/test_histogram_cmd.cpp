// psem-bench histogram, through the real binary: a pingpong run's histograms merged over
// its repetitions and over two reports, HdrHistogram's table, JSON, and bad input.
#include "test_paths.hpp"
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bench_process.hpp"

#include <fstream>
#include <sstream>

using psem_test::read_file;
using psem_test::run_process;
using psem_test::temp_dir;

namespace {

const std::string bench = PSEM_BENCH_EXE;

class HistogramCmd : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new temp_dir();
        std::ofstream(dir_->file("pp.json"))
            << R"({"schema_version": 1, "name": "pp", "workload": "pingpong", "ops_per_worker": 500,
                  "repetitions": 2, "timeout_s": 60})";
        for (const char* out : {"a.json", "b.json"}) {
            const auto r = run_process({bench, "run", dir_->file("pp.json"), "--out", dir_->file(out), "--progress",
                                        "never", "--format", "json"});
            ASSERT_EQ(r.exit_code, 0) << r.err;
        }
    }
    static void TearDownTestSuite() {
        delete dir_;
        dir_ = nullptr;
    }
    static inline temp_dir* dir_ = nullptr;
};

TEST_F(HistogramCmd, PrintsHdrHistogramsTableMergedOverRepetitions) {
    const auto r = run_process({bench, "histogram", dir_->file("a.json")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("# pingpong/processes:2/threads:1: 2 histograms merged"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("       Value     Percentile TotalCount 1/(1-Percentile)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Total count    =         1000]"), std::string::npos) << r.out;  // 2 x 500 round trips
    EXPECT_NE(r.out.find("#[Buckets =           32, SubBuckets     =         2048]"), std::string::npos) << r.out;
    // The last line is the 100% step, without the 1/(1-p) column.
    std::istringstream lines(r.out);
    std::string line, last_step;
    while (std::getline(lines, line))
        if (!line.empty() && line[0] != '#') last_step = line;
    EXPECT_NE(last_step.find("1.000000000000       1000"), std::string::npos) << last_step;
}

TEST_F(HistogramCmd, MergesOverReportsAndWritesJson) {
    const auto r = run_process({bench, "histogram", dir_->file("a.json"), dir_->file("b.json"), "--format", "json",
                                "--benchmark", "pingpong/processes:2/threads:1"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["benchmarks"].size(), 1u);
    const auto& b = j["benchmarks"][0];
    EXPECT_EQ(b["histograms"], 4);
    EXPECT_EQ(b["total_count"], 2000);
    EXPECT_EQ(b["percentiles"].back()["percentile"], 100.0);
    EXPECT_EQ(b["percentiles"].back()["total_count"], 2000);
    EXPECT_EQ(b["latency_histogram"].get<std::string>().substr(0, 5), "HISTF");
}

TEST_F(HistogramCmd, BadInputExitsTwoNamingTheFileAndEntry) {
    auto doc = nlohmann::json::parse(read_file(dir_->file("a.json")));
    doc["benchmarks"][1]["latency_histogram"] = "HISTFAAAAAAA";
    std::ofstream(dir_->file("bad.json")) << doc.dump();
    auto r = run_process({bench, "histogram", dir_->file("bad.json")});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("bad.json: /benchmarks/1/latency_histogram: not an HdrHistogram"), std::string::npos) << r.err;
    r = run_process({bench, "histogram", dir_->file("a.json"), "--benchmark", "nope"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("no benchmark \"nope\""), std::string::npos) << r.err;
    r = run_process({bench, "histogram", dir_->file("missing.json")});
    EXPECT_EQ(r.exit_code, 2);
}

}  // namespace
