// stats/ratio_interval.hpp - how much faster or slower, with a distribution-free interval.
//
// Timings are positive and their noise is roughly multiplicative, so the comparison works
// on log values: the Hodges-Lehmann estimate of the shift of log(contender) against
// log(baseline) (the median of all pairwise differences) and its order-statistic
// confidence interval, inverted from the Mann-Whitney U distribution. Exponentiated, these
// give the ratio contender / baseline (1.10 = 10% more time) and its interval, with no
// bootstrap (deterministic) and no normality assumption.
#pragma once

#include <span>

namespace psem::bench {

struct ratio_interval {
    double estimate = 0;    // contender / baseline, Hodges-Lehmann on logs
    double lower = 0;       // interval bounds for that ratio
    double upper = 0;
    double confidence = 0;  // coverage actually achieved (the discrete distribution steps);
                            // below the requested level when the samples are too small
};

/// All fields NaN when a sample is empty or holds a value <= 0.
[[nodiscard]] ratio_interval ratio_confidence_interval(std::span<const double> baseline,
                                                       std::span<const double> contender,
                                                       double confidence = 0.95);

}  // namespace psem::bench
