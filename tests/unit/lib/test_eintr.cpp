// The EINTR policy of psem/errors.hpp: a POSIX-named wait interrupted by a signal handler
// reports std::errc::interrupted and is never retried by psem; a timed wait resumes with
// wait_until() on the same deadline. The std names resume by themselves, as std's do. Signals and timers live in forked children, so the
// test runner's own signal dispositions are never touched.
#include <gtest/gtest.h>
#include <psem/psem.hpp>

#include <sys/time.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <string>
#include <system_error>
#include <thread>

#include "test_support.hpp"

namespace {

using namespace std::chrono_literals;
using psem::semaphore;
using psem_test::in_child;
using psem_test::name_guard;
using std::chrono::steady_clock;

// State shared with the handler: lock-free atomics are async-signal-safe, and so is
// sem_post (POSIX lists it), which lets the handler hand the waiter a unit.
std::atomic<int> g_signals{0};
std::atomic<int> g_post_from{0};  // post on the n-th signal and later; 0: never
std::atomic<sem_t*> g_target{nullptr};

extern "C" void on_alarm(int) {
    const int n = g_signals.fetch_add(1) + 1;
    const int from = g_post_from.load();
    if (from != 0 && n >= from) {
        if (sem_t* s = g_target.load()) ::sem_post(s);
    }
}

// Installs on_alarm for SIGALRM. `post_from` is a safety net as much as a feature: if a
// wait were (wrongly) restarted forever, the handler's post lets it finish and the test
// fails on the outcome instead of hanging.
bool install_handler(bool restart, sem_t* target, int post_from) {
    g_signals = 0;
    g_target = target;
    g_post_from = post_from;
    struct sigaction sa{};
    sa.sa_handler = on_alarm;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = restart ? SA_RESTART : 0;
    return ::sigaction(SIGALRM, &sa, nullptr) == 0;
}

// SIGALRM after `first`, then every `every` (0: once). A repeating timer also covers a
// signal that lands before the wait has started.
bool arm_timer(std::chrono::microseconds first, std::chrono::microseconds every) {
    const auto tv = [](std::chrono::microseconds us) {
        return timeval{static_cast<time_t>(us.count() / 1'000'000),
                       static_cast<suseconds_t>(us.count() % 1'000'000)};
    };
    const itimerval it{tv(every), tv(first)};
    return ::setitimer(ITIMER_REAL, &it, nullptr) == 0;
}
void disarm_timer() { (void)arm_timer(0us, 0us); }

int child_fail(int code, const char* what, std::error_code ec = {}) {
    std::fprintf(stderr, "child: %s (got %d: %s, %d signals)\n", what, ec.value(),
                 ec.message().c_str(), g_signals.load());
    return code;
}

TEST(Eintr, InterruptedWaitForReportsInterruptedLongBeforeTheTimeout) {
    name_guard name;
    auto sem = semaphore::create(name);
    const int rc = in_child([&] {
        if (!install_handler(false, sem.native_handle(), 100) || !arm_timer(50ms, 50ms))
            return child_fail(2, "cannot set up SIGALRM");
        const auto start = steady_clock::now();
        const auto ec = sem.wait_for(5s);
        const auto elapsed = steady_clock::now() - start;
        disarm_timer();
        if (ec != std::errc::interrupted || ec != psem::eintr || ec.value() != EINTR)
            return child_fail(3, "wait_for: expected EINTR", ec);
        if (elapsed >= 4s) return child_fail(4, "EINTR came only near the timeout", ec);
        if (g_signals == 0) return child_fail(5, "EINTR without a signal", ec);
        return 0;
    });
    EXPECT_EQ(rc, 0);
}

TEST(Eintr, InterruptedWaitReportsInterrupted) {
    name_guard name;
    auto sem = semaphore::create(name);
    const int rc = in_child([&] {
        if (!install_handler(false, sem.native_handle(), 100) || !arm_timer(50ms, 50ms))
            return child_fail(2, "cannot set up SIGALRM");
        const auto ec = sem.wait();
        disarm_timer();
        // EINTR at all means psem did not retry: its handler never posts before signal 100.
        if (ec != psem::eintr) return child_fail(3, "wait: expected EINTR", ec);
        return 0;
    });
    EXPECT_EQ(rc, 0);
}

// The std names keep std's meaning: acquire() (and scoped_acquire, which uses it) blocks
// until it has a unit, through any number of interruptions. The handler posts on the
// third signal, so returning at all after two EINTRs proves the retry.
TEST(Eintr, AcquireAndScopedAcquireResumeAfterInterruptions) {
    name_guard name;
    auto sem = semaphore::create(name);
    const int rc = in_child([&] {
        if (!install_handler(false, sem.native_handle(), 3) || !arm_timer(20ms, 20ms))
            return child_fail(2, "cannot set up SIGALRM");
        try {
            sem.acquire();
            if (g_signals < 3) return child_fail(3, "acquire returned before the post");
            g_signals = 0;
            {
                const psem::scoped_acquire hold(sem);
                if (g_signals < 3) return child_fail(4, "scoped_acquire returned before the post");
                disarm_timer();
                if (sem.value() != 0) return child_fail(5, "the unit is not held");
            }
        } catch (const std::system_error& e) {
            return child_fail(6, e.what(), e.code());
        }
        // The destructor gave the unit back.
        return sem.value() == 1 ? 0 : child_fail(7, "the unit did not come back");
    });
    EXPECT_EQ(rc, 0);
}

// Under TSan a handler runs only when the thread next enters a call TSan intercepts, and it
// does not intercept sem_clockwait: the waits are still interrupted (the kernel returns
// EINTR), but the handler's count lags. The deadline checks hold either way.
#if defined(__SANITIZE_THREAD__)
constexpr bool handlers_run_during_waits = false;
#else
constexpr bool handlers_run_during_waits = true;
#endif

// try_acquire_for resumes against its own deadline: with a signal every 20 ms and no
// post, a fresh 300 ms per resumption would never end; the same deadline ends near 300 ms.
TEST(Eintr, TryAcquireForResumesAgainstTheSameDeadline) {
    name_guard name;
    auto sem = semaphore::create(name);
    const int rc = in_child([&] {
        if (!install_handler(false, sem.native_handle(), 0) || !arm_timer(20ms, 20ms))
            return child_fail(2, "cannot set up SIGALRM");
        const auto start = steady_clock::now();
        const bool took = sem.try_acquire_for(300ms);
        const auto elapsed = steady_clock::now() - start;
        disarm_timer();
        if (took) return child_fail(3, "took a unit nobody posted");
        if (handlers_run_during_waits && g_signals < 2) return child_fail(4, "too few interruptions to tell");
        if (elapsed < 300ms) return child_fail(5, "returned before the deadline");
        if (elapsed > 3s) return child_fail(6, "the deadline moved with the interruptions");
        return 0;
    });
    EXPECT_EQ(rc, 0);
}

// The documented way to resume: wait_until() again with the same deadline. It ends at the
// original deadline, not at "interruption time + timeout".
TEST(Eintr, ResumingWithTheSameDeadlineTimesOutAtThatDeadline) {
    name_guard name;
    auto sem = semaphore::create(name);
    const int rc = in_child([&] {
        if (!install_handler(false, sem.native_handle(), 0) || !arm_timer(50ms, 50ms))
            return child_fail(2, "cannot set up SIGALRM");
        const auto deadline = steady_clock::now() + 500ms;
        auto ec = sem.wait_until(deadline);
        disarm_timer();
        if (ec != psem::eintr) return child_fail(3, "first wait: expected EINTR", ec);
        if (steady_clock::now() >= deadline) return child_fail(4, "interrupted only at the deadline", ec);
        ec = sem.wait_until(deadline);
        const auto end = steady_clock::now();
        if (ec != psem::etimedout) return child_fail(5, "resumed wait: expected ETIMEDOUT", ec);
        if (end < deadline - 1ms) return child_fail(6, "resumed wait ended before the deadline", ec);
        if (end > deadline + 4s) return child_fail(7, "resumed wait ran far past the deadline", ec);
        return 0;
    });
    EXPECT_EQ(rc, 0);
}

// The handler posts a unit while the waiter is in the kernel: the wait still reports EINTR
// (glibc does not look again), and the resumed wait takes the unit at once.
TEST(Eintr, ResumingTakesTheUnitPostedByTheHandler) {
    name_guard name;
    auto sem = semaphore::create(name);
    const int rc = in_child([&] {
        // A signal that lands before the wait started makes the wait succeed at once, which
        // shows nothing: try again then.
        for (int attempt = 0; attempt < 5; ++attempt) {
            while (!sem.try_wait()) {
            }
            if (!install_handler(false, sem.native_handle(), 1) || !arm_timer(50ms, 0ms))
                return child_fail(2, "cannot set up SIGALRM");
            const auto deadline = steady_clock::now() + 10s;
            auto ec = sem.wait_until(deadline);
            if (!ec) continue;
            if (ec != psem::eintr) return child_fail(3, "first wait: expected EINTR", ec);
            // Normally the handler has run by the time the wait returns. TSan defers it to
            // its next intercepted call (sem_clockwait is not one): sleep until it ran.
            for (int i = 0; i < 1000 && g_signals.load() == 0; ++i)
                std::this_thread::sleep_for(1ms);
            ec = sem.wait_until(deadline);
            if (ec) return child_fail(4, "resumed wait: expected success", ec);
            if (steady_clock::now() >= deadline) return child_fail(5, "resumed wait waited");
            return 0;
        }
        return child_fail(6, "the signal never interrupted a wait");
    });
    EXPECT_EQ(rc, 0);
}

// Why the policy says "install the handler without SA_RESTART": with SA_RESTART the kernel
// restarts the untimed futex wait behind everyone's back (signal(7)), so wait() only
// returns once the handler posts; timed waits fail with EINTR either way.
TEST(Eintr, SaRestartRestartsTheUntimedWaitButNotTimedOnes) {
    name_guard name;
    auto sem = semaphore::create(name);
    const int rc = in_child([&] {
        if (!install_handler(true, sem.native_handle(), 3) || !arm_timer(20ms, 20ms))
            return child_fail(2, "cannot set up SIGALRM");
        auto ec = sem.wait();
        disarm_timer();
        if (ec) return child_fail(3, "wait with SA_RESTART: expected the kernel to restart it", ec);
        if (g_signals < 3) return child_fail(4, "woke up before the posting signal", ec);

        while (!sem.try_wait()) {
        }
        if (!install_handler(true, sem.native_handle(), 100) || !arm_timer(50ms, 50ms))
            return child_fail(5, "cannot set up SIGALRM");
        ec = sem.wait_for(5s);
        disarm_timer();
        if (ec != psem::eintr) return child_fail(6, "wait_for with SA_RESTART: expected EINTR", ec);
        return 0;
    });
    EXPECT_EQ(rc, 0);
}

}  // namespace

// The wait policies keep the EINTR policy: a spinning wait makes no system call, so only
// its blocking part can be interrupted, and it reports EINTR as a blocking wait does; the
// std names resume. The spin (1 ms) is far shorter than the first signal (50 ms).
TEST(Eintr, SpinningWaitsReportInterruptedAndAcquireResumes) {
    name_guard name;
    auto sem = semaphore::create(name);
    const int rc = in_child([&] {
        for (const auto policy : {psem::wait_policy::spin(1ms), psem::wait_policy::adaptive(1ms)}) {
            if (!install_handler(false, sem.native_handle(), 100) || !arm_timer(50ms, 50ms))
                return child_fail(2, "cannot set up SIGALRM");
            const auto ec = sem.wait(policy);
            disarm_timer();
            if (ec != psem::eintr) return child_fail(3, "wait(policy): expected EINTR", ec);
        }
        sem.set_wait_policy(psem::wait_policy::spin(1ms));
        if (!install_handler(false, sem.native_handle(), 3) || !arm_timer(20ms, 20ms))
            return child_fail(4, "cannot set up SIGALRM");
        try {
            sem.acquire();
            if (g_signals < 3) return child_fail(5, "acquire returned before the post");
        } catch (const std::system_error& e) {
            return child_fail(6, e.what(), e.code());
        }
        disarm_timer();
        return 0;
    });
    EXPECT_EQ(rc, 0);
}
