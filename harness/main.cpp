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
    // compare's --alpha.
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
