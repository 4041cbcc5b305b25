// conformance/edge_checks.hpp - the checks of the edge_cases workload, one function each.
//
// Each check appends its row(s) to `out`: usually one; timed_wait_timeout one per wait
// length ("timed_wait_timeout/1ms"...). A check never throws for an outcome: what it
// could not set up becomes a failed row whose reason says why. Files:
//   edge_cases.cpp          the check table and run_edge_cases()
//   edge_cases_basic.cpp    names, values, create/open/unlink, try-wait, overflow
//   edge_cases_timed.cpp    timed waits: timeout, post, past deadline
//   edge_cases_signal.cpp   a wait interrupted by a signal (the EINTR policy)
//   edge_cases_process.cpp  what needs a changed process: another user, no descriptors
//   edge_cases_child.cpp    the other process (edge_child.hpp)
//   edge_cases_errno.cpp, edge_cases_stats.cpp, edge_cases_names.cpp: errno names,
//                           lateness figures, unique names (edge_errno/stats/names.hpp)
#pragma once

#include "model/records.hpp"
#include "conformance/edge_child.hpp"
#include "conformance/edge_names.hpp"

#include <psem/semaphore.hpp>

#include <chrono>
#include <cstdint>
#include <span>
#include <string_view>
#include <string>
#include <system_error>
#include <vector>

namespace psem::bench::edge {

struct context {
    const edge_names& names;
    int trials = 0;  // the scenario's "trials"; 0: each check's own default
    [[nodiscard]] int trials_or(int fallback) const noexcept { return trials > 0 ? trials : fallback; }
};

using check_fn = void (*)(const context&, std::vector<check_record>& out);

struct check_def {
    std::string_view name;  // as in known_checks() (scenario/fields.cpp)
    check_fn run;
};

/// Every check, in the order they run (the order of known_checks()).
[[nodiscard]] std::span<const check_def> check_table() noexcept;

// edge_cases_basic.cpp
void try_wait_zero(const context& cx, std::vector<check_record>& out);
void try_wait_after_take(const context& cx, std::vector<check_record>& out);
void post_overflow(const context& cx, std::vector<check_record>& out);
void create_value_too_large(const context& cx, std::vector<check_record>& out);
void create_exclusive_exists(const context& cx, std::vector<check_record>& out);
void open_missing(const context& cx, std::vector<check_record>& out);
void open_not_a_semaphore(const context& cx, std::vector<check_record>& out);
void unlink_missing(const context& cx, std::vector<check_record>& out);
void name_invalid(const context& cx, std::vector<check_record>& out);
void name_too_long(const context& cx, std::vector<check_record>& out);

// edge_cases_timed.cpp
void timed_wait_timeout(const context& cx, std::vector<check_record>& out);
void timed_wait_posted(const context& cx, std::vector<check_record>& out);
void timed_wait_past_deadline(const context& cx, std::vector<check_record>& out);

// edge_cases_signal.cpp
void wait_interrupted(const context& cx, std::vector<check_record>& out);

// edge_cases_process.cpp
void open_permission_denied(const context& cx, std::vector<check_record>& out);
void open_no_descriptors(const context& cx, std::vector<check_record>& out);

// --- shared by the checks ------------------------------------------------------------

/// How long the parent waits for a child's message or exit. Children here finish in
/// milliseconds; the margin is for a loaded CI runner, not for the expected case.
inline constexpr std::chrono::milliseconds child_timeout{5000};

/// Every semaphore a check creates is its owner's only, as the harness's own are.
inline constexpr psem::permissions owner_only{0600};

/// Creates `name` exclusively (owner_only); on failure marks the row's setup failed and
/// returns an empty handle.
[[nodiscard]] psem::semaphore create_or_fail(check_record& row, const std::string& name, unsigned value);

/// A row with its name and expected outcome, not yet passed.
[[nodiscard]] check_record make_row(std::string name, std::string expected);

/// Marks `row` failed because its setup did not work: the observed column says so
/// rather than showing the setup's errno, which could equal the expected one.
void setup_failed(check_record& row, const std::string& what, std::error_code ec = {});

/// Appends "; "-separated text to a row's reason.
void add_note(check_record& row, const std::string& text);

/// Reads `values` from the child. If it cannot (the child ended, crashed or overstayed),
/// reaps the child, marks `row` failed saying what `what` was waiting for, and returns false.
[[nodiscard]] bool receive_or_fail(child_process& child, std::span<std::int64_t> values, check_record& row,
                                   const std::string& what);

/// Reaps the child; one that did not exit with 0 marks `row` failed (with how it ended
/// in the reason). Returns whether the child ended well.
bool finish_or_fail(child_process& child, check_record& row);

/// Starts `fn` in a child; marks `row` failed if pipe or fork did not work.
[[nodiscard]] bool started_or_fail(const child_process& child, check_record& row);

/// An errno sent through a child's pipe, as the library would have reported it.
[[nodiscard]] inline std::error_code errno_code(std::int64_t value) {
    return {static_cast<int>(value), std::system_category()};
}

}  // namespace psem::bench::edge
