// The hot path's ordinary outcomes: EAGAIN from try_wait, ETIMEDOUT from timed waits
// (relative, and absolute on both clocks), deadlines that are past, negative, huge or odd,
// and EOVERFLOW at SEM_VALUE_MAX. Timing checks only have wide lower bounds: a timed wait
// may wake late on a loaded machine, never early.
#include <gtest/gtest.h>
#include <psem/psem.hpp>

#include <sys/time.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <limits>
#include <ratio>
#include <system_error>

#include "test_support.hpp"

namespace {

using namespace std::chrono_literals;
using psem::semaphore;
using psem_test::name_guard;
using std::chrono::steady_clock;
using std::chrono::system_clock;

TEST(Waits, TryWaitAtZeroIsEagain) {
    name_guard name;
    auto sem = semaphore::create(name);
    const auto ec = sem.try_wait();
    EXPECT_EQ(ec, std::errc::resource_unavailable_try_again);
    EXPECT_EQ(ec, psem::eagain);
    EXPECT_EQ(ec.value(), EAGAIN);
    EXPECT_EQ(sem.value(), 0);
    EXPECT_FALSE(sem.post());
    EXPECT_FALSE(sem.try_wait());
    EXPECT_EQ(sem.try_wait(), psem::eagain);
}

TEST(Waits, TryWaitAfterAChildTookTheLastUnitIsEagain) {
    name_guard name;
    auto sem = semaphore::create(name, 1);
    const int rc = psem_test::in_child([&] { return sem.try_wait() ? 1 : 0; });
    ASSERT_EQ(rc, 0) << "the child could not take the unit";
    EXPECT_EQ(sem.value(), 0);
    EXPECT_EQ(sem.try_wait(), psem::eagain);
}

TEST(Waits, WaitForAtZeroTimesOutAfterTheTimeout) {
    name_guard name;
    auto sem = semaphore::create(name);
    const auto start = steady_clock::now();
    const auto ec = sem.wait_for(10ms);
    const auto elapsed = steady_clock::now() - start;
    EXPECT_EQ(ec, std::errc::timed_out);
    EXPECT_EQ(ec, psem::etimedout);
    EXPECT_EQ(ec.value(), ETIMEDOUT);
    EXPECT_GE(elapsed, 9ms);  // never early; how late is the scheduler's business
}

TEST(Waits, WaitUntilASteadyDeadlineTimesOutAtTheDeadline) {
    name_guard name;
    auto sem = semaphore::create(name);
    const auto deadline = steady_clock::now() + 10ms;
    EXPECT_EQ(sem.wait_until(deadline), psem::etimedout);
    EXPECT_GE(steady_clock::now(), deadline - 1ms);
}

TEST(Waits, WaitUntilASystemDeadlineTimesOutAtTheDeadline) {
    name_guard name;
    auto sem = semaphore::create(name);
    // Checked against system_clock itself: CLOCK_REALTIME deadlines follow that clock.
    const auto deadline = system_clock::now() + 10ms;
    EXPECT_EQ(sem.wait_until(deadline), psem::etimedout);
    EXPECT_GE(system_clock::now(), deadline - 1ms);
}

TEST(Waits, WaitUntilACoarseDeadlineTypeWorks) {
    name_guard name;
    auto sem = semaphore::create(name, 1);
    // A time_point whose duration is not the clock's own (milliseconds, double seconds).
    const auto coarse = std::chrono::time_point_cast<std::chrono::milliseconds>(steady_clock::now()) + 5ms;
    EXPECT_FALSE(sem.wait_until(coarse));
    EXPECT_EQ(sem.wait_until(coarse), psem::etimedout);
    const std::chrono::time_point<system_clock, std::chrono::duration<double>> fractional =
        system_clock::now() + std::chrono::duration<double>(0.005);
    EXPECT_EQ(sem.wait_until(fractional), psem::etimedout);
}

TEST(Waits, PastDeadlineTimesOutAtZeroAndTakesAUnitThatIsThere) {
    name_guard name;
    auto sem = semaphore::create(name);
    const auto steady_past = steady_clock::now() - 1s;
    const auto system_past = system_clock::now() - 1s;
    EXPECT_EQ(sem.wait_until(steady_past), psem::etimedout);
    EXPECT_EQ(sem.wait_until(system_past), psem::etimedout);
    EXPECT_EQ(sem.wait_until(steady_clock::time_point::min()), psem::etimedout);
    EXPECT_EQ(sem.wait_until(system_clock::time_point::min()), psem::etimedout);
    EXPECT_EQ(sem.wait_until(steady_clock::time_point{}), psem::etimedout);  // the epoch

    ASSERT_FALSE(sem.post(4u));
    EXPECT_FALSE(sem.wait_until(steady_past));
    EXPECT_FALSE(sem.wait_until(system_past));
    EXPECT_FALSE(sem.wait_until(steady_clock::time_point::min()));
    EXPECT_FALSE(sem.wait_until(system_clock::time_point::min()));
    EXPECT_EQ(sem.value(), 0);
}

TEST(Waits, NegativeTimeoutMeansAlreadyPast) {
    name_guard name;
    auto sem = semaphore::create(name);
    const auto start = steady_clock::now();
    EXPECT_EQ(sem.wait_for(-10ms), psem::etimedout);
    EXPECT_EQ(sem.wait_for(std::chrono::nanoseconds::min()), psem::etimedout);
    EXPECT_EQ(sem.wait_for(std::chrono::hours::min()), psem::etimedout);
    EXPECT_EQ(sem.wait_for(std::chrono::duration<double>(-1e300)), psem::etimedout);
    EXPECT_EQ(sem.wait_for(0s), psem::etimedout);
    EXPECT_LT(steady_clock::now() - start, 5s);  // none of them waited for anything

    ASSERT_FALSE(sem.post(3u));
    EXPECT_FALSE(sem.wait_for(-10ms));
    EXPECT_FALSE(sem.wait_for(std::chrono::nanoseconds::min()));
    EXPECT_FALSE(sem.wait_for(0s));
}

// The Go package built a timespec with a nanosecond field past 1e9 for long timeouts and
// got EINVAL; psem must saturate instead and simply wait (here: take the unit at once).
TEST(Waits, HugeTimeoutsSaturateInsteadOfFailing) {
    name_guard name;
    auto sem = semaphore::create(name);
    const auto take = [&](auto timeout_or_deadline, const char* what) {
        SCOPED_TRACE(what);
        ASSERT_FALSE(sem.post());
        std::error_code ec;
        if constexpr (requires { timeout_or_deadline.time_since_epoch(); })
            ec = sem.wait_until(timeout_or_deadline);
        else
            ec = sem.wait_for(timeout_or_deadline);
        EXPECT_FALSE(ec) << ec.message();
        EXPECT_EQ(sem.value(), 0);
    };
    take(std::chrono::hours::max(), "hours::max()");
    take(std::chrono::nanoseconds::max(), "nanoseconds::max()");
    take(std::chrono::years(1000), "1000 years");
    take(std::chrono::seconds(std::numeric_limits<std::int64_t>::max() / 2), "int64 seconds");
    take(std::chrono::duration<std::uint64_t, std::milli>(std::numeric_limits<std::uint64_t>::max()),
         "uint64 ms max");
    take(std::chrono::duration<double>(1e300), "1e300 s as double");
    take(std::chrono::duration<double>(std::numeric_limits<double>::infinity()), "+inf s");
    take(1500ms, "1.5 s (nanosecond field carried into seconds)");
    take(steady_clock::time_point::max(), "steady time_point::max()");
    take(system_clock::time_point::max(), "system time_point::max()");
    take(std::chrono::time_point<steady_clock, std::chrono::hours>::max(), "steady hours max");
}

// A period the integer duration_cast cannot scale (count * 1e9 overflows int64) used to
// wrap around to a deadline in the past and time out at once. With value 0 the wait
// must instead block; a short alarm in a child proves it did (EINTR, not ETIMEDOUT).
TEST(Waits, ExoticPeriodDoesNotOverflowIntoAPastDeadline) {
    name_guard name;
    auto sem = semaphore::create(name);
    // 1.2e10 thirds of a second: about 127 years, under the 292-year saturation point;
    // count * 1e9 = 1.2e19 wraps to a negative int64.
    const std::chrono::duration<std::int64_t, std::ratio<1, 3>> long_wait(12'000'000'000);
    const int rc = psem_test::in_child([&] {
        // The default SIGALRM action would kill the child: catch it with a handler that
        // does nothing, so the wait fails with EINTR instead.
        struct sigaction sa{};
        sa.sa_handler = [](int) {};
        sigemptyset(&sa.sa_mask);
        if (::sigaction(SIGALRM, &sa, nullptr) != 0) return 2;
        const itimerval once{{0, 0}, {0, 100'000}};  // one SIGALRM after 100 ms
        if (::setitimer(ITIMER_REAL, &once, nullptr) != 0) return 2;
        const auto ec = sem.wait_for(long_wait);
        if (ec == psem::etimedout) return 3;  // the overflow: a deadline in the past
        return ec == psem::eintr ? 0 : 4;
    });
    EXPECT_EQ(rc, 0) << "3 means the wait timed out at once instead of blocking";
}

// The far end of the range must block, not fail: a saturated deadline (about 292 years
// from now) goes to the kernel as a huge but valid timespec. A short timer ends the wait.
TEST(Waits, HugeTimeoutsAtZeroBlockInsteadOfFailing) {
    name_guard name;
    auto sem = semaphore::create(name);
    const int rc = psem_test::in_child([&] {
        struct sigaction sa{};
        sa.sa_handler = [](int) {};
        sigemptyset(&sa.sa_mask);
        if (::sigaction(SIGALRM, &sa, nullptr) != 0) return 2;
        const itimerval once{{0, 0}, {0, 50'000}};
        if (::setitimer(ITIMER_REAL, &once, nullptr) != 0) return 2;
        if (sem.wait_for(std::chrono::hours::max()) != psem::eintr) return 3;
        if (::setitimer(ITIMER_REAL, &once, nullptr) != 0) return 2;
        if (sem.wait_until(steady_clock::time_point::max()) != psem::eintr) return 4;
        if (::setitimer(ITIMER_REAL, &once, nullptr) != 0) return 2;
        if (sem.wait_until(system_clock::time_point::max()) != psem::eintr) return 5;
        return 0;
    });
    EXPECT_EQ(rc, 0) << "3, 4, 5: wait_for, steady wait_until, system wait_until did not block";
}

TEST(Waits, NanTimeoutDoesNotWait) {
    name_guard name;
    auto sem = semaphore::create(name);
    const std::chrono::duration<double> nan(std::numeric_limits<double>::quiet_NaN());
    EXPECT_EQ(sem.wait_for(nan), psem::etimedout);
    ASSERT_FALSE(sem.post());
    EXPECT_FALSE(sem.wait_for(nan));
}

TEST(Waits, WaitForTakesAUnitThatIsThere) {
    name_guard name;
    auto sem = semaphore::create(name, 2);
    EXPECT_FALSE(sem.wait_for(1s));
    EXPECT_FALSE(sem.wait_until(steady_clock::now() + 1s));
    EXPECT_EQ(sem.value(), 0);
}

TEST(Waits, PostAtValueMaxIsEoverflowAndKeepsTheValue) {
    name_guard name;
    auto sem = semaphore::create(name, psem::value_max);
    const auto ec = sem.post();
    EXPECT_EQ(ec, std::errc::value_too_large);
    EXPECT_EQ(ec, psem::eoverflow);
    EXPECT_EQ(ec.value(), EOVERFLOW);
    EXPECT_EQ(static_cast<unsigned>(sem.value()), psem::value_max);

    // post(n) stops at the first failure and reports it, with the posts that went in.
    ASSERT_FALSE(sem.wait());
    ASSERT_FALSE(sem.wait());
    unsigned posted = 0;
    EXPECT_EQ(sem.post(5u, &posted), psem::eoverflow);
    EXPECT_EQ(posted, 2u);
    EXPECT_EQ(static_cast<unsigned>(sem.value()), psem::value_max);
    EXPECT_FALSE(sem.try_wait());
    EXPECT_FALSE(sem.post());  // one below the maximum: fine again
}

}  // namespace
