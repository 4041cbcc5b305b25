// Handle lifecycle: the ways in, close, move, several handles to one name, unlink while
// open, post(n), scoped_acquire and the throwing forms (the std names: test_std_names.cpp).
#include <gtest/gtest.h>
#include <psem/psem.hpp>

#include <string>
#include <system_error>
#include <utility>

#include "test_support.hpp"

namespace {

using psem::semaphore;
using psem_test::name_guard;

TEST(Lifecycle, DefaultConstructedHandleIsEmpty) {
    const semaphore sem;
    EXPECT_FALSE(sem.is_open());
    EXPECT_FALSE(static_cast<bool>(sem));
    EXPECT_EQ(sem.native_handle(), nullptr);
    EXPECT_TRUE(sem.name().empty());
}

TEST(Lifecycle, CreateGivesAnOpenHandleWithItsNameAndValue) {
    name_guard name;
    std::error_code ec;
    auto sem = semaphore::create(name, 3, psem::default_mode, ec);
    ASSERT_FALSE(ec) << ec.message();
    EXPECT_TRUE(sem.is_open());
    EXPECT_NE(sem.native_handle(), nullptr);
    EXPECT_EQ(sem.name(), name.str());
    EXPECT_EQ(sem.value(), 3);
}

TEST(Lifecycle, OpenOfAnExistingNameSeesTheSameSemaphore) {
    name_guard name;
    auto creator = semaphore::create(name, 1);
    auto opener = semaphore::open(name);
    EXPECT_EQ(opener.value(), 1);
    EXPECT_FALSE(creator.post());
    EXPECT_EQ(opener.value(), 2);
    EXPECT_FALSE(opener.wait());
    EXPECT_EQ(creator.value(), 1);
}

TEST(Lifecycle, CloseIsIdempotentAndEmptiesTheHandle) {
    name_guard name;
    auto sem = semaphore::create(name);
    EXPECT_FALSE(sem.close());
    EXPECT_FALSE(sem.is_open());
    EXPECT_TRUE(sem.name().empty());
    EXPECT_FALSE(sem.close());  // the second close is a no-op, not EINVAL
    EXPECT_FALSE(sem.is_open());
    // Closing never unlinks: the name is still there to be opened.
    std::error_code ec;
    auto again = semaphore::open(name, ec);
    EXPECT_FALSE(ec) << ec.message();
}

TEST(Lifecycle, MoveConstructionLeavesTheSourceEmpty) {
    name_guard name;
    auto source = semaphore::create(name, 2);
    sem_t* const native = source.native_handle();

    semaphore target(std::move(source));
    EXPECT_TRUE(target.is_open());
    EXPECT_EQ(target.native_handle(), native);
    EXPECT_EQ(target.name(), name.str());
    EXPECT_EQ(target.value(), 2);

    // NOLINTBEGIN(bugprone-use-after-move): the moved-from state is what is under test.
    EXPECT_FALSE(source.is_open());
    EXPECT_EQ(source.native_handle(), nullptr);
    EXPECT_TRUE(source.name().empty());
    EXPECT_FALSE(source.close());
    // NOLINTEND(bugprone-use-after-move)
}

TEST(Lifecycle, MoveAssignmentReplacesTheTargetAndEmptiesTheSource) {
    name_guard first_name("first");
    name_guard second_name("second");
    auto target = semaphore::create(first_name, 1);
    auto source = semaphore::create(second_name, 5);

    target = std::move(source);
    EXPECT_EQ(target.name(), second_name.str());
    EXPECT_EQ(target.value(), 5);
    EXPECT_FALSE(source.is_open());  // NOLINT(bugprone-use-after-move)
    EXPECT_TRUE(source.name().empty());  // NOLINT(bugprone-use-after-move)

    // The target's old semaphore was closed, not unlinked: it can still be opened.
    auto first = semaphore::open(first_name);
    EXPECT_EQ(first.value(), 1);
}

TEST(Lifecycle, MoveAssignmentToItselfKeepsTheHandle) {
    name_guard name;
    auto sem = semaphore::create(name, 4);
    semaphore& alias = sem;  // through a reference, as generic code would do it
    sem = std::move(alias);
    EXPECT_TRUE(sem.is_open());
    EXPECT_EQ(sem.name(), name.str());
    EXPECT_EQ(sem.value(), 4);
}

TEST(Lifecycle, MovedFromHandleDestroysFineAndCanBeReused) {
    name_guard name;
    name_guard other("other");
    {
        auto source = semaphore::create(name);
        auto target = std::move(source);
        // Both destructors run here: the moved-from one must not close target's sem_t.
    }
    auto sem = semaphore::create(other);
    semaphore reused;
    reused = std::move(sem);
    EXPECT_FALSE(reused.post());
    EXPECT_EQ(reused.value(), 1);
}

// glibc maps one sem_t per (device, inode) and process and counts the sem_open calls; each
// handle holds one reference, so closing one handle must leave the other working.
TEST(Lifecycle, TwoHandlesToOneNameSurviveClosingEitherOne) {
    name_guard name;
    auto first = semaphore::create(name);
    auto second = semaphore::open(name);
    EXPECT_FALSE(first.close());
    EXPECT_FALSE(second.post());
    EXPECT_FALSE(second.post());
    EXPECT_EQ(second.value(), 2);
    EXPECT_FALSE(second.wait());
    EXPECT_FALSE(second.try_wait());
    EXPECT_EQ(second.value(), 0);

    // And the other way round, with three handles.
    auto third = semaphore::open(name);
    auto fourth = semaphore::open(name);
    EXPECT_FALSE(second.close());
    EXPECT_FALSE(fourth.close());
    EXPECT_FALSE(third.post());
    EXPECT_FALSE(third.wait());
}

TEST(Lifecycle, UnlinkWhileOpenKeepsTheHandleAndFreesTheName) {
    name_guard name;
    auto old_sem = semaphore::create(name, 7);
    EXPECT_FALSE(old_sem.unlink());

    // The unlinked semaphore lives on for its open handles.
    EXPECT_FALSE(old_sem.post());
    EXPECT_EQ(old_sem.value(), 8);
    EXPECT_FALSE(old_sem.wait());

    // The name is free again: an exclusive create succeeds and is a different semaphore.
    std::error_code ec;
    auto new_sem = semaphore::create(name, 0, psem::default_mode, ec);
    ASSERT_FALSE(ec) << ec.message();
    EXPECT_NE(new_sem.native_handle(), old_sem.native_handle());
    EXPECT_EQ(new_sem.value(), 0);
    EXPECT_FALSE(new_sem.post());
    EXPECT_EQ(new_sem.value(), 1);
    EXPECT_EQ(old_sem.value(), 7);
}

TEST(Lifecycle, OpenOrCreateReportsCreatedThenOpened) {
    name_guard name;
    bool created = false;
    auto first = semaphore::open_or_create(name, 2, psem::default_mode, &created);
    EXPECT_TRUE(created);
    EXPECT_EQ(first.value(), 2);

    created = true;
    std::error_code ec;
    // A different initial value is ignored when the semaphore already exists.
    auto second = semaphore::open_or_create(name, 9, psem::default_mode, &created, ec);
    ASSERT_FALSE(ec) << ec.message();
    EXPECT_FALSE(created);
    EXPECT_EQ(second.value(), 2);

    // `created` is optional.
    auto third = semaphore::open_or_create(name);
    EXPECT_EQ(third.value(), 2);
}

TEST(Lifecycle, GoStyleOpenFlagsZeroCreatAndCreatExcl) {
    name_guard name;
    std::error_code ec;
    auto missing = semaphore::open(name, 0, psem::permissions{0600}, 0, ec);
    EXPECT_EQ(ec, std::errc::no_such_file_or_directory);
    EXPECT_FALSE(missing.is_open());

    auto created = semaphore::open(name, psem::creat, psem::permissions{0600}, 3, ec);  // creates
    ASSERT_FALSE(ec) << ec.message();
    EXPECT_EQ(created.value(), 3);
    auto opened = semaphore::open(name, psem::creat, psem::permissions{0600}, 8, ec);  // opens, value kept
    ASSERT_FALSE(ec) << ec.message();
    EXPECT_EQ(opened.value(), 3);
    auto plain = semaphore::open(name, 0, psem::default_mode, 0, ec);
    ASSERT_FALSE(ec) << ec.message();
    EXPECT_EQ(plain.value(), 3);
    auto exclusive = semaphore::open(name, psem::creat | psem::excl, psem::permissions{0600}, 0, ec);
    EXPECT_EQ(ec, psem::eexist);
    EXPECT_FALSE(exclusive.is_open());
}

TEST(Lifecycle, PostNPostsNTimesAndSaysHowMany) {
    name_guard name;
    auto sem = semaphore::create(name);
    unsigned posted = 99;
    EXPECT_FALSE(sem.post(0u, &posted));
    EXPECT_EQ(posted, 0u);
    EXPECT_EQ(sem.value(), 0);
    EXPECT_FALSE(sem.post(5u, &posted));
    EXPECT_EQ(posted, 5u);
    EXPECT_EQ(sem.value(), 5);
    EXPECT_FALSE(sem.post(1u));
    EXPECT_EQ(sem.value(), 6);
}

// EOVERFLOW part-way: the count says how many posts went in before it.
TEST(Lifecycle, PostNStopsAtOverflowAndCountsWhatWentIn) {
    name_guard name;
    auto sem = semaphore::create(name, psem::value_max - 2);
    unsigned posted = 0;
    EXPECT_EQ(sem.post(5u, &posted), psem::eoverflow);
    EXPECT_EQ(posted, 2u);
    EXPECT_EQ(sem.value(), static_cast<int>(psem::value_max));
}

TEST(Lifecycle, ScopedAcquireTakesAndReturnsAUnit) {
    name_guard name;
    auto sem = semaphore::create(name, 2);
    {
        psem::scoped_acquire outer(sem);
        EXPECT_EQ(sem.value(), 1);
        {
            psem::scoped_acquire inner(sem);
            EXPECT_EQ(sem.value(), 0);
            EXPECT_EQ(sem.try_wait(), psem::eagain);
        }
        EXPECT_EQ(sem.value(), 1);
    }
    EXPECT_EQ(sem.value(), 2);
}

// Every throwing form raises std::system_error carrying the errno and naming the semaphore.
TEST(Lifecycle, ThrowingFormsCarryTheErrnoAndTheName) {
    name_guard name;
    const auto expect_throw = [&](auto&& call, std::errc expected) {
        try {
            call();
            ADD_FAILURE() << "no exception, expected " << std::make_error_code(expected).message();
        } catch (const std::system_error& e) {
            EXPECT_EQ(e.code(), expected) << e.what();
            EXPECT_NE(std::string(e.what()).find(name.str()), std::string::npos) << e.what();
        }
    };
    expect_throw([&] { (void)semaphore::open(name); }, psem::enoent);
    expect_throw([&] { psem::unlink_or_throw(name); }, psem::enoent);
    auto sem = semaphore::create(name);
    expect_throw([&] { (void)semaphore::create(name); }, psem::eexist);
    name_guard other("other");
    // The value check comes before any system call, and still names the semaphore.
    const auto over = psem::value_max + 1u;
    try {
        (void)semaphore::open_or_create(other, over);
        ADD_FAILURE() << "no exception";
    } catch (const std::system_error& e) {
        EXPECT_EQ(e.code(), psem::einval);
        EXPECT_NE(std::string(e.what()).find(other.str()), std::string::npos) << e.what();
    }
    // And a successful unlink_or_throw does not throw.
    EXPECT_NO_THROW(psem::unlink_or_throw(name));
}

}  // namespace
