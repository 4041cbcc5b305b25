// The busy work per op: a fixed spin count is taken as it is; a time is converted at the
// rate calibrated in this process; neither means none.
#include "workloads/common.hpp"

#include <gtest/gtest.h>

namespace psem::bench {
namespace {

TEST(SpinCount, FixedIterationsAreTakenAsTheyAre) {
    scenario sc;
    sc.critical_section_iterations = 7;
    EXPECT_EQ(detail::spin_count(sc), 7u);
}

TEST(SpinCount, NanosecondsUseTheCalibratedRate) {
    scenario sc;
    sc.critical_section_ns = 1'000'000;
    calibrate_busy_work();
    EXPECT_EQ(detail::spin_count(sc), busy_iterations_for(1'000'000));
    EXPECT_GT(detail::spin_count(sc), 0u);
}

TEST(SpinCount, NeitherMeansNoBusyWork) { EXPECT_EQ(detail::spin_count(scenario{}), 0u); }

}  // namespace
}  // namespace psem::bench
