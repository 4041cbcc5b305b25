// The backends side by side: every workload that can run on another primitive runs on
// each of the seven, counts every op, and leaves nothing behind; what a backend cannot
// express is refused before anything runs.
#include "test_paths.hpp"
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bench_process.hpp"

#include <fstream>
#include <chrono>
#include <map>
#include <set>
#include <thread>

using nlohmann::json;
using psem_test::run_process;
using psem_test::temp_dir;

namespace {

const std::string bench = PSEM_BENCH_EXE;
const std::vector<std::string> all_backends{"psem", "raw", "unnamed", "sysv", "futex", "eventfd", "pipe"};

struct ran {
    psem_test::process_result process;
    json report;
};

ran run_sweep(const json& sc) {
    temp_dir dir;
    const std::string file = dir.file("s.json"), out = dir.file("r.json");
    std::ofstream(file) << sc.dump();
    ran r{run_process({bench, "run", file, "--out", out, "--progress", "never"}), {}};
    if (r.process.exit_code == 0) r.report = json::parse(psem_test::read_file(out));
    return r;
}

// The SysV sets of this user (/proc/sysvipc/sem), by id.
std::set<long> sysv_sets() {
    std::set<long> ids;
    std::ifstream in("/proc/sysvipc/sem");
    std::string header;
    std::getline(in, header);
    long key = 0, id = 0;
    std::string rest;
    while (in >> key >> id && std::getline(in, rest)) ids.insert(id);
    return ids;
}

class Backends : public testing::TestWithParam<std::string> {};

TEST_P(Backends, EveryBackendRunsAndCountsEveryOp) {
    const std::string workload = GetParam();
    json sc = {{"schema_version", 1}, {"name", "it-backends"}, {"workload", workload},
               {"ops_per_worker", 3000},  {"repetitions", 1},       {"timeout_s", 60},
               {"sweep", {{"backend", all_backends}}}};
    std::uint64_t expected = 0;
    if (workload == "postwait") {
        sc["processes"] = 2;
        sc["threads_per_process"] = 2;
        expected = 4 * 3000;
    } else if (workload == "pingpong") {
        expected = 3000;
    } else {
        sc["producers"] = 2;
        sc["consumers"] = 2;
        expected = 2 * 3000;
    }
    const auto before = sysv_sets();
    const ran r = run_sweep(sc);
    ASSERT_EQ(r.process.exit_code, 0) << r.process.err;
    std::map<std::string, std::uint64_t> ops;
    for (const auto& b : r.report.at("benchmarks")) {
        EXPECT_FALSE(b.value("error_occurred", false)) << b.dump();
        EXPECT_GT(b.at("real_time").get<double>(), 0) << b.at("name");
        EXPECT_TRUE(b.contains("p50_ns")) << b.at("name");
        ops[b.at("name").get<std::string>()] = b.at("iterations").get<std::uint64_t>();
    }
    ASSERT_EQ(ops.size(), all_backends.size());
    for (const auto& [name, n] : ops) EXPECT_EQ(n, expected) << name;
    EXPECT_TRUE(psem_test::bench_leftovers(r.process.pid).empty());
    // A set made by this run and left behind would be new here (a concurrent test's set
    // could be too: then it is gone moments later, so look twice).
    for (const long id : sysv_sets())
        if (!before.contains(id)) {
            std::this_thread::sleep_for(std::chrono::seconds(2));
            EXPECT_FALSE(sysv_sets().contains(id)) << "SysV set " << id << " left behind";
        }
}

INSTANTIATE_TEST_SUITE_P(Workloads, Backends, testing::Values("postwait", "pingpong", "producer_consumer"));

TEST(BackendRules, WhatABackendCannotExpressIsRefused) {
    temp_dir dir;
    const auto refused = [&](const json& sc) {
        const std::string file = dir.file("bad.json");
        std::ofstream(file) << sc.dump();
        return run_process({bench, "run", file, "--out", dir.file("r.json"), "--progress", "never"});
    };
    auto r = refused({{"schema_version", 1}, {"name", "x"}, {"workload", "edge_cases"}, {"backend", "pipe"}});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("/backend: the edge_cases checks are libpsem's own errors"), std::string::npos) << r.err;
    r = refused({{"schema_version", 1}, {"name", "x"}, {"workload", "postwait"}, {"backend", "sysv"},
                 {"initial_value", 40000}});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("a SysV semaphore holds at most 32767 (SEMVMX)"), std::string::npos) << r.err;
    r = refused({{"schema_version", 1}, {"name", "x"}, {"workload", "pingpong"}, {"backend", "futex"},
                 {"wait", "adaptive"}});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("wait \"adaptive\" is libpsem's; the futex backend waits with its own primitive"),
              std::string::npos)
        << r.err;
}

}  // namespace
