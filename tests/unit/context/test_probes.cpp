// Tests of the host probes on this machine: each answers something, never throws.
#include "context/probes.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace {

using namespace psem::bench;

TEST(Probes, StringProbesAnswerSomething) {
    for (const std::string& s : {kernel_version(), glibc_version(), host_name(), local_date(), build_type(),
                                 cpu_model(), cpu_governor(), clocksource(), virtualization()})
        EXPECT_FALSE(s.empty());
}

TEST(Probes, KernelAndLibcLookRight) {
    EXPECT_EQ(kernel_version().rfind("Linux ", 0), 0u) << kernel_version();
    EXPECT_TRUE(std::regex_match(glibc_version(), std::regex(R"(\d+\.\d+(\.\d+)?)"))) << glibc_version();
}

TEST(Probes, DateIsIso8601WithOffsetLikeGoogleBenchmark) {
    EXPECT_TRUE(std::regex_match(local_date(), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d)")))
        << local_date();
}

TEST(Probes, NumericProbesArePlausible) {
    EXPECT_GE(num_cpus(), 1);
    EXPECT_GE(mhz_per_cpu(), 0.0);
    const auto load = load_avg();
    EXPECT_TRUE(load.empty() || load.size() == 3u);
    for (const double l : load) EXPECT_GE(l, 0.0);
    EXPECT_GE(sem_value_max(), 32767);  // _POSIX_SEM_VALUE_MAX
}

TEST(Probes, BuildTypeFollowsNdebug) {
#ifdef NDEBUG
    EXPECT_EQ(build_type(), "release");
#else
    EXPECT_EQ(build_type(), "debug");
#endif
}

TEST(Probes, CachesAreWellFormedWhenListed) {
    for (const cache_info& c : caches()) {
        EXPECT_FALSE(c.type.empty());
        EXPECT_GE(c.level, 1);
        EXPECT_GT(c.size, 0);
        EXPECT_GE(c.num_sharing, 1);
    }
}

TEST(Probes, MissingRootsGiveUnknownNotFailure) {
    const std::filesystem::path nowhere = "/nonexistent/psem-context";
    EXPECT_EQ(cpu_model(nowhere), unknown_value);
    EXPECT_EQ(cpu_governor(nowhere), unknown_value);
    EXPECT_EQ(clocksource(nowhere), unknown_value);
    EXPECT_FALSE(cpu_scaling_enabled(nowhere));
    EXPECT_EQ(mhz_per_cpu(nowhere, nowhere), 0.0);
    EXPECT_TRUE(caches(nowhere).empty());
    EXPECT_EQ(virtualization(nowhere), "none");
}

}  // namespace
