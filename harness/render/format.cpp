// render/format.cpp - number formatting for people (see format.hpp).
#include "render/format.hpp"

#include <fmt/format.h>

#include <cmath>

namespace psem::bench {

std::string format_ns(double ns) {
    if (!std::isfinite(ns)) return "-";
    const double a = std::fabs(ns);
    if (a < 10) return fmt::format("{:.2f}", ns);
    if (a < 1000) return fmt::format("{:.1f}", ns);
    return fmt::format("{:.0f}", ns);
}

std::string format_duration(double ns) {
    if (!std::isfinite(ns)) return "-";
    const double a = std::fabs(ns);
    if (a < 1e3) return fmt::format("{:.0f} ns", ns);
    if (a < 1e6) return fmt::format("{:.{}f} us", ns / 1e3, a < 1e4 ? 2 : 1);
    if (a < 1e9) return fmt::format("{:.{}f} ms", ns / 1e6, a < 1e7 ? 2 : 1);
    return fmt::format("{:.2f} s", ns / 1e9);
}

std::string format_rate(double per_second) {
    if (!std::isfinite(per_second)) return "-";
    const double a = std::fabs(per_second);
    if (a < 1e3) return fmt::format("{:.0f}", per_second);
    if (a < 1e6) return fmt::format("{:.1f}k", per_second / 1e3);
    if (a < 1e9) return fmt::format("{:.1f}M", per_second / 1e6);
    return fmt::format("{:.2f}G", per_second / 1e9);
}

std::string format_percent(double fraction) {
    if (!std::isfinite(fraction)) return "-";
    return fmt::format("{:.2f}%", fraction * 100);
}

std::string format_p_value(double p) {
    if (!std::isfinite(p)) return "-";
    return p < 0.001 ? fmt::format("{:.1e}", p) : fmt::format("{:.3f}", p);
}

std::string format_ratio(double x) {
    if (!std::isfinite(x)) return "-";
    return std::fabs(x) < 10 ? fmt::format("{:.2f}", x) : fmt::format("{:.1f}", x);
}

nlohmann::ordered_json json_number(double v) {
    return std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json(nullptr);
}

}  // namespace psem::bench
