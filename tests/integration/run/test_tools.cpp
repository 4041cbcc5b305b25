// psem-bench validate | list | context | cleanup, through the real binary.
#include "test_paths.hpp"
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <psem/semaphore.hpp>

#include "bench_process.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

using psem_test::run_process;

namespace {
const std::string bench = PSEM_BENCH_EXE;
const std::string scenarios = std::string(PSEM_SOURCE_DIR) + "/scenarios";
}  // namespace

TEST(Tools, EveryShippedScenarioValidates) {
    for (const auto& dir : {scenarios, scenarios + "/ci", scenarios + "/default"}) {
        const auto r = run_process({bench, "validate", dir});
        EXPECT_EQ(r.exit_code, 0) << dir << ": " << r.err;
        EXPECT_NE(r.out.find("ok: "), std::string::npos);
    }
}

TEST(Tools, ListShowsDescriptions) {
    const auto r = run_process({bench, "list", scenarios});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("postwait"), std::string::npos);
    EXPECT_NE(r.out.find("ci/"), std::string::npos) << "subdirectories are listed too";
}

TEST(Tools, ListOfAMissingDirectoryIsBadInput) {
    const auto r = run_process({bench, "list", "/nonexistent-dir"});
    EXPECT_EQ(r.exit_code, 2);
}

TEST(Tools, ContextIsJsonWithHostFacts) {
    const auto r = run_process({bench, "context"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_TRUE(j.contains("num_cpus"));
    EXPECT_TRUE(j.at("psem").contains("kernel"));
    EXPECT_TRUE(j.at("psem").contains("sem_value_max"));
}

TEST(Tools, UsageErrorsExitTwoWithAHint) {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {bench}, {bench, "frobnicate"}, {bench, "run"}, {bench, "run", "x.json", "--no-such-option"},
             {bench, "run", "x.json", "--format", "yaml"}, {bench, "run", "x.json", "--repetitions", "0"}}) {
        const auto r = run_process(args);
        EXPECT_EQ(r.exit_code, 2) << args.back() << ": " << r.err;
        EXPECT_NE(r.err.find("--help"), std::string::npos) << r.err;
    }
}

TEST(Tools, SetOnAnUnknownFieldIsBadInput) {
    const auto r = run_process({bench, "validate", scenarios + "/postwait.json", "--set", "proceses=4"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("proceses"), std::string::npos) << r.err;
}

TEST(Tools, SetBeforeTheScenarioPathTakesOneValue) {
    // `--set K=V FILE`: the path after the assignment is a scenario, not a second --set.
    const auto ok = run_process({bench, "validate", "--set", "processes=4", scenarios + "/postwait.json"});
    EXPECT_EQ(ok.exit_code, 0) << ok.err;
    const auto bad = run_process({bench, "validate", "--set", "proceses=4", scenarios + "/postwait.json"});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.err.find("proceses"), std::string::npos) << bad.err;
}

TEST(Tools, CleanupRemovesOnlyDeadRunsObjects) {
    // A pid that surely is gone: a child that has exited and been reaped.
    const pid_t dead = ::fork();
    if (dead == 0) ::_exit(0);
    ::waitpid(dead, nullptr, 0);
    const std::string stale = "/psem-bench." + std::to_string(dead) + ".00000000deadbeef.work";
    const std::string live = "/psem-bench." + std::to_string(::getpid()) + ".00000000cafef00d.work";
    auto s1 = psem::semaphore::create(stale, 0);
    auto s2 = psem::semaphore::create(live, 0);
    const auto r = run_process({bench, "cleanup"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_FALSE(std::filesystem::exists("/dev/shm/sem" + std::string(".") + stale.substr(1))) << r.out;
    EXPECT_TRUE(std::filesystem::exists("/dev/shm/sem." + live.substr(1))) << "a live run's name is kept";
    EXPECT_NE(r.out.find(stale.substr(1)), std::string::npos) << r.out;
    (void)psem::unlink(live);
    (void)psem::unlink(stale);
}
