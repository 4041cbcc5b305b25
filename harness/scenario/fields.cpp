// scenario/fields.cpp - one reader per kind of field (schema.hpp): the type, range and
// syntax of one value. Rules that relate several fields (pingpong needs 2 processes, ...)
// live in validate.cpp.
#include "scenario/fields.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <type_traits>
#include <variant>

namespace psem::bench {

const std::vector<std::string>& known_workloads() {
    static const std::vector<std::string> names(schema::workload_names.begin(), schema::workload_names.end());
    return names;
}

const std::vector<std::string>& known_checks() {
    static const std::vector<std::string> names = {
        "try_wait_zero",          "try_wait_after_take",     "timed_wait_timeout",
        "timed_wait_posted",      "timed_wait_past_deadline", "post_overflow",
        "create_value_too_large", "create_exclusive_exists", "open_missing", "open_not_a_semaphore",
        "unlink_missing",         "name_invalid",            "name_too_long",
        "open_permission_denied", "wait_interrupted",        "open_no_descriptors"};
    return names;
}

namespace detail {
namespace {

void refuse(std::vector<issue>& issues, std::string message) {
    issues.push_back({"", std::move(message)});
}

// Integers arrive as JSON unsigned, signed or floating numbers (1e6 is a float to the
// parser): accept any of them when the value is a whole number in [min, max].
std::optional<std::uint64_t> read_integer(const ojson& v, std::uint64_t min, std::uint64_t max,
                                          std::vector<issue>& issues) {
    const std::string_view what = min == 0 ? "a non-negative integer" : "a positive integer";
    const auto wrong = [&] {
        refuse(issues, fmt::format("expected {}, got {}", what, describe(v)));
        return std::nullopt;
    };
    const auto too_large = [&] {
        refuse(issues, fmt::format("expected at most {}, got {}", max, describe(v)));
        return std::nullopt;
    };
    std::uint64_t n = 0;
    if (v.is_number_unsigned()) {
        n = v.get<std::uint64_t>();
    } else if (v.is_number_integer()) {
        const auto i = v.get<std::int64_t>();
        if (i < 0) return wrong();
        n = static_cast<std::uint64_t>(i);
    } else if (v.is_number_float()) {
        const double d = v.get<double>();
        if (d != std::floor(d) || d < 0) return wrong();
        if (d > static_cast<double>(max)) return too_large();
        n = static_cast<std::uint64_t>(d);
    } else {
        return wrong();
    }
    if (n < min) return wrong();
    if (n > max) return too_large();
    return n;
}

// Stores a whole number into whichever integer member the row names.
void store_integer(const schema::field& f, const ojson& v, scenario& out, std::vector<issue>& issues) {
    const auto n = read_integer(v, f.min, f.max, issues);
    if (!n) return;
    std::visit(
        [&](auto m) {
            using T = std::remove_cvref_t<decltype(out.*m)>;
            if constexpr (std::is_same_v<T, std::optional<std::uint64_t>>) {
                out.*m = *n;
            } else if constexpr (std::is_integral_v<T>) {
                out.*m = static_cast<T>(*n);
            }
        },
        f.where);
}

void store_schema_version(const ojson& v, int& out, std::vector<issue>& issues) {
    if (!v.is_number()) {
        refuse(issues, fmt::format("expected the number 1, got {}", describe(v)));
    } else if (v != 1) {
        refuse(issues, fmt::format("unsupported schema version {}; this psem-bench reads version 1",
                                   describe(v)));
    } else {
        out = 1;
    }
}

// The name becomes a file name and a benchmark prefix: no '/', no leading '.', no spaces.
void store_name(const ojson& v, std::string& out, std::vector<issue>& issues) {
    const auto safe = [](const std::string& s) {
        const auto ok = [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        };
        return !s.empty() && s.size() <= 64 && s[0] != '.' && s[0] != '_' && s[0] != '-' &&
               std::all_of(s.begin(), s.end(), ok);
    };
    if (!v.is_string() || !safe(v.get<std::string>())) {
        refuse(issues, fmt::format("expected a name of 1 to 64 characters a-z 0-9 . _ - starting with "
                                   "a letter or digit (a safe file name), got {}",
                                   describe(v)));
    } else {
        out = v.get<std::string>();
    }
}

void store_text(const ojson& v, std::string& out, std::vector<issue>& issues) {
    if (!v.is_string()) {
        refuse(issues, fmt::format("expected a string, got {}", describe(v)));
    } else {
        out = v.get<std::string>();
    }
}

// A string that must be one of `allowed`; the message lists them and names a likely typo.
void store_choice(const ojson& v, std::span<const std::string_view> allowed, std::string& out,
                  std::vector<issue>& issues) {
    if (v.is_string()) {
        const auto s = v.get<std::string>();
        if (std::find(allowed.begin(), allowed.end(), s) != allowed.end()) {
            out = s;
            return;
        }
    }
    std::string list;
    for (std::size_t i = 0; i < allowed.size(); ++i) {
        list += fmt::format("{}\"{}\"", i == 0 ? "" : i + 1 == allowed.size() ? " or " : ", ", allowed[i]);
    }
    std::string message = fmt::format("expected {}, got {}", list, describe(v));
    if (v.is_string()) {
        if (auto guess = closest_match(v.get<std::string>(), allowed); !guess.empty()) {
            message += fmt::format(" (did you mean \"{}\"?)", guess);
        }
    }
    refuse(issues, std::move(message));
}

// "0,2-3": comma-separated CPU numbers and inclusive ranges, each below CPU_SETSIZE (1024,
// the largest set a static cpu_set_t holds), ranges ascending. Returns the problem or "".
std::string cpu_list_problem(std::string_view s) {
    constexpr unsigned cpu_limit = 1024;
    const std::string shown = json_quoted(s);
    const std::string malformed = fmt::format("malformed CPU list {}; expected numbers and ranges like \"0,2-3\"", shown);
    std::size_t i = 0;
    const auto number = [&](unsigned& n) {
        const std::size_t start = i;
        n = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < 6) {
            n = n * 10 + static_cast<unsigned>(s[i] - '0');
            ++i;
        }
        return i > start;
    };
    while (true) {
        unsigned lo = 0;
        unsigned hi = 0;
        if (!number(lo)) return malformed;
        hi = lo;
        if (i < s.size() && s[i] == '-') {
            ++i;
            if (!number(hi)) return malformed;
            if (hi < lo) return fmt::format("CPU range {}-{} in {} runs backwards", lo, hi, shown);
        }
        if (hi >= cpu_limit) {
            return fmt::format("CPU {} in {} is beyond the largest supported CPU, {}", hi, shown, cpu_limit - 1);
        }
        if (i == s.size()) return {};
        if (s[i] != ',') return malformed;
        ++i;
    }
}

void store_affinity(const ojson& v, std::string& out, std::vector<issue>& issues) {
    if (v.is_string()) {
        const auto s = v.get<std::string>();
        if (s == "none" || s == "spread" || s == "compact") {
            out = s;
            return;
        }
        // Digits, commas and dashes only: meant as a CPU list, so say what is wrong with it.
        if (!s.empty() && s.find_first_not_of("0123456789,-") == std::string::npos) {
            if (auto problem = cpu_list_problem(s); !problem.empty()) {
                refuse(issues, std::move(problem));
            } else {
                out = s;
            }
            return;
        }
    }
    refuse(issues, fmt::format("expected \"none\", \"spread\", \"compact\" or a CPU list like \"0,2-3\", got {}",
                               describe(v)));
}

void store_timeout(const ojson& v, double& out, std::vector<issue>& issues) {
    if (!v.is_number() || !(v.get<double>() > 0)) {
        refuse(issues, fmt::format("expected a positive number of seconds, got {}", describe(v)));
    } else if (v.get<double>() > 86400) {
        refuse(issues, fmt::format("expected at most 86400 (one day), got {}", describe(v)));
    } else {
        out = v.get<double>();
    }
}

void store_checks(const ojson& v, std::vector<std::string>& out, std::vector<issue>& issues) {
    if (!v.is_array()) {
        refuse(issues, fmt::format("expected an array of check names, got {}", describe(v)));
        return;
    }
    static const std::vector<std::string_view> names(known_checks().begin(), known_checks().end());
    std::vector<std::string> checks;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const auto& item = v[i];
        const std::string sub = fmt::format("/{}", i);
        if (!item.is_string()) {
            issues.push_back({sub, fmt::format("expected a check name, got {}", describe(item))});
            continue;
        }
        const auto s = item.get<std::string>();
        if (std::find(names.begin(), names.end(), s) == names.end()) {
            std::string message = fmt::format("unknown check {}", json_quoted(s));
            if (auto guess = closest_match(s, names); !guess.empty()) {
                message += fmt::format(" (did you mean \"{}\"?)", guess);
            }
            issues.push_back({sub, std::move(message)});
        } else if (auto dup = std::find(checks.begin(), checks.end(), s); dup != checks.end()) {
            issues.push_back({sub, fmt::format("duplicate check {}", json_quoted(s))});
        } else {
            checks.push_back(s);
        }
    }
    out = std::move(checks);
}

}  // namespace

void store(const schema::field& f, const ojson& v, scenario& out, std::vector<issue>& issues) {
    using schema::kind;
    switch (f.type) {
        case kind::integer: return store_integer(f, v, out, issues);
        case kind::seconds: return store_timeout(v, out.*std::get<double scenario::*>(f.where), issues);
        case kind::text: return store_text(v, out.*std::get<std::string scenario::*>(f.where), issues);
        case kind::choice: {
            std::vector<std::string_view> allowed;
            for (auto c : f.choices)
                if (!c.empty()) allowed.push_back(c);
            return store_choice(v, allowed, out.*std::get<std::string scenario::*>(f.where), issues);
        }
        case kind::schema_version: return store_schema_version(v, out.*std::get<int scenario::*>(f.where), issues);
        case kind::safe_name: return store_name(v, out.*std::get<std::string scenario::*>(f.where), issues);
        case kind::affinity: return store_affinity(v, out.*std::get<std::string scenario::*>(f.where), issues);
        case kind::check_list:
            return store_checks(v, out.*std::get<std::vector<std::string> scenario::*>(f.where), issues);
    }
}

std::string unknown_field_message(std::string_view name) {
    std::vector<std::string_view> names;
    for (const auto& f : schema::fields) names.push_back(f.name);
    names.push_back(sweep_key);
    std::string message = fmt::format("unknown field {}", json_quoted(name));
    if (auto guess = closest_match(name, names); !guess.empty()) {
        message += fmt::format(" (did you mean \"{}\"?)", guess);
    }
    return message;
}

std::string json_quoted(std::string_view text) {
    // Long strings are cut: a message quotes a value to identify it, not to reproduce it.
    constexpr std::size_t max_shown = 40;
    const bool cut = text.size() > max_shown;
    std::string shown = ojson(std::string(text.substr(0, cut ? max_shown - 3 : text.size())))
                            .dump(-1, ' ', false, ojson::error_handler_t::replace);
    if (cut) shown.insert(shown.size() - 1, "...");
    return shown;
}

std::string describe(const ojson& value) {
    if (value.is_array()) return "an array";
    if (value.is_object()) return "an object";
    if (value.is_string()) return json_quoted(value.get<std::string>()) + " (a string)";
    return value.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

std::string name_fragment(const nlohmann::json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number_float()) {
        const double d = value.get<double>();
        if (d == std::floor(d) && std::fabs(d) < 9.0e15) return fmt::format("{}", static_cast<std::int64_t>(d));
    }
    if (value.is_array()) {
        std::string out;
        for (const auto& item : value) {
            if (!out.empty()) out += ',';
            out += name_fragment(item);
        }
        return out;
    }
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace detail

namespace schema {

nlohmann::json value_of(const scenario& sc, const field& f) {
    return std::visit(
        [&](auto m) -> nlohmann::json {
            using T = std::remove_cvref_t<decltype(sc.*m)>;
            if constexpr (std::is_same_v<T, std::optional<std::uint64_t>>) {
                return sc.*m ? nlohmann::json(*(sc.*m)) : nlohmann::json(nullptr);
            } else {
                return sc.*m;
            }
        },
        f.where);
}

bool at_default(const scenario& sc, const field& f) {
    static const scenario defaults;
    return std::visit([&](auto m) { return sc.*m == defaults.*m; }, f.where);
}

}  // namespace schema
}  // namespace psem::bench
