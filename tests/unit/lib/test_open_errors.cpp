// The errno values of the setup path, each provoked for real where that is safe: EEXIST,
// ENOENT, EACCES (dropped privileges), EMFILE (RLIMIT_NOFILE), ENOMEM (RLIMIT_AS), and
// ENFILE through the fault hook (filling the system file table would starve the host).
// Resource limits and setuid happen in forked children so the test runner keeps its own.
#include <gtest/gtest.h>
#include <psem/psem.hpp>
#include <psem/testing.hpp>

#include <dirent.h>
#include <fcntl.h>
#include <grp.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "test_support.hpp"

namespace {

using psem::semaphore;
using psem_test::in_child;
using psem_test::name_guard;

bool shm_file_exists(std::string_view name) {
    struct stat st{};
    const std::string path = "/dev/shm/sem." + std::string(name.substr(1));
    return ::stat(path.c_str(), &st) == 0;
}

// A child reports what went wrong on stderr (the parent only sees the exit code).
int child_fail(int code, const char* what, std::error_code ec = {}) {
    std::fprintf(stderr, "child: %s (got %d: %s)\n", what, ec.value(), ec.message().c_str());
    return code;
}

// True when ec is exactly `expected`, checked three ways: the std::errc, the psem constant
// and the raw errno. psem::x is an alias of a std::errc, so the first two are one check
// spelled as a caller would write it.
::testing::AssertionResult is_errno(std::error_code ec, std::errc expected, int raw) {
    if (ec == expected && ec.value() == raw && ec.category() == std::system_category())
        return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "got " << ec.value() << " (" << ec.message()
                                         << ") in " << ec.category().name() << ", expected "
                                         << raw;
}

TEST(OpenErrors, ExclusiveCreateOfAnExistingNameIsEexist) {
    name_guard name;
    auto existing = semaphore::create(name, 4);
    std::error_code ec;
    auto again = semaphore::create(name, 0, psem::permissions{0600}, ec);
    EXPECT_TRUE(is_errno(ec, std::errc::file_exists, EEXIST));
    EXPECT_EQ(ec, psem::eexist);
    EXPECT_FALSE(again.is_open());
    (void)semaphore::open(name, psem::creat | psem::excl, psem::permissions{0600}, 0, ec);
    EXPECT_EQ(ec, psem::eexist);
    EXPECT_EQ(existing.value(), 4);  // the existing semaphore is untouched
}

TEST(OpenErrors, OpenWithoutCreateOfAMissingNameIsEnoent) {
    name_guard name;
    std::error_code ec;
    auto sem = semaphore::open(name, ec);
    EXPECT_TRUE(is_errno(ec, std::errc::no_such_file_or_directory, ENOENT));
    EXPECT_EQ(ec, psem::enoent);
    EXPECT_FALSE(sem.is_open());
    (void)semaphore::open(name, 0, psem::permissions{0600}, 0, ec);
    EXPECT_EQ(ec, psem::enoent);
    EXPECT_FALSE(shm_file_exists(name));
}

TEST(OpenErrors, UnlinkOfAMissingNameIsEnoent) {
    name_guard name;
    EXPECT_TRUE(is_errno(psem::unlink(name), std::errc::no_such_file_or_directory, ENOENT));
    EXPECT_EQ(psem::unlink(name), psem::enoent);
}

TEST(OpenErrors, HandleUnlinkTwiceIsEnoentTheSecondTime) {
    name_guard name;
    auto sem = semaphore::create(name);
    EXPECT_FALSE(sem.unlink());
    EXPECT_TRUE(is_errno(sem.unlink(), std::errc::no_such_file_or_directory, ENOENT));
    EXPECT_EQ(sem.unlink(), psem::enoent);
    EXPECT_FALSE(sem.post());  // the handle itself is fine
}

// Root bypasses permission checks, so the opener must be someone else: a child that drops
// to nobody (65534). Without root there is nobody to drop from and the creator would be
// the same user, so the test is skipped.
TEST(OpenErrors, UnprivilegedOpenOfARootOnlySemaphoreIsEacces) {
    if (::geteuid() != 0) GTEST_SKIP() << "needs root (euid 0) to create a semaphore another uid cannot open";
    name_guard name;
    auto sem = semaphore::create(name, 1, psem::permissions{0600});
    struct stat dir{};
    const bool sticky = ::stat("/dev/shm", &dir) == 0 && (dir.st_mode & S_ISVTX) != 0;

    const int rc = in_child([&] {
        if (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0)
            return child_fail(2, "cannot drop privileges");
        std::error_code ec;
        auto opened = semaphore::open(name, ec);
        if (ec != std::errc::permission_denied || ec != psem::eacces || ec.value() != EACCES)
            return child_fail(3, "open: expected EACCES", ec);
        (void)semaphore::open_or_create(name, 0, psem::permissions{0600}, nullptr, ec);
        if (ec != psem::eacces) return child_fail(4, "open_or_create: expected EACCES", ec);
        try {
            (void)semaphore::open(name);
            return child_fail(5, "open: no exception");
        } catch (const std::system_error& e) {
            if (e.code() != psem::eacces || std::string(e.what()).find(name.str()) == std::string::npos)
                return child_fail(6, e.what(), e.code());
        }
        // /dev/shm is sticky: only the owner may unlink. The kernel says EPERM and glibc's
        // sem_unlink turns that into the documented EACCES.
        if (sticky && (ec = psem::unlink(name)) != psem::eacces)
            return child_fail(7, "unlink: expected EACCES", ec);
        return 0;
    });
    EXPECT_EQ(rc, 0);
    EXPECT_TRUE(shm_file_exists(name)) << "the unprivileged child must not have removed it";
    EXPECT_EQ(sem.value(), 1);
}

std::size_t count_open_fds() {
    std::size_t n = 0;
    if (DIR* d = ::opendir("/proc/self/fd")) {
        while (const dirent* e = ::readdir(d))
            if (e->d_name[0] != '.') ++n;
        ::closedir(d);  // its own descriptor was counted too: fine, the limit only shrinks
    }
    return n;
}

TEST(OpenErrors, OpenWithNoDescriptorLeftIsEmfile) {
    name_guard name;
    name_guard fresh("fresh");
    (void)semaphore::create(name, 1);  // exists, but this process keeps no mapping of it

    const int rc = in_child([&] {
        // Lower the soft limit to the descriptors in use, then fill any hole below it: the
        // next open(2), the one inside sem_open, has nowhere to go.
        rlimit lim{};
        if (::getrlimit(RLIMIT_NOFILE, &lim) != 0) return child_fail(2, "getrlimit");
        const rlimit original = lim;
        lim.rlim_cur = count_open_fds();
        std::vector<int> fillers;
        fillers.reserve(lim.rlim_cur);
        if (::setrlimit(RLIMIT_NOFILE, &lim) != 0) return child_fail(3, "setrlimit");
        for (;;) {
            int fd = ::dup(STDERR_FILENO);
            if (fd < 0 && errno != EMFILE) fd = ::open("/dev/null", O_RDONLY);  // no stderr
            if (fd < 0) break;
            fillers.push_back(fd);
        }
        if (errno != EMFILE) return child_fail(4, "filling descriptors did not end in EMFILE");

        // Only record the codes while no descriptor is free: the sanitizers need one to
        // check memory (UBSan's vptr check opens a pipe) and report nonsense without it.
        std::error_code open_ec;
        std::error_code create_ec;
        std::error_code either_ec;
        auto sem = semaphore::open(name, open_ec);
        (void)semaphore::create(fresh, 0, psem::permissions{0600}, create_ec);
        (void)semaphore::open_or_create(name, 0, psem::permissions{0600}, nullptr, either_ec);
        for (const int fd : fillers) ::close(fd);
        // Closing the fillers leaves one descriptor free at most; UBSan's check wants a pipe
        // (two), so give the old soft limit back before any comparison below.
        if (::setrlimit(RLIMIT_NOFILE, &original) != 0) return child_fail(8, "restoring the limit");

        if (open_ec != std::errc::too_many_files_open || open_ec != psem::emfile || open_ec.value() != EMFILE)
            return child_fail(5, "open: expected EMFILE", open_ec);
        if (create_ec != psem::emfile) return child_fail(6, "create: expected EMFILE", create_ec);
        if (either_ec != psem::emfile) return child_fail(7, "open_or_create: expected EMFILE", either_ec);
        return 0;
    });
    EXPECT_EQ(rc, 0);
    EXPECT_FALSE(shm_file_exists(fresh));
}

// Touches `bytes` of stack so the stack mapping is already grown when RLIMIT_AS freezes
// the address space (a stack that needs to grow past the limit would be a SIGSEGV).
[[gnu::noinline]] void pre_grow_stack(std::size_t bytes) {
    char* volatile buf = static_cast<char*>(__builtin_alloca(bytes));
    for (std::size_t i = 0; i < bytes; i += 1024) buf[i] = 0;
}

bool read_vm_pages(unsigned long& pages) {
    std::FILE* f = std::fopen("/proc/self/statm", "r");
    if (f == nullptr) return false;
    const bool ok = std::fscanf(f, "%lu", &pages) == 1;
    std::fclose(f);
    return ok;
}

// sem_open maps the semaphore's page with mmap; with RLIMIT_AS at the current virtual
// size, that mmap has no room and fails with ENOMEM. The name must not be mapped in the
// child already (glibc would reuse the mapping), so the parent only creates and closes.
TEST(OpenErrors, OpenWithTheAddressSpaceFullIsEnomem) {
    name_guard name;
    (void)semaphore::create(name, 1);

    const int rc = in_child([&] {
        pre_grow_stack(256 * 1024);
        const std::string copy = name.str();  // allocate before the limit, not after
        unsigned long pages = 0;
        if (!read_vm_pages(pages)) return child_fail(2, "cannot read /proc/self/statm");
        const auto page = static_cast<unsigned long>(::sysconf(_SC_PAGESIZE));
        rlimit lim{};
        if (::getrlimit(RLIMIT_AS, &lim) != 0) return child_fail(3, "getrlimit");
        lim.rlim_cur = pages * page;
        if (::setrlimit(RLIMIT_AS, &lim) != 0) return child_fail(4, "setrlimit");

        // glibc first, to show where the ENOMEM comes from; then psem passes it on.
        errno = 0;
        sem_t* raw = ::sem_open(copy.c_str(), 0);
        if (raw != SEM_FAILED) return child_fail(5, "raw sem_open succeeded under RLIMIT_AS");
        if (errno != ENOMEM) return child_fail(6, "raw sem_open: expected ENOMEM", std::error_code(errno, std::system_category()));
        std::error_code ec;
        auto sem = semaphore::open(name, ec);
        if (ec != std::errc::not_enough_memory || ec != psem::enomem || ec.value() != ENOMEM)
            return child_fail(7, "open: expected ENOMEM", ec);
        return 0;
    });
    EXPECT_EQ(rc, 0);
}

// ENFILE through the test seam: the hook sees the name and its errno comes back unchanged.
std::string g_fault_seen;
int enfile_fault(std::string_view name) {
    g_fault_seen.assign(name);
    return ENFILE;
}
int pass_fault(std::string_view name) {
    g_fault_seen.assign(name);
    return 0;
}

// Removes the hook on every way out of the test, ASSERT failures included.
struct fault_hook {
    explicit fault_hook(int (*fault)(std::string_view)) { psem::testing::set_open_fault(fault); }
    ~fault_hook() { psem::testing::set_open_fault(nullptr); }
    fault_hook(const fault_hook&) = delete;
    fault_hook& operator=(const fault_hook&) = delete;
};

TEST(OpenErrors, SystemFileTableFullIsEnfileThroughTheFaultHook) {
    name_guard name;
    {
        const fault_hook hook(enfile_fault);
        g_fault_seen.clear();
        std::error_code ec;
        auto sem = semaphore::create(name, 0, psem::permissions{0600}, ec);
        EXPECT_TRUE(is_errno(ec, std::errc::too_many_files_open_in_system, ENFILE));
        EXPECT_EQ(ec, psem::enfile);
        EXPECT_FALSE(sem.is_open());
        EXPECT_EQ(g_fault_seen, name.str());
        EXPECT_FALSE(shm_file_exists(name));

        (void)semaphore::open_or_create(name, 0, psem::permissions{0600}, nullptr, ec);
        EXPECT_EQ(ec, psem::enfile);
        for (int which = 0; which < 3; ++which) {
            try {
                if (which == 0) (void)semaphore::create(name);
                if (which == 1) (void)semaphore::open(name);
                if (which == 2) (void)semaphore::open_or_create(name);
                ADD_FAILURE() << "form " << which << " did not throw";
            } catch (const std::system_error& e) {
                EXPECT_EQ(e.code(), psem::enfile) << e.what();
                EXPECT_NE(std::string(e.what()).find(name.str()), std::string::npos) << e.what();
            }
        }
    }
    // Hook removed: the real sem_open runs again.
    std::error_code ec;
    auto sem = semaphore::create(name, 0, psem::permissions{0600}, ec);
    EXPECT_FALSE(ec) << ec.message();
}

TEST(OpenErrors, FaultHookReturningZeroLetsTheCallThrough) {
    name_guard name;
    const fault_hook hook(pass_fault);
    g_fault_seen.clear();
    std::error_code ec;
    auto sem = semaphore::create(name, 2, psem::permissions{0600}, ec);
    ASSERT_FALSE(ec) << ec.message();
    EXPECT_EQ(g_fault_seen, name.str());
    EXPECT_EQ(sem.value(), 2);
}

}  // namespace
