// JSON-level strictness: syntax errors with line and column, empty and binary input,
// nesting depth, duplicate keys, and the error formats of scenario_error::to_string.
#include "helpers.hpp"

#include "scenario/json_text.hpp"

#include <gtest/gtest.h>

namespace psem::bench {
namespace {

using testing::doc;
using testing::messages;

TEST(JsonText, SyntaxErrorNamesLineAndColumn) {
    const auto r = parse_scenario("{\n  \"a\": ,\n}", "t.json");
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].line, 2);
    EXPECT_EQ(r.errors[0].column, 8);
    EXPECT_EQ(r.errors[0].to_string(),
              "t.json:2:8: syntax error while parsing value - unexpected ','; expected '[', '{', or a literal");
}

TEST(JsonText, TrailingCommaOnThirdLine) {
    const auto r = parse_scenario("{\"schema_version\": 1,\n \"name\": \"t\",\n \"workload\": \"postwait\",\n}", "t.json");
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].line, 4);
    EXPECT_EQ(r.errors[0].column, 1);
}

TEST(JsonText, TruncatedFilePointsPastTheEnd) {
    const auto r = parse_scenario("{\"schema_version\": 1,\n\"name\": \"t", "t.json");
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].line, 2);
    EXPECT_EQ(r.errors[0].column, 11);
    EXPECT_NE(r.errors[0].message.find("missing closing quote"), std::string::npos) << r.errors[0].message;
}

TEST(JsonText, EmptyAndBlankFiles) {
    for (const char* text : {"", "   \n\t\r\n"}) {
        EXPECT_EQ(messages(parse_scenario(text, "t.json")), "t.json: empty file; expected a JSON object");
    }
}

TEST(JsonText, NulByteIsBinaryData) {
    const std::string text("{\"a\":\n 1\0\0", 10);
    EXPECT_EQ(messages(parse_scenario(text, "t.json")), "t.json:2:3: binary data (a NUL byte); expected JSON text");
}

TEST(JsonText, BinaryGarbageIsQuotedSafely) {
    const auto r = parse_scenario("\x89PNG\r\n\x1a\n\xff\xfe", "t.json");
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].line, 1);
    EXPECT_EQ(r.errors[0].column, 1);
    for (const char c : r.errors[0].message) {
        EXPECT_TRUE(c >= 0x20 && c < 0x7f) << "unprintable byte in: " << r.errors[0].message;
    }
}

TEST(JsonText, NestingLimit) {
    const auto nested = [](int depth) {
        return std::string(R"({"schema_version": 1, "name": "t", "workload": "postwait", "x": )") +
               std::string(static_cast<std::size_t>(depth - 1), '[') + std::string(static_cast<std::size_t>(depth - 1), ']') + "}";
    };
    // 64 levels are still JSON we read (the field is then unknown); 65 are refused, at the
    // bracket that opens level 65: the 64-character prefix plus 64 '['.
    EXPECT_EQ(messages(parse_scenario(nested(64), "t.json")), "t.json: /x: unknown field \"x\"");
    EXPECT_EQ(messages(parse_scenario(nested(65), "t.json")), "t.json:1:128: nesting deeper than 64 levels");
}

TEST(JsonText, AbsurdNestingFailsFast) {
    const auto r = parse_scenario(std::string(1'000'000, '['), "t.json");
    EXPECT_EQ(messages(r), "t.json:1:65: nesting deeper than 64 levels");
}

TEST(JsonText, BracketsInsideStringsDoNotCount) {
    const auto r = parse_scenario(doc(R"(, "description": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"{{")"));
    EXPECT_TRUE(r.ok()) << messages(r);
}

TEST(JsonText, DuplicateTopLevelKey) {
    const auto r = parse_scenario(doc(R"(, "processes": 2, "processes": 3)"), "t.json");
    EXPECT_EQ(messages(r), "t.json: /processes: duplicate key \"processes\" (each key may appear once)");
}

TEST(JsonText, DuplicateKeyInsideTheSweep) {
    const auto r = parse_scenario(doc(R"(, "sweep": {"processes": [1], "processes": [2]})"), "t.json");
    EXPECT_EQ(messages(r), "t.json: /sweep/processes: duplicate key \"processes\" (each key may appear once)");
}

TEST(JsonText, DuplicateKeysAreReportedWithOtherErrors) {
    const auto r = parse_scenario(doc(R"(, "name": "u", "processes": -1)"), "t.json");
    EXPECT_EQ(messages(r), "t.json: /name: duplicate key \"name\" (each key may appear once)\n"
                           "t.json: /processes: expected a positive integer, got -1");
}

TEST(JsonText, DuplicatePathsInNestedArraysAndObjects) {
    const auto r = detail::parse_json_text(R"({"a": {"x": 1}, "b": {"x": 2}, "c": [{"x": 1}, 7, {"x": 1, "y~/": 0, "y~/": 2}]})", "t");
    ASSERT_TRUE(r.value.has_value());
    EXPECT_EQ(messages(r.errors), "t: /c/2/y~0~1: duplicate key \"y~/\" (each key may appear once)");
}

TEST(JsonText, LineColumnArithmetic) {
    EXPECT_EQ(detail::line_column("abc", 0), std::make_pair(1, 1));
    EXPECT_EQ(detail::line_column("abc", 2), std::make_pair(1, 3));
    EXPECT_EQ(detail::line_column("a\nbc", 2), std::make_pair(2, 1));
    EXPECT_EQ(detail::line_column("a\nbc", 3), std::make_pair(2, 2));
    EXPECT_EQ(detail::line_column("a\n", 2), std::make_pair(2, 1));   // just past the end
    EXPECT_EQ(detail::line_column("a\n", 99), std::make_pair(2, 1));  // clamped
}

TEST(JsonText, ErrorFormats) {
    EXPECT_EQ((scenario_error{"f.json", "", "syntax", 3, 7}.to_string()), "f.json:3:7: syntax");
    EXPECT_EQ((scenario_error{"f.json", "/sweep/processes/2", "bad", 0, 0}.to_string()), "f.json: /sweep/processes/2: bad");
    EXPECT_EQ((scenario_error{"f.json", "", "empty file", 0, 0}.to_string()), "f.json: empty file");
}

TEST(JsonText, DefaultFileLabel) {
    EXPECT_EQ(messages(parse_scenario("")), "<string>: empty file; expected a JSON object");
}

}  // namespace
}  // namespace psem::bench
