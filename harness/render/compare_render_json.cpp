// render/compare_render_json.cpp - the comparison as the JSON difference report.
#include "render/format.hpp"
#include "render/compare_render.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace psem::bench {
namespace {

using ojson = nlohmann::ordered_json;

// JSON has no NaN: an unknown figure is null.

ojson side_json(const side_figures& s) {
    return ojson{{"median_ns", json_number(s.median_ns)},
                 {"repetitions", s.repetitions},
                 {"cv", json_number(s.cv)},
                 {"spread_too_wide", s.spread_too_wide},
                 {"aggregates_only", s.aggregates_only},
                 {"failed_runs", s.failed_runs},
                 {"samples_ns", s.samples_ns}};
}

ojson benchmark_json(const benchmark_comparison& b) {
    ojson j{{"name", b.name},
            {"verdict", verdict_name(b.outcome)},
            {"regression", b.regression},
            {"baseline", side_json(b.baseline)},
            {"contender", side_json(b.contender)},
            {"ratio", json_number(b.ratio)},
            {"change_percent", json_number(b.change * 100)},
            {"median_ratio", json_number(b.median_ratio)},
            {"ratio_ci", {{"estimate", json_number(b.interval.estimate)},
                          {"lower", json_number(b.interval.lower)},
                          {"upper", json_number(b.interval.upper)},
                          {"confidence", json_number(b.interval.confidence)}}},
            {"p_value", b.p_value ? json_number(*b.p_value) : ojson(nullptr)},
            {"min_p_value", json_number(b.min_p_value)}};
    // With "pairs" > 0, repetitions_needed counts rounds (see compare.hpp).
    j["repetitions_needed"] = b.repetitions_needed ? ojson(*b.repetitions_needed) : ojson(nullptr);
    j["pairs"] = b.pairs;
    return j;
}

}  // namespace

std::string render_comparison_json(const comparison& c) {
    ojson j;
    j["options"] = {{"threshold_percent", c.options.threshold * 100},
                    {"alpha", c.options.alpha},
                    {"max_cv_percent", c.options.max_cv * 100},
                    {"confidence", c.options.confidence}};
    j["test"] = c.paired ? "wilcoxon-signed-rank (paired rounds)" : "mann-whitney-u";
    j["regressions"] = c.regressions;
    j["benchmarks"] = ojson::array();
    for (const benchmark_comparison& b : c.benchmarks) j["benchmarks"].push_back(benchmark_json(b));
    j["geomean"] = {{"ratio", json_number(c.geomean_ratio)},
                    {"change_percent", json_number((c.geomean_ratio - 1) * 100)},
                    {"benchmarks", c.geomean_count}};
    j["only_in_baseline"] = c.only_in_baseline;
    j["only_in_contender"] = c.only_in_contender;
    j["context_differences"] = ojson::array();
    for (const context_difference& d : c.context_differences)
        j["context_differences"].push_back({{"field", d.field}, {"baseline", d.baseline}, {"contender", d.contender}});
    j["warnings"] = comparison_notes(c);
    // Names come from the input files: replace invalid UTF-8 rather than throw.
    return j.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

}  // namespace psem::bench
