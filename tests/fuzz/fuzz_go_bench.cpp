// libFuzzer target: `go test -bench` text -> parse_go_bench, then through the report writer
// and reader, as `psem-bench import go --out` and a later compare do.
//
// parse_go_bench's contract: a report, or a report_error whose message starts with the
// source name. Any other exception escaping is a bug (import go would print a message
// naming no line). A report it gave must be written and read back with every entry.
#include "io/go_bench_reader.hpp"
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
    std::fprintf(stderr, "fuzz_go_bench: %s\n%s\n", what, detail.c_str());
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace psem::bench;
    const std::string_view text(reinterpret_cast<const char*>(data), size);  // NOLINT: bytes as text
    report rep;
    try {
        rep = parse_go_bench(text, "fuzz.txt");
    } catch (const report_error& e) {
        if (!std::string_view(e.what()).starts_with("fuzz.txt: ")) fail("an error does not name the source", e.what());
        return 0;
    }
    if (rep.benchmarks.empty()) fail("a report without a benchmark", std::string(text));
    const std::string written = to_json_string(rep);
    report again;
    try {
        again = parse_report(written, "written.json");
    } catch (const report_error& e) {
        fail("an imported report does not read back", std::string(e.what()) + "\n" + written);
    }
    if (again.benchmarks.size() != rep.benchmarks.size()) fail("write + read changed the number of entries", written);
    return 0;
}
