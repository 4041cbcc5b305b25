// report/report.hpp - everything in report/: records, JSON in and out, atomic writes,
// aggregates and the text renderers.
#pragma once

#include "report/aggregate.hpp"     // make_aggregates, with_aggregates
#include "report/atomic_write.hpp"  // write_report_atomically, write_file_atomically
#include "report/format.hpp"        // format_ns, format_duration, format_rate, ...
#include "report/json_reader.hpp"   // read_report, parse_report
#include "report/json_writer.hpp"   // to_json, to_json_string, write_report
#include "report/render.hpp"        // render_table, render_markdown, render_csv, checks
#include "report/report_error.hpp"  // report_error
#include "report/run_record.hpp"    // run_record, check_record, report
#include "report/summary.hpp"       // summarize, tally_checks
