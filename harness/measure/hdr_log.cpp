// measure/hdr_log.cpp - see hdr_log.hpp.
#include "measure/hdr_log.hpp"

#include "measure/hdr_codec.hpp"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace psem::bench {

std::string hdr_log_header(double start_epoch_s) {
    const auto whole = static_cast<std::time_t>(std::floor(start_epoch_s));
    std::tm tm{};
    ::gmtime_r(&whole, &tm);
    char date[32];
    std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
    char lines[512];
    std::snprintf(lines, sizeof lines, "#[StartTime: %.3f (seconds since epoch), %s]\n#[BaseTime: %.3f (seconds since epoch)]\n",
                  start_epoch_s, date, start_epoch_s);
    std::string out = "#[Histogram log format version 1.3]\n";
    out += lines;
    out += "\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\",\"Interval_Compressed_Histogram\"\n";
    return out;
}

std::string hdr_log_line(const std::string& tag, double start_s, double length_s, const latency_histogram& h) {
    std::string out;
    if (!tag.empty()) out.append("Tag=").append(tag).append(",");
    char times[512];
    std::snprintf(times, sizeof times, "%.3f,%.3f,%.3f,", start_s, length_s, static_cast<double>(h.max()) / 1e6);
    out += times;
    out.append(encode_histogram(h)).append("\n");
    return out;
}

}  // namespace psem::bench
