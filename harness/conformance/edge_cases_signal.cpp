// wait_interrupted: the EINTR policy of psem/errors.hpp, checked in a child, since it
// installs SIGALRM handlers and a POSIX timer that must never touch psem-bench itself.
// Lateness here is how long after the timer's expiry the interrupted wait returned.
#include "conformance/edge_checks.hpp"
#include "conformance/edge_errno.hpp"
#include "conformance/edge_stats.hpp"
#include "conformance/edge_time.hpp"

#include <psem/semaphore.hpp>

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <ctime>
#include <string>
#include <vector>

namespace psem::bench::edge {
namespace {

using psem::semaphore;

std::atomic<int> g_alarms{0};
std::atomic<std::int64_t> g_alarm_ns{0};  // CLOCK_MONOTONIC of the latest alarm
std::atomic<sem_t*> g_post_target{nullptr};
std::atomic<int> g_post_at{0};  // post from the handler on this alarm count; 0: never
static_assert(std::atomic<int>::is_always_lock_free && std::atomic<std::int64_t>::is_always_lock_free &&
                  std::atomic<sem_t*>::is_always_lock_free,
              "the handler may only touch lock-free atomics");

// Counts, and posts when asked: sem_post is async-signal-safe, and a post is what ends a
// wait the kernel restarts (SA_RESTART), so a policy change can never hang the child.
void on_alarm(int) {
    g_alarm_ns = mono_now();  // clock_gettime is async-signal-safe
    const int n = g_alarms.fetch_add(1) + 1;
    const int post_at = g_post_at.load();
    if (post_at != 0 && n >= post_at) {
        if (sem_t* s = g_post_target.load()) ::sem_post(s);
    }
}

bool install_alarm(bool restart) {
    struct sigaction sa {};
    sa.sa_handler = on_alarm;
    ::sigemptyset(&sa.sa_mask);
    sa.sa_flags = restart ? SA_RESTART : 0;
    return ::sigaction(SIGALRM, &sa, nullptr) == 0;
}

// First expiry at an absolute CLOCK_MONOTONIC time, then every `every_ns` (0: once). A
// repeating timer also covers a child preempted past the first expiry before it started
// waiting: the next expiry interrupts the wait instead of the wait running to its end.
bool arm(timer_t t, std::int64_t first_ns, std::int64_t every_ns) {
    itimerspec its{};
    its.it_value = to_timespec(first_ns);
    its.it_interval = to_timespec(every_ns);
    return ::timer_settime(t, TIMER_ABSTIME, &its, nullptr) == 0;
}
void disarm(timer_t t) {
    const itimerspec none{};
    (void)::timer_settime(t, 0, &none, nullptr);
}

constexpr std::int64_t alarm_first_ns = 5 * ms_ns;
constexpr std::int64_t alarm_every_ns = 20 * ms_ns;

// The messages the child sends, three numbers each (an errno, then figures).
using message = std::array<std::int64_t, 3>;
enum setup_stage : std::int64_t { setup_ok = 0, setup_open = 1, setup_handler = 2, setup_timer = 3 };

int interrupted_child(child_channel& ch, const std::string& name, int trials) {
    std::error_code ec;
    auto sem = semaphore::open(name, ec);
    if (ec) return ch.send({setup_open, ec.value(), 0}) ? 0 : 3;
    if (!install_alarm(false)) return ch.send({setup_handler, errno, 0}) ? 0 : 3;
    sigevent sev{};
    sev.sigev_notify = SIGEV_SIGNAL;
    sev.sigev_signo = SIGALRM;
    timer_t timer{};
    if (::timer_create(CLOCK_MONOTONIC, &sev, &timer) != 0) return ch.send({setup_timer, errno, 0}) ? 0 : 3;
    if (!ch.send({setup_ok, 0, 0})) return 3;

    // A: timed waits, handler without SA_RESTART. Lateness is measured from the last
    // expiry before the return (the first one, unless the child was preempted past it).
    for (int i = 0; i < trials; ++i) {
        const std::int64_t start = mono_now();
        const std::int64_t fire = start + alarm_first_ns;
        const int before = g_alarms.load();
        (void)arm(timer, fire, alarm_every_ns);
        const std::error_code w = sem.wait_until(at(start + 1000 * ms_ns));
        const std::int64_t back = mono_now();
        disarm(timer);
        const std::int64_t expiry = back < fire ? fire : fire + (back - fire) / alarm_every_ns * alarm_every_ns;
        if (!ch.send({w.value(), back - expiry, g_alarms.load() - before})) return 3;
    }

    // B: resuming on the same deadline after EINTR runs to that deadline. One expiry
    // only; if it landed before the wait began (the child was preempted for the whole
    // 5 ms), the wait was never interrupted: try again rather than report a false failure.
    message b{-1, -1, 0};
    for (int attempt = 0; attempt < 3; ++attempt) {
        const std::int64_t start = mono_now();
        const std::int64_t deadline = start + 50 * ms_ns;
        const int before = g_alarms.load();
        (void)arm(timer, start + alarm_first_ns, 0);
        const std::int64_t waiting_from = mono_now();
        const std::error_code first = sem.wait_until(at(deadline));
        const std::error_code resumed = sem.wait_until(at(deadline));
        const std::int64_t back = mono_now();
        disarm(timer);
        b = {first.value(), resumed.value(), back - deadline};
        const bool landed_early = g_alarms.load() != before && g_alarm_ns.load() < waiting_from;
        if (first == psem::eintr || !landed_early) break;
    }
    if (!ch.send(b)) return 3;

    // C: the untimed wait(), handler without SA_RESTART: EINTR. The handler posts from
    // the second alarm on, so even a restarted wait ends (and the check reports it).
    const auto untimed = [&](bool restart) -> message {
        (void)install_alarm(restart);
        g_post_target = sem.native_handle();
        const int before = g_alarms.load();
        g_post_at = before + 2;
        (void)arm(timer, mono_now() + alarm_first_ns, alarm_every_ns);
        const std::error_code w = sem.wait();
        disarm(timer);
        g_post_at = 0;
        const int seen = g_alarms.load() - before;
        while (!sem.try_wait()) {  // take back what the handler posted
        }
        return {w.value(), seen, 0};
    };
    if (!ch.send(untimed(false))) return 3;

    // D: a timed wait with SA_RESTART still fails with EINTR (the kernel never restarts
    // a futex wait with a timeout). E: the untimed wait() with SA_RESTART is restarted,
    // and only the handler's post ends it.
    (void)install_alarm(true);
    {
        const std::int64_t start = mono_now();
        (void)arm(timer, start + alarm_first_ns, alarm_every_ns);
        const std::error_code w = sem.wait_until(at(start + 1000 * ms_ns));
        disarm(timer);
        if (!ch.send({w.value(), 0, 0})) return 3;
    }
    if (!ch.send(untimed(true))) return 3;
    (void)::timer_delete(timer);
    return 0;
}

check_record run_interrupted(const context& cx) {
    auto row = make_row("wait_interrupted", "EINTR");
    const int trials = cx.trials_or(10);
    const name_guard name(cx.names.make("wait_interrupted"));
    auto sem = create_or_fail(row, name.str(), 0);
    if (!sem) return row;
    child_process child([&](child_channel& ch) { return interrupted_child(ch, name.str(), trials); });
    if (!started_or_fail(child, row)) return row;

    message m{};
    if (!receive_or_fail(child, m, row, "setup result")) return row;
    if (m[0] != setup_ok) {
        static constexpr std::array<const char*, 4> what = {"", "cannot open the semaphore",
                                                            "cannot install the SIGALRM handler",
                                                            "cannot create the timer"};
        setup_failed(row, std::string("the other process ") + what[static_cast<std::size_t>(m[0]) % what.size()],
                     errno_code(m[1]));
        finish_or_fail(child, row);
        return row;
    }
    std::vector<std::string> outcomes;
    std::vector<double> lateness;
    bool all_had_signal = true;
    for (int i = 0; i < trials; ++i) {
        if (!receive_or_fail(child, m, row, "trial result")) return row;
        outcomes.push_back(code_name(errno_code(m[0])));
        lateness.push_back(static_cast<double>(m[1]));
        all_had_signal = all_had_signal && m[2] >= 1;
    }
    const auto s = summarize_lateness(lateness);
    apply_lateness(s, row);
    row.observed = describe_outcomes(outcomes);
    row.passed = row.observed == "EINTR" && all_had_signal;
    if (!all_had_signal) add_note(row, "a wait returned without the handler having run");

    const auto expect = [&](std::int64_t got, std::errc want, const std::string& step) {
        const std::error_code ec = errno_code(got);
        if (ec == want) return;
        row.passed = false;
        add_note(row, step + " gave " + code_name(ec) + ", not " + code_name(std::make_error_code(want)));
    };
    if (!receive_or_fail(child, m, row, "resume result")) return row;
    expect(m[0], psem::eintr, "the wait to resume");
    expect(m[1], psem::etimedout, "the resumed wait on the same deadline");
    if (m[1] == ETIMEDOUT) {
        row.extra["resumed_lateness_ns"] = static_cast<double>(m[2]);
        if (m[2] < 0) {
            row.passed = false;
            add_note(row, "the resumed wait timed out " + std::to_string(-m[2]) + " ns before its deadline");
        }
    }
    if (!receive_or_fail(child, m, row, "wait() result")) return row;
    expect(m[0], psem::eintr, "wait() without SA_RESTART");
    if (!receive_or_fail(child, m, row, "SA_RESTART timed result")) return row;
    expect(m[0], psem::eintr, "a timed wait with SA_RESTART");
    if (!receive_or_fail(child, m, row, "SA_RESTART wait() result")) return row;
    if (m[0] != 0 || m[1] < 2) {
        row.passed = false;
        add_note(row, "wait() with SA_RESTART gave " + code_name(errno_code(m[0])) + " after " +
                          std::to_string(m[1]) + " signal(s); the policy says it is restarted");
    }
    finish_or_fail(child, row);
    if (row.passed) add_note(row, "late = return - timer expiry; resume, wait(), SA_RESTART as documented");
    return row;
}

}  // namespace

void wait_interrupted(const context& cx, std::vector<check_record>& out) { out.push_back(run_interrupted(cx)); }

}  // namespace psem::bench::edge
