// psem-bench import go, the real binary on real `go test -bench` output captured from
// reference/go-twin (tests/fixtures/go/README.md says how): every result line's ns/op
// lands in the report unchanged, the aggregates are there, and compare and side-by-side
// accept the report. Then the failures: malformed lines, a failed benchmark, --rename.
#include "test_paths.hpp"
#include "bench_process.hpp"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

using psem_test::run_process;

const std::string go_fixtures = std::string(PSEM_FIXTURES_DIR) + "/go/";
const std::string twin_output = go_fixtures + "gotwin-count3-cpu1-2.txt";

psem_test::process_result bench(const std::vector<std::string>& args) {
    std::vector<std::string> argv{PSEM_BENCH_EXE};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv);
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The fixture's result lines read here independently of psem-bench: name -> ns/op in order.
std::map<std::string, std::vector<double>> ns_per_op_in(const std::string& file) {
    std::map<std::string, std::vector<double>> out;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("Benchmark", 0) != 0) continue;
        std::istringstream words(line);
        std::string name, n, value, unit;
        words >> name >> n >> value >> unit;
        if (unit == "ns/op") out[name].push_back(std::stod(value));
    }
    return out;
}

nlohmann::json read_json(const std::string& file) { return nlohmann::json::parse(psem_test::read_file(file)); }

TEST(ImportGo, RealTwinOutputKeepsEveryNsPerOp) {
    const psem_test::temp_dir dir;
    const std::string out = dir.file("go.json");
    const auto r = bench({"import", "go", twin_output, "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(has(r.err, "12 results (0 failed) written to")) << r.err;

    const auto expected = ns_per_op_in(twin_output);
    ASSERT_EQ(expected.size(), 4U);  // BenchmarkPostWait, -2, ...Parallel, -2
    const nlohmann::json report = read_json(out);
    std::map<std::string, std::vector<double>> got;
    std::map<std::string, double> medians;
    for (const auto& b : report.at("benchmarks")) {
        if (b.at("run_type") == "iteration") {
            EXPECT_EQ(b.at("repetition_index").get<int>(), static_cast<int>(got[b.at("run_name")].size()));
            EXPECT_EQ(b.at("repetitions"), 3);
            got[b.at("run_name")].push_back(b.at("real_time").get<double>());
        } else if (b.at("aggregate_name") == "median") {
            medians[b.at("run_name")] = b.at("real_time").get<double>();
        }
    }
    EXPECT_EQ(got, expected);
    for (const auto& [name, values] : expected) {
        std::vector<double> v = values;
        std::sort(v.begin(), v.end());
        EXPECT_DOUBLE_EQ(medians.at(name), v[1]) << name;
    }
    EXPECT_EQ(report.at("context").at("psem").at("go_config").at("pkg"), "psem.invalid/gotwin");
    EXPECT_EQ(report.at("context").at("psem").at("cpu_model"), "AMD EPYC");
}

TEST(ImportGo, CompareAndSideBySideAcceptTheReport) {
    const psem_test::temp_dir dir;
    const std::string out = dir.file("go.json");
    ASSERT_EQ(bench({"import", "go", twin_output, "--out", out}).exit_code, 0);

    const auto cmp = bench({"compare", out, out});
    EXPECT_EQ(cmp.exit_code, 0) << cmp.out << cmp.err;
    EXPECT_TRUE(has(cmp.out, "BenchmarkPostWaitParallel-2")) << cmp.out;

    const auto sbs = bench({"side-by-side", out, out, "--format", "markdown"});
    EXPECT_EQ(sbs.exit_code, 0) << sbs.out << sbs.err;
    EXPECT_TRUE(has(sbs.out, "| BenchmarkPostWait-2 |")) << sbs.out;
    EXPECT_TRUE(has(sbs.out, "CPU AMD EPYC")) << sbs.out;
}

TEST(ImportGo, RenamedBenchmarksLineUpWithTheLaptopReference) {
    const psem_test::temp_dir dir;
    const std::string out = dir.file("go.json");
    const auto r = bench({"import", "go", twin_output, "--out", out, "--rename",
                          "BenchmarkPostWait-2=postwait/processes:1/threads:1", "--rename",
                          "BenchmarkPostWaitParallel-2=postwait/processes:1/threads:8"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string reference = std::string(PSEM_SOURCE_DIR) + "/results/reference/laptop-go.json";
    const auto sbs = bench({"side-by-side", reference, out, "--format", "json"});
    ASSERT_EQ(sbs.exit_code, 0) << sbs.err;
    const nlohmann::json j = nlohmann::json::parse(sbs.out);
    int matched = 0;
    for (const auto& row : j.at("benchmarks"))
        if (!row.at("reports").at(0).is_null() && !row.at("reports").at(1).is_null()) ++matched;
    EXPECT_EQ(matched, 2) << sbs.out;
}

TEST(ImportGo, MalformedLineExitsTwoNamingFileAndLine) {
    const psem_test::temp_dir dir;
    // The real output with its 7th line cut short, as a truncated copy would be.
    std::istringstream in(psem_test::read_file(twin_output));
    std::ostringstream bad;
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) bad << (n == 7 ? line.substr(0, 40) : line) << '\n';
    const std::string file = dir.file("truncated.txt");
    std::ofstream(file) << bad.str();
    const std::string out = dir.file("go.json");
    const auto r = bench({"import", "go", file, "--out", out});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(has(r.err, file + ": line 7: ")) << r.err;
    EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(ImportGo, UnreadableAndEmptyInputExitTwo) {
    const auto missing = bench({"import", "go", go_fixtures + "no-such-file.txt"});
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_TRUE(has(missing.err, "no-such-file.txt: cannot open")) << missing.err;
    // Standard input is /dev/null here: no result line.
    const auto empty = bench({"import", "go", "-"});
    EXPECT_EQ(empty.exit_code, 2);
    EXPECT_TRUE(has(empty.err, "<stdin>: no benchmark result line")) << empty.err;
}

TEST(ImportGo, AFailedGoBenchmarkIsRecordedAndExitsOne) {
    const psem_test::temp_dir dir;
    const std::string out = dir.file("go.json");
    const auto r = bench({"import", "go", go_fixtures + "failing-bench.txt", "--out", out});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    const nlohmann::json report = read_json(out);
    int failed = 0, good = 0;
    for (const auto& b : report.at("benchmarks")) {
        if (b.at("run_type") != "iteration") continue;
        if (b.value("error_occurred", false)) {
            EXPECT_EQ(b.at("run_name"), "BenchmarkBad-2");
            ++failed;
        } else {
            ++good;
        }
    }
    EXPECT_EQ(failed, 2);
    EXPECT_EQ(good, 4);  // BenchmarkOk-2 and BenchmarkLog-2, twice each
}

TEST(ImportGo, ARenameOfNoBenchmarkIsAnError) {
    const auto r = bench({"import", "go", twin_output, "--rename", "BenchmarkPostWait-8=postwait"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(has(r.err, "the input has no benchmark BenchmarkPostWait-8")) << r.err;
    const auto both = bench({"import", "go", twin_output, "--rename", "BenchmarkPostWait-2=BenchmarkPostWait"});
    EXPECT_EQ(both.exit_code, 2);
    EXPECT_TRUE(has(both.err, "would both be called BenchmarkPostWait")) << both.err;
}

}  // namespace
