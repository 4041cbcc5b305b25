// `psem-bench compare` with malformed reports (tests/fixtures/bad-reports, plus the
// malformed_* files of the report and compare fixtures): exit exactly 2 whichever side
// is bad, a message naming the file and what is wrong, no output file. A gate reads exit
// 1 as "regression": bad input must never look like one, nor like a pass.
#include "test_paths.hpp"
#include "bad_input_support.hpp"

namespace bad_input {
namespace {

const fs::path good_report = fs::path(PSEM_FIXTURES_DIR) / "reports" / "psem_small.json";

class BadReport : public testing::TestWithParam<fs::path> {
protected:
    [[nodiscard]] std::string file() const { return GetParam().string(); }
};

TEST_P(BadReport, CompareExits2NamingTheFileOnEitherSide) {
    const std::string expected = expected_for(GetParam());
    ASSERT_FALSE(expected.empty()) << "no .expected for " << file();
    for (const bool bad_is_baseline : {true, false}) {
        SCOPED_TRACE(bad_is_baseline ? "bad baseline" : "bad contender");
        const temp_dir dir;
        const std::string out = dir.file("comparison.json");
        const auto r = bad_is_baseline
                           ? bench({"compare", file(), good_report.string(), "--format", "json", "--out", out})
                           : bench({"compare", good_report.string(), file(), "--format", "json", "--out", out});
        ASSERT_FALSE(r.timed_out);
        EXPECT_EQ(r.code, 2) << r.err;
        EXPECT_TRUE(contains(r.err, file() + ": "));
        EXPECT_TRUE(contains(r.err, expected));
        EXPECT_TRUE(dir.entries().empty()) << testing::PrintToString(dir.entries());
    }
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadReport, testing::ValuesIn(fixtures("bad-reports")), param_name);

TEST(BadReportCorpus, EveryFileHasItsMessage) {
    const auto files = fixtures("bad-reports");
    EXPECT_GE(files.size(), 30u);
    for (const auto& f : files) EXPECT_FALSE(expected_for(f).empty()) << f;
}

// The other engineers' malformed fixtures, through the binary: no .expected there, but
// the exit code and the file name are the contract.
TEST(BadReportCorpus, OtherMalformedFixturesExit2) {
    int seen = 0;
    for (const char* sub : {"reports", "compare"}) {
        for (const auto& f : fixtures(sub)) {
            if (!f.filename().string().starts_with("malformed_")) continue;
            ++seen;
            const auto r = bench({"compare", good_report.string(), f.string()});
            EXPECT_EQ(r.code, 2) << f << "\n" << r.err;
            EXPECT_TRUE(contains(r.err, f.string()));
        }
    }
    EXPECT_GT(seen, 0);
}

// A directory side pools every report in it: one bad file spoils the side.
TEST(BadReportCorpus, ABadFileInADirectorySideExits2) {
    const temp_dir dir;
    fs::copy_file(good_report, dir.path() / "a.json");
    fs::copy_file(fs::path(PSEM_FIXTURES_DIR) / "bad-reports" / "benchmarks-empty.json", dir.path() / "b.json");
    const auto r = bench({"compare", good_report.string(), dir.path().string()});
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_TRUE(contains(r.err, (dir.path() / "b.json").string()));
}

TEST(BadReportCorpus, UnreadableSidesExit2) {
    const temp_dir dir;
    for (const std::string& side : {dir.file("missing.json"), dir.path().string(), std::string("/dev/null")}) {
        const auto r = bench({"compare", side, good_report.string()});
        EXPECT_EQ(r.code, 2) << side << "\n" << r.err;
        EXPECT_TRUE(contains(r.err, side)) << side;
    }
}

}  // namespace
}  // namespace bad_input
