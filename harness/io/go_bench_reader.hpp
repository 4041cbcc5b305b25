// io/go_bench_reader.hpp - Go's benchmark output (`go test -bench`) -> report records, so
// that a Go benchmark (reference/go-twin, say) sits in compare, side-by-side and the
// laptop reproduction beside our own runs.
//
// The format is Go's standard one (golang.org/design/14313-benchmark-format): result
// lines `BenchmarkName-P  N  X ns/op [V unit]...` and configuration lines `key: value`
// (goos, goarch, pkg, cpu, ...) that apply to the results after them. Lines that are
// neither (PASS, ok, log output) are skipped, as Go's own readers do; a line that starts
// like a result but is not one is an error naming the line.
#pragma once

#include "io/report_error.hpp"
#include "model/records.hpp"

#include <string>
#include <string_view>

namespace psem::bench {

/// Iteration records only, one per result line, in input order: name and run_name are
/// the Go name with its -P (GOMAXPROCS) suffix ("BenchmarkPostWait-8"); repeats of a name
/// (-count) are its repetitions, numbered in order; iterations = N, real_time = ns/op,
/// wall_ns = N x ns/op (Go's ns/op is elapsed time over N), cpu_time unknown (NaN); every
/// other value/unit pair is a counter named by its unit ("B/op", "allocs/op", "MB/s");
/// scenario = the pkg the result came under. A benchmark Go reports as failed
/// (`BenchmarkX-2  --- FAIL: BenchmarkX-2`) gives a repetition with error_occurred.
/// The context: psem.imported_from = "go test -bench", psem.source, psem.go_config (the
/// configuration lines, the last value of each key) and psem.cpu_model = the cpu line.
/// Throws report_error(source, "", "line N: ...") for a malformed result line, a unit
/// that names a report field, a benchmark name found under two packages, or input with
/// no result line at all. Aggregates are analysis/'s to add.
[[nodiscard]] report parse_go_bench(std::string_view text, const std::string& source);

}  // namespace psem::bench
