// psem-bench: parse the command line, dispatch to one command. Exit codes: 0 success, 1 a
// run or check failed or a regression was found, 2 bad input or usage, 128+N when
// stopped by signal N.
#include "cli/commands.hpp"
#include "run/worker_main.hpp"

#include <psem/version.hpp>

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <cstring>
#include <iostream>

namespace cli = psem::bench::cli;

int main(int argc, char** argv) {
    // Workers are this same binary; they skip the command-line parser entirely.
    if (argc == 3 && std::strcmp(argv[1], "__worker") == 0) return psem::bench::worker_main(argv[2]);

    CLI::App app{"psem-bench: measure and stress-test POSIX named semaphores.\n"
                 "Exit codes: 0 success; 1 a run or check failed, or a regression was found;\n"
                 "2 bad input or usage; 130/143 stopped by SIGINT/SIGTERM.",
                 "psem-bench"};
    app.set_version_flag("--version", std::string(psem::version) + " (" + psem::git_revision + ")");
    app.require_subcommand(1);
    // compare's and gate's --alpha.
    const CLI::Validator alpha_range(
        [](const std::string& s) {
            const double a = std::strtod(s.c_str(), nullptr);
            return a > 0 && a <= 0.5 ? std::string() : "must be above 0 and at most 0.5, not " + s;
        },
        "(0, 0.5]");

    cli::run_args run;
    auto* run_cmd = app.add_subcommand("run", "Run scenarios (files or directories of *.json) and write a report");
    run_cmd->add_option("scenarios", run.paths, "Scenario files or directories")->required();
    run_cmd->add_option("--out,-o", run.out, "Report file (default: results/runs/<date>-<name>.json)");
    run_cmd->add_option("--repetitions,-r", run.repetitions, "Repetitions of each point (overrides the scenario)")
        ->check(CLI::Range(1, 1000));
    // One value per --set (CLI11 would otherwise take the scenario path after it as a
    // second assignment): `run --set K=V FILE` must work as well as `run FILE --set K=V`.
    run_cmd->add_option("--set", run.sets, "Override a scenario field: FIELD=VALUE (repeatable)")
        ->allow_extra_args(false);
    run_cmd->add_option("--format", run.format, "What to print on stdout")
        ->check(CLI::IsMember({"table", "json", "csv", "markdown"}))
        ->capture_default_str();
    run_cmd->add_option("--progress", run.progress, "Progress line on stderr")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    run_cmd->add_option("--latency-limit", run.latency_limit_ns,
                        "Sweep summary: the p99 latency (ns) that marks the knee")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    auto* hlog_opt = run_cmd->add_option(
        "--hlog", run.hlog,
        "Also write an HdrHistogram interval log (format 1.3) of every run's latency: one\n"
        "histogram per interval, tagged with the benchmark and repetition, for HdrHistogram's\n"
        "log readers and plotters (rewritten after every point, as the report is)");
    run_cmd->add_option("--hlog-interval", run.hlog_interval_s, "The interval of --hlog, in seconds")
        ->check(CLI::Range(0.001, 86400.0))
        ->capture_default_str()
        ->needs(hlog_opt);

    cli::compare_args cmp;
    auto* compare_cmd = app.add_subcommand(
        "compare", "Compare two reports: per benchmark change (the Hodges-Lehmann estimate of the ratio), its 95% CI, Mann-Whitney p\n"
                   "(or, --paired, signed-rank p) and verdict.\n"
                   "Exit 0 no regression, 1 regression, 2 unreadable or malformed input");
    compare_cmd->add_option("baseline", cmp.baseline, "Baseline report (or a directory of reports, pooled)")
        ->required();
    compare_cmd->add_option("contender", cmp.contender, "Contender report (or a directory of reports, pooled)")
        ->required();
    compare_cmd->add_option("--threshold", cmp.threshold_percent, "Smallest slowdown (%) that counts as a regression")
        ->check(CLI::Range(0.0, 1000.0))
        ->capture_default_str();
    compare_cmd->add_option("--alpha", cmp.alpha, "Significance level of the test, 0 < A <= 0.5")
        ->check(alpha_range)
        ->capture_default_str();
    compare_cmd->add_option("--max-cv", cmp.max_cv_percent, "Warn when a benchmark's cv (%) exceeds this")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    compare_cmd->add_option("--format", cmp.format, "Output format")
        ->check(CLI::IsMember({"table", "json", "markdown"}))
        ->capture_default_str();
    compare_cmd->add_option("--out,-o", cmp.out, "Write the output there (stdout then shows the table)");
    compare_cmd->add_flag("--paired", cmp.paired,
                          "Both arguments are directories of round reports from an interleaved job:\n"
                          "pair them in file name order and test the per-round medians (Wilcoxon\n"
                          "signed-rank; change = Hodges-Lehmann estimate of the per-round ratio)");

    cli::side_by_side_args sbs;
    auto* side_cmd = app.add_subcommand(
        "side-by-side", "Line up two or more reports (hosts, say): per benchmark each report's median ns/op,\n"
                        "cv and ratio to the first report, with each report's host, CPU and kernel.\n"
                        "Exit 0, or 2 for unreadable or malformed input or fewer than two reports");
    side_cmd->add_option("reports", sbs.reports, "Reports (a directory stands for its *.json, pooled); the first "
                                                 "is the reference of the ratios")
        ->required();
    side_cmd->add_option("--label", sbs.labels,
                         "Column label of the next report, in order (repeatable; default: host_name (file))")
        ->allow_extra_args(false);  // one value per --label: the next word is a report again
    side_cmd->add_option("--format", sbs.format, "Output format")
        ->check(CLI::IsMember({"table", "json", "markdown"}))
        ->capture_default_str();
    side_cmd->add_option("--out,-o", sbs.out, "Write the output there (stdout then shows the table)");

    cli::search_args srch;
    auto* search_cmd = app.add_subcommand(
        "search", "The highest offered rate at which a producer_consumer scenario keeps p99 wake-up latency below\n"
                  "a target, with confidence: steps at paces (post_interval_ns) found by bracketing upwards\n"
                  "from --from (x4 a step) and then bisection to 10%, each with --repetitions (a step that\n"
                  "cannot tell runs up to two more batches). A step passes when p99 is below the target with\n"
                  "confidence (one-sided sign test over the repetitions' p99, p < 0.05: at least 5, all below)\n"
                  "and the producers kept at least 95% of the pace. Prints the steps and the answer, writes\n"
                  "a report as run does (the search in context.psem.search). Exit 0 with an answer, 1 when\n"
                  "not even --from passes or a step failed, 2 for bad input");
    search_cmd->add_option("scenario", srch.scenario, "A producer_consumer scenario file (no sweep)")->required();
    search_cmd->add_option("--p99-below", srch.p99_below, "The p99 target: 100us, 2ms, 500ns, or ns")->required();
    search_cmd->add_option("--from", srch.from_rate, "Offered posts/s (all producers) of the first step")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    search_cmd->add_option("--to", srch.to_rate, "The highest offered posts/s tried")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    search_cmd->add_option("--repetitions,-r", srch.repetitions, "Repetitions per step (5 or more: fewer cannot decide)")
        ->check(CLI::Range(5, 1000))
        ->capture_default_str();
    search_cmd->add_option("--max-steps", srch.max_steps, "Stop after this many steps")
        ->check(CLI::Range(1, 100))
        ->capture_default_str();
    search_cmd->add_option("--set", srch.sets, "Override a scenario field: FIELD=VALUE (repeatable)")
        ->allow_extra_args(false);
    search_cmd->add_option("--out,-o", srch.out, "Report file (default: results/runs/<date>-search-<name>.json)");
    search_cmd->add_option("--format", srch.format, "What to print on stdout")
        ->check(CLI::IsMember({"table", "markdown", "json"}))
        ->capture_default_str();
    search_cmd->add_option("--progress", srch.progress, "Progress on stderr")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();

    cli::histogram_args hst;
    auto* hist_cmd = app.add_subcommand(
        "histogram", "Whole latency distributions: each benchmark's latency_histogram (HdrHistogram) merged\n"
                     "over its good repetitions and over every report given (hosts, rounds), printed as\n"
                     "HdrHistogram's percentile distribution (Value Percentile TotalCount 1/(1-Percentile),\n"
                     "values in ns), the table its plotters read. Exit 0, or 2 for unreadable input, a\n"
                     "histogram that does not decode, or no histogram");
    hist_cmd->add_option("reports", hst.reports, "Reports (a directory stands for its *.json)")->required();
    hist_cmd->add_option("--benchmark", hst.benchmark, "Only this benchmark (its run name)");
    hist_cmd->add_option("--format", hst.format, "Output format")
        ->check(CLI::IsMember({"table", "json"}))
        ->capture_default_str();
    hist_cmd->add_option("--out,-o", hst.out, "Write the output there (stdout then shows the table)");

    cli::merge_args mrg;
    auto* merge_cmd = app.add_subcommand(
        "merge", "Pool reports into one, as a stored baseline is kept: the first report's context, every\n"
                 "repetition of every report (and every check), the per-run aggregates dropped, each\n"
                 "benchmark's repetitions renumbered 0..n-1 in input order, and context.psem.recorded_runs =\n"
                 "the number of reports. Written atomically. Exit 0, or 2 for input that cannot be read\n"
                 "(the message names the file and the JSON path) or an --out that cannot be written");
    merge_cmd->add_option("reports", mrg.reports, "Reports (a directory stands for its *.json, in file name order)")
        ->required();
    merge_cmd->add_option("--out,-o", mrg.out, "The merged report")->required();

    cli::gate_args gte;
    auto* gate_cmd = app.add_subcommand(
        "gate",
        "The regression gate: runs scenarios with the contender (this psem-bench, or --contender-cmd)\n"
        "and a baseline, compares them as `compare` does and prints the Markdown on stdout (also in\n"
        "WORK/compare.md and WORK/compare.json, and appended to $GITHUB_STEP_SUMMARY when set).\n"
        "Exit 0 no regression, 1 regression, 2 bad input or usage or a run that wrote no report,\n"
        "130/143 stopped by SIGINT/SIGTERM (the run under way is stopped).\n"
        "Each run is a `psem-bench run` child (no shell) of --repetitions repetitions, its table on\n"
        "stderr after a line naming it. --warmup-rounds unrecorded rounds (1 repetition a run) come\n"
        "first: a job's first runs are slower.\n"
        "  interleaved, --baseline-cmd OLD: in each round every scenario file is run by both builds\n"
        "      back to back, which goes first alternating by round and by file; reports in\n"
        "      WORK/baseline/ and WORK/contender/ as round-NNN-FILE.json, the same name for the same\n"
        "      round and file (--paired pairs them)\n"
        "  stored (otherwise): each round one run of the whole set, WORK/contender/round-NNN.json,\n"
        "      against --baseline (default BASELINE_DIR/ci-<arch>-<ncpu>cpu.json)\n"
        "  --record [FILE]: the contender's rounds (WORK/record/) merged as `psem-bench merge` does\n"
        "      into a stored baseline (default: the host class's file in BASELINE_DIR)\n"
        "--contender-set [FILE:]FIELD=VALUE passes `--set FIELD=VALUE` to the contender's runs, of\n"
        "scenario file FILE only when given (postwait.json:critical_section_iterations=310 slows one\n"
        "file: how scripts/gate-quality measures the gate); --baseline-set likewise.\n"
        "A repeated option takes its last value. WORK/baseline, contender, record and warmup/ are\n"
        "the gate's: a job starts by removing the *.json in them.");
    // A repeated option takes its last value, as scripts/ci-gate's options always did (the
    // wrapper puts its defaults first); the --*-set lists take every one.
    gate_cmd->option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    gate_cmd->add_option("--scenarios", gte.scenarios,
                         "Scenario directory, or one file (default: ./scenarios/ci, else the installed set's ci/)")
        ;
    gate_cmd->add_option("--baseline-cmd", gte.baseline_cmd, "The baseline build's psem-bench: an interleaved job");
    gate_cmd->add_option("--contender-cmd", gte.contender_cmd, "The contender's psem-bench (default: this one)");
    auto* baseline_opt = gate_cmd->add_option(
        "--baseline", gte.baseline, "Stored baseline report (default: BASELINE_DIR/ci-<arch>-<ncpu>cpu.json)");
    gate_cmd->add_option("--baseline-dir", gte.baseline_dir, "BASELINE_DIR: where the host classes' stored baselines are")
        ->capture_default_str();
    auto* record_opt =
        gate_cmd->add_option("--record", gte.record_file, "Record a stored baseline, to FILE (default: the host class's)")
            ->expected(0, 1);
    record_opt->excludes(baseline_opt)->excludes(gate_cmd->get_option("--baseline-cmd"));
    baseline_opt->excludes(gate_cmd->get_option("--baseline-cmd"));
    gate_cmd->add_option("--contender-set", gte.contender_sets,
                         "[FILE:]FIELD=VALUE: `run --set FIELD=VALUE` on the contender's runs, of scenario file\n"
                         "FILE only (path, name, or name without .json; interleaved only) when given (repeatable;\n"
                         "a FILE: assignment comes after those for every file, so it wins on the same field)")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->allow_extra_args(false);
    gate_cmd->add_option("--baseline-set", gte.baseline_sets, "The same for the baseline's runs (interleaved only)")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->allow_extra_args(false);
    gate_cmd->add_option("--repetitions", gte.repetitions, "Repetitions of each recorded run")
        ->check(CLI::Range(1, 1000))
        ->capture_default_str();
    gate_cmd->add_option("--rounds", gte.rounds, "Recorded rounds")->check(CLI::Range(1, 100000))->capture_default_str();
    gate_cmd->add_option("--warmup-rounds", gte.warmup_rounds, "Unrecorded rounds first")
        ->check(CLI::Range(0, 1000))
        ->capture_default_str();
    gate_cmd->add_option("--work", gte.work, "Directory for the reports (default: a new one under $TMPDIR, kept)");
    gate_cmd->add_option("--threshold", gte.threshold_percent, "As compare's")
        ->check(CLI::Range(0.0, 1000.0))
        ->capture_default_str();
    gate_cmd->add_option("--alpha", gte.alpha,
                         "As compare's; 0.01, not 0.05: a false alarm on any benchmark fails the build")
        ->check(alpha_range)
        ->capture_default_str();
    gate_cmd->add_option("--max-cv", gte.max_cv_percent, "As compare's")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    gate_cmd->add_flag("--paired", gte.paired, "Decide round by round, as compare --paired (interleaved only)");
    gate_cmd->allow_extras();

    cli::import_go_args imp;
    auto* import_cmd = app.add_subcommand("import", "Turn another tool's benchmark output into a psem-bench report");
    import_cmd->require_subcommand(1);
    auto* import_go_cmd = import_cmd->add_subcommand(
        "go", "Go's benchmark output (`go test -bench`, any -count, -cpu, -benchmem) as a report: one\n"
              "repetition per result line (a name's repeats in order), the aggregates as `run` writes them,\n"
              "ns/op as real_time, iterations = N, other units as counters, goos/goarch/pkg/cpu in the\n"
              "context. Exit 0; 1 when Go reported a benchmark as failed (still written); 2 for\n"
              "unreadable or malformed input (the message names the file and the line) or a bad --rename");
    import_go_cmd->add_option("file", imp.file, "The output of go test -bench, or - for standard input")->required();
    import_go_cmd->add_option("--out,-o", imp.out, "Report file, written atomically (default: the JSON on stdout)");
    import_go_cmd->add_option("--rename", imp.renames,
                              "GO_NAME=NAME: call a Go benchmark NAME in the report, so that compare and\n"
                              "side-by-side match it with ours (BenchmarkPostWait-8=postwait/processes:1/threads:1);\n"
                              "repeatable")
        ->allow_extra_args(false);

    std::vector<std::string> validate_paths, validate_sets;
    auto* validate_cmd = app.add_subcommand("validate", "Check scenario files without running anything");
    validate_cmd->add_option("scenarios", validate_paths, "Scenario files or directories")->required();
    validate_cmd->add_option("--set", validate_sets, "Override a field, as for run")->allow_extra_args(false);

    std::string list_dir;
    auto* list_cmd = app.add_subcommand("list", "List scenarios and their descriptions");
    list_cmd->add_option("dir", list_dir, "Directory (default: ./scenarios, else the installed set)");

    auto* context_cmd = app.add_subcommand("context", "Print the host facts a report records, as JSON");
    auto* cleanup_cmd = app.add_subcommand(
        "cleanup", "Remove semaphores and shared memory left by psem-bench runs whose process is gone");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "psem-bench: " << e.what() << "\nRun 'psem-bench --help' (or 'psem-bench COMMAND --help') for usage.\n";
        return cli::exit_usage;
    }

    try {
        if (*run_cmd) return cli::run(run);
        if (*compare_cmd) return cli::compare(cmp);
        if (*side_cmd) return cli::side_by_side_cmd(sbs);
        if (*merge_cmd) return cli::merge(mrg);
        if (*hist_cmd) return cli::histogram(hst);
        if (*search_cmd) return cli::search(srch);
        if (*gate_cmd) {
            // Unknown words are the gate's own usage error, not CLI11's, so that its message
            // says what scripts/ci-gate's always said.
            if (!gate_cmd->remaining().empty()) {
                std::cerr << "psem-bench gate: unknown argument '" << gate_cmd->remaining().front()
                          << "' (see psem-bench gate --help)\n";
                return cli::exit_usage;
            }
            gte.record = gate_cmd->get_option("--record")->count() > 0;
            return cli::gate(gte);
        }
        if (*import_go_cmd) return cli::import_go(imp);
        if (*validate_cmd) return cli::validate(validate_paths, validate_sets);
        if (*list_cmd) return cli::list(list_dir);
        if (*context_cmd) return cli::context();
        if (*cleanup_cmd) return cli::cleanup();
    } catch (const std::exception& e) {
        std::cerr << "psem-bench: " << e.what() << '\n';
        return cli::exit_failed;
    }
    return cli::exit_usage;
}
