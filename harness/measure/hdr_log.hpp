// measure/hdr_log.hpp - HdrHistogram's interval log (format version 1.3), as its
// HistogramLogWriter writes it and its log readers (Java, C, Go, hdr-histogram-js) parse it:
//
//   #[Histogram log format version 1.3]
//   #[StartTime: 1764730912.123 (seconds since epoch), 2026-12-03T03:01:52Z]
//   #[BaseTime: 1764730912.123 (seconds since epoch)]
//   "StartTimestamp","Interval_Length","Interval_Max","Interval_Compressed_Histogram"
//   Tag=pingpong/processes:2/threads:1/rep:0,0.000,1.000,0.118,HISTFAAAA...
//
// Timestamps are seconds relative to BaseTime; Interval_Max is in milliseconds (the
// writer's default ratio for nanosecond values); the histogram is the V2 compressed
// encoding, base64 (hdr_codec). A tag must not contain a comma or a space.
#pragma once

#include "measure/histogram.hpp"

#include <string>

namespace psem::bench {

/// The comment lines and the legend, for a log whose time zero is `start_epoch_s`.
[[nodiscard]] std::string hdr_log_header(double start_epoch_s);

/// One interval: tag (empty: none), start relative to the base time and length in seconds.
[[nodiscard]] std::string hdr_log_line(const std::string& tag, double start_s, double length_s,
                                       const latency_histogram& h);

}  // namespace psem::bench
