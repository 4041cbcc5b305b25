// The verdict rules: significant AND beyond the threshold, and "too few" when
// significance is out of reach.
#include "analysis/verdict.hpp"

#include <gtest/gtest.h>

#include <limits>

using psem::bench::compare_options;
using psem::bench::decide_verdict;
using psem::bench::verdict;

namespace {

const compare_options defaults{};  // threshold 5%, alpha 0.05

TEST(Verdict, SignificantAndBeyondThresholdIsSlowerOrFaster) {
    EXPECT_EQ(decide_verdict(0.12, 0.001, 1e-5, defaults), verdict::slower);
    EXPECT_EQ(decide_verdict(-0.12, 0.001, 1e-5, defaults), verdict::faster);
}

TEST(Verdict, SignificantButWithinThresholdIsSame) {
    EXPECT_EQ(decide_verdict(0.049, 1e-6, 1e-6, defaults), verdict::same);
    EXPECT_EQ(decide_verdict(-0.049, 1e-6, 1e-6, defaults), verdict::same);
    // "Larger than the threshold": exactly 5% is not.
    EXPECT_EQ(decide_verdict(0.05, 1e-6, 1e-6, defaults), verdict::same);
}

TEST(Verdict, LargeButNotSignificantIsSame) {
    EXPECT_EQ(decide_verdict(0.40, 0.051, 1e-5, defaults), verdict::same);
    EXPECT_EQ(decide_verdict(-0.40, 0.30, 1e-5, defaults), verdict::same);
}

TEST(Verdict, PAtAlphaCountsAsSignificant) {
    // Same convention as mann_whitney_samples_needed: min p <= alpha means reachable.
    EXPECT_EQ(decide_verdict(0.10, 0.05, 0.01, defaults), verdict::slower);
}

TEST(Verdict, UnreachableAlphaIsTooFewWhateverTheData) {
    // 3 against 3: the smallest possible two-sided p is 2/20 = 0.1 > 0.05.
    EXPECT_EQ(decide_verdict(0.50, 0.1, 0.1, defaults), verdict::too_few_repetitions);
    EXPECT_EQ(decide_verdict(0.0, 1.0, 0.1, defaults), verdict::too_few_repetitions);
}

TEST(Verdict, NoTestIsTooFew) {
    EXPECT_EQ(decide_verdict(0.30, std::nullopt, 1.0, defaults), verdict::too_few_repetitions);
    EXPECT_EQ(decide_verdict(0.30, std::numeric_limits<double>::quiet_NaN(), 0.01, defaults),
              verdict::too_few_repetitions);
}

TEST(Verdict, OptionsAreHonoured) {
    compare_options strict;
    strict.threshold = 0.02;
    strict.alpha = 0.01;
    EXPECT_EQ(decide_verdict(0.03, 0.005, 0.001, strict), verdict::slower);
    EXPECT_EQ(decide_verdict(0.03, 0.02, 0.001, strict), verdict::same);
    EXPECT_EQ(decide_verdict(0.03, 0.005, 0.02, strict), verdict::too_few_repetitions);
}

}  // namespace
