// Tests of collect_context: every key of Google Benchmark's context and of ours, with
// the types readers expect.
#include "context/context.hpp"

#include <gtest/gtest.h>

#include <psem/version.hpp>

namespace {

using psem::bench::collect_context;

TEST(CollectContext, HasGoogleBenchmarkFieldsWithTheirTypes) {
    const nlohmann::json ctx = collect_context("./psem-bench");
    EXPECT_TRUE(ctx.at("date").is_string());
    EXPECT_TRUE(ctx.at("host_name").is_string());
    EXPECT_EQ(ctx.at("executable"), "./psem-bench");
    EXPECT_TRUE(ctx.at("num_cpus").is_number_integer());
    EXPECT_GE(ctx.at("num_cpus").get<int>(), 1);
    EXPECT_TRUE(ctx.at("mhz_per_cpu").is_number_integer());
    EXPECT_TRUE(ctx.at("cpu_scaling_enabled").is_boolean());
    EXPECT_TRUE(ctx.at("caches").is_array());
    for (const auto& c : ctx.at("caches")) {
        for (const char* key : {"type", "level", "size", "num_sharing"}) EXPECT_TRUE(c.contains(key)) << key;
    }
    EXPECT_TRUE(ctx.at("load_avg").is_array());
    EXPECT_TRUE(ctx.at("library_build_type") == "release" || ctx.at("library_build_type") == "debug");
    EXPECT_EQ(ctx.at("json_schema_version"), 1);
}

TEST(CollectContext, HasThePsemObject) {
    const nlohmann::json ctx = collect_context("psem-bench");
    const nlohmann::json& p = ctx.at("psem");
    EXPECT_EQ(p.at("report_schema_version"), 1);
    EXPECT_EQ(p.at("version"), psem::version);
    EXPECT_EQ(p.at("git_revision"), psem::git_revision);
    for (const char* key : {"build_type", "kernel", "glibc", "cpu_model", "virtualization", "clocksource", "governor"}) {
        ASSERT_TRUE(p.contains(key)) << key;
        EXPECT_TRUE(p.at(key).is_string()) << key;
        EXPECT_FALSE(p.at(key).get<std::string>().empty()) << key;
    }
    EXPECT_GT(p.at("sem_value_max").get<long>(), 0);
    EXPECT_TRUE(p.at("timer_overhead_ns").is_number());
    EXPECT_GT(p.at("timer_overhead_ns").get<double>(), 0.0);
    ASSERT_TRUE(p.at("scenarios").is_array());
    EXPECT_TRUE(p.at("scenarios").empty());
}

TEST(CollectContext, NeverThrowsAndTakesAnyExecutableName) {
    EXPECT_NO_THROW((void)collect_context(""));
    EXPECT_EQ(collect_context("").at("executable"), "unknown");
    EXPECT_NO_THROW((void)collect_context("/a path/with \"quotes\"/\xff"));
}

TEST(CollectContext, RunnerCanAppendScenarios) {
    nlohmann::json ctx = collect_context("psem-bench");
    ctx["psem"]["scenarios"].push_back({{"file", "scenarios/postwait.json"}, {"name", "postwait"}, {"sha256", "00"}});
    EXPECT_EQ(ctx["psem"]["scenarios"].size(), 1u);
}

}  // namespace
