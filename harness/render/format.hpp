// render/format.hpp - how numbers look in tables meant for people. Pure functions; a
// missing value (NaN) prints as "-".
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace psem::bench {

/// ns/op figures: "1.23", "14.2", "416", "12345" (more digits for small values).
[[nodiscard]] std::string format_ns(double ns);
/// A duration with a unit chosen for it: "850 ns", "12.3 us", "1.20 ms", "2.00 s".
[[nodiscard]] std::string format_duration(double ns);
/// A rate with an SI suffix: "950", "12.3k", "70.4M", "1.20G".
[[nodiscard]] std::string format_rate(double per_second);
/// A fraction as a percentage: 0.0123 -> "1.23%".
[[nodiscard]] std::string format_percent(double fraction);
/// A p-value: "0.031", "2.4e-05".
[[nodiscard]] std::string format_p_value(double p);
/// A small ratio such as context switches per op: "0.00", "0.53", "2.1".
[[nodiscard]] std::string format_ratio(double x);

/// A number for a JSON output: null when it is NaN or infinite (strict JSON has neither).
[[nodiscard]] nlohmann::ordered_json json_number(double v);

/// The same, for optional values ("-" when absent).
template <class F>
[[nodiscard]] std::string format_opt(F format, const std::optional<double>& v) {
    return v ? format(*v) : std::string("-");
}

}  // namespace psem::bench
