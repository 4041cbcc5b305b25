// The futex backend's semaphore (workloads/futex_sem.hpp), hammered from several
// processes on one word in shared memory: every unit posted is taken exactly once (a lost
// wake-up leaves a waiter short, which its deadline turns into a failure instead of a
// hang; a unit taken twice leaves the count wrong), waiters that block are woken, and a
// post at the top of the 32-bit range fails with EOVERFLOW instead of wrapping.
#include "workloads/futex_sem.hpp"

#include <gtest/gtest.h>

#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>
#include <vector>

namespace psem::bench {
namespace {

struct shared_state {
    futex_words sem;
    std::atomic<std::uint64_t> taken{0};
};

TEST(FutexSem, NoUnitIsLostOrTakenTwiceBetweenProcesses) {
    void* p = ::mmap(nullptr, sizeof(shared_state), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    ASSERT_NE(p, MAP_FAILED);
    auto* st = new (p) shared_state{};
    constexpr int posters = 3, waiters = 3, per_poster = 30000;
    constexpr int per_waiter = posters * per_poster / waiters;
    std::vector<pid_t> kids;
    for (int w = 0; w < waiters; ++w) {
        const pid_t pid = ::fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            // alarm: a lost wake-up would block forever; SIGALRM ends the child instead.
            ::alarm(30);
            for (int i = 0; i < per_waiter; ++i) {
                if (!futex_sem::wait(st->sem)) ::_exit(2);
                st->taken.fetch_add(1);
            }
            ::_exit(0);
        }
        kids.push_back(pid);
    }
    for (int q = 0; q < posters; ++q) {
        const pid_t pid = ::fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            for (int i = 0; i < per_poster; ++i) {
                if (!futex_sem::post(st->sem)) ::_exit(3);
                // Now and then a pause, so that waiters run dry and sleep in the kernel.
                if (i % 3000 == 2999) std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
            ::_exit(0);
        }
        kids.push_back(pid);
    }
    for (const pid_t pid : kids) {
        int status = 0;
        ASSERT_EQ(::waitpid(pid, &status, 0), pid);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
            << "status " << status << " (SIGALRM: a waiter was never woken)";
    }
    EXPECT_EQ(st->taken.load(), static_cast<std::uint64_t>(posters) * per_poster);
    EXPECT_EQ(st->sem.value.load(), 0u) << "units left over: one was taken without being posted, or not at all";
    EXPECT_EQ(st->sem.waiters.load(), 0u);
    ::munmap(p, sizeof(shared_state));
}

TEST(FutexSem, PostAtTheTopOfTheRangeIsEoverflow) {
    futex_words f;
    f.value.store(UINT32_MAX - 1);
    EXPECT_TRUE(futex_sem::post(f));
    errno = 0;
    EXPECT_FALSE(futex_sem::post(f));
    EXPECT_EQ(errno, EOVERFLOW);
    EXPECT_EQ(f.value.load(), UINT32_MAX);
    EXPECT_TRUE(futex_sem::wait(f));
    EXPECT_EQ(f.value.load(), UINT32_MAX - 1);
}

}  // namespace
}  // namespace psem::bench
