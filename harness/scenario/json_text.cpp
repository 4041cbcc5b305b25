// scenario/json_text.cpp - see json_text.hpp.
#include "scenario/json_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string>

namespace psem::bench::detail {
namespace {

using ojson = nlohmann::ordered_json;

scenario_error at_offset(std::string_view text, std::string_view file, std::size_t offset,
                         std::string message) {
    const auto [line, column] = line_column(text, offset);
    return {std::string(file), "", std::move(message), line, column};
}

// Finds what nlohmann would accept but a scenario must not contain, with a position:
// NUL bytes (binary data) and nesting beyond max_json_depth. The scan follows strings so
// that brackets inside them do not count; it stops at the first problem, and checking
// depth before parsing keeps absurd inputs ("[[[[..." a megabyte deep) cheap.
std::optional<scenario_error> prescan(std::string_view text, std::string_view file) {
    int depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\0') {
            return at_offset(text, file, i, "binary data (a NUL byte); expected JSON text");
        }
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_json_depth) {
                return at_offset(text, file, i,
                                 fmt::format("nesting deeper than {} levels", max_json_depth));
            }
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return std::nullopt;
}

// nlohmann's what() is "[json.exception.parse_error.101] parse error at line 2, column 8:
// syntax error while parsing value - unexpected ','; ...": keep the part after the
// position (we report our own), and escape bytes that are not printable ASCII, since
// "last read" may quote binary input.
std::string syntax_message(std::string_view what) {
    if (const auto col = what.find("column "); col != std::string_view::npos) {
        if (const auto colon = what.find(": ", col); colon != std::string_view::npos) {
            what.remove_prefix(colon + 2);
        }
    }
    std::string out;
    for (const char c : what) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte < 0x7f) {
            out += c;
        } else {
            out += fmt::format("\\x{:02x}", byte);
        }
    }
    return out;
}

// Tracks where the parser is (for the JSON path of a duplicate key) and which keys each
// open object has seen: nlohmann keeps the last of two equal keys without a word, and a
// scenario where "processes" appears twice is a mistake we must not guess about.
class duplicate_finder {
public:
    duplicate_finder(std::string_view file, std::vector<scenario_error>& errors)
        : file_(file), errors_(errors) {}

    bool operator()(int /*depth*/, ojson::parse_event_t event, ojson& parsed) {
        using ev = ojson::parse_event_t;
        switch (event) {
            case ev::object_start: stack_.push_back({true, {}, {}, 0}); break;
            case ev::array_start: stack_.push_back({false, {}, {}, 0}); break;
            case ev::key: on_key(parsed.get<std::string>()); break;
            case ev::object_end:
            case ev::array_end:
                stack_.pop_back();
                advance();
                break;
            case ev::value: advance(); break;
        }
        return true;  // keep everything: we only observe
    }

private:
    struct frame {
        bool object;
        std::set<std::string> keys;
        std::string key;        // object: the key being read
        std::size_t index = 0;  // array: the element being read
    };

    void on_key(std::string key) {
        frame& top = stack_.back();
        top.key = std::move(key);
        if (!top.keys.insert(top.key).second) {
            errors_.push_back({std::string(file_), path(),
                               fmt::format("duplicate key \"{}\" (each key may appear once)", top.key),
                               0, 0});
        }
    }

    void advance() {
        if (!stack_.empty() && !stack_.back().object) ++stack_.back().index;
    }

    std::string path() const {
        std::string out;
        for (const frame& f : stack_) {
            out += '/';
            out += f.object ? pointer_token(f.key) : std::to_string(f.index);
        }
        return out;
    }

    std::string_view file_;
    std::vector<scenario_error>& errors_;
    std::vector<frame> stack_;
};

}  // namespace

std::pair<int, int> line_column(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    const std::string_view before = text.substr(0, offset);
    const auto line = 1 + std::count(before.begin(), before.end(), '\n');
    const auto last_newline = before.rfind('\n');
    const std::size_t column = last_newline == std::string_view::npos ? offset + 1 : offset - last_newline;
    return {static_cast<int>(line), static_cast<int>(column)};
}

std::string pointer_token(std::string_view key) {
    std::string out;
    for (const char c : key) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

json_text_result parse_json_text(std::string_view text, std::string_view file) {
    json_text_result result;
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        result.errors.push_back({std::string(file), "", "empty file; expected a JSON object", 0, 0});
        return result;
    }
    if (auto problem = prescan(text, file)) {
        result.errors.push_back(std::move(*problem));
        return result;
    }
    try {
        result.value = ojson::parse(text.begin(), text.end(), duplicate_finder(file, result.errors));
    } catch (const ojson::parse_error& e) {
        // e.byte is the 1-based index of the last byte read: the offending one, or one
        // past the end when the text stops early.
        const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
        result.value.reset();
        result.errors.push_back(at_offset(text, file, offset, syntax_message(e.what())));
    } catch (const ojson::exception& e) {
        // A number beyond a double's range ("1e400") is out_of_range, not parse_error,
        // and carries no position (tests/fixtures/bad-scenarios/number-overflow.json).
        std::string_view what = e.what();
        if (const auto pos = what.find("] "); pos != std::string_view::npos) what.remove_prefix(pos + 2);
        result.value.reset();
        result.errors.push_back({std::string(file), "", syntax_message(what), 0, 0});
    }
    return result;
}

}  // namespace psem::bench::detail
