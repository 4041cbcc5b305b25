// The std::counting_semaphore names mean what std's mean: generic code takes either type.
#include <gtest/gtest.h>
#include <psem/psem.hpp>

#include <chrono>
#include <semaphore>
#include <string_view>
#include <type_traits>

#include "test_support.hpp"

namespace {

using namespace std::chrono_literals;
using psem::semaphore;
using psem_test::name_guard;

static_assert(std::is_same_v<decltype(std::declval<semaphore&>().try_acquire()), bool>);
static_assert(noexcept(std::declval<semaphore&>().try_acquire()));
static_assert(std::is_same_v<decltype(std::declval<semaphore&>().try_acquire_for(1ms)), bool>);
static_assert(std::is_same_v<decltype(std::declval<semaphore&>().acquire()), void>);
static_assert(std::is_same_v<decltype(std::declval<semaphore&>().release()), void>);
static_assert(semaphore::max() == static_cast<std::ptrdiff_t>(psem::value_max));

// Value and mode cannot trade places: a mode is a psem::permissions, made explicitly.
template <class Value, class Mode>
concept can_create = requires(Value v, Mode m) { semaphore::create(std::string_view{}, v, m); };
static_assert(can_create<unsigned, psem::permissions>);
static_assert(!can_create<unsigned, unsigned>);
static_assert(!can_create<psem::permissions, unsigned>);
static_assert(!std::is_convertible_v<unsigned, psem::permissions>);

// A clock of its own (steady time shifted by an hour), for try_acquire_until's generic path.
struct shifted_clock {
    using duration = std::chrono::nanoseconds;
    using rep = duration::rep;
    using period = duration::period;
    using time_point = std::chrono::time_point<shifted_clock>;
    static constexpr bool is_steady = true;
    static time_point now() { return time_point(std::chrono::steady_clock::now().time_since_epoch() + 1h); }
};

// Written against std::counting_semaphore's interface only; `s` starts at 0. Returns the
// number of expectations that held (9).
template <class Sem>
int exercise(Sem& s) {
    int held = 0;
    held += !s.try_acquire();              // nothing there
    s.release();
    s.release(2);
    held += s.try_acquire();               // 3 -> 2
    s.acquire();                           // 2 -> 1
    held += s.try_acquire_for(1ms);        // 1 -> 0
    held += !s.try_acquire_for(1ms);       // times out
    held += !s.try_acquire_until(std::chrono::steady_clock::now() + 1ms);
    s.release();
    held += s.try_acquire_until(std::chrono::system_clock::now() + 1ms);
    held += !s.try_acquire_until(shifted_clock::now() + 2ms);
    s.release();
    held += s.try_acquire_until(shifted_clock::now() + 2ms);
    held += Sem::max() >= 3;
    return held;
}

TEST(StdNames, OneTemplateWorksWithStdAndPsem) {
    std::counting_semaphore<> std_sem(0);
    EXPECT_EQ(exercise(std_sem), 9);
    name_guard name;
    auto sem = semaphore::create(name);
    EXPECT_EQ(exercise(sem), 9);
    EXPECT_EQ(sem.value(), 0);
}

TEST(StdNames, ReleaseThatOverflowsSaysHowManyPostsHappened) {
    name_guard name;
    auto sem = semaphore::create(name, psem::value_max - 1);
    try {
        sem.release(3);
        FAIL() << "release past value_max did not throw";
    } catch (const psem::release_error& e) {
        EXPECT_EQ(e.code(), psem::eoverflow);
        EXPECT_EQ(e.released(), 1);
        EXPECT_NE(std::string(e.what()).find(name.str()), std::string::npos) << e.what();
    }
    EXPECT_EQ(sem.value(), static_cast<int>(psem::value_max));
}

TEST(StdNames, ANegativeReleaseIsRefusedBeforeAnyPost) {
    name_guard name;
    auto sem = semaphore::create(name, 1);
    try {
        sem.release(-1);
        FAIL() << "release(-1) did not throw";
    } catch (const std::system_error& e) {
        EXPECT_EQ(e.code(), psem::einval);
    }
    EXPECT_EQ(sem.value(), 1);
}

TEST(StdNames, ScopedAcquireReleaseReportsThePostOnce) {
    name_guard name;
    auto sem = semaphore::create(name, 1);
    {
        psem::scoped_acquire hold(sem);
        EXPECT_EQ(sem.value(), 0);
        EXPECT_FALSE(hold.release());
        EXPECT_EQ(sem.value(), 1);
        EXPECT_FALSE(hold.release());  // nothing held any more: no second post
        EXPECT_EQ(sem.value(), 1);
    }
    EXPECT_EQ(sem.value(), 1);  // the destructor did not post again
}

TEST(StdNames, ScopedAcquireReleaseReportsAFailedPost) {
    name_guard name;
    auto sem = semaphore::create(name, 1);
    psem::scoped_acquire hold(sem);
    // Someone else fills the semaphore meanwhile: the unit cannot go back.
    auto other = semaphore::open(name);
    ASSERT_FALSE(other.post(static_cast<unsigned>(psem::value_max)));
    EXPECT_EQ(hold.release(), psem::eoverflow);
}

}  // namespace
