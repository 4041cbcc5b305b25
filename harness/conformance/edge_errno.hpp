// conformance/edge_errno.hpp - errno values as the symbolic names the checks report.
//
// A report says "EAGAIN", not 11: errno numbers differ between architectures and
// operating systems, so a number alone cannot be compared host against host.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <system_error>

namespace psem::bench {

/// "EAGAIN" for EAGAIN, "OK" for 0, "E<number>" ("E4095") for a value this host does
/// not name. Aliases (EWOULDBLOCK, EDEADLOCK, ENOTSUP) give their primary name.
[[nodiscard]] std::string errno_name(int value);

/// errno_name() of a code from the system or generic category (the library returns
/// both: std::errc codes from its own validation, errno codes from glibc); "OK" when
/// empty; "<category>:<value>" for any other category, which no psem call produces.
[[nodiscard]] std::string code_name(std::error_code ec);

/// The outcomes of a check's trials in one cell: "ETIMEDOUT" when all agree, else each
/// distinct outcome with its count in order of first appearance ("ETIMEDOUT x99, EINTR x1").
[[nodiscard]] std::string describe_outcomes(std::span<const std::string> outcomes);

}  // namespace psem::bench
