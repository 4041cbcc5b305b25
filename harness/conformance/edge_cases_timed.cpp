// The timed-wait checks (the one a signal interrupts is in edge_cases_signal.cpp). Every
// row carries lateness figures (edge_stats.hpp): how far past the moment it should have
// returned each call did return, on CLOCK_MONOTONIC. Deadlines are built from that clock
// as steady_clock time points (edge_time.hpp), which also tests the library's promise
// that such deadlines run on it: any other clock would show as early or wild returns.
#include "conformance/edge_checks.hpp"
#include "conformance/edge_errno.hpp"
#include "conformance/edge_stats.hpp"
#include "conformance/edge_time.hpp"

#include <psem/semaphore.hpp>

#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace psem::bench::edge {
namespace {

using namespace std::chrono_literals;
using psem::semaphore;

// A wait ended by a stray signal (psem-bench's SIGINT handler, say) is resumed on the
// same deadline, as the library's EINTR policy prescribes, so the trial still measures
// the timeout. Returns the final outcome; counts the interruptions.
std::error_code wait_until_resumed(semaphore& sem, std::int64_t deadline_ns, int& interruptions) noexcept {
    std::error_code ec = sem.wait_until(at(deadline_ns));
    while (ec == psem::eintr) {
        ++interruptions;
        ec = sem.wait_until(at(deadline_ns));
    }
    return ec;
}

// --- timed_wait_timeout --------------------------------------------------------------

struct timeout_case {
    const char* label;
    std::int64_t length_ns;
    int default_trials;  // 100 + 30 + 10 trials: about 1.4 s of waiting in all
};
constexpr std::array<timeout_case, 3> timeout_cases = {{
    {"1ms", 1 * ms_ns, 100},
    {"10ms", 10 * ms_ns, 30},
    {"100ms", 100 * ms_ns, 10},
}};

check_record run_timeout(const context& cx, semaphore& sem, const timeout_case& tc) {
    auto row = make_row(std::string("timed_wait_timeout/") + tc.label, "ETIMEDOUT");
    const int trials = cx.trials_or(tc.default_trials);
    std::vector<std::string> outcomes;
    std::vector<double> lateness;
    int interruptions = 0;
    for (int i = 0; i < trials; ++i) {
        const std::int64_t deadline = mono_now() + tc.length_ns;
        const std::error_code ec = wait_until_resumed(sem, deadline, interruptions);
        const std::int64_t returned = mono_now();
        outcomes.push_back(code_name(ec));
        lateness.push_back(static_cast<double>(returned - deadline));
        if (!ec) break;  // a unit appeared from nowhere: nothing more to learn
    }
    const auto s = summarize_lateness(lateness);
    apply_lateness(s, row);
    row.observed = describe_outcomes(outcomes);
    row.passed = row.observed == "ETIMEDOUT" && s.early == 0;
    row.extra["timeout_ns"] = static_cast<double>(tc.length_ns);
    if (s.early > 0)
        add_note(row, std::to_string(s.early) + " timeout(s) before the deadline, by up to " +
                          std::to_string(static_cast<long long>(-s.min_ns)) + " ns");
    if (interruptions > 0) {
        row.extra["interruptions"] = interruptions;
        add_note(row, std::to_string(interruptions) + " stray signal(s); resumed on the same deadline");
    }
    add_note(row, "late = return - deadline");
    return row;
}

// --- timed_wait_posted ---------------------------------------------------------------

check_record run_posted(const context& cx) {
    auto row = make_row("timed_wait_posted", "OK");
    const int trials = cx.trials_or(50);
    const name_guard item_name(cx.names.make("timed_wait_posted", "item"));
    const name_guard go_name(cx.names.make("timed_wait_posted", "go"));
    auto item = create_or_fail(row, item_name.str(), 0);
    auto go = create_or_fail(row, go_name.str(), 0);
    if (!item || !go) return row;

    // The other process opens both names, then per trial: waits for "go", gives this
    // process time to block in its timed wait, stamps the clock and posts.
    child_process child([&](child_channel& ch) {
        std::error_code ec;
        auto my_item = semaphore::open(item_name.str(), ec);
        auto my_go = ec ? semaphore() : semaphore::open(go_name.str(), ec);
        if (ec) return ch.send({-1, ec.value()}) ? 0 : 3;
        for (int i = 0; i < trials; ++i) {
            if (const auto w = my_go.wait_for(child_timeout)) return ch.send({-1, w.value()}) ? 0 : 3;
            const timespec settle = to_timespec(2 * ms_ns);
            ::nanosleep(&settle, nullptr);
            const std::int64_t posted_at = mono_now();
            const std::error_code p = my_item.post();
            if (!ch.send({posted_at, p.value()})) return 3;
        }
        return 0;
    });
    if (!started_or_fail(child, row)) return row;

    constexpr std::int64_t timeout_ns = 1000 * ms_ns;
    std::vector<std::string> outcomes;
    std::vector<double> delay;
    int interruptions = 0;
    for (int i = 0; i < trials; ++i) {
        if (const auto ec = go.post()) {
            setup_failed(row, "post of the start signal", ec);
            return row;
        }
        const std::int64_t called = mono_now();
        std::error_code ec = item.wait_for(std::chrono::nanoseconds(timeout_ns));
        if (ec == psem::eintr) ec = wait_until_resumed(item, called + timeout_ns, interruptions);
        const std::int64_t woke = mono_now();
        std::array<std::int64_t, 2> msg{};
        if (!receive_or_fail(child, msg, row, "post time")) return row;
        if (msg[0] < 0) {
            setup_failed(row, "the other process failed", errno_code(msg[1]));
            finish_or_fail(child, row);
            return row;
        }
        if (msg[1] != 0) {
            setup_failed(row, "the other process's post failed", errno_code(msg[1]));
            finish_or_fail(child, row);
            return row;
        }
        outcomes.push_back(code_name(ec));
        if (ec) break;  // a late post would feed the next trial a stale unit
        delay.push_back(static_cast<double>(woke - msg[0]));
    }
    const bool child_ok = finish_or_fail(child, row);
    const auto s = summarize_lateness(delay);
    apply_lateness(s, row);
    row.observed = describe_outcomes(outcomes);
    row.passed = row.observed == "OK" && child_ok;
    if (interruptions > 0) row.extra["interruptions"] = interruptions;
    add_note(row, "late = wake-up - post in the other process");
    return row;
}

// --- timed_wait_past_deadline --------------------------------------------------------

check_record run_past_deadline(const context& cx) {
    auto row = make_row("timed_wait_past_deadline", "ETIMEDOUT");
    const int trials = cx.trials_or(100);
    const name_guard name(cx.names.make("timed_wait_past_deadline"));
    auto sem = create_or_fail(row, name.str(), 0);
    if (!sem) return row;
    // Every way of saying "already past": an absolute deadline a second ago on either
    // clock, a zero and a negative relative timeout. Lateness here is the whole time the
    // call took, since it could have returned the moment it was made.
    std::vector<std::string> outcomes;
    std::vector<double> took;
    for (int i = 0; i < trials; ++i) {
        const std::int64_t called = mono_now();
        std::error_code ec;
        switch (i % 4) {
            case 0: ec = sem.wait_until(at(called - 1000 * ms_ns)); break;
            case 1: ec = sem.wait_until(std::chrono::system_clock::now() - 1s); break;
            case 2: ec = sem.wait_for(0ns); break;
            default: ec = sem.wait_for(-1ms); break;
        }
        took.push_back(static_cast<double>(mono_now() - called));
        outcomes.push_back(code_name(ec));
    }
    const auto s = summarize_lateness(took);
    apply_lateness(s, row);
    row.observed = describe_outcomes(outcomes);
    row.passed = row.observed == "ETIMEDOUT";
    // "At once": the median call did not sleep. The bound is wide on purpose (a syscall
    // takes about a microsecond); a shared runner may still preempt single calls.
    if (s.p50_ns > 1.0e6) {
        row.passed = false;
        add_note(row, "the median call took " + std::to_string(static_cast<long long>(s.p50_ns)) +
                          " ns: it waited instead of failing at once");
    }
    // Only when empty: a unit that is there is still taken, deadline or not.
    if (const auto p = sem.post()) {
        setup_failed(row, "post", p);
    } else if (const auto ec = sem.wait_until(at(mono_now() - 1000 * ms_ns))) {
        row.passed = false;
        add_note(row, "with a unit there, a past deadline gave " + code_name(ec) + ", not OK");
    }
    add_note(row, "late = time in the call; until(past), for(0), for(-1ms)");
    return row;
}

}  // namespace

void timed_wait_timeout(const context& cx, std::vector<check_record>& out) {
    // One row per wait length, all on one semaphore that stays at zero throughout.
    auto sem_row = make_row("timed_wait_timeout", "ETIMEDOUT");
    const name_guard name(cx.names.make("timed_wait_timeout"));
    auto sem = create_or_fail(sem_row, name.str(), 0);
    if (!sem) {
        out.push_back(std::move(sem_row));
        return;
    }
    for (const auto& tc : timeout_cases) out.push_back(run_timeout(cx, sem, tc));
}

void timed_wait_posted(const context& cx, std::vector<check_record>& out) { out.push_back(run_posted(cx)); }
void timed_wait_past_deadline(const context& cx, std::vector<check_record>& out) {
    out.push_back(run_past_deadline(cx));
}

}  // namespace psem::bench::edge
