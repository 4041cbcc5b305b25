// Files: the shipped scenarios all parse, the bad-scenario corpus all fails with its
// expected message, directory listing, file loading, and the host headroom probe.
#include "test_paths.hpp"
#include "helpers.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>
#include <set>

namespace psem::bench {
namespace {

namespace fs = std::filesystem;
using testing::messages;

const fs::path source_dir = PSEM_SOURCE_DIR;
const fs::path corpus_dir = fs::path(PSEM_FIXTURES_DIR) / "bad-scenarios";

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A fresh directory under the build's temporary area, removed afterwards.
class TempDir : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("psem-scenario-test-" + std::to_string(getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    void write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }
    fs::path dir_;
};

TEST(ShippedScenarios, EveryFileParsesAndExpands) {
    std::size_t count = 0;
    for (const char* sub : {"", "ci", "default", "sweeps", "laptop"}) {
        for (const auto& file : scenario_files(source_dir / "scenarios" / sub)) {
            ++count;
            const auto r = load_scenario(file);
            ASSERT_TRUE(r.ok()) << messages(r);
            const auto points = expand_sweep(*r.value);
            EXPECT_TRUE(points.errors.empty()) << messages(points.errors);
            EXPECT_FALSE(points.points.empty()) << file;
            EXPECT_EQ(r.value->source_sha256.size(), 64u);
        }
    }
    EXPECT_GE(count, 25u);
}

TEST(ShippedScenarios, TheNamedFilesExist) {
    for (const char* name : {"postwait", "postwait-parallel-threads", "postwait-parallel-procs", "pingpong",
                             "producer-consumer", "contention-sweep", "edge-cases"}) {
        EXPECT_TRUE(fs::is_regular_file(source_dir / "scenarios" / (std::string(name) + ".json"))) << name;
    }
}

TEST(ShippedScenarios, SmokeAndDefaultSetsCoverEveryTimedWorkload) {
    for (const char* set : {"ci", "default"}) {
        std::multiset<std::string> workloads;
        std::set<std::string> names;
        for (const auto& file : scenario_files(source_dir / "scenarios" / set)) {
            const auto r = load_scenario(file);
            ASSERT_TRUE(r.ok()) << messages(r);
            workloads.insert(r.value->workload);
            names.insert(r.value->name);
            EXPECT_EQ(r.value->repetitions, 5) << file;
        }
        EXPECT_EQ(workloads, (std::multiset<std::string>{"pingpong", "postwait", "postwait", "producer_consumer"})) << set;
        EXPECT_EQ(names.size(), 4u) << set << ": scenario names must be distinct";
    }
}

TEST(ShippedScenarios, ContentionSweepHasSevenPoints) {
    const auto r = load_scenario(source_dir / "scenarios" / "contention-sweep.json");
    ASSERT_TRUE(r.ok()) << messages(r);
    const auto points = expand_sweep(*r.value);
    ASSERT_EQ(points.points.size(), 7u) << messages(points.errors);
    EXPECT_EQ(points.points.back().benchmark_name, "postwait/processes:64/threads:1");
}

TEST(BadScenarioCorpus, EveryFileFailsWithItsMessage) {
    std::size_t count = 0;
    for (const auto& file : scenario_files(corpus_dir)) {
        ++count;
        fs::path expected_file = file;
        expected_file.replace_extension(".expected");
        ASSERT_TRUE(fs::exists(expected_file)) << "no " << expected_file;
        std::string expected = read_text(expected_file);
        while (!expected.empty() && (expected.back() == '\n' || expected.back() == '\r')) expected.pop_back();
        ASSERT_FALSE(expected.empty()) << expected_file;

        const auto r = load_scenario(file);
        EXPECT_FALSE(r.ok()) << file;
        EXPECT_FALSE(r.errors.empty()) << file;
        EXPECT_NE(messages(r).find(expected), std::string::npos)
            << file.filename() << "\n  expected to contain: " << expected << "\n  got: " << messages(r);
    }
    EXPECT_GE(count, 40u);
}

TEST(BadScenarioCorpus, EveryExpectationHasItsScenario) {
    for (const auto& entry : fs::directory_iterator(corpus_dir)) {
        if (entry.path().extension() != ".expected") continue;
        fs::path json = entry.path();
        json.replace_extension(".json");
        EXPECT_TRUE(fs::exists(json)) << "orphan " << entry.path();
    }
}

TEST_F(TempDir, ListsJsonFilesSortedAndNotRecursively) {
    write("b.json", "{}");
    write("a.json", "{}");
    write("c.txt", "{}");
    write("10.json", "{}");
    fs::create_directories(dir_ / "sub");
    write("sub/d.json", "{}");
    const auto files = scenario_files(dir_);
    ASSERT_EQ(files.size(), 3u);
    EXPECT_EQ(files[0].filename(), "10.json");
    EXPECT_EQ(files[1].filename(), "a.json");
    EXPECT_EQ(files[2].filename(), "b.json");
}

TEST_F(TempDir, AFileIsItsOwnListAndAMissingPathIsEmpty) {
    write("x.txt", "{}");
    EXPECT_EQ(scenario_files(dir_ / "x.txt"), std::vector<fs::path>{dir_ / "x.txt"});
    EXPECT_TRUE(scenario_files(dir_ / "missing").empty());
    EXPECT_TRUE(scenario_files(dir_ / "sub-missing" / "y.json").empty());
}

TEST_F(TempDir, LoadReportsUnreadablePaths) {
    const std::string missing = (dir_ / "missing.json").string();
    EXPECT_EQ(messages(load_scenario(missing)), missing + ": cannot read: No such file or directory");
    EXPECT_EQ(messages(load_scenario(dir_)), dir_.string() + ": is a directory; expected a scenario file");
    write("big.json", std::string((1 << 20) + 1, ' '));
    EXPECT_EQ(messages(load_scenario(dir_ / "big.json")),
              (dir_ / "big.json").string() + ": file too large (1048577 bytes; a scenario is at most 1048576)");
}

TEST_F(TempDir, LoadHashesTheExactBytes) {
    const std::string text = "{\"schema_version\": 1, \"name\": \"t\", \"workload\": \"postwait\"}\r\n";
    write("t.json", text);
    const auto from_file = load_scenario(dir_ / "t.json");
    ASSERT_TRUE(from_file.ok()) << messages(from_file);
    EXPECT_EQ(from_file.value->source_sha256, parse_scenario(text).value->source_sha256);
    EXPECT_EQ(from_file.value->source_file, (dir_ / "t.json").string());
}

TEST(Headroom, IsKnownAndPositiveOnLinux) {
    // threads-max and pid_max always exist on Linux, so even as root there is an answer.
    const auto room = process_headroom();
    ASSERT_TRUE(room.has_value());
    EXPECT_GT(*room, 0);
}

TEST(Headroom, TheLargestWorkerCountIsRefused) {
    const auto r = parse_scenario(testing::doc(R"(, "processes": 4096, "threads_per_process": 256)"), "t.json");
    EXPECT_NE(messages(r).find("t.json: /processes: 1048576 workers (4096 processes x 256 threads) exceed what this "
                               "host can still start"),
              std::string::npos)
        << messages(r);
}

}  // namespace
}  // namespace psem::bench
