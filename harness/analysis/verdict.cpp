// analysis/verdict.cpp - see verdict.hpp.
#include "analysis/verdict.hpp"

#include <cmath>

namespace psem::bench {

verdict decide_verdict(double change, std::optional<double> p_value, double min_p_value,
                       const compare_options& options) {
    // "Not significant" would be a lie when significance was out of reach: say so instead.
    if (!p_value || std::isnan(*p_value) || !(min_p_value <= options.alpha)) return verdict::too_few_repetitions;
    if (!(*p_value <= options.alpha)) return verdict::same;
    if (change > options.threshold) return verdict::slower;
    if (change < -options.threshold) return verdict::faster;
    return verdict::same;
}

}  // namespace psem::bench
