#include "cli/progress.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <cstdio>

namespace psem::bench::cli {
namespace {
std::string clock_text(double seconds) {
    const auto s = static_cast<long>(seconds + 0.5);
    if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
    return fmt::format("{}:{:02}", s / 60, s % 60);
}
}  // namespace

progress::progress(const std::string& mode, int total_runs) : total_(total_runs) {
    tty_ = ::isatty(STDERR_FILENO) == 1;
    enabled_ = mode == "always" || (mode == "auto" && tty_);
}

void progress::update(int point, int points, const std::string& name, int repetition, int repetitions) {
    if (!enabled_) return;
    const std::string line =
        fmt::format("[{}/{}] {}  rep {}/{}  {}", point, points, name, repetition, repetitions, timing());
    // On a terminal the line rewrites itself; in a log file each update is its own line.
    if (tty_) std::fprintf(stderr, "\r\033[K%s", line.c_str());
    else std::fprintf(stderr, "%s\n", line.c_str());
    std::fflush(stderr);
    shown_ = true;
}

std::string progress::timing() const {
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::string eta = "ETA --:--";
    if (done_ > 0) eta = "ETA " + clock_text(elapsed / done_ * (total_ - done_));
    return fmt::format("{} elapsed  {}", clock_text(elapsed), eta);
}

void progress::clear() {
    if (enabled_ && tty_ && shown_) {
        std::fputs("\r\033[K", stderr);
        std::fflush(stderr);
    }
    shown_ = false;
}

}  // namespace psem::bench::cli
