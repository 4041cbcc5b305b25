// Tests of the parsers behind the probes.
#include "context/text_parse.hpp"

#include <gtest/gtest.h>

namespace {

using namespace psem::bench::context_parse;

TEST(TextParse, CpuinfoFieldsAndHypervisorFlag) {
    const std::string info =
        "processor\t: 0\nmodel name\t: AMD EPYC 7B12\nflags\t\t: fpu vme hypervisor lahf_lm\n\n"
        "processor\t: 1\nmodel name\t: AMD EPYC 7B12\n";
    EXPECT_EQ(cpuinfo_field(info, "model name"), "AMD EPYC 7B12");
    EXPECT_EQ(cpuinfo_field(info, "processor"), "0");  // the first one
    EXPECT_FALSE(cpuinfo_field(info, "cpu MHz").has_value());
    EXPECT_EQ(cpu_model(info), "AMD EPYC 7B12");
    EXPECT_TRUE(has_hypervisor_flag(info));
    EXPECT_FALSE(has_hypervisor_flag("flags\t: fpu hypervisorx vme\n"));  // whole words only
    EXPECT_FALSE(has_hypervisor_flag(""));
}

TEST(TextParse, CpuLists) {
    EXPECT_EQ(count_cpu_list("0"), 1);
    EXPECT_EQ(count_cpu_list("0-3\n"), 4);
    EXPECT_EQ(count_cpu_list("0-3,8,10-11"), 7);
    EXPECT_FALSE(count_cpu_list("").has_value());
    EXPECT_FALSE(count_cpu_list("3-1").has_value());
    EXPECT_FALSE(count_cpu_list("a-b").has_value());
}

TEST(TextParse, CacheSizes) {
    EXPECT_EQ(cache_size_bytes("32K\n"), 32768);
    EXPECT_EQ(cache_size_bytes("8M"), 8LL * 1024 * 1024);
    EXPECT_EQ(cache_size_bytes("1G"), 1024LL * 1024 * 1024);
    EXPECT_EQ(cache_size_bytes("512"), 512);
    EXPECT_FALSE(cache_size_bytes("").has_value());
    EXPECT_FALSE(cache_size_bytes("K").has_value());
    EXPECT_FALSE(cache_size_bytes("12Q").has_value());
}

TEST(TextParse, Trim) {
    EXPECT_EQ(trim("  a b \t\n"), "a b");
    EXPECT_EQ(trim(" \n"), "");
}

}  // namespace
