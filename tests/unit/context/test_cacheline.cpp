// The cache-line round trip of the context: measured between the first two usable CPUs
// when there are two, "unknown" (none) with one, and in the context either way.
#include "context/cacheline_probe.hpp"
#include "context/context.hpp"
#include "sys/cpus.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

namespace psem::bench {
namespace {

TEST(CachelineProbe, MeasuresBetweenTheFirstTwoUsableCpus) {
    const std::vector<int> cpus = usable_cpus();
    if (cpus.size() < 2) GTEST_SKIP() << "one usable CPU: the probe has nothing to measure";
    const auto line = measure_cacheline_round_trip(3, 200);
    ASSERT_TRUE(line.has_value());
    EXPECT_EQ(line->cpu_a, cpus[0]);
    EXPECT_EQ(line->cpu_b, cpus[1]);
    EXPECT_EQ(line->round_trips, 200u);
    ASSERT_EQ(line->runs_ns.size(), 3u);
    for (const double ns : line->runs_ns) EXPECT_GT(ns, 0);
    EXPECT_GE(line->median_ns, *std::min_element(line->runs_ns.begin(), line->runs_ns.end()));
    EXPECT_LE(line->median_ns, *std::max_element(line->runs_ns.begin(), line->runs_ns.end()));
    EXPECT_EQ(usable_cpus(), cpus) << "the probe must leave the caller's CPU mask alone";
}

// In a child restricted to one CPU (the parent's mask is never touched): no figure, and
// the context says "unknown".
TEST(CachelineProbe, OneUsableCpuGivesUnknown) {
    const std::vector<int> cpus = usable_cpus();
    ASSERT_FALSE(cpus.empty());
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        cpu_set_t one;
        CPU_ZERO(&one);
        CPU_SET(static_cast<unsigned>(cpus[0]), &one);
        if (::sched_setaffinity(0, sizeof one, &one) != 0) ::_exit(2);
        if (measure_cacheline_round_trip(3, 200).has_value()) ::_exit(3);
        const auto ctx = collect_context("x");
        ::_exit(ctx.at("psem").at("cacheline_round_trip") == "unknown" ? 0 : 4);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << "3: measured on one CPU; 4: the context did not say unknown";
}

TEST(CachelineProbe, TheContextCarriesTheFigure) {
    if (usable_cpus().size() < 2) GTEST_SKIP() << "one usable CPU";
    const auto ctx = collect_context("x");
    const auto& line = ctx.at("psem").at("cacheline_round_trip");
    ASSERT_TRUE(line.is_object()) << line.dump();
    EXPECT_GT(line.at("ns").get<double>(), 0);
    EXPECT_EQ(line.at("runs_ns").size(), 21u);
    EXPECT_EQ(line.at("cpus").size(), 2u);
}

}  // namespace
}  // namespace psem::bench
