// cli/progress.hpp - one self-overwriting status line on stderr for long runs:
// "[3/12] postwait/processes:8/threads:1  rep 2/5  0:12 elapsed  ETA 0:30".
#pragma once

#include <chrono>
#include <string>

namespace psem::bench::cli {

class progress {
public:
    /// mode: "auto" (only when stderr is a terminal), "always" or "never".
    progress(const std::string& mode, int total_runs);
    ~progress() { clear(); }
    progress(const progress&) = delete;
    progress& operator=(const progress&) = delete;

    /// Called before each repetition starts.
    void update(int point, int points, const std::string& name, int repetition, int repetitions);
    /// Called when a repetition finished (for the ETA).
    void done_one() { ++done_; }
    /// Erases the line (before printing something else on stderr).
    void clear();
    /// "0:12 elapsed  ETA 0:30" after the done_one() calls so far, for a caller that
    /// prints lines of its own (the gate, whose children write to the same terminal).
    [[nodiscard]] std::string timing() const;

private:
    bool enabled_ = false;
    bool tty_ = false;
    bool shown_ = false;
    int total_ = 0;
    int done_ = 0;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace psem::bench::cli
