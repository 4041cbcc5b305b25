// The waits that follow a wait policy other than "block at once" (psem/wait_policy.hpp):
// spin, then block; and the adaptive policy's learning.
#include <psem/semaphore.hpp>

#include <time.h>

#include <algorithm>
#include <cstdint>

namespace psem {
namespace {

constexpr std::int64_t giga = 1'000'000'000;
// Below this the adaptive policy stops spinning: a spin shorter than a few cache-line
// transfers cannot catch a post from another CPU.
constexpr std::int64_t min_spin_ns = 256;
constexpr std::uint32_t first_probe_every = 64;
constexpr std::uint32_t last_probe_every = 1024;
// A wait that blocked for less than this did not sleep (the unit came as it went to):
// no wake-up to learn from.
constexpr std::int64_t min_wake_ns = 1'000;

std::int64_t clock_ns(clockid_t clock) noexcept {
    timespec ts{};
    ::clock_gettime(clock, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * giga + ts.tv_nsec;
}

inline void cpu_pause() noexcept {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield" ::: "memory");
#else
    std::atomic_signal_fence(std::memory_order_seq_cst);
#endif
}

enum class spin_outcome { took, ran_out, took_after_preemption };

// A gap this long between two looks at the clock means the spinner was not running: the
// scheduler ran something else on its CPU (a few rounds of the loop take well under 1 us).
constexpr std::int64_t preempted_gap_ns = 4'000;

// Spins until a unit is taken or `budget_ns` has passed. No system call: sem_getvalue and
// sem_trywait are atomic operations on the semaphore word in glibc (a waiter that is only
// spinning is not registered as one, so the poster's sem_post makes no futex call either).
// The value is read before each attempt so that an empty semaphore's cache line is only
// read, not bounced between spinners; the clock is read every few rounds. With `judge`,
// a unit taken right after the spinner was preempted is told apart (one more clock
// read): on a CPU shared with the poster that is how a spin "succeeds", by the poster
// running in its place, and it says nothing for spinning.
spin_outcome spin_take(sem_t* sem, std::int64_t budget_ns, bool judge) noexcept {
    std::int64_t last = clock_ns(CLOCK_MONOTONIC);
    const std::int64_t stop = last + budget_ns;
    for (;;) {
        for (int round = 0; round < 4; ++round) {
            int value = 0;
            ::sem_getvalue(sem, &value);
            if (value > 0 && ::sem_trywait(sem) == 0) {
                if (judge && clock_ns(CLOCK_MONOTONIC) - last > preempted_gap_ns) return spin_outcome::took_after_preemption;
                return spin_outcome::took;
            }
            cpu_pause();
        }
        const std::int64_t now = clock_ns(CLOCK_MONOTONIC);
        if (now >= stop) return spin_outcome::ran_out;
        last = now;
    }
}

}  // namespace

namespace detail {

spin_learning& spin_learning::operator=(const spin_learning& o) noexcept {
    budget_ns_.store(o.budget_ns_.load(std::memory_order_relaxed), std::memory_order_relaxed);
    wake_ns_.store(o.wake_ns_.load(std::memory_order_relaxed), std::memory_order_relaxed);
    skipped_.store(o.skipped_.load(std::memory_order_relaxed), std::memory_order_relaxed);
    probe_every_.store(o.probe_every_.load(std::memory_order_relaxed), std::memory_order_relaxed);
    return *this;
}

std::int64_t spin_learning::limit(std::int64_t ceiling_ns) const noexcept {
    const std::uint32_t wake = wake_ns_.load(std::memory_order_relaxed);
    return wake == unset ? ceiling_ns : std::min<std::int64_t>(ceiling_ns, 2 * static_cast<std::int64_t>(wake));
}

std::int64_t spin_learning::current(std::int64_t ceiling_ns) const noexcept {
    const std::uint32_t budget = budget_ns_.load(std::memory_order_relaxed);
    const std::int64_t lim = limit(ceiling_ns);
    return budget == unset ? lim : std::min<std::int64_t>(budget, lim);
}

std::int64_t spin_learning::next_budget(std::int64_t ceiling_ns, bool* probe) noexcept {
    *probe = false;
    const std::int64_t budget = current(ceiling_ns);
    if (budget > 0) return budget;
    // Not spinning: count the waits and probe now and then.
    const std::uint32_t skipped = skipped_.load(std::memory_order_relaxed) + 1;
    if (skipped < probe_every_.load(std::memory_order_relaxed)) {
        skipped_.store(skipped, std::memory_order_relaxed);
        return 0;
    }
    skipped_.store(0, std::memory_order_relaxed);
    *probe = true;
    return limit(ceiling_ns);
}

void spin_learning::took(std::int64_t ceiling_ns, bool probe) noexcept {
    const std::int64_t lim = limit(ceiling_ns);
    std::int64_t next = 0;
    if (probe) {
        // Back on, at the full budget: the other side may still be blocking (and so slow
        // to answer) until its own probe succeeds.
        next = lim;
        probe_every_.store(first_probe_every, std::memory_order_relaxed);
    } else {
        const std::int64_t budget = current(ceiling_ns);
        next = budget + budget / 4 + 1;
    }
    budget_ns_.store(static_cast<std::uint32_t>(std::min(next, lim)), std::memory_order_relaxed);
}

void spin_learning::ran_out(std::int64_t ceiling_ns, bool probe) noexcept {
    if (probe) {
        const std::uint32_t every = probe_every_.load(std::memory_order_relaxed);
        probe_every_.store(std::min(2 * every, last_probe_every), std::memory_order_relaxed);
        return;
    }
    std::int64_t budget = current(ceiling_ns) / 2;
    if (budget < min_spin_ns) {
        budget = 0;
        skipped_.store(0, std::memory_order_relaxed);
    }
    budget_ns_.store(static_cast<std::uint32_t>(budget), std::memory_order_relaxed);
}

void spin_learning::blocked_for(std::int64_t ns) noexcept {
    if (ns < min_wake_ns) return;
    const std::int64_t d = std::min<std::int64_t>(ns, unset - 1);
    const std::uint32_t wake = wake_ns_.load(std::memory_order_relaxed);
    std::int64_t next = d;
    if (wake != unset) {
        // Down fast, up slowly: the estimate stays near the shortest recent wake-ups.
        next = d < wake ? wake - (wake - d) / 2 : wake + (d - wake) / 8;
    }
    wake_ns_.store(static_cast<std::uint32_t>(next), std::memory_order_relaxed);
}

}  // namespace detail

std::error_code semaphore::policy_wait(clockid_t clock, const timespec* abs, wait_policy policy) noexcept {
    assert(sem_ != nullptr);
    // A unit that is already there is taken without spinning, and teaches the adaptive
    // rule nothing: on one CPU the poster often runs (wake-up preemption) before the
    // waiter gets here, and counting that as a spin that worked kept spinning on there.
    if (::sem_trywait(sem_) == 0) return detail::no_error();
    const bool adaptive = policy.how() == wait_policy::mode::adaptive;
    bool probe = false;
    std::int64_t budget = 0;
    if (adaptive) {
        budget = learning_.next_budget(policy.budget().count(), &probe);
    } else if (policy.how() == wait_policy::mode::spin) {
        budget = policy.budget().count();
    }
    if (budget > 0) {
        bool cut = false;  // the deadline, not the budget, ended the spin
        if (abs != nullptr) {
            const std::int64_t left = (static_cast<std::int64_t>(abs->tv_sec) * giga + abs->tv_nsec) - clock_ns(clock);
            if (left < budget) {
                budget = std::max<std::int64_t>(left, 0);
                cut = true;
            }
        }
        const spin_outcome got = budget > 0 ? spin_take(sem_, budget, adaptive) : spin_outcome::ran_out;
        if (got == spin_outcome::took) {
            if (adaptive) learning_.took(policy.budget().count(), probe);
            return detail::no_error();
        }
        if (got == spin_outcome::took_after_preemption) {
            learning_.ran_out(policy.budget().count(), probe);
            return detail::no_error();
        }
        if (adaptive && !cut) learning_.ran_out(policy.budget().count(), probe);
    }
    std::int64_t blocked_at = 0;
    if (adaptive) {
        // A unit that came as the spin ended needs no wake-up and would say nothing of one.
        if (budget > 0 && ::sem_trywait(sem_) == 0) return detail::no_error();
        blocked_at = clock_ns(CLOCK_MONOTONIC);
    }
    const int rc = abs != nullptr ? ::sem_clockwait(sem_, clock, abs) : ::sem_wait(sem_);
    if (rc != 0) return detail::errno_code(errno);
    if (adaptive) learning_.blocked_for(clock_ns(CLOCK_MONOTONIC) - blocked_at);
    return detail::no_error();
}

}  // namespace psem
