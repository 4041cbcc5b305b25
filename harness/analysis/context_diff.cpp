// analysis/context_diff.cpp - see context_diff.hpp.
#include "analysis/context_diff.hpp"

#include <array>
#include <string_view>

namespace psem::bench {
namespace {

// The git revision is left out on purpose: comparing two revisions is the point.
constexpr std::array<std::string_view, 7> watched{
    "/host_name",       "/psem/cpu_model", "/num_cpus",     "/psem/kernel",
    "/library_build_type", "/psem/build_type", "/psem/version",
};

const nlohmann::json* at(const nlohmann::json& context, std::string_view pointer) {
    const nlohmann::json::json_pointer p{std::string(pointer)};
    if (!context.is_object() || !context.contains(p)) return nullptr;
    const nlohmann::json& v = context.at(p);
    // The context probes write "unknown" when they could not tell: nothing to compare.
    if (v.is_null() || (v.is_string() && (v.get_ref<const std::string&>().empty() || v == "unknown"))) return nullptr;
    return &v;
}

// Values come from the input files: replace invalid UTF-8 rather than throw.
std::string text_of(const nlohmann::json& v) {
    return v.is_string() ? v.get<std::string>() : v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::vector<context_difference> compare_contexts(const nlohmann::json& baseline, const nlohmann::json& contender) {
    std::vector<context_difference> out;
    for (const std::string_view field : watched) {
        const nlohmann::json* a = at(baseline, field);
        const nlohmann::json* b = at(contender, field);
        if (a && b && *a != *b) out.push_back({std::string(field), text_of(*a), text_of(*b)});
    }
    return out;
}

std::optional<std::string> known_context_value(const nlohmann::json& context, std::string_view pointer) {
    if (const nlohmann::json* v = at(context, pointer)) return text_of(*v);
    return std::nullopt;
}

}  // namespace psem::bench
