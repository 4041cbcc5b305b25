// stats/stats.hpp - everything in stats/: pure functions over samples of doubles.
#pragma once

#include "stats/descriptive.hpp"    // mean, median, stddev, cv, percentile, fairness, ...
#include "stats/mann_whitney.hpp"   // two-sided U test, minimum reachable p
#include "stats/normal.hpp"         // normal cdf / sf / quantile
#include "stats/ratio_interval.hpp" // Hodges-Lehmann ratio and its confidence interval
#include "stats/sign_test.hpp"      // sign test, order-statistic interval for a median
