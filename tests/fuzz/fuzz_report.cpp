// libFuzzer target: report text -> parse_report, and back through the writer.
//
// parse_report's contract: a report, or a report_error whose message starts with the
// source name. Any other exception escaping is a bug (psem-bench compare would print a
// message naming nothing). A report that was read must survive write + read unchanged in
// shape: the writer is what psem-bench uses to save what it read (pooling, baselines).
#include "io/json_reader.hpp"
#include "io/json_writer.hpp"
#include "io/report_error.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "fuzz_report: %s\n%s\n", what, detail.c_str());
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace psem::bench;
    const std::string_view text(reinterpret_cast<const char*>(data), size);  // NOLINT: bytes as text
    report rep;
    try {
        rep = parse_report(text, "fuzz.json");
    } catch (const report_error& e) {
        if (!std::string_view(e.what()).starts_with("fuzz.json: ")) fail("an error does not name the source", e.what());
        return 0;
    }
    const std::string written = to_json_string(rep);
    report again;
    try {
        again = parse_report(written, "written.json");
    } catch (const report_error& e) {
        fail("a report read back from the writer's output fails", std::string(e.what()) + "\n" + written);
    }
    if (again.benchmarks.size() != rep.benchmarks.size() || again.checks.size() != rep.checks.size())
        fail("write + read changed the number of entries", written);
    if (to_json_string(again) != written) fail("write + read + write is not stable", written);
    return 0;
}
