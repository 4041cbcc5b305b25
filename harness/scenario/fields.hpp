// scenario/fields.hpp - reading one field's value through its row of the field table
// (scenario/schema.hpp). One reader serves the file, the sweep values and --set
// overrides, so a value is judged the same way wherever it comes from. Internal to
// harness/scenario.
#pragma once

#include "scenario/scenario.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace psem::bench::detail {

using ojson = nlohmann::ordered_json;

/// A problem with one value: `subpath` is appended to the field's path ("/2" for the
/// third element of "checks"), usually empty.
struct issue {
    std::string subpath;
    std::string message;
};

/// The document's key that is not a field: the sweep (scenarios/README.md, "Sweeps").
inline constexpr std::string_view sweep_key = "sweep";

/// Checks `value` against field `f`'s row and stores it into `out`; appends to `issues`
/// when it is refused.
void store(const schema::field& f, const ojson& value, scenario& out, std::vector<issue>& issues);

/// `unknown field "proceses" (did you mean "processes"?)`.
[[nodiscard]] std::string unknown_field_message(std::string_view name);

/// The closest of `candidates` to `word` when it is close enough to be a likely typo
/// (small edit distance, or `word` is a prefix of it), else empty.
[[nodiscard]] std::string closest_match(std::string_view word, std::span<const std::string_view> candidates);

/// A value as a message shows it: `-3`, `2.5`, `"8" (a string)`, `true`, `an array`.
[[nodiscard]] std::string describe(const ojson& value);

/// `text` as a JSON string literal, cut to about 40 characters.
[[nodiscard]] std::string json_quoted(std::string_view text);

/// A value as a benchmark name shows it: numbers as written, strings unquoted, arrays
/// joined with ','.
[[nodiscard]] std::string name_fragment(const nlohmann::json& value);

}  // namespace psem::bench::detail
