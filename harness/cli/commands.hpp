// cli/commands.hpp - one function per psem-bench command. main.cpp parses the command
// line into these option structs; nothing after parsing sees raw flags.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace psem::bench::cli {

/// Exit codes, for every command.
enum exit_code : int { exit_ok = 0, exit_failed = 1, exit_usage = 2 };

struct run_args {
    std::vector<std::string> paths;
    std::string out;                  // empty: results/runs/<date>-<name>.json
    int repetitions = 0;              // 0: the scenario's own
    std::vector<std::string> sets;    // "field=value"
    std::string format = "table";     // table | json | csv | markdown
    std::string progress = "auto";    // auto | always | never
    double latency_limit_ns = 100'000;
    std::string hlog;                 // HdrHistogram interval log of the runs' latency; empty: none
    double hlog_interval_s = 1;
};
int run(const run_args& args);

struct compare_args {
    std::string baseline;             // a report, or a directory of reports to pool
    std::string contender;
    double threshold_percent = 5;     // a regression must be slower by more than this
    double alpha = 0.05;              // and significant at this level
    double max_cv_percent = 10;       // spread above which a benchmark is flagged
    std::string format = "table";     // table | json | markdown
    std::string out;                  // empty: stdout
    bool paired = false;              // two directories of rounds, paired by file name order
};
/// Exit 0 no regression, 1 a regression (or a contender benchmark that failed), 2 bad input.
int compare(const compare_args& args);

struct side_by_side_args {
    std::vector<std::string> reports; // two or more reports or directories of reports
    std::vector<std::string> labels;  // column labels in report order; the rest default
    std::string format = "table";     // table | json | markdown
    std::string out;                  // empty: stdout
};
/// Exit 0, or 2 for bad input (fewer than two reports, a report that cannot be read).
int side_by_side_cmd(const side_by_side_args& args);

struct histogram_args {
    std::vector<std::string> reports; // reports, or directories standing for their *.json
    std::string benchmark;            // empty: every benchmark with histograms
    std::string format = "table";     // table | json
    std::string out;                  // empty: stdout
};
/// Each benchmark's latency histograms merged over its repetitions and the reports, as
/// HdrHistogram's percentile distribution. Exit 0, or 2 for bad input (a report that
/// cannot be read, a histogram that does not decode, no histogram at all).
int histogram(const histogram_args& args);

struct search_args {
    std::string scenario;             // one producer_consumer scenario file
    std::string p99_below;            // the target, "100us" (parse_duration_ns)
    double from_rate = 1000;          // offered posts/s of the first step
    double to_rate = 1e7;             // the highest rate tried
    int repetitions = 5;              // per step (and per extra batch when a step cannot tell)
    int max_steps = 16;
    std::vector<std::string> sets;    // "field=value", as run's
    std::string out;                  // empty: results/runs/<date>-search-<name>.json
    std::string format = "table";     // table | markdown | json
    std::string progress = "auto";
};
/// Exit 0 with an answer, 1 when not even the lowest rate passes (or a step failed), 2 for
/// bad input (the target, the scenario), 128+N when interrupted by signal N.
int search(const search_args& args);

/// "100us", "2.5ms", "500ns", "1s" or a plain number of ns; absent unless above 0 and at
/// most one hour.
[[nodiscard]] std::optional<double> parse_duration_ns(const std::string& text);

struct merge_args {
    std::vector<std::string> reports; // reports, or directories standing for their *.json
    std::string out;                  // required
};
/// Pools reports into one (analysis/merge.hpp), written atomically. Exit 0, or 2 for bad
/// input (the message names the file) or a file that cannot be written.
int merge(const merge_args& args);

struct gate_args {
    std::string scenarios;            // a directory of scenario files, or one; empty: scenarios/ci
    std::string baseline;             // a stored baseline; empty: BASELINE_DIR/ci-<arch>-<n>cpu.json
    std::string baseline_dir = "results/baselines";
    std::string baseline_cmd;         // an older psem-bench: the interleaved job
    std::string contender_cmd;        // empty: this psem-bench
    std::vector<std::string> baseline_sets;   // "[FILE:]FIELD=VALUE", to the baseline's runs
    std::vector<std::string> contender_sets;  // the same, to the contender's runs
    int repetitions = 1;              // of each recorded run
    int rounds = 100;
    int warmup_rounds = 1;
    std::string work;                 // empty: a new directory under $TMPDIR, kept
    double threshold_percent = 5;
    double alpha = 0.01;              // the gate tests every benchmark at once (see --help)
    double max_cv_percent = 10;
    bool paired = false;
    bool record = false;              // store this build's rounds as a baseline instead
    std::string record_file;          // empty: the host class's stored baseline
};
/// Exit 0 no regression (or recorded), 1 regression, 2 bad input or usage or a run that
/// wrote no report, 128+N stopped by signal N.
int gate(const gate_args& args);

struct import_go_args {
    std::string file;                 // Go's benchmark output; "-": standard input
    std::string out;                  // empty: the report's JSON on stdout
    std::vector<std::string> renames; // "GO_NAME=NAME": the name a Go benchmark gets in the report
};
/// `go test -bench` output -> a report (io/go_bench_reader.hpp) with aggregates, written
/// atomically to `out`. Exit 0; 1 when Go reported a benchmark as failed (the report is
/// written, with the failure in it); 2 for input that cannot be read or is malformed (the
/// message names the file and the line), a bad --rename, or an --out that cannot be written.
int import_go(const import_go_args& args);

int validate(const std::vector<std::string>& paths, const std::vector<std::string>& sets);
int list(const std::string& dir);
int context();
int cleanup();

}  // namespace psem::bench::cli
