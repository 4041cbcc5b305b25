// Four psem-bench runs at once on one host: names are per run (pid + random), so the runs
// never see each other's semaphores; each finishes with exit 0 and a report with the right
// counts, and none leaves anything behind.
#include "fault_support.hpp"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace fault_test {
namespace {

TEST(ConcurrentRuns, FourRunsAtOnceAllSucceed) {
    temp_dir dir;
    struct job {
        std::string scenario;
        std::uint64_t iterations;  // what the report must count
    };
    // Small runs of every workload (two repetitions each, so each run starts its workers
    // twice while the others are busy).
    const std::vector<job> jobs = {
        {R"({"schema_version": 1, "name": "c-postwait", "workload": "postwait", "processes": 3,
             "ops_per_worker": 20000, "repetitions": 2})", 60000},
        {R"({"schema_version": 1, "name": "c-threads", "workload": "postwait", "processes": 2,
             "threads_per_process": 2, "ops_per_worker": 20000, "repetitions": 2})", 80000},
        {R"({"schema_version": 1, "name": "c-pingpong", "workload": "pingpong", "processes": 2,
             "ops_per_worker": 5000, "repetitions": 2})", 5000},
        {R"({"schema_version": 1, "name": "c-pc", "workload": "producer_consumer", "producers": 2,
             "consumers": 2, "ops_per_worker": 20000, "repetitions": 2})", 40000},
    };
    std::vector<std::unique_ptr<bench_process>> runs;
    std::vector<std::string> reports;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        // append, not "s" + std::string: GCC 12 warns falsely (-Wrestrict) on the latter.
        const std::string n = std::to_string(i);
        const auto scenario = dir.write(std::string("s").append(n).append(".json"), jobs[i].scenario);
        reports.push_back(dir.file(std::string("report").append(n).append(".json")));
        runs.push_back(std::make_unique<bench_process>(run_args(scenario, reports.back())));
    }
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const auto r = runs[i]->wait(300s);
        ASSERT_FALSE(r.timed_out) << r.err;
        EXPECT_EQ(r.code, 0) << "run " << i << ":\n" << r.err;
        expect_clean_end(runs[i]->pid(), reports[i]);
        const auto doc = nlohmann::json::parse(read_file(reports[i]), nullptr, false);
        ASSERT_TRUE(doc.is_object()) << reports[i];
        int iterations_seen = 0;
        for (const auto& b : doc["benchmarks"]) {
            if (b.value("run_type", "") != "iteration") continue;
            ++iterations_seen;
            EXPECT_FALSE(b.value("error_occurred", false)) << b.dump(2);
            EXPECT_EQ(b.value("iterations", std::uint64_t{0}), jobs[i].iterations) << b.dump(2);
        }
        EXPECT_EQ(iterations_seen, 2) << doc.dump(2);
    }
}

}  // namespace
}  // namespace fault_test
