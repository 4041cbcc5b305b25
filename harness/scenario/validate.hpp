// scenario/validate.hpp - a parsed JSON document to a validated scenario and its run
// points. parse_scenario, apply_overrides and expand_sweep all end here, so a rule is
// written once and holds wherever a value came from. Internal to harness/scenario.
#pragma once

#include "scenario/fields.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace psem::bench::detail {

/// Where a field's value came from, so that an error points at what the user wrote: the
/// file and "/processes", a sweep value "/sweep/processes/2", or an override, which keeps
/// the file and path and notes " (from --set processes=3)" after the message.
struct origin {
    std::string file;
    std::string path;
    bool varied = false;  // a sweep value or an override: blamed first for a contradiction
    std::string note;     // appended to messages about this field
};

class origins {
public:
    explicit origins(std::string file) : file_(std::move(file)) {}
    void set(const std::string& field, origin where) { special_[field] = std::move(where); }
    [[nodiscard]] origin of(const std::string& field) const;
    [[nodiscard]] const std::string& file() const { return file_; }

private:
    std::string file_;
    std::map<std::string, origin> special_;
};

/// process_headroom() or a stand-in (tests); called at most once per document.
using headroom_source = std::function<std::optional<long>()>;

/// Most run points one scenario may expand into; a larger sweep is surely a mistake.
inline constexpr std::size_t max_sweep_points = 10000;

struct document_result {
    std::optional<scenario> value;  // set when there are no errors; sweep kept, not applied
    std::vector<run_point> points;  // every sweep point (one without a sweep); empty on error
    std::vector<scenario_error> errors;
};

/// Validates a whole document: fields, the sweep's shape and every sweep point.
[[nodiscard]] document_result check_document(const ojson& doc, const origins& where,
                                             const headroom_source& headroom);

/// "postwait/processes:8/threads:1" (see run_point::benchmark_name).
[[nodiscard]] std::string benchmark_name(const scenario& sc,
                                         const std::vector<std::pair<std::string, nlohmann::json>>& params);

}  // namespace psem::bench::detail
