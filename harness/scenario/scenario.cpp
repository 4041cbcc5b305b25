// scenario/scenario.cpp - the public entry points: text or file to a scenario, overrides,
// sweep expansion, and the canonical JSON form they share.
#include "scenario/scenario.hpp"

#include "scenario/json_text.hpp"
#include "scenario/sha256.hpp"
#include "scenario/validate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

namespace psem::bench {

std::string scenario_error::to_string() const {
    if (line > 0) return fmt::format("{}:{}:{}: {}", file, line, column, message);
    if (json_path.empty()) return fmt::format("{}: {}", file, message);
    return fmt::format("{}: {}: {}", file, json_path, message);
}

nlohmann::ordered_json to_json(const scenario& sc) {
    const auto swept = [&](std::string_view f) {
        return std::any_of(sc.sweep.begin(), sc.sweep.end(), [&](const auto& s) { return s.first == f; });
    };
    // Sweeping (or overriding) one of two fields that size the same thing replaces the other.
    const auto partner_swept = [&](const schema::field& f) {
        if (!f.conflicts_with.empty() && swept(f.conflicts_with)) return true;
        return std::any_of(schema::fields.begin(), schema::fields.end(),
                           [&](const schema::field& g) { return g.conflicts_with == f.name && swept(g.name); });
    };
    nlohmann::ordered_json j;
    for (const auto& f : schema::fields) {
        if (swept(f.name) || partner_swept(f)) continue;
        if (!schema::applies_to(f, sc.workload)) continue;
        // A derived field written out would pin it against a new value of its sources.
        if (f.derived_for == sc.workload) continue;
        if (f.written == schema::emit::unless_default && schema::at_default(sc, f)) continue;
        j[std::string(f.name)] = schema::value_of(sc, f);
    }
    if (!sc.sweep.empty()) {
        nlohmann::ordered_json sweep = nlohmann::ordered_json::object();
        for (const auto& [field, values] : sc.sweep) {
            auto& list = sweep[field] = nlohmann::ordered_json::array();
            for (const auto& v : values) list.push_back(nlohmann::ordered_json(v));
        }
        j[std::string(detail::sweep_key)] = std::move(sweep);
    }
    return j;
}

namespace {

parse_result finish(detail::document_result doc, std::string file, std::string sha256) {
    parse_result out;
    out.errors = std::move(doc.errors);
    if (doc.value && out.errors.empty()) {
        out.value = std::move(doc.value);
        out.value->source_file = std::move(file);
        out.value->source_sha256 = std::move(sha256);
    }
    return out;
}

}  // namespace

parse_result parse_scenario(std::string_view text, std::string_view file) {
    auto json = detail::parse_json_text(text, file);
    if (!json.value) return {std::nullopt, std::move(json.errors)};
    const detail::origins where{std::string(file)};
    parse_result out = finish(detail::check_document(*json.value, where, process_headroom),
                              std::string(file), sha256_hex(text));
    if (!json.errors.empty()) {  // duplicate keys: valid JSON, so report the rest as well
        json.errors.insert(json.errors.end(), out.errors.begin(), out.errors.end());
        return {std::nullopt, std::move(json.errors)};
    }
    return out;
}

parse_result load_scenario(const std::filesystem::path& file) {
    const std::string label = file.string();
    const auto fail = [&](std::string message) {
        return parse_result{std::nullopt, {{label, "", std::move(message), 0, 0}}};
    };
    // A scenario is a few hundred bytes; the cap keeps a wrong argument (a log, /dev/zero)
    // from being read whole.
    constexpr std::uintmax_t max_size = 1 << 20;
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    if (ec || !std::filesystem::exists(status)) {
        return fail(fmt::format("cannot read: {}", ec ? ec.message() : std::strerror(ENOENT)));
    }
    if (std::filesystem::is_directory(status)) return fail("is a directory; expected a scenario file");
    if (!std::filesystem::is_regular_file(status)) return fail("not a regular file");
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) return fail(fmt::format("cannot read: {}", ec.message()));
    if (size > max_size) {
        return fail(fmt::format("file too large ({} bytes; a scenario is at most {})", size, max_size));
    }
    std::ifstream in(file, std::ios::binary);
    std::string text(static_cast<std::size_t>(size), '\0');
    if (!in.read(text.data(), static_cast<std::streamsize>(size))) {
        return fail(fmt::format("cannot read: {}", std::strerror(errno)));
    }
    return parse_scenario(text, label);
}

parse_result apply_overrides(const scenario& base, const std::vector<std::string>& assignments) {
    nlohmann::ordered_json doc = to_json(base);
    detail::origins where{base.source_file};
    std::vector<scenario_error> errors;
    for (const auto& assignment : assignments) {
        const std::string label = fmt::format("--set {}", assignment);
        const auto eq = assignment.find('=');
        const std::string field = assignment.substr(0, eq);
        const schema::field* def = schema::find(field);
        if (eq == std::string::npos || eq == 0) {
            errors.push_back({label, "", "expected FIELD=VALUE", 0, 0});
        } else if (field == detail::sweep_key) {
            errors.push_back({label, "", "the sweep cannot be set from the command line; edit the file", 0, 0});
        } else if (def == nullptr) {
            errors.push_back({label, "", detail::unknown_field_message(field), 0, 0});
        } else {
            // JSON when it parses (numbers, true, [..]), else the text itself, so that
            // `--set affinity=0,2-3` needs no shell quoting of JSON quotes.
            const std::string text = assignment.substr(eq + 1);
            auto value = nlohmann::ordered_json::parse(text, nullptr, false);
            if (value.is_discarded()) value = text;
            doc[field] = std::move(value);
            where.set(field, {base.source_file, fmt::format("/{}", detail::pointer_token(field)), true,
                              fmt::format(" (from {})", label)});
            // An override replaces the field's sweep, and a field that sizes the same
            // thing (ops_per_worker and duration_ms) in the file or the sweep.
            std::vector<std::string> dropped = {field};
            if (!def->conflicts_with.empty()) dropped.emplace_back(def->conflicts_with);
            for (const auto& g : schema::fields)
                if (g.conflicts_with == field) dropped.emplace_back(g.name);
            const std::string sweep(detail::sweep_key);
            for (const auto& d : dropped) {
                if (d != field) doc.erase(d);
                if (doc.contains(sweep)) doc[sweep].erase(d);
            }
            if (doc.contains(sweep) && doc[sweep].empty()) doc.erase(sweep);
        }
    }
    parse_result out = finish(detail::check_document(doc, where, process_headroom), base.source_file,
                              base.source_sha256);
    if (!errors.empty()) {
        errors.insert(errors.end(), out.errors.begin(), out.errors.end());
        return {std::nullopt, std::move(errors)};
    }
    return out;
}

parse_result parse_point(const nlohmann::ordered_json& canonical, std::string_view label) {
    if (canonical.is_object() && canonical.contains(std::string(detail::sweep_key))) {
        return {std::nullopt, {{std::string(label), "/sweep", "a run point has no sweep", 0, 0}}};
    }
    const detail::origins where{std::string(label)};
    const auto no_headroom_check = [] { return std::optional<long>{}; };
    return finish(detail::check_document(canonical, where, no_headroom_check), std::string(label), {});
}

expand_result expand_sweep(const scenario& sc) {
    const detail::origins where{sc.source_file};
    auto doc = detail::check_document(to_json(sc), where, process_headroom);
    for (auto& point : doc.points) {
        point.config.source_file = sc.source_file;
        point.config.source_sha256 = sc.source_sha256;
    }
    return {std::move(doc.points), std::move(doc.errors)};
}

}  // namespace psem::bench
