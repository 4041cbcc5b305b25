// The kernel objects of the sysv, eventfd, pipe, unnamed and futex backends: made with the
// specs' initial values, and gone after release (the set removed, the descriptors closed),
// whichever path a run takes out (run_objects releases them in its destructor).
#include "run/backend_objects.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <unistd.h>

#include <memory>
#include <vector>

namespace psem::bench {
namespace {

const std::vector<semaphore_spec> specs{{"ping", 3}, {"pong", 0}};

std::unique_ptr<control_block> block() { return std::make_unique<control_block>(); }

bool is_open(int fd) { return ::fcntl(fd, F_GETFD) >= 0; }

TEST(BackendObjects, SysvSetHasTheValuesAndModeAndIsRemoved) {
    auto ctl = block();
    backend_objects objs;
    ASSERT_FALSE(objs.create("sysv", specs, *ctl).has_value());
    const int id = objs.sysv_id();
    ASSERT_GE(id, 0);
    EXPECT_EQ(::semctl(id, 0, GETVAL), 3);
    EXPECT_EQ(::semctl(id, 1, GETVAL), 0);
    semid_ds ds{};
    ASSERT_EQ(::semctl(id, 0, IPC_STAT, &ds), 0);
    EXPECT_EQ(ds.sem_perm.mode & 0777, 0600u);
    EXPECT_EQ(ds.sem_nsems, 2u);
    objs.release();
    EXPECT_EQ(objs.sysv_id(), -1);
    errno = 0;
    EXPECT_EQ(::semctl(id, 0, GETVAL), -1);
    EXPECT_TRUE(errno == EINVAL || errno == EIDRM) << errno;
}

TEST(BackendObjects, EventfdsHoldTheirValuesAndAreClosed) {
    auto ctl = block();
    std::vector<int> fds;
    {
        backend_objects objs;
        ASSERT_FALSE(objs.create("eventfd", specs, *ctl).has_value());
        fds = objs.fds();
        ASSERT_EQ(fds.size(), 2u);
        for (const int fd : fds) EXPECT_NE(::fcntl(fd, F_GETFD) & FD_CLOEXEC, 0);
        std::uint64_t v = 0;
        // EFD_SEMAPHORE: each read takes one of the three units.
        for (int i = 0; i < 3; ++i) ASSERT_EQ(::read(fds[0], &v, sizeof v), static_cast<ssize_t>(sizeof v));
        EXPECT_EQ(v, 1u);
        ASSERT_EQ(::fcntl(fds[0], F_SETFL, O_NONBLOCK), 0);
        EXPECT_EQ(::read(fds[0], &v, sizeof v), -1);
        EXPECT_EQ(errno, EAGAIN);
    }  // the destructor releases
    for (const int fd : fds) EXPECT_FALSE(is_open(fd)) << fd;
}

TEST(BackendObjects, PipesArePrefilledAndClosed) {
    auto ctl = block();
    backend_objects objs;
    const std::vector<semaphore_spec> big{{"items", 5000}};
    ASSERT_FALSE(objs.create("pipe", big, *ctl).has_value());
    const auto fds = objs.fds();
    ASSERT_EQ(fds.size(), 2u);
    int queued = 0;
    ASSERT_EQ(::ioctl(fds[0], FIONREAD, &queued), 0);
    EXPECT_EQ(queued, 5000);
    objs.release();
    for (const int fd : fds) EXPECT_FALSE(is_open(fd)) << fd;
}

TEST(BackendObjects, SharedMemorySemaphoresStartAtTheirValues) {
    auto ctl = block();
    backend_objects objs;
    ASSERT_FALSE(objs.create("unnamed", specs, *ctl).has_value());
    int v = -1;
    ASSERT_EQ(::sem_getvalue(&ctl->primitives[0].unnamed, &v), 0);
    EXPECT_EQ(v, 3);
    ASSERT_FALSE(objs.create("futex", specs, *ctl).has_value());
    EXPECT_EQ(ctl->primitives[0].futex.value.load(), 3u);
    EXPECT_EQ(ctl->primitives[1].futex.value.load(), 0u);
    EXPECT_EQ(objs.sysv_id(), -1);
    EXPECT_TRUE(objs.fds().empty());
    const std::vector<semaphore_spec> too_many(max_primitive_slots + 1);
    EXPECT_TRUE(objs.create("futex", too_many, *ctl).has_value());
}

}  // namespace
}  // namespace psem::bench
