// psem/wait_policy.hpp - how a wait spends the time before a unit is there.
//
// glibc's sem_wait sleeps in the kernel at once, so every hand-off between two processes
// costs a futex wake-up and a context switch (microseconds). When the other side posts
// soon, spinning for a while first is far cheaper: while the waiter spins it is not
// registered as a waiter, so the post is a plain atomic increment with no system call and
// the spinner sees it within a cache-line transfer. Spinning burns the waiter's CPU, and
// on a host with more runnable threads than CPUs it can delay the very process that would
// post; so it is bounded, and it is the caller's explicit choice (blocking stays the
// default). See psem::semaphore::set_wait_policy and the per-call overloads.
#pragma once

#include <chrono>
#include <cstdint>

namespace psem {

class wait_policy {
public:
    enum class mode : std::uint8_t {
        block,     // sem_wait at once (the default)
        spin,      // spin up to a fixed budget, then block
        adaptive,  // spin up to a budget the handle learns from its own waits, then block
    };

    /// The longest spin any policy asks for: spinning longer than this is a sleep that
    /// burns a CPU.
    static constexpr std::chrono::nanoseconds max_spin{std::chrono::seconds(1)};
    /// The adaptive mode's default ceiling: about one wake-up latency of an untuned host
    /// (a futex wake-up plus a context switch is 5-60 us); the handle lowers it to the
    /// wake-ups it measures (see semaphore::spin_budget).
    static constexpr std::chrono::nanoseconds default_adaptive_ceiling{std::chrono::microseconds(50)};

    /// block(): the default.
    constexpr wait_policy() noexcept = default;
    /// Block at once, as sem_wait does.
    static constexpr wait_policy block() noexcept { return wait_policy(mode::block, 0); }
    /// Spin (no system call while spinning, a CPU pause in the loop) for at most `budget`,
    /// then block. A budget of zero or less blocks at once; above max_spin, max_spin.
    static constexpr wait_policy spin(std::chrono::nanoseconds budget) noexcept {
        return wait_policy(mode::spin, clamp(budget));
    }
    /// Spin for a learned budget of at most `ceiling`, then block. The rule:
    /// - a unit that is already there is taken at once and teaches nothing (on one CPU the
    ///   poster often runs before the waiter gets to wait); a unit taken right after the
    ///   spinner was preempted counts as a spin that ran out (the poster ran in its place);
    /// - the budget starts at the limit; a wait whose spin got the unit raises it by a
    ///   quarter (up to the limit); a wait whose spin ran out halves it, and below 256 ns
    ///   the handle stops spinning;
    /// - while it does not spin, every 64th wait (then every 128th, ... every 1024th while
    ///   those probes keep failing) spins for the whole limit, and a probe that gets the
    ///   unit turns spinning back on at the limit (when both sides of a hand-off have
    ///   stopped spinning, each answers only after a wake-up, so a shorter probe could
    ///   never catch the other);
    /// - the limit is the smaller of `ceiling` and twice the wake-up latency the handle
    ///   measures on its own waits that blocked (an estimate that follows shorter ones
    ///   fast and longer ones slowly; a blocked wait takes at least one wake-up), so it
    ///   never spins much longer than blocking would have cost.
    /// The state is per handle, shared by the threads that use it (relaxed atomics: a lost
    /// update only delays the learning).
    static constexpr wait_policy adaptive(std::chrono::nanoseconds ceiling = default_adaptive_ceiling) noexcept {
        return wait_policy(mode::adaptive, clamp(ceiling));
    }

    [[nodiscard]] constexpr mode how() const noexcept { return mode_; }
    /// spin: the budget; adaptive: the ceiling; block: zero.
    [[nodiscard]] constexpr std::chrono::nanoseconds budget() const noexcept {
        return std::chrono::nanoseconds(budget_ns_);
    }
    [[nodiscard]] constexpr bool blocks_at_once() const noexcept { return mode_ == mode::block; }

    friend constexpr bool operator==(const wait_policy&, const wait_policy&) = default;

private:
    constexpr wait_policy(mode m, std::int64_t ns) noexcept : budget_ns_(ns), mode_(m) {}
    static constexpr std::int64_t clamp(std::chrono::nanoseconds d) noexcept {
        if (d.count() <= 0) return 0;
        return d < max_spin ? d.count() : max_spin.count();
    }

    std::int64_t budget_ns_ = 0;
    mode mode_ = mode::block;
};

}  // namespace psem
