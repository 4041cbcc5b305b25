// stats/normal.hpp - the standard normal distribution, for large-sample approximations.
#pragma once

namespace psem::bench {

/// P(Z <= z).
[[nodiscard]] double normal_cdf(double z) noexcept;
/// P(Z > z), accurate far in the upper tail (no 1 - cdf cancellation).
[[nodiscard]] double normal_sf(double z) noexcept;
/// The z with normal_cdf(z) == p, for 0 < p < 1 (-inf/+inf at 0/1, NaN outside).
[[nodiscard]] double normal_quantile(double p) noexcept;

}  // namespace psem::bench
