// psem/semaphore.hpp - one RAII handle over one POSIX named semaphore.
//
// Two sets of names. The POSIX names (post, wait, try_wait, wait_for, wait_until) are
// the hot path: noexcept, each returns a std::error_code that keeps its errno, following
// the contract in psem/errors.hpp. The std::counting_semaphore names (release, acquire,
// try_acquire, try_acquire_for, try_acquire_until) mean what std's mean, so generic code
// takes either type. Preconditions: both need an open handle; calling them on an empty or
// moved-from handle is a programming error (asserted in debug builds).
//
// Every wait (wait, wait_for, wait_until, acquire, try_acquire_for, try_acquire_until)
// follows a wait policy (psem/wait_policy.hpp): the handle's own, block unless
// set_wait_policy said otherwise, or one given to the call. try_wait and try_acquire never
// wait, so no policy applies to them.
#pragma once

#include <psem/errors.hpp>
#include <psem/wait_policy.hpp>

#include <sys/types.h>

#include <atomic>
#include <cassert>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <ctime>
#include <ratio>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

namespace psem {

/// Checks a name the way glibc's sem_open would, without a system call: a leading '/',
/// no other '/', 1..name_max characters after it. Returns EINVAL or ENAMETOOLONG.
[[nodiscard]] std::error_code validate_name(std::string_view name) noexcept;

/// Removes a name; handles already open keep working and the semaphore is destroyed
/// when the last one closes. ENOENT if missing, EACCES if not permitted.
[[nodiscard]] std::error_code unlink(std::string_view name) noexcept;
void unlink_or_throw(std::string_view name);

/// Thrown by release(n) when a post fails part-way: how many of the n posts happened
/// before the error (each one woke a waiter or raised the value; none is undone).
class release_error : public std::system_error {
public:
    release_error(std::error_code ec, const std::string& what, std::ptrdiff_t released)
        : std::system_error(ec, what), released_(released) {}
    [[nodiscard]] std::ptrdiff_t released() const noexcept { return released_; }

private:
    std::ptrdiff_t released_;
};

namespace detail {
/// The adaptive policy's learning for one handle (rule: wait_policy::adaptive). Relaxed
/// atomics: the threads sharing a handle share it, and a lost update only slows the
/// learning. Copying (for a move of the handle) copies the values.
class spin_learning {
public:
    spin_learning() noexcept = default;
    spin_learning(const spin_learning& o) noexcept { *this = o; }
    spin_learning& operator=(const spin_learning& o) noexcept;

    /// The budget to spin for now under `ceiling_ns`; *probe says the handle is not
    /// spinning and this wait is a probe.
    [[nodiscard]] std::int64_t next_budget(std::int64_t ceiling_ns, bool* probe) noexcept;
    /// The budget a wait would get now, without counting it (for spin_budget()).
    [[nodiscard]] std::int64_t current(std::int64_t ceiling_ns) const noexcept;
    void took(std::int64_t ceiling_ns, bool probe) noexcept;
    void ran_out(std::int64_t ceiling_ns, bool probe) noexcept;
    void blocked_for(std::int64_t ns) noexcept;

private:
    static constexpr std::uint32_t unset = UINT32_MAX;
    [[nodiscard]] std::int64_t limit(std::int64_t ceiling_ns) const noexcept;
    std::atomic<std::uint32_t> budget_ns_{unset};  // unset: the first wait starts at the limit
    std::atomic<std::uint32_t> wake_ns_{unset};    // the wake-up estimate; unset: none yet
    std::atomic<std::uint32_t> skipped_{0};        // waits since the last probe, while off
    std::atomic<std::uint32_t> probe_every_{64};
};
}  // namespace detail

class semaphore {
public:

    semaphore() noexcept = default;
    ~semaphore() { close(); }
    semaphore(semaphore&& other) noexcept;
    semaphore& operator=(semaphore&& other) noexcept;
    semaphore(const semaphore&) = delete;
    semaphore& operator=(const semaphore&) = delete;

    // --- ways in ------------------------------------------------------------------------
    // Each has a throwing form (std::system_error naming the semaphore) and a noexcept
    // form that leaves the handle empty and fills ec. `mode` (a psem::permissions, so that
    // it cannot be swapped with the value unnoticed) is applied exactly, whatever the
    // umask; `value` must not exceed value_max. Opening an existing name checks that it is
    // a semaphore first (EINVAL if not: see errors.hpp).

    /// O_CREAT|O_EXCL: a new semaphore; EEXIST if the name is taken.
    static semaphore create(std::string_view name, unsigned value = 0, permissions mode = default_mode);
    static semaphore create(std::string_view name, unsigned value, permissions mode, std::error_code& ec) noexcept;

    /// An existing semaphore; ENOENT if there is none.
    static semaphore open(std::string_view name);
    static semaphore open(std::string_view name, std::error_code& ec) noexcept;

    /// Opens the name or creates it, race-free against concurrent creators and unlinkers;
    /// `*created` (if given) says whether this call created it.
    static semaphore open_or_create(std::string_view name, unsigned value = 0,
                                    permissions mode = default_mode, bool* created = nullptr);
    static semaphore open_or_create(std::string_view name, unsigned value, permissions mode,
                                    bool* created, std::error_code& ec) noexcept;

    /// The Go package's Open(name, flag, mode, value): flags is 0, creat or creat|excl.
    static semaphore open(std::string_view name, int flags, permissions mode, unsigned value,
                          std::error_code& ec) noexcept;

    // --- the hot path: straight to glibc, the error check is the only branch -------------

    /// Increments; wakes one waiter. EOVERFLOW at value_max (value unchanged).
    [[nodiscard]] std::error_code post() noexcept {
        assert(sem_ != nullptr);
        if (::sem_post(sem_) == 0) [[likely]] return detail::no_error();
        return detail::errno_code(errno);
    }
    /// Posts n times; stops at the first failure and returns it. `*posted` (if given) is
    /// set to the number of posts that happened, n on success.
    [[nodiscard]] std::error_code post(unsigned n, unsigned* posted = nullptr) noexcept;

    /// Decrements, blocking while the value is zero. EINTR if a handler installed without
    /// SA_RESTART interrupts it (see the EINTR policy in psem/errors.hpp).
    [[nodiscard]] std::error_code wait() noexcept {
        assert(sem_ != nullptr);
        if (!policy_.blocks_at_once()) [[unlikely]] return wait(policy_);
        if (::sem_wait(sem_) == 0) [[likely]] return detail::no_error();
        return detail::errno_code(errno);
    }
    /// The same under `policy` instead of the handle's. EINTR can only come from the
    /// blocking part (nothing is interrupted while it spins).
    [[nodiscard]] std::error_code wait(wait_policy policy) noexcept {
        return policy_wait(CLOCK_MONOTONIC, nullptr, policy);
    }

    /// Decrements if it can without blocking; EAGAIN when the value is zero.
    [[nodiscard]] std::error_code try_wait() noexcept {
        assert(sem_ != nullptr);
        if (::sem_trywait(sem_) == 0) [[likely]] return detail::no_error();
        return detail::errno_code(errno);
    }

    // --- timed waits: ETIMEDOUT at the deadline, EINTR on a signal ------------------------
    // A deadline already past still takes a unit that is there (no ETIMEDOUT then). A
    // negative relative timeout means "already past". Deadlines saturate instead of
    // overflowing, and the nanosecond field is always normalised (never EINVAL).

    /// Waits until `deadline` on CLOCK_MONOTONIC: a wall-clock jump neither stretches nor
    /// cuts the wait.
    // Each also takes a wait policy for this call; a spin counts against the deadline and
    // stops at it.
    template <class Duration>
    [[nodiscard]] std::error_code wait_until(
        std::chrono::time_point<std::chrono::steady_clock, Duration> deadline) noexcept {
        return clock_wait(CLOCK_MONOTONIC, to_timespec(deadline.time_since_epoch()));
    }
    template <class Duration>
    [[nodiscard]] std::error_code wait_until(std::chrono::time_point<std::chrono::steady_clock, Duration> deadline,
                                             wait_policy policy) noexcept {
        const timespec abs = to_timespec(deadline.time_since_epoch());
        return policy_wait(CLOCK_MONOTONIC, &abs, policy);
    }
    /// Waits until `deadline` on CLOCK_REALTIME (follows wall-clock changes, by design).
    template <class Duration>
    [[nodiscard]] std::error_code wait_until(
        std::chrono::time_point<std::chrono::system_clock, Duration> deadline) noexcept {
        return clock_wait(CLOCK_REALTIME, to_timespec(deadline.time_since_epoch()));
    }
    template <class Duration>
    [[nodiscard]] std::error_code wait_until(std::chrono::time_point<std::chrono::system_clock, Duration> deadline,
                                             wait_policy policy) noexcept {
        const timespec abs = to_timespec(deadline.time_since_epoch());
        return policy_wait(CLOCK_REALTIME, &abs, policy);
    }
    /// Waits at most `timeout`, measured on the monotonic clock.
    template <class Rep, class Period>
    [[nodiscard]] std::error_code wait_for(std::chrono::duration<Rep, Period> timeout) noexcept {
        // Split here, where a constant timeout folds into two constants: the out-of-line
        // part then only adds them to the clock reading, like a hand-written C loop, instead
        // of a nanosecond round trip with a 64-bit division on every call.
        const std::int64_t ns = saturate_ns(timeout);
        return wait_for_split(ns / 1'000'000'000, ns % 1'000'000'000);
    }
    template <class Rep, class Period>
    [[nodiscard]] std::error_code wait_for(std::chrono::duration<Rep, Period> timeout, wait_policy policy) noexcept {
        const std::int64_t ns = saturate_ns(timeout);
        return wait_for_split(ns / 1'000'000'000, ns % 1'000'000'000, policy);
    }

    // --- std::counting_semaphore's members, with its meanings ----------------------------
    // Generic code written against std::counting_semaphore works unchanged: the try forms
    // return whether a unit was taken; acquire() blocks until it has one; an interrupted
    // wait (EINTR) resumes, a timed one against the same deadline. Where std lets a member
    // throw, an error other than "not acquired" is a std::system_error naming the
    // semaphore; try_acquire() is noexcept and reports any failure as false.

    /// The largest value the semaphore can hold (value_max).
    [[nodiscard]] static constexpr std::ptrdiff_t max() noexcept { return value_max; }

    /// Posts `update` times (default 1). A post that fails throws release_error, which
    /// says how many posts happened; a negative update throws EINVAL before posting.
    void release(std::ptrdiff_t update = 1);

    /// Takes a unit, blocking while there is none.
    void acquire();
    void acquire(wait_policy policy);

    /// Takes a unit if one is there, without blocking.
    [[nodiscard]] bool try_acquire() noexcept { return try_wait().value() == 0; }

    /// Takes a unit, waiting at most `timeout` (on the monotonic clock); false on timeout.
    template <class Rep, class Period>
    [[nodiscard]] bool try_acquire_for(const std::chrono::duration<Rep, Period>& timeout) {
        return try_acquire_for(timeout, policy_);
    }
    template <class Rep, class Period>
    [[nodiscard]] bool try_acquire_for(const std::chrono::duration<Rep, Period>& timeout, wait_policy policy) {
        const std::int64_t ns = saturate_ns(timeout);
        return acquire_for_split(ns / 1'000'000'000, ns % 1'000'000'000, policy);
    }

    /// Takes a unit, waiting until `deadline`; false once it has passed. steady_clock and
    /// system_clock deadlines wait on their own kernel clocks; another clock's deadline is
    /// converted to the monotonic clock and checked against that clock again on timeout.
    template <class Clock, class Duration>
    [[nodiscard]] bool try_acquire_until(const std::chrono::time_point<Clock, Duration>& deadline) {
        return try_acquire_until(deadline, policy_);
    }
    template <class Clock, class Duration>
    [[nodiscard]] bool try_acquire_until(const std::chrono::time_point<Clock, Duration>& deadline,
                                         wait_policy policy) {
        if constexpr (std::is_same_v<Clock, std::chrono::steady_clock>) {
            return acquire_until_abs(CLOCK_MONOTONIC, to_timespec(deadline.time_since_epoch()), policy);
        } else if constexpr (std::is_same_v<Clock, std::chrono::system_clock>) {
            return acquire_until_abs(CLOCK_REALTIME, to_timespec(deadline.time_since_epoch()), policy);
        } else {
            while (true) {
                const auto left = deadline - Clock::now();
                if (try_acquire_for(left, policy)) return true;
                if (Clock::now() >= deadline) return false;
            }
        }
    }

    // --- the wait policy -----------------------------------------------------------------

    /// The policy of this handle's waits that name none (block by default). Not
    /// synchronised: set it before the handle is shared between threads.
    void set_wait_policy(wait_policy policy) noexcept { policy_ = policy; }
    [[nodiscard]] wait_policy current_wait_policy() const noexcept { return policy_; }
    /// What an adaptive wait with `ceiling` would spin for now (zero: not spinning, only
    /// probing); what this handle has learned so far.
    [[nodiscard]] std::chrono::nanoseconds spin_budget(
        std::chrono::nanoseconds ceiling = wait_policy::default_adaptive_ceiling) const noexcept {
        return std::chrono::nanoseconds(learning_.current(ceiling.count()));
    }

    // --- the rest ------------------------------------------------------------------------

    /// A snapshot of the value (Linux reports 0, never a negative count, when there are
    /// waiters). The throwing form raises std::system_error.
    [[nodiscard]] int value() const;
    [[nodiscard]] int value(std::error_code& ec) const noexcept;

    /// Closes the handle (idempotent; the destructor calls it). Does not unlink. Closing
    /// one of two handles to the same name never unmaps the other's semaphore: glibc
    /// counts references per mapping and each handle holds exactly one.
    std::error_code close() noexcept;

    /// Unlinks this handle's own name (the handle stays usable).
    [[nodiscard]] std::error_code unlink() const noexcept { return psem::unlink(name_); }

    [[nodiscard]] bool is_open() const noexcept { return sem_ != nullptr; }
    explicit operator bool() const noexcept { return is_open(); }
    [[nodiscard]] const std::string& name() const noexcept { return name_; }
    [[nodiscard]] sem_t* native_handle() const noexcept { return sem_; }

private:
    semaphore(sem_t* sem, std::string name) noexcept : sem_(sem), name_(std::move(name)) {}

    // Converts to nanoseconds, clamping instead of overflowing (a "wait 1000 years" must
    // mean forever, not a deadline in the past).
    template <class Rep, class Period>
    static std::int64_t saturate_ns(std::chrono::duration<Rep, Period> d) noexcept {
        using namespace std::chrono;
        using to_ns = std::ratio_divide<Period, std::nano>;
        if constexpr (std::is_integral_v<Rep> && to_ns::den == 1) {
            constexpr std::int64_t limit = INT64_MAX / to_ns::num;
            const Rep c = d.count();
            if constexpr (std::is_unsigned_v<Rep>) {
                if (c > static_cast<std::uint64_t>(limit)) return INT64_MAX;
            } else {
                if (static_cast<std::int64_t>(c) > limit) return INT64_MAX;
                if (static_cast<std::int64_t>(c) < -limit) return INT64_MIN;
            }
            return static_cast<std::int64_t>(c) * to_ns::num;
        } else {
            // Compute in long double nanoseconds: duration_cast<nanoseconds> multiplies the
            // count by the ratio's numerator in an integer first, which overflows for
            // periods like ratio<1, 3> long before the ~292-year limit is reached.
            const long double ns = duration<long double, std::nano>(d).count();
            if (ns != ns) return 0;  // NaN: no meaningful deadline; treat as "now"
            if (ns >= 9.2e18L) return INT64_MAX;  // ~292 years
            if (ns <= -9.2e18L) return INT64_MIN;
            return static_cast<std::int64_t>(ns);
        }
    }
    template <class Duration>
    static timespec to_timespec(Duration since_epoch) noexcept {
        return ns_to_timespec(saturate_ns(since_epoch));
    }
    static timespec ns_to_timespec(std::int64_t ns) noexcept;
    // The std forms' timed wait: EINTR resumes against `abs`; ETIMEDOUT is false; any
    // other error throws std::system_error.
    bool acquire_until_abs(clockid_t clock, timespec abs, wait_policy policy);
    bool acquire_for_split(std::int64_t sec, std::int64_t nsec, wait_policy policy);
    // sec and nsec: one duration split by truncation (same sign, |nsec| < 1e9).
    std::error_code wait_for_split(std::int64_t sec, std::int64_t nsec) noexcept;
    std::error_code wait_for_split(std::int64_t sec, std::int64_t nsec, wait_policy policy) noexcept;
    std::error_code clock_wait(clockid_t clock, timespec abs) noexcept;
    // A wait under `policy` until `abs` on `clock`, or without a deadline (abs null).
    std::error_code policy_wait(clockid_t clock, const timespec* abs, wait_policy policy) noexcept;

    sem_t* sem_ = nullptr;
    wait_policy policy_ = wait_policy::block();
    std::string name_;
    detail::spin_learning learning_;
};

/// Holds one unit for a scope: acquires in the constructor, posts in the destructor.
/// The constructor follows acquire(): an interrupted wait (EINTR) resumes, any other
/// failure throws std::system_error and nothing is held. A destructor cannot report, so a
/// caller that must know whether the unit went back calls release() first; a post that
/// fails in the destructor (EOVERFLOW, which only a bug elsewhere can cause) trips an
/// assertion in debug builds.
class scoped_acquire {
public:
    explicit scoped_acquire(semaphore& sem);
    ~scoped_acquire();
    scoped_acquire(const scoped_acquire&) = delete;
    scoped_acquire& operator=(const scoped_acquire&) = delete;

    /// Posts the unit back now and says how that went; the destructor then does nothing.
    /// A second call returns success without posting.
    [[nodiscard]] std::error_code release() noexcept;

private:
    semaphore& sem_;
    bool held_ = true;
};

}  // namespace psem
