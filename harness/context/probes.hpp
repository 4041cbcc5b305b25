// context/probes.hpp - what the host is, one probe per fact.
//
// Every probe answers, never fails and never throws: a string probe says "unknown" when
// the host does not tell (a container without /sys, a kernel without cpufreq), and the
// others return a neutral value documented below. Probes that read /proc or /sys take
// the root to read from, so tests can point them at a fake tree.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace psem::bench {

/// What a string probe answers when the host does not tell.
inline constexpr const char* unknown_value = "unknown";

// Host and build.
[[nodiscard]] std::string kernel_version();   // "Linux 6.1.0-18-amd64 #1 SMP ... x86_64" (uname)
[[nodiscard]] std::string glibc_version();    // "2.36" (gnu_get_libc_version)
[[nodiscard]] std::string host_name();
[[nodiscard]] std::string local_date();       // "2025-03-14T09:26:53+01:00", as Google Benchmark
[[nodiscard]] std::vector<double> load_avg(); // 1, 5, 15 minutes; empty when unavailable
[[nodiscard]] long sem_value_max();           // sysconf, else the SEM_VALUE_MAX the build saw
[[nodiscard]] std::string build_type();       // "release" (NDEBUG) or "debug"

// CPU. num_cpus is at least 1; mhz_per_cpu is 0 when unknown, as Google Benchmark writes it.
[[nodiscard]] std::string cpu_model(const std::filesystem::path& proc = "/proc");
[[nodiscard]] int num_cpus();
[[nodiscard]] double mhz_per_cpu(const std::filesystem::path& proc = "/proc",
                                 const std::filesystem::path& sys = "/sys");
[[nodiscard]] std::string cpu_governor(const std::filesystem::path& sys = "/sys");  // cpu0's scaling_governor
/// Google Benchmark's definition: a governor exists and it is not "performance".
[[nodiscard]] bool cpu_scaling_enabled(const std::filesystem::path& sys = "/sys");
[[nodiscard]] std::string clocksource(const std::filesystem::path& sys = "/sys");

struct cache_info {
    std::string type;     // "Data", "Instruction", "Unified"
    int level = 0;
    long long size = 0;   // bytes
    int num_sharing = 0;  // CPUs sharing this cache
};
/// cpu0's caches from sysfs, in index order; empty when sysfs does not list them.
[[nodiscard]] std::vector<cache_info> caches(const std::filesystem::path& sys = "/sys");

/// Virtual machine and container, detected like systemd-detect-virt but without running
/// anything: "none", or a comma-separated list of "vm:<kind>" / "container:<kind>",
/// e.g. "vm:kvm, container:docker". "vm:unknown" when only the CPU's hypervisor flag says so.
[[nodiscard]] std::string virtualization(const std::filesystem::path& root = "/");

}  // namespace psem::bench
