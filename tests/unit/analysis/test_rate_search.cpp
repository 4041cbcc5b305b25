// The search's reasoning without running anything: a step judged from its repetitions,
// and the next rate chosen against a made-up host whose p99 crosses the target at a known
// rate (bracketing, then bisection to the resolution).
#include "analysis/rate_search.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace psem::bench {
namespace {

run_record rep(double p99, double achieved, bool failed = false) {
    run_record r;
    r.name = r.run_name = "producer_consumer/producers:1/consumers:1/post_interval_ns:1000";
    r.real_time_ns = 1000;
    r.error_occurred = failed;
    r.counters["p99_ns"] = p99;
    r.counters["p50_ns"] = p99 / 4;
    r.counters["posts_per_sec"] = achieved;
    return r;
}

TEST(RateSearch, AStepPassesOnlyBelowWithConfidenceAndAtPace) {
    std::vector<run_record> below(5, rep(50, 1e6));
    const search_step b = judge_step(below, 1000, 1e6, 100, 0.05);
    EXPECT_EQ(b.verdict, step_verdict::below);
    EXPECT_DOUBLE_EQ(b.below_p_value, 1.0 / 32);
    EXPECT_EQ(b.runs, 5);
    EXPECT_EQ(b.runs_over, 0);
    EXPECT_DOUBLE_EQ(*b.p99_ns, 50);

    std::vector<run_record> four(4, rep(50, 1e6));  // 4 of 4 below: p = 1/16, cannot tell
    EXPECT_EQ(judge_step(four, 1000, 1e6, 100, 0.05).verdict, step_verdict::unsure);

    std::vector<run_record> over(5, rep(500, 1e6));
    const search_step o = judge_step(over, 1000, 1e6, 100, 0.05);
    EXPECT_EQ(o.verdict, step_verdict::over);
    EXPECT_EQ(o.runs_over, 5);

    std::vector<run_record> slow(5, rep(50, 0.9e6));  // below the target, but the pace was not kept
    EXPECT_EQ(judge_step(slow, 1000, 1e6, 100, 0.05).verdict, step_verdict::behind);

    std::vector<run_record> with_failed(5, rep(50, 1e6));
    with_failed.push_back(rep(1e9, 1e6, true));  // a failed repetition counts for nothing
    EXPECT_EQ(judge_step(with_failed, 1000, 1e6, 100, 0.05).runs, 5);
}

// A host whose p99 is below the target up to `limit` posts/s.
search_step host_step(const rate_search& s, std::uint64_t interval, double limit) {
    search_step st;
    st.interval_ns = interval;
    st.offered_per_sec = s.rate_of(interval);
    st.verdict = st.offered_per_sec < limit ? step_verdict::below : step_verdict::over;
    return st;
}

TEST(RateSearch, BracketsThenBisectsToTheResolution) {
    rate_search_options o;
    o.target_ns = 100'000;
    o.from_rate = 1000;
    o.to_rate = 1e7;
    o.producer_threads = 2;
    rate_search s(o);
    EXPECT_EQ(*s.next(), 2'000'000u);  // 2 threads x 1e9 / 1000 posts/s
    const double limit = 300'000;
    while (const auto i = s.next()) s.add(host_step(s, *i, limit));
    ASSERT_TRUE(s.highest_passing() && s.first_failing());
    const double lo = s.steps()[*s.highest_passing()].offered_per_sec;
    const double hi = s.steps()[*s.first_failing()].offered_per_sec;
    EXPECT_LT(lo, limit);
    EXPECT_GE(hi, limit);
    EXPECT_LE(hi / lo, 1.1);
    // Bracketing x4 from 1k: 1k, 4k, 16k, 64k, 256k pass, 1.02M fails; then bisection.
    EXPECT_DOUBLE_EQ(s.steps()[1].offered_per_sec, 4000);
    EXPECT_LE(s.steps().size(), 12u);
}

TEST(RateSearch, NotEvenTheLowestRate) {
    rate_search_options o;
    o.target_ns = 10;
    rate_search s(o);
    s.add(host_step(s, *s.next(), 10));  // fails at 1000/s
    EXPECT_FALSE(s.next().has_value());
    EXPECT_FALSE(s.highest_passing().has_value());
    ASSERT_TRUE(s.first_failing().has_value());
}

TEST(RateSearch, PassingAtTheTopEndsTheSearch) {
    rate_search_options o;
    o.from_rate = 1000;
    o.to_rate = 20'000;
    rate_search s(o);
    while (const auto i = s.next()) s.add(host_step(s, *i, 1e12));
    EXPECT_FALSE(s.first_failing().has_value());
    EXPECT_NEAR(s.steps()[*s.highest_passing()].offered_per_sec, 20'000, 1);
    EXPECT_EQ(s.steps().size(), 4u);  // 1k, 4k, 16k, 20k
}

TEST(RateSearch, UnsureCountsAsNotPassingAndMaxStepsStops) {
    rate_search_options o;
    o.max_steps = 3;
    rate_search s(o);
    search_step first = host_step(s, *s.next(), 1e12);
    s.add(first);
    search_step unsure = host_step(s, *s.next(), 1e12);
    unsure.verdict = step_verdict::unsure;
    s.add(unsure);
    EXPECT_EQ(*s.first_failing(), 1u);
    s.add(host_step(s, *s.next(), 1e12));
    EXPECT_FALSE(s.next().has_value());
}

}  // namespace
}  // namespace psem::bench
