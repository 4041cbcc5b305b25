// The laptop side-by-side: our fixture run of scenarios/laptop/ against the shipped
// reference (results/reference/laptop-go.json), the ratios, the notes and the table.
#include "test_paths.hpp"
#include "io/json_reader.hpp"
#include "analysis/laptop.hpp"
#include "render/laptop_render.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

using namespace psem::bench;
namespace fs = std::filesystem;

namespace {

const std::string reference_path = std::string(PSEM_SOURCE_DIR) + "/results/reference/laptop-go.json";

report laptop_run() { return read_report(std::string(PSEM_FIXTURES_DIR) + "/laptop/laptop-run.json"); }
report reference() { return read_report(reference_path); }

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(LaptopReference, StatesOnlyWhatTheSourceStates) {
    const report ref = reference();
    EXPECT_TRUE(is_reference_report(ref));
    ASSERT_EQ(ref.benchmarks.size(), 2u);
    EXPECT_EQ(ref.benchmarks[0].scenario, "BenchmarkPostWait-8");
    EXPECT_EQ(ref.benchmarks[0].real_time_ns, 416);
    EXPECT_EQ(ref.benchmarks[0].ops, 3'000'000u);
    EXPECT_EQ(ref.benchmarks[1].scenario, "BenchmarkPostWaitParallel-8");
    EXPECT_EQ(ref.benchmarks[1].real_time_ns, 175);
    EXPECT_EQ(ref.benchmarks[1].threads, 8);
    EXPECT_TRUE(std::isnan(ref.benchmarks[0].cpu_time_ns));  // not published, not made up
    // No host facts beyond the source's: GB's host fields stay absent.
    for (const char* field : {"host_name", "num_cpus", "mhz_per_cpu", "caches", "date", "load_avg"})
        EXPECT_FALSE(ref.context.contains(field)) << field;
    EXPECT_EQ(ref.context["psem"]["host"], "ThinkPad W520");
    EXPECT_EQ(ref.context["psem"]["implementation"], "Go with cgo");
    EXPECT_EQ(ref.context["psem"]["GOMAXPROCS"], 8);
    EXPECT_TRUE(has(ref.context["psem"]["source_text"].get<std::string>(), "BenchmarkPostWaitParallel-8 10000000 175 ns/op"));
}

TEST(Laptop, ScenarioNamesMarkTheReproduction) {
    EXPECT_TRUE(is_laptop_scenario("laptop-postwait"));
    EXPECT_FALSE(is_laptop_scenario("postwait"));
    EXPECT_FALSE(is_laptop_scenario("default-postwait"));
    EXPECT_TRUE(has_laptop_runs(laptop_run().benchmarks));
    EXPECT_FALSE(has_laptop_runs(reference().benchmarks));
    EXPECT_FALSE(is_reference_report(laptop_run()));
}

TEST(Laptop, RowsMatchByWorkerCountInTheReferencesOrder) {
    const report ours = laptop_run();
    const laptop_comparison c = compare_with_reference(ours.benchmarks, ours.context, reference());
    ASSERT_EQ(c.rows.size(), 3u);
    EXPECT_EQ(c.rows[0].scenario, "laptop-postwait");
    EXPECT_EQ(c.rows[0].reference, "BenchmarkPostWait-8");
    // Both parallel shapes face PostWaitParallel-8: the threads shape (1 process) first.
    EXPECT_EQ(c.rows[1].scenario, "laptop-postwait-parallel-threads");
    EXPECT_EQ(c.rows[1].threads_per_process, 8);
    EXPECT_EQ(c.rows[2].scenario, "laptop-postwait-parallel-procs");
    EXPECT_EQ(c.rows[2].processes, 8);
    for (std::size_t i = 1; i < 3; ++i) EXPECT_EQ(c.rows[i].reference, "BenchmarkPostWaitParallel-8");
}

TEST(Laptop, MediansAndRatios) {
    const report ours = laptop_run();
    const laptop_comparison c = compare_with_reference(ours.benchmarks, ours.context, reference());
    EXPECT_EQ(c.rows[0].good_runs, 5);
    EXPECT_DOUBLE_EQ(c.rows[0].ns_per_op, 16.0);
    EXPECT_DOUBLE_EQ(c.rows[0].reference_ns_per_op, 416.0);
    EXPECT_DOUBLE_EQ(c.rows[0].ratio, 16.0 / 416.0);
    EXPECT_DOUBLE_EQ(c.rows[1].ratio, 52.0 / 175.0);
    EXPECT_GT(c.rows[0].cv, 0);
}

TEST(Laptop, NotesSayWhatDiffers) {
    const report ours = laptop_run();
    const laptop_comparison c = compare_with_reference(ours.benchmarks, ours.context, reference());
    EXPECT_EQ(c.reference_setup, "ThinkPad W520, Go with cgo, GOMAXPROCS=8");
    EXPECT_EQ(c.our_setup, "AMD EPYC, 2 CPUs, kvm, Linux 6.1.0-18-amd64, glibc 2.36");
    std::string all;
    for (const auto& n : c.notes) all += n + "\n";
    EXPECT_TRUE(has(all, "cgo boundary twice per op")) << all;
    EXPECT_TRUE(has(all, "8 workers share 2 CPUs")) << all;
    EXPECT_FALSE(has(all, "The host was busy")) << all;  // load 0.4 on 2 CPUs
}

TEST(Laptop, UnmatchedShapeAndFailedRunsStillShow) {
    report ours = laptop_run();
    for (auto& r : ours.benchmarks)
        if (r.scenario == "laptop-postwait-parallel-procs") {
            r.error_occurred = true;
            r.error_message = "worker 3 exited with status 1";
        } else if (r.scenario == "laptop-postwait-parallel-threads") {
            r.threads = 4;  // as after --set threads_per_process=4: no published figure
        }
    ours.context["load_avg"] = {9.5, 8.0, 7.0};
    const laptop_comparison c = compare_with_reference(ours.benchmarks, ours.context, reference());
    ASSERT_EQ(c.rows.size(), 3u);
    EXPECT_EQ(c.rows[2].scenario, "laptop-postwait-parallel-threads");  // unmatched rows last
    EXPECT_TRUE(c.rows[2].reference.empty());
    EXPECT_TRUE(std::isnan(c.rows[2].ratio));
    EXPECT_EQ(c.rows[1].good_runs, 0);
    const std::string text = render_laptop_table(c);
    EXPECT_TRUE(has(text, "FAILED: worker 3 exited with status 1")) << text;
    EXPECT_TRUE(has(text, "The host was busy: load average 9.5 on 2 CPUs")) << text;
}

TEST(Laptop, TableShowsBothFiguresAndTheSpeedUp) {
    const report ours = laptop_run();
    const std::string text = render_laptop_table(compare_with_reference(ours.benchmarks, ours.context, reference()));
    EXPECT_TRUE(has(text, "laptop-postwait ")) << text;
    EXPECT_TRUE(has(text, "1 process x 8 threads")) << text;
    EXPECT_TRUE(has(text, "8 processes x 1 thread")) << text;
    EXPECT_TRUE(has(text, "416")) << text;
    EXPECT_TRUE(has(text, "26.0x faster")) << text;  // 416 / 16
    EXPECT_TRUE(has(text, "3.4x faster")) << text;   // 175 / 52
}

TEST(Laptop, ReferenceIsFoundBesideTheCheckoutOrTheInstalledScenarios) {
    const std::vector<std::string> files{"/src/psem/scenarios/laptop/postwait.json"};
    const auto c = laptop_reference_candidates(files, "/usr/share/psem/scenarios");
    ASSERT_EQ(c.size(), 3u);
    EXPECT_EQ(c[0], fs::path("results/reference/laptop-go.json"));
    EXPECT_EQ(c[1], fs::path("/src/psem/results/reference/laptop-go.json"));
    EXPECT_EQ(c[2], fs::path("/usr/share/psem/reference/laptop-go.json"));
    const std::vector<fs::path> tries{"/nonexistent/laptop-go.json", reference_path};
    EXPECT_EQ(first_existing(tries), fs::path(reference_path));
    EXPECT_FALSE(first_existing(std::span(tries).first(1)).has_value());
}

}  // namespace
