// `psem-bench merge` with malformed reports (tests/fixtures/bad-reports): exit exactly 2,
// a message naming the file and what is wrong, and no output file, as for compare.
#include "test_paths.hpp"
#include "bad_input_support.hpp"

namespace bad_input {
namespace {

const fs::path good_report = fs::path(PSEM_FIXTURES_DIR) / "reports" / "psem_small.json";

class BadMerge : public testing::TestWithParam<fs::path> {};

TEST_P(BadMerge, Exits2NamingTheFileWhereverItIs) {
    const std::string file = GetParam().string();
    const std::string expected = expected_for(GetParam());
    ASSERT_FALSE(expected.empty()) << "no .expected for " << file;
    for (const bool bad_first : {true, false}) {
        SCOPED_TRACE(bad_first ? "bad report first" : "bad report second");
        const temp_dir dir;
        const std::string out = dir.file("merged.json");
        const auto r = bad_first ? bench({"merge", file, good_report.string(), "--out", out})
                                 : bench({"merge", good_report.string(), file, "--out", out});
        ASSERT_FALSE(r.timed_out);
        EXPECT_EQ(r.code, 2) << r.err;
        EXPECT_TRUE(contains(r.err, "psem-bench merge: " + file + ": "));
        EXPECT_TRUE(contains(r.err, expected));
        EXPECT_TRUE(dir.entries().empty()) << testing::PrintToString(dir.entries());
    }
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadMerge, testing::ValuesIn(fixtures("bad-reports")), param_name);

TEST(BadMergeInput, ABadFileInADirectoryExits2NamingIt) {
    const temp_dir dir;
    fs::create_directories(dir.path() / "rounds");
    fs::copy_file(good_report, dir.path() / "rounds" / "a.json");
    fs::copy_file(fs::path(PSEM_FIXTURES_DIR) / "bad-reports" / "missing-real-time.json",
                  dir.path() / "rounds" / "b.json");
    const auto r = bench({"merge", dir.file("rounds"), "--out", dir.file("merged.json")});
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_TRUE(contains(r.err, dir.file("rounds/b.json") + ": /benchmarks/0/real_time: missing"));
    EXPECT_FALSE(fs::exists(dir.file("merged.json")));
}

// A Google Benchmark file written with --benchmark_report_aggregates_only has no
// repetition: pooled without its aggregates, it would be an empty baseline.
TEST(BadMergeInput, AggregatesOnlyExits2) {
    const temp_dir dir;
    const fs::path gb = fs::path(PSEM_FIXTURES_DIR) / "compare" / "gb_aggregates_only.json";
    const auto r = bench({"merge", good_report.string(), gb.string(), "--out", dir.file("merged.json")});
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_TRUE(contains(r.err, gb.string() + ": /benchmarks: no repetition to merge"));
    EXPECT_TRUE(dir.entries().empty());
}

TEST(BadMergeInput, UsageAndUnwritableOutExit2) {
    const temp_dir dir;
    const auto no_out = bench({"merge", good_report.string()});
    EXPECT_EQ(no_out.code, 2) << no_out.err;
    EXPECT_TRUE(contains(no_out.err, "--out is required"));
    const auto no_input = bench({"merge", "--out", dir.file("m.json")});
    EXPECT_EQ(no_input.code, 2) << no_input.err;
    const auto empty_dir = bench({"merge", dir.path().string(), "--out", dir.file("m.json")});
    EXPECT_EQ(empty_dir.code, 2) << empty_dir.err;
    EXPECT_TRUE(contains(empty_dir.err, dir.path().string() + ": directory holds no *.json report"));
    const auto unwritable = bench({"merge", good_report.string(), "--out", "/proc/psem-merge.json"});
    EXPECT_EQ(unwritable.code, 2) << unwritable.err;
    EXPECT_TRUE(contains(unwritable.err, "/proc/psem-merge.json"));
}

}  // namespace
}  // namespace bad_input
