// A name whose file in /dev/shm is not a semaphore (empty, too short, a directory) is
// refused with EINVAL on open; glibc alone would map an empty file and the first post
// would die of SIGBUS. Each case runs in a child so that a regression is a failed test
// with the signal named, not a dead test runner.
#include <gtest/gtest.h>
#include <psem/psem.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <fstream>
#include <string>

#include "test_support.hpp"

namespace {

using psem::semaphore;
using psem_test::in_child;
using psem_test::name_guard;

std::string shm_file(const name_guard& name) { return "/dev/shm/sem." + name.str().substr(1); }

void write_bytes(const std::string& path, std::size_t n) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << std::string(n, '\0');
}

// Opens the name every way that can find an existing file, and posts if any succeeded.
// 0: every way said EINVAL; 2..4: which way did not.
int open_every_way(const name_guard& name) {
    std::error_code ec;
    auto a = semaphore::open(name, ec);
    if (ec != psem::einval) return 2;
    bool created = true;
    auto b = semaphore::open_or_create(name, 0, psem::default_mode, &created, ec);
    if (ec != psem::einval || b.is_open()) return 3;
    auto c = semaphore::open(name, psem::creat, psem::default_mode, 0, ec);
    if (ec != psem::einval || c.is_open()) return 4;
    try {
        (void)semaphore::open(name);
        return 5;
    } catch (const std::system_error& e) {
        if (e.code() != psem::einval || std::string(e.what()).find(name.str()) == std::string::npos) return 6;
    }
    return 0;
}

TEST(Corrupt, AnEmptyFileIsRefusedNotCrashedOn) {
    name_guard name;
    write_bytes(shm_file(name), 0);
    const int rc = in_child([&] { return open_every_way(name); });
    EXPECT_EQ(rc, 0) << (rc > 128 ? "killed by signal " + std::to_string(rc - 128) : "");
    EXPECT_FALSE(psem::unlink(name));  // the name can still be cleaned up
}

TEST(Corrupt, AFileShorterThanASemaphoreIsRefused) {
    name_guard name;
    write_bytes(shm_file(name), 3);
    EXPECT_EQ(in_child([&] { return open_every_way(name); }), 0);
    write_bytes(shm_file(name), sizeof(sem_t) - 1);
    EXPECT_EQ(in_child([&] { return open_every_way(name); }), 0);
}

TEST(Corrupt, ADirectoryOfThatNameIsRefused) {
    name_guard name;
    ASSERT_EQ(::mkdir(shm_file(name).c_str(), 0700), 0);
    EXPECT_EQ(in_child([&] { return open_every_way(name); }), 0);
    ::rmdir(shm_file(name).c_str());
}

// A file of a semaphore's size is what glibc itself makes: it opens, and works.
TEST(Corrupt, AFileOfASemaphoresSizeOpens) {
    name_guard name;
    write_bytes(shm_file(name), sizeof(sem_t));
    ASSERT_EQ(::chmod(shm_file(name).c_str(), 0600), 0);
    std::error_code ec;
    auto sem = semaphore::open(name, ec);
    ASSERT_FALSE(ec) << ec.message();
    EXPECT_FALSE(sem.post());
    EXPECT_EQ(sem.value(), 1);
}

}  // namespace
