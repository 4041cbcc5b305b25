// Semaphores across processes: a post in one process wakes a wait in another (both
// directions), value() snapshots agree, a child opens by name, and concurrent
// open_or_create calls from several processes agree on exactly one creator.
//
// psem_test::in_child blocks until its child exits, so a child that must run alongside
// the parent is started by in_child on a helper thread (std::async); the future's
// destructor joins that thread, which has reaped the child: nothing outlives the test.
// Every blocking call in a child is bounded, so a failed parent never waits forever.
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
using psem_test::name_guard;

constexpr auto bound = 10s;  // how long any wait may block before the test gives up

std::future<int> start_child(std::function<int()> body) {
    return std::async(std::launch::async, [body = std::move(body)] { return psem_test::in_child(body); });
}

TEST(CrossProcess, PostInTheParentWakesAWaitInTheChild) {
    name_guard ready_name("ready");
    name_guard go_name("go");
    auto ready = semaphore::create(ready_name);
    auto go = semaphore::create(go_name);
    auto child = start_child([&] {
        if (ready.post()) return 2;
        return go.wait_for(bound) ? 3 : 0;
    });
    ASSERT_FALSE(ready.wait_for(bound)) << "the child never started";
    EXPECT_EQ(go.value(), 0);
    std::this_thread::sleep_for(20ms);  // let it block; correctness does not depend on it
    EXPECT_EQ(go.value(), 0);  // Linux reports 0, never a negative count, with a waiter
    EXPECT_FALSE(go.post());
    EXPECT_EQ(child.get(), 0) << "3 means the child's wait was not woken";
    EXPECT_EQ(go.value(), 0);  // the child took the unit
}

TEST(CrossProcess, PostInTheChildWakesAWaitInTheParent) {
    name_guard name;
    auto sem = semaphore::create(name);
    auto child = start_child([&] {
        std::this_thread::sleep_for(20ms);  // the parent is most likely blocked by now
        return sem.post() ? 2 : 0;
    });
    const auto ec = sem.wait_for(bound);
    EXPECT_FALSE(ec) << ec.message();
    EXPECT_EQ(child.get(), 0);
    EXPECT_EQ(sem.value(), 0);
}

TEST(CrossProcess, ValueSnapshotsAgreeAcrossProcesses) {
    name_guard name;
    auto sem = semaphore::create(name, 2);
    // The child sees the parent's value, changes it, and the parent sees the change.
    const int rc = psem_test::in_child([&] {
        if (sem.value() != 2) return 2;
        if (sem.post(3u)) return 3;
        if (sem.wait()) return 4;
        return sem.value() == 4 ? 0 : 5;
    });
    EXPECT_EQ(rc, 0);
    EXPECT_EQ(sem.value(), 4);
}

TEST(CrossProcess, AChildOpensByNameAndPostsAfterAFreshOpen) {
    name_guard name;
    auto sem = semaphore::create(name);
    ASSERT_FALSE(sem.close());  // nothing inherited: the child has to open the name
    const int rc = psem_test::in_child([&] {
        std::error_code ec;
        auto mine = semaphore::open(name, ec);
        if (ec) return 2;
        return mine.post(2u) ? 3 : 0;
    });
    ASSERT_EQ(rc, 0);
    auto again = semaphore::open(name);
    EXPECT_EQ(again.value(), 2);
}

// open_or_create is "race-free and tells the caller whether it created": with several
// processes released at once on a missing name, exactly one may say so, and all of them
// must end up with the same semaphore.
TEST(CrossProcess, ConcurrentOpenOrCreateHasExactlyOneCreator) {
    constexpr int rounds = 5;
    constexpr int children = 6;
    enum : int { created_it = 10, opened_it = 11 };
    for (int round = 0; round < rounds; ++round) {
        SCOPED_TRACE("round " + std::to_string(round));
        name_guard start_name("start");
        name_guard contested("contested");
        auto start = semaphore::create(start_name);
        std::vector<std::future<int>> pending;
        for (int i = 0; i < children; ++i) {
            pending.push_back(start_child([&] {
                if (start.wait_for(bound)) return 2;
                bool created = false;
                std::error_code ec;
                auto sem = semaphore::open_or_create(contested, 0, psem::permissions{0600}, &created, ec);
                if (ec) return 3;
                if (sem.post()) return 4;  // each one posts: the total shows one semaphore
                return created ? int{created_it} : int{opened_it};
            }));
        }
        ASSERT_FALSE(start.post(static_cast<unsigned>(children)));
        int creators = 0;
        int openers = 0;
        for (auto& f : pending) {
            const int rc = f.get();
            creators += rc == created_it;
            openers += rc == opened_it;
            EXPECT_TRUE(rc == created_it || rc == opened_it) << "child failed with " << rc;
        }
        EXPECT_EQ(creators, 1);
        EXPECT_EQ(openers, children - 1);
        auto check = semaphore::open(contested);
        EXPECT_EQ(check.value(), children);
    }
}

}  // namespace
