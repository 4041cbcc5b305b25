// errno values -> the symbolic names the checks report.
#include <gtest/gtest.h>

#include "conformance/edge_errno.hpp"

#include <cerrno>
#include <future>
#include <set>
#include <string>
#include <system_error>
#include <vector>

namespace {

using psem::bench::code_name;
using psem::bench::describe_outcomes;
using psem::bench::errno_name;

TEST(ErrnoName, NamesTheErrorsTheChecksExpect) {
    EXPECT_EQ(errno_name(EAGAIN), "EAGAIN");
    EXPECT_EQ(errno_name(ETIMEDOUT), "ETIMEDOUT");
    EXPECT_EQ(errno_name(EOVERFLOW), "EOVERFLOW");
    EXPECT_EQ(errno_name(EINVAL), "EINVAL");
    EXPECT_EQ(errno_name(EEXIST), "EEXIST");
    EXPECT_EQ(errno_name(ENOENT), "ENOENT");
    EXPECT_EQ(errno_name(ENAMETOOLONG), "ENAMETOOLONG");
    EXPECT_EQ(errno_name(EACCES), "EACCES");
    EXPECT_EQ(errno_name(EINTR), "EINTR");
    EXPECT_EQ(errno_name(EMFILE), "EMFILE");
    EXPECT_EQ(errno_name(ENFILE), "ENFILE");
    EXPECT_EQ(errno_name(ENOMEM), "ENOMEM");
    EXPECT_EQ(errno_name(EPERM), "EPERM");
}

TEST(ErrnoName, ZeroIsOk) { EXPECT_EQ(errno_name(0), "OK"); }

TEST(ErrnoName, AliasesGiveTheirPrimaryName) {
    EXPECT_EQ(errno_name(EWOULDBLOCK), "EAGAIN");
    EXPECT_EQ(errno_name(EDEADLOCK), "EDEADLK");
    EXPECT_EQ(errno_name(ENOTSUP), "EOPNOTSUPP");
}

TEST(ErrnoName, UnknownValuesKeepTheirNumber) {
    EXPECT_EQ(errno_name(4095), "E4095");
    EXPECT_EQ(errno_name(-1), "E-1");
    EXPECT_EQ(errno_name(1'000'000), "E1000000");
}

TEST(ErrnoName, EveryLinuxErrnoHasADistinctSymbolicName) {
    // 1..133 is Linux's whole range (41 and 58 are unused); each named value must get
    // its own "E..." name, never the numeric fallback.
    std::set<std::string> seen;
    int named = 0;
    for (int e = 1; e <= 133; ++e) {
        const std::string n = errno_name(e);
        ASSERT_FALSE(n.empty());
        EXPECT_EQ(n[0], 'E') << e;
        std::string fallback = "E";  // appended: GCC 12 warns falsely on "E" + string&&
        fallback += std::to_string(e);
        if (e == 41 || e == 58) {
            EXPECT_EQ(n, fallback);
            continue;
        }
        EXPECT_NE(n, fallback) << "errno " << e << " has no name";
        EXPECT_TRUE(seen.insert(n).second) << n << " names two values";
        ++named;
    }
    EXPECT_EQ(named, 131);
}

TEST(CodeName, EmptyCodeIsOk) { EXPECT_EQ(code_name(std::error_code{}), "OK"); }

TEST(CodeName, SystemAndGenericCodesGiveTheErrnoName) {
    // glibc's failures come as system_category, the library's own validation as
    // std::errc (generic_category): a report must not tell them apart.
    EXPECT_EQ(code_name({EMFILE, std::system_category()}), "EMFILE");
    EXPECT_EQ(code_name(std::make_error_code(std::errc::timed_out)), "ETIMEDOUT");
    EXPECT_EQ(code_name(std::make_error_code(std::errc::value_too_large)), "EOVERFLOW");
    EXPECT_EQ(code_name({4095, std::system_category()}), "E4095");
}

TEST(CodeName, OtherCategoriesAreNamedWithTheirCategory) {
    const auto ec = std::make_error_code(std::future_errc::broken_promise);
    EXPECT_EQ(code_name(ec), std::string(ec.category().name()) + ":" + std::to_string(ec.value()));
}

TEST(DescribeOutcomes, AgreementIsOneName) {
    const std::vector<std::string> v(5, "ETIMEDOUT");
    EXPECT_EQ(describe_outcomes(v), "ETIMEDOUT");
}

TEST(DescribeOutcomes, DisagreementCountsEachInOrderOfFirstAppearance) {
    const std::vector<std::string> v = {"ETIMEDOUT", "EINTR", "ETIMEDOUT", "OK", "ETIMEDOUT"};
    EXPECT_EQ(describe_outcomes(v), "ETIMEDOUT x3, EINTR x1, OK x1");
}

TEST(DescribeOutcomes, NothingIsEmpty) { EXPECT_EQ(describe_outcomes({}), ""); }

}  // namespace
