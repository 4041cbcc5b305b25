// Every file of tests/fixtures/bad-scenarios through the real binary. The unit tests
// already check the parser's messages; here the whole program must behave: `run` and
// `validate` exit exactly 2 (a crash or an uncaught exception is something else), print
// the expected message naming the file, write no report, create no semaphore.
#include "test_paths.hpp"
#include "bad_input_support.hpp"

namespace bad_input {
namespace {

class BadScenario : public testing::TestWithParam<fs::path> {
protected:
    [[nodiscard]] std::string file() const { return GetParam().string(); }
    [[nodiscard]] std::string expected() const { return expected_for(GetParam()); }
};

// One test per file (run, run without --out, validate): three ctest entries per file
// would triple the suite's start-up cost for nothing.
TEST_P(BadScenario, Exits2WithItsMessageAndStartsNothing) {
    ASSERT_FALSE(expected().empty()) << "no .expected for " << file();
    {
        SCOPED_TRACE("run --out");
        const temp_dir dir;
        const auto r =
            bench({"run", file(), "--out", dir.file("report.json"), "--progress", "never"}, dir.path().string());
        ASSERT_FALSE(r.timed_out);
        EXPECT_EQ(r.code, 2) << r.err;
        EXPECT_TRUE(contains(r.err, file()));
        EXPECT_TRUE(contains(r.err, expected()));
        EXPECT_TRUE(contains(r.err, "nothing was run"));
        EXPECT_TRUE(r.out.empty()) << r.out;
        // Neither the report nor its temporary.
        EXPECT_TRUE(dir.entries().empty()) << testing::PrintToString(dir.entries());
        EXPECT_TRUE(names_of(r.pid).empty()) << testing::PrintToString(names_of(r.pid));
    }
    {
        SCOPED_TRACE("run without --out: no results/runs/ report either");
        const temp_dir dir;
        const auto r = bench({"run", file(), "--progress", "never"}, dir.path().string());
        EXPECT_EQ(r.code, 2) << r.err;
        EXPECT_TRUE(dir.entries().empty()) << testing::PrintToString(dir.entries());
    }
    {
        SCOPED_TRACE("validate");
        const auto r = bench({"validate", file()});
        ASSERT_FALSE(r.timed_out);
        EXPECT_EQ(r.code, 2) << r.err;
        EXPECT_TRUE(contains(r.err, expected()));
        EXPECT_EQ(r.out.find("ok:"), std::string::npos) << r.out;
    }
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadScenario, testing::ValuesIn(fixtures("bad-scenarios")), param_name);

TEST(BadScenarioCorpus, HasAtLeastFortyFilesEachWithItsMessage) {
    const auto files = fixtures("bad-scenarios");
    EXPECT_GE(files.size(), 40u);
    for (const auto& f : files) EXPECT_FALSE(expected_for(f).empty()) << f;
}

// The whole corpus in one command: every file reported, none run, one exit code.
TEST(BadScenarioCorpus, TheDirectoryAsOneArgumentFailsAsAWhole) {
    const fs::path corpus = fs::path(PSEM_FIXTURES_DIR) / "bad-scenarios";
    const auto v = bench({"validate", corpus.string()});
    EXPECT_EQ(v.code, 2) << v.err;
    for (const auto& f : fixtures("bad-scenarios")) EXPECT_TRUE(contains(v.err, f.string()));

    const temp_dir dir;
    const auto r = bench({"run", corpus.string(), "--out", dir.file("report.json")}, dir.path().string());
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_TRUE(contains(r.err, "nothing was run"));
    EXPECT_TRUE(dir.entries().empty());
}

// One bad file among good ones stops everything: half a set is never run.
TEST(BadScenarioCorpus, OneBadFileAmongGoodOnesRunsNothing) {
    const temp_dir dir;
    const auto good = fs::path(PSEM_SOURCE_DIR) / "scenarios" / "ci" / "postwait.json";
    const auto bad = fs::path(PSEM_FIXTURES_DIR) / "bad-scenarios" / "unknown-field.json";
    const auto r = bench({"run", good.string(), bad.string(), "--out", dir.file("report.json")}, dir.path().string());
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_TRUE(contains(r.err, "1 error(s); nothing was run"));
    EXPECT_TRUE(dir.entries().empty());
    EXPECT_TRUE(names_of(r.pid).empty());
}

}  // namespace
}  // namespace bad_input
