// context/text_parse.hpp - parsing the text files the probes read (/proc/cpuinfo, sysfs
// cache attributes). Pure functions, so tests can feed them other machines' files.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace psem::bench::context_parse {

/// The value of the first "key<TAB>: value" line of /proc/cpuinfo with this key, trimmed.
[[nodiscard]] std::optional<std::string> cpuinfo_field(std::string_view cpuinfo, std::string_view key);

/// The CPU model: "model name" (x86), else "Processor", "cpu model", "Hardware", "cpu"
/// (ARM, MIPS, POWER spell it differently). nullopt when none is there.
[[nodiscard]] std::optional<std::string> cpu_model(std::string_view cpuinfo);

/// Whether the "flags" line lists "hypervisor" (x86 guests).
[[nodiscard]] bool has_hypervisor_flag(std::string_view cpuinfo);

/// Number of CPUs in a kernel CPU list: "0-3,8,10-11" -> 7. nullopt if malformed.
[[nodiscard]] std::optional<int> count_cpu_list(std::string_view list);

/// A sysfs cache size: "32K" -> 32768, "8M" -> 8388608, "512" -> 512 (bytes).
[[nodiscard]] std::optional<long long> cache_size_bytes(std::string_view text);

/// Leading and trailing whitespace removed.
[[nodiscard]] std::string trim(std::string_view s);

}  // namespace psem::bench::context_parse
