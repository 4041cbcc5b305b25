// libFuzzer target: scenario text -> parse_scenario -> apply_overrides -> expand_sweep.
//
// Input: the scenario text, optionally followed by NUL-separated "--set" assignments
// ("{...}\0processes=4\0sweep={}"), so the fuzzer mutates the overrides too. Besides
// "no crash, no leak, no undefined behaviour, no exception escaping", it checks the
// parser's contract: a result is a scenario or at least one error naming the file; a
// valid scenario's canonical JSON parses back to the same canonical JSON; a sweep expands
// into at most max_sweep_points named points, or into errors and no point at all.
#include "scenario/scenario.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace psem::bench;

constexpr std::string_view label = "fuzz.json";
constexpr std::size_t max_points = 10000;  // detail::max_sweep_points, the documented limit

[[noreturn]] void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "fuzz_scenario: %s\n%s\n", what, detail.c_str());
    std::abort();
}

void check_errors(const std::vector<scenario_error>& errors, std::string_view file) {
    for (const auto& e : errors) {
        const std::string s = e.to_string();
        // An override that is not FIELD=VALUE, or names no field, is blamed on itself.
        if (!s.starts_with(file) && !s.starts_with("--set ")) fail("an error names neither file nor --set", s);
        if (e.message.empty()) fail("an error without a message", s);
    }
}

// The host's process headroom can change between two parses (other processes start and
// stop): a refusal on that ground alone is not the parser's inconsistency.
bool only_headroom(const std::vector<scenario_error>& errors) {
    for (const auto& e : errors)
        if (e.message.find("exceed what this host can still start") == std::string::npos) return false;
    return !errors.empty();
}

void check_result(const parse_result& r, std::string_view file) {
    if (!r.ok() && r.errors.empty()) fail("refused without saying why", "");
    check_errors(r.errors, file);
}

void check_scenario(const scenario& sc) {
    // Canonical form round trip: what a report records must read back as the same thing.
    const std::string canonical = to_json(sc).dump();
    const parse_result again = parse_scenario(canonical, label);
    if (!again.ok()) {
        if (only_headroom(again.errors)) return;
        std::string why = canonical + "\n";
        for (const auto& e : again.errors) why += e.to_string() + "\n";
        fail("the canonical JSON of a valid scenario does not parse", why);
    }
    if (to_json(*again.value).dump() != canonical) fail("the canonical JSON is not stable", canonical);

    const expand_result points = expand_sweep(sc);
    check_errors(points.errors, sc.source_file);
    if (!points.errors.empty() && !points.points.empty()) fail("a sweep with errors kept points", canonical);
    if (points.errors.empty() && points.points.empty()) fail("a valid sweep has no point", canonical);
    if (points.points.size() > max_points) fail("a sweep beyond the limit of points was expanded", canonical);
    for (const auto& p : points.points)
        if (!p.benchmark_name.starts_with(p.config.workload)) fail("a name lacks the workload", p.benchmark_name);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);  // NOLINT: bytes as text
    const std::size_t nul = input.find('\0');
    const std::string_view text = input.substr(0, nul);
    std::vector<std::string> sets;
    for (std::size_t at = nul; at != std::string_view::npos && at < input.size();) {
        const std::size_t next = input.find('\0', at + 1);
        sets.emplace_back(input.substr(at + 1, next == std::string_view::npos ? next : next - at - 1));
        at = next;
    }

    const parse_result parsed = parse_scenario(text, label);
    check_result(parsed, label);
    if (!parsed.ok()) return 0;
    check_scenario(*parsed.value);
    if (sets.empty()) return 0;

    const parse_result overridden = apply_overrides(*parsed.value, sets);
    check_result(overridden, label);
    if (overridden.ok()) check_scenario(*overridden.value);
    return 0;
}
