// Tests of the probes against fake /proc and /sys trees: other machines' files.
#include "context/probes.hpp"
#include "fake_tree.hpp"

#include <gtest/gtest.h>

namespace {

using namespace psem::bench;
using context_test::fake_tree;

TEST(FakeHost, CachesInGoogleBenchmarkShape) {
    fake_tree sys;
    const std::string base = "devices/system/cpu/cpu0/cache/";
    const struct {
        const char* type;
        const char* level;
        const char* size;
        const char* shared;
    } rows[] = {{"Data", "1", "48K", "0-1"}, {"Instruction", "1", "32K", "0-1"},
                {"Unified", "2", "1280K", "0-1"}, {"Unified", "3", "30M", "0-11,24-35"}};
    for (int i = 0; i < 4; ++i) {
        const std::string dir = base + "index" + std::to_string(i) + "/";
        sys.file(dir + "type", std::string(rows[i].type) + "\n");
        sys.file(dir + "level", std::string(rows[i].level) + "\n");
        sys.file(dir + "size", std::string(rows[i].size) + "\n");
        sys.file(dir + "shared_cpu_list", std::string(rows[i].shared) + "\n");
    }
    const auto list = caches(sys.root());
    ASSERT_EQ(list.size(), 4u);
    EXPECT_EQ(list[0].type, "Data");
    EXPECT_EQ(list[0].level, 1);
    EXPECT_EQ(list[0].size, 49152);
    EXPECT_EQ(list[0].num_sharing, 2);
    EXPECT_EQ(list[2].size, 1310720);
    EXPECT_EQ(list[3].size, 30LL * 1024 * 1024);
    EXPECT_EQ(list[3].num_sharing, 24);
}

TEST(FakeHost, FrequencyInGoogleBenchmarkOrder) {
    fake_tree proc;
    proc.file("cpuinfo", "processor\t: 0\ncpu MHz\t\t: 2095.078\n");
    fake_tree sys;
    EXPECT_EQ(mhz_per_cpu(proc.root(), sys.root()), 2095.0);  // only /proc/cpuinfo
    sys.file("devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq", "3400000\n");
    EXPECT_EQ(mhz_per_cpu(proc.root(), sys.root()), 3400.0);  // kHz
    sys.file("devices/system/cpu/cpu0/tsc_freq_khz", "2095078\n");
    EXPECT_EQ(mhz_per_cpu(proc.root(), sys.root()), 2095.0);
}

TEST(FakeHost, GovernorScalingAndClocksource) {
    fake_tree sys;
    EXPECT_EQ(cpu_governor(sys.root()), unknown_value);
    EXPECT_FALSE(cpu_scaling_enabled(sys.root()));
    sys.file("devices/system/cpu/cpu0/cpufreq/scaling_governor", "powersave\n");
    EXPECT_EQ(cpu_governor(sys.root()), "powersave");
    EXPECT_TRUE(cpu_scaling_enabled(sys.root()));
    sys.file("devices/system/cpu/cpu0/cpufreq/scaling_governor", "performance\n");
    EXPECT_FALSE(cpu_scaling_enabled(sys.root()));
    sys.file("devices/system/clocksource/clocksource0/current_clocksource", "tsc\n");
    EXPECT_EQ(clocksource(sys.root()), "tsc");
}

TEST(FakeHost, CpuModelAcrossArchitectures) {
    fake_tree x86;
    x86.file("cpuinfo", "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Core(TM) i7-2760QM CPU @ 2.40GHz\n");
    EXPECT_EQ(cpu_model(x86.root()), "Intel(R) Core(TM) i7-2760QM CPU @ 2.40GHz");
    fake_tree power;
    power.file("cpuinfo", "processor\t: 0\ncpu\t\t: POWER9 (architected), altivec supported\nclock\t\t: 3800.000000MHz\n");
    EXPECT_EQ(cpu_model(power.root()), "POWER9 (architected), altivec supported");
    EXPECT_EQ(mhz_per_cpu(power.root(), power.root()), 3800.0);
    fake_tree bare;
    bare.file("cpuinfo", "processor\t: 0\nBogoMIPS\t: 50.00\n");
    EXPECT_EQ(cpu_model(bare.root()), unknown_value);
}

TEST(FakeHost, VirtualMachineFromDmiAndContainerMarkers) {
    fake_tree root;
    EXPECT_EQ(virtualization(root.root()), "none");
    root.file("sys/class/dmi/id/sys_vendor", "QEMU\n");
    root.file("sys/class/dmi/id/product_name", "Standard PC (Q35 + ICH9, 2009)\n");
    EXPECT_EQ(virtualization(root.root()), "vm:qemu");
    root.file(".dockerenv", "");
    EXPECT_EQ(virtualization(root.root()), "vm:qemu, container:docker");
}

TEST(FakeHost, VirtualisationEvidenceOfOtherKinds) {
    fake_tree hyperv;
    hyperv.file("sys/class/dmi/id/sys_vendor", "Microsoft Corporation\n");
    hyperv.file("sys/class/dmi/id/product_name", "Virtual Machine\n");
    EXPECT_EQ(virtualization(hyperv.root()), "vm:microsoft");

    fake_tree flag_only;
    flag_only.file("proc/cpuinfo", "processor\t: 0\nflags\t\t: fpu vme de pse tsc msr hypervisor lahf_lm\n");
    EXPECT_EQ(virtualization(flag_only.root()), "vm:unknown");

    fake_tree k8s;
    k8s.file("proc/self/cgroup", "0::/kubepods.slice/kubepods-burstable.slice/cri-containerd-1234.scope\n");
    EXPECT_EQ(virtualization(k8s.root()), "container:kubernetes");

    fake_tree wsl;
    wsl.file("proc/sys/kernel/osrelease", "5.15.133.1-microsoft-standard-WSL2\n");
    EXPECT_EQ(virtualization(wsl.root()), "container:wsl");

    fake_tree nspawn;
    nspawn.file("run/systemd/container", "systemd-nspawn\n");
    EXPECT_EQ(virtualization(nspawn.root()), "container:systemd-nspawn");

    fake_tree bare_metal;  // a real machine's DMI and no hypervisor flag
    bare_metal.file("sys/class/dmi/id/sys_vendor", "LENOVO\n");
    bare_metal.file("sys/class/dmi/id/product_name", "4270CTO\n");
    bare_metal.file("proc/cpuinfo", "processor\t: 0\nflags\t\t: fpu vme de pse tsc msr\n");
    EXPECT_EQ(virtualization(bare_metal.root()), "none");
}

}  // namespace
