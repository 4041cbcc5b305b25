// analysis/verdict.hpp - the verdict rules, in one place.
#pragma once

#include "analysis/compare.hpp"

#include <optional>

namespace psem::bench {

/// A regression must be both real and large: significant (p <= alpha) AND beyond the
/// threshold (|change| > threshold). In order:
///   p_value absent, or min_p_value > alpha  -> too_few_repetitions (no data can pass)
///   p_value > alpha                         -> same
///   change > threshold                      -> slower
///   change < -threshold                     -> faster
///   otherwise                               -> same (a real but negligible change)
/// `change` is contender median / baseline median - 1.
[[nodiscard]] verdict decide_verdict(double change, std::optional<double> p_value, double min_p_value,
                                     const compare_options& options);

}  // namespace psem::bench
