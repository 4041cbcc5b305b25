// context/cpu_probes.cpp - CPU model, count, frequency, governor, clocksource, caches.
#include "context/probes.hpp"
#include "context/read_file.hpp"
#include "context/soft.hpp"
#include "context/text_parse.hpp"

#include <unistd.h>

#include <cmath>
#include <string>

namespace psem::bench {
namespace {

namespace fs = std::filesystem;
using context_detail::read_text;
using context_detail::read_trimmed;
using context_detail::soft;

std::optional<double> positive_number(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    try {
        const double v = std::stod(*text);
        if (v > 0) return v;
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

double mhz_from_files(const fs::path& proc, const fs::path& sys) {
    // Google Benchmark's order: the TSC rate, then the maximum frequency, then what
    // /proc/cpuinfo says now (which moves with frequency scaling).
    const fs::path cpu0 = sys / "devices/system/cpu/cpu0";
    for (const char* khz_file : {"tsc_freq_khz", "cpufreq/cpuinfo_max_freq"})
        if (const auto khz = positive_number(read_trimmed(cpu0 / khz_file))) return std::round(*khz / 1000.0);
    if (const auto info = read_text(proc / "cpuinfo")) {
        for (const char* key : {"cpu MHz", "clock"})  // "clock" on POWER: "3425.000000MHz"
            if (const auto mhz = positive_number(context_parse::cpuinfo_field(*info, key))) return std::round(*mhz);
    }
    return 0;
}

std::vector<cache_info> caches_from_sysfs(const fs::path& sys) {
    std::vector<cache_info> out;
    const fs::path dir = sys / "devices/system/cpu/cpu0/cache";
    // index0, index1, ...: the kernel numbers them densely, so the first gap ends the list.
    for (int i = 0; i < 64; ++i) {
        const fs::path index = dir / ("index" + std::to_string(i));
        std::error_code ec;
        if (!fs::is_directory(index, ec)) break;
        cache_info c;
        c.type = read_trimmed(index / "type").value_or(unknown_value);
        c.level = static_cast<int>(positive_number(read_trimmed(index / "level")).value_or(0));
        c.size = context_parse::cache_size_bytes(read_trimmed(index / "size").value_or("")).value_or(0);
        c.num_sharing = context_parse::count_cpu_list(read_trimmed(index / "shared_cpu_list").value_or("")).value_or(0);
        out.push_back(std::move(c));
    }
    return out;
}

std::string read_or_unknown(const fs::path& path) {
    return soft([&] { return read_trimmed(path).value_or(unknown_value); }, unknown_value);
}

}  // namespace

std::string cpu_model(const fs::path& proc) {
    return soft(
        [&]() -> std::string {
            const auto info = read_text(proc / "cpuinfo");
            return info ? context_parse::cpu_model(*info).value_or(unknown_value) : unknown_value;
        },
        unknown_value);
}

int num_cpus() {
    const long n = ::sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? static_cast<int>(n) : 1;
}

double mhz_per_cpu(const fs::path& proc, const fs::path& sys) {
    return soft([&] { return mhz_from_files(proc, sys); }, 0.0);
}

std::string cpu_governor(const fs::path& sys) {
    return read_or_unknown(sys / "devices/system/cpu/cpu0/cpufreq/scaling_governor");
}

bool cpu_scaling_enabled(const fs::path& sys) {
    const std::string g = cpu_governor(sys);
    return g != unknown_value && g != "performance";
}

std::string clocksource(const fs::path& sys) {
    return read_or_unknown(sys / "devices/system/clocksource/clocksource0/current_clocksource");
}

std::vector<cache_info> caches(const fs::path& sys) {
    return soft([&] { return caches_from_sysfs(sys); }, std::vector<cache_info>{});
}

}  // namespace psem::bench
