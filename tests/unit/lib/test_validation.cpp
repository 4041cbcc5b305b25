// What psem checks before any system call: names (EINVAL, ENAMETOOLONG), initial values
// (EINVAL above SEM_VALUE_MAX) and the flags of the Go-style open (EINVAL).
#include <gtest/gtest.h>
#include <psem/psem.hpp>

#include <fcntl.h>
#include <sys/stat.h>

#include <cerrno>
#include <ostream>
#include <string>
#include <string_view>
#include <system_error>

#include "test_support.hpp"

namespace {

using psem::semaphore;
using psem_test::name_guard;

bool shm_file_exists(std::string_view name) {
    struct stat st{};
    const std::string path = "/dev/shm/sem." + std::string(name.substr(1));
    return ::stat(path.c_str(), &st) == 0;
}

// A unique test name padded with 'x' to exactly `chars` characters after the '/'.
std::string name_of_length(std::size_t chars) {
    std::string name = psem_test::unique_name("long");
    name.resize(chars + 1, 'x');
    return name;
}

// Unlinks a hand-made name at scope exit (name_guard makes its own names).
struct unlink_at_exit {
    std::string name;
    ~unlink_at_exit() { (void)psem::unlink(name); }
};

struct name_case {
    const char* label;
    std::string name;
    std::errc expected;  // std::errc{} for a valid name
};

void PrintTo(const name_case& c, std::ostream* os) { *os << c.label; }

class ValidateName : public ::testing::TestWithParam<name_case> {};

TEST_P(ValidateName, MatchesTheDocumentedRules) {
    const auto& c = GetParam();
    const auto ec = psem::validate_name(c.name);
    if (c.expected == std::errc{}) {
        EXPECT_FALSE(ec) << ec.message();
    } else {
        EXPECT_EQ(ec, c.expected) << ec.message();
    }
}

INSTANTIATE_TEST_SUITE_P(
    Table, ValidateName,
    ::testing::Values(
        name_case{"empty", "", psem::einval},
        name_case{"slash_only", "/", psem::einval},
        name_case{"no_leading_slash", "noslash", psem::einval},
        name_case{"inner_slash", "/a/b", psem::einval},
        name_case{"trailing_slash", "/a/", psem::einval},
        name_case{"double_leading_slash", "//a", psem::einval},
        name_case{"embedded_nul", std::string("/a\0b", 4), psem::einval},
        name_case{"one_char", "/a", std::errc{}},
        name_case{"dots_and_dashes", "/psem-test.1.x_y", std::errc{}},
        name_case{"max_length_251", std::string("/") + std::string(251, 'n'), std::errc{}},
        name_case{"too_long_252", std::string("/") + std::string(252, 'n'), psem::enametoolong},
        name_case{"no_slash_and_too_long", std::string(300, 'n'), psem::einval}),
    [](const ::testing::TestParamInfo<name_case>& param_info) { return std::string(param_info.param.label); });

TEST(Validation, MalformedNamesAreEinvalEverywhere) {
    for (const char* bad : {"/", "", "/a/b", "noslash"}) {
        SCOPED_TRACE(std::string("name \"") + bad + '"');
        std::error_code ec;
        bool created = true;
        EXPECT_FALSE(semaphore::create(bad, 0, psem::permissions{0600}, ec).is_open());
        EXPECT_EQ(ec, std::errc::invalid_argument);
        EXPECT_EQ(ec, psem::einval);
        EXPECT_EQ(ec.value(), EINVAL);
        (void)semaphore::open(bad, ec);
        EXPECT_EQ(ec, psem::einval);
        (void)semaphore::open_or_create(bad, 0, psem::permissions{0600}, &created, ec);
        EXPECT_EQ(ec, psem::einval);
        (void)semaphore::open(bad, psem::creat, psem::permissions{0600}, 0, ec);
        EXPECT_EQ(ec, psem::einval);
        EXPECT_EQ(psem::unlink(bad), psem::einval);
        EXPECT_THROW((void)semaphore::create(bad), std::system_error);
    }
}

TEST(Validation, NameOf251CharactersWorks) {
    const unlink_at_exit guard{name_of_length(psem::name_max)};
    ASSERT_EQ(guard.name.size(), 252u);
    std::error_code ec;
    auto sem = semaphore::create(guard.name, 1, psem::permissions{0600}, ec);
    ASSERT_FALSE(ec) << ec.message();
    EXPECT_TRUE(shm_file_exists(guard.name));
    EXPECT_EQ(sem.value(), 1);
    EXPECT_FALSE(psem::unlink(guard.name));
    EXPECT_FALSE(shm_file_exists(guard.name));
}

TEST(Validation, NameOf252CharactersIsTooLong) {
    const unlink_at_exit guard{name_of_length(psem::name_max + 1)};
    ASSERT_EQ(guard.name.size(), 253u);
    std::error_code ec;
    EXPECT_FALSE(semaphore::create(guard.name, 0, psem::permissions{0600}, ec).is_open());
    EXPECT_EQ(ec, std::errc::filename_too_long);
    EXPECT_EQ(ec, psem::enametoolong);
    EXPECT_EQ(ec.value(), ENAMETOOLONG);
    (void)semaphore::open(guard.name, ec);
    EXPECT_EQ(ec, psem::enametoolong);
    (void)semaphore::open_or_create(guard.name, 0, psem::permissions{0600}, nullptr, ec);
    EXPECT_EQ(ec, psem::enametoolong);
    EXPECT_EQ(psem::unlink(guard.name), psem::enametoolong);
    EXPECT_FALSE(shm_file_exists(guard.name));

    // psem's check agrees with glibc's: the file name "sem.<252 chars>" exceeds NAME_MAX.
    errno = 0;
    sem_t* raw = ::sem_open(guard.name.c_str(), O_CREAT | O_EXCL, 0600, 0u);
    EXPECT_EQ(raw, SEM_FAILED);
    EXPECT_EQ(errno, ENAMETOOLONG);
    if (raw != SEM_FAILED) ::sem_close(raw);
}

TEST(Validation, InitialValueAboveValueMaxIsEinval) {
    name_guard name;
    const unsigned over = psem::value_max + 1u;
    std::error_code ec;
    EXPECT_FALSE(semaphore::create(name, over, psem::permissions{0600}, ec).is_open());
    EXPECT_EQ(ec, std::errc::invalid_argument);
    EXPECT_EQ(ec, psem::einval);
    (void)semaphore::open_or_create(name, over, psem::permissions{0600}, nullptr, ec);
    EXPECT_EQ(ec, psem::einval);
    (void)semaphore::open(name, psem::creat, psem::permissions{0600}, over, ec);
    EXPECT_EQ(ec, psem::einval);
    (void)semaphore::open(name, psem::creat | psem::excl, psem::permissions{0600}, over, ec);
    EXPECT_EQ(ec, psem::einval);
    (void)semaphore::open(name, psem::creat | psem::excl, psem::permissions{0600}, ~0u, ec);
    EXPECT_EQ(ec, psem::einval);
    EXPECT_FALSE(shm_file_exists(name));  // rejected before sem_open
}

TEST(Validation, InitialValueOfValueMaxIsAccepted) {
    name_guard name;
    std::error_code ec;
    auto sem = semaphore::create(name, psem::value_max, psem::permissions{0600}, ec);
    ASSERT_FALSE(ec) << ec.message();
    EXPECT_EQ(static_cast<unsigned>(sem.value()), psem::value_max);
}

TEST(Validation, GoStyleOpenRejectsOtherFlags) {
    name_guard name;
    auto existing = semaphore::create(name);
    // O_EXCL alone used to slip through as a plain open of the existing name.
    for (const int flags : {psem::excl, O_RDWR, O_RDONLY | O_TRUNC, psem::creat | O_TRUNC,
                            psem::creat | psem::excl | O_NONBLOCK, O_CLOEXEC, -1}) {
        SCOPED_TRACE("flags " + std::to_string(flags));
        std::error_code ec;
        auto sem = semaphore::open(name, flags, psem::permissions{0600}, 0, ec);
        EXPECT_EQ(ec, std::errc::invalid_argument);
        EXPECT_EQ(ec, psem::einval);
        EXPECT_FALSE(sem.is_open());
    }
    // On a missing name too: nothing is created.
    name_guard missing("missing");
    std::error_code ec;
    (void)semaphore::open(missing, psem::excl, psem::permissions{0600}, 0, ec);
    EXPECT_EQ(ec, psem::einval);
    EXPECT_FALSE(shm_file_exists(missing));
}

// errors.hpp: "a failure keeps its errno: std::error_code{errno, std::system_category()}".
// The checks psem makes itself must look the same as the ones the kernel makes, so that
// a caller comparing with a system_category code (or logging the category) sees no seam.
TEST(Validation, EveryErrorIsInTheSystemCategory) {
    name_guard name;
    const auto system_einval = std::error_code(EINVAL, std::system_category());
    std::error_code ec;
    EXPECT_EQ(psem::validate_name("noslash"), system_einval);
    EXPECT_EQ(psem::validate_name(name_of_length(psem::name_max + 1)),
              std::error_code(ENAMETOOLONG, std::system_category()));
    EXPECT_EQ(psem::unlink("/a/b"), system_einval);
    (void)semaphore::create(name, psem::value_max + 1u, psem::permissions{0600}, ec);
    EXPECT_EQ(ec, system_einval);
    (void)semaphore::open(name, psem::excl, psem::permissions{0600}, 0, ec);
    EXPECT_EQ(ec, system_einval);
    (void)semaphore::open_or_create("", 0, psem::permissions{0600}, nullptr, ec);
    EXPECT_EQ(ec, system_einval);
    (void)semaphore::open(name, ec);  // from sem_open itself
    EXPECT_EQ(ec, std::error_code(ENOENT, std::system_category()));
    auto sem = semaphore::create(name);
    EXPECT_EQ(sem.try_wait(), std::error_code(EAGAIN, std::system_category()));
    EXPECT_EQ(sem.post().category(), std::system_category());  // success too
}

}  // namespace
