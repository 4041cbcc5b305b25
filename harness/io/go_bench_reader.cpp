// io/go_bench_reader.cpp - see go_bench_reader.hpp.
#include "io/go_bench_reader.hpp"

#include "io/json_fields.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <vector>

namespace psem::bench {
namespace {

std::vector<std::string_view> split_fields(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
        const std::size_t start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
        if (i > start) out.push_back(line.substr(start, i - start));
    }
    return out;
}

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

// Go's rule: "Benchmark" followed by the end of the word or a character that is not a
// lower-case letter ("Benchmarks are..." is prose, "BenchmarkPostWait" a name).
bool is_benchmark_name(std::string_view word) {
    constexpr std::string_view prefix = "Benchmark";
    return word.starts_with(prefix) && (word.size() == prefix.size() || !is_lower(word[prefix.size()]));
}

// A configuration line: "key: value", the key lower-case first and free of spaces and
// upper-case letters (Go's rule), so log output such as "x_test.go:5: hello" is not one.
bool split_config(std::string_view line, std::string& key, std::string& value) {
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0 || !is_lower(line[0])) return false;
    for (const char c : line.substr(0, colon))
        if (c == ' ' || c == '\t' || (c >= 'A' && c <= 'Z')) return false;
    std::string_view v = line.substr(colon + 1);
    if (!v.empty() && v.front() != ' ' && v.front() != '\t') return false;
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r')) v.remove_suffix(1);
    key = std::string(line.substr(0, colon));
    value = std::string(v);
    return true;
}

bool parse_count(std::string_view s, std::uint64_t& out) {
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size() && out > 0;
}

bool parse_value(std::string_view s, double& out) {
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size() && std::isfinite(out);
}

class go_parser {
public:
    explicit go_parser(const std::string& source) : source_(source) {
        rep_.context["psem"]["imported_from"] = "go test -bench";
        rep_.context["psem"]["source"] = source;
    }

    void line(std::size_t number, std::string_view text) {
        number_ = number;
        if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
        const std::vector<std::string_view> f = split_fields(text);
        if (f.empty()) return;
        if (is_benchmark_name(f[0]) && (text.front() == 'B')) {
            result(f);
            return;
        }
        std::string key, value;
        if (split_config(text, key, value)) config(key, value);
    }

    report finish() {
        if (rep_.benchmarks.empty()) fail_at(0, "no benchmark result line (BenchmarkName N X ns/op): not `go test -bench` output");
        std::map<std::string, int> totals;
        for (const run_record& r : rep_.benchmarks) ++totals[r.run_name];
        for (run_record& r : rep_.benchmarks) r.repetitions = totals[r.run_name];
        rep_.context["psem"]["go_config"] = config_;
        if (config_.contains("cpu")) rep_.context["psem"]["cpu_model"] = config_["cpu"];
        return std::move(rep_);
    }

private:
    [[noreturn]] void fail_at(std::size_t number, const std::string& message) const {
        throw report_error(source_, "", number == 0 ? message : fmt::format("line {}: {}", number, message));
    }
    [[noreturn]] void fail(const std::string& message) const { fail_at(number_, message); }

    void config(const std::string& key, const std::string& value) {
        config_[key] = value;
        if (key == "pkg") pkg_ = value;
    }

    void result(const std::vector<std::string_view>& f) {
        const std::string name(f[0]);
        // `go test -v` prints a benchmark's name alone before its result line.
        if (f.size() == 1) return;
        if (f[1] == "---") return failure(name, f);
        run_record r = new_record(name);
        if (!parse_count(f[1], r.ops))
            fail(fmt::format("{}: expected the iteration count (a positive integer) after the name, found \"{}\"", name,
                             f[1]));
        if (f.size() < 4 || (f.size() - 2) % 2 != 0)
            fail(fmt::format("{}: expected value/unit pairs after the iteration count (\"{} 416 ns/op\"), found {} "
                             "word(s)",
                             name, f[1], f.size() - 2));
        bool has_ns = false;
        for (std::size_t i = 2; i + 1 < f.size(); i += 2) {
            double v = 0;
            if (!parse_value(f[i], v))
                fail(fmt::format("{}: expected a number before the unit \"{}\", found \"{}\"", name, f[i + 1], f[i]));
            const std::string unit(f[i + 1]);
            if (unit == "ns/op") {
                if (has_ns) fail(fmt::format("{}: ns/op given twice", name));
                if (!(v > 0)) fail(fmt::format("{}: ns/op must be above 0, found {}", name, f[i]));
                has_ns = true;
                r.real_time_ns = v;
                continue;
            }
            if (json_fields::is_benchmark_field(unit))
                fail(fmt::format("{}: the unit \"{}\" has the name of a report field", name, unit));
            if (r.counters.contains(unit)) fail(fmt::format("{}: unit \"{}\" given twice", name, unit));
            r.counters[unit] = v;
        }
        if (!has_ns) fail(fmt::format("{}: no ns/op figure", name));
        r.wall_ns = r.real_time_ns * static_cast<double>(r.ops);
        rep_.benchmarks.push_back(std::move(r));
    }

    // "BenchmarkBad-2   --- FAIL: BenchmarkBad-2": Go ran it and it failed (b.Fatal...);
    // "--- SKIP:" means b.Skip, which is no result at all.
    void failure(const std::string& name, const std::vector<std::string_view>& f) {
        if (f.size() >= 3 && f[2] == "SKIP:") return;
        if (f.size() < 3 || f[2] != "FAIL:")
            fail(fmt::format("{}: expected \"--- FAIL:\" or \"--- SKIP:\" after the name, found \"--- {}\"", name,
                             f.size() < 3 ? std::string_view() : f[2]));
        run_record r = new_record(name);
        r.error_occurred = true;
        r.error_message = "go test reported the benchmark as failed (--- FAIL); see its log for why";
        r.real_time_ns = r.cpu_time_ns = std::numeric_limits<double>::quiet_NaN();
        rep_.benchmarks.push_back(std::move(r));
    }

    run_record new_record(const std::string& name) {
        const auto [it, inserted] = pkg_of_.try_emplace(name, pkg_);
        if (!inserted && it->second != pkg_)
            fail(fmt::format("{} appears under pkg \"{}\" and pkg \"{}\": import one package at a time", name,
                             it->second, pkg_));
        run_record r;
        r.name = r.run_name = name;
        r.scenario = pkg_;
        r.repetition_index = next_index_[name]++;
        r.cpu_time_ns = std::numeric_limits<double>::quiet_NaN();  // Go does not measure it
        return r;
    }

    const std::string& source_;
    report rep_;
    nlohmann::json config_ = nlohmann::json::object();
    std::string pkg_;
    std::map<std::string, std::string> pkg_of_;
    std::map<std::string, int> next_index_;
    std::size_t number_ = 0;
};

}  // namespace

report parse_go_bench(std::string_view text, const std::string& source) {
    go_parser p(source);
    std::size_t number = 0;
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        p.line(++number, text.substr(0, nl));
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    }
    return p.finish();
}

}  // namespace psem::bench
