// context/text_parse.cpp - see text_parse.hpp.
#include "context/text_parse.hpp"

#include <charconv>
#include <sstream>

namespace psem::bench::context_parse {
namespace {

std::optional<long long> to_integer(std::string_view s) {
    long long v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
    return v;
}

}  // namespace

std::string trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return "";
    const auto last = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(first, last - first + 1));
}

std::optional<std::string> cpuinfo_field(std::string_view cpuinfo, std::string_view key) {
    std::size_t pos = 0;
    while (pos < cpuinfo.size()) {
        const std::size_t eol = std::min(cpuinfo.find('\n', pos), cpuinfo.size());
        const std::string_view line = cpuinfo.substr(pos, eol - pos);
        pos = eol + 1;
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        if (trim(line.substr(0, colon)) == key) return trim(line.substr(colon + 1));
    }
    return std::nullopt;
}

std::optional<std::string> cpu_model(std::string_view cpuinfo) {
    for (const std::string_view key : {"model name", "Processor", "cpu model", "Hardware", "cpu"}) {
        if (auto v = cpuinfo_field(cpuinfo, key); v && !v->empty()) return v;
    }
    return std::nullopt;
}

bool has_hypervisor_flag(std::string_view cpuinfo) {
    const auto flags = cpuinfo_field(cpuinfo, "flags");
    if (!flags) return false;
    std::istringstream words(*flags);
    for (std::string w; words >> w;)
        if (w == "hypervisor") return true;
    return false;
}

std::optional<int> count_cpu_list(std::string_view list) {
    const std::string text = trim(list);
    if (text.empty()) return std::nullopt;
    int count = 0;
    std::string_view rest = text;
    while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        const std::string_view item = rest.substr(0, comma);
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        const std::size_t dash = item.find('-');
        const auto lo = to_integer(item.substr(0, dash));
        const auto hi = dash == std::string_view::npos ? lo : to_integer(item.substr(dash + 1));
        if (!lo || !hi || *hi < *lo || *lo < 0) return std::nullopt;
        count += static_cast<int>(*hi - *lo + 1);
    }
    return count;
}

std::optional<long long> cache_size_bytes(std::string_view text) {
    std::string s = trim(text);
    if (s.empty()) return std::nullopt;
    long long multiplier = 1;
    switch (s.back()) {
        case 'K': multiplier = 1024; break;
        case 'M': multiplier = 1024 * 1024; break;
        case 'G': multiplier = 1024LL * 1024 * 1024; break;
        default: break;
    }
    if (multiplier != 1) s.pop_back();
    const auto v = to_integer(s);
    if (!v || *v < 0) return std::nullopt;
    return *v * multiplier;
}

}  // namespace psem::bench::context_parse
