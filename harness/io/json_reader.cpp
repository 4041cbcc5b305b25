// io/json_reader.cpp - see json_reader.hpp.
#include "io/json_reader.hpp"

#include "io/json_fields.hpp"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>

namespace psem::bench {
namespace {

using ojson = nlohmann::ordered_json;  // ordered: "params" keep their order

std::string type_name(const ojson& j) {
    if (j.is_number_integer()) return "an integer";
    if (j.is_number()) return "a number";
    if (j.is_string()) return "a string";
    if (j.is_boolean()) return "a boolean";
    if (j.is_null()) return "null";
    if (j.is_array()) return "an array";
    return "an object";
}

// GB writes NaN and +-Infinity as bare tokens, which is not JSON. Quote them (outside
// strings) so the document parses; number() below turns them back into doubles.
std::string quote_non_finite(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            out += c;
            if (c == '\\' && i + 1 < text.size()) out += text[++i];
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        bool replaced = false;
        for (const std::string_view token : {"NaN", "Infinity", "-Infinity"}) {
            if (text.substr(i, token.size()) == token) {
                out += '"';
                out += token;
                out += '"';
                i += token.size() - 1;
                replaced = true;
                break;
            }
        }
        if (!replaced) out += c;
    }
    return out;
}

// Reads one entry's fields, with errors that say where.
class fields {
public:
    fields(const ojson& obj, std::string source, std::string path)
        : obj_(obj), source_(std::move(source)), path_(std::move(path)) {}

    [[noreturn]] void fail(const std::string& key, const std::string& message) const {
        throw report_error(source_, key.empty() ? path_ : path_ + "/" + key, message);
    }

    [[nodiscard]] const ojson* find(const std::string& key) const {
        const auto it = obj_.find(key);
        return it == obj_.end() ? nullptr : &*it;
    }

    [[nodiscard]] std::string text(const std::string& key, const std::string* fallback = nullptr) const {
        const ojson* v = find(key);
        if (!v) {
            if (fallback) return *fallback;
            fail(key, "missing (expected a string)");
        }
        if (!v->is_string()) fail(key, "expected a string, found " + type_name(*v));
        return v->get<std::string>();
    }

    [[nodiscard]] std::string text_or(const std::string& key, const std::string& fallback) const {
        return text(key, &fallback);
    }

    [[nodiscard]] bool flag_or(const std::string& key, bool fallback) const {
        const ojson* v = find(key);
        if (!v) return fallback;
        if (!v->is_boolean()) fail(key, "expected true or false, found " + type_name(*v));
        return v->get<bool>();
    }

    [[nodiscard]] long long integer_or(const std::string& key, long long fallback, bool required = false) const {
        const ojson* v = find(key);
        if (!v) {
            if (required) fail(key, "missing (expected an integer)");
            return fallback;
        }
        if (!v->is_number_integer()) fail(key, "expected an integer, found " + type_name(*v));
        if (v->is_number_unsigned() && v->get<std::uint64_t>() > std::numeric_limits<long long>::max())
            fail(key, "integer out of range");
        return v->get<long long>();
    }

    [[nodiscard]] int small_integer_or(const std::string& key, int fallback) const {
        const long long n = integer_or(key, fallback);
        if (n < std::numeric_limits<int>::min() || n > std::numeric_limits<int>::max())
            fail(key, "integer out of range");
        return static_cast<int>(n);
    }

    [[nodiscard]] std::uint64_t count(const std::string& key) const {
        const ojson* v = find(key);
        if (!v) fail(key, "missing (expected a non-negative integer)");
        if (v->is_number_unsigned()) return v->get<std::uint64_t>();
        if (v->is_number_integer()) fail(key, "expected a non-negative integer, found a negative one");
        fail(key, "expected a non-negative integer, found " + type_name(*v));
    }

    // A figure: a number, null (written for NaN) or GB's quoted non-finite tokens.
    [[nodiscard]] double number(const std::string& key) const {
        const ojson* v = find(key);
        if (!v) fail(key, "missing (expected a number)");
        return number_value(*v, key);
    }

    [[nodiscard]] double number_value(const ojson& v, const std::string& key) const {
        if (v.is_number()) return v.get<double>();
        if (v.is_null()) return std::numeric_limits<double>::quiet_NaN();
        if (v.is_string()) {
            const auto& s = v.get_ref<const std::string&>();
            if (s == "NaN") return std::numeric_limits<double>::quiet_NaN();
            if (s == "Infinity") return std::numeric_limits<double>::infinity();
            if (s == "-Infinity") return -std::numeric_limits<double>::infinity();
        }
        fail(key, "expected a number, found " + type_name(v));
    }

    [[nodiscard]] const ojson& object() const { return obj_; }

private:
    const ojson& obj_;
    std::string source_;
    std::string path_;
};

double ns_per_unit(const fields& f) {
    const std::string unit = f.text_or("time_unit", "ns");
    if (unit == "ns") return 1;
    if (unit == "us") return 1e3;
    if (unit == "ms") return 1e6;
    if (unit == "s") return 1e9;
    f.fail("time_unit", "unknown time unit \"" + unit + "\" (expected ns, us, ms or s)");
}

run_record read_benchmark(const fields& f) {
    run_record r;
    r.name = f.text("name");
    r.run_type = f.text_or("run_type", "iteration");
    if (r.run_type != "iteration" && r.run_type != "aggregate")
        f.fail("run_type", "expected \"iteration\" or \"aggregate\", found \"" + r.run_type + "\"");
    r.aggregate_name = f.text_or("aggregate_name", "");
    // Before GB 1.7 there was no aggregate_unit; cv was the only percentage.
    r.aggregate_unit = f.text_or("aggregate_unit", r.aggregate_name == "cv" ? "percentage" : "time");
    std::string bare = r.name;
    const std::string suffix = "_" + r.aggregate_name;
    if (r.run_type == "aggregate" && bare.size() > suffix.size() &&
        bare.compare(bare.size() - suffix.size(), suffix.size(), suffix) == 0)
        bare.resize(bare.size() - suffix.size());
    r.run_name = f.text_or("run_name", bare);
    r.scenario = f.text_or("scenario", "");
    r.workload = f.text_or("workload", "");
    r.repetitions = f.small_integer_or("repetitions", 1);
    r.repetition_index = f.small_integer_or("repetition_index", 0);
    r.threads = f.small_integer_or("threads", 1);
    r.processes = f.small_integer_or("processes", 1);
    r.error_occurred = f.flag_or("error_occurred", false);
    r.error_message = f.text_or("error_message", "");

    r.ops = f.count("iterations");
    // GB writes percentage aggregates (cv) as plain fractions, whatever the time unit.
    const double unit = ns_per_unit(f);
    const double scale = r.aggregate_unit == "percentage" ? 1.0 : unit;
    r.real_time_ns = f.number("real_time") * scale;
    r.cpu_time_ns = f.number("cpu_time") * scale;
    if (f.find("wall_ns")) r.wall_ns = f.number("wall_ns");
    if (f.find("cpu_ns")) r.cpu_ns = f.number("cpu_ns");
    // Kept as written (HdrHistogram's base64): whoever needs the counts decodes it and
    // refuses what does not decode (measure/hdr_codec).
    r.latency_histogram = f.text_or("latency_histogram", "");

    if (const ojson* params = f.find("params")) {
        if (!params->is_object()) f.fail("params", "expected an object, found " + type_name(*params));
        for (const auto& [key, value] : params->items()) r.params.emplace_back(key, nlohmann::json(value));
    }
    // Everything else numeric is a counter (GB's user counters, ours, allocs_per_iter...);
    // null and GB's non-finite tokens are numbers that were NaN or infinite.
    for (const auto& [key, value] : f.object().items()) {
        if (json_fields::is_benchmark_field(key)) continue;
        const bool non_finite = value.is_null() || (value.is_string() && (value == "NaN" || value == "Infinity" ||
                                                                            value == "-Infinity"));
        if (value.is_number() || non_finite) r.counters[key] = f.number_value(value, key);
    }
    return r;
}

check_record read_check(const fields& f) {
    check_record c;
    c.name = f.text("name");
    c.expected = f.text_or("expected", "");
    c.observed = f.text_or("observed", "");
    c.passed = f.flag_or("passed", false);
    c.skipped = f.flag_or("skipped", false);
    c.reason = f.text_or("reason", "");
    if (f.find("trials")) c.trials = f.small_integer_or("trials", 0);
    if (f.find("lateness_p50_ns")) c.lateness_p50_ns = f.number("lateness_p50_ns");
    if (f.find("lateness_p99_ns")) c.lateness_p99_ns = f.number("lateness_p99_ns");
    if (f.find("lateness_max_ns")) c.lateness_max_ns = f.number("lateness_max_ns");
    for (const auto& [key, value] : f.object().items()) {
        if (json_fields::contains(json_fields::check_reserved, key)) continue;
        if (value.is_number() || value.is_null()) c.extra[key] = f.number_value(value, key);
    }
    return c;
}

ojson parse_text(std::string_view text, const std::string& source) {
    try {
        return ojson::parse(text);
    } catch (const nlohmann::json::exception& first) {
        // Maybe only GB's non-finite tokens are in the way; if not, report the original
        // error, whose line and column match the file. (exception, not parse_error: a
        // number beyond a double's range, "1e400", is out_of_range.)
        try {
            return ojson::parse(quote_non_finite(text));
        } catch (const nlohmann::json::exception&) {
            std::string what = first.what();
            if (const auto pos = what.find("] "); pos != std::string::npos) what.erase(0, pos + 2);
            throw report_error(source, "", "not valid JSON: " + what);
        }
    }
}

}  // namespace

report parse_report(std::string_view text, const std::string& source) {
    const ojson doc = parse_text(text, source);
    if (!doc.is_object()) throw report_error(source, "", "expected a JSON object at the top, found " + type_name(doc));
    report rep;
    if (const auto it = doc.find("context"); it != doc.end()) {
        if (!it->is_object()) throw report_error(source, "/context", "expected an object, found " + type_name(*it));
        rep.context = nlohmann::json(*it);
    }
    const auto benchmarks = doc.find("benchmarks");
    if (benchmarks == doc.end())
        throw report_error(source, "", "missing \"benchmarks\": not a psem-bench or Google Benchmark report");
    if (!benchmarks->is_array())
        throw report_error(source, "/benchmarks", "expected an array, found " + type_name(*benchmarks));
    for (std::size_t i = 0; i < benchmarks->size(); ++i) {
        const ojson& entry = (*benchmarks)[i];
        const std::string path = "/benchmarks/" + std::to_string(i);
        if (!entry.is_object()) throw report_error(source, path, "expected an object, found " + type_name(entry));
        // Complexity fits (BigO, RMS) carry coefficients, not times: nothing to compare.
        if (entry.contains("big_o") || entry.contains("rms")) continue;
        rep.benchmarks.push_back(read_benchmark(fields(entry, source, path)));
    }
    if (const auto checks = doc.find("checks"); checks != doc.end()) {
        if (!checks->is_array()) throw report_error(source, "/checks", "expected an array, found " + type_name(*checks));
        for (std::size_t i = 0; i < checks->size(); ++i) {
            const ojson& entry = (*checks)[i];
            const std::string path = "/checks/" + std::to_string(i);
            if (!entry.is_object()) throw report_error(source, path, "expected an object, found " + type_name(entry));
            rep.checks.push_back(read_check(fields(entry, source, path)));
        }
    }
    return rep;
}

report read_report(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw report_error(path.string(), "", "is a directory, not a report");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw report_error(path.string(), "", std::string("cannot open: ") + std::strerror(errno));
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) throw report_error(path.string(), "", "read error");
    return parse_report(buf.str(), path.string());
}

}  // namespace psem::bench
