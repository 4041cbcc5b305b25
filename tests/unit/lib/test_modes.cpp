// The requested mode is applied exactly, whatever the umask: checked on the file glibc
// keeps for the semaphore, /dev/shm/sem.<name without the slash>.
#include <gtest/gtest.h>
#include <psem/psem.hpp>

#include <sys/stat.h>

#include <cstdio>
#include <ostream>
#include <string>
#include <string_view>
#include <system_error>

#include "test_support.hpp"

namespace {

using psem::semaphore;
using psem_test::name_guard;

// Permission bits of the semaphore's file, or -1 when it cannot be stat'ed.
int file_mode(std::string_view name) {
    struct stat st{};
    const std::string path = "/dev/shm/sem." + std::string(name.substr(1));
    if (::stat(path.c_str(), &st) != 0) return -1;
    return static_cast<int>(st.st_mode & 07777);
}

// Sets the umask for one scope and always puts the old one back: the umask is process-wide
// and the next test must not inherit ours.
class umask_scope {
public:
    explicit umask_scope(mode_t mask) : old_(::umask(mask)) {}
    ~umask_scope() { ::umask(old_); }
    umask_scope(const umask_scope&) = delete;
    umask_scope& operator=(const umask_scope&) = delete;

private:
    mode_t old_;
};

struct mode_case {
    mode_t umask;
    unsigned mode;
};

void PrintTo(const mode_case& c, std::ostream* os) {
    *os << std::oct << "umask 0" << c.umask << ", mode 0" << c.mode << std::dec;
}

class ExactMode : public ::testing::TestWithParam<mode_case> {};

TEST_P(ExactMode, CreateAppliesTheModeWhateverTheUmask) {
    const auto [mask, mode] = GetParam();
    const umask_scope scope(mask);
    name_guard name;
    std::error_code ec;
    auto sem = semaphore::create(name, 0, psem::permissions{mode}, ec);
    ASSERT_FALSE(ec) << ec.message();
    EXPECT_EQ(file_mode(name), static_cast<int>(mode)) << std::oct << "umask 0" << mask;
}

TEST_P(ExactMode, OpenOrCreateAppliesTheModeWhenItCreates) {
    const auto [mask, mode] = GetParam();
    const umask_scope scope(mask);
    name_guard name;
    bool created = false;
    auto sem = semaphore::open_or_create(name, 0, psem::permissions{mode}, &created);
    ASSERT_TRUE(created);
    EXPECT_EQ(file_mode(name), static_cast<int>(mode)) << std::oct << "umask 0" << mask;
}

// The Go-style open(name, creat, ...) is "open or create" too, so the contract holds there.
TEST_P(ExactMode, GoStyleOpenWithCreatAppliesTheModeWhenItCreates) {
    const auto [mask, mode] = GetParam();
    const umask_scope scope(mask);
    name_guard name;
    std::error_code ec;
    auto sem = semaphore::open(name, psem::creat, psem::permissions{mode}, 0, ec);
    ASSERT_FALSE(ec) << ec.message();
    EXPECT_EQ(file_mode(name), static_cast<int>(mode)) << std::oct << "umask 0" << mask;
}

INSTANTIATE_TEST_SUITE_P(Umasks, ExactMode,
                         ::testing::Values(mode_case{077, 0600}, mode_case{077, 0640},
                                           mode_case{0, 0600}, mode_case{0, 0640},
                                           mode_case{022, 0666}, mode_case{0777, 0604}),
                         [](const ::testing::TestParamInfo<mode_case>& param_info) {
                             char label[32];
                             std::snprintf(label, sizeof label, "umask%04o_mode%04o",
                                           static_cast<unsigned>(param_info.param.umask),
                                           param_info.param.mode);
                             return std::string(label);
                         });

TEST(Modes, OpeningAnExistingSemaphoreLeavesItsModeAlone) {
    name_guard name;
    auto owner = semaphore::create(name, 0, psem::permissions{0640});
    ASSERT_EQ(file_mode(name), 0640);
    bool created = true;
    auto opened = semaphore::open_or_create(name, 0, psem::permissions{0600}, &created);
    EXPECT_FALSE(created);
    std::error_code ec;
    auto go_opened = semaphore::open(name, psem::creat, psem::permissions{0666}, 0, ec);
    ASSERT_FALSE(ec) << ec.message();
    EXPECT_EQ(file_mode(name), 0640);  // not ours to change: someone else created it
}

TEST(Modes, DefaultModeIsOwnerReadWrite) {
    const umask_scope scope(0);
    name_guard name;
    auto sem = semaphore::create(name);
    EXPECT_EQ(psem::default_mode, psem::permissions{0600});
    EXPECT_EQ(file_mode(name), 0600);
}

}  // namespace
