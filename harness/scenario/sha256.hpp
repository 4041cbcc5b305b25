// scenario/sha256.hpp - SHA-256 of a byte string (FIPS 180-4), for the report's record of
// which scenario file produced a run. Written here rather than taken from OpenSSL so that
// the harness gains no crypto dependency for one hash of a few hundred bytes.
#pragma once

#include <string>
#include <string_view>

namespace psem::bench {

/// Lower-case hexadecimal SHA-256 digest (64 characters) of `bytes`.
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

}  // namespace psem::bench
