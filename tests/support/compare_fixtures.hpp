// Shared by the compare tests: the fixture reports of tests/fixtures/compare/ (written by
// its make_fixtures.py) and small records built in code.
#pragma once

#include "test_paths.hpp"
#include "analysis/compare.hpp"
#include "io/json_reader.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace compare_test {

inline psem::bench::report fixture(const std::string& name) {
    return psem::bench::read_report(std::string(PSEM_FIXTURES_DIR).append("/compare/").append(name));
}

/// The comparison of one benchmark; throws (failing the test) when it is not there.
inline const psem::bench::benchmark_comparison& find(const psem::bench::comparison& c, const std::string& name) {
    for (const auto& b : c.benchmarks)
        if (b.name == name) return b;
    throw std::runtime_error("no comparison for " + name);
}

/// A report with one benchmark whose repetitions took these ns/op.
inline psem::bench::report with_samples(const std::string& name, const std::vector<double>& ns) {
    psem::bench::report r;
    for (std::size_t i = 0; i < ns.size(); ++i) {
        psem::bench::run_record rec;
        rec.name = rec.run_name = name;
        rec.repetitions = static_cast<int>(ns.size());
        rec.repetition_index = static_cast<int>(i);
        rec.ops = 1000;
        rec.real_time_ns = ns[i];
        r.benchmarks.push_back(rec);
    }
    return r;
}

inline const std::string pw1 = "postwait/processes:1/threads:1";
inline const std::string pw2 = "postwait/processes:2/threads:1";
inline const std::string pp = "pingpong/processes:2/threads:1";

}  // namespace compare_test
