// The wait policies of psem/wait_policy.hpp: what a policy holds, that spinning waits lose
// and duplicate no unit between several processes, that timed waits still end at their
// deadline, and the adaptive rule's learning (off after spins that never succeed, on again
// after a probe that does). EINTR under a policy is in test_eintr.cpp; the speed is
// measured by psem-bench (scenarios/sweeps/wait-policy.json), not here.
#include <gtest/gtest.h>
#include <psem/psem.hpp>

#include <chrono>
#include <functional>
#include <future>
#include <thread>
#include <vector>

#include "test_support.hpp"

namespace {

using namespace std::chrono_literals;
using psem::semaphore;
using psem::wait_policy;
using psem_test::name_guard;
using std::chrono::steady_clock;

constexpr auto bound = 10s;  // how long any wait may block before the test gives up

TEST(WaitPolicy, BlockIsTheDefaultAndBudgetsAreClamped) {
    EXPECT_EQ(wait_policy{}, wait_policy::block());
    EXPECT_TRUE(wait_policy::block().blocks_at_once());
    EXPECT_EQ(wait_policy::spin(-5ns).budget(), 0ns);
    EXPECT_EQ(wait_policy::spin(3us).budget(), 3us);
    EXPECT_EQ(wait_policy::spin(5s).budget(), wait_policy::max_spin);
    EXPECT_EQ(wait_policy::adaptive().budget(), wait_policy::default_adaptive_ceiling);
    EXPECT_EQ(wait_policy::adaptive().how(), wait_policy::mode::adaptive);

    name_guard name;
    auto sem = semaphore::create(name);
    EXPECT_EQ(sem.current_wait_policy(), wait_policy::block());
    sem.set_wait_policy(wait_policy::spin(7us));
    semaphore moved = std::move(sem);
    EXPECT_EQ(moved.current_wait_policy(), wait_policy::spin(7us));
}

// A spin budget of a second must not stretch a 30 ms timeout: the spin counts against the
// deadline and stops at it. Every timed form, under both spinning policies, per call and
// per handle.
TEST(WaitPolicy, TimedWaitsEndAtTheirDeadlineWhileSpinning) {
    name_guard name;
    auto sem = semaphore::create(name);
    const auto check = [](const char* what, const std::function<bool()>& timed_out) {
        const auto start = steady_clock::now();
        EXPECT_TRUE(timed_out()) << what;
        const auto elapsed = steady_clock::now() - start;
        EXPECT_GE(elapsed, 30ms) << what;
        EXPECT_LT(elapsed, 900ms) << what << ": the spin ran past the deadline";
    };
    for (const auto policy : {wait_policy::spin(1s), wait_policy::adaptive(1s)}) {
        check("wait_for", [&] { return sem.wait_for(30ms, policy) == psem::etimedout; });
        check("wait_until steady", [&] { return sem.wait_until(steady_clock::now() + 30ms, policy) == psem::etimedout; });
        check("wait_until system", [&] {
            return sem.wait_until(std::chrono::system_clock::now() + 30ms, policy) == psem::etimedout;
        });
        check("try_acquire_for", [&] { return !sem.try_acquire_for(30ms, policy); });
        check("try_acquire_until", [&] { return !sem.try_acquire_until(steady_clock::now() + 30ms, policy); });
        sem.set_wait_policy(policy);
        check("handle's wait_for", [&] { return sem.wait_for(30ms) == psem::etimedout; });
        check("handle's try_acquire_for", [&] { return !sem.try_acquire_for(30ms); });
        sem.set_wait_policy(wait_policy::block());
    }
    // A unit that is there is taken even with the deadline past, as without a policy.
    ASSERT_FALSE(sem.post());
    EXPECT_FALSE(sem.wait_until(steady_clock::now() - 1s, wait_policy::spin(1ms)));
    EXPECT_EQ(sem.value(), 0);
}

// Three posters and three waiters in six processes, each waiter with another policy and
// form: every unit posted is taken exactly once. A lost unit leaves a waiter short (its
// bounded wait fails); a duplicated one lets a waiter finish early and leaves a unit over.
// The posters pause now and then, so waits both catch units while spinning and block.
TEST(WaitPolicy, NoUnitIsLostOrDuplicatedBetweenProcesses) {
    name_guard name;
    auto sem = semaphore::create(name);
    constexpr int posters = 3, waiters = 3, per_poster = 20000;
    constexpr int per_waiter = posters * per_poster / waiters;
    const auto start_child = [](std::function<int()> body) {
        return std::async(std::launch::async, [body = std::move(body)] { return psem_test::in_child(body); });
    };
    std::vector<std::future<int>> children;
    for (int w = 0; w < waiters; ++w) {
        children.push_back(start_child([&sem, w] {
            if (w == 1) sem.set_wait_policy(wait_policy::adaptive());
            for (int i = 0; i < per_waiter; ++i) {
                bool ok = false;
                if (w == 0) ok = !sem.wait_for(bound, wait_policy::spin(20us));
                if (w == 1) ok = !sem.wait_for(bound);
                if (w == 2) ok = sem.try_acquire_for(bound, wait_policy::adaptive(5us));
                if (!ok) return 10 + w;
            }
            return 0;
        }));
    }
    for (int p = 0; p < posters; ++p) {
        children.push_back(start_child([&sem] {
            for (int i = 0; i < per_poster; ++i) {
                if (sem.post()) return 20;
                if (i % 2000 == 1999) std::this_thread::sleep_for(1ms);
            }
            return 0;
        }));
    }
    for (auto& c : children) EXPECT_EQ(c.get(), 0) << "1x: a waiter came short (lost unit); 20: a post failed";
    EXPECT_EQ(sem.value(), 0) << "units left over: some wait returned without taking one";
}

// The adaptive rule on a handle: spins that run out (a timed wait with nothing posted)
// halve the budget, from the ceiling, until the handle stops spinning.
TEST(WaitPolicy, AdaptiveStopsSpinningAfterSpinsThatRanOut) {
    name_guard name;
    auto sem = semaphore::create(name);
    const auto policy = wait_policy::adaptive(50us);
    EXPECT_EQ(sem.spin_budget(50us), 50us);  // starts at the ceiling
    // 50 us halved eight times is under 256 ns: off after the eighth spin that ran out.
    int misses = 0;
    while (sem.spin_budget(50us) > 0ns && misses < 20) {
        ASSERT_EQ(sem.wait_for(2ms, policy), psem::etimedout);
        ++misses;
    }
    EXPECT_EQ(misses, 8);
    // A unit that is there is taken without spinning and teaches nothing.
    ASSERT_FALSE(sem.post());
    ASSERT_FALSE(sem.wait(policy));
    EXPECT_EQ(sem.spin_budget(50us), 0ns);
}

// The rest of the rule, step by step on the learning state itself (what a spin that
// succeeds, a probe, or a measured wake-up does), where no timing can blur it.
TEST(WaitPolicy, AdaptiveRuleStepByStep) {
    psem::detail::spin_learning l;
    constexpr std::int64_t ceiling = 50'000;
    bool probe = true;
    EXPECT_EQ(l.next_budget(ceiling, &probe), ceiling);
    EXPECT_FALSE(probe);
    for (int i = 0; i < 8; ++i) l.ran_out(ceiling, false);
    EXPECT_EQ(l.current(ceiling), 0);

    // Off: every 64th wait probes with the whole limit; a failed probe doubles the period.
    for (int i = 1; i < 64; ++i) {
        ASSERT_EQ(l.next_budget(ceiling, &probe), 0) << "wait " << i;
        ASSERT_FALSE(probe);
    }
    EXPECT_EQ(l.next_budget(ceiling, &probe), ceiling);
    EXPECT_TRUE(probe);
    l.ran_out(ceiling, true);
    for (int i = 1; i < 128; ++i) ASSERT_EQ(l.next_budget(ceiling, &probe), 0) << "wait " << i;
    EXPECT_EQ(l.next_budget(ceiling, &probe), ceiling);
    ASSERT_TRUE(probe);
    // A probe that gets its unit turns spinning back on at the full limit.
    l.took(ceiling, true);
    EXPECT_EQ(l.current(ceiling), ceiling);

    // The limit follows the wake-ups measured: twice the estimate, which goes down fast
    // and up slowly; a "blocked" wait under 1 us did not sleep and is ignored.
    l.blocked_for(3'000);
    EXPECT_EQ(l.current(ceiling), 6'000);
    l.blocked_for(500);
    EXPECT_EQ(l.current(ceiling), 6'000);
    l.blocked_for(1'000);  // halfway down: 2000
    EXPECT_EQ(l.current(ceiling), 4'000);
    l.blocked_for(10'000);  // an eighth of the way up: 3000
    EXPECT_EQ(l.current(ceiling), 6'000);

    // Spins that succeed raise the budget by a quarter, up to the limit.
    l.ran_out(ceiling, false);  // 6000 -> 3000
    EXPECT_EQ(l.current(ceiling), 3'000);
    l.took(ceiling, false);
    EXPECT_EQ(l.current(ceiling), 3'751);
    for (int i = 0; i < 5; ++i) l.took(ceiling, false);
    EXPECT_EQ(l.current(ceiling), 6'000);
}

}  // namespace
