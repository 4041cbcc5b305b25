// psem-bench merge end to end: it pools real reports as scripts/ci-gate --record's Python
// did (record_pool_reference.py, run here on the same files), field by field; compare
// reads the result as it reads the directory; the numbering and the family indices of
// reports of different scenarios. Bad input: tests/integration/bad_input/test_bad_merge.cpp.
#include "test_paths.hpp"
#include "bench_process.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace {

using namespace psem_test;
namespace fs = std::filesystem;
using nlohmann::json;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Every JSON path where `a` and `b` differ (objects by key, arrays by position; numbers by
// value, so 25 and 25.0 are equal).
void differences(const json& a, const json& b, const std::string& path, std::vector<std::string>& out) {
    if (a.is_object() && b.is_object()) {
        for (const auto& [k, v] : a.items())
            if (!b.contains(k)) out.push_back(path + "/" + k + " (only in the first)");
            else differences(v, b.at(k), path + "/" + k, out);
        for (const auto& [k, v] : b.items())
            if (!a.contains(k)) out.push_back(path + "/" + k + " (only in the second)");
        return;
    }
    if (a.is_array() && b.is_array()) {
        if (a.size() != b.size()) out.push_back(path + " (length " + std::to_string(a.size()) + " vs " +
                                                std::to_string(b.size()) + ")");
        for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
            differences(a[i], b[i], path + "/" + std::to_string(i), out);
        return;
    }
    if (a != b) out.push_back(path + ": " + a.dump() + " vs " + b.dump());
}

class MergeCmd : public testing::Test {
protected:
    void SetUp() override {
        fs::create_directories(dir_.path() / "scenarios");
        fs::create_directories(dir_.path() / "rounds");
        scenario("pw.json", "merge-pw", 1, 2);
        scenario("pw2.json", "merge-pw2", 2, 3);
    }

    void scenario(const std::string& file, const std::string& name, int processes, int repetitions) const {
        std::ofstream(dir_.path() / "scenarios" / file)
            << R"({"schema_version": 1, "name": ")" << name << R"(", "workload": "postwait", "processes": )"
            << processes << R"(, "ops_per_worker": 5000, "repetitions": )" << repetitions << R"(, "timeout_s": 60})";
    }

    // One `psem-bench run` of `what` (repetitions > 1: with aggregates) into `out`.
    void run(const std::string& what, const std::string& out) const {
        const auto r = run_process({PSEM_BENCH_EXE, "run", what, "--progress", "never", "--out", out});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }

    [[nodiscard]] std::string rounds() const { return dir_.file("rounds"); }

    temp_dir dir_;
};

TEST_F(MergeCmd, PoolsAsTheRecordScriptDidFieldByField) {
    // What --record ran: rounds of the whole set, one report each.
    for (const char* name : {"round-001.json", "round-002.json", "round-003.json"})
        run(dir_.file("scenarios"), rounds() + "/" + name);
    const std::string ours = dir_.file("merged.json"), theirs = dir_.file("python.json");
    const auto m = run_process({PSEM_BENCH_EXE, "merge", rounds(), "--out", ours});
    ASSERT_EQ(m.exit_code, 0) << m.err;
    EXPECT_EQ(m.out, "");
    const auto py = run_process({"/usr/bin/python3", std::string(PSEM_SOURCE_DIR) +
                                                         "/tests/integration/gate/record_pool_reference.py",
                                 rounds(), theirs});
    ASSERT_EQ(py.exit_code, 0) << py.err;

    const json a = json::parse(read_file(ours)), b = json::parse(read_file(theirs));
    std::vector<std::string> diff;
    differences(a, b, "", diff);
    EXPECT_TRUE(diff.empty()) << testing::PrintToString(diff);
    // And what that is: 3 x (2 + 3) repetitions, no aggregate, renumbered per benchmark.
    EXPECT_EQ(a["context"]["psem"]["recorded_runs"], 3);
    ASSERT_EQ(a["benchmarks"].size(), 15u);
    std::map<std::string, int> next;
    for (const auto& r : a["benchmarks"]) {
        EXPECT_EQ(r["run_type"], "iteration");
        const std::string name = r["run_name"];
        EXPECT_EQ(r["repetition_index"], next[name]++) << name;
        EXPECT_EQ(r["repetitions"], name == "postwait/processes:1/threads:1" ? 6 : 9) << name;
    }
}

TEST_F(MergeCmd, ComparePoolsTheMergedFileAsItPoolsTheDirectory) {
    for (const char* name : {"a.json", "b.json"}) run(dir_.file("scenarios"), rounds() + "/" + name);
    const std::string merged = dir_.file("merged.json");
    ASSERT_EQ(run_process({PSEM_BENCH_EXE, "merge", rounds(), "--out", merged}).exit_code, 0);
    const auto from_dir = run_process({PSEM_BENCH_EXE, "compare", rounds(), rounds(), "--format", "json"});
    const auto from_file = run_process({PSEM_BENCH_EXE, "compare", merged, rounds(), "--format", "json"});
    ASSERT_EQ(from_dir.exit_code, 0) << from_dir.err;
    ASSERT_EQ(from_file.exit_code, 0) << from_file.err;
    const json d = json::parse(from_dir.out), f = json::parse(from_file.out);
    ASSERT_EQ(d["benchmarks"].size(), 2u);
    ASSERT_EQ(f["benchmarks"].size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        EXPECT_EQ(f["benchmarks"][i]["baseline"]["samples_ns"], d["benchmarks"][i]["baseline"]["samples_ns"]);
        EXPECT_EQ(f["benchmarks"][i]["baseline"]["median_ns"], d["benchmarks"][i]["baseline"]["median_ns"]);
    }
}

// The rounds of an interleaved job are one report per file. Merged, each scenario keeps a
// family index of its own, as Google Benchmark numbers families (the Python kept every
// input's own index, 0 for each of these); files and directories mix as arguments.
TEST_F(MergeCmd, ReportsOfDifferentScenariosKeepTheirFamiliesApart) {
    run(dir_.file("scenarios/pw.json"), rounds() + "/round-001-pw.json");
    run(dir_.file("scenarios/pw2.json"), rounds() + "/round-001-pw2.json");
    const std::string extra = dir_.file("extra.json");
    run(dir_.file("scenarios/pw.json"), extra);
    const std::string merged = dir_.file("merged.json");
    const auto m = run_process({PSEM_BENCH_EXE, "merge", rounds(), extra, "--out", merged});
    ASSERT_EQ(m.exit_code, 0) << m.err;
    const json a = json::parse(read_file(merged));
    EXPECT_EQ(a["context"]["psem"]["recorded_runs"], 3);
    ASSERT_EQ(a["benchmarks"].size(), 7u);  // 2 + 3 + 2
    for (const auto& r : a["benchmarks"]) {
        const bool one = r["run_name"] == "postwait/processes:1/threads:1";
        EXPECT_EQ(r["family_index"], one ? 0 : 1);
        EXPECT_EQ(r["repetitions"], one ? 4 : 3);
    }
    // The first input's context: its scenario list names pw.json alone.
    ASSERT_EQ(a["context"]["psem"]["scenarios"].size(), 1u);
    EXPECT_TRUE(has(a["context"]["psem"]["scenarios"][0]["file"], "pw.json"));
}

}  // namespace
