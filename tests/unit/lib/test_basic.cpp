#include <gtest/gtest.h>
#include <psem/psem.hpp>

#include "test_support.hpp"

TEST(Basic, CreatePostWaitValue) {
    psem_test::name_guard name;
    auto sem = psem::semaphore::create(name, 2);
    EXPECT_EQ(sem.value(), 2);
    EXPECT_FALSE(sem.post());
    EXPECT_FALSE(sem.wait());
    EXPECT_EQ(sem.value(), 2);
}
